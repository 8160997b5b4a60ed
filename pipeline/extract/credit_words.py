"""The words attribution reads: reporting verbs, the bodies reports credit, titles, and what is never a source.

Plain tables so a reader can see why a phrase was or was not taken as a
source. Every lookup is on the lower-cased word.
"""
from __future__ import annotations

from pipeline.extract.lexicon import REPORTING_VERBS as _LEXICON_VERBS


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
# Words that introduce the issuer after a document noun: "figures from", "released by".
ISSUED = _words("from by of issued released published compiled given provided")

ARTICLES = _words("the a an")
# Determiners of a body the report leaves vague: "other sources", "some reports" credit nobody.
VAGUE = _words("other some several many various")
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

# Of those, the ones naming an institution: "the ministry" is the last ministry named, not any source.
INSTITUTIONS = _words("""ministry military army group monitor organisation organization agency party council
    office mission committee government command network coalition watchdog ngo charity department
    directorate observatory centre center team service reporter correspondent""")

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
