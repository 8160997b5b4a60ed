"""Extract figure claims from the text of one report.

Deterministic and safe on any input: sentences are read in order, numbers
in a sentence in order, and a sentence without a digit or number word is
skipped at regex speed. Each claim keeps the span of its sentence and the
number as written, so a reader can check it against the report.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.extract.attach import AFTER_WORDS, BEFORE_WORDS, TOKEN, Attachment, attach_words
from pipeline.extract.attribution import find_attribution, sentence_credits, sentence_subject
from pipeline.extract.lexicon import CUE_WORDS, DENIAL_WORDS, METRIC_WORDS, POPULATION_WORDS
from pipeline.extract.lowercase import lowered
from pipeline.extract.numbers import Number, find_numbers, has_number
from pipeline.extract.periods import find_period
from pipeline.extract.places import PlaceMention, find_places, first_place, lookup_place, nearest_place
from pipeline.extract.sentences import sentences_holding
from pipeline.extract.trie import WordFinder

# A claim needs a number and a metric word in one sentence; both are found
# in one pass over the lower-cased text each, and only sentences holding both are read.
METRIC_WORDS_FOUND = WordFinder.listing(sorted(CUE_WORDS))
ZERO_DENIAL = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(DENIAL_WORDS))})\s+(?:reports\s+)?(?:that\s+)?"
    r"(?P<number>any|a\s+single)\s+(?P<noun>[a-z]+)\s+(?:[a-z']+\s+){0,3}?"
    rf"(?P<verb>{'|'.join(sorted(METRIC_WORDS, key=len, reverse=True))})\b"
)
DENIALS_FOUND = WordFinder.listing(sorted(DENIAL_WORDS))
ATTACH_WINDOW = 120  # characters either side of a number whose words can tie it to a metric
GENERAL_GROUPS = {"civilians", "people", "combatants", "soldiers"}


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
    attributed_to: str | None
    location: str | None
    place: str | None
    adm0: str | None
    adm1: str | None
    period_start: str | None
    period_end: str | None
    quote: str
    start: int
    end: int
    number_text: str
    number_start: int


@dataclass(frozen=True)
class ReportContext:
    """What the extractor knows of a report besides its text."""

    published: dt.date
    publisher: str | None = None
    location: str | None = None



def _population(found: Attachment, explicit: str | None) -> str:
    """The group counted; an elided or 'others' group takes the one named just before."""
    if found.population is None:
        return explicit or "people"
    if found.head == "others" and explicit in GENERAL_GROUPS:
        return explicit
    return found.population


def _place_fields(mention: PlaceMention | None, fallback: PlaceMention | None, context: ReportContext):
    if mention is None and context.location:
        known = lookup_place(context.location)
        if known is not None:
            return context.location, known.name, known.adm0, ";".join(known.adm1) or None
    mention = mention or fallback
    if mention is None:
        return None, None, None, None
    place = mention.place
    return mention.text, place.name, place.adm0, ";".join(place.adm1) or None


class _Sentence:
    """One sentence of the report, with everything its claims share."""

    def __init__(self, text: str, lower: str, start: int, end: int, context: ReportContext,
                 lead_place: PlaceMention | None):
        self.report = text
        self.text, self.lower, self.start, self.end = text[start:end], lower[start:end], start, end
        self.context, self.lead_place = context, lead_place
        self._period = self._credited = self._places = None
        denial = DENIALS_FOUND.first(self.lower)
        self.denied_from = len(self.text) if denial is None else denial[0]

    def attach(self, number: Number, previous: Attachment | None) -> Attachment | None:
        """What ``number`` counts, read from the words around it.

        Only a window of characters either side is split into words: enough
        for the words attach.py reads, and no work for the rest of a long sentence.
        """
        window_start = max(0, number.start - ATTACH_WINDOW)
        before = TOKEN.findall(self.lower, window_start, number.start)[-BEFORE_WORDS:]
        after_raw = TOKEN.findall(self.text, number.end, number.end + ATTACH_WINDOW)[:AFTER_WORDS]
        after = [word.lower() for word in after_raw]
        return attach_words(before, after_raw, after, self.text[window_start:number.start], previous)

    @property
    def places(self) -> list[PlaceMention]:
        if self._places is None:
            self._places = find_places(self.text, self.lower)
        return self._places

    @property
    def period(self):
        if self._period is None:
            self._period = find_period(self.text, self.context.published)
        return self._period

    @property
    def credited(self) -> list[tuple[int, str]]:
        if self._credited is None:
            self._credited = sentence_credits(self.report, self.start, self.end)
        return self._credited

    def claim(self, number_start: int, number_text: str, metric: str, value: int, high: int | None,
              qualifier: str, population: str, stance: str, hedge: str | None = None) -> Claim:
        local = number_start - self.start
        attributed = find_attribution(self.text, local, self.context.publisher, self.credited)
        if stance == "denied" and attributed is None:
            attributed = sentence_subject(self.text)
        written, place, adm0, adm1 = _place_fields(nearest_place(self.places, local), self.lead_place, self.context)
        start, end = self.period
        return Claim(
            metric=metric, value=value, high=high, qualifier=qualifier, hedge=hedge, population=population,
            stance=stance, attributed_to=attributed, location=written, place=place, adm0=adm0,
            adm1=adm1, period_start=start.isoformat() if start else None,
            period_end=end.isoformat() if end else None, quote=self.text, start=self.start,
            end=self.end, number_text=number_text, number_start=number_start,
        )


def _number_claims(sentence: _Sentence) -> list[Claim]:
    claims, explicit, previous = [], None, None
    for number in find_numbers(sentence.text, sentence.lower):
        found = sentence.attach(number, previous)
        if found is None:
            continue
        previous = found
        population = _population(found, explicit)
        # A group named in the sentence carries over to the next figure only.
        explicit = found.population if found.head != "others" else None
        stance = "denied" if sentence.denied_from < number.start else "asserted"
        claims.append(sentence.claim(
            sentence.start + number.start, number.text, found.metric, number.value,
            number.high, number.qualifier, population, stance, number.hedge,
        ))
    return claims


def _zero_denials(sentence: _Sentence) -> list[Claim]:
    """'denying that any civilians have fled': a denied claim of zero."""
    if sentence.denied_from == len(sentence.text):
        return []
    claims = []
    for match in ZERO_DENIAL.finditer(sentence.text):
        metric = METRIC_WORDS.get(match.group("verb").lower())
        population = POPULATION_WORDS.get(match.group("noun").lower())
        if metric is None or population is None:
            continue
        claims.append(sentence.claim(
            sentence.start + match.start("number"), match.group("number"), metric, 0, None,
            "exact", population, "denied",
        ))
    return claims


def _deduplicated(claims: list[Claim], headline_end: int) -> list[Claim]:
    """One claim per figure stated more than once, as a careful coder records it.

    Mentions of the same (metric, value, high, stance) are one claim when their
    groups agree or one of them names no group ("people"); the claim keeps the
    most specific group named. The mention kept is the credited one, then one
    in the body over the headline, then the first.
    """
    def preference(claim: Claim) -> tuple:
        return (claim.attributed_to is None, claim.start < headline_end, claim.number_start)

    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.metric, claim.value, claim.high, claim.stance), []).append(claim)
    kept = []
    for mentions in groups.values():
        named = sorted({c.population for c in mentions} - {"people"})
        for population in named or ["people"]:
            same = [c for c in mentions if c.population in (population, "people")]
            best = min(same, key=preference)
            kept.append(best if best.population == population else dataclasses.replace(best, population=population))
    return sorted(kept, key=lambda claim: (claim.number_start, claim.metric))


def extract_claims(text: str, context: ReportContext) -> list[Claim]:
    """Every figure claim in ``text``, in text order."""
    if not isinstance(text, str) or not text:
        return []
    lower = lowered(text)
    metric_at = [start for start, _ in METRIC_WORDS_FOUND.spans(lower)]
    if not metric_at:
        return []
    lead_place = first_place(text, lower)
    claims: list[Claim] = []
    for start, end in sentences_holding(text, metric_at):
        if not (has_number(lower, start, end) or ZERO_DENIAL.search(text, start, end)):
            continue
        sentence = _Sentence(text, lower, start, end, context, lead_place)
        claims.extend(_number_claims(sentence))
        claims.extend(_zero_denials(sentence))
    first_line = text.find("\n")
    return _deduplicated(claims, first_line if first_line > 0 else 0)
