"""The claims table: one row per figure stated in a report."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import (COUNT_TYPES, DATE_PRECISIONS, ISO_DATE, METRICS, POPULATIONS, QUALIFIERS, SHA256_HEX,
                          STANCES, UNITS)


class ClaimSchema(pa.DataFrameModel):
    claim_id: Series[str] = pa.Field(unique=True, description="Stable identifier of the claim")
    report_id: Series[str] = pa.Field(
        str_matches=SHA256_HEX, description="Report the claim was read from"
    )
    language: Series[str] = pa.Field(
        str_matches=r"^[a-z]{2}$", description="ISO 639-1 code of the language the claim was read in (the report's)"
    )
    metric: Series[str] = pa.Field(isin=METRICS, description="What was counted")
    value: Series[int] = pa.Field(ge=0, description="The number stated (lower end of a range)")
    high: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Upper end of a stated range, else empty"
    )
    unit: Series[str] = pa.Field(
        isin=UNITS, description="What the number counts: people, or households (families, households, homes' occupants)"
    )
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS, description="How the number was hedged")
    hedge: Series[str] = pa.Field(
        nullable=True, description="The hedging words as written, lower-cased (e.g. 'nearly')"
    )
    population: Series[str] = pa.Field(isin=POPULATIONS, description="Who was counted")
    stance: Series[str] = pa.Field(isin=STANCES, description="asserted, or denied by the source")
    count_type: Series[str] = pa.Field(
        isin=COUNT_TYPES,
        description="What span of time the number counts: incident (one event), period (a bounded span), "
        "cumulative (a running total since a start), stock (people in a state at a date)",
    )
    attributed_to: Series[str] = pa.Field(
        nullable=True, description="Who the report credits for the figure, as written; empty for the publisher"
    )
    originator: Series[str] = pa.Field(
        nullable=True,
        description="Canonical name of who originated the figure: the credited body (the one a credited person "
        "speaks for) resolved through the source registry, else the report's publisher, resolved the same way; "
        "a name the registry lacks is normalised. A joint credit names each body, '; '-joined",
    )
    location: Series[str] = pa.Field(
        nullable=True, description="Place as written in the report, kept even when no gazetteer knows it"
    )
    place: Series[str] = pa.Field(
        nullable=True, description="Gazetteer name of the place: our area holding it, else its GeoNames name"
    )
    adm0: Series[str] = pa.Field(nullable=True, description="ISO 3166-1 alpha-3 country code")
    adm1: Series[str] = pa.Field(
        nullable=True, description="First-level admin areas covered, ';'-joined"
    )
    adm2: Series[str] = pa.Field(
        nullable=True, description="Second-level admin area, where the gazetteer knows it"
    )
    latitude: Series[float] = pa.Field(
        nullable=True, ge=-90, le=90, description="Latitude of the place (WGS 84), where a gazetteer has it"
    )
    longitude: Series[float] = pa.Field(
        nullable=True, ge=-180, le=180, description="Longitude of the place (WGS 84), where a gazetteer has it"
    )
    event_date: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="Incidents only: the first day the event may have happened, as the text dates it "
        "(the report date when the text gives none)",
        metadata={"format": "date"},
    )
    date_precision: Series[str] = pa.Field(
        nullable=True,
        isin=DATE_PRECISIONS,
        description="Incidents only: how wide the window from event_date is (day, week, month); unknown "
        "when the report date stands in",
    )
    period_start: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="First day of the period the figure covers (periods and running totals only; the "
        "earliest day when the start is given loosely)",
        metadata={"format": "date"},
    )
    period_start_latest: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="The latest day a loosely given start may be ('since late April': 30 April); "
        "period_start when the start is exact",
        metadata={"format": "date"},
    )
    period_end: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="Last day of the period the figure covers (the report date for counts to date)",
        metadata={"format": "date"},
    )
    period_text: Series[str] = pa.Field(
        nullable=True,
        description="The period as the report words it ('since 1 December', 'since Monday'), "
        "kept when its dates cannot be placed",
    )
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="The sentence or phrase the figure came from"
    )
    start: Series[int] = pa.Field(ge=0, description="Character offset of the quote in the report text")
    end: Series[int] = pa.Field(ge=1, description="Character offset just past the quote")
    number_text: Series[str] = pa.Field(description="The number exactly as written")

    @pa.dataframe_check(description="a quote ends after it starts")
    def quote_span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["end"] > df["start"]

    @pa.dataframe_check(description="a range's upper end is not below its lower end")
    def high_not_below_value(cls, df: pd.DataFrame) -> Series[bool]:
        return df["high"].isna() | (df["high"] >= df["value"])

    @pa.dataframe_check(description="a period does not end before it starts")
    def period_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        both = df["period_start"].notna() & df["period_end"].notna()
        return ~both | (df["period_start"] <= df["period_end"])

    @pa.dataframe_check(description="a loose start's latest day is neither before its earliest nor after the end, "
                        "and there is none without a start")
    def period_start_window_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        latest, start, end = df["period_start_latest"], df["period_start"], df["period_end"]
        return latest.isna() | (start.notna() & (start <= latest) & (end.isna() | (latest <= end)))

    @pa.dataframe_check(description="only an incident has an event date and precision, and it has both or neither")
    def event_date_only_for_incidents(cls, df: pd.DataFrame) -> Series[bool]:
        dated, precise = df["event_date"].notna(), df["date_precision"].notna()
        return (dated == precise) & (~dated | (df["count_type"] == "incident"))

    @pa.dataframe_check(description="an incident or a stock counts at a date, not from a period start")
    def no_period_start_for_incidents_and_stocks(cls, df: pd.DataFrame) -> Series[bool]:
        return df["period_start"].isna() | ~df["count_type"].isin(["incident", "stock"])

    class Config:
        strict = True
        coerce = True
