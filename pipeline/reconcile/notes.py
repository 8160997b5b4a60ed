"""Analyst overrides as they show on the figures: notes, pins, and those that matched nothing."""
from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.reconcile.overrides import Overrides, PIN_KEYS
from pipeline.reconcile.columns import Columns, lists, order
from pipeline.reconcile.window import Dates, in_window


def override_notes(columns: Columns, dates: Dates, stale_after_days: int, reasons: dict[str, str],
                   source_date: np.ndarray, source_name: np.ndarray, regrade: np.ndarray) -> list:
    """Per date row: its re-graded sources and the excluded claims its window would
    have weighed, with their reasons, '; '-joined (None where there are none).

    ``source_date``/``source_name``/``regrade`` give each figure's sources (sorted by
    figure, then name) and the re-grade reason of each (None where not re-graded).
    """
    regraded = np.flatnonzero(pd.notna(regrade))
    figure = [source_date[regraded]]
    text = ["source " + source_name[regraded].astype(object) + " re-graded: " + regrade[regraded].astype(object)]
    excluded = np.flatnonzero(columns["excluded"] & columns["dated"])
    if len(excluded) and len(dates):
        found, row = in_window({"series": columns["series"][excluded], "day": columns["day"][excluded]},
                               dates, stale_after_days)
        claim = columns["claim_id"][excluded[row]]
        figure.append(found)
        text.append(np.array([f"claim {c} excluded: {reasons[c]}" for c in claim], dtype=object))
    figure, text = np.concatenate(figure), np.concatenate(text)
    kind = np.r_[np.zeros(len(regraded), dtype=np.int8), np.ones(len(figure) - len(regraded), dtype=np.int8)]
    o = order(figure, kind, np.arange(len(figure)))  # sources come sorted by name, claims by id
    joined = ["; ".join(notes) or None for notes in lists(figure[o], text[o], len(dates))]
    return joined


def apply_pins(figures: pd.DataFrame, overrides: Overrides) -> list[tuple[int, str]]:
    """Set low, best and high of each pinned figure; the pins that match no figure.

    A pinned figure's best is the analyst's, so ``best_claim_id``, ``best_source``
    and ``best_age_days`` are emptied on it.
    """
    if not overrides.pins:
        return []
    pins = pd.DataFrame([(*pin.key, pin.number, pin.low, pin.best, pin.high, pin.reason) for pin in overrides.pins],
                        columns=[*PIN_KEYS, "number", "pin_low", "pin_best", "pin_high", "reason"])
    pins["period_start"] = pins["period_start"].fillna("")
    keys = figures[list(PIN_KEYS)].assign(period_start=figures["period_start"].fillna(""))
    keys["index"] = figures.index
    matched = pins.merge(keys, on=list(PIN_KEYS), how="left")
    unmatched = matched[matched["index"].isna()]
    problems = [(int(number), f"pins {metric} {population} in {location} as of {as_of}, "
                              "but no such figure was reconciled")
                for number, metric, population, location, as_of in
                zip(unmatched["number"], unmatched["metric"], unmatched["population"],
                    unmatched["location"], unmatched["as_of"])]
    applied = matched[matched["index"].notna()].sort_values("number")
    pinned_notes = applied.assign(note="pinned: " + applied["reason"]).groupby("index")["note"].agg("; ".join)
    hits = applied.drop_duplicates("index", keep="last").set_index("index").loc[pinned_notes.index]
    where = pinned_notes.index.astype(np.int64).to_numpy()
    figures.loc[where, "low"] = hits["pin_low"].to_numpy()
    figures.loc[where, "best"] = hits["pin_best"].to_numpy()
    figures.loc[where, "high"] = pd.array(hits["pin_high"].to_numpy(), dtype="Int64")
    figures.loc[where, "method"] = "pinned by an analyst"
    figures.loc[where, ["best_claim_id", "best_source"]] = None
    figures.loc[where, "best_age_days"] = pd.NA
    earlier = figures.loc[where, "override"]
    pinned = pinned_notes.to_numpy()
    figures.loc[where, "override"] = [f"{note}; {pin}" if isinstance(note, str) else pin
                                      for note, pin in zip(earlier, pinned)]
    return problems


def unmatched_entries(problems: list[tuple[int, str]], overrides_path: str) -> list[dict]:
    return [{"path": overrides_path, "report_id": None, "stage": "reconcile", "table": "overrides",
             "row": number, "reason": f"override {number} {text}"} for number, text in sorted(problems)]
