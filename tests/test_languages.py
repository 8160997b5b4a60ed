"""A report's language, and how reports in a language not read yet are handled (tests/test_french.py and
tests/test_arabic.py hold the rules of each language)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract import ReportContext, claim_record, extract_claims
from pipeline.extract.language import detect_language, report_language
from pipeline.ingest.metadata import MetadataError, check_metadata

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
