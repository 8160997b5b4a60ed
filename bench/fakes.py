"""Reading the FA-KES articles and their hand labels from ../shared/corpus/fa-kes/."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes"

# FA-KES names outlets by short codes; the extractor compares sources by name.
OUTLETS = {
    "sana": "SANA", "sputnik": "Sputnik", "reuters": "Reuters", "nna": "Reuters", "trt": "TRT",
    "alalam": "Al-Alam", "manar": "Al-Manar", "etilaf": "Syrian Coalition", "ahram": "Ahram Online",
    "alaraby": "The New Arab", "dailysabah": "Daily Sabah", "jordantimes": "Jordan Times",
    "asharqalawsat": "Asharq Al-Awsat", "arabiya": "Al Arabiya",
}


def articles() -> pd.DataFrame:
    frame = pd.read_csv(FAKES / "FA-KES-Dataset.csv", encoding="latin-1")
    frame["text"] = frame["article_title"].fillna("") + "\n" + frame["article_content"].fillna("")
    frame["published"] = [_date(value) for value in frame["date"]]
    frame["publisher"] = [OUTLETS.get(str(code).lower(), str(code)) for code in frame["source"]]
    return frame


def _date(value: object) -> dt.date:
    try:
        return dt.datetime.strptime(str(value).strip(), "%m/%d/%Y").date()
    except ValueError:
        return dt.date(2018, 1, 1)


def labels() -> list[dict]:
    return [json.loads(line) for line in (FAKES / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
