"""What changed between two releases: the machine-readable diff and its Markdown."""
from __future__ import annotations

import pandas as pd

BOUNDS = ["low", "best", "high"]


def _bounds(row: pd.Series) -> dict:
    return {name: None if pd.isna(row[name]) else int(row[name]) for name in BOUNDS}


def _label(row: pd.Series) -> str:
    period = f" since {row['period_start']}" if isinstance(row["period_start"], str) else ""
    return f"{row['metric']} {row['population']} in {row['location']}{period} as of {row['as_of']}"


def diff_releases(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> dict:
    """Figures added, removed and changed, and reports added or removed."""
    old_figures = old.get("figures", pd.DataFrame(columns=new["figures"].columns)).set_index("figure_id")
    new_figures = new["figures"].set_index("figure_id")
    added = sorted(set(new_figures.index) - set(old_figures.index))
    removed = sorted(set(old_figures.index) - set(new_figures.index))
    changed = []
    for figure in sorted(set(new_figures.index) & set(old_figures.index)):
        before, after = _bounds(old_figures.loc[figure]), _bounds(new_figures.loc[figure])
        if before != after:
            changed.append({"figure_id": figure, "figure": _label(new_figures.loc[figure]),
                            "old": before, "new": after})
    old_reports = set(old["reports"]["report_id"]) if "reports" in old else set()
    new_reports = set(new["reports"]["report_id"])
    return {
        "figures_added": [{"figure_id": f, "figure": _label(new_figures.loc[f]), **_bounds(new_figures.loc[f])} for f in added],
        "figures_removed": [{"figure_id": f, "figure": _label(old_figures.loc[f])} for f in removed],
        "figures_changed": changed,
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
