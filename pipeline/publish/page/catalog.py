"""What the catalog lists for each release, read from the release folders.

Made from the same entries as ``index.json`` so the two always agree. A
release's change counts come from its ``release.json``; releases published
before it recorded them are counted from their ``changes.json``.
"""
from __future__ import annotations

import json
from pathlib import Path

CHANGE_KINDS = ("figures_added", "figures_changed", "figures_removed", "events_added", "events_changed",
                "events_removed", "reports_added", "reports_corrected", "reports_removed")
PAGE_NAME = "index.html"


def change_counts(changes: dict) -> dict[str, int]:
    return {kind: len(changes.get(kind, [])) for kind in CHANGE_KINDS}


def _counts(manifest: dict) -> dict[str, int | None]:
    tables = manifest.get("tables", {})
    return {name: tables.get(name, {}).get("rows") for name in ("reports", "claims", "figures", "events", "quarantine")}


def catalog_entries(out_dir: Path, index: list[dict], manifests: dict[str, dict]) -> list[dict]:
    """Each index.json entry with its counts, what changed and a relative link to its page, oldest first."""
    entries = []
    for item in index:
        version = item["version"]
        manifest = manifests[version]
        changes = manifest.get("changes")
        if changes is None:
            changes_file = out_dir / version / "changes.json"
            changes = change_counts(json.loads(changes_file.read_text(encoding="utf-8"))) if changes_file.is_file() else {}
        has_page = (out_dir / version / PAGE_NAME).is_file()
        entries.append({**item, "previous": manifest.get("previous"), "counts": _counts(manifest),
                        "changes": changes, "page": f"{version}/{PAGE_NAME}" if has_page else f"{version}/"})
    return entries
