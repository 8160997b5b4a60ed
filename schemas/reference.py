"""Reference data beside the schemas: the gazetteer and the source registry."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Place:
    name: str
    adm0: str
    adm1: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    name: str
    reliability: str
    party: bool


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]  # lower-cased name or variant -> place
    pcodes: dict[str, str]
    spellings: tuple[str, ...]  # every name and variant as written


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
    for entry in data["places"]:
        place = Place(entry["name"], entry["adm0"], tuple(entry["adm1"]))
        for name in [entry["name"], *entry["variants"]]:
            places[name.lower()] = place
            spellings.append(name)
    return Gazetteer(places=places, pcodes=dict(data["adm1_pcodes"]), spellings=tuple(spellings))


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
