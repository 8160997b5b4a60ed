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
Tables may be pandas or Arrow; of a large release only the figures shown and
the claims and reports they name are taken into Python objects.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from markupsafe import Markup

from pipeline.extract.originators import identify
from pipeline.publish.page.chart import ClaimPoint, Point, series_svg

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
    """Whole numbers as Python ints, missing ones as None."""
    return _objects(column.astype("Int64").to_numpy(dtype=object, na_value=None), column.index)


def _texts(column: pd.Series) -> pd.Series:
    """Text with missing and empty cells as None."""
    present = (column.notna() & column.astype(object).ne("")).to_numpy(dtype=bool)
    return _objects(np.where(present, column.astype(str).astype(object).to_numpy(), None), column.index)


def table_rows(table: pd.DataFrame | pa.Table) -> int:
    return table.num_rows if isinstance(table, pa.Table) else len(table)


def columns_of(table: pd.DataFrame | pa.Table, names: list[str], rows=None) -> pd.DataFrame:
    """Columns ``names`` of a pandas or Arrow table (only ``rows``, by position, when given) as pandas:
    dates as ISO text, lists as lists."""
    if isinstance(table, pd.DataFrame):
        frame = table[names] if rows is None else table[names].iloc[list(rows)]
        return frame.reset_index(drop=True)
    table = table.select(names)
    if rows is not None:
        table = table.take(pa.array(rows, type=pa.int64()))
    columns = {}
    for name, values in zip(names, table.columns):
        if pa.types.is_date32(values.type):
            values = pc.cast(values, pa.string())
        if pa.types.is_list(values.type) or pa.types.is_large_list(values.type):
            columns[name] = pd.Series(values.to_pylist(), dtype=object)
        else:
            columns[name] = values.to_pandas()
    return pd.DataFrame(columns)


def matching(table: pd.DataFrame | pa.Table, column: str, wanted: set[str], names: list[str]) -> pd.DataFrame:
    """Rows of ``table`` whose ``column`` is in ``wanted``, columns ``names``, as pandas."""
    if isinstance(table, pd.DataFrame):
        return table.loc[table[column].isin(wanted), names].reset_index(drop=True)
    keep = pc.is_in(table.column(column), value_set=pa.array(sorted(wanted), type=pa.string()))
    return columns_of(table.filter(keep), names)


def series_id(key: str) -> str:
    return "s-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _figure_frame(figures: pd.DataFrame | pa.Table, shown: pd.DataFrame) -> pd.DataFrame:
    """The shown figures (``shown``: their ranks from ``_ranked``), in the page's order, as the page reads them."""
    figures = columns_of(figures, FIGURE_COLUMNS, rows=shown["position"].tolist())
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
    })
    for column in ("series_key", "dates", "period_sort", "position"):  # SERIES_KEY, as reconcile groups a series
        frame[column] = shown[column].to_numpy()
    return frame


FIGURE_COLUMNS = ["figure_id", "metric", "population", "location", "period_start", "as_of", "low", "best", "high",
                  "method", "reliability", "sources", "conflict", "revision", "override"]
RANK_COLUMNS = ["metric", "population", "location", "period_start", "as_of", "figure_id"]


def _ranked(figures: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """Each figure's position, series key and its series' number of dates, in the page's order; no lists read."""
    frame = columns_of(figures, RANK_COLUMNS)
    period = frame["period_start"].where(frame["period_start"].notna(), None).fillna("").astype(str)
    frame = pd.DataFrame({"position": range(len(frame)), "figure_id": frame["figure_id"].astype(str),
                          "metric": frame["metric"].astype(str), "population": frame["population"].astype(str),
                          "location": frame["location"].astype(str), "period_sort": period,
                          "as_of": frame["as_of"].astype(str)})
    frame["series_key"] = (frame["metric"] + "\x1f" + frame["population"] + "\x1f" + frame["location"]
                           + "\x1f" + frame["period_sort"])
    frame["dates"] = frame.groupby("series_key")["as_of"].transform("nunique")
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


def _list_column(table: pd.DataFrame | pa.Table, name: str, rows: list[int]) -> pa.Array:
    """List column ``name`` of ``rows`` (by position) as an Arrow list array of strings, items decoded."""
    if isinstance(table, pd.DataFrame):
        values = table[name].iloc[rows].to_numpy(dtype=object)
        return pa.array(values, type=pa.list_(pa.string()), from_pandas=True)
    lists = table.column(name).take(pa.array(rows, type=pa.int64())).combine_chunks()
    return lists.cast(pa.list_(pa.string()))


def _link_rows(shown: pd.DataFrame, tables: dict) -> tuple[np.ndarray, np.ndarray, pa.Array]:
    """Every (figure, claim behind it or disputing it) in reading order, by whole columns: the shown
    figure's row, whether the claim disputes it, and the claim id. Claims missing from the claims table are left out."""
    rows = shown["position"].tolist()
    parents, disputing, claim_ids = [], [], []
    for column, disputes in (("claim_ids", False), ("disputed_by", True)):
        lists = _list_column(tables["figures"], column, rows)
        parents.append(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False))
        claim_ids.append(pc.list_flatten(lists))
        disputing.append(np.full(len(claim_ids[-1]), disputes))
    parent, disputes, claim_id = np.concatenate(parents), np.concatenate(disputing), pa.concat_arrays(claim_ids)
    known = claim_ids_of(tables["claims"])
    keep = pc.fill_null(pc.is_in(claim_id, value_set=known), False).to_numpy(zero_copy_only=False)
    return parent[keep], disputes[keep], claim_id.filter(pa.array(keep))


def claim_ids_of(claims: pd.DataFrame | pa.Table) -> pa.Array:
    values = claims["claim_id"] if isinstance(claims, pd.DataFrame) else claims.column("claim_id")
    return _whole(pa.array(values, type=pa.string(), from_pandas=True) if isinstance(values, pd.Series)
                  else pc.cast(values, pa.string()))


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _ranks(groups: np.ndarray) -> np.ndarray:
    """Each element's place in its run of equal ``groups`` values (0, 1, 2, ...)."""
    index = np.arange(len(groups))
    starts = np.ones(len(groups), dtype=bool)
    starts[1:] = groups[1:] != groups[:-1]
    return index - np.maximum.accumulate(np.where(starts, index, 0))


def _claim_details(links: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Links with what the chart needs of their claim: its value, date and source grade
    (``_with_quotes`` adds what the page lists)."""
    claim_columns = ["claim_id", "report_id", "value", "high", "attributed_to", "period_end"]
    claims = matching(tables["claims"], "claim_id", set(links["claim_id"]), claim_columns)
    links = links.merge(claims.rename(columns={"high": "claim_high"}), on="claim_id", how="inner")
    reports = matching(tables["reports"], "report_id", set(links["report_id"]), ["report_id", "publisher", "published"])
    links = links.merge(reports, on="report_id", how="left")
    links = links.sort_values("position", kind="stable").reset_index(drop=True)
    links["value"] = _ints(links["value"])
    links["claim_high"] = _ints(links["claim_high"])
    for column in ("attributed_to", "period_end", "publisher", "published"):
        links[column] = _texts(links[column])  # None, never NaN, for the template's tests of presence
    named = links["attributed_to"].fillna(links["publisher"]).fillna("")
    canonical = {name: (identify(name).name if name else name) for name in named.unique()}
    links["origin"] = named.map(canonical)
    sources = columns_of(tables["sources"], ["source", "reliability", "party"])
    grades = dict(zip(sources["source"], sources["reliability"]))
    parties = dict(zip(sources["source"], sources["party"].astype(bool)))
    links["grade"] = links["origin"].map(grades).fillna("ungraded")
    links["party"] = links["origin"].map(parties).fillna(False).astype(bool)
    links["claim_as_of"] = links["period_end"].fillna(links["published"]).fillna(links["figure_as_of"])
    return links


def _with_quotes(links: pd.DataFrame, tables: dict) -> list[dict]:
    """Links as the page lists them: each with its claim's quote and wording and its report's title and address."""
    claim_columns = ["claim_id", "qualifier", "hedge", "stance", "quote", "number_text"]
    claims = matching(tables["claims"], "claim_id", set(links["claim_id"]), claim_columns)
    reports = matching(tables["reports"], "report_id", set(links["report_id"]), ["report_id", "title", "url"])
    links = links.merge(claims, on="claim_id", how="left").merge(reports, on="report_id", how="left")
    links = links.sort_values("position", kind="stable").reset_index(drop=True)
    for column in ("hedge", "title", "url"):
        links[column] = _texts(links[column])
    usable = re.compile(USABLE_URL)
    links["url"] = _objects([u if u is not None and usable.match(u) else None for u in links["url"]], links.index)
    return links.to_dict("records")


def _attach_claims(series: dict[str, Series], figures: dict[str, dict], shown: pd.DataFrame, tables: dict) -> None:
    """Claims into the page and the charts, by whole columns.

    A figure lists the claims behind it (capped) and names those disputing it;
    a disputing claim often contests every date of a series, so its quote is
    given once per series. Every claim is plotted, a disputing one once per series
    (a claim is plotted where it first appears in the series: as support if it is one).
    A figure may name thousands of claims: only the links listed or plotted become Python objects.
    """
    parent, disputes, claim_id = _link_rows(shown, tables)
    groups = parent + disputes * len(shown)  # (figure, role), each a run in reading order
    rank = _ranks(groups)
    over = np.bincount(groups, minlength=2 * len(shown)) - MAX_CLAIMS_PER_FIGURE
    figure_ids = shown["figure_id"].to_numpy(dtype=object)
    for group in np.flatnonzero(over > 0):
        role = "disputes" if group >= len(shown) else "supports"
        figures[figure_ids[group % len(shown)]]["more_" + role] = int(over[group])
    listed = rank < MAX_CLAIMS_PER_FIGURE
    series_codes, _ = pd.factorize(shown["series_key"])
    claim_codes = pc.dictionary_encode(claim_id).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    pairs = series_codes[parent].astype(np.int64) * (int(claim_codes.max(initial=0)) + 1) + claim_codes
    _, first_positions = np.unique(pairs, return_index=True)  # each claim where it first appears in its series
    first = np.zeros(len(pairs), dtype=bool)
    first[first_positions] = True
    wanted = np.flatnonzero(first | listed)
    links = pd.DataFrame({
        "figure_id": figure_ids[parent[wanted]],
        "series_key": shown["series_key"].to_numpy(dtype=object)[parent[wanted]],
        "figure_as_of": shown["as_of"].to_numpy(dtype=object)[parent[wanted]],
        "claim_id": claim_id.take(pa.array(wanted)).to_numpy(zero_copy_only=False).astype(object),
        "role": np.where(disputes[wanted], "disputes", "supports").astype(object),
        "position": wanted, "rank": rank[wanted], "first": first[wanted], "listed": listed[wanted]})
    links = _claim_details(links, tables)
    disputing = links["role"].eq("disputes")
    named = links[links["listed"] & disputing]
    for figure_id, claim in zip(named["figure_id"], named["claim_id"]):
        figures[figure_id]["disputes"].append(claim)
    for link in _with_quotes(links[links["listed"] & ~disputing].drop(columns=["first", "listed"]), tables):
        figures[link["figure_id"]]["supports"].append(link)
    first = links[links["first"]].drop(columns=["first", "listed"])
    first_disputes = first[first["role"].eq("disputes")]
    order = first_disputes.groupby("series_key", sort=False).cumcount()
    for link in _with_quotes(first_disputes[order < MAX_DISPUTES_PER_SERIES], tables):
        series[link["series_key"]].disputes.append(link)
    for key, count in first_disputes[order >= MAX_DISPUTES_PER_SERIES].groupby("series_key", sort=False).size().items():
        series[key].more_disputes = int(count)
    plotted_disputes = first["role"].eq("disputes")
    when = first["claim_as_of"].where(plotted_disputes, first["figure_as_of"])
    for key, as_of, value, high, grade, disputes in zip(first["series_key"], when, first["value"], first["claim_high"],
                                                        first["grade"], plotted_disputes):
        series[key].chart_claims.append(ClaimPoint(as_of, value, high, grade, bool(disputes)))


def series_view(tables: dict) -> SeriesView:
    ranked = _ranked(tables["figures"])
    shown = _figure_frame(tables["figures"], _shown(ranked))
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
        _attach_claims(series, figures, shown, tables)
    charts = 0
    for item in series.values():
        if item.dates >= MIN_CHART_DATES:
            points = [Point(f["as_of"], f["low"], f["best"], f["high"], f["conflict"]) for f in item.figures]
            item.chart = Markup(series_svg("chart-" + item.series_id, points, item.chart_claims))
            charts += 1
    return SeriesView(list(series.values()), ranked["series_key"].nunique(), len(ranked), len(shown), charts)


def sources_view(sources: pd.DataFrame | pa.Table) -> list[dict]:
    sources = columns_of(sources, ["source", "reliability", "party", "registered", "claims", "override"])
    columns = pd.DataFrame({"source": sources["source"].astype(str), "reliability": sources["reliability"].astype(str),
                            "party": sources["party"].astype(bool), "registered": sources["registered"].astype(bool),
                            "claims": _ints(sources["claims"]), "override": _texts(sources["override"])})
    columns = columns.sort_values(["claims", "source"], ascending=[False, True], kind="stable")
    return columns.head(MAX_SOURCES_LISTED).to_dict("records")


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def inert(text: str) -> str:
    """Text with control and direction-override characters shown as their code, not obeyed."""
    return CONTROL.sub(lambda match: f"\u27e8U+{ord(match.group()):04X}\u27e9", text)
