"""Find numbers as reports write them and read their values.

Digits with thousands separators ("1,800", "900 000", "1.800"), decimals with
a scale ("1.5 million", "3.6m"), number words ("twelve", "one million", via
text2num) and vague quantities coded conservatively as ACLED does ("dozens"
= 12, "tens of thousands" = 10000). Dates, years, ages, percentages, money
and times are recognised here so that they never become figures.

Patterns are lower-case and read lower-cased text (see lowercase.py).
"""
from __future__ import annotations

import bisect
import re

from text_to_num import text2num

from pipeline.extract.digits import MAX_DIGITS, Number
from pipeline.extract.en.lexicon import QUALIFIER_PHRASES, THING_NOUNS
from pipeline.extract.lowercase import lowered
from pipeline.extract.trie import WordFinder

SCALES = {
    "thousand": 1_000, "k": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "mln": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000,
}

VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000,
    "millions": 1_000_000, "tens of millions": 10_000_000,
}

UNITS = """one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million billion""".split()
_WORD = "(?:" + "|".join(UNITS) + ")"
_LEAD_WORD = "(?:" + "|".join(UNITS[:-4]) + ")"  # "million" alone is no count
_WORDS = rf"{_LEAD_WORD}(?:(?:[\s-]+and[\s-]+|[\s-]+){_WORD})*"
_DIGITS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"  # "5,00,000": lakh grouping
    r"|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"
    r"|\d+(?:\.\d+)?"
)
_SCALE = r"(?:[ \u00a0]?(?:thousand|million|mln|mn|billion|bn)|(?:m|bn|k))\b"

NUMBER_RE = re.compile(
    rf"""(?x)
    (?<![\w.,/:$£€])(?<![A-Za-z]-)
    (?:
        (?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|tens|dozens|scores|hundreds|thousands|millions)
      | (?P<half>half\s+a\s+(?:million|dozen)|(?:a\s+)?quarter\s+of\s+a\s+million)

      | (?P<a>an?\s+(?:dozen|hundred|thousand|million))
      | (?P<dozen>(?:{_WORD}|\d{{1,2}})\s+dozen)
      | (?P<digits>{_DIGITS})(?P<scale>{_SCALE})?(?P<plus>\+)?
      | (?P<andhalf>{_WORD}[\s-]+and[\s-]+a[\s-]+half[\s-]+(?:thousand|million|billion))
      | (?P<words>{_WORDS})
    )
    (?![\w]|\.\d)
    """
)

# Where a number can start: a digit, or the first word of a number phrase.
# Scanning for these first and trying NUMBER_RE only there keeps the scan at
# the speed of a plain search. (`re` skips ahead in C only to a pattern whose
# first item is a single character or set, so "[0-9][0-9]*", not "[0-9]+".)
_LEAD_WORDS = UNITS[:-4] + ["tens", "dozens", "scores", "hundreds", "thousands", "millions",
                            "half a", "quarter of", "a quarter", "a dozen", "a hundred", "a thousand",
                            "a million", "an hundred"]
DIGIT_START = re.compile(r"[0-9][0-9]*")
WORD_START = WordFinder.listing(sorted(set(_LEAD_WORDS)))

MONTHS = """january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
_MONTH = "(?:" + "|".join(MONTHS) + r")\.?"
NOT_A_COUNT_AFTER = re.compile(
    rf"""(?x)(?:
        (?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b
      | \s*(?:%|per\s?cent|percent)
      | (?:st|nd|rd|th)\b
      | \s*[-\s]?years?[-\s]old | -year | \s*-?(?:am|pm|a\.m\.|p\.m\.)\b | :\d
      | \s*(?:dollars|euros|pounds|usd|lira|liras|rupees|dinars|riyals|shekels|yuan|yen)\b
      | \s*(?:km|kilomet|miles|metres|meters|sq|square|hectares|tonnes|tons|kg)\b
      | \s*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b
      | ,\s*\d{{4}}\b
      | \s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\b
        (?!\s+(?:separate\s+|different\s+)?(?:{"|".join(sorted(THING_NOUNS))})\b)
    )"""
)
# Words just before a number that make it a money sum, an age, a date or a label.
# Checked on the last words before the number with plain string operations:
# this runs for every number and must stay cheap.
NOT_A_COUNT_WORDS = {"us", "us$", "usd", "eur", "sp", "syp", "rs", "inr", "aged", "age", "no", "resolution", "number",
                     "page", "flight", "route", "highway", "article", "paragraph"}
CURRENCY_SIGNS = ("$", "£", "€")
MONTH_NAMES = set(MONTHS)


def _last_words(before: str, count: int) -> list[str]:
    return [word.strip(".,;:()\"'") for word in before.split()[-count:]]


NUMERIC_DATE = re.compile(r"\d\d{0,3}[-/.]\d{1,2}[-/.]\d{2,4}\b")  # \d{1,4}..., opening with one digit: see DIGIT_START
RANGE_AFTER = re.compile(r"^\s*(?:-|–|to|and|or)\s*(?:well\s+over\s+|more\s+than\s+|about\s+|up\s+to\s+)?")
# "14,500 (estimate)": a number its writer marks as estimated
ESTIMATE_MARK = re.compile(r"\s*\((?:estimate|estimated|est\.?|approx\.?|approximately)\)")
RANGE_BEFORE = re.compile(r"\b(?:between|from|either)\s+$")
CHANGE_BEFORE = re.compile(r"\bby\s+$")  # "rose by 12 to 52": a change, then the count it came to
SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _word_value(words: str) -> int | None:
    try:
        return int(text2num(words.replace("-", " "), "en"))
    except (ValueError, TypeError):
        return None


def _value(match: re.Match) -> tuple[int | None, bool]:
    """(value, vague) of a number match; value None when it cannot be read."""
    digits = match.group("digits")
    if digits is not None and digits.isdigit() and match.group("scale") is None:
        return (int(digits) if len(digits) <= MAX_DIGITS else None), False  # plain digits: most numbers
    group = match.lastgroup
    text = match.group(group)
    if group == "vague":
        return VAGUE[" ".join(text.split())], True
    if group == "half":
        if text.startswith(("quarter", "a quarter")):
            return 250_000, False
        return (500_000 if text.endswith("million") else 6), False
    if group == "andhalf":  # "three-and-a-half million"
        first, scale = re.split(r"[\s-]+", text)[0], re.split(r"[\s-]+", text)[-1]
        count = int(first) if first.isdigit() else _word_value(first)
        return (None if count is None else int((count + 0.5) * SCALES[scale])), False
    if group == "a":
        return {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}[text.split()[-1]], False
    if group == "dozen":
        first = text.split()[0]
        count = int(first) if first.isdigit() else _word_value(first)
        return (None if count is None else count * 12), False
    if group == "words":
        return _word_value(text), False
    cleaned = SEPARATORS.sub("", match.group("digits"))
    scale = (match.group("scale") or "").strip()
    if DOTTED_THOUSANDS.fullmatch(cleaned) and (not scale or cleaned.count(".") > 1):
        cleaned = cleaned.replace(".", "")  # "1.800": dots between thousands; "7.134 million" is a decimal
    if scale:
        if len(cleaned) > MAX_DIGITS:
            return None, False
        value = int(round(float(cleaned) * SCALES[scale]))
        return (value, False) if len(str(value)) <= MAX_DIGITS else (None, False)
    if "." in cleaned:
        return None, False  # a decimal with no scale is a measure, not a head count
    if len(cleaned) > MAX_DIGITS:
        return None, False  # more people than have ever lived: an identifier, not a count
    return int(cleaned), False


def _is_year(match: re.Match) -> bool:
    digits = match.group("digits")
    return (digits is not None and len(digits) == 4 and digits[:2] in ("19", "20")
            and digits.isdigit() and not match.group("scale"))


QUALIFIERS = {phrase: qualifier for phrase, qualifier in QUALIFIER_PHRASES}
QUALIFIER_ENDS = {phrase.split()[-1] for phrase in QUALIFIERS}


def _hedge(words: list[str]) -> str | None:
    """The hedging phrase in the last words before a number ("at least", "nearly")."""
    if not words or words[-1] not in QUALIFIER_ENDS:
        return None  # most numbers: every phrase ends in one of these words
    for size in (3, 2, 1):
        if len(words) >= size and (phrase := " ".join(words[-size:])) in QUALIFIERS:
            return phrase
    return None


def _is_numeral(word: str) -> bool:
    return word.isdigit() or word in UNITS


def _is_proportion_denominator(last: list[str]) -> bool:
    """The "five" of "four in five", the "10" of "3 out of 10"."""
    if len(last) >= 2 and last[-1] == "in" and _is_numeral(last[-2]):
        return True
    return len(last) >= 3 and last[-2:] == ["out", "of"] and _is_numeral(last[-3])


def is_excluded(lower: str, match: re.Match, before: str, last: list[str]) -> bool:
    """Dates, ages, percentages, money, times and measures are not counts.

    ``match`` is a NUMBER_RE match on ``lower``; ``before`` is the text just
    before it and ``last`` the last three words of that text.
    """
    if before.rstrip().endswith(CURRENCY_SIGNS):
        return True
    if last and (last[-1] in NOT_A_COUNT_WORDS or last[-2:] == ["age", "of"]):
        return True
    if last and last[-1] in MONTH_NAMES and match.group("digits") and \
            (before.rstrip()[-1:].isalpha() or before.rstrip().endswith(".")):
        return True  # "January 26"; in "in January, 26 civilians" or "(since January): 87,400" no date goes on
    if match.group() == "one" and (last[-1:] == ["the"] or last[-2:-1] in (["a"], ["an"])):
        return True  # "the one interpreter who was killed", "a loved one": a pronoun, not a count
    if _is_proportion_denominator(last):
        return True
    return NOT_A_COUNT_AFTER.match(lower, match.end(), match.end() + 40) is not None


def has_number(lower: str, start: int = 0, end: int | None = None) -> bool:
    """Whether lower-cased ``lower[start:end]`` may hold a number: a digit, or a number word."""
    end = len(lower) if end is None else end
    return DIGIT_START.search(lower, start, end) is not None or WORD_START.first(lower[start:end]) is not None


def _matches(lower: str) -> list[re.Match]:
    """Number matches on lower-cased text in text order, outside numeric dates such as 21-08-2014."""
    dates = [m.span() for m in NUMERIC_DATE.finditer(lower)] if ("-" in lower or "/" in lower) else []
    date_starts = [a for a, _ in dates]  # in order and apart: the date a number may fall in is the last before it
    starts = sorted([m.start() for m in DIGIT_START.finditer(lower)] + [s for s, _ in WORD_START.spans(lower)])
    matches, consumed = [], 0
    for start in starts:
        if start < consumed:
            continue
        match = NUMBER_RE.match(lower, start)
        at = bisect.bisect_right(date_starts, start) - 1 if match else -1
        if match is None or (at >= 0 and start < dates[at][1]):
            continue
        matches.append(match)
        consumed = match.end()
    return matches


def find_numbers(text: str, lower: str | None = None) -> list[Number]:
    """Every number in ``text`` that could be a head count, ranges merged.

    ``lower``, if given, is ``lowered(text)``.
    """
    lower = lowered(text) if lower is None else lower
    matches = _matches(lower)
    read = []
    for match in matches:
        before = lower[max(0, match.start() - 24):match.start()]
        last = _last_words(before, 3)
        value, vague = (None, False) if is_excluded(lower, match, before, last) or _is_year(match) else _value(match)
        read.append((value, vague, last))
    found: list[Number] = []
    index = 0
    while index < len(matches):
        match, (value, vague, last) = matches[index], read[index]
        index += 1
        if value is None:
            continue
        hedge = _hedge(last)
        qualifier = "vague" if vague else ("at_least" if match.group("plus") else QUALIFIERS.get(hedge, "exact"))
        end, high = match.end(), None
        if index < len(matches) and not vague:
            following = matches[index]
            gap = lower[match.end():following.start()]
            if len(gap) <= 24 and RANGE_AFTER.fullmatch(gap):
                upper, upper_vague, _ = read[index]
                if upper is None and following.group("digits") and not _is_year(following):
                    continue  # "between 9 and 12 February": the start of a date range
                range_word = RANGE_BEFORE.search(lower, max(0, match.start() - 12), match.start())
                joiner = gap.strip()
                change = joiner == "to" and CHANGE_BEFORE.search(lower, max(0, match.start() - 4), match.start())
                if (range_word or joiner in ("-", "–", "to", "or")) and not change and upper is not None \
                        and not upper_vague \
                        and upper > value:
                    high, end, qualifier = upper, following.end(), "range"
                    index += 1
        if qualifier == "exact" and ESTIMATE_MARK.match(lower, end):
            qualifier = "approximately"
        found.append(Number(match.start(), end, text[match.start():end], value, high, qualifier, hedge))
    return found
