"""The languages the extractor reads, and which one a report is in.

Each language is one package beside this module (``en/``, ``fr/``, ``ar/``)
exposing a ``LANGUAGE``: its ISO 639-1 code, its name and the function that
reads claims from its text. What every language shares (numbers as digits,
sentences and spans, claims and their deduplication, periods as dates,
places, originators) lives once, in the modules of ``pipeline/extract/`` the
packages import; a package holds only its words and grammar. Adding a
language is adding a folder and naming it in ``PACKAGES``.

A report's language comes from its metadata (``language: fr``) when given,
else from its text, by py3langid: its model ships inside the package (no
download at run time) and it read every one of the 804 FA-KES articles and
the labelled French and Arabic articles right from their first 800
characters. It costs about 0.3 ms a report, and 0.5 s to load, once per
process: more than reading an English report's claims. So text that is
plainly English (English function words make a twelfth of its words, and
French, Spanish or German ones next to none) is told English without it, as
py3langid tells all such text of the labelled sets; the model is loaded only
for other text.
"""
from __future__ import annotations

import dataclasses
import importlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from pipeline.extract.claims import Claim, ReportContext

# The languages read, by ISO 639-1 code, English first: each a package holding its words and grammar.
PACKAGES = {"en": "pipeline.extract.en", "fr": "pipeline.extract.fr", "ar": "pipeline.extract.ar"}
ENGLISH = "en"  # what text too short to tell is read as
DETECTED_FROM = 800  # characters of a text the language is told from: a headline and a lead
FIRST_LOOK = 300  # characters first looked at for plain English, which most English reports show at once
# Languages a report may be told to be in: those of crisis reporting, by their ISO 639-1 codes. Leaving
# out the model's creoles and dialects keeps short English headlines from being read as Nigerian Pidgin
# and Arabic news from being read as Egyptian Arabic (which has no ISO 639-1 code).
CANDIDATES = """en fr ar es pt de it nl ru uk tr fa ur ps ku so sw am ha zh ja ko hi bn id ms th vi pl ro
    el he my ne si ta hy az ka kk ky tg uz ln rw lg om yo ig zu xh mg""".split()
# Names of the languages read and of others crisis reports come in, for people reading a release.
NAMES = {"en": "English", "fr": "French", "ar": "Arabic", "es": "Spanish", "pt": "Portuguese", "de": "German",
         "it": "Italian", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "fa": "Persian", "ur": "Urdu",
         "ps": "Pashto", "ku": "Kurdish", "so": "Somali", "sw": "Swahili", "am": "Amharic", "ha": "Hausa"}
LETTER = re.compile(r"[^\W\d_]{2,}")
FEWEST_WORDS = 3  # with fewer words a text's language cannot be told; it is read as English
ENGLISH_WORDS = frozenset("""the of and to in was were is are that for on with by have has had from at said its
    their they been""".split())
OTHER_WORDS = frozenset("le la les des du et est sont dans pour qui que une el los las del por una der die das und ist"
                        .split())  # French, Spanish and German words that English text hardly holds
ENGLISH_SHARE = 0.08  # English news: 0.095 and up; French, Spanish, Portuguese, German, Italian, Dutch: under 0.02
ISO_639_1 = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class Language:
    """A language the extractor reads: its ISO 639-1 code, its name, and how claims are read from its text."""

    code: str
    name: str
    read: Callable[[str, ReportContext], list[Claim]]


@cache
def language(code: str) -> Language | None:
    """The language of ``code`` if the extractor reads it, else None."""
    if code not in PACKAGES:
        return None
    return importlib.import_module(PACKAGES[code]).LANGUAGE


def language_name(code: str) -> str:
    """"Spanish (es)" for a code whose name is known, else the code."""
    return f"{NAMES[code]} ({code})" if code in NAMES else code


def read_codes() -> list[str]:
    """The codes of every language read, English first."""
    return list(PACKAGES)


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(CANDIDATES)
    return identifier


def plainly_english(words: list[str]) -> bool:
    """Whether lower-cased ``words`` are English past doubt: its function words common, others' next to absent."""
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    return english >= ENGLISH_SHARE * len(words) and 4 * sum(map(OTHER_WORDS.__contains__, words)) < english


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in; English when too little text says."""
    lead = text[:FIRST_LOOK].lower().split()  # words as spaces part them: a quick first look
    if len(lead) >= FEWEST_WORDS * 4 and plainly_english(lead):
        return ENGLISH  # most English reports say so in their first lines
    head = text[:DETECTED_FROM]
    words = LETTER.findall(head.lower())
    if len(words) < FEWEST_WORDS or plainly_english(words):
        return ENGLISH
    return _identifier().classify(head)[0]


def given_language(value: object) -> str | None:
    """A language named in metadata as an ISO 639-1 code ("fr", "AR", "fr-FR"), else None."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if ISO_639_1.fullmatch(code) else None


def report_language(given: object, text: str) -> str:
    """A report's language: as its metadata gives it, else told from its text."""
    return given_language(given) or detect_language(text or "")


def extract_claims(text: str, context: ReportContext) -> list[Claim]:
    """Every figure claim in ``text`` read in the report's language; none in a language not read yet."""
    if not isinstance(text, str) or not text:
        return []
    code = context.language or detect_language(text)
    reader = language(code)
    if reader is None:
        return []
    if context.language != code:
        context = dataclasses.replace(context, language=code)
    return reader.read(text, context)
