"""Validate a table against its schema; set failing rows aside with their reasons."""
from pipeline.validate.tables import QUARANTINE_COLUMNS, quarantine_frame, validate_table

__all__ = ["QUARANTINE_COLUMNS", "quarantine_frame", "validate_table"]
