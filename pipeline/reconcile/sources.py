"""Who stands behind a claim, and how far to trust them.

The originator of a claim is the body the report credits, else the report's
publisher. Ten outlets quoting one UN statement share one originator, so they
count once. Reliability and party status come from ``schemas/sources.yaml``;
an originator it does not know gets the registry's default grade and is
listed for a person to grade.
"""
from __future__ import annotations

from schemas.reference import SourceRegistry, load_sources

RELIABILITY_ORDER = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}


def originator(attributed_to: object, publisher: str) -> str:
    registry = load_sources()
    name = attributed_to if isinstance(attributed_to, str) and attributed_to else publisher
    known = registry.lookup(name)
    return known.name if known else name


def grade(name: str, registry: SourceRegistry | None = None) -> tuple[str, bool, bool]:
    """(reliability, is a party to the conflict, is known to the registry)."""
    registry = registry or load_sources()
    known = registry.lookup(name)
    if known is None:
        return registry.default_reliability, False, False
    return known.reliability, known.party, True


def reliability_range(grades: list[str]) -> str:
    ordered = sorted(set(grades), key=RELIABILITY_ORDER.__getitem__)
    if not ordered:
        return ""
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}_TO_{ordered[-1]}"
