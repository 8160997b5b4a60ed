"""Counts carried from one sentence to the next, in sentences of our own."""
import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims

CONTEXT = ReportContext(published=dt.date(2022, 8, 1), publisher="Example Agency")


def figures(text: str) -> list[tuple]:
    return [(c.metric, c.value, c.qualifier, c.population) for c in extract_claims(text, CONTEXT)]


@pytest.mark.parametrize("text, expected", [
    # an object pronoun after a cue of the next sentence
    ("Militiamen seized 6 truck drivers on the highway. Two days later they shot them.", []),
    ("Militiamen seized 6 truck drivers on the highway. Two days later they executed them.",
     [("killed", 6, "exact", "people")]),
    # a subject in the passive, or of a verb that tells of it
    ("Some 40 miners were trapped underground. They are all presumed dead.",
     [("killed", 40, "approximately", "people")]),
    ("Rebels captured 11 policemen at the checkpoint. They were later beheaded.",
     [("detained", 11, "exact", "people"), ("killed", 11, "exact", "people")]),
    ("Roughly 2,000 households reached the camp on Sunday. They fled shelling in the hills.",
     [("displaced", 2000, "approximately", "people")]),
    # a definite noun naming the dead
    ("Unknown gunmen kidnapped 3 herders on Friday. Their bodies were found in a ditch.",
     [("detained", 3, "exact", "people"), ("killed", 3, "exact", "people")]),
    ("A patrol lost contact with 7 soldiers. The bodies were recovered a week later.",
     [("killed", 7, "exact", "soldiers")]),
])
def test_a_count_taken_up_by_a_pronoun_or_noun_takes_the_new_metric(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, killed", [
    # the pronoun does the killing (the guard and the teachers are counted in their own sentence)
    ("Police detained 8 men at the market. They had killed a guard, police said.", [("killed", 1, "exact", "people")]),
    ("Troops surrounded 15 fighters in the school. They are accused of killing two teachers.",
     [("killed", 2, "exact", "civilians")]),
    # the count before is not one count of people
    ("Gunmen seized 4 guards and 2 cooks. They later killed them.", []),
    ("Gunmen burned 12 houses in the village. They later killed them.", []),
])
def test_no_count_is_taken_up_where_none_is_referred_to(text, killed):
    assert [f for f in figures(text) if f[0] == "killed"] == killed


@pytest.mark.parametrize("text, expected", [
    ("Floods have killed 31 people. Of these, 12 were children.",
     [("killed", 31, "exact", "people"), ("killed", 12, "exact", "children")]),
    ("Shelling wounded 64 civilians on Monday. Among them are 9 women.",
     [("injured", 64, "exact", "civilians"), ("injured", 9, "exact", "women")]),
    ("The quake killed 230 people. The victims included 41 pupils of one school.",
     [("killed", 230, "exact", "people"), ("killed", 41, "exact", "civilians")]),
    ("The authorities counted 17 dead in the first hours. This later rose to 25.",
     [("killed", 17, "exact", "people"), ("killed", 25, "exact", "people")]),
])
def test_a_sentence_pointing_back_counts_under_the_metric_before_it(text, expected):
    assert figures(text) == expected


def test_fragments_without_a_verb_go_on_counting():
    found = figures("Around 90,000 people have been displaced by the fighting. That is nearly 18,000 families. "
                    "More than 41,000 children. Some 22,000 women.")
    assert found == [("displaced", 90000, "approximately", "people"), ("displaced", 18000, "approximately", "people"),
                     ("displaced", 41000, "more_than", "children"), ("displaced", 22000, "approximately", "women")]


def test_a_fragment_counting_families_counts_households():
    text = "Around 90,000 people have been displaced by the fighting. That is nearly 18,000 families."
    claims = extract_claims(text, CONTEXT)
    assert [(claim.value, claim.unit) for claim in claims] == [(90000, "people"), (18000, "households")]


@pytest.mark.parametrize("text", [
    # a number left over after a report, and a sentence with a verb of its own
    "The blast killed 14 people near the market, police said. 212-11",
    "The blast killed 14 people near the market. 30 students sat their exams the next day.",
    # figures of two metrics before: which one goes on is not said
    "The blast killed 14 people and wounded 30. Of these, 6 are children.",
])
def test_sentences_that_do_not_go_on_counting(text):
    assert [f[1] for f in figures(text) if f[1] not in (14, 30)] == []
