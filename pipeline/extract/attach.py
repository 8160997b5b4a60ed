"""Tie a number to what was counted: the metric, and the people it counts.

A number is a figure only when a metric cue stands in one of these places:
  - as the noun it counts ("3.6 million refugees", "20 bodies", "35 dead");
  - as the verb of the noun phrase it heads ("1,800 civilians have been
    killed", "thousands wounded", "seven were killed", "50 others injured");
  - as a verb, toll or "lives of" just before it ("killing 12 people", "the
    death toll rose to 35", "claimed the lives of 4 children");
  - for a count whose noun is left out, beside a figure of the same sentence
    ("21 civilians were killed: 15 in Manbij and another six in Al-Tukhar",
    "including 11 children").
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
    PRO_GOVERNMENT,
    VERB_CUES,
)

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[,;:()\"“”&]")
CLAUSE_BREAKS = {";", ":", "(", ")", '"', "“", "”"}
BEFORE_WORDS, AFTER_WORDS = 12, 16  # words either side of a number that are read
MAX_NOUN_GAP = 4
MAX_VERB_GAP = 4
MAX_TOLL_GAP = 8
PURE_NOUNS = METRIC_NOUNS - PARTICIPLES
SUBSET_LEAD = re.compile(
    r"(?i)\b(?:including|includes?|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+(?:[a-z]+\s+){0,2}$"
)
ELIDED_LEAD = re.compile(r"(?i)(?:\b(?:and|another|while|plus)|,)\s+(?:[a-z]+\s+){0,2}$")
INJURY_NOUNS = {"injuries", "injury", "wounds"}


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


def _is_combined(after: list[str], index: int) -> bool:
    """'killed and injured', 'dead & wounded': one count of two metrics."""
    nxt = after[index + 1:index + 3]
    return len(nxt) == 2 and nxt[0] in {"and", "&", "or"} and nxt[1] in METRIC_WORDS \
        and METRIC_WORDS[nxt[1]] != METRIC_WORDS.get(after[index])


def _cue_phrase(after: list[str], index: int) -> str | None:
    """The metric of 'forced to flee', 'lost their lives' or 'sustained injuries' at ``index``."""
    word = after[index]
    if word == "forced" and _forced_flight(after, index):
        return "displaced"
    if word in {"lost", "losing"} and after[index + 1:index + 3] == ["their", "lives"]:
        return "killed"
    if word in {"sustained", "suffered"} and after[index + 1:index + 2] and after[index + 1] in INJURY_NOUNS:
        return "injured"
    return None


def _verb_after(after: list[str], start: int) -> tuple[str | None, bool]:
    """(metric, crossed a conjunction) of a verb following a noun phrase."""
    crossed = False
    for gap, index in enumerate(range(start, min(len(after), start + MAX_VERB_GAP + 2))):
        word = after[index]
        if word in CLAUSE_BREAKS or word == "," or word[0].isdigit():
            return None, crossed
        if word in VERB_CUES and (metric := _cue_phrase(after, index)):
            return metric, crossed
        if word in METRIC_WORDS and word not in PURE_NOUNS - {"dead"}:
            return (None if _is_combined(after, index) else METRIC_WORDS[word]), crossed
        if word in {"and", "&"}:
            crossed = True
        if gap >= MAX_VERB_GAP and word not in AUXILIARIES:
            return None, crossed
    return None, crossed


def _cue_before(before: list[str]) -> str | None:
    """A metric verb, toll or 'lives of' just before the number ("killing at least 12")."""
    for distance, word in enumerate(reversed(before[-(MAX_TOLL_GAP + 1):])):
        if word in CLAUSE_BREAKS or word[0].isdigit():
            return None
        if word == "toll":
            return "killed"
        if distance > MAX_VERB_GAP + 1:
            continue  # only a toll reaches this far back
        if word == "lives" and before[len(before) - distance:len(before) - distance + 1] == ["of"]:
            return "killed"
        if word in METRIC_WORDS and word not in PURE_NOUNS:
            return METRIC_WORDS[word]
        if word not in LEAD_INS and word != "," and distance > 0:
            return _toll_before(before, distance)
    return None


def _toll_before(before: list[str], distance: int) -> str | None:
    """'the death toll over the weekend was at least 44': a toll further back, no number between."""
    window = before[-(MAX_TOLL_GAP + 1):len(before) - distance]
    for word in reversed(window):
        if word in CLAUSE_BREAKS or word[0].isdigit():
            return None
        if word == "toll":
            return "killed"
    return None


def _population(word: str, modifiers: list[str]) -> str:
    population = POPULATION_WORDS[word]
    if word == "members" and modifiers[-1:] == ["family"]:
        return "people"
    if population == "combatants" and PRO_GOVERNMENT & set(modifiers):
        return "soldiers"
    return population


def _counts_a_thing(after: list[str]) -> bool:
    """The number counts shells, posts, days...: never a figure."""
    for word in after[:3]:
        if word in NON_FIGURE_NOUNS:
            return True
        if word in POPULATION_WORDS or word in METRIC_WORDS or word in CLAUSE_BREAKS or word == ",":
            return False
    return False


def _head(after: list[str], after_raw: list[str], before: list[str]) -> Attachment | None:
    modifiers: list[str] = []
    for index, word in enumerate(after[: MAX_NOUN_GAP + 1]):
        following = after[index + 1] if index + 1 < len(after) else None
        if word in METRIC_NOUNS and word not in POPULATION_WORDS and (index <= 2 or word != "missing"):
            if _is_combined(after, index):
                return None
            if word in PARTICIPLES and following in POPULATION_WORDS:
                return Attachment(METRIC_WORDS[word], _population(following, modifiers), following)
            population = next((POPULATION_WORDS[m] for m in modifiers if m in POPULATION_WORDS), None)
            return Attachment(METRIC_WORDS[word], population, word)
        if word in POPULATION_WORDS:
            population = _population(word, modifiers)
            if following in PURE_NOUNS:  # "seven civilian deaths"
                return Attachment(METRIC_WORDS[following], population, word)
            verb, crossed = _verb_after(after, index + 1)
            before_cue = _cue_before(before)
            # A verb right after the noun phrase wins ("50 others injured"); one
            # past "and" belongs to the next number ("killed 19 and injured 60").
            metric = verb if verb and not crossed else before_cue or verb
            return Attachment(metric, population, word) if metric else None
        if index == 0 and word in VERB_CUES and (metric := _cue_phrase(after, 0)):
            return Attachment(metric, None, None)  # "millions forced to flee", "80 sustained injuries"
        if index == 0 and (word in METRIC_WORDS or word in AUXILIARIES):
            verb, _ = _verb_after(after, 0)  # "10 killed", "seven were killed"
            if verb:
                return Attachment(verb, None, None)
        if word not in NOUN_MODIFIERS and not after_raw[index][:1].isupper():
            break
        modifiers.append(word)
    return None


def attach(before_text: str, after_text: str, previous: Attachment | None = None) -> Attachment | None:
    """What a number counts, from the clause text before and after it.

    ``previous`` is what the figure just before in the same sentence counts:
    a subset or a count with its noun left out counts the same thing.
    """
    after_raw = tokens(after_text)[:AFTER_WORDS]
    before = [word.lower() for word in tokens(before_text)[-BEFORE_WORDS:]]
    return attach_words(before, after_raw, [word.lower() for word in after_raw], before_text, previous)


def attach_words(before: list[str], after_raw: list[str], after: list[str], before_text: str,
                 previous: Attachment | None = None) -> Attachment | None:
    """``attach`` on words already split: lower-cased before, as written and lower-cased after."""
    if _counts_a_thing(after):
        return None
    found = _head(after, after_raw, before)
    if found is not None:
        return found
    metric = _cue_before(before)
    if metric:
        return Attachment(metric, None, None)
    if previous is not None and (SUBSET_LEAD.search(before_text) or ELIDED_LEAD.search(before_text)):
        head = next((w for w in after[:3] if w in POPULATION_WORDS), None)
        if head:
            return Attachment(previous.metric, POPULATION_WORDS[head], head)
        if not after or after[0] in {"in", "at", "on", "from", "near", ",", "and", "others", "more"}:
            return Attachment(previous.metric, None, None)
    return None
