"""What a qualified number says about the true count, as an interval.

"more than 1,800" is [1800, open); "about 900,000" is within 10% of it;
"nearly 900,000" lies a little under 900,000, in [810,000, 900,000];
"between 500 and 1,000" is [500, 1000]; a vague word ("thousands") is a lower
bound. ``high`` None means open: only a lower bound is known.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

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


def claim_bounds(value: np.ndarray, high: np.ndarray, qualifier: np.ndarray,
                 hedge: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``claim_interval`` over whole columns: (low, point, high) arrays, high NaN where open.

    ``high`` is the stated upper end of a range (NaN where none); ``hedge`` the
    hedging words (None where none).
    """
    value = np.asarray(value, dtype=np.int64)
    stated_high = np.asarray(high, dtype=np.float64)
    codes, distinct = pd.factorize(np.asarray(qualifier, dtype=object))
    unknown = [name for name in distinct if name not in _KIND] + ([None] if (codes < 0).any() else [])
    if unknown:
        raise ValueError(f"unknown qualifier {unknown[0]!r}")
    kind = np.array([_KIND[name] for name in distinct], dtype=np.int8)[codes]
    spread = np.round(value * APPROXIMATION).astype(np.int64)
    hedge_codes, hedges = pd.factorize(np.asarray(hedge, dtype=object))
    just_below = np.array([word in JUST_BELOW for word in hedges] + [False])[hedge_codes]
    approx, less, upper_only = kind == _APPROX, kind == _LESS, np.isin(kind, [_UP_TO, _LESS])
    point = np.where(less, np.maximum(0, value - 1), value)
    low = np.where(approx, np.maximum(0, value - spread), np.where(upper_only, 0, value))
    upper = np.where(np.isin(kind, [_EXACT, _UP_TO, _LESS]), point, np.nan)
    upper = np.where(approx, np.where(just_below, value, value + spread), upper)
    upper = np.where(kind == _RANGE, np.where(np.isnan(stated_high), value, stated_high), upper)
    return low.astype(np.int64), point.astype(np.int64), upper.astype(np.float64)


_EXACT, _APPROX, _UP_TO, _LESS, _RANGE, _LOWER_BOUND = range(6)
_KIND = {"exact": _EXACT, "approximately": _APPROX, "up_to": _UP_TO, "less_than": _LESS, "range": _RANGE,
         "more_than": _LOWER_BOUND, "at_least": _LOWER_BOUND, "vague": _LOWER_BOUND}
