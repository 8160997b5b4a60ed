"""Reports written as UTF-8 text or Markdown with YAML front matter."""
from __future__ import annotations

import codecs

import frontmatter
import yaml

from pipeline.ingest.metadata import MetadataError

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}


def decode_text(data: bytes) -> str:
    """Bytes as text: UTF-8 (with or without BOM) or UTF-16 with its BOM; else a clear error."""
    if not data.strip():
        raise MetadataError("file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise MetadataError("file starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data:
        raise MetadataError("file holds binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MetadataError(
            f"file is not valid UTF-8 (byte {error.start} is 0x{data[error.start]:02x}); "
            "save it as UTF-8"
        ) from None


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter fields and the body text claims are read from."""
    try:
        fields, body = frontmatter.parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise MetadataError(f"front matter is not valid YAML{line}") from None
    if not fields:
        raise MetadataError("no YAML front matter (a block between `---` lines at the top)")
    if not isinstance(fields, dict):
        raise MetadataError("front matter is not a set of `key: value` fields")
    if not body.strip():
        raise MetadataError("report has front matter but no text")
    return fields, body
