"""The release page (``index.html`` in each release) and the catalog of releases.

Both are static HTML with inline CSS and inline SVG: they open from the folder
with no network. They are functions of the release's content alone (no clock,
no absolute path, no random id), so the same inputs give the same bytes and
the page can be listed in ``SHA256SUMS``.

Text from reports (titles, quotes, publishers, addresses) goes through Jinja2's
autoescaping, after control and direction-override characters are replaced by
their code points (``inert``), so no report can add markup, script or layout
to the page. Links to reports are drawn only for ``http(s)://`` addresses.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipeline.extract.language import NAMES, language_name, read_codes
from pipeline.publish import labels
from pipeline.publish.changes import NO_CHANGES, SECTIONS, report_label
from pipeline.publish.page.catalog import CHANGE_KINDS, change_counts
from pipeline.publish.page.events_view import events_view
from pipeline.publish.page.view import (MAX_CLAIMS_PER_FIGURE, MIN_CHART_DATES, inert, series_view, sources_view,
                                        table_rows)
from pipeline.publish.unread import unread_reports

TEMPLATES = Path(__file__).parent / "templates"
TABLE_ORDER = ["figures", "events", "event_months", "claims", "reports", "sources", "quarantine"]
MAX_CHANGES_LISTED = 50
FILE_NOTES = {
    "events": "one row per incident (a strike, a blast, a massacre): low, best, high, date, place, the claims behind it",
    "event_months": "the events' low, best and high summed by month and governorate, beside a reported total",
    "figures": "reconciled figures: low, best, high, the rule that set them, the claims behind them",
    "claims": "one row per figure a report states, with its quote and where it stands in the text",
    "reports": Markup("one row per report read (<code>report_id</code> is the SHA-256 of the raw file)"),
    "sources": "originators of claims and the reliability grade used for each",
    "quarantine": "inputs set aside, with the reason",
    "figures_hxl.csv": "the figures with HXL hashtags, for HXL tools",
    "datapackage.json": "Frictionless descriptor: every table's fields, types and descriptions",
    "release.json": "version, previous version, row counts and content hash of each table",
    "provenance.json": "code version, configuration and every input file (path, SHA-256, size)",
    "changes.json": "what changed against the previous release, machine-readable",
    "CHANGELOG.md": "what changed against the previous release",
}


@dataclass(frozen=True)
class FileEntry:
    """A file of the release as the downloads table lists it."""

    name: str
    size: int
    sha256: str
    rows: int | None
    note: str
    table: str | None  # the table a .parquet/.csv file holds
    kind: str  # parquet, csv, json, md


def _finalize(value: object) -> object:
    """Every ``{{ value }}``: None prints as nothing, text is made inert before it is escaped."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return inert(value)
    return value


def _number(value: object) -> str:
    return "" if value is None or pd.isna(value) else f"{int(value):,}"


def _size(size: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def _environment() -> Environment:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                              finalize=_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["number"] = _number
    environment.filters["size"] = _size
    environment.filters["plain"] = labels.plain  # every code a reader sees: "MEDIUM_TO_HIGH" -> "medium to high"
    environment.globals.update(claims_per_figure=MAX_CLAIMS_PER_FIGURE, min_chart_dates=MIN_CHART_DATES,
                               changes_listed=MAX_CHANGES_LISTED, counted=labels.counted, change_sections=SECTIONS,
                               no_changes=NO_CHANGES, language_names=NAMES, read_codes=read_codes())
    environment.filters["percent"] = lambda share: f"{share * 100:.1f}%"
    environment.filters["language"] = language_name
    return environment


def file_entries(sizes: dict[str, int], digests: dict[str, str], manifest: dict) -> list[FileEntry]:
    """The release's files, tables first (figures, claims, ...), each with what it holds."""
    rows = {name: entry["rows"] for name, entry in manifest.get("tables", {}).items()}
    order = {name: position for position, name in enumerate(TABLE_ORDER)}

    def entry(name: str) -> FileEntry:
        stem, _, kind = name.rpartition(".")
        table = stem if stem in rows and kind in ("parquet", "csv") else None
        if stem == "figures_hxl":
            table_rows, note = rows.get("figures"), FILE_NOTES[name]
        else:
            table_rows, note = rows.get(stem) if table else None, FILE_NOTES.get(stem if table else name, "")
        return FileEntry(name, sizes[name], digests[name], table_rows, note, table, kind)

    entries = [entry(name) for name in sizes]

    def place(item: FileEntry) -> tuple:
        if item.table:
            return (0, order.get(item.table, len(order)), item.table, item.kind != "parquet")
        if item.name == "figures_hxl.csv":
            return (0, order["figures"], "figures", 2)
        return (1, 0, item.name, 0)

    return sorted(entries, key=place)


def _capped(items: list, limit: int = MAX_CHANGES_LISTED) -> dict:
    return {"items": items[:limit], "more": max(len(items) - limit, 0), "total": len(items)}


def _change_lists(changes: dict) -> dict[str, dict]:
    """What changed, each list capped, in the diff's order; reports named as the changelog names them."""
    lists = {kind: _capped(changes.get(kind, [])) for kind in CHANGE_KINDS}
    for kind in CHANGE_KINDS:
        if kind.startswith("reports_"):
            lists[kind]["items"] = [{"id": report["report_id"], "text": report_label(report)}
                                    for report in lists[kind]["items"]]
    return lists


def release_page(manifest: dict, changes: dict, tables: dict, files: list[FileEntry], previous_page: bool) -> bytes:
    """The release's ``index.html``: counts, changes, downloads, every series and figure with its claims.

    ``tables`` are pandas or Arrow tables; ``files`` are the release's other
    files; ``previous_page`` says whether the previous release has a page to link to.
    """
    view = series_view(tables)
    counts = {"reports": table_rows(tables["reports"]), "claims": table_rows(tables["claims"]),
              "figures": table_rows(tables["figures"]), "events": table_rows(tables["events"]),
              "quarantined inputs": table_rows(tables["quarantine"])}
    unread = unread_reports(tables["reports"])
    html = _environment().get_template("release.html").render(
        manifest=manifest, counts=counts, changes=_change_lists(changes), change_counts=change_counts(changes),
        files=files, view=view, events=events_view(tables),
        sources=sources_view(tables["sources"]), sources_total=table_rows(tables["sources"]),
        previous_page=previous_page, accuracy=manifest.get("extraction_accuracy"),
        unread=_capped(unread), unread_languages=sorted({report["language"] for report in unread}))
    return html.encode("utf-8")


def catalog_page(releases: list[dict]) -> bytes:
    """The output folder's ``index.html``: every release, newest first, linked to its page.

    Each entry of ``releases`` holds the index.json entry with the release's
    ``counts``, ``changes`` (counts of what changed) and ``page`` (relative link).
    """
    html = _environment().get_template("catalog.html").render(releases=list(reversed(releases)))
    return html.encode("utf-8")
