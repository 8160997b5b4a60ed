"""Numbers that stand where a count would but count nothing that happened.

A rate ("30 a day"), a difference ("4,000 more than last year"), a size ("a
population of 10,600"), a description ("one of those killed") and a count
under a plan or a projection ("could displace 1 million", "plans to
evacuate 5,000") are no figures, whatever metric cue governs them.
"""
from __future__ import annotations

from pipeline.extract.en.clauses import CLAUSE_BREAKS, names_the_month
from pipeline.extract.en.lexicon import DETERMINERS, LEAD_INS, METRIC_WORDS, MODALS, QUALIFIER_WORDS
from pipeline.extract.en.phrases import is_number

MAX_VERB_GAP = 4  # lead-in words allowed between a verb before a number and the number
# "the population of 10,600", "a capacity of 5,000": sizes, not counts of what happened; "a father
# of three": a family, not the people counted.
NOT_COUNTED_OF = {"population", "capacity", "size", "father", "mother", "parent", "parents"}
# Plans and projections are not counts: "could displace", "plans to evacuate", "at risk of".
PLAN_VERBS = {"plan", "plans", "planned", "planning", "aim", "aims", "expected", "expect", "expects",
              "prepared", "preparing", "ready", "intend", "intends", "set", "want", "wants", "need",
              "needs", "likely", "threatens", "threatened", "threaten", "risk", "risks", "able", "going"}
PROJECTION_LOOK_BACK = 3  # words before a verb that may make it a projection
# "half of the 12,000 residents have fled": a share of a group whose size the number gives
SHARES = {"third", "thirds", "quarter", "quarters", "most", "many", "some", "several", "none", "majority",
          "minority", "part", "fraction", "percent", "cent", "%"}  # and any number ("half", "two", "dozens")
WHOLE_DETERMINERS = {"the", "its", "their", "these", "those"}
RATE_UNITS = {"day", "week", "month", "year", "night"}
RATE_NOT_AFTER = {"after", "before", "earlier", "later", "ago", "of", "when", "since", "into", "or"}
RATE_ADVERBS = {"daily", "weekly", "monthly", "annually"}


def projected(before: list[str], index: int) -> bool:
    """Whether the verb at ``before[index]`` is a plan or a projection ("could kill", "plans to evacuate");
    "could be" before a count is an estimate of it ("could be as high as 500")."""
    previous = before[max(0, index - PROJECTION_LOOK_BACK):index]
    if previous[-1:] == ["to"] and len(previous) >= 2 and previous[-2] in PLAN_VERBS:
        return True
    first = max(0, index - PROJECTION_LOOK_BACK)
    for position in range(first, index):
        if before[position] in MODALS and before[position + 1:position + 2] != ["have"] and \
                not _estimate(before, position) and not names_the_month(before, position):
            return True
    return False


def _estimate(before: list[str], modal: int) -> bool:
    """Whether the modal at ``before[modal]`` opens "could be" before a count, which estimates it ("the
    number of dead could be between 300,000 and 400,000"), where "could be displaced" projects one."""
    if before[modal + 1:modal + 2] != ["be"]:
        return False
    following = before[modal + 2:modal + 3]
    return not following or not (following[0].endswith("ed") or following[0] in METRIC_WORDS)


def projected_before(before: list[str]) -> bool:
    """The verb governing the number is a plan or a projection ("committed to receive 7,000")."""
    looked_at = before[-(MAX_VERB_GAP + 2 + PROJECTION_LOOK_BACK):]
    if MODALS.isdisjoint(looked_at) and PLAN_VERBS.isdisjoint(looked_at):
        return False  # no word that makes a projection: most counts
    for distance, word in enumerate(reversed(before[-(MAX_VERB_GAP + 2):])):
        if word in CLAUSE_BREAKS or is_number(word) or word == ",":
            return False
        if word not in LEAD_INS:
            return projected(before, len(before) - 1 - distance)
    return False


def is_rate(after: list[str]) -> bool:
    """'30 a day', '100 every week': a rate, not a count."""
    if RATE_UNITS.isdisjoint(after[1:11]) and RATE_ADVERBS.isdisjoint(after[:10]):
        return False  # nothing a rate is said with: most counts
    for index, word in enumerate(after[:10]):
        if word in CLAUSE_BREAKS:
            return False
        if word in {"a", "per", "each", "every"} and after[index + 1:index + 2] and after[index + 1] in RATE_UNITS:
            return not (after[index + 2:index + 3] and after[index + 2] in RATE_NOT_AFTER)
        if word in RATE_ADVERBS and (index == 0 or after[index - 1] not in DETERMINERS):
            return True
    return False


def is_difference(after: list[str]) -> bool:
    """'100,000 more than last year', '4,000 more people died than': a difference between counts."""
    if not after or after[0] not in {"more", "fewer", "less", "higher", "lower"}:
        return False
    for word in after[1:8]:
        if word == "than":
            return True
        if word in CLAUSE_BREAKS or word == "," or is_number(word):
            return False
    return False


def not_a_count(before: list[str], after: list[str]) -> bool:
    """Numbers that describe rather than count.

    "a student who was one of those killed", "one of the highest death
    tolls", "the population of 10,600"; and "by" a number, the agent of a
    passive ("were killed by 5 gunmen") or a change ("rose by 12").
    """
    index = len(before) - 1
    while index >= 0 and before[index] in QUALIFIER_WORDS:
        index -= 1  # "killed by at least 12 gunmen"
    if index >= 0 and before[index] == "by":
        return True
    if after and after[0] == "of":
        if before and before[-1] in ("was", "is"):
            return True
        if len(after) > 2 and after[1] == "the" and (after[2].endswith("est") or after[2] in {"most", "worst"}):
            return True
    return len(before) >= 2 and before[-1] == "of" and before[-2] in NOT_COUNTED_OF


def share_of_whole(before: list[str]) -> bool:
    """Whether the number after ``before`` is the size of a group a share is taken from ("half of the
    12,000 residents have fled", "one of the 40 passengers died"): what the clause tells of
    befell the share, not the whole group."""
    return len(before) >= 3 and before[-1] in WHOLE_DETERMINERS and before[-2] == "of" \
        and (before[-3] in SHARES or is_number(before[-3]))
