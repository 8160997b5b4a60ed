"""Split report text into sentences with their character spans, at the boundaries a language gives.

A language says where its sentences end with one regular expression (its
``BOUNDARY``: the match is the boundary, the space after it included);
cutting the sentences out is the same for every language. Spans index the
text as given, so every quote can be cut back out of it. Finding every
boundary of a report costs one scan; only the sentences that hold a cue are
then cut out.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator


def _first_start(text: str) -> int:
    """Where the first sentence starts: after any leading space."""
    return len(text) - len(text.lstrip())


def _span(text: str, start: int, boundary: re.Match | None) -> tuple[int, int]:
    """The sentence from ``start`` to ``boundary`` (or the text end), trailing space trimmed."""
    if boundary is None:
        return start, len(text.rstrip())
    end = boundary.start() + len(boundary.group().rstrip())  # keeps the full stop and closing quote
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, boundary: re.Pattern) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence, in order."""
    start = _first_start(text)
    for found in boundary.finditer(text):
        span = _span(text, start, found)
        if span[1] > span[0]:
            yield span  # a boundary swallows the whitespace after it, so starts need no trimming
        start = found.end()
    span = _span(text, start, None)
    if span[1] > span[0]:
        yield span


def sentences_holding(text: str, boundary: re.Pattern, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence that holds one of the sorted ``positions``, in order.

    Only those sentences are cut out: a report's other sentences cost no more
    than the scan for boundaries.
    """
    boundaries = list(boundary.finditer(text))
    starts = [found.end() for found in boundaries]
    previous = -1
    for position in positions:
        index = bisect.bisect_right(starts, position)
        if index == previous:
            continue
        previous = index
        start = starts[index - 1] if index else _first_start(text)
        span = _span(text, start, boundaries[index] if index < len(boundaries) else None)
        if span[1] > span[0]:
            yield span
