"""Reports in French and Arabic, and a report's language: each rule in a sentence of our own."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract import ReportContext, claim_record, extract_claims
from pipeline.extract.language import detect_language, report_language
from pipeline.ingest.metadata import MetadataError, check_metadata
from schemas.reference import load_sources

DAY = dt.date(2020, 2, 20)


def claims(text: str, language: str | None = None, published: dt.date | None = DAY):
    return extract_claims(text, ReportContext(published=published, publisher="Test Wire", language=language))


def facts(text: str, language: str | None = None):
    return [(c.metric, c.value, c.qualifier, c.population, c.stance) for c in claims(text, language)]


@pytest.mark.parametrize("text, code", [
    ("Des bombardements ont frappé la ville hier soir et plusieurs quartiers sont privés d'eau.", "fr"),
    ("قصفت الطائرات البلدة مساء أمس وانقطعت المياه عن عدة أحياء.", "ar"),
    ("Shelling hit the town last night and several districts are without water.", "en"),
    ("Los bombardeos alcanzaron la ciudad anoche y varios barrios están sin agua.", "es"),
])
def test_a_report_language_is_told_from_its_text(text, code):
    assert detect_language(text) == code


def test_metadata_language_wins_over_the_text():
    assert report_language("FR", "Shelling hit the town last night.") == "fr"


def test_a_language_that_is_no_code_gets_a_reason():
    with pytest.raises(MetadataError, match="`language` is 'French', not an ISO 639-1 code"):
        check_metadata({"publisher": "X", "published": "2020-02-01", "language": "French"}, "front matter", DAY)


def test_a_language_not_read_yet_gives_no_claims():
    assert claims("Al menos 40 personas murieron en los bombardeos de ayer en la ciudad.") == []


def test_claims_carry_their_language():
    english = claims("At least 12 people were killed in the shelling.")
    french = claims("Au moins 12 personnes ont été tuées dans les bombardements.")
    assert [c.language for c in english] == ["en"] and [c.language for c in french] == ["fr"]
    assert claim_record(french[0], "a" * 64)["language"] == "fr"


# ------------------------------------------------------------------ French
@pytest.mark.parametrize("sentence, expected", [
    ("Dix-neuf personnes ont été blessées dans l'explosion.", ("injured", 19, "exact", "people", "asserted")),
    ("Le raid a fait une vingtaine de morts.", ("killed", 20, "approximately", "people", "asserted")),
    ("Des centaines de familles ont été évacuées du quartier.", ("displaced", 100, "vague", "people", "asserted")),
    ("Les combats ont déplacé 1 800 habitants.", ("displaced", 1800, "exact", "civilians", "asserted")),
    ("Près de 1,5 million de réfugiés vivent dans le pays.", ("refugees", 1500000, "approximately", "people", "asserted")),
    ("Au moins six soldats ont été tués lors de l'embuscade.", ("killed", 6, "at_least", "soldiers", "asserted")),
    ("Plus de 40 villageois sont portés disparus.", ("missing", 40, "more_than", "civilians", "asserted")),
    ("La police a procédé à l'arrestation de 25 manifestants.", ("detained", 25, "exact", "people", "asserted")),
])
def test_french_figures(sentence, expected):
    assert expected in facts(sentence)


def test_french_subset_and_range():
    found = facts("Le bilan est de 30 morts dont 12 enfants, et de 10 à 15 blessés.")
    assert ("killed", 12, "exact", "children", "asserted") in found
    assert ("injured", 10, "range", "people", "asserted") in found


def test_french_things_dates_and_articles_are_no_figures():
    assert facts("Le 12 mars, 14 maisons ont été détruites et un soldat a été vu.") == []


def test_french_source_resolves_through_the_registry():
    claim = claims("Au moins 9 civils ont été tués, selon l'ONU.")[0]
    assert load_sources().lookup(claim.attributed_to).name == "United Nations"


def test_french_denial_of_any_figure():
    assert ("killed", 0, "exact", "soldiers", "denied") in facts("L'armée a repris la ville sans qu'aucun soldat ne soit tué.")


def test_french_period_since_a_date():
    claim = claims("Depuis le 1er décembre, 900 000 personnes ont fui les combats.")[0]
    assert (claim.period_start, claim.period_end) == ("2019-12-01", "2020-02-20")


# ------------------------------------------------------------------ Arabic
@pytest.mark.parametrize("sentence, expected", [
    ("قُتِلَ ١٬٢٠٠ شخصٍ في القصف.", ("killed", 1200, "exact", "people", "asserted")),
    ("وأصيـــب ما لا يقل عن 15 مدنيا.", ("injured", 15, "at_least", "civilians", "asserted")),
    ("نزح نحو 1.5 مليون شخص عن بيوتهم.", ("displaced", 1500000, "approximately", "people", "asserted")),
    ("سقط قتيلان في الهجوم.", ("killed", 2, "exact", "people", "asserted")),
    ("اعتقلت القوات ثلاثة آلاف شخص.", ("detained", 3000, "exact", "people", "asserted")),
    ("وأدى القصف إلى مقتل عشرات المدنيين.", ("killed", 10, "vague", "civilians", "asserted")),
    ("وبلغ عدد الجرحى أكثر من 40.", ("injured", 40, "more_than", "people", "asserted")),
])
def test_arabic_figures(sentence, expected):
    assert expected in facts(sentence)


def test_arabic_quote_is_the_text_as_written():
    text = "قُتِلَ ٣ أشخاص في إدلب."
    claim = claims(text)[0]
    assert claim.quote == text[claim.start:claim.end] == text and claim.number_text == "٣"


def test_arabic_source_resolves_through_the_registry():
    claim = claims("قتل 12 مدنيا بحسب المرصد السوري لحقوق الإنسان.")[0]
    assert load_sources().lookup(claim.attributed_to).name == "Syrian Observatory for Human Rights"


def test_arabic_statement_of_no_casualties_is_a_denied_zero():
    assert ("injured", 0, "exact", "people", "denied") in facts("وقالت الوزارة إنه لم تقع أية إصابات.")


def test_figures_extract_says_a_language_is_not_read_yet(tmp_path: Path):
    report = tmp_path / "informe.md"
    report.write_text("---\npublisher: X\npublished: 2020-02-01\n---\nAl menos 40 personas murieron ayer.\n",
                      encoding="utf-8")
    figures = Path(sys.executable).with_name("figures")
    done = subprocess.run([str(figures), "extract", str(report)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == ""
    assert "its language (es) is not read yet" in done.stderr
