"""Who an Arabic report credits for a figure, and denials: "بحسب X", "قال X", "أفادت X", "نفت", "لم تقع أية إصابات".

Arabic puts the verb first, so the credited name follows its cue; it runs
to the first word that cannot stand in a name (a particle, a preposition of
time, a conjunction such as "بأنها", punctuation), clitics kept as written.
A document before the name is passed over ("بحسب بيان وزارة الصحة" credits
the ministry); a document alone ("وأضاف البيان") or a verb without a subject
("وأكدت ارتفاع الحصيلة") refers back to the source named before, and so
does a bare definite noun ("الوزارة" after "وزارة الصحة"). A credit to
estimates ("حسب بعض التقديرات") makes the figure approximate.
"""
from __future__ import annotations

import re

from pipeline.extract.ar.clitics import unglued
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import (
    CREDIT_CUES, DENIALS, DOCUMENTS, ESTIMATES, METRICS, POPULATIONS, REPORTING,
)
from pipeline.extract.crediting import Credit
from pipeline.extract.window import Token, tokens

NAME_STOPS = frozenset(folded_word(word) for word in """إن أن أنه أنها في على من إلى عن مع يوم أمس اليوم الليلة
    صباح مساء لـ بأن بان التي الذي الذين عبر خلال إثر بعد قبل حيث كما وقد قد ان ارتفاع مقتل حصيلة عدد
    سقوط تسجيل وقوع وصول بلوغ تجاوز استمرار""".split())
# "أن" and "إن" with a clitic before or a pronoun after ("بأنها", "إنه", "وأن"): the reported clause begins.
COMPLEMENTIZER = re.compile(r"^[وفبل]?ان(?:ه|ها|هم|هما|هن|نا|ني)?$")
ARTICLE = folded_word("ال")
QUANTIFIERS = frozenset(folded_word(word) for word in "بعض كل عدة".split())  # "بعض التقديرات"
MAX_NAME_WORDS = 7  # "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية" is six
CUES = REPORTING | CREDIT_CUES | DENIALS  # "نفت الوزارة ...": who denies is credited with the denial
SCOPE_END = re.compile(r"[;:؛]|،\s*(?:لكن|مؤكدا|مؤكدة|مضيفا|مضيفة)|\s+لكن\s+")
# "لم تقع أية إصابات", "نفت الوزارة سقوط أي قتلى": no casualty at all, as a party states it.
NO_CASUALTY = re.compile(
    r"(?:لم\s+(?:تقع|يقع|يسقط|تسجل|يسجل|تسفر|يسفر|يصب|يقتل)|(?<!\w)[وف]?(?:نفى|نفت|ينفي|تنفي)(?:\s+[^\W\d_]+){0,4}?)"
    r"\s+(?:عن\s+)?(?:اي[هة]?)\s+(?:[^\W\d_]+\s+(?:او|و)\s*)?(?P<noun>[^\W\d_]+)")


FOLLOWING_WORD = re.compile(r"\s+([^\W\d_]+)")


def _ends_name(word: str) -> bool:
    """Whether a word cannot stand in a name: not a word, a particle or time, "أن" in any form, or what
    happened to people ("بمقتل")."""
    return not word[0].isalpha() or word in NAME_STOPS or bool(COMPLEMENTIZER.match(word)) or \
        unglued(word) in METRICS or word[:1] in "وبلف" and word[1:] in NAME_STOPS  # "بسقوط", "وفي"


def _name(found: list[Token], shown: str, first: int) -> str | None:
    """The name from token ``first`` on, as written, up to a word that ends it."""
    picked = []
    for index in range(first, min(len(found), first + MAX_NAME_WORDS)):
        if _ends_name(found[index].word):
            break
        picked.append(found[index])
    return shown[picked[0].start:picked[-1].end] if picked else None


def _bare(word: str) -> str:
    """A word without the conjunction or preposition glued to it ("وبحسب" is "بحسب")."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def _credit(found: list[Token], shown: str, index: int, cue: str) -> Credit | None:
    position, first = found[index].start, index + 1
    if cue in CREDIT_CUES and first < len(found) and found[first].word in ("ل", "لـ"):
        first += 1  # "وفقا لـ"
    while first < len(found) and found[first].word in QUANTIFIERS:
        first += 1
    if first < len(found) and found[first].word.removeprefix(ARTICLE) in ESTIMATES:
        return Credit(position, None, estimate=True)  # "حسب بعض التقديرات"
    document = first < len(found) and found[first].word.removeprefix(ARTICLE) in DOCUMENTS
    name = _name(found, shown, first + 1 if document else first)
    if name is None:
        return Credit(position, None, refers_back=True) if document or cue in REPORTING | DENIALS else None
    if cue in CREDIT_CUES and name[:1] == "ل" and len(name.split()[0]) > 3:
        # "وفقا لمختبر ..." credits the laboratory, "وفقا للأمم المتحدة" the United Nations
        name = "ال" + name[2:] if name.startswith("لل") else name[1:].lstrip("ـ")
    return Credit(position, name)


# Any word a credit hangs on: a sentence without one has no credit, and is not cut into words for them.
ANY_CUE = re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(sorted(CUES, key=len, reverse=True))})(?!\w)")


def credits(text: str, shown: str, found: list[Token] | None = None) -> list[Credit]:
    """Every credit in a folded stretch of text (``found`` its words, if cut); names as ``shown`` writes them."""
    if ANY_CUE.search(text) is None:
        return []
    found = tokens(text) if found is None else found
    result = []
    for index, token in enumerate(found):
        word = _bare(token.word) if _bare(token.word) in CUES else token.word
        if word in CUES:
            credit = _credit(found, shown, index, word)
            if credit is not None:
                result.append(credit)
    return result


def bare_head(name: str) -> str | None:
    """The noun of a name that is one definite noun ("الوزارة" -> "وزارة"), for a back-reference."""
    folded = folded_word(name)
    return folded[len(ARTICLE):] if " " not in folded and folded.startswith(ARTICLE) and len(folded) > 4 else None


def head(name: str) -> str:
    """The first word of a name, folded, without its article ("المرصد السوري" -> "مرصد")."""
    return folded_word(name).split()[0].removeprefix(ARTICLE)


DENIAL = re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(sorted(DENIALS, key=len, reverse=True))})(?!\w)")


def denied_span(text: str) -> tuple[int, int]:
    """(start, end) of the clause a denial governs in a folded sentence; empty if none."""
    found = DENIAL.search(text)
    if found is None:
        return len(text), len(text)
    end = SCOPE_END.search(text, found.end())
    return found.start(), end.start() if end else len(text)


def zero_denials(text: str, key) -> list[tuple[int, int, str, str]]:
    """(start, end, metric, population) of "ولم تقع أية إصابات": a party's denial of any casualty."""
    found = []
    for match in NO_CASUALTY.finditer(text):
        metric = METRICS.get(key(match.group("noun")))
        if metric is not None:
            following = FOLLOWING_WORD.match(text, match.end("noun"))
            population = POPULATIONS.get(key(following.group(1)), "people") if following else "people"
            found.append((match.start("noun"), match.end("noun"), metric, population))
    return found
