"""The words that make a number a figure: metric cues, populations, qualifiers.

Kept as plain tables so a coder can read why a claim was extracted: a number
becomes a claim only when a cue below ties it to one of the seven metrics.
"""
from __future__ import annotations

# Words that, next to a number, say what happened to the people counted.
# Each form maps to a metric; lookups are on lower-cased words.
METRIC_WORDS: dict[str, str] = {}


def _add(metric: str, words: str) -> None:
    for word in words.split():
        METRIC_WORDS[word] = metric


_add("killed", """killed killing kills kill dead died die dies dying death deaths
    fatalities fatality martyrs martyred martyr lives executed executing execution
    slain slaughtered massacred perished bodies corpses murdered toll eliminated
    neutralized neutralised beheaded""")
_add("injured", """injured injuring injures wounded wounding wounds injuries injury
    hurt maimed""")
_add("displaced", """displaced displacing displacement fled flee fleeing flees
    uprooted evacuated evacuating evacuees idps homeless""")
_add("refugees", "refugees refugee")
_add("returned", "returned returnees returning")
_add("missing", "missing unaccounted disappeared")
_add("detained", """detained detaining arrested arresting abducted abducting
    kidnapped kidnapping hostages hostage captured detainees imprisoned""")

# Nouns that name the counted people as one of the metrics themselves
# ("3.6 million refugees", "20 bodies"), not only a verb about them.
METRIC_NOUNS = {
    "deaths", "dead", "fatalities", "martyrs", "bodies", "corpses", "lives",
    "wounded", "injured", "injuries", "refugees", "idps", "evacuees", "displaced",
    "returnees", "detainees", "hostages", "missing",
}

POPULATION_WORDS: dict[str, str] = {}


def _pop(population: str, words: str) -> None:
    for word in words.split():
        POPULATION_WORDS[word] = population


_pop("civilians", """civilians civilian citizens worshippers journalists volunteers
    medics paramedics doctors nurses farmers workers students teachers pupils""")
_pop("children", "children child kids minors boys girls babies infants toddlers")
_pop("women", "women woman mothers")
_pop("combatants", """combatants fighters rebels militants insurgents terrorists
    jihadists gunmen extremists jihadis mercenaries militiamen""")
_pop("soldiers", "soldiers troops servicemen personnel officers policemen police army")
# "members" of an armed group or force, as the labelled data codes them;
# "family members" are people (see FAMILY below).
_pop("combatants", "members")
_pop("people", """people persons person residents others individuals inhabitants
    villagers family families migrants victims syrians""")

# "students" in a school of 7-12 year olds are children; the labels code
# generic students and pupils by context, so both stay civilians here.

QUALIFIER_PHRASES: list[tuple[str, str]] = [
    ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"),
    ("in excess of", "more_than"), ("well over", "more_than"),
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("a minimum of", "at_least"), ("at minimum", "at_least"),
    ("about", "approximately"), ("around", "approximately"), ("some", "approximately"),
    ("nearly", "approximately"), ("almost", "approximately"), ("close to", "approximately"),
    ("roughly", "approximately"), ("an estimated", "approximately"),
    ("approximately", "approximately"), ("estimated", "approximately"),
    ("up to", "up_to"), ("as many as", "up_to"), ("no more than", "up_to"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"),
]

# Words allowed between a number and its noun ("12 Syrian civilians").
NOUN_MODIFIERS = set("""other more additional syrian turkish russian kurdish iraqi
    palestinian lebanese afghan innocent unarmed armed government regime pro-government
    opposition rebel civilian local foreign young elderly old new innocent displaced
    internally of the a an further whole entire including among them were group
    pro-regime pro-assad islamic state isis daesh nusra""".split())

# Groups fighting for the government: their fighters are coded `soldiers`.
PRO_GOVERNMENT = {"hezbollah", "pro-government", "pro-regime", "pro-assad", "government", "regime",
                  "army", "russian", "iranian"}

# Auxiliaries between a noun phrase and its verb ("were reportedly killed").
AUXILIARIES = set("""were was have has had been are is being reportedly allegedly
    also all who that later subsequently since already either both now so far thus
    been initially feared believed thought said confirmed""".split())

# Words that may stand between a verb or toll and the number after it.
LEAD_INS = set("""to at of a the an by another more some further least additional
    about around over than nearly almost up as many estimated roughly reached
    stood stands rose risen climbed increased jumped has had have is was now""".split())

# Nouns whose counts are never casualty figures, even beside a metric word.
NON_FIGURE_NOUNS = set("""airstrikes airstrike strikes strike raids raid shells shell
    rockets rocket missiles missile bombs bomb barrels sorties attacks attack
    buildings building houses homes hospitals hospital schools school vehicles
    vehicle trucks truck tanks tank convoys km kilometres kilometers miles metres
    meters hours hour days day weeks week months month years year minutes times
    villages village towns town positions posts points checkpoints tonnes tons
    dollars euros pounds percent cent per kg mm seats members votes pages
    countries provinces cities districts areas neighbourhoods neighborhoods
    sites facilities bases aircraft planes jets helicopters drones rounds mortar
    mortars artillery cylinders drums corridors""".split())

DENIAL_WORDS = {"denied", "denies", "deny", "denying", "dismissed", "rejected", "refuted"}

# Verbs that credit a figure to whoever is named just before them. A perfect
# ("has said") is read at its verb: attribution allows the auxiliary.
REPORTING_VERBS = set("""said says say reported reports report told announced announces
    stated estimated estimates documented documents confirmed added noted counted
    recorded put puts claimed claims warned tallied denied denies denying""".split())

# Metric words that are both a verb and a noun head ("1 million displaced",
# "the displaced"); the other metric nouns never act as a verb before a number.
PARTICIPLES = {"displaced", "wounded", "injured", "missing", "dead"}

# Words besides the metric words that can make a sentence hold a figure
# ("forced to leave", "lost their lives", "sustained injuries").
VERB_CUES = {"forced", "lost", "losing", "sustained", "suffered"}
CUE_WORDS = set(METRIC_WORDS) | VERB_CUES
