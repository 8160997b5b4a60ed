"""A regular expression for many literal names, factored by shared prefixes.

Python's `re` tries each branch of an alternation in turn, so hundreds of
names joined with `|` are slow on long texts; the same names as a prefix tree
("Idl(?:ib|eb)") are tried a character at a time.
"""
from __future__ import annotations

import re


def _tree(words: list[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def trie_pattern(words: list[str]) -> str:
    """One pattern matching exactly the given words (longest match first)."""
    return _pattern(_tree(sorted(set(words))))


def cased_forms(words: list[str]) -> list[str]:
    """Each word as written, lower-case, Capitalised and UPPER-case.

    Matching these forms case-sensitively is several times faster in `re`
    than one case-insensitive pattern, and covers how reports write words
    (in sentences, at their start, and in headlines).
    """
    forms = set()
    for word in words:
        forms.update({word, word.lower(), word[:1].upper() + word[1:], word[:1].lower() + word[1:],
                      word.upper(), word.title()})
    return sorted(forms)
