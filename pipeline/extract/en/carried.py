"""Counts carried from one sentence to the next.

A sentence may take up the count of the sentence before it, or go on
counting under the metric of the figure before it:

  - a pronoun or a definite noun that refers back to the people counted,
    governed by a cue of its own, carries the count to that cue's metric:
    "Gunmen abducted 9 soldiers. They later killed them." (killed 9), "...
    Their bodies were found on Tuesday." (killed 9);
  - a sentence with no cue of its own that opens by pointing back ("Of
    these, 5 are children.", "Among them are 3 women.", "They include 40
    children."), restates the count ("That is nearly 180,000 families.") or
    has no verb at all ("More than 195,000 women.") counts under the metric
    of the figure before it.

A count is taken up only when the sentence before holds one count of people
(a pronoun after "abducted 9 soldiers and 2 drivers" could mean either or
both), and carried on only when the figures before share one metric.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.extract.en.attach import (
    AFTER_WINDOW,
    AFTER_WORDS,
    BEFORE_WINDOW,
    TOKEN,
    attach,
)
from pipeline.extract.en.clauses import verb_after
from pipeline.extract.en.cues_before import CASUALTIES, REFERRED, cue_before
from pipeline.extract.en.lexicon import (
    AUXILIARIES,
    HOUSEHOLD_HEADS,
    IRREGULAR_VERBS,
    METRIC_WORDS,
    NOUN_MODIFIERS,
    NUMBER_WORDS,
    OF_NOUNS,
    QUALIFIER_WORDS,
    TRANSITIVE,
)
from pipeline.extract.en.numbers import Number, find_numbers
from pipeline.extract.en.phrases import is_number, noun_phrase
from pipeline.extract.en.sentences import BOUNDARY

# Words that refer back to people counted before: a pronoun, or a definite noun naming them by what
# happened to them ("the bodies", "the victims", "the hostages").
ANAPHOR = re.compile(
    r"\b(?:they|them|(?:the|their)\s+(?:bodies|victims|hostages|captives|abductees|detainees|remains))\b"
)
ANAPHOR_HINT = ("they", "them", "bodies", "victims", "hostages", "captives", "abductees", "detainees", "remains")
# A sentence opening by pointing back at those counted before, or restating their count.
POINTS_BACK = re.compile(
    r"[\"“]?(?:(?:of|among)\s+(?:them|these|those|whom|the\s+victims)\b"
    r"|(?:they|these|those|the\s+(?:victims|dead|casualties))\s+(?:include|included|includes)\b"
    r"|this\s+includes|including\b"
    r"|(?:that|this)(?:'s|’s|\s+(?:(?:later|then|now|has|had|since)\s+)*(?:is|was|means|represents|rose|climbed|"
    r"increased|jumped|grew|reached|stood|stands|totals|totalled|totaled|exceeds|exceeded|passed|topped)\b))"
)
BE = {"were", "was", "are", "is", "been", "be", "being"}
MAX_FRAGMENT_WORDS = 12  # words of a sentence with no verb that goes on counting
METRICS = set(METRIC_WORDS.values())
LOOK_BACK = 600  # characters searched back for the start of the sentence before


INJURIES = re.compile(r"\b(?:wounded|wounding|injured|injuring|injuries|wounds|hurt)\b")


def in_context(metric: str, previous: str | None, context: str | None, lower: str) -> str | None:
    """The metric of a count that names none of its own, from the figures around it.

    "The figure", "the count" ("Reuters put the figure at 23") count what the figure before them
    in the sentence counts, else the figures of the sentence before (``context``, when they share
    one metric). "The losses" and "casualties" count the dead where the sentence before counts only
    the dead and the sentence ``lower`` names no one wounded; else they are no figure.
    """
    if metric == REFERRED:
        return previous or context
    if metric == CASUALTIES:
        return "killed" if context == "killed" and INJURIES.search(lower) is None else None
    return metric


class Carried(NamedTuple):
    """A count read in one sentence and counted under a metric another sentence names."""

    number: Number  # positions in the report
    population: str | None
    unit: str = "people"  # or "households": "That is nearly 180,000 families."


def _unit(head: str | None) -> str:
    return "households" if head in HOUSEHOLD_HEADS else "people"


def sentence_before(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the sentence ending right before the one at ``start``, if there is one."""
    if start == 0:
        return None
    # the boundary before the sentence looks at its first character
    boundaries = [boundary for boundary in BOUNDARY.finditer(text, max(0, start - LOOK_BACK), start + 1)
                  if boundary.end() <= start]
    if not boundaries or boundaries[-1].end() != start:
        return None
    if len(boundaries) > 1:
        opening = boundaries[-2].end()
    elif start <= LOOK_BACK:
        opening = len(text) - len(text.lstrip())
    else:
        return None  # a sentence longer than the look back: not read
    closing = boundaries[-1].start() + len(boundaries[-1].group().rstrip())
    return (opening, closing) if closing > opening else None


def sentence_after(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the sentence after the one ending at ``end``, if there is one."""
    opening = end + len(text[end:end + 200]) - len(text[end:end + 200].lstrip())
    if opening >= len(text):
        return None
    boundary = BOUNDARY.search(text, opening)
    closing = len(text.rstrip()) if boundary is None else boundary.start() + len(boundary.group().rstrip())
    return (opening, closing) if closing > opening else None


# The first words of a sentence that may go on counting: pointing back, or a count and its hedges.
OPENING_WORD = re.compile(r"\s*[\"“]?([a-z]+|\d)")
GOING_ON = QUALIFIER_WORDS | NUMBER_WORDS | {"of", "among", "they", "these", "those", "this", "that", "including",
                                             "the"}


def may_go_on(text: str, lower: str, end: int) -> bool:
    """Whether the sentence after the one ending at ``end`` may go on counting: a cheap test of its first word."""
    opening = OPENING_WORD.match(lower, end)
    return opening is not None and (opening.group(1).isdigit() or opening.group(1) in GOING_ON)


def may_take_up(lower: str, start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` may refer back to people counted before: a few substring tests,
    cheaper than any pattern."""
    part = lower[start:end]
    return "the" in part and any(word in part for word in ANAPHOR_HINT)


def anaphor_metrics(text: str, lower: str, start: int, end: int) -> list[str]:
    """The metrics under which the sentence ``text[start:end]`` takes up people counted before.

    "them" is taken up by a cue before it ("later killed them"); a subject ("they", "the victims")
    by the verb after it in the passive or a verb that tells of its subject ("they were killed",
    "the victims died"), never by one it does to others ("they killed a pilot"). "The bodies"
    and "their remains" name the dead themselves.
    """
    metrics: list[str] = []
    for match in ANAPHOR.finditer(lower, start, end):
        words = match.group().split()
        if words[0] == "them":
            metric = cue_before(TOKEN.findall(lower, max(start, match.start() - BEFORE_WINDOW), match.start()))
        else:
            after_raw = TOKEN.findall(text, match.end(), min(end, match.end() + AFTER_WINDOW))[:AFTER_WORDS]
            clause = verb_after([word.lower() for word in after_raw], 0, after_raw)
            verb = clause.verb
            passive = verb is not None and not BE.isdisjoint(after_raw[:verb.index])  # not "they had captured"
            if verb is not None and not clause.projected and not verb.crossed and (passive or verb.word not in TRANSITIVE):
                metric = verb.metric
            else:
                metric = OF_NOUNS.get(words[-1]) if words[-1] in {"bodies", "remains"} else None
        if metric in METRICS and metric not in metrics:  # not "inflicted heavy losses on them"
            metrics.append(metric)
    return metrics


def one_count(text: str, lower: str, start: int, end: int) -> Carried | None:
    """The one count of people in ``text[start:end]``, if it holds exactly one (positions in the report)."""
    counts = []
    for number in find_numbers(text[start:end], lower[start:end]):
        after_raw = TOKEN.findall(text, start + number.end, start + number.end + AFTER_WINDOW)[:AFTER_WORDS]
        phrase = noun_phrase([word.lower() for word in after_raw], after_raw)
        if phrase.thing or phrase.end == 0:
            continue  # things, and counts whose noun is left out
        counts.append(Carried(number._replace(start=start + number.start, end=start + number.end), phrase.population,
                              _unit(phrase.head)))
    return counts[0] if len(counts) == 1 else None


def points_back(lower: str, start: int, end: int) -> bool:
    """Whether the sentence ``lower[start:end]`` opens by pointing back at those counted before."""
    return POINTS_BACK.match(lower, start, end) is not None


def goes_on_counting(text: str, lower: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]``, which names no metric, counts under the one before it:
    it points back at those counted, or has no verb."""
    if points_back(lower, start, end):
        return True
    words = TOKEN.findall(lower, start, end)
    if not words or len(words) > MAX_FRAGMENT_WORDS:
        return False
    position = 0
    while position < len(words) and words[position] in QUALIFIER_WORDS:
        position += 1
    if position == len(words) or not is_number(words[position]):
        return False  # a fragment opens with its count ("More than 195,000 women.")
    return not any(word in AUXILIARIES or word in IRREGULAR_VERBS or word.endswith("ed") and word not in NOUN_MODIFIERS
                   for word in words)


def continued_counts(text: str, lower: str, start: int, end: int) -> list[Carried]:
    """The counts of people in a sentence that goes on counting (positions in the report).

    The people are named by the counted noun or a copula ("Of these, 5 are children."), or the
    sentence points back at them ("This was later updated to 82."); a count naming none in a
    sentence that does not ("212-11" after a report), or a count of things, is no figure.
    """
    elided = points_back(lower, start, end)
    counts, previous = [], None
    for number in find_numbers(text[start:end], lower[start:end]):
        at, after_end = start + number.start, start + number.end
        # a count the sentence reads a metric for itself is read with it ("13 of whom were women")
        previous = attach(text[max(start, at - BEFORE_WINDOW):at], text[after_end:end], previous)
        if previous is not None:
            continue
        after_raw = TOKEN.findall(text, after_end, min(end, after_end + AFTER_WINDOW))[:AFTER_WORDS]
        after = [word.lower() for word in after_raw]
        phrase = noun_phrase(after, after_raw)
        if phrase.thing:
            continue
        group = verb_after(after, phrase.end, after_raw).group or phrase.population
        if group is not None or elided and phrase.end == 0:  # people named, or pointed back at
            counts.append(Carried(number._replace(start=at, end=after_end), group, _unit(phrase.head)))
    return counts
