"""Find gazetteer places in text and normalise them to country and admin areas."""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract.lowercase import lowered
from pipeline.extract.trie import WordFinder
from schemas.reference import Place, load_gazetteer


class PlaceMention(NamedTuple):
    """A place as a sentence names it (a NamedTuple: several times cheaper to build than a frozen dataclass)."""

    start: int
    end: int
    text: str
    place: Place


@lru_cache(maxsize=1)
def _place_names() -> WordFinder:
    """Gazetteer names, matched on lower-cased text; a hyphen joins words ("Al-Bab" is not "Bab")."""
    return WordFinder.listing(sorted(load_gazetteer().places), joiners="_-")


def _mention(text: str, lower: str, start: int, end: int) -> PlaceMention:
    return PlaceMention(start, end, text[start:end], load_gazetteer().places[lower[start:end]])


def find_places(text: str, lower: str | None = None) -> list[PlaceMention]:
    """Every gazetteer place ``text`` names, in order; ``lower`` is ``lowered(text)`` if at hand."""
    lower = lowered(text) if lower is None else lower
    places = load_gazetteer().places
    return [PlaceMention(start, end, text[start:end], places[lower[start:end]])
            for start, end in _place_names().spans(lower)]


def first_place(text: str, lower: str | None = None) -> PlaceMention | None:
    """The first place a text names: what a report is about when a sentence names none."""
    lower = lowered(text) if lower is None else lower
    span = _place_names().first(lower)
    return None if span is None else _mention(text, lower, *span)


@lru_cache(maxsize=1024)
def lookup_place(name: str | None) -> Place | None:
    """A place named in metadata (e.g. front matter ``location``), if the gazetteer knows it."""
    if not name:
        return None
    return load_gazetteer().places.get(name.strip().lower())


def nearest_place(mentions: list[PlaceMention], position: int) -> PlaceMention | None:
    """The place mentioned closest to ``position``; after it wins a tie ("killed in Idlib").

    ``mentions`` are in text order, so only the last one before ``position`` and
    the first one from it can be nearest: a sentence naming thousands of places
    costs a lookup per figure, not a pass over every place.
    """
    if not mentions:
        return None
    at = bisect.bisect_left(mentions, position, key=lambda m: m.start)
    return min(mentions[max(0, at - 1):at + 1], key=lambda m: (abs(m.start - position), m.start < position))
