"""Reference data beside the schemas: the gazetteer and the source registry."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Place:
    """A place as claims record it: an area of our gazetteer, or a town placed in one (with coordinates)."""

    name: str
    adm0: str
    adm1: tuple[str, ...]
    adm2: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Source:
    name: str
    reliability: str
    party: bool


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]  # lower-cased name, variant or town -> the area holding it
    pcodes: dict[str, str]
    spellings: tuple[str, ...]  # every name, variant and town as written
    towns: frozenset[str] = frozenset()  # lower-cased names of towns (settlements inside an area)
    # lower-cased names and variants that name an area itself, by the area they name
    area_names: dict[Place, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceRegistry:
    sources: dict[str, Source]  # lower-cased name or alias -> source
    default_reliability: str
    spellings: tuple[str, ...]  # every name and alias as written
    # lower-cased common noun ("state media") -> (country, source) pairs it stands for in reports on that country
    generic: dict[str, tuple[tuple[str, Source], ...]] = field(default_factory=dict)

    def lookup(self, name: str | None) -> Source | None:
        if not name:
            return None
        return self.sources.get(name.lower().strip())


@lru_cache(maxsize=None)
def load_gazetteer(path: Path = HERE / "gazetteer.yaml") -> Gazetteer:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    places: dict[str, Place] = {}
    spellings: list[str] = []
    towns: set[str] = set()
    area_names: dict[Place, tuple[str, ...]] = {}
    for entry in data["places"]:
        place = Place(entry["name"], entry["adm0"], tuple(entry["adm1"]))
        names = [entry["name"], *entry["variants"]]
        area_names[place] = tuple(name.lower() for name in names)
        for name in [*names, *entry.get("towns", [])]:
            places[name.lower()] = place
            spellings.append(name)
        towns.update(town.lower() for town in entry.get("towns", []))
    return Gazetteer(places=places, pcodes=dict(data["adm1_pcodes"]), spellings=tuple(spellings),
                     towns=frozenset(towns), area_names=area_names)


@lru_cache(maxsize=None)
def load_sources(path: Path = HERE / "sources.yaml") -> SourceRegistry:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources: dict[str, Source] = {}
    spellings: list[str] = []
    generic: dict[str, tuple[tuple[str, Source], ...]] = {}
    for entry in data["sources"]:
        source = Source(entry["name"], entry["reliability"], bool(entry["party"]))
        for name in [entry["name"], *entry["aliases"]]:
            sources[name.lower()] = source
            spellings.append(name)
        for noun in entry.get("generic_aliases", []):
            generic[noun.lower()] = (*generic.get(noun.lower(), ()), (entry["country"], source))
    return SourceRegistry(sources=sources, default_reliability=data["default_reliability"],
                          spellings=tuple(spellings), generic=generic)
