"""One English sentence, with what the figures it states share: its words, denial, credits, places and dates.

Each is read once a sentence, when a figure first needs it, and a figure's
claim is built only for the statement of it that deduplication keeps.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from pipeline.extract.claims import Claim, ReportContext
from pipeline.extract.digits import Number
from pipeline.extract.en.attach import (
    AFTER_WINDOW, AFTER_WORDS, BEFORE_WINDOW, BEFORE_WORDS, TOKEN, Attachment, attach_words,
)
from pipeline.extract.en.attribution import Credit, find_credit, sentence_credits, sentence_subject
from pipeline.extract.en.count_types import CUMULATIVE, INCIDENT, PERIOD, SentenceCues, count_type
from pipeline.extract.en.dates import month_spans
from pipeline.extract.en.denials import denial_end, denial_start
from pipeline.extract.en.event_dates import event_dates, incident_date, nearest_date
from pipeline.extract.en.lexicon import CUE_WORDS, HOUSEHOLD_HEADS, METRIC_NOUNS, METRIC_WORDS
from pipeline.extract.en.periods import find_period
from pipeline.extract.en.places import FigurePlaces, sentence_places
from pipeline.extract.placed_dates import Period
from pipeline.extract.places import Countries, PlaceMention, place_fields
from pipeline.extract.trie import WordFinder

# A claim needs a number and a metric word in one sentence; both are found
# in one pass over the lower-cased text each, and only sentences holding both are read.
CUES = WordFinder.listing(sorted(CUE_WORDS))
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
# What a count of families or households counts: households, whatever happened to them (IDMC's HOUSEHOLD unit).
# "1,393 displaced households (estimated 6,636 individuals)": the same figure in another unit, in brackets.
SAME_FIGURE_HEADS = HOUSEHOLD_HEADS | {"people", "persons", "individuals", "residents"}
IN_BRACKETS = re.compile(r"\(\s*(?:[A-Za-z]+\s+){0,2}$")


class Reading(NamedTuple):
    """What every sentence of one report shares: its text, what is known of it, and what is read of it
    once, when first needed (its countries, its lead place, who its names are)."""

    text: str
    lower: str
    context: ReportContext
    lead_place: Callable[[], PlaceMention | None]
    countries: Countries
    originator_of: Callable[[str], str | None]


class Sentence:
    """One sentence of the report, with everything its claims share."""

    def __init__(self, reading: "Reading", start: int, end: int):
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
        cues = [self.lower[s:e] for s, e in CUES.spans(self.lower[:position])]
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
                generic: bool = True, unit: str = "people") -> "Mention":
        """A figure read here, with what deduplication weighs; the rest of its claim waits until it is kept."""
        credit = find_credit(self.text, number_start - self.start, self.context.publisher, self.credited)
        attributed, body = (credit.name, credit.body) if credit is not None else (None, None)
        if stance == "denied" and attributed is None:
            attributed = sentence_subject(self.text)
        return Mention(self, number_start, number_text, metric, value, high, unit, qualifier, hedge, population,
                        stance, attributed, body, generic, self.start)

    def originator(self, mention: "Mention") -> str | None:
        """Who originated a figure: the body credited (the one a credited person speaks for), else the publisher."""
        return self.originator_of(mention.body or mention.attributed_to or self.context.publisher)

    def claim(self, mention: "Mention", population: str) -> Claim:
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


class Mention(NamedTuple):
    """One statement of a figure: what deduplication needs to choose among the statements of one figure.

    Places and periods are read, and the claim is built, only for the statement kept.
    """

    sentence: Sentence
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

    @property
    def figure(self) -> tuple:
        """Statements of the same metric, value, unit and stance are one figure (claims.deduplicated)."""
        return self.metric, self.value, self.high, self.unit, self.stance
