"""Score the extractor against hand labels: FA-KES (50 articles) and the seed article.

Precision and recall on (metric, value) pairs per article; on matched pairs,
the share whose qualifier, population, stance and attribution agree.
Run: .venv/bin/python bench/extraction_accuracy.py [--show-errors]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakes import FAKES, ROOT, articles, labels  # noqa: E402

from pipeline.extract import ReportContext, extract_claims  # noqa: E402

FIELDS = ("qualifier", "population", "stance", "attributed_to")
TARGETS = {"precision": 0.90, "recall": 0.85, "qualifier": 0.85, "population": 0.85, "stance": 0.85}


def _norm(field: str, value):
    return (value or "").lower() if field == "attributed_to" else value


def match(predicted: list[dict], expected: list[dict]):
    """Pairs of (prediction, label) matched on (metric, value), and the unmatched of each."""
    remaining = list(expected)
    pairs, extra = [], []
    for claim in predicted:
        same = [label for label in remaining if (label["metric"], label["value"]) == (claim["metric"], claim["value"])]
        if not same:
            extra.append(claim)
            continue
        best = max(same, key=lambda label: sum(_norm(f, label.get(f)) == _norm(f, claim.get(f)) for f in FIELDS))
        remaining.remove(best)
        pairs.append((claim, best))
    return pairs, extra, remaining


def score(cases: list[tuple[str, str, ReportContext, list[dict]]], show_errors: bool) -> dict:
    totals = Counter()
    agree = Counter()
    for name, text, context, expected in cases:
        predicted = [dataclasses.asdict(claim) for claim in extract_claims(text, context)]
        pairs, extra, missed = match(predicted, expected)
        totals.update(predicted=len(predicted), expected=len(expected), matched=len(pairs))
        for claim, label in pairs:
            for field in FIELDS:
                ok = _norm(field, claim.get(field)) == _norm(field, label.get(field))
                agree[field] += ok
                if show_errors and not ok:
                    print(f"{name} {field}: got {claim.get(field)!r}, label {label.get(field)!r} | {claim['quote'][:140]}")
        if show_errors:
            for claim in extra:
                print(f"{name} EXTRA {claim['metric']} {claim['value']} {claim['population']} | {claim['quote'][:140]}")
            for label in missed:
                print(f"{name} MISSED {label['metric']} {label['value']} {label['population']} {label['qualifier']}")
    matched = totals["matched"] or 1
    return {
        "articles": len(cases),
        "labelled": totals["expected"],
        "extracted": totals["predicted"],
        "matched": totals["matched"],
        "precision": totals["matched"] / max(totals["predicted"], 1),
        "recall": totals["matched"] / max(totals["expected"], 1),
        **{field: agree[field] / matched for field in FIELDS},
    }


def fakes_cases() -> list:
    frame = articles()
    cases = []
    for item in labels():
        row = frame.iloc[item["row"]]
        context = ReportContext(published=row["published"], publisher=row["publisher"])
        cases.append((f"row {item['row']}", row["text"], context, item["claims"]))
    return cases


def seed_cases() -> list:
    seeds = ROOT.parent / "shared" / "seeds"
    expected = [json.loads(line) for line in (ROOT.parent / "shared" / "domain" / "seed_labels.jsonl").read_text().splitlines()]
    text = next(seeds.glob("*.txt")).read_text(encoding="utf-8")
    context = ReportContext(published=dt.date(2020, 2, 16), publisher="EA WorldView")
    return [("seed", text, context, expected)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    if not FAKES.is_dir():
        print(f"{FAKES} not found: the labels live in ../shared beside the checkout", file=sys.stderr)
        return 2
    print(f"{'corpus':<8} {'articles':>8} {'labelled':>8} {'found':>6} {'matched':>7} {'precision':>9} {'recall':>6} "
          + " ".join(f"{f:>13}" for f in FIELDS))
    results = {}
    for name, cases in (("fa-kes", fakes_cases()), ("seed", seed_cases())):
        result = score(cases, args.show_errors)
        results[name] = result
        print(f"{name:<8} {result['articles']:>8} {result['labelled']:>8} {result['extracted']:>6} {result['matched']:>7} "
              f"{result['precision']:>9.3f} {result['recall']:>6.3f} " + " ".join(f"{result[f]:>13.3f}" for f in FIELDS))
    missed = [f"{key} {results['fa-kes'][key]:.3f} < {target}" for key, target in TARGETS.items()
              if results["fa-kes"][key] < target]
    print("targets met" if not missed else "targets missed: " + ", ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
