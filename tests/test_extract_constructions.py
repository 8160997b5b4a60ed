"""Each sentence construction the extractor reads, shown in sentences of our own.

Every rule in pipeline/extract/en/attach.py and phrases.py has a case here: the
counted phrase may be any noun, and the metric may stand in the phrase, in its
clause's verb, before the number, or in a field label.
"""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

CONTEXT = ReportContext(published=dt.date(2021, 6, 9), publisher="Example Wire")


def figures(text: str) -> list[tuple]:
    return [(c.metric, c.value, c.high, c.qualifier, c.population) for c in extract_claims(text, CONTEXT)]


@pytest.mark.parametrize("text, expected", [
    # any group of people can be counted, not only the nouns of a list
    ("Two shepherds were killed when a mine went off near the pasture.", ("killed", 2, None, "exact", "people")),
    ("5 Liwa al-Fatah fighters died in the ambush.", ("killed", 5, None, "exact", "combatants")),
    ("The explosion killed 4 members of a single household.", ("killed", 4, None, "exact", "people")),
    ("Three elderly fishermen drowned off the coast.", ("killed", 3, None, "exact", "people")),
    ("Eleven Nepali workers were injured at the depot.", ("injured", 11, None, "exact", "civilians")),
    # the verb far from the number, past an aside
    ("Around 40,000 residents, many of them elderly, have fled since Friday.",
     ("displaced", 40000, None, "approximately", "people")),
    ("Some 900 villagers, the agency said, were evacuated.", ("displaced", 900, None, "approximately", "people")),
    # past a place or a relative clause
    ("About 8,000 people from the villages along the river have been uprooted.",
     ("displaced", 8000, None, "approximately", "people")),
    ("Twelve students who had joined the march were arrested.", ("detained", 12, None, "exact", "civilians")),
    # a verb group of several words
    ("At least 15 guards were rounded up and executed.", ("killed", 15, None, "at_least", "people")),
    ("Nine hikers are now feared dead.", ("killed", 9, None, "exact", "people")),
    ("Seven crew members were found shot to death.", ("killed", 7, None, "exact", "people")),
    ("Fourteen sailors remain unaccounted for.", ("missing", 14, None, "exact", "soldiers")),
    ("Some 2,000 families were left homeless by the storm.", ("displaced", 2000, None, "approximately", "people")),
    ("Three aid workers were taken hostage.", ("detained", 3, None, "exact", "civilians")),
    ("Six of the passengers were in critical condition.", ("injured", 6, None, "exact", "people")),
    # subjects of linking verbs and tolls
    ("The count of people displaced since March has reached 48,000.",
     ("displaced", 48000, None, "exact", "people")),
    ("The death toll climbed to 63.", ("killed", 63, None, "exact", "people")),
    ("Confirmed deaths from the outbreak passed 2,500.", ("killed", 2500, None, "more_than", "people")),
    # fields and bullets
    ("• Wounded: at least 17 civilians", ("injured", 17, None, "at_least", "civilians")),
    ("Dead — over 30", ("killed", 30, None, "more_than", "people")),
    ("Displaced: 6,200 (estimate)", ("displaced", 6200, None, "approximately", "people")),
    # ranges and abbreviations
    ("Between 40 and 75 villagers were killed.", ("killed", 40, 75, "range", "people")),
    ("Officials said 8,000 to 10,000 people had fled.", ("displaced", 8000, 10000, "range", "people")),
    ("Officials said 8,000-10,000 people had fled.", ("displaced", 8000, 10000, "range", "people")),
    ("Either four or five guards died.", ("killed", 4, 5, "range", "people")),
    ("1.4mn have left the country.", ("refugees", 1400000, None, "exact", "people")),
    # crossing a border or fleeing abroad is leaving the country; fleeing alone is displacement
    ("Close to 300,000 have fled to neighbouring countries since May.",
     ("refugees", 300000, None, "approximately", "people")),
    ("Some 2,500 residents fled across the border overnight.", ("refugees", 2500, None, "approximately", "people")),
    ("Some 2,500 residents fled across the valley overnight.", ("displaced", 2500, None, "approximately", "people")),
    ("Nearly 9,000 villagers crossed into Uganda overnight.", ("refugees", 9000, None, "approximately", "people")),
    ("About 600 families have crossed the border since the shelling began.",
     ("refugees", 600, None, "approximately", "people")),
    ("The floods displaced 250K people.", ("displaced", 250000, None, "exact", "people")),
    ("Over 3 dozen were wounded.", ("injured", 36, None, "more_than", "people")),
    # vague quantities
    ("Scores were wounded in the stampede.", ("injured", 20, None, "vague", "people")),
    ("Hundreds of thousands have fled.", ("displaced", 100000, None, "vague", "people")),
    # other forms of death and capture
    ("Police recovered the bodies of four men.", ("killed", 4, None, "exact", "people")),
    ("The capture of 2 pilots was confirmed.", ("detained", 2, None, "exact", "people")),
    ("The ministry said 87 of its soldiers had been killed.", ("killed", 87, None, "exact", "soldiers")),
    ("At least a dozen people lost their lives.", ("killed", 12, None, "at_least", "people")),
    ("Burundi hosts at least 9,000 asylum seekers.", ("refugees", 9000, None, "at_least", "people")),
])
def test_a_metric_cue_governing_the_counted_phrase_makes_a_figure(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize("text", [
    # counts of things
    "Rebels fired 40 rockets at the town, killing civilians.",
    "Two attacks include the one that killed the governor.",
    "Three schools sheltering families were hit.",
    "The blast destroyed 12 cars.",
    # dates, ages, rates, differences, projections, plans
    "In January, 2021 saw the worst fighting.",
    "A 9-year-old girl was killed.",
    "The clashes kill about 30 people a week.",
    "This year 4,000 more people died than last year.",
    "The offensive could displace 1 million people.",
    "Up to 300,000 people could be forced to flee.",
    "The agency plans to evacuate 5,000 people.",
    "Thousands of deaths could be prevented.",
    # numbers that describe rather than count
    "She was one of those killed in the raid.",
    "It was one of the deadliest attacks of the war.",
    "The town had a population of 10,000 before the war.",
    "The agency delivered food to 1.2 million people.",
    # a verb before a comma belongs to another clause
    "When the police came, hundreds marched to the station.",
    # agents, not victims
    "5 gunmen killed a guard.",
    # armed men who cross a border are no refugees, nor are vehicles
    "Around 300 troops crossed into the buffer zone.",
    "Some 25 lorries crossed the border at dawn.",
])
def test_numbers_a_cue_does_not_govern_are_not_figures(text):
    assert [f for f in figures(text) if f[1] not in (1,)] == []


def test_a_list_of_counts_shares_its_verb():
    assert figures("31 Afghans, 12 Pakistanis and 4 Iranians were detained.") == [
        ("detained", 31, None, "exact", "people"), ("detained", 12, None, "exact", "people"),
        ("detained", 4, None, "exact", "people")]
    assert figures("Six guards and nine inmates were hurt.") == [
        ("injured", 6, None, "exact", "people"), ("injured", 9, None, "exact", "people")]


def test_a_group_named_without_a_count_does_not_break_the_list():
    assert figures("Four policemen and soldiers were killed.") == [("killed", 4, None, "exact", "people")]


def test_a_subset_in_an_aside_is_a_claim_of_its_own():
    assert figures("Eight civilians, including three children, were killed.") == [
        ("killed", 8, None, "exact", "civilians"), ("killed", 3, None, "exact", "children")]


@pytest.mark.parametrize("text, expected", [
    ("Twelve villagers including women and children were wounded.", [("injured", 12, None, "exact", "people")]),
    ("5 guards including a sergeant were abducted.",
     [("detained", 5, None, "exact", "people"), ("detained", 1, None, "exact", "soldiers")]),
])
def test_a_subset_named_without_a_count_leaves_the_count_its_verb(text, expected):
    assert figures(text) == expected


def test_a_subset_does_not_take_the_verb_of_a_later_count():
    assert figures("There were 20 dead including 6 children and dozens more wounded.") == [
        ("killed", 20, None, "exact", "people"), ("killed", 6, None, "exact", "children"),
        ("injured", 12, None, "vague", "people")]


def test_a_count_named_once_takes_both_metrics():
    assert figures("Militiamen abducted 5 farmers and later killed them.") == [
        ("detained", 5, None, "exact", "civilians"), ("killed", 5, None, "exact", "civilians")]


def test_counts_in_brackets_after_names_take_the_metric_of_the_sentence():
    found = figures("Most of those displaced went to Afrin (1,300), Azaz (700) and Jarablus (250).")
    assert [(f[0], f[1]) for f in found] == [("displaced", 1300), ("displaced", 700), ("displaced", 250)]
    assert figures("Killed in the week: none. Comments (180)") == []


def test_part_of_the_figure_just_before():
    # the one is a nurse: the group a coder codes for nurses
    assert figures("The blast killed two people, one of them a nurse.") == [
        ("killed", 2, None, "exact", "people"), ("killed", 1, None, "exact", "civilians")]


def test_a_running_total_continues_the_figure_before_it():
    assert [f[:2] for f in figures("The ministry reported 19 new deaths, bringing the total to 830.")] == [
        ("killed", 19), ("killed", 830)]


def test_an_elided_count_follows_only_the_figure_right_before_it():
    assert [f[:2] for f in figures("At least 40 people died, while casualties rose to 900 in the north "
                                   "and about 20 in the south.")] == [("killed", 40)]


def test_a_past_form_right_after_a_count_is_its_verb():
    assert figures("Of the 60 people aboard, 41 survived and 19 drowned.") == [("killed", 19, None, "exact", "people")]


def test_in_may_is_a_month_not_a_projection():
    assert figures("A bombing in the capital killed at least 12 people in May.") == [
        ("killed", 12, None, "at_least", "people")]


def test_the_same_figure_named_for_two_groups_is_two_claims():
    found = figures("Two soldiers were killed. Two Britons were also killed.")
    assert sorted(f[4] for f in found) == ["people", "soldiers"]


def test_headline_lists_without_verbs_between():
    # a count with its noun left out takes the group named next to it, as the labels code it
    assert figures("14 civilians killed 40 injured in shelling") == [
        ("killed", 14, None, "exact", "civilians"), ("injured", 40, None, "exact", "civilians")]


def test_a_running_total_takes_the_metric_it_names():
    found = figures("Clashes forced 5,000 families to flee, bringing the total number of IDPs in the district "
                    "to nearly 90,000.")
    assert [(f[0], f[1]) for f in found] == [("displaced", 5000), ("displaced", 90000)]


def test_the_people_counted_named_before_a_list():
    assert [(f[0], f[1], f[4]) for f in figures("Among the dead were a teacher, three of his sons and two guards.")] \
        == [("killed", 1, "civilians"), ("killed", 3, "people"), ("killed", 2, "people")]
    assert [(f[0], f[1], f[4]) for f in figures("Those killed in the two raids include 9 children and 3 women.")] == [
        ("killed", 9, "children"), ("killed", 3, "women")]


def test_a_metric_word_modifying_a_noun_in_a_place_is_no_verb():
    assert figures("The blast wounded 30 others at a camp where displaced families live.") == [
        ("injured", 30, None, "exact", "people")]


def test_a_copula_names_the_group_counted():
    assert [(f[0], f[1], f[4]) for f in figures("Some 48,000 of the displaced are children and more than "
                                                "9,000 are women.")] == [
        ("displaced", 48000, "children"), ("displaced", 9000, "women")]
    assert [(f[0], f[1], f[4]) for f in figures("Twelve of those killed were children.")] == [
        ("killed", 12, "children")]
    assert [(f[0], f[1], f[4]) for f in figures("Of the wounded, 30 were women.")] == [("injured", 30, "women")]


def test_a_period_belongs_to_the_clause_it_stands_in():
    [claim] = extract_claims("Jordan, which hosts 650,000 refugees, has kept the crossing closed since 2018.", CONTEXT)
    assert (claim.period_start, claim.period_text) == (None, None)
    [claim] = extract_claims("Since 2018 the war has killed 12,000 people.", CONTEXT)
    assert claim.period_start == "2018-01-01"


def test_a_list_of_labelled_fields():
    text = ("Key figures\n- People killed: 1,240\n- Injured — 3,512\n- IDPs (since January): 87,400\n"
            "- Children among the dead: 312\n- Missing: 54\n- Schools damaged: 40\n")
    assert [(f[0], f[1], f[4]) for f in figures(text)] == [
        ("killed", 1240, "people"), ("injured", 3512, "people"), ("displaced", 87400, "people"),
        ("killed", 312, "children"), ("missing", 54, "people")]


def test_a_metric_verb_after_and_belongs_to_the_next_count_when_another_verb_governs_this_one():
    assert figures("Floods have affected an estimated 80,000 people and displaced 12,400 in the valley.") == [
        ("displaced", 12400, None, "exact", "people")]
    assert figures("Medics reached 30 villagers and 7 were wounded.") == [("injured", 7, None, "exact", "people")]



def test_groups_named_by_a_capitalised_noun_in_a_list_share_the_verb_before_them():
    assert [f[:2] for f in figures("Troops detained 14 Hazaras, 9 Tajiks and 3 Uzbeks.")] == [
        ("detained", 14), ("detained", 9), ("detained", 3)]


def test_a_lower_case_count_after_and_is_not_taken_into_the_list():
    assert [f[:2] for f in figures("The blast killed 5 guards and destroyed two cannons and two heavy guns.")] == [
        ("killed", 5)]


def test_fleeing_abroad_in_a_relative_clause_leaves_the_count_to_its_main_verb():
    assert figures("Hundreds of students who fled abroad last year have been forced to return.") == [
        ("returned", 100, None, "vague", "civilians")]



def test_a_group_a_copula_names_after_a_share_of_the_count_is_not_the_counts_group():
    assert figures("Some 70 per cent of the 2.4 million displaced are women and children.") == [
        ("displaced", 2400000, None, "exact", "people")]


@pytest.mark.parametrize("text, expected", [
    ("The siege has driven 45,000 people from their homes.", ("displaced", 45000, None, "exact", "people")),
    ("Militias chased 600 families out of their homes.", ("displaced", 600, None, "exact", "people")),
    ("The war has killed 9,000 people and driven thousands from their homes.",
     ("displaced", 1000, None, "vague", "people")),
])
def test_people_driven_from_their_homes_are_displaced(text, expected):
    assert expected in figures(text)


def test_people_taken_from_their_homes_by_another_verb_are_not_displaced():
    assert figures("Gunmen dragged 12 men from their homes at night.") == []


def test_a_subset_that_names_its_own_metric_keeps_it():
    assert figures("Officials said 900 people including 35 wounded had crossed the border.") == [
        ("refugees", 900, None, "exact", "people"), ("injured", 35, None, "exact", "people")]


@pytest.mark.parametrize("text, expected", [
    ("About a third of the 9,000 villagers have fled to the hills.", []),
    ("Two of the 30 miners died in the collapse.", [("killed", 2, None, "exact", "people")]),
    # the whole counted where its noun names what befell it, or all of it is counted
    ("Most of the 3,000 displaced are children.", [("displaced", 3000, None, "exact", "people")]),
    ("All of the 8 crew were killed.", [("killed", 8, None, "exact", "people")]),
])
def test_a_share_of_a_group_leaves_the_group_size_uncounted(text, expected):
    assert figures(text) == expected


def test_a_relative_clause_in_the_subject_of_a_linking_verb_tells_of_those_counted():
    assert figures("The number of refugees who have reached the island this year now stands at 7,300.") == [
        ("refugees", 7300, None, "exact", "people")]


def test_people_at_risk_of_what_may_befall_them_are_not_counted():
    assert figures("Another 80,000 residents are at risk of displacement as the river rises.") == []


def test_the_list_of_those_counted_says_what_happened_to_them():
    # the list names the metric; the counted noun only who they were
    assert figures("The dead included 14 evacuees, 5 of whom were women.") == [
        ("killed", 14, None, "exact", "people"), ("killed", 5, None, "exact", "women")]
    assert figures("Among the dead were 3 refugees from the camp.") == [("killed", 3, None, "exact", "people")]


def test_a_metric_noun_in_a_phrase_after_the_counted_people_is_no_verb():
    assert figures("The remains of 4 men with stab wounds were found in a field.") == [
        ("killed", 4, None, "exact", "people")]


@pytest.mark.parametrize("text, expected", [
    ("Thirty villagers working in the fields were wounded by shelling.", ("injured", 30, None, "exact", "people")),
    ("Five children playing near the school died in the blast.", ("killed", 5, None, "exact", "children")),
    ("Eight farmers, tending their orchards, were shot dead.", ("killed", 8, None, "exact", "civilians")),
])
def test_a_participle_telling_who_the_counted_were_leaves_the_count_to_the_main_verb(text, expected):
    assert expected in figures(text)
