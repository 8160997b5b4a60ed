"""Reconciliation at scale: CPU time and peak memory of reconcile() on synthetic claims.

Builds claims as the extractor would give them, over a year: many series
(metric, population, place, period start) of very unequal sizes, flows that
grow and stocks that wander, hundreds of originators of every grade (some
re-graded by overrides), republications of one originator's count by other
publishers, own downward revisions (2%), denials (1%) and parties' claims (2%).
A larger corpus covers more places (one per 200 claims, two admin areas each
out of one per 1,000 claims), so a denial disputes about as many figures at
every size: the disputes listed grow with the corpus, not with its square. Each size
runs in a fresh process, which prints the CPU time of reconcile() (one core;
CPU time, since the machine may be shared) and the process's peak resident
memory before and after it.

Targets: 100,000 claims in 3 s and 1,000,000 in 30 s of CPU time. For scale,
`figures run` on 100,000 reports yields about 400,000 claims.
Run: .venv/bin/python bench/reconcile_speed.py [--sizes 10000 100000 1000000]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")  # one core

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from pipeline.extract import CLAIM_COLUMNS  # noqa: E402
from pipeline.reconcile import reconcile  # noqa: E402
from pipeline.reconcile.overrides import parse_overrides  # noqa: E402

TARGETS = {100_000: 3.0, 1_000_000: 30.0}
METRICS = ["killed", "injured", "displaced", "refugees", "returned", "missing", "detained"]
POPULATIONS = ["people", "civilians", "children", "women"]
QUALIFIERS = np.array(["exact", "approximately", "more_than", "at_least", "range", "up_to", "vague", "less_than"])
QUALIFIER_SHARE = [0.35, 0.25, 0.15, 0.08, 0.07, 0.04, 0.04, 0.02]
PARTIES = ["Russian Defense Ministry", "SANA"]
REGISTERED = ["OCHA", "United Nations", "UNHCR", "Syrian Observatory for Human Rights", "Reuters", "AFP"]
DAYS = 366
START = np.datetime64("2020-01-01")


def synthetic(claims: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(claims, reports, overrides document) with ``claims`` claims, four to a report."""
    rng = np.random.default_rng(seed)
    outlets = np.array([f"Outlet {i}" for i in range(400)] + REGISTERED, dtype=object)
    # series of very unequal sizes (Zipf-like): a few are reported daily, most rarely
    series = max(claims // 20, 1)
    weight = 1 / np.arange(1, series + 1) ** 0.8
    of_series = rng.choice(series, size=claims, p=weight / weight.sum())
    flow = rng.random(series) < 0.6
    period = np.where(flow, rng.integers(0, 5, series), -1)[of_series]
    # a larger corpus covers more places, not the same places more densely
    places, areas = max(300, claims // 200), max(60, claims // 1000)
    place = rng.integers(0, places, series)[of_series]
    first_day, length = rng.integers(0, DAYS // 2, series), rng.integers(20, DAYS, series)
    day = np.minimum(first_day[of_series] + (rng.random(claims) * length[of_series]).astype(np.int64), DAYS - 1)
    # each series has a handful of regular sources and a long tail of others
    origin = np.where(rng.random(claims) < 0.7, (of_series * 7 + rng.integers(0, 6, claims)) % len(outlets),
                      rng.integers(0, len(outlets), claims))
    origin_name = outlets[origin]
    # a flow grows through its period, a stock wanders; each originator over- or
    # under-counts a little, and 2% of counts are an originator's own downward revision
    progress = (day - first_day[of_series] + 1) / length[of_series]
    scale = np.exp(rng.uniform(2, 14, series))[of_series]
    base = scale * np.where(flow[of_series], progress, 1 + 0.3 * np.sin(day / 30 + of_series))
    bias = 1 + 0.15 * np.sin(origin * 1.7 + of_series)
    lowered = np.where(rng.random(claims) < 0.02, 0.7, 1.0)
    value = np.maximum(np.round(base * bias * lowered), 0).astype(np.int64)
    qualifier = rng.choice(QUALIFIERS, size=claims, p=QUALIFIER_SHARE)
    high = np.where(qualifier == "range", value + np.round(value * rng.uniform(0.05, 0.4, claims)), np.nan)
    hedge = np.where(qualifier == "approximately", rng.choice(["about", "nearly", "some"], claims), None)
    stance = np.where(rng.random(claims) < 0.01, "denied", "asserted")
    party = rng.random(claims) < 0.02
    origin_name = np.where(party, np.array(PARTIES, dtype=object)[rng.integers(0, 2, claims)], origin_name)
    # reports of four claims; a claim credits its originator unless the publisher is it
    report = np.arange(claims) // 4
    opens = np.r_[True, report[1:] != report[:-1]]
    publisher = outlets[rng.integers(0, len(outlets), opens.sum())]
    credited = np.where(publisher[report] == origin_name, None, origin_name)
    report_id = np.array([f"{r:064x}" for r in range(opens.sum())], dtype=object)
    adm1 = np.array([f"Area {(p * 3) % areas};Area {(p * 7 + 1) % areas}" for p in range(places)], dtype=object)
    places = np.array([f"Place {i}" for i in range(places)], dtype=object)
    period_start = np.where(period >= 0, (START - 30 * (period + 1)).astype(str).astype(object), None)
    table = pd.DataFrame({
        "claim_id": [f"{i:016x}" for i in rng.permutation(claims)], "report_id": report_id[report],
        "metric": np.array(METRICS, dtype=object)[rng.integers(0, len(METRICS), series)[of_series]],
        "value": value, "high": pd.array(np.where(np.isnan(high), None, high), dtype="Int64"), "unit": "people",
        "qualifier": qualifier, "hedge": hedge,
        "population": np.array(POPULATIONS, dtype=object)[rng.integers(0, len(POPULATIONS), series)[of_series]],
        "stance": stance, "attributed_to": credited, "originator": origin_name, "location": places[place],
        "place": places[place],
        "adm0": "SYR", "adm1": adm1[place], "period_start": period_start,
        "period_end": (START + day).astype(str).astype(object), "period_text": None, "quote": "q", "start": 0, "end": 1,
        "number_text": "1",
    }, columns=CLAIM_COLUMNS)
    reports = pd.DataFrame({"report_id": report_id, "publisher": publisher,
                            "published": (START + day[opens]).astype(str)})
    overrides = {"grade_sources": [
        {"source": f"Outlet {i}", "reliability": ("LOW", "HIGH")[i % 2], "reason": "graded for the benchmark"}
        for i in range(0, 400, 3)]}
    return table, reports, overrides


def measure(size: int) -> None:
    claims, reports, document = synthetic(size)
    overrides = parse_overrides(document)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    result = reconcile(claims, reports, overrides)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    target = TARGETS.get(size)
    verdict = f"target {target:.0f} s: {'met' if seconds <= target else 'MISSED'}" if target else ""
    print(f"{size:>9,} claims -> {len(result.figures):>9,} figures  {seconds:7.2f} s CPU  "
          f"peak RSS {peak / 1024:7.0f} MB (inputs built: {before / 1024:.0f} MB)  {verdict}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one:
        measure(args.one)
        return
    for size in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
