"""Places a French or Arabic sentence names beyond our gazetteer's English names.

Each language says where a place name may stand (``candidates``: French
capitalised words, Arabic words after "في", "مدينة", "بريف" ...); the words
there are looked up in any script, the longest run of words first
("معرة النعمان" before "معرة"). A name is kept only where the lookup is
sure of it: a place whose governorate our gazetteer names ("سرمين": Idleb),
or a town in a country the report is about ("Gao" in a report on Mali). A
town that shares its name with a word or a country ("السودان" is also a
hamlet in Texas) is not taken on its population alone, as English text,
with its capitals and our own gazetteer, may.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from pipeline.extract.places import Countries, PlaceMention, resolve_name
from schemas.reference import Place

MAX_WORDS = 3  # words of a place name ("Ras al-Ain", "معرة النعمان", "دير الزور")
WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word of letters in any script, with its hyphens and apostrophes

Candidates = Callable[[str], Iterator[int]]  # where a place name may start in a sentence


def sure_place(countries: Countries, name: str) -> Place | None:
    """The place ``name`` names, if the lookup is sure of it: its governorate is one our gazetteer
    names, or it lies in a country the report is about."""
    place = resolve_name(name, countries, abroad=False)
    return place if place is not None and (place.adm1 or place.adm0 in countries()) else None


def named_places(text: str, starts: Iterator[int], place_of: Callable[[str], Place | None]) -> list[PlaceMention]:
    """The places named at ``starts`` of the sentence ``text``, in order, each the longest name found;
    ``place_of`` is ``sure_place`` for the report (looked up once per name)."""
    found: list[PlaceMention] = []
    taken = 0
    for start in starts:
        if start < taken:
            continue  # inside a name already found
        words = _words_from(text, start)
        for count in range(len(words), 0, -1):
            end = words[count - 1]
            place = place_of(text[start:end])
            if place is not None:
                found.append(PlaceMention(start, end, text[start:end], place))
                taken = end
                break
    return found


def _words_from(text: str, start: int) -> list[int]:
    """The ends of up to MAX_WORDS words from ``start``, stopping at anything but a space between them."""
    ends, position = [], start
    while len(ends) < MAX_WORDS:
        word = WORD.match(text, position)
        if word is None:
            break
        ends.append(word.end())
        position = word.end()
        if text[position:position + 1] != " ":
            break
        position += 1
    return ends
