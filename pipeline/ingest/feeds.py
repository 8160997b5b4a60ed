"""Structured feeds: figures someone already coded, as CSV or JSON, become claims directly.

A CSV has a row per figure with at least the columns `date`, `location`,
`metric`, `value` and `source` (optionally `url`, `qualifier`, `population`,
`high`, `period_start`, `period_end`, `event_date`, `count_type`, `unit`:
`people` or `households`); a CSV whose second row is an HXL hashtag row is
read by its tags instead (`#date`, `#adm1+name`, `#affected+killed`,
`#meta+source`, `#date+start`, `#date+end`, `#date+occurred`, ..., a count
tagged `+hh` counting households and `+ind` people). A JSON feed is an object
whose `figures` is a list of such records. A bad row is quarantined on its own;
the rest of the feed goes on.

What span of time a row counts is read from its dates, as a row states it:
an `event_date` makes an incident; a `period_start` with a `period_end` a
period; a `period_start` alone a running total to `date`; a row with only
its `date` counts people killed, injured, missing or detained in an event on
or before that date (an incident whose date is not known) and displaced
people, refugees and returnees as they stand at that date (a stock). A
`count_type` column may say it outright where the dates agree with it.

The text claims point into is the feed itself: for CSV the file's text (each
claim quotes its line), for JSON one line per record in a canonical form.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from dataclasses import dataclass, field
from itertools import accumulate

from pipeline.ingest.metadata import MetadataError, parse_date, shown
from pipeline.ingest.text import decode_text
from schemas.vocab import COUNT_TYPES, METRICS, POPULATIONS, QUALIFIERS, UNITS

FEED_SUFFIXES = {".csv": "csv", ".json": "json"}
REQUIRED = ("date", "location", "metric", "value", "source")
OPTIONAL = ("url", "qualifier", "population", "high", "period_start", "period_end", "event_date", "count_type",
            "unit")
HXL_UNITS = {"hh": "households", "ind": "people"}  # HXL's attributes for counts of households and of individuals
MAX_COUNT_DIGITS = 20  # far past any plausible count, and short of what Python refuses to convert

# HXL hashtags (lower-cased, attributes in any order) and the fields they fill.
HXL_FIELDS = {
    "#date": "date", "#date+reported": "date", "#date+start": "period_start", "#date+end": "period_end",
    "#date+occurred": "event_date",
    "#adm1+name": "location", "#loc+name": "location", "#adm2+name": "location", "#country+name": "location",
    "#meta+source": "source", "#org+reporting": "source", "#meta+url": "url",
    "#meta+qualifier": "qualifier", "#group+population": "population",
}
HXL_METRICS = {
    "#affected+killed": "killed", "#affected+injured": "injured", "#affected+idps": "displaced",
    "#affected+refugees": "refugees", "#affected+returnees": "returned", "#affected+missing": "missing",
    "#affected+detained": "detained",
}
# Metrics that count people in a state at the row's date when the row gives no other date.
STOCK_METRICS = {"displaced", "refugees", "returned"}
# Counts beyond these are typing errors, not reports (a billion killed in a village).
PLAUSIBLE_MAX = {"killed": 5_000_000, "injured": 10_000_000, "missing": 5_000_000, "detained": 5_000_000,
                 "displaced": 100_000_000, "refugees": 100_000_000, "returned": 100_000_000}


@dataclass
class Feed:
    text: str
    records: list[dict] = field(default_factory=list)  # each: fields, row number, quote span
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)


class RowError(ValueError):
    """One record of a feed that cannot become a claim."""


def _tag(cell: str) -> str:
    parts = cell.strip().lower().replace(" ", "").split("+")
    return "+".join([parts[0], *sorted(parts[1:])]) if parts and parts[0] else ""


def _normalised_tags(mapping: dict[str, str]) -> dict[str, str]:
    return {_tag(tag): name for tag, name in mapping.items()}


def _is_hxl_row(row: list[str]) -> bool:
    cells = [cell.strip() for cell in row if cell.strip()]
    return bool(cells) and all(cell.startswith("#") for cell in cells)


@dataclass
class Row:
    """One CSV record: the line it starts on, its span in the text, and its cells."""

    line: int
    start: int
    end: int
    cells: list[str]


def _csv_rows(text: str) -> list[Row]:
    """Every CSV record with its span; a quoted line break keeps a record on one row.

    Lines end where the csv module ends them (\\n, \\r or both), not where
    str.splitlines would (it also breaks at form feeds and U+2028), so a row's
    span is the text its cells came from.
    """
    lines = io.StringIO(text, newline="").readlines()
    offsets = list(accumulate((len(line) for line in lines), initial=0))
    reader = csv.reader(lines)
    rows, consumed = [], 0
    try:
        for cells in reader:
            first, consumed = consumed, reader.line_num
            start = offsets[first]
            rows.append(Row(first + 1, start, start + len(text[start:offsets[consumed]].rstrip("\r\n")), cells))
    except csv.Error as error:
        detail = ("a cell runs past 131,072 characters (a quote left open?)"
                  if "field limit" in str(error) else "its quotes do not pair up")
        raise MetadataError(f"CSV is not well-formed from line {consumed + 1}: {detail}") from None
    return rows


def _hxl_records(rows: list[Row], tags: list[str]) -> list[tuple[Row, dict]]:
    fields, metrics = _normalised_tags(HXL_FIELDS), _normalised_tags(HXL_METRICS)
    records = []
    for row in rows:
        base, values = {}, []
        for tag, cell in zip(tags, row.cells):
            key = _tag(tag)
            parts = key.split("+")
            units = [HXL_UNITS[part] for part in parts if part in HXL_UNITS]
            counted = "+".join(part for part in parts if part not in HXL_UNITS)
            if key in fields and cell.strip():
                base.setdefault(fields[key], cell.strip())
            elif counted in metrics and cell.strip():
                values.append((metrics[counted], cell.strip(), units[0] if units else "people"))
        if not values:
            records.append((row, {**base}))  # reported as missing a value
        for metric, value, unit in values:
            records.append((row, {**base, "metric": metric, "value": value, "unit": unit}))
    return records


def _csv_feed(text: str) -> Feed:
    rows = _csv_rows(text)
    if not rows:
        raise MetadataError("CSV feed is empty")
    header = [cell.strip().lower() for cell in rows[0].cells]
    feed = Feed(text=text)
    if len(rows) > 1 and _is_hxl_row(rows[1].cells):
        records = _hxl_records(rows[2:], rows[1].cells)
        if not any("metric" in record for _, record in records):
            raise MetadataError("HXL feed has no count column (#affected+killed, #affected+idps, ...)")
    else:
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise MetadataError(f"CSV feed lacks column(s) {', '.join(f'`{m}`' for m in missing)}")
        records = [(row, dict(zip(header, (cell.strip() for cell in row.cells))))
                   for row in rows[1:] if any(cell.strip() for cell in row.cells)]
    for row, record in records:
        feed.records.append({"row": row.line, "fields": record, "start": row.start, "end": row.end,
                             "quote": text[row.start:row.end]})
    return feed


def _json_feed(text: str) -> Feed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MetadataError(f"JSON is not valid (line {error.lineno}: {error.msg})") from None
    except ValueError:  # a number too long to convert
        raise MetadataError(f"JSON holds a number longer than {sys.get_int_max_str_digits():,} digits; "
                            "no count is that long: check the file") from None
    except RecursionError:
        raise MetadataError("JSON nests lists or objects too deeply to read; a feed is one `figures` "
                            "list of flat records") from None
    if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
        raise MetadataError("JSON feed is not an object with a `figures` list")
    lines, records = [], []
    position = 0
    for number, record in enumerate(data["figures"], start=1):
        line = json.dumps(record, sort_keys=True, ensure_ascii=False)
        if not _is_unicode(line):  # a lone surrogate from an escape such as \ud800: keep the escape as written
            line = json.dumps(record, sort_keys=True)
        lines.append(line)
        fields = {str(k).lower(): ("" if v is None else str(v)) for k, v in record.items()} \
            if isinstance(record, dict) else None
        records.append({"row": number, "fields": fields, "start": position, "end": position + len(line), "quote": line})
        position += len(line) + 1
    return Feed(text="\n".join(lines), records=records)


def read_feed(data: bytes, kind: str) -> Feed:
    text = decode_text(data)
    return _csv_feed(text) if kind == "csv" else _json_feed(text)


def _is_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _count(value: str, name: str) -> int:
    cleaned = value.replace(",", "").replace(" ", "")
    if not cleaned.isdecimal():  # any script's digits (int reads "١٢" as 12), not "²"
        raise RowError(f"`{name}` is {shown(value)}, not a whole non-negative number")
    if len(cleaned) > MAX_COUNT_DIGITS:
        raise RowError(f"`{name}` has {len(cleaned):,} digits; no count is that long: check for a typing error")
    return int(cleaned)


def _date(value: str, name: str, today: dt.date) -> dt.date:
    try:
        day = parse_date(value, name)
    except MetadataError as error:
        raise RowError(str(error)) from None
    if day > today:
        raise RowError(f"`{name}` is {day}, a date in the future")
    return day


def check_record(fields: dict | None, today: dt.date) -> dict:
    """A feed record as claim fields, or a RowError saying what to fix."""
    if fields is None:
        raise RowError("record is not an object")
    broken = sorted(name for name, value in fields.items() if not _is_unicode(name + value))
    if broken:
        raise RowError(f"{', '.join(f'`{name}`' for name in broken)} holds an escape such as \\ud800 that is "
                       "not a character (a lone surrogate); fix or remove it")
    missing = [name for name in REQUIRED if not (fields.get(name) or "").strip()]
    if missing:
        raise RowError(f"no {', '.join(f'`{m}`' for m in missing)}")
    metric = fields["metric"].strip().lower()
    if metric not in METRICS:
        raise RowError(f"`metric` is {shown(fields['metric'])}, not one of {', '.join(METRICS)}")
    value = _count(fields["value"], "value")
    if value > PLAUSIBLE_MAX[metric]:
        raise RowError(f"`value` {value:,} is not a plausible count of {metric}; check for a typing error")
    high = _count(fields["high"], "high") if fields.get("high") else None
    if high is not None and high < value:
        raise RowError(f"`high` {high} is below `value` {value}")
    qualifier = (fields.get("qualifier") or ("range" if high is not None else "exact")).strip().lower()
    if qualifier not in QUALIFIERS:
        raise RowError(f"`qualifier` is {shown(qualifier)}, not one of {', '.join(QUALIFIERS)}")
    population = (fields.get("population") or "people").strip().lower()
    if population not in POPULATIONS:
        raise RowError(f"`population` is {shown(population)}, not one of {', '.join(POPULATIONS)}")
    unit = (fields.get("unit") or "people").strip().lower()
    if unit not in UNITS:
        raise RowError(f"`unit` is {shown(unit)}, not one of {', '.join(UNITS)}")
    url = (fields.get("url") or "").strip() or None
    if url is not None and not url.startswith(("http://", "https://")):
        raise RowError(f"`url` is {shown(url)}, not an http(s) address; write it in full or leave it empty")
    return {"metric": metric, "value": value, "high": high, "unit": unit, "qualifier": qualifier,
            "population": population,
            "attributed_to": fields["source"].strip(), "location": fields["location"].strip(),
            **_timing(fields, metric, today), "url": url}


def _optional_date(fields: dict, name: str, today: dt.date) -> dt.date | None:
    return _date(fields[name], name, today) if (fields.get(name) or "").strip() else None


def _timing(fields: dict, metric: str, today: dt.date) -> dict:
    """The count type, event date and period a row states, or a RowError where its dates disagree."""
    date = _date(fields["date"], "date", today)
    start, end = _optional_date(fields, "period_start", today), _optional_date(fields, "period_end", today)
    event = _optional_date(fields, "event_date", today)
    stated = (fields.get("count_type") or "").strip().lower() or None
    if stated is not None and stated not in COUNT_TYPES:
        raise RowError(f"`count_type` is {shown(stated)}, not one of {', '.join(COUNT_TYPES)}")
    for name, day in (("period_start", start), ("period_end", end), ("event_date", event)):
        if day is not None and day > date:
            raise RowError(f"`{name}` {day} is after `date` {date}")
    if end is not None and (start is None or start > end):
        raise RowError(f"`period_end` {end} needs a `period_start` on or before it"
                       + ("" if start is None else f" (it is {start})"))
    if event is not None and start is not None:
        raise RowError("a row gives an `event_date` (an incident) or a `period_start` (a period), not both")
    derived = "incident" if event else "period" if end else "cumulative" if start else \
        "stock" if metric in STOCK_METRICS else "incident"
    kind = stated or derived
    if kind != derived and (event or start or kind == "period"):
        raise RowError(f"`count_type` is {kind}, but the row's dates make it {derived} "
                       "(an incident has an `event_date`, a period a `period_start` and `period_end`, "
                       "a running total a `period_start` only)")
    incident = kind == "incident"
    return {"count_type": kind, "event_date": (event or date).isoformat() if incident else None,
            "date_precision": ("day" if event else "unknown") if incident else None,
            "period_start": start and start.isoformat(), "period_start_latest": start and start.isoformat(),
            "period_end": (end or date).isoformat()}
