"""Arabic words that make a number a figure, the people it counts, and the words around it.

Written as news writes them; each is folded (fold.py) before it is looked up,
and looked up with its clitics off (و، ف، ب، ل، ك، ال before it; ها، هم after).
"""
from __future__ import annotations

from pipeline.extract.ar.fold import folded_word


def _words(text: str) -> frozenset[str]:
    return frozenset(folded_word(word) for word in text.split())


def _mapping(**blocks: str) -> dict[str, str]:
    return {folded_word(word): code for code, text in blocks.items() for word in text.split()}


# Nouns that name the counted people themselves ("26 ألف قتيل", "183 شهيدا", "قتيلان").
NOUNS = _mapping(
    killed="قتيل قتيلا قتلى قتيلان قتيلين شهيد شهيدا شهداء شهيدان شهيدين جثة جثث ضحايا وفاة وفيات",
    injured="جريح جريحا جرحى جريحان جريحين مصاب مصابا مصابين مصابون إصابات",
    displaced="نازح نازحا نازحين نازحون مهجر مهجرا مهجرين مشرد مشردين",
    refugees="لاجئ لاجئا لاجئين لاجئون",
    returned="عائد عائدا عائدين عائدون",
    missing="مفقود مفقودا مفقودين مفقودون",
    detained="معتقل معتقلا معتقلين معتقلون أسير أسيرا أسرى رهينة رهائن مختطف مختطفين محتجز محتجزين",
)
# Verbs and verbal nouns before the count or after it ("مقتل 28 شخصا", "وأصيب 10", "65 جنديا أسرتهم").
VERBS = _mapping(
    killed="""قتل قتلت قتلوا يقتل مقتل استشهد استشهدوا استشهاد توفي توفوا قضى قضوا غرقا أعدم إعدام
        أعدمت حتفهم حتفه مصرع""",
    injured="جرح جرحت أصيب أصيبوا أصيبت إصابة يصاب",
    displaced="""نزح نزحوا نزوح تهجير هجر هجرت ترحيل رحل فر فروا فرار لجأ لجأوا لجوء يحتمي يأوي
        تشريد شرد""",
    refugees="لجوء",
    missing="فقد فقدان",
    detained="اعتقل اعتقلت اعتقال أسر أسرت أسرتهم اختطف اختطاف اختطفت احتجز احتجاز خطف",
    returned="عاد عادت عادوا يعود عودة",
)
METRICS = {**VERBS, **NOUNS}
# Verb phrases of several words: "على ترك ديارهم", "تحت الركام".
PHRASES = {
    (folded_word("ترك"), folded_word("ديارهم")): "displaced", (folded_word("ترك"), folded_word("منازلهم")): "displaced",
    (folded_word("تحت"), folded_word("الركام")): "missing", (folded_word("تحت"), folded_word("الأنقاض")): "missing",
}
POPULATIONS = _mapping(
    civilians="مدني مدنيا مدنيين مدنيون",  # only where the text says so, as the labelled articles code it
    children="طفل طفلا أطفال أطفالا قاصر قاصرين تلميذ تلاميذ طفلان طفلين طفلتان طفلتين",
    women="امرأة نساء سيدة سيدات امرأتان امرأتين",
    combatants="""مقاتل مقاتلا مقاتلين مسلح مسلحا مسلحين عناصر عنصر عنصرا عنصران عنصرين إرهابي إرهابيين قادة قيادي
        متشدد متشددين""",
    soldiers="جندي جنديا جنود عسكري عسكريين ضابط ضباط جنديان جنديين",
    people="""شخص شخصا أشخاص شخصين شخصان فرد أفراد مواطن مواطنا مواطنين شرطي شرطيا شرطة آخرين آخرون سكان
        صحفي صحفيين مسعف مسعفين مسعفا طالب طالبا طلاب طلبة""",
)
# Duals of nouns of people whose plural is another word, so the dual is unmistakably two ("بينهم طفلان").
PEOPLE_DUALS = _words("طفلان طفلين طفلتان طفلتين امرأتان امرأتين جنديان جنديين عنصران عنصرين شخصان شخصين")
GENERIC = _words("شخص شخصا أشخاص شخصين شخصان فرد أفراد آخرين آخرون ضحايا")
THINGS = _words("""عام عاما أعوام سنة سنوات يوم يوما أيام ساعة ساعات شهر أشهر أسبوع أسابيع كيلومتر كيلومترات كم
    متر أمتار دولار دولارا يورو ليرة منزل منازل مبنى مباني غارة غارات صاروخ صواريخ قذيفة قذائف حالة حالات
    مدرسة مدارس مستشفى قرية قرى مدينة مدن دولة دول بلدا مرة مرات طن نسبة بالمئة بالمائة في‌المئة""")
QUALIFIERS = {
    "أكثر من": "more_than", "ما يزيد عن": "more_than", "ما يزيد على": "more_than", "يزيد عن": "more_than",
    "يزيد على": "more_than", "يزيد عن": "more_than", "أزيد من": "more_than", "لأكثر من": "more_than",
    "لما يزيد عن": "more_than", "وأكثر من": "more_than",
    "نحو": "approximately", "حوالي": "approximately", "قرابة": "approximately", "زهاء": "approximately",
    "ما يقارب": "approximately", "ما يقرب من": "approximately", "يقارب": "approximately", "تقريبا": "approximately",
    "ما لا يقل عن": "at_least", "لا يقل عن": "at_least", "على الأقل": "at_least",
    "أقل من": "less_than", "ما يصل إلى": "up_to", "حتى": "up_to",
}
SUBSET_LEADS = _words("بينهم بينهن منهم منهن بينها ضمنهم")
ELIDED_LEADS = frozenset({",", "،", folded_word("و")})
STOPS = _words("الذي الذين التي حيث بينما لكن عندما إذ بحسب حسب وفق وفقا")
# Relative pronouns: "آلاف الضحايا الذين لا يزالون تحت الركام" (the clause names the metric).
RELATIVES = _words("الذي الذين التي اللذين اللواتي اللاتي")
# Nouns as vague as "victims": a relative clause on them names the metric.
WEAK = _words("ضحايا ضحية")
# Toll nouns before a count: "عدد القتلى" takes the noun after it; "الحصيلة" alone is the death toll.
TOLLS = {folded_word("عدد"): None, folded_word("حصيلة"): "killed"}
ACCUSATIVE = folded_word("ا")  # the indefinite accusative's alef: "منزلا", "شخصا"
REPORTING = _words("""قال قالت أفاد أفادت أعلن أعلنت ذكر ذكرت أكد أكدت أشار أشارت صرح صرحت أوضح أوضحت
    أضاف أضافت نقل نقلت وثق وثقت رصد رصدت كشف كشفت""")
CREDIT_CUES = _words("بحسب حسب وفقا وفق لـ نقلا")
# Documents a credit names before its issuer, without article: "بحسب بيان وزارة الصحة", "وأضاف البيان".
DOCUMENTS = _words("بيان تقرير إحصاءات إحصائيات إحصائية معطيات أرقام حصيلة تصريح بلاغ")
# Estimates: "حسب بعض التقديرات" makes a figure approximate.
ESTIMATES = _words("تقديرات تقدير")
DENIALS = _words("نفى نفت ينفي تنفي نفي")
MONTHS = _mapping(**{str(index): names for index, names in enumerate((
    "يناير كانون-الثاني", "فبراير شباط", "مارس آذار", "أبريل إبريل نيسان", "مايو أيار", "يونيو حزيران",
    "يوليو تموز", "أغسطس آب", "سبتمبر أيلول", "أكتوبر تشرين-الأول", "نوفمبر تشرين-الثاني", "ديسمبر كانون-الأول"),
    start=1)})
MONTHS = {name.replace("-", " "): int(index) for name, index in MONTHS.items()}
