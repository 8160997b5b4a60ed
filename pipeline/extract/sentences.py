"""Split report text into sentences with their character spans.

A plain rule is enough here: a sentence ends at . ! or ? followed by space
and a capital, digit or quote, or at a line break; common abbreviations
("U.N.", "Dr.", "Feb.") do not end one. Spans index the original text, so
every quote can be cut back out of it.

A rule-based splitter such as pysbd handles more edge cases but reads text
hundreds of times slower than this one regular expression, and extraction
splits every report it reads.
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
    if text.find(" ", max(0, end - 7), end) == -1 and text.find("\n", max(0, end - 7), end) == -1 and end > 7:
        return False  # a word of seven letters or more is no abbreviation we know
    word_start = max(text.rfind(" ", max(0, end - 12), end), text.rfind("\n", max(0, end - 12), end)) + 1
    stem = text[word_start:end].lstrip("(\"'“‘").lower().rstrip(".")
    return stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha())


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence, in order."""
    start = len(text) - len(text.lstrip())
    for boundary in BOUNDARY.finditer(text):
        cut = boundary.start()
        if text[cut] == "." and _ends_with_abbreviation(text, cut):
            continue
        end = cut + len(boundary.group().rstrip()) if text[cut] != "\n" else cut
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end  # a boundary swallows the whitespace after it, so starts need no trimming
        start = boundary.end()
    end = len(text.rstrip())
    if end > start:
        yield start, end
