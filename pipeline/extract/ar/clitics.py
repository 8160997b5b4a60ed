"""Arabic words with their clitics off: conjunctions, prepositions and the article before, pronouns after.

"وأصيب" is "اصيب", "للمرصد" is "مرصد" when the lexicon knows it, "أسرتهم"
is "أسرت"; the indefinite accusative's alef is dropped too ("منزلا" is
"منزل"). A word is only cut when what is left is a word of the lexicon, so a
word that merely starts like a clitic ("وزارة") stays whole.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.extract.ar.lexicon import (
    ACCUSATIVE, METRICS, PHRASES, POPULATIONS, RELATIVES, STOPS, SUBSET_LEADS, THINGS, TOLLS,
)

PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
SUFFIXES = ("هم", "ها", "هن", "ه")
KNOWN = frozenset({*METRICS, *POPULATIONS, *THINGS, *SUBSET_LEADS, *STOPS, *RELATIVES, *TOLLS,
                   *(word for phrase in PHRASES for word in phrase)})


def _known(rest: str) -> str | None:
    if rest in KNOWN:
        return rest
    if rest.endswith(ACCUSATIVE) and rest[:-len(ACCUSATIVE)] in KNOWN:
        return rest[:-len(ACCUSATIVE)]
    for suffix in SUFFIXES:
        if rest.endswith(suffix) and rest[:-len(suffix)] in KNOWN:
            return rest[:-len(suffix)]
    return None


@lru_cache(maxsize=4096)
def unglued(word: str) -> str:
    """A word with its clitics off, when that leaves a word of the lexicon ("وأصيب" is "اصيب")."""
    if (known := _known(word)) is not None:
        return known
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2 and (known := _known(word[len(prefix):])):
            return known
    return word
