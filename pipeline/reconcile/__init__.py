"""Reconcile: conflicting claims into figures with low, best and high."""
from pipeline.reconcile.figures import FIGURE_COLUMNS, reconcile

__all__ = ["FIGURE_COLUMNS", "reconcile"]
