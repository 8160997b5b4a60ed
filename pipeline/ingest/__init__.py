"""Ingest: read every raw file into a report row and its text, or quarantine it.

The table-building parts load on first use, so the single-file readers (used
by `figures extract`) import without pandas.
"""
__all__ = ["Ingested", "ingest", "read_report_text"]


def __getattr__(name: str):
    if name in __all__:
        from pipeline.ingest import reports

        return getattr(reports, name)
    raise AttributeError(name)
