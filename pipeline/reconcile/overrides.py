"""Analyst overrides: pin a figure, exclude a claim, re-grade a source, each with a reason.

They live in one YAML file (``data/overrides.yaml``) under three keys,
``exclude_claims``, ``grade_sources`` and ``pin_figures``. Each applied
override is recorded on the figure it changed; one that matches nothing is
reported in the quarantine table, so a stale override cannot hide.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schemas.vocab import RELIABILITY

PIN_KEYS = ("metric", "population", "location", "period_start", "as_of")


class OverrideError(ValueError):
    """The overrides file cannot be read; the message says where."""


@dataclass(frozen=True)
class Exclude:
    number: int
    claim_id: str
    reason: str


@dataclass(frozen=True)
class Regrade:
    number: int
    source: str
    reliability: str
    party: bool | None
    reason: str


@dataclass(frozen=True)
class Pin:
    number: int
    key: tuple  # (metric, population, location, period_start or None, as_of)
    low: int
    best: int
    high: int | None
    reason: str


@dataclass
class Overrides:
    excludes: list[Exclude] = field(default_factory=list)
    regrades: list[Regrade] = field(default_factory=list)
    pins: list[Pin] = field(default_factory=list)


def _reason(entry: dict, where: str) -> str:
    reason = str(entry.get("reason") or "").strip()
    if not reason:
        raise OverrideError(f"{where} has no `reason`")
    return reason


def _date_text(value) -> str | None:
    return None if value in (None, "") else str(value)


def parse_overrides(data: object) -> Overrides:
    if data is None:
        return Overrides()
    if not isinstance(data, dict):
        raise OverrideError("overrides file is not a set of `key: list` entries")
    unknown = set(data) - {"exclude_claims", "grade_sources", "pin_figures"}
    if unknown:
        raise OverrideError(f"unknown section(s): {', '.join(sorted(unknown))}")
    result, number = Overrides(), 0
    for entry in data.get("exclude_claims") or []:
        number += 1
        where = f"override {number} (exclude_claims)"
        result.excludes.append(Exclude(number, str(entry["claim_id"]), _reason(entry, where)))
    for entry in data.get("grade_sources") or []:
        number += 1
        where = f"override {number} (grade_sources)"
        grade = str(entry.get("reliability", "")).upper()
        if grade not in RELIABILITY:
            raise OverrideError(f"{where}: reliability {grade!r} is not one of {', '.join(RELIABILITY)}")
        party = entry.get("party")
        result.regrades.append(Regrade(number, str(entry["source"]), grade, None if party is None else bool(party),
                                       _reason(entry, where)))
    for entry in data.get("pin_figures") or []:
        number += 1
        where = f"override {number} (pin_figures)"
        missing = [key for key in ("metric", "population", "location", "as_of", "low", "best") if key not in entry]
        if missing:
            raise OverrideError(f"{where} lacks {', '.join(missing)}")
        low, best = int(entry["low"]), int(entry["best"])
        high = None if entry.get("high") is None else int(entry["high"])
        if not (low <= best and (high is None or best <= high)):
            raise OverrideError(f"{where}: needs low <= best <= high")
        key = (entry["metric"], entry["population"], entry["location"], _date_text(entry.get("period_start")),
               _date_text(entry["as_of"]))
        result.pins.append(Pin(number, key, low, best, high, _reason(entry, where)))
    return result


def load_overrides(path: Path | None) -> Overrides:
    """The overrides in ``path``; none when the file does not exist."""
    if path is None or not path.is_file():
        return Overrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return parse_overrides(data)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise OverrideError(f"{path.name} is not valid UTF-8 YAML: {error}") from None
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, OverrideError):
            raise
        raise OverrideError(f"{path.name}: an entry is incomplete ({error})") from None
