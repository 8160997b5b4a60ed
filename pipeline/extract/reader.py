"""Reading claims with a language's `Grammar`: sentences, spans, deduplication, places and periods.

A language read by the window rules (window.py: French, Arabic) gives a
`Grammar`: how its text is folded for matching, the cue words that make a
sentence worth reading, where its sentences end, the figures a sentence
states (`Mention`s) and the period a figure's clause gives. This module does
the rest, the same for every such language: it cuts the sentences that hold
a cue, keeps one claim per figure stated more than once, and builds each
claim with its quote, spans, place (our gazetteer's names) and dates.

Folding may drop characters (Arabic vowel marks, tatweel): the grammar reads
the folded text, and every span is mapped back to the report text, so a
quote is always ``text[start:end]`` of the report as written.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, NamedTuple

from pipeline.extract.claims import Claim, ReportContext, deduplicated
from pipeline.extract.lowercase import lowered
from pipeline.extract.once import Once, PerKey
from pipeline.extract.originators import identify
from pipeline.extract.named_places import Candidates, named_places, sure_place
from pipeline.extract.placed_dates import Period
from pipeline.extract.places import (
    PlaceMention, first_gazetteer_place, gazetteer_places, nearest_place, place_fields, report_countries,
)
from pipeline.extract.report_country import TextPlace
from pipeline.extract.sentences import sentences_holding
from pipeline.extract.trie import WordFinder
from pipeline.extract.window import Token, tokens


class Folded(NamedTuple):
    """Text as a grammar reads it, and where each of its characters stands in the report text.

    ``text`` is what rules match (lower case, one form of each letter); ``shown``
    the same characters as the report writes them, for names taken from it.
    ``origin`` is None when folding kept every character in place; else
    ``origin[i]`` is the report position of folded character ``i``, with one
    more entry for the end of the text.
    """

    text: str
    shown: str
    origin: list[int] | None = None

    def at(self, position: int) -> int:
        return position if self.origin is None else self.origin[position]


class Mention(NamedTuple):
    """One statement of a figure in a sentence, positions in the folded text."""

    number_start: int
    number_end: int
    metric: str
    value: int
    high: int | None
    qualifier: str
    hedge: str | None
    population: str
    stance: str
    attributed_to: str | None
    generic: bool  # the group was named only generically ("people", or not at all)
    start: int  # where its sentence starts

    @property
    def figure(self) -> tuple:
        """Statements of the same metric, value and stance are one figure (claims.deduplicated); a vague word
        ("des centaines") never restates a number ("une centaine")."""
        return self.metric, self.value, self.high, self.stance, self.qualifier == "vague"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the folded report: ``text`` is ``folded.text[start:end]``, ``shown`` as written."""

    folded: Folded
    start: int
    end: int
    context: ReportContext

    @cached_property  # cut once: a sentence stating thousands of figures is read for each
    def text(self) -> str:
        return self.folded.text[self.start:self.end]

    @cached_property
    def shown(self) -> str:
        return self.folded.shown[self.start:self.end]

    @cached_property
    def words(self) -> list[Token]:
        """The words of the folded sentence, cut once for every rule that reads them."""
        return tokens(self.text)


@dataclass(frozen=True)
class Grammar:
    """What one language gives the shared reader."""

    code: str  # ISO 639-1
    fold: Callable[[str], Folded]
    cues: WordFinder  # words in the folded text that make a sentence worth reading
    boundary: re.Pattern  # where a sentence ends (the match is the boundary)
    mentions: Callable[[Sentence], list[Mention]]
    period: Callable[[Sentence, int], Period]  # the period of the clause of the figure at a position
    place_starts: Candidates  # where a place name may start in a sentence as written (named_places.py)


def _as_written(text: str, folded: Folded, sentence: Sentence, words: str | None) -> str | None:
    """Words a grammar read in the folded sentence ("منذ الاول من كانون الاول") as the report writes them."""
    at = sentence.text.find(words) if words else -1
    if at < 0:
        return words
    return text[folded.at(sentence.start + at):folded.at(sentence.start + at + len(words))]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class Reader:
    """Reads claims from the text of one language with its ``grammar``."""

    def __init__(self, grammar: Grammar):
        self.grammar = grammar

    def claims(self, text: str, context: ReportContext) -> list[Claim]:
        """Every figure claim in ``text``, in text order."""
        if not isinstance(text, str) or not text:
            return []
        folded = self.grammar.fold(text)
        cue_at = [start for start, _ in self.grammar.cues.spans(folded.text)]
        if not cue_at:
            return []
        found: list[tuple[Mention, Sentence]] = []
        for start, end in sentences_holding(folded.shown, self.grammar.boundary, cue_at):  # as written: capitals
            sentence = Sentence(folded, start, end, context)
            found += [(mention, sentence) for mention in self.grammar.mentions(sentence)]
        sentence_of = {id(mention): sentence for mention, sentence in found}
        first_line = folded.text.find("\n")
        kept = deduplicated([mention for mention, _ in found], first_line if first_line > 0 else 0)
        report = _Report(text, lowered(text), context, self.grammar.place_starts)
        return [self._claim(report, folded, mention, sentence_of[id(mention)], population)
                for mention, population in kept]

    def _claim(self, report: "_Report", folded: Folded, mention: Mention, sentence: Sentence,
               population: str) -> Claim:
        text, context = report.text, sentence.context
        start, end = folded.at(sentence.start), folded.at(sentence.end)
        number_start, number_end = folded.at(mention.number_start), folded.at(mention.number_end)
        quote, places = report.sentence(start, end)
        written, place, adm0, adm1, adm2, latitude, longitude = place_fields(
            nearest_place(places, number_start - start), report.lead_place, context.location, report.countries)
        period = self.grammar.period(sentence, mention.number_start - sentence.start)
        count_type, event_date, precision = _timing(mention.metric, period, context.published)
        return Claim(
            metric=mention.metric, value=mention.value, high=mention.high, unit="people",
            qualifier=mention.qualifier, hedge=mention.hedge, population=population, stance=mention.stance,
            count_type=count_type, attributed_to=mention.attributed_to,
            originator=report.originator(mention.attributed_to), location=written, place=place, adm0=adm0,
            adm1=adm1, adm2=adm2, latitude=latitude, longitude=longitude, event_date=event_date,
            date_precision=precision, period_start=_iso(period.start), period_start_latest=_iso(period.start),
            period_end=_iso(period.end), period_text=_as_written(text, folded, sentence, period.text),
            quote=quote, start=start, end=end, number_text=text[number_start:number_end],
            number_start=number_start, generic=mention.generic, language=self.grammar.code,
        )


class _Report:
    """What the claims of one report share: its places, the countries it is about, who its names are."""

    def __init__(self, text: str, lower: str, context: ReportContext, place_starts: Candidates):
        self.text, self.lower, self.context, self.place_starts = text, lower, context, place_starts
        self.countries = Once(report_countries, text, lower, context.location)
        self.lead_place = Once(first_gazetteer_place, text, lower)
        self._sentences: dict[int, tuple[str, list[PlaceMention]]] = {}  # each quote and its places, cut once
        self._where = TextPlace(text, lower, context.location)
        self._named_place = PerKey(sure_place, self.countries)  # a name looked up once per report
        self._originators: dict[str | None, str | None] = {}

    def sentence(self, start: int, end: int) -> tuple[str, list[PlaceMention]]:
        if start not in self._sentences:
            quote = self.text[start:end]
            ours = gazetteer_places(quote, self.lower[start:end])
            named = named_places(quote, self.place_starts(quote), self._named_place)
            # a name our gazetteer knows is kept as it found it; another is looked up in any script
            self._sentences[start] = (quote, sorted(ours + [place for place in named if not any(
                mine.start < place.end and place.start < mine.end for mine in ours)], key=lambda place: place.start))
        return self._sentences[start]

    def originator(self, credited: str | None) -> str | None:
        """Who a credit (else the publisher) names in this report, looked up once per name."""
        if credited not in self._originators:
            found = identify(credited or self.context.publisher, self._where)
            self._originators[credited] = found.name if found else None
        return self._originators[credited]


# What a count with no period phrase counts, by its metric: a death, an injury, a disappearance or a
# detention told of without a span of time is an incident; displaced people and refugees are a stock.
INCIDENT_METRICS = ("killed", "injured", "missing", "detained")


def _timing(metric: str, period: Period, published: dt.date | None) -> tuple[str, str | None, str | None]:
    """(count_type, event_date, date_precision) of a figure read in a language other than English, from
    its period alone: a start running to the report date is a running total, a start and an earlier
    end a period; without a start, an incident dated by its report, or a stock."""
    if period.start is not None:
        return ("cumulative" if period.end is None or period.end == published else "period"), None, None
    if metric in INCIDENT_METRICS:
        return "incident", _iso(published), ("unknown" if published else None)
    return "stock", None, None
