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

import logging
import re
from urllib.parse import urlsplit

import lxml.etree

from pipeline.ingest.metadata import MetadataError
from pipeline.ingest.text import decode_text

# A page trafilatura cannot use is reported as a quarantine reason, not as log lines on the console.
for _logger in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_logger).setLevel(logging.CRITICAL)

HTML_SUFFIXES = {".html", ".htm"}
MIN_ARTICLE_WORDS = 15  # less than a sentence or two is a menu or a link list, not an article
# Chromium, and Internet Explorer before it, put this comment at the top of a saved page;
# the number in brackets is the length of the address.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\((\d{1,5})\)(\S+?)\s*-->", re.IGNORECASE)
SITE_NAME_META = ("og:site_name", "application-name")  # meta tags by their property or name, in order
AUTHOR_META = ("author", "article:author", "dc.creator")
# Bounds that keep a hostile page's cost in check: trafilatura cleans a meta tag's value with
# patterns that grow with the square of its length (20,000 characters of "<" in an author
# tag took 4 s), and its fallback extractors (justext, readability), tried when its own
# finds little, compare paragraphs pairwise (20,000 table rows took 36 s) and normalise
# text at about 0.3 MB/s. No real meta value is this long, and a page past either size
# (five times a long article's) is read by trafilatura's own extractor alone.
MAX_META_CHARACTERS = 1000
FALLBACK_MAX_ELEMENTS = 3000
FALLBACK_MAX_TEXT = 100_000  # characters outside scripts and styles
UNSEEN = {"script", "style"}
PARSER_MAX_DEPTH = 255  # the HTML parser drops what is nested deeper


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


def _meta_values(tree) -> dict[str, str]:
    """The first non-empty content of each meta tag, by its lower-cased property or name;
    long values are cut short in the tree itself, before trafilatura reads them."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        for attribute, value in meta.attrib.items():
            if len(value) > MAX_META_CHARACTERS:
                meta.set(attribute, value[:MAX_META_CHARACTERS])
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            values.setdefault(key, content)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...], skip_addresses: bool = False) -> str | None:
    return next((values[key] for key in keys if key in values
                 and not (skip_addresses and is_web_address(values[key]))), None)


def _site_from_address(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _too_big_for_fallback(tree) -> bool:
    elements = text = 0
    for element in tree.iter():
        elements += 1
        text += len(element.tail or "") + (0 if element.tag in UNSEEN else len(element.text or ""))
    return elements > FALLBACK_MAX_ELEMENTS or text > FALLBACK_MAX_TEXT


def _depth(tree) -> int:
    deepest = depth = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _no_article(tree) -> MetadataError:
    if tree is not None and _depth(tree) >= PARSER_MAX_DEPTH:
        return MetadataError(f"HTML nests its elements more than {PARSER_MAX_DEPTH} deep, past what the reader "
                             "takes, so no article was found; save the page again from a browser")
    return MetadataError("HTML has no article text (only menus, links or scripts); if a browser shows "
                         "an article, save the page from the browser (see README)")


def read_html(data: bytes) -> tuple[dict, str]:
    """(metadata fields found in the page, article text)."""
    import trafilatura  # here, not at the top: a run with no web page to read never pays for importing it

    page = decode_text(data)
    saved_from = saved_from_url(page)
    tree = trafilatura.load_html(page)
    if tree is None:
        raise _no_article(None)
    metas = _meta_values(tree)
    site_name, author = _first(metas, SITE_NAME_META), _first(metas, AUTHOR_META, skip_addresses=True)
    document = trafilatura.bare_extraction(
        tree, url=saved_from, with_metadata=True, include_comments=False, include_tables=False,
        fast=_too_big_for_fallback(tree),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise _no_article(tree)
    url = getattr(document, "url", None)
    url = url if is_web_address(url) else saved_from
    fields = {
        "title": getattr(document, "title", None),
        "publisher": (site_name or author or getattr(document, "author", None)
                      or getattr(document, "sitename", None) or _site_from_address(url)),
        "url": url,
        "published": getattr(document, "date", None),
    }
    return {key: value for key, value in fields.items() if value}, text
