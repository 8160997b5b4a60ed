"""The figures as an HXL-tagged CSV (Humanitarian Exchange Language).

HXL tools read the hashtag row under the headers. Each figure is one row;
its low, best and high go in the columns of its metric (`#affected+killed`,
`+min` and `+max` for low and high), so a HXL filter on `#affected+idps`
finds the displacement figures. Empty cells mean "not this metric" or, for
`+max`, open above.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from pipeline.publish.formats import csv_bytes

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


def _columns() -> list[tuple[str, str, Callable[[dict], object]]]:
    """(header, hashtag, cell of a figure) for every column, in order."""
    def field(key):
        return lambda figure: figure[key]

    def bound_of(metric, bound):
        return lambda figure: figure[bound] if figure["metric"] == metric else None

    values = [(label + suffix_label, tag + suffix_tag, bound_of(metric, bound))
              for metric, (label, tag) in METRIC_TAGS.items()
              for bound, (suffix_label, suffix_tag) in BOUND_SUFFIXES.items()]
    return [*((h, t, field(k)) for h, t, k in LEADING), *values, *((h, t, field(k)) for h, t, k in TRAILING)]


def hxl_table(figures: pd.DataFrame, pcodes: dict[str, str]) -> pd.DataFrame:
    """The HXL table: a header row of names, a row of hashtags, then one row per figure.

    ``pcodes`` gives the p-code of each admin-1 name.
    """
    columns = _columns()
    rows = []
    for figure in figures.to_dict("records"):
        adm1 = figure["adm1"] if isinstance(figure["adm1"], str) else ""
        figure["adm1_pcodes"] = ";".join(pcodes.get(name, "") for name in adm1.split(";")) if adm1 else ""
        rows.append([cell(figure) for _, _, cell in columns])
    return pd.DataFrame([[tag for _, tag, _ in columns], *rows], columns=[header for header, _, _ in columns])


def hxl_bytes(table: pd.DataFrame) -> bytes:
    return csv_bytes(table, list(table.columns))
