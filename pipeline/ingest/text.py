"""Reports written as UTF-8 text or Markdown with YAML front matter."""
from __future__ import annotations

import codecs

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from pipeline.ingest.metadata import MetadataError

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML as SafeLoader reads it, except that dates stay as written and an integer
    too long for Python to convert stays a string: the metadata check then says
    what is wrong with them ("2020-02-30 is not a real date") instead of failing.

    libyaml's parser is used where PyYAML has it: the pure-Python one reads about
    a megabyte a second, so a hostile front matter would hold up the run, and
    libyaml also bounds nesting depth."""

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return self.construct_scalar(node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_scalar)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)


class _FrontMatter(YAMLHandler):
    def load(self, fm: str, **kwargs: object):
        return yaml.load(fm, Loader=FrontMatterLoader)  # noqa: S506 (a SafeLoader)


def _looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: every other byte of its ASCII is NUL."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 8 and (odd.count(0) > 0.6 * len(odd) or even.count(0) > 0.6 * len(even))


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
        if _looks_like_utf16(data):
            raise MetadataError("file looks like UTF-16 text without a byte-order mark; save it as UTF-8")
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
        handler = _FrontMatter()
        fields, body = frontmatter.parse(text, handler=handler) if handler.detect(text.strip()) else ({}, text)
    except yaml.reader.ReaderError as error:
        code = f" (U+{error.character:04X})" if isinstance(error.character, int) else ""
        raise MetadataError(f"front matter holds a character YAML does not allow{code}; "
                            "remove it, or write it as an escape in double quotes") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise MetadataError(f"front matter is not valid YAML{line}") from None
    except RecursionError:
        raise MetadataError("front matter nests lists or mappings too deeply to read; "
                            "write it as plain `key: value` lines") from None
    if not fields:
        raise MetadataError("no YAML front matter (a block between `---` lines at the top)")
    if not isinstance(fields, dict):
        raise MetadataError("front matter is not a set of `key: value` fields")
    if not body.strip():
        raise MetadataError("report has front matter but no text")
    return fields, body
