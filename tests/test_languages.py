"""A report's language, and how reports in a language not read yet are handled (tests/test_french.py and
tests/test_arabic.py hold the rules of each language)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import lxml.html
import pandas as pd
import pyarrow as pa
import pytest
from conftest import write_report
from releases import published_by_figures_run, release_in_one_process

from pipeline.extract import ReportContext, claim_record, extract_claims
from pipeline.extract import language
from pipeline.extract.language import detect_language, report_language
from pipeline.extract.stated_accuracy import meaning, release_statement, stated_accuracy
from pipeline.ingest.metadata import MetadataError, check_metadata
from pipeline.publish.unread import unread_reports

DAY = dt.date(2020, 2, 20)


def claims(text: str, language: str | None = None, published: dt.date | None = DAY):
    return extract_claims(text, ReportContext(published=published, publisher="Test Wire", language=language))


@pytest.mark.parametrize("text, code", [
    ("Des bombardements ont frappé la ville hier soir et plusieurs quartiers sont privés d'eau.", "fr"),
    ("قصفت الطائرات البلدة مساء أمس وانقطعت المياه عن عدة أحياء.", "ar"),
    ("Shelling hit the town last night and several districts are without water.", "en"),
    ("Los bombardeos alcanzaron la ciudad anoche y varios barrios están sin agua.", "es"),
])
def test_a_report_language_is_told_from_its_text(text, code):
    assert detect_language(text) == code


def test_plainly_english_text_is_told_without_loading_the_model(monkeypatch):
    def no_model():
        raise AssertionError("the language model was loaded for plain English")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert detect_language("The shelling of the market was the worst of the week, and the council said "
                           "that it had counted the dead with the help of the families.") == "en"


def test_english_words_in_french_text_leave_it_to_the_model():
    assert detect_language("Le rapport « The State of the World » a été publié par le HCR et cité dans "
                           "la presse, qui en a repris les chiffres pour les réfugiés du Sahel.") == "fr"


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


def test_figures_extract_says_a_language_is_not_read_yet(tmp_path: Path):
    report = tmp_path / "informe.md"
    report.write_text("---\npublisher: X\npublished: 2020-02-01\n---\nAl menos 40 personas murieron ayer.\n",
                      encoding="utf-8")
    figures = Path(sys.executable).with_name("figures")
    done = subprocess.run([str(figures), "extract", str(report)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == ""
    assert "its language (es) is not read yet" in done.stderr


# ------------------------------------------------------------------ releases
def _reports_in_four_languages(raw: Path) -> None:
    write_report(raw, "en.md", "At least 12 people were killed in the shelling of Ariha.", published="2020-02-10")
    write_report(raw, "fr.md", "Au moins 30 personnes ont été tuées à Ariha, selon l'ONU.", published="2020-02-11")
    write_report(raw, "ar.md", "قتل 14 شخصا في قصف على أريحا بحسب الدفاع المدني.", published="2020-02-12")
    write_report(raw, "es.md", "Al menos 40 personas murieron ayer en los bombardeos sobre Ariha.", published="2020-02-13",
                 title="Informe de Ariha", publisher="Agencia")


def test_a_release_states_its_accuracy_and_names_reports_it_could_not_read(tmp_path: Path):
    raw = tmp_path / "raw"
    _reports_in_four_languages(raw)
    release = release_in_one_process(raw, tmp_path / "out", today=DAY).path
    reports = pd.read_csv(release / "reports.csv")
    claims_read = pd.read_csv(release / "claims.csv")
    assert dict(zip(reports["path"], reports["language"])) == {"en.md": "en", "fr.md": "fr", "ar.md": "ar", "es.md": "es"}
    languages = dict(zip(reports["report_id"], reports["language"]))
    assert sorted(languages[rid] for rid in claims_read["report_id"]) == ["ar", "en", "fr"]
    assert list(claims_read["language"]) == [languages[rid] for rid in claims_read["report_id"]]
    manifest = json.loads((release / "release.json").read_text(encoding="utf-8"))
    assert manifest["extraction_accuracy"] == release_statement()
    page = lxml.html.parse(str(release / "index.html")).getroot()
    assert page.get_element_by_id("accuracy-meaning").text_content() == meaning(stated_accuracy())
    assert {row.get("data-language") for row in page.xpath('//*[@id="accuracy"]//tr[@data-language]')} >= {"en", "fr", "ar"}
    assert "Spanish (es)" in page.get_element_by_id("unread-note").text_content()
    listed = " ".join(page.get_element_by_id("accuracy").text_content().split())
    assert "Agencia, Informe de Ariha (Spanish (es)): es.md" in listed


def test_reports_not_read_are_named_in_pandas_and_arrow_tables_alike():
    frame = pd.DataFrame({"path": ["b.md", "a.md", "c.md"], "title": ["B", "A", "C"], "publisher": ["X", "Y", "Z"],
                          "language": ["ps", "fr", "so"]})
    expected = [{"path": "b.md", "title": "B", "publisher": "X", "language": "ps"},
                {"path": "c.md", "title": "C", "publisher": "Z", "language": "so"}]
    assert unread_reports(frame) == unread_reports(pa.Table.from_pandas(frame)) == expected


def test_figures_run_says_which_reports_are_not_read_yet(tmp_path: Path, capsys):
    raw = tmp_path / "raw"
    _reports_in_four_languages(raw)
    published_by_figures_run(raw, tmp_path)
    summary = capsys.readouterr().out
    assert ("not read yet: es.md is in Spanish (es), a language not read yet; published with its metadata, "
            "no claims") in summary
    assert "fr.md" not in summary and "ar.md" not in summary
