"""The staleness window, its tie rules and the flow constraint, one rule at a time."""
import pandas as pd
import pytest

from pipeline.reconcile import reconcile
from pipeline.reconcile.overrides import parse_overrides
from reconcile_rules import tables

SINCE_DECEMBER = dict(metric="displaced", population="people", place="northwest Syria",
                      period_start="2019-12-01", stance="asserted", qualifier="exact", hedge=None, extra=0,
                      publisher="Reuters")
STOCK = dict(SINCE_DECEMBER, metric="refugees", place="Turkey", period_start=None)


def count(template: dict, day: int, value: int, source: str, **changes) -> dict:
    return dict(template, day=day, value=value, attributed_to=source, **changes)


def published(rows: list[dict], window: int = 14, overrides=None) -> pd.DataFrame:
    claims, reports = tables(rows)
    return reconcile(claims, reports, overrides, stale_after_days=window).figures.set_index("as_of")


def test_on_the_same_day_equally_reliable_sources_give_the_lower():
    figures = published([count(STOCK, 3, 3_600_000, "OCHA"), count(STOCK, 3, 3_700_000, "UNHCR")])
    assert figures.loc["2020-02-03", "best"] == 3_600_000
    assert figures.loc["2020-02-03", "best_source"] == "OCHA"


def test_among_equally_reliable_sources_the_more_recent_count_sets_a_stock():
    figures = published([count(STOCK, 3, 3_700_000, "UNHCR"), count(STOCK, 5, 3_600_000, "OCHA"),
                         count(STOCK, 6, 3_650_000, "Al Jazeera")])
    assert figures.loc["2020-02-05", "best"] == 3_600_000
    day6 = figures.loc["2020-02-06"]
    assert (day6["best"], day6["best_source"], day6["best_age_days"]) == (3_600_000, "OCHA", 1)
    assert day6["sources"] == ["Al Jazeera", "OCHA", "UNHCR"]


def test_a_lower_graded_source_never_sets_best_while_a_better_one_is_in_the_window():
    figures = published([count(SINCE_DECEMBER, 3, 900_000, "OCHA"),
                         count(SINCE_DECEMBER, 4, 1_500_000, "Syrian Observatory for Human Rights",
                               qualifier="approximately", hedge="about")])
    day4 = figures.loc["2020-02-04"]
    assert (day4["low"], day4["best"], day4["high"]) == (900_000, 900_000, 1_650_000)
    assert day4["best_source"] == "OCHA" and day4["best_age_days"] == 1
    assert day4["conflict"] and "Syrian Observatory for Human Rights" in day4["sources"]
    assert day4["reliability"] == "MEDIUM_TO_HIGH"


def test_once_the_better_source_is_stale_the_next_best_sets_the_figure():
    rows = [count(STOCK, 1, 3_600_000, "OCHA"), count(STOCK, 20, 3_900_000, "Al Jazeera")]
    day20 = published(rows, window=14).loc["2020-02-20"]
    assert (day20["best"], day20["best_source"], day20["sources"]) == (3_900_000, "Al Jazeera", ["Al Jazeera"])
    assert published(rows, window=30).loc["2020-02-20", "best"] == 3_600_000


def test_a_flow_holds_at_a_count_still_standing_when_a_source_says_less():
    figures = published([count(SINCE_DECEMBER, 1, 900_000, "OCHA"),
                         count(SINCE_DECEMBER, 20, 850_000, "United Nations")])
    day20 = figures.loc["2020-02-20"]
    assert (day20["best"], day20["best_source"], day20["best_age_days"]) == (900_000, "OCHA", 19)
    assert not day20["revision"] and day20["low"] == 850_000 and day20["conflict"]
    assert "a flow does not fall" in day20["method"]
    assert day20["sources"] == ["OCHA", "United Nations"]


def test_a_flow_falls_only_when_its_own_source_lowers_it_and_that_claim_is_named():
    rows = [count(SINCE_DECEMBER, 1, 900_000, "OCHA"), count(SINCE_DECEMBER, 5, 880_000, "United Nations"),
            count(SINCE_DECEMBER, 9, 800_000, "OCHA", claim_id="lowered")]
    figures = published(rows)
    assert list(figures["best"]) == [900_000, 900_000, 880_000]
    assert list(figures["revision"]) == [False, False, True]
    assert figures.loc["2020-02-09", "revised_by"] == "lowered"
    assert figures.loc["2020-02-09", "best_source"] == "United Nations"  # still standing, and higher


def test_a_more_reliable_source_entering_the_window_can_lower_a_flow_without_a_revision():
    figures = published([count(SINCE_DECEMBER, 1, 1_000_000, "Al Jazeera"),
                         count(SINCE_DECEMBER, 4, 900_000, "OCHA")])
    assert list(figures["best"]) == [1_000_000, 900_000]
    assert not figures["revision"].any()
    assert figures.loc["2020-02-04", "conflict"]  # the older, higher count disagrees


def test_an_older_lower_count_of_a_flow_neither_lowers_low_nor_conflicts():
    figures = published([count(SINCE_DECEMBER, 1, 586_000, "United Nations"),
                         count(SINCE_DECEMBER, 8, 800_000, "OCHA")])
    day8 = figures.loc["2020-02-08"]
    assert (day8["low"], day8["best"], day8["high"]) == (800_000, 800_000, 800_000)
    assert not day8["conflict"] and day8["sources"] == ["OCHA", "United Nations"]


def test_a_count_outranked_throughout_its_window_never_props_up_a_flow():
    rows = [count(SINCE_DECEMBER, 1, 900_000, "OCHA"), count(SINCE_DECEMBER, 5, 1_200_000, "Al Jazeera"),
            count(SINCE_DECEMBER, 10, 950_000, "OCHA"), count(SINCE_DECEMBER, 28, 1_000_000, "Reuters")]
    figures = published(rows)
    assert list(figures["best"]) == [900_000, 900_000, 950_000, 1_000_000]
    assert figures.loc["2020-02-28", "best_source"] == "Reuters"


def test_windows_that_meet_end_to_end_outrank_a_count_between_them():
    rows = [count(SINCE_DECEMBER, 1, 500_000, "OCHA"), count(SINCE_DECEMBER, 4, 900_000, "Al Jazeera"),
            count(SINCE_DECEMBER, 5, 600_000, "OCHA"), count(SINCE_DECEMBER, 12, 700_000, "Reuters")]
    assert published(rows, window=3).loc["2020-02-12", "best"] == 700_000


def test_a_lower_graded_count_that_outlives_the_better_one_may_set_and_then_hold_a_flow():
    rows = [count(SINCE_DECEMBER, 1, 900_000, "OCHA"), count(SINCE_DECEMBER, 3, 1_200_000, "Al Jazeera"),
            count(SINCE_DECEMBER, 16, 1_000_000, "Reuters")]
    day16 = published(rows).loc["2020-02-16"]  # OCHA's count is 15 days old, Al Jazeera's 13
    assert (day16["best"], day16["best_source"]) == (1_200_000, "Al Jazeera")


def test_a_stock_that_falls_is_a_revision_named_by_its_best_claim():
    figures = published([count(STOCK, 1, 3_600_000, "OCHA"), count(STOCK, 4, 3_500_000, "UNHCR", claim_id="fewer")])
    assert figures.loc["2020-02-04", "revision"] and figures.loc["2020-02-04", "revised_by"] == "fewer"


@pytest.mark.parametrize("days_apart, disputed", [(31, True), (32, False)])
def test_a_denial_disputes_figures_within_31_days(days_apart, disputed):
    rows = [count(SINCE_DECEMBER, 1, 900_000, "OCHA"),
            count(SINCE_DECEMBER, 1, 0, "Russia", date=str(pd.Timestamp("2020-02-01") + pd.Timedelta(days=days_apart))[:10],
                  stance="denied", place="Idleb", period_start=None, claim_id="denial")]
    assert (published(rows).loc["2020-02-01", "disputed_by"] == ["denial"]) is disputed


def test_an_excluded_claim_is_noted_on_every_figure_whose_window_holds_it():
    rows = [count(STOCK, 1, 3_600_000, "OCHA"), count(STOCK, 2, 9_000_000, "Al Jazeera", claim_id="misread"),
            count(STOCK, 5, 3_600_000, "UNHCR"), count(STOCK, 20, 3_600_000, "UNHCR")]
    overrides = parse_overrides({"exclude_claims": [{"claim_id": "misread", "reason": "a typo"}]})
    figures = published(rows, overrides=overrides)
    assert list(figures.index) == ["2020-02-01", "2020-02-05", "2020-02-20"]  # no figure on the 2nd
    assert figures.loc["2020-02-05", "override"] == "claim misread excluded: a typo"
    assert pd.isna(figures.loc["2020-02-20", "override"])
    assert not figures["conflict"].any()


def test_a_pinned_figure_names_no_best_claim():
    overrides = parse_overrides({"pin_figures": [{
        "metric": "refugees", "population": "people", "location": "Turkey", "as_of": "2020-02-01",
        "low": 3_500_000, "best": 3_550_000, "high": 3_700_000, "reason": "agreed with the ministry's registrar"}]})
    figure = published([count(STOCK, 1, 3_600_000, "OCHA")], overrides=overrides).loc["2020-02-01"]
    assert (figure["low"], figure["best"], figure["high"]) == (3_500_000, 3_550_000, 3_700_000)
    assert figure["method"] == "pinned by an analyst" and figure["override"].startswith("pinned: agreed")
    assert pd.isna(figure["best_claim_id"]) and pd.isna(figure["best_source"]) and pd.isna(figure["best_age_days"])


def test_the_window_is_recorded_in_the_provenance(tmp_path):
    from types import SimpleNamespace

    from pipeline import stages
    from pipeline.reconcile.window import STALE_AFTER_DAYS

    configuration = stages.provenance(SimpleNamespace(inputs=[]), tmp_path)["configuration"]
    assert configuration["stale_after_days"] == STALE_AFTER_DAYS == 14
