"""Who a sentence credits for its figures: "according to X", "X said", "said X".

Names are normalised through the source registry in ``schemas/sources.yaml``
("the Britain-based monitor" and "SOHR" are both the Syrian Observatory for
Human Rights); a name the registry does not know is kept as written. A source
that is the report's own publisher is not an attribution (the publisher is
recorded on the report).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pipeline.extract.lexicon import REPORTING_VERBS
from pipeline.extract.places import lookup_place
from pipeline.extract.sentences import sentence_spans
from pipeline.extract.trie import WordFinder, cased_forms, trie_pattern
from schemas.reference import load_sources

_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|al-\w+|of|for|the|and|de|in)"
_NAME = rf"(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+{_NAME_WORD}){{0,7}}"
# Unnamed sources reports credit in lower case; named ones come from the registry.
_LOWER_SOURCES = (
    r"civil defen[cs]e(?: workers?| officials?| sources?)|"
    r"activists|witnesses|a witness|medics|residents|rescuers|rescue workers|officials|doctors|"
    r"opposition activists|local sources|medical sources|a medical source|a security source|a military source"
)


def _registry_names() -> str:
    """Every name and alias in the source registry, longest first, as one alternation."""
    return trie_pattern(cased_forms(list(load_sources().spellings)))


_SOURCE = rf"(?P<source>(?:{_registry_names()})(?![\w-])|{_NAME}|{_LOWER_SOURCES})"
# Where a credited name can stand: right after an anchor ("according to",
# "said", "a source at"), or right before a reporting verb. Names are only
# tried at those places, which keeps attribution fast on long texts.
SOURCE = re.compile(_SOURCE)
ANCHOR = re.compile(
    r"[Aa]ccording\s+to\s+(?:figures\s+from\s+|data\s+from\s+|a\s+report\s+by\s+)?(?:the\s+)?"
    r"|(?:said|says|reported|told)\s+"
    r"|sources?\s+(?:at|in|from|of|with)\s+(?:the\s+)?"
)
ANCHOR_WORDS = {"According", "according", "said", "says", "reported", "told", "source", "sources"}
# One scan finds both: the words that open an anchor, and the reporting verbs.
CUES = WordFinder.listing(sorted(ANCHOR_WORDS | REPORTING_VERBS))
# A name before a verb is tried only where a word starts: fast to scan for,
# and no name is read from inside a word ("RT" in "report").
SOURCE_BEFORE = WordFinder(rf"{_SOURCE}(?:\s*,[^,]{{1,60}},)?\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?$", whole=False)
LOOK_BACK = 100
# A subject that refers back to a source named before ("It said", "the ministry added").
REFERRING_BACK = WordFinder(
    r"(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+(?:military|ministry|army|group|monitoring\s+group|organi[sz]ation"
    r"|agency|source|sources|official|officials|spokesman|spokeswoman|statement))"
    rf"\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:{trie_pattern(sorted(REPORTING_VERBS))})(?![\w-])",
    whole=False,
)
REFER_BACK = 600  # characters before a sentence (about three sentences) where the source is looked for
LEADING_SUBJECT = re.compile(rf"^\W*{_SOURCE}")

# Capitalised words that start a name but are no source.
NOT_SOURCES = {
    "the", "it", "he", "she", "they", "we", "this", "that", "there", "but", "and", "on",
    "in", "at", "a", "an", "more", "some", "at least", "other", "others", "syria",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

LEADING_ARTICLE = re.compile(r"(?i)(?:the|an?)\s+")
ALIASES = {"a witness": "witness", "witnesses": "witness", "rescuers": "Civil Defence",
           "rescue workers": "Civil Defence"}


def _registered(name: str) -> str | None:
    """The registry's name for ``name`` or for the longest registered name it ends with.

    Words run into a name before it ("On Monday the Observatory", "Damascus
    the Syrian Observatory for Human Rights", "Britain-based Syrian
    Observatory ..."): the name a reader sees is the registered one at the end.
    """
    words = name.split(" ")
    for index in range(len(words)):
        if words[index] in ("and", "&"):
            break  # "the US and Russia" credits both: not Russia alone
        tail = " ".join(words[index:])
        article = LEADING_ARTICLE.match(tail)  # "the Syrian Observatory", "a UN report"
        known = load_sources().lookup(tail) or (article and load_sources().lookup(tail[article.end():]))
        if known:
            return known.name
    return None


@lru_cache(maxsize=8192)
def normalise_source(name: str) -> str | None:
    """The registry's name for ``name``, or ``name`` tidied; None when it is no source."""
    name = re.sub(r"\s+", " ", name).strip(" ,.'’\"")
    name = re.sub(r"(?:\s+(?:on|in|at|that|which|who|and|of|for|the|de))+$", "", name)
    known = _registered(name)
    if known is not None:
        return known
    lowered = name.lower()
    if lowered in ALIASES:
        return ALIASES[lowered]
    if lowered.startswith("civil defen"):
        return "Civil Defence"
    if re.match(r"(?i)the\s+", name):
        name = name[4:]
    if not name or name.lower() in NOT_SOURCES or re.fullmatch(r"[\d\W]+", name):
        return None
    if lookup_place(name) is not None:
        return None  # "a source at Aleppo police command": a place is where, not who
    return name


def _names(sentence: str):
    """Matches of a name where the sentence credits one: after an anchor, before a verb."""
    for start, end in CUES.spans(sentence):
        word = sentence[start:end]
        if word in ANCHOR_WORDS and (anchor := ANCHOR.match(sentence, start)):
            yield SOURCE.match(sentence, anchor.end())
        if word in REPORTING_VERBS:
            yield SOURCE_BEFORE.search(sentence, max(0, start - LOOK_BACK), start)


def _candidates(sentence: str):
    """(position, name) of every credited source in the sentence."""
    for match in _names(sentence):
        if match and (name := normalise_source(match.group("source"))):
            yield match.start("source"), name


def credited_sources(sentence: str) -> list[tuple[int, str]]:
    """Every (position, source) the sentence credits, found once per sentence."""
    return sorted(set(_candidates(sentence)))


def credited_earlier(report: str, sentence_start: int, sentence: str) -> list[tuple[int, str]]:
    """(position, source) for a sentence that credits a source named before it.

    "The Turkish military said 31 militants were killed. It said two rebels
    had also died": "It" is the military. When a sentence credits its figures
    only to a pronoun or a body already named ("it", "the ministry", "the
    source"), the credit goes to the last source named in the text just before.
    """
    referring = REFERRING_BACK.first(sentence)
    if referring is None:
        return []
    before = report[max(0, sentence_start - REFER_BACK):sentence_start]
    for start, end in reversed(list(sentence_spans(before))):
        earlier = credited_sources(before[start:end])
        if earlier:
            return [(referring[0], earlier[-1][1])]
    return []


def find_attribution(sentence: str, position: int, publisher: str | None,
                     credited: list[tuple[int, str]] | None = None) -> str | None:
    """The source credited nearest to ``position`` in ``sentence``, unless it is the publisher."""
    credited = credited_sources(sentence) if credited is None else credited
    if not credited:
        return None
    # ``credited`` is sorted: the nearest is the last credit before ``position`` or the first from it.
    at = bisect.bisect_left(credited, position, key=lambda item: item[0])
    before = credited[bisect.bisect_left(credited, credited[at - 1][0], key=lambda item: item[0])] if at else None
    nearby = [item for item in (before, credited[at] if at < len(credited) else None) if item]
    _, name = min(nearby, key=lambda item: (abs(item[0] - position), item[0]))
    return None if publisher and _same_source(name, publisher) else name


def sentence_subject(sentence: str) -> str | None:
    """The name a sentence opens with ("Russia has ... denying that ...")."""
    match = LEADING_SUBJECT.match(sentence)
    return normalise_source(match.group("source")) if match else None


def _same_source(name: str, publisher: str) -> bool:
    registered = normalise_source(publisher) or publisher
    return name.lower() == registered.lower()
