"""Arabic text as the rules read it: without vowel marks or tatweel, one form of each letter, ASCII digits.

Vowel marks (harakat) and tatweel are dropped, as most news writes none;
hamza forms of alef become a bare alef and alef maqsura a yeh, so "أصيب"
and "اصيب" are one word; Arabic-Indic and Persian digits and the Arabic
separators (٬ thousands, ٫ decimals) become ASCII ones. pyarabic holds
the character tables.
"""
from __future__ import annotations

from pyarabic import araby

from pipeline.extract.reader import Folded

DROPPED = frozenset(araby.TASHKEEL) | {araby.TATWEEL}
LETTERS = str.maketrans({
    **{digit: str(value) for value, digit in enumerate(araby.NUMBERS_EAST)},
    **{digit: str(value) for value, digit in enumerate(araby.NUMBERS_PERS)},
    araby.THOUSANDS: ",", araby.DECIMAL: ".",
    araby.ALEF_HAMZA_ABOVE: araby.ALEF, araby.ALEF_HAMZA_BELOW: araby.ALEF, araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF, araby.ALEF_MAKSURA: araby.YEH,
})


def fold(text: str) -> Folded:
    """``text`` folded, with the report position of each character kept."""
    if DROPPED.isdisjoint(text):
        shown, origin = text, None
    else:
        kept = [index for index, char in enumerate(text) if char not in DROPPED]
        shown, origin = "".join(text[index] for index in kept), kept + [len(text)]
    return Folded(shown.translate(LETTERS).lower(), shown, origin)


def folded_word(word: str) -> str:
    """A word of the lexicon in the form the rules read."""
    return fold(word).text
