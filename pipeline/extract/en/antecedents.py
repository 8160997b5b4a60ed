"""A figure that goes on about the figure before it takes that figure's span of time.

"At least 100 civilians were killed between 1 and 16 February. Thirty-five of
those killed were children.": the 35 are part of the 100, a count of the same
period, though their sentence names none. Likewise a count "over the same
months", and an undated incident whose sentence refers back to the event told
just before ("the attack", "the death toll", "among the dead") without telling
of another ("a mortar round", "another strike", "elsewhere", "a day after").
"""
from __future__ import annotations

import re

from pipeline.extract.en.count_types import CUE_KINDS, CUMULATIVE, INCIDENT
from pipeline.extract.lowercase import lowered
from pipeline.extract.trie import WordFinder

WINDOW = 200  # characters around a number read for words that tie it to the figure before
# "Thirty-five of those killed were children", "569,000 of the displaced are children", "Of them, 12 were women"
PART_OF_BEFORE = re.compile(r"\s*(?:of|among)\s+(?:those|them|whom|the)\b")
PART_OF_AFTER = re.compile(r"\s*(?:of|among)\s+(?:those|them|the)\b(?:\s+[\w-]+){0,2},?\s+(?:[\w-]+\s+){0,2}$")
SAME_SPAN = re.compile(r"\b(?:over|in|during|within|for)\s+the\s+same\s+(?:period|months?|weeks?|days?|time|year)\b")
# An event, or its casualties, named in a sentence: after "the", "these" it is the event told before; after "a",
# "another", "two" another one.
EVENT_NAMES = WordFinder.listing([word for word, kind in CUE_KINDS.items() if kind in ("single", "many")]
                                 + ["toll", "victims", "dead", "wounded", "injured"], joiners="_-")
CASUALTY_NAMES = {"toll", "victims", "dead", "wounded", "injured"}
KNOWN_BEFORE = re.compile(r"\b(?:the|this|these|that|those)\s+(?:[\w-]+\s+){0,2}$")
ANOTHER_BEFORE = re.compile(r"\b(?:a|an|another|one|two|twin|separate|similar|second)\s+(?:[\w-]+\s+){0,3}$")
ANOTHER_TIME = re.compile(r"\b(?:elsewhere|separately|meanwhile|earlier|previously|later|after|before|ago)\b"
                          r"|^\W*(?:also|in\s+addition)\b")
TIMING = ("count_type", "event_date", "date_precision", "period_start", "period_start_latest", "period_end",
          "period_text")


def _undated_incident(claim) -> bool:
    """An incident whose own words give no date and no period: its span of time is only the default."""
    return claim.count_type == INCIDENT and claim.date_precision in (None, "unknown") and claim.period_text is None


def _no_span_of_its_own(claim) -> bool:
    """A figure whose words give it no date, period or start: an undated incident, or people displaced
    to a date with no start (the defaults of each)."""
    return _undated_incident(claim) or (claim.count_type == CUMULATIVE and claim.period_start is None
                                         and claim.period_text is None)


def _near(claim, before: int, after: int) -> tuple[str, int, int]:
    """The words around a claim's number, lower-cased, with where the number starts and ends in them."""
    at = claim.number_start - claim.start
    opening = max(0, at - before)
    return lowered(claim.quote[opening:at + len(claim.number_text) + after]), at - opening, \
        at - opening + len(claim.number_text)


def _part_of(claim, before, before_followed: bool) -> bool:
    """Whether ``claim`` counts over the span of ``before``, the figure just before it.

    ``before_followed``: whether ``before`` itself follows the figure before
    it; a figure of the same sentence with no span of its own then does too
    ("Around 569,000 of the displaced are children and more than 195,000 are women").
    """
    words, _, _ = _near(claim, WINDOW, WINDOW)  # only near the number: a quote may be a whole long text
    if "same" in words and SAME_SPAN.search(words):
        return True
    if not _no_span_of_its_own(claim) or before.value < claim.value:
        return False
    if before_followed and before.start == claim.start:
        return True
    words, at, end = _near(claim, 80, 20)
    if PART_OF_BEFORE.match(words, end):
        return True
    opening = max(words.rfind(" of ", 0, at), words.rfind("of ", 0, 3), words.rfind("among ", 0, at))
    return opening >= 0 and PART_OF_AFTER.match(words, opening, at) is not None


def _same_event(claim, before, sentences: dict[int, bool]) -> bool:
    """Whether an undated incident goes on about the dated incident just before it: its sentence refers
    back to an event and tells of no other (``sentences`` keeps what each sentence says, by its start),
    and they are not said to be in different places."""
    if before.count_type != INCIDENT or before.date_precision in (None, "unknown") \
            or claim.date_precision != "unknown" or not _undated_incident(claim):
        return False
    if claim.place is not None and before.place is not None and claim.place != before.place:
        return False
    if claim.start == before.start:
        return True
    if claim.start not in sentences:
        sentences[claim.start] = _goes_on(lowered(claim.quote))
    return sentences[claim.start]


def _goes_on(lower: str) -> bool:
    """Whether a lower-cased sentence refers back to an event ("the attack", "the death toll") and tells of no
    other ("a mortar round", "another strike", "elsewhere", "a day after")."""
    if ANOTHER_TIME.search(lower):
        return False
    refers = False
    for start, end in EVENT_NAMES.spans(lower):
        before = lower[max(0, start - 40):start]
        if lower[start:end] not in CASUALTY_NAMES and ANOTHER_BEFORE.search(before):
            return False
        refers = refers or KNOWN_BEFORE.search(before) is not None
    return refers


def follow_figures_before(claims: list) -> list:
    """Claims in text order, each that goes on about the figure before it given that figure's span of time."""
    sentences: dict[int, bool] = {}
    followed = False
    for index in range(1, len(claims)):
        claim, before = claims[index], claims[index - 1]
        followed = _part_of(claim, before, followed)
        if followed or _same_event(claim, before, sentences):
            for name in TIMING:  # the claims are this extraction's own: changed in place
                setattr(claim, name, getattr(before, name))
    return claims
