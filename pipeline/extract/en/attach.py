"""Tie a number to what was counted: the metric, and the people it counts.

A number is a figure when a metric cue governs the noun phrase it counts,
whatever that noun is ("4 Jaysh al-Izza fighters died", "6 members of one
family"). The phrase is read from the words after the number (phrases.py);
the cue may stand in one of these places:

  - the phrase itself names a metric ("3.6 million refugees", "over 40 dead");
  - the verb of the clause the phrase is subject of, past an appositive,
    a relative clause, a place or a list of other counts ("About 70,000 people,
    most of them children, have fled"; "76 Syrians, 35 Palestinians and 38
    Lebanese were arrested");
  - a verb, toll or field label before the number ("killing 12 people", "the
    death toll rose to 41", "the number of people displaced has reached
    312,000", "Killed: at least 23");
  - for a count whose noun is left out, a figure just before it in the same
    sentence ("21 civilians were killed: 15 in Manbij and another six in
    Al-Tukhar", "including 11 children").

A phrase that counts things ("12 observation posts", "30 airstrikes") is no
figure, and neither is a count in a projection ("could displace 1 million"),
a rate ("30 a day") or a difference ("100,000 more than"): not_counts.py. A
field label, a running total or a list of those counted before the number
names the metric too: frames.py.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.extract.en.lexicon import (
    AUXILIARIES,
    DETERMINERS,
    DRIVING_VERBS,
    IRREGULAR_VERBS,
    METRIC_WORDS,
    MOTION_VERBS,
    MOVEMENT_NOUNS,
    PARTICIPLES,
    POSSESSIVE_DETERMINERS,
    QUALIFIER_PHRASES,
    QUALIFIER_WORDS,
    REPORTING_VERBS,
    TRANSITIVE,
    VERB_CUES,
)
from pipeline.extract.en.clauses import Verb, verb_after
from pipeline.extract.en.cues_before import (
    co_object,
    hedge_back,
    lost_side,
    object_of_metric_verb,
    put_at,
    subject_group,
    cue_before,
)
from pipeline.extract.en.frames import among_the, field_label, running_total
from pipeline.extract.en.movement import destination
from pipeline.extract.en.not_counts import (
    MAX_VERB_GAP, is_difference, is_rate, not_a_count, projected_before, share_of_whole,
)
from pipeline.extract.en.phrases import NounPhrase, is_number, noun_phrase

# A word ("al-Izza"), a number ("1,200") or a mark. Written as the set of characters a token opens
# with, then the rest of a word or a number, so that `re` skips to the next token by a scan in C
# (it cannot for an alternation of three patterns); the tokens are those of
# r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[,;:()\"“”&—–•]".
TOKEN = re.compile(r"[A-Za-z\d,;:()\"“”&—–•](?:(?<=[A-Za-z])[A-Za-z'’-]*|(?<=\d)[\d,.]*|)")
BEFORE_WORDS, AFTER_WORDS = 16, 28  # words either side of a number that are read
BEFORE_WINDOW, AFTER_WINDOW = 120, 220  # characters before and after a number whose words are read
SUBSET_LEAD = re.compile(
    r"(?i)\b(?:including|includes?|among\s+them|among\s+whom|of\s+whom|of\s+them|(?:they|these|those)\s+(?:were|are))"
    r"\s+(?:[a-z]+\s+){0,2}$"
)
# "15 in Manbij and another six in Al-Tukhar", "9 were killed; four gunmen and five civilians": a count
# after "and", a comma or a semicolon with no verb of its own follows the figure before it; a verb
# after "and" is the count's own ("killed 14 and forced some 3,500 ...").
ELIDED_LEAD = re.compile(r"(?i)(?:\b(?:and|another|while|plus)|[,;:])\s+(?:(?:%s)\s+){0,2}$"
                         % "|".join(sorted(QUALIFIER_WORDS | {"another", "further", "additional", "other", "more",
                                                               "either"} | POSSESSIVE_DETERMINERS)))
ARMED = {"soldiers", "combatants"}


class Attachment(NamedTuple):
    """What a number counts (a NamedTuple: immutable and cheap to build, one per number read)."""

    metric: str
    population: str | None  # None: the sentence names no group for this number
    head: str | None  # the counted noun, lower-cased, if any
    also: str | None = None  # a second metric for the same count ("kidnapped 7 and killed them")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


HEDGES = {tuple(phrase.split()) for phrase, _ in QUALIFIER_PHRASES}


def _hedge_length(words: list[str], start: int) -> int:
    """The number of words of a hedge ("at least", "as many as") opening at ``start`` before a number."""
    for size in (3, 2, 1):
        if tuple(words[start:start + size]) in HEDGES and words[start + size:start + size + 1] and \
                is_number(words[start + size]):
            return size
    return 0


def _active(verb: Verb, after: list[str]) -> bool:
    """'5 gunmen killed 20 people': the phrase did the killing; its count is no figure of it."""
    if verb.word not in TRANSITIVE or verb.passive or verb.crossed:
        return False
    start = verb.index + 1 + _hedge_length(after, verb.index + 1)  # "a bomber killed at least 22 people"
    following = after[start:start + 3]
    if following and is_number(following[0]):
        # "6 citizens killed 22 injured": the next count has its own verb, so this one is passive
        return not any(word in PARTICIPLES for word in following[1:3])
    return bool(following) and (following[0] in {"the", "a", "an"} or following[0] in POSSESSIVE_DETERMINERS)


def _object_of_another_verb(before: list[str]) -> bool:
    """The count is the object of a verb that is no metric and no report of one:
    "flooding has affected an estimated 120,000 people and displaced 35,500"."""
    index = len(before) - 1
    while index >= 0 and (before[index] in QUALIFIER_WORDS or before[index] in DETERMINERS):
        index -= 1
    if index < 1 or before[index - 1] not in AUXILIARIES and not before[index].endswith("ed"):
        return False
    word = before[index]
    return (word.endswith("ed") or word in IRREGULAR_VERBS) and word not in METRIC_WORDS \
        and word not in REPORTING_VERBS and word not in VERB_CUES and word not in AUXILIARIES


HOMES = (["from", "their", "homes"], ["out", "of", "their"], ["from", "their", "home"], ["from", "the", "area"])


def _out_of_homes(before: list[str], after: list[str], end: int) -> str | None:
    """'The offensive has driven 320,000 people from their homes', 'chased 4,000 families out of their homes'."""
    if not any(after[at:at + 3] in HOMES for at in range(min(end + 1, len(after)))):
        return None
    verbs = [word for word in before[-MAX_VERB_GAP:] if word in DRIVING_VERBS]
    return "displaced" if verbs else None


def _partitive(previous: Attachment | None, after: list[str], phrase: NounPhrase) -> Attachment | None:
    """'two people, one of them a police officer': part of the figure just before."""
    if previous is None or after[:2] not in (["of", "them"], ["of", "whom"], ["of", "those"]):
        return None
    return Attachment(previous.metric, phrase.population, phrase.head)


def _subset(previous: Attachment | None, before_text: str, after: list[str], phrase: NounPhrase,
            lead: re.Pattern, after_raw: list[str]) -> Attachment | None:
    """A count that shares the metric of the figure before it: a subset, or a count whose noun is left out."""
    if previous is None or not lead.search(before_text[-60:]):
        return None
    if phrase.metric is not None and phrase.metric != previous.metric:
        # "700 people including 47 wounded had crossed the border": the 47 are injured
        return Attachment(phrase.metric, phrase.population or previous.population, phrase.head)
    if phrase.population is not None:
        return Attachment(previous.metric, phrase.population, phrase.head)
    if not after or after[0] in {"in", "at", "on", "from", "near", ",", "and", "others", "more", "of", "to", "into"}:
        return Attachment(previous.metric, None, None)  # "132,000 have fled to Egypt, 80,000 to Chad"
    # a group named by a capitalised noun, in a list or an aside
    if phrase.head is not None and after_raw[phrase.end - 1][:1].isupper() and \
            (phrase.end == len(after) or after[phrase.end] in {",", ";", "and", "or"}):
        return Attachment(previous.metric, None, phrase.head)  # "76 Syrians and 35 Palestinians": a named group
    return None


def attach(before_text: str, after_text: str, previous: Attachment | None = None) -> Attachment | None:
    """What a number counts, from the clause text before and after it.

    ``previous`` is what the figure just before in the same sentence counts:
    a subset or a count with its noun left out counts the same thing.
    """
    after_raw = tokens(after_text)[:AFTER_WORDS]
    before = [word.lower() for word in tokens(before_text)[-BEFORE_WORDS:]]
    return attach_words(before, after_raw, [word.lower() for word in after_raw], before_text, previous)


def attach_words(before: list[str], after_raw: list[str], after: list[str], before_text: str,
                 previous: Attachment | None = None) -> Attachment | None:
    """``attach`` on words already split: lower-cased before, as written and lower-cased after."""
    if is_difference(after) or is_rate(after) or not_a_count(before, after) or projected_before(before):
        return None
    phrase = noun_phrase(after, after_raw)
    if phrase.thing:
        return None
    if phrase.head in MOVEMENT_NOUNS and destination(after, phrase.end - 1) == "refugees":
        phrase = phrase._replace(metric="refugees")  # "12,300 arrivals in Uganda"
    clause = verb_after(after, phrase.end, after_raw)
    if clause.verb is None and after[phrase.end:phrase.end + 1] == [")"] and before[-1 - hedge_back(before):][:1] == ["("]:
        clause = verb_after(after, phrase.end + 1, after_raw)  # "1,600 households (around 8,000 people) were displaced"
    if clause.verb is not None and clause.verb.word in MOTION_VERBS and phrase.population in ARMED:
        return None  # "300 troops moving towards the border", "fighters who fled to Turkey": no one displaced
    if phrase.metric is None and share_of_whole(before):
        return None  # "half of the 12,000 residents have fled"; "80 per cent of the 1.7 million displaced" counts
    if clause.group is not None and before[-2:] == ["of", "the"]:
        # "80 per cent of the 1.7 million displaced are women": the group is a share's, not the count's
        clause = clause._replace(group=None)
    verb = clause.verb
    if clause.projected or (verb is not None and _active(verb, after)):
        return None
    subset = _subset(previous, before_text, after, phrase, SUBSET_LEAD, after_raw) or _partitive(previous, after, phrase)
    if subset is not None and subset.metric == phrase.metric != previous.metric:
        return subset  # a subset naming its own metric keeps it, whatever the clause's verb
    # "affected 120,000 people and displaced 35,500": the verb after "and" is the next count's
    other_verbs_object = verb is not None and (verb.crossed or verb.listed) and _object_of_another_verb(before)
    # "Shelling killed 3 men and 4 children were wounded": past a list, the verb is the last member's
    # when a metric verb before governs the count
    object_of = object_of_metric_verb(before) if verb is not None and verb.listed else None
    if verb is not None and not verb.crossed and not ((verb.listed or verb.relative) and (subset or phrase.metric)) \
            and not other_verbs_object and object_of is None:
        return Attachment(verb.metric, clause.group or phrase.population, clause.group or phrase.head)
    if subset is not None:  # "56 dead including 11 children and dozens more wounded": the 11 are dead
        return subset._replace(population=clause.group, head=clause.group) if clause.group else subset
    labelled, label_group = field_label(before_text)
    # "Among the dead were 5 refugees": the list says what happened to them, the noun who they were
    metric = among_the(before_text) or phrase.metric or labelled or cue_before(before) or put_at(before) \
        or co_object(before) \
        or _out_of_homes(before, after, phrase.end) or running_total(before, before_text, previous and previous.metric) \
        or lost_side(before, phrase, clause)
    if metric is None and verb is not None and not verb.object_pronoun and not other_verbs_object:
        metric = verb.metric  # "Four policemen and soldiers were killed"
    if metric is None and clause.group is not None and previous is not None:
        metric = previous.metric  # "... and more than 195,000 are women": part of the figure before
    if metric is None:
        # "132,000 have fled to Egypt, 80,000 to Chad": a count with only a destination shares the verb before
        gapped = after[:1] in (["to"], ["into"]) and after_raw[1:2] != [] and after_raw[1][:1].isupper()
        return None if clause.own_verb and not gapped else \
            _subset(previous, before_text, after, phrase, ELIDED_LEAD, after_raw)
    if clause.group is not None:
        return Attachment(metric, clause.group, clause.group)
    # "kidnapped 7 workers and later killed them": the count is named once, both metrics apply
    also = verb.metric if verb is not None and verb.object_pronoun and verb.metric != metric else None
    population = phrase.population or (label_group if metric == labelled else None) or \
        (subject_group(before) if phrase.end == 0 else None)
    return Attachment(metric, population, phrase.head or (label_group and "label"), also)
