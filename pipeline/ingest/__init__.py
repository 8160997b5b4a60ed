"""Ingest: read every raw file into a report row and its text, or quarantine it."""
from pipeline.ingest.reports import Ingested, ingest, read_report_text

__all__ = ["Ingested", "ingest", "read_report_text"]
