"""The words that make a number a figure: metric cues, people, things, and the grammar words between.

Kept as plain tables so a coder can read why a claim was extracted. A number
becomes a claim only when a metric cue governs what it counts (attach.py);
the counted noun itself may be any word (``4 Jaysh al-Izza fighters died``),
except the things listed in ``THING_NOUNS``.
"""
from __future__ import annotations


def _words(text: str) -> set[str]:
    return set(text.split())


# Words that say what happened to the people counted, each mapped to a metric.
# Lookups are on lower-cased words.
METRIC_WORDS: dict[str, str] = {}


def _add(metric: str, words: str) -> None:
    for word in words.split():
        METRIC_WORDS[word] = metric


_add("killed", """killed killing kills kill dead died die dies dying death deaths
    fatalities fatality martyrs martyred martyr lives executed executing execution
    slain slaughtered massacred perished bodies corpses murdered toll eliminated
    neutralized neutralised beheaded drowned deceased assassinated assassinating gunned lynched succumbed""")
_add("injured", """injured injuring injures wounded wounding wounds wound injuries injury
    hurt maimed""")
_add("displaced", """displaced displacing displacement fled flee fleeing flees
    uprooted evacuated evacuating evacuees idps homeless relocated
    arrivals departures displacements movements""")
_add("refugees", "refugees refugee")
_add("returned", "returned returnees returning")
_add("missing", "missing unaccounted disappeared")
_add("detained", """detained detaining arrested arresting abducted abducting
    kidnapped kidnapping hostages hostage captured detainees imprisoned jailed arrests""")

# Nouns that name the counted people by what happened to them ("3.6 million
# refugees", "20 bodies", "over 40 dead"), not only a verb about them.
METRIC_NOUNS = _words("""deaths dead fatalities martyrs bodies corpses lives wounded injured
    injuries refugees refugee idps evacuees displaced returnees detainees hostages missing arrests deceased
    arrivals departures displacements movements""")

# Metric words that are both a verb and a noun head ("1 million displaced", "the displaced").
PARTICIPLES = _words("displaced wounded injured missing dead deceased")
# Metric nouns that are never a verb ("deaths", "refugees", "bodies").
NOUNS_NOT_VERBS = METRIC_NOUNS - PARTICIPLES

# Verbs whose subject is the one who acts ("5 gunmen killed 20 people"): read
# as the metric of a number before them only in the passive ("20 people killed
# in the raid", "were killed"). The other metric verbs tell of their subject
# ("30 died", "70,000 fled").
TRANSITIVE = _words("""killed kills kill killing executed slaughtered massacred murdered beheaded assassinated gunned wound
    eliminated neutralized neutralised wounded injured injures hurt maimed displaced evacuated
    uprooted arrested detained abducted kidnapped captured imprisoned jailed""")

# "the deaths of two marines", "the bodies of 60 children", "the capture of 2 soldiers".
OF_NOUNS = {
    "deaths": "killed", "death": "killed", "lives": "killed", "bodies": "killed", "body": "killed", "remains": "killed",
    "killing": "killed", "killings": "killed", "murder": "killed", "execution": "killed", "assassination": "killed",
    "capture": "detained", "arrest": "detained", "arrests": "detained", "detention": "detained",
    "abduction": "detained", "kidnapping": "detained",
    "evacuation": "displaced", "displacement": "displaced", "return": "returned",
}

# Verb phrases whose metric is set by the words after the verb.
VERB_CUES = _words("forced lost losing sustained suffered found shot left taken went remain remained lay crossed crossing")
# Nouns that count the dead, the wounded or both ("the losses", "casualties"): they count the dead
# only where a report says so (attach.py, reading.py).
CASUALTY_NOUNS = _words("losses casualties")
# Verbs that displace the people they move "from their homes" ("has driven 320,000 people from their homes").
DRIVING_VERBS = _words("driven drove drive drives driving chased chasing pushed pushing expelled uprooted forced forcing")
# Verbs of going, which name a metric only by where they go ("travelled to Chad", "moving towards the
# border"; movement.py), and counted nouns of people on the move ("12,300 arrivals").
MOTION_VERBS = _words("""fled fleeing travelled traveled travelling traveling moving moved heading headed streaming
    streamed escaped arrived arriving walking trekked""")
MOVEMENT_NOUNS = _words("arrivals departures displacements movements")
CUE_WORDS = set(METRIC_WORDS) | VERB_CUES | DRIVING_VERBS | set(OF_NOUNS) | MOTION_VERBS \
    | CASUALTY_NOUNS | _words("condition among asylum victim figure figures count")

# ---------------------------------------------------------------- people
POPULATION_WORDS: dict[str, str] = {}


def _pop(population: str, words: str) -> None:
    for word in words.split():
        POPULATION_WORDS[word] = population


_pop("civilians", """civilians civilian citizens worshippers journalists volunteers
    medics paramedics doctors nurses farmers workers students teachers pupils""")
_pop("children", """children child kids minors boys girls babies infants toddlers
    schoolchildren schoolboys schoolgirls""")
_pop("women", "women woman mothers")
_pop("combatants", """combatants fighters rebels militants insurgents terrorists
    jihadists gunmen extremists jihadis mercenaries militiamen attackers bombers assailants
    guerrillas guerillas""")
_pop("soldiers", """soldiers soldier troops servicemen service army marines sailors guardsmen
    guardsman peacekeepers paratroopers commandos""")
# "members" of an armed group, as the labelled data codes them; of a family,
# a patrol or the police, see MEMBERS_OF.
_pop("combatants", "members")
# Police are counted as people, as the labelled data codes them.
_pop("people", """people persons person residents others individuals inhabitants
    villagers family families migrants victims syrians police policemen policeman officers
    guards personnel men man""")
MEMBERS_OF = {"family": "people", "families": "people", "household": "people", "patrol": "soldiers",
              "army": "soldiers", "forces": "soldiers", "military": "soldiers", "police": "people",
              "staff": "civilians", "crew": "people", "council": "civilians", "committee": "civilians",
              "parliament": "civilians"}
# Nouns naming one person ("a farmer was shot dead", "killing a civilian", "a member of the
# council"): a singular count of them under a cue is a claim of 1 (singles.py). Those naming a
# group other than `people` name it in any phrase; the others, which often modify a noun ("activist
# group", "local council"), name no group. Collective nouns ("a family", "a group", "a crew") count
# more than one: not here.
ONE_PERSON: set[str] = set()


def _one(population: str, words: str) -> None:
    for word in words.split():
        ONE_PERSON.add(word)
        if population != "people":
            POPULATION_WORDS.setdefault(word, population)


_one("civilians", """civilian citizen worshipper journalist volunteer medic paramedic doctor nurse farmer
    worker student teacher pupil""")
_one("children", "child kid minor boy girl baby infant toddler newborn schoolchild schoolboy schoolgirl teenager")
_one("women", "woman mother wife sister grandmother widow policewoman")
_one("combatants", """combatant fighter rebel militant insurgent terrorist jihadist jihadi gunman extremist
    mercenary militiaman attacker bomber assailant guerrilla commander member operative""")
_one("soldiers", """soldier serviceman marine sailor guardsman peacekeeper paratrooper commando conscript
    general colonel captain lieutenant sergeant corporal brigadier""")
_one("people", """person individual resident inhabitant villager migrant man policeman officer guard youth
    elder relative son daughter father brother husband uncle cousin nephew grandfather grandson passenger
    pedestrian motorist cyclist patient prisoner detainee suspect defector informant collaborator protester
    demonstrator official leader mayor governor mukhtar imam priest cleric sheikh pastor lawmaker politician
    candidate employee contractor engineer driver shepherd fisherman trader merchant shopkeeper businessman
    lawyer judge activist photographer reporter cameraman smuggler local tribesman clansman kinsman""")
# Modifiers that make a group part of a state's forces ("security forces", "military personnel").
SECURITY_MODIFIERS = _words("security military army armed government regime")
# Groups fighting for the government: their fighters are coded `soldiers`.
PRO_GOVERNMENT = _words("hezbollah pro-government pro-regime pro-assad government regime army russian iranian")

# ---------------------------------------------------------------- things
# Nouns whose counts are never casualty figures, even beside a metric word.
THING_NOUNS = _words("""airstrikes airstrike strikes strike raids raid shells shell
    rockets rocket missiles missile bombs bomb barrels sorties attacks attack
    buildings building houses homes hospitals hospital schools school vehicles
    vehicle trucks truck lorries lorry tanks tank convoys km kilometres kilometers miles metres
    meters hours hour days day weeks week months month years year minutes times
    villages village towns town positions posts points checkpoints tonnes tons
    dollars euros pounds percent cent per kg mm seats votes pages
    countries provinces cities districts areas neighbourhoods neighborhoods
    sites facilities bases aircraft planes jets helicopters drones rounds mortar
    mortars artillery cylinders drums corridors cars car buses bus boats boat ships
    flights weapons guns rifles mines landmines grenades explosions blasts incidents
    operations cases reports violations tents camps shelters kilograms litres liters
    gallons meals rations crossings roads bridges shops stores mosques churches
    homes apartments flats cattle cows sheep goats animals livestock dogs horses donkeys camels
    seconds nights decades centuries occasions rounds shots projectiles barrel
    hectares acres feet inches degrees""")

# "members" of a group is a group of people; as a thing it counts votes or seats.
# ---------------------------------------------------------------- grammar
# Forms of "be" and "have" in a verb group ("were reportedly killed").
AUXILIARIES = _words("were was have has had been are is be being am")
# Words that may stand inside a verb group without changing what it says.
VERB_GROUP_WORDS = _words("""reportedly allegedly also all later subsequently already now since
    so far thus initially feared believed thought said confirmed reported known presumed understood
    to both either each apparently probably possibly officially still just only mostly then
    also immediately eventually instantly found rumored rumoured estimated not remain remains remained""")
# Past forms that end a counted phrase although they do not end in -ed ("a dozen people lost their lives").
IRREGULAR_VERBS = _words("""lost left took went came drove fell fought gave got held kept led made met ran
    saw sent set shot stood struck threw told won hit began became brought built caught chose flew grew
    heard hid knew laid lay meant paid put read rose said sat sold sought spoke spent stole swept taught
    thought tore wore wrote include includes included""")
MODALS = _words("could would might may will shall should must can cannot")
PREPOSITIONS = _words("""in at on from near by with during after before since into across to for
    over under inside outside around among through throughout along against toward towards via
    per within without amid amidst despite following between until upon off onto beyond behind
    beside besides like""")
DETERMINERS = _words("the a an this that these those its their his her our your my some any all both each every")
RELATIVES = _words("who which that whom whose")
CONJUNCTIONS = _words("and or but while whereas as when because although though if so")
# Words that open a parenthetical after a counted group ("70,000 people, most of them children, fled").
APPOSITIVE_OPENERS = _words("""including includes among most mostly many some all mainly majority both
    half of whom aged largely predominantly according nearly almost among roughly mainly""")

# Words that may stand between a verb or toll and the number after it.
LEAD_INS = _words("""to at of a the an by another more some further least additional
    about around over than nearly almost up as many high estimated roughly reached total family group
    stood stands rose risen climbed increased jumped has had have is was now""")
# Verbs that link a count to a subject naming the metric ("the death toll rose to 41",
# "the number of people displaced has reached 312,000").
LINKING_VERBS = _words("""reached reaching rose risen climbed increased jumped passed exceeded surpassed
    topped hit stood stands stand totalled totaled numbered is was are were be reach rises climbs
    become became becomes exceeds exceed surpasses surpass tops""")

# Number words, as tokens: a list of counts continues past them ("Four guards and twelve prisoners").
NUMBER_WORDS = _words("""one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion tens dozens scores hundreds thousands millions
    dozen half""")

QUALIFIER_PHRASES: list[tuple[str, str]] = [
    ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"),
    ("in excess of", "more_than"), ("well over", "more_than"),
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("a minimum of", "at_least"), ("at minimum", "at_least"),
    ("about", "approximately"), ("around", "approximately"), ("some", "approximately"),
    ("nearly", "approximately"), ("almost", "approximately"), ("close to", "approximately"),
    ("roughly", "approximately"), ("an estimated", "approximately"),
    ("approximately", "approximately"), ("estimated", "approximately"), ("estimated at", "approximately"),
    ("up to", "up_to"), ("as many as", "up_to"), ("no more than", "up_to"), ("as high as", "up_to"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"),
    # "deaths passed 2,500": verbs that say a count went beyond the number
    ("passed", "more_than"), ("exceeded", "more_than"), ("surpassed", "more_than"), ("topped", "more_than"),
    ("exceeds", "more_than"), ("surpasses", "more_than"), ("tops", "more_than"),
]
QUALIFIER_WORDS = {word for phrase, _ in QUALIFIER_PHRASES for word in phrase.split()} | {"another", "a"}

# Words allowed between a number and its noun ("12 Syrian civilians").
NOUN_MODIFIERS = _words("""other more additional syrian turkish russian kurdish iraqi
    palestinian lebanese afghan innocent unarmed armed government regime pro-government
    opposition rebel civilian local foreign young elderly old new displaced
    internally whole entire group pro-regime pro-assad islamic state isis daesh nusra""")

DENIAL_WORDS = {"denied", "denies", "deny", "denying", "dismissed", "rejected", "refuted"}

# Verbs that credit a figure to whoever is named just before them. A perfect
# ("has said") is read at its verb: attribution allows the auxiliary.
REPORTING_VERBS = _words("""said says say reported reports report told announced announces
    stated estimated estimates documented documents confirmed added noted counted
    recorded put puts claimed claims warned tallied denied denies denying""")

HOUSEHOLD_HEADS = frozenset({"families", "family", "households", "household"})  # a count of these is in households
POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their"})  # "killing its driver", "and his two sons"
