"""A state's body as a credited name words it: "Kenyan police", "Burma's government", "the Ministry of
Health of Iraq", "the defence ministry in Moscow", "Turkey" (a country named for its government).

The words are read as a country (its name, adjective or capital, first or
after "of"/"in") and a kind of body from ``schemas/state_bodies.yaml``
(government, presidency, military, police, state media, or a ministry by its
topic), past words that only say who spoke ("army spokesman", "police sources").
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from pipeline.extract.name_words import SPEAKER_WORDS
from schemas.reference import load_state_bodies, name_key

MINISTRY_WORDS = ("ministry", "minister")
TOPIC_BODIES = ("officials", "authorities", "department")  # "health officials" speak for the health ministry


class StateBody(NamedTuple):
    """What the words name: a kind of body, and the country they name, if any."""

    country: str | None
    kind: str


def _country_at(keys: list[str]) -> tuple[str | None, int]:
    """The country named by the first words (a name, an adjective, "Syrias" for "Syria's"), and how many."""
    names = load_state_bodies().names
    for size in range(min(4, len(keys)), 0, -1):
        phrase = " ".join(keys[:size])
        code = names.get(phrase) or (names.get(phrase[:-1]) if phrase.endswith("s") and size == 1 else None)
        if code is not None:
            return code, size
    return None, 0


def _ministry(keys: list[str]) -> str | None:
    """'interior ministry', 'ministry of health', 'health minister', 'health officials': a ministry by its topic."""
    states = load_state_bodies()
    if keys[0] in MINISTRY_WORDS and len(keys) > 2 and keys[1] == "of":
        topic = " ".join(keys[2:])
    elif keys[-1] in MINISTRY_WORDS and len(keys) > 1:
        topic = " ".join(keys[:-1])
    elif keys[-1] in TOPIC_BODIES and " ".join(keys[:-1]) in states.topics:
        topic = " ".join(keys[:-1])
    else:
        return None
    if topic in states.kinds:
        return None  # "government minister": a minister of the government
    if topic in states.topics:
        return f"Ministry of {states.topics[topic]}"
    if not all(word.isalpha() for word in topic.split()):
        return None
    return "Ministry of " + " ".join(word if word in ("and", "of") else word.capitalize() for word in topic.split())


def _kind(keys: list[str]) -> str | None:
    """The kind of state body the words name: "police", "state media", "Ministry of Health"."""
    kinds = load_state_bodies().kinds
    while keys:
        phrase = " ".join(keys)
        if phrase in kinds:
            return kinds[phrase]
        ministry = _ministry(keys)
        if ministry is not None:
            return ministry
        if keys[-1] not in SPEAKER_WORDS:
            return None
        keys = keys[:-1]
    return None


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """Adjectives that are no country's name ("Syrian", not "Myanmar"): alone, they name no one."""
    states = load_state_bodies()
    countries = {name_key(country.name) for country in states.countries.values()}
    return frozenset(key for key in states.names if key not in countries and key.upper() != key) - {"us", "uk"}


@lru_cache(maxsize=8192)
def state_body(name: str) -> StateBody | None:
    """The state's body a name words, its country None when the name gives none ("the police")."""
    states = load_state_bodies()
    keys = name_key(name).split()
    if not keys:
        return None
    code, size = _country_at(keys)
    rest = keys[size:]
    if code is None and len(keys) > 2 and keys[-2] in ("of", "in"):
        code, size = _country_at(keys[-1:])
        code = code or states.capitals.get(keys[-1])  # "the defence ministry in Moscow"
        rest = keys[:-2] if code is not None else keys
    if code is None and " ".join(keys) in states.capitals:
        code, rest = states.capitals[" ".join(keys)], []
    if code is not None and not rest:
        # a country's name alone, not its adjective: "Turkey said", never "Syrian" said
        return StateBody(code, "government") if " ".join(keys) not in _adjectives() else None
    kind = _kind(rest)
    return None if kind is None else StateBody(code, kind)
