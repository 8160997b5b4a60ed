"""Which credit covers a figure, for the languages read by window rules (French, Arabic).

A credit names a source as the report writes it ("selon l'ONU", "بحسب
المرصد"), refers back to one named before ("a-t-il ajouté", "وأضاف البيان",
"le ministère" after "le ministère de la Santé"), or cites estimates ("selon
certaines estimations", "حسب بعض التقديرات"): such a figure is approximate and
credited to nobody. The nearest credit of a sentence covers a figure, as the
labelled articles code sentence-final credits. A back-reference takes the
last source named in the text before the sentence, as a reader takes it.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Callable, NamedTuple

from pipeline.extract.digits import Number
from pipeline.extract.reader import Mention, Sentence
from pipeline.extract.window import Attachment
from schemas.reference import load_sources

EARLIER_REACH = 1500  # characters before a sentence searched for the source a back-reference names


class Credit(NamedTuple):
    position: int
    name: str | None  # as written; None when the credit refers back or cites estimates of nobody named
    refers_back: bool = False
    estimate: bool = False  # the figure is an estimate: approximate


def nearest(credits: list[Credit], positions: list[int], position: int) -> Credit | None:
    """The credit nearest ``position`` of ``credits`` sorted by their ``positions``; the earlier of two as near."""
    index = bisect.bisect_left(positions, position)
    before = bisect.bisect_left(positions, positions[index - 1]) if index else -1  # the first of credits as near
    near = [credits[i] for i in (before, index) if 0 <= i < len(credits)]
    return min(near, key=lambda credit: (abs(credit.position - position), credit.position)) if near else None


def same_source(name: str, publisher: str | None) -> bool:
    """Whether ``name`` is the report's own publisher (a report does not credit itself)."""
    if not publisher:
        return False
    registry = load_sources()
    known, publishing = registry.lookup(name), registry.lookup(publisher)
    return (known.name if known else name).lower() == (publishing.name if publishing else publisher).lower()


@lru_cache(maxsize=4)
def _named_credits(find: Callable[..., list[Credit]], text: str, shown: str) -> tuple[list[int], list[str]]:
    """(positions, names) of every credit naming a source in a report, in text order: read once per report,
    when a sentence first refers back."""
    named = sorted((credit for credit in find(text, shown) if credit.name is not None), key=lambda c: c.position)
    return [credit.position for credit in named], [credit.name for credit in named]


class Sources:
    """The credits of one sentence, back-references resolved against the text before it.

    ``find`` reads credits from a stretch of text (folded, as written) and
    ``bare_head`` gives the head noun of a name that is nothing but one
    ("ministère", "الوزارة" -> "وزارة"), else None; ``head`` the first word of
    a full name in the same form.
    """

    def __init__(self, sentence: Sentence, find: Callable[..., list[Credit]],
                 bare_head: Callable[[str], str | None], head: Callable[[str], str]):
        self.sentence, self.find, self.bare_head, self.head = sentence, find, bare_head, head
        self.credits = sorted(find(sentence.text, sentence.shown, sentence.words), key=lambda credit: credit.position)
        self.positions = [credit.position for credit in self.credits]
        self._names_before: list[str] | None = None

    def _earlier(self) -> list[str]:
        """Names credited in the text before the sentence, in order (read once, when first needed)."""
        if self._names_before is None:
            positions, names = _named_credits(self.find, self.sentence.folded.text, self.sentence.folded.shown)
            start = self.sentence.start
            self._names_before = names[bisect.bisect_left(positions, start - EARLIER_REACH):
                                       bisect.bisect_left(positions, start)]
        return self._names_before

    def _resolved(self, credit: Credit) -> str | None:
        if credit.refers_back:
            earlier = self._earlier()
            if not earlier:
                return None
            name = earlier[-1]  # "وأكدت" after "وقالت الوزارة" after "أعلنت وزارة الصحة"
        elif credit.name is None:
            return None
        else:
            name = credit.name
        head = self.bare_head(name)
        if head is not None and self._earlier():  # "le ministère" after "le ministère de la Santé" is that ministry
            return next((full for full in reversed(self._earlier())
                         if self.bare_head(full) is None and self.head(full) == head), name)
        return name

    def source(self, position: int) -> tuple[str | None, bool]:
        """(source, whether estimated) of a figure at ``position``; the publisher is no source of its own."""
        credit = nearest(self.credits, self.positions, position)
        if credit is None:
            return None, False
        name = self._resolved(credit)
        return (None if name is None or same_source(name, self.sentence.context.publisher) else name), credit.estimate


def figure_mentions(sentence: Sentence, figures: list[tuple[Number, Attachment]], sources: Sources,
                    denied: tuple[int, int], zeros: list[tuple[int, int, str, str]]) -> list[Mention]:
    """Mentions of a sentence's figures and denied zeros, credited, positions in the folded report text."""
    denied_from, denied_to = denied
    found = []
    for number, attachment in figures:
        source, estimate = sources.source(number.start)
        qualifier = "approximately" if estimate and number.qualifier == "exact" else number.qualifier
        stance = "denied" if denied_from <= number.start < denied_to else "asserted"
        found.append(Mention(
            sentence.start + number.start, sentence.start + number.end, attachment.metric, number.value,
            number.high, qualifier, number.hedge, attachment.population or "people", stance, source,
            attachment.generic, sentence.start))
    for start, end, metric, population in zeros:
        found.append(Mention(sentence.start + start, sentence.start + end, metric, 0, None, "exact", None,
                             population, "denied", sources.source(start)[0], population == "people", sentence.start))
    return found
