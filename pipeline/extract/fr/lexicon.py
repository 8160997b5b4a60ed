"""French words that make a number a figure, the people it counts, and the words around it.

Plain sets built from blocks of words, looked up on lower-cased words; each
maps to our English codes (metrics, populations, qualifiers).
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _mapping(**blocks: str) -> dict[str, str]:
    return {word: code for code, text in blocks.items() for word in text.split()}


# Nouns and participles naming what happened to the people counted ("29 morts", "ont été tués").
METRIC_WORDS = _mapping(
    killed="""morts mortes mort morte tués tuées tué tuée décès décédés décédées décédé décédée
        victimes martyrs corps cadavres dépouilles péri tuant abattus abattues abattu abattant exécutés exécutées
        exécutant exécuté exécutée massacrés massacrant""",
    injured="""blessés blessées blessé blessée blessant blessure blessures""",
    displaced="""déplacés déplacées déplacé déplacée déplace déplacent déplaçant évacués évacuées évacué évacuée sinistrés sans-abri fui fuient
        fuyant""",
    refugees="""réfugiés réfugiées réfugié réfugiée""",
    returned="""rapatriés rapatriées retournés retournées rentrés rentrées""",
    missing="""disparus disparues disparu disparue""",
    detained="""otages otage arrestations arrestation interpellations interpellation interpellés
        interpellées interpellé interpellée arrêtés arrêtées arrêté enlevés enlevées enlevé enlevée capturés capturées
        capturé capturant kidnappés kidnappées kidnappant enlevant arrêtant interpellant détenus détenues
        prisonniers captifs gardes-à-vue retient retiennent retenus retenues détient détiennent""",
)
# Of those, the nouns that name the counted people themselves ("166 blessés", "5 000 otages").
METRIC_NOUNS = _words("""morts mortes victimes martyrs corps cadavres dépouilles décès blessés blessées
    déplacés déplacées évacués sinistrés sans-abri réfugiés réfugiées rapatriés disparus disparues otages
    arrestations interpellations détenus prisonniers captifs""")
# Toll nouns: "le nombre de morts s'élève à 45", "le bilan des victimes atteint 30" (the noun after names the metric).
TOLLS = dict.fromkeys(("nombre", "bilan", "total", "chiffre", "décompte"))
# Auxiliaries and copulas: after one, the count's verb has begun ("ont été secourues et des centaines ...").
AUXILIARIES = _words("""a ont avait avaient aurait auraient aura auront ait aient est sont était étaient serait
    seraient sera seront soit soient été""")
# "la mort de 60 terroristes", "l'arrestation de 39 personnes": a noun of what happened, then "de".
OF_NOUNS = _mapping(
    killed="mort décès assassinat exécution",
    injured="blessure",
    detained="arrestation interpellation enlèvement capture détention",
    displaced="évacuation déplacement fuite",
)
# Verb phrases of more than one word: "ont perdu la vie", "ont trouvé la mort", "se sont réfugiés".
PHRASES = {
    ("perdu", "la", "vie"): "killed", ("coûté", "la", "vie"): "killed", ("perdent", "la", "vie"): "killed", ("trouvé", "la", "mort"): "killed",
    ("portées", "disparues"): "missing", ("portés", "disparus"): "missing", ("pris", "en", "otage"): "detained",
    ("placés", "en", "garde"): "detained", ("mis", "en", "détention"): "detained",
    ("gardes", "à", "vue"): "detained", ("à", "la", "mer"): "missing",
    ("regagné", "leurs"): "returned", ("regagné", "leur"): "returned", ("rentrés", "chez"): "returned",
    # "ont dû quitter leurs foyers", "ont abandonné leur village": people who left their homes are displaced
    **{(verb, own, home): "displaced" for verb in ("quitter", "quitté", "abandonner", "abandonné", "fuir")
       for own in ("leur", "leurs") for home in ("foyer", "foyers", "maison", "maisons", "domicile", "domiciles",
                                                 "village", "villages", "habitations", "terres")},
}
# Arrivals by sea or over a border count refugees ("37 785 personnes sont arrivées en Italie").
ARRIVALS = _words("arrivés arrivées arrivé arrivée débarqué débarqués débarquées")

# Civilians only where the text says so; residents, workers of any trade and police are people, as the
# labelled French and Arabic articles code them.
POPULATIONS = _mapping(
    civilians="""civils civiles civil""",
    children="""enfants enfant mineurs garçons filles bébés nourrissons lycéennes lycéens écoliers écolières""",
    women="femmes femme mères",
    combatants="""combattants rebelles insurgés militants djihadistes jihadistes terroristes assaillants
        islamistes miliciens membres kamikazes hommes-armés""",
    soldiers="""soldats soldat militaires militaire gendarmes gendarme casques troupes marines
        paras légionnaires fds fama""",
    people="""personnes personne gens individus policiers policier agents manifestants migrants passagers
        victimes autres habitants villageois journalistes travailleurs humanitaires médecins infirmiers
        secouristes élèves étudiants enseignants fidèles""",
)
# "policiers et soldats": a list naming soldiers is soldiers.
# Nouns whose counts are never figures of people.
THINGS = _words("""ans an années année mois jours jour heures heure minutes semaines semaine km kilomètres
    mètres tonnes kilos hectares euros dollars francs livres pour % maisons bâtiments écoles hôpitaux
    véhicules voitures camions chars avions hélicoptères drones frappes raids bombes roquettes obus
    missiles attaques attentats villages villes localités pays provinces régions sites camps tentes
    bateaux navires embarcations fois cas points postes voix sièges pages articles millions milliards""")

# Hedges before a number: (phrase, qualifier); the longest is matched first.
QUALIFIERS = {
    "au moins": "at_least", "pas moins de": "at_least", "au minimum": "at_least", "minimum": "at_least",
    "plus de": "more_than", "plus que": "more_than", "plus d'": "more_than", "au-delà de": "more_than",
    "près de": "approximately", "environ": "approximately", "quelque": "approximately",
    "quelques": "approximately", "à peu près": "approximately", "approximativement": "approximately",
    "presque": "approximately", "autour de": "approximately", "une estimation de": "approximately",
    "jusqu'à": "up_to", "pas plus de": "up_to", "moins de": "less_than",
}
# Words that open a subset of the figure before ("29 morts dont 27 policiers").
SUBSET_LEADS = _words("dont parmi incluant y compris notamment")
# Words that join a count to the one before it without naming a metric ("41 blessés, puis 48").
ELIDED_LEADS = _words(", et puis : ; ( ou") - {";"}

# Verbs that credit a figure to whoever they name ("a indiqué le ministère", "MSF a déclaré").
REPORTING = _words("""indiqué indique indiquent déclaré déclare déclarent annoncé annonce annoncent affirmé
    évoque évoquent évoqué évalue évaluent clame clament clamé
    affirme affirment précisé précise précisent rapporté rapporte rapportent confirmé confirme
    confirment ajouté ajoute ajoutent estimé estime estiment expliqué explique assuré assure
    signalé signale dénombré dénombre recensé recense communiqué rapportait annonçait indiquait
    affirmait estimait""")
CREDIT_PREPOSITIONS = ("selon", "d'après", "d’après", "de source", "de sources", "citant")
# Documents a credit names before its issuer ("selon l'annonce du gouvernement", "d'après un bilan de l'ONU").
DOCUMENTS = _words("""annonce annonces communiqué communiqués rapport rapports bilan bilans déclaration déclarations
    décompte chiffres données statistiques enquête""")
# Estimates: "selon certaines estimations" makes a figure approximate, credited to whoever issued them.
ESTIMATES = _words("estimation estimations estimé estimée estimés estimées")
# Generic nouns before a proper name, left out of it: "l'organisation Airwars", "le bureau de MSF".
GENERIC_HEADS = _words("""organisation ong association agence journal quotidien hebdomadaire site chaîne radio
    télévision groupe bureau antenne branche délégation mission""")
# Titles written before a person's name, left out of it: "le préfet Jean Kaboré" credits Jean Kaboré.
TITLES = _words("""préfet ministre président présidente gouverneur maire général colonel commandant capitaine
    lieutenant chef directeur directrice docteur professeur porte-parole""")
# Whoever speaks for a body credits the body: "un porte-parole du ministère de la Santé".
SPEAKERS = _words("porte-parole porte-paroles représentant représentante représentants")
# Nationality adjectives after a body's name: "gouvernement camerounais", "armée malienne", "autorités afghanes".
DEMONYM_ENDINGS = ("ais", "aise", "aises", "ain", "aine", "ains", "aines", "ien", "ienne", "iens", "iennes",
                   "an", "ane", "ans", "anes", "ois", "oise", "oises", "russe", "russes", "turc", "turque", "turcs",
                   "belge", "belges", "suisse", "suisses", "burkinabè", "burkinabés", "burkinabé")
# Times said between a reporting verb and its subject: "ont annoncé le 26 mars les Nations unies".
TIME_WORDS = _words("""hier aujourd'hui lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi
    après-midi nuit dernier dernière ce cette mois semaine jour ensuite également aussi encore enfin""")
DENIALS = _words("""démenti dément démentent démentant nie nient nié niant réfute réfuté conteste contesté
    mentez mentent""")
# Words that may stand in a source's name besides capitalised ones ("ministère de la Santé").
NAME_WORDS = _words("""ministère ministre ministres gouvernement source sources sécuritaires sécuritaire
    officier officiers responsable responsables chef directeur directrice président présidente maire gouverneur
    préfet commandant porte-paroles état-major
    policière policières officielles officielle officiels officiel locales locaux locale local médicales médicale
    hospitalières militaires militaire armée police gendarmerie préfecture autorités autorité porte-parole
    commission comité agence organisation observatoire bureau conseil mission forces secours
    protection civile journalistes humanitaires gardes-côtes santé sécurité défense intérieur
    affaires étrangères unies droits homme l'homme de du des la le l' d' et""")
ARTICLES = _words("le la les l' un une des du de d'")
CLAUSE_BREAKS = frozenset(";:()«»\"“”—–")
MONTHS = {name: index for index, names in enumerate((
    "janvier janv", "février févr fevrier", "mars", "avril avr", "mai", "juin", "juillet juil",
    "août aout", "septembre sept", "octobre oct", "novembre nov", "décembre déc decembre"), start=1)
    for name in names.split()}
WEEKDAYS = {name: index for index, name in enumerate("lundi mardi mercredi jeudi vendredi samedi dimanche".split())}
