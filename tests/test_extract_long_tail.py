"""Less common ways reports state a count, each in sentences of our own."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.numbers import find_numbers

CONTEXT = ReportContext(published=dt.date(2023, 5, 2), publisher="Example Cluster")


def figures(text: str) -> list[tuple]:
    return [(c.metric, c.value, c.high, c.qualifier, c.population) for c in extract_claims(text, CONTEXT)]


def test_a_count_after_and_belongs_to_its_own_verb():
    assert figures("The cyclone killed 9 people and forced about 2,000 households from their homes.") == [
        ("killed", 9, None, "exact", "people"), ("displaced", 2000, None, "approximately", "people")]
    assert figures("Shelling killed 4 villagers and damaged some 30 houses.") == [("killed", 4, None, "exact", "people")]


@pytest.mark.parametrize("text, expected", [
    # people on the move, counted by the noun
    ("Kassala recorded 8,400 new arrivals over the weekend.", ("displaced", 8400, None, "exact", "people")),
    ("Some 15,000 departures were counted at the bus station.", ("displaced", 15000, None, "approximately", "people")),
    ("Over 210,000 displacements have been registered since March.", ("displaced", 210000, None, "more_than", "people")),
    ("Monitors tracked another 5,600 movements out of the city.", ("displaced", 5600, None, "exact", "people")),
    # reaching another country, by a verb of going or by the noun's destination
    ("Roughly 40,000 people have fled to Kenya.", ("refugees", 40000, None, "approximately", "people")),
    ("About 7,000 villagers have travelled to neighbouring Malawi.", ("refugees", 7000, None, "approximately", "people")),
    ("Officials logged 3,100 arrivals in Rwanda this month.", ("refugees", 3100, None, "exact", "people")),
    # on the way to a border not yet crossed
    ("Perhaps 60,000 people are heading towards the northern border.", ("displaced", 60000, None, "exact", "people")),
])
def test_people_on_the_move(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize("text", [
    "Some 5,000 residents have fled to Goma.",  # a town: displacement within the country
    "About 400 soldiers were moving towards the border.",  # troops are no one displaced
    "Roughly 9,000 people arrived in the camp on Monday.",  # arriving somewhere says nothing more
])
def test_going_somewhere_that_is_no_other_country(text):
    assert [f[0] for f in figures(text) if f[0] == "refugees"] == []
    assert figures(text) in ([], [("displaced", 5000, None, "approximately", "people")])


def test_counts_sharing_the_verb_before_them_by_their_destination():
    assert figures("Nearly 50,000 people have fled to Uganda, 22,000 to Kenya and 9,000 to Rwanda.") == [
        ("refugees", 50000, None, "approximately", "people"), ("refugees", 22000, None, "exact", "people"),
        ("refugees", 9000, None, "exact", "people")]


def test_counts_in_brackets_compared_after_names():
    assert [f[:2] for f in figures("Fewer displacements were logged in March (8,100) than in February (12,900).")] == [
        ("displaced", 8100), ("displaced", 12900)]


@pytest.mark.parametrize("text, expected", [
    # the group a count noun names in its "of" phrase
    ("The number of health workers killed this year is 87.", ("killed", 87, None, "exact", "civilians")),
    ("The toll among children has risen to 35.", ("killed", 35, None, "exact", "children")),
    ("The toll from the attacks on the camps rose to 35.", ("killed", 35, None, "exact", "people")),
    # a long subject, past a date
    ("The death toll in the province from the floods of 3 April climbed to 212.",
     ("killed", 212, None, "exact", "people")),
    # "could be" estimates a count; "could be displaced" would project one
    ("The number of dead may be as high as 9,000.", ("killed", 9000, None, "up_to", "people")),
    ("The number of dead could be between 2,000 and 3,000 civilians.", ("killed", 2000, 3000, "range", "civilians")),
    # the counted named before "including"
    ("Most of the wounded were men, including 60 police officers.", ("injured", 60, None, "exact", "people")),
    # a change, then the count it came to
    ("The toll rose by 8 to 27.", ("killed", 27, None, "exact", "people")),
])
def test_counts_linked_to_the_subject_that_names_them(text, expected):
    assert figures(text) == [expected]


def test_losses_and_casualties_count_the_dead_where_the_report_says_so():
    assert figures("At least 800 soldiers have died. Officials put the losses at 1,200.") == [
        ("killed", 800, None, "at_least", "soldiers"), ("killed", 1200, None, "exact", "people")]
    assert figures("The war took heavy human losses, estimated at 20,000.") == [
        ("killed", 20000, None, "approximately", "people")]
    # casualties beside the wounded, or with nothing said of them, are no count of the dead
    assert figures("Dozens were wounded and 3 killed. Casualties rose to 50.") == [
        ("injured", 12, None, "vague", "people"), ("killed", 3, None, "exact", "people")]
    assert figures("Officials put the losses at 1,200.") == []


def test_agents_and_describing_numbers_are_not_counted():
    assert figures("Two guards were killed by 6 gunmen.") == [("killed", 2, None, "exact", "people")]
    assert figures("A father of four was shot dead.") == [("killed", 1, None, "exact", "people")]
    assert figures("Seventeen were killed and 40 wounded when a car bomb went off.") == [
        ("killed", 17, None, "exact", "people"), ("injured", 40, None, "exact", "people")]


@pytest.mark.parametrize("written, value", [
    ("4,85,000", 485000),  # South Asian grouping
    ("2.417 million", 2417000),  # a decimal before a scale, not dots between thousands
    ("1.250.000", 1250000),
])
def test_numbers_written_in_other_ways(written, value):
    assert [n.value for n in find_numbers(f"Some {written} people were displaced.")] == [value]


def test_an_estimate_put_on_the_figure_before_counts_what_it_counts():
    assert figures("At least 19 people died in the stampede. A local paper put the figure at 31.") == [
        ("killed", 19, None, "at_least", "people"), ("killed", 31, None, "exact", "people")]
    assert figures("Some 4,000 people were uprooted by the floods, with aid groups putting the number at 6,500.") == [
        ("displaced", 4000, None, "approximately", "people"), ("displaced", 6500, None, "exact", "people")]
    assert figures("A local paper put the figure at 31.") == []  # no figure before it says what it counts


@pytest.mark.parametrize("text, expected", [
    ("The militia lost at least 14 fighters in the assault.", [("killed", 14, None, "at_least", "combatants")]),
    ("The team lost 3 games in a row.", []),
    ("Some 60 students were taken away by police.", [("detained", 60, None, "approximately", "civilians")]),
    ("Some 60 students were taken to hospital.", []),
])
def test_verbs_that_count_by_what_follows_them(text, expected):
    assert figures(text) == expected


def test_a_verbless_list_after_a_semicolon_or_a_copula_shares_the_figure_before():
    assert figures("Eleven people were killed in the raids; six fighters and five farmers.") == [
        ("killed", 11, None, "exact", "people"), ("killed", 6, None, "exact", "combatants"),
        ("killed", 5, None, "exact", "civilians")]
    assert figures("Seven of the dead were foreigners; they were three Danes and four Poles.") == [
        ("killed", 7, None, "exact", "people"), ("killed", 3, None, "exact", "people"),
        ("killed", 4, None, "exact", "people")]


def test_a_count_in_brackets_after_the_noun_it_counts():
    assert figures("Most of the deaths (61%, 2,140) were caused by shelling.") == [("killed", 2140, None, "exact", "people")]


def test_the_same_count_at_another_time():
    assert figures("The country hosts 900,000 refugees, down from a peak of over two-and-a-half million.") == [
        ("refugees", 900000, None, "exact", "people"), ("refugees", 2500000, None, "more_than", "people")]


@pytest.mark.parametrize("text, expected", [
    ("Troops opened fire on a lorry, killing its driver and three passengers.",
     [("killed", 1, None, "exact", "people"), ("killed", 3, None, "exact", "people")]),
    ("Militiamen abducted the headman and his four brothers.", [("detained", 4, None, "exact", "people")]),
    ("The strike killed a total of 41 people.", [("killed", 41, None, "exact", "people")]),
    ("Gunmen killed a family of six in their home.", [("killed", 6, None, "exact", "people")]),
    # a list after the count does not lend it the verb of the last member's clause
    ("The barrage killed 6 men near the well and 9 children were hurt.",
     [("killed", 6, None, "exact", "people"), ("injured", 9, None, "exact", "children")]),
])
def test_objects_of_a_metric_verb_before_them(text, expected):
    assert figures(text) == expected


def test_a_count_restated_in_brackets_takes_the_verb_after_them():
    assert figures("Some 2,100 households (about 10,500 people) were displaced by the clashes.") == [
        ("displaced", 2100, None, "approximately", "people"), ("displaced", 10500, None, "approximately", "people")]


def test_an_aside_in_brackets_in_the_subject_of_a_count():
    assert figures("The number of internally displaced persons (IDPs) now stands at 2.4 million.") == [
        ("displaced", 2400000, None, "exact", "people")]


def test_a_running_total_of_arrivals_counts_what_the_figure_before_counts():
    assert [f[:2] for f in figures("About 9,000 people crossed into Uganda this week, bringing the total number of "
                                   "arrivals since May to 61,000.")] == [("refugees", 9000), ("refugees", 61000)]
