"""The labelled sets under ../shared/corpus/*/ and the seed article, as scoring cases.

A set is a folder holding ``labels.jsonl``. Its articles are either in
``articles.jsonl`` (``id``, ``published``, ``text``; labels keyed by ``id``)
or, for FA-KES, rows of the original CSV (labels keyed by ``row``). A folder
named ``NAME-xx`` holds articles in the language of ISO 639-1 code ``xx``
(``wikinews-fr``); the others are English.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import NamedTuple

from pipeline.extract import ReportContext

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpus"


class Case(NamedTuple):
    name: str
    text: str
    context: ReportContext
    expected: list[dict]


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _article_cases(folder: Path) -> list[Case]:
    articles = {item["id"]: item for item in _jsonl(folder / "articles.jsonl")}
    cases = []
    for item in _jsonl(folder / "labels.jsonl"):
        article = articles[item["id"]]
        published = article.get("published")  # some sets give no date: their periods keep their words only
        context = ReportContext(published=dt.date.fromisoformat(published) if published else None,
                                publisher=folder.name.title())
        cases.append(Case(item["id"], article["text"], context, item["claims"]))
    return cases


def _fakes_cases(folder: Path) -> list[Case]:
    from fakes import articles

    frame = articles()
    cases = []
    for item in _jsonl(folder / "labels.jsonl"):
        row = frame.iloc[item["row"]]
        context = ReportContext(published=row["published"], publisher=row["publisher"])
        cases.append(Case(f"row {item['row']}", row["text"], context, item["claims"]))
    return cases


LANGUAGE_SUFFIX = re.compile(r"-([a-z]{2})$")


def set_language(name: str) -> str:
    """The ISO 639-1 code of a labelled set's articles."""
    found = LANGUAGE_SUFFIX.search(name)
    return found.group(1) if found else "en"


def labels_sha256(name: str) -> str:
    """SHA-256 of a set's labels (the seed's for "seed"): which labels a measurement was made on."""
    path = SHARED / "domain" / "seed_labels.jsonl" if name == "seed" else CORPORA / name / "labels.jsonl"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labelled_sets() -> dict[str, list[Case]]:
    """Every labelled set found, by folder name, in name order."""
    sets = {}
    for folder in sorted(CORPORA.glob("*/")):
        if not (folder / "labels.jsonl").is_file():
            continue
        if (folder / "articles.jsonl").is_file():
            sets[folder.name] = _article_cases(folder)
        elif (folder / "FA-KES-Dataset.csv").is_file():
            sets[folder.name] = _fakes_cases(folder)
    return sets


def seed_cases() -> list[Case]:
    """The seed article; its own text dates it to about 16 February 2020."""
    expected = _jsonl(SHARED / "domain" / "seed_labels.jsonl")
    text = next((SHARED / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    return [Case("seed", text, ReportContext(published=dt.date(2020, 2, 16), publisher="EA WorldView"), expected)]
