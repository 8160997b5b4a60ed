"""What changed between two releases: the machine-readable diff and its Markdown.

Releases are compared by whole columns (figures joined on their id), reading
only the columns the diff names, so a release of a million figures costs
seconds; Python objects are made only for the figures and reports listed.
Tables may be pandas or Arrow.

Figures are listed place by place, then series by series (what was counted,
who, since when), each series by date, and named as a person would write them
("Civilians killed in Idleb, as of 2020-02-06"). Reports are named by
publisher, title, date and file, in date order; a report edited in place
(the same file, other bytes) is listed as corrected, not as one report
added and another removed.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.publish import labels
from pipeline.publish.versions import edited_reports
from schemas.vocab import METRICS, POPULATIONS

BOUNDS = ["low", "best", "high"]
LABEL_COLUMNS = ["metric", "population", "location", "period_start", "as_of"]
DIFF_COLUMNS = ["figure_id", *LABEL_COLUMNS, *BOUNDS]
REPORT_COLUMNS = ["report_id", "path", "publisher", "title", "published"]
COMPARED = {"figures": DIFF_COLUMNS, "reports": REPORT_COLUMNS}  # what the diff reads of each release
REPORT_ORDER = ["published", "publisher", "title", "path", "report_id"]
SECTIONS = [  # (kind, heading) in the order the changelog lists them
    ("figures_added", "Figures added (low / best / high)"),
    ("figures_changed", "Figures changed (old -> new low / best / high)"),
    ("figures_removed", "Figures removed"),
    ("reports_added", "Reports added"),
    ("reports_corrected", "Reports corrected (the same file, edited)"),
    ("reports_removed", "Reports removed"),
]
NO_CHANGES = "No changes: no figure or report was added, changed or removed."


def _columns(table, names: list[str]) -> pd.DataFrame:
    """Columns of a pandas or Arrow table as pandas, dates as ISO text; a column the table lacks is empty."""
    present = [name for name in names if name in (table.columns if isinstance(table, pd.DataFrame)
                                                  else table.column_names)]
    if isinstance(table, pd.DataFrame):
        frame = table[present].reset_index(drop=True)
    else:
        arrays = [pc.cast(column, pa.string()) if pa.types.is_date32(column.type) else column
                  for column in table.select(present).columns]
        frame = pd.DataFrame({name: array.to_pandas() for name, array in zip(present, arrays)})
    return frame.reindex(columns=names)


def _rank(values: pd.Series, vocabulary: tuple[str, ...]) -> pd.Series:
    """Each code's place in its vocabulary (a code outside it after every one)."""
    return values.map({code: rank for rank, code in enumerate(vocabulary)}).fillna(len(vocabulary))


def _figures(figures) -> pd.DataFrame:
    """Figures indexed by id in reading order: by place, then what was counted and who (in the
    vocabularies' order: killed, injured, displaced, ...), since when, then date."""
    frame = _columns(figures, DIFF_COLUMNS)
    order = pd.DataFrame({"place": frame["location"].fillna("").str.casefold(),
                          "metric": _rank(frame["metric"], METRICS),
                          "population": _rank(frame["population"], POPULATIONS),
                          "period": frame["period_start"].fillna(""), "as_of": frame["as_of"],
                          "figure_id": frame["figure_id"]})
    frame = frame.iloc[order.sort_values(list(order.columns), kind="stable").index].set_index("figure_id")
    for name in BOUNDS:
        frame[name] = frame[name].astype("Int64")
    return frame


def _labels(frame: pd.DataFrame) -> list[str]:
    periods = [start if isinstance(start, str) and start else None for start in frame["period_start"]]
    return [labels.figure(*parts) for parts in
            zip(frame["metric"], frame["population"], frame["location"], periods, frame["as_of"])]


def _bounds(frame: pd.DataFrame) -> list[dict]:
    return [{name: None if pd.isna(value) else int(value) for name, value in zip(BOUNDS, values)}
            for values in zip(*(frame[name] for name in BOUNDS))]


def _reports(table, ids: set[str]) -> list[dict]:
    """The reports ``ids`` of ``table``, in date order, each with what names it for a reader."""
    frame = _columns(table, REPORT_COLUMNS)
    frame = frame[frame["report_id"].isin(ids)].sort_values(REPORT_ORDER, kind="stable")
    return [{name: None if pd.isna(value) else str(value) for name, value in zip(REPORT_COLUMNS, row)}
            for row in zip(*(frame[name] for name in REPORT_COLUMNS))]


def _report_changes(old: dict, new: dict) -> dict[str, list[dict]]:
    new_ids = set(_columns(new["reports"], ["report_id"])["report_id"])
    old_ids = set(_columns(old["reports"], ["report_id"])["report_id"]) if "reports" in old else set()
    edited = edited_reports(old["reports"], new["reports"]) if "reports" in old else pa.table(
        {"report_id": pa.array([], pa.string()), "previous_report_id": pa.array([], pa.string())})
    previous_of = dict(zip(edited.column("report_id").to_pylist(), edited.column("previous_report_id").to_pylist()))
    corrected = _reports(new["reports"], set(previous_of))
    for report in corrected:
        report["previous_report_id"] = previous_of[report["report_id"]]
    return {
        "reports_added": _reports(new["reports"], new_ids - old_ids - set(previous_of)),
        "reports_corrected": corrected,
        "reports_removed": _reports(old["reports"], old_ids - new_ids - set(previous_of.values())) if old_ids else [],
    }


def diff_releases(old: dict, new: dict) -> dict:
    """Figures added, removed and changed, and reports added, corrected and removed."""
    after = _figures(new["figures"])
    before = _figures(old["figures"]) if "figures" in old else after.iloc[0:0]
    added = after[~after.index.isin(before.index)]
    removed = before[~before.index.isin(after.index)]
    common = after.index[after.index.isin(before.index)]
    was, now = before.loc[common, BOUNDS], after.loc[common, BOUNDS]
    differs = pd.Series(False, index=common)
    for name in BOUNDS:
        differs |= (was[name].fillna(-1) != now[name].fillna(-1)).to_numpy()
    changed = common[differs.to_numpy()]
    changed_after, changed_before = after.loc[changed], before.loc[changed]
    return {
        "figures_added": [{"figure_id": f, "figure": label, **bounds}
                          for f, label, bounds in zip(added.index, _labels(added), _bounds(added))],
        "figures_removed": [{"figure_id": f, "figure": label} for f, label in zip(removed.index, _labels(removed))],
        "figures_changed": [{"figure_id": f, "figure": label, "old": old_bounds, "new": new_bounds}
                            for f, label, old_bounds, new_bounds in zip(
                                changed, _labels(changed_after), _bounds(changed_before), _bounds(changed_after))],
        **_report_changes(old, new),
    }


def report_label(report: dict) -> str:
    """A report as the changelog and the page name it: publisher, title, date and file."""
    title = " ".join((report.get("title") or "untitled report").split())
    return f"{report.get('publisher') or 'unknown publisher'}, {title} ({report.get('published')}), " \
           f"file {report.get('path')}"


def _range(bounds: dict) -> str:
    high = "open" if bounds["high"] is None else f"{bounds['high']:,}"
    return f"{bounds['low']:,} / {bounds['best']:,} / {high}"


def _item(kind: str, change: dict) -> str:
    if kind == "figures_added":
        return f"{change['figure']}: {_range(change)}"
    if kind == "figures_changed":
        return f"{change['figure']}: {_range(change['old'])} -> {_range(change['new'])}"
    if kind == "figures_removed":
        return change["figure"]
    return report_label(change)


def changelog_markdown(version: str, previous: str | None, changes: dict) -> str:
    lines = [f"# Release {version}", ""]
    lines.append(f"Compared with {previous}." if previous else "First release.")
    lines.append("")
    listed = [(title, changes.get(kind, []), kind) for kind, title in SECTIONS]
    for title, items, kind in listed:
        if items:
            lines += [f"## {title}", "", *(f"- {_item(kind, item)}" for item in items), ""]
    if not any(items for _, items, _ in listed):
        lines += [NO_CHANGES, ""]
    return "\n".join(lines).rstrip() + "\n"
