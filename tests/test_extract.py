import datetime as dt
import json

import pytest

from conftest import shared_path
from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.numbers import find_numbers

CONTEXT = ReportContext(published=dt.date(2020, 2, 16), publisher="EA WorldView")
LABEL_FIELDS = ("metric", "value", "qualifier", "population", "stance", "attributed_to")


def claims_of(text: str, context: ReportContext = CONTEXT):
    return extract_claims(text, context)


def as_tuples(claims):
    return sorted((c.metric, c.value, c.qualifier, c.population, c.stance, c.attributed_to or "") for c in claims)


def test_seed_article_gives_exactly_its_labelled_claims():
    text = shared_path("seeds", "000_561d171beb78c2c7.txt").read_text(encoding="utf-8")
    labels = [json.loads(line) for line in shared_path("domain", "seed_labels.jsonl").read_text().splitlines()]
    expected = sorted(tuple("" if label[f] is None else label[f] for f in LABEL_FIELDS) for label in labels)
    assert as_tuples(claims_of(text)) == expected


@pytest.mark.parametrize("written, value", [
    ("1,800", 1800), ("900 000", 900000), ("1.800", 1800), ("1.5 million", 1500000), ("3.6m", 3600000),
    ("twelve", 12), ("one million", 1000000), ("a million", 1000000), ("half a million", 500000),
    ("Forty-two", 42), ("dozens", 12), ("hundreds", 100), ("tens of thousands", 10000),
    ("hundreds of thousands", 100000), ("scores", 20),
])
def test_numbers_in_every_spelling(written, value):
    numbers = find_numbers(f"They said {written} people were killed.")
    assert [(n.text, n.value) for n in numbers] == [(written, value)]


@pytest.mark.parametrize("text", [
    "In 2019 the offensive began.", "On 1 December the shelling started.", "40% of them are children.",
    "The plan costs $500 million.", "A 12-year-old boy was killed.", "He was aged 12 and died.",
    "The talks start at 10:30.", "They walked 12 km and fled.",
])
def test_dates_percentages_money_ages_and_measures_are_not_counts(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize("text", [
    "The offensive surrounded 12 Turkish observation posts.",
    "Warplanes carried out 30 airstrikes on the town, killing civilians.",
    "Several civilians were killed and many fled.",
    "Some 150 aid trucks crossed the border.",
    "Turkey has deployed 7,000 soldiers to Idlib.",
])
def test_counts_of_things_that_are_not_figures_give_no_claims(text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The death toll rose to 35.", ("killed", 35, "exact", "people")),
    ("The strike left 6 citizens dead.", ("killed", 6, "exact", "civilians")),
    ("Some 700,000 people have been forced to flee.", ("displaced", 700000, "approximately", "people")),
    ("About 40 families fled their homes.", ("displaced", 40, "approximately", "people")),
    ("Rescuers recovered 20 bodies from the rubble.", ("killed", 20, "exact", "people")),
    ("Turkey hosts 3.6 million refugees.", ("refugees", 3600000, "exact", "people")),
    ("The attack killed at least 12 civilians.", ("killed", 12, "at_least", "civilians")),
    ("Up to 300 fighters were executed.", ("killed", 300, "up_to", "combatants")),
    ("Nearly 900,000 people were uprooted.", ("displaced", 900000, "approximately", "people")),
    ("After the blast, 80 sustained injuries.", ("injured", 80, "exact", "people")),
])
def test_metrics_in_the_ways_reports_say_them(text, expected):
    got = [(c.metric, c.value, c.qualifier, c.population) for c in claims_of(text)]
    assert got == [expected]


def test_a_verb_phrase_right_after_a_bare_count_is_its_metric():
    claims = claims_of("More than 300 people have been killed and millions forced to flee their homes.")
    assert [(c.metric, c.value) for c in claims] == [("killed", 300), ("displaced", 1000000)]


def test_range_gives_value_and_high():
    [claim] = claims_of("Between 500 and 1,000 people were killed.")
    assert (claim.value, claim.high, claim.qualifier) == (500, 1000, "range")


def test_subset_stated_alongside_is_its_own_claim():
    claims = claims_of("The strikes killed 30 civilians, including 11 children.")
    assert [(c.value, c.population) for c in claims] == [(30, "civilians"), (11, "children")]


def test_attribution_and_period_relative_to_publication():
    [claim] = claims_of("According to OCHA, 900,000 people have been displaced since 1 December.")
    assert claim.attributed_to == "OCHA"
    assert (claim.period_start, claim.period_end) == ("2019-12-01", "2020-02-16")


def test_names_are_not_read_from_inside_words():
    # "RT" is a registered outlet; the "rt" ending "report" is not it.
    [claim] = claims_of("The report said at least 70 fighters were killed.")
    assert claim.attributed_to is None
    [claim] = claims_of("A UN report said that hundreds of civilians were killed.")
    assert (claim.attributed_to, claim.originator) == ("UN report", "United Nations")


@pytest.mark.parametrize("text, written", [
    ("On Monday the Observatory said 21 civilians were killed in Idlib.", "Observatory"),
    ("Twelve people were killed in Damascus, the Syrian Observatory for Human Rights said.",
     "Syrian Observatory for Human Rights"),
    ("The Britain-based Syrian Observatory for Human Rights said 12 people were killed.",
     "Syrian Observatory for Human Rights"),
])
def test_words_run_into_a_registered_name_are_dropped(text, written):
    [claim] = claims_of(text)
    assert (claim.attributed_to, claim.originator) == (written, "Syrian Observatory for Human Rights")


def test_a_source_referred_back_to_is_the_one_named_before():
    claims = claims_of("The Russian Defence Ministry said 80 fighters were killed on Monday. "
                       "Warplanes struck again on Tuesday. The ministry added that 12 more fighters were killed.")
    assert [(c.value, c.attributed_to, c.originator) for c in claims] == [
        (80, "Russian Defence Ministry", "Russian Defense Ministry"),
        (12, "Russian Defence Ministry", "Russian Defense Ministry")]
    [claim] = claims_of("Shelling went on all night. It said 12 people were killed.")
    assert claim.attributed_to is None  # nobody named before: no credit to guess


def test_a_place_is_not_a_source():
    [claim] = claims_of("A source at Aleppo police command said a rocket killed three civilians.")
    assert claim.attributed_to != "Aleppo"


def test_a_joint_source_is_not_cut_to_its_last_member():
    [claim] = claims_of("The US and Russia said 12 people were killed.")
    assert claim.attributed_to == "US and Russia"


def test_denial_is_a_denied_claim_credited_to_the_denier():
    [claim] = claims_of("Russia has kept up the offensive while denying that any civilians have fled.")
    assert (claim.metric, claim.value, claim.stance, claim.attributed_to) == ("displaced", 0, "denied", "Russia")


@pytest.mark.parametrize("text", ["The ministry DENIED that ANY civilians had fled.",
                                  "The ministry of Idlib’s council DENIED that ANY civilians had fled."])
def test_a_denial_of_any_figure_is_read_whatever_its_case(text):
    [claim] = claims_of(text)
    assert (claim.metric, claim.value, claim.stance) == ("displaced", 0, "denied")


def test_place_is_normalised_to_country_and_admin_areas():
    [claim] = claims_of("In northwest Syria, 900,000 people have fled.")
    assert (claim.location, claim.place, claim.adm0, claim.adm1) == ("northwest Syria", "northwest Syria", "SYR", "Idleb;Aleppo")
    [claim] = claims_of("Twelve civilians were killed in Idlib.")
    assert (claim.location, claim.place, claim.adm1) == ("Idlib", "Idleb", "Idleb")


def test_quote_is_the_sentence_and_holds_the_number():
    text = "Heading\n\nFirst sentence. More than 1,800 civilians have been killed. Last one."
    [claim] = claims_of(text)
    assert text[claim.start:claim.end] == claim.quote == "More than 1,800 civilians have been killed."
    assert claim.number_text in claim.quote


def test_words_after_a_number_read_alike_whatever_letters_spell_them():
    # The Kelvin sign lower-cases to "k": the words are read from the lower-cased text as before.
    assert as_tuples(claims_of("Five people were \u212aILLED in the raid.")) == \
        as_tuples(claims_of("Five people were KILLED in the raid.")) == [("killed", 5, "exact", "people", "asserted", "")]


def test_same_text_gives_same_claims_in_same_order():
    text = "OCHA said 900,000 fled. SOHR said 1,800 civilians were killed and 3,000 wounded."
    assert claims_of(text) == claims_of(text)


@pytest.mark.parametrize("joint", [". ", " "])
def test_a_denial_whose_object_came_before_it_does_not_deny_what_follows(joint):
    # scraped text often loses the full stop between sentences
    text = (f"The army was blamed for the shelling, a charge the army has denied{joint}"
            "Air strikes have killed more than 90 civilians, the monitor said.")
    [claim] = claims_of(text)
    assert (claim.value, claim.stance) == (90, "asserted")


def test_a_denial_governs_the_figure_it_introduces():
    [claim] = claims_of("The ministry denied that 40 civilians were killed in the raid.")
    assert (claim.value, claim.stance) == (40, "denied")


@pytest.mark.parametrize("text", [
    "The council rejected claims that 250 protesters had died, saying only 9 were killed.",
    "The army denied that 60 villagers were killed; it said 9 gunmen died.",
    "The ministry denied that 70 people were killed but admitted 9 were hurt.",
])
def test_a_denial_ends_where_the_denier_gives_its_own_account(text):
    stances = {claim.value: claim.stance for claim in claims_of(text)}
    assert stances[9] == "asserted"
    assert "denied" in stances.values()


def test_a_denial_of_any_victim_of_a_verb_is_a_denied_zero():
    [claim] = claims_of("The general denied that his troops had killed any protesters.")
    assert (claim.metric, claim.value, claim.population, claim.stance) == ("killed", 0, "people", "denied")
    [claim] = claims_of("The militia denied abducting any aid workers.")
    assert (claim.metric, claim.value, claim.stance) == ("detained", 0, "denied")


def test_a_total_that_exceeds_a_number_is_that_number():
    [claim] = claims_of("The number of displaced people in the region now exceeds 2 million.")
    assert (claim.metric, claim.value, claim.qualifier) == ("displaced", 2000000, "more_than")
