"""The figures as an HXL-tagged CSV (Humanitarian Exchange Language).

HXL tools read the hashtag row under the headers. Each figure is one row;
its low, best and high go in the columns of its metric (`#affected+killed`,
`+min` and `+max` for low and high), so a HXL filter on `#affected+idps`
finds the displacement figures. Empty cells mean "not this metric" or, for
`+max`, open above.
"""
from __future__ import annotations

from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.publish.formats import arrow_cells, chunk_rows, csv_line, csv_lines, header_line

METRIC_TAGS = {
    "killed": ("Killed", "#affected+killed"),
    "injured": ("Injured", "#affected+injured"),
    "displaced": ("Internally displaced", "#affected+idps"),
    "refugees": ("Refugees", "#affected+refugees"),
    "returned": ("Returned", "#affected+returnees"),
    "missing": ("Missing", "#affected+missing"),
    "detained": ("Detained", "#affected+detained"),
}
BOUND_SUFFIXES = {"best": ("", ""), "low": (" (low)", "+min"), "high": (" (high)", "+max")}

LEADING = [
    ("Figure", "#meta+id", "figure_id"),
    ("Place", "#loc+name", "location"),
    ("Admin 1", "#adm1+name", "adm1"),
    ("Admin 1 p-code", "#adm1+code", "adm1_pcodes"),
    ("Population", "#group+population", "population"),
    ("Period start", "#date+start", "period_start"),
    ("As of", "#date+reported", "as_of"),
]
TRAILING = [
    ("Sources", "#meta+source", "sources"),
    ("Reliability", "#meta+reliability", "reliability"),
    ("Method", "#meta+method", "method"),
    ("Conflict", "#status+conflict", "conflict"),
    ("Disputed by claims", "#meta+disputed", "disputed_by"),
]


def _columns() -> list[tuple[str, str, str, str | None]]:
    """(header, hashtag, figures column, metric whose column it is or None) for every column, in order."""
    values = [(label + suffix_label, tag + suffix_tag, bound, metric)
              for metric, (label, tag) in METRIC_TAGS.items()
              for bound, (suffix_label, suffix_tag) in BOUND_SUFFIXES.items()]
    return [*((h, t, k, None) for h, t, k in LEADING), *values, *((h, t, k, None) for h, t, k in TRAILING)]


def _pcodes(adm1: pa.Array, pcodes: dict[str, str]) -> pa.Array:
    """The p-codes of each row's ';'-joined admin-1 names, worked out once per distinct value."""
    names = pc.unique(adm1).drop_null()
    codes = [";".join(pcodes.get(name, "") for name in value.split(";")) if value else ""
             for value in names.to_pylist()]
    return pc.fill_null(pc.take(pa.array(codes, type=pa.string()), pc.index_in(adm1, value_set=names)), "")


def _cells(figures: pa.Table, column: str, metric: str | None, pcodes: dict[str, str]) -> pa.Array:
    if column == "adm1_pcodes":
        return arrow_cells(_pcodes(pc.cast(figures.column("adm1"), pa.string()).combine_chunks(), pcodes))
    values = figures.column(column).combine_chunks()
    if metric is not None:  # a bound sits in its metric's columns only
        values = pc.if_else(pc.equal(figures.column("metric").combine_chunks(), metric), values,
                            pa.nulls(len(values), values.type))
    return arrow_cells(values)


def hxl_csv_chunks(figures: pa.Table, pcodes: dict[str, str]) -> Iterator:
    """The HXL CSV as consecutive pieces: a header row of names, a row of hashtags, then one row per figure.

    ``figures`` is the release's figures table (Arrow); ``pcodes`` gives the p-code of each admin-1 name.
    """
    columns = _columns()
    yield header_line([header for header, _, _, _ in columns])
    yield csv_line([tag for _, tag, _, _ in columns])
    rows = chunk_rows(figures)
    for first in range(0, figures.num_rows, rows):
        part = figures.slice(first, rows)
        yield csv_lines([_cells(part, column, metric, pcodes) for _, _, column, metric in columns])
