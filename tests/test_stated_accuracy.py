"""The accuracy each release states is the accuracy of the code that made it."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from pipeline.extract import stated_accuracy
from pipeline.extract.language import NAMES
from pipeline.extract.stated_accuracy import code_sha256, meaning, release_statement

BENCH = Path(__file__).resolve().parent.parent / "bench"
REFRESH = ".venv/bin/python bench/extraction_accuracy.py --record"


def test_the_stated_accuracy_measured_this_extraction_code():
    assert stated_accuracy.stated_accuracy()["code_sha256"] == code_sha256(), (
        f"the extraction code changed since its accuracy was measured: run `{REFRESH}` and commit "
        "pipeline/extract/stated_accuracy.json")


def test_a_change_to_the_extraction_code_changes_its_hash(tmp_path: Path, monkeypatch):
    for pattern in stated_accuracy.CODE:
        for file in stated_accuracy.ROOT.glob(pattern):
            if "__pycache__" not in file.parts:
                copy = tmp_path / file.relative_to(stated_accuracy.ROOT)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, copy)
    monkeypatch.setattr(stated_accuracy, "ROOT", tmp_path)
    same = code_sha256()
    lexicon = tmp_path / "pipeline" / "extract" / "fr" / "lexicon.py"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# one more word\n", encoding="utf-8")
    assert same == stated_accuracy.stated_accuracy()["code_sha256"] != code_sha256()


def test_the_statement_gives_every_language_and_set_with_their_sizes():
    statement = stated_accuracy.stated_accuracy()
    assert {entry["language"] for entry in statement["languages"]} >= {"en", "fr", "ar"}
    for entry in [*statement["sets"], *statement["languages"]]:
        assert entry["articles"] > 0 and entry["labelled_claims"] > 0
        assert all(0 <= entry[key] <= 1 for key in ("precision", "recall", "attribution"))
    for code in ("en", "fr", "ar"):
        pooled = next(entry for entry in statement["languages"] if entry["language"] == code)
        sets = [entry for entry in statement["sets"] if entry["language"] == code]
        assert pooled["labelled_claims"] == sum(entry["labelled_claims"] for entry in sets)


def test_the_meaning_for_a_reader_is_one_sentence_with_the_numbers():
    statement = {"languages": [
        {"language": "en", "precision": 0.971, "recall": 0.918},
        {"language": "fr", "precision": 0.5, "recall": 0.25},
    ]}
    sentence = meaning(statement)
    assert "about 97 of every 100 figures this code read from English text" in sentence
    assert "(French 50)" in sentence and "about 92 of every 100" in sentence and "(French 25)" in sentence
    assert sentence.endswith(".") and sentence.count(". ") == 0


def test_a_release_says_whether_the_measured_code_is_its_own(monkeypatch):
    assert release_statement()["measured_code_is_this_code"] is True
    monkeypatch.setattr(stated_accuracy, "code_sha256", lambda: "0" * 64)
    assert release_statement()["measured_code_is_this_code"] is False


def test_the_stated_numbers_are_what_the_bench_measures_now():
    sys.path.insert(0, str(BENCH))
    try:
        import corpora
        from extraction_accuracy import count, record
    finally:
        sys.path.remove(str(BENCH))
    sets = corpora.labelled_sets()
    if not sets:
        pytest.skip(f"no labelled sets under {corpora.CORPORA}")
    sets["seed"] = corpora.seed_cases()
    by_set = {name: count(cases, show_errors=False) for name, cases in sets.items()}
    by_language = {}
    for name, totals in by_set.items():
        by_language.setdefault(corpora.set_language(name), type(totals)()).update(totals)
    measured = json.loads(json.dumps(record(by_set, by_language)))
    assert measured == stated_accuracy.stated_accuracy(), f"run `{REFRESH}`"


def test_the_readme_quotes_the_statement_of_this_code():
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    statement = stated_accuracy.stated_accuracy()
    stale = "README.md's accuracy statement of the sample release is not the one recorded: copy it from a release"
    assert meaning(statement) in " ".join(text.replace("\n> ", " ").split()), stale
    for entry in statement["sets"]:
        row = (f"| {NAMES[entry['language']]} | {entry['set']} | {entry['articles']} | {entry['labelled_claims']} | "
               f"{entry['precision']:.3f} | {entry['recall']:.3f} | {entry['attribution']:.3f} |")
        assert row in text, stale
