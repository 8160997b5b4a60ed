"""How accurate the extraction code is, as measured on the labelled articles, kept with the code it measured.

``bench/extraction_accuracy.py --record`` scores the extractor on every
labelled set and writes ``stated_accuracy.json`` beside this module: per set
and per language, the articles and hand-labelled claims scored, precision,
recall and attribution, and the SHA-256 of the extraction code measured
(``code_sha256``). Each release states it (``release.json`` and its page); a
test fails when the code no longer has the hash measured, so the statement
cannot go stale: change the extraction, run the bench with ``--record``.
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from pipeline.extract.language import NAMES

ROOT = Path(__file__).resolve().parent.parent.parent
STATEMENT = Path(__file__).with_name("stated_accuracy.json")
STATEMENT_CODE = Path(__file__).name  # this module reads no claim: not part of what is measured
# What decides the claims measured: the extraction code, and the source registry that credits resolve through.
CODE = ("pipeline/extract/**/*.py", "schemas/sources.yaml")


def code_sha256() -> str:
    """SHA-256 over the path and bytes of every file of the extraction code, in path order."""
    digest = hashlib.sha256()
    files = sorted({file for pattern in CODE for file in ROOT.glob(pattern)
                    if "__pycache__" not in file.parts and file.name != STATEMENT_CODE})
    for file in files:
        digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


@cache
def stated_accuracy() -> dict:
    """The recorded measurement; its ``code_sha256`` names the code it measured."""
    return json.loads(STATEMENT.read_text(encoding="utf-8"))


def meaning(statement: dict) -> str:
    """What the measurement means for a reader, in one plain sentence."""
    first, *others = statement["languages"]

    def name(entry: dict) -> str:
        return NAMES.get(entry["language"], entry["language"])

    def also(key: str) -> str:
        return f" ({', '.join(f'{name(entry)} {round(entry[key] * 100)}' for entry in others)})" if others else ""

    return (f"Tested on news articles whose figures were labelled by hand, about {round(first['precision'] * 100)} "
            f"of every 100 figures this code read from {name(first)} text have the metric and number the article "
            f"states{also('precision')}, and it read about {round(first['recall'] * 100)} of every 100 figures "
            f"stated{also('recall')}: check a figure against its quote before relying on it, and do not take a "
            f"report without figures to state none.")


def release_statement() -> dict:
    """What a release records of the accuracy of the code that made it."""
    statement = stated_accuracy()
    return {**statement, "meaning": meaning(statement),
            "measured_code_is_this_code": statement["code_sha256"] == code_sha256()}
