"""Where people go: abroad, or towards a border.

People who reach another country are refugees: "150,000 have fled to Chad",
"have travelled to either Egypt or Chad", "12,300 arrivals in Uganda".
People on the move towards a border they have not crossed are displaced:
"200,000 people are moving towards our border". A place is a country when
the table of states in schemas/state_bodies.yaml names it: by its name or one
of the other names reports use ("Russia", "Türkiye", "DR Congo", "Britain").
"""
from __future__ import annotations

from functools import lru_cache

from schemas.reference import load_state_bodies

MAX_COUNTRY_WORDS = 6  # "democratic republic of the congo"


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every state's name and other names, lower-cased (not its adjectives: "Syrian" is no destination)."""
    names = set()
    for country in load_state_bodies().countries.values():
        names.add(country.name)
        names.update(name for name in country.names if name not in country.adjectives)
    return frozenset(name.lower() for name in names)
# Words between a verb of going and where it goes ("fled to neighbouring Chad", "travelled to either Egypt").
GOING_TO = {"to", "into", "in", "for", "across", "either", "neighbouring", "neighboring", "nearby", "the"}
BORDERS = {"border", "borders", "frontier"}
TOWARDS = {"towards", "toward"}


def is_country(words: list[str], start: int) -> bool:
    """Whether a country's name opens ``words[start:]`` (lower-cased words)."""
    countries = country_names()
    return any(" ".join(words[start:start + size]) in countries for size in range(1, MAX_COUNTRY_WORDS + 1)
               if start + size <= len(words))


def destination(after: list[str], index: int) -> str | None:
    """The metric the destination after ``after[index]`` (a verb of going, or a noun of people on the
    move) gives: refugees in another country, displaced on the way to a border, else None."""
    position = index + 1
    if after[position:position + 1] and after[position] in TOWARDS:
        return "displaced" if BORDERS.intersection(after[position + 1:position + 4]) else None
    start = position
    while position < len(after) and position - start < 3 and after[position] in GOING_TO:
        position += 1
    return "refugees" if position > start and is_country(after, position) else None
