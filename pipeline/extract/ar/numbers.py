"""Numbers as Arabic reports write them: "1.5 مليون", "63 ألف", "25,450", "ثلاثة آلاف", "قتيلان", "عشرات الآلاف".

Digits (already ASCII, see fold.py) use the shared reading with a comma
between thousands and a dot before decimals, and take a scale word after
them in any of its forms (ألف، آلاف، ألفا، مليون، ملايين). Number words in
their gender and case forms are read by pyarabic; a dual noun of a metric
("قتيلان", "جريحين") counts two. Vague plurals are coded as ACLED codes them.
"""
from __future__ import annotations

import re

from pyarabic.number import text2number

from pipeline.extract.ar.clitics import unglued
from pipeline.extract.ar.fold import folded_word
from pipeline.extract.ar.lexicon import MONTHS, NOUNS, PEOPLE_DUALS, QUALIFIERS, THINGS
from pipeline.extract.digits import Number, digit_value, is_year


def _forms(text: str) -> str:
    return "|".join(sorted({folded_word(word) for word in text.split()}, key=len, reverse=True))


SCALES = {**dict.fromkeys(("الف", "الفا", "الاف", "الفين"), 1000), **dict.fromkeys(("مليون", "مليونا", "ملايين"), 10**6),
          **dict.fromkeys(("مليار", "مليارا", "مليارات"), 10**9)}
UNITS = _forms("""واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان
    ثماني ثمانية تسع تسعة عشر عشرة أحد إحدى عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين
    سبعون سبعين ثمانون ثمانين تسعون تسعين مائة مئة مئتان مئتين مائتان مائتين ثلاثمائة أربعمائة خمسمائة ستمائة
    سبعمائة ثمانمائة تسعمائة مائتا مئتا مائتي مئتي ألف ألفا ألفين ألفان ألفي آلاف مليون مليونا مليونين مليوني
    ملايين""")
VAGUE = {"عشرات الالاف": 10_000, "مئات الالاف": 100_000, "عشرات الملايين": 10**7, "عشرات": 10, "مئات": 100,
         "الاف": 1000, "ملايين": 10**6}
DUALS = {word: metric for word, metric in NOUNS.items() if word.endswith(("ان", "ين")) and len(word) > 4
         and word[:-2] in NOUNS}
DUALS.update(dict.fromkeys(PEOPLE_DUALS))  # "طفلان": two children, what happened to them said elsewhere
_VAGUE = "|".join(word.replace(" ", r"\s+") for word in sorted(VAGUE, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_CLITIC = r"(?:و|ف|ب|ل)?(?:ال)?"
_WORDS = rf"(?:{UNITS})(?:\s+(?:و\s*)?(?:{UNITS})){{0,7}}"  # no count takes more than eight words
NUMBER = re.compile(
    rf"""(?x)(?:(?<![\w.,])|(?<=(?<!\w)و))  # "و٣٠ جريحا": a count glued to "and"
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?)(?:\s*(?P<scale>{_SCALE}))?
      | {_CLITIC}(?P<vague>{_VAGUE})
      | (?P<dual>{"|".join(sorted(DUALS, key=len, reverse=True))})
      | (?P<words>{_WORDS})
      | و(?P<joined>{_WORDS})
    )(?!\w)""")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
NOT_A_COUNT_AFTER = re.compile(rf"\s*(?:%|\)?\s*(?:{_MONTH})\b|بالمئة|بالمائة|في\s*المئة|في\s*المائة|:\d)")
# A hedge before the number, as folded text: "أكثر من", "ما لا يقل عن"; "على الأقل" may also follow it.
HEDGES = {folded_word(phrase): qualifier for phrase, qualifier in QUALIFIERS.items()}
AT_LEAST_AFTER = folded_word("على الأقل")
_AT_LEAST = AT_LEAST_AFTER.replace(" ", r"\s+")
AFTER_HEDGE = re.compile(rf"\s+(?:[^\W\d_]+\s+){{0,2}}?{_AT_LEAST}\b")
# One and two follow the noun they count, as adjectives: "شرطي واحد", "كيلومتر واحد" (a distance, no count).
ADJECTIVE_NUMBERS = frozenset(folded_word(word) for word in "واحد واحدة اثنان اثنين اثنتان اثنتين".split())
WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")


def _counts_a_thing(text: str, match: re.Match) -> bool:
    """Whether a one or two written after its noun counts a thing ("على بعد كيلومتر واحد")."""
    if match.group("words") not in ADJECTIVE_NUMBERS:
        return False
    noun = WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    return noun is not None and unglued(noun.group(1)) in THINGS


def _hedge(before: str) -> str | None:
    words = before.split()[-4:]
    for size in (4, 3, 2, 1):
        phrase = " ".join(words[-size:])
        if len(words) >= size and phrase in HEDGES:
            return phrase
    return None


# Spellings pyarabic reads in one form only: two hundred ("مائتا", "مئتي") as "مئتين", the construct duals of
# thousand and million ("ألفي", "مليوني") as "ألفين", "مليونين", and "ثلاث مئة" as "ثلاثمائة".
SPELLINGS = [
    (re.compile(r"(?<!\w)(?:مائت|مئت)(?:ين|ان|ي|ا)(?!\w)"), "مئتين"),
    (re.compile(r"(?<!\w)[أا]لفي(?!\w)"), "ألفين"),
    (re.compile(r"(?<!\w)مليوني(?!\w)"), "مليونين"),
    (re.compile(r"(?<!\w)(ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)\s+(?:مئة|مائة)(?!\w)"), r"\1مائة"),
]


def _words_value(words: str) -> int | None:
    """The value of Arabic number words, in any of their forms."""
    for spelling, usual in SPELLINGS:
        words = spelling.sub(usual, words)
    value = text2number(words)
    return int(value) if value else None


def _value(match: re.Match, shown: str) -> tuple[int | None, str | None]:
    if match.group("digits"):
        digits = match.group("digits")
        if is_year(digits) and not match.group("scale"):
            return None, None
        return digit_value(digits, thousands=",", decimal=".", scale=SCALES.get(match.group("scale") or "", 1)), None
    if match.group("vague"):
        return VAGUE[match.group("vague")], "vague"
    if match.group("dual"):
        return 2, None
    group = "words" if match.group("words") else "joined"
    return _words_value(shown[match.start(group):match.end(group)]), None  # pyarabic reads hamza forms


def find_numbers(text: str, shown: str) -> list[Number]:
    """Every number in a folded Arabic sentence that may count people; ``shown`` is it as written."""
    found = []
    for match in NUMBER.finditer(text):
        if NOT_A_COUNT_AFTER.match(text, match.end()) or _counts_a_thing(text, match):
            continue
        value, own = _value(match, shown)
        if value is None:
            continue
        hedge = _hedge(text[max(0, match.start() - 30):match.start()])
        if hedge is None and AFTER_HEDGE.match(text, match.end()) is not None:
            hedge = AT_LEAST_AFTER
        start = match.start("dual") if match.group("dual") else match.start()
        qualifier = HEDGES.get(hedge) if hedge else own or "exact"
        found.append(Number(start, match.end(), text[start:match.end()], value, None, qualifier, hedge))
    return found
