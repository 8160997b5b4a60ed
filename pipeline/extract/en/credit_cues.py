"""The credits one sentence names: "according to X", "X said", "said X", "X: ...".

Each credit is read from the words around its cue, with the side of the cue
it covers: "Police said 12 died" credits what follows "said", "12 died,
police said" what precedes it, and '"...," the ministry said' only the
quotation. A phrase that points back ("It said", "the ministry added") is
left as a `Reference` for `attribution` to resolve against the report.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.extract.en.credit_phrases import (
    DOCUMENT_ADJECTIVES, TOKEN, Words, bracketed_abbreviation, described_by_relative_clause, phrase_after,
    phrase_before,
)
from pipeline.extract.en.credit_words import (
    AS_SAYING, AUXILIARIES, CLAUSE_CLOSERS, CLAUSE_PARTICIPLES, DOCUMENT_VERBS, INVERTING_VERBS, ISSUED,
    PROGRESSIVE_AUXILIARIES, QUOTING_VERBS, REPORTING_VERBS, TIME_WORDS, TOLL_VERBS, TOLL_WORDS, VAGUE,
)
from pipeline.extract.en.lexicon import PREPOSITIONS as ALL_PREPOSITIONS, QUALIFIER_PHRASES
from pipeline.extract.name_words import (
    ARTICLES, BODY_HEADS, CONNECTORS, DOCUMENTS, MONTHS_AND_DAYS, ROLE_WORDS, SPEAKS_FOR, is_name_word,
)
from pipeline.extract.originators import identify
from pipeline.extract.source_names import Reference, name_source, names_place
from pipeline.extract.trie import WordFinder
from schemas.reference import load_sources

# One scan finds the cue words; a sentence without any is never split into words.
CUES = WordFinder.listing(sorted(REPORTING_VERBS | {"according", "According"}))
LISTENER_VERBS = {"told", "tells", "tell", "informed"}
PREPOSITIONS = {"at", "in", "for", "of", "from", "with", "within", "by"}
CITING = {"citing", "quoting"}
LOCATIVES = {"at", "on", "in", "during", "near"}
QUALIFIER_WORDS_OF = [phrase.split() for phrase, _ in QUALIFIER_PHRASES]
ADVERBS = AUXILIARIES - {"has", "have", "had"}  # "said the Civil Defence, also known as", not "said she had"
NOBODY = ""  # the name of a credit that names no one ("early reports said")
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
                "scores", "hundreds", "thousands", "millions", "tens", "a", "an", "at", "more", "over"}
CLAUSE_VERBS = {"were", "was", "had", "have", "has", "are", "is", "been", "died", "dead", "killed"}
QUOTE_MARKS = '"“”'
WINDOW_BEFORE, WINDOW_AFTER = 130, 110  # characters around a cue that hold its source's name
COLON_REACH = 120  # "Russian Defense Ministry: ..." opens a sentence


@dataclass(frozen=True, slots=True)
class Found:
    """A credit as read from one sentence: the name may still be a `Reference` back."""

    position: int
    name: str | Reference
    forward: bool
    written: str = ""
    since: int = 0
    body: str | None = None  # the body a credited person speaks for, as written


def phrase_text(words: Words, span: tuple[int, int] | None) -> str:
    """The words of ``span``, joined by single spaces."""
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
    return name_source(phrase_text(words, span)), span[1] + 1, phrase_text(words, (written_from, span[1]))


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
            rest = phrase_text(words, (index, last))
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
    phrase = phrase_text(words, (span[0], last))
    if left >= 0 and (words.lower[left] in PREPOSITIONS or words.lower[left] in ALL_PREPOSITIONS) \
            and names_place(phrase):
        return None, last, ""  # "contacts inside Syria said", "sources in Syria said": where, not who
    return phrase, span[0], phrase_text(words, (written_from, last))


def _appositive_text(words: Words, comma: int) -> tuple[str | None, str | None]:
    """The credited phrase of "NAME, a role, said" or "Title, NAME, said" (``comma`` before the verb),
    and the body the role speaks for ("Jens Laerke, a spokesman for OCHA, said": OCHA)."""
    opening = next((i for i in range(comma - 1, max(-1, comma - 14), -1) if words.text[i] == ","), None)
    if opening is None or opening + 1 >= comma:
        return None, None
    inside = opening + 1 + (words.lower[opening + 1] in ("the", "a", "an"))
    if words.lower[inside] in CITING:
        return phrase_text(words, phrase_after(words, inside + 1)), None
    described = words.lower[opening + 1] in ("a", "an") or words.lower[comma - 1] in BODY_HEADS
    if not described and all(is_name_word(words.text[i]) or words.text[i] in CONNECTORS for i in range(inside, comma)):
        name = phrase_text(words, (inside, comma - 1))
        title = phrase_before(words, opening - 1)
        if title is not None and all(words.text[i][:1].isupper() for i in range(title[0], title[1] + 1)) \
                and words.lower[title[1]] in ROLE_WORDS | {"secretary-general"}:
            return f"{phrase_text(words, title)} {name}", None
        return name, None
    return _subject_text(words, opening - 1)[0], _spoken_for(words, inside, comma)


def _spoken_for(words: Words, first: int, end: int) -> str | None:
    """The body a role in an appositive speaks for: "a spokesman for the ministry", "a doctor at the
    city morgue", "the Afghan government minister" (its own title)."""
    for index in range(first, end - 1):
        if words.lower[index] in ROLE_WORDS and words.lower[index + 1] in PREPOSITIONS:
            span = phrase_after(words, index + 2)
            if span is not None and span[1] < end:
                return phrase_text(words, span)
    title = phrase_text(words, (first, end - 1))
    if words.lower[end - 1] in ROLE_WORDS and identify(title).known:
        return title  # "Raouf Ahmedi, the Afghan army spokesman"
    return None


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


def _qualified_count_at(words: Words, index: int) -> bool:
    """Whether a qualified count opens at word ``index``: "at least 100", "more than 2,000"."""
    for phrase in QUALIFIER_WORDS_OF:
        end = index + len(phrase)
        if words.lower[index:end] == phrase and end < len(words) and \
                (words.lower[end][:1].isdigit() or words.lower[end] in NUMBER_WORDS):
            return True
    return False


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
    if words.lower[index:index + 3] in (["at", "the", "time"], ["at", "that", "time"]):
        index += 3  # "officials reporting at the time 150 dead"
    if index >= len(words):
        return True
    word = words.lower[index]
    if word in ".,;)’" or word in QUOTE_MARKS:
        return True
    if _qualified_count_at(words, index):
        return False  # "residents said at least 100 had died": the count follows
    return word in CLAUSE_CLOSERS or (word.endswith("ing") and word != "that")


def _as_saying(words: Words, index: int) -> bool:
    """Whether words ``index`` on read "as saying" (or "as telling", "as stating")."""
    return index + 1 < len(words) and words.lower[index] == "as" and words.lower[index + 1] in AS_SAYING


def _passive_subject(words: Words, verb: int) -> tuple[str | None, str]:
    """The subject of a passive verb group ending at ``verb`` ("The African Union is reported")."""
    last = verb - 1
    while last >= 0 and (words.lower[last] in PROGRESSIVE_AUXILIARIES or words.lower[last] in AUXILIARIES):
        last -= 1
    text, _, written = _subject_text(words, last) if last >= 0 else (None, 0, "")
    return text, written


def _quoted_source(words: Words, verb: int, position: int) -> Found | None:
    """'SANA quoted local sources as saying', 'X was quoted as saying': the source quoted.

    A quoting verb credits only a source quoted "as saying"; "cited security
    concerns" credits nobody.
    """
    if _as_saying(words, verb + 1):  # "X was quoted as saying"
        text, written = _passive_subject(words, verb)
    else:
        name, past, written = _read_after(words, verb + 1)
        if name is None or not _as_saying(words, past):
            return None
        return Found(position, name, True, written)
    name = name_source(text) if text else None
    return Found(position, name, True, written) if name is not None else None


def _passive_report(words: Words, verb: int, position: int) -> Found | None:
    """'Twelve people are reported to have been injured', '70 dead are reported.', 'X is reported as
    saying'.

    A passive report whose subject is a source ("as saying") credits that
    source. One that reports its subject with an infinitive or ends its clause
    goes on in the voice of the source named in the sentences before it (a
    `Reference`, as "it said" is), covering its subject. A passive that only
    describes ("15 are reported injured", "it is said that ...") names no one.
    """
    if _as_saying(words, verb + 1):
        text, written = _passive_subject(words, verb)
        name = name_source(text) if text else None
        return Found(position, name, True, written) if isinstance(name, str) else None
    following = words.lower[verb + 1] if verb + 1 < len(words) else "."
    if following == "to" or following in ".;":
        return Found(position, Reference(None), False)
    return None


def _citing_after(words: Words, verb: int) -> str | Reference | None:
    """'Reuters reported, citing police': the original source, when the verb is followed by one."""
    index = verb + 1
    if index < len(words) and words.text[index] == ",":
        index += 1
    if index < len(words) and words.lower[index] in CITING:
        return _read_after(words, index + 1)[0]
    return None


def _verb_credit(sentence: str, words: Words, verb: int, position: int) -> Found | None:
    """The credit of the reporting verb at word ``verb``: the name after it ("said the ministry"), else before it.

    Before it, auxiliaries and adverbs ("has also said"), a place ("an
    official at the scene") and an appositive ("X, a spokesman, said") may
    stand between the name and the verb.
    """
    if _is_claim_of_deaths(words, verb) or _owns_act(words, verb):
        return None
    low = words.lower[verb]
    if low in TOLL_VERBS and not TOLL_WORDS.intersection(words.lower[verb + 1:verb + 6]):
        return None  # "put the death toll at 20", not "put out the fire"
    if low in QUOTING_VERBS:
        return _quoted_source(words, verb, position)
    if verb > 0 and words.lower[verb - 1] in PROGRESSIVE_AUXILIARIES and low in ("reported", "said"):
        return _passive_report(words, verb, position)
    if low in INVERTING_VERBS:
        name, past, written = _read_after(words, verb + 1)
        if name is not None and _ends_inverted(words, past):
            return Found(position, name, False, written, _quoted_from(sentence, words, verb - 1))
    last = verb - 1
    progressive = low.endswith("ing")
    while last >= 0 and (words.lower[last] in AUXILIARIES
                         or progressive and words.lower[last] in PROGRESSIVE_AUXILIARIES
                         or words.lower[last].endswith("ly") and words.lower[last].isalpha()
                         and words.lower[last] not in ("only", "family")):
        last -= 1
    if last >= 3 and words.lower[last - 1] in ARTICLES and words.lower[last - 2] in LOCATIVES \
            and words.lower[last].isalpha() and words.lower[last].islower():
        last -= 3  # "an official at the scene said", "a report ... during the weekend said"
    if last < 0 or low in DOCUMENT_VERBS and words.lower[last] not in DOCUMENTS:
        return None  # "images supplied to Reuters showed": only a document shows a figure
    body = None
    if words.text[last] == ",":
        text, body = _appositive_text(words, last)
        written, first = text, verb
    else:
        text, first, written = _subject_text(words, last)
        # "a group that campaigns against the government reported": a phrase after a preposition is
        # no subject; inside a relative clause, the noun the clause describes is
        described = described_by_relative_clause(words, first) \
            if text and written == text and first > 0 and words.lower[first - 1] in ALL_PREPOSITIONS else None
        if described is not None:
            text, first, written = _subject_text(words, described)
        if low in ("report", "reports") and _counted(words, first):
            return None  # "10,000 media reports": the noun, not the verb
        named = _named_before_description(words, first, text) if text else None
        if named is not None:
            text = written = named
    name = name_source(text) if text else None
    cited = _citing_after(words, verb)  # "the broadcaster reported, citing X": X, whoever cites it
    if name is None and cited is None:
        if _vague(words, last):
            return Found(position, NOBODY, not _closes_clause(words, verb))
        return None
    forward = not _closes_clause(words, verb)
    return Found(position, cited if cited is not None else name, forward, written,
                 0 if forward else _quoted_from(sentence, words, first - 1), None if cited is not None else body)


def _named_before_description(words: Words, first: int, description: str) -> str | None:
    """'The Syrian Center for Policy Research however a Beirut-based NGO has put the toll': a name
    described by "a ..." (``description``, from word ``first``) whose commas were lost is the
    subject, not its description."""
    if first < 2 or words.lower[first] not in ("a", "an"):
        return None
    last = first - 1 - (words.lower[first - 1] in ("however", "meanwhile", "also"))
    span = phrase_before(words, last)
    if span is None or span[0] > 0 and words.lower[span[0] - 1] in ALL_PREPOSITIONS | {"of"}:
        return None  # "in Nusaybin a witness said", "the month of Ramadan a monitoring group said"
    names = [i for i in range(span[0], span[1] + 1) if words.lower[i] not in ARTICLES]
    if len(names) < 2 or not all(is_name_word(words.text[i]) or words.text[i] in CONNECTORS for i in names):
        return None
    described = name_source(description)
    if isinstance(described, str) and load_sources().knows(described):
        return None  # "... a monitoring group said": the description names a source of its own
    name = phrase_text(words, span)
    return name if isinstance(name_source(name), str) and not names_place(name) else None


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


def _according_credit(sentence: str, words: Words, index: int, cue: int) -> Found | None:
    """'according to X': covers what follows at the opening of a sentence, else what precedes."""
    if index + 1 >= len(words) or words.lower[index + 1] != "to":
        return None
    name, past, written = _read_after(words, index + 2)
    if name is None:
        return None
    # "According to X, ...", "In Aleppo, according to X, ..." cover what follows.
    forward = cue < 40 and len(TOKEN.findall(sentence, 0, cue)) <= 3
    return Found(cue, name, forward, written)


def _colon_credit(words: Words, colon: int) -> Found | None:
    """'Russian Defense Ministry: 100 fighters killed': a registered body or a body noun before a colon."""
    for index in range(1, min(len(words), 10)):
        if words.text[index] == ":":
            span = phrase_before(words, index - 1)
            if span is None:
                return None
            written = phrase_text(words, span)
            name = name_source(written)
            head = words.lower[span[1]]
            if isinstance(name, str) and (load_sources().knows(name) or head in BODY_HEADS):
                return Found(colon, name, True, written)
            return None
    return None


# Cached for the neighbours of a sentence, which look up its credits when they
# resolve "it" or "the ministry"; a cache reaching across reports would serve
# only corpora that repeat whole articles.
@lru_cache(maxsize=64)
def credits_in(sentence: str) -> tuple[Found, ...]:
    """Every credit a sentence names itself, in order; references are left unresolved.

    Only the words around a cue are read ("said", "according to", a colon
    near the start), so a long sentence costs little more than a short one.
    """
    cues = CUES.spans(sentence)
    colon = sentence.find(":", 0, COLON_REACH)
    if not cues and colon < 0:
        return ()
    found: list[Found] = []
    for cue, cue_end in cues:
        words = Words.around(sentence, cue, WINDOW_BEFORE, WINDOW_AFTER)
        index = words.cue_index
        if index >= len(words) or words.lower[index] != sentence[cue:cue_end].lower():
            continue  # the cue sits inside a longer word ("well-said")
        if words.lower[index] == "according":
            credit = _according_credit(sentence, words, index, cue)
        elif words.lower[index] in CLAUSE_PARTICIPLES and _after_prepositional_object(words, index):
            # "X updated its toll for the strike on Urum al-Joz saying ...": X goes on speaking
            credit = replace(found[-1], position=cue, forward=True, since=0) if found else None
        else:
            credit = _verb_credit(sentence, words, index, cue)
        if credit is not None:
            found.append(credit)
    if colon >= 0:
        credit = _colon_credit(Words.of(sentence, 0, colon + 1), colon)
        if credit is not None:
            found.append(credit)
    return _with_opening_citation(sentence, tuple(sorted(set(found), key=lambda item: item.position)))


def _after_prepositional_object(words: Words, verb: int) -> bool:
    """Whether the phrase right before a participle is the object of a preposition ("on Urum al-Joz
    saying"), so not its subject; "with officials reporting" gives the participle a subject of its own."""
    span = phrase_before(words, verb - 1)
    return span is not None and span[0] > 0 and words.lower[span[0] - 1] in ALL_PREPOSITIONS - {"with"}


def _with_opening_citation(sentence: str, found: tuple[Found, ...]) -> tuple[Found, ...]:
    """'Citing the UN humanitarian office, the agency said ...': the source cited speaks in the clause
    it opens, in place of whoever cites it."""
    opening = sentence.lstrip()
    if not opening[:8].lower().startswith(("citing ", "quoting ")):
        return found
    comma = sentence.find(",")
    if comma < 0:
        return found
    start = len(sentence) - len(opening)
    words = Words.of(sentence, start, comma)
    name, _, written = _read_after(words, 1)
    if name is None:
        return found
    cited = next((credit for credit in found if credit.position > comma), None)
    if cited is None:
        return (Found(start, name, True, written), *found)
    return tuple(replace(credit, name=name, written=written, body=None) if credit is cited else credit
                 for credit in found)
