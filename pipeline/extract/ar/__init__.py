"""Arabic: its folding, words, numbers, credits and periods; the shared reader does the rest.

Written right to left, without capitals; text with or without vowel marks and tatweel reads alike.
"""
from __future__ import annotations

import re

from pipeline.extract.ar.fold import fold
from pipeline.extract.ar.grammar import mentions
from pipeline.extract.ar.lexicon import DENIALS, METRICS, TOLLS
from pipeline.extract.ar.numbers import DUALS
from pipeline.extract.ar.periods import find_period
from pipeline.extract.language import Language
from pipeline.extract.reader import Grammar, Reader
from pipeline.extract.trie import WordFinder, trie_pattern

# A sentence ends at . ! ? or ؟ before a space, or at a line break (Arabic has no capitals to wait for).
BOUNDARY = re.compile(r"\n\s*|[.!?؟]+[\"»”)]*\s+")
# Cue words are found with their clitics on, before ("وأصيب", "للمرصد": the finder takes any letter outside
# A-Z for the start of a word) and after ("مصرعهم", "قتيلا"); the words as a prefix tree, tried a letter at a time.
CUES = WordFinder(trie_pattern([*METRICS, *DENIALS, *DUALS, *TOLLS, "لم"]) + r"(?:هم|ها|هن|ه|ا)?")

# Words a place name follows: "في", "قرب", "من", and the nouns of places ("مدينة", "بريف", "شمال"), with
# their clitics ("وفي", "بمدينة"); the name is the next words.
PLACE_INTRODUCERS = re.compile(
    r"(?<!\S)[وفبل]?(?:في|على|عند|قرب|من|مدينة|بلدة|قرية|ريف|محافظة|حي|منطقة|مخيم|ناحية|شمال|جنوب|شرق|غرب|شمالي|"
    r"جنوبي|شرقي|غربي|وسط)\s+")

GRAMMAR = Grammar(
    code="ar", fold=fold, cues=CUES, boundary=BOUNDARY, mentions=mentions,
    period=lambda sentence, position: find_period(sentence.text, sentence.context.published),
    place_starts=lambda text: (match.end() for match in PLACE_INTRODUCERS.finditer(text)),
)
LANGUAGE = Language("ar", "Arabic", Reader(GRAMMAR).claims)
