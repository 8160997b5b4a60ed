"""Texts built to make the extractor slow: each is read in under 2 s of CPU.

A regular expression that backtracks, or a loop over every earlier match,
turns a megabyte into minutes; these inputs are the shapes that would show
it. The bound is generous (the slowest takes about 1 s here), and CPU time is
measured, the lower of two runs when the first is over, so a busy machine
does not fail the test.
"""
import datetime as dt
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.attribution import Credit, CreditIndex

BOUND_SECONDS = 2.0
CONTEXT = ReportContext(published=dt.date(2020, 2, 16), publisher="OCHA", location="Idlib")


def digits_and_commas(size: int, cue_words: int = 0) -> str:
    rng = random.Random(14)
    text = "".join(rng.choice("0123456789,") for _ in range(size))
    return text.replace("9", " killed ", cue_words)


ADVERSARIAL = {
    "1 MB of digits and commas": lambda: digits_and_commas(1_000_000),
    "1 MB of digits and commas with 2,000 cue words": lambda: digits_and_commas(1_000_000, 2000),
    "'killed' 100,000 times": lambda: "killed " * 100_000 + "12",
    "'1,' 500,000 times": lambda: "1," * 500_000 + " killed",
    "capitalised words, 1 MB": lambda: "The Syrian Observatory For Human Rights " * 25_000 + "said 12 killed",
    "100,000 sentence stops": lambda: ". " * 100_000 + "12 killed",
    "abbreviations, 1 MB": lambda: "Dr. U.N. Feb. " * 70_000 + "12 killed",
    "'?!' 250,000 times": lambda: "?!" * 250_000 + " 12 killed",
    "110,000 numeric dates": lambda: "1-2-2020 " * 110_000 + "killed",
    "8,000 figures in one sentence, each with a place": lambda: "".join(f"{i} killed in Idlib, " for i in range(8000)),
    "8,000 figures in one sentence, each credited": lambda: "".join(f"SOHR said {i} killed, " for i in range(8000)),
    "bidirectional overrides in 1 MB of prose": lambda: "At least 12 civilians were killed in Idlib,\u202e OCHA said\u202c.\u200f " * 16_000,
    "'one hundred and' 62,000 times": lambda: "one hundred and " * 62_000 + "killed",
    "500,000 nested brackets": lambda: "(" * 500_000 + "12 killed" + ")" * 500_000,
    "one sentence of 1 MB": lambda: "More than 1,800 civilians have been killed, " * 22_000,
    "1 MB of hyphens": lambda: "-" * 1_000_000 + " 12 killed",
    "a number, 1 MB of spaces, a cue": lambda: "12" + " " * 1_000_000 + "killed",
    "'denied that any civilians' 40,000 times": lambda: "denied that any civilians " * 40_000 + "were killed",
    "a number of 400 digits, and 1e400": lambda: ("9" * 400 + " people were killed, 1e400 fled. ") * 2_000,
}


def timed(text: str):
    started = time.process_time()
    claims = extract_claims(text, CONTEXT)
    return claims, time.process_time() - started


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_is_extracted_in_under_two_seconds(name):
    text = ADVERSARIAL[name]()
    claims, seconds = timed(text)
    if seconds >= BOUND_SECONDS:  # other processes only add to a measurement: the lower of two is the file's
        seconds = min(seconds, timed(text)[1])
    assert seconds < BOUND_SECONDS, (
        f"{name}: extract_claims took {seconds:.2f} s of CPU on {len(text):,} characters (bound {BOUND_SECONDS:.0f} s); "
        "a pattern backtracks or a loop grows faster than the text")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.quote


def scanned_credit(credited, position):
    """The credit ``find_credit`` takes for a figure at ``position``, by scanning every credit."""
    covering = [c for c in credited if c.position <= position if c.forward] \
        + [c for c in credited if c.since <= position <= c.position and not c.forward] \
        or [c for c in credited if not c.forward and c.position < position]
    return min(covering, key=lambda credit: (abs(credit.position - position), credit.position), default=None)


CREDITS = st.lists(st.builds(lambda position, forward, reach, name: Credit(position, name, forward, name,
                                                                          max(0, position - reach) if reach else 0),
                             st.integers(0, 300), st.booleans(), st.integers(0, 80), st.sampled_from("ABCD")),
                   min_size=0, max_size=60)


@settings(max_examples=300, deadline=None)
@given(credited=CREDITS, positions=st.lists(st.integers(0, 320), min_size=1, max_size=10))
def test_the_credit_index_picks_what_a_scan_of_every_credit_picks(credited, positions):
    index = CreditIndex(tuple(credited))
    for position in positions:
        assert index.nearest(position) == scanned_credit(credited, position)
