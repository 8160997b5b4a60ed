"""Who a report credits for a figure: "according to X", "X said", '"...," said X'.

A sentence is read for its credits: each is a source (named through
``source_names``), the place of its cue, and the side of the cue it covers.
"Police said 12 died" credits what follows "said"; "12 died, police said"
what precedes it. A figure takes the nearest credit that covers it.

As the labelled data has it, a figure is credited only when its own sentence,
or the quote it sits in, names the source: a sentence that merely goes on
about what a source said is credited to nobody. A sentence that names the
source by a pronoun or its role ("It said", "the ministry added") or reports
in the passive ("Nine people are reported to have drowned") is credited to
the source named before it; a surname alone ("Manirakiza said") to that
person as first named, with their title; an abbreviation ("according to
IANSA") to the name the report spells out for it.

A credit's name is kept as the report writes it; who it is (its originator)
is ``originators.identify``'s to say. The publisher's own reporter is no
attribution (the publisher is recorded on the report), and the outlet
relaying a source is not the source ("a source at the police command told
SANA" credits the police command; "Citing X, the agency said" credits X).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.en.credit_cues import NOBODY, QUOTE_MARKS, credits_in, phrase_text
from pipeline.extract.en.credit_phrases import Words, phrase_after, phrase_before
from pipeline.extract.en.credit_words import INSTITUTIONS
from pipeline.extract.en.sentences import BOUNDARY
from pipeline.extract.name_words import CONNECTORS, DOCUMENTS, is_name_word
from pipeline.extract.originators import identify
from pipeline.extract.sentences import sentence_spans
from pipeline.extract.source_names import Reference, name_source, names_place
from schemas.reference import load_sources, name_key

SELF_NAMING = {"army", "military", "government", "navy", "coalition"}  # "the army" names a source on its own
# Kinds of body that, with none named before, are kept as written ("the ministry said"): who they are
# may be clear from the report's place. "The agency" or "the group" alone says too little to keep.
NAMED_AS_WRITTEN = {"ministry", "council", "committee", "command", "department", "directorate", "mission"}
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."}
REFER_BACK = 600  # characters before a sentence (about three sentences) where a referred-to source is looked for
REFER_FAR = 2000  # how far back "the ministry" is looked for when the sentences just before name no ministry
QUOTE_REACH = 1500  # how far a quotation's opening or closing mark is looked for
MAX_DEPTH = 2  # how many sentences back a chain of "it said" is followed
HEADLINE_SOURCE_WORDS = 6  # the most words of a source closing a headline


@dataclass(frozen=True, slots=True)
class Credit:
    """A source credited at ``position`` in a sentence, for what follows the cue (forward) or precedes it.

    ``written`` is the phrase as the report wrote it, which a later "the
    reporter" or "the ministry" is matched against.
    """

    position: int
    name: str
    forward: bool
    written: str = ""
    since: int = 0  # a closing credit right after a quotation covers the quotation only
    body: str | None = None  # the body a credited person speaks for ("a spokesman for OCHA"), as written


def _first_full_mention(report: str, before: int, surname: str) -> str | None:
    """The name a person was first given in the report ("army spokesman Adolphe Manirakiza" for "Manirakiza")."""
    at = report.find(surname, 0, before)
    for _ in range(8):
        if at < 0:
            return None
        after = at + len(surname)
        if (after >= len(report) or not report[after].isalnum()) and at > 0 and report[at - 1] == " ":
            window = report[max(0, at - 80):after]
            words = Words.of(window)
            span = phrase_before(words, len(words) - 1)
            # a given name (or initial) stands right before the surname: "Cambodia and Thailand" is no person
            if span is not None and span[1] > span[0] and is_name_word(words.text[-2]) \
                    and words.text[-2] not in CONNECTORS:
                name = name_source(phrase_text(words, span))
                if isinstance(name, str) and name != surname and name.endswith(surname):
                    return name
        at = report.find(surname, after, before)
    return None


def _spelled_out(report: str, abbreviation: str) -> str | None:
    """The name a report spells out for an abbreviation: "... Society (BAFS)" for "BAFS"."""
    at = report.find(f"({abbreviation})")
    if at <= 0:
        return None
    window = report[max(0, at - 120):at].rstrip().rstrip('"”').rstrip()
    words = Words.of(window)
    span = phrase_before(words, len(words) - 1)
    if span is None or span[1] == span[0]:
        return None
    name = name_source(f"{phrase_text(words, span)} ( {abbreviation} )")
    return name if isinstance(name, str) else None


def _expanded(report: str, before: int, name: str) -> str:
    """A surname or an abbreviation as the report first spelled it out."""
    honorific, _, surname = name.partition(" ")
    if honorific in HONORIFICS and surname and " " not in surname:
        return _first_full_mention(report, before, surname) or name  # "Mr Tuomioja"
    if " " in name or load_sources().knows(name) or names_place(name):
        return name
    if name.isupper() and 2 <= len(name) <= 10:
        return _spelled_out(report, name) or name
    if name[:1].isupper():
        return _first_full_mention(report, before, name) or name
    return name


def _earlier_credits(report: str, start: int, reach: int, depth: int) -> list[Credit]:
    """The credits of the sentences in the ``reach`` characters before ``start``, latest first."""
    window_start = max(0, start - reach)
    found: list[Credit] = []
    for first, last in reversed(list(sentence_spans(report[window_start:start], BOUNDARY))):
        credits = sentence_credits(report, window_start + first, window_start + last, depth + 1)
        found.extend(credit for credit in reversed(credits) if credit.name != NOBODY)
    return found


def _referred(report: str, start: int, noun: str | None, depth: int) -> str | None:
    """The source a reference at ``start`` points back to.

    "It said" takes the last source named; "the ministry said" the last one
    whose name, as written or registered, holds "ministry", looked for
    further back than a pronoun's, and else the last one named; "the report
    claims" likewise the last source whose report was named. A speaker ("the
    source added") is the last one named.
    """
    if depth >= MAX_DEPTH:
        return None
    named = _earlier_credits(report, start, REFER_BACK, depth)
    if noun in INSTITUTIONS or noun in DOCUMENTS:
        for reach in (None, REFER_FAR):
            credits = named if reach is None else _earlier_credits(report, start, reach, depth)
            for credit in credits:
                if noun in credit.written.lower() or noun in credit.name.lower():
                    return credit.name
        if (introduced := _introduced_as(report, start, noun)) is not None:
            return introduced
        if noun in SELF_NAMING or noun in NAMED_AS_WRITTEN and not named:
            return noun  # "the army said", "the ministry said", with none named before: as written
    return named[0].name if named else None


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|de|al))*"


def _introduced_as(report: str, start: int, noun: str) -> str | None:
    """The name a body was introduced by, in apposition, before ``start``.

    "The opposition party, the Coalition for Unity and Democracy, called the
    protest ... The party said": "the party" is the Coalition.
    """
    before = report[max(0, start - REFER_FAR):start]
    found = None
    for match in re.finditer(rf"\b{noun}\s*,\s*(?:the\s+)?(?P<name>{_NAME})", before):
        found = match.group("name")
    if found is None:
        return None
    name = name_source(found)
    return name if isinstance(name, str) else None


def _quote_credits(report: str, start: int, end: int, depth: int) -> list[Credit]:
    """Credits of the quotation a sentence sits in, named where the quote closes or opens."""
    sentence = report[start:end]
    stripped = sentence.lstrip()
    if stripped[:1] in QUOTE_MARKS:
        opening = start + len(sentence) - len(stripped)
    else:
        opening = _open_quote_before(report, start)
        if opening is None:
            return []
    closing = _next_quote_mark(report, opening + 1)
    if closing is None or closing < end - 1:
        return []
    boundary = BOUNDARY.search(report, closing + 1)
    tail_end = boundary.start() + 1 if boundary else len(report)
    credits = sentence_credits(report, closing, tail_end, depth + 1, quotes=False)
    if credits:
        return [Credit(0, credits[0].name, True, credits[0].written)]
    head_start = max(0, opening - 400)
    spans = list(sentence_spans(report[head_start:opening], BOUNDARY))
    if spans:
        first, last = spans[-1]
        credits = sentence_credits(report, head_start + first, head_start + last, depth + 1, quotes=False)
        if credits:
            return [Credit(0, credits[-1].name, True, credits[-1].written)]
    return []


def _next_quote_mark(report: str, start: int) -> int | None:
    stop = min(len(report), start + QUOTE_REACH)
    found = [at for mark in QUOTE_MARKS if (at := report.find(mark, start, stop)) >= 0]
    return min(found) if found else None


def _open_quote_before(report: str, start: int) -> int | None:
    """Where an open quotation around ``start`` opens, when the paragraph's marks show one is open."""
    paragraph = report.rfind("\n", 0, start) + 1
    if start - paragraph > QUOTE_REACH:
        return None
    before = report[paragraph:start]
    if "“" in before or "”" in before:
        opened, closed = before.rfind("“"), before.rfind("”")
        return paragraph + opened if opened > closed else None
    if before.count('"') % 2 == 1:
        return paragraph + before.rfind('"')
    return None


def _headline_credit(report: str, end: int) -> list[Credit]:
    """'School bombing kills 30 in Syria - monitor': a headline ending in a source.

    The source stands after a dash or colon, or is a registered name closing
    the line ("... in Syria monitor", where punctuation was lost).
    """
    line = report[:end].rstrip()
    if "\n" in line or line.endswith((".", "?", "!")):
        return []
    marker = max(line.rfind(mark) for mark in (": ", " - ", " – ", " — "))
    if marker > 0:
        words = Words.of(line, marker + 2)
        span = phrase_after(words, 0) if 0 < len(words) <= HEADLINE_SOURCE_WORDS else None
        if span is None or span != (0, len(words) - 1):
            return []  # the words after the dash are not one name: "Turkey - Two more killed"
        tail = phrase_text(words, span)
        name = name_source(tail)
        return [Credit(len(line), name, False, tail)] if isinstance(name, str) else []
    words = line.split()
    registry = load_sources()
    for size in range(min(HEADLINE_SOURCE_WORDS, len(words) - 2), 0, -1):
        if words[-size - 1].lower() in ("the", "a", "an", "of", "on", "to", "in", "by", "for", "at"):
            continue
        if registry.knows(" ".join(words[-size:])):
            return [Credit(len(line), " ".join(words[-size:]), False, " ".join(words[-size:]))]
    return []


@lru_cache(maxsize=64)
def sentence_credits(report: str, start: int, end: int, depth: int = 0, quotes: bool = True) -> tuple[Credit, ...]:
    """The credits of the sentence ``report[start:end]``, references resolved, in order.

    A sentence that names no source of its own takes the speaker of the
    quotation it sits in; the first line of a report, a source it ends with.
    Kept for the sentences after it, whose "it said" looks back here.
    """
    credits: list[Credit] | tuple[Credit, ...] = []
    for found in credits_in(report[start:end]):
        if isinstance(found.name, Reference):
            name = _referred(report, start, found.name.noun, depth)
        else:
            name = _expanded(report, start, found.name)
        if name == NOBODY and not isinstance(found.name, Reference):
            credits.append(Credit(found.position, NOBODY, found.forward))
        elif name:
            credits.append(Credit(found.position, name, found.forward, found.written, found.since, found.body))
    if not credits and quotes and depth < MAX_DEPTH:
        credits = _quote_credits(report, start, end, depth)
    if not credits and start == 0:
        credits = _headline_credit(report, end)
    return tuple(credits)


FEW_CREDITS = 16  # a sentence with more credits is looked up through an index, not scanned per figure


class CreditIndex:
    """A long sentence's credits arranged so that each figure's credit is found in
    logarithmic time: scanning every credit for every figure made a run-on
    "sentence" of 8,000 credited figures take minutes. Picks exactly what the
    scan in ``find_credit`` picks, ties included."""

    def __init__(self, credited: tuple[Credit, ...]):
        ordered = [credit for _, credit in sorted(enumerate(credited), key=lambda item: (item[1].position, item[0]))]
        self.forward = [credit for credit in ordered if credit.forward]
        self.forward_at = [credit.position for credit in self.forward]
        self.closing = [credit for credit in ordered if not credit.forward]
        self.closing_at = [credit.position for credit in self.closing]
        # least[level][i]: the least `since` of closing[i:i + 2**level], to skip runs that do not reach back
        self.least = [[credit.since for credit in self.closing]]
        while 2 ** len(self.least) <= len(self.closing):
            row, width = self.least[-1], 2 ** (len(self.least) - 1)
            self.least.append([min(row[i], row[i + width]) for i in range(len(row) - width)])

    def _first_at(self, positions: list[int], credits: list[Credit], index: int) -> Credit:
        return credits[bisect.bisect_left(positions, positions[index])]  # the first of those at that place

    def _closing_reaching(self, position: int) -> Credit | None:
        """The first closing credit at or after ``position`` whose reach starts at or before it."""
        at = bisect.bisect_left(self.closing_at, position)
        for level in reversed(range(len(self.least))):
            row = self.least[level]
            if at < len(row) and row[at] > position:
                at += 2 ** level
        return self.closing[at] if at < len(self.closing) and self.closing[at].since <= position else None

    def nearest(self, position: int) -> Credit | None:
        before = bisect.bisect_right(self.forward_at, position) - 1
        forward = self._first_at(self.forward_at, self.forward, before) if before >= 0 else None
        closing = self._closing_reaching(position)
        if forward is None or closing is None:
            chosen = forward or closing
        else:  # nearer wins, then the earlier place; a forward credit at the figure's own place first
            chosen = closing if closing.position - position < position - forward.position else forward
        if chosen is None:
            earlier = bisect.bisect_left(self.closing_at, position) - 1
            chosen = self._first_at(self.closing_at, self.closing, earlier) if earlier >= 0 else None
        return chosen


_last_index: list = [None, None]  # (credits, index) of the sentence read last: its figures come one after another


def _credit_index(credited: tuple[Credit, ...]) -> CreditIndex:
    if _last_index[0] is not credited:
        _last_index[:] = [credited, CreditIndex(credited)]
    return _last_index[1]


def find_credit(sentence: str, position: int, publisher: str | None,
                credited: tuple[Credit, ...] | None = None) -> Credit | None:
    """The credit covering the figure at ``position``, unless it credits nobody or the publisher.

    The nearest credit that covers the figure's side is taken (a forward one
    before it, a closing one after it); else the nearest closing credit
    before it ("..., police said, killing one person"). A credit that only
    opens after the figure does not reach back to it.
    """
    credited = sentence_credits(sentence, 0, len(sentence)) if credited is None else credited
    if len(credited) > FEW_CREDITS:
        chosen = _credit_index(credited).nearest(position)
    else:
        covering = [c for c in credited if c.position <= position if c.forward] \
            + [c for c in credited if c.since <= position <= c.position and not c.forward] \
            or [c for c in credited if not c.forward and c.position < position]
        chosen = min(covering, key=lambda credit: (abs(credit.position - position), credit.position), default=None)
    if chosen is None:
        return None
    if chosen.name == NOBODY or publisher and _same_source(chosen.name, publisher):
        return None
    return chosen


def sentence_subject(sentence: str) -> str | None:
    """The name a sentence opens with ("Russia has ... denying that ...")."""
    words = Words.of(sentence)
    span = phrase_after(words, 0)
    name = name_source(phrase_text(words, span)) if span else None
    return name if isinstance(name, str) else None


@lru_cache(maxsize=1024)
def _same_source(name: str, publisher: str) -> bool:
    """Whether a credit names the publisher ("a SANA reporter said" in a SANA report). A publisher the
    registry does not grade is named only by its own name; a graded one also by its other names."""
    published_by = identify(publisher)
    if not published_by.registered:
        return name_key(name) == name_key(publisher)
    return identify(name).name == published_by.name
