"""`figures run` over the 804 FA-KES articles, as a new user would run it, and what it publishes.

Each article becomes a Markdown report with its outlet as publisher, its date
and the place the dataset gives, in a temporary raw folder; the installed
`figures run` reads it into a release of its own. Prints claims and figures,
the share of figures flagged ``revision`` and ``conflict``, and the events
table's size where the release has one.

Run: .venv/bin/python bench/fakes_run.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes import articles  # noqa: E402

FIGURES = Path(sys.executable).with_name("figures")


def write_reports(raw: Path) -> int:
    frame = articles()
    for i, (title, text, published, publisher, place) in enumerate(zip(
            frame["article_title"], frame["text"], frame["published"], frame["publisher"], frame["location"])):
        fields = {"title": " ".join(str(title).split()) or f"Article {i}", "publisher": publisher,
                  "published": published.isoformat(), "url": f"https://fa-kes.example.org/{i}"}
        if isinstance(place, str) and place.strip():
            fields["location"] = place.strip().title()
        head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
        body = text.split("\n", 1)[1] if "\n" in text else text
        (raw / f"{i:04d}.md").write_text(f"---\n{head}---\n{body.strip()}\n", encoding="utf-8")
    return len(frame)


def summary(release: Path) -> dict:
    claims = pq.read_table(release / "claims.parquet")
    figures = pq.read_table(release / "figures.parquet", columns=["revision", "conflict"]).to_pandas()
    result = {"claims": claims.num_rows, "figures": len(figures),
              "revision": float(figures["revision"].mean()) if len(figures) else 0.0,
              "conflict": float(figures["conflict"].mean()) if len(figures) else 0.0}
    if (release / "events.parquet").exists():
        result["events"] = pq.read_metadata(release / "events.parquet").num_rows
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the raw folder and release here and keep them")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="fakes-run-"))
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    n = write_reports(raw)
    env = {**os.environ, "DAGSTER_HOME": str(root / "dagster")}
    (root / "dagster").mkdir(exist_ok=True)
    subprocess.run([str(FIGURES), "run", "--raw", str(raw), "--out", str(root / "out"), "--quiet",
                    "--overrides", str(root / "none.yaml")], env=env, check=True)
    release = (root / "out" / (root / "out" / "LATEST").read_text().strip())
    found = summary(release)
    print(f"FA-KES articles as reports: {n}")
    print(f"claims: {found['claims']}   figures: {found['figures']}   events: {found.get('events', '-')}")
    print(f"figures flagged revision: {found['revision']:.1%}   conflict: {found['conflict']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
