"""Saved web pages: the article's main text and metadata, without menus and footers.

trafilatura finds the main text and reads the page's own metadata (title,
date, site name, canonical address). Date guessing from page text is off:
a date is taken only from the page's metadata, so the same page always reads
the same.

The address is the page's canonical one, else the one a browser wrote when it
saved the page (Chromium's ``<!-- saved from url=(0044)https://... -->``).
The publisher is the first of: the page's ``og:site_name`` (or
``application-name``), its author (``<meta name="author">``,
``article:author``, or a by-line trafilatura finds), and the site's name as
trafilatura reads it from the title or the address.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import trafilatura

from pipeline.ingest.metadata import MetadataError
from pipeline.ingest.text import decode_text

HTML_SUFFIXES = {".html", ".htm"}
MIN_ARTICLE_WORDS = 15  # less than a sentence or two is a menu or a link list, not an article
# Chromium, and Internet Explorer before it, put this comment at the top of a saved page;
# the number in brackets is the length of the address.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\((\d{1,5})\)(\S+?)\s*-->", re.IGNORECASE)
SITE_NAME_META = ('//meta[@property="og:site_name"]/@content', '//meta[@name="og:site_name"]/@content',
                  '//meta[@name="application-name"]/@content')
AUTHOR_META = ('//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content',
               '//meta[@name="article:author"]/@content', '//meta[@name="dc.creator"]/@content')
HEAD_PARSER = lxml.html.HTMLParser(encoding="utf-8")
HEAD_BYTES = 65536  # meta tags and the saved-from comment are at the top of a page


def is_web_address(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def saved_from_url(page: str) -> str | None:
    """The address in a browser's "saved from url" comment, if the page has one."""
    match = SAVED_FROM.search(page, 0, 4096)
    if match is None:
        return None
    length, address = int(match.group(1)), match.group(2)
    address = address[:length] if 0 < length <= len(address) else address
    return address if is_web_address(address) else None


def _first_meta(head: str, paths: tuple[str, ...], skip_addresses: bool = False) -> str | None:
    """The first non-empty content of the meta tags ``paths`` find in the page's head."""
    try:
        tree = lxml.html.document_fromstring(head.encode("utf-8", "replace"), parser=HEAD_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
    for path in paths:
        for value in tree.xpath(path):
            value = " ".join(str(value).split())
            if value and not (skip_addresses and is_web_address(value)):
                return value
    return None


def _site_from_address(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _publisher(head: str, document, url: str | None) -> str | None:
    return (_first_meta(head, SITE_NAME_META)
            or _first_meta(head, AUTHOR_META, skip_addresses=True)
            or getattr(document, "author", None)
            or getattr(document, "sitename", None)
            or _site_from_address(url))


def read_html(data: bytes) -> tuple[dict, str]:
    """(metadata fields found in the page, article text)."""
    page = decode_text(data)
    saved_from = saved_from_url(page)
    document = trafilatura.bare_extraction(
        page, url=saved_from, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise MetadataError("HTML has no article text (only menus, links or scripts); if a browser shows "
                            "an article, save the page from the browser (see README)")
    url = getattr(document, "url", None)
    url = url if is_web_address(url) else saved_from
    head = page[:HEAD_BYTES]
    fields = {
        "title": getattr(document, "title", None),
        "publisher": _publisher(head, document, url),
        "url": url,
        "published": getattr(document, "date", None),
    }
    return {key: value for key, value in fields.items() if value}, text
