"""Who an Arabic report credits for a figure, and denials: "بحسب X", "قال X", "أفادت X", "نفت", "لم تقع أية إصابات".

Arabic puts the verb first, so the credited name follows its cue; it runs
to the first word that cannot stand in a name (a particle, a preposition of
time, punctuation), clitics kept as written. The nearest credit in a
sentence covers a figure, as in the French and English readers.
"""
from __future__ import annotations

import re

from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import CREDIT_CUES, DENIALS, METRICS, REPORTING
from pipeline.extract.window import tokens

NAME_STOPS = frozenset(folded_word(word) for word in """إن أن أنه أنها في على من إلى عن مع يوم أمس اليوم الليلة
    صباح مساء لـ بأن بان التي الذي الذين عبر خلال إثر بعد قبل حيث كما وقد قد ان ارتفاع مقتل حصيلة عدد
    سقوط""".split())
MAX_NAME_WORDS = 5
SCOPE_END = re.compile(r"[;:؛]|،\s*(?:لكن|مؤكدا|مؤكدة|مضيفا|مضيفة)|\s+لكن\s+")
NO_CASUALTY = re.compile(
    rf"لم\s+(?:تقع|يقع|يسقط|تسجل|يسجل|تسفر|يسفر|يصب|يقتل)\s+(?:عن\s+)?(?:اي[هة]?)\s+"
    rf"(?:[^\W\d_]+\s+(?:او|و)\s*)?(?P<noun>[^\W\d_]+)")


def _name(found: list, shown: str, first: int) -> str | None:
    """The name from token ``first`` on, as written, up to a word that ends it."""
    picked = []
    for index in range(first, min(len(found), first + MAX_NAME_WORDS)):
        token = found[index]
        if not token.word[0].isalpha() or token.word in NAME_STOPS:
            break
        picked.append(token)
    return shown[picked[0].start:picked[-1].end] if picked else None


def credits(text: str, shown: str) -> list[tuple[int, str]]:
    """(position, source) of every credit in a folded sentence; names as ``shown`` writes them."""
    found = tokens(text)
    result = []
    for index, token in enumerate(found):
        word = token.word[1:] if token.word[:1] in ("و", "ف") and token.word[1:] in REPORTING | CREDIT_CUES \
            else token.word
        if word in REPORTING or word in CREDIT_CUES:
            first = index + 1
            if word in CREDIT_CUES and first < len(found) and found[first].word in ("ل", "لـ"):
                first += 1  # "وفقا لـ"
            name = _name(found, shown, first)
            if name is not None and word in CREDIT_CUES and name[:1] == "ل" and len(name.split()[0]) > 3:
                name = name[1:].lstrip("ـ")  # "وفقا لمختبر ..." credits the laboratory
            if name is not None:
                result.append((token.start, name))
    return result


def denied_span(text: str) -> tuple[int, int]:
    """(start, end) of the clause a denial governs in a folded sentence; empty if none."""
    for token in tokens(text):
        word = token.word[1:] if token.word[:1] in ("و", "ف") else token.word
        if word in DENIALS or token.word in DENIALS:
            end = SCOPE_END.search(text, token.end)
            return token.start, end.start() if end else len(text)
    return len(text), len(text)


def zero_denials(text: str, key) -> list[tuple[int, int, str, str]]:
    """(start, end, metric, population) of "ولم تقع أية إصابات": a party's denial of any casualty."""
    found = []
    for match in NO_CASUALTY.finditer(text):
        metric = METRICS.get(key(match.group("noun")))
        if metric is not None:
            found.append((match.start("noun"), match.end("noun"), metric, "people"))
    return found
