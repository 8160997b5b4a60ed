"""French: its words, numbers, credits and periods; the shared reader does the rest."""
from __future__ import annotations

import re

from pipeline.extract.fr.grammar import mentions
from pipeline.extract.fr.lexicon import DENIALS, METRIC_WORDS, OF_NOUNS, PHRASES
from pipeline.extract.fr.periods import find_period
from pipeline.extract.language import Language
from pipeline.extract.lowercase import lowered
from pipeline.extract.reader import Folded, Grammar, Reader
from pipeline.extract.trie import WordFinder

# A sentence ends at . ! ? or … before a capital, a digit or an opening quote, or at a line break; not
# after an initial or a title ("M. Ping", "J. Ping", "Mme Diallo").
BOUNDARY = re.compile(r"\n\s*|[.!?…](?<!\b[A-Z].)(?<!\bMM.)(?<!\bMme.)(?<!\bMgr.)(?<!\bDr.)"
                      r"[.!?…]*[\"»”)]*\s+(?=[«\"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])")
CUES = WordFinder.listing(sorted({*METRIC_WORDS, *OF_NOUNS, *DENIALS, *(word for phrase in PHRASES for word in phrase),
                                  "aucun", "aucune"}))


def fold(text: str) -> Folded:
    return Folded(lowered(text), text)


# A place name is written with a capital after a preposition ("à Alep", "dans la province d'Idleb", "au
# Mali", "près de Gao"); a capital elsewhere is as likely a person ("le ministre, Christophe ...").
PLACE_CAPITALS = re.compile(r"\b(?:à|au|aux|en|dans|de|du|des|sur|vers|entre|par|près\s+de|d['’])\s*"
                            r"(?:(?:la|le|les|l['’])\s*)?(?P<name>[A-ZÀ-ÖØ-Þ])")

GRAMMAR = Grammar(
    code="fr", fold=fold, cues=CUES, boundary=BOUNDARY, mentions=mentions,
    period=lambda sentence, position: find_period(sentence.text, sentence.context.published),
    place_starts=lambda text: (match.start("name") for match in PLACE_CAPITALS.finditer(text)),
)
LANGUAGE = Language("fr", "French", Reader(GRAMMAR).claims)
