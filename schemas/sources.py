"""The sources table: every originator behind the claims, and how it is graded."""
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import RELIABILITY


class SourceSchema(pa.DataFrameModel):
    source: Series[str] = pa.Field(unique=True, description="Originator of claims (credited body, else publisher)")
    reliability: Series[str] = pa.Field(isin=RELIABILITY, description="Reliability grade used (IDMC scale)")
    party: Series[bool] = pa.Field(description="A party to the conflict: its figures only evidence a dispute")
    registered: Series[bool] = pa.Field(
        description="Graded in schemas/sources.yaml; false means the default grade, for a person to review"
    )
    claims: Series[int] = pa.Field(ge=1, description="Claims it originates")
    override: Series[str] = pa.Field(nullable=True, description="Reason of an analyst re-grade, if any")

    class Config:
        strict = True
        coerce = True
