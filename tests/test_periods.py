"""Periods read relative to the report date, and kept as words when the text has no date."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.periods import find_period

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
])
def test_a_calendar_year_the_figures_cover_is_their_period(sentence, start, end, text):
    assert find_period(sentence, dt.date(2023, 3, 1)) == (start, end, text, start, "span")


def test_a_year_a_war_began_in_starts_its_toll_and_dates_no_other_period():
    # the whole of 2011 may be the start: a running total from a loose start
    assert find_period("The war, which began in 2011, has killed 5,000 people.", dt.date(2023, 3, 1)) == (
        dt.date(2011, 1, 1), dt.date(2023, 3, 1), "war, which began in 2011", dt.date(2011, 12, 31), "began")


@pytest.mark.parametrize("sentence, start, end, text, kind", [
    ("Some 12,000 people have crossed the border so far this year.", dt.date(2023, 1, 1), dt.date(2023, 3, 1),
     "so far this year", "since"),
    ("Last year, 410 aid workers were detained.", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "Last year", "span"),
    ("The militia that formed last year has killed 20 people.", None, dt.date(2023, 3, 1), None, None),
])
def test_this_year_and_last_year_are_placed_from_the_report_date(sentence, start, end, text, kind):
    assert find_period(sentence, dt.date(2023, 3, 1)) == (start, end, text, start, kind)


@pytest.mark.parametrize("sentence, start, text, kind", [
    ("Some 2,300 households left the valley this month.", dt.date(2023, 3, 1), "this month", "span"),
    ("This week alone, 41 fighters died.", dt.date(2023, 3, 6), "This week", "span"),
    ("So far this month 80 people have been detained.", dt.date(2023, 3, 1), "So far this month", "since"),
])
def test_this_month_and_this_week_run_from_their_first_day_to_the_report(sentence, start, text, kind):
    assert find_period(sentence, dt.date(2023, 3, 9)) == (start, dt.date(2023, 3, 9), text, start, kind)


def test_earlier_this_week_dates_an_event_and_makes_no_period():
    assert find_period("Earlier this week a shell killed 4 people.", dt.date(2023, 3, 9)).start is None


MONDAY = dt.date(2021, 3, 15)


@pytest.mark.parametrize("sentence, start, latest", [
    ("Since late January, 4,000 people have fled.", dt.date(2021, 1, 21), dt.date(2021, 1, 31)),
    ("Since the end of January, 4,000 people have fled.", dt.date(2021, 1, 21), dt.date(2021, 1, 31)),
    ("Since early December, 4,000 people have fled.", dt.date(2020, 12, 1), dt.date(2020, 12, 10)),
    ("Since December, 4,000 people have fled.", dt.date(2020, 12, 1), dt.date(2020, 12, 31)),
    ("Since 2019, 4,000 people have fled.", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    ("Since the start of the offensive in late January, 4,000 people have fled.",
     dt.date(2021, 1, 21), dt.date(2021, 1, 31)),
    ("Since the siege began in late January, 4,000 people have fled.", dt.date(2021, 1, 21), dt.date(2021, 1, 31)),
    ("Since the army retook the town in late January, 4,000 people have fled.",
     dt.date(2021, 1, 21), dt.date(2021, 1, 31)),
    ("Since 29 January, 4,000 people have fled.", dt.date(2021, 1, 29), dt.date(2021, 1, 29)),
    ("Since last week, 4,000 people have fled.", dt.date(2021, 3, 8), dt.date(2021, 3, 14)),
    ("Since the beginning of last week, 4,000 people have fled.", dt.date(2021, 3, 8), dt.date(2021, 3, 8)),
])
def test_a_loosely_given_start_is_a_window_and_a_running_total_runs_to_the_report(sentence, start, latest):
    period = find_period(sentence, MONDAY)
    assert (period.start, period.latest, period.end, period.kind) == (start, latest, MONDAY, "since")


def test_a_start_later_in_its_month_than_the_report_is_last_year_and_its_window_ends_by_the_report():
    # "since early March" in a report of 5 March: the window is cut at the report
    period = find_period("Since early March, 400 people have fled.", dt.date(2021, 3, 5))
    assert (period.start, period.latest) == (dt.date(2021, 3, 1), dt.date(2021, 3, 5))


@pytest.mark.parametrize("sentence, start, end", [
    ("Some 300 were killed in the week of 15 to 23 January.", dt.date(2021, 1, 15), dt.date(2021, 1, 23)),
    ("From 1-5 February, 300 were killed.", dt.date(2021, 2, 1), dt.date(2021, 2, 5)),
    ("Between late April and early December, 300 were killed.", dt.date(2020, 4, 21), dt.date(2020, 12, 10)),
    ("Last week 300 were killed.", dt.date(2021, 3, 8), dt.date(2021, 3, 14)),
    ("Last month 300 were killed.", dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
    ("Over the past two weeks, 300 were killed.", dt.date(2021, 3, 1), MONDAY),
    ("In the last 24 hours, 30 were killed.", dt.date(2021, 3, 14), MONDAY),
    ("In August last year, 300 were killed.", dt.date(2020, 8, 1), dt.date(2020, 8, 31)),
])
def test_a_bounded_period_has_both_ends(sentence, start, end):
    period = find_period(sentence, MONDAY)
    assert (period.start, period.end, period.kind) == (start, end, "span")


def test_a_whole_month_of_the_report_is_this_years_cut_at_the_report():
    # the month has begun by the report date, so it is not last year's (it once ended a year before it began)
    period = find_period("In March, 40 civilians were killed.", MONDAY)
    assert (period.start, period.end) == (dt.date(2021, 3, 1), MONDAY)


def test_a_day_of_the_month_is_not_read_from_the_count_after_it():
    period = find_period("Between late April and early December 40 died.", MONDAY)
    assert (period.start, period.end) == (dt.date(2020, 4, 21), dt.date(2020, 12, 10))


@pytest.mark.parametrize("sentence, text", [
    ("Since the war began, 380,000 people have been killed.", "Since the war began"),
    ("Since then, 3,000 more have died.", "Since then"),
    ("More than 900 people have died since the cyclone.", "since the cyclone"),
    ("Since the army's takeover, 210 protesters have been shot.", "Since the army's takeover"),
])
def test_a_start_without_a_date_keeps_its_words(sentence, text):
    assert find_period(sentence, MONDAY) == (None, MONDAY, text, None, "since")


@pytest.mark.parametrize("sentence", [
    "It was the deadliest attack since 2016, killing 44.",
    "It was the worst month this year, with 310 people killed.",
    "The agency in February said 300 people were killed.",  # a month that dates a statement
])
def test_a_comparison_or_a_statement_date_is_no_period(sentence):
    assert find_period(sentence, MONDAY) == (None, MONDAY, None, None, None)


def test_the_conflict_that_began_at_a_date_starts_its_toll():
    period = find_period("More than 9,000 people have died in the conflict, which began with protests in March 2011.",
                         MONDAY)
    assert (period.start, period.latest, period.end, period.kind) == (
        dt.date(2011, 3, 1), dt.date(2011, 3, 31), MONDAY, "began")


@pytest.mark.parametrize("sentence, start, latest, kind", [
    ("Since the start of the year, 900 people have fled.", dt.date(2021, 1, 1), dt.date(2021, 1, 1), "since"),
    ("Since mid-2019, 900 people have fled.", dt.date(2019, 5, 1), dt.date(2019, 8, 31), "since"),
    ("Since last month, 900 people have fled.", dt.date(2021, 2, 1), dt.date(2021, 2, 28), "since"),
    ("Earlier this year, 900 people fled.", dt.date(2021, 1, 1), dt.date(2021, 1, 1), "span"),
])
def test_starts_counted_from_the_report_date(sentence, start, latest, kind):
    period = find_period(sentence, MONDAY)
    assert (period.start, period.latest, period.kind) == (start, latest, kind)
