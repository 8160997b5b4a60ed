"""Who a report credits for a figure: "according to X", "X said", '"...," said X'.

A sentence is read for its credits: each is a source (named through
``source_names``), the place of its cue, and the side of the cue it covers.
"Police said 12 died" credits what follows "said"; "12 died, police said"
what precedes it. A figure takes the nearest credit that covers it.

As the labelled data has it, a figure is credited only when its own sentence,
or the quote it sits in, names the source: a sentence that merely goes on
about what a source said is credited to nobody. A sentence that names the
source by a pronoun or its role ("It said", "the ministry added") is credited
to the source named before it; a surname alone ("Manirakiza said") to that
person as first named, with their title; an abbreviation ("according to
IANSA") to the name the report spells out for it.

The publisher's own reporter is no attribution (the publisher is recorded on
the report), and the outlet relaying a source is not the source ("a source
at the police command told SANA" credits the police command).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.credit_phrases import (
    DOCUMENT_ADJECTIVES, TOKEN, Words, bracketed_abbreviation, is_name_word, phrase_after, phrase_before,
)
from pipeline.extract.credit_words import (
    ARTICLES, AUXILIARIES, BODY_HEADS, CLAUSE_CLOSERS, CONNECTORS, DOCUMENT_VERBS, DOCUMENTS, INSTITUTIONS,
    INVERTING_VERBS, ISSUED,
    MONTHS_AND_DAYS, REPORTING_VERBS, ROLE_WORDS, SPEAKS_FOR, TIME_WORDS, TOLL_VERBS, TOLL_WORDS, VAGUE,
)
from pipeline.extract.sentences import BOUNDARY, sentence_spans
from pipeline.extract.source_names import Reference, name_source
from pipeline.extract.trie import WordFinder
from schemas.reference import load_sources

# One scan finds the cue words; a sentence without any is never split into words.
CUES = WordFinder.listing(sorted(REPORTING_VERBS | {"according", "According"}))
LISTENER_VERBS = {"told", "tells", "tell", "informed"}
PREPOSITIONS = {"at", "in", "for", "of", "from", "with", "within", "by"}
CITING = {"citing", "quoting"}
LOCATIVES = {"at", "on", "in", "during", "near"}
ADVERBS = AUXILIARIES - {"has", "have", "had"}  # "said the Civil Defence, also known as", not "said she had"
SELF_NAMING = {"army", "military", "government", "navy", "coalition"}  # "the army" names a source on its own
NOBODY = ""  # the name of a credit that names no one ("early reports said")
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
                "scores", "hundreds", "thousands", "millions", "tens", "a", "an", "at", "more", "over"}
CLAUSE_VERBS = {"were", "was", "had", "have", "has", "are", "is", "been", "died", "dead", "killed"}
REFER_BACK = 600  # characters before a sentence (about three sentences) where a referred-to source is looked for
REFER_FAR = 2000  # how far back "the ministry" is looked for when the sentences just before name no ministry
QUOTE_REACH = 1500  # how far a quotation's opening or closing mark is looked for
QUOTE_MARKS = '"“”'
MAX_DEPTH = 2  # how many sentences back a chain of "it said" is followed
WINDOW_BEFORE, WINDOW_AFTER = 130, 110  # characters around a cue that hold its source's name
COLON_REACH = 120  # "Russian Defense Ministry: ..." opens a sentence
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


@dataclass(frozen=True, slots=True)
class _Found:
    """A credit as read from one sentence: the name may still be a `Reference` back."""

    position: int
    name: str | Reference
    forward: bool
    written: str = ""
    since: int = 0


def _phrase_text(words: Words, span: tuple[int, int] | None) -> str:
    return "" if span is None else " ".join(words.text[span[0]:span[1] + 1])


def _issuer_after(words: Words, span: tuple[int, int]) -> tuple[int, int] | None:
    """For "a statement issued by the ministry" or "figures from OCHA": the issuer's phrase."""
    index = span[1] + 1
    if index < len(words) and words.lower[index] in ISSUED and words.lower[index] not in ("from", "by", "of"):
        index += 1
    if index < len(words) and words.lower[index] in ("from", "by", "of"):
        return phrase_after(words, index + 1)
    return None


def _read_after(words: Words, index: int) -> tuple[str | Reference | None, int, str]:
    """The source named from word ``index`` on, the index just past its phrase, and the phrase.

    A document noun hands over to its issuer ("data from the WHO",
    "information provided by a source at the police command"); a speaker
    for a body to the body ("a spokesman for the ministry").
    """
    span = phrase_after(words, index)
    written_from = span[0] if span is not None else index
    for _ in range(3):
        if span is None or not (words.lower[span[1]] in DOCUMENTS or words.lower[span[1]] in SPEAKS_FOR):
            break
        issuer = _issuer_after(words, span)
        if issuer is None and words.lower[span[1]] in SPEAKS_FOR and span[1] + 1 < len(words) \
                and words.lower[span[1] + 1] in PREPOSITIONS:
            issuer = phrase_after(words, span[1] + 2)
        if issuer is None:
            break
        span = issuer
    if span is None:
        return None, index, ""
    return name_source(_phrase_text(words, span)), span[1] + 1, _phrase_text(words, (written_from, span[1]))


def _subject_text(words: Words, last: int) -> tuple[str | None, int, str]:
    """The phrase ending at ``last``, widened or narrowed by the words left of it; where it starts; and as written.

    "a source at Aleppo Police Command" credits the command (written with
    its speaker, which a later "the source" is matched against); "officials
    at Bagram Air Base" stays whole; "opponents of X" credits nobody named.
    """
    abbreviation = bracketed_abbreviation(words, last)
    span = phrase_before(words, last - 3 if abbreviation is not None else last)
    if span is None:
        return None, last, ""
    first = span[0] + (words.lower[span[0]] in ("the", "a", "an"))
    for index in range(first + 1, span[1]):
        if words.text[index] == "the" and words.text[index - 1][:1].isupper():
            rest = _phrase_text(words, (index, last))
            if isinstance(name_source(rest), str):
                return rest, index, rest  # "east of Dabiq the Turkish army": where commas were lost
    written_from = span[0]
    left = span[0] - 1
    if left >= 1 and words.lower[left] in PREPOSITIONS:
        before = words.lower[left - 1]
        if before in SPEAKS_FOR or before in DOCUMENTS or before in ISSUED:
            speaker = phrase_before(words, left - 1 - (before in ISSUED))
            written_from = speaker[0] if speaker is not None else written_from
        elif before in BODY_HEADS:
            body = phrase_before(words, left - 1)
            if body is not None:
                span = (body[0], span[1])
                written_from = body[0]
        elif words.lower[left] == "of" and before.isalpha() and before.islower():
            return None, last, ""
    return _phrase_text(words, (span[0], last)), span[0], _phrase_text(words, (written_from, last))


def _appositive_text(words: Words, comma: int) -> str | None:
    """The credited phrase of "NAME, a role, said" or "Title, NAME, said" (``comma`` before the verb)."""
    opening = next((i for i in range(comma - 1, max(-1, comma - 14), -1) if words.text[i] == ","), None)
    if opening is None or opening + 1 >= comma:
        return None
    inside = opening + 1 + (words.lower[opening + 1] in ("the", "a", "an"))
    if words.lower[inside] in CITING:
        return _phrase_text(words, phrase_after(words, inside + 1))
    described = words.lower[opening + 1] in ("a", "an") or words.lower[comma - 1] in BODY_HEADS
    if not described and all(is_name_word(words.text[i]) or words.text[i] in CONNECTORS for i in range(inside, comma)):
        name = _phrase_text(words, (inside, comma - 1))
        title = phrase_before(words, opening - 1)
        if title is not None and all(words.text[i][:1].isupper() for i in range(title[0], title[1] + 1)) \
                and words.lower[title[1]] in ROLE_WORDS | {"secretary-general"}:
            return f"{_phrase_text(words, title)} {name}"
        return name
    return _subject_text(words, opening - 1)[0]


def _is_claim_of_deaths(words: Words, verb: int) -> bool:
    """'claimed the lives of', 'has claimed thousands', 'claimed responsibility': no credit."""
    if not words.lower[verb].startswith("claim"):
        return False
    following = tuple(words.lower[verb + 1:verb + 4])
    if not following:
        return False
    if following[0] in ("responsibility", "lives", "life", "credit") or following[:2] == ("the", "lives"):
        return True
    if following[0][:1].isdigit() or following[0] in NUMBER_WORDS:
        return not any(word in CLAUSE_VERBS for word in following[1:])
    return False


def _owns_act(words: Words, verb: int) -> bool:
    """'said it was behind the bombing that killed 12': a claim of responsibility, not of the toll."""
    following = words.lower[verb + 1:verb + 5]
    return "responsibility" in following or ("behind" in following and "it" in following)


def _closes_clause(words: Words, verb: int) -> bool:
    """Whether the credit at ``verb`` covers the words before it ("12 died, police said on Sunday")."""
    index = verb + 1
    if words.lower[verb] in LISTENER_VERBS and index < len(words):
        listener = phrase_after(words, index)  # "told AFP", "told reporters"
        index = listener[1] + 1 if listener else index
    while index < len(words) and (words.lower[index] in TIME_WORDS or words.lower[index] in MONTHS_AND_DAYS
                                  or words.lower[index] in ("on", "late", "early", "last", "this")
                                  or words.lower[index].isdigit()):
        index += 1
    if index >= len(words):
        return True
    word = words.lower[index]
    if word in ".,;)’" or word in QUOTE_MARKS:
        return True
    return word in CLAUSE_CLOSERS or (word.endswith("ing") and word != "that")


def _citing_after(words: Words, verb: int) -> str | Reference | None:
    """'Reuters reported, citing police': the original source, when the verb is followed by one."""
    index = verb + 1
    if index < len(words) and words.text[index] == ",":
        index += 1
    if index < len(words) and words.lower[index] in CITING:
        return _read_after(words, index + 1)[0]
    return None


def _verb_credit(sentence: str, words: Words, verb: int, position: int) -> _Found | None:
    if _is_claim_of_deaths(words, verb) or _owns_act(words, verb):
        return None
    low = words.lower[verb]
    if low in TOLL_VERBS and not TOLL_WORDS.intersection(words.lower[verb + 1:verb + 6]):
        return None  # "put the death toll at 20", not "put out the fire"
    if low in INVERTING_VERBS:
        name, past, written = _read_after(words, verb + 1)
        if name is not None and _ends_inverted(words, past):
            return _Found(position, name, False, written, _quoted_from(sentence, words, verb - 1))
    last = verb - 1
    while last >= 0 and (words.lower[last] in AUXILIARIES or words.lower[last].endswith("ly")
                         and words.lower[last].isalpha() and words.lower[last] not in ("only", "family")):
        last -= 1
    if last >= 3 and words.lower[last - 1] in ARTICLES and words.lower[last - 2] in LOCATIVES \
            and words.lower[last].isalpha() and words.lower[last].islower():
        last -= 3  # "an official at the scene said", "a report ... during the weekend said"
    if last < 0 or low in DOCUMENT_VERBS and words.lower[last] not in DOCUMENTS:
        return None  # "images supplied to Reuters showed": only a document shows a figure
    if words.text[last] == ",":
        text = written = _appositive_text(words, last)
        first = verb
    else:
        text, first, written = _subject_text(words, last)
        if low in ("report", "reports") and _counted(words, first):
            return None  # "10,000 media reports": the noun, not the verb
    name = name_source(text) if text else None
    if name is None:
        if _vague(words, last):
            return _Found(position, NOBODY, not _closes_clause(words, verb))
        return None
    cited = _citing_after(words, verb)
    forward = not _closes_clause(words, verb)
    return _Found(position, cited if cited is not None else name, forward, written,
                  0 if forward else _quoted_from(sentence, words, first - 1))


def _counted(words: Words, first: int) -> bool:
    """Whether the phrase starting at ``first`` is counted ("more than 10,000 media reports")."""
    before = words.lower[first - 1] if first > 0 else ""
    return before[:1].isdigit() or before in NUMBER_WORDS or before in ("than", "many", "several", "of")


def _vague(words: Words, last: int) -> bool:
    """'Early reports said', 'other sources said': a credit that names nobody, and so credits nobody."""
    head, before = words.lower[last], words.lower[last - 1] if last > 0 else ""
    if head in DOCUMENTS and (before in VAGUE or before in DOCUMENT_ADJECTIVES or before in ARTICLES
                              or not before.isalpha() or last == 0):
        return True
    return head in BODY_HEADS and before in VAGUE


def _quoted_from(sentence: str, words: Words, index: int) -> int:
    """Where a quotation opened when it closes at word ``index``, right before its credit ('"...," he said').

    A credit after a closing quote mark covers the quotation only; 0 when no
    quotation closes there.
    """
    if index < 0 or words.text[index] not in QUOTE_MARKS:
        return 0
    closing = words.start(index)
    return max(0, max(sentence.rfind(mark, 0, closing) for mark in QUOTE_MARKS))


def _ends_inverted(words: Words, index: int) -> bool:
    """Whether a name read after its verb closes the clause ('..., said the ministry in a statement')."""
    if index >= len(words):
        return True
    word = words.lower[index]
    return (not word[:1].isalnum() and word not in ("(",)) or word in CLAUSE_CLOSERS or word in TIME_WORDS \
        or word in MONTHS_AND_DAYS or word in ROLE_WORDS or word in ADVERBS or word.endswith("ing") \
        or word == "that" or is_name_word(words.text[index])


def _according_credit(sentence: str, words: Words, index: int, cue: int) -> _Found | None:
    """'according to X': covers what follows at the opening of a sentence, else what precedes."""
    if index + 1 >= len(words) or words.lower[index + 1] != "to":
        return None
    name, past, written = _read_after(words, index + 2)
    if name is None:
        return None
    # "According to X, ...", "In Aleppo, according to X, ..." cover what follows.
    forward = cue < 40 and len(TOKEN.findall(sentence, 0, cue)) <= 3
    return _Found(cue, name, forward, written)


def _colon_credit(words: Words, colon: int) -> _Found | None:
    """'Russian Defense Ministry: 100 fighters killed': a registered body or a body noun before a colon."""
    for index in range(1, min(len(words), 10)):
        if words.text[index] == ":":
            span = phrase_before(words, index - 1)
            if span is None:
                return None
            written = _phrase_text(words, span)
            name = name_source(written)
            head = words.lower[span[1]]
            if isinstance(name, str) and (load_sources().lookup(name) or head in BODY_HEADS):
                return _Found(colon, name, True, written)
            return None
    return None


@lru_cache(maxsize=4096)
def credits_in(sentence: str) -> tuple[_Found, ...]:
    """Every credit a sentence names itself, in order; references are left unresolved.

    Only the words around a cue are read ("said", "according to", a colon
    near the start), so a long sentence costs little more than a short one.
    """
    cues = CUES.spans(sentence)
    colon = sentence.find(":", 0, COLON_REACH)
    if not cues and colon < 0:
        return ()
    found: list[_Found] = []
    for cue, cue_end in cues:
        words = Words.around(sentence, cue, WINDOW_BEFORE, WINDOW_AFTER)
        index = words.cue_index
        if index >= len(words) or words.lower[index] != sentence[cue:cue_end].lower():
            continue  # the cue sits inside a longer word ("well-said")
        if words.lower[index] == "according":
            credit = _according_credit(sentence, words, index, cue)
        else:
            credit = _verb_credit(sentence, words, index, cue)
        if credit is not None:
            found.append(credit)
    if colon >= 0:
        credit = _colon_credit(Words.of(sentence, 0, colon + 1), colon)
        if credit is not None:
            found.append(credit)
    return tuple(sorted(set(found), key=lambda item: item.position))


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
                name = name_source(_phrase_text(words, span))
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
    name = name_source(f"{_phrase_text(words, span)} ( {abbreviation} )")
    return name if isinstance(name, str) else None


def _expanded(report: str, before: int, name: str) -> str:
    """A surname or an abbreviation as the report first spelled it out."""
    honorific, _, surname = name.partition(" ")
    if honorific in HONORIFICS and surname and " " not in surname:
        return _first_full_mention(report, before, surname) or name  # "Mr Tuomioja"
    if " " in name or load_sources().lookup(name):
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
    for first, last in reversed(list(sentence_spans(report[window_start:start]))):
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
        if noun in SELF_NAMING:
            return noun  # "the army said", with no army named before
    return named[0].name if named else None


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
    spans = list(sentence_spans(report[head_start:opening]))
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
        tail = _phrase_text(words, span)
        name = name_source(tail)
        return [Credit(len(line), name, False, tail)] if isinstance(name, str) else []
    words = line.split()
    registry = load_sources()
    for size in range(min(HEADLINE_SOURCE_WORDS, len(words) - 2), 0, -1):
        if words[-size - 1].lower() in ("the", "a", "an", "of", "on", "to", "in", "by", "for", "at"):
            continue
        known = registry.lookup(" ".join(words[-size:]))
        if known:
            return [Credit(len(line), known.name, False, " ".join(words[-size:]))]
    return []


@lru_cache(maxsize=16)
def _mentions(report: str, word: str) -> bool:
    return word in report


def _in_context(report: str, name: str) -> str:
    """'state media' is SANA in a report naming Syria or SANA, and stays 'state media' elsewhere."""
    generic = load_sources().generic
    if name.lower() not in generic and " and " not in name:
        return name
    parts = name.split(" and ")
    for index, part in enumerate(parts):
        for country, source in generic.get(part.lower(), ()):
            if _mentions(report, country) or _mentions(report, source.name):
                parts[index] = source.name
                break
    return " and ".join(parts)


@lru_cache(maxsize=256)
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
            credits.append(Credit(found.position, _in_context(report, name), found.forward, found.written,
                                  found.since))
    if not credits and quotes and depth < MAX_DEPTH:
        credits = _quote_credits(report, start, end, depth)
    if not credits and start == 0:
        credits = _headline_credit(report, end)
    return tuple(credits)


def find_attribution(sentence: str, position: int, publisher: str | None,
                     credited: tuple[Credit, ...] | None = None) -> str | None:
    """The source credited for the figure at ``position``, unless it is the publisher.

    The nearest credit that covers the figure's side is taken (a forward one
    before it, a closing one after it); else the nearest closing credit
    before it ("..., police said, killing one person"). A credit that only
    opens after the figure does not reach back to it.
    """
    credited = sentence_credits(sentence, 0, len(sentence)) if credited is None else credited
    covering = [c for c in credited if c.position <= position if c.forward] \
        + [c for c in credited if c.since <= position <= c.position and not c.forward] \
        or [c for c in credited if not c.forward and c.position < position]
    if not covering:
        return None
    chosen = min(covering, key=lambda credit: (abs(credit.position - position), credit.position))
    if chosen.name == NOBODY or publisher and _same_source(chosen.name, publisher):
        return None
    return chosen.name


def sentence_subject(sentence: str) -> str | None:
    """The name a sentence opens with ("Russia has ... denying that ...")."""
    words = Words.of(sentence)
    span = phrase_after(words, 0)
    name = name_source(_phrase_text(words, span)) if span else None
    return name if isinstance(name, str) else None


def _same_source(name: str, publisher: str) -> bool:
    registered = name_source(publisher)
    registered = registered if isinstance(registered, str) else publisher
    return name.lower() == registered.lower()
