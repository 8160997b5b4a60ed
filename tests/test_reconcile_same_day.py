"""With a zero-day window, reconciliation publishes what same-day reconciliation published.

tests/fixtures/same_day_sample/ holds the bundled sample's claims and reports as
they were extracted, and the figures the earlier same-day code made of them,
written by tests/fixtures/make_same_day_sample.py (its docstring gives the
command). Fed the same claims, today's code with ``stale_after_days=0`` must
write the same bytes for every column those figures had; where the new rules
would change a figure (a flow held up by an earlier count, conflicts with older
counts) they do not arise in the sample, and the default window changes only
what the window is for.
"""
import pandas as pd
import pytest

from conftest import ROOT
from pipeline.extract.originators import identify
from pipeline.publish.formats import csv_bytes
from pipeline.reconcile import reconcile

FIXTURE = ROOT / "tests" / "fixtures" / "same_day_sample"


@pytest.fixture(scope="module")
def sample():
    claims = pd.read_csv(FIXTURE / "claims.csv", dtype=str, keep_default_na=False).replace("", None)
    claims["value"] = claims["value"].astype(int)
    claims["high"] = pd.to_numeric(claims["high"]).astype("Int64")
    # read as the same-day code read every claim: a flow where it has a period start, else a stock
    claims["count_type"] = claims["period_start"].isna().map({True: "stock", False: "cumulative"})
    claims["period_start_latest"] = claims["period_start"]
    claims["unit"] = "people"  # claims of that time counted people only
    # claims of that time named their source in attributed_to; the originator is who that names
    claims["originator"] = [getattr(identify(name), "name", None) for name in claims["attributed_to"]]
    reports = pd.read_csv(FIXTURE / "reports.csv", dtype=str)
    return claims, reports


# Sources the registry has graded since the fixture was written (WFP was ungraded, so MEDIUM, then).
GRADED_SINCE = {"WFP": "HIGH"}


def test_a_zero_day_window_writes_the_same_figures_as_same_day_reconciliation(sample):
    """Every column the same-day figures had, byte for byte; a figure's disputing claims may only be fewer:
    a dispute now joins only the same quantity (a stock disputes no flow), methodology section 7."""
    then = pd.read_csv(FIXTURE / "figures.csv", dtype=str, keep_default_na=False)
    columns = [name for name in then.columns if name != "disputed_by"]
    figures = reconcile(*sample, stale_after_days=0).figures
    regraded = then["sources"].isin(GRADED_SINCE)
    then.loc[regraded, "reliability"] = then.loc[regraded, "sources"].map(GRADED_SINCE)
    assert regraded.sum() == 1 and (figures["reliability"].tolist() == then["reliability"].tolist())
    kept = [column for column in columns if column != "reliability"]
    assert csv_bytes(figures, kept) == csv_bytes(then.replace("", None), kept)
    for now, before in zip(figures["disputed_by"], then["disputed_by"].str.split(";")):
        assert set(now) <= set(before) - {""}
    assert (figures["disputed_by"].map(len) < then["disputed_by"].str.count(";") + 1).any()
    assert (figures["best_age_days"] == 0).all()


def test_the_default_window_changes_only_figures_with_older_counts_to_weigh(sample):
    expected = pd.read_csv(FIXTURE / "figures.csv", dtype=str, keep_default_na=False).set_index("figure_id")
    figures = reconcile(*sample).figures.set_index("figure_id")
    assert list(figures.index) == list(expected.index)
    changed = [figure for figure in figures.index
               if csv_bytes(figures.loc[[figure]], ["low", "best", "high", "sources", "conflict"])
               != csv_bytes(expected.loc[[figure]].replace("", None), ["low", "best", "high", "sources", "conflict"])]
    assert changed and all(figures.loc[figure, "n_sources"] > 1 or figures.loc[figure, "best_age_days"] > 0
                           for figure in changed)
