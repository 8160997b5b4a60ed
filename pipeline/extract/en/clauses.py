"""Read the verb of the clause a counted phrase is subject of.

The verb is found as a reader finds it: past auxiliaries and adverbs ("were
reportedly killed"), an aside ("70,000 people, most of them children, have
fled"), a place ("from around Turbi village"), a relative clause ("who took
part in the protest were arrested") and the other members of a list ("76
Syrians, 35 Palestinians and 38 Lebanese were arrested"; "Four policemen and
soldiers were killed").
"""
from __future__ import annotations

from typing import NamedTuple

from pipeline.extract.en.lexicon import (
    APPOSITIVE_OPENERS,
    AUXILIARIES,
    DETERMINERS,
    METRIC_WORDS,
    MODALS,
    MOTION_VERBS,
    NOUNS_NOT_VERBS,
    POPULATION_WORDS,
    PREPOSITIONS,
    QUALIFIER_WORDS,
    RELATIVES,
    REPORTING_VERBS,
    VERB_GROUP_WORDS,
)
from pipeline.extract.en.movement import destination
from pipeline.extract.en.phrases import METRIC_MODIFIERS, QUOTES, WORD_KIND, is_adverb, is_number, is_verb, noun_phrase

CLAUSE_BREAKS = {";", ":", "(", ")", '"', "“", "”", "—", "–", "•"}
MAX_VERB_DISTANCE = 20  # words from the end of the phrase to its verb
MAX_SKIP = 10  # words of a place or relative clause skipped on the way
OBJECT_PRONOUNS = {"them", "him", "her", "all", "both"}
SUBJECT_PRONOUNS = {"they", "he", "she", "we", "i", "you"}
# Metric nouns that stand in a phrase after the counted noun ("2 men with gunshot wounds were found").
PLURAL_METRIC_NOUNS = {"wounds", "injuries"}
# Metric verbs read only before a count ("wound dozens more"): after one, the word is mostly a noun ("a wound").
VERBS_BEFORE_COUNTS = {"wound"}
PARTICLES = {"up", "out", "down", "off", "away"}
# Words that end the clause of a count without saying anything of it ("21 fighters according to the monitor").
SPEECH_WORDS = {"according", "said", "says", "told", "added", "reported", "citing"}


class Verb(NamedTuple):
    metric: str
    word: str
    index: int
    crossed: bool  # reached past "and": it may belong to the next count
    passive: bool  # an auxiliary stands before it ("were killed")
    object_pronoun: bool  # "... and later killed them": it applies to the same count
    listed: bool  # reached past other counts of a list or a subset ("11 children and dozens more wounded")
    relative: bool = False  # the verb of a relative clause ("25 wounded people who evacuated")


class Clause(NamedTuple):
    """What follows a counted phrase: its metric verb, if any, and how the clause is framed."""

    verb: Verb | None
    projected: bool = False  # a modal frames it ("could be displaced", "could be prevented")
    own_verb: bool = False  # the phrase has a verb of its own that is no metric ("10 have left hospital")
    group: str | None = None  # the group a copula names ("569,000 of the displaced are children")


RISKS = {"risk", "danger", "threat"}  # "at risk of", "in danger of": what may befall them, not what did


def _skip_qualifiers(after: list[str], index: int) -> int:
    while index < len(after) and after[index] in QUALIFIER_WORDS:
        index += 1
    return index


def _skip_count(after: list[str], index: int, after_raw: list[str]) -> int | None:
    """The index past a count and its phrase ("35 Palestinians"), or None if no count starts here."""
    index = _skip_qualifiers(after, index)
    if index >= len(after) or not is_number(after[index]):
        return None
    while index < len(after) and (is_number(after[index]) or after[index] in {"and", "of", "or"} and
                                  index + 1 < len(after) and is_number(after[index + 1])):
        index += 1
    return noun_phrase(after[index:], after_raw[index:]).end + index if index < len(after) else index


GROUP_FOLLOWERS = AUXILIARIES | {",", "and"}  # words after a group of a list whose verb follows


def _skip_group(after: list[str], index: int, after_raw: list[str]) -> int | None:
    """The index past a group named without a count ("and soldiers", ", international workers and
    others"), when the clause's verb follows it; else None."""
    if index < len(after) and after[index] in {"a", "an", "the", "other", "several", "some", "many"}:
        index += 1
    phrase = noun_phrase(after[index:], after_raw[index:])
    if phrase.end == 0 or phrase.thing or phrase.metric:
        return None
    end = index + phrase.end
    following = after[end:end + 1]
    return end if following and (following[0] in GROUP_FOLLOWERS or following[0] in METRIC_WORDS) else None


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
    if first[0] in APPOSITIVE_OPENERS or is_number(first[0]) or REPORTING_VERBS & set(aside) and "that" not in aside \
            or _reduced_relative(after, index + 1):
        return end  # ", the UN said," and ", living in the block," are asides; ", later claimed that ...," is not
    return None


# The first words of the verb phrases _cue_phrase reads (besides "...ed to death").
# Where people who flee leave their country ("fled to neighbouring countries", "fled across the border").
ABROAD = (["to", "neighbouring"], ["to", "neighboring"], ["the", "country"], ["to", "other"],
          ["into", "neighbouring"], ["into", "neighboring"])
CUE_PHRASE_HEADS = {"forced", "lost", "losing", "sustained", "suffered", "received", "found", "shot", "left", "lay",
                    "lying", "reported", "declared", "pronounced", "made", "rendered", "taken", "went", "gone",
                    "remain", "remained", "remains", "are", "were", "is", "among", "in", "beaten", "burnt", "frozen",
                    "crossed", "crossing", "flee", "flees"} | MOTION_VERBS


FLEEING = {"fled", "fleeing", "flee", "flees"}
CAPTORS = {"police", "forces", "soldiers", "troops", "army", "militants", "gunmen", "rebels", "militia", "militiamen",
           "fighters", "police", "agents", "officers"}


def _cue_phrase(after: list[str], index: int) -> str | None:
    """The metric of a verb phrase at ``index`` that is no metric word alone.

    "forced to flee", "lost their lives", "sustained injuries", "found dead",
    "shot to death", "taken hostage", "went missing", "left homeless", "among
    the dead", "in critical condition", "crossed into Chad", "fled to Chad".
    """
    word, following = after[index], after[index + 1:index + 4]
    if word not in CUE_PHRASE_HEADS:  # another -ed word: of these phrases it can only open "...ed to death"
        return "killed" if word.endswith("ed") and following[:2] == ["to", "death"] else None
    nxt = following[:1]
    if word == "forced" and nxt and (nxt[0] in {"from", "out"} or following[:2] in (["to", "flee"], ["to", "leave"])):
        return "displaced"
    if word == "forced" and following[:2] == ["to", "return"]:
        return "returned"
    if word in {"lost", "losing"} and following[:2] == ["their", "lives"]:
        return "killed"
    if word in {"sustained", "suffered", "received"} and set(following[:3]) & {"injuries", "injury", "wounds"}:
        return "injured"
    if word in {"found", "shot", "left", "lay", "lying", "reported", "declared", "pronounced"} and nxt == ["dead"]:
        return "killed"
    if (word.endswith("ed") or word in {"shot", "beaten", "burnt", "frozen"}) and following[:2] == ["to", "death"]:
        return "killed"
    if word in {"left", "made", "rendered"} and nxt and nxt[0] in {"homeless", "injured", "wounded"}:
        return METRIC_WORDS[nxt[0]]
    if word == "left" and following[:2] in (["the", "country"], ["their", "country"]):
        return "refugees"
    if word in {"crossed", "crossing"} and (nxt == ["into"] or following[1:2] in (["border"], ["frontier"])):
        return "refugees"  # "150,000 have crossed into Chad", "crossed the border"
    if word in FLEEING and (nxt == ["abroad"] or following[:2] in ABROAD
                            or following == ["across", "the", "border"]):
        return "refugees"  # "1.2 million have fled to neighbouring countries", "fled the country"
    if word in FLEEING or word in MOTION_VERBS:
        # "fled to Chad", "travelled to either Egypt or Chad", "moving towards the border"; fleeing
        # within the country is the metric word itself, going elsewhere no metric
        return destination(after, index)
    if word == "taken" and nxt and nxt[0] in {"hostage", "hostages", "prisoner", "prisoners", "captive"}:
        return "detained"
    if word == "taken" and "by" in following[:2] and CAPTORS.intersection(after[index + 2:index + 6]):
        return "detained"  # "taken away by police", "were taken by security forces"
    if word in {"went", "gone", "remain", "remained", "remains", "are", "were", "is"} and nxt == ["missing"]:
        return "missing"
    if word == "among" and following[:1] in (["the"], ["those"]) and following[1:2] and \
            following[1] in {"dead", "killed", "injured", "wounded", "missing", "detained", "arrested"}:
        return METRIC_WORDS[following[1]]
    if word == "in" and "condition" in following and set(following) & {"critical", "serious"}:
        return "injured"
    return None


def names_the_month(words: list[str], index: int) -> bool:
    """'in May', 'on May 31', 'on 19 May': the month, not the modal."""
    if words[index] != "may":
        return False
    following = words[index + 1:index + 2]
    return index > 0 and (words[index - 1] in PREPOSITIONS or is_number(words[index - 1])) \
        or not following or is_number(following[0])


def _modifies_noun(after: list[str], index: int) -> bool:
    """Whether the word at ``index`` modifies the noun after it ("displaced families")."""
    following = after[index + 1:index + 2]
    return bool(following) and following[0][:1].isalpha() and WORD_KIND.get(following[0], "word") == "word" \
        and not is_verb(following[0], True)


def _copula_group(after: list[str], index: int) -> str | None:
    """'35 of those killed were children': the group a copula right after the verb names."""
    if after[index:index + 1] and after[index] in {"were", "are", "was", "is"} and \
            after[index + 1:index + 2] and after[index + 1] in POPULATION_WORDS:
        return POPULATION_WORDS[after[index + 1]]
    return None


def _combined(after: list[str], index: int) -> bool:
    """'killed and injured', 'Killed & Injured': one count of two metrics, which is no figure of either."""
    following = after[index + 1:index + 3]
    return len(following) == 2 and following[0] in {"and", "&", "or"} and following[1] in METRIC_WORDS \
        and METRIC_WORDS[following[1]] != METRIC_WORDS.get(after[index])


def _coordinated_verb(after: list[str], index: int) -> int | None:
    """'were rounded up and executed': a metric verb sharing the auxiliary of the verb at ``index``."""
    for position in range(index + 1, min(len(after) - 1, index + 3)):
        if after[position] == "and":
            following = after[position + 1]
            return position + 1 if following in METRIC_WORDS and following not in NOUNS_NOT_VERBS else None
        if after[position] not in PARTICLES:
            return None
    return None


class _Reader:
    """One pass over the words after a counted phrase, looking for its verb."""

    def __init__(self, after: list[str], start: int, after_raw: list[str]):
        self.after, self.start, self.after_raw = after, start, after_raw
        self.crossed = self.passive = self.projected = self.listed = False
        self.skipping = 0  # words of a place or relative clause read past so far
        self.relative = False  # inside "who ...", "that ..."
        self.relative_content = False  # a word of the relative clause other than an auxiliary was read
        self.relative_verb: Verb | None = None  # "thousands who fled ... have been forced to return"

    def verb(self, metric: str, index: int, object_pronoun: bool = False) -> Verb:
        return Verb(metric, self.after[index], index, self.crossed, self.passive, object_pronoun, self.listed)

    def _opening_relative(self) -> bool:
        """Inside "who ..." with no word of it read yet but auxiliaries: a verb now is the relative clause's."""
        return self.relative and not self.relative_content

    def _hold_relative_verb(self, verb: Verb) -> None:
        """Keep the verb of a relative clause ("who were killed"); the main clause's may follow."""
        self.relative_verb = verb._replace(relative=True)
        self.relative_content, self.skipping = True, 1

    def clause(self, verb: Verb | None, own_verb: bool = False, group: str | None = None) -> Clause:
        return Clause(verb or self.relative_verb, self.projected, own_verb and self.relative_verb is None, group)

    def read(self) -> Clause:
        after, index = self.after, self.start
        stop = min(len(after), self.start + MAX_VERB_DISTANCE)
        while index < stop:
            word = after[index]
            if index == self.start and _reduced_relative(after, index):
                self.relative, self.skipping = True, 1  # "20 people living in the block were killed"
                index += 1
                continue
            if (word in CUE_PHRASE_HEADS or word[-2:] == "ed") and (metric := _cue_phrase(after, index)) is not None:
                if not self._opening_relative():
                    return self.clause(self.verb(metric, index))
                self._hold_relative_verb(self.verb(metric, index))  # "who fled abroad"
                index += 1
                continue
            if word in METRIC_WORDS and self.skipping and word.endswith("ing"):
                return self.clause(None, own_verb=True)  # "who had arrived for evacuating ...": no verb of the count
            if self.skipping and (word in METRIC_MODIFIERS and _modifies_noun(after, index)
                                  or word in PLURAL_METRIC_NOUNS and not self.relative):
                index += 1  # "at a site where displaced families live", "men with gunshot wounds": nouns of a phrase
                continue
            if word in METRIC_WORDS:
                found = self._metric_word(index)
                if found is None or not self._opening_relative():
                    return self.clause(found, group=_copula_group(after, index + 1))
                self._hold_relative_verb(found)  # "who were killed"
            elif word in AUXILIARIES and self._opening_relative():
                self.skipping += 1  # "who had joined the march": the relative clause's own auxiliary
            elif word in AUXILIARIES:
                self.passive, self.skipping = True, 0
            elif word in MODALS and not names_the_month(after, index):
                self.projected = self.projected or after[index + 1:index + 2] != ["have"]
            elif word in RISKS and after[index - 1] in {"at", "in", "under"}:
                self.projected, self.skipping = True, self.skipping + 1  # "are at risk of displacement"
            elif word in QUOTES or word in SPEECH_WORDS and not self.passive:
                return self.clause(None)  # the end of a quotation, "... according to X", "X said"
            elif word in VERB_GROUP_WORDS or is_adverb(word):
                pass  # "were reportedly killed", "are said to have died"
            elif word in {",", "(", "—", "–"}:
                self.skipping = 0  # a place or relative clause ends at a comma
                end = self._aside_or_list(index)
                if end is None:
                    return self.clause(None)
                index = end
            elif word in {"and", "or", "&", "including", "among"} or is_number(word) and index == self.start:
                end = self._list_member(index)
                if end is not None:
                    index = end
                    continue
                if word in {"including", "among"} or is_number(word):
                    return self.clause(None)
                self.crossed = True
            elif is_number(word) and self.skipping and after[index - 1] == "of":
                pass  # "Two children under the age of two have been killed"
            elif word in CLAUSE_BREAKS or is_number(word):
                return self.clause(None)
            elif word == "whose" or word in SUBJECT_PRONOUNS and self.skipping:
                # "a woman whose son was killed said", "told a reporter that they had captured": another subject
                return self.clause(None)
            elif word in RELATIVES or word in PREPOSITIONS or word in DETERMINERS or word == "of" or self.skipping:
                if self.relative:
                    self.relative_content = True
                self.relative = self.relative or word in RELATIVES
                self.skipping += 1  # a relative clause or a place: read on to the verb
                if self.skipping > MAX_SKIP:
                    return self.clause(None)
            elif word in POPULATION_WORDS and after[index - 1] in {"are", "is", "were", "was"}:
                # "... are children"; after other counts of a list ("14 evacuees, 5 of whom were women"), theirs
                return Clause(None, self.projected, group=None if self.listed else POPULATION_WORDS[word])
            elif self.passive and (coordinated := _coordinated_verb(after, index)) is not None:
                return self.clause(self.verb(METRIC_WORDS[after[coordinated]], coordinated))
            else:
                return self.clause(None, own_verb=True)  # a verb that says something else of the phrase
            index += 1
        return self.clause(None)

    def _metric_word(self, index: int) -> Verb | None:
        after, word = self.after, self.after[index]
        if word in NOUNS_NOT_VERBS or word in VERBS_BEFORE_COUNTS or _combined(after, index) or \
                (word == "returned" and after[index + 1:index + 2] == ["fire"]):
            return None
        follows = after[index + 1:index + 2]
        return self.verb(METRIC_WORDS[word], index, self.crossed and bool(follows) and follows[0] in OBJECT_PRONOUNS)

    def _aside_or_list(self, index: int) -> int | None:
        """Index of the last word of an aside, list member or stray comma starting at ``index``."""
        after = self.after
        end = _parenthetical_end(after, index)
        if end is not None or after[index] != ",":
            return end
        following = after[index + 1:index + 2]
        if following and following[0] in AUXILIARIES and not self.passive:
            return index  # "over 1800 people, have died": a stray comma
        end = _skip_count(after, index + 1, self.after_raw) or _skip_group(after, index + 1, self.after_raw)
        if end is None:  # ", 35 Palestinians and 38 Lebanese were arrested"
            return None
        self.listed = True
        return end - 1

    def _list_member(self, index: int) -> int | None:
        """Index past another member of a list of counts or groups sharing the verb, or None."""
        after = self.after
        word = after[index]
        start = index if is_number(word) else index + 1
        end = _skip_count(after, start, self.after_raw)
        if end is None and word in {"and", "or", "&", "including", "among"} and not self.passive:
            # "Four policemen and soldiers were killed", "3 civilians including a girl were killed"
            end = _skip_group(after, start, self.after_raw)
        if end is not None:
            self.listed = True
        return end


def _reduced_relative(after: list[str], index: int) -> bool:
    """A participle opening a clause that tells who the counted people were, not what befell them
    ("families sheltering in the school", "villagers working in the fields"): the main verb follows it."""
    word = after[index]
    return word.endswith("ing") and word not in METRIC_WORDS and word not in SPEECH_WORDS \
        and word not in {"including", "among", "during"} \
        and after[index + 1:index + 2] != [] and (after[index + 1] in PREPOSITIONS or after[index + 1] in DETERMINERS)


def verb_after(after: list[str], start: int, after_raw: list[str] | None = None) -> Clause:
    """The clause after a counted phrase ending at ``start``: its metric verb, if it has one.

    ``after`` is lower-cased; ``after_raw`` the same words as written (capitals mark names).
    """
    return _Reader(after, start, after if after_raw is None else after_raw).read()
