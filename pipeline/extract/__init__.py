"""Extract: figure claims from report text, each tied to the characters it came from.

Importing this package is light (no pandas): `figures extract` starts fast.
``claims_table``, which builds a pandas table, is loaded on first use.
"""
from pipeline.extract.claims import CLAIM_COLUMNS, Claim, ReportContext, claim_id, claim_record
from pipeline.extract.language import extract_claims

__all__ = ["CLAIM_COLUMNS", "Claim", "ReportContext", "claim_id", "claim_record", "claims_table", "extract_claims"]


def __getattr__(name: str):
    if name == "claims_table":
        from pipeline.extract.table import claims_table

        return claims_table
    raise AttributeError(name)
