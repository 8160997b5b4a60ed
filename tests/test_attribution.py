"""Who a report credits for a figure: each construction in a sentence of our own.

Attribution is asked directly for the figure written as ``figure`` in the
text (its first occurrence), so these tests pin the credit whatever the
extractor decides to count. ``credit`` gives the originator the credit names
(the registry's name for a registered body, the name as written otherwise);
``written`` the credit as the report writes it, which claims keep in
``attributed_to``.
"""
import pytest

from pipeline.extract.en.attribution import find_credit, sentence_credits
from pipeline.extract.lowercase import lowered
from pipeline.extract.originators import identify
from pipeline.extract.report_country import TextPlace
from pipeline.extract.en.sentences import BOUNDARY
from pipeline.extract.sentences import sentence_spans
from pipeline.extract.source_names import Reference, name_source


def _found(text: str, figure: str, publisher: str | None):
    position = text.index(figure)
    start, end = next((s, e) for s, e in sentence_spans(text, BOUNDARY) if s <= position < e)
    credits = sentence_credits(text, start, end)
    return find_credit(text[start:end], position - start, publisher, credits)


def credit(text: str, figure: str, publisher: str | None = "Example Wire") -> str | None:
    found = _found(text, figure, publisher)
    if found is None:
        return None
    return identify(found.body or found.name, TextPlace(text, lowered(text))).name


def written(text: str, figure: str, publisher: str | None = "Example Wire") -> str | None:
    found = _found(text, figure, publisher)
    return None if found is None else found.name


@pytest.mark.parametrize("text, figure, source", [
    ("According to OCHA, 900 families left the valley.", "900", "OCHA"),
    ("Nine villagers were killed overnight, according to the UN humanitarian office.", "Nine", "OCHA"),
    ("According to independent monitors 400 people have died since March.", "400", "independent monitors"),
    ("Figures rose to 61 dead according to data from the World Health Organization.", "61", "World Health Organization"),
])
def test_according_to_credits_the_source_on_its_side(text, figure, source):
    assert credit(text, figure) == source


@pytest.mark.parametrize("text, figure, source", [
    ("The Observatory said 23 fighters were killed near the dam in Idlib.", "23", "Syrian Observatory for Human Rights"),
    ("Medics reported that 14 people were wounded by the blast.", "14", "medics"),
    ("The health ministry has also confirmed 8 deaths in the camp.", "8", "health ministry"),
    ("Police later announced that 6 men had been detained.", "6", "police"),
    ("The UN humanitarian office estimated that 80,000 people had fled.", "80,000", "OCHA"),
    ("Twenty people were wounded in the blast, said the UN refugee agency.", "Twenty", "UNHCR"),
    ("Eleven bodies were recovered, reports the Committee for Missing Persons.", "Eleven",
     "Committee for Missing Persons"),
])
def test_the_name_before_or_after_a_reporting_verb_is_credited(text, figure, source):
    assert credit(text, figure) == source


@pytest.mark.parametrize("text, figure, source", [
    ("The Hama Relief Committee a volunteer network that campaigns against the provincial council reported "
     "that 12 people were killed.", "12", "Hama Relief Committee"),
    ("Farmers who fled from the army told reporters 7 shepherds had been shot.", "7", "Farmers"),
])
def test_a_name_ending_a_relative_clause_is_not_the_subject_of_the_verb_after_it(text, figure, source):
    assert written(text, figure) == source


def test_a_name_after_said_that_is_the_subject_of_its_own_verb():
    text = "The ministry said that the Hama Relief Committee reported 12 people were killed."
    assert written(text, "12") == "Hama Relief Committee"


def test_two_credits_in_one_sentence_each_cover_their_own_clause():
    text = ("The army said 70 gunmen were killed, while local witnesses said that 39 civilians, "
            "among them 18 children, died as well.")
    assert [credit(text, figure) for figure in ("70", "39", "18")] == ["army", "local witnesses", "local witnesses"]


def test_a_credit_whose_count_opens_with_a_qualifier_covers_that_count():
    text = "Police put the toll at 30, while witnesses said at least 55 had died."
    assert [credit(text, figure) for figure in ("30", "55")] == ["police", "witnesses"]


def test_a_credit_that_opens_after_a_figure_does_not_reach_back():
    text = "More than 1,000 people have died since 2004, with the Red Cross putting the toll at 1,150."
    assert credit(text, "1,000") is None
    assert credit(text, "1,150") == "ICRC"


@pytest.mark.parametrize("text, figure, source", [
    ("UNICEF's spokesman said 40 children had been killed.", "40", "UNICEF"),
    ("A spokesman for the provincial governor said 12 people drowned.", "12", "provincial governor"),
    ("A source at the district police command told Example Wire that 5 people were killed.", "5",
     "district police command"),
    ("A statement issued by the interior ministry said 3 officers were hurt.", "3", "interior ministry"),
])
def test_a_speaker_for_a_body_credits_the_body(text, figure, source):
    assert credit(text, figure) == source


@pytest.mark.parametrize("text, figure, source", [
    ("The agency, citing hospital officials, said 31 people were injured.", "31", "hospital officials"),
    ("Example Wire reported, citing police, that 9 protesters were arrested.", "9", "police"),
])
def test_the_source_cited_is_credited_not_the_outlet_citing_it(text, figure, source):
    assert credit(text, figure) == source


@pytest.mark.parametrize("text, figure, source", [
    ("Health Minister Jane Okafor said 8 people died of cholera.", "8", "Health Minister Jane Okafor"),
    ("Police chief Omar Haddad said 3 officers were wounded.", "3", "Police chief Omar Haddad"),
    ("Lieutenant Colonel Ana Ruiz told reporters that 6 soldiers died.", "6", "Lieutenant Colonel Ana Ruiz"),
    ("Rebels shot dead 4 farmers, according to army spokesman Joel Mbeki.", "4", "army spokesman Joel Mbeki"),
    ("The Defence Minister, Paula Ortiz, announced that 2 pilots were missing.", "2",
     "Defence Minister Paula Ortiz"),
    ("Carlos Mendez, a spokesman for the port authority, said 17 crew were rescued.", "17", "Carlos Mendez"),
])
def test_a_person_is_credited_with_the_title_written_before_the_name(text, figure, source):
    assert written(text, figure) == source


@pytest.mark.parametrize("text, figure, originator", [
    ("Health Minister Jane Okafor said 8 people died of cholera.", "8", "Jane Okafor"),
    ("Lieutenant Colonel Ana Ruiz told reporters that 6 soldiers died.", "6", "Ana Ruiz"),
    ("Carlos Mendez, a spokesman for the port authority, said 17 crew were rescued.", "17", "port authority"),
    ("Pia Lund, a spokeswoman for the UN refugee agency, said 3,000 people crossed the river.", "3,000", "UNHCR"),
    ("Dr Tomas Ek, a surgeon at the district hospital, said 9 children were hurt.", "9", "district hospital"),
])
def test_a_person_speaking_for_a_body_credits_the_body_and_a_title_is_no_part_of_a_person(text, figure, originator):
    assert credit(text, figure) == originator


def test_a_body_named_before_a_proper_name_is_not_kept_as_a_title():
    text = "The regional newspaper Morning Courier reports that 250 families fled."
    assert credit(text, "250") == "Morning Courier"


@pytest.mark.parametrize("text, figure, source", [
    ('"Fifteen people were killed in the market," the health ministry said.', "Fifteen", "health ministry"),
    ('"We have counted 27 bodies so far," said Dr Amal Nasser.', "27", "Dr Amal Nasser"),
])
def test_a_quote_is_credited_to_the_name_after_its_closing_mark(text, figure, source):
    assert written(text, figure) == source


def test_a_credit_after_a_quote_covers_the_quote_only():
    text = 'Shelling killed 7 people on Monday and "at least 20 were hurt," a witness said.'
    assert credit(text, "20") == "witness"
    assert credit(text, "7") is None


def test_a_quote_without_a_credit_of_its_own_takes_its_speaker():
    text = ('The mayor spoke to reporters. "The water rose in minutes. At least 9 people are missing," '
            'Mayor Lucia Benn said.')
    assert written(text, "9") == "Mayor Lucia Benn"


@pytest.mark.parametrize("second, source", [
    ("It said 12 soldiers also died.", "defence ministry"),
    ("The ministry added that 12 soldiers also died.", "defence ministry"),
])
def test_a_pronoun_or_a_role_refers_back_to_the_source_named_before(second, source):
    text = f"The defence ministry said 80 militants were killed in the raid. Fighting went on. {second}"
    assert credit(text, "12") == source


def test_he_or_she_refers_back_to_the_person_named_before():
    text = ('Dr Amal Nasser said the clinic had run out of beds. '
            '"Thirty of the wounded are children," she added.')
    assert written(text, "Thirty") == "Dr Amal Nasser"


def test_the_agency_refers_back_to_the_agency_named_before():
    text = ("More than 4,000 people crossed the border, the UN refugee agency said. Police said the crossing was shut. "
            "The agency added that 900 of them were children.")
    assert credit(text, "900") == "UNHCR"


def test_a_role_refers_back_to_the_last_source_of_that_kind():
    text = ("The army said 10 rebels died on Sunday. The Observatory said 14 civilians were killed. "
            "The army added that 2 of its soldiers died.")
    assert credit(text, "2 of") == "army"


def test_a_sentence_that_only_continues_is_credited_to_nobody():
    text = "The Observatory said 23 fighters were killed. Another 9 civilians died in the shelling."
    assert credit(text, "9") is None


def test_a_surname_alone_is_the_person_first_named_with_their_title():
    text = ("Rebels attacked the church, army spokesman Joel Mbeki said. "
            "Mbeki said 7 worshippers were wounded.")
    assert written(text, "7") == "army spokesman Joel Mbeki"


def test_an_abbreviation_is_the_name_the_report_spells_out_for_it():
    text = ("The Kivu Monitoring Network (KMN) published its count on Monday. "
            "According to KMN, 40 people fled the town.")
    assert written(text, "40") == "Kivu Monitoring Network (KMN)"
    assert credit(text, "40") == "Kivu Monitoring Network"


@pytest.mark.parametrize("text, figure, source", [
    ("More than 2,500 people were displaced, the camp coordination cluster said.", "2,500",
     "camp coordination cluster"),
    ("Local officials said 30 homes burned and 4 people died.", "4", "local officials"),
    ("Rescue workers said 19 bodies were recovered.", "19", "rescue workers"),
    ("Two men were killed in the clash, hospital officials said.", "Two", "hospital officials"),
    ("Witnesses said 5 protesters were shot.", "5", "witnesses"),
    ("According to an activist in the town, 3 people were killed.", "3", "activist"),
    ("The Kenyan police said 15 people were killed in Molo.", "15", "Kenyan police"),
    ("The Israeli military says that 13 of its soldiers have been killed.", "13", "Israeli military"),
])
def test_bodies_are_credited_as_written_in_lower_case(text, figure, source):
    assert credit(text, figure) == source


def test_words_between_an_article_and_a_body_qualify_it():
    text = "Rescue teams recovered 22 bodies on Tuesday, the provincial disaster management agency said."
    assert credit(text, "22") == "provincial disaster management agency"
    text = "According to the regional flood response team, 300 households were displaced."
    assert credit(text, "300") == "regional flood response team"


def test_an_abbreviation_inside_a_name_goes_to_its_end():
    text = "More than 9,000 people fled, according to the Shelter and Site Management (SSM) Cluster."
    assert written(text, "9,000") == "Shelter and Site Management Cluster (SSM)"


@pytest.mark.parametrize("text, figure, source", [
    ("The Red Crescent and local officials said 15 people were killed.", "15", "Red Crescent and local officials"),
    ("The Ghouta Media Office and the Syrian Observatory for Human Rights said 5 children died.", "5",
     "Ghouta Media Office and Syrian Observatory for Human Rights"),
])
def test_bodies_credited_together_are_both_named(text, figure, source):
    assert written(text, figure) == source


@pytest.mark.parametrize("text, figure, originator", [
    ("The Red Crescent and local officials said 15 people were killed.", "15", "local officials; Red Crescent"),
    ("Medics and a war monitor said 8 people were killed in Idlib.", "8",
     "medics; Syrian Observatory for Human Rights"),
    ("Medics and a war monitor said 8 people were killed in Khartoum.", "8", "medics; war monitor"),
])
def test_a_joint_credit_names_every_body_in_alphabetical_order(text, figure, originator):
    assert credit(text, figure) == originator


def test_an_and_inside_one_name_is_not_a_joint_credit():
    text = "The Disaster Risk Reduction and Management Council said 6 people died."
    assert credit(text, "6") == "Disaster Risk Reduction and Management Council"


@pytest.mark.parametrize("phrase", [
    "Syrian", "Iraqis", "Russian", "Mi-8", "Su-24", "Grad", "Monday", "Friday's", "March", "the", "Early",
])
def test_demonyms_weapons_and_dates_are_never_a_source(phrase):
    assert name_source(phrase) is None


@pytest.mark.parametrize("phrase", ["report", "statement", "figures", "Reports"])
def test_a_document_alone_is_never_a_source(phrase):
    assert name_source(phrase) is None


def test_a_pronoun_or_the_report_only_points_back():
    assert name_source("it") == Reference(None)
    assert name_source("the report") == Reference("report")


@pytest.mark.parametrize("text, figure", [
    ("Russian said 12 people were killed.", "12"),
    ("An Mi-8 reported to carry 14 soldiers came down near the base.", "14"),
    ("On Friday said 9 were hurt.", "9"),
    ("Early reports said 60 people died.", "60"),
    ("Other sources said that 80 people died.", "80"),
    ("The bombing claimed the lives of 14 villagers.", "14"),
    ("The conflict has claimed 300 lives since 2015.", "300"),
    ("One woman said she had lost 2 sons in the strike.", "2"),
    ("The group said it was behind the attack that killed 12 people.", "12"),
    ("Officials put out the fire that killed 3 people.", "3"),
])
def test_no_source_is_read_from_words_that_name_none(text, figure):
    assert credit(text, figure) is None


def test_the_place_a_source_sits_in_is_not_the_source():
    text = "A source at the Aleppo police command said a rocket killed three civilians."
    assert credit(text, "three") == "Aleppo Police Command"  # registered; not "Aleppo"
    assert credit("Sources in Idlib said 6 people were hurt.", "6") != "Idlib"


def test_the_publishers_own_reporter_is_no_attribution():
    text = "Mortar shells hit the market, killing 4 people, a SANA reporter said."
    assert credit(text, "4", publisher="SANA") is None
    assert credit(text, "4", publisher="Example Wire") == "SANA"


def test_state_media_stands_for_the_state_agency_only_in_reports_on_its_country():
    syria = "Mortar fire hit Damascus in Syria on Tuesday, killing 12 people, state media reported."
    elsewhere = "A stampede in Kerman killed 56 people, according to state television."
    assert credit(syria, "12") == "SANA"
    assert credit(elsewhere, "56") == "state television"


@pytest.mark.parametrize("text, figure, source", [
    ("Air strikes kill 30 in Idlib - monitor\nThe strikes hit a market.", "30", "Syrian Observatory for Human Rights"),
    ("Floods kill 12 in Kano: officials\nThe river burst its banks.", "12", "officials"),
    ("School shelling kills 9 children in Syria monitor\nThe school was hit twice.", "9",
     "Syrian Observatory for Human Rights"),
    ("Gunmen kill 4 in attack on the UN\nThe convoy was hit at dawn.", "4", None),
])
def test_a_headline_ending_in_a_source_credits_it(text, figure, source):
    assert credit(text, figure) == source


def test_a_body_before_a_colon_credits_what_follows():
    text = "Health ministry: 45 dead after the storm"
    assert credit(text, "45") == "health ministry"


def test_a_progressive_reporting_verb_credits_its_subject_and_a_passive_credits_nobody():
    assert credit("The Red Cross is reporting that 40 people were killed.", "40") == "ICRC"
    assert credit("It is said that 400 people have been killed.", "400") is None


def test_a_body_referred_back_to_is_the_name_it_was_introduced_by():
    text = ("The ruling party, the National Renewal Front, called for calm. Police closed the roads. "
            "The party said that 14 of its members had been detained.")
    assert credit(text, "14") == "National Renewal Front"


@pytest.mark.parametrize("text, figure, originator", [
    ("Citing the UN refugee agency, the broadcaster said 4,000 people had crossed the river.", "4,000", "UNHCR"),
    ("Quoting hospital officials, the paper said 19 people were wounded.", "19", "hospital officials"),
    ("The broadcaster, quoting the UN refugee agency, said 4,000 people had crossed the river.", "4,000", "UNHCR"),
    ("Some 4,000 people crossed the river, according to the UN refugee agency, cited by the broadcaster.", "4,000",
     "UNHCR"),
    ("The UN refugee agency told the broadcaster that 4,000 people had crossed the river.", "4,000", "UNHCR"),
    ("The broadcaster reported, citing the UN refugee agency, that 4,000 people had crossed the river.", "4,000",
     "UNHCR"),
    ("The broadcaster quoted village elders as saying that 14 men were taken away.", "14", "village elders"),
    ("A hospital director was quoted as saying that 30 patients died.", "30", "hospital director"),
])
def test_the_source_cited_is_the_originator_not_the_outlet_citing_it(text, figure, originator):
    assert credit(text, figure) == originator


def test_a_verb_citing_no_one_as_saying_credits_no_one():
    assert credit("The mayor cited security fears after 12 people were hurt.", "12") is None


def test_a_country_named_for_its_government_is_that_government():
    assert credit("Chad said 40 of its soldiers were killed.", "40") == "Chadian government"
    assert credit("Ndjamena said 40 soldiers were killed.", "40") != "Chadian government"  # a capital as written only
    assert credit("N'Djamena said 40 soldiers were killed.", "40") == "Chadian government"


def test_a_place_after_a_preposition_is_never_the_source():
    text = "The Observatory, which has sources inside Syria, said 12 people died."
    assert credit(text, "12") != "Syrian government"
    assert credit("Many refugees in Chad said 7 were killed.", "7") is None


@pytest.mark.parametrize("text, figure, originator", [
    ("The Red Cross said the river burst its banks. Nine people are reported to have drowned.", "Nine", "ICRC"),
    ("The Red Cross said the river burst its banks. Nine dead are reported.", "Nine", "ICRC"),
])
def test_a_passive_report_goes_on_in_the_voice_of_the_source_before_it(text, figure, originator):
    assert credit(text, figure) == originator


@pytest.mark.parametrize("text, figure", [
    ("The Red Cross said the river burst its banks. Nine people are reported injured.", "Nine"),
    ("The Red Cross said the river burst its banks. It is said that 9 people drowned.", "9"),
    ("Nine people are reported to have drowned.", "Nine"),
])
def test_a_passive_that_only_describes_or_follows_no_source_credits_nobody(text, figure):
    assert credit(text, figure) is None


def test_a_body_reported_as_saying_is_credited():
    text = "The regional council is reported as saying that 25 homes burned and 3 people died."
    assert credit(text, "3") == "regional council"


def test_a_participle_goes_on_with_its_clauses_subject_not_the_place_before_it():
    text = "The monitoring group raised its toll for the attack on Kafr Nabudah saying 4 more people had died."
    assert written(text, "4") == "monitoring group"
    text = "Reuters called the blast the worst in years, with officials reporting at the time 60 people killed."
    assert written(text, "60") == "officials"


def test_a_name_and_its_description_without_commas_credit_the_name():
    text = "The Kivu Monitoring Network however a Goma-based charity has put the toll at 300."
    assert written(text, "300") == "Kivu Monitoring Network"
    text = "Heavy fighting went on in Ramadi a resident said, and 5 people died."
    assert written(text, "5") != "Ramadi"


def test_a_body_whose_kind_alone_is_written_belongs_to_the_reports_country():
    text = "Heavy rains hit Kenya this week. Police said 15 people were killed in Molo."
    assert (written(text, "15"), credit(text, "15")) == ("police", "Kenyan police")
    text = "The ministry said 12 people died."
    assert (written(text, "12"), credit(text, "12")) == ("ministry", "ministry")  # none named before: as written
