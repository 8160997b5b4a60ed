"""The reports table: one row per distinct raw file (by content hash)."""
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import FORMATS, ISO_DATE, SHA256_HEX


class ReportSchema(pa.DataFrameModel):
    report_id: Series[str] = pa.Field(
        str_matches=SHA256_HEX, unique=True, description="SHA-256 (hex) of the raw file's bytes"
    )
    path: Series[str] = pa.Field(description="Path of the raw file, relative to the raw folder")
    title: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="Title of the report, from its metadata; the file name where it gives none",
    )
    publisher: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="Organisation that published the report: as its metadata or sidecar names it, else a "
        "PDF's /Author, a page's og:site_name, author or site name",
    )
    url: Series[str] = pa.Field(
        nullable=True, str_matches=r"^https?://",
        description="Address of the original report; empty when the file names none (see has_url)",
    )
    has_url: Series[bool] = pa.Field(
        description="Whether the report gives the address of its original: a page's canonical or "
        "saved-from address, a PDF's /URL, front matter or sidecar `url`. Without one the report "
        "is still read; its SHA-256 (report_id) identifies it",
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
    language: Series[str] = pa.Field(
        str_matches=r"^[a-z]{2}$",
        description="ISO 639-1 code of the report's language: its metadata's `language`, else told from its "
        "text. Figures are read from English, French and Arabic reports; a report in another language is "
        "published with its metadata and no claims",
    )
    text_sha256: Series[str] = pa.Field(
        str_matches=SHA256_HEX,
        description="SHA-256 of the report text that claim offsets refer to (UTF-8)",
    )

    @pa.dataframe_check(description="has_url is true exactly when url is given")
    def has_url_matches_url(cls, df: pd.DataFrame) -> Series[bool]:
        return df["has_url"] == df["url"].notna()

    class Config:
        strict = True
        coerce = True
