"""Denials: where a denial starts and ends in a sentence, and denials of any figure.

"The ministry denied that 40 civilians were killed" makes the 40 a denied
claim; "denied that any civilians fled" is a denied claim of zero. A denial
governs only the clause it introduces: not a figure before it, nor the
denier's own account after it ("..., saying only 12 died").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.extract.en.lexicon import DENIAL_WORDS, METRIC_WORDS, POPULATION_WORDS, THING_NOUNS
from pipeline.extract.trie import WordFinder

_DENIALS = "|".join(sorted(DENIAL_WORDS))
_METRIC_VERBS = "|".join(sorted(METRIC_WORDS, key=len, reverse=True))
# "denied that any civilians fled" (the count is the subject) or "denied that its forces had
# killed any civilians" (the object of the metric verb): a denied claim of zero.
ZERO_DENIAL = re.compile(
    rf"(?i)\b(?:{_DENIALS})\s+(?:reports\s+)?(?:that\s+)?(?:"
    r"(?P<number>any|a\s+single)\s+(?P<noun>[a-z]+)\s+(?:[a-z']+\s+){0,3}?"
    rf"(?P<verb>{_METRIC_VERBS})"
    r"|(?:[a-z'-]+\s+){0,4}?"
    rf"(?P<object_verb>{_METRIC_VERBS})\s+(?P<object_number>any|a\s+single)\s+(?P<object_noun>[a-z]+(?:\s+[a-z]+)?))\b"
)
DENIALS_FOUND = WordFinder.listing(sorted(DENIAL_WORDS))
# A denial governs the figures after it only when its object follows: "denied that
# 300 died", "denies reports of", "denied killing". In "an accusation the group
# has denied. Heavy shelling has killed 132" (with or without the full stop) the
# denial's object came before it, and the 132 is asserted.
DENIAL_OBJECT = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:that|reports?|claims?|allegations?|accusations?|charges?|the|any|a\s+single|"
    r"having|[a-z]+ing|\d|[a-z]+-?(?:teen|ty|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"dozens|hundreds|thousands|millions|responsibility|involvement)\b"
)
DENIAL_SCOPE_END = re.compile(r",\s+(?:saying|adding|insisting|arguing|stating|putting)\b|\s+but\s+|;")


def _may_deny(lower: str) -> bool:
    """Whether lower-cased text may hold a denial word: a few substring tests, cheaper than any pattern."""
    return "den" in lower or "dismiss" in lower or "reject" in lower or "refut" in lower


def denial_start(lower: str) -> int:
    """Where the first denial that governs what follows it starts; the sentence length if none does."""
    if not _may_deny(lower):
        return len(lower)
    for start, end in DENIALS_FOUND.spans(lower):
        if DENIAL_OBJECT.match(lower, end):
            return start
    return len(lower)


def denial_end(lower: str, start: int) -> int:
    """Where the clause a denial governs ends: at the denier's own account ("..., saying only
    12 died"), a "but" or a semicolon; else at the end of the sentence."""
    if start == len(lower):
        return start
    end = DENIAL_SCOPE_END.search(lower, start)
    return len(lower) if end is None else end.start()


def zero_denial_in(text: str, lower: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a denial of any figure ('denied that any civilians fled').

    ZERO_DENIAL ignores case, which on ASCII text is matching the lower-cased
    text: there, no denial word in it means no match, and the pattern is not run.
    """
    if text.isascii() and not _may_deny(lower[start:end]):
        return False
    return ZERO_DENIAL.search(text, start, end) is not None


def zero_denials(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(number start, number text, metric, population) of every denial of any figure in ``text``:
    'denying that any civilians have fled' is a denied claim of zero."""
    for match in ZERO_DENIAL.finditer(text):
        kind = "" if match.group("verb") else "object_"
        metric = METRIC_WORDS.get(match.group(kind + "verb").lower())
        # the noun of "any civilians", "any aid workers": the last word of the group that names people
        words = match.group(kind + "noun").lower().split()
        population = next((POPULATION_WORDS[word] for word in reversed(words) if word in POPULATION_WORDS), None)
        if population is None and kind and THING_NOUNS.isdisjoint(words):
            population = "people"  # the victims of a metric verb: "had killed any protesters"
        if metric is not None and population is not None:
            yield match.start(kind + "number"), match.group(kind + "number"), metric, population
