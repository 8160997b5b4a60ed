"""Incidents become events: one row per strike, however many reports tell of it."""
import pandas as pd
import pytest

from pipeline.reconcile.events import reconcile_events
from pipeline.reconcile.sources import SourceBook
from reconcile_rules import tables

# As the extractor places a town: written as the report writes it, in the governorate holding it.
STRIKE = dict(metric="killed", population="people", location="Saraqib", place="Idleb", adm1="Idleb", period_start=None,
              stance="asserted", hedge=None, extra=0, qualifier="exact", attributed_to=None,
              count_type="incident")


def events_of(rows: list[dict]) -> pd.DataFrame:
    claims, reports = tables(rows)
    return reconcile_events(claims, reports, SourceBook([]))


def test_one_market_strike_told_by_four_outlets_is_one_event_with_its_risen_toll():
    rows = [
        dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, event_date="2020-01-15", claim_id="a"),
        dict(STRIKE, date="2020-01-16", publisher="Outlet B", value=20, event_date="2020-01-15", claim_id="b"),
        dict(STRIKE, date="2020-01-17", publisher="Outlet C", value=22, event_date="2020-01-15", claim_id="c"),
        dict(STRIKE, date="2020-02-20", publisher="Outlet D", value=22, event_date="2020-01-15", claim_id="d"),
    ]
    found = events_of(rows)
    assert len(found) == 1
    event = found.iloc[0]
    assert (event["event_date"], event["date_precision"]) == ("2020-01-15", "day")
    assert (event["low"], event["best"], event["high"]) == (19, 22, 22)
    assert event["claim_ids"] == ["a", "b", "c", "d"]
    assert event["n_sources"] == 4
    assert not event["conflict"]  # a toll that rises is no disagreement


def test_an_incident_in_another_town_the_same_day_is_another_event():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, event_date="2020-01-15"),
            dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=4, event_date="2020-01-15", location="Ariha")]
    assert sorted(events_of(rows)["location"]) == ["Ariha", "Saraqib"]


def test_a_smaller_count_at_the_same_place_a_day_later_is_a_new_event_not_a_revision():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, date_precision="unknown"),
            dict(STRIKE, date="2020-01-16", publisher="Outlet B", value=5, date_precision="unknown")]
    found = events_of(rows)
    assert sorted(found["best"]) == [5, 19]


def test_an_undated_rising_toll_over_two_days_stays_one_event():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, date_precision="unknown"),
            dict(STRIKE, date="2020-01-16", publisher="Outlet B", value=24, date_precision="unknown")]
    found = events_of(rows)
    assert len(found) == 1 and (found.iloc[0]["low"], found.iloc[0]["best"]) == (19, 24)


def test_a_retrospective_mention_keeps_the_event_together_with_its_first_undated_reports():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, date_precision="unknown"),
            dict(STRIKE, date="2020-01-16", publisher="Outlet B", value=20, date_precision="unknown"),
            dict(STRIKE, date="2020-01-17", publisher="Outlet C", value=22, date_precision="unknown"),
            dict(STRIKE, date="2020-02-25", publisher="Outlet D", value=22, event_date="2020-01-15")]
    found = events_of(rows)
    assert len(found) == 1
    assert (found.iloc[0]["event_date"], found.iloc[0]["date_precision"], found.iloc[0]["high"]) == ("2020-01-15", "day", 22)


def test_credible_sources_disagreeing_on_one_day_set_conflict():
    rows = [dict(STRIKE, date="2020-01-15", publisher="OCHA", value=10, event_date="2020-01-15"),
            dict(STRIKE, date="2020-01-15", publisher="Syrian Observatory for Human Rights", value=30,
                 event_date="2020-01-15")]
    event = events_of(rows).iloc[0]
    assert event["conflict"] and event["best_source"] == "OCHA" and (event["low"], event["high"]) == (10, 30)


def test_a_party_sets_an_event_only_when_no_other_source_tells_of_it():
    party = dict(STRIKE, date="2020-01-15", publisher="SANA", value=40, event_date="2020-01-15")
    alone = events_of([party]).iloc[0]
    assert alone["best"] == 40 and alone["sources"] == ["SANA"]
    told = events_of([party, dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=12,
                                  event_date="2020-01-15")]).iloc[0]
    assert (told["low"], told["best"], told["high"]) == (12, 12, 12) and told["sources"] == ["Outlet A"]


def test_people_and_civilians_of_one_strike_are_one_event_and_children_a_subset_of_their_own():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=19, event_date="2020-01-15"),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=19, population="civilians",
                 event_date="2020-01-15"),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=7, population="children",
                 event_date="2020-01-15")]
    found = events_of(rows).set_index("population")
    assert sorted(found.index) == ["children", "civilians"]
    assert found.loc["civilians", "n_sources"] == 2


def test_a_week_dated_claim_joins_the_day_it_may_have_been():
    rows = [dict(STRIKE, date="2020-01-20", publisher="Outlet A", value=8, event_date="2020-01-13",
                 date_precision="week"),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=8, event_date="2020-01-15")]
    found = events_of(rows)
    assert len(found) == 1 and (found.iloc[0]["event_date"], found.iloc[0]["date_precision"]) == ("2020-01-15", "day")


def test_incidents_placed_nowhere_are_events_of_their_own_report():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=3, location=None, place=None, adm1=None),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=3, location=None, place=None, adm1=None)]
    assert len(events_of(rows)) == 2


def test_totals_and_denials_make_no_events():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=300, count_type="cumulative",
                 period_start="2019-12-01"),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=0, stance="denied")]
    assert events_of(rows).empty


def test_two_spellings_of_a_town_the_gazetteer_places_at_one_spot_are_one_town():
    spot = dict(latitude=35.9040, longitude=36.6952)
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=6, location="Sarmin", **spot),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=6, location="Sermin", **spot),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=2, location="Binnish",
                 latitude=35.957, longitude=36.711)]
    assert sorted(events_of(rows)["best"]) == [2, 6]


def test_a_town_no_gazetteer_knows_is_kept_as_written_and_told_apart_from_its_governorate():
    rows = [dict(STRIKE, date="2020-01-15", publisher="Outlet A", value=7, location="Kafr Qarvalinj", place=None),
            dict(STRIKE, date="2020-01-15", publisher="Outlet B", value=3, location="Idlib")]
    found = events_of(rows).set_index("best")
    assert found.loc[7, "location"] == "Kafr Qarvalinj" and found.loc[3, "location"] == "Idleb"
