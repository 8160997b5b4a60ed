"""One office's figure republished under four of its names, one of them cited by an outlet, is one
originator and one source of the series; a count of families is a count of households."""
import pandas as pd
import pytest

from pipeline.extract import claims_table
from pipeline.reconcile import reconcile

REPORTS = [
    ("2020-02-12", "Wire One", "The UN humanitarian office said more than 800,000 people had been displaced "
                               "in northwest Syria since 1 December."),
    ("2020-02-13", "Wire Two", "Citing the UN's humanitarian office, the agency said more than 800,000 people "
                               "had been displaced in northwest Syria since 1 December."),
    ("2020-02-14", "Wire Three", "More than 800,000 people have been displaced in northwest Syria since 1 December, "
                                 "according to figures from the United Nations humanitarian coordination office."),
    ("2020-02-14", "Wire Four", "OCHA said more than 800,000 people had been displaced in northwest Syria since "
                                "1 December. Some 2,000 families have been displaced from Saraqib alone."),
]


@pytest.fixture(scope="module")
def claims_and_reports():
    reports = pd.DataFrame({
        "report_id": [f"{number:064x}" for number in range(len(REPORTS))],
        "published": [date for date, _, _ in REPORTS], "publisher": [publisher for _, publisher, _ in REPORTS],
        "location": [None] * len(REPORTS)})
    texts = dict(zip(reports["report_id"], [text for _, _, text in REPORTS]))
    return claims_table(reports, texts), reports


def test_four_names_of_one_office_are_one_originator(claims_and_reports):
    claims, _ = claims_and_reports
    people = claims[claims["value"] == 800_000]
    assert len(people) == 4 and set(people["originator"]) == {"OCHA"}
    assert people["attributed_to"].nunique() == 4  # each kept as its report writes it


def test_the_series_figure_counts_one_source(claims_and_reports):
    claims, reports = claims_and_reports
    figures = reconcile(claims, reports[["report_id", "publisher", "published"]]).figures
    latest = figures[(figures["metric"] == "displaced") & (figures["as_of"] == "2020-02-14")
                     & (figures["period_start"] == "2019-12-01")]
    assert latest["n_sources"].tolist() == [1]
    assert list(latest["sources"].iloc[0]) == ["OCHA"]


def test_families_are_households(claims_and_reports):
    claims, _ = claims_and_reports
    families = claims[claims["value"] == 2000]
    assert families[["metric", "unit"]].values.tolist() == [["displaced", "households"]]
    assert set(claims[claims["value"] == 800_000]["unit"]) == {"people"}
