"""The events table (one row per incident, as UCDP publishes events) and its monthly sums."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import DATE_PRECISIONS, ISO_DATE, METRICS, POPULATIONS, UNITS


def _is_list_of_str(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


class EventSchema(pa.DataFrameModel):
    event_id: Series[str] = pa.Field(unique=True, description="Stable identifier of the event (its first claim's)")
    metric: Series[str] = pa.Field(isin=METRICS, description="What was counted")
    population: Series[str] = pa.Field(isin=POPULATIONS, description="Who was counted")
    unit: Series[str] = pa.Field(isin=UNITS, description="What the number counts: people, or households")
    location: Series[str] = pa.Field(description="The most precise place the claims give: a town over its area")
    adm0: Series[str] = pa.Field(nullable=True, description="ISO 3166-1 alpha-3 country code")
    adm1: Series[str] = pa.Field(nullable=True, description="First-level admin areas, ';'-joined")
    adm2: Series[str] = pa.Field(nullable=True, description="Second-level admin area, where known")
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90, description="Latitude of the place, where known")
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180, description="Longitude of the place, where known")
    event_date: Series[str] = pa.Field(
        str_matches=ISO_DATE, description="First day the event may have happened, as its most precise claim dates it",
        metadata={"format": "date"},
    )
    date_precision: Series[str] = pa.Field(
        isin=DATE_PRECISIONS,
        description="How wide the date is: day, week, month, or unknown (a report's date stands in)",
    )
    low: Series[int] = pa.Field(ge=0, description="Lowest reliable count: the lowest of the originators' latest counts")
    best: Series[int] = pa.Field(ge=0, description="Best count: the most reliable originator's latest")
    high: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Highest reliable count (a risen toll); empty when only lower bounds exist"
    )
    best_claim_id: Series[str] = pa.Field(description="Claim whose count set best")
    best_source: Series[str] = pa.Field(description="Originator of that claim")
    claim_ids: Series[object] = pa.Field(description="Claims telling of the event (';'-joined in CSV)",
                                          metadata={"list": True})
    sources: Series[object] = pa.Field(description="Originators behind the counts (';'-joined in CSV)",
                                        metadata={"list": True})
    n_sources: Series[int] = pa.Field(ge=1, description="Independent originators behind the counts")
    conflict: Series[bool] = pa.Field(description="Credible originators' counts of one day do not overlap")
    reliability: Series[str] = pa.Field(
        str_matches=r"^(LOW|MEDIUM|HIGH)(_TO_(MEDIUM|HIGH))?$",
        description="Range of the reliability grades of the originators (IDMC style)",
    )

    @pa.check("claim_ids", "sources", element_wise=True, description="a list of names")
    def is_list_of_names(cls, value: object) -> bool:
        return _is_list_of_str(value)

    @pa.dataframe_check(description="low <= best <= high")
    def bounds_are_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["low"] <= df["best"]) & (df["high"].isna() | (df["best"] <= df["high"]))

    class Config:
        strict = True
        coerce = True


class EventMonthSchema(pa.DataFrameModel):
    metric: Series[str] = pa.Field(isin=METRICS, description="What was counted")
    adm1: Series[str] = pa.Field(description="First-level admin area")
    month: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}$", description="Calendar month, YYYY-MM")
    events: Series[int] = pa.Field(ge=1, description="Events dated in the month there")
    low: Series[int] = pa.Field(ge=0, description="Sum of the events' low")
    best: Series[int] = pa.Field(ge=0, description="Sum of the events' best")
    high: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0,
                                           description="Sum of the events' high; empty where one is open")
    reported_best: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Best of a reported total for exactly that month and area, if any"
    )
    reported_figure_id: Series[str] = pa.Field(nullable=True, description="That total's figure")

    @pa.dataframe_check(description="one row per metric, area and month")
    def one_row_per_month(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df.duplicated(["metric", "adm1", "month"])

    class Config:
        strict = True
        coerce = True
