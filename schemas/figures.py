"""The figures table: reconciled estimates with the claims behind them."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import ISO_DATE, METRICS, POPULATIONS, TOTAL_COUNT_TYPES, UNITS


def _is_list_of_str(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


class FigureSchema(pa.DataFrameModel):
    figure_id: Series[str] = pa.Field(unique=True, description="Stable identifier of the figure")
    metric: Series[str] = pa.Field(isin=METRICS, description="What was counted")
    population: Series[str] = pa.Field(isin=POPULATIONS, description="Who was counted")
    unit: Series[str] = pa.Field(isin=UNITS, description="What the number counts: people, or households")
    location: Series[str] = pa.Field(description="Normalised place the figure covers")
    adm1: Series[str] = pa.Field(
        nullable=True, description="First-level admin areas covered, ';'-joined"
    )
    count_type: Series[str] = pa.Field(
        isin=TOTAL_COUNT_TYPES,
        description="What the figure counts: people in a state at a date (stock), everything since a start "
                    "(cumulative) or in a bounded period (period), as its best claim says",
    )
    period_start: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="Start of the period for a flow (e.g. displaced since); empty for a stock or a running "
                    "total whose start no report gives",
        metadata={"format": "date"},
    )
    as_of: Series[str] = pa.Field(
        str_matches=ISO_DATE,
        description="Date the figure stands at",
        metadata={"format": "date"},
    )
    low: Series[int] = pa.Field(ge=0, description="Lowest reliable value")
    best: Series[int] = pa.Field(ge=0, description="Best (most likely) value")
    high: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Highest reliable value; empty when only lower bounds exist"
    )
    best_claim_id: Series[str] = pa.Field(
        nullable=True, description="Claim whose count set best (empty where an analyst pinned the figure)"
    )
    best_source: Series[str] = pa.Field(
        nullable=True, description="Originator of that claim (empty where an analyst pinned the figure)"
    )
    best_age_days: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Days from that claim's date to the figure's date"
    )
    method: Series[str] = pa.Field(description="Rule that chose low, best and high")
    claim_ids: Series[object] = pa.Field(
        description="Claims the estimate rests on (';'-joined in CSV)",
        metadata={"list": True},
    )
    disputed_by: Series[object] = pa.Field(
        description="Denials and party claims disputing the figure (';'-joined in CSV)",
        metadata={"list": True},
    )
    sources: Series[object] = pa.Field(
        description="Independent originators behind the estimate (';'-joined in CSV)",
        metadata={"list": True},
    )
    n_sources: Series[int] = pa.Field(
        ge=1, description="Independent sources behind the estimate: those with a count in its window"
    )
    conflict: Series[bool] = pa.Field(
        description="Credible sources give intervals that do not overlap"
    )
    reliability: Series[str] = pa.Field(
        str_matches=r"^(LOW|MEDIUM|HIGH)(_TO_(MEDIUM|HIGH))?$",
        description="Range of the reliability grades of the sources (IDMC style)",
    )
    revision: Series[bool] = pa.Field(
        description="Best fell below the previous date's: for a flow, only because the source behind the "
                    "previous best lowered its own count; for a stock, whenever it fell"
    )
    revised_by: Series[str] = pa.Field(
        nullable=True,
        description="Claim that made the revision: a flow's lowered count, a stock's new best claim",
    )
    supersedes: Series[str] = pa.Field(
        nullable=True, description="The figure of the previous date in the same series"
    )
    override: Series[str] = pa.Field(
        nullable=True, description="Analyst overrides applied to this figure, with their reasons"
    )
    people_estimate: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="A household figure's best in people: best times household_size, rounded"
    )
    household_size: Series[float] = pa.Field(
        nullable=True, gt=0, description="Persons per household used for the people estimate (the country's)"
    )
    household_size_source: Series[str] = pa.Field(
        nullable=True, description="Where that household size comes from: source, year and address"
    )
    events_best_sum: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0,
        description="For a total with a start: the sum of best of the events counted inside its place and span"
    )
    n_events: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="How many events that sum holds")

    @pa.check("claim_ids", "disputed_by", "sources", element_wise=True, description="a list of names")
    def is_list_of_ids(cls, value: object) -> bool:
        return _is_list_of_str(value)

    @pa.dataframe_check(description="low <= best <= high")
    def bounds_are_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        ordered = df["low"] <= df["best"]
        return ordered & (df["high"].isna() | (df["best"] <= df["high"]))

    class Config:
        strict = True
        coerce = True
