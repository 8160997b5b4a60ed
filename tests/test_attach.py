"""The three places a metric cue can stand, and what stops a number being a figure."""
import re

import pytest

from pipeline.extract.en.attach import TOKEN, Attachment, attach


@pytest.mark.parametrize("before, after, expected", [
    ("", " civilians have been killed.", Attachment("killed", "civilians", "civilians")),
    ("Turkey hosts ", " Syrian refugees.", Attachment("refugees", None, "refugees")),
    ("with ", " wounded", Attachment("injured", None, "wounded")),
    ("The death toll rose to ", ".", Attachment("killed", None, None)),
    ("The attack claimed the lives of ", " children.", Attachment("killed", "children", "children")),
    ("", " others injured.", Attachment("injured", "people", "others")),
    ("", " Hezbollah fighters were killed.", Attachment("killed", "soldiers", "fighters")),
])
def test_a_cue_ties_the_number_to_a_metric(before, after, expected):
    assert attach(before, after) == expected


@pytest.mark.parametrize("before, after", [
    ("The offensive surrounded ", " Turkish observation posts."),
    ("Jets carried out ", " airstrikes, killing people."),
    ("The ceasefire held for ", " days."),
])
def test_counts_of_things_are_not_figures(before, after):
    assert attach(before, after) is None


def test_a_count_with_its_noun_left_out_follows_the_figure_before_it():
    previous = Attachment("killed", "civilians", "civilians")
    assert attach("21 civilians were killed: 15 in Manbij and another ", " in Al-Tukhar.", previous) == \
        Attachment("killed", None, None)
    assert attach("killed 30 civilians, including ", " children.", previous) == \
        Attachment("killed", "children", "children")


@pytest.mark.parametrize("text", [
    "Jaysh al-Izza's 4 fighters, (1,200.5) — “quoted” & • listed; O’Brien: 12,000-15,000 ٣٤ men.",
    "-' ’x9,.a , 7a a7 -- ..1 ’’ İK k",
])
def test_tokens_are_those_of_the_plain_alternation(text):
    # TOKEN is written to let `re` scan ahead; it must split text as the plain pattern does
    plain = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[,;:()\"“”&—–•]")
    for start in range(len(text)):
        for end in (start + 5, start + 23, len(text)):
            assert TOKEN.findall(text, start, end) == plain.findall(text, start, end)
