"""Numbers as every language's reader finds them, and their values when written in digits.

Each language finds its numbers in its own words ("twelve", "douze", "اثنا
عشر") and gives them as a `Number`. Written in digits ("1,800", "1 800",
"1.800", "1,5", "١٬٥٠٠"), languages differ only in the marks they put between
thousands and before decimals; Arabic-Indic digits are folded to ASCII ones
by the Arabic package before anything is read. A decimal is a count only
with a scale word after it ("1,5 million"); a run longer than any head count
is an identifier.
"""
from __future__ import annotations

from typing import NamedTuple


class Number(NamedTuple):
    """A number as written in the text, with its value and hedge."""

    start: int
    end: int
    text: str
    value: int
    high: int | None
    qualifier: str
    hedge: str | None = None  # the hedging words as written, lower-cased ("nearly")


MAX_DIGITS = 11  # more people than have ever lived: an identifier, not a count


def is_year(digits: str) -> bool:
    """Whether plain digits are a year of the last two centuries ("2019")."""
    return len(digits) == 4 and digits.isdigit() and digits[:2] in ("19", "20")


def digit_value(digits: str, thousands: str, decimal: str, scale: int = 1) -> int | None:
    """The count ``digits`` writes, with ``thousands`` separators and a ``decimal`` mark, times ``scale``.

    None when it is no head count: a decimal without a scale, or too many digits.
    """
    whole, _, fraction = digits.partition(decimal)
    for mark in thousands:
        whole = whole.replace(mark, "")
    if not whole.isdigit() or len(whole) > MAX_DIGITS or (fraction and not fraction.isdigit()):
        return None
    if fraction and scale == 1:
        return None
    value = int(whole) * scale + (int(fraction) * scale // 10 ** len(fraction) if fraction else 0)
    return value if len(str(value)) <= MAX_DIGITS else None
