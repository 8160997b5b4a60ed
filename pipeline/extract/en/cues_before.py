"""The cues before a number that name what it counts.

A metric verb ("killing at least 12"), an "X of" noun ("the bodies of"), a toll
or the subject of a linking verb ("the death toll rose to 41"), an estimate
put on a count ("officials put the toll at 50"), the object of a metric verb
a count is joined to ("killing its driver and two passengers") and a side
that lost people ("the rebels lost three fighters"). attach.py weighs these
against the verb after the counted phrase.
"""
from __future__ import annotations

from pipeline.extract.en.clauses import CLAUSE_BREAKS, Clause
from pipeline.extract.en.lexicon import (
    AUXILIARIES,
    CASUALTY_NOUNS,
    CONJUNCTIONS,
    LEAD_INS,
    LINKING_VERBS,
    METRIC_NOUNS,
    METRIC_WORDS,
    NOUNS_NOT_VERBS,
    OF_NOUNS,
    PARTICIPLES,
    POPULATION_WORDS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUALIFIER_WORDS,
    RELATIVES,
    TRANSITIVE,
)
from pipeline.extract.en.not_counts import MAX_VERB_GAP, projected
from pipeline.extract.en.numbers import MONTH_NAMES
from pipeline.extract.en.phrases import NounPhrase, is_number

MAX_TOLL_GAP = 12  # words back from a linking verb to the toll or metric word it links


# Counts whose metric the figures around them give (carried.py): "losses" and "casualties" count the dead
# where the report speaks only of deaths; "the figure", "the count" that of the figure before.
CASUALTIES, REFERRED = "casualties", "referred"


# Verbs that give a count its value in an estimate: "put the toll at 50", "placed the count as high as 74".
PUT_VERBS = {"put", "puts", "putting", "placed", "places", "placing", "estimated", "estimates", "estimate",
             "estimating", "pegged", "pegs", "set", "sets"}


SUBORDINATORS = {"when", "as", "while", "after", "before", "because", "if", "until", "whereas", "although",
                 "though", "where", "whether"}


# Nouns that make a subject a count ("the number of people displaced", "the death tally").
COUNT_NOUNS = {"number", "numbers", "count", "tally", "total", "figure", "figures", "toll", "tolls"}


OF_NOUN_ENDS = {"of", "and", ","}  # the words an "X of" phrase (or a list it heads) ends in


def _of_noun(before: list[str], distance: int) -> str | None:
    """The metric of "the deaths of", "the bodies of", "the capture of" ending ``distance`` words back.

    The noun may head a list: "the bodies of a woman and three children".
    """
    index = len(before) - 1 - distance
    if index >= 1 and before[index] == "of":
        return OF_NOUNS.get(before[index - 1])
    if before[index] in {"and", ","}:
        for position in range(index - 1, max(0, index - 4), -1):
            word = before[position]
            if word == "of" and position >= 1:
                return OF_NOUNS.get(before[position - 1])
            if not word[0].isalpha() or word in CLAUSE_BREAKS:
                return None
    return None


def _linked_subject(before: list[str], distance: int) -> str | None:
    """The metric named in the subject of a linking verb ``distance`` words back.

    "the death toll rose to 41", "the number of people displaced since
    January has reached 312,000", "confirmed deaths surpassed 100,000".
    """
    end = len(before) - distance
    subject = before[max(0, end - MAX_TOLL_GAP):end]
    counted = bool(COUNT_NOUNS & set(subject))
    position = len(subject)
    while position > 0:
        position -= 1
        word = subject[position]
        if word == ")" and "(" in subject[:position]:
            position = len(subject) - 1 - subject[::-1].index("(", len(subject) - 1 - position)
            continue  # "the number of internally displaced persons (IDPs) now stands at"
        if word in RELATIVES and counted:
            continue  # "the number of refugees who have crossed since April stands at": the clause tells of them
        if word in CLAUSE_BREAKS or word in CONJUNCTIONS or word in RELATIVES or \
                is_number(word) and not _in_date(subject, position):
            return None
        if word in {"toll", "tolls"} or word in {"victim", "victims"} and counted:
            return "killed"  # "the death toll rose to 41", "the victim count has reached 1400"
        if word in METRIC_WORDS and (word in METRIC_NOUNS or counted):
            return METRIC_WORDS[word]
    return None


def _in_date(words: list[str], index: int) -> bool:
    """Whether the number at ``words[index]`` is a day or a year ("the earthquake on 6 February", "in 2023")."""
    word = words[index]
    return words[index - 1:index] == ["in"] and len(word) == 4 and word[:2] in ("19", "20") or \
        bool(MONTH_NAMES.intersection(words[max(0, index - 1):index + 2]))


def subject_group(before: list[str]) -> str | None:
    """The group a count noun names in its "of", "among" or "for" phrase: "the total number of aid
    workers killed since October is 146", "the death toll among children rose to 41"."""
    if COUNT_NOUNS.isdisjoint(before):
        return None  # most counts: no count noun before
    for position in range(len(before) - 1, max(-1, len(before) - 1 - MAX_TOLL_GAP), -1):
        if before[position] in COUNT_NOUNS:
            if before[position + 1:position + 2] not in (["of"], ["among"], ["for"]):
                return None
            return next((POPULATION_WORDS[word] for word in before[position + 2:position + 5]
                         if word in POPULATION_WORDS), None)
        if before[position] in CLAUSE_BREAKS or before[position] == "," or is_number(before[position]):
            return None
    return None


def put_at(before: list[str]) -> str | None:
    """The metric of what an estimate puts at the number: "officials put the death toll at 50",
    "putting the figure at over 1,100", "placed the count as high as 74"."""
    index = len(before) - 1
    while index >= 0 and (before[index] in QUALIFIER_WORDS or before[index] in LEAD_INS):
        index -= 1  # "at", "as high as", "at around"
    if index == len(before) - 1:
        return None
    for position in range(index, max(-1, index - MAX_VERB_GAP - 1), -1):
        word = before[position]
        if word in PUT_VERBS:
            counted = before[position + 1:index + 1]
            for noun in reversed(counted):
                if noun in CASUALTY_NOUNS:
                    return "killed" if {"human", "fatal", "deadly"} & set(counted) else CASUALTIES
                if noun in {"toll", "tolls"} or noun in METRIC_NOUNS or noun in PARTICIPLES:
                    return "killed" if noun in {"toll", "tolls"} else METRIC_WORDS[noun]
            return REFERRED if COUNT_NOUNS & set(counted) else None
        if word in CLAUSE_BREAKS or word == "," or is_number(word):
            return None
    return None


def cue_before(before: list[str]) -> str | None:
    """A metric verb, "X of", toll or linking verb just before the number ("killing at least 12")."""
    for distance, word in enumerate(reversed(before[-(MAX_TOLL_GAP + 1):])):
        index = len(before) - 1 - distance
        if is_number(word) and before[index - 1:index] == ["by"]:
            continue  # a change ("rose by 12 to 52")
        if word in CLAUSE_BREAKS or is_number(word):
            return None
        if distance <= MAX_VERB_GAP + 1:
            if word in OF_NOUN_ENDS and (metric := _of_noun(before, distance)) is not None:
                return metric
            if word in METRIC_WORDS and word not in NOUNS_NOT_VERBS:
                return None if projected(before, index) else METRIC_WORDS[word]
            if word in LINKING_VERBS and (metric := _linked_subject(before, distance + 1)):
                return metric
        if word == "toll":
            return "killed"
        if word in CASUALTY_NOUNS:  # "officials put the losses at 80,000", "casualties rose to 900"
            return "killed" if before[index - 1:index] in (["human"], ["fatal"], ["deadly"]) else CASUALTIES
        if word == ",":
            if before[index + 1:index + 2] in (["estimated"], ["put"], ["numbering"]):
                continue  # "heavy losses, estimated at 20,000": the count of the noun before
            return None  # "When 50 were arrested, hundreds took to the streets": another clause's verb
        if word in SUBORDINATORS and word not in LEAD_INS:
            return None  # "47 injured when a suicide bomber detonated": a new clause
        if word not in LEAD_INS and distance > 0:
            return _toll_before(before, distance)
    return None


def _toll_before(before: list[str], distance: int) -> str | None:
    """'an earlier toll on Sunday evening of 15': a toll further back, no number or break between."""
    for word in reversed(before[-(MAX_TOLL_GAP + 1):len(before) - distance]):
        if word in CLAUSE_BREAKS or is_number(word):
            return None
        if word == "toll":
            return "killed"
    return None


def lost_side(before: list[str], phrase: NounPhrase, clause: Clause) -> str | None:
    """'The rebels lost three fighters': deaths, told of the side that lost them; the count names people."""
    index = len(before) - 1 - hedge_back(before)
    if index < 0 or before[index] != "lost" or phrase.population is None or clause.own_verb or clause.verb is not None:
        return None  # "lost 3 games", "lost 40 per cent"
    return "killed"


def object_of_metric_verb(before: list[str]) -> str | None:
    """The metric of an active metric verb right before the number (past its hedges): "killed at least 3"."""
    index = len(before) - 1 - hedge_back(before)
    if index < 0 or before[index] not in TRANSITIVE or before[index - 1:index] and before[index - 1] in AUXILIARIES:
        return None
    return None if projected(before, index) else METRIC_WORDS[before[index]]


def co_object(before: list[str]) -> str | None:
    """'soldiers fired on a minibus, killing its driver and two passengers': a count joined by "and" to
    the object of a metric verb before it."""
    index = len(before) - 1 - hedge_back(before)
    if index >= 3 and before[index] in POSSESSIVE_DETERMINERS and before[index - 1] == "and":
        index -= 1  # "killed the village chief and his two sons"
    if index < 2 or before[index] != "and":
        return None
    for position in range(index - 1, max(0, index - 5), -1):
        word = before[position]
        if (word in TRANSITIVE or word == "dead") and position < index - 1:
            return None if projected(before, position) else METRIC_WORDS[word]
        if not word[0].isalpha() or word in AUXILIARIES or word in CONJUNCTIONS or word in RELATIVES or \
                word in PREPOSITIONS or word.endswith("ed") or word.endswith("ing"):
            return None  # no simple object between: "killed 3 and wounded 4", "killed in the blast and"
    return None


def hedge_back(before: list[str]) -> int:
    """The number of hedge words ("at least", "over") right before the number."""
    count = 0
    while count < len(before) and before[-1 - count] in QUALIFIER_WORDS and before[-1 - count] not in {"a", "an"}:
        count += 1
    return count
