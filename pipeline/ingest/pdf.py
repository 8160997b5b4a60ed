"""PDF situation reports: the text layer, and the document information dictionary.

The document information gives the title, the author (as publisher), the
creation date (as published) and a custom /URL where the producer set one.
"""
from __future__ import annotations

import io
import logging
import re

from pipeline.ingest.metadata import MetadataError

PDF_SUFFIXES = {".pdf"}
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
# What a reader's complaint about a damaged file means, in words a person can act on.
DAMAGE = (
    ("eof marker", "it ends before its end-of-file marker, as a download cut short does"),
    ("xref", "its cross-reference table (the index of its parts) is missing or broken"),
    ("stream", "a part of it ends early or is corrupt"),
)

logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged files are reported as quarantine reasons


def _pdf_date(value: object) -> str | None:
    """A PDF date (D:YYYYMMDD...) as YYYY-MM-DD; the metadata check says if it is not a real day."""
    match = PDF_DATE.match(str(value or ""))
    if not match:
        return None
    return f"{match.group(1)}-{match.group(2) or '01'}-{match.group(3) or '01'}"


def damage_reason(complaint: str) -> str:
    """Why a PDF cannot be read, from the PDF reader's complaint, without its jargon."""
    lowered = complaint.lower()
    detail = next((words for key, words in DAMAGE if key in lowered), "its internal structure cannot be read")
    return f"PDF is truncated or damaged: {detail}; download or export it again"


def read_pdf(data: bytes) -> tuple[dict, str]:
    """(metadata fields from the document information, text of every page)."""
    if not data.startswith(b"%PDF"):
        raise MetadataError("file is not a PDF (no %PDF header)")
    from pypdf import PdfReader  # here, not at the top: a run with no PDF to read never pays for importing it

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise MetadataError("PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except MetadataError:
        raise
    except Exception as error:  # noqa: BLE001 - whatever the reader trips over, the file is damaged
        raise MetadataError(damage_reason(str(error))) from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise MetadataError("PDF has no text layer (a scan?); run OCR and add the text version")
    fields = {
        "title": info.get("/Title"),
        "publisher": info.get("/Author"),
        "published": _pdf_date(info.get("/CreationDate")),
        "url": info.get("/URL"),
    }
    if not str(fields["url"] or "").strip().lower().startswith(("http://", "https://")):
        fields["url"] = None  # an address the producer left (a local path, say) is no evidence
    return {key: str(value) for key, value in fields.items() if value}, text
