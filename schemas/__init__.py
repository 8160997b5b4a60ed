"""Table contracts and controlled vocabularies, in one place for every step.

Each table has a pandera model; the publish step reads the same models to
write column descriptions into Parquet and ``datapackage.json``. The models
load on first use, so code that needs only the vocabularies or the reference
data (`figures extract`) does not import pandera.
"""
from importlib import import_module

_MODELS = {
    "ClaimSchema": "schemas.claims",
    "EventMonthSchema": "schemas.events",
    "EventSchema": "schemas.events",
    "FigureSchema": "schemas.figures",
    "QuarantineSchema": "schemas.quarantine",
    "ReportSchema": "schemas.reports",
    "SourceSchema": "schemas.sources",
}
__all__ = [*_MODELS, "TABLES"]


def __getattr__(name: str):
    if name in _MODELS:
        return getattr(import_module(_MODELS[name]), name)
    if name == "TABLES":
        return {table: __getattr__(model) for table, model in (
            ("reports", "ReportSchema"), ("claims", "ClaimSchema"), ("events", "EventSchema"),
            ("event_months", "EventMonthSchema"), ("figures", "FigureSchema"), ("sources", "SourceSchema"),
            ("quarantine", "QuarantineSchema"))}
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")
