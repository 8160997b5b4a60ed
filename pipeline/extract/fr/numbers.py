"""Numbers as French reports write them: "1 800", "1,5 million", "dix-neuf", "une vingtaine", "des centaines".

Digits use the shared reading (digits.py) with French separators: spaces
or dots between thousands, a comma before decimals. Number words are read
by text2num. "un"/"une" before a noun is the article, never the number one.
Approximate nouns ("une vingtaine") are about that many; plural vague words
("des dizaines", "des centaines de milliers") are coded as ACLED codes them.
Dates, years, ages, times, percentages and money are never counts.
"""
from __future__ import annotations

import re

from text_to_num import text2num

from pipeline.extract.digits import Number, digit_value, is_year
from pipeline.extract.fr.lexicon import MONTHS, QUALIFIERS
from pipeline.extract.fr.words import elided

UNITS = """zéro deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
    dix-sept dix-huit dix-neuf vingt trente quarante cinquante soixante soixante-dix quatre-vingt
    quatre-vingts quatre-vingt-dix cent cents mille million millions milliard milliards""".split()
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
# A run of number words: "deux cent mille", "vingt et un", "quatre-vingt-dix-neuf".
_WORDS = rf"(?:{_UNIT})(?:[- ](?:et[- ])?(?:{_UNIT}|un|une)){{0,7}}"  # no count takes more than eight words
APPROXIMATE = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
               "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
VAGUE = {"dizaines": 10, "douzaines": 12, "vingtaines": 20, "centaines": 100, "milliers": 1000,
         "millions": 1_000_000, "dizaines de milliers": 10_000, "centaines de milliers": 100_000,
         "dizaines de millions": 10_000_000, "centaines de millions": 100_000_000}
SCALES = {"mille": 1000, "million": 1_000_000, "millions": 1_000_000, "milliard": 10**9, "milliards": 10**9}
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])(?:,\d+)?|\d+(?:,\d+)?"

NUMBER = re.compile(
    rf"""(?x)(?<![\w.,/:€$£-])
    (?:
        (?:des|les|de|plusieurs|quelques)\s+(?P<vague>(?:dizaines|centaines)\s+de\s+(?:milliers|millions)
            |dizaines|douzaines|vingtaines|centaines|milliers|millions)
      | (?:une?|d'une?|d’une?)\s+(?P<approx>{"|".join(APPROXIMATE)})
      | (?P<digits>{DIGITS})(?:\s+(?P<scale>millions?|milliards?|mille))?
      | (?P<words>{_WORDS})
    )(?![\w])""")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
NOT_A_COUNT_AFTER = re.compile(
    rf"\s*(?:e?r?\s*(?:{_MONTH})\b|%|pour\s*cent|pourcent|h\b|h\d|heures?\b|ans?\b|années?\b|ème|e\b|er\b"
    r"|€|\$|euros?\b|dollars?\b|francs?\b|km\b|kilom|mètres?\b|tonnes?\b|:\d)")
NOT_A_COUNT_BEFORE = re.compile(r"(?:n°|no\.|numéro|article|résolution|€|\$|£|vol|route|âgée?s?\s+de|âge\s+de)\s*$")
RANGE_GAP = re.compile(r"\s*(?:à|-|–|ou|et)\s*")
RANGE_OPENER = re.compile(r"entre\s+$")


def _hedge(before: str) -> str | None:
    """The hedging phrase right before a number ("au moins", "près de"), also elided ("qu'au moins", "d'au moins")."""
    words = [elided(word) for word in before.split()[-3:]]
    for size in (3, 2, 1):
        phrase = " ".join(words[-size:])
        if len(words) >= size and phrase in QUALIFIERS:
            return phrase
    return None


def _value(match: re.Match) -> tuple[int | None, str | None]:
    """(value, qualifier set by the number itself) of a match; value None when it is no count."""
    if match.group("vague"):
        return VAGUE[" ".join(match.group("vague").split())], "vague"
    if match.group("approx"):
        return APPROXIMATE[match.group("approx")], "approximately"
    if match.group("digits"):
        digits = match.group("digits")
        if is_year(digits) and not match.group("scale"):
            return None, None
        scale = SCALES.get(match.group("scale") or "", 1)
        value = digit_value(digits, thousands=" \u00a0\u202f.", decimal=",", scale=scale)
        return value, None
    try:
        return int(text2num(match.group("words").replace("-", " ").replace(" et ", " et "), "fr")), None
    except ValueError:
        return None, None


def find_numbers(lower: str) -> list[Number]:
    """Every number in the lower-cased sentence that may count people, ranges merged."""
    found: list[Number] = []
    matches = list(NUMBER.finditer(lower))
    index = 0
    while index < len(matches):
        match = matches[index]
        index += 1
        before = lower[max(0, match.start() - 30):match.start()]
        if NOT_A_COUNT_AFTER.match(lower, match.end()) or NOT_A_COUNT_BEFORE.search(before):
            continue
        value, own = _value(match)
        if value is None:
            continue
        hedge = _hedge(before)
        qualifier = QUALIFIERS[hedge] if hedge else own or "exact"
        end, high = match.end(), None
        if index < len(matches) and own is None:
            following = matches[index]
            gap = lower[match.end():following.start()]
            upper, upper_own = _value(following)
            if RANGE_GAP.fullmatch(gap) and upper is not None and upper_own is None and upper > value \
                    and (gap.strip() != "et" or RANGE_OPENER.search(before)) \
                    and not NOT_A_COUNT_AFTER.match(lower, following.end()):
                high, end, qualifier = upper, following.end(), "range"
                index += 1
        found.append(Number(match.start(), end, lower[match.start():end], value, high, qualifier, hedge))
    return found
