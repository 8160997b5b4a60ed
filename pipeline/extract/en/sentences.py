"""Where an English sentence ends: the boundary the shared splitter (sentences.py) cuts at.

A plain rule is enough here: a sentence ends at . ! or ? followed by space
and a capital, digit or quote, or at a line break; a full stop after a common
abbreviation ("U.N.", "Dr.", "Feb.") or a single letter ("J. Smith") does
not end one.

The rule is one regular expression, abbreviations included, so finding every
boundary of a report costs one scan. A rule-based splitter such as pysbd
handles more edge cases but reads text hundreds of times slower, and
extraction splits every report it reads.
"""
from __future__ import annotations

import re
from itertools import groupby

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
