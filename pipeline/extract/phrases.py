"""Read the noun phrase a number heads, and the verb of the clause it is subject of.

Reports name the counted people with any words ("4 Jaysh al-Izza fighters",
"two young men", "6 members of one family"), so the phrase is read by its
shape, not from a list of nouns: the words after the number up to a grammar
word (an auxiliary, a preposition, a relative pronoun, punctuation) or a
metric word. Its last word is its head; the people it names are read from
the words a coder would map (``POPULATION_WORDS``), and a head that counts
things (``THING_NOUNS``) makes the number no figure.

The verb is found the same way a reader finds it: past auxiliaries and
adverbs ("were reportedly killed"), past a parenthetical ("70,000 people,
most of them children, have fled"), a place ("from around Turbi village"),
a relative clause ("who took part in the protest were arrested") and the
other counts of a list ("76 Syrians, 35 Palestinians and 38 Lebanese were
arrested").
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.lexicon import (
    APPOSITIVE_OPENERS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    MEMBERS_OF,
    METRIC_NOUNS,
    METRIC_WORDS,
    MODALS,
    NOUN_MODIFIERS,
    NUMBER_WORDS,
    PARTICIPLES,
    POPULATION_WORDS,
    PREPOSITIONS,
    PRO_GOVERNMENT,
    QUALIFIER_WORDS,
    RELATIVES,
    REPORTING_VERBS,
    SECURITY_MODIFIERS,
    THING_NOUNS,
    VERB_GROUP_WORDS,
)

CLAUSE_BREAKS = {";", ":", "(", ")", '"', "“", "”", "—", "–", "•"}
MAX_NOUN_WORDS = 5
MAX_VERB_DISTANCE = 18  # words from the end of the phrase to its verb
MAX_SKIP = 10  # words of a parenthetical, place or relative clause skipped on the way
PHRASE_STOPS = AUXILIARIES | MODALS | (PREPOSITIONS - {"of"}) | RELATIVES | CONJUNCTIONS | DETERMINERS
POSSESSIVES = {"its", "their", "his", "her", "our", "your", "my", "them", "those", "us", "whom", "these"}
OBJECT_PRONOUNS = {"them", "him", "her", "all", "both"}
# Words that end a counted phrase and open a subset or an aside ("11 civilians including two children").
NOT_IN_PHRASE = {"including", "includes", "among", "mostly", "mainly", "most", "than"}
# Metric words that also modify a noun ("wounded people", "refugee children", "displaced families").
METRIC_MODIFIERS = {"wounded", "injured", "displaced", "refugee", "dead", "missing", "detained"}
NOT_ADVERBS = {"family", "elderly", "italy", "july", "ally", "rally", "belly", "supply", "assembly", "italy"}


def is_number(word: str) -> bool:
    """Whether a token is (part of) a number: digits or a number word."""
    return word[:1].isdigit() or word in NUMBER_WORDS


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in NOT_ADVERBS


@dataclass(frozen=True)
class NounPhrase:
    end: int  # index of the first word after the phrase
    head: str | None  # last word of the phrase, lower-cased
    population: str | None  # the group a coder would code, None when no word names one
    metric: str | None  # a metric the phrase itself names ("refugees", "civilian deaths")
    thing: bool  # the phrase counts things, not people


@dataclass(frozen=True)
class Verb:
    metric: str
    word: str
    index: int
    crossed: bool  # reached past "and": it may belong to the next count
    passive: bool  # an auxiliary stands before it ("were killed")
    projected: bool  # a modal stands before it ("could be displaced")
    object_pronoun: bool  # "... and later killed them": it applies to the same count
    listed: bool  # reached past other counts of a list or a subset ("11 children and dozens more wounded")


def _population(words: list[str], following: list[str]) -> str | None:
    """The group named by the phrase's words, head first."""
    found = None
    for word in reversed(words):
        if word in POPULATION_WORDS:
            found = POPULATION_WORDS[word] if found is None else found
            if word == "members":
                found = next((MEMBERS_OF[w] for w in following[:4] if w in MEMBERS_OF), "combatants")
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


def noun_phrase(after: list[str], after_raw: list[str]) -> NounPhrase:
    """The phrase a number heads, from the lower-cased words after it."""
    index = 0
    if after[:1] == ["of"]:  # "212 of its troops", "hundreds of Taliban"
        index = 2 if after[1:2] and after[1] in DETERMINERS | POSSESSIVES else 1
    words: list[str] = []
    metric = None
    while index < len(after) and len(words) < MAX_NOUN_WORDS:
        word, written = after[index], after_raw[index]
        grammar = word in PHRASE_STOPS and not written[:1].isupper()  # "IS fighters" is a name
        if not word[0].isalpha() or grammar or word in NOT_IN_PHRASE or is_number(word) or _is_adverb(word):
            break
        if word in METRIC_WORDS:
            following = after[index + 1:index + 2]
            noun_follows = bool(following) and following[0][0].isalpha() and following[0] not in PHRASE_STOPS \
                and following[0] not in METRIC_WORDS and following[0] not in NOT_IN_PHRASE
            if word in METRIC_MODIFIERS and noun_follows:
                metric = METRIC_WORDS[word]  # "wounded people", "refugee children"
                words.append(word)
                index += 1
                continue
            if word in METRIC_NOUNS and not (word in PARTICIPLES and words):
                metric = METRIC_WORDS[word]  # "3.6 million refugees", "over 40 dead"
                words.append(word)
                index += 1
            break  # "5 civilians wounded", "30 died": the verb of the clause
        if words and word.endswith("ed") and word not in NOUN_MODIFIERS:
            break  # "30 people attended": a verb, not a modifier
        words.append(word)
        index += 1
    head = words[-1] if words else None
    thing = any(word in THING_NOUNS and not (POPULATION_WORDS.keys() & words[position + 1:])
                for position, word in enumerate(words))
    population = _population([w for w in words if w not in METRIC_NOUNS or w in POPULATION_WORDS],
                             after[index + 1:index + 5])
    return NounPhrase(index, head, population, metric, thing and metric is None)


def _skip_qualifiers(after: list[str], index: int) -> int:
    while index < len(after) and after[index] in QUALIFIER_WORDS:
        index += 1
    return index


def _skip_count(after: list[str], index: int) -> int | None:
    """The index past a count and its phrase ("35 Palestinians"), or None if no count starts here."""
    index = _skip_qualifiers(after, index)
    if index >= len(after) or not is_number(after[index]):
        return None
    while index < len(after) and (is_number(after[index]) or after[index] in {"and", "of"} and
                                  index + 1 < len(after) and is_number(after[index + 1])):
        index += 1
    return noun_phrase(after[index:], after[index:]).end + index if index < len(after) else index


def _closing(after: list[str], index: int, closer: str) -> int | None:
    """Index of ``closer`` ending a parenthetical that opens at ``index``, if it comes soon."""
    for position in range(index + 1, min(len(after), index + MAX_SKIP + 2)):
        if after[position] == closer:
            return position
        if after[position] in {";", ":"}:
            return None
    return None


def _parenthetical_end(after: list[str], index: int) -> int | None:
    """Index of the comma, bracket or dash closing an aside that opens at ``index``.

    ", most of them children,", ", including 10 policemen,", ", the UN said,",
    "(two of them women)".
    """
    opener = after[index]
    if opener == "(":
        return _closing(after, index, ")")
    if opener in {"—", "–"}:
        return _closing(after, index, opener)
    first = after[index + 1:index + 2]
    end = _closing(after, index, ",")
    if end is None or not first:
        return None
    aside = after[index + 1:end]
    if first[0] in APPOSITIVE_OPENERS or is_number(first[0]) or REPORTING_VERBS & set(aside):
        return end
    return None


def _cue_phrase(after: list[str], index: int) -> str | None:
    """The metric of a verb phrase at ``index`` that is no metric word alone.

    "forced to flee", "lost their lives", "sustained injuries", "found dead",
    "taken hostage", "went missing", "left homeless", "among the dead",
    "in critical condition".
    """
    word, following = after[index], after[index + 1:index + 4]
    nxt = following[:1]
    if word == "forced" and nxt and (nxt[0] in {"from", "out"} or following[:2] in (["to", "flee"], ["to", "leave"])):
        return "displaced"
    if word in {"lost", "losing"} and following[:2] == ["their", "lives"]:
        return "killed"
    if word in {"sustained", "suffered", "received"} and set(following[:3]) & {"injuries", "injury", "wounds"}:
        return "injured"
    if word in {"found", "shot", "left", "lay", "lying", "reported", "declared", "pronounced"} and nxt == ["dead"]:
        return "killed"
    if word == "left" and nxt and nxt[0] in {"homeless", "injured", "wounded"}:
        return METRIC_WORDS[nxt[0]]
    if word == "left" and following[:2] in (["the", "country"], ["their", "country"]):
        return "refugees"
    if word == "taken" and nxt and nxt[0] in {"hostage", "hostages", "prisoner", "prisoners", "captive"}:
        return "detained"
    if word in {"went", "gone", "remain", "remained", "remains", "are", "were", "is"} and nxt == ["missing"]:
        return "missing"
    if word == "among" and following[:1] in (["the"], ["those"]) and following[1:2] and \
            following[1] in {"dead", "killed", "injured", "wounded", "missing", "detained", "arrested"}:
        return METRIC_WORDS[following[1]]
    if word == "in" and "condition" in following and set(following) & {"critical", "serious"}:
        return "injured"
    return None


def _combined(after: list[str], index: int) -> bool:
    """'killed and injured', 'Killed & Injured': one count of two metrics, which is no figure of either."""
    following = after[index + 1:index + 3]
    return len(following) == 2 and following[0] in {"and", "&", "or"} and following[1] in METRIC_WORDS \
        and METRIC_WORDS[following[1]] != METRIC_WORDS.get(after[index])


def verb_after(after: list[str], start: int) -> Verb | None:
    """The metric verb of the clause whose subject ends at ``start``, if there is one."""
    index, crossed, passive, projected, listed, skipping = start, False, False, False, False, 0
    while index < min(len(after), start + MAX_VERB_DISTANCE):
        word = after[index]
        if (metric := _cue_phrase(after, index)) is not None:
            return Verb(metric, word, index, crossed, passive, projected, False, listed)
        if word in METRIC_WORDS:
            if word in METRIC_NOUNS - PARTICIPLES or _combined(after, index) or \
                    (word == "returned" and after[index + 1:index + 2] == ["fire"]):
                return None
            follows = after[index + 1:index + 2]
            return Verb(METRIC_WORDS[word], word, index, crossed, passive, projected,
                        crossed and bool(follows) and follows[0] in OBJECT_PRONOUNS, listed)
        if word in AUXILIARIES:
            passive, skipping = True, 0
        elif word in MODALS:
            projected = projected or after[index + 1:index + 2] != ["have"]
        elif word in VERB_GROUP_WORDS or _is_adverb(word):
            pass
        elif word in {",", "(", "—", "–"}:
            end = _parenthetical_end(after, index)
            if end is None and word == ",":
                end = _skip_count(after, index + 1)  # ", 35 Palestinians and 38 Lebanese were arrested"
                listed = listed or end is not None
                end = None if end is None else end - 1
            if end is None:
                return None
            index = end
        elif word in {"and", "or", "&", "including", "among"} or is_number(word) and index == start:
            # "Four guards and twelve prisoners were injured"; "Three civilians two women and a man were killed"
            end = _skip_count(after, index + (0 if is_number(word) else 1))
            if end is not None:
                index, listed = end, True
                continue
            if word in {"including", "among"} or is_number(word):
                return None
            crossed = True
        elif word in CLAUSE_BREAKS or is_number(word):
            return None
        elif word in RELATIVES or word in PREPOSITIONS or word in DETERMINERS or skipping:
            skipping += 1  # a relative clause or a place: read on to the verb
            if skipping > MAX_SKIP:
                return None
        elif passive and (coordinated := _coordinated_verb(after, index)) is not None:
            return Verb(METRIC_WORDS[after[coordinated]], after[coordinated], coordinated, crossed, passive,
                        projected, False, listed)
        else:
            return None  # another verb: the clause says something else of the phrase
        index += 1
    return None


def _coordinated_verb(after: list[str], index: int) -> int | None:
    """'were rounded up and executed': a metric verb sharing the auxiliary of the verb at ``index``."""
    for position in range(index + 1, min(len(after) - 1, index + 3)):
        if after[position] == "and":
            following = after[position + 1]
            return position + 1 if following in METRIC_WORDS and following not in METRIC_NOUNS - PARTICIPLES else None
        if after[position] not in {"up", "out", "down", "off", "away"}:
            return None
    return None
