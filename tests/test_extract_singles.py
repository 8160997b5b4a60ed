"""Single victims: "a", "an" or "another" before a noun naming one person, under a cue, counts 1."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

CONTEXT = ReportContext(published=dt.date(2022, 3, 14), publisher="Example Monitor")


def figures(text: str) -> list[tuple]:
    return [(c.metric, c.value, c.qualifier, c.population) for c in extract_claims(text, CONTEXT)]


@pytest.mark.parametrize("text, expected", [
    # the single as the subject of a passive or of a verb of dying
    ("A shepherd was killed by a landmine near the village.", ("killed", 1, "exact", "people")),
    ("A detainee died in custody last week.", ("killed", 1, "exact", "people")),
    ("A nurse was found dead in her flat.", ("killed", 1, "exact", "civilians")),
    ("Another fisherman is missing after the boat sank.", ("missing", 1, "exact", "people")),
    ("An 8-year-old girl was wounded by shrapnel.", ("injured", 1, "exact", "children")),
    ("A member of the town council was shot dead outside his home.", ("killed", 1, "exact", "civilians")),
    ("On Friday a Kenyan was among the dead.", ("killed", 1, "exact", "people")),
    ("Sami Haddad, a teacher, was killed in the shelling.", ("killed", 1, "exact", "civilians")),
    # the single as the object of a metric verb before it
    ("Police said the explosion killed a worker at the depot.", ("killed", 1, "exact", "civilians")),
    ("Soldiers shot dead a teenager at the checkpoint.", ("killed", 1, "exact", "children")),
    ("Unknown men assassinated a judge in the capital.", ("killed", 1, "exact", "people")),
    ("The raid killed a local commander of the militia.", ("killed", 1, "exact", "combatants")),
    ("Militiamen abducted a teacher from her home.", ("detained", 1, "exact", "civilians")),
    # a possessive opening the object of a verb of killing, wounding or abduction
    ("A mortar round hit the minibus, killing its driver.", ("killed", 1, "exact", "people")),
    ("Gunmen abducted her husband at the market.", ("detained", 1, "exact", "people")),
    ("Rescuers recovered the body of a boy from the river.", ("killed", 1, "exact", "children")),
    # any noun where only a person can be meant: after a verb of killing or abduction, or before one
    ("Raiders beheaded a beekeeper outside the village.", ("killed", 1, "exact", "people")),
    ("A cobbler was shot dead near the bus stop.", ("killed", 1, "exact", "people")),
    ("An elderly weaver succumbed to her wounds on Friday.", ("killed", 1, "exact", "people")),
])
def test_a_singular_count_under_a_cue_is_a_claim_of_one(text, expected):
    assert figures(text) == [expected]


def test_one_person_taken_up_by_a_second_verb_has_both_metrics():
    assert figures("Gunmen kidnapped an engineer and later killed him.") == [
        ("detained", 1, "exact", "people"), ("killed", 1, "exact", "people")]


def test_a_list_of_singles_and_counts_gives_each_its_claim():
    assert figures("The shell killed a woman and two boys.") == [
        ("killed", 1, "exact", "women"), ("killed", 2, "exact", "children")]


def test_one_person_names_no_group_for_a_count_after_it():
    assert figures("The blast killed a woman and wounded 12.") == [
        ("killed", 1, "exact", "women"), ("injured", 12, "exact", "people")]


@pytest.mark.parametrize("text", [
    # no person counted, or more than one
    "A number of villagers were wounded.",
    "A group of farmers was detained at dawn.",
    "A man and his daughter were killed.",
    "The bombing killed his hopes of returning.",
    "The campaign took a heavy civilian toll.",
    # the single does the killing or is told of in another clause
    "The guards were killed by a gunman.",
    "A woman whose brother was killed spoke to reporters.",
    "A spokesman told a reporter that they had captured the town.",
    # one person displaced is not how displacement is counted
    "A farmer fled to the hills.",
    # after a verb of killing, things, animals and groups are no one
    "The committee killed a proposal on fuel prices.",
    "Shelling killed a donkey in the orchard.",
    "The army executed a planned withdrawal.",
])
def test_singles_that_are_no_claim_of_one(text):
    assert figures(text) == []


def test_the_agent_of_a_killing_is_not_counted():
    assert figures("A gunman killed a guard.") == [("killed", 1, "exact", "people")]
    assert figures("A suicide bomber killed at least 9 people.") == [("killed", 9, "at_least", "people")]


def test_a_date_in_may_is_a_month_not_a_modal_that_makes_a_projection():
    assert figures("On 21 May the body of a fisherman was found on the shore.") == [("killed", 1, "exact", "people")]
    assert figures("Shelling may kill 40 people a week.") == []
