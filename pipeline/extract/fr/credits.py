"""Who a French report credits for a figure, and where a denial governs: "selon X", "X a indiqué", "a démenti".

A credit names its source as the report writes it, without its article
("selon le ministère de la Santé" credits "ministère de la Santé"); the
source registry then resolves it ("l'ONU" is the United Nations). The name
is read past a document ("selon l'annonce du gouvernement camerounais"), a
generic noun before a proper name ("l'organisation Airwars") and a title
before a person set off by commas ("le ministre de l'Intérieur, Jean Dupont,
a déclaré"); a subject after its verb is read too (", a affirmé l'ONU
lundi", "ont annoncé le 26 mars les Nations unies"). A pronoun ("a-t-il
ajouté") refers back to the source named before. A denial governs what
follows it up to the end of its clause; "sans qu'aucun soldat ne soit tué"
denies any figure.
"""
from __future__ import annotations

import bisect
import re

from pipeline.extract.crediting import Credit
from pipeline.extract.fr.lexicon import (
    ARTICLES, CREDIT_PREPOSITIONS, DEMONYM_ENDINGS, DENIALS, DOCUMENTS, ESTIMATES, GENERIC_HEADS, METRIC_WORDS,
    MONTHS, NAME_WORDS, POPULATIONS, REPORTING, SPEAKERS, TIME_WORDS, TITLES,
)
from pipeline.extract.fr.words import elided
from pipeline.extract.window import Token, tokens

AUXILIARIES = {"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont"}
NEGATIONS = {"ne", "n'", "n’"}
# "fait état de", "font mention de": the verb of the phrase is "fait", its subject the source.
STATING_NOUNS, STATING_VERBS = {"état", "mention"}, {"fait", "font", "faisait", "faisaient", "faire"}
PRONOUNS = {"il", "elle", "ils", "elles", "on", "qui", "nous", "je"}
INVERTED_PRONOUN = re.compile(r"-t?-(?:il|elle|ils|elles|on)$")  # "a-t-il ajouté", "précise-t-elle"
_PREPOSITIONS = "|".join(re.escape(cue) for cue in CREDIT_PREPOSITIONS)
PREPOSITION_CUE = re.compile(rf"(?<!\w)(?:{_PREPOSITIONS})(?!\w)\s*")
SCOPE_END = re.compile(r"[;:]|,\s+(?:mais|affirmant|ajoutant|précisant|indiquant|assurant)\b|\s+mais\s+")
ZERO_DENIAL = re.compile(
    r"\b(?:aucune?|pas\s+un(?:e)?\s+seule?)\s+(?P<noun>[^\W\d_]+)(?:\s+[^\W\d_]+){0,2}?\s+n(?:e\s+|['’]\s*)"
    r"(?:a|ont|est|sont|soit|soient|ait|aient)\s+(?:été\s+)?(?P<verb>[^\W\d_]+)")
MAX_NAME_WORDS = 7
CONNECTORS = frozenset({"de", "du", "des", "la", "le", "l'", "d'", "l’", "d’", "et"})
BODIES = NAME_WORDS - CONNECTORS


def _word(shown: str, token: Token) -> str:
    return shown[token.start:token.end]


def _demonym(word: str) -> bool:
    """A nationality adjective after a body's name ("gouvernement camerounais", "armée malienne")."""
    return word.islower() and len(word) > 4 and word.endswith(DEMONYM_ENDINGS)


def _fits(word: str, previous: str | None) -> bool:
    bare = elided(word)
    return bare[:1].isupper() or word.lower() in NAME_WORDS or bare.lower() in NAME_WORDS or (
        previous is not None and elided(previous).lower() in BODIES and _demonym(word))


def _name(shown: str, found: list[Token], first: int, step: int) -> tuple[str | None, int, int]:
    """(name, first token, last token) read from token ``first`` on (``step`` 1) or back from it (-1)."""
    picked, index, previous = [], first, None
    if step == 1 and index < len(found) and _word(shown, found[index]).lower() in ARTICLES:
        picked.append(index)  # "les Nations unies", "un officier de sécurité": dropped below
        index += 1
    while 0 <= index < len(found) and len(picked) < MAX_NAME_WORDS:
        word = _word(shown, found[index])
        if step == 1:
            fits = _fits(word, previous)
        else:  # read backwards, a nationality follows the body before it: "ministère de la Santé afghan"
            fits = _fits(word, None) or not picked and index >= 1 and _demonym(word) and \
                _fits(_word(shown, found[index - 1]), None)
        if not fits:
            break
        picked.append(index)
        previous, index = word, index + step
    picked.sort()
    while picked and _word(shown, found[picked[-1]]).lower() in CONNECTORS:
        picked.pop()  # "ministère de la Santé de": connectors end no name
    while picked and _word(shown, found[picked[0]]).lower() in ARTICLES:
        picked.pop(0)
    if not picked:
        return None, first, first
    first_word = _word(shown, found[picked[0]])
    start = found[picked[0]].end - len(elided(first_word))  # "l'ONU" credits "ONU"
    return shown[start:found[picked[-1]].end], picked[0], picked[-1]


def _without_generic_head(name: str) -> str:
    """"organisation Airwars" is Airwars, "bureau de MSF" is MSF: a generic noun before a proper name;
    "porte-parole du ministère" is the ministry: whoever speaks for a body."""
    words = name.split()
    if len(words) >= 3 and words[0].lower() in SPEAKERS and words[1].lower() in CONNECTORS:
        rest = words[2:] if words[1].lower() in ("de", "du", "des", "d'", "d’") else words[1:]
        return elided(" ".join(rest[1:] if rest[0].lower() in ARTICLES and len(rest) > 1 else rest))
    if len(words) >= 2 and words[0].lower() in GENERIC_HEADS:
        rest = words[2:] if words[1].lower() in CONNECTORS and len(words) > 2 else words[1:]
        if rest and elided(rest[0])[:1].isupper():
            return elided(" ".join(rest))
    return name


def _without_title(name: str) -> str:
    """"préfet Jean Kaboré" is Jean Kaboré: a title in lower case before a person's name."""
    words = name.split()
    titled = 0
    while titled < len(words) - 1 and words[titled].lower() in TITLES:
        titled += 1
    rest = words[titled:]
    return " ".join(rest) if titled and all(word[:1].isupper() for word in rest) else name


def _apposed_person(shown: str, found: list[Token], last: int) -> str | None:
    """The person named between commas after a title ("un officier de sécurité, Abdulahi Ahmed,")."""
    if last + 2 >= len(found) or found[last + 1].word != ",":
        return None
    name, _, end = _name(shown, found, last + 2, 1)
    if name is None or not name[:1].isupper() or end + 1 < len(found) and found[end + 1].word not in (",", "."):
        return None
    return name


def _past_documents(shown: str, found: list[Token], index: int) -> tuple[int, bool]:
    """Token after a document and its "de" ("l'annonce du", "un bilan provisoire de"); whether one was there."""
    start = index
    while start < len(found) and _word(shown, found[start]).lower() in ARTICLES:
        start += 1
    if start >= len(found) or elided(_word(shown, found[start])).lower() not in DOCUMENTS | ESTIMATES:
        return index, False
    for after in range(start + 1, min(len(found), start + 4)):
        word = _word(shown, found[after]).lower()
        if word in ("de", "du", "des", "par"):
            return after + 1, True
        if word.startswith(("d'", "d’")):
            return (after if len(word) > 2 else after + 1), True  # "d'Amnesty" or "d' Amnesty"
    return len(found), True


def _forward(shown: str, found: list[Token], index: int, position: int) -> Credit | None:
    """The credit whose source is named from token ``index`` on."""
    if index < len(found) and found[index].word.lower() in PRONOUNS:
        return Credit(position, None, refers_back=True)
    following = [elided(_word(shown, token)).lower() for token in found[index:index + 2]]
    estimate = any(word in ESTIMATES for word in following)  # "selon certaines estimations (de l'ONU)"
    index, document = _past_documents(shown, found, index)
    name, _, last = _name(shown, found, index, 1)
    if name is None:
        if estimate or document:  # "selon le communiqué": the source named before
            return Credit(position, None, refers_back=not estimate, estimate=estimate)
        return None
    if name[:1].islower():
        name = _apposed_person(shown, found, last) or name
    return Credit(position, _without_title(_without_generic_head(name)), estimate=estimate)


def _after_time(shown: str, found: list[Token], index: int) -> int:
    """The token after a time said between a verb and its subject ("le 26 mars", "lundi", "hier soir")."""
    while index < len(found):
        word = _word(shown, found[index]).lower()
        if word in TIME_WORDS or word.isdigit() or word in MONTHS or word == "le" and index + 1 < len(found) and \
                (found[index + 1].word.isdigit() or found[index + 1].word.lower() in TIME_WORDS):
            index += 1
            continue
        return index
    return index


def _reported(shown: str, found: list[Token], index: int) -> Credit | None:
    """The credit of the reporting verb at token ``index``: its subject before it, else after it."""
    position = found[index].start
    verb = found[index].word.lower()
    if INVERTED_PRONOUN.search(verb):
        return Credit(position, None, refers_back=True)  # "précise-t-il"
    before = index - 1
    while before >= 0 and found[before].word.lower() in AUXILIARIES | NEGATIONS:
        before -= 1  # "ont annoncé", "ne confirment"
    if before >= 0 and INVERTED_PRONOUN.search(found[before].word.lower()):
        return Credit(position, None, refers_back=True)  # "a-t-il ajouté"
    if before >= 1 and found[before].word == ",":
        person, first, _ = _name(shown, found, before - 1, -1)  # "le ministre de l'Intérieur, Jean Dupont, a dit"
        if person is not None and person[:1].isupper() and first >= 1 and found[first - 1].word == ",":
            return Credit(position, person)
    elif before >= 0:
        if found[before].word.lower() in PRONOUNS - {"qui"}:
            return Credit(position, None, refers_back=True)
        name, _, _ = _name(shown, found, before, -1)
        if name is not None:
            return Credit(position, _without_title(_without_generic_head(name)))
    return _forward(shown, found, _after_time(shown, found, index + 1), position)  # ", a affirmé l'ONU lundi"


CUE_WORDS = sorted({*REPORTING, *DENIALS, *STATING_NOUNS}, key=len, reverse=True)
# Any word a credit hangs on: a sentence without one has no credit, and is not cut into words for them.
ANY_CUE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, CUE_WORDS))})(?![\w'’])|{PREPOSITION_CUE.pattern}"
                     r"|-t-(?:il|elle|ils|elles|on)\b")


def credits(text: str, shown: str, found: list[Token] | None = None) -> list[Credit]:
    """Every credit in a stretch of text as written; ``text`` is it lower-cased and ``found`` its words, if cut."""
    lower = shown.lower()
    if ANY_CUE.search(lower) is None:
        return []
    found = tokens(text) if found is None else found  # lower case cuts the same words where the text does
    starts = [token.start for token in found]
    result = []
    for match in PREPOSITION_CUE.finditer(lower):
        index = bisect.bisect_left(starts, match.end())
        credit = _forward(shown, found, index, match.start())
        if credit is not None and credit.name is not None and lower[match.start():].startswith("de source") \
                and credit.name.lower() in NAME_WORDS:
            credit = credit._replace(name=shown[match.start() + 3:found[index].start].strip() + " " + credit.name)
        if credit is not None:
            result.append(credit)
    for index, token in enumerate(found):
        word = token.word.lower()
        if word in STATING_NOUNS and index >= 1 and found[index - 1].word.lower() in STATING_VERBS:
            credit = _reported(shown, found, index - 1)
            if credit is not None:
                result.append(credit)
        elif word in REPORTING or word in DENIALS or INVERTED_PRONOUN.sub("", word) in REPORTING:
            credit = _reported(shown, found, index)
            if credit is not None:
                result.append(credit)
    return result


def bare_head(name: str) -> str | None:
    """The noun of a name that is only a common noun ("ministère", "armée"), for a back-reference."""
    return name.lower() if " " not in name and name.islower() else None


def head(name: str) -> str:
    return name.split()[0].lower()


DENIAL = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(DENIALS, key=len, reverse=True))})(?![\w'’-])")


def denied_span(lower: str) -> tuple[int, int]:
    """(start, end) of the clause a denial governs in a lower-cased sentence; empty if none."""
    found = DENIAL.search(lower)
    if found is None:
        return len(lower), len(lower)
    end = SCOPE_END.search(lower, found.end())
    return found.start(), end.start() if end else len(lower)


def zero_denials(lower: str) -> list[tuple[int, int, str, str]]:
    """(start, end, metric, population) of "aucun soldat n'a été tué": a denied figure of zero."""
    found = []
    for match in ZERO_DENIAL.finditer(lower):
        metric = METRIC_WORDS.get(match.group("verb"))
        if metric is not None:
            population = POPULATIONS.get(match.group("noun"), "people")
            found.append((match.start(), match.start() + len(match.group().split()[0]), metric, population))
    return found
