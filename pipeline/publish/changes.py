"""What changed between two releases: the machine-readable diff and its Markdown.

Releases are compared by whole Arrow columns (figures matched on their id),
reading only the columns the diff names, so a release of a million figures
costs seconds; Python objects are made only for the figures and reports
listed. Tables may be pandas or Arrow.

Figures are listed place by place, then series by series (what was counted,
who, since when), each series by date, and named as a person would write them
("Civilians killed in Idleb, as of 2020-02-06"). Reports are named by
publisher, title, date and file, in date order; a report edited in place
(the same file, other bytes) is listed as corrected, not as one report
added and another removed.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.publish import labels
from pipeline.publish.versions import edited_reports
from schemas.vocab import METRICS, POPULATIONS

BOUNDS = ["low", "best", "high"]
LABEL_COLUMNS = ["metric", "population", "location", "period_start", "as_of"]
DIFF_COLUMNS = ["figure_id", *LABEL_COLUMNS, *BOUNDS]
EVENT_COLUMNS = ["event_id", "metric", "population", "location", "event_date", *BOUNDS]
REPORT_COLUMNS = ["report_id", "path", "publisher", "title", "published"]
COMPARED = {"figures": DIFF_COLUMNS, "events": EVENT_COLUMNS, "reports": REPORT_COLUMNS}  # what the diff reads
REPORT_ORDER = ["published", "publisher", "title", "path", "report_id"]
SECTIONS = [  # (kind, heading) in the order the changelog lists them
    ("figures_added", "Figures added (low / best / high)"),
    ("figures_changed", "Figures changed (old -> new low / best / high)"),
    ("figures_removed", "Figures removed"),
    ("events_added", "Events added (low / best / high)"),
    ("events_changed", "Events changed (old -> new low / best / high)"),
    ("events_removed", "Events removed"),
    ("reports_added", "Reports added"),
    ("reports_corrected", "Reports corrected (the same file, edited)"),
    ("reports_removed", "Reports removed"),
]
NO_CHANGES = "No changes: no figure, event or report was added, changed or removed."


def _arrow(table, names: list[str]) -> pa.Table:
    """Columns ``names`` of a pandas or Arrow table as Arrow: bounds as integers, the rest (dates too) as
    text; a column the table lacks is empty."""
    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table[[name for name in names if name in table.columns]], preserve_index=False)
    columns = {}
    for name in names:
        column = table.column(name) if name in table.column_names else pa.nulls(table.num_rows)
        columns[name] = pc.cast(column, pa.int64() if name in BOUNDS else pa.string())
    return pa.table(columns)


def _rank(codes: pa.ChunkedArray, vocabulary: tuple[str, ...]) -> pa.ChunkedArray:
    """Each code's place in its vocabulary (a code outside it after every one)."""
    return pc.fill_null(pc.index_in(codes, value_set=pa.array(vocabulary)), len(vocabulary))


def _in_order(frame: pa.Table, id_column: str, date_column: str, period: pa.ChunkedArray | None) -> pa.Table:
    """Rows in reading order: by place, then what was counted and who (in the vocabularies' order:
    killed, injured, displaced, ...), since when, then date."""
    order = pa.table({"place": pc.utf8_lower(pc.fill_null(frame["location"], "")),
                      "metric": _rank(frame["metric"], METRICS),
                      "population": _rank(frame["population"], POPULATIONS),
                      "period": pc.fill_null(period, "") if period is not None else pc.fill_null(frame[date_column], ""),
                      "date": frame[date_column], id_column: frame[id_column]})
    return frame.take(pc.sort_indices(order, sort_keys=[(name, "ascending") for name in order.column_names]))


def _figures(figures) -> pa.Table:
    frame = _arrow(figures, DIFF_COLUMNS)
    return _in_order(frame, "figure_id", "as_of", frame["period_start"])


def _events(events) -> pa.Table:
    return _in_order(_arrow(events, EVENT_COLUMNS), "event_id", "event_date", None)


def _listed(rows_table: pa.Table, rows) -> list[dict]:
    """The figures or events at ``rows``, each with its id, its label and its bounds (only these become
    Python objects)."""
    listed = []
    for row in rows_table.take(pa.array(rows, pa.int64())).to_pylist():
        if "figure_id" in row:
            label = labels.figure(row["metric"], row["population"], row["location"], row["period_start"] or None,
                                  row["as_of"])
            listed.append({"figure_id": row["figure_id"], "figure": label, **{name: row[name] for name in BOUNDS}})
        else:
            label = labels.event(row["metric"], row["population"], row["location"], row["event_date"])
            listed.append({"event_id": row["event_id"], "event": label, **{name: row[name] for name in BOUNDS}})
    return listed


def _not_in(ids: pa.ChunkedArray, others: pa.ChunkedArray) -> np.ndarray:
    return np.flatnonzero(~pc.is_in(ids, value_set=others.combine_chunks()).to_numpy(zero_copy_only=False))


def _reports(table, ids: pa.Array) -> list[dict]:
    """The reports ``ids`` of ``table``, in date order, each with what names it for a reader."""
    frame = _arrow(table, REPORT_COLUMNS)
    frame = frame.filter(pc.is_in(frame["report_id"], value_set=ids))
    return frame.sort_by([(name, "ascending") for name in REPORT_ORDER]).to_pylist()


def _report_changes(old: dict, new: dict) -> dict[str, list[dict]]:
    after = _arrow(new["reports"], ["report_id"])["report_id"].combine_chunks()
    before = _arrow(old["reports"], ["report_id"])["report_id"].combine_chunks() if "reports" in old else \
        pa.array([], pa.string())
    edited = edited_reports(old["reports"], new["reports"]) if "reports" in old else pa.table(
        {"report_id": pa.array([], pa.string()), "previous_report_id": pa.array([], pa.string())})
    previous_of = dict(zip(edited.column("report_id").to_pylist(), edited.column("previous_report_id").to_pylist()))
    corrected = _reports(new["reports"], pa.array(list(previous_of), pa.string()))
    for report in corrected:
        report["previous_report_id"] = previous_of[report["report_id"]]
    known = pa.concat_arrays([before, pa.array(list(previous_of), pa.string())])  # held before, or corrections
    kept = pa.concat_arrays([after, pa.array(list(previous_of.values()), pa.string())])  # held now, or corrected
    added = after.filter(pc.invert(pc.is_in(after, value_set=known)))
    removed = before.filter(pc.invert(pc.is_in(before, value_set=kept)))
    return {
        "reports_added": _reports(new["reports"], added),
        "reports_corrected": corrected,
        "reports_removed": _reports(old["reports"], removed) if "reports" in old else [],
    }


def _row_changes(kind: str, id_column: str, after: pa.Table, before: pa.Table) -> dict[str, list[dict]]:
    """``kind``_added, _removed and _changed (in low, best or high) between two tables in reading order."""
    ids, earlier = after[id_column], before[id_column]
    where = pc.index_in(ids, value_set=earlier.combine_chunks())  # each row's place in the old release
    common = np.flatnonzero(where.is_valid().to_numpy(zero_copy_only=False))
    was = before.take(where.drop_null()).select(BOUNDS)
    now = after.take(pa.array(common, pa.int64())).select(BOUNDS)
    differs = np.zeros(len(common), dtype=bool)
    for name in BOUNDS:  # bounds are never negative: -1 stands for an open high, which differs from any number
        differs |= pc.not_equal(pc.fill_null(was[name], -1), pc.fill_null(now[name], -1)).to_numpy(
            zero_copy_only=False)
    changed = common[differs]
    old_rows = where.take(pa.array(changed, pa.int64())).to_numpy(zero_copy_only=False)
    label = kind[:-1]  # "figure", "event"
    return {
        f"{kind}_added": _listed(after, _not_in(ids, earlier)),
        f"{kind}_removed": [{id_column: item[id_column], label: item[label]}
                            for item in _listed(before, _not_in(earlier, ids))],
        f"{kind}_changed": [{id_column: now_[id_column], label: now_[label],
                             "old": {name: was_[name] for name in BOUNDS}, "new": {name: now_[name] for name in BOUNDS}}
                            for was_, now_ in zip(_listed(before, old_rows), _listed(after, changed))],
    }


def diff_releases(old: dict, new: dict) -> dict:
    """Figures and events added, removed and changed, and reports added, corrected and removed."""
    figures_after = _figures(new["figures"])
    figures_before = _figures(old["figures"]) if "figures" in old else figures_after.slice(0, 0)
    events_after = _events(new["events"]) if "events" in new else _events(pd.DataFrame(columns=EVENT_COLUMNS))
    events_before = _events(old["events"]) if "events" in old else events_after.slice(0, 0)
    return {
        **_row_changes("figures", "figure_id", figures_after, figures_before),
        **_row_changes("events", "event_id", events_after, events_before),
        **_report_changes(old, new),
    }


def report_label(report: dict) -> str:
    """A report as the changelog and the page name it: publisher, title, date and file."""
    publisher, title = (" ".join((report.get(name) or default).split()) for name, default in
                        (("publisher", "unknown publisher"), ("title", "untitled report")))  # one line each
    return f"{publisher}, {title} ({report.get('published')}), file {report.get('path')}"


def _range(bounds: dict) -> str:
    high = "open" if bounds["high"] is None else f"{bounds['high']:,}"
    return f"{bounds['low']:,} / {bounds['best']:,} / {high}"


def _item(kind: str, change: dict) -> str:
    label = change.get("figure") or change.get("event")
    if kind.endswith("_added") and label:
        return f"{label}: {_range(change)}"
    if kind.endswith("_changed"):
        return f"{label}: {_range(change['old'])} -> {_range(change['new'])}"
    if kind.endswith("_removed") and label:
        return label
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
