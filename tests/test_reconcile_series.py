"""The northwest Syria displacement series of 2019-2020, from the UN's public figures.

The UN's count of people displaced in northwest Syria since 1 December 2019 was
reported as more than 235,000 (12-25 December), at least 300,000 (early
January), 350,000, more than 800,000 (to 12 February), 900,000 (17 February)
and nearly 1 million (3 March); a news site gave "more than 1 million" in
mid-February, a monitoring group 1.5 million in early March, and Russia denied
that any civilians had fled. The UN's 700,000 "over eight months" counts a
longer period and is a series of its own. Republications credit the UN.
"""
import pandas as pd
import pytest

from pipeline.reconcile import reconcile
from reconcile_rules import tables

FLOW = dict(metric="displaced", population="people", place="northwest Syria", period_start="2019-12-01",
            stance="asserted", hedge=None, extra=0)
REPORTS = [
    # date, publisher, credited to, qualifier, hedge, value
    ("2019-12-25", "OCHA", None, "more_than", None, 235_000),
    ("2020-01-06", "OCHA", None, "at_least", None, 300_000),
    ("2020-01-15", "OCHA", None, "exact", None, 350_000),
    ("2020-01-16", "USAID", "OCHA", "exact", None, 350_000),  # a republication, a day later
    ("2020-02-12", "OCHA", None, "more_than", None, 800_000),
    ("2020-02-15", "EA WorldView", None, "more_than", None, 1_000_000),  # the news site's rounding up
    ("2020-02-17", "OCHA", None, "exact", None, 900_000),
    ("2020-03-03", "United Nations", None, "approximately", "nearly", 1_000_000),
    ("2020-03-04", "Mena News", "Syrian Observatory for Human Rights", "approximately", "about", 1_500_000),
]


@pytest.fixture(scope="module")
def scenario():
    rows = [dict(FLOW, date=date, publisher=publisher, attributed_to=credited, qualifier=qualifier, hedge=hedge,
                 value=value, claim_id=f"{date}-{publisher}") for date, publisher, credited, qualifier, hedge, value in REPORTS]
    rows.append(dict(FLOW, date="2020-02-04", publisher="OCHA", attributed_to=None, qualifier="approximately",
                     hedge=None, value=700_000, period_start="2019-06-01", claim_id="eight-months"))
    rows.append(dict(FLOW, date="2020-02-16", publisher="EA WorldView", attributed_to="Russia", qualifier="exact",
                     value=0, population="civilians", period_start=None, stance="denied", claim_id="denial"))
    return tables(rows)


def series(figures: pd.DataFrame) -> pd.DataFrame:
    chosen = figures[(figures["metric"] == "displaced") & (figures["period_start"] == "2019-12-01")
                     & (figures["location"] == "northwest Syria") & (figures["population"] == "people")]
    return chosen.set_index("as_of")


def test_the_series_follows_the_un_without_a_spike_or_a_spurious_revision(scenario):
    published = series(reconcile(*scenario).figures)
    assert published["best"].to_dict() == {
        "2019-12-25": 235_000, "2020-01-06": 300_000, "2020-01-15": 350_000, "2020-01-16": 350_000,
        "2020-02-12": 800_000, "2020-02-15": 800_000, "2020-02-17": 900_000, "2020-03-03": 1_000_000,
        "2020-03-04": 1_000_000}
    assert published["best"].is_monotonic_increasing
    assert not published["revision"].any()
    assert set(published["best_source"]) == {"OCHA", "United Nations"}


def test_the_louder_counts_widen_the_range_and_are_named_but_never_set_best(scenario):
    published = series(reconcile(*scenario).figures)
    news = published.loc["2020-02-15"]
    assert news["sources"] == ["EA WorldView", "OCHA"] and news["best_age_days"] == 3
    monitor = published.loc["2020-03-04"]
    assert (monitor["low"], monitor["best"], monitor["high"]) == (900_000, 1_000_000, 1_650_000)
    assert monitor["conflict"] and "Syrian Observatory for Human Rights" in monitor["sources"]
    assert monitor["reliability"] == "MEDIUM_TO_HIGH"


def test_the_republication_counts_once_and_the_denial_only_disputes(scenario):
    claims, _ = scenario
    published = series(reconcile(*scenario).figures)
    assert published.loc["2020-01-16", "n_sources"] == 1
    assert published.loc["2020-01-16", "claim_ids"] == ["2020-01-16-USAID"]
    assert "denial" in published.loc["2020-02-17", "disputed_by"]
    assert not any("denial" in ids for ids in published["claim_ids"])


def test_the_longer_period_stays_a_series_of_its_own(scenario):
    figures = reconcile(*scenario).figures
    longer = figures[figures["period_start"] == "2019-06-01"]
    assert list(longer["best"]) == [700_000]
    assert 700_000 not in set(series(figures)["best"])


def test_weighing_each_day_alone_would_let_the_monitor_spike_the_series(scenario):
    same_day = series(reconcile(*scenario, stale_after_days=0).figures)
    assert same_day.loc["2020-03-04", "best"] == 1_500_000
    assert same_day.loc["2020-02-15", "best"] == 1_000_000 and same_day.loc["2020-02-17", "best"] == 900_000


def test_starts_given_loosely_and_a_day_inside_them_are_one_series():
    base = dict(FLOW, attributed_to=None, qualifier="exact", publisher="OCHA", place="Idleb")
    rows = [dict(base, date="2019-06-01", value=100, period_start="2019-04-21", period_start_latest="2019-04-30"),
            dict(base, date="2019-06-05", value=130, period_start="2019-04-29"),
            dict(base, date="2019-06-09", value=150, period_start="2019-04-21", period_start_latest="2019-04-30")]
    figures = reconcile(*tables(rows)).figures
    assert figures["period_start"].tolist() == ["2019-04-29"] * 3  # the most precisely given start
    assert figures["best"].tolist() == [100, 130, 150]
    assert figures["supersedes"].notna().sum() == 2


def test_a_start_outside_the_window_is_another_series():
    base = dict(FLOW, attributed_to=None, qualifier="exact", publisher="OCHA", place="Idleb")
    rows = [dict(base, date="2019-06-01", value=100, period_start="2019-04-21", period_start_latest="2019-04-30"),
            dict(base, date="2019-06-05", value=40, period_start="2019-05-15")]
    assert sorted(reconcile(*tables(rows)).figures["period_start"]) == ["2019-04-21", "2019-05-15"]


def test_a_running_total_without_a_start_and_a_stock_are_different_series():
    base = dict(FLOW, attributed_to=None, qualifier="exact", publisher="OCHA", place="Idleb", period_start=None,
                date="2020-02-01")
    rows = [dict(base, value=3_000, count_type="cumulative"), dict(base, value=1_200, count_type="stock")]
    figures = reconcile(*tables(rows)).figures
    assert sorted(zip(figures["count_type"], figures["best"])) == [("cumulative", 3_000), ("stock", 1_200)]
    assert figures["figure_id"].is_unique


def test_incidents_are_no_series():
    rows = [dict(FLOW, attributed_to=None, qualifier="exact", publisher="OCHA", place="Idleb", period_start=None,
                 date="2020-02-01", value=19, metric="killed", count_type="incident")]
    assert reconcile(*tables(rows)).figures.empty


def test_a_party_s_period_total_does_not_dispute_a_stock_of_refugees_hosted():
    base = dict(FLOW, metric="refugees", place="Turkey", adm1=None, qualifier="exact", attributed_to=None)
    rows = [dict(base, date="2020-02-16", publisher="UNHCR", value=3_600_000, period_start=None, claim_id="stock"),
            dict(base, date="2020-03-03", publisher="SANA", value=35_000, period_start="2020-01-01",
                 qualifier="up_to", count_type="period", claim_id="party-flow"),
            dict(base, date="2020-03-03", publisher="SANA", value=3_000_000, period_start=None, claim_id="party-stock"),
            dict(base, date="2020-03-01", publisher="Reuters", attributed_to="Russia", value=0, period_start=None,
                 stance="denied", population="civilians", claim_id="denial")]
    figures = reconcile(*tables(rows)).figures
    stock = figures[figures["count_type"] == "stock"].iloc[0]
    assert stock["disputed_by"] == ["denial", "party-stock"]
