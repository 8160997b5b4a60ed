"""What changed between two releases: the machine-readable diff and its Markdown.

Releases are compared by whole columns (figures joined on their id), reading
only the columns the diff names, so a release of a million figures costs
seconds; Python objects are made only for the figures listed as changed.
Tables may be pandas or Arrow.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

BOUNDS = ["low", "best", "high"]
LABEL_COLUMNS = ["metric", "population", "location", "period_start", "as_of"]
DIFF_COLUMNS = ["figure_id", *LABEL_COLUMNS, *BOUNDS]


def _columns(table, names: list[str]) -> pd.DataFrame:
    """Columns of a pandas or Arrow table as pandas, dates as ISO text."""
    if isinstance(table, pd.DataFrame):
        return table[names].reset_index(drop=True)
    arrays = [pc.cast(column, pa.string()) if pa.types.is_date32(column.type) else column
              for column in table.select(names).columns]
    return pd.DataFrame({name: array.to_pandas() for name, array in zip(names, arrays)})


def _figures(figures) -> pd.DataFrame:
    """Figures indexed by id: their label parts and bounds (nullable integers)."""
    frame = _columns(figures, DIFF_COLUMNS).set_index("figure_id")
    for name in BOUNDS:
        frame[name] = frame[name].astype("Int64")
    return frame


def _labels(frame: pd.DataFrame) -> list[str]:
    periods = [f" since {start}" if isinstance(start, str) else "" for start in frame["period_start"]]
    return [f"{metric} {population} in {location}{period} as of {as_of}" for metric, population, location, period, as_of
            in zip(frame["metric"], frame["population"], frame["location"], periods, frame["as_of"])]


def _bounds(frame: pd.DataFrame) -> list[dict]:
    return [{name: None if pd.isna(value) else int(value) for name, value in zip(BOUNDS, values)}
            for values in zip(*(frame[name] for name in BOUNDS))]


def _ids(table, column: str) -> set[str]:
    if isinstance(table, pd.DataFrame):
        return set(table[column])
    return set(table.column(column).to_pylist())


def _sorted(frame: pd.DataFrame, ids) -> pd.DataFrame:
    return frame.loc[sorted(ids)]


def diff_releases(old: dict, new: dict) -> dict:
    """Figures added, removed and changed, and reports added or removed."""
    after = _figures(new["figures"])
    before = _figures(old["figures"]) if "figures" in old else after.iloc[0:0]
    added = _sorted(after, after.index.difference(before.index))
    removed = _sorted(before, before.index.difference(after.index))
    common = after.index.intersection(before.index)
    was, now = before.loc[common, BOUNDS], after.loc[common, BOUNDS]
    differs = pd.Series(False, index=common)
    for name in BOUNDS:
        differs |= (was[name].fillna(-1) != now[name].fillna(-1)).to_numpy()
    changed = sorted(common[differs.to_numpy()])
    changed_after, changed_before = after.loc[changed], before.loc[changed]
    old_reports = _ids(old["reports"], "report_id") if "reports" in old else set()
    new_reports = _ids(new["reports"], "report_id")
    return {
        "figures_added": [{"figure_id": f, "figure": label, **bounds}
                          for f, label, bounds in zip(added.index, _labels(added), _bounds(added))],
        "figures_removed": [{"figure_id": f, "figure": label} for f, label in zip(removed.index, _labels(removed))],
        "figures_changed": [{"figure_id": f, "figure": label, "old": old_bounds, "new": new_bounds}
                            for f, label, old_bounds, new_bounds in zip(changed, _labels(changed_after),
                                                                        _bounds(changed_before), _bounds(changed_after))],
        "reports_added": sorted(new_reports - old_reports),
        "reports_removed": sorted(old_reports - new_reports),
    }


def _range(bounds: dict) -> str:
    high = "open" if bounds["high"] is None else f"{bounds['high']:,}"
    return f"{bounds['low']:,} / {bounds['best']:,} / {high}"


def changelog_markdown(version: str, previous: str | None, changes: dict) -> str:
    lines = [f"# Release {version}", ""]
    lines.append(f"Compared with {previous}." if previous else "First release.")
    lines.append("")
    sections = [
        ("Figures added (low / best / high)", [f"- {c['figure']}: {_range(c)}" for c in changes["figures_added"]]),
        ("Figures changed (old -> new low / best / high)",
         [f"- {c['figure']}: {_range(c['old'])} -> {_range(c['new'])}" for c in changes["figures_changed"]]),
        ("Figures removed", [f"- {c['figure']}" for c in changes["figures_removed"]]),
        ("Reports added", [f"- {r}" for r in changes["reports_added"]]),
        ("Reports removed", [f"- {r}" for r in changes["reports_removed"]]),
    ]
    for title, items in sections:
        if items:
            lines += [f"## {title}", "", *items, ""]
    return "\n".join(lines).rstrip() + "\n"
