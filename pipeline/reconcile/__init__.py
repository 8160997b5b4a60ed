"""Reconcile: conflicting claims into figures with low, best and high."""
from pipeline.reconcile.event_sums import figure_sums, monthly_sums
from pipeline.reconcile.events import EVENT_COLUMNS, reconcile_events
from pipeline.reconcile.figures import FIGURE_COLUMNS, Reconciled, reconcile
from pipeline.reconcile.overrides import OverrideError, Overrides, load_overrides
from pipeline.reconcile.window import STALE_AFTER_DAYS

__all__ = ["EVENT_COLUMNS", "FIGURE_COLUMNS", "OverrideError", "Overrides", "Reconciled", "STALE_AFTER_DAYS",
           "figure_sums", "load_overrides", "monthly_sums", "reconcile", "reconcile_events"]
