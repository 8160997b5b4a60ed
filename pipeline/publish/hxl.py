"""The figures as an HXL-tagged CSV (Humanitarian Exchange Language).

HXL tools read the hashtag row under the headers. Each figure is one row;
its low, best and high go in the columns of its metric (`#affected+killed`,
`+min` and `+max` for low and high), so a HXL filter on `#affected+idps`
finds the displacement figures. Empty cells mean "not this metric" or, for
`+max`, open above.
"""
from __future__ import annotations

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


def hxl_table(figures: pd.DataFrame, sources_of: dict[str, list[str]], pcodes: dict[str, str]) -> pd.DataFrame:
    """The HXL table: a header row of names, a row of hashtags, then one row per figure.

    ``sources_of`` gives the originators behind each figure id; ``pcodes`` the
    p-code of each admin-1 name.
    """
    headers, tags, rows = [], [], []
    value_columns = [(metric, bound) for metric in METRIC_TAGS for bound in BOUND_SUFFIXES]
    for name, tag, _ in LEADING:
        headers.append(name)
        tags.append(tag)
    for metric, bound in value_columns:
        label, tag = METRIC_TAGS[metric]
        suffix_label, suffix_tag = BOUND_SUFFIXES[bound]
        headers.append(label + suffix_label)
        tags.append(tag + suffix_tag)
    for name, tag, _ in TRAILING:
        headers.append(name)
        tags.append(tag)
    for figure in figures.to_dict("records"):
        adm1 = figure["adm1"] if isinstance(figure["adm1"], str) else ""
        figure = {**figure,
                  "adm1_pcodes": ";".join(pcodes.get(name, "") for name in adm1.split(";")) if adm1 else "",
                  "sources": ";".join(sources_of.get(figure["figure_id"], []))}
        row = [figure[key] for _, _, key in LEADING]
        for metric, bound in value_columns:
            row.append(figure[bound] if figure["metric"] == metric else None)
        row += [figure[key] for _, _, key in TRAILING]
        rows.append(row)
    return pd.DataFrame([tags, *rows], columns=headers)


def hxl_bytes(table: pd.DataFrame) -> bytes:
    return csv_bytes(table, list(table.columns))
