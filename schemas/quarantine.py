"""The quarantine table: every input, or row of one, that did not make it, and why."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class QuarantineSchema(pa.DataFrameModel):
    path: Series[str] = pa.Field(description="Raw file the problem came from")
    report_id: Series[str] = pa.Field(
        nullable=True, description="SHA-256 of the raw file, where it could be read"
    )
    stage: Series[str] = pa.Field(
        isin=("ingest", "extract", "validate", "reconcile"), description="Step that set the input aside"
    )
    table: Series[str] = pa.Field(description="Table the input was meant for")
    row: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, description="Row or record number within the file, where relevant"
    )
    reason: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="What is wrong, in words a person can act on"
    )

    class Config:
        strict = True
        coerce = True
