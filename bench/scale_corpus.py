"""A synthetic corpus of N reports for the scale benchmark, written as a user would drop them in.

Bodies are the FA-KES articles (../shared/corpus/fa-kes/) and the bundled
Markdown sample (data/raw/), under front matter of our own: dates spread over
a year, some sixty publishers (some graded in schemas/sources.yaml, most not),
places from the articles. One report in a thousand has no `published` date,
so the quarantine is exercised too. The bundled web page, PDF and CSV feed are
copied once, so every format is read. Each report's bytes are distinct (its
address carries its number), and report ``i`` is the same for every N, so a
corpus of N + k reports is the corpus of N plus k new files.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import frontmatter

from fakes import articles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RAW = ROOT / "data" / "raw"
FIRST_DAY = dt.date(2019, 4, 1)
DAYS = 366
REGISTERED = ["OCHA", "Reuters", "AFP", "SANA", "Enab Baladi", "Syria Direct", "Al-Masdar", "United Nations",
              "UNHCR", "Syrian Observatory for Human Rights", "Human Rights Watch", "Save the Children"]
UNREGISTERED = ["Ahram Online", "Al-Manar", "Al-Alam", "The New Arab", "Daily Sabah", "TRT", "Sputnik",
                "Jordan Times", "Asharq Al-Awsat", "Al Arabiya", "Syrian Coalition", "TASS"]
PUBLISHERS = REGISTERED + UNREGISTERED + [f"Regional Desk {n}" for n in range(1, 37)]
SAMPLE_EVERY = 25      # one report in 25 has a bundled Markdown report's body
UNDATED_EVERY = 1000   # one in a thousand lacks its date and is quarantined


def _bodies() -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """(title, body, place) of each FA-KES article, and the bundled Markdown bodies."""
    frame = articles()
    fakes = [(" ".join(str(title).split()), text, str(place).title() if isinstance(place, str) else None)
             for title, text, place in zip(frame["article_title"], frame["text"], frame["location"])]
    samples = [frontmatter.loads(path.read_text(encoding="utf-8")).content
               for path in sorted(SAMPLE_RAW.glob("*.md"))]
    return fakes, samples


def report_text(i: int, fakes: list, samples: list) -> tuple[str, str]:
    """(relative path, file text) of report number ``i``."""
    published = FIRST_DAY + dt.timedelta(days=(i * 37) % DAYS)
    publisher = PUBLISHERS[(i * 7) % len(PUBLISHERS)]
    if i % SAMPLE_EVERY == 0:
        title, body, place = f"Situation update {i}", samples[(i // SAMPLE_EVERY) % len(samples)], "northwest Syria"
    else:
        title, body, place = fakes[i % len(fakes)]
    fields = {"title": title or f"Report {i}", "publisher": publisher,
              "url": f"https://reports.example.org/{published:%Y/%m}/{i}", "published": published.isoformat()}
    if place and i % 3:
        fields["location"] = place
    if i % UNDATED_EVERY == UNDATED_EVERY - 1:
        del fields["published"]
    head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
    return f"{published:%Y-%m}/{i:06d}.md", f"---\n{head}---\n{body.strip()}\n"


def write_corpus(folder: Path, first: int, count: int) -> int:
    """Write reports ``first`` .. ``first + count - 1`` under ``folder``; returns bytes written."""
    fakes, samples = _bodies()
    written = 0
    for i in range(first, first + count):
        relative, text = report_text(i, fakes, samples)
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
    return written


def copy_other_formats(folder: Path) -> int:
    """The bundled web page, PDF and CSV feed (with their sidecars), once each."""
    copied = 0
    for path in sorted(SAMPLE_RAW.iterdir()):
        if path.suffix != ".md":
            shutil.copy2(path, folder / path.name)
            copied += not path.name.endswith(".meta.yaml")
    return copied
