"""What the release page shows, prepared from the release's tables in whole columns.

Figures are grouped into series (metric, population, location, period_start);
each series shows a table of its figures with the claims behind each, and a
chart when it has three or more dates. The page stays bounded for large
releases: series are shown, most dates first, up to ``MAX_SERIES`` series
and ``MAX_FIGURE_ROWS`` figures (a series is shown whole or not at all, so a chart
never holds a figure its table lacks), and each figure lists at most
``MAX_CLAIMS_PER_FIGURE`` supporting and as many disputing claims, the quotes
of disputing claims given once per series. What is left out is counted on the
page and is in the downloads.

Only columns named here are read, so tables that gain columns render as before.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd
from markupsafe import Markup

from pipeline.publish.page.chart import ClaimPoint, Point, series_svg
from schemas.reference import load_sources

MIN_CHART_DATES = 3
MAX_SERIES = 60  # each chart costs ~50 ms of CPU and ~10 kB
MAX_FIGURE_ROWS = 1500
MAX_CLAIMS_PER_FIGURE = 5
MAX_DISPUTES_PER_SERIES = 20
MAX_SOURCES_LISTED = 300
USABLE_URL = r"^https?://\S+$"  # linked as written: autoescaping keeps it inside the attribute


@dataclass
class Series:
    series_id: str
    metric: str
    population: str
    location: str
    period_start: str | None
    dates: int
    figures: list[dict] = field(default_factory=list)
    chart_claims: list[ClaimPoint] = field(default_factory=list)
    chart: Markup | None = None
    disputes: list[dict] = field(default_factory=list)  # each disputing claim once, with its quote
    more_disputes: int = 0

    @property
    def dispute_ids(self) -> set[str]:
        return {claim["claim_id"] for claim in self.disputes}


@dataclass
class SeriesView:
    series: list[Series]
    series_total: int
    figures_total: int
    figures_shown: int
    charts: int


def _objects(values: list, index: pd.Index) -> pd.Series:
    return pd.Series(values, index=index, dtype=object)  # keeps None (Series.map would turn it into NaN)


def _ints(column: pd.Series) -> pd.Series:
    return _objects([None if pd.isna(value) else int(value) for value in column], column.index)


def _texts(column: pd.Series) -> pd.Series:
    """Text with missing and empty cells as None."""
    return _objects([None if pd.isna(value) or value == "" else str(value) for value in column], column.index)


def series_id(key: str) -> str:
    return "s-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _figure_frame(figures: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({
        "figure_id": figures["figure_id"].astype(str),
        "metric": figures["metric"].astype(str),
        "population": figures["population"].astype(str),
        "location": figures["location"].astype(str),
        "period_start": _texts(figures["period_start"]),
        "as_of": figures["as_of"].astype(str),
        "low": _ints(figures["low"]),
        "best": _ints(figures["best"]),
        "high": _ints(figures["high"]),
        "method": figures["method"].astype(str),
        "reliability": figures["reliability"].astype(str),
        "sources": figures["sources"],
        "conflict": figures["conflict"].astype(bool),
        "revision": figures["revision"].astype(bool),
        "override": _texts(figures["override"]),
        "claim_ids": figures["claim_ids"],
        "disputed_by": figures["disputed_by"],
    })
    period = frame["period_start"].fillna("")
    frame["series_key"] = (frame["metric"] + "\x1f" + frame["population"] + "\x1f" + frame["location"]
                           + "\x1f" + period)  # SERIES_KEY, as reconcile groups a series
    frame["dates"] = frame.groupby("series_key")["as_of"].transform("nunique")
    frame["period_sort"] = period
    frame = frame.sort_values(["dates", "metric", "population", "location", "period_sort", "as_of", "figure_id"],
                              ascending=[False, True, True, True, True, True, True], kind="stable")
    return frame.reset_index(drop=True)


def _shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The first ``MAX_SERIES`` whole series that fit in ``MAX_FIGURE_ROWS``, the first one always."""
    sizes = frame.groupby("series_key", sort=False).size()
    fits = (sizes.cumsum() <= MAX_FIGURE_ROWS) & (pd.Series(range(len(sizes)), index=sizes.index) < MAX_SERIES)
    fits.iloc[:1] = True
    kept = set(fits[fits].index)
    return frame[frame["series_key"].isin(kept)].reset_index(drop=True)


def _claim_links(shown: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (figure, claim behind it or disputing it), with the claim's report and source grade."""
    parts = []
    for column, role in (("claim_ids", "supports"), ("disputed_by", "disputes")):
        part = shown[["figure_id", "series_key", "as_of", column]].explode(column)
        parts.append(part.rename(columns={column: "claim_id", "as_of": "figure_as_of"}).assign(role=role))
    links = pd.concat(parts, ignore_index=True).dropna(subset=["claim_id"])
    links["position"] = range(len(links))
    claims = tables["claims"]
    claim_columns = ["claim_id", "report_id", "value", "high", "qualifier", "hedge", "stance", "attributed_to",
                     "quote", "number_text", "period_end"]
    links = links.merge(claims[claim_columns].rename(columns={"high": "claim_high"}), on="claim_id", how="inner")
    report_columns = ["report_id", "title", "publisher", "url", "published"]
    links = links.merge(tables["reports"][report_columns], on="report_id", how="left")
    links = links.sort_values("position", kind="stable").reset_index(drop=True)
    links["value"] = _ints(links["value"])
    links["claim_high"] = _ints(links["claim_high"])
    for column in ("hedge", "attributed_to", "period_end", "title", "publisher", "url", "published"):
        links[column] = _texts(links[column])  # None, never NaN, for the template's tests of presence
    usable = re.compile(USABLE_URL)
    links["url"] = _objects([u if u is not None and usable.match(u) else None for u in links["url"]], links.index)
    named = links["attributed_to"].fillna(links["publisher"]).fillna("")
    registry = load_sources()
    canonical = {name: (registry.lookup(name).name if registry.lookup(name) else name) for name in named.unique()}
    links["origin"] = named.map(canonical)
    sources = tables["sources"]
    grades = dict(zip(sources["source"], sources["reliability"]))
    parties = dict(zip(sources["source"], sources["party"].astype(bool)))
    links["grade"] = links["origin"].map(grades).fillna("ungraded")
    links["party"] = links["origin"].map(parties).fillna(False).astype(bool)
    links["claim_as_of"] = [end or published or figure for end, published, figure in
                            zip(links["period_end"], links["published"], links["figure_as_of"])]
    return links


def _attach_claims(series: dict[str, Series], figures: dict[str, dict], links: pd.DataFrame) -> None:
    """Claims into the page and the charts.

    A figure lists the claims behind it (capped) and names those disputing it;
    a disputing claim often contests every date of a series, so its quote is
    given once per series. Every claim is plotted, a disputing one once per series.
    """
    links = links.assign(rank=links.groupby(["figure_id", "role"]).cumcount())
    plotted: set[tuple[str, str]] = set()
    for link in links.to_dict("records"):
        figure, owner = figures[link["figure_id"]], series[link["series_key"]]
        disputes = link["role"] == "disputes"
        if link["rank"] >= MAX_CLAIMS_PER_FIGURE:
            figure["more_" + link["role"]] += 1
        elif disputes:
            figure["disputes"].append(link["claim_id"])
        else:
            figure["supports"].append(link)
        key = (link["series_key"], link["claim_id"])
        if key in plotted:
            continue
        plotted.add(key)
        if disputes:
            if len(owner.disputes) < MAX_DISPUTES_PER_SERIES:
                owner.disputes.append(link)
            else:
                owner.more_disputes += 1
        when = link["claim_as_of"] if disputes else link["figure_as_of"]
        owner.chart_claims.append(ClaimPoint(when, link["value"], link["claim_high"], link["grade"], disputes))


def series_view(tables: dict[str, pd.DataFrame]) -> SeriesView:
    frame = _figure_frame(tables["figures"])
    shown = _shown(frame)
    series: dict[str, Series] = {}
    figures: dict[str, dict] = {}
    for row in shown.to_dict("records"):
        key = row["series_key"]
        if key not in series:
            series[key] = Series(series_id(key), row["metric"], row["population"], row["location"],
                                 row["period_start"], row["dates"])
        figure = {**row, "supports": [], "disputes": [], "more_supports": 0, "more_disputes": 0}
        series[key].figures.append(figure)
        figures[row["figure_id"]] = figure
    if len(shown):
        _attach_claims(series, figures, _claim_links(shown, tables))
    charts = 0
    for item in series.values():
        if item.dates >= MIN_CHART_DATES:
            points = [Point(f["as_of"], f["low"], f["best"], f["high"], f["conflict"]) for f in item.figures]
            item.chart = Markup(series_svg("chart-" + item.series_id, points, item.chart_claims))
            charts += 1
    return SeriesView(list(series.values()), frame["series_key"].nunique(), len(frame), len(shown), charts)


def sources_view(sources: pd.DataFrame) -> list[dict]:
    columns = pd.DataFrame({"source": sources["source"].astype(str), "reliability": sources["reliability"].astype(str),
                            "party": sources["party"].astype(bool), "registered": sources["registered"].astype(bool),
                            "claims": _ints(sources["claims"]), "override": _texts(sources["override"])})
    columns = columns.sort_values(["claims", "source"], ascending=[False, True], kind="stable")
    return columns.head(MAX_SOURCES_LISTED).to_dict("records")


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def inert(text: str) -> str:
    """Text with control and direction-override characters shown as their code, not obeyed."""
    return CONTROL.sub(lambda match: f"\u27e8U+{ord(match.group()):04X}\u27e9", text)
