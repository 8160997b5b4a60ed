"""What a qualified number says about the true count, as an interval.

"more than 1,800" is [1800, open); "about 900,000" is within 10% of it;
"nearly 900,000" lies a little under 900,000, in [810,000, 900,000];
"between 500 and 1,000" is [500, 1000]; a vague word ("thousands") is a lower
bound. ``high`` None means open: only a lower bound is known.
"""
from __future__ import annotations

from dataclasses import dataclass

APPROXIMATION = 0.1  # "about 900,000" is read as within 10% of 900,000
JUST_BELOW = {"nearly", "almost", "close to", "just under", "just below"}


@dataclass(frozen=True)
class Interval:
    low: int
    best: int
    high: int | None  # None: open above

    def overlaps(self, other: "Interval") -> bool:
        below_other_high = other.high is None or self.low <= other.high
        above_other_low = self.high is None or other.low <= self.high
        return below_other_high and above_other_low


def claim_interval(value: int, high: int | None, qualifier: str, hedge: str | None = None) -> Interval:
    spread = round(value * APPROXIMATION)
    if qualifier == "exact":
        return Interval(value, value, value)
    if qualifier in ("more_than", "at_least", "vague"):
        return Interval(value, value, None)
    if qualifier == "approximately" and hedge in JUST_BELOW:
        return Interval(max(0, value - spread), value, value)
    if qualifier == "approximately":
        return Interval(max(0, value - spread), value, value + spread)
    if qualifier == "up_to":
        return Interval(0, value, value)
    if qualifier == "less_than":
        return Interval(0, max(0, value - 1), max(0, value - 1))
    if qualifier == "range":
        upper = high if high is not None else value
        return Interval(value, value, upper)
    raise ValueError(f"unknown qualifier {qualifier!r}")
