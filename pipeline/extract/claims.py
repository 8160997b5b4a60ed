"""Extract figure claims from the text of one report.

Deterministic and safe on any input: sentences are read in order, numbers
in a sentence in order, and a sentence without a digit or number word is
skipped at regex speed. Each claim keeps the span of its sentence and the
number as written, so a reader can check it against the report.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, partial
from operator import attrgetter
from typing import Callable, NamedTuple

from pipeline.extract.attach import (
    AFTER_WINDOW,
    AFTER_WORDS,
    BEFORE_WINDOW,
    BEFORE_WORDS,
    TOKEN,
    Attachment,
    attach_words,
)
from pipeline.extract.carried import (
    Carried,
    anaphor_metrics,
    continued_counts,
    goes_on_counting,
    may_go_on,
    may_take_up,
    one_count,
    points_back,
    sentence_after,
    sentence_before,
    in_context,
)
from pipeline.extract.attribution import Credit, find_credit, sentence_credits, sentence_subject
from pipeline.extract.dates import month_spans
from pipeline.extract.antecedents import follow_figures_before
from pipeline.extract.count_types import CUMULATIVE, INCIDENT, PERIOD, SentenceCues, count_type
from pipeline.extract.lexicon import CUE_WORDS, METRIC_NOUNS, METRIC_WORDS
from pipeline.extract.cues_before import CASUALTIES, REFERRED
from pipeline.extract.denials import denial_end, denial_start, zero_denial_in, zero_denials
from pipeline.extract.event_dates import event_dates, incident_date, nearest_date
from pipeline.extract.lowercase import lowered
from pipeline.extract.numbers import Number, find_numbers, has_number
from pipeline.extract.originators import identify
from pipeline.extract.periods import Period, find_period
from pipeline.extract.places import (
    Countries, FigurePlaces, PlaceMention, first_place, place_fields, report_countries, sentence_places,
)
from pipeline.extract.report_country import TextPlace
from pipeline.extract.sentences import sentences_holding
from pipeline.extract.singles import SINGLE_CUES, Single, one_person, single_counts, with_singles
from pipeline.extract.trie import WordFinder

# A claim needs a number and a metric word in one sentence; both are found
# in one pass over the lower-cased text each, and only sentences holding both are read.
METRIC_WORDS_FOUND = WordFinder.listing(sorted(CUE_WORDS))
# A period phrase after a count belongs to another clause when a clause starts between them
# ("killed 12, while the border has been closed since 2016"), or when the count stands in a
# relative clause that ends before it ("Turkey, which hosts 3.6 million refugees, has kept its
# border closed since 2016"); an aside does not end the count's clause ("70,000 people, most of
# them children, have fled since Sunday").
NEW_CLAUSE = re.compile(r";|,\s+(?:which|who|and|but|while|whereas|although)\b")
IN_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*$")
# "moved on to Afrin (1,200), Azaz (640) and Jarablus (90)": a count in brackets after a name.
BRACKETED_COUNT = re.compile(r"[A-Z][\w'’-]*\s*\($")
# Two such counts make a list ("Afrin (1,200), Azaz (640)") or a comparison ("in July (126,200) than in June").
BRACKETED_LIST = re.compile(r"[A-Z][\w'’-]*\s*\(\d[\d,.]*\)\s*(?:,|and|or|than|versus|vs\.?|compared\s+(?:with|to))"
                            r"\s*(?:(?:in|on|at|from|for)\s+)?[A-Z][\w'’-]*\s*\(\d")
# "Half of all deaths (53%, 13,178)": a count in brackets after the noun it counts.
BRACKETED_AFTER_NOUN = re.compile(r"\b([A-Za-z]+)\s*\((?:[^()]{0,12},\s*)?$")
KELVIN_SIGN = "\u212a"
GENERAL_GROUPS = {"civilians", "people", "combatants", "soldiers"}
# Armed people who cross a border or leave a country are no refugees ("200 soldiers crossed into Syria").
ARMED_GROUPS = {"soldiers", "combatants"}
GENERIC_HEADS = {None, "people", "persons", "person", "others", "individuals", "more", "residents", "victims"}
# What a count of families or households counts: households, whatever happened to them (IDMC's HOUSEHOLD unit).
HOUSEHOLD_HEADS = {"families", "family", "households", "household"}
# "1,393 displaced households (estimated 6,636 individuals)": the same figure in another unit, in brackets.
SAME_FIGURE_HEADS = HOUSEHOLD_HEADS | {"people", "persons", "individuals", "residents"}
IN_BRACKETS = re.compile(r"\(\s*(?:[A-Za-z]+\s+){0,2}$")


@dataclass(slots=True)
class Claim:
    """One figure as the report states it; ``start``/``end`` span its sentence."""

    metric: str
    value: int
    high: int | None
    unit: str  # "people" or "households"
    qualifier: str
    hedge: str | None
    population: str
    stance: str
    count_type: str  # incident, period, cumulative or stock (count_types.py)
    attributed_to: str | None
    originator: str | None
    location: str | None
    place: str | None
    adm0: str | None
    adm1: str | None
    adm2: str | None
    latitude: float | None
    longitude: float | None
    event_date: str | None  # incidents only: the first day the event may have been
    date_precision: str | None  # incidents only: day, week, month, or unknown (the report date stands in)
    period_start: str | None
    period_start_latest: str | None  # the latest day a loosely given start may be
    period_end: str | None
    period_text: str | None
    quote: str
    start: int
    end: int
    number_text: str
    number_start: int
    # Whether the group was named only generically ("people", "others", or not at all): such a
    # mention may be the same figure as one naming a group. Not published.
    generic: bool = dataclasses.field(default=True, repr=False)
    language: str = "en"  # ISO 639-1 code of the language the claim was read in


# The columns of a claim as published; the claims table and `figures extract` give these.
CLAIM_COLUMNS = [
    "claim_id", "report_id", "language", "metric", "value", "high", "unit", "qualifier", "hedge", "population",
    "stance", "count_type", "attributed_to", "originator", "location", "place", "adm0", "adm1", "adm2",
    "latitude", "longitude", "event_date", "date_precision", "period_start", "period_start_latest", "period_end",
    "period_text", "quote", "start", "end", "number_text",
]


def claim_id(report_id: str, number_start: int, metric: str, population: str, stance: str) -> str:
    """A stable id: the same figure read from the same bytes always gets the same id."""
    key = f"{report_id}:{number_start}:{metric}:{population}:{stance}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


FIELD_COLUMNS = CLAIM_COLUMNS[2:]  # the published columns a Claim holds
_field_values = attrgetter(*FIELD_COLUMNS)  # reads them all in one call


def claim_record(claim: "Claim", report_id: str) -> dict:
    """A claim as one row of the claims table, columns in published order."""
    record = {"claim_id": claim_id(report_id, claim.number_start, claim.metric, claim.population, claim.stance),
              "report_id": report_id}
    record.update(zip(FIELD_COLUMNS, _field_values(claim)))
    return record


@dataclass(frozen=True)
class ReportContext:
    """What the extractor knows of a report besides its text."""

    published: dt.date | None = None  # None: the text is undated; periods keep their words only
    publisher: str | None = None
    location: str | None = None
    language: str | None = None  # ISO 639-1, from the report's metadata; None: told from its text



def _population(found: Attachment, explicit: str | None) -> str:
    """The group counted; an elided or 'others' group takes the one named just before."""
    if found.head in ("others", "more"):
        # "21 others died": others after a general group are that group; after a subset, people
        return explicit if explicit in GENERAL_GROUPS else "people"
    if found.population is None:
        return explicit or "people"
    return found.population


class _Reading(NamedTuple):
    """What every sentence of one report shares: its text, what is known of it, and what is read of it
    once, when first needed (its countries, its lead place, who its names are)."""

    text: str
    lower: str
    context: ReportContext
    lead_place: Callable[[], PlaceMention | None]
    countries: Countries
    originator_of: Callable[[str], str | None]


class _Sentence:
    """One sentence of the report, with everything its claims share."""

    def __init__(self, reading: "_Reading", start: int, end: int):
        text, lower = reading.text, reading.lower
        self.report, self.lower_report = text, lower
        self.text, self.lower, self.start, self.end = text[start:end], lower[start:end], start, end
        self.context, self.lead_place, self.countries = reading.context, reading.lead_place, reading.countries
        self.originator_of = reading.originator_of
        self._period = self._credited = self._places = self._cues = self._dates = self._months = None
        self.denied_from = denial_start(self.lower)
        self.denied_until = denial_end(self.lower, self.denied_from)
        # Whether the words split from the lower-cased sentence are those split from the sentence,
        # lower-cased one by one. They are, unless a Kelvin sign stands in it: the one character
        # that TOKEN does not take but whose lower case ("k") it does.
        self.lowers_alike = KELVIN_SIGN not in self.text

    def attach(self, number: Number, previous: Attachment | None) -> Attachment | None:
        """What ``number`` counts, read from the words around it.

        Only a window of characters either side is split into words: enough
        for the words attach.py reads, and no work for the rest of a long sentence.
        """
        window_start = max(0, number.start - BEFORE_WINDOW)
        before = TOKEN.findall(self.lower, window_start, number.start)[-BEFORE_WORDS:]
        after_raw = TOKEN.findall(self.text, number.end, number.end + AFTER_WINDOW)[:AFTER_WORDS]
        if self.lowers_alike:
            after = list(map(str.lower, after_raw))  # several times cheaper than splitting the text again
        else:
            after = TOKEN.findall(self.lower, number.end, number.end + AFTER_WINDOW)[:AFTER_WORDS]
        before_text = self.text[window_start:number.start]
        found = attach_words(before, after_raw, after, before_text, previous)
        if found is None and after[:1] == [")"]:
            if BRACKETED_COUNT.search(before_text) and BRACKETED_LIST.search(self.text):
                metric = self.metric_before(number.start)
                found = None if metric is None else Attachment(metric, None, None)
            elif (noun := BRACKETED_AFTER_NOUN.search(before_text)) and noun.group(1).lower() in METRIC_NOUNS:
                found = Attachment(METRIC_WORDS[noun.group(1).lower()], None, None)  # "all deaths (53%, 13,178)"
        if found is None and previous is not None and after[:1] and after[0] in SAME_FIGURE_HEADS \
                and (after[0] in HOUSEHOLD_HEADS) != (previous.head in HOUSEHOLD_HEADS) \
                and IN_BRACKETS.search(before_text):
            found = Attachment(previous.metric, previous.population, after[0])  # the same figure in another unit
        return found

    def metric_before(self, position: int) -> str | None:
        """The metric of the last metric word before ``position`` in the sentence."""
        cues = [self.lower[s:e] for s, e in METRIC_WORDS_FOUND.spans(self.lower[:position])]
        metrics = [METRIC_WORDS[cue] for cue in cues if cue in METRIC_WORDS]
        return metrics[-1] if metrics else None

    @property
    def places(self) -> FigurePlaces:
        if self._places is None:
            self._places = FigurePlaces(self.text, sentence_places(self.text, self.lower, self.countries))
        return self._places

    def place_of(self, position: int) -> tuple:
        """The place fields of a figure at ``position``: the place named nearest it. A place no gazetteer
        knows is kept as written, in the area the sentence or the report places the figure otherwise."""
        nearest = self.places.nearest(position)
        if nearest is None or nearest.place is not None:
            return place_fields(nearest, self.lead_place, self.context.location, self.countries)
        known = self.places.nearest(position, known=True)
        _, place, adm0, adm1, _, _, _ = place_fields(known, self.lead_place, self.context.location, self.countries)
        return nearest.text, place, adm0, adm1, None, None, None

    @property
    def months(self) -> list[tuple[int, int]]:
        """Where the sentence names months; periods and event dates both look for them."""
        if self._months is None:
            self._months = month_spans(self.text, self.lower)
        return self._months

    @property
    def period(self):
        if self._period is None:
            self._period = find_period(self.text, self.context.published, self.lower, bool(self.months))
        return self._period

    @property
    def cues(self) -> SentenceCues:
        if self._cues is None:
            self._cues = SentenceCues(self.lower)
        return self._cues

    @property
    def dates(self):
        if self._dates is None:
            self._dates = event_dates(self.text, self.lower, self.context.published, self.months)
        return self._dates

    def timing(self, position: int, number_end: int, metric: str) -> tuple:
        """(count_type, event_date, date_precision, period_start, period_start_latest, period_end, period_text)
        of the figure whose number spans ``[position, number_end)``."""
        period, published, cues = self.period_of(position), self.context.published, self.cues
        clause = cues.clause_of(position)
        dates = self.dates if period.kind != "since" else []  # a running total needs no date
        date = nearest_date(dates, position, clause) if dates else None
        dated = date is not None and date.precision in ("day", "week")
        kind = count_type(cues, position, number_end, period, metric, clause, dated)
        if kind in (PERIOD, CUMULATIVE):
            start, latest = period.start, period.latest
            return (kind, None, None, start and start.isoformat(), latest and latest.isoformat(),
                    period.end and period.end.isoformat(), period.text)
        as_of = published and published.isoformat()
        if kind != INCIDENT:
            return kind, None, None, None, None, as_of, None
        if date is None and dates:  # an incident takes the date nearest it in its sentence when its clause gives none
            date = nearest_date(dates, position, (0, len(self.text)))
        event_date, precision, words = incident_date(date, period, published)
        return kind, event_date, precision, None, None, as_of, words

    def period_of(self, position: int) -> Period:
        """The sentence's period, if it belongs to the clause of the number at ``position``.

        "Since late April the offensive has killed 1,800 civilians, left thousands
        wounded ..." dates every figure; in "Turkey, which hosts 3.6 million
        refugees, has kept its border closed since 2016" the period belongs to
        another clause than the count.
        """
        period = self.period
        if period.text is None:
            return period
        at = self.text.find(period.text)
        if at > position:
            between = self.text[position:at]
            in_relative = IN_RELATIVE_CLAUSE.search(self.text, 0, position) is not None
            if NEW_CLAUSE.search(between) or (in_relative and "," in between):
                return Period(None, self.context.published, None)
        return period

    @property
    def credited(self) -> tuple[Credit, ...]:
        if self._credited is None:
            self._credited = sentence_credits(self.report, self.start, self.end)
        return self._credited

    def mention(self, number_start: int, number_text: str, metric: str, value: int, high: int | None,
                qualifier: str, population: str, stance: str, hedge: str | None = None,
                generic: bool = True, unit: str = "people") -> "_Mention":
        """A figure read here, with what deduplication weighs; the rest of its claim waits until it is kept."""
        credit = find_credit(self.text, number_start - self.start, self.context.publisher, self.credited)
        attributed, body = (credit.name, credit.body) if credit is not None else (None, None)
        if stance == "denied" and attributed is None:
            attributed = sentence_subject(self.text)
        return _Mention(self, number_start, number_text, metric, value, high, unit, qualifier, hedge, population,
                        stance, attributed, body, generic, self.start)

    def originator(self, mention: "_Mention") -> str | None:
        """Who originated a figure: the body credited (the one a credited person speaks for), else the publisher."""
        return self.originator_of(mention.body or mention.attributed_to or self.context.publisher)

    def claim(self, mention: "_Mention", population: str) -> Claim:
        """The claim of a ``mention`` kept by deduplication, counting ``population``."""
        local = mention.number_start - self.start
        written, place, adm0, adm1, adm2, latitude, longitude = self.place_of(local)
        kind, event_date, precision, start, latest, end, period_text = self.timing(
            local, local + len(mention.number_text), mention.metric)
        return Claim(
            metric=mention.metric, value=mention.value, high=mention.high, unit=mention.unit,
            qualifier=mention.qualifier, hedge=mention.hedge, population=population, stance=mention.stance,
            count_type=kind, attributed_to=mention.attributed_to, originator=self.originator(mention),
            location=written, place=place, adm0=adm0, adm1=adm1, adm2=adm2, latitude=latitude, longitude=longitude,
            event_date=event_date, date_precision=precision, period_start=start, period_start_latest=latest,
            period_end=end, period_text=period_text, quote=self.text, start=self.start,
            end=self.end, number_text=mention.number_text, number_start=mention.number_start,
            generic=mention.generic,
        )


class _Mention(NamedTuple):
    """One statement of a figure: what deduplication needs to choose among the statements of one figure.

    Places and periods are read, and the claim is built, only for the statement kept.
    """

    sentence: _Sentence
    number_start: int
    number_text: str
    metric: str
    value: int
    high: int | None
    unit: str  # "people" or "households"
    qualifier: str
    hedge: str | None
    population: str
    stance: str
    attributed_to: str | None
    body: str | None  # the body a credited person speaks for
    generic: bool
    start: int  # where its sentence starts


def _number_mentions(sentence: _Sentence, singles: list[Single], context: str | None) -> list[_Mention]:
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


def _taken_up(reading: "_Reading", start: int, end: int) -> list[_Mention]:
    """'Gunmen abducted 9 soldiers. They later killed them.': the one count of the sentence before,
    taken up by a pronoun or noun that a cue of this sentence governs, under that cue's metric."""
    text, lower = reading.text, reading.lower
    metrics = anaphor_metrics(text, lower, start, end)
    before = sentence_before(text, start) if metrics else None
    count = before and one_count(text, lower, *before)
    if not count:
        return []
    passage = _Sentence(reading, before[0], end)
    return [_carried(passage, count, metric) for metric in metrics]


def _carried_on(reading: "_Reading", start: int, end: int, found: list[_Mention],
                metric_at: list[int]) -> list[_Mention]:
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
        passage = _Sentence(reading, start, following[1])
        carried += [_carried(passage, count, metric) for count in counts]
        following = sentence_after(text, following[1])
    return carried


def _carried(passage: _Sentence, count: Carried, metric: str) -> _Mention:
    """A count read in one sentence of ``passage`` and counted under ``metric``, named in another."""
    number = count.number
    stance = "denied" if passage.denied_from < number.start - passage.start < passage.denied_until else "asserted"
    return passage.mention(number.start, number.text, metric, number.value, number.high, number.qualifier,
                           count.population or "people", stance, number.hedge, generic=count.population is None)


def _zero_denials(sentence: _Sentence) -> list[_Mention]:
    """'denying that any civilians have fled': a denied claim of zero."""
    if sentence.denied_from == len(sentence.text):
        return []
    return [sentence.mention(sentence.start + start, number_text, metric, 0, None, "exact", population, "denied")
            for start, number_text, metric, population in zero_denials(sentence.text)]

def _deduplicated(mentions: list[_Mention], headline_end: int) -> list[Claim]:
    """One claim per figure stated more than once, as a careful coder records it.

    Mentions of the same (metric, value, high, unit, stance) are one claim when their
    groups agree or one of them names no group ("12 people", "12 dead"); the
    claim keeps the group named. Groups named apart ("three Israelis", "three
    attackers") stay apart. The mention kept is the credited one, then one
    in the body over the headline, then the first.
    """
    def preference(mention: _Mention) -> tuple:
        return (mention.attributed_to is None, mention.start < headline_end, mention.number_start)

    groups: dict[tuple, list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault((mention.metric, mention.value, mention.high, mention.unit, mention.stance),
                          []).append(mention)
    kept = []
    for same_figure in groups.values():
        unnamed = [m.generic and m.population == "people" for m in same_figure]
        named = sorted({m.population for m, vague in zip(same_figure, unnamed) if not vague})
        for population in named or ["people"]:
            same = [m for m, vague in zip(same_figure, unnamed) if m.population == population or vague]
            kept.append((min(same, key=preference), population))
    kept.sort(key=lambda chosen: (chosen[0].number_start, chosen[0].metric))
    return [mention.sentence.claim(mention, population) for mention, population in kept]


def _originator_in(place: TextPlace, name: str | None) -> str | None:
    found = identify(name, place)
    return found.name if found else None


def extract_claims(text: str, context: ReportContext) -> list[Claim]:
    """Every figure claim in ``text``, in text order."""
    if not isinstance(text, str) or not text:
        return []
    lower = lowered(text)
    cues = METRIC_WORDS_FOUND.spans(lower)
    if not cues:
        return []
    metric_at = [start for start, _ in cues]
    single_cues = [start for start, end in cues if lower[start:end] in SINGLE_CUES]
    # The countries the report is about (to tell apart towns of one name), and the place it names
    # first (for a figure whose sentence names none): each read only when needed.
    countries = cache(partial(report_countries, text, lower, context.location))
    lead_place = cache(partial(first_place, text, lower, countries))
    # Who a name is in this report: its place is looked for only when a name needs it ("police").
    originator_of = cache(partial(_originator_in, TextPlace(text, lower, context.location)))
    reading = _Reading(text, lower, context, lead_place, countries, originator_of)
    mentions: list[_Mention] = []
    last_end, last_metrics = -1, set()  # the sentence read last, and the metrics of its figures
    for start, end in sentences_holding(text, metric_at):
        singles = single_counts(text, lower, start, end, single_cues)
        if not (singles or has_number(lower, start, end) or zero_denial_in(text, lower, start, end)):
            if may_take_up(lower, start, end):
                mentions.extend(_taken_up(reading, start, end))
            continue
        sentence = _Sentence(reading, start, end)
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
    return follow_figures_before(_deduplicated(mentions, first_line if first_line > 0 else 0))
