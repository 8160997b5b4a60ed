"""Reconcile: conflicting claims into figures with low, best and high."""
from pipeline.reconcile.figures import FIGURE_COLUMNS, Reconciled, reconcile
from pipeline.reconcile.overrides import OverrideError, Overrides, load_overrides

__all__ = ["FIGURE_COLUMNS", "OverrideError", "Overrides", "Reconciled", "load_overrides", "reconcile"]
