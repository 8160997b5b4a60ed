"""Places named in text, normalised to country, admin areas and coordinates, for every language.

Our gazetteer (``schemas/gazetteer.yaml``: OCHA's names of Syria's
governorates, the regions reports speak of, towns we list) comes first; its
names are found in any text. A name that a language's reading of a sentence
marks as a place (English: ``en/places.py``) and that our gazetteer lacks is
looked up in GeoNames (``schemas/geonames.py``), in any script: a town there
is placed in one of our areas through the GeoNames code of its first-level
area, and keeps its coordinates. A name no gazetteer knows is kept as
written. Which country a report is about tells apart towns of one name.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from functools import lru_cache
from typing import Callable, NamedTuple, Sequence

from pipeline.extract.lowercase import lowered
from pipeline.extract.trie import WordFinder
from schemas import geonames
from schemas.reference import Place, load_gazetteer

Countries = Callable[[], Sequence[str]]  # the report's countries (ISO alpha-3), most likely first, read when needed
NO_COUNTRIES: Countries = tuple
DOMINANT = 5  # a name several places bear is the most populous one only if it is this many times the next
ABROAD_POPULATION = 15_000  # the least population of a town outside the report's countries it may name
NEARBY_DEGREES = 0.1  # namesakes closer than this (about 10 km) in one country are one town


class PlaceMention(NamedTuple):
    """A place as a sentence names it; ``place`` is None where no gazetteer knows it; ``marked``: found by
    the sentence's structure, not as a name of our gazetteer."""

    start: int
    end: int
    text: str
    place: Place | None
    marked: bool = False


@lru_cache(maxsize=1)
def gazetteer_forms() -> dict[str, str]:
    """Each lower-cased name of our gazetteer, and its possessive where text lost the apostrophe
    ("Syrias conflict"), -> the name. Short names have none: "Hamas" is a movement, not Hama's."""
    names = load_gazetteer().places
    return {**{name + "s": name for name in names if len(name) >= 5 and not name.endswith("s")},
            **{name: name for name in names}}


@lru_cache(maxsize=1)
def gazetteer_names() -> WordFinder:
    """Gazetteer names, matched on lower-cased text; a hyphen joins words ("Al-Bab" is not "Bab")."""
    return WordFinder.listing(sorted(gazetteer_forms()), joiners="_-")


@lru_cache(maxsize=1)
def _country_names() -> WordFinder:
    return WordFinder.listing(sorted(name.lower() for name in geonames.country_names()), joiners="_-")


@lru_cache(maxsize=1)
def geonames_areas() -> tuple[dict[tuple[str, str], str], frozenset[int]]:
    """GeoNames' first-level area codes -> our adm1 names, and the GeoNames towns our areas are named after.

    Derived, not listed: each name and town of an area of ours that lies in one
    governorate is looked up in GeoNames within its country, and a GeoNames
    code takes the governorate most of them fall in. The town an area is named
    after (Aleppo, Idlib) stands for the area: "حلب" is Aleppo as "Aleppo" is.
    """
    gazetteer = load_gazetteer()
    votes: Counter = Counter()
    named_after: dict[int, str] = {}
    for name, place in sorted(gazetteer.places.items()):
        if len(place.adm1) != 1:
            continue
        hit = next((g for g in geonames.places_named(name) if g.adm0 == place.adm0), None)
        if hit is not None:
            votes[hit.adm0, hit.admin1_code, place.adm1[0]] += 1
            if name in gazetteer.area_names[place]:
                named_after[hit.geonameid] = place.adm1[0]
    codes: dict[tuple[str, str], str] = {}
    for (adm0, code, adm1), _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        codes.setdefault((adm0, code), adm1)
    return codes, frozenset(g for g, adm1 in named_after.items() if adm1 in codes.values())


def _geo_place(hit: geonames.GeoPlace) -> Place:
    codes, named_after = geonames_areas()
    adm1 = codes.get((hit.adm0, hit.admin1_code))
    area = load_gazetteer().places.get(adm1.lower()) if adm1 else None
    if area is not None and hit.geonameid in named_after:
        return area
    return Place(adm1 or hit.name, hit.adm0, (adm1,) if adm1 else (), latitude=hit.latitude, longitude=hit.longitude)


def _geonames_hit(name: str, countries: Countries, abroad: bool = True) -> geonames.GeoPlace | None:
    """The GeoNames place ``name`` names: the most populous in the first of the report's countries that
    has one; else (unless not ``abroad``) the only one, or one far more populous than any other of that name."""
    hits = geonames.places_named(name)
    if not hits:
        return None
    if len(hits) == 1 and hits[0].population >= ABROAD_POPULATION and geonames.places_named(name, exact=True):
        return hits[0]  # a town of note no other place shares its name with, wherever the report is
    known = countries()
    for country in known:
        inside = next((hit for hit in hits if hit.adm0 == country), None)
        if inside is not None:
            return inside
    if known and not abroad:
        return None
    if known:  # a place abroad that a report names in passing is a town of note named as it is written
        hits = tuple(hit for hit in geonames.places_named(name, exact=True) if hit.population >= ABROAD_POPULATION)
        if not hits:
            return None
    top = hits[0]
    # GeoNames may hold one town twice ("Al-Junaynah" and "El Geneina Fort"): a near namesake is no rival.
    rivals = [hit for hit in hits[1:] if hit.adm0 != top.adm0
              or abs(hit.latitude - top.latitude) + abs(hit.longitude - top.longitude) > NEARBY_DEGREES]
    return top if not rivals or top.population >= DOMINANT * max(rivals[0].population, 1) else None


@lru_cache(maxsize=1024)
def _town(written: str, place: Place) -> Place:
    """A town our gazetteer lists, with the coordinates GeoNames has for it in the same governorate."""
    codes, _ = geonames_areas()
    hit = next((g for g in geonames.places_named(written)
                if g.adm0 == place.adm0 and (codes.get((g.adm0, g.admin1_code)),) == place.adm1), None)
    return place if hit is None else dataclasses.replace(place, latitude=hit.latitude, longitude=hit.longitude)


def resolve_name(name: str, countries: Countries, abroad: bool = True) -> Place | None:
    """``lookup_name`` with the report's countries read only when needed; a town outside them only if ``abroad``."""
    gazetteer = load_gazetteer()
    key = name.strip().lower()
    ours = gazetteer.places.get(key)
    if ours is not None:
        return _town(name.strip(), ours) if key in gazetteer.towns else ours
    country = geonames.country_named(name)
    if country is not None:
        return Place(country[1], country[0], ())
    hit = _geonames_hit(name, countries, abroad)
    return None if hit is None else _geo_place(hit)


def lookup_name(name: str | None, countries: Sequence[str] = ()) -> Place | None:
    """The place ``name`` names, in any script ("Idlib", "Idleb", "إدلب", "Sarmin", "سرمين", "Alep").

    Our gazetteer first, then a country, then a GeoNames town: where several
    bear the name, the one in the first of ``countries`` (ISO alpha-3 codes,
    most likely first) that has one, else one far more populous than the
    rest. A Syrian town's adm1 is its governorate as our gazetteer names it.
    """
    if not name or not name.strip():
        return None
    return resolve_name(name.strip(), (lambda: countries) if countries else NO_COUNTRIES)


@lru_cache(maxsize=1024)
def lookup_place(name: str | None) -> Place | None:
    """A place named in our gazetteer (e.g. front matter ``location``), if it knows it."""
    if not name:
        return None
    return load_gazetteer().places.get(name.strip().lower())


def gazetteer_place(text: str, lower: str, start: int, end: int) -> PlaceMention:
    """The mention of our gazetteer's place at ``start:end``; a town with its coordinates."""
    gazetteer = load_gazetteer()
    key = gazetteer_forms()[lower[start:end]]
    place = gazetteer.places[key]
    return PlaceMention(start, end, text[start:end], _town(text[start:end], place) if key in gazetteer.towns else place)


def gazetteer_places(text: str, lower: str | None = None) -> list[PlaceMention]:
    """Every place of our gazetteer ``text`` names, in order: a sentence's places where its language
    has no reading of its own for them."""
    lower = lowered(text) if lower is None else lower
    return [gazetteer_place(text, lower, start, end) for start, end in gazetteer_names().spans(lower)]


def first_gazetteer_place(text: str, lower: str | None = None) -> PlaceMention | None:
    """The first place of our gazetteer a text names: what a report is about when a sentence names none."""
    lower = lowered(text) if lower is None else lower
    match = gazetteer_names().search(lower)
    return None if match is None else gazetteer_place(text, lower, *match.span("phrase"))


def report_countries(text: str, lower: str, location: str | None) -> tuple[str, ...]:
    """The countries a report is about, most likely first: its metadata place's, then those its text names most."""
    forms, places = gazetteer_forms(), load_gazetteer().places
    counted = Counter(places[forms[lower[s:e]]].adm0 for s, e in gazetteer_names().spans(lower))
    counted.update(geonames.country_named(lower[s:e])[0] for s, e in _country_names().spans(lower))
    first = lookup_name(location)
    ranked = sorted(counted, key=lambda adm0: (-counted[adm0], adm0))
    return tuple(dict.fromkeys(([first.adm0] if first else []) + ranked))


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


def place_fields(mention: PlaceMention | None, fallback: Callable[[], PlaceMention | None],
                 location: str | None, countries: Countries) -> tuple:
    """location, place, adm0, adm1, adm2, latitude, longitude: the sentence's place, else the report's
    metadata place (``location``), else the first place the report names; a place no gazetteer knows is
    kept as written."""
    if mention is None and location:
        known = resolve_name(location, countries)
        if known is not None:
            return (location.strip(), known.name, known.adm0, ";".join(known.adm1) or None, known.adm2,
                    known.latitude, known.longitude)
    mention = mention or fallback()
    if mention is None:
        written = location.strip() if location and location.strip() else None
        return written, None, None, None, None, None, None
    place = mention.place
    return (mention.text, place.name, place.adm0, ";".join(place.adm1) or None, place.adm2,
            place.latitude, place.longitude)
