"""Reasons, in our words, for files a reader fails on in a way nobody foresaw.

The readers say what is wrong with the files they know how to judge (a date
that is not a day, a PDF without text). When a parser itself gives up on a
hostile or damaged file, the reason names the kind of failure and what to do;
a Python exception's name or message never reaches the quarantine.
"""
from __future__ import annotations

from pathlib import PurePosixPath

KINDS = {
    ".pdf": ("PDF", "a PDF"),
    ".html": ("web page", "a web page from a browser (see README)"),
    ".htm": ("web page", "a web page from a browser (see README)"),
    ".csv": ("CSV feed", "UTF-8 CSV"),
    ".json": ("JSON feed", "UTF-8 JSON"),
}
DEFAULT_KIND = ("file", "UTF-8 text with front matter")


def unreadable_reason(path: str, error: BaseException) -> str:
    """What to tell a person about ``path`` when reading it failed with ``error``."""
    kind, save_as = KINDS.get(PurePosixPath(path).suffix.lower(), DEFAULT_KIND)
    if isinstance(error, RecursionError):
        return (f"{kind} nests its parts too deeply to read (thousands of levels, one inside another); "
                "it is damaged or made to break readers: get a clean copy")
    if isinstance(error, MemoryError):
        return f"{kind} needs more memory to read than this machine has; split it into smaller files"
    if isinstance(error, UnicodeError):
        return (f"{kind} holds characters that cannot be written as text (an escape such as \\ud800 "
                f"for half a character?); fix them, or save the file again as {save_as}")
    return (f"{kind} could not be read: it may be damaged, or not what its name says; open it to "
            f"check, and save it again as {save_as}")
