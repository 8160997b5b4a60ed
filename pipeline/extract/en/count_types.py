"""What span of time a figure counts, read from the structure of its clause.

- ``incident``: one event ("an air strike on a market killed 19", "the death
  toll rose to 41" after an attack). In war news most figures are these, so a
  figure with no other cue is one.
- ``period``: a bounded span ("between 1 and 16 February", "in July", "last
  week", "in 2019"), unless a single attack, blast or massacre is what the
  figure counts ("In July a suicide bomb killed 16": an incident in July).
- ``cumulative``: a running total from a start ("since 1 December", "so far
  this year", "since the war began"), a war's or campaign's toll ("the
  conflict has killed 380,000"), a total ("bringing the total to 1,204"), or
  people who have been displaced without an event to count them by ("more
  than 900,000 have fled").
- ``stock``: people in a state at a date ("hosts 3.6 million refugees",
  "1.2 million live in camps", "remain displaced", "are sheltering").

The cues are read in the figure's clause: the sentence up to a semicolon, a
dash or a conjunction that opens a new clause ("while", "but", ", and the
...").
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from pipeline.extract.placed_dates import Period
from pipeline.extract.trie import WordFinder

INCIDENT, PERIOD, CUMULATIVE, STOCK = "incident", "period", "cumulative", "stock"

# One event: the figure counts it even inside a period ("In July a car bomb killed 16").
SINGLE_EVENTS = """attack strike airstrike raid bombing blast explosion bomb bomber massacre shipwreck ambush
    shooting assault stampede crash earthquake landslide storm cyclone hurricane incident accident sinking
    collapse rocket missile shell device ied detonation fire clash battle skirmish""".split()
# Events in the plural or as a mass: incidents too, but over a period they make a period's count.
MANY_EVENTS = """attacks strikes airstrikes raids bombings blasts explosions bombs bombers massacres shootings assaults
    ambushes clashes battles skirmishes rockets missiles shells mortars shelling bombardment bombardments
    floods fires storms earthquakes crashes accidents incidents""".split()
# A war or campaign whose toll is a running total ("the conflict has killed 380,000").
TOLL_NOUNS = """war wars conflict crisis uprising revolution insurgency campaign offensive siege occupation
    intifada invasion escalation hostilities""".split()
TOTAL_WORDS = ["overall", "cumulative"]
CUE_KINDS = {**dict.fromkeys(SINGLE_EVENTS, "single"), **dict.fromkeys(MANY_EVENTS, "many"),
             **dict.fromkeys(TOLL_NOUNS, "toll"), **dict.fromkeys(TOTAL_WORDS, "total")}
# Whole words only: "war-torn", "post-war" and "ceasefire" hold no cue.
CUE_WORDS = WordFinder.listing(list(CUE_KINDS), joiners="_-")
# Words that do not make the noun before them a war's toll ("the war monitor", "campaign group").
NOT_TOLL = re.compile(r"\s+(?:monitor|crime|criminal|zone|plane|game|group|correspondent|reporter)")
# Totals said in several words: "so far", "to date", "bringing the total to".
TOTAL_PHRASES = re.compile(r"\b(?:so\s+far(?!\s+this\s+year)|to\s+date|(?:bringing|raising|taking|pushing)\s+"
                           r"(?:the|its)\s+(?:overall\s+|cumulative\s+)?(?:total|tally|number))\b")
# "twin blasts", "two suicide bombers": one attack of several blasts at once
SEVERAL_AT_ONCE = re.compile(r"\b(?:twin|two|three|four|double|triple|simultaneous|coordinated)\s+(?:[\w-]+\s+)?$")
EVENT_WORDS = "|".join(SINGLE_EVENTS + MANY_EVENTS)
# "the deadliest attack of the war", "the war's deadliest attack": the war only qualifies the event.
TOLL_AFTER_EVENT = re.compile(rf"\b(?:{EVENT_WORDS})\s+(?:of|in|during|amid|since)\s+(?:[\w'’-]+\s+){{0,3}}$")
TOLL_BEFORE_EVENT = re.compile(rf"^(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}(?:{EVENT_WORDS})\b")
CLAUSE_BREAK = re.compile(r";|\s[-–—]\s|\b(?:while|whereas|but|although|meanwhile|elsewhere)\b"
                          r"|,\s+and\s+(?:a|an|the|another)\b")

# Stock: a stative verb or state governs the count.
STATE_BEFORE = re.compile(r"\b(?:hosts?|hosting|hosted|home\s+to|shelters|sheltering|accommodates|accommodating"
                          r"|there\s+(?:are|is))\s+(?:[\w,.'’-]+\s+){0,3}$")
STATE_AFTER = re.compile(
    r"^[^;:]{0,80}?\b(?:(?:are|is)\s+(?:(?:still|now|currently|internally|being)\s+)*(?:displaced|missing|detained"
    r"|held|homeless|refugees|living|sheltering|staying|housed|registered|in\s+detention|in\s+camps)"
    r"|remain(?:s|ed)?\s+(?:(?:still|internally)\s+)*(?:displaced|missing|detained|homeless|in\s+\w+|unaccounted|held"
    r"|refugees)"
    r"|(?:live|lives|living|reside|resides|residing|shelter|sheltering)\s+(?:in|at|with|under|on|inside|outside)"
    r"|registered\s+(?:as\s+)?(?:refugees|idps))\b")
FLOW_VERB = re.compile(r"\b(?:killed|died|dead|wounded|injured|fled|displaced|arrived|crossed|returned|evacuated"
                       r"|forced|driven|uprooted|arrested|abducted|kidnapped|executed|new)\b")
# "more than 900,000 people have fled": displacement to date, not one event.
DISPLACEMENT = {"displaced", "refugees", "returned"}
# People can be in these states at a date; deaths and injuries are events ("there are 20 wounded": an attack's).
STATES = DISPLACEMENT | {"missing", "detained"}


WINDOW = 200  # characters either side of a number whose words can make it a stock or a displacement to date


class Cue(NamedTuple):
    start: int
    end: int
    kind: str  # single, many, toll or total


class SentenceCues:
    """Where the clauses of a lower-cased sentence break, and its event, toll and total words; found once
    for every figure of the sentence, so a long sentence of many figures costs its length once. The words
    are looked for only when a figure needs them (a dated incident does not)."""

    def __init__(self, lower: str):
        self.lower = lower
        self._cues: list[Cue] | None = None
        # the marks are looked for first: most sentences have none, and the pattern reads every character
        broken = ";" in lower or " - " in lower or "–" in lower or "—" in lower or ", and " in lower \
            or "while" in lower or "whereas" in lower or "but " in lower or "although" in lower \
            or "meanwhile" in lower or "elsewhere" in lower
        self.breaks = [(match.start(), match.end()) for match in CLAUSE_BREAK.finditer(lower)] if broken else []
        self.break_starts = [start for start, _ in self.breaks]

    def _find_cues(self) -> list[Cue]:
        lower, cues = self.lower, []
        for start, end in CUE_WORDS.spans(lower):
            kind = CUE_KINDS[lower[start:end]]
            if kind == "toll" and (NOT_TOLL.match(lower, end, end + 20)
                                   or TOLL_AFTER_EVENT.search(lower, max(0, start - 60), start)
                                   or TOLL_BEFORE_EVENT.match(lower[end:end + 40])):
                continue  # "the war monitor"; "the deadliest attack of the war": the war only qualifies the event
            if kind == "many" and SEVERAL_AT_ONCE.search(lower, max(0, start - 30), start):
                kind = "single"
            cues.append(Cue(start, end, kind))
        if "so far" in lower or "to date" in lower or "total" in lower or "tally" in lower or "number" in lower:
            cues = sorted(cues + [Cue(*match.span(), "total") for match in TOTAL_PHRASES.finditer(lower)])
        self._cue_starts = [cue.start for cue in cues]
        return cues

    def clause_of(self, position: int) -> tuple[int, int]:
        """[start, end) of the clause holding ``position``."""
        index = bisect.bisect_right(self.break_starts, position)
        start = self.breaks[index - 1][1] if index else 0
        return start, self.breaks[index][0] if index < len(self.breaks) else len(self.lower)

    def cues_in(self, clause: tuple[int, int]) -> list[Cue]:
        if self._cues is None:
            self._cues = self._find_cues()
        starts = self._cue_starts
        return self._cues[bisect.bisect_left(starts, clause[0]):bisect.bisect_left(starts, clause[1])]


def _distance(cue: Cue, position: int) -> int:
    return max(cue.start - position, position - cue.end, 0)


def _is_stock(lower: str, position: int, number_end: int, clause: tuple[int, int]) -> bool:
    before = lower[max(clause[0], position - WINDOW):position]
    after = lower[number_end:min(clause[1], number_end + WINDOW)]
    if STATE_BEFORE.search(before):
        return True
    state = STATE_AFTER.match(after)
    return state is not None and FLOW_VERB.search(after, state.end()) is None \
        and FLOW_VERB.search(after, 0, state.start()) is None


def count_type(cues: SentenceCues, position: int, number_end: int, period: Period, metric: str,
               clause: tuple[int, int], dated: bool) -> str:
    """The count type of the figure whose number spans ``[position, number_end)`` of the sentence.

    ``period`` is the period of the figure's clause (``SentenceCues.clause_of``),
    ``dated`` whether the clause dates it to a day or a week ("on Tuesday", "last week").
    """
    lower = cues.lower
    if metric in STATES and _is_stock(lower, position, number_end, clause):
        return STOCK
    if period.kind == "since":
        return CUMULATIVE
    if dated and period.kind is None:
        return INCIDENT  # "on Tuesday": a day's or a week's count, whatever caused it
    inside = cues.cues_in(clause)
    events = [cue for cue in inside if cue.kind != "total"]
    governing = min(events, key=lambda cue: _distance(cue, position)) if events else None
    if period.kind == "began":
        return INCIDENT if dated or (governing is not None and governing.kind != "toll") else CUMULATIVE
    if period.kind == "span":
        return INCIDENT if governing is not None and governing.kind == "single" else PERIOD
    if governing is not None:
        return CUMULATIVE if governing.kind == "toll" else INCIDENT
    if any(cue.kind == "total" for cue in inside):
        return CUMULATIVE
    # people fleeing with no event behind them and no span of time are a movement to date, not an incident
    # ("hundreds of thousands were fleeing towards the border", "denied that any civilians had fled")
    return CUMULATIVE if metric in DISPLACEMENT else INCIDENT
