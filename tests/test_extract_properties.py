"""Property tests: the extractor never raises, and every span it reports is honest."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.numbers import find_numbers

CONTEXT = ReportContext(published=dt.date(2020, 2, 16), publisher="OCHA", location="Idlib")
FIGURE_WORDS = st.sampled_from([
    "killed", "wounded", "displaced", "fled", "refugees", "people", "civilians", "children", "more than",
    "at least", "about", "between", "and", "since 1 December", "in Idlib", "according to OCHA", "denied",
    "any", "1,800", "900 000", "3.6m", "1.5 million", "twelve", "dozens", "tens of thousands", "12-year-old",
    "2019", "40%", "$5", "-", ",", ".", "\n", "“", "”", "0", "99999999999999999999999", "half a million",
    "1.800.000 million", "900 000 million", "12 000bn", "5,000,000,000,000", "35+", "35-40", "3.5.2020",
])
FIGURE_TEXT = st.lists(FIGURE_WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=2000), FIGURE_TEXT,
                     st.builds(lambda a, b: a + b, FIGURE_TEXT, st.text(max_size=200)))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_extractor_never_raises_and_spans_hold_their_numbers(text):
    for claim in extract_claims(text, CONTEXT):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.quote
        assert claim.number_text in claim.quote
        assert text[claim.number_start:claim.number_start + len(claim.number_text)] == claim.number_text
        assert claim.value >= 0 and (claim.high is None or claim.high >= claim.value)


@SETTINGS
@given(ANY_TEXT)
def test_extraction_is_deterministic(text):
    assert extract_claims(text, CONTEXT) == extract_claims(text, CONTEXT)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_number_reader_never_raises_on_mixed_scripts(text):
    for number in find_numbers(text):
        assert text[number.start:number.end] == number.text


def test_very_long_line_and_huge_numbers_are_handled():
    text = ("More than 1,800 civilians have been killed, " * 20000) + "9" * 5000 + " people fled."
    claims = extract_claims(text, CONTEXT)
    assert claims and all(text[c.start:c.end] == c.quote for c in claims)


def test_truncated_sentences_give_claims_or_nothing():
    for cut in range(0, 60):
        text = "At least 12 civilians were killed in Idlib, OCHA said."[:cut]
        for claim in extract_claims(text, CONTEXT):
            assert claim.number_text in text
