"""PDF situation reports: the text layer, and the document information dictionary."""
from __future__ import annotations

import datetime as dt
import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError

from pipeline.ingest.metadata import MetadataError

PDF_SUFFIXES = {".pdf"}
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported as quarantine reasons


def _pdf_date(value: object) -> dt.date | None:
    match = PDF_DATE.match(str(value or ""))
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def read_pdf(data: bytes) -> tuple[dict, str]:
    """(metadata fields from the document information, text of every page)."""
    if not data.startswith(b"%PDF"):
        raise MetadataError("file is not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise MetadataError("PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except MetadataError:
        raise
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as error:
        raise MetadataError(f"PDF is truncated or damaged ({type(error).__name__}: {str(error)[:120]})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise MetadataError("PDF has no text layer (a scan?); run OCR and add the text version")
    fields = {
        "title": info.get("/Title"),
        "publisher": info.get("/Author"),
        "published": _pdf_date(info.get("/CreationDate")),
        "url": info.get("/URL"),
    }
    return {key: str(value) if not isinstance(value, dt.date) else value
            for key, value in fields.items() if value}, text
