"""The figures a French sentence states: its numbers, what each counts, who is credited, and denials."""
from __future__ import annotations

from pipeline.extract.crediting import Sources, figure_mentions
from pipeline.extract.fr.credits import bare_head, credits, denied_span, head, zero_denials
from pipeline.extract.fr.lexicon import (
    ARRIVALS, AUXILIARIES, CLAUSE_BREAKS, ELIDED_LEADS, METRIC_NOUNS, METRIC_WORDS, OF_NOUNS, PHRASES, POPULATIONS, QUALIFIERS,
    SUBSET_LEADS, THINGS, TOLLS,
)
from pipeline.extract.fr.numbers import find_numbers
from pipeline.extract.fr.words import elided
from pipeline.extract.reader import Mention, Sentence
from pipeline.extract.window import Window, Words

WORDS = Words(
    metrics=METRIC_WORDS, nouns=METRIC_NOUNS, populations=POPULATIONS, things=THINGS, of_nouns=OF_NOUNS,
    of_words=frozenset({"de", "d'", "d’", "des", "du"}), phrases=PHRASES,
    skip_before=frozenset({word for phrase in QUALIFIERS for word in phrase.split()}
                          | {"les", "la", "le", "l'", "ses", "leurs", "à", "a", "ont", "au", "autres", "aux", "«", "\""}
                          | {"toujours", "encore", "également", "aussi", "déjà"}),  # "retient toujours 80 otages"
    subset_leads=SUBSET_LEADS, elided_leads=ELIDED_LEADS,
    stops=frozenset({"dont", "mais", "selon", "d'après", "tandis", "alors", "lorsque", "quand", "si", "contre",
                     "après", "avant", "qui", "que"}),
    breaks=CLAUSE_BREAKS | {".", "!", "?"}, key=elided, arrivals=ARRIVALS,
    generic=frozenset({"personnes", "personne", "gens", "individus", "autres", "victimes"}),
    auxiliaries=AUXILIARIES, relatives=frozenset({"qui"}), weak=frozenset({"victimes"}), tolls=TOLLS,
    particles=frozenset("sur dans à en au aux pour par chez vers depuis pendant lors plus moins le la les l'".split()),
    members=frozenset({"un", "une"}),
    abroad=frozenset({("pays", "voisins"), ("pays", "voisin"), ("étranger",)}),
)


def mentions(sentence: Sentence) -> list[Mention]:
    """Every figure the sentence states, positions in the report text as folded."""
    lower = sentence.text
    numbers = find_numbers(lower)
    zeros = zero_denials(lower)
    if not numbers and not zeros:
        return []
    figures = Window(WORDS, lower, numbers, sentence.words).figures()
    return figure_mentions(sentence, figures, Sources(sentence, credits, bare_head, head), denied_span(lower), zeros)
