"""Where people go: abroad, or towards a border.

People who reach another country are refugees: "150,000 have fled to Chad",
"have travelled to either Egypt or Chad", "12,300 arrivals in Uganda".
People on the move towards a border they have not crossed are displaced:
"200,000 people are moving towards our border". A place is a country when
ISO 3166 names it (pycountry, by its name, common name or official name),
or by one of the short names reports use for a country ISO names otherwise
("Russia", "Turkey", "DR Congo").
"""
from __future__ import annotations

import pycountry  # ISO 3166 country names: "fled to Chad" crosses a border, "fled to Afrin" does not

_SHORT_NAMES = ("Russia", "Turkey", "Ivory Coast", "Burma", "Macedonia", "Swaziland", "Cape Verde", "East Timor",
                "Kosovo", "Brunei", "DR Congo", "DRC", "Democratic Republic of Congo", "Britain", "Great Britain",
                "UK", "US", "USA", "the United States", "UAE", "Palestine")
MAX_COUNTRY_WORDS = 6  # "democratic republic of the congo"


def _country_names() -> frozenset[str]:
    names = set(_SHORT_NAMES)
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            name = getattr(country, field, None)
            if name:
                names.add(name.split(",")[0])  # "Congo, The Democratic Republic of the": "Congo"
    return frozenset(name.lower() for name in names)


COUNTRIES = _country_names()
# Words between a verb of going and where it goes ("fled to neighbouring Chad", "travelled to either Egypt").
GOING_TO = {"to", "into", "in", "for", "across", "either", "neighbouring", "neighboring", "nearby"}
BORDERS = {"border", "borders", "frontier"}
TOWARDS = {"towards", "toward"}


def is_country(words: list[str], start: int) -> bool:
    """Whether a country's name opens ``words[start:]`` (lower-cased words)."""
    return any(" ".join(words[start:start + size]) in COUNTRIES for size in range(1, MAX_COUNTRY_WORDS + 1)
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
