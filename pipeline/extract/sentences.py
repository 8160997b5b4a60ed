"""Split report text into sentences with their character spans.

A plain rule is enough here: a sentence ends at . ! or ? followed by space
and a capital, digit or quote, or at a line break; a full stop after a common
abbreviation ("U.N.", "Dr.", "Feb.") or a single letter ("J. Smith") does
not end one. Spans index the original text, so every quote can be cut back
out of it.

The rule is one regular expression, abbreviations included, so finding every
boundary of a report costs one scan; only the sentences that hold a metric
word are then cut out. A rule-based splitter such as pysbd handles more edge
cases but reads text hundreds of times slower, and extraction splits every
report it reads.
"""
from __future__ import annotations

import bisect
import re
from itertools import groupby
from typing import Iterable, Iterator

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st", "brig", "cpl", "adm",
    "cmdr", "lieut", "gov", "sen", "rep", "supt", "insp", "pte", "rev", "hon",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "approx", "est", "govt", "dept", "u.s", "u.n", "u.k", "e.g", "i.e",
}
_WORD_BEFORE = r"[ \n(\"'“‘]"  # what may stand before an abbreviation: a space, quote or bracket


def _not_after(word: str) -> str:
    """Lookbehinds, placed just after a full stop, that fail when ``word`` stands before it as a word."""
    return rf"(?<!{_WORD_BEFORE}{word}\.)(?<!^{word}\.)"


def _not_after_abbreviation() -> str:
    # A lookbehind has one width, so abbreviations are grouped by length.
    by_length = groupby(sorted(ABBREVIATIONS, key=len), key=len)
    words = [f"(?i:{'|'.join(re.escape(word) for word in group)})" for _, group in by_length]
    return "".join(_not_after(word) for word in [r"[^\W\d_]", *words])


# The pattern opens with one set of characters, which `re` finds by a fast
# scan in C; the rest runs only there. A line break ends a sentence; a run of
# stops ends one from its first stop, followed by space and a capital, digit or
# quote, and never from a full stop after an abbreviation.
BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=\n)\s*"
    rf"|(?<![.!?][.!?]){_not_after_abbreviation()}[.!?]*['\"’”)\]]*\s+(?=['\"“‘(\[]?[A-Z0-9]))"
)


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


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence, in order."""
    start = _first_start(text)
    for boundary in BOUNDARY.finditer(text):
        span = _span(text, start, boundary)
        if span[1] > span[0]:
            yield span  # a boundary swallows the whitespace after it, so starts need no trimming
        start = boundary.end()
    span = _span(text, start, None)
    if span[1] > span[0]:
        yield span


def sentences_holding(text: str, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence that holds one of the sorted ``positions``, in order.

    Only those sentences are cut out: a report's other sentences cost no more
    than the scan for boundaries.
    """
    boundaries = list(BOUNDARY.finditer(text))
    starts = [boundary.end() for boundary in boundaries]
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
