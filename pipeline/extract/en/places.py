"""Places as English sentences name them: our gazetteer's names, and names the sentence's structure marks.

A capitalised name after a word that introduces a place ("killed in Atareb",
"the village of Kafr Nabl": ``place_names.py``) is a place, resolved through
our gazetteer or GeoNames (``places.py``) where they know it and kept as
written where only the structure says so. A town named with the area holding
it ("Kafr Nabl in southern Idlib") or an area with its country ("Syria's
Idlib") is one place. A place word inside the name of a body ("Syria Civil
Defence", "Aleppo Media Center") is no place. A figure takes the place named
nearest it in its clause (``FigurePlaces``).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
from typing import Callable

from pipeline.extract.en.place_names import PlaceName, body_names, names_no_place, place_names, title_cased
from pipeline.extract.lowercase import lowered
from pipeline.extract.once import Once
from pipeline.extract.places import (
    NO_COUNTRIES, Countries, PlaceMention, gazetteer_forms, gazetteer_names, gazetteer_place, nearest_place,
    resolve_name,
)
from pipeline.extract.trie import WordFinder
from schemas.reference import Place, load_sources

# What joins a town to the area holding it: "Sarmin in Idlib", "Kafr Nabl, in southern Idlib province".
INSIDE = re.compile(r"(?:,\s*|\s+)(?:in\s+)?(?:the\s+)?(?:(?:rural|southern|northern|eastern|western|central"
                    r"|south|north|east|west|(?:north|south)[- ]?(?:east|west)(?:ern)?)\s+)*$", re.IGNORECASE)
# What joins a country or area to a place it holds: "Syria's northwestern Idlib", "Syrias divided
# northeastern city of Qamishli".
OWNED = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,4}$")
# Words after a name that make it a part of a town the report is about, never a town abroad.
QUARTER = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|district|camp|square|street)\b", re.IGNORECASE)
# A place beside another capitalised name, or after one and "in"/"of", may be part of a body's name.
NEXT_TO_NAME = re.compile(r"[ -][A-Z]")
NAME_BEFORE = re.compile(r"[A-Z]\w*(?: (?:in|of|for))? $")
# Where a new clause begins ("killed 12, and the envoy flew to Geneva").
CLAUSE_BREAK = re.compile(r";|,\s+(?:which|who|and|but|while|whereas|although)\b")
BODY_REACH = 80  # characters either side of a place within which a body's name holding it is looked for


@lru_cache(maxsize=1)
def _lost_apostrophes() -> frozenset[str]:
    return frozenset(form for form, name in gazetteer_forms().items() if form != name)


@lru_cache(maxsize=1)
def _source_names() -> WordFinder:
    """The source registry's names and aliases of several words (a place inside one names no place)."""
    return WordFinder.listing(sorted({name.lower() for name in load_sources().spellings if " " in name.strip()}),
                              joiners="_-")


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
    spans = gazetteer_names().spans(lower)
    if not spans:
        return []
    bodies = Once(_source_names().spans, lower)
    return [gazetteer_place(text, lower, start, end) for start, end in spans
            if not _in_body(text, lower, start, end, bodies)]


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
    while ours is None and (match := gazetteer_names().search(lower, position)) is not None:
        start, end = match.span("phrase")
        ours = None if _in_body(text, lower, start, end, partial(_bodies_near, lower, start, end)) else (start, end)
        position = end
    end = len(text) if ours is None else ours[0]
    known = [m for m in sentence_places(text[:end], lower[:end], countries) if m.place is not None]
    if known:
        return known[0]
    return None if ours is None else gazetteer_place(text, lower, *ours)


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
