"""Split report text into sentences with their character spans.

A plain rule is enough here: a sentence ends at . ! or ? followed by space
and a capital, digit or quote, or at a line break; common abbreviations
("U.N.", "Dr.", "Feb.") do not end one. Spans index the original text, so
every quote can be cut back out of it.
"""
from __future__ import annotations

import re
from typing import Iterator

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "approx", "est", "govt", "dept", "u.s", "u.n", "u.k", "e.g", "i.e",
}

BOUNDARY = re.compile(r"[.!?]+['\"’”)\]]*\s+(?=['\"“‘(\[]?[A-Z0-9])|\n\s*")


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """Whether the word before the full stop at ``end`` is an abbreviation ("Dr", "U.N")."""
    word_start = max(text.rfind(" ", max(0, end - 12), end), text.rfind("\n", max(0, end - 12), end)) + 1
    stem = text[word_start:end].lstrip("(\"'“‘").lower().rstrip(".")
    return stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha())


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence, in order."""
    start = 0
    for boundary in BOUNDARY.finditer(text):
        cut = boundary.start()
        if text[cut] == "." and _ends_with_abbreviation(text, cut):
            continue
        end = cut + len(boundary.group().rstrip()) if text[cut] != "\n" else cut
        yield from _trimmed(text, start, end)
        start = boundary.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
