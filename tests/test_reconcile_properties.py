"""Invariants of reconciliation, over generated claims (hypothesis).

Claims are drawn over eight days, most of them about one place, from originators of every grade, with
republications, denials and parties' claims; each test says what must hold
whatever they are. reconcile_rules.py is the same rules written out claim by
claim, which the column code must agree with exactly.
"""
import random

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.publish.formats import csv_bytes
from pipeline.reconcile import reconcile
from pipeline.reconcile.figures import FIGURE_COLUMNS
from reconcile_rules import figures as rule_figures, tables

# originators by grade: OCHA and the UN HIGH; the Observatory and Al Jazeera (not in
# the registry) MEDIUM; Al-Masdar LOW; Russia and SANA parties to the conflict
SOURCES = ["OCHA", "United Nations", "Syrian Observatory for Human Rights", "Al Jazeera", "Al-Masdar", "Russia",
           "SANA", None]
GRADE_OF = {"OCHA": 2, "United Nations": 2, "Syrian Observatory for Human Rights": 1, "Al Jazeera": 1,
            "Al-Masdar": 0}
PUBLISHERS = ["Reuters", "AFP", "EA WorldView", "Al Jazeera"]
QUALIFIERS = ["exact", "more_than", "at_least", "approximately", "up_to", "less_than", "range", "vague"]
SERIES_KEY = ["metric", "population", "location", "period_start"]

claim_rows = st.fixed_dictionaries({
    "metric": st.sampled_from(["killed", "displaced", "displaced"]),
    "value": st.integers(0, 2_000_000),
    "extra": st.integers(0, 500_000),
    "qualifier": st.sampled_from(QUALIFIERS),
    "hedge": st.sampled_from([None, "nearly", "about"]),
    "population": st.sampled_from(["people", "civilians"]),
    "stance": st.sampled_from(["asserted", "asserted", "asserted", "denied"]),
    "attributed_to": st.sampled_from(SOURCES + ["OCHA", "United Nations"]),
    "place": st.sampled_from(["northwest Syria", "northwest Syria", "Idleb", None]),
    "period_start": st.sampled_from([None, "2019-12-01", "2019-12-01"]),
    "day": st.integers(1, 8),
    "publisher": st.sampled_from(PUBLISHERS),
})
windows = st.sampled_from([0, 3, 14])


def keyed(figures: pd.DataFrame) -> dict:
    return {(row["metric"], row["population"], row["location"],
             row["period_start"] if isinstance(row["period_start"], str) else None, row["as_of"]): row
            for row in figures.to_dict("records")}


def _same(value, expected) -> bool:
    if expected is None:
        return value is None or pd.isna(value)
    return value == expected


@settings(max_examples=40, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=25), windows)
def test_the_columns_agree_with_the_rules_written_claim_by_claim(rows, window):
    claims, reports = tables(rows)
    published = keyed(reconcile(claims, reports, stale_after_days=window).figures)
    expected = rule_figures(claims, reports, window)
    assert set(published) == set(expected)
    for key, figure in expected.items():
        row = published[key]
        for column in ("low", "best", "high", "best_claim_id", "best_source", "best_age_days", "sources",
                       "n_sources", "claim_ids", "disputed_by", "adm1", "conflict", "reliability", "revision",
                       "revised_by"):
            assert _same(row[column], figure[column]), (key, column, row[column], figure[column])


@settings(max_examples=40, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=25), windows)
def test_bounds_are_ordered_ids_resolve_and_denials_never_set_a_best(rows, window):
    claims, reports = tables(rows)
    result = reconcile(claims, reports, stale_after_days=window)
    figures = result.figures
    assert result.sources["claims"].sum() == len(claims) and (result.sources["claims"] >= 1).all()
    known = set(claims["claim_id"])
    disputing = set(claims[claims["stance"] == "denied"]["claim_id"])
    disputing |= set(claims[claims["attributed_to"].isin(["Russia", "SANA"])]["claim_id"])
    for figure in figures.to_dict("records"):
        assert figure["low"] <= figure["best"]
        assert pd.isna(figure["high"]) or figure["best"] <= figure["high"]
        assert set(figure["claim_ids"]) <= known and set(figure["disputed_by"]) <= known
        assert not set(figure["claim_ids"]) & disputing and figure["best_claim_id"] in figure["claim_ids"]
        assert figure["n_sources"] >= 1 and 0 <= figure["best_age_days"]


@settings(max_examples=40, deadline=None)
@given(st.lists(claim_rows, min_size=2, max_size=25), windows)
def test_a_flow_falls_only_by_its_own_source_s_revision_or_a_better_source_in_the_window(rows, window):
    claims, reports = tables(rows)
    figures = reconcile(claims, reports, stale_after_days=window).figures
    top_grade = {key: figure["top_grade"] for key, figure in rule_figures(claims, reports, window).items()}
    flows = figures[figures["period_start"].notna()]
    for _, series in flows.groupby(SERIES_KEY):
        ordered = series.sort_values("as_of").to_dict("records")
        for before, after in zip(ordered, ordered[1:]):
            if after["best"] < before["best"]:
                better_source = top_grade[tuple(keyed(pd.DataFrame([after])))[0]] > \
                    top_grade[tuple(keyed(pd.DataFrame([before])))[0]]
                assert after["revision"] or better_source, (before, after)
            if after["revision"]:
                assert after["best"] < before["best"] and after["revised_by"] in set(claims["claim_id"])


@settings(max_examples=40, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=20), windows, st.data())
def test_a_lower_graded_claim_in_the_window_never_changes_best(rows, window, data):
    claims, reports = tables(rows)
    before = keyed(reconcile(claims, reports, stale_after_days=window).figures)
    graded = [key for key, figure in before.items() if GRADE_OF.get(figure["best_source"], 1) > 0
              and figure["best_age_days"] <= window]
    if not graded:
        return
    key = data.draw(st.sampled_from(sorted(graded, key=str)))
    figure = before[key]
    lower = [name for name, grade in GRADE_OF.items() if grade < GRADE_OF.get(figure["best_source"], 1)]
    template = next(row for row, claim_id in zip(rows, claims["claim_id"]) if claim_id == figure["best_claim_id"])
    day = int(key[4][-2:]) - data.draw(st.integers(0, min(window, int(key[4][-2:]) - 1)))
    added = dict(template, attributed_to=data.draw(st.sampled_from(lower)), day=day, stance="asserted",
                 value=data.draw(st.integers(0, 3_000_000)), qualifier=data.draw(st.sampled_from(QUALIFIERS)))
    claims2, reports2 = tables(rows + [added])
    after = keyed(reconcile(claims2, reports2, stale_after_days=window).figures)
    top_grade = {k: f["top_grade"] for k, f in rule_figures(claims2, reports2, window).items()}
    added_grade = GRADE_OF[added["attributed_to"]]
    for key, figure in before.items():
        if top_grade[key] > added_grade:  # a better-graded source speaks in this figure's window
            assert after[key]["best"] == figure["best"], key


@settings(max_examples=25, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=25), windows, st.randoms(use_true_random=False))
def test_reordering_the_input_rows_changes_no_output_byte(rows, window, shuffle: random.Random):
    claims, reports = tables(rows)
    reference = reconcile(claims, reports, stale_after_days=window)
    order = list(range(len(claims)))
    shuffle.shuffle(order)
    reordered = reconcile(claims.iloc[order].reset_index(drop=True),
                          reports.sample(frac=1, random_state=shuffle.randrange(1000)).reset_index(drop=True),
                          stale_after_days=window)
    assert csv_bytes(reordered.figures, FIGURE_COLUMNS) == csv_bytes(reference.figures, FIGURE_COLUMNS)
    assert reordered.sources.equals(reference.sources)


@settings(max_examples=30, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=20), st.data())
def test_a_republication_changes_only_the_evidence(rows, data):
    claims, reports = tables(rows)
    before = reconcile(claims, reports).figures.set_index("figure_id")
    original = data.draw(st.sampled_from(range(len(rows))))
    copy = dict(rows[original])
    copy["publisher"] = "Republishing Outlet"
    if copy["attributed_to"] is None:
        copy["attributed_to"] = rows[original]["publisher"]  # the copy credits the first publisher
    claims2, reports2 = tables(rows + [copy])
    after = reconcile(claims2, reports2).figures.set_index("figure_id")
    assert set(after.index) == set(before.index)
    columns = ["low", "best", "high", "n_sources", "conflict", "reliability", "revision", "best_source"]
    pd.testing.assert_frame_equal(after.loc[before.index, columns], before[columns])
