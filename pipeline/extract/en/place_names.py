"""Names a sentence's structure marks as places, whether or not any gazetteer knows them.

A place is a capitalised name after a word that introduces one: "in",
"near", "outside", "at", "from", "into", "the town of", "on the outskirts
of", "an air strike on", "the shelling of" ... ("killed in Atareb", "the
village of Kafr Nabl"). The name runs over capitalised words and the
particles Arabic names carry ("Jisr al-Shughur", "Deir ez-Zor", "Maarat al
Numan"), at most four words. What follows such a word is often no place,
so a candidate is dropped when it is a month or a day, a nationality or a
language ("in Russian air strikes"), a person's title ("in President ..."),
an acronym, or a word of no place ("in Parliament"), and a name holding a
word that ends the names of bodies ("Aleppo Media Center", "Syria Civil
Defence") is a body, never a place.
"""
from __future__ import annotations

import re
from collections import deque
from typing import NamedTuple

from pipeline.extract.lowercase import lowered
from pipeline.extract.name_words import DEMONYMS, MONTHS_AND_DAYS, NOT_NAMES, ROLE_WORDS

# Matched on lower-cased text (several times faster than matching case-insensitively).
_INTRODUCER = (
    r"(?:in|near|outside|around|inside|at|from|into|across|through|towards?|(?:on|to) the outskirts of"
    r"|(?:town|village|city|district|province|governorate|region|camp|neighbou?rhood|suburb)s? of"
    r"|(?:strikes?|raids?|attacks?|assaults?|offensive|bombings?|shelling|bombardment|siege|capture"
    r"|battle|fighting) (?:on|of|for))\s+"
    r"(?:(?P<side>rural|central|(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+)?")
# An introducer opens a word: after a character no word holds, which `re` skips to by a scan in C (a
# pattern opening with \b is tried at every position), or at the start of the text.
INTRODUCERS = re.compile(r"\W" + _INTRODUCER)
INTRODUCER_OPENING = re.compile(_INTRODUCER)
# After a place's possessive, the name of a place it holds: "Idlib's Maarat al-Numan", "Syria's northern Sarmin".
OWNED_NAME = re.compile(r" (?:[a-z][\w-]* ){0,2}(?=[A-Z])")
NAME_START = re.compile(r"[^\W\d_a-z]|(?:al|el|ad|ed|ar|er|as|es|at|et|an|en|az|ez|ash|esh)[- ][A-Z]")
WORD = re.compile(r"[^\W\d_][\w'’‘ʿ]*(?:-[\w'’‘ʿ]+)*")
POSSESSIVE = re.compile(r"['’]s$")
# Lower-case particles inside Arabic names ("al-Shughur", "ez-Zor", "Maarat al Numan").
PARTICLES = frozenset("al el ad ed ar er as es at et an en az ez ash esh ad-dir bin ibn bani".split())
MAX_WORDS = 4
# Words that end the names of bodies: a name holding one is who speaks, not where ("Aleppo Media Center").
BODY_WORDS = frozenset("""council ministry observatory center centre media network agency office committee
    commission coalition organisation organization defence defense helmets crescent directorate department
    forces army front brigade brigades movement party union group channel news television tv radio press
    times post watch foundation institute association society league authority
    administration command police government court parliament assembly mission division battalion regiment
    corps unit units squad""".split())
# Capitalised words that follow "in", "at", "from" ... but name no place.
NO_PLACE = frozenset("""the this that these those his her its their our my parliament congress senate
    islam god ramadan eid christmas easter operation twitter facebook youtube telegram whatsapp instagram
    english arabic kurdish french turkish russian persian hebrew total all part addition response
    order accordance line charge power control breach violation support favour favor one two three four five
    six seven eight nine ten eleven twelve hundred hundreds thousand thousands dozens""".split())


def _capitalised(word: str) -> bool:
    """A word that may be part of a name: capitalised, or a particle joined to one ("al-Atarib")."""
    if word[0].isupper():
        # acronyms ("UN", "ISIS") and compounds ("US-led", "IS-held") are no place names
        return not (word.isupper() and len(word) > 1) and not word.rpartition("-")[2].islower()
    particle, _, rest = word.partition("-")
    return particle in PARTICLES and rest[:1].isupper()


def _words_at(text: str, position: int) -> list[re.Match]:
    """The words of the name starting at ``position``, if one starts there; words part by one space."""
    words: list[re.Match] = []
    while len(words) <= MAX_WORDS:
        match = WORD.match(text, position)
        if match is None:
            break
        word = match.group()
        bare = POSSESSIVE.sub("", word).lower()
        if (bare in MONTHS_AND_DAYS or bare[:-1] in MONTHS_AND_DAYS or bare in DEMONYMS
                or (words and (bare in ROLE_WORDS or bare in NOT_NAMES))):
            break
        if not _capitalised(word):
            following = WORD.match(text, match.end() + 1)
            if not (word in PARTICLES and text[match.end():match.end() + 1] == " " and following
                    and _capitalised(following.group())):
                break
        words.append(match)
        if POSSESSIVE.search(word) or text[match.end():match.end() + 1] != " ":
            break
        position = match.end() + 1
    while words and not _capitalised(words[-1].group()):
        words.pop()  # a name does not end on a particle
    return words


# Nouns a name modifies when it names a party or a weapon, not a place ("in Assad regime air strikes").
MODIFIED_NOUNS = frozenset("""regime forces government army troops militia militias fighters rebels militants
    jets warplanes aircraft airstrikes strikes strike raids raid attacks attack shelling offensive bombing
    bombings bombardment rocket rockets missile missiles gunmen supporters loyalists coalition authorities
    officials police""".split())
# A place after these describes a body ("the Observatory based in Britain", "a group banned in Russia"),
# not where figures happen.
DESCRIBES_BODY = frozenset({"based", "headquartered", "registered", "banned", "outlawed"}) | BODY_WORDS


def names_no_place(text: str, name: "PlaceName") -> bool:
    """Whether a name no gazetteer knows is a party's or a weapon's ("Assad regime", "Rocket Attacks")."""
    following = WORD.match(text, name.end + 1)
    return (any(word.lower() in MODIFIED_NOUNS for word in name.text.split())
            or (text[name.end:name.end + 1] == " " and following is not None
                and following.group() in MODIFIED_NOUNS))


class PlaceName(NamedTuple):
    """A name the sentence's structure marks as a place.

    ``doubtful``: it may be no place, and is one only if a gazetteer knows it: written with "'s" ("in
    Qarvalinj's crackdown" may be a person's), or after a name and "in" ("Aid to the Church in Need").
    """

    start: int
    end: int
    text: str
    doubtful: bool


def title_cased(text: str) -> bool:
    """A headline in title case, where capitals mark no names ("Air Strikes Hit Market")."""
    words = WORD.findall(text)
    return len(words) >= 6 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


def _after_name(text: str, at: int) -> bool:
    """Whether the introducer before ``at`` follows a capitalised word that does not open the sentence."""
    before = text[max(0, at - 60):at].split()
    return len(before) >= 3 and before[-2][:1].isupper() and before[-2].isalpha() and before[-3][-1:] not in ".:;"


def _describes_body(text: str, at: int) -> bool:
    """Whether the word before ``at`` makes what follows describe a body ("based in", "Observatory in")."""
    before = text[max(0, at - 24):at].split()
    return bool(before) and before[-1].strip("([,\"'").lower() in DESCRIBES_BODY


def _name_starts(text: str, lower: str) -> list[int]:
    """Where a name may start after a word introducing a place ("in northern Qarvalinj", "in North Qarvalinj")."""
    starts = []
    introducer, opens = INTRODUCER_OPENING.match(lower), 0
    if introducer is None:
        introducer, opens = INTRODUCERS.search(lower), 1
    while introducer is not None:
        at = introducer.end()
        side = introducer.start("side")
        if side >= 0 and not text[side:at].islower():
            at = side  # "in North Korea": the side is part of the name
        if NAME_START.match(text, at) and not _describes_body(text, introducer.start() + opens):
            starts.append(at)
        # an introducer ends in a space, which may stand before the next one
        introducer, opens = INTRODUCERS.search(lower, introducer.end() - 1), 1
    return starts


def place_names(text: str, lower: str | None = None) -> list[PlaceName]:
    """Every name in ``text`` that follows a word introducing a place, in order; ``lower`` is ``lowered(text)``."""
    found: list[PlaceName] = []
    starts = deque(_name_starts(text, lowered(text) if lower is None else lower))
    while starts:
        at = starts.popleft()
        words = _words_at(text, at)
        if not words or (found and at < found[-1].end):
            continue
        if text.startswith(" and ", words[-1].end()):
            starts.appendleft(words[-1].end() + 5)  # "near Sarmin and Binnish": both are places
        owned = OWNED_NAME.match(text, words[-1].end()) if POSSESSIVE.search(words[-1].group()) else None
        if owned:
            starts.appendleft(owned.end())  # "in Syria's Sarmin": a place the place named holds
        names = [POSSESSIVE.sub("", word.group()).lower() for word in words]
        if len(words) > MAX_WORDS or names[0] in NO_PLACE or names[0] in NOT_NAMES or names[0] in ROLE_WORDS:
            continue
        if any(name in BODY_WORDS for name in names):
            continue
        start, end = words[0].start(), words[-1].end()
        possessive = POSSESSIVE.search(words[-1].group())
        if possessive:
            end -= len(possessive.group())
        found.append(PlaceName(start, end, text[start:end], bool(possessive) or _after_name(text, at)))
    return found


def body_names(text: str, start: int, end: int) -> int:
    """Where the name of a body that opens with the place at ``start:end`` ends, or ``end`` if none does.

    "The Aleppo Media Center said": the place is part of the body's name
    when capitalised words after it reach a word that ends such names.
    """
    position = end
    for _ in range(MAX_WORDS):
        if text[position:position + 1] != " ":
            break
        match = WORD.match(text, position + 1)
        if match is None or not match.group()[0].isupper():
            break
        position = match.end()
        if match.group().lower() in BODY_WORDS:
            return position
    return end
