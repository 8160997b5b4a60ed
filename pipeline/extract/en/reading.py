"""Reading an English report's claims: the figures each sentence states, and counts that go on across sentences.

Deterministic and safe on any input: sentences are read in order, numbers
in a sentence in order, and a sentence without a digit or number word is
skipped at regex speed. A count may be taken up by a pronoun in the next
sentence ("They later killed them"), or go on under the metric of the
sentence before ("Of these, 5 are children"); a single victim ("a child was
killed") is a count of 1.
"""
from __future__ import annotations

from bisect import bisect_left

from pipeline.extract.claims import Claim, ReportContext, deduplicated
from pipeline.extract.en.antecedents import follow_figures_before
from pipeline.extract.en.attach import Attachment
from pipeline.extract.en.carried import (
    Carried, anaphor_metrics, continued_counts, goes_on_counting, in_context, may_go_on, may_take_up, one_count,
    points_back, sentence_after, sentence_before,
)
from pipeline.extract.en.cues_before import CASUALTIES, REFERRED
from pipeline.extract.en.denials import zero_denial_in, zero_denials
from pipeline.extract.en.lexicon import METRIC_NOUNS
from pipeline.extract.en.numbers import find_numbers, has_number
from pipeline.extract.en.places import first_place
from pipeline.extract.en.sentence import CUES, HOUSEHOLD_HEADS, Mention, Reading, Sentence
from pipeline.extract.en.sentences import BOUNDARY
from pipeline.extract.en.singles import SINGLE_CUES, Single, one_person, single_counts, with_singles
from pipeline.extract.lowercase import lowered
from pipeline.extract.once import Once, PerKey
from pipeline.extract.originators import identify
from pipeline.extract.places import report_countries
from pipeline.extract.report_country import TextPlace
from pipeline.extract.sentences import sentences_holding

GENERAL_GROUPS = {"civilians", "people", "combatants", "soldiers"}
# Armed people who cross a border or leave a country are no refugees ("200 soldiers crossed into Syria").
ARMED_GROUPS = {"soldiers", "combatants"}
GENERIC_HEADS = {None, "people", "persons", "person", "others", "individuals", "more", "residents", "victims"}



def _population(found: Attachment, explicit: str | None) -> str:
    """The group counted; an elided or 'others' group takes the one named just before."""
    if found.head in ("others", "more"):
        # "21 others died": others after a general group are that group; after a subset, people
        return explicit if explicit in GENERAL_GROUPS else "people"
    if found.population is None:
        return explicit or "people"
    return found.population


def _number_mentions(sentence: Sentence, singles: list[Single], context: str | None) -> list[Mention]:
    """The figures of a sentence; ``context`` is the metric of the sentence before, if its figures share one."""
    mentions, explicit, previous = [], None, None
    numbers = find_numbers(sentence.text, sentence.lower)
    for number, single in with_singles(numbers, singles, sentence.start):
        found = sentence.attach(number, previous)
        if found is not None and found.metric in (CASUALTIES, REFERRED):  # "put the losses at 80,000"
            metric = in_context(found.metric, previous and previous.metric, context, sentence.lower)
            found = found._replace(metric=metric) if metric else None
        if single is not None:
            found = found and one_person(found, single, sentence.lower, number.end)
            if found is None:
                continue  # an article that counts no one leaves the figure before it in force
        previous = found  # a count with its noun left out follows the figure right before it, if any
        if found is None:
            continue
        population = _population(found, explicit)
        # A group named in the sentence carries over to the next figure only; one person names no
        # group for others ("killing a woman and wounding 25").
        explicit = found.population if found.head not in ("others", "more") and single is None else None
        stance = "denied" if sentence.denied_from < number.start < sentence.denied_until else "asserted"
        for metric in (found.metric, found.also):
            if metric is not None and not (metric == "refugees" and population in ARMED_GROUPS):
                mentions.append(sentence.mention(
                    sentence.start + number.start, number.text, metric, number.value,
                    number.high, number.qualifier, population, stance, number.hedge,
                    generic=found.head in GENERIC_HEADS or found.head in METRIC_NOUNS,
                    unit="households" if found.head in HOUSEHOLD_HEADS else "people",
                ))
    return mentions


def _taken_up(reading: "Reading", start: int, end: int) -> list[Mention]:
    """'Gunmen abducted 9 soldiers. They later killed them.': the one count of the sentence before,
    taken up by a pronoun or noun that a cue of this sentence governs, under that cue's metric."""
    text, lower = reading.text, reading.lower
    metrics = anaphor_metrics(text, lower, start, end)
    before = sentence_before(text, start) if metrics else None
    count = before and one_count(text, lower, *before)
    if not count:
        return []
    passage = Sentence(reading, before[0], end)
    return [_carried(passage, count, metric) for metric in metrics]


def _carried_on(reading: "Reading", start: int, end: int, found: list[Mention],
                metric_at: list[int]) -> list[Mention]:
    """'Twelve people were killed. Of these, 5 are children.': the sentences after one whose figures
    share a metric that go on counting under it: they name no metric of their own, or point back."""
    if len({mention.metric for mention in found}) != 1:
        return []
    text, lower = reading.text, reading.lower
    carried, metric = [], found[0].metric
    following = sentence_after(text, end) if may_go_on(text, lower, end) else None
    while following is not None and goes_on_counting(text, lower, *following) and \
            (bisect_left(metric_at, following[0]) == bisect_left(metric_at, following[1])  # no cue of its own
             or points_back(lower, *following)):
        counts = continued_counts(text, lower, *following)
        if not counts:
            break
        passage = Sentence(reading, start, following[1])
        carried += [_carried(passage, count, metric) for count in counts]
        following = sentence_after(text, following[1])
    return carried


def _carried(passage: Sentence, count: Carried, metric: str) -> Mention:
    """A count read in one sentence of ``passage`` and counted under ``metric``, named in another."""
    number = count.number
    stance = "denied" if passage.denied_from < number.start - passage.start < passage.denied_until else "asserted"
    return passage.mention(number.start, number.text, metric, number.value, number.high, number.qualifier,
                           count.population or "people", stance, number.hedge, generic=count.population is None,
                           unit=count.unit)


def _zero_denials(sentence: Sentence) -> list[Mention]:
    """'denying that any civilians have fled': a denied claim of zero."""
    if sentence.denied_from == len(sentence.text):
        return []
    return [sentence.mention(sentence.start + start, number_text, metric, 0, None, "exact", population, "denied")
            for start, number_text, metric, population in zero_denials(sentence.text)]

def _originator_in(place: TextPlace, name: str | None) -> str | None:
    found = identify(name, place)
    return found.name if found else None


def read(text: str, context: ReportContext) -> list[Claim]:
    """Every figure claim in English ``text``, in text order."""
    if not isinstance(text, str) or not text:
        return []
    lower = lowered(text)
    cues = CUES.spans(lower)
    if not cues:
        return []
    metric_at = [start for start, _ in cues]
    single_cues = [start for start, end in cues if lower[start:end] in SINGLE_CUES]
    # The countries the report is about (to tell apart towns of one name), and the place it names
    # first (for a figure whose sentence names none): each read only when needed.
    countries = Once(report_countries, text, lower, context.location)
    lead_place = Once(first_place, text, lower, countries)
    # Who a name is in this report: its place is looked for only when a name needs it ("police").
    originator_of = PerKey(_originator_in, TextPlace(text, lower, context.location))
    reading = Reading(text, lower, context, lead_place, countries, originator_of)
    mentions: list[Mention] = []
    last_end, last_metrics = -1, set()  # the sentence read last, and the metrics of its figures
    for start, end in sentences_holding(text, BOUNDARY, metric_at):
        singles = single_counts(text, lower, start, end, single_cues)
        if not (singles or has_number(lower, start, end) or zero_denial_in(text, lower, start, end)):
            if may_take_up(lower, start, end):
                mentions.extend(_taken_up(reading, start, end))
            continue
        sentence = Sentence(reading, start, end)
        just_before = len(last_metrics) == 1 and (last_end == start or text[last_end:start].isspace())
        found = _number_mentions(sentence, singles, next(iter(last_metrics)) if just_before else None)
        if not found and may_take_up(lower, start, end):
            found = _taken_up(reading, start, end)
        mentions.extend(found)
        mentions.extend(_zero_denials(sentence))
        last_end, last_metrics = end, {mention.metric for mention in found}
        if found:
            mentions.extend(_carried_on(reading, start, end, found, metric_at))
    first_line = text.find("\n")
    kept = deduplicated(mentions, first_line if first_line > 0 else 0)
    return follow_figures_before([mention.sentence.claim(mention, population) for mention, population in kept])
