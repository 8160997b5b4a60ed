"""The words of the names of sources: the bodies reports credit, titles, and what is never a source.

A credited name is read and resolved (source_names.py, originators.py,
state_bodies.py) against the source registry and the table of states, which
write names in English, other languages' forms being aliases of them; so
are the words that tell a body, a title or a person's role in a name, for
every language whose credits resolve through them. Every lookup is on the
lower-cased word.
"""
from __future__ import annotations

NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "ibn-", "bin-", "abu-")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bodies reports credit in lower case; a phrase ending in one of these is a
# source however it is qualified ("local hospital officials", "the camp
# coordination cluster", "Kenyan police").
BODY_HEADS = _words("""police officials official authorities authority sources source medics paramedics
    doctors doctor nurses witnesses witness eyewitnesses eyewitness residents resident activists
    activist rescuers workers volunteers monitors monitor observers journalists journalist
    correspondent correspondents military army navy government ministry media television tv radio
    agency cluster council office service command directorate department administration committee
    commission mission team group coalition network organisation organization centre center party
    coroner hospital morgue diplomats prosecutors prosecutor spokesman spokeswoman spokesperson spokespeople
    minister governor mayor chief commander president director head survivors relatives elders
    leaders clinic charity forces watchdog newspaper daily channel website outlet outlets
    observatory project""")

# Heads that name a person's role; a name may follow them ("army spokesman Adolphe X").
ROLE_WORDS = _words("""spokesman spokeswoman spokesperson official minister governor mayor chief
    commander president director head envoy ambassador diplomat coordinator representative
    researcher analyst activist journalist correspondent reporter doctor surgeon nurse rebel
    leader lawmaker senator general colonel captain officer sheriff prosecutor coroner imam
    priest bishop archbishop cleric clergyman secretary deputy adviser advisor chairman
    chairwoman manager administrator superintendent inspector witness resident member worker
    volunteer source""")

# Roles whose "X for/of/at Y" credits Y: "a spokesman for the ministry", "a source at the police command".
SPEAKS_FOR = _words("spokesman spokeswoman spokesperson source sources")

# Words after a body that only say who spoke for it or what it issued: "SANA news agency", "army spokesman".
SPEAKER_WORDS = _words("""spokesman spokeswoman spokesperson spokespeople official officials source sources
    statement statements report reports figures figure data tally toll count estimate estimates bulletin
    communique update chief head commander director officer officers reporter reporters correspondent
    representative envoy channel website account news agency says said minister worker workers volunteer
    volunteers member members state media television tv radio newspaper daily group organisation organization
    service""")
# Words that open a description of a body without changing which body it is ("a local civil defence official").
DESCRIPTION_OPENERS = _words("local senior top unnamed anonymous")
# Words that only address or rank a person, and say nothing of the body they speak for ("Lt. Col. X").
RANKS = _words("""mr mr. mrs mrs. ms ms. dr dr. prof prof. lt lt. col col. gen gen. brig brig. capt capt. maj maj.
    sgt sgt. cpl cpl. adm adm. lieutenant colonel major general brigadier sergeant admiral marshal""")
# Titles before a person's name ("Health Minister Jane Okafor", "army spokesman Joel Mbeki").
TITLES = ROLE_WORDS | RANKS | _words("""secretary-general under-secretary-general commissioner ambassador envoy
    premier clergyman rebel gov gov. sen sen. rep rep.""")

# Lower-case words that may qualify a body ("local health officials").
MODIFIERS = _words("""local health hospital medical security military police government state state-run
    state-owned official press provincial district regional municipal city town camp coordination
    rescue emergency fire civil defence defense aid humanitarian independent opposition rebel
    tribal village senior top anonymous unnamed relief disaster ambulance border interior foreign
    intelligence news human rights monitoring civilian judicial forensic airport prison coast guard
    public national federal refugee migration protection community religious pro-government
    government-run army navy air force u.n. un peacekeeping""")

# Nouns for what a source issues: never a source themselves, but "the NDRRMC
# report" credits the NDRRMC and "a statement issued by the ministry" the ministry.
DOCUMENTS = _words("""report reports statement statements estimate estimates figures figure data tally
    count toll survey study release bulletin update account accounts version investigation
    analysis assessment record records document footage video images letter decree message
    post tweet information news story article communique briefing decree""")
ARTICLES = _words("the a an")
# Words that join the words of one name ("Office for the Coordination of Humanitarian Affairs").
CONNECTORS = _words("of for the and de du da del la le al bin ibn von van der den na to in on &")
# Pronouns that can stand for a source named before ("It said", "he added").
PRONOUNS = _words("it he she they")

# Nouns that, with "the", point back to a source already named ("the ministry added").
REFERRING_NOUNS = _words("""ministry military army group monitor organisation organization agency source
    sources official spokesman spokeswoman spokesperson statement report study survey party council
    office mission committee government command network coalition watchdog ngo charity body
    department directorate minister governor observatory centre center team service reporter
    correspondent decree""")


# Capitalised words that open a sentence or a clause but never a name.
NOT_NAMES = _words("""however meanwhile earlier later also but and yet still now then today yesterday
    tonight overall separately elsewhere in on at by after before while when if as so thus since
    although though there here more some many several other others another most all both each
    early initial first preliminary unconfirmed conflicting current latest recent previous final
    new further additional unofficial official last published updated posted speaking
    we i you this that these those""") | PRONOUNS | ARTICLES

MONTHS_AND_DAYS = _words("""january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday""")

# Weapons and aircraft types ("Mi-8", "Su-24" are caught by their shape as well).
WEAPONS = _words("""grad katyusha hellfire tomahawk scud kornet kalashnikov apache reaper predator
    tornado typhoon rafale sukhoi mig tupolev ilyushin antonov mirage chinook huey cobra tow
    javelin stinger patriot iskander tochka uragan smerch""")

# Nationality words: a source is never a demonym alone ("Syrian", "Iraqis").
DEMONYMS = _words("""afghan afghani albanian algerian american andorran angolan argentine argentinian
    armenian australian austrian azerbaijani azeri bahraini bangladeshi belarusian belgian
    beninese bolivian bosnian brazilian british bulgarian burkinabe burmese burundian cambodian
    cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech
    danish djiboutian dominican dutch ecuadorian egyptian emirati eritrean estonian ethiopian
    european filipino finnish french gabonese gambian georgian german ghanaian greek guatemalan
    guinean haitian honduran hungarian indian indonesian iranian iraqi irish israeli italian
    ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz
    lao latvian lebanese liberian libyan lithuanian macedonian malagasy malawian malaysian
    malian mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian
    nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
    paraguayan peruvian philippine polish portuguese qatari romanian russian rwandan saudi
    senegalese serbian singaporean slovak slovenian somali sudanese spanish
    lankan swedish swiss syrian taiwanese tajik tanzanian thai tibetan togolese tunisian
    turkish turkmen ugandan ukrainian uzbek venezuelan vietnamese yemeni zambian zimbabwean
    arab arabic western african asian kurd alawite sunni shiite shia christian muslim druze
    yazidi assyrian chechen pashtun tamil uighur uyghur rohingya""")
DEMONYMS = DEMONYMS | frozenset(word + "s" for word in DEMONYMS if not word.endswith(("ese", "ish", "ch", "s")))
# Capitalised words that are never part of a name: openers, dates ("on Saturday the Observatory said").
_NEVER_IN_NAMES = NOT_NAMES | MONTHS_AND_DAYS | {day + "s" for day in MONTHS_AND_DAYS} \
    | {day + "'s" for day in MONTHS_AND_DAYS} | {day + "’s" for day in MONTHS_AND_DAYS}


def is_name_word(word: str) -> bool:
    """A word that can stand in a proper name: capitalised, or an Arabic article prefix ("al-Faris")."""
    if word[:1].isupper():
        return word.lower() not in _NEVER_IN_NAMES or len(word) > 1 and word.isupper()
    return len(word) > 4 and word.lower().startswith(NAME_PREFIXES)
