"""Find gazetteer places in text and normalise them to country and admin areas."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from schemas.reference import Place, load_gazetteer


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    names = sorted(load_gazetteer().places, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])")


def find_places(text: str) -> list[PlaceMention]:
    places = load_gazetteer().places
    return [
        PlaceMention(m.start(), m.end(), m.group(), places[m.group().lower()])
        for m in _place_pattern().finditer(text)
    ]


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
