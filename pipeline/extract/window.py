"""Tie a number to what it counts from the words around it, with one language's words.

The rules are those a reader applies in any language whose packages use
them (French, Arabic); the words are the language's (``Words``):

  - the counted noun names a metric ("166 blessés", "26 ألف قتيل");
  - a metric word or "X of" noun stands just before the number ("tuant 50
    civils", "la mort de 60 terroristes", "مقتل 28 شخصا"): a verb governs
    the count after it, whatever verb follows ("a tué 3 personnes et blessé
    5 autres");
  - a metric word follows in the count's clause, past auxiliaries, asides in
    brackets and the other members of a list ("six policiers ont été tués",
    "247 Palestiniens (...), 40 Israéliens ... ont perdu la vie"), until the
    count's own verb has begun ("500 personnes ont été évacuées et des
    dizaines sont portées disparues");
  - a relative clause after the counted phrase names its metric ("des
    centaines de personnes qui ont fui", "آلاف الضحايا الذين لا يزالون تحت
    الركام"), over a noun as vague as "victims";
  - a toll noun before the count names it ("le nombre de morts s'élève à 45",
    "ارتفعت حصيلة القتلى إلى 30"), before a verb after it;
  - a count that opens a subset of the figure before counts the same unless
    its own verb says otherwise ("29 morts dont 27 policiers"); a count right
    after the figure before, with its noun left out, counts the same ("41
    blessés, puis 48"), but not one with a noun of its own ("une centaine de
    disparus et 550 rescapés") or past a clause of its own.

A count headed by a thing ("12 maisons") is no figure.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from pipeline.extract.digits import Number


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
    verb_first: bool = False  # the verb opens the clause (Arabic): its subject may stand between it and the count
    auxiliaries: frozenset[str] = frozenset()  # "ont", "été": once a count's verb has begun, no list follows
    relatives: frozenset[str] = frozenset()  # "qui", "الذين": open a relative clause on the counted people
    weak: frozenset[str] = frozenset()  # nouns as vague as "victimes": a relative clause's metric outranks theirs
    tolls: dict[str, str | None] = dataclasses.field(default_factory=dict)  # "nombre", "حصيلة" -> metric alone
    coordinator: str = ""  # a conjunction glued to the next word ("و"): that word opens a clause of its own
    particles: frozenset[str] = frozenset()  # prepositions and adverbs, which head no counted phrase ("sur", "في")
    members: frozenset[str] = frozenset()  # articles that open another member of a list ("un Jordanien")
    classifiers: frozenset[str] = frozenset()  # "حالة" (case): heads a count of the metric noun after it
    abroad: frozenset[tuple[str, ...]] = frozenset()  # "pays voisins", "دول الجوار": who fled there are refugees
    # The first and last words of ``phrases``: a phrase is tried only where it can start or end.
    phrase_first: frozenset[str] = dataclasses.field(init=False)
    phrase_last: frozenset[str] = dataclasses.field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "phrase_first", frozenset(phrase[0] for phrase in self.phrases))
        object.__setattr__(self, "phrase_last", frozenset(phrase[-1] for phrase in self.phrases))


class Token(NamedTuple):
    start: int
    end: int
    word: str  # lower-cased, folded


class Attachment(NamedTuple):
    metric: str
    population: str | None
    generic: bool


WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?|[^\w\s]")
BEFORE_WORDS, VERB_REACH, RELATIVE_REACH, TOLL_REACH, LIST_GAP = 5, 14, 6, 10, 6
MAX_REACH = 60  # however long the asides and lists between, a count's verb is no further than this
COMMAS = frozenset({",", "،"})


def tokens(text: str) -> list[Token]:
    return [Token(found.start(), found.end(), found.group()) for found in WORD.finditer(text)]


class Window:
    """The words of one sentence, read around each of its numbers."""

    def __init__(self, words: Words, text: str, numbers: list[Number], found: list[Token] | None = None):
        """``found``: the words of ``text`` if already cut (``tokens(text)``)."""
        self.words, self.numbers = words, numbers
        self.tokens = tokens(text) if found is None else found
        self.keys = [words.key(token.word) for token in self.tokens]
        self.phrases: dict[int, tuple] = {}  # the phrase read from each position, read once
        self.number_at = {}  # token index -> (number, index of the token after it), for the first token of each number
        starts = [token.start for token in self.tokens]
        for number in numbers:
            self.number_at[bisect.bisect_left(starts, number.start)] = (number, bisect.bisect_left(starts, number.end))
        self.number_ends = {after for _, after in self.number_at.values()}  # where a number's own words start

    def _after(self, index: int) -> int:
        return self.number_at[index][1]

    def _metric_at(self, index: int) -> str | None:
        """The metric of a verb phrase or metric word (not an "X of" noun) starting at token ``index``."""
        words, keys = self.words, self.keys
        key = keys[index]
        if key in words.phrase_first:
            for phrase, metric in words.phrases.items():
                if tuple(keys[index:index + len(phrase)]) == phrase:
                    return metric
        if key in words.metrics and key not in words.of_nouns:
            return words.metrics[key]
        return None

    def _opens_clause(self, index: int) -> bool:
        """Whether the word at ``index`` carries the glued conjunction ("وأصيب"): a clause of its own."""
        coordinator, word = self.words.coordinator, self.tokens[index].word
        return bool(coordinator) and word.startswith(coordinator) and len(word) > len(coordinator) + 2 \
            and self.keys[index] != word

    def _phrase(self, position: int) -> tuple[str | None, str | None, bool, int, int, bool]:
        """(metric, population, thing, head, end, weak) of the phrase the number heads, from ``position``."""
        if position not in self.phrases:
            self.phrases[position] = self._read_phrase(position)
        return self.phrases[position]

    def _read_phrase(self, position: int) -> tuple[str | None, str | None, bool, int, int, bool]:
        words, keys = self.words, self.keys
        metric = population = None
        weak = False
        index = position
        while index < len(keys) and keys[index] in words.of_words:
            index += 1  # "une centaine de personnes", "plus de 300 000 de"
        head = end = index
        for index in range(head, min(len(keys), head + 4)):
            key = keys[index]
            end = index
            if key in words.breaks or key in words.stops or index in self.number_at:
                break
            end = index + 1
            if index == head and key in words.classifiers:
                following = keys[index + 1] if index + 1 < len(keys) else ""
                if following in words.metrics and following not in words.nouns:
                    return None, None, True, head, end, False  # "130 حالة إصابة": cases of a disease
                continue  # "45 حالة وفاة" counts deaths; "45 حالة" alone what its clause says
            if index == head and key in words.things:
                return None, None, True, head, end, False
            if key in words.populations and population in (None, "people"):
                population = words.populations[key]  # "14 victimes civiles": the group named most closely
            if metric is None and key in words.nouns:
                metric, weak = words.metrics[key], key in words.weak
        return metric, population, False, head, end, weak

    def _relative(self, end: int) -> str | None:
        """The metric a relative clause on the counted phrase names ("qui ont fui", "الذين قتلوا")."""
        keys = self.keys
        if end >= len(keys) or keys[end] not in self.words.relatives:
            return None
        for index in range(end + 1, min(len(keys), end + 1 + RELATIVE_REACH)):
            if keys[index] in self.words.breaks or index in self.number_at:
                return None
            metric = self._metric_at(index)
            if metric is not None:
                return metric
        return None

    def _subset_aside(self, index: int, limit: int) -> int | None:
        """Where ", dont 12 enfants," ends when one opens at the comma ``index``; None when none does."""
        keys = self.keys
        if index + 1 >= len(keys) or keys[index + 1] not in self.words.subset_leads:
            return None
        return next((i for i in range(index + 2, min(len(keys), limit + VERB_REACH)) if keys[i] in COMMAS), None)

    def _verb_after(self, position: int, clause: bool = False) -> str | None:
        """The metric word in the count's clause after its phrase, past asides and list members.

        Once the count's own verb has begun (an auxiliary), a number after it
        opens another clause, not another member of a list. With ``clause``,
        a word carrying a glued conjunction ends the clause too.
        """
        words, keys = self.words, self.keys
        depth, index, limit, verb_begun = 0, position, position + VERB_REACH, False
        bound = min(len(keys), position + MAX_REACH)
        while index < bound and index < limit:
            key = keys[index]
            if key == "(":
                depth += 1
                limit += 1  # an aside in brackets does not count towards the reach
            elif key == ")":
                depth = max(0, depth - 1)
                limit += 1
            elif depth:
                limit += 1
            elif key in words.members and index >= 1 and keys[index - 1] in words.elided_leads:
                limit += 2  # another member of a list: ", un Jordanien"
            elif index in self.number_at and index > position:
                if not verb_begun and index - 1 >= 0 and keys[index - 1] in words.elided_leads:
                    member_end = self._after(index)  # another member of a list: "40 Israéliens, deux Américains"
                    if self._phrase(member_end)[0] is not None:
                        return None  # a member with a metric of its own: "16 morts (...) et 41 blessés"
                    limit += member_end - index
                    index = member_end
                    continue
                return None
            elif key in COMMAS and index + 1 < len(keys) and keys[index + 1] in words.subset_leads and \
                    (aside_end := self._subset_aside(index, limit)) is not None:
                limit += aside_end - index  # ", dont 12 enfants," between a count and its verb
                index = aside_end + 1
                continue
            elif key in words.breaks or key in words.stops or (clause and self._opens_clause(index)):
                return None
            else:
                if key in words.auxiliaries:
                    verb_begun = True
                metric = self._metric_at(index)
                if metric is not None:
                    return metric
                if key in words.arrivals and index + 1 < len(keys) and keys[index + 1] in ("en", "à", "au", "aux"):
                    return "refugees"
            index += 1
        return None

    def _cue_before(self, index: int) -> str | None:
        """A metric word or "X of" noun just before the number."""
        words, keys = self.words, self.keys
        position, past_subject = index - 1, False
        while position >= 0 and index - position <= BEFORE_WORDS:
            key = keys[position]
            if key in words.phrase_last:
                for phrase, metric in words.phrases.items():
                    if tuple(keys[position + 1 - len(phrase):position + 1]) == phrase:
                        return metric  # "a coûté la vie à 25 personnes"
            if key in words.of_words and position >= 1 and keys[position - 1] in words.of_nouns:
                return words.of_nouns[keys[position - 1]]
            if key in words.metrics and (key not in words.nouns or words.nouns_before and not past_subject
                                         and position not in self.number_ends):
                return words.metrics[key]  # not "من القتلى وأرغمت نحو 1.5 مليون", nor "3 وفيات و120" (the 3's)
            if key in words.auxiliaries and position >= 1 and keys[position - 1] in words.nouns and \
                    position == index - 1:
                return words.metrics[keys[position - 1]]  # "les victimes seraient trois ouvriers"
            if self._opens_clause(position):
                return None  # a verb of another clause stands between
            if key not in words.skip_before and key not in words.of_words:
                if not (words.verb_first and key[:1].isalpha() and key not in words.stops
                        and position not in self.number_at):
                    return None
                past_subject = True  # where the verb opens the clause, its subject may stand between: "اعتقلت القوات 30"
            position -= 1
        return None

    def _toll_before(self, index: int) -> tuple[str | None, str | None]:
        """(metric, population) a toll noun earlier in the count's clause names: "le nombre de morts s'élève à
        45", "ارتفع عدد القتلى المدنيين إلى 23"."""
        words, keys = self.words, self.keys
        for position in range(index - 1, max(-1, index - 1 - TOLL_REACH), -1):
            key = keys[position]
            if key in words.breaks or key in words.stops or position in self.number_at:
                return None, None
            if key in words.tolls:
                named = keys[position + 1:min(index, position + 4)]
                metric = next((words.metrics[word] for word in named
                               if word in words.metrics and word not in words.of_nouns), words.tolls[key])
                return metric, next((words.populations[word] for word in named if word in words.populations), None)
        return None, None

    def _abroad(self, position: int) -> bool:
        """Whether the clause from ``position`` says where people fled is abroad ("vers les pays voisins")."""
        keys, words = self.keys, self.words
        for index in range(position, min(len(keys), position + VERB_REACH)):
            if keys[index] in words.breaks or index in self.number_at and index > position:
                return False
            if any(tuple(keys[index:index + len(phrase)]) == phrase for phrase in words.abroad):
                return True
        return False

    def _lead(self, index: int, leads: frozenset[str], reach: int) -> bool:
        return any(self.keys[i] in leads for i in range(max(0, index - reach), index))

    def _continues(self, index: int, previous_end: int | None, head: int) -> bool:
        """Whether the count at ``index`` goes on the figure before with its noun left out ("41 blessés, puis 48")."""
        words, keys = self.words, self.keys
        if previous_end is None or index - previous_end > LIST_GAP:
            return False
        position = index - 1
        while position >= 0 and keys[position] in words.skip_before and keys[position] not in words.elided_leads:
            position -= 1
        if position < 0 or keys[position] not in words.elided_leads:
            return False
        if head >= len(keys):
            return True
        key = keys[head]
        own_noun = key[:1].isalpha() and key not in words.populations and key not in words.generic \
            and key not in words.stops and key not in words.elided_leads and key not in words.auxiliaries \
            and key not in words.particles
        return not own_noun

    def attach(self, index: int, previous: Attachment | None, previous_end: int | None = None) -> Attachment | None:
        """What the number starting at token ``index`` counts.

        ``previous`` is the figure before it in the sentence, ``previous_end``
        the token after that figure's number.
        """
        after = self._after(index)
        metric, population, thing, head, end, weak = self._phrase(after)
        if thing:
            return None
        if self.keys[after - 1] in self.words.nouns:
            metric = self.words.metrics[self.keys[after - 1]]  # a noun that counts itself: "قتيلان" (two killed)
        if population is None and self.keys[after - 1] in self.words.populations:
            population = self.words.populations[self.keys[after - 1]]  # "طفلان" (two children)
        if metric in ("displaced", "refugees") and self._cue_before(index) == "returned":
            metric = "returned"  # "عاد 200 ألف نازح": the displaced who went home
        generic = population is None or head < len(self.keys) and self.keys[head] in self.words.generic
        relative = self._relative(end)
        if relative is not None and (metric is None or weak):
            return Attachment(relative, population, generic)
        if metric is not None:
            return Attachment(metric, population, generic)
        if previous is not None and self._lead(index, self.words.subset_leads, 3):
            return Attachment(self._verb_after(head, clause=True) or previous.metric, population, generic)
        toll, toll_population = self._toll_before(index)
        population = population or toll_population
        metric = self._cue_before(index) or toll or self._verb_after(head)
        if metric == "displaced" and self._abroad(head):
            metric = "refugees"  # "ont fui dans les pays voisins", "فروا إلى دول الجوار"
        if metric is not None:
            return Attachment(metric, population, generic)
        if previous is not None and self._continues(index, previous_end, head):
            return Attachment(previous.metric, population or None, generic)
        return None

    def figures(self) -> list[tuple[Number, Attachment]]:
        """Each number of the sentence that is a figure, with what it counts, in order."""
        found, previous, previous_end = [], None, None
        for index in sorted(self.number_at):
            number = self.number_at[index][0]
            attachment = self.attach(index, previous, previous_end)
            if attachment is not None:
                found.append((number, attachment))
                previous, previous_end = attachment, self._after(index)
        return found
