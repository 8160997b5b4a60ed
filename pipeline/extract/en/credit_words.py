"""The words English attribution reads around a credit: reporting verbs, auxiliaries, what closes a clause.

Plain tables so a reader can see why a phrase was or was not taken as a
source. Every lookup is on the lower-cased word. The words of the names
themselves (bodies, titles, what is never a source) are name_words.py's.
"""
from __future__ import annotations

from pipeline.extract.en.lexicon import REPORTING_VERBS as _LEXICON_VERBS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose subject (or, inverted, whose following name) is credited with
# what the sentence reports. "state" is left out: it is far more often the
# noun of "state media".
REPORTING_VERBS = _LEXICON_VERBS | _words("""
    tell tells reports report announce states confirm confirms estimate adds notes
    recorded records claim indicated indicates revealed reveals declared declares
    explained explains continued insisted acknowledged admitted wrote writes tweeted
    updated revised raised verified registered disputed disputes clarified informed
    commented reporting gave gives giving putting showed shows show suggested suggests
    saying warning estimating confirming quoted quotes cited cites increased lowered
""") - {"state"}

# "SANA quoted local sources as saying", "X was quoted as saying": the source quoted is credited.
QUOTING_VERBS = _words("quoted quotes cited cites")
# "as saying", "as telling": what follows a quoting verb's source.
AS_SAYING = _words("saying telling stating reporting adding")
# Participles that go on with the clause's own subject ("X updated its toll ..., saying"), unlike one
# with a subject of its own ("with officials reporting").
CLAUSE_PARTICIPLES = _words("saying adding noting stating")

# Verbs that credit a figure only when a document is their subject ("figures from the ministry show").
DOCUMENT_VERBS = _words("show shows showed suggest suggests suggested")

# Verbs that credit a figure only when they take a toll ("put the death toll at 20", not "put out a fire").
TOLL_VERBS = _words("put puts putting gave gives giving increased lowered")
TOLL_WORDS = _words("toll tolls number figure figures tally count total")

# Verbs whose name may come after them ("..., said the ministry", "reports the Committee").
INVERTING_VERBS = _words("""said says added adds reported reports noted notes stated states explained
    continued wrote writes warned insisted tweeted announced""")

# A name stands before its verb with only these between: "has also said", "later announced".
AUXILIARIES = _words("""has have had also later earlier previously now already initially separately
    further again then still meanwhile subsequently yesterday today tonight""")
# Before a verb in -ing only ("is reporting", "has been warning"); before a past participle
# they make a passive ("it is said", "is confirmed dead"), which credits nobody.
PROGRESSIVE_AUXILIARIES = _words("is are was were been")

# Words after "said" that show the credit closes the clause before it
# ("..., the army said on Sunday in a statement").
CLAUSE_CLOSERS = _words("""and but while as after adding citing quoting according in on at late earlier
    later yesterday today tonight this last during when who which following""")
TIME_WORDS = _words("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning evening night week weekend month year earlier later""")

# Words that introduce the issuer after a document noun: "figures from", "released by".
ISSUED = _words("from by of issued released published compiled given provided")
# Determiners of a body the report leaves vague: "other sources", "some reports" credit nobody.
VAGUE = _words("other some several many various")

# Of the nouns that point back to a source (name_words.REFERRING_NOUNS), the ones naming an institution:
# "the ministry" is the last ministry named, not any source.
INSTITUTIONS = _words("""ministry military army group monitor organisation organization agency party council
    office mission committee government command network coalition watchdog ngo charity department
    directorate observatory centre center team service reporter correspondent""")
