"""Who a credited name is: ``originators.identify``, in names of our own."""
import pytest

from pipeline.extract.originators import JOINT, identify
from schemas.reference import load_sources


def name(written: str, place=None) -> str:
    return identify(written, place).name


class Place:
    """A report's place as a test states it."""

    def __init__(self, country: str | None, named: tuple[str, ...] = ()):
        self._country, self._named = country, named

    def country(self) -> str | None:
        return self._country

    def names(self, source: str) -> bool:
        return source in self._named


@pytest.mark.parametrize("written", [
    "OCHA", "UNOCHA", "the UN humanitarian office", "the UN's humanitarian office", "The U.N. humanitarian office",
    "United Nations humanitarian coordination office", "UN Office for the Coordination of Humanitarian Affairs",
    "the Department of Humanitarian Affairs", "Jens Laerke", "OCHA spokesman", "OCHA's spokesman Jens Laerke",
])
def test_every_name_of_one_office_is_one_originator(written):
    assert name(written) == "OCHA"


@pytest.mark.parametrize("written, originator", [
    ("the UN refugee agency", "UNHCR"), ("UN human rights office", "OHCHR"), ("SOHR", "Syrian Observatory for Human Rights"),
    ("the White Helmets", "Syria Civil Defence"), ("Doctors Without Borders", "Médecins Sans Frontières"),
    ("the UN migration agency", "IOM"), ("World Food Programme", "WFP"), ("Syrian Network for Human Rights", "Syrian Network for Human Rights"),
    ("International Committee of the Red Cross", "ICRC"), ("UN children's agency", "UNICEF"),
])
def test_agencies_are_known_by_their_names_acronyms_and_descriptions(written, originator):
    found = identify(written)
    assert (found.name, found.registered) == (originator, True)


def test_an_acronym_is_matched_in_capitals_only():
    assert name("WHO") == "World Health Organization"
    assert name("who") == "who"


def test_a_descriptor_after_a_registered_name_is_the_same_body():
    assert name("SANA news agency") == name("SANA state news agency") == "SANA"
    assert name("Syrian Observatory for Human Rights group") == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("written, originator", [
    ("Kenyan police", "Kenyan police"), ("the police in Kenya", "Kenyan police"),
    ("Burma's government", "Myanmar government"), ("Burmese government", "Myanmar government"),
    ("Qatari Interior Ministry", "Qatari Ministry of Interior"), ("the Ministry of Interior of Qatar", "Qatari Ministry of Interior"),
    ("Iraqi health officials", "Iraqi Ministry of Health"), ("Lebanese officials", "Lebanese government"),
    ("Chad", "Chadian government"), ("Nairobi", "Kenyan government"), ("US military spokesperson", "US military"),
    ("Afghani president's office", "Afghan presidency"), ("the defence ministry in Moscow", "Russian Defense Ministry"),
    ("Syrias state TV", "SANA"), ("Ministry of Labour of Kenya", "Kenyan Ministry of Labour"),
])
def test_a_states_body_is_named_by_its_country_and_kind(written, originator):
    assert name(written) == originator


def test_a_registered_source_stands_for_the_state_bodies_it_claims():
    assert identify("Russian military") == identify("Russian Ministry of Defence") == identify("Russian Defense Ministry")
    assert name("Russian Foreign Ministry") == name("Moscow") == "Russia"
    assert name("Turkish army") == name("Turkey") == "Turkey"
    assert identify("Turkish army").party


def test_a_kind_of_body_belongs_to_the_reports_country_only_when_it_is_known():
    assert name("police", "KEN") == "Kenyan police"
    assert name("the interior ministry", "QAT") == "Qatari Ministry of Interior"
    assert name("police") == "police"
    assert name("local officials", "KEN") == "local officials"  # a qualified body is not the state's


@pytest.mark.parametrize("written", ["a monitor", "the Observatory", "war monitor", "civil defence"])
def test_a_description_names_a_body_only_where_the_reports_place_makes_it_clear(written):
    described = {"monitor": "Syrian Observatory for Human Rights", "observatory": "Syrian Observatory for Human Rights",
                 "civil": "Syria Civil Defence"}
    expected = next(body for word, body in described.items() if word in written.lower())
    assert name(written, "SYR") == expected
    as_written = written.removeprefix("a ").removeprefix("the ").lower()
    assert name(written, Place("SDN")).lower() == as_written
    assert name(written, None).lower() == as_written


def test_a_report_naming_the_body_itself_makes_its_description_clear_wherever_it_is():
    assert name("civil defence", Place("RUS", named=("Syria Civil Defence",))) == "Syria Civil Defence"


@pytest.mark.parametrize("written, originator", [
    ("Health Minister Jane Okafor", "Jane Okafor"),
    ("Iraqi Health Minister Jane Okafor", "Iraqi Ministry of Health"),
    ("UNHCR spokesman Ron Redmond", "UNHCR"),
    ("BBC regional correspondent Ann Lee", "BBC"),
    ("army spokesman Joel Mbeki", "Joel Mbeki"),
    ("Lt. Col. Ana Ruiz", "Ana Ruiz"),
    ("Turkish General Staff", "Turkey"),
])
def test_a_person_is_the_body_their_title_names_else_the_person_without_the_title(written, originator):
    assert name(written) == originator


def test_a_title_of_a_states_office_is_not_read_with_the_reports_country():
    # a report on Kenya quotes other countries' ministers too
    assert name("Health Minister Jane Okafor", "KEN") == "Jane Okafor"


@pytest.mark.parametrize("written, originator", [
    ("Kivu Monitoring Network (KMN)", "Kivu Monitoring Network"),
    ("Médecins Sans Frontières (MSF)", "Médecins Sans Frontières"),
    ("regional media (via the BBC)", "regional media"),
    ("Ana Ruiz (district hospital)", "district hospital"),
    ("Ana Ruiz (provincial governor's spokesperson)", "provincial governor"),
    ("Ana Ruiz (Kivu regional police chief)", "Kivu regional police"),
    ("Ana Ruiz (KVX-1 spokesperson)", "Ana Ruiz"),  # a role naming no body it is known by
])
def test_words_in_brackets_give_the_acronym_or_the_body_a_person_speaks_for(written, originator):
    assert name(written) == originator


def test_a_joint_credit_names_each_body_once_in_alphabetical_order():
    found = identify("rescue workers and a war monitor", "SYR")
    assert found.name == f"rescue workers{JOINT}Syrian Observatory for Human Rights"
    assert identify(f"Syrian Observatory for Human Rights{JOINT}rescue workers", "SYR") == found
    assert found.reliability == "MEDIUM" and not found.party


def test_a_joint_credit_is_graded_by_its_best_body_and_a_party_only_when_all_are():
    both = identify("SANA and the UN refugee agency")
    assert (both.name, both.reliability, both.party) == (f"SANA{JOINT}UNHCR", "HIGH", False)
    parties = identify("Russia and Syrian official media")
    assert (parties.name, parties.party) == (f"Russia{JOINT}SANA", True)


def test_an_and_inside_one_name_is_not_a_joint_credit():
    assert name("Disaster Risk Reduction and Management Council") == "Disaster Risk Reduction and Management Council"


@pytest.mark.parametrize("written, originator", [
    ("the Kivu Monitoring Network", "Kivu Monitoring Network"),
    ("Local officials", "local officials"),
    ("the camp committee's", "camp committee"),
    ("Committee for Missing Persons", "Committee for Missing Persons"),
])
def test_a_name_the_registry_lacks_is_its_own_originator_normalised(written, originator):
    found = identify(written)
    assert (found.name, found.registered, found.reliability) == (originator, False, load_sources().default_reliability)


def test_no_name_is_no_originator():
    assert identify(None) is None and identify("  ") is None


def test_a_part_of_a_known_body_speaks_for_it_and_no_one_else_does():
    assert name("the western regional command of the Kenyan army") == "Kenyan military"
    assert name("the Nairobi office of the UN refugee agency") == "UNHCR"
    assert name("opponents of President Jane Okafor") == "opponents of President Jane Okafor"
