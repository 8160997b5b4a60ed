"""Periods read relative to the report date, and kept as words when the text has no date."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.periods import find_period

TUESDAY = dt.date(2020, 2, 4)


@pytest.mark.parametrize("sentence, start, end", [
    ("Thousands have fled since Sunday.", "2020-02-02", "2020-02-04"),
    ("Thousands have fled since last Tuesday.", "2020-01-28", "2020-02-04"),
    ("The war has killed 380,000 people since 2011.", "2011-01-01", "2020-02-04"),
    ("900,000 have fled since 1 December.", "2019-12-01", "2020-02-04"),
    ("In January, 40 civilians were killed.", "2020-01-01", "2020-01-31"),
])
def test_periods_are_placed_relative_to_the_report_date(sentence, start, end):
    period = find_period(sentence, TUESDAY)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


def test_a_period_never_ends_before_it_starts():
    # a report of 4 February: "since mid-February" is the February before
    period = find_period("Shelling has killed 132 civilians since mid-February.", TUESDAY)
    assert (period.start, period.end) == (dt.date(2019, 2, 11), TUESDAY)
    # a closed period after the report date cannot be placed
    period = find_period("Between 9 and 12 February 2020, 300 fled.", TUESDAY)
    assert period.start is None and period.text == "Between 9 and 12 February 2020"


@pytest.mark.parametrize("sentence, text", [
    ("Some 70,000 people have fled since Sunday.", "since Sunday"),
    ("900,000 people have been displaced since 1 December.", "since 1 December"),
    ("In January, 40 civilians were killed.", "In January"),
])
def test_undated_text_keeps_the_period_words_without_dates(sentence, text):
    [claim] = extract_claims(sentence, ReportContext(published=None))
    assert (claim.period_start, claim.period_end, claim.period_text) == (None, None, text)


def test_undated_text_still_places_a_period_that_gives_its_year():
    [claim] = extract_claims("The war has killed 380,000 people since 2011.", ReportContext())
    assert (claim.period_start, claim.period_end) == ("2011-01-01", None)


def test_an_aside_between_a_count_and_its_period_keeps_the_period():
    [claim] = extract_claims("About 7,000 people, most of them children, have fled since Sunday.",
                             ReportContext(published=TUESDAY))
    assert (claim.period_start, claim.period_text) == ("2020-02-02", "since Sunday")


@pytest.mark.parametrize("sentence, start, end, text", [
    ("In 2021, 86 journalists were detained.", dt.date(2021, 1, 1), dt.date(2021, 12, 31), "In 2021"),
    ("Air strikes throughout 2022 killed 310 civilians.", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "throughout 2022"),
    ("The floods killed 90 people in 2022 alone.", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "in 2022 alone"),
    ("During 2023 some 40 people died.", dt.date(2023, 1, 1), dt.date(2023, 3, 1), "During 2023"),
    ("The war, which began in 2011, has killed 5,000 people.", None, dt.date(2023, 3, 1), None),
])
def test_a_calendar_year_the_figures_cover_is_their_period(sentence, start, end, text):
    assert find_period(sentence, dt.date(2023, 3, 1)) == (start, end, text)


@pytest.mark.parametrize("sentence, start, end, text", [
    ("Some 12,000 people have crossed the border so far this year.", dt.date(2023, 1, 1), dt.date(2023, 3, 1),
     "so far this year"),
    ("Last year, 410 aid workers were detained.", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "Last year"),
    ("The militia that formed last year has killed 20 people.", None, dt.date(2023, 3, 1), None),
])
def test_this_year_and_last_year_are_placed_from_the_report_date(sentence, start, end, text):
    assert find_period(sentence, dt.date(2023, 3, 1)) == (start, end, text)
