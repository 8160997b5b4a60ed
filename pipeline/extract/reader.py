"""What reading claims shares across languages: sentences, spans, deduplication, places and periods.

A language package gives a `Grammar`: how its text is folded for matching,
the cue words that make a sentence worth reading, where its sentences end,
the figures a sentence states (`Mention`s) and the period a figure's clause
gives. This module does the rest, the same for every language: it cuts the
sentences that hold a cue, keeps one claim per figure stated more than once,
and builds each claim with its quote, spans, place and dates.

Folding may drop characters (Arabic vowel marks, tatweel): the grammar reads
the folded text, and every span is mapped back to the report text, so a
quote is always ``text[start:end]`` of the report as written.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import Callable, Iterator, NamedTuple

from pipeline.extract.claims import Claim, ReportContext
from pipeline.extract.lowercase import lowered
from pipeline.extract.periods import Period
from pipeline.extract.originators import identify
from pipeline.extract.places import (PlaceMention, first_place, nearest_place, place_fields, report_countries,
                                     sentence_places)
from pipeline.extract.report_country import TextPlace
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


def sentences_holding(text: str, boundary: re.Pattern, positions: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence holding one of the sorted ``positions``, trailing space trimmed."""
    breaks = list(boundary.finditer(text))
    starts = [found.end() for found in breaks]
    previous = -1
    for position in positions:
        index = bisect.bisect_right(starts, position)
        if index == previous:
            continue
        previous = index
        start = starts[index - 1] if index else len(text) - len(text.lstrip())
        end = breaks[index].start() + len(breaks[index].group().rstrip()) if index < len(breaks) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def deduplicated(mentions: list[Mention], headline_end: int) -> list[tuple[Mention, str]]:
    """One (mention, population) per figure stated more than once, as a careful coder records it.

    Mentions of the same (metric, value, high, stance) are one claim when their
    groups agree or one of them names no group; the claim keeps the group
    named. A vague word ("des centaines") never restates a number ("une
    centaine"). The mention kept is the credited one, then one in the body
    over the headline, then the first.
    """
    def preference(mention: Mention) -> tuple:
        return mention.attributed_to is None, mention.number_start < headline_end, mention.number_start

    groups: dict[tuple, list[Mention]] = {}
    for mention in mentions:
        key = (mention.metric, mention.value, mention.high, mention.stance, mention.qualifier == "vague")
        groups.setdefault(key, []).append(mention)
    kept = []
    for same_figure in groups.values():
        unnamed = [m.generic and m.population == "people" for m in same_figure]
        named = sorted({m.population for m, vague in zip(same_figure, unnamed) if not vague})
        for population in named or ["people"]:
            same = [m for m, vague in zip(same_figure, unnamed) if m.population == population or vague]
            kept.append((min(same, key=preference), population))
    kept.sort(key=lambda chosen: (chosen[0].number_start, chosen[0].metric))
    return kept


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
        report = _Report(text, lowered(text), context)
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

    def __init__(self, text: str, lower: str, context: ReportContext):
        self.text, self.lower, self.context = text, lower, context
        self.countries = cache(partial(report_countries, text, lower, context.location))
        self.lead_place = cache(partial(first_place, text, lower, self.countries))
        self._sentences: dict[int, tuple[str, list[PlaceMention]]] = {}  # each quote and its places, cut once
        self._where = TextPlace(text, lower, context.location)
        self._originators: dict[str | None, str | None] = {}

    def sentence(self, start: int, end: int) -> tuple[str, list[PlaceMention]]:
        if start not in self._sentences:
            self._sentences[start] = (self.text[start:end],
                                      sentence_places(self.text[start:end], self.lower[start:end], self.countries))
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
