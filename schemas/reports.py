"""The reports table: one row per distinct raw file (by content hash)."""
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import FORMATS, ISO_DATE, SHA256_HEX


class ReportSchema(pa.DataFrameModel):
    report_id: Series[str] = pa.Field(
        str_matches=SHA256_HEX, unique=True, description="SHA-256 (hex) of the raw file's bytes"
    )
    path: Series[str] = pa.Field(description="Path of the raw file, relative to the raw folder")
    title: Series[str] = pa.Field(str_length={"min_value": 1}, description="Title of the report")
    publisher: Series[str] = pa.Field(
        str_length={"min_value": 1}, description="Organisation that published the report"
    )
    url: Series[str] = pa.Field(
        str_matches=r"^https?://", description="Address of the original report"
    )
    published: Series[str] = pa.Field(
        str_matches=ISO_DATE,
        description="Publication date of the report (ISO 8601)",
        metadata={"format": "date"},
    )
    format: Series[str] = pa.Field(isin=FORMATS, description="File format the report came in")
    size: Series[int] = pa.Field(ge=0, description="Size of the raw file in bytes")
    location: Series[str] = pa.Field(
        nullable=True, description="Place the report is about, where its metadata names one"
    )
    text_sha256: Series[str] = pa.Field(
        str_matches=SHA256_HEX,
        description="SHA-256 of the report text that claim offsets refer to (UTF-8)",
    )

    class Config:
        strict = True
        coerce = True
