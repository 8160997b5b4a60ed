"""Who a French report credits for a figure, and where a denial governs: "selon X", "X a indiqué", "a démenti".

A credit names its source as the report writes it, without its article
("selon le ministère de la Santé" credits "ministère de la Santé"); the
source registry then resolves it ("l'ONU" is the United Nations). A credit
covers every figure of its sentence, the nearest one winning, as the
labelled French articles code sentence-final credits. A denial governs what
follows it up to the end of its clause; "sans qu'aucun soldat ne soit tué"
denies any figure.
"""
from __future__ import annotations

import re

from pipeline.extract.fr.lexicon import (
    ARTICLES, CREDIT_PREPOSITIONS, DENIALS, METRIC_WORDS, NAME_WORDS, POPULATIONS, REPORTING,
)
from pipeline.extract.fr.words import elided
from pipeline.extract.window import tokens

AUXILIARIES = {"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "a-t-il", "a-t-elle"}
PRONOUNS = {"il", "elle", "ils", "elles", "on", "qui", "nous", "je"}
_PREPOSITIONS = "|".join(re.escape(cue) for cue in CREDIT_PREPOSITIONS)
PREPOSITION_CUE = re.compile(rf"(?<!\w)(?:{_PREPOSITIONS})(?!\w)\s*")
SCOPE_END = re.compile(r"[;:]|,\s+(?:mais|affirmant|ajoutant|précisant|indiquant|assurant)\b|\s+mais\s+")
ZERO_DENIAL = re.compile(
    r"\b(?:aucune?|pas\s+un(?:e)?\s+seule?)\s+(?P<noun>[^\W\d_]+)(?:\s+[^\W\d_]+){0,2}?\s+n(?:e\s+|['’]\s*)"
    r"(?:a|ont|est|sont|soit|soient|ait|aient)\s+(?:été\s+)?(?P<verb>[^\W\d_]+)")
MAX_NAME_WORDS = 7


def _name(shown: str, found: list, first: int, step: int) -> str | None:
    """The source's name read from token ``first`` on (``step`` 1) or back from it (-1), without articles."""
    picked = []
    index = first
    while 0 <= index < len(found) and len(picked) < MAX_NAME_WORDS:
        word = elided(shown[found[index].start:found[index].end])
        if not (word[:1].isupper() or word.lower() in NAME_WORDS):
            break
        picked.append(index)
        index += step
    picked.sort()
    while picked and shown[found[picked[-1]].start:found[picked[-1]].end].lower() in NAME_WORDS - _BODIES:
        picked.pop()  # "ministère de la Santé de": connectors end no name
    while picked and shown[found[picked[0]].start:found[picked[0]].end].lower() in ARTICLES:
        picked.pop(0)
    if not picked:
        return None
    first_word = shown[found[picked[0]].start:found[picked[0]].end]
    name = shown[found[picked[0]].end - len(elided(first_word)):found[picked[-1]].end]  # "l'ONU" credits "ONU"
    return name if name.lower() not in PRONOUNS else None


_BODIES = NAME_WORDS - {"de", "du", "des", "la", "le", "l'", "d'", "et"}


def credits(shown: str) -> list[tuple[int, str]]:
    """(position, source) of every credit in a sentence as written."""
    lower = shown.lower()
    found = tokens(shown)
    starts = [token.start for token in found]
    result = []
    for match in PREPOSITION_CUE.finditer(lower):
        index = next((i for i, start in enumerate(starts) if start >= match.end()), len(found))
        name = _name(shown, found, index, 1)
        if name is not None:
            if lower[match.start():match.end()].startswith("de source"):
                name = shown[match.start() + 3:found[index].start].strip() + " " + name \
                    if name.lower() in NAME_WORDS else name
            result.append((match.start(), name))
    for index, token in enumerate(found):
        if token.word.lower() not in REPORTING:
            continue
        before = index - 1
        while before >= 0 and found[before].word.lower() in AUXILIARIES:
            before -= 1
        name = _name(shown, found, before, -1) if before < index - 1 else None
        if name is None and before == index - 1 and index + 1 < len(found):
            name = _name(shown, found, index + 1, 1)  # "..., a indiqué le ministère" / "indique MSF"
        if name is not None:
            result.append((token.start, name))
    return result


def credited(credits_found: list[tuple[int, str]], position: int) -> str | None:
    """The source of the credit nearest ``position``."""
    if not credits_found:
        return None
    return min(credits_found, key=lambda credit: (abs(credit[0] - position), credit[0]))[1]


def denied_span(lower: str) -> tuple[int, int]:
    """(start, end) of the clause a denial governs in a lower-cased sentence; empty if none."""
    for token in tokens(lower):
        if token.word in DENIALS:
            end = SCOPE_END.search(lower, token.end)
            return token.start, end.start() if end else len(lower)
    return len(lower), len(lower)


def zero_denials(lower: str) -> list[tuple[int, int, str, str]]:
    """(start, end, metric, population) of "aucun soldat n'a été tué": a denied figure of zero."""
    found = []
    for match in ZERO_DENIAL.finditer(lower):
        metric = METRIC_WORDS.get(match.group("verb"))
        if metric is not None:
            population = POPULATIONS.get(match.group("noun"), "people")
            found.append((match.start(), match.start() + len(match.group().split()[0]), metric, population))
    return found
