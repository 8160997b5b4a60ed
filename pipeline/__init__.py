"""crisis-figures: casualty and displacement figures from reports to versioned releases.

The steps are plain modules, in the order they run: ``ingest``, ``extract``,
``validate``, ``reconcile``, ``publish``. ``orchestration`` wires them as
Dagster assets; nothing else imports Dagster.

``pipeline.load(source, version=None)`` reads a published release back as
pandas DataFrames, checking each file against its SHA256SUMS.
"""
from pipeline.load import ChecksumError, LoadError, load

__all__ = ["ChecksumError", "LoadError", "load"]
