"""Arabic reports: each rule of pipeline/extract/ar/ and of the shared window rules, in a sentence of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract import ReportContext, extract_claims
from schemas.reference import load_sources

DAY = dt.date(2020, 2, 20)


def claims(text: str):
    return extract_claims(text, ReportContext(published=DAY, publisher="Test Wire", language="ar"))


def facts(text: str):
    return [(c.metric, c.value, c.qualifier, c.population, c.stance) for c in claims(text)]


def credits(text: str):
    return [(c.metric, c.value, c.attributed_to) for c in claims(text)]


# ------------------------------------------------------------------ numbers, metrics, populations
@pytest.mark.parametrize("sentence, expected", [
    ("قُتِلَ ١٬٢٠٠ شخصٍ في القصف.", ("killed", 1200, "exact", "people", "asserted")),
    ("وأصيـــب ما لا يقل عن 15 مدنيا.", ("injured", 15, "at_least", "civilians", "asserted")),
    ("نزح نحو 1.5 مليون شخص عن بيوتهم.", ("displaced", 1500000, "approximately", "people", "asserted")),
    ("سقط قتيلان في الهجوم.", ("killed", 2, "exact", "people", "asserted")),
    ("اعتقلت القوات ثلاثة آلاف شخص.", ("detained", 3000, "exact", "people", "asserted")),
    ("وأدى القصف إلى مقتل عشرات المدنيين.", ("killed", 10, "vague", "civilians", "asserted")),
    ("وبلغ عدد الجرحى أكثر من 40.", ("injured", 40, "more_than", "people", "asserted")),
    ("وأصيب 6 صحفيين بجروح طفيفة.", ("injured", 6, "exact", "people", "asserted")),
    ("ونزح ما يقارب ألفي شخص من القرى الحدودية.", ("displaced", 2000, "approximately", "people", "asserted")),
    ("وفر مائتا شخص من المخيم.", ("displaced", 200, "exact", "people", "asserted")),
    ("وقتل ثلاث مئة شخص خلال الحصار.", ("killed", 300, "exact", "people", "asserted")),
    ("أسفر الانفجار عن سقوط ٩ قتلى و٢٢ جريحاً.", ("injured", 22, "exact", "people", "asserted")),
    ("عاد نحو 50 ألف نازح إلى بلداتهم.", ("returned", 50000, "approximately", "people", "asserted")),
    ("أعلنت الوزارة تسجيل 17 حالة وفاة جديدة.", ("killed", 17, "exact", "people", "asserted")),
    ("لقي 12 راكبا مصرعهم حين انقلبت الحافلة.", ("killed", 12, "exact", "people", "asserted")),
    ("وأفاد شهود بسقوط قتيلين وعدد من الجرحى.", ("killed", 2, "exact", "people", "asserted")),
    ("قضى 9 صيادين حين غرق قاربهم.", ("killed", 9, "exact", "people", "asserted")),
])
def test_arabic_figures(sentence, expected):
    assert expected in facts(sentence)


def test_arabic_quote_is_the_text_as_written():
    text = "قُتِلَ ٣ أشخاص في إدلب."
    claim = claims(text)[0]
    assert claim.quote == text[claim.start:claim.end] == text and claim.number_text == "٣"


def test_cases_of_a_disease_are_no_figure():
    assert facts("سجلت السلطات 130 حالة إصابة بالحصبة في المخيم.") == []


def test_things_in_the_accusative_are_no_figures():
    found = facts("دمر القصف 30 منزلا وقتل 4 أشخاص.")
    assert found == [("killed", 4, "exact", "people", "asserted")]


def test_one_written_after_a_thing_is_a_distance_not_a_count():
    assert facts("سقطت القذيفة على بعد كيلومتر واحد من السوق وقتل فيها شخصان.") == [
        ("killed", 2, "exact", "people", "asserted")]


def test_people_who_fled_abroad_are_refugees_and_those_who_fled_nearby_displaced():
    assert facts("فر أكثر من 3 آلاف شخص إلى دول الجوار خلال أسبوع.") == [
        ("refugees", 3000, "more_than", "people", "asserted")]
    assert facts("نزح 500 شخص إلى القرى المجاورة.") == [("displaced", 500, "exact", "people", "asserted")]


def test_a_dual_of_people_counts_two():
    assert ("killed", 2, "exact", "children", "asserted") in facts("قتل سبعة مدنيين بينهم طفلان في الغارة.")


# ------------------------------------------------------------------ what a count is tied to
def test_past_the_subject_only_a_verb_governs_a_count():
    found = facts("وبعد أن خلفت المعارك عشرات القتلى وأجبرت نحو ألفي شخص على ترك منازلهم عادت القوات.")
    assert ("displaced", 2000, "approximately", "people", "asserted") in found
    assert not any(fact[:2] == ("killed", 2000) for fact in found)


def test_a_subset_with_its_own_verb_keeps_it():
    found = facts("وأصيب 40 شخصا، من بينهم ثلاثة مسعفين توفوا لاحقا في المستشفى.")
    assert ("killed", 3, "exact", "people", "asserted") in found


def test_a_subset_without_a_verb_takes_the_figure_before_not_the_next_clause():
    found = facts("قتل 20 شخصا بينهم 5 أطفال وأصيب 30 آخرون.")
    assert ("killed", 5, "exact", "children", "asserted") in found
    assert ("injured", 30, "exact", "people", "asserted") in found


def test_a_count_far_after_the_figure_before_does_not_take_it():
    found = facts("أسرت القوات 40 جنديا ونقلتهم إلى مدينة أخرى بعد ساعات من المعارك، و 5 من أفراد الطاقم.")
    assert [fact[:2] for fact in found] == [("detained", 40)]


def test_a_relative_clause_names_the_metric_over_a_vague_noun():
    assert ("missing", 1000, "vague", "people", "asserted") in facts("وما زال آلاف الضحايا الذين ما زالوا تحت الأنقاض.")


def test_the_toll_is_the_death_toll():
    assert ("killed", 35, "exact", "people", "asserted") in facts("وارتفعت حصيلة الهجوم على السوق إلى 35.")


# ------------------------------------------------------------------ credits
@pytest.mark.parametrize("sentence, source", [
    ("قتل 12 مدنيا بحسب المرصد السوري لحقوق الإنسان.", "المرصد السوري لحقوق الإنسان"),
    ("نزح أكثر من 900 ألف شخص، وفقا للأمم المتحدة.", "الأمم المتحدة"),
    ("وقتل 8 أشخاص بحسب بيان وزارة الصحة.", "وزارة الصحة"),
    ("صرحت الحكومة بأنها اعتقلت 14 شخصا.", "الحكومة"),
])
def test_arabic_credits(sentence, source):
    assert claims(sentence)[0].attributed_to == source


def test_arabic_source_resolves_through_the_registry():
    for sentence in ("قتل 12 مدنيا بحسب المرصد السوري لحقوق الإنسان.", "نزح أكثر من 900 ألف شخص، وفقا للأمم المتحدة."):
        assert load_sources().lookup(claims(sentence)[0].attributed_to) is not None


def test_a_document_or_a_verb_without_subject_refers_to_the_source_named_before():
    text = ("أعلنت وزارة الصحة حصيلة جديدة مساء السبت. وقالت الوزارة إن الطواقم ما زالت تعمل. "
            "وأكدت مقتل 40 شخصا خلال يومين. وأضاف البيان أن 90 آخرين أصيبوا.")
    found = credits(text)
    assert ("killed", 40, "وزارة الصحة") in found
    assert ("injured", 90, "وزارة الصحة") in found


def test_estimates_make_a_figure_approximate_and_credit_nobody():
    claim = claims("وأعدم خمسة آلاف شخص في تلك السنة حسب بعض التقديرات.")[0]
    assert (claim.value, claim.qualifier, claim.attributed_to) == (5000, "approximately", None)


def test_arabic_statement_of_no_casualties_is_a_denied_zero():
    assert ("injured", 0, "exact", "people", "denied") in facts("وقالت الوزارة إنه لم تقع أية إصابات.")


def test_who_denies_any_casualty_is_credited_with_the_denial():
    claim = claims("ونفت وزارة الدفاع سقوط أي قتلى مدنيين.")[0]
    assert (claim.metric, claim.value, claim.population, claim.stance, claim.attributed_to) == (
        "killed", 0, "civilians", "denied", "وزارة الدفاع")


def test_a_name_runs_to_six_words_and_ends_before_what_happened():
    assert credits("نزح 40 ألف شخص، بحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية.") == [
        ("displaced", 40000, "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية")]
    assert credits("أفادت وكالة الأنباء الرسمية بمقتل 5 أشخاص.") == [("killed", 5, "وكالة الأنباء الرسمية")]


# ------------------------------------------------------------------ periods
@pytest.mark.parametrize("since, start", [
    ("منذ 5 شباط", "2020-02-05"),
    ("منذ الأول من كانون الأول", "2019-12-01"),
    ("منذ مطلع شهر كانون الثاني", "2020-01-01"),
    ("منذ أواخر نيسان 2019", "2019-04-21"),
    ("منذ بداية العام", "2020-01-01"),
])
def test_arabic_period_since_a_date(since, start):
    claim = claims(f"نزح 30 ألف شخص {since}.")[0]
    assert (claim.period_start, claim.period_end) == (start, "2020-02-20")


def test_the_period_is_quoted_as_the_report_writes_it():
    claim = claims("نزح ٣٠ ألف شخص مُنذُ الأوَّل من كانون الأول.")[0]
    assert (claim.period_text, claim.period_start) == ("مُنذُ الأوَّل من كانون الأول", "2019-12-01")


def test_the_toll_names_the_group_counted():
    assert ("killed", 23, "exact", "civilians", "asserted") in facts("ارتفع عدد القتلى المدنيين في البلدة إلى 23.")


def test_the_noun_of_the_count_before_does_not_name_the_next():
    assert facts("سجلت الوزارة 3 وفيات و120 إصابة جديدة بفيروس كورونا.") == [("killed", 3, "exact", "people", "asserted")]
    assert ("injured", 5, "exact", "people", "asserted") in facts("قتل 3 أشخاص و5 جرحى في الهجوم.")
