"""A figure that goes on about the figure before it takes that figure's span of time.

"At least 100 civilians were killed between 1 and 16 February. Thirty-five of
those killed were children.": the 35 are part of the 100, a count of the same
period, though their sentence names none. Likewise a count "over the same
months", and an undated incident whose sentence refers back to the event told
just before ("the attack", "the death toll", "among the dead") without telling
of another ("a mortar round", "another strike", "elsewhere", "a day after").
"""
from __future__ import annotations

import dataclasses
import re

from pipeline.extract.count_types import EVENT_WORDS, INCIDENT
from pipeline.extract.lowercase import lowered

WINDOW = 200  # characters around a number read for words that tie it to the figure before
# "Thirty-five of those killed were children", "569,000 of the displaced are children", "Of them, 12 were women"
PART_OF_BEFORE = re.compile(r"\s*(?:of|among)\s+(?:those|them|whom|the)\b")
PART_OF_AFTER = re.compile(r"\b(?:of|among)\s+(?:those|them|the)\b(?:\s+[\w-]+){0,2},?\s+(?:[\w-]+\s+){0,2}$")
SAME_SPAN = re.compile(r"\b(?:over|in|during|within|for)\s+the\s+same\s+(?:period|months?|weeks?|days?|time|year)\b")
REFERS_BACK = re.compile(rf"\b(?:the|this|these|that|those)\s+(?:[\w-]+\s+){{0,2}}?(?:{EVENT_WORDS}|toll|victims"
                         rf"|dead|wounded|injured)\b")
NEW_EVENT = re.compile(rf"\b(?:a|an|another|one|two|twin|separate|similar|second)\s+(?:[\w-]+\s+){{0,3}}?"
                       rf"(?:{EVENT_WORDS})\b|\b(?:elsewhere|separately|meanwhile|earlier|previously|later|after"
                       rf"|before|ago)\b|^\W*(?:also|in\s+addition)\b")
TIMING = ("count_type", "event_date", "date_precision", "period_start", "period_start_latest", "period_end",
          "period_text")


def _undated_incident(claim) -> bool:
    """An incident whose own words give no date and no period: its span of time is only the default."""
    return claim.count_type == INCIDENT and claim.date_precision in (None, "unknown") and claim.period_text is None


class _Reading:
    """The lower-cased sentence of each claim, and what it says of the event before, read once a sentence."""

    def __init__(self):
        self._sentences: dict[int, tuple[str, bool]] = {}

    def sentence(self, claim) -> tuple[str, bool]:
        """(the sentence lower-cased, whether it goes on about the event before and tells of no other)."""
        if claim.start not in self._sentences:
            lower = lowered(claim.quote)
            self._sentences[claim.start] = (lower, REFERS_BACK.search(lower) is not None
                                            and NEW_EVENT.search(lower) is None)
        return self._sentences[claim.start]


def _part_of(claim, before, before_followed: bool, lower: str) -> bool:
    """Whether ``claim`` counts over the span of ``before``, the figure just before it.

    ``before_followed``: whether ``before`` itself follows the figure before
    it; a figure of the same sentence with no span of its own then does too
    ("Around 569,000 of the displaced are children and more than 195,000 are women").
    """
    at = claim.number_start - claim.start
    end = at + len(claim.number_text)
    if SAME_SPAN.search(lower, max(0, at - WINDOW), end + WINDOW):
        return True
    if not _undated_incident(claim) or before.value < claim.value:
        return False
    return before_followed and before.start == claim.start \
        or bool(PART_OF_BEFORE.match(lower, end) or PART_OF_AFTER.search(lower, max(0, at - 80), at))


def _same_event(claim, before, goes_on: bool) -> bool:
    """Whether an undated incident goes on about the dated incident just before it (``goes_on``: its
    sentence refers back to an event and tells of no other), and they are not said to be in different places."""
    if claim.date_precision != "unknown" or not _undated_incident(claim) or before.count_type != INCIDENT \
            or before.date_precision in (None, "unknown"):
        return False
    if claim.place is not None and before.place is not None and claim.place != before.place:
        return False
    return claim.start == before.start or goes_on


def follow_figures_before(claims: list) -> list:
    """Claims in text order, each that goes on about the figure before it given that figure's span of time."""
    reading, followed = _Reading(), False
    for index in range(1, len(claims)):
        claim, before = claims[index], claims[index - 1]
        lower, goes_on = reading.sentence(claim)
        followed = _part_of(claim, before, followed, lower)
        if followed or _same_event(claim, before, goes_on):
            claims[index] = dataclasses.replace(claim, **{name: getattr(before, name) for name in TIMING})
    return claims
