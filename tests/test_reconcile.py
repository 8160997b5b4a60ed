import pandas as pd

from pipeline.extract import claims_table
from pipeline.reconcile import reconcile


def build(reports: list[tuple[str, str, str, str]]):
    """reports: (report_id letter, publisher, published, text)."""
    rows, texts = [], {}
    for letter, publisher, published, text in reports:
        report_id = letter * 64
        rows.append({"report_id": report_id, "path": f"{letter}.md", "title": "t", "publisher": publisher,
                     "url": "https://x.org", "published": published, "format": "markdown", "size": 1,
                     "location": "northwest Syria", "text_sha256": "0" * 64})
        texts[report_id] = text
    reports_frame = pd.DataFrame(rows)
    claims = claims_table(reports_frame, texts)
    return claims, reports_frame


def displaced_since_december(figures: pd.DataFrame) -> pd.DataFrame:
    chosen = figures[(figures["metric"] == "displaced") & (figures["period_start"] == "2019-12-01")]
    return chosen.set_index("as_of")


def test_republications_of_one_statement_count_once():
    claims, reports = build([
        ("a", "OCHA", "2020-02-06", "Some 586,000 people have fled northwest Syria since 1 December."),
        ("b", "USAID", "2020-02-06", "OCHA said 586,000 people have fled northwest Syria since 1 December."),
    ])
    figure = displaced_since_december(reconcile(claims, reports)).loc["2020-02-06"]
    assert figure["n_sources"] == 1
    assert len(figure["claim_ids"]) == 2


def test_denial_is_attached_but_never_sets_the_estimate():
    claims, reports = build([
        ("a", "OCHA", "2020-02-17", "900,000 people have been displaced in northwest Syria since 1 December."),
        ("b", "EA WorldView", "2020-02-17", "Russia denied that any civilians have fled northwest Syria."),
    ])
    figures = reconcile(claims, reports)
    denial = claims[claims["stance"] == "denied"]["claim_id"].item()
    figure = displaced_since_december(figures).loc["2020-02-17"]
    assert (figure["low"], figure["best"], figure["high"]) == (900000, 900000, 900000)
    assert figure["disputed_by"] == [denial]
    assert denial not in figure["claim_ids"]


def test_lower_bounds_publish_an_open_high_and_bounds_stay_ordered():
    claims, reports = build([
        ("a", "OCHA", "2020-02-13", "More than 800,000 people have been displaced in northwest Syria since 1 December."),
    ])
    figure = displaced_since_december(reconcile(claims, reports)).loc["2020-02-13"]
    assert figure["low"] == figure["best"] == 800000
    assert pd.isna(figure["high"])


def test_credible_sources_that_disagree_set_conflict():
    claims, reports = build([
        ("a", "OCHA", "2020-03-03", "Exactly 900,000 people have been displaced in northwest Syria since 1 December."),
        ("b", "Syrian Network for Human Rights", "2020-03-03",
         "More than 1.5 million people have been displaced in northwest Syria since 1 December."),
    ])
    figure = displaced_since_december(reconcile(claims, reports)).loc["2020-03-03"]
    assert figure["conflict"]
    assert figure["best"] == 900000  # the more reliable source sets best
    assert figure["low"] <= figure["best"] <= figure["high"]
