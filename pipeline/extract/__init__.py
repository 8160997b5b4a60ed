"""Extract: figure claims from report text, each tied to the characters it came from."""
from pipeline.extract.claims import Claim, ReportContext, extract_claims
from pipeline.extract.table import CLAIM_COLUMNS, claims_table

__all__ = ["CLAIM_COLUMNS", "Claim", "ReportContext", "claims_table", "extract_claims"]
