"""From a phrase naming a source to the name recorded for it.

A name is kept as the report writes it, without the words run into it
("On Monday the Observatory" is "Observatory"), with a person's title ("army
spokesman Adolphe Manirakiza") and a body's qualifiers ("local hospital
officials"); who it is, is ``originators.identify``'s to say. The source
registry (``schemas/sources.yaml``) tells where a registered name ends
("Damascus the Syrian Observatory for Human Rights"). A phrase that only
points back at a source named before ("it", "the ministry") becomes a
`Reference` for the caller to resolve. Demonyms, weapon types, dates, places
and document nouns alone are never a source; a country's name alone is (its
government: "Lebanon said").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.name_words import (
    ARTICLES, BODY_HEADS, CONNECTORS, DEMONYMS, DOCUMENTS, MODIFIERS, MONTHS_AND_DAYS, NOT_NAMES, PRONOUNS,
    REFERRING_NOUNS, ROLE_WORDS, SPEAKS_FOR, WEAPONS,
)
from pipeline.extract.places import lookup_place
from schemas.reference import load_sources, load_state_bodies, name_key


@dataclass(frozen=True, slots=True)
class Reference:
    """A phrase pointing back at a source named before: "it" (noun None) or "the ministry"."""

    noun: str | None


WEAPON_SHAPE = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]*")  # Mi-8, Su-24, F-16, BM-21
BASED = re.compile(r"[\w.’'-]+-based$|based$", re.IGNORECASE)  # "UK-based", "Britain-based"
DOTTED = {"U.S.": "US", "U.N.": "UN", "U.K.": "UK", "U.S": "US", "U.N": "UN"}
# Words a registered name may carry after it without naming anyone else ("SANA news agency", "SANA reporter").
DESCRIPTORS = {"news", "agency", "reporter", "reporters", "correspondent", "television", "tv", "channel",
               "website", "state", "official", "media", "radio", "daily", "newspaper", "group", "organization",
               "organisation", "monitor", "report", "statement", "figures", "data"}
GENERIC_OPENERS = NOT_NAMES - ARTICLES


def _is_title_case(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1)
def _alias_shape() -> tuple[frozenset[str], int]:
    """The last words of every registered name and alias, and the most words one has."""
    spellings = [spelling.lower().split() for spelling in load_sources().spellings]
    return frozenset(words[-1] for words in spellings if words), max(map(len, spellings), default=0)


def _registry_name(words: list[str]) -> str | None:
    """A registered name the words end with, as written, with any descriptors after it.

    Words run into a name before it ("On Monday the Observatory", "Damascus
    the Syrian Observatory for Human Rights", "Britain-based Syrian
    Observatory ..."): the name a reader sees is the registered one at the end
    ("Observatory", "Syrian Observatory for Human Rights"; "Britain-based
    monitor", which the registry lists whole). Only tails that end like a
    registered name and are no longer than one are looked up.
    """
    registry = load_sources()
    endings, longest = _alias_shape()
    lowered = [word.lower() for word in words]
    first_and = next((i for i, word in enumerate(lowered) if word in ("and", "&")), len(words))
    end = len(words)
    while end > 0:
        if lowered[end - 1] in endings:
            # "the US and Russia" credits both: no tail starts after an "and"
            for start in range(max(0, end - longest - 2), min(end, first_and)):
                tail = words[start:end]
                while tail and tail[0].lower() in ARTICLES:
                    tail = tail[1:]
                if not registry.knows(" ".join(tail)):
                    while tail and (tail[0].lower() in ARTICLES or BASED.fullmatch(tail[0])):
                        tail = tail[1:]
                if tail and registry.knows(" ".join(tail)):
                    return " ".join(tail + words[end:])
        if lowered[end - 1] not in DESCRIPTORS:
            return None
        end -= 1
    return None


def _country_word(word: str) -> bool:
    """A country's name, adjective or capital, also with the apostrophe of a possessive lost ("Syrias")."""
    states, key = load_state_bodies(), name_key(word)
    return key in states.names or key in states.capitals or (
        key.endswith("s") and (key[:-1] in states.names or key[:-1] in states.capitals))


def names_place(name: str) -> bool:
    """Whether a name is a gazetteer place, a country or a capital ("Nusaybin" may be one: only known places)."""
    key = name_key(name)
    states = load_state_bodies()
    return lookup_place(name) is not None or key in states.names or key in states.capitals


def _is_country(words: list[str]) -> bool:
    """A country's name or capital, not its adjective: "Lebanon said", "Moscow said" credit its government."""
    states, key = load_state_bodies(), name_key(" ".join(words))
    return (key in states.names or key in states.capitals) and not (len(words) == 1 and words[0].lower() in DEMONYMS)


def _names_state(words: list[str]) -> bool:
    """A state's body by its country: "Moscow", "Syrian official media", "the Kenyan police", "Syrias state
    TV", "the defence ministry in Moscow"."""
    while words and words[0].lower() in ARTICLES:
        words = words[1:]
    if len(words) < 2:
        return False
    if words[0][:1].isupper() and _country_word(words[0]):
        return True
    return len(words) > 2 and words[-2].lower() in ("in", "of") and _country_word(words[-1]) \
        and words[-3].lower() in BODY_HEADS


def _is_body(lowered: list[str]) -> bool:
    """Lower-case words ending in a body: "local hospital officials", "the camp coordination cluster"."""
    return bool(lowered) and lowered[-1] in BODY_HEADS and all(
        word in MODIFIERS or word in BODY_HEADS or word in ROLE_WORDS or word in ARTICLES for word in lowered[:-1])


def _no_source(words: list[str]) -> bool:
    """Demonyms, dates, weapon types, pronouns and openers alone are never a source."""
    for word in words:
        low = word.lower()
        if low in BODY_HEADS or not (
                low in DEMONYMS or low in MONTHS_AND_DAYS or low in WEAPONS or low in GENERIC_OPENERS
                or low in PRONOUNS or low in ARTICLES or WEAPON_SHAPE.fullmatch(word)
                or low.rstrip("s’'") in MONTHS_AND_DAYS):
            return False
    return True


def joint_parts(name: str) -> list[str] | None:
    """The names of a joint credit ("rescue workers and a war monitor"), as written; None for one name."""
    parts = _split_joint(name.split())
    if parts is None:
        return None
    names = [name_source(" ".join(part)) for part in parts]
    return names if all(isinstance(found, str) for found in names) else None


def _split_joint(words: list[str]) -> list[list[str]] | None:
    """Two bodies credited together ("state media and a monitoring group"), when the second one stands alone.

    An "and" inside one name ("Disaster Risk Reduction and Management
    Council") is not split: the part after it must open with an article, be
    registered, or be a lower-case body.
    """
    for index, word in enumerate(words):
        if word.lower() in ("and", "&") and 0 < index < len(words) - 1:
            second = words[index + 1:]
            first = words[:index]
            if second[0].lower() in ARTICLES or _registry_name(second) or _is_body([w.lower() for w in second]) \
                    or _registry_name(first) or _names_state(first) or _names_state(second):
                return [first, second]
    return None


def _after_last_break(words: list[str]) -> list[str]:
    """Words after a date or time run into the phrase ("Speaking to AFP on Wednesday Homs governor X")."""
    for index in range(len(words) - 2, -1, -1):
        low = words[index].lower()
        if low in MONTHS_AND_DAYS or low[:1].isdigit() or low in ("speaking", "told"):
            return words[index + 1:]
    return words


def _after_run_in_article(words: list[str]) -> list[str]:
    """'Dabiq the Turkish army': where punctuation was lost, the source is the part after a mid-phrase "the"."""
    for index in range(1, len(words) - 1):
        if words[index] == "the" and _is_title_case(words[index - 1]) and words[index - 1].lower() not in CONNECTORS:
            rest = words[index + 1:]
            if _registry_name(rest) or _is_body([w.lower() for w in rest]):
                return rest
    return words


def _without_descriptor(words: list[str]) -> list[str]:
    """'the Lebanese newspaper Daily Star' is the newspaper; a person keeps a title ("army spokesman X").

    The name is the run of capitalised words at the end; lower-case words
    before it describe it, and go unless the last of them is a person's role.
    """
    name_start = len(words)
    while name_start > 0 and (_is_title_case(words[name_start - 1]) or words[name_start - 1] in CONNECTORS):
        name_start -= 1
    prefix = words[:name_start]
    lower_words = [w.lower() for w in prefix if not _is_title_case(w)]
    if not prefix or name_start == len(words) or not lower_words or lower_words[-1] in ROLE_WORDS:
        return words
    if all(w.lower() in MODIFIERS or w.lower() in BODY_HEADS or w.lower() in DEMONYMS for w in prefix):
        return words[name_start:]
    return words


def _document_owner(words: list[str]) -> str | Reference | None:
    """'ISIS's statement', 'the NDRRMC report', 'the report' (pointing back): who issued the document."""
    possessive = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
    if possessive is not None:
        owner = words[:possessive] + [words[possessive][:-2]]
        if owner[-1].lower() in PRONOUNS | {"its", "their"}:
            return Reference(words[-1].lower())
        return name_source(" ".join(owner))
    whole = [w for w in words[:-1] if w.lower() not in GENERIC_OPENERS]
    named = name_source(" ".join(whole)) if whole else None
    if isinstance(named, str):
        return named  # "the Iranian state press agency report"
    owner = [w for w in words[:-1] if _is_title_case(w) and w.lower() not in GENERIC_OPENERS]
    return name_source(" ".join(owner)) if owner else None


@lru_cache(maxsize=8192)
def name_source(phrase: str) -> str | Reference | None:
    """The source a phrase names, a `Reference` back to one, or None when it names none."""
    words = [DOTTED.get(word, word) for word in phrase.replace('"', " ").replace("“", " ").replace("”", " ").split()]
    abbreviation = None
    for index in range(len(words) - 2):  # "Camp Management (CCCM) Cluster": the abbreviation goes to the end
        if words[index] == "(" and words[index + 2] == ")" and words[index + 1].isupper():
            abbreviation, words = words[index + 1], words[:index] + words[index + 3:]
            break
    words = [word for word in words if word not in "()"]
    if not words:
        return None
    lowered = [word.lower() for word in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return Reference(None)
    determiner = lowered[0] in ("the", "this", "that", "its", "their")
    if determiner and len(words) == 2 and (lowered[1] in REFERRING_NOUNS or lowered[1] in DOCUMENTS) \
            and not load_sources().knows(words[1]):
        return Reference(lowered[1])  # "the ministry added", "the report said"
    words = _after_run_in_article(_after_last_break(words))
    known = _registry_name(words)
    if known:
        return known
    if len(words) > 1 and _names_state(words):
        return " ".join(words[1:] if words[0].lower() in ARTICLES else words)  # "the Kenyan police"
    joint = _split_joint(words)
    if joint:
        names = [name_source(" ".join(part)) for part in joint]
        if all(isinstance(name, str) for name in names):
            return " and ".join(names)
    while words and (words[0].lower() in ARTICLES or BASED.fullmatch(words[0])):
        words = words[1:]
    if not words:
        return None
    lowered = [word.lower() for word in words]
    joined = " ".join(lowered)
    if "civil defen" in joined or "white helmets" in joined:
        return " ".join(words)  # "Syria Civil Defence": a place in a rescue service's name
    if lowered[-1] in DOCUMENTS and (words[-1].islower() or not any(_is_title_case(w) for w in words[:-1])):
        return _document_owner(words)  # "the NDRRMC report"; "the Geological Survey" is a name
    if lowered[-1] in SPEAKS_FOR and len(words) > 1 and words[-2].endswith(("'s", "’s")):
        return _document_owner(words)  # "UNICEF's spokesman" speaks for UNICEF
    if _no_source(words) or lookup_place(" ".join(words)) is not None and not _is_country(words):
        return None  # "a source at Aleppo police command": a place is where, not who
    if _is_body(lowered):
        # Capitals that only open the sentence go ("Medics said" is medics).
        words = [w.lower() if w[1:].islower() and (w.lower() in MODIFIERS or w.lower() in BODY_HEADS) else w
                 for w in words]
    elif not any(_is_title_case(w) for w in words) and lowered[-1] not in BODY_HEADS:
        return None  # lower-case words naming no body: "the town", "reporter"
    else:
        words = _without_descriptor(words)
    if words[0].lower() in GENERIC_OPENERS or len(words) == 1 and words[0].lower() in DEMONYMS:
        return None
    name = " ".join(words)
    return f"{name} ({abbreviation})" if abbreviation else name
