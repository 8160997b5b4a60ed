"""The figures an Arabic sentence states: its numbers, what each counts, who is credited, and denials."""
from __future__ import annotations

from functools import lru_cache

from pipeline.extract.ar.credits import credits, denied_span, zero_denials
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import (
    ELIDED_LEADS, GENERIC, METRICS, NOUNS, PHRASES, POPULATIONS, QUALIFIERS, STOPS, SUBSET_LEADS, THINGS, VERBS,
)
from pipeline.extract.ar.numbers import find_numbers
from pipeline.extract.fr.credits import credited
from pipeline.extract.fr.grammar import _same_source
from pipeline.extract.reader import Mention, Sentence
from pipeline.extract.window import Window, Words

# Clitics glued before a word (conjunctions, prepositions, the article) and pronouns after it.
PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
SUFFIXES = ("هم", "ها", "هن", "ه")
KNOWN = frozenset({*METRICS, *POPULATIONS, *THINGS, *SUBSET_LEADS, *STOPS, *(w for p in PHRASES for w in p)})


@lru_cache(maxsize=4096)
def unglued(word: str) -> str:
    """A word with its clitics off, when that leaves a word of the lexicon ("وأصيب" is "اصيب")."""
    if word in KNOWN:
        return word
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix):]
            if rest in KNOWN:
                return rest
            for suffix in SUFFIXES:
                if rest.endswith(suffix) and rest[:-len(suffix)] in KNOWN:
                    return rest[:-len(suffix)]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and word[:-len(suffix)] in KNOWN:
            return word[:-len(suffix)]
    return word


WORDS = Words(
    metrics=METRICS, nouns=frozenset(NOUNS), populations=POPULATIONS, things=THINGS, of_nouns={},
    of_words=frozenset({folded_word("من")}), phrases=PHRASES,
    skip_before=frozenset({word for phrase in QUALIFIERS for word in folded_word(phrase).split()}
                          | {folded_word(word) for word in "عن إلى الى لما ب تم و نحو".split()}),
    subset_leads=SUBSET_LEADS, elided_leads=ELIDED_LEADS, stops=STOPS,
    breaks=frozenset(";:()«»\"“”—–.!?؟؛،,"), key=unglued, generic=GENERIC, nouns_before=True, verb_first=True,
)
_ = VERBS  # the verbs are in METRICS; named here so a reader of this module sees where they come from


def mentions(sentence: Sentence) -> list[Mention]:
    """Every figure the sentence states, positions in the report text as folded."""
    text, shown = sentence.text, sentence.shown
    numbers = find_numbers(text, shown)
    zeros = zero_denials(text, unglued)
    if not numbers and not zeros:
        return []
    found_credits = credits(text, shown)
    denied_from, denied_to = denied_span(text)
    publisher = sentence.context.publisher
    found = []
    for number, attachment in Window(WORDS, text, numbers).figures():
        source = credited(found_credits, number.start)
        stance = "denied" if denied_from <= number.start < denied_to else "asserted"
        found.append(Mention(
            sentence.start + number.start, sentence.start + number.end, attachment.metric, number.value,
            number.high, number.qualifier, number.hedge, attachment.population or "people", stance,
            None if source is None or _same_source(source, publisher) else source, attachment.generic))
    for start, end, metric, population in zeros:
        found.append(Mention(sentence.start + start, sentence.start + end, metric, 0, None, "exact", None,
                             population, "denied", credited(found_credits, start), True))
    return found
