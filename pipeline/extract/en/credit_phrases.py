"""Reading the phrase that names a source, word by word, either side of a cue.

A sentence is split into words once; from a cue ("said", "according to") the
reader walks over the words that can make up a name or a body ("army
spokesman Adolphe Manirakiza", "local hospital officials", "Office for the
Coordination of Humanitarian Affairs") and stops at the first word that
cannot. Walking a handful of words costs far less than trying a name pattern
at every position, and it never backtracks.
"""
from __future__ import annotations

import re
from pipeline.extract.en.credit_words import VAGUE
from pipeline.extract.name_words import (
    ARTICLES, BODY_HEADS, CONNECTORS, DOCUMENTS, MODIFIERS, NOT_NAMES, PRONOUNS, ROLE_WORDS, is_name_word,
)

# Abbreviations with a full stop stay one word ("U.S.", "Lt.", "Dr."); a
# sentence's own full stop is a word of its own.
TOKEN = re.compile(
    r"[a-z][\w'’-]*"  # most words open in lower case: tried first
    r"|[A-Z](?:\.[A-Z])+\.?"
    r"|[A-Z]\.(?= [A-Z])"  # a middle initial: "William B. Caldwell"
    r"|(?:Capt|Lt|Col|Gen|Brig|Maj|Sgt|Cpl|Dr|Mr|Mrs|Ms|Rev|Sen|Rep|Gov|Prof|Adm|Cmdr|Insp|Supt|St|Lieut|Cdr)\."
    r"|\d[\d,.]*\d"
    r"|\w[\w'’-]*"
    r"|[^\w\s]"
)
MAX_WORDS = 12  # a name longer than this is not one name
MAX_UNKNOWN = 2  # lower-case words outside the tables that may qualify a body after an article
# Lower-case words that never qualify a body: verbs, auxiliaries and the like.
NOT_QUALIFIERS = {"was", "were", "is", "are", "has", "have", "had", "been", "be", "said", "says", "say", "told",
                  "also", "then", "than", "that", "which", "who", "when", "where", "while", "after", "before",
                  "not", "but", "its", "their", "his", "her", "our", "all", "some", "other", "more", "most",
                  "with", "from", "into", "over", "under", "near", "about", "against", "between", "during",
                  "meantime", "meanwhile"}
OPENING_MODIFIERS = {"local", "senior", "top", "unnamed", "anonymous", "independent"}
DOCUMENT_ADJECTIVES = {"early", "earlier", "latest", "initial", "preliminary", "official", "new", "first", "final",
                       "updated", "previous", "recent", "unofficial", "unconfirmed", "conflicting"}


class Words:
    """The words of a stretch of a sentence, lower-cased alongside.

    Only the words are cut out (one regex scan in C); where a word starts is
    worked out when a credit needs it, which is rarely.
    """

    __slots__ = ("text", "lower", "sentence", "offset", "end", "cue_index", "_starts")

    def __init__(self, sentence: str, start: int = 0, end: int | None = None, cue: int | None = None):
        end = len(sentence) if end is None else end
        self.sentence, self.offset, self.end = sentence, start, end
        if cue is None:
            self.text = TOKEN.findall(sentence, start, end)
        else:  # cut at the cue, which then opens word number cue_index
            self.text = TOKEN.findall(sentence, start, cue)
            self.cue_index = len(self.text)
            self.text += TOKEN.findall(sentence, cue, end)
        self.lower = "\n".join(self.text).lower().split("\n")
        self._starts: list[int] | None = None

    @classmethod
    def of(cls, sentence: str, start: int = 0, end: int | None = None) -> "Words":
        """The words of ``sentence[start:end]``; positions are in ``sentence``."""
        return cls(sentence, start, end)

    @classmethod
    def around(cls, sentence: str, cue: int, before: int, after: int) -> "Words":
        """The words within ``before`` and ``after`` characters of the word starting at ``cue``."""
        return cls(sentence, max(0, cue - before), min(len(sentence), cue + after), cue)

    def __len__(self) -> int:
        return len(self.text)

    def start(self, index: int) -> int:
        """Where word ``index`` starts in the sentence."""
        if self._starts is None:
            self._starts = [match.start() for match in TOKEN.finditer(self.sentence, self.offset, self.end)]
        return self._starts[index]

# Lower-case words a source phrase may hold besides names.
_PHRASE_WORDS = MODIFIERS | BODY_HEADS | ROLE_WORDS | DOCUMENTS


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and len(word) > 3


def _part_of_phrase(words: Words, index: int) -> bool:
    """Whether the word at ``index`` can be part of a source phrase on its own."""
    low = words.lower[index]
    return (low in _PHRASE_WORDS or is_name_word(words.text[index])
            or _possessive(low) and low[:-2].isalpha())


def _joins(words: Words, index: int, step: int) -> bool:
    """A connector at ``index`` joins the phrase when a phrase word lies beyond it (past one more connector)."""
    beyond = index + step
    if 0 <= beyond < len(words) and words.lower[beyond] in CONNECTORS:
        beyond += step
    return 0 <= beyond < len(words) and (is_name_word(words.text[beyond]) or words.lower[beyond] in MODIFIERS)


def _is_connector(words: Words, index: int) -> bool:
    return words.text[index] in CONNECTORS  # lower-case only: "Al Jazeera" keeps its "Al"


def _trim(words: Words, first: int, last: int) -> tuple[int, int] | None:
    """Drop connectors from either end; an article opening the phrase is kept for the reader of it."""
    while first <= last and _is_connector(words, first) and words.lower[first] not in ARTICLES:
        first += 1
    while last >= first and _is_connector(words, last):
        last -= 1
    return (first, last) if first <= last else None


def phrase_before(words: Words, last: int) -> tuple[int, int] | None:
    """(first, last) word indices of the phrase ending at word ``last``, read leftwards."""
    if last < 0:
        return None
    if words.lower[last] in PRONOUNS:
        return last, last
    if not _part_of_phrase(words, last):
        return None
    if _possessive(words.lower[last]):
        return None  # "Kenya's disputed election": the name qualifies a noun after it
    first = last
    while first > 0 and last - first < MAX_WORDS:
        previous = first - 1
        if words.lower[first] in OPENING_MODIFIERS and words.lower[previous] not in ("and", "&"):
            break  # "in Tabqah local media said": "local" opens the body's name
        if _part_of_phrase(words, previous):
            first = previous
        elif _is_connector(words, previous) and _joins(words, previous, -1):
            first = previous
        elif words.lower[previous] in ARTICLES and previous > 1 and words.lower[previous - 1] in ("and", "&") \
                and _part_of_phrase(words, previous - 2):
            first = previous - 2  # "state media and a monitoring group"
        else:
            break
    if words.lower[last] in BODY_HEADS:
        first = _plain_nouns_from_article(words, first)
    if first > 0 and words.lower[first - 1] in VAGUE:
        return None  # "other sources", "some reports": nobody named
    if first > 0 and words.lower[first - 1] in ARTICLES | {"its", "their", "this", "that"}:
        first -= 1
    if first >= 2 and words.lower[first] in ARTICLES and words.lower[first - 1] in ("and", "&") \
            and _part_of_phrase(words, first - 2):
        earlier = phrase_before(words, first - 2)  # "rescue workers and a war monitor": both bodies
        first = earlier[0] if earlier is not None else first
    return _trim(words, first, last)


def _plain_noun(word: str) -> bool:
    """A lower-case word that can only be a noun qualifying a body ("disaster management")."""
    return (len(word) > 2 and word.islower() and word.replace("-", "").isalpha() and word not in CONNECTORS
            and word not in NOT_QUALIFIERS and word not in NOT_NAMES and word not in DOCUMENT_ADJECTIVES
            and not word.endswith(("ed", "ing", "ly")))


def _plain_nouns_from_article(words: Words, first: int) -> int:
    """Where a body's name starts when an article opens it: "the provincial disaster management agency".

    Lower-case words the tables do not know are taken only between an
    article and the body's head, at most two of them.
    """
    index, unknown = first - 1, 0
    while index >= 0 and unknown <= MAX_UNKNOWN and _plain_noun(words.text[index]):
        unknown += words.lower[index] not in _PHRASE_WORDS
        index -= 1
    if index >= 0 and index < first - 1 and words.lower[index] in ARTICLES and unknown <= MAX_UNKNOWN:
        return index + 1
    return first


def phrase_after(words: Words, first: int) -> tuple[int, int] | None:
    """(first, last) word indices of the phrase starting at word ``first``, read rightwards.

    The phrase ends at its last name word or body noun: "according to local
    officials in Idlib" ends at "Idlib", "the army spokesman said" at "spokesman".
    """
    if first >= len(words):
        return None
    start = first
    if words.lower[first] in ARTICLES:
        first += 1
    if first >= len(words):
        return None
    if words.lower[first] in PRONOUNS:
        return first, first
    while first + 1 < len(words) and words.lower[first] in DOCUMENT_ADJECTIVES:
        first += 1  # "earlier information provided by", "the latest figures from"
    last = first - 1
    index = first
    while index < len(words) and index - first < MAX_WORDS:
        if index > first and words.lower[index - 1] in BODY_HEADS and words.lower[index - 1] not in ROLE_WORDS \
                and words.text[index - 1].islower() and is_name_word(words.text[index]):
            break  # "says monitoring group AFP": a body named in lower case ends before the next name
        if _part_of_phrase(words, index):
            last = index
        elif index > first and bracketed_abbreviation(words, index + 2) == index + 1 and last == index - 1:
            last = index = index + 2  # "the Camp Management (CCCM) Cluster": the name goes on after its abbreviation
        elif start < first and _plain_noun(words.text[index]) \
                and all(words.text[i].islower() for i in range(first, index)):
            last = _head_after_plain_nouns(words, index, last)  # "the provincial disaster management agency"
            if last < index:
                break
            index = last
        elif not (_is_connector(words, index) and _joins(words, index, 1)):
            break
        index += 1
    while last >= first and not (is_name_word(words.text[last]) or words.lower[last] in BODY_HEADS
                                 or words.lower[last] in DOCUMENTS or words.text[last] == ")"):
        last -= 1
    if last < first:
        return None
    return _trim(words, start, last)


def _head_after_plain_nouns(words: Words, index: int, last: int) -> int:
    """The body noun ending a run of plain nouns from ``index``, or ``last`` when none ends it."""
    unknown = 0
    for ahead in range(index, min(len(words), index + MAX_UNKNOWN + 3)):
        if words.lower[ahead] in BODY_HEADS:
            return ahead
        if not _plain_noun(words.text[ahead]):
            break
        unknown += words.lower[ahead] not in _PHRASE_WORDS
        if unknown > MAX_UNKNOWN:
            break
    return last


def bracketed_abbreviation(words: Words, last: int) -> int | None:
    """When words ``last-2 .. last`` are "( ABBR )", the index of ABBR."""
    if 2 <= last < len(words) and words.text[last] == ")" and words.text[last - 2] == "(" \
            and words.text[last - 1].isupper():
        return last - 1
    return None


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
RELATIVE_REACH = 12  # words a relative clause may run before the phrase it ends with
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "."})


def described_by_relative_clause(words: Words, first: int) -> int | None:
    """'The Committee a local group that campaigns against the government reported': the phrase
    that starts at word ``first`` (a preposition's object, so no subject) ends a relative clause, so
    the reporting verb after it belongs to the noun the clause describes. The last word of that
    noun, or None.

    The pronoun must follow a noun ("a group that", "residents who"), not a verb ("said that"),
    and at least one word of the clause must stand between it and the phrase.
    """
    for index in range(first - 2, max(first - 2 - RELATIVE_REACH, 0), -1):
        if words.text[index] in CLAUSE_BREAKS:
            return None
        if words.lower[index] in RELATIVE_PRONOUNS:
            return index - 1 if _part_of_phrase(words, index - 1) else None
    return None
