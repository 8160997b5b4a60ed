"""The claims table: one row per figure stated in a report."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import ISO_DATE, METRICS, POPULATIONS, QUALIFIERS, SHA256_HEX, STANCES


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
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS, description="How the number was hedged")
    hedge: Series[str] = pa.Field(
        nullable=True, description="The hedging words as written, lower-cased (e.g. 'nearly')"
    )
    population: Series[str] = pa.Field(isin=POPULATIONS, description="Who was counted")
    stance: Series[str] = pa.Field(isin=STANCES, description="asserted, or denied by the source")
    attributed_to: Series[str] = pa.Field(
        nullable=True, description="Who the report credits for the figure; empty for the publisher"
    )
    location: Series[str] = pa.Field(nullable=True, description="Place as written in the report")
    place: Series[str] = pa.Field(nullable=True, description="Gazetteer name of the place")
    adm0: Series[str] = pa.Field(nullable=True, description="ISO 3166-1 alpha-3 country code")
    adm1: Series[str] = pa.Field(
        nullable=True, description="First-level admin areas covered, ';'-joined"
    )
    period_start: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_DATE,
        description="First day of the period the figure covers",
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

    class Config:
        strict = True
        coerce = True
