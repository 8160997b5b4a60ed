"""What span of time each figure counts, read from its clause: incident, period, running total or stock."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

THURSDAY = dt.date(2021, 3, 11)
CONTEXT = ReportContext(published=THURSDAY, publisher="A news agency")


def types(text: str, context: ReportContext = CONTEXT) -> list[tuple[int, str]]:
    return [(claim.value, claim.count_type) for claim in extract_claims(text, context)]


@pytest.mark.parametrize("text, value", [
    ("A car bomb outside a bakery killed 9 people on Monday.", 9),  # an event noun as the cause, and a day
    ("The death toll from the ferry's sinking rose to 41.", 41),  # the toll of one event
    ("The toll has now climbed to 41, hospital staff said.", 41),  # a toll and nothing else: an incident's
    ("Eleven shoppers died when the roof of the mall collapsed.", 11),
    ("Gunmen opened fire at the checkpoint, killing 5 guards.", 5),
    ("Seventeen people were wounded.", 17),  # no cue at all: in war news most figures are incidents
])
def test_an_event_or_no_cue_makes_an_incident(text, value):
    assert types(text) == [(value, "incident")]


@pytest.mark.parametrize("text, value", [
    ("In March a single drone strike killed 14 wedding guests.", 14),
    ("In May two blasts at a checkpoint killed 30 soldiers.", 30),  # several blasts at once are one attack
    ("Last week a shipwreck off the coast drowned 60 migrants.", 60),
])
def test_a_single_event_inside_a_period_is_an_incident_of_that_period(text, value):
    assert types(text) == [(value, "incident")]


@pytest.mark.parametrize("text, value", [
    ("Between 3 and 19 February, 260 civilians were killed.", 260),
    ("Shelling killed 85 people in the week of 2 to 8 February.", 85),
    ("In January, air raids killed 300 people across the province.", 300),
    ("Last week 47 fighters died in clashes near the dam.", 47),
    ("In 2018, 1,100 people were detained.", 1100),
    ("Over the past ten days 6,000 people fled the district.", 6000),
    ("Some 2,300 families fled the valley this month.", 2300),
    ("This week alone, 41 fighters died in the clashes.", 41),
])
def test_a_bounded_period_without_a_single_event_makes_a_period(text, value):
    assert types(text) == [(value, "period")]


@pytest.mark.parametrize("text, value", [
    ("The fighting has displaced 70,000 people since 3 February.", 70000),
    ("Since the rebellion started, 12,000 have been killed.", 12000),  # a start the text does not date
    ("Since then, 3,000 more have died.", 3000),
    ("The civil conflict has killed more than 90,000 people.", 90000),  # a war's toll
    ("The siege has cost 800 lives, the council said.", 800),
    ("The insurgency, which erupted in 2014, has claimed 9,000 lives.", 9000),
    ("Nine more bodies were found, bringing the total to 412.", 412),
    ("More than 500,000 people have fled their homes.", 500000),  # displacement to date, no event to count it by
    ("Some 4,000 detainees have been released so far.", 4000),
])
def test_a_start_a_war_or_a_total_makes_a_running_total(text, value):
    assert (value, "cumulative") in types(text)


def test_a_war_that_only_qualifies_an_event_leaves_it_an_incident():
    assert types("The deadliest raid of the war killed 60 villagers.") == [(60, "incident")]
    assert types("The war's worst bombing killed 60 villagers.") == [(60, "incident")]


@pytest.mark.parametrize("text", [
    "Air raids killed 23 people, the war monitor said.",
    "Air raids killed 23 people, a war monitoring group said.",
    "Air raids killed 23 people in the war-torn province.",
])
def test_a_war_that_names_something_else_is_no_war(text):
    assert types(text) == [(23, "incident")]


def test_a_comparison_with_a_start_is_no_running_total():
    assert types("The blast, the deadliest since 2016, killed 44 people.") == [(44, "incident")]
    assert types("It was the worst month this year, with 310 people killed.") == [(310, "incident")]


@pytest.mark.parametrize("text, value", [
    ("Lebanon hosts 1.5 million refugees.", 1500000),
    ("Some 400,000 people remain displaced in the region.", 400000),
    ("Nearly 700,000 people remain internally displaced across the north.", 700000),
    ("At least 230 people are still missing.", 230),
    ("There are 9,000 detainees in the central prison.", 9000),
    ("The valley is home to 60,000 displaced people.", 60000),
    ("More than 2 million refugees are registered in the country.", 2000000),
    ("About 2,000 displaced families live in tents outside the town.", 2000),
])
def test_people_in_a_state_make_a_stock(text, value):
    assert types(text) == [(value, "stock")]


def test_a_state_word_before_a_flow_verb_does_not_make_a_stock():
    # "living" only tells where the people lived; the clause's verb is "were killed"
    assert types("Twenty families living in the block were killed by the blast.") == [(20, "incident")]
    # deaths and injuries are events, never states
    assert types("There are 40 wounded, doctors said.") == [(40, "incident")]


def test_each_clause_of_a_sentence_is_read_on_its_own():
    text = "The war has killed 300,000 people, while a strike on Tuesday killed 12."
    assert types(text) == [(300000, "cumulative"), (12, "incident")]


def test_an_undated_report_still_gives_count_types():
    undated = ReportContext()
    assert types("Since the rebellion started, 12,000 have been killed.", undated) == [(12000, "cumulative")]
    assert types("In January, air raids killed 300 people.", undated) == [(300, "period")]


def test_a_part_of_the_figure_before_counts_over_its_period():
    claims = extract_claims("At least 90 civilians were killed between 2 and 14 February. Twenty of those killed "
                            "were women.", CONTEXT)
    assert [(c.value, c.count_type, c.period_start, c.period_end) for c in claims] == [
        (90, "period", "2021-02-02", "2021-02-14"), (20, "period", "2021-02-02", "2021-02-14")]


def test_a_count_over_the_same_period_takes_the_period_before():
    claims = extract_claims("From 1 to 20 February, 9,000 people fled. Over the same weeks 120 were killed.", CONTEXT)
    assert [(c.value, c.count_type, c.period_start) for c in claims] == [
        (9000, "period", "2021-02-01"), (120, "period", "2021-02-01")]


def test_figures_of_one_sentence_follow_a_part_of_the_figure_before():
    claims = extract_claims("Since 4 January, 80,000 people have fled. Some 30,000 of the displaced are children "
                            "and 9,000 are women.", CONTEXT)
    assert [(c.value, c.count_type, c.period_start) for c in claims] == [
        (80000, "cumulative", "2021-01-04"), (30000, "cumulative", "2021-01-04"), (9000, "cumulative", "2021-01-04")]


@pytest.mark.parametrize("text, value", [
    ("Tens of thousands of villagers were streaming towards the border.", 10000),
    ("About 6,000 people have fled the valley.", 6000),
    ("The governor denied that any residents had fled the province.", 0),
])
def test_people_on_the_move_with_no_event_or_span_are_displaced_to_date(text, value):
    assert types(text) == [(value, "cumulative")]


def test_people_an_event_drives_out_are_an_incident():
    assert types("The flash flood displaced 300 families overnight.") == [(300, "incident")]
