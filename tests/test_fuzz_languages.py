"""French and Arabic texts built to make the extractor slow: each is read in under 2 s of CPU.

The shapes that would show a loop over every earlier number, credit or
place, or a pattern that backtracks: thousands of figures in one sentence,
one sentence of a megabyte, a cue repeated a hundred thousand times,
back-references in every sentence. CPU time is measured, the lower of two
runs when the first is over the bound, as in tests/test_fuzz_extract.py.
"""
import datetime as dt
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.crediting import Credit, nearest

BOUND_SECONDS = 2.0


def digits_and_commas(cue: str) -> str:
    rng = random.Random(14)
    return "".join(rng.choice("0123456789,") for _ in range(1_000_000)).replace("9", f" {cue} ", 2000)


ADVERSARIAL = {
    ("fr", "8,000 figures in one sentence, each with a place"): lambda: "".join(f"{i} morts à Gao, " for i in range(8000)),
    ("fr", "8,000 figures in one sentence, each credited"): lambda: "".join(f"selon l'ONU {i} tués, " for i in range(8000)),
    ("fr", "one sentence of half a megabyte"): lambda: "Plus de 1 800 civils ont été tués, " * 15_000,
    ("fr", "'selon' 100,000 times"): lambda: "selon " * 100_000 + "12 morts",
    ("fr", "capitalised words, 1 MB"): lambda: "Le Ministère De La Santé Publique " * 30_000 + "a indiqué 12 morts",
    ("fr", "a pronoun credit in 20,000 sentences"): lambda: "12 morts, a-t-il ajouté. " * 20_000,
    ("fr", "a list of 50,000 members"): lambda: "12 morts" + ", un Malien" * 50_000 + " ont péri",
    ("fr", "number words 100,000 times"): lambda: "vingt " * 100_000 + "et 12 morts",
    ("fr", "1 MB of digits and commas with 2,000 cue words"): lambda: digits_and_commas("morts"),
    ("ar", "8,000 figures in one sentence, each with a place"): lambda: "".join(f"قتل {i} شخصا في إدلب، " for i in range(8000)),
    ("ar", "one sentence of half a megabyte"): lambda: "قتل أكثر من 1800 مدني و " * 20_000,
    ("ar", "'بحسب' 100,000 times"): lambda: "بحسب " * 100_000 + "قتل 12",
    ("ar", "number words 100,000 times"): lambda: "ثلاثة " * 100_000 + "قتلى",
    ("ar", "a document credit in 20,000 sentences"): lambda: "وأضاف البيان مقتل 12 شخصا. " * 20_000,
    ("ar", "200,000 nested brackets"): lambda: "(" * 200_000 + "قتل 12" + ")" * 200_000,
    ("ar", "1 MB of digits and commas with 2,000 cue words"): lambda: digits_and_commas("قتلى"),
}


def timed(text: str, language: str):
    started = time.process_time()
    claims = extract_claims(text, ReportContext(published=dt.date(2020, 2, 16), publisher="OCHA", language=language))
    return claims, time.process_time() - started


@pytest.mark.parametrize("language, name", list(ADVERSARIAL))
def test_adversarial_text_is_extracted_in_under_two_seconds(language, name):
    text = ADVERSARIAL[language, name]()
    claims, seconds = timed(text, language)
    if seconds >= BOUND_SECONDS:  # other processes only add to a measurement: the lower of two is the file's
        seconds = min(seconds, timed(text, language)[1])
    assert seconds < BOUND_SECONDS, (
        f"{language} {name}: extract_claims took {seconds:.2f} s of CPU on {len(text):,} characters "
        f"(bound {BOUND_SECONDS:.0f} s); a pattern backtracks or a loop grows faster than the text")
    assert claims, "each text states a figure"
    for claim in claims:
        assert text[claim.start:claim.end] == claim.quote


CREDITS = st.lists(st.builds(lambda position, name: Credit(position, name), st.integers(0, 300),
                             st.sampled_from("ABCD")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(credited=CREDITS, positions=st.lists(st.integers(0, 320), min_size=1, max_size=10))
def test_the_nearest_credit_is_what_a_scan_of_every_credit_finds(credited, positions):
    ordered = sorted(credited, key=lambda credit: credit.position)
    for position in positions:
        scanned = min(ordered, key=lambda credit: (abs(credit.position - position), credit.position), default=None)
        assert nearest(ordered, [credit.position for credit in ordered], position) == scanned
