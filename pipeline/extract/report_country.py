"""The place a report is about, which a kind of body it credits belongs to.

"Police said", "the interior ministry said", "a monitor said" name a body
only once the report's place is known: in a report on Kenya the police are
Kenya's, in a report on Syria the monitor is the Syrian Observatory. The
report's country is its metadata ``location`` where one is given; else the
country its text names most (a gazetteer place in it or its name counting
twice its adjective or capital), the one named first on a tie. A report that names a
body by a name of its own ("Syrian Civil Defence") makes a generic name for it
("civil defence") clear as well, whatever its country.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from pipeline.extract.places import lookup_place
from pipeline.extract.trie import WordFinder
from schemas.reference import load_gazetteer, load_sources, load_state_bodies, name_key

PLACE_WEIGHT = 2  # a country's name or a place in it, against 1 for an adjective or a capital


def _forms(name: str) -> set[str]:
    """How a country word is written: as listed; an acronym also with dots ("U.S.")."""
    if name.replace(".", "").isupper() and len(name) <= 3:
        return {name, "".join(f"{letter}." for letter in name)}
    return {name}


def _possessive_forms(name: str) -> set[str]:
    """A country's name as a possessive whose apostrophe was lost ("Syrias"), as scraped text has it."""
    return set() if name.replace(".", "").isupper() or name.endswith("s") else {name + "s"}


@lru_cache(maxsize=1)
def _country_words() -> tuple[WordFinder, dict[str, tuple[str | None, str, int]]]:
    """A finder, in lower-cased text, of every gazetteer place and every other country name, adjective
    and capital, and for each the form a country word is written in (None for a place, matched in any
    case as the gazetteer matches it), the country it stands for and its weight: a place named ("Idlib",
    "in Syria") counts twice an adjective or a capital, which more often name an actor ("Russian jets",
    "Moscow said")."""
    codes: dict[str, tuple[str | None, str, int]] = {
        name: (None, place.adm0, PLACE_WEIGHT) for name, place in load_gazetteer().places.items()}
    for code, country in load_state_bodies().countries.items():
        names = [(name, 1 if name in country.adjectives and name != country.name else PLACE_WEIGHT)
                 for name in country.names]
        names += [(country.capital, 1)] if country.capital else []
        names += [(form, PLACE_WEIGHT) for form in _possessive_forms(country.name)]
        for name, weight in names:
            for form in _forms(name):
                codes.setdefault(form.lower(), (form, code, weight))
    return WordFinder.listing(sorted(codes), joiners="_-"), codes


def _written_as(found: str, form: str | None) -> bool:
    """A country word as texts write it: an acronym in its capitals ("US", not "us"), a name capitalised;
    a gazetteer place in any case, as the gazetteer matches it."""
    if form is None:
        return True
    if form.replace(".", "").isupper():
        return found == form
    return found[:1].isupper()


def location_country(location: str | None) -> str | None:
    """The country of a place named in metadata: a gazetteer place, or a country's name."""
    if not location:
        return None
    place = lookup_place(location)
    if place is not None:
        return place.adm0
    return load_state_bodies().names.get(name_key(location))


def report_country(text: str, lower: str, location: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-3 code of the country a report is about, or None when it names none."""
    known = location_country(location)
    if known is not None:
        return known
    finder, codes = _country_words()
    named = [(start, *codes[lower[start:end]][1:]) for start, end in finder.spans(lower)
             if _written_as(text[start:end], codes[lower[start:end]][0])]
    if not named:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for start, code, weight in named:
        counts[code] += weight
        first.setdefault(code, start)
    return max(counts, key=lambda code: (counts[code], -first[code]))


@lru_cache(maxsize=64)
def _source_names(source: str) -> WordFinder:
    """A finder of a registered source's own names ("Syrian Civil Defence", "White Helmets", "SCD")."""
    forms = {form for name in load_sources().names_of.get(source, ()) for form in _forms(name)}
    return WordFinder.listing(sorted(forms))


class TextPlace:
    """A report's place, read from its text and metadata when first asked (``originators.ReportPlace``)."""

    def __init__(self, text: str, lower: str, location: str | None = None):
        self.text, self.lower, self.location = text, lower, location
        self._country: tuple[str | None] | None = None
        self._named: dict[str, bool] = {}

    def country(self) -> str | None:
        if self._country is None:
            self._country = (report_country(self.text, self.lower, self.location),)
        return self._country[0]

    def names(self, source: str) -> bool:
        if source not in self._named:
            self._named[source] = _source_names(source).first(self.text) is not None
        return self._named[source]
