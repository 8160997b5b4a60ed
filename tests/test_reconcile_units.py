"""Figures never mix households with people; a household figure shows people beside it where a size is cited."""
import pandas as pd
import pytest

from pipeline.reconcile import reconcile
from reconcile_rules import tables

BASE = dict(metric="displaced", population="people", stance="asserted", hedge=None, extra=0, qualifier="exact",
            attributed_to=None, publisher="OCHA", period_start="2021-08-01", date="2021-09-01")


def test_households_and_people_of_one_place_and_period_are_two_series():
    rows = [dict(BASE, place="Kabul", adm1="Kabul", value=2_000, unit="households"),
            dict(BASE, place="Kabul", adm1="Kabul", value=9_500)]
    figures = reconcile(*tables(rows)).figures.set_index("unit")
    assert figures.loc["households", "best"] == 2_000 and figures.loc["people", "best"] == 9_500
    assert figures["figure_id"].is_unique


def test_a_household_figure_shows_people_with_the_cited_size_of_its_country():
    claims, reports = tables([dict(BASE, place="Kabul", adm1="Kabul", value=2_000, unit="households")])
    claims["adm0"] = "AFG"
    figure = reconcile(claims, reports).figures.iloc[0]
    assert figure["household_size"] == pytest.approx(8.036)
    assert figure["people_estimate"] == round(2_000 * 8.036)
    assert "Household Size and Composition" in figure["household_size_source"]


def test_no_people_estimate_where_no_size_is_cited():
    figure = reconcile(*tables([dict(BASE, place="Idleb", value=3_500, unit="households")])).figures.iloc[0]
    assert figure["unit"] == "households"
    assert pd.isna(figure["people_estimate"]) and pd.isna(figure["household_size"])


def test_the_sources_table_lists_the_names_each_originator_was_given():
    rows = [dict(BASE, place="Idleb", value=100, attributed_to="UN humanitarian office", date="2021-09-01"),
            dict(BASE, place="Idleb", value=120, attributed_to="OCHA", date="2021-09-02"),
            dict(BASE, place="Idleb", value=130, attributed_to=None, publisher="OCHA", date="2021-09-03")]
    sources = reconcile(*tables(rows)).sources.set_index("source")
    assert sources.loc["OCHA", "names"] == ["OCHA", "UN humanitarian office"]
