"""Frames before a number that name what it counts: a field label, a running total, a list of the counted.

"Killed: at least 23", "19 new deaths, bringing the total to 830", "Among
the dead were a man, four of his sons and two farm workers": the metric is
named by the frame the number stands in, not by a verb or noun of its own.
"""
from __future__ import annotations

import re

from pipeline.extract.en.lexicon import METRIC_WORDS, MOVEMENT_NOUNS, POPULATION_WORDS

# "Killed: at least 23", "• Injured — over 60", "- People killed: 1,240", "Children among the dead: 312":
# a short label opening a line, then the count.
FIELD_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:[-•*·▪◦|][ \t]*)?(?P<label>[a-z][^\n:—–]{0,60}?)[ \t]*(?::|—|–|[ \t]-{1,2})[ \t]*"
    r"(?:[a-z]+[ \t]+){0,3}$"
)
LABEL_WORD = re.compile(r"[a-z][a-z'-]*")
# "23 new deaths, bringing the total to 1,204": a running total of the figure just before.
RUNNING_TOTAL = re.compile(
    r"(?i)\b(?:bringing|brings|bring|raising|raises|taking|takes|pushing)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:overall\s+|cumulative\s+)?(?:total|tally|number|count|figure)\s+(?P<counted>(?:[\w-]+\s+){0,6}?)"
    r"to\s+(?:\w+\s+){0,2}$"
)
# "2 million refugees, down from a peak of over 3.5 million": the same count at another time.
CHANGED_FROM = re.compile(r"(?i)\b(?:down|up)\s+from\s+(?:(?:a|the|its)\s+(?:peak|high|low|total|figure)\s+of\s+)?"
                          r"(?:[a-z]+\s+){0,2}$")
# "Among the dead were ...", "those killed in the two attacks include ...", "the dead included ...",
# "most of the dead were civilians, including ...": a list of who was counted.
AMONG_THE = re.compile(
    r"(?i)\b(?:among\s+(?:the|those)\s+(?P<metric>dead|killed|injured|wounded|missing|detained|arrested)\s+"
    r"(?:were|are|was|is|included)\b[^;:.]*"
    r"|(?:those|the)\s+(?P<those>killed|dead|wounded|injured|arrested|detained|displaced|missing)\b[^;:.]{0,80}?"
    r"\b(?:include|includes|included|were|are)\s+(?:[a-z]+\s+){0,2}"
    r"|(?:^|[.;]\s+)of\s+(?:the|those)\s+(?P<of>dead|killed|wounded|injured|displaced|detained|arrested|missing),"
    r"\s+(?:[a-z]+\s+){0,2}"
    r"|\bthe\s+(?P<including>dead|wounded|injured|displaced|detained|missing)\b[^;:.]{0,80}?\bincluding\s+"
    r"(?:[a-z]+\s+){0,2})$"
)


# "the dead", "the wounded": found by the literal "he ", which `re` scans for in C.
THE_COUNTED = re.compile(r"he (?:dead|killed|wounded|injured|missing|detained|arrested|displaced)\b")


def field_label(before_text: str) -> tuple[str | None, str | None]:
    """(metric, group) of a field label right before the number ("Killed: at least 23")."""
    if not any(mark in before_text[-40:] for mark in (":", "—", "–", "-")):
        return None, None
    match = FIELD_LABEL.search(before_text.lower())
    if match is None:
        return None, None
    words = LABEL_WORD.findall(match.group("label"))
    metric = next((METRIC_WORDS[word] for word in words if word in METRIC_WORDS), None)
    group = next((POPULATION_WORDS[word] for word in words if word in POPULATION_WORDS), None)
    return metric, group if metric else None


def running_total(before: list[str], before_text: str, previous_metric: str | None) -> str | None:
    """'bringing the total number of IDPs to nearly 1 million', '19 new deaths, bringing the total to 830':
    the metric the total names, else that of the figure just before; '2 million refugees, down from a
    peak of over 3.5 million': that of the figure just before."""
    if "from" in before[-6:] and CHANGED_FROM.search(before_text):
        return previous_metric
    if "to" not in before[-3:] or (match := RUNNING_TOTAL.search(before_text)) is None:
        return None
    named = [METRIC_WORDS[word] for word in match.group("counted").lower().split()
             if word in METRIC_WORDS and word not in MOVEMENT_NOUNS]  # "the total number of arrivals": those before
    return named[0] if named else previous_metric


def among_the(before_text: str) -> str | None:
    """'Among the dead were a man, four of his sons and two farm workers.', 'The dead included 9 children.'"""
    if "mong" not in before_text and "hose" not in before_text and "f the" not in before_text and \
            THE_COUNTED.search(before_text) is None:
        return None  # most numbers: no list of the counted before them
    match = AMONG_THE.search(before_text)
    if match is None:
        return None
    return METRIC_WORDS[(match.group("metric") or match.group("those") or match.group("of")
                         or match.group("including")).lower()]
