"""Find gazetteer places in text and normalise them to country and admin areas."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.trie import cased_forms, trie_pattern
from schemas.reference import Place, load_gazetteer


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    names = cased_forms(list(load_gazetteer().spellings))
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(names)})(?![\w-])")


def find_places(text: str) -> list[PlaceMention]:
    places = load_gazetteer().places
    return [
        PlaceMention(m.start(), m.end(), m.group(), places[m.group().lower()])
        for m in _place_pattern().finditer(text)
    ]


def first_place(text: str) -> PlaceMention | None:
    """The first place a text names: what a report is about when a sentence names none."""
    match = _place_pattern().search(text)
    return None if match is None else PlaceMention(match.start(), match.end(), match.group(), load_gazetteer().places[match.group().lower()])


@lru_cache(maxsize=1024)
def lookup_place(name: str | None) -> Place | None:
    """A place named in metadata (e.g. front matter ``location``), if the gazetteer knows it."""
    if not name:
        return None
    return load_gazetteer().places.get(name.strip().lower())


def nearest_place(mentions: list[PlaceMention], position: int) -> PlaceMention | None:
    """The place mentioned closest to ``position``; after it wins a tie ("killed in Idlib")."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m.start - position), m.start < position))
