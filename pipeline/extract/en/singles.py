"""Single victims: a singular count under a metric cue is a claim of 1.

"A child was killed", "killing a civilian", "shot dead a farmer", "another
man died of his wounds", "a member of the local council was assassinated":
"a", "an" or "another" before a noun naming one person (``ONE_PERSON``)
counts one person. Each such phrase is read as a number of 1, and attach.py
decides, as for any number, whether a cue governs it; a single is a figure
only when the phrase it heads ends in that person noun.

A singular naming no person ("a car", "a number of", "a group of
civilians") is no count, and neither is one person named with others who are
not counted ("a man and his son were killed": a reader would add them up). Single
counts are read for deaths, injuries, arrests and disappearances: one
person displaced, returned or become a refugee is not how reports count
those.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from pipeline.extract.en.attach import Attachment
from pipeline.extract.en.lexicon import (
    AUXILIARIES,
    LEAD_INS,
    METRIC_WORDS,
    OF_NOUNS,
    ONE_PERSON,
    POSSESSIVE_DETERMINERS,
    QUALIFIER_WORDS,
    THING_NOUNS,
    VERB_CUES,
)
from pipeline.extract.digits import Number
from pipeline.extract.trie import trie_pattern

SINGLE_METRICS = {"killed", "injured", "detained", "missing"}
# The cue words that may count one person: those of these metrics, and the verb phrases and "X of"
# nouns that name them ("found dead", "the body of").
SINGLE_CUES = {word for word, metric in [*METRIC_WORDS.items(), *OF_NOUNS.items()] if metric in SINGLE_METRICS} \
    | VERB_CUES | {"among", "condition"}
# How far a cue governing a single may stand: before it ("shot dead at dawn on Sunday a farmer"), or
# after it, past the phrase ("a member of the local council in the town was assassinated").
CUE_BEFORE, CUE_AFTER = 80, 120
# An article opening a word: found by the literal " a", which `re` scans for in C, or opening the
# sentence (after a quote or bracket, if any).
ARTICLE = re.compile(r" (?P<opener>a(?:n|nother)?)\s")
ARTICLE_OPENING = re.compile(r"[\"“‘'(]?(?P<opener>a(?:n|nother)?)\s")
# "killing its driver", "shot dead her husband": a possessive opening the object of a verb of killing,
# wounding or abduction, before a noun naming one person, counts that person too
POSSESSIVE = re.compile(rf" (?P<opener>{'|'.join(sorted(POSSESSIVE_DETERMINERS))})\s")
# After an article with a cue near it: up to three modifiers ("a young", "an off-duty", "a
# 6-year-old"), then the first noun naming one person. The modifiers are read again by the phrase
# reader; an age is skipped here, as no phrase holds it.
PERSON_AFTER = re.compile(
    r"\s*(?P<age>\d{1,3}[- ](?:years?|months?)[- ]old\s+)?(?:[a-z][a-z'’-]*\s+){0,3}?"
    rf"(?:{trie_pattern(sorted(ONE_PERSON))})(?![\w'’-])"
)
# "a Palestinian was killed", "an Iraqi died": a people's name as the noun, right before its verb.
DEMONYM_AFTER = re.compile(r"\s*(?P<head>[A-Z][a-z]+(?:i|ian|ese|ean|an)|Briton)\s+(?P<next>[a-z]+)")
# A single of any noun is read where only a person can be meant: the object of a verb of killing,
# wounding or abduction ("beheaded a hunter"; not "executed", which also carries out plans), or the subject of one in the passive or of a verb of
# dying ("a tailor was shot dead", "a vendor died"). The noun must still name no thing (THING_NOUNS)
# and no group ("a family", "a bill", see NO_ONE).
_OPEN_VERBS = (r"killed|killing|kills|beheaded|beheading|assassinated|assassinating|murdered|"
               r"murdering|shot\s+dead|shot\s+and\s+killed|gunned\s+down|stabbed\s+to\s+death|abducted|abducting|"
               r"kidnapped|kidnapping|wounded|wounding|injured|injuring")
OPEN_OBJECT = re.compile(rf"(?:{_OPEN_VERBS})\s+$")
OPEN_SUBJECT = re.compile(
    r"\s*(?:[a-z][a-z'’-]*\s+){1,3}?(?:(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
    rf"(?:{_OPEN_VERBS}|found\s+dead)|died|drowned|succumbed)\b"
)
NO_ONE = {"family", "household", "group", "number", "total", "couple", "crowd", "convoy", "patrol", "unit", "team",
          "delegation", "cell", "gang", "lot", "series", "wave", "majority", "minority", "third", "quarter",
          "half", "dozen", "handful", "pair", "bill", "deal", "plan", "project", "proposal", "motion", "law",
          "truce", "ceasefire", "story", "career", "engine", "bid", "hope", "chance", "record", "toll", "tally",
          "source"}
# "a man and his son", "a woman and her children": one person counted with others who are not; a
# reader would add them up. ("a woman and a child" is a list of two counts, each read on its own.)
WITH_OTHERS = re.compile(r"\s*,?\s+and\s+(?:his|her|their|its|the)\b")
# "a civilian death toll", "a child casualty": the person noun modifies the noun counted.
MODIFYING = re.compile(r"\s+(?:deaths?|death\s+toll|toll|casualt(?:y|ies)|fatalit(?:y|ies)|injur(?:y|ies))\b")


ANYONE = ""  # a single whose phrase may end in any noun that names no thing and no group


class Single(NamedTuple):
    """A singular count: the article read as a number of 1 (positions in the report)."""

    number: Number
    head: str | None  # the noun its phrase must end in; None: any noun naming one person; ANYONE: any noun


def single_counts(text: str, lower: str, start: int, end: int, cues: list[int]) -> list[Single]:
    """A single for each article in the sentence ``text[start:end]`` that opens a phrase ending in a
    noun naming one person, with positions in ``text``.

    ``cues`` are the sorted starts of the report's cues that may govern a single: an article with
    none near it in the sentence (``CUE_BEFORE`` characters before, ``CUE_AFTER`` after) is not read.
    """
    first = bisect_left(cues, start)
    if first == len(cues) or cues[first] >= end:
        return []  # most sentences: no cue that counts one person
    articles = list(ARTICLE.finditer(lower, start, end))
    if (opening := ARTICLE_OPENING.match(lower, start, end)) is not None:
        articles.insert(0, opening)
    singles = _possessive_objects(text, lower, start, end)
    for article in articles:
        at, opener_end = article.span("opener")
        near = bisect_left(cues, at - CUE_BEFORE, first)
        if near == len(cues) or cues[near] > at + CUE_AFTER or cues[near] >= end:
            continue
        if (person := PERSON_AFTER.match(lower, opener_end, end)) is not None:
            singles.append(Single(_number(text, at, opener_end, person.end("age") if person.group("age") else None),
                                  None))
        elif text[opener_end + 1:opener_end + 2].isupper() and \
                (demonym := DEMONYM_AFTER.match(text, opener_end, end)) is not None and \
                (demonym.group("next") in AUXILIARIES or demonym.group("next") in METRIC_WORDS):
            singles.append(Single(_number(text, at, opener_end), demonym.group("head").lower()))
        elif cues[near] < at and OPEN_OBJECT.search(lower, max(start, at - 30), at) or \
                _cue_after(cues, at, end) and OPEN_SUBJECT.match(lower, opener_end, end):
            singles.append(Single(_number(text, at, opener_end), ANYONE))
    return sorted(singles, key=lambda single: single.number.start)


def _possessive_objects(text: str, lower: str, start: int, end: int) -> list[Single]:
    """Singles of a possessive right after a verb of killing, wounding or abduction ("killing its driver");
    elsewhere a possessive names someone already counted ("a man and his son were killed")."""
    singles = []
    for possessive in POSSESSIVE.finditer(lower, start, end):
        at, opener_end = possessive.span("opener")
        if OPEN_OBJECT.search(lower, max(start, at - 30), at) and PERSON_AFTER.match(lower, opener_end, end):
            singles.append(Single(_number(text, at, opener_end), None))
    return singles


def _cue_after(cues: list[int], at: int, end: int) -> bool:
    """Whether a cue follows ``at`` closely enough, in its sentence, to have it as subject."""
    after = bisect_left(cues, at + 1)
    return after < len(cues) and cues[after] < min(end, at + CUE_AFTER)


def _no_one(noun: str) -> bool:
    """Whether a singular noun names a thing or a group, not one person ("a car", "a family")."""
    return noun in NO_ONE or noun in LEAD_INS or noun in QUALIFIER_WORDS or noun in THING_NOUNS or noun + "s" in THING_NOUNS or noun + "es" in THING_NOUNS \
        or noun[-1:] == "y" and noun[:-1] + "ies" in THING_NOUNS or noun in METRIC_WORDS


def _number(text: str, start: int, opener_end: int, end: int | None = None) -> Number:
    return Number(start, opener_end if end is None else end, text[start:opener_end], 1, None, "exact")


def with_singles(numbers: list[Number], singles: list[Single], shift: int) -> list[tuple[Number, Single | None]]:
    """A sentence's numbers and its ``singles`` (positions in the report, ``shift`` its start), in text
    order, each single with positions in the sentence. An article inside a number ("a dozen men") opens no single."""
    if not singles:
        return [(number, None) for number in numbers]
    local = [(single.number._replace(start=single.number.start - shift, end=single.number.end - shift), single)
             for single in singles]
    local = [(number, single) for number, single in local
             if not any(taken.start <= number.start < taken.end for taken in numbers)]
    return sorted([(number, None) for number in numbers] + local, key=lambda pair: pair[0].start)


def one_person(found: Attachment, single: Single, lower: str, start: int) -> Attachment | None:
    """What a single counts, if it is a figure: one person, named with no others, who names no group
    unless the phrase does. ``start`` is where its phrase starts in the lower-cased sentence ``lower``."""
    head = found.head
    if single.head == ANYONE:
        named = head is not None and head.isalpha() and len(head) > 2 and not _no_one(head)
    else:
        named = head == single.head if single.head else head in ONE_PERSON
    if not named or found.metric not in SINGLE_METRICS:
        return None
    end = lower.find(head, start) + len(head)
    if WITH_OTHERS.match(lower, end) or MODIFYING.match(lower, end):
        return None
    return found._replace(population=found.population or "people",
                          also=found.also if found.also in SINGLE_METRICS else None)
