"""Invariants of reconciliation, over generated claims (hypothesis)."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.table import CLAIM_COLUMNS
from pipeline.reconcile import reconcile

SOURCES = ["OCHA", "United Nations", "Syrian Observatory for Human Rights", "Al Jazeera", "Russia", "SANA", None]
PUBLISHERS = ["Reuters", "AFP", "EA WorldView", "Sputnik"]
QUALIFIERS = ["exact", "more_than", "at_least", "approximately", "up_to", "less_than", "range", "vague"]

claim_rows = st.fixed_dictionaries({
    "metric": st.sampled_from(["killed", "displaced"]),
    "value": st.integers(0, 2_000_000),
    "extra": st.integers(0, 500_000),
    "qualifier": st.sampled_from(QUALIFIERS),
    "hedge": st.sampled_from([None, "nearly", "about"]),
    "population": st.sampled_from(["people", "civilians"]),
    "stance": st.sampled_from(["asserted", "asserted", "asserted", "denied"]),
    "attributed_to": st.sampled_from(SOURCES),
    "place": st.sampled_from(["northwest Syria", "Idleb", None]),
    "period_start": st.sampled_from([None, "2019-12-01"]),
    "day": st.integers(1, 28),
    "publisher": st.sampled_from(PUBLISHERS),
})


def tables(rows: list[dict]):
    claims, reports = [], []
    for number, row in enumerate(rows):
        report_id = f"{number:064x}"
        published = f"2020-02-{row['day']:02d}"
        adm1 = {"northwest Syria": "Idleb;Aleppo", "Idleb": "Idleb", None: None}[row["place"]]
        claims.append({
            "claim_id": f"c{number:04d}", "report_id": report_id, "metric": row["metric"], "value": row["value"],
            "high": row["value"] + row["extra"] if row["qualifier"] == "range" else None,
            "qualifier": row["qualifier"], "hedge": row["hedge"], "population": row["population"],
            "stance": row["stance"], "attributed_to": row["attributed_to"], "location": row["place"],
            "place": row["place"], "adm0": "SYR", "adm1": adm1, "period_start": row["period_start"],
            "period_end": published, "period_text": None, "quote": "q", "start": 0, "end": 1, "number_text": "1",
        })
        reports.append({"report_id": report_id, "publisher": row["publisher"], "published": published})
    claims = pd.DataFrame(claims, columns=CLAIM_COLUMNS)
    claims["high"] = claims["high"].astype("Int64")
    return claims, pd.DataFrame(reports)


@settings(max_examples=60, deadline=None)
@given(st.lists(claim_rows, min_size=1, max_size=25))
def test_bounds_are_ordered_ids_resolve_and_denials_never_set_a_best(rows):
    claims, reports = tables(rows)
    figures = reconcile(claims, reports).figures
    known = set(claims["claim_id"])
    disputing = set(claims[claims["stance"] == "denied"]["claim_id"])
    disputing |= set(claims[claims["attributed_to"].isin(["Russia", "SANA"])]["claim_id"])
    for figure in figures.itertuples():
        assert figure.low <= figure.best
        assert pd.isna(figure.high) or figure.best <= figure.high
        assert set(figure.claim_ids) <= known and set(figure.disputed_by) <= known
        assert not set(figure.claim_ids) & disputing
        assert figure.n_sources >= 1


@settings(max_examples=60, deadline=None)
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
    columns = ["low", "best", "high", "n_sources", "conflict", "reliability", "revision"]
    pd.testing.assert_frame_equal(after.loc[before.index, columns], before[columns])
