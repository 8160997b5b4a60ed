"""What a number counts: people, or households (families, households), whatever the metric."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

CONTEXT = ReportContext(published=dt.date(2021, 6, 9), publisher="Example Wire")


def counts(text: str) -> list[tuple]:
    return [(c.metric, c.value, c.unit) for c in extract_claims(text, CONTEXT)]


@pytest.mark.parametrize("text, figure", [
    ("Some 1,200 families have fled the valley.", ("displaced", 1200, "households")),
    ("The landslide buried 40 households.", None),  # buried homes are no casualty figure of people
    ("About 350 displaced households reached the camp.", ("displaced", 350, "households")),
    ("Nine people were killed in the raid.", ("killed", 9, "people")),
    ("The blast killed 6 members of one family.", ("killed", 6, "people")),
])
def test_families_and_households_are_counted_in_households(text, figure):
    found = [claim for claim in counts(text) if claim[1] == (figure or (None, None))[1]]
    assert found == ([figure] if figure else [])


def test_a_household_count_keeps_its_unit_whatever_metric_it_gets():
    # the unit follows the counted noun; which metric the count gets is read apart
    text = "Floods killed 14 people and forced some 3,500 families from their homes."
    assert {claim[2] for claim in counts(text) if claim[1] == 3500} == {"households"}
    assert {claim[2] for claim in counts(text) if claim[1] == 14} == {"people"}


@pytest.mark.parametrize("text, expected", [
    ("The camp took in 420 displaced households (estimated 2,100 individuals) this week.",
     [("displaced", 420, "households"), ("displaced", 2100, "people")]),
    ("Fighting displaced 3,000 people (about 600 families) near the river.",
     [("displaced", 3000, "people"), ("displaced", 600, "households")]),
])
def test_a_figure_given_in_both_units_is_a_claim_in_each(text, expected):
    assert counts(text) == expected


def test_households_and_people_of_the_same_number_stay_apart():
    text = "Six families fled on Monday. Six people were wounded on Tuesday, and six more fled."
    found = counts(text)
    assert ("displaced", 6, "households") in found and ("displaced", 6, "people") in found
