"""Find places in text and normalise them to country, admin areas and coordinates.

Our gazetteer (``schemas/gazetteer.yaml``: OCHA's names of Syria's
governorates, the regions reports speak of, towns we list) comes first.
A name the sentence's structure marks as a place (``place_names.py``) that
it lacks is looked up in GeoNames (``schemas/geonames.py``), in any script:
a town there is placed in one of our areas through the GeoNames code of its
first-level area, and keeps its coordinates. A name no gazetteer knows is
kept as written. A place word inside the name of a body ("Syria Civil
Defence", "Aleppo Media Center") is no place.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from functools import cache, lru_cache, partial
from typing import Callable, NamedTuple, Sequence

from pipeline.extract.lowercase import lowered
from pipeline.extract.place_names import PlaceName, body_names, names_no_place, place_names, title_cased
from pipeline.extract.trie import WordFinder
from schemas import geonames
from schemas.reference import Place, load_gazetteer, load_sources

Countries = Callable[[], Sequence[str]]  # the report's countries (ISO alpha-3), most likely first, read when needed
NO_COUNTRIES: Countries = tuple
# What joins a town to the area holding it: "Sarmin in Idlib", "Kafr Nabl, in southern Idlib province".
INSIDE = re.compile(r"(?:,\s*|\s+)(?:in\s+)?(?:the\s+)?(?:(?:rural|southern|northern|eastern|western|central"
                    r"|south|north|east|west|(?:north|south)[- ]?(?:east|west)(?:ern)?)\s+)*$", re.IGNORECASE)
# What joins a country or area to a place it holds: "Syria's northwestern Idlib", "Syrias divided
# northeastern city of Qamishli".
OWNED = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,4}$")
DOMINANT = 5  # a name several places bear is the most populous one only if it is this many times the next
ABROAD_POPULATION = 15_000  # the least population of a town outside the report's countries it may name
# Words after a name that make it a part of a town the report is about, never a town abroad.
QUARTER = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|district|camp|square|street)\b", re.IGNORECASE)
# A place beside another capitalised name, or after one and "in"/"of", may be part of a body's name.
NEXT_TO_NAME = re.compile(r"[ -][A-Z]")
NAME_BEFORE = re.compile(r"[A-Z]\w*(?: (?:in|of|for))? $")
# Where a new clause begins ("killed 12, and the envoy flew to Geneva").
CLAUSE_BREAK = re.compile(r";|,\s+(?:which|who|and|but|while|whereas|although)\b")
BODY_REACH = 80  # characters either side of a place within which a body's name holding it is looked for
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
def _gazetteer_forms() -> dict[str, str]:
    """Each lower-cased name of our gazetteer, and its possessive where text lost the apostrophe
    ("Syrias conflict"), -> the name. Short names have none: "Hamas" is a movement, not Hama's."""
    names = load_gazetteer().places
    return {**{name + "s": name for name in names if len(name) >= 5 and not name.endswith("s")},
            **{name: name for name in names}}


@lru_cache(maxsize=1)
def _lost_apostrophes() -> frozenset[str]:
    return frozenset(form for form, name in _gazetteer_forms().items() if form != name)


@lru_cache(maxsize=1)
def _place_names() -> WordFinder:
    """Gazetteer names, matched on lower-cased text; a hyphen joins words ("Al-Bab" is not "Bab")."""
    return WordFinder.listing(sorted(_gazetteer_forms()), joiners="_-")


@lru_cache(maxsize=1)
def _source_names() -> WordFinder:
    """The source registry's names and aliases of several words (a place inside one names no place)."""
    return WordFinder.listing(sorted({name.lower() for name in load_sources().spellings if " " in name.strip()}),
                              joiners="_-")


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


def _in_body(text: str, lower: str, start: int, end: int, bodies: Callable[[], list[tuple[int, int]]]) -> bool:
    """Whether the place at ``start:end`` is part of a body's name; ``bodies`` gives the registry's names
    found in ``text``, read only for a place next to another name ("Syria Civil Defence", "... in Syria")."""
    if body_names(text, start, end) != end:
        return True
    beside = NEXT_TO_NAME.match(text, end) or NAME_BEFORE.search(text, max(0, start - BODY_REACH), start)
    return beside is not None and any(s <= start and end <= e for s, e in bodies())


def find_places(text: str, lower: str | None = None) -> list[PlaceMention]:
    """Every place of our gazetteer ``text`` names, in order, but none inside the name of a body."""
    lower = lowered(text) if lower is None else lower
    spans = _place_names().spans(lower)
    if not spans:
        return []
    bodies = cache(partial(_source_names().spans, lower))
    return [_ours(text, lower, start, end) for start, end in spans if not _in_body(text, lower, start, end, bodies)]


def _ours(text: str, lower: str, start: int, end: int) -> PlaceMention:
    """The mention of our gazetteer's place at ``start:end``; a town with its coordinates."""
    gazetteer = load_gazetteer()
    key = _gazetteer_forms()[lower[start:end]]
    place = gazetteer.places[key]
    return PlaceMention(start, end, text[start:end], _town(text[start:end], place) if key in gazetteer.towns else place)


def _named(text: str, name: PlaceName, countries: Countries) -> PlaceMention | None:
    """A name the structure marks as a place, resolved where a gazetteer knows it; a neighbourhood
    ("the al-Qarvan district") is looked for in the report's countries only."""
    place = resolve_name(name.text, countries, abroad=not QUARTER.match(text, name.end))
    if place is not None:
        return PlaceMention(name.start, name.end, name.text, place, True)
    # Kept as written unless only a gazetteer could tell it is a place: a doubtful name, or one
    # in a headline's capitals ("In Sarmin Kill 12").
    headline = title_cased(text)
    if not (name.doubtful or headline or names_no_place(text, name)):
        return PlaceMention(name.start, name.end, name.text, None, True)
    if not headline:
        return None
    words = name.text.split(" ")
    for size in range(len(words) - 1, 0, -1):  # a headline's name runs into its verb: "In Sarmin Kill 12"
        text = " ".join(words[:size])
        place = resolve_name(text, countries)
        if place is not None:
            return PlaceMention(name.start, name.start + len(text), text, place, True)
    return None


def _within(town: Place | None, area: Place) -> bool:
    return town is None or (town.adm0 == area.adm0 and set(town.adm1) <= set(area.adm1 or town.adm1))


def _owns(text: str, holder: PlaceMention, mention: PlaceMention) -> bool:
    """Whether ``holder`` is a country named as the owner of ``mention``: "Syria's Idlib", or "Syrias Idlib".
    A region's possessive keeps its scope ("northwest Syria's Idlib region" may count the region)."""
    if holder.place.adm1:
        return False
    possessive = text.startswith(("'s", "’s"), holder.end) or holder.text.lower() in _lost_apostrophes()
    return possessive and OWNED.match(text, holder.end, mention.start) is not None


def _joined(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town named with the area holding it ("Kafr Nabl in southern Idlib") is one place: the town, placed in
    the area where no gazetteer knows it or places it elsewhere. So is an area named as its country's
    ("Syria's northern Idlib province"): the area."""
    joined: list[PlaceMention] = []
    for mention in mentions:
        holder = joined[-1] if joined else None
        if (holder is not None and holder.place is not None and mention.place is not None
                and _owns(text, holder, mention) and _within(mention.place, holder.place)):
            joined[-1] = mention
            continue
        town = holder
        if (town is not None and mention.place is not None and INSIDE.fullmatch(text, town.end, mention.start)
                and (town.place is None or town.place.latitude is not None)):
            if not _within(town.place, mention.place):
                area = mention.place
                joined[-1] = town._replace(place=Place(area.name, area.adm0, area.adm1))
            elif town.place is None:
                joined[-1] = town._replace(place=mention.place)
            continue
        joined.append(mention)
    return joined


def sentence_places(text: str, lower: str | None = None, countries: Countries = NO_COUNTRIES) -> list[PlaceMention]:
    """Every place a sentence names, in order: our gazetteer's, then names its structure marks as places."""
    lower = lowered(text) if lower is None else lower
    ours = find_places(text, lower)
    ends = [m.end for m in ours]  # our places do not overlap: their ends are in order too
    mentions = list(ours)
    for name in place_names(text, lower):
        at = bisect.bisect_right(ends, name.start)  # the first of ours ending after the name starts
        if at < len(ours) and ours[at].start < name.end:
            continue  # our gazetteer names it
        mention = _named(text, name, countries)
        if mention is not None:
            mentions.append(mention)
    return _joined(text, sorted(mentions))


def report_countries(text: str, lower: str, location: str | None) -> tuple[str, ...]:
    """The countries a report is about, most likely first: its metadata place's, then those its text names most."""
    forms, places = _gazetteer_forms(), load_gazetteer().places
    counted = Counter(places[forms[lower[s:e]]].adm0 for s, e in _place_names().spans(lower))
    counted.update(geonames.country_named(lower[s:e])[0] for s, e in _country_names().spans(lower))
    first = lookup_name(location)
    ranked = sorted(counted, key=lambda adm0: (-counted[adm0], adm0))
    return tuple(dict.fromkeys(([first.adm0] if first else []) + ranked))


def _bodies_near(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """The registry's names found within reach of the place at ``start:end`` (a body's name holding it)."""
    window = max(0, start - BODY_REACH)
    return [(window + s, window + e) for s, e in _source_names().spans(lower[window:end + BODY_REACH])]


def first_place(text: str, lower: str | None = None, countries: Countries = NO_COUNTRIES) -> PlaceMention | None:
    """The first place a text names that a gazetteer knows: what a report is about when a sentence names none.

    Names the structure marks are looked for only before our gazetteer's first place.
    """
    lower = lowered(text) if lower is None else lower
    ours, position = None, 0
    while ours is None and (match := _place_names().search(lower, position)) is not None:
        start, end = match.span("phrase")
        ours = None if _in_body(text, lower, start, end, partial(_bodies_near, lower, start, end)) else (start, end)
        position = end
    end = len(text) if ours is None else ours[0]
    known = [m for m in sentence_places(text[:end], lower[:end], countries) if m.place is not None]
    if known:
        return known[0]
    return None if ours is None else _ours(text, lower, *ours)


class FigurePlaces:
    """The places one sentence names, and which of them a figure in it takes.

    The figure takes the place named nearest it, but a name the structure marks
    as a place in a later clause than the figure is not the figure's ("denying
    that any civilians had fled, and Erdogan nodded at Moscow"). Each lookup is a
    few binary searches, however many places and figures a sentence holds.
    """

    def __init__(self, text: str, mentions: list[PlaceMention]):
        self.mentions = mentions
        self.ours = [m for m in mentions if not m.marked]
        self.marked = [m for m in mentions if m.marked]
        self.marked_known = [m for m in self.marked if m.place is not None]
        breaks = list(CLAUSE_BREAK.finditer(text)) if self.marked else []
        self.break_starts = [b.start() for b in breaks]
        self.break_ends = [b.end() for b in breaks]

    def nearest(self, position: int, known: bool = False) -> PlaceMention | None:
        """The place a figure at ``position`` takes; with ``known``, the nearest a gazetteer knows."""
        marked = self.marked_known if known else self.marked
        candidates = [m for m in (nearest_place(self.ours, position),) if m is not None]
        at = bisect.bisect_left(marked, position, key=lambda m: m.start)
        if at > 0:
            candidates.append(marked[at - 1])
        if at < len(marked):
            first_break = bisect.bisect_left(self.break_starts, position)
            if first_break == len(self.break_ends) or self.break_ends[first_break] > marked[at].start:
                candidates.append(marked[at])
        return nearest_place(sorted(candidates, key=lambda m: m.start), position)


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
