"""Fast whole-word search for many literal names.

Python's `re` tries each branch of an alternation in turn, so hundreds of
names joined with `|` are slow on long texts; the same names as a prefix tree
("Idl(?:ib|eb)") are tried a character at a time. `WordFinder` then tries
that tree only where a word starts, which `re` finds by a scan in C.
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


class WordFinder:
    """Finds words or phrases that start a word, at the speed of a plain scan.

    `re` skips ahead in C to the next candidate when a pattern opens with a
    set of characters; a pattern that opens with ``\\b`` is instead tried at
    every position, several times slower. So the pattern here opens with the
    character before the word: anything but an ASCII letter, digit or one of
    ``joiners`` (a word glued to a non-ASCII letter counts as whole, where
    ``\\b`` would not). A phrase at the very start of the text is matched apart.
    """

    def __init__(self, pattern: str, joiners: str = "_", whole: bool = True):
        """``whole``: the phrase must also end a word (no letter, digit or joiner after it).

        Whole words are consumed as found, so none is found inside another
        ("Syria" in "northwestern Syria"). A phrase that may end in spaces is
        read in a lookahead instead, leaving the next phrase its opening space.
        """
        joiners = re.escape(joiners)
        if whole:
            phrase = rf"(?P<phrase>{pattern})(?![\w{joiners}])"
        else:
            phrase = rf"(?=(?P<phrase>{pattern}))"
        self._inside = re.compile(rf"[^A-Za-z0-9{joiners}]{phrase}")
        self._opening = re.compile(phrase)
        self._whole = whole

    @classmethod
    def listing(cls, words: list[str], joiners: str = "_") -> "WordFinder":
        """A finder of the whole words (or fixed phrases) ``words``."""
        return cls(trie_pattern(words), joiners)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every phrase found in ``text``, in order."""
        if self._whole:  # the phrase is the whole match but its first character: no group lookup
            found = [(match.start() + 1, match.end()) for match in self._inside.finditer(text)]
        else:
            found = [match.span("phrase") for match in self._inside.finditer(text)]
        opening = self._opening.match(text)
        if opening:
            found.insert(0, opening.span("phrase"))
        return found

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        """The first phrase found in ``text[start:end]``, with the groups of the pattern, if any.

        A phrase may open at ``start`` when a word starts there; ``end`` is
        the end of text to the pattern (``$`` matches there).
        """
        end = len(text) if end is None else end
        opening = self._opening.match(text, 0, end) if start == 0 else None
        return opening or self._inside.search(text, max(0, start - 1), end)

    def finditer(self, text: str) -> list[re.Match]:
        """Every phrase found in ``text``, in order, as matches whose ``phrase`` group spans it."""
        found = list(self._inside.finditer(text))
        opening = self._opening.match(text)
        return [opening, *found] if opening else found

    def first(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first phrase found in ``text``, if any."""
        match = self.search(text)
        return None if match is None else match.span("phrase")
