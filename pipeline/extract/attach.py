"""Tie a number to what was counted: the metric, and the people it counts.

A number is a figure only when a metric cue stands in one of three places:
  - as the noun it counts ("3.6 million refugees", "20 bodies", "35 dead");
  - as the verb of the noun phrase it heads ("1,800 civilians have been
    killed", "thousands wounded", "900,000 people fled");
  - as a verb or toll just before it ("killing 12 people", "the death toll
    rose to 35").
A counted noun that is never a person ("12 observation posts", "30
airstrikes") stops the search: such numbers are not figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import (
    AUXILIARIES,
    LEAD_INS,
    METRIC_NOUNS,
    METRIC_WORDS,
    NON_FIGURE_NOUNS,
    NOUN_MODIFIERS,
    PARTICIPLES,
    POPULATION_WORDS,
)

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:()\"“”]")
CLAUSE_BREAKS = {";", ":", "(", ")", '"', "“", "”"}
MAX_NOUN_GAP = 4
MAX_VERB_GAP = 4
PURE_NOUNS = METRIC_NOUNS - PARTICIPLES


@dataclass(frozen=True)
class Attachment:
    metric: str
    population: str | None  # None: the sentence names no group for this number
    head: str | None  # the counted noun, lower-cased, if any


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _forced_flight(after: list[str], index: int) -> bool:
    """'forced to flee', 'forced from their homes', 'forced out'."""
    window = after[index + 1:index + 3]
    if not window or window[0] not in {"to", "from", "out"}:
        return False
    return window[0] != "to" or window[1:2] in (["flee"], ["leave"], ["evacuate"])


def _verb_after(after: list[str], start: int) -> str | None:
    """A metric verb following a noun phrase, across auxiliaries and adverbs."""
    for gap, index in enumerate(range(start, min(len(after), start + MAX_VERB_GAP + 2))):
        word = after[index]
        if word in CLAUSE_BREAKS or word == ",":
            return None
        if word == "forced" and _forced_flight(after, index):
            return "displaced"
        if word in {"lost", "losing"} and after[index + 1:index + 3] == ["their", "lives"]:
            return "killed"
        if word in METRIC_WORDS and word not in PURE_NOUNS - {"dead"}:
            return METRIC_WORDS[word]
        if gap >= MAX_VERB_GAP and word not in AUXILIARIES:
            return None
    return None


def _cue_before(before: list[str]) -> str | None:
    """A metric verb or toll just before the number ("killing at least 12")."""
    for distance, word in enumerate(reversed(before[-(MAX_VERB_GAP + 2):])):
        if word in CLAUSE_BREAKS:
            return None
        if word == "toll":
            return "killed"
        if word in METRIC_WORDS and word not in PURE_NOUNS:
            return METRIC_WORDS[word]
        if word not in LEAD_INS and word != "," and distance > 0:
            return None
    return None


SUBSET_LEAD = re.compile(r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+(?:[a-z]+\s+){0,2}$")


def attach(before_text: str, after_text: str, previous_metric: str | None = None) -> Attachment | None:
    """What a number counts, from the clause text before and after it.

    ``previous_metric`` is the metric of the figure just before in the same
    sentence: a subset stated alongside it ("including 11 children") counts
    the same thing.
    """
    if previous_metric and SUBSET_LEAD.search(before_text):
        found = attach(before_text, after_text)
        if found is None:
            head = next((w.lower() for w in tokens(after_text)[:3] if w.lower() in POPULATION_WORDS), None)
            return Attachment(previous_metric, POPULATION_WORDS[head], head) if head else None
        return found
    after_raw = tokens(after_text)[:16]
    after = [word.lower() for word in after_raw]
    before = [word.lower() for word in tokens(before_text)[-12:]]
    modifiers: list[str] = []
    for index, word in enumerate(after[: MAX_NOUN_GAP + 1]):
        if word in NON_FIGURE_NOUNS:
            return None
        if word in METRIC_NOUNS and word not in POPULATION_WORDS and (index <= 2 or word != "missing"):
            following = after[index + 1] if index + 1 < len(after) else None
            if word in PARTICIPLES and following in POPULATION_WORDS:
                return Attachment(METRIC_WORDS[word], POPULATION_WORDS[following], following)
            population = next((POPULATION_WORDS[m] for m in modifiers if m in POPULATION_WORDS), None)
            return Attachment(METRIC_WORDS[word], population, word)
        if word in POPULATION_WORDS:
            following = after[index + 1] if index + 1 < len(after) else None
            if following in PURE_NOUNS:  # "seven civilian deaths"
                return Attachment(METRIC_WORDS[following], POPULATION_WORDS[word], word)
            # A verb just before wins: in "killed 19 civilians and injured 60", the
            # "injured" after the noun belongs to the next number.
            metric = _cue_before(before) or _verb_after(after, index + 1)
            return Attachment(metric, POPULATION_WORDS[word], word) if metric else None
        if word in METRIC_WORDS and index == 0:
            return Attachment(METRIC_WORDS[word], None, None)
        if word not in NOUN_MODIFIERS and not after_raw[index][:1].isupper():
            break
        modifiers.append(word)
    metric = _cue_before(before)
    return Attachment(metric, None, None) if metric else None
