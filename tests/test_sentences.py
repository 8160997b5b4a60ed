"""Sentence spans and whole-word finding: the scans every extraction starts from."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.en.places import find_places
from pipeline.extract.en.sentences import BOUNDARY
from pipeline.extract.sentences import sentence_spans, sentences_holding
from pipeline.extract.trie import WordFinder


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, BOUNDARY)]


def test_stops_line_breaks_and_abbreviations():
    text = ('Dr. Ahmed of the U.N. said 12 people died. J. Smith left! "Were 5 hurt?" Yes.\n'
            "Gen.\nA new line starts a sentence, even after an abbreviation")
    assert sentences(text) == [
        "Dr. Ahmed of the U.N. said 12 people died.",
        "J. Smith left!",
        '"Were 5 hurt?"',
        "Yes.",
        "Gen.",
        "A new line starts a sentence, even after an abbreviation",
    ]


def test_a_stop_before_a_lower_case_word_does_not_end_a_sentence():
    assert sentences("About 3.5 per cent. of them fled. Then more came.") == [
        "About 3.5 per cent. of them fled.", "Then more came."]


SENTENCE_TEXT = st.lists(st.sampled_from(
    ["Dr.", "U.N.", "A.", "killed", "12", "people", ".", "!", "?", "\n", " ", "“Quote.”", "Then", "e.g."]
), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(SENTENCE_TEXT, st.text(max_size=300)), st.data())
def test_sentences_holding_positions_are_the_sentences_around_them(text, data):
    positions = sorted(data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=8)))
    spans = list(sentence_spans(text, BOUNDARY))
    expected = []
    for position in positions:
        for span in spans:
            if span[0] <= position < span[1] and span not in expected:
                expected.append(span)
    found = [span for span in sentences_holding(text, BOUNDARY, positions)
             if any(span[0] <= position < span[1] for position in positions)]
    assert found == expected


def test_word_finder_finds_whole_words_only():
    killed = WordFinder.listing(["killed", "dead"])
    assert killed.spans("killed: 5 dead, unkilled, killed_x, dead-end") == [(0, 6), (10, 14), (36, 40)]
    assert killed.first("nobody died") is None
    assert killed.first("“dead” was the word") == (1, 5)
    assert killed.first("Dead") is None  # lists are matched as written


def test_word_finder_phrases_ending_in_space_leave_the_next_its_opening():
    anchors = WordFinder(r"said\s+|according\s+to\s+", whole=False)
    assert anchors.spans("he said according to OCHA") == [(3, 8), (8, 21)]


def test_places_inside_longer_names_are_not_found_again():
    text = "Shelling in northwest Syria hit Al-Bab and Idlib."
    assert [mention.text for mention in find_places(text)] == ["northwest Syria", "Al-Bab", "Idlib"]


WORDS = ["killed", "kill", "dead", "said", "half a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["x", " ", ",", "-", "_", "9", "\n", "é", "Killed"]), max_size=30).map("".join))
def test_word_finder_agrees_with_word_boundaries_on_ascii_text(text):
    """Where no non-ASCII letter touches a word, the scan finds exactly what \\b(...)\\b finds."""
    expected = [m.span() for m in re.finditer(r"\b(?:half a|killed|kill|dead|said)\b", text)
                if not re.search(r"é", text[max(0, m.start() - 1):m.end() + 1])]
    found = [span for span in WordFinder.listing(WORDS).spans(text)
             if not re.search(r"é", text[max(0, span[0] - 1):span[1] + 1])]
    assert found == expected


def test_military_and_civil_titles_do_not_end_a_sentence():
    text = "Brig. Gen. Ana Ruiz said 5 died. Gov. Tom Hale agreed."
    assert [text[a:b] for a, b in sentence_spans(text, BOUNDARY)] == ["Brig. Gen. Ana Ruiz said 5 died.", "Gov. Tom Hale agreed."]
