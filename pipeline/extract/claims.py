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
from dataclasses import dataclass
from functools import cache, partial
from operator import attrgetter
from typing import Callable, NamedTuple

from pipeline.extract.attach import AFTER_WORDS, BEFORE_WORDS, TOKEN, Attachment, attach_words
from pipeline.extract.attribution import Credit, find_attribution, sentence_credits, sentence_subject
from pipeline.extract.dates import month_spans
from pipeline.extract.antecedents import follow_figures_before
from pipeline.extract.count_types import CUMULATIVE, INCIDENT, PERIOD, SentenceCues, count_type
from pipeline.extract.lexicon import CUE_WORDS, METRIC_NOUNS, METRIC_WORDS
from pipeline.extract.denials import denial_end, denial_start, zero_denial_in, zero_denials
from pipeline.extract.event_dates import event_dates, incident_date, nearest_date
from pipeline.extract.lowercase import lowered
from pipeline.extract.numbers import Number, find_numbers, has_number
from pipeline.extract.periods import Period, find_period
from pipeline.extract.places import PlaceMention, find_places, first_place, lookup_place, nearest_place
from pipeline.extract.sentences import sentences_holding
from pipeline.extract.trie import WordFinder

# A claim needs a number and a metric word in one sentence; both are found
# in one pass over the lower-cased text each, and only sentences holding both are read.
METRIC_WORDS_FOUND = WordFinder.listing(sorted(CUE_WORDS))
BEFORE_WINDOW, AFTER_WINDOW = 120, 220  # characters before and after a number whose words can tie it to a metric
# A period phrase after a count belongs to another clause when a clause starts between them
# ("killed 12, while the border has been closed since 2016"), or when the count stands in a
# relative clause that ends before it ("Turkey, which hosts 3.6 million refugees, has kept its
# border closed since 2016"); an aside does not end the count's clause ("70,000 people, most of
# them children, have fled since Sunday").
NEW_CLAUSE = re.compile(r";|,\s+(?:which|who|and|but|while|whereas|although)\b")
IN_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*$")
# "moved on to Afrin (1,200), Azaz (640) and Jarablus (90)": a count in brackets after a name.
BRACKETED_COUNT = re.compile(r"[A-Z][\w'’-]*\s*\($")
BRACKETED_LIST = re.compile(r"[A-Z][\w'’-]*\s*\(\d[\d,.]*\)\s*(?:,|and)\s*[A-Z][\w'’-]*\s*\(\d")
KELVIN_SIGN = "\u212a"
GENERAL_GROUPS = {"civilians", "people", "combatants", "soldiers"}
# Armed people who cross a border or leave a country are no refugees ("200 soldiers crossed into Syria").
ARMED_GROUPS = {"soldiers", "combatants"}
GENERIC_HEADS = {None, "people", "persons", "person", "others", "individuals", "more", "residents", "victims"}


@dataclass(slots=True)
class Claim:
    """One figure as the report states it; ``start``/``end`` span its sentence."""

    metric: str
    value: int
    high: int | None
    qualifier: str
    hedge: str | None
    population: str
    stance: str
    count_type: str  # incident, period, cumulative or stock (count_types.py)
    attributed_to: str | None
    location: str | None
    place: str | None
    adm0: str | None
    adm1: str | None
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


# The columns of a claim as published; the claims table and `figures extract` give these.
CLAIM_COLUMNS = [
    "claim_id", "report_id", "metric", "value", "high", "qualifier", "hedge", "population", "stance", "count_type",
    "attributed_to", "location", "place", "adm0", "adm1", "event_date", "date_precision", "period_start",
    "period_start_latest", "period_end", "period_text", "quote", "start", "end", "number_text",
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



def _population(found: Attachment, explicit: str | None) -> str:
    """The group counted; an elided or 'others' group takes the one named just before."""
    if found.head in ("others", "more"):
        # "21 others died": others after a general group are that group; after a subset, people
        return explicit if explicit in GENERAL_GROUPS else "people"
    if found.population is None:
        return explicit or "people"
    return found.population


def _place_fields(mention: PlaceMention | None, fallback: Callable[[], PlaceMention | None],
                  context: ReportContext):
    if mention is None and context.location:
        known = lookup_place(context.location)
        if known is not None:
            return context.location, known.name, known.adm0, ";".join(known.adm1) or None
    mention = mention or fallback()
    if mention is None:
        return None, None, None, None
    place = mention.place
    return mention.text, place.name, place.adm0, ";".join(place.adm1) or None


class _Sentence:
    """One sentence of the report, with everything its claims share."""

    def __init__(self, text: str, lower: str, start: int, end: int, context: ReportContext,
                 lead_place: Callable[[], PlaceMention | None]):
        self.report = text
        self.text, self.lower, self.start, self.end = text[start:end], lower[start:end], start, end
        self.context, self.lead_place = context, lead_place
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
        if found is None and after[:1] == [")"] and BRACKETED_COUNT.search(before_text) \
                and BRACKETED_LIST.search(self.text):
            metric = self.metric_before(number.start)
            found = None if metric is None else Attachment(metric, None, None)
        return found

    def metric_before(self, position: int) -> str | None:
        """The metric of the last metric word before ``position`` in the sentence."""
        cues = [self.lower[s:e] for s, e in METRIC_WORDS_FOUND.spans(self.lower[:position])]
        metrics = [METRIC_WORDS[cue] for cue in cues if cue in METRIC_WORDS]
        return metrics[-1] if metrics else None

    @property
    def places(self) -> list[PlaceMention]:
        if self._places is None:
            self._places = find_places(self.text, self.lower)
        return self._places

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
                generic: bool = True) -> "_Mention":
        """A figure read here, with what deduplication weighs; the rest of its claim waits until it is kept."""
        attributed = find_attribution(self.text, number_start - self.start, self.context.publisher, self.credited)
        if stance == "denied" and attributed is None:
            attributed = sentence_subject(self.text)
        return _Mention(self, number_start, number_text, metric, value, high, qualifier, hedge, population,
                        stance, attributed, generic, self.start)

    def claim(self, mention: "_Mention", population: str) -> Claim:
        """The claim of a ``mention`` kept by deduplication, counting ``population``."""
        local = mention.number_start - self.start
        written, place, adm0, adm1 = _place_fields(nearest_place(self.places, local), self.lead_place, self.context)
        kind, event_date, precision, start, latest, end, period_text = self.timing(
            local, local + len(mention.number_text), mention.metric)
        return Claim(
            metric=mention.metric, value=mention.value, high=mention.high, qualifier=mention.qualifier,
            hedge=mention.hedge, population=population, stance=mention.stance, count_type=kind,
            attributed_to=mention.attributed_to, location=written, place=place, adm0=adm0,
            adm1=adm1, event_date=event_date, date_precision=precision, period_start=start,
            period_start_latest=latest, period_end=end, period_text=period_text, quote=self.text, start=self.start,
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
    qualifier: str
    hedge: str | None
    population: str
    stance: str
    attributed_to: str | None
    generic: bool
    start: int  # where its sentence starts


def _number_mentions(sentence: _Sentence) -> list[_Mention]:
    mentions, explicit, previous = [], None, None
    for number in find_numbers(sentence.text, sentence.lower):
        found = sentence.attach(number, previous)
        previous = found  # a count with its noun left out follows the figure right before it, if any
        if found is None:
            continue
        population = _population(found, explicit)
        # A group named in the sentence carries over to the next figure only.
        explicit = found.population if found.head not in ("others", "more") else None
        stance = "denied" if sentence.denied_from < number.start < sentence.denied_until else "asserted"
        for metric in (found.metric, found.also):
            if metric is not None and not (metric == "refugees" and population in ARMED_GROUPS):
                mentions.append(sentence.mention(
                    sentence.start + number.start, number.text, metric, number.value,
                    number.high, number.qualifier, population, stance, number.hedge,
                    generic=found.head in GENERIC_HEADS or found.head in METRIC_NOUNS,
                ))
    return mentions


def _zero_denials(sentence: _Sentence) -> list[_Mention]:
    """'denying that any civilians have fled': a denied claim of zero."""
    if sentence.denied_from == len(sentence.text):
        return []
    return [sentence.mention(sentence.start + start, number_text, metric, 0, None, "exact", population, "denied")
            for start, number_text, metric, population in zero_denials(sentence.text)]

def _deduplicated(mentions: list[_Mention], headline_end: int) -> list[Claim]:
    """One claim per figure stated more than once, as a careful coder records it.

    Mentions of the same (metric, value, high, stance) are one claim when their
    groups agree or one of them names no group ("12 people", "12 dead"); the
    claim keeps the group named. Groups named apart ("three Israelis", "three
    attackers") stay apart. The mention kept is the credited one, then one
    in the body over the headline, then the first.
    """
    def preference(mention: _Mention) -> tuple:
        return (mention.attributed_to is None, mention.start < headline_end, mention.number_start)

    groups: dict[tuple, list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault((mention.metric, mention.value, mention.high, mention.stance), []).append(mention)
    kept = []
    for same_figure in groups.values():
        unnamed = [m.generic and m.population == "people" for m in same_figure]
        named = sorted({m.population for m, vague in zip(same_figure, unnamed) if not vague})
        for population in named or ["people"]:
            same = [m for m, vague in zip(same_figure, unnamed) if m.population == population or vague]
            kept.append((min(same, key=preference), population))
    kept.sort(key=lambda chosen: (chosen[0].number_start, chosen[0].metric))
    return [mention.sentence.claim(mention, population) for mention, population in kept]


def extract_claims(text: str, context: ReportContext) -> list[Claim]:
    """Every figure claim in ``text``, in text order."""
    if not isinstance(text, str) or not text:
        return []
    lower = lowered(text)
    metric_at = [start for start, _ in METRIC_WORDS_FOUND.spans(lower)]
    if not metric_at:
        return []
    # The place a report names first, for a figure whose sentence names none; looked for only then.
    lead_place = cache(partial(first_place, text, lower))
    mentions: list[_Mention] = []
    for start, end in sentences_holding(text, metric_at):
        if not (has_number(lower, start, end) or zero_denial_in(text, lower, start, end)):
            continue
        sentence = _Sentence(text, lower, start, end, context, lead_place)
        mentions.extend(_number_mentions(sentence))
        mentions.extend(_zero_denials(sentence))
    first_line = text.find("\n")
    return follow_figures_before(_deduplicated(mentions, first_line if first_line > 0 else 0))
