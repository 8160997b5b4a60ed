"""The figures an Arabic sentence states: its numbers, what each counts, who is credited, and denials."""
from __future__ import annotations

import re

from pipeline.extract.ar.clitics import unglued
from pipeline.extract.ar.credits import bare_head, credits, denied_span, head, zero_denials
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import (
    ELIDED_LEADS, GENERIC, METRICS, NOUNS, PHRASES, POPULATIONS, QUALIFIERS, RELATIVES, STOPS, SUBSET_LEADS, THINGS,
    TOLLS, WEAK,
)
from pipeline.extract.ar.numbers import find_numbers
from pipeline.extract.crediting import Sources, figure_mentions
from pipeline.extract.reader import Mention, Sentence
from pipeline.extract.window import Window, Words

WORDS = Words(
    metrics=METRICS, nouns=frozenset(NOUNS), populations=POPULATIONS, things=THINGS, of_nouns={},
    of_words=frozenset({folded_word("من")}), phrases=PHRASES,
    skip_before=frozenset({word for phrase in QUALIFIERS for word in folded_word(phrase).split()}
                          | {folded_word(word) for word in "عن إلى الى لما ب تم و نحو".split()}),
    subset_leads=SUBSET_LEADS, elided_leads=ELIDED_LEADS, stops=STOPS,
    breaks=frozenset(";:()«»\"“”—–.!?؟؛،,"), key=unglued, generic=GENERIC, nouns_before=True, verb_first=True,
    relatives=RELATIVES, weak=WEAK, tolls=TOLLS, coordinator=folded_word("و"),
    particles=frozenset(folded_word(word) for word in "في على إلى عن مع خلال".split()),
    classifiers=frozenset(folded_word(word) for word in "حالة حالات".split()),
    abroad=frozenset(tuple(unglued(word) for word in folded_word(phrase).split())
                     for phrase in ("دول الجوار", "الدول المجاورة", "البلدان المجاورة", "الخارج")),
)


# "إصابة" after a count is an injury, or a case of a disease: "120 إصابة جديدة بفيروس كورونا" counts no casualty.
DISEASE = re.compile("|".join(folded_word(word) for word in "فيروس كورونا كوفيد الكوليرا الحصبة الملاريا إيبولا".split()))


def mentions(sentence: Sentence) -> list[Mention]:
    """Every figure the sentence states, positions in the report text as folded."""
    text, shown = sentence.text, sentence.shown
    numbers = find_numbers(text, shown)
    zeros = zero_denials(text, unglued)
    if not numbers and not zeros:
        return []
    figures = [(number, attachment) for number, attachment in Window(WORDS, text, numbers, sentence.words).figures()
               if not (attachment.metric == "injured" and DISEASE.search(text, number.end, number.end + 40))]
    return figure_mentions(sentence, figures, Sources(sentence, credits, bare_head, head), denied_span(text), zeros)
