"""French reports: each rule of pipeline/extract/fr/ and of the shared window rules, in a sentence of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims
from schemas.reference import load_sources

DAY = dt.date(2020, 2, 20)


def claims(text: str):
    return extract_claims(text, ReportContext(published=DAY, publisher="Test Wire", language="fr"))


def facts(text: str):
    return [(c.metric, c.value, c.qualifier, c.population, c.stance) for c in claims(text)]


def credits(text: str):
    return [(c.metric, c.value, c.attributed_to) for c in claims(text)]


# ------------------------------------------------------------------ numbers, metrics, populations
@pytest.mark.parametrize("sentence, expected", [
    ("Dix-neuf personnes ont été blessées dans l'explosion.", ("injured", 19, "exact", "people", "asserted")),
    ("Le raid a fait une vingtaine de morts.", ("killed", 20, "approximately", "people", "asserted")),
    ("Des centaines de familles ont été évacuées du quartier.", ("displaced", 100, "vague", "people", "asserted")),
    ("Les combats ont déplacé 1 800 habitants.", ("displaced", 1800, "exact", "people", "asserted")),
    ("Près de 1,5 million de réfugiés vivent dans le pays.", ("refugees", 1500000, "approximately", "people", "asserted")),
    ("Au moins six soldats ont été tués lors de l'embuscade.", ("killed", 6, "at_least", "soldiers", "asserted")),
    ("Plus de 40 villageois sont portés disparus.", ("missing", 40, "more_than", "people", "asserted")),
    ("La police a procédé à l'arrestation de 25 manifestants.", ("detained", 25, "exact", "people", "asserted")),
    ("Huit civils ont péri dans l'incendie du marché.", ("killed", 8, "exact", "civilians", "asserted")),
    ("Quatre journalistes ont été blessés par des éclats.", ("injured", 4, "exact", "people", "asserted")),
    ("L'embuscade a coûté la vie à neuf éléments des FDS.", ("killed", 9, "exact", "soldiers", "asserted")),
    ("Les autorités ont interpellé une trentaine de suspects.", ("detained", 30, "approximately", "people", "asserted")),
    ("Le groupe retient toujours 80 écoliers dans la forêt.", ("detained", 80, "exact", "children", "asserted")),
    ("Les soldats ont riposté, abattant les 6 assaillants.", ("killed", 6, "exact", "combatants", "asserted")),
    ("Quelque 300 familles ont regagné leurs villages après la trêve.", ("returned", 300, "approximately", "people", "asserted")),
    ("Des dizaines de milliers d'habitants ont dû quitter leurs maisons.", ("displaced", 10000, "vague", "people", "asserted")),
    ("Le raid a fait au moins 14 victimes civiles.", ("killed", 14, "at_least", "civilians", "asserted")),
    ("Les assaillants ont exécuté sept bergers.", ("killed", 7, "exact", "people", "asserted")),
])
def test_french_figures(sentence, expected):
    assert expected in facts(sentence)


def test_people_who_fled_abroad_are_refugees_and_those_who_fled_nearby_displaced():
    assert facts("Plus de 5 000 personnes ont fui vers les pays voisins.") == [
        ("refugees", 5000, "more_than", "people", "asserted")]
    assert facts("Des milliers de familles ont fui vers le village voisin.") == [
        ("displaced", 1000, "vague", "people", "asserted")]


def test_a_hedge_with_an_elided_word_before_it_is_read():
    assert ("detained", 81, "at_least", "people", "asserted") in facts(
        "Un gendarme a dit qu'au moins 81 personnes ont été arrêtées.")
    assert ("killed", 27, "at_least", "people", "asserted") in facts("Le bilan fait état d'au moins 27 morts.")


def test_french_subset_and_range():
    found = facts("Le bilan est de 30 morts dont 12 enfants, et de 10 à 15 blessés.")
    assert ("killed", 12, "exact", "children", "asserted") in found
    assert ("injured", 10, "range", "people", "asserted") in found


def test_french_things_dates_and_articles_are_no_figures():
    assert facts("Le 12 mars, 14 maisons ont été détruites et un soldat a été vu.") == []


# ------------------------------------------------------------------ what a count is tied to
def test_the_verb_just_before_a_count_outranks_a_verb_after_it():
    found = facts("Le tir de mortier a tué 3 personnes et blessé 5 autres.")
    assert ("killed", 3, "exact", "people", "asserted") in found
    assert ("injured", 5, "exact", "people", "asserted") in found


def test_a_count_whose_verb_has_begun_is_not_a_member_of_the_list_after_it():
    found = facts("Environ 500 personnes ont été évacuées par bateau et des dizaines sont portées disparues.")
    assert ("displaced", 500, "approximately", "people", "asserted") in found
    assert ("missing", 10, "vague", "people", "asserted") in found
    assert not any(fact[:2] == ("missing", 500) for fact in found)


def test_a_list_member_with_its_own_noun_does_not_lend_it_to_a_subset_before():
    found = facts("Le bilan passe à 20 morts (dont deux gendarmes) et 35 blessés.")
    assert ("killed", 2, "exact", "soldiers", "asserted") in found
    assert ("injured", 35, "exact", "people", "asserted") in found


def test_a_subset_set_off_by_commas_does_not_hide_the_verb():
    found = facts("Au moins 30 personnes, dont 12 enfants, ont été tuées.")
    assert ("killed", 30, "at_least", "people", "asserted") in found
    assert ("killed", 12, "exact", "children", "asserted") in found


def test_a_long_list_of_nationals_shares_the_verb_after_it():
    sentence = "Trente Maliens (surtout des bergers), 12 Nigériens, un Tchadien, un Guinéen et un Togolais ont péri."
    assert ("killed", 30, "exact", "people", "asserted") in facts(sentence)


def test_a_place_between_a_count_and_its_verb_does_not_end_the_clause():
    assert ("killed", 3, "exact", "people", "asserted") in facts(
        "Trois hommes armés dans un pick-up ont été abattus par la patrouille.")


def test_a_relative_clause_names_the_metric():
    assert ("displaced", 100, "vague", "people", "asserted") in facts(
        "Des centaines de personnes qui ont fui les combats dorment dans l'école.")


def test_a_toll_noun_before_the_count_names_its_metric():
    assert ("killed", 45, "exact", "people", "asserted") in facts("Le nombre de morts s'élève désormais à 45.")
    assert ("injured", 60, "exact", "people", "asserted") in facts("Le nombre des blessés a atteint 60 samedi.")


def test_victims_named_by_a_copula_are_killed():
    assert ("killed", 4, "exact", "people", "asserted") in facts("Les victimes seraient quatre ouvriers agricoles.")


def test_a_count_after_the_figure_before_with_its_noun_left_out_counts_the_same():
    assert ("injured", 48, "exact", "people", "asserted") in facts("Il y a eu 41 blessés, puis 48 le lendemain.")
    assert ("detained", 200, "range", "people", "asserted") in facts(
        "On compte entre 600 et 800 arrestations à Bamako, et 200 à 300 en province.")


def test_a_count_with_a_noun_of_its_own_does_not_take_the_figure_before():
    found = facts("Le naufrage a fait une centaine de disparus et 550 rescapés.")
    assert ("missing", 100, "approximately", "people", "asserted") in found
    assert not any(fact[1] == 550 for fact in found)


def test_a_vague_word_and_a_number_of_the_same_value_are_two_claims():
    found = facts("Des centaines de migrants sont portés disparus. Une centaine d'entre eux seraient des enfants "
                  "disparus en mer.")
    assert ("missing", 100, "vague", "people", "asserted") in found
    assert ("missing", 100, "approximately", "people", "asserted") in found


# ------------------------------------------------------------------ sentences
def test_a_sentence_ends_before_a_capital_so_a_credit_stays_in_its_own():
    found = credits("Douze soldats ont été tués hier. Selon l'ONU, 3 000 civils ont fui depuis.")
    assert ("killed", 12, None) in found and ("displaced", 3000, "ONU") in found


def test_an_initial_does_not_end_a_sentence():
    claim = claims("M. Traoré a indiqué que 4 personnes ont été tuées.")[0]
    assert claim.quote.startswith("M. Traoré")


# ------------------------------------------------------------------ credits
@pytest.mark.parametrize("sentence, source", [
    ("Au moins 9 civils ont été tués, selon l'ONU.", "ONU"),
    ("Des frappes ont tué 50 civils, a affirmé l'ONU lundi.", "ONU"),
    ("Six gardiens ont été tués, ont annoncé le 3 mai les Nations unies.", "Nations unies"),
    ("Le gouverneur de la région, Ali Traoré, a déclaré que 14 personnes ont été tuées.", "Ali Traoré"),
    ("Selon un responsable local, Moussa Keita, 7 bergers ont été enlevés.", "Moussa Keita"),
    ("L'attaque a fait 12 morts, selon un communiqué de l'armée malienne.", "armée malienne"),
    ("Selon l'ONG Human Rights Watch, 40 opposants ont été arrêtés.", "Human Rights Watch"),
    ("Un porte-parole du ministère de la Défense a déclaré que 5 soldats ont été tués.", "ministère de la Défense"),
    ("Des sources hospitalières font état de 22 blessés.", "sources hospitalières"),
    ("Les autorités tchadiennes ne confirment que 3 morts.", "autorités tchadiennes"),
    ("Au moins 23 civils ont été tués dimanche, a-t-on appris de source locale.", "source locale"),
])
def test_french_credits(sentence, source):
    assert claims(sentence)[0].attributed_to == source


def test_french_source_resolves_through_the_registry():
    claim = claims("Au moins 9 civils ont été tués, selon l'ONU.")[0]
    assert load_sources().lookup(claim.attributed_to).name == "United Nations"


def test_a_pronoun_credits_the_source_named_before():
    found = credits("Le préfet Jean Kaboré a confirmé l'attaque. Au moins 11 personnes ont été tuées, a-t-il ajouté.")
    assert ("killed", 11, "Jean Kaboré") in found


def test_a_bare_noun_credits_the_body_named_before_with_it():
    found = credits("Le ministère de la Santé a annoncé un premier bilan. Le ministère évalue à 30 le nombre de blessés.")
    assert ("injured", 30, "ministère de la Santé") in found


def test_estimates_make_a_figure_approximate_and_credit_nobody():
    claim = claims("Selon certaines estimations, 4 000 personnes ont été tuées.")[0]
    assert (claim.qualifier, claim.attributed_to) == ("approximately", None)


def test_who_denies_is_credited_with_the_denied_figure():
    assert ("killed", 30, "exact", "civilians", "denied") in facts("L'armée a démenti la mort de 30 civils.")
    assert credits("L'armée a démenti la mort de 30 civils.") == [("killed", 30, "armée")]


def test_french_denial_of_any_figure():
    assert ("killed", 0, "exact", "soldiers", "denied") in facts("L'armée a repris la ville sans qu'aucun soldat ne soit tué.")


def test_calling_a_figure_a_lie_denies_it():
    assert ("killed", 40, "exact", "people", "denied") in facts("« Vous mentez quand vous dites avoir tué 40 des nôtres. »")


# ------------------------------------------------------------------ periods
def test_french_period_since_a_date():
    claim = claims("Depuis le 1er décembre, 900 000 personnes ont fui les combats.")[0]
    assert (claim.period_start, claim.period_end) == ("2019-12-01", "2020-02-20")
    assert claim.period_text == "Depuis le 1er décembre"  # as the report writes it


def test_french_period_since_the_start_of_the_month():
    claim = claims("Au moins 300 familles ont fui depuis le début du mois.")[0]
    assert (claim.period_start, claim.period_end) == ("2020-02-01", "2020-02-20")
