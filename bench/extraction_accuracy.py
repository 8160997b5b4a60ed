"""Score the extractor against every labelled set under ../shared/corpus/*/ and the seed article.

Precision and recall on (metric, value) pairs per article; on matched pairs,
the share whose qualifier, population, stance and originator agree. One line
per set, one per language pooling its sets, then one pooling every set; then,
per language, whether its sets meet their targets. The labels were written
without claims of a single victim ("a child was killed"), so a predicted 1
that no label matches is left out of precision; ``ones`` counts the claims of
1 found.

Attribution is scored on originators: the claim's ``originator`` against the
originator of the label's source, as ``originators.identify`` names it (an
alias of the labelled source, or the same state body, is a match; a label
without a source is the report's publisher). A label worded otherwise than
any name the registry knows for the body credited is a miss.

With --record, the measurement is written to pipeline/extract/stated_accuracy.json
with the hash of the extraction code measured: the accuracy every release
states (run it after any change to the extraction; a test fails until then).
Run: .venv/bin/python bench/extraction_accuracy.py [--show-errors] [--set NAME] [--record]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA, Case, labelled_sets, labels_sha256, seed_cases, set_language  # noqa: E402

from pipeline.extract import extract_claims  # noqa: E402
from pipeline.extract.lowercase import lowered  # noqa: E402
from pipeline.extract.originators import identify  # noqa: E402
from pipeline.extract.report_country import TextPlace  # noqa: E402
from pipeline.extract.stated_accuracy import STATEMENT, code_sha256  # noqa: E402

FIELDS = ("qualifier", "population", "stance", "originator")
TARGETS = {  # per labelled set; a set's language is its folder's suffix (corpora.set_language)
    "fa-kes": {"precision": 0.95, "recall": 0.88},
    "wikinews": {"precision": 0.93, "recall": 0.90},
    "wikinews-fr": {"precision": 0.90, "recall": 0.85},
    "wikinews-ar": {"precision": 0.90, "recall": 0.80},
    "seed": {"precision": 1.0, "recall": 1.0},
}
STATED = {"precision": "precision", "recall": "recall", "attribution": "originator"}  # what a release states
FIELD_TARGETS = {"qualifier": 0.90, "population": 0.90, "stance": 0.90, "originator": 0.90}


def labelled_originator(case: Case, label: dict) -> str:
    """The originator of a label's source: its credited body, else the report's publisher, as
    ``identify`` names it in that report."""
    found = identify(label.get("attributed_to") or case.context.publisher,
                     TextPlace(case.text, lowered(case.text), case.context.location))
    return found.name.lower() if found else ""


def _norm(field: str, value):
    return (value or "").lower() if field == "originator" else value


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
        expected = [{**label, "originator": labelled_originator(case, label)} for label in case.expected]
        pairs, extra, missed = match(predicted, expected)
        unlabelled_ones = sum(claim["value"] == 1 for claim in extra)
        totals.update(articles=1, predicted=len(predicted), expected=len(case.expected), matched=len(pairs),
                      ones=sum(claim["value"] == 1 for claim in predicted), scored=len(predicted) - unlabelled_ones)
        for claim, label in pairs:
            for field in FIELDS:
                ok = _norm(field, claim.get(field)) == _norm(field, label.get(field))
                totals[field] += ok
                if show_errors and not ok:
                    written = f" (credited {claim['attributed_to']!r}, labelled {label.get('attributed_to')!r})" \
                        if field == "originator" else ""
                    print(f"{case.name} {field}: got {claim.get(field)!r}, label {label.get(field)!r}{written} "
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
    return (f"{name:<11} {totals['articles']:>8} {totals['expected']:>8} {totals['predicted']:>6} {totals['ones']:>5} "
            f"{totals['matched']:>7} {result['precision']:>9.3f} {result['recall']:>6.3f} "
            + " ".join(f"{result[f]:>13.3f}" for f in FIELDS))


def _stated(name: str, totals: Counter, key: str) -> dict:
    result = rates(totals)
    return {key: name, "articles": totals["articles"], "labelled_claims": totals["expected"],
            "claims_found": totals["predicted"], "matched": totals["matched"],
            **{stated: round(result[field], 3) for stated, field in STATED.items()}}


def record(by_set: dict[str, Counter], by_language: dict[str, Counter]) -> dict:
    """The measurement as every release states it, with the hash of the code it measured."""
    return {
        "code_sha256": code_sha256(),
        "measured_by": "bench/extraction_accuracy.py",
        "scoring": "a claim found is right when an unmatched hand-labelled claim of its article has the same metric "
                   "and value (precision: share of claims found that are right; recall: share of labelled claims "
                   "found); attribution: share of matched claims credited to the labelled source",
        "sets": [{**_stated(name, totals, "set"), "language": set_language(name), "labels_sha256": labels_sha256(name)}
                 for name, totals in by_set.items()],
        "languages": [_stated(code, totals, "language") for code, totals in by_language.items()],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print every disagreement")
    parser.add_argument("--set", action="append", help="score only this set (repeatable)")
    parser.add_argument("--record", action="store_true",
                        help=f"write the measurement, with the hash of the code measured, to {STATEMENT.name}")
    args = parser.parse_args()
    if args.record and args.set:
        parser.error("--record states the accuracy on every labelled set: leave out --set")
    sets = labelled_sets()
    if not sets:
        print(f"no labelled sets under {CORPORA}: they live in ../shared beside the checkout", file=sys.stderr)
        return 2
    sets["seed"] = seed_cases()
    if args.set:
        sets = {name: cases for name, cases in sets.items() if name in args.set}
    print(f"{'set':<11} {'articles':>8} {'labelled':>8} {'found':>6} {'ones':>5} {'matched':>7} "
          f"{'precision':>9} {'recall':>6} "
          + " ".join(f"{f:>13}" for f in FIELDS))
    pooled, by_set, by_language, missed = Counter(), {}, {}, {}
    for name, cases in sets.items():
        totals = count(cases, args.show_errors)
        result = rates(totals)
        by_set[name] = totals
        by_language.setdefault(set_language(name), Counter()).update(totals)
        pooled.update(totals)
        print(_line(name, totals, result))
        targets = {**TARGETS.get(name, {}), **(FIELD_TARGETS if name != "seed" else {})}
        missed.setdefault(set_language(name), []).extend(
            f"{name} {key} {result[key]:.3f} < {target}" for key, target in targets.items() if result[key] < target)
    for code, totals in by_language.items():
        print(_line(f"{code} pooled", totals, rates(totals)))
    print(_line("pooled", pooled, rates(pooled)))
    for code, misses in missed.items():
        print(f"{code}: targets met" if not misses else f"{code}: targets missed: " + "; ".join(misses))
    if args.record:
        STATEMENT.write_text(json.dumps(record(by_set, by_language), indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"recorded in {STATEMENT.relative_to(STATEMENT.parents[2])} for code {code_sha256()[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
