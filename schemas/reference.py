"""Reference data beside the schemas: the gazetteer, the source registry, the bodies of states
and household sizes. Loading only: how a credited name is resolved against them is
``pipeline.extract.originators``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
# libyaml's loader where PyYAML was built with it: the reference tables load several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
ARTICLES = ("the ", "a ", "an ")
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """How a name is compared: lower case, no leading article, no possessive, single spaces.

    "The UN's humanitarian office" and "UN humanitarian office" share a key;
    dotted abbreviations lose their dots ("U.N." is "UN").
    """
    text = " ".join(name.replace("’", "'").split())
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    text = POSSESSIVE.sub("", text).lower().strip(" .,;:'\"“”")
    while text.startswith(ARTICLES):
        text = text.split(" ", 1)[1]
    return text


@lru_cache(maxsize=16384)
def _keys(name: str) -> tuple[str | None, str]:
    """A name as an acronym is looked up (as written, in capitals, without dots or an article; None when
    it is no acronym) and its ``name_key``."""
    cleaned = name.strip().strip(".,;:")
    for article in ("the ", "The "):
        if cleaned.startswith(article):
            cleaned = cleaned[len(article):]
    undotted = cleaned.replace(".", "")
    return (undotted if undotted.isupper() else None), name_key(name)


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
    sources: dict[str, Source]  # name_key of a name, alias, former name or person -> source
    default_reliability: str
    spellings: tuple[str, ...]  # every name the registry knows, as written (generic names included)
    acronyms: dict[str, Source] = field(default_factory=dict)  # matched as written, in capitals ("WHO", not "who")
    # name_key of a kind of body ("monitor") -> (country code, source) pairs it names in reports on that country
    generic: dict[str, tuple[tuple[str, Source], ...]] = field(default_factory=dict)
    # (country code, kind of state body) -> the source standing for it; kind "all" for every other body
    states: dict[tuple[str, str], Source] = field(default_factory=dict)
    # source name -> its own names, aliases and acronyms as written (no generic descriptions, no people)
    names_of: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def lookup(self, name: str | None) -> Source | None:
        """The source a name, alias, acronym or person names on its own, whatever the report's country."""
        if not name:
            return None
        acronym, key = _keys(name)
        return (self.acronyms.get(acronym) if acronym else None) or self.sources.get(key)

    def knows(self, name: str | None) -> bool:
        """Whether a phrase is a name the registry lists, generic descriptions included."""
        return bool(name) and (self.lookup(name) is not None or _keys(name)[1] in self.generic)

    def for_state(self, country: str, kind: str) -> Source | None:
        return self.states.get((country, kind)) or self.states.get((country, "all"))


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    adjective: str  # the word naming its bodies ("Kenyan police"); the name where it has none
    capital: str | None
    names: tuple[str, ...] = ()  # its name, other names and adjectives, as written
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateBodies:
    countries: dict[str, Country]  # code -> country
    names: dict[str, str]  # name_key of a name, other name or adjective -> code
    capitals: dict[str, str]  # name_key of a capital -> code
    kinds: dict[str, str]  # name_key of a phrase ("state-run tv") -> kind ("state media")
    topics: dict[str, str]  # ministry topic as written, lower-cased -> its name ("defense" -> "Defence")


@dataclass(frozen=True)
class HouseholdSize:
    """Persons per household in a country, and the source that gives it."""

    country: str
    size: float
    source: str  # the source's name
    year: int
    url: str


@lru_cache(maxsize=None)
def load_gazetteer(path: Path = HERE / "gazetteer.yaml") -> Gazetteer:
    data = _read_yaml(path)
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
    data = _read_yaml(path)
    sources: dict[str, Source] = {}
    acronyms: dict[str, Source] = {}
    spellings: list[str] = []
    generic: dict[str, tuple[tuple[str, Source], ...]] = {}
    states: dict[tuple[str, str], Source] = {}
    names_of: dict[str, tuple[str, ...]] = {}
    for entry in data["sources"]:
        source = Source(entry["name"], entry["reliability"], bool(entry["party"]))
        names_of[source.name] = (entry["name"], *entry.get("aliases", []), *entry.get("former_names", []),
                                 *entry.get("acronyms", []))
        for name in [entry["name"], *entry.get("aliases", []), *entry.get("former_names", []),
                     *entry.get("people", [])]:
            sources[name_key(name)] = source
            spellings.append(name)
        for acronym in entry.get("acronyms", []):
            acronyms[acronym.replace(".", "")] = source
            spellings.append(acronym)
        described = entry.get("generic")
        for noun in described["names"] if described else ():
            generic[name_key(noun)] = (*generic.get(name_key(noun), ()), (described["country"], source))
            spellings.append(noun)
        state = entry.get("state")
        for kind in state["bodies"] if state else ():
            states[(state["country"], kind)] = source
    for canonical, names in data.get("names_in_other_languages", {}).items():
        source = sources[name_key(canonical)]
        names_of[canonical] = (*names_of[canonical], *names)
        for name in names:
            sources[name_key(name)] = source
            spellings.append(name)
    return SourceRegistry(sources=sources, default_reliability=data["default_reliability"],
                          spellings=tuple(spellings), acronyms=acronyms, generic=generic, states=states,
                          names_of=names_of)


@lru_cache(maxsize=None)
def load_state_bodies(path: Path = HERE / "state_bodies.yaml") -> StateBodies:
    data = _read_yaml(path)
    countries: dict[str, Country] = {}
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, entry in data["countries"].items():
        adjectives = entry.get("adjectives") or []
        countries[code] = Country(code, entry["name"], adjectives[0] if adjectives else entry["name"],
                                  entry.get("capital"), (entry["name"], *entry.get("also", []), *adjectives),
                                  tuple(adjectives))
        for name in [entry["name"], *entry.get("also", []), *adjectives]:
            names.setdefault(name_key(name), code)
        if entry.get("capital"):
            capitals[name_key(entry["capital"])] = code
    kinds = {name_key(phrase): kind for kind, phrases in data["kinds"].items() for phrase in phrases}
    topics = {word.lower(): topic for topic, words in data["ministry_topics"].items() for word in words}
    return StateBodies(countries, names, capitals, kinds, topics)


@lru_cache(maxsize=None)
def _household_table(path: Path = HERE / "household_sizes.yaml") -> dict:
    return _read_yaml(path)


def household_size(country: str | None) -> HouseholdSize | None:
    """The household size of a country (ISO 3166-1 alpha-3) and its source, or None where no cited
    source gives one: a household figure there gets no people estimate."""
    if not country:
        return None
    table = _household_table()
    entry = table["sizes"].get(country.upper())
    if entry is None:
        return None
    size, key = (entry["size"], entry["source"]) if isinstance(entry, dict) else (entry, table["default_source"])
    source = table["sources"][key]
    return HouseholdSize(country.upper(), float(size), source["name"], int(source["year"]), source["url"])
