"""What the release page shows of the events: deaths per month per governorate, and the largest events."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from markupsafe import Markup

from pipeline.publish.page.events_chart import events_svg
from pipeline.publish.page.view import columns_of, table_rows

LARGEST_SHOWN = 15
EVENT_COLUMNS = ["event_id", "metric", "population", "location", "adm1", "event_date", "date_precision",
                 "low", "best", "high", "sources", "claim_ids", "conflict"]


@dataclass(frozen=True)
class EventsView:
    total: int
    chart: str | None  # deaths per month per governorate, or None with no deaths to draw
    largest: list[dict]  # the largest events, largest first
    months: int  # rows of the monthly sums table


def _largest(events: pd.DataFrame | pa.Table, limit: int) -> pd.DataFrame:
    """The ``limit`` events with the highest best (ties by date, then id), as pandas."""
    if isinstance(events, pa.Table):
        if not events.num_rows:
            return pd.DataFrame(columns=EVENT_COLUMNS)
        order = pc.sort_indices(events, sort_keys=[("best", "descending"), ("event_date", "ascending"),
                                                   ("event_id", "ascending")])
        return columns_of(events, EVENT_COLUMNS, order.to_pylist()[:limit])
    ordered = events.sort_values(["best", "event_date", "event_id"], ascending=[False, True, True], kind="stable")
    return ordered.head(limit)[EVENT_COLUMNS].reset_index(drop=True)


def events_view(tables: dict, limit: int = LARGEST_SHOWN) -> EventsView:
    events, months = tables["events"], tables["event_months"]
    month_frame = columns_of(months, ["metric", "adm1", "month", "best"])
    largest = _largest(events, limit)
    rows = [{**record, "high": None if pd.isna(record["high"]) else int(record["high"]),
             "claims": len(record["claim_ids"])} for record in largest.to_dict("records")]
    chart = events_svg(month_frame)  # numbers and gazetteer names only: no report text reaches the SVG
    return EventsView(table_rows(events), Markup(chart) if chart else None, rows, table_rows(months))
