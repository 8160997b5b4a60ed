"""The figures a French sentence states: its numbers, what each counts, who is credited, and denials."""
from __future__ import annotations

from pipeline.extract.fr.credits import credited, credits, denied_span, zero_denials
from pipeline.extract.fr.lexicon import (
    ARRIVALS, CLAUSE_BREAKS, ELIDED_LEADS, METRIC_NOUNS, METRIC_WORDS, OF_NOUNS, PHRASES, POPULATIONS, QUALIFIERS,
    SUBSET_LEADS, THINGS,
)
from pipeline.extract.fr.numbers import find_numbers
from pipeline.extract.fr.words import elided
from pipeline.extract.reader import Mention, Sentence
from pipeline.extract.window import Window, Words
from schemas.reference import load_sources

WORDS = Words(
    metrics=METRIC_WORDS, nouns=METRIC_NOUNS, populations=POPULATIONS, things=THINGS, of_nouns=OF_NOUNS,
    of_words=frozenset({"de", "d'", "d’", "des", "du"}), phrases=PHRASES,
    skip_before=frozenset({word for phrase in QUALIFIERS for word in phrase.split()}
                          | {"les", "la", "le", "l'", "ses", "leurs", "à", "a", "ont", "au", "autres", "aux", "«", "\""}),
    subset_leads=SUBSET_LEADS, elided_leads=ELIDED_LEADS,
    stops=frozenset({"dont", "mais", "selon", "d'après", "tandis", "alors", "lorsque", "quand", "si", "contre",
                     "dans", "après", "avant", "qui", "que"}),
    breaks=CLAUSE_BREAKS | {".", "!", "?"}, key=elided, arrivals=ARRIVALS,
    generic=frozenset({"personnes", "personne", "gens", "individus", "autres", "victimes"}),
)


def _same_source(name: str, publisher: str | None) -> bool:
    if not publisher:
        return False
    registry = load_sources()
    known, publishing = registry.lookup(name), registry.lookup(publisher)
    return (known.name if known else name).lower() == (publishing.name if publishing else publisher).lower()


def mentions(sentence: Sentence) -> list[Mention]:
    """Every figure the sentence states, positions in the report text as folded."""
    lower, shown = sentence.text, sentence.shown
    numbers = find_numbers(lower)
    zeros = zero_denials(lower)
    if not numbers and not zeros:
        return []
    found_credits = credits(shown)
    denied_from, denied_to = denied_span(lower)
    publisher = sentence.context.publisher
    found = []
    for number, attachment in Window(WORDS, lower, numbers).figures():
        source = credited(found_credits, number.start)
        stance = "denied" if denied_from <= number.start < denied_to else "asserted"
        found.append(Mention(
            sentence.start + number.start, sentence.start + number.end, attachment.metric, number.value,
            number.high, number.qualifier, number.hedge, attachment.population or "people", stance,
            None if source is None or _same_source(source, publisher) else source, attachment.generic))
    for start, end, metric, population in zeros:
        source = credited(found_credits, start)
        found.append(Mention(sentence.start + start, sentence.start + end, metric, 0, None, "exact", None,
                             population, "denied", source, population == "people"))
    return found
