"""Reported totals beside the sum of the incidents counted in their span.

A reader of "1,200 civilians killed in Idleb in February" should see what the
events we counted there in February add up to: where the two disagree,
either the reports of incidents are incomplete or the total counts more
(combatants, deaths of injuries, a wider area). Two views:

- each running or period total (a figure with a period start) gets the sum of
  ``best`` of the events of its metric and group of people, inside its place
  (its admin areas, or its town), dated from its start to its date;
- each month and admin area gets the sum of its events' low, best and high,
  beside the best of a reported total for exactly that month there, if any.

Groups of people: ``people`` and ``civilians`` are one group (as events pool
them); in the monthly sums, events of children or women count only where no
event of the whole group shares their place and date (they are its subsets).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.reconcile.annotate import DAY_ZERO
from pipeline.reconcile.event_groups import GENERAL_GROUP

MONTH_COLUMNS = ["metric", "adm1", "month", "events", "low", "best", "high", "reported_best",
                 "reported_figure_id"]
SUBSET_GROUPS = ("children", "women")


def _days(dates: pd.Series) -> np.ndarray:
    return (pd.to_datetime(dates, format="%Y-%m-%d").to_numpy("datetime64[D]") - DAY_ZERO).astype(np.int64)


def _group(population: pd.Series) -> pd.Series:
    return population.map(lambda name: GENERAL_GROUP.get(name, name))


def _event_keys(events: pd.DataFrame) -> pd.DataFrame:
    """Each event once under its admin areas (as one key) and once more under its town, if any."""
    single = events["adm1"].notna()
    town = events["location"].notna() & (events["location"] != events["adm1"]) & single
    by_area = events[single].assign(area="adm1:" + events["adm1"][single])
    by_town = events[town].assign(area="town:" + events["location"][town])
    return pd.concat([by_area, by_town], ignore_index=True)


def _figure_keys(figures: pd.DataFrame) -> pd.DataFrame:
    """Each total with its place as keys: its town, or each admin area it covers and, for a
    region of several, the region itself (an event placed only in the region)."""
    totals = figures[figures["period_start"].notna() & figures["adm1"].notna()].reset_index()
    several = totals["adm1"].str.contains(";", regex=False)
    town = ~several & (totals["location"] != totals["adm1"])
    areas = totals[~town].assign(area=totals["adm1"].str.split(";")).explode("area")
    return pd.concat([areas.assign(area="adm1:" + areas["area"]),
                      totals[several].assign(area="adm1:" + totals["adm1"]),
                      totals[town].assign(area="town:" + totals["location"])], ignore_index=True)


def figure_sums(figures: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(events_best_sum, n_events) of each figure, aligned with ``figures``; null for a stock, a
    running total without a start, or a figure placed only by its country."""
    total = pd.Series(pd.NA, index=figures.index, dtype="Int64")
    counted = pd.Series(pd.NA, index=figures.index, dtype="Int64")
    keys = _figure_keys(figures)
    if keys.empty:
        return total, counted
    found = _event_keys(events)
    keys["key"] = keys["metric"] + "|" + _group(keys["population"]) + "|" + keys["area"]
    found["key"] = found["metric"] + "|" + _group(found["population"]) + "|" + found["area"]
    codes, names = pd.factorize(pd.concat([found["key"], keys["key"]], ignore_index=True), sort=True)
    event_code, figure_code = codes[:len(found)], codes[len(found):]
    span = 1 << 22
    event_key = event_code.astype(np.int64) * span + _days(found["event_date"])
    o = np.argsort(event_key, kind="stable")
    event_key = event_key[o]
    running = np.r_[0, np.cumsum(found["best"].to_numpy(np.int64)[o])]
    lo = np.searchsorted(event_key, figure_code * span + _days(keys["period_start"]))
    hi = np.searchsorted(event_key, figure_code * span + _days(keys["as_of"]), side="right")
    per_key = pd.DataFrame({"index": keys["index"].to_numpy(), "best": running[hi] - running[lo], "n": hi - lo})
    summed = per_key.groupby("index")[["best", "n"]].sum()
    total.loc[summed.index] = summed["best"].to_numpy()
    counted.loc[summed.index] = summed["n"].to_numpy()
    return total, counted


def _whole_group_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events that count in a sum of deaths: every group but a subset told of beside its whole group."""
    whole = events[~events["population"].isin(SUBSET_GROUPS)]
    subset = events[events["population"].isin(SUBSET_GROUPS)]
    place = ["metric", "adm1", "location", "event_date"]
    told_beside = subset.merge(whole[place].drop_duplicates(), on=place, how="left", indicator=True)
    alone = subset[(told_beside["_merge"] == "left_only").to_numpy()]
    return pd.concat([whole, alone], ignore_index=True)


def monthly_sums(events: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Per metric, admin area and month: events and the sums of their low, best and high
    (high empty where an event's is open), with the best of a reported total of that month."""
    counted = _whole_group_events(events[events["adm1"].notna() & ~events["adm1"].fillna("").str.contains(";")])
    if counted.empty:
        return pd.DataFrame(columns=MONTH_COLUMNS)
    counted = counted.assign(month=counted["event_date"].str[:7], open=counted["high"].isna())
    months = counted.groupby(["metric", "adm1", "month"], sort=True).agg(
        events=("best", "size"), low=("low", "sum"), best=("best", "sum"), high=("high", "sum"),
        open=("open", "any")).reset_index()
    months["high"] = months["high"].astype("Int64").mask(months["open"])
    month_totals = figures[(figures["count_type"] == "period") & figures["period_start"].notna()].copy()
    month_totals["month"] = month_totals["period_start"].str[:7]
    whole_month = (month_totals["period_start"].str[8:] == "01") & \
        (pd.to_datetime(month_totals["as_of"]) == pd.to_datetime(month_totals["period_start"]) + pd.offsets.MonthEnd(0))
    month_totals = month_totals[whole_month & month_totals["population"].isin(GENERAL_GROUP)]
    month_totals = month_totals.sort_values(["population", "best"], ascending=[False, False], kind="stable")
    reported = month_totals.drop_duplicates(["metric", "adm1", "month"])[
        ["metric", "adm1", "month", "best", "figure_id"]].rename(
        columns={"best": "reported_best", "figure_id": "reported_figure_id"})
    months = months.merge(reported, on=["metric", "adm1", "month"], how="left")
    months["reported_best"] = months["reported_best"].astype("Int64")
    return months[MONTH_COLUMNS]
