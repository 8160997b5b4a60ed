"""When an incident happened, as its text dates it, placed against the report date."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

THURSDAY = dt.date(2021, 3, 11)
CONTEXT = ReportContext(published=THURSDAY, publisher="A news agency")


def dated(text: str, context: ReportContext = CONTEXT) -> list[tuple]:
    return [(claim.value, claim.count_type, claim.event_date, claim.date_precision)
            for claim in extract_claims(text, context)]


@pytest.mark.parametrize("text, day", [
    ("A mortar round killed 4 people on Tuesday.", "2021-03-09"),
    ("A mortar round killed 4 people on Thursday.", "2021-03-11"),  # the report's own weekday is that day
    ("A mortar round killed 4 people last Thursday.", "2021-03-04"),  # "last": the one before
    ("Tuesday's mortar attack killed 4 people.", "2021-03-09"),
    ("A mortar round killed 4 people late on Monday night.", "2021-03-08"),
    ("A mortar round killed 4 people yesterday.", "2021-03-10"),
    ("A mortar round killed 4 people overnight.", "2021-03-10"),
    ("A mortar round killed 4 people this morning.", "2021-03-11"),
    ("A mortar round killed 4 people three days ago.", "2021-03-08"),
    ("A mortar round killed 4 people earlier in the day.", "2021-03-11"),
    ("On 2 March a mortar round killed 4 people.", "2021-03-02"),
    ("A mortar round killed 4 people on March 2.", "2021-03-02"),
])
def test_a_day_the_text_gives_is_placed_from_the_report_date(text, day):
    assert dated(text) == [(4, "incident", day, "day")]


def test_a_retrospective_mention_keeps_its_own_date():
    # a day after the report's in the calendar is the year before; an earlier month of the year is this year's
    assert dated("A similar bombing on 20 March killed 31 people.") == [(31, "incident", "2020-03-20", "day")]
    assert dated("On 14 January a strike on a school killed 8 pupils.") == [(8, "incident", "2021-01-14", "day")]


@pytest.mark.parametrize("text, day, precision", [
    ("A raid on the village last week killed 12 farmers.", "2021-03-01", "week"),
    ("A raid on the village earlier this week killed 12 farmers.", "2021-03-08", "week"),
    ("Raids on Saturday and Sunday killed 12 farmers.", "2021-03-06", "week"),
    ("Raids over the weekend killed 12 farmers.", "2021-03-06", "week"),  # the weekend before a Thursday
    ("A raid on the village last weekend killed 12 farmers.", "2021-03-06", "week"),
    ("On 4 and 5 March a raid on the village killed 12 farmers.", "2021-03-04", "week"),
    ("A raid on the village last month killed 12 farmers.", "2021-02-01", "month"),
    ("In early February a raid on the village killed 12 farmers.", "2021-02-01", "month"),
    ("In February a raid on the village killed 12 farmers.", "2021-02-01", "month"),
])
def test_a_wider_window_is_its_first_day_with_its_width(text, day, precision):
    assert dated(text) == [(12, "incident", day, precision)]


@pytest.mark.parametrize("text", [
    "A raid on the village killed 12 farmers.",  # no date at all
    "A raid on the weekend market killed 12 farmers.",  # "weekend" naming a market, not a time
    "In 2019 a raid on the village killed 12 farmers.",  # a year is wider than a month
    "A raid on the village killed 12 farmers, the governor said on Wednesday.",  # when it was said
    "The governor on Wednesday said a raid on the village killed 12 farmers.",
    "Published 10 March 2021. A raid on the village killed 12 farmers.",
])
def test_without_a_date_of_the_event_the_report_date_stands_in(text):
    assert dated(text)[-1] == (12, "incident", "2021-03-11", "unknown")


def test_a_date_of_what_happened_after_a_reporting_verb_still_counts():
    assert dated("Twelve farmers were reported killed on Wednesday.") == [(12, "incident", "2021-03-10", "day")]


def test_an_undated_report_gives_no_date_but_keeps_the_words():
    [claim] = extract_claims("A mortar round killed 4 people on Tuesday.", ReportContext())
    assert (claim.count_type, claim.event_date, claim.date_precision, claim.period_text) == (
        "incident", None, None, "Tuesday")
    [claim] = extract_claims("On 2 March 2021 a mortar round killed 4 people.", ReportContext())
    assert (claim.event_date, claim.date_precision) == (None, None)


def test_only_incidents_have_event_dates():
    for claim in extract_claims("Since 1 February, 3,000 people have fled. Lebanon hosts 1.5 million refugees. "
                                "Between 1 and 9 March, 40 were killed.", CONTEXT):
        assert (claim.event_date, claim.date_precision) == (None, None), claim
        assert claim.count_type != "incident"


def test_an_incident_has_no_period_start_and_counts_as_of_the_report():
    [claim] = extract_claims("In February a raid on the village killed 12 farmers.", CONTEXT)
    assert (claim.period_start, claim.period_start_latest, claim.period_end, claim.period_text) == (
        None, None, "2021-03-11", "In February")


def test_an_undated_figure_that_goes_on_about_the_event_before_takes_its_date():
    claims = extract_claims("A barrel bomb hit the market on Sunday, killing 14. Among the dead were 5 children. "
                            "The attack also wounded 40 people.", CONTEXT)
    assert [(c.value, c.event_date, c.date_precision) for c in claims] == [
        (14, "2021-03-07", "day"), (5, "2021-03-07", "day"), (40, "2021-03-07", "day")]


@pytest.mark.parametrize("second", [
    "Elsewhere, 6 people died in the shelling.",  # another place
    "A second bomb killed 6 people.",  # another event
    "A day after the attack, 6 people died in the shelling.",  # another day
])
def test_a_figure_that_tells_of_another_event_does_not_take_the_date_before(second):
    claims = extract_claims(f"A barrel bomb hit the market on Sunday, killing 14. {second}", CONTEXT)
    assert [(c.value, c.event_date, c.date_precision) for c in claims] == [
        (14, "2021-03-07", "day"), (6, "2021-03-11", "unknown")]


@pytest.mark.parametrize("text", [
    "The shells landed in the Maysalun district, killing 4 people.",  # "May" opens a name, not a month
    "A blast at the checkpoint killed 4 martyrs and wounded 13.",  # "4 Mar" is no date
    "Two soldiers were killed in separate attacks, leaving 4 people dead.",  # "in sep" neither
])
def test_a_month_is_a_whole_word(text):
    assert all(claim.date_precision == "unknown" for claim in extract_claims(text, CONTEXT))


def test_a_date_said_of_a_statement_leaves_none_of_its_days():
    # "on Friday and Saturday" dates what the monitor said; its "Saturday" dates nothing either
    assert dated("The monitor said on Friday and Saturday that 13 civilians died.") == [
        (13, "incident", "2021-03-11", "unknown")]


@pytest.mark.parametrize("text, day, precision", [
    ("A mortar round killed 4 people the day before yesterday.", "2021-03-09", "day"),
    ("A mortar round killed 4 people two weeks ago.", "2021-02-25", "week"),
    ("A mortar round killed 4 people earlier today.", "2021-03-11", "day"),
])
def test_days_counted_back_from_the_report(text, day, precision):
    assert dated(text) == [(4, "incident", day, precision)]
