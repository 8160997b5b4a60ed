"""Who a credited name is: one originator, with its grade, however a report words it.

``identify`` is the one place a name becomes an originator, for the extractor
(a claim's credit, else its report's publisher) and for reconciliation (any
name, publishers included). In order:

- the source registry (``schemas/sources.yaml``): a name, acronym, alias,
  former name or person it lists, also with a descriptor after it ("SANA news
  agency", "UNICEF spokesman") or a person after a registered body's title
  ("UNHCR spokesman Ron Redmond");
- a state's body (``schemas/state_bodies.yaml``): "Kenyan police", "Burma's
  government", "the Ministry of Health of Iraq", "Turkey" (a country named for
  its government), "Moscow" (its capital); named after its country ("Qatari
  Ministry of Interior") unless a registered source stands for it;
- a kind of body named without a country ("police", "the interior ministry",
  "officials", "a monitor", "state media") is resolved against the report's
  country, when the caller knows it: the body of that country, or the source
  the registry names for that kind in reports on that country. A titled
  person ("Health Minister Jane Okafor") is a ministry only when the title
  names the country;
- any other name is its own originator, normalised: no leading article, no
  possessive, and no capital that only opens a sentence ("Local officials").

Joint credits ("rescue workers and a war monitor") name every body: their
originator is each part's originator, in alphabetical order, joined by "; "
(``JOINT``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol, Sequence

from pipeline.extract.name_words import (
    BODY_HEADS, CONNECTORS, DESCRIPTION_OPENERS, MODIFIERS, RANKS, ROLE_WORDS, SPEAKER_WORDS, TITLES, is_name_word,
)
from pipeline.extract.source_names import joint_parts
from pipeline.extract.state_bodies import state_body
from schemas.reference import Source, load_sources, load_state_bodies, name_key

JOINT = "; "
GRADES = ("LOW", "MEDIUM", "HIGH")


class ReportPlace(Protocol):
    """What a report says of its place, asked only when a name needs it."""

    def country(self) -> str | None:
        """The ISO 3166-1 alpha-3 code of the country the report is about."""

    def names(self, source: str) -> bool:
        """Whether the report names a registered source by a name of its own ("Syrian Civil Defence")."""


class Where(NamedTuple):
    """The report's country, and the registered sources it names that a generic name may stand for."""

    country: str | None
    named: frozenset[str] = frozenset()


COMMON_WORDS = BODY_HEADS | MODIFIERS | ROLE_WORDS
# Lower-case words a person's title may hold ("army spokesman", "regional humanitarian coordinator",
# "minister of health"); "opponents of President X" is no title of X.
TITLE_WORDS = TITLES | BODY_HEADS | MODIFIERS | CONNECTORS | SPEAKER_WORDS
BRACKETED = re.compile(r"(?P<outer>.+?)\s*\((?P<inner>[^()]+)\)")
ASK = Where("?")  # the report's place is wanted but not yet looked for


@dataclass(frozen=True)
class Originator:
    """A claim's originator: its canonical name, grade, party status, and whether the registry grades it."""

    name: str
    reliability: str
    party: bool
    registered: bool  # graded in schemas/sources.yaml
    known: bool = False  # the registry or the table of state bodies says who it is


class _NeedsCountry:
    """The name resolves only with the report's country."""


NEEDS_COUNTRY = _NeedsCountry()


def _registered(source: Source) -> Originator:
    return Originator(source.name, source.reliability, source.party, True, True)


def _unregistered(name: str) -> Originator:
    return Originator(name, load_sources().default_reliability, False, False)


def _words(name: str) -> list[str]:
    return " ".join(name.replace('"', " ").replace("“", " ").replace("”", " ").split()).split()


def _display(words: list[str]) -> str:
    """A name the registry lacks, as its originator: no article or possessive, no capital opening a sentence."""
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    words = [re.sub(r"['’]s$", "", word) if len(word) > 3 else word for word in words]
    if words and words[0][1:].islower() and words[0].lower() in COMMON_WORDS \
            and not any(word[:1].isupper() for word in words[1:]):
        words = [words[0].lower(), *words[1:]]  # "Local officials" opening a sentence; not "Committee for X"
    return " ".join(words)


def _lost_apostrophe(words: list[str]) -> list[str]:
    """'ISISs statement': an acronym's possessive whose apostrophe was lost."""
    return [word[:-1] if len(word) > 3 and word.endswith("s") and word[:-1].isalpha() and word[:-1].isupper()
            else word for word in words]


def _split_person(words: list[str]) -> tuple[list[str], list[str]]:
    """(title, person) of "Health Minister Jane Okafor", "Brig. Gen. Richard Blanchette"; (words, [])
    when no name follows a title."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].lower().rstrip(",") in TITLES:
            rest = words[index + 1:]
            if rest[0][:1].isupper() and rest[0].lower().rstrip(".") not in TITLES \
                    and all(is_name_word(word) or word.lower() in CONNECTORS for word in rest) \
                    and all(word[:1].isupper() or word.lower() in TITLE_WORDS for word in words[:index]):
                return words[:index + 1], rest
            return words, []
    return words, []


def _described_registered(words: list[str]) -> Source | None:
    """The registered source the words name, also with descriptors after it ("SANA news agency")."""
    registry = load_sources()
    for end in range(len(words), 0, -1):
        found = registry.lookup(" ".join(words[:end]))
        if found is not None:
            return found
        if words[end - 1].lower().rstrip(",") not in SPEAKER_WORDS:
            return None
    return None


def _registry(words: list[str]) -> Source | None:
    """The registered source the words name, also with descriptors after it or a place it acts in
    ("NATO in Afghanistan"; "UN Mission in South Sudan" is a name of its own)."""
    found = _described_registered(words)
    if found is None:
        cut = next((index for index, word in enumerate(words) if index > 0 and word.lower() in ("in", "at")), None)
        found = _described_registered(words[:cut]) if cut is not None else None
    return found


def _registered_prefix(title: list[str]) -> Source | None:
    """The registered body a person's title opens with: "BBC World Affairs correspondent"; not when
    another country's office follows ("At the UN British Foreign Secretary X", commas lost)."""
    registry = load_sources()
    for end in range(len(title) - 1, 0, -1):
        found = registry.lookup(" ".join(title[:end]))
        if found is not None:
            return None if name_key(title[end]) in load_state_bodies().names else found
    return None


def _generic(words: list[str], where: Where | None) -> Source | None | _NeedsCountry:
    """The source a kind of body ("a monitor") names in a report on its country, or in one that
    names the source itself ("civil defence" where the report names the White Helmets)."""
    generic = load_sources().generic
    while words and words[0].lower() in DESCRIPTION_OPENERS:
        words = words[1:]
    for end in range(len(words), 0, -1):
        pairs = generic.get(name_key(" ".join(words[:end])))
        if pairs:
            if where is ASK:
                return NEEDS_COUNTRY
            if where is None:
                return None
            return next((source for code, source in pairs if code == where.country or source.name in where.named),
                        None)
        if words[end - 1].lower() not in SPEAKER_WORDS:
            return None
    return None


def _state(words: list[str], where: Where | None, titled: bool) -> Originator | None | _NeedsCountry:
    """A state's body the words name, with the country they name or, for a body alone, the report's
    (never for a person's title: a report quotes other countries' ministers)."""
    found = state_body(" ".join(words))
    if found is None:
        return None
    code = found.country
    if code is None:
        if titled or where is None:
            return None
        if where is ASK:
            return NEEDS_COUNTRY
        code = where.country
    if code not in load_state_bodies().countries:
        return None
    source = load_sources().for_state(code, found.kind)
    if source is not None:
        return _registered(source)
    return Originator(f"{load_state_bodies().countries[code].adjective} {found.kind}",
                      load_sources().default_reliability, False, False, True)


def _resolved(words: list[str], where: Where | None) -> Originator | None | _NeedsCountry:
    """The registered source or state body the words name, if any."""
    words = _lost_apostrophe(words)
    found = _registry(words)
    if found is not None:
        return _registered(found)
    state = _state(words, None, titled=True)
    if isinstance(state, Originator):
        return state  # "Turkish General Staff", a body whose name holds a title
    title, person = _split_person(words)
    if person:
        known = load_sources().lookup(" ".join(person))
        if known is not None:
            return _registered(known)
        # the body the title names, else the person: a title is no part of who they are
        return _resolved_title(title, where) or _unregistered(_display(person))
    generic = _generic(words, where)
    if generic is NEEDS_COUNTRY or isinstance(generic, Source):
        return _registered(generic) if isinstance(generic, Source) else generic
    state = _state(words, where, titled=False)
    if state is None and "of" in words[1:-1]:
        # "the western regional command of the Afghan army": a part of a body the registry or the states
        # know speaks for it; "opponents of President X" do not speak for X
        owner = _resolved(words[len(words) - words[::-1].index("of"):], where)
        return owner if owner is NEEDS_COUNTRY or isinstance(owner, Originator) and owner.known else None
    return state


def _resolved_title(title: list[str], where: Where | None) -> Originator | _NeedsCountry | None:
    """The body a person's title names: "UNHCR spokesman", "Afghan army spokesman", and in a
    report on Syria "civil defence official". A state's office without its country ("Health
    Minister") is not resolved by the report's country: a report quotes other countries' ministers."""
    while title and title[-1].lower() in RANKS:
        title = title[:-1]  # "US military spokeswoman Lt. Col."
    if not title:
        return None
    found = _registry(title) or _registered_prefix(title)
    if found is not None:
        return _registered(found)
    generic = _generic(title, where)
    if generic is NEEDS_COUNTRY or isinstance(generic, Source):
        return _registered(generic) if isinstance(generic, Source) else generic
    state = _state(title, None, titled=True)
    return state if isinstance(state, Originator) else None


@lru_cache(maxsize=8192)
def _one(name: str, where: Where | None) -> Originator | _NeedsCountry | None:
    words = _words(name)
    if not words:
        return None
    bracketed = BRACKETED.fullmatch(" ".join(words))
    if bracketed:
        return _bracketed(bracketed.group("outer"), bracketed.group("inner"), where)
    found = _resolved(words, where)
    if found is not None:
        return found
    return _unregistered(_display(words))


def _bracketed(outer: str, inner: str, where: Where | None) -> Originator | _NeedsCountry | None:
    """'Médecins Sans Frontières (MSF)', 'Syrian media (via BBC News)', 'Dr Amal Nasser (city morgue)',
    'Shah Jahan Noori (Badakhshan police chief)'.

    An acronym in brackets is the name's own; "via X" names who relayed it;
    other words in brackets say what the person before them speaks for: a
    body the registry or the states know, or a body described ("city
    morgue"); a role that names neither leaves the person.
    """
    inner_words = _words(inner)
    if inner.startswith("via "):
        return _one(outer, where)
    if len(inner_words) == 1 and inner.replace("-", "").isupper():
        found = _resolved(inner_words, where)
        if isinstance(found, Originator):
            return found
        found = _resolved(_words(outer), where)
        return found if found is not None else _unregistered(_display(_words(outer)))
    found = _resolved(inner_words, where)
    if found is not None:
        return found
    body = list(inner_words)
    while body and (body[-1].lower() in SPEAKER_WORDS or body[-1].lower() in TITLES):
        body = body[:-1]  # "provincial governor's spokesperson" speaks for the provincial governor
    if body and re.sub(r"['’]s$", "", body[-1].lower()) in BODY_HEADS:
        return _unregistered(_display(body))
    return _one(outer, where)


@lru_cache(maxsize=1)
def _generic_sources() -> tuple[str, ...]:
    """The sources some generic name may stand for."""
    return tuple(sorted({source.name for pairs in load_sources().generic.values() for _, source in pairs}))


def _in_place(name: str, place: str | ReportPlace | None) -> Originator | None:
    """A name that needs the report's place, resolved with it: its country, else a source the report
    names by a name of its own that the name describes (asked only for that source)."""
    if place is None or isinstance(place, str):
        return _one(name, None if place is None else Where(place))
    where = Where(place.country())
    found = _one(name, where)
    if isinstance(found, Originator) and found.known:
        return found
    described = _one(name, where._replace(named=frozenset(_generic_sources())))
    if isinstance(described, Originator) and described.registered and place.names(described.name):
        return described
    return found


def _part(name: str, place: str | ReportPlace | None) -> Originator | None:
    found = _one(name, ASK)
    if found is NEEDS_COUNTRY:
        found = _in_place(name, place)
        if found is NEEDS_COUNTRY or found is None:
            return _unregistered(_display(_words(name)))
    return found


@lru_cache(maxsize=8192)
def _parts(name: str) -> tuple[str, ...]:
    """The names a credit joins: "A; B" as ``JOINT`` writes it, or "A and B" where they are two bodies."""
    if JOINT in name:
        return tuple(part for part in name.split(JOINT) if part.strip())
    whole = _one(name, ASK)
    if whole is NEEDS_COUNTRY or whole is None or not whole.registered:
        return tuple(joint_parts(name) or (name,))
    return (name,)


def joint(parts: Sequence[Originator]) -> Originator:
    """The originator of a credit naming several bodies: each named once, in alphabetical order.

    Its grade is the highest of theirs (each vouches for the figure); it is a
    party only when every one of them is.
    """
    unique = {part.name: part for part in parts}
    ordered = [unique[name] for name in sorted(unique, key=str.casefold)]
    if len(ordered) == 1:
        return ordered[0]
    return Originator(JOINT.join(part.name for part in ordered),
                      max((part.reliability for part in ordered), key=GRADES.index),
                      all(part.party for part in ordered), all(part.registered for part in ordered),
                      all(part.known for part in ordered))


def identify(name: str | None, place: str | ReportPlace | None = None) -> Originator | None:
    """The originator a name stands for, with its grade; None for no name.

    ``place`` is the report's country (an ISO 3166-1 alpha-3 code) or a
    `ReportPlace`, asked only when the name needs it ("police", "a monitor").
    A joint name ("A and B", or "A; B" as ``JOINT`` writes it) is each body it
    names.
    """
    if not isinstance(name, str) or not name.strip():
        return None
    parts = _parts(name)
    if len(parts) == 1:
        return _part(parts[0], place)
    found = [part for part in (_part(part, place) for part in parts) if part is not None]
    return joint(found) if found else None
