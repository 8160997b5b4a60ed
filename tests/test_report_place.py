"""The place a report is about, which a kind of body it credits belongs to."""
import pytest

from pipeline.extract.lowercase import lowered
from pipeline.extract.report_country import TextPlace, location_country, report_country


def country(text: str, location: str | None = None) -> str | None:
    return report_country(text, lowered(text), location)


def test_metadata_location_decides_the_country():
    assert country("Kenyan police said 4 people died.", location="Idlib") == "SYR"
    assert country("Kenyan police said 4 people died.", location="Chad") == "TCD"


def test_the_country_named_most_often_is_the_reports():
    text = "Floods hit Kenya. Kenyan police said 12 died near Nairobi. Aid came from Uganda."
    assert country(text) == "KEN"


def test_a_tie_goes_to_the_country_named_first():
    assert country("Sudan and Chad closed the border.") == "SDN"


def test_a_gazetteer_place_counts_for_its_country():
    assert country("Russian jets struck Idlib and Aleppo; Russia said the raids hit militants.") == "SYR"


def test_a_possessive_whose_apostrophe_was_lost_still_names_the_country():
    assert country("Strikes in Syrias north killed 9.") == "SYR"


def test_an_acronym_is_read_only_in_capitals():
    assert country("Let us count the dead in Chad.") == "TCD"
    assert country("The US said 3 soldiers died.") == "USA"


def test_a_text_naming_no_country_has_none():
    assert country("Nine people died in the storm.") is None
    assert location_country("Atlantis") is None


def test_a_report_names_a_body_by_a_name_of_its_own():
    place = TextPlace("Rescuers of the White Helmets dug for hours.", "rescuers of the white helmets dug for hours.")
    assert place.names("Syria Civil Defence")
    assert not place.names("Syrian Observatory for Human Rights")


def test_possessives_dotted_acronyms_and_names_of_several_words_are_read():
    assert country("Syria's north and Syria's east were shelled.") == "SYR"
    assert country("The U.S. and the U.S. Army said so.") == "USA"
    assert country("Fighting in the Democratic Republic of the Congo displaced thousands.") == "COD"
