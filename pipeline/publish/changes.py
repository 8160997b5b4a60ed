"""What changed between two releases: the machine-readable diff and its Markdown."""
from __future__ import annotations

import pandas as pd

BOUNDS = ["low", "best", "high"]


def _figures_by_id(figures: pd.DataFrame) -> dict[str, tuple[str, dict]]:
    """figure_id -> (label, bounds) of every figure, read by column (no row lookups)."""
    periods = [f" since {start}" if isinstance(start, str) else "" for start in figures["period_start"]]
    labels = [f"{metric} {population} in {location}{period} as of {as_of}" for metric, population, location, period, as_of
              in zip(figures["metric"], figures["population"], figures["location"], periods, figures["as_of"])]
    bounds = [{name: None if pd.isna(value) else int(value) for name, value in zip(BOUNDS, values)}
              for values in zip(*(figures[name] for name in BOUNDS))]
    return dict(zip(figures["figure_id"], zip(labels, bounds)))


def diff_releases(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> dict:
    """Figures added, removed and changed, and reports added or removed."""
    before = _figures_by_id(old.get("figures", pd.DataFrame(columns=new["figures"].columns)))
    after = _figures_by_id(new["figures"])
    changed = [{"figure_id": f, "figure": after[f][0], "old": before[f][1], "new": after[f][1]}
               for f in sorted(after.keys() & before.keys()) if before[f][1] != after[f][1]]
    old_reports = set(old["reports"]["report_id"]) if "reports" in old else set()
    new_reports = set(new["reports"]["report_id"])
    return {
        "figures_added": [{"figure_id": f, "figure": after[f][0], **after[f][1]} for f in sorted(after.keys() - before.keys())],
        "figures_removed": [{"figure_id": f, "figure": before[f][0]} for f in sorted(before.keys() - after.keys())],
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
