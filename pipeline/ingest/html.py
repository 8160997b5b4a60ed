"""Saved web pages: the article's main text and metadata, without menus and footers.

trafilatura finds the main text and reads the page's own metadata (title,
date, site name, canonical address). Date guessing from page text is off:
a date is taken only from the page's metadata, so the same page always reads
the same.
"""
from __future__ import annotations

import trafilatura

from pipeline.ingest.metadata import MetadataError
from pipeline.ingest.text import decode_text

HTML_SUFFIXES = {".html", ".htm"}
MIN_ARTICLE_WORDS = 15  # less than a sentence or two is a menu or a link list, not an article


def read_html(data: bytes) -> tuple[dict, str]:
    """(metadata fields found in the page, article text)."""
    page = decode_text(data)
    document = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise MetadataError("HTML has no article text (only menus, links or scripts)")
    fields = {
        "title": getattr(document, "title", None),
        "publisher": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
        "published": getattr(document, "date", None),
    }
    return {key: value for key, value in fields.items() if value}, text
