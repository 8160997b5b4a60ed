"""Table contracts and controlled vocabularies, in one place for every step.

Each table has a pandera model; the publish step reads the same models to
write column descriptions into Parquet and ``datapackage.json``.
"""
from schemas.claims import ClaimSchema
from schemas.figures import FigureSchema
from schemas.quarantine import QuarantineSchema
from schemas.reports import ReportSchema
from schemas.sources import SourceSchema

TABLES = {
    "reports": ReportSchema,
    "claims": ClaimSchema,
    "figures": FigureSchema,
    "sources": SourceSchema,
    "quarantine": QuarantineSchema,
}

__all__ = ["ClaimSchema", "FigureSchema", "QuarantineSchema", "ReportSchema", "SourceSchema", "TABLES"]
