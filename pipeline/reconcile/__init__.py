"""Reconcile: conflicting claims into figures with low, best and high."""
from pipeline.reconcile.figures import FIGURE_COLUMNS, Reconciled, reconcile
from pipeline.reconcile.overrides import OverrideError, Overrides, load_overrides
from pipeline.reconcile.window import STALE_AFTER_DAYS

__all__ = ["FIGURE_COLUMNS", "OverrideError", "Overrides", "Reconciled", "STALE_AFTER_DAYS", "load_overrides",
           "reconcile"]
