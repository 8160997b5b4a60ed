"""Who stands behind a claim, and how far to trust them.

The originator of a claim is the claim's `originator` (the body the report
credits, resolved by ``pipeline.extract.originators``), else the report's
publisher. Ten outlets quoting one UN statement share one originator, so they
count once. Reliability and party status come from ``schemas/sources.yaml``,
re-graded by analyst overrides; an originator the registry does not know
gets the registry's default grade and is listed for a person to grade.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.extract.originators import identify
from pipeline.reconcile.overrides import Regrade
from schemas.reference import SourceRegistry, load_sources

RELIABILITY_ORDER = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}


@dataclass(frozen=True)
class Grade:
    reliability: str
    party: bool
    registered: bool
    override: str | None = None  # the reason of an analyst re-grade


class SourceBook:
    """The registry with the analyst's re-grades laid over it."""

    def __init__(self, regrades: list[Regrade], registry: SourceRegistry | None = None):
        self.registry = registry or load_sources()
        self.regrades = {self.name_of(r.source).lower(): r for r in regrades}

    def name_of(self, name: str) -> str:
        """The originator a name stands for (``originators.identify``): "UN humanitarian office" is OCHA."""
        found = identify(name)
        return found.name if found else name

    def originator(self, named: object, publisher: str) -> str:
        """A claim's originator: the one it names, else its report's publisher, as the registry names it."""
        name = named if isinstance(named, str) and named else publisher
        return self.name_of(name)

    def grade(self, name: str) -> Grade:
        found = identify(name)
        base = Grade(found.reliability, found.party, found.registered) if found else \
            Grade(self.registry.default_reliability, False, False)
        regrade = self.regrades.get(name.lower())
        if regrade is None:
            return base
        party = base.party if regrade.party is None else regrade.party
        return Grade(regrade.reliability, party, base.registered, regrade.reason)


def reliability_range(grades: list[str]) -> str:
    ordered = sorted(set(grades), key=RELIABILITY_ORDER.__getitem__)
    if not ordered:
        return ""
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}_TO_{ordered[-1]}"


def sources_table(origins: pd.DataFrame, origin_of_claim: np.ndarray) -> pd.DataFrame:
    """Every originator behind the claims, the names reports give it, its grade, whether the
    registry knows it, and how many claims it originates. ``origins`` is in name order."""
    table = origins.assign(claims=np.bincount(origin_of_claim, minlength=len(origins)))
    return table[["source", "names", "reliability", "party", "registered", "claims", "override"]].reset_index(drop=True)
