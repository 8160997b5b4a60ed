"""Score the extractor against every labelled set under ../shared/corpus/*/ and the seed article.

Precision and recall on (metric, value) pairs per article; on matched pairs,
the share whose qualifier, population, stance and attribution agree. One line
per set, then a pooled line over every set. The labels were written without
claims of a single victim ("a child was killed"), so a predicted 1 that no
label matches is left out of precision; ``ones`` counts the claims of 1 found.
Run: .venv/bin/python bench/extraction_accuracy.py [--show-errors] [--set NAME]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA, Case, labelled_sets, seed_cases  # noqa: E402

from pipeline.extract import extract_claims  # noqa: E402
from schemas.reference import load_sources  # noqa: E402

FIELDS = ("qualifier", "population", "stance", "attributed_to")
TARGETS = {
    "fa-kes": {"precision": 0.95, "recall": 0.88},
    "wikinews": {"precision": 0.93, "recall": 0.90},
    "seed": {"precision": 1.0, "recall": 1.0},
}
FIELD_TARGETS = {"qualifier": 0.90, "population": 0.90, "stance": 0.90, "attributed_to": 0.80}


def _norm(field: str, value):
    """Values as compared: a source by its identity in the source registry ("UN" is the United
    Nations, "World Health Organisation" the World Health Organization), else lower-cased."""
    if field != "attributed_to":
        return value
    if not value:
        return ""
    known = load_sources().lookup(value)
    return (known.name if known else value).lower()


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


def count(cases: list[Case], show_errors: bool) -> Counter:
    """Claims predicted, labelled and matched, and agreements per field on matched claims."""
    totals = Counter()
    for case in cases:
        predicted = [dataclasses.asdict(claim) for claim in extract_claims(case.text, case.context)]
        pairs, extra, missed = match(predicted, case.expected)
        unlabelled_ones = sum(claim["value"] == 1 for claim in extra)
        totals.update(articles=1, predicted=len(predicted), expected=len(case.expected), matched=len(pairs),
                      ones=sum(claim["value"] == 1 for claim in predicted), scored=len(predicted) - unlabelled_ones)
        for claim, label in pairs:
            for field in FIELDS:
                ok = _norm(field, claim.get(field)) == _norm(field, label.get(field))
                totals[field] += ok
                if show_errors and not ok:
                    print(f"{case.name} {field}: got {claim.get(field)!r}, label {label.get(field)!r} "
                          f"| {claim['quote'][:140]}")
        if show_errors:
            for claim in extra:
                print(f"{case.name} EXTRA {claim['metric']} {claim['value']} {claim['population']} "
                      f"| {claim['quote'][:140]}")
            for label in missed:
                print(f"{case.name} MISSED {label['metric']} {label['value']} {label['population']} "
                      f"{label['qualifier']} | {label.get('quote', '')[:140]}")
    return totals


def rates(totals: Counter) -> dict:
    matched = totals["matched"] or 1
    return {
        "precision": totals["matched"] / max(totals["scored"], 1),
        "recall": totals["matched"] / max(totals["expected"], 1),
        **{field: totals[field] / matched for field in FIELDS},
    }


def _line(name: str, totals: Counter, result: dict) -> str:
    return (f"{name:<9} {totals['articles']:>8} {totals['expected']:>8} {totals['predicted']:>6} {totals['ones']:>5} "
            f"{totals['matched']:>7} {result['precision']:>9.3f} {result['recall']:>6.3f} "
            + " ".join(f"{result[f]:>13.3f}" for f in FIELDS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print every disagreement")
    parser.add_argument("--set", action="append", help="score only this set (repeatable)")
    args = parser.parse_args()
    sets = labelled_sets()
    if not sets:
        print(f"no labelled sets under {CORPORA}: they live in ../shared beside the checkout", file=sys.stderr)
        return 2
    sets["seed"] = seed_cases()
    if args.set:
        sets = {name: cases for name, cases in sets.items() if name in args.set}
    print(f"{'set':<9} {'articles':>8} {'labelled':>8} {'found':>6} {'ones':>5} {'matched':>7} "
          f"{'precision':>9} {'recall':>6} "
          + " ".join(f"{f:>13}" for f in FIELDS))
    pooled, missed = Counter(), []
    for name, cases in sets.items():
        totals = count(cases, args.show_errors)
        result = rates(totals)
        pooled.update(totals)
        print(_line(name, totals, result))
        targets = {**TARGETS.get(name, {}), **(FIELD_TARGETS if name != "seed" else {})}
        missed += [f"{name} {key} {result[key]:.3f} < {target}" for key, target in targets.items()
                   if result[key] < target]
    print(_line("pooled", pooled, rates(pooled)))
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
