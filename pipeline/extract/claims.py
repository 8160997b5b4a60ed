"""Claims as every language's reader gives them: their fields, their ids, and one claim per figure.

A claim is one figure as a report states it, with the span of its sentence
and the number as written, so a reader can check it against the report.
Whatever language a report is in, its claims have these fields, metrics,
populations and qualifiers being our English codes; a figure stated more
than once in a report is one claim (``deduplicated``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol, Sequence, TypeVar


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
    count_type: str  # incident, period, cumulative or stock
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


class Statement(Protocol):
    """One statement of a figure, as a language's reader gives it for deduplication."""

    metric: str
    population: str
    generic: bool  # the group was named only generically ("people", or not at all)
    attributed_to: str | None
    number_start: int
    start: int  # where its sentence starts

    @property
    def figure(self) -> tuple:
        """What makes two statements the same figure (its metric, value, stance, ...)."""


S = TypeVar("S", bound=Statement)


def deduplicated(mentions: Sequence[S], headline_end: int) -> list[tuple[S, str]]:
    """One (mention, population) per figure stated more than once, as a careful coder records it, in text order.

    Mentions of the same ``figure`` are one claim when their groups agree or
    one of them names no group ("12 people", "12 dead"); the claim keeps the
    group named. Groups named apart ("three Israelis", "three attackers")
    stay apart. The mention kept is the credited one, then one in the body
    over the headline (which ends at ``headline_end``), then the first.
    """
    def preference(mention: S) -> tuple:
        return mention.attributed_to is None, mention.start < headline_end, mention.number_start

    groups: dict[tuple, list[S]] = {}
    for mention in mentions:
        groups.setdefault(mention.figure, []).append(mention)
    kept = []
    for same_figure in groups.values():
        unnamed = [m.generic and m.population == "people" for m in same_figure]
        named = sorted({m.population for m, vague in zip(same_figure, unnamed) if not vague})
        for population in named or ["people"]:
            same = [m for m, vague in zip(same_figure, unnamed) if m.population == population or vague]
            kept.append((min(same, key=preference), population))
    kept.sort(key=lambda chosen: (chosen[0].number_start, chosen[0].metric))
    return kept
