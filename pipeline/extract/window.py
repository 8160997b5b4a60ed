"""Tie a number to what it counts from the words around it, with one language's words.

The rules are those a reader applies in any language whose packages use
them (French, Arabic); the words are the language's (``Words``):

  - the counted noun names a metric ("166 blessés", "26 ألف قتيل");
  - a metric word follows in the count's clause, past auxiliaries, asides in
    brackets and the other members of a list ("six policiers ont été tués",
    "247 Palestiniens (...), 40 Israéliens ... ont perdu la vie");
  - a metric word or "X of" noun stands just before the number ("tuant 50
    civils", "la mort de 60 terroristes", "مقتل 28 شخصا");
  - a count that opens a subset of the figure before, or whose noun is left
    out after it, counts the same ("29 morts dont 27 policiers", "41 blessés,
    puis 48").

A count headed by a thing ("12 maisons") is no figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from pipeline.extract.numbers import Number


@dataclass(frozen=True)
class Words:
    """One language's words for the window rules; every lookup is on a word's ``key``."""

    metrics: dict[str, str]  # word -> metric, for any word that names what happened
    nouns: frozenset[str]  # of those, the ones that can head the counted phrase
    populations: dict[str, str]  # word -> population code
    things: frozenset[str]  # heads of counts that are never people
    of_nouns: dict[str, str]  # "la mort de", "l'arrestation de": noun -> metric
    of_words: frozenset[str]  # the word joining such a noun to the number ("de", "d'")
    phrases: dict[tuple[str, ...], str]  # verb phrases of several words -> metric
    skip_before: frozenset[str]  # words between a cue and its number (articles, hedges)
    subset_leads: frozenset[str]  # "dont", "بينهم"
    elided_leads: frozenset[str]  # ",", "et", "و"
    stops: frozenset[str]  # words that end a count's clause
    breaks: frozenset[str]  # marks that end a clause
    key: Callable[[str], str] = str  # the form a word is looked up by (clitics off)
    arrivals: frozenset[str] = frozenset()  # "sont arrivées en Italie": refugees when a place follows
    generic: frozenset[str] = frozenset()  # heads that name nobody in particular ("personnes")
    nouns_before: bool = False  # a metric noun just before the number names its metric ("عدد الجرحى 8000")
    verb_first: bool = False  # the verb opens the clause (Arabic): a cue before the count outranks a verb after it


class Token(NamedTuple):
    start: int
    end: int
    word: str  # lower-cased, folded


class Attachment(NamedTuple):
    metric: str
    population: str | None
    generic: bool


WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?|[^\w\s]")
AFTER_WORDS, BEFORE_WORDS, VERB_REACH = 8, 5, 14


def tokens(text: str) -> list[Token]:
    return [Token(found.start(), found.end(), found.group()) for found in WORD.finditer(text)]


class Window:
    """The words of one sentence, read around each of its numbers."""

    def __init__(self, words: Words, text: str, numbers: list[Number]):
        self.words, self.numbers = words, numbers
        self.tokens = tokens(text)
        self.keys = [words.key(token.word) for token in self.tokens]
        self.number_at = {}  # token index -> number, for the first token of each number
        starts = [token.start for token in self.tokens]
        for number in numbers:
            first = next((i for i, start in enumerate(starts) if start >= number.start), len(starts))
            last = next((i for i, token in enumerate(self.tokens) if token.start >= number.end), len(starts))
            self.number_at[first] = (number, last)

    def _after(self, index: int) -> int:
        return self.number_at[index][1]

    def _phrase(self, position: int) -> tuple[str | None, str | None, bool, int]:
        """(metric, population, thing, end) of the phrase the number heads, from ``position``."""
        words, keys = self.words, self.keys
        metric = population = None
        index = position
        while index < len(keys) and keys[index] in words.of_words:
            index += 1  # "une centaine de personnes", "plus de 300 000 de"
        head = index
        for index in range(head, min(len(keys), head + 4)):
            key = keys[index]
            if key in words.breaks or key in words.stops or index in self.number_at:
                break
            if index == head and key in words.things:
                return None, None, True, head
            if population is None and key in words.populations:
                population = words.populations[key]
            if metric is None and key in words.nouns:
                metric = words.metrics[key]
        return metric, population, False, head

    def _verb_after(self, position: int) -> str | None:
        """The metric word in the count's clause after its phrase, past asides and list members."""
        words, keys = self.words, self.keys
        depth, index, limit = 0, position, position + VERB_REACH
        while index < min(len(keys), limit):
            key = keys[index]
            if key == "(":
                depth += 1
            elif key == ")":
                depth = max(0, depth - 1)
            elif depth:
                pass
            elif index in self.number_at and index > position:
                if index - 1 >= 0 and (keys[index - 1] in words.elided_leads):
                    member_end = self._after(index)  # another member of a list: "40 Israéliens, deux Américains"
                    limit += member_end - index
                    index = member_end
                    continue
                return None
            elif key in words.breaks or key in words.stops:
                return None
            else:
                for phrase, metric in words.phrases.items():
                    if tuple(keys[index:index + len(phrase)]) == phrase:
                        return metric
                if key in words.metrics and key not in words.of_nouns:
                    return words.metrics[key]
                if key in words.arrivals and index + 1 < len(keys) and keys[index + 1] in ("en", "à", "au", "aux"):
                    return "refugees"
            index += 1
        return None

    def _cue_before(self, index: int) -> str | None:
        """A metric word or "X of" noun just before the number."""
        words, keys = self.words, self.keys
        position = index - 1
        while position >= 0 and index - position <= BEFORE_WORDS:
            key = keys[position]
            for phrase, metric in words.phrases.items():
                if tuple(keys[position + 1 - len(phrase):position + 1]) == phrase:
                    return metric  # "a coûté la vie à 25 personnes"
            if key in words.of_words and position >= 1 and keys[position - 1] in words.of_nouns:
                return words.of_nouns[keys[position - 1]]
            if key in words.metrics and (key not in words.nouns or words.nouns_before):
                return words.metrics[key]
            if key not in words.skip_before and key not in words.of_words and not (
                    words.verb_first and key[:1].isalpha() and key not in words.stops and position not in self.number_at):
                return None  # where the verb opens the clause, its subject may stand between: "اعتقلت القوات 30"
            position -= 1
        return None

    def _lead(self, index: int, leads: frozenset[str], reach: int) -> bool:
        return any(self.keys[i] in leads for i in range(max(0, index - reach), index))

    def attach(self, index: int, previous: Attachment | None) -> Attachment | None:
        """What the number starting at token ``index`` counts; ``previous`` is the figure before it."""
        after = self._after(index)
        metric, population, thing, head = self._phrase(after)
        if thing:
            return None
        if metric is None and self.keys[after - 1] in self.words.nouns:
            metric = self.words.metrics[self.keys[after - 1]]  # a noun that counts itself: "قتيلان" (two killed)
        generic = population is None or head < len(self.keys) and self.keys[head] in self.words.generic
        if metric is not None:
            return Attachment(metric, population, generic)
        if previous is not None and self._lead(index, self.words.subset_leads, 3):
            return Attachment(previous.metric, population, generic)
        if self.words.verb_first:
            metric = self._cue_before(index) or self._verb_after(head)
        else:
            metric = self._verb_after(head) or self._cue_before(index)
        if metric is not None:
            return Attachment(metric, population, generic)
        if previous is not None and self._lead(index, self.words.elided_leads, 2):
            return Attachment(previous.metric, population or None, generic)
        return None

    def figures(self) -> list[tuple[Number, Attachment]]:
        """Each number of the sentence that is a figure, with what it counts, in order."""
        found, previous = [], None
        for index in sorted(self.number_at):
            number = self.number_at[index][0]
            attachment = self.attach(index, previous)
            previous = attachment or previous
            if attachment is not None:
                found.append((number, attachment))
        return found
