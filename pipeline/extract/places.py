"""Find gazetteer places in text and normalise them to country and admin areas."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.trie import WordFinder, cased_forms
from schemas.reference import Place, load_gazetteer


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@lru_cache(maxsize=1)
def _place_names() -> WordFinder:
    """Gazetteer names in their usual casings; a hyphen joins words ("Al-Bab" is not "Bab")."""
    return WordFinder.listing(cased_forms(list(load_gazetteer().spellings)), joiners="_-")


def _mention(text: str, start: int, end: int) -> PlaceMention:
    written = text[start:end]
    return PlaceMention(start, end, written, load_gazetteer().places[written.lower()])


def find_places(text: str) -> list[PlaceMention]:
    return [_mention(text, start, end) for start, end in _place_names().spans(text)]


def first_place(text: str) -> PlaceMention | None:
    """The first place a text names: what a report is about when a sentence names none."""
    span = _place_names().first(text)
    return None if span is None else _mention(text, *span)


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
