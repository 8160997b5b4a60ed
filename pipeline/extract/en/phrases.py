"""Read the noun phrase a number heads.

Reports name the counted people with any words ("4 Jaysh al-Izza fighters",
"two young men", "6 members of one family"), so the phrase is read by its
shape, not from a list of nouns: the words after the number up to a grammar
word (an auxiliary, a preposition, a relative pronoun, punctuation), a verb
or a metric word. The people it names are read from the words a coder would
map (``POPULATION_WORDS``); a phrase headed by a thing (``THING_NOUNS``)
makes the number no figure.
"""
from __future__ import annotations

from typing import NamedTuple

from pipeline.extract.en.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    IRREGULAR_VERBS,
    MEMBERS_OF,
    METRIC_NOUNS,
    METRIC_WORDS,
    MODALS,
    MOVEMENT_NOUNS,
    NOUN_MODIFIERS,
    NUMBER_WORDS,
    ONE_PERSON,
    PARTICIPLES,
    POPULATION_WORDS,
    PREPOSITIONS,
    PRO_GOVERNMENT,
    RELATIVES,
    SECURITY_MODIFIERS,
    THING_NOUNS,
)

QUOTES = {'"', "“", "”"}
MAX_NOUN_WORDS = 5
# Adverbs of a verb group, which never stand in a counted phrase ("and later killed them").
PHRASE_ADVERBS = {"later", "also", "then", "subsequently", "reportedly", "allegedly", "already", "still", "now",
                  "since", "initially", "eventually", "immediately", "apparently", "not", "never"}
PHRASE_STOPS = AUXILIARIES | MODALS | (PREPOSITIONS - {"of"}) | RELATIVES | CONJUNCTIONS | DETERMINERS | PHRASE_ADVERBS
POSSESSIVES = {"its", "their", "his", "her", "our", "your", "my", "them", "those", "us", "whom", "these"}
OPENERS_OF_OF = DETERMINERS | POSSESSIVES  # "212 of its troops", "4 staff of the Union ..."
NOT_ADVERBS = {"family", "elderly", "italy", "july", "ally", "rally", "belly", "supply", "assembly"}
# Words that end a counted phrase and open a subset or an aside ("11 civilians including two children").
NOT_IN_PHRASE = {"including", "includes", "among", "mostly", "mainly", "most", "than", "according"}
# Metric words that also modify a noun ("wounded people", "refugee children", "displaced families").
METRIC_MODIFIERS = {"wounded", "injured", "displaced", "refugee", "dead", "missing", "detained"}


def _word_kinds() -> dict[str, str]:
    """What each grammar word or metric word does to a counted phrase; other words are not listed."""
    kinds = {word: "stop" for word in PHRASE_STOPS | {"of"}}
    kinds.update({word: "metric" for word in METRIC_WORDS})
    kinds.update({word: "end" for word in NOT_IN_PHRASE | NUMBER_WORDS})
    kinds.update({word: "quote" for word in QUOTES})
    kinds.update({word: "word" for word in IRREGULAR_VERBS | NOUN_MODIFIERS if word not in kinds})
    return kinds


def is_number(word: str) -> bool:
    """Whether a token is (part of) a number: digits or a number word."""
    return word[:1].isdigit() or word in NUMBER_WORDS


WORD_KIND = _word_kinds()


def is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in NOT_ADVERBS


def is_verb(word: str, after_words: bool, following: str | None = None) -> bool:
    """A past form that ends a phrase: "30 people attended", "a dozen people lost", "87 survived and".

    Right after the number, an -ed word is a modifier only when a noun
    follows it ("3 armed men", "12 unidentified assailants").
    """
    if after_words:
        return word.endswith("ed") and word not in NOUN_MODIFIERS or word in IRREGULAR_VERBS
    noun_follows = following is not None and following[:1].isalpha() and following not in PHRASE_STOPS
    return word.endswith("ed") and word not in NOUN_MODIFIERS and not noun_follows


# The values read for every number are NamedTuples: immutable like a frozen
# dataclass, and several times cheaper to build, which counts at thousands of
# numbers a megabyte.
class NounPhrase(NamedTuple):
    end: int  # index of the first word after the phrase
    head: str | None  # last word of the phrase, lower-cased
    population: str | None  # the group a coder would code, None when no word names one
    metric: str | None  # a metric the phrase itself names ("refugees", "civilian deaths")
    thing: bool  # the phrase counts things, not people


def _population(words: list[str], following: list[str]) -> str | None:
    """The group named by the phrase's words, head first."""
    if not words:
        return None
    found = None
    for word in reversed(words):
        if word in POPULATION_WORDS:
            found = POPULATION_WORDS[word]
            if word in {"members", "member"}:  # "five family members", "members of a patrol", "IS members"
                found = next((MEMBERS_OF[w] for w in [*words[:-1], *following[:4]] if w in MEMBERS_OF), "combatants")
            break
    modifiers = set(words[:-1])
    if found == "combatants" and PRO_GOVERNMENT & modifiers:
        return "soldiers"
    if found in (None, "people") and "armed" in modifiers:
        return "combatants"
    if found in (None, "people") and SECURITY_MODIFIERS & modifiers and words[-1] not in {"police", "policemen"}:
        return "soldiers"
    if found is None and words and words[-1] == "forces":
        return "soldiers"
    return found


def _counts_things(words: list[str]) -> bool:
    """The phrase is headed by a thing: "12 observation posts", "three schools housing refugees".

    A thing word modifies a person ("2 truck drivers", "5 school children")
    unless it is plural and the head ("3 refugee camps", "two attacks include").
    """
    if not words or THING_NOUNS.isdisjoint(words):
        return False
    if words[-1] in THING_NOUNS:
        return True
    people_after = [False] * len(words)
    for position in range(len(words) - 2, -1, -1):
        later = words[position + 1]
        people_after[position] = people_after[position + 1] or later in POPULATION_WORDS
    return any(word in THING_NOUNS and word.endswith("s") and not people_after[position]
               for position, word in enumerate(words[:-1]))


def _start(after: list[str]) -> int:
    """Where the phrase starts: past "of the" in "212 of its troops", a closing bracket, a quote."""
    index = 0
    if after[:1] == [")"]:  # "(9,270) civilians"
        index = 1
    if after[index:index + 1] == ["of"]:  # "212 of its troops", "hundreds of Taliban"
        index += 2 if after[index + 1:index + 2] and after[index + 1] in OPENERS_OF_OF else 1
        if after[index - 1:index] == ["them"] and after[index:index + 1] in (["a"], ["an"]):
            index += 1  # "one of them a child": the one is a child
    return index


def noun_phrase(after: list[str], after_raw: list[str]) -> NounPhrase:
    """The phrase a number heads, from the lower-cased words after it."""
    index = _start(after)
    words: list[str] = []
    metric, quoted = None, False
    while index < len(after) and len(words) < MAX_NOUN_WORDS:
        word = after[index]
        kind = WORD_KIND.get(word)
        if kind is None:  # most words: no grammar word, no metric (so a verb only if it ends in -ed)
            if not word[0].isalpha() or is_adverb(word) or word.endswith("ed") and \
                    is_verb(word, bool(words), after[index + 1] if index + 1 < len(after) else None):
                break
            if word.endswith("ing") and words and (words[-1] in POPULATION_WORDS or words[-1] in ONE_PERSON):
                break  # "a man bearing signs of torture": a participle after the people counted
            words.append(word)
            index += 1
            continue
        if kind == "quote" and (quoted or QUOTES & set(after[index + 1:index + 4])):
            quoted = not quoted  # '98,000 "excess deaths"', '150 Congolese "Banyamulenge" Tutsis'
            index += 1
            continue
        if kind == "end" or kind == "quote" or kind == "stop" and not after_raw[index][:1].isupper():
            break  # a grammar word ends the phrase, unless it is a name ("IS fighters")
        if kind == "metric":
            following = after[index + 1:index + 2]
            noun_follows = bool(following) and following[0][0].isalpha() \
                and WORD_KIND.get(following[0], "word") == "word" and not is_verb(following[0], True)
            if word in METRIC_MODIFIERS and noun_follows:
                metric = METRIC_WORDS[word]  # "wounded people", "refugee children"
                words.append(word)
                index += 1
                continue
            if word in METRIC_NOUNS and not (word in PARTICIPLES and words):
                # "3.6 million refugees", "over 40 dead"; "refugee arrivals" are refugees
                metric = metric if metric and word in MOVEMENT_NOUNS else METRIC_WORDS[word]
                words.append(word)
                index += 1
            break  # "5 civilians wounded", "30 died": the verb of the clause
        if is_verb(word, bool(words), after[index + 1] if index + 1 < len(after) else None):
            break
        words.append(word)
        index += 1
    if "seekers" in words and "asylum" in words:
        metric = "refugees"  # "8,000 asylum seekers"
    head = words[-1] if words else None
    following = after[index + 1:index + 5]
    if words and metric is None and after[index:index + 1] == ["of"]:
        index, following = _of_phrase(after, after_raw, index, following)
    named = words if METRIC_NOUNS.isdisjoint(words) else \
        [word for word in words if word not in METRIC_NOUNS or word in POPULATION_WORDS]
    return NounPhrase(index, head, _population(named, following), metric, metric is None and _counts_things(words))


def _of_phrase(after: list[str], after_raw: list[str], index: int, following: list[str]) -> tuple[int, list[str]]:
    """(end, words) of the "of" phrase completing a counted noun: "4 staff of the Union of Medical
    Relief Organisations", "86 members of government forces". Without one, the "of" is left in place."""
    position = index + 1
    if after[position:position + 1] and after[position] in OPENERS_OF_OF:
        position += 1
    words: list[str] = []
    while position < len(after) and len(words) < MAX_NOUN_WORDS:
        word = after[position]
        kind = WORD_KIND.get(word)
        if word == "of" and words:
            position += 1  # "the Union of Syrian Medical ..."
            continue
        if not word[0].isalpha() or is_adverb(word) or is_verb(word, True) or \
                kind in ("end", "quote", "metric") or kind == "stop" and not after_raw[position][:1].isupper():
            break
        words.append(word)
        position += 1
    return (position, words) if words else (index, following)
