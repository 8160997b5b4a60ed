"""Reconciliation scenarios built from small reports written for them."""
import pandas as pd
import pytest

from pipeline.extract import claims_table
from pipeline.reconcile import reconcile
from pipeline.reconcile.overrides import OverrideError, parse_overrides

# The UN's count of people displaced in northwest Syria since 1 December 2019,
# as it was reported from December to March, with a monitoring group's higher
# count, a news site's rounded count, a denial and republications.
SERIES = [
    ("a", "OCHA", "2019-12-30", "Since 1 December, some 284,000 people have fled their homes in northwest Syria."),
    ("b", "OCHA", "2020-01-15", "Almost 350,000 people have been displaced in northwest Syria since 1 December."),
    ("c", "OCHA", "2020-02-06", "Some 586,000 people have fled their homes in northwest Syria since 1 December."),
    ("d", "USAID", "2020-02-06", "OCHA said 586,000 people have been displaced in northwest Syria since 1 December."),
    ("e", "Sputnik", "2020-02-06", "According to OCHA, 586,000 people have fled northwest Syria since 1 December."),
    ("f", "OCHA", "2020-02-17", "900,000 people have been displaced in northwest Syria since 1 December."),
    ("g", "Syria Direct", "2020-02-17",
     "More than 1.5 million people have been displaced in northwest Syria since 1 December, "
     "the Response Coordination Group said."),
    ("h", "Al Jazeera", "2020-02-17", "About 1 million people have fled northwest Syria since 1 December."),
    ("i", "EA WorldView", "2020-02-16", "Russia denied that any civilians had fled northwest Syria."),
    ("j", "OCHA", "2020-03-03", "Nearly 800,000 people have been displaced in northwest Syria since 1 December."),
]


def build(reports):
    """reports: (letter, publisher, published, text) -> (claims, reports tables)."""
    rows, texts = [], {}
    for letter, publisher, published, text in reports:
        report_id = letter * 64
        rows.append({"report_id": report_id, "path": f"{letter}.md", "title": "t", "publisher": publisher,
                     "url": "https://x.org", "published": published, "format": "markdown", "size": 1,
                     "location": "northwest Syria", "text_sha256": "0" * 64})
        texts[report_id] = text
    frame = pd.DataFrame(rows)
    return claims_table(frame, texts), frame


def series(figures: pd.DataFrame) -> pd.DataFrame:
    chosen = figures[(figures["metric"] == "displaced") & (figures["period_start"] == "2019-12-01")
                     & (figures["location"] == "northwest Syria") & (figures["population"] == "people")]
    return chosen.set_index("as_of")


@pytest.fixture(scope="module")
def reconciled():
    claims, reports = build(SERIES)
    return claims, reconcile(claims, reports)


def test_the_un_series_is_published_date_by_date(reconciled):
    _, result = reconciled
    published = series(result.figures)
    assert list(published.index) == ["2019-12-30", "2020-01-15", "2020-02-06", "2020-02-17", "2020-03-03"]
    assert published.loc["2019-12-30", "best"] == 284000
    assert published.loc["2020-01-15", ["low", "best", "high"]].tolist() == [315000, 350000, 350000]


def test_republications_of_one_statement_count_once(reconciled):
    _, result = reconciled
    figure = series(result.figures).loc["2020-02-06"]
    assert figure["n_sources"] == 1
    assert len(figure["claim_ids"]) == 3


def test_higher_counts_widen_the_range_and_credible_disagreement_is_a_conflict(reconciled):
    _, result = reconciled
    figure = series(result.figures).loc["2020-02-17"]
    assert figure["best"] == 900000  # OCHA (HIGH) over the group and the news site (MEDIUM)
    assert figure["low"] == 900000 and figure["high"] == 1100000
    assert figure["n_sources"] == 3 and figure["conflict"]
    assert figure["reliability"] == "MEDIUM_TO_HIGH"


def test_denial_is_attached_but_never_sets_an_estimate(reconciled):
    claims, result = reconciled
    denial = claims[claims["stance"] == "denied"]["claim_id"].item()
    figure = series(result.figures).loc["2020-02-17"]
    assert denial in figure["disputed_by"] and denial not in figure["claim_ids"]
    assert not any(denial in ids for ids in result.figures["claim_ids"])


def test_a_later_count_supersedes_and_a_drop_is_flagged_as_revision(reconciled):
    _, result = reconciled
    published = series(result.figures)
    assert published.loc["2020-03-03", "supersedes"] == published.loc["2020-02-17", "figure_id"]
    assert bool(published.loc["2020-03-03", "revision"])  # nearly 800,000 after 900,000
    assert not published.loc[["2020-01-15", "2020-02-06", "2020-02-17"], "revision"].any()


def test_nearly_lies_just_below_the_number(reconciled):
    _, result = reconciled
    figure = series(result.figures).loc["2020-03-03"]
    assert (figure["low"], figure["best"], figure["high"]) == (720000, 800000, 800000)


def test_unknown_sources_get_the_default_grade_and_are_listed(reconciled):
    _, result = reconciled
    sources = result.sources.set_index("source")
    assert sources.loc["OCHA", "registered"] and sources.loc["OCHA", "reliability"] == "HIGH"
    assert not sources.loc["Al Jazeera", "registered"]
    assert sources.loc["Al Jazeera", "reliability"] == "MEDIUM"


def test_overrides_are_applied_visibly_and_stale_ones_reported(reconciled):
    claims, reports = build(SERIES)
    news = claims[claims["report_id"] == "h" * 64]["claim_id"].item()
    overrides = parse_overrides({
        "exclude_claims": [{"claim_id": news, "reason": "rounded figure of no stated source"},
                           {"claim_id": "0000000000000000", "reason": "an old claim"}],
        "grade_sources": [{"source": "Response Coordination Group", "reliability": "LOW", "reason": "methods unpublished"}],
        "pin_figures": [{"metric": "displaced", "population": "people", "location": "northwest Syria",
                         "period_start": "2019-12-01", "as_of": "2020-01-15", "low": 340000, "best": 350000,
                         "high": 360000, "reason": "OCHA confirmed 350,000 by e-mail"},
                        {"metric": "killed", "population": "people", "location": "Mars", "as_of": "2020-01-01",
                         "low": 1, "best": 1, "reason": "nothing matches"}],
    })
    result = reconcile(claims, reports, overrides)
    published = series(result.figures)
    feb = published.loc["2020-02-17"]
    assert news not in feb["claim_ids"] and feb["n_sources"] == 2 and not feb["conflict"]
    assert "excluded: rounded figure" in feb["override"] and "re-graded: methods unpublished" in feb["override"]
    jan = published.loc["2020-01-15"]
    assert (jan["low"], jan["best"], jan["high"]) == (340000, 350000, 360000)
    assert jan["method"] == "pinned by an analyst" and "OCHA confirmed" in jan["override"]
    reasons = [entry["reason"] for entry in result.unmatched]
    assert len(reasons) == 2
    assert any("0000000000000000" in r for r in reasons) and any("Mars" in r for r in reasons)


def test_an_override_without_a_reason_is_refused():
    with pytest.raises(OverrideError, match="no `reason`"):
        parse_overrides({"exclude_claims": [{"claim_id": "abc"}]})


def test_a_malformed_overrides_file_is_set_aside_with_its_reason(tmp_path):
    from pipeline.stages import read_overrides

    path = tmp_path / "overrides.yaml"
    path.write_text("pin_figures:\n  - metric: killed\n    reason: [unclosed\n", encoding="utf-8")
    overrides, problems = read_overrides(path)
    assert not overrides.pins
    assert problems[0]["stage"] == "reconcile" and "not valid UTF-8 YAML" in problems[0]["reason"]
    path.write_text("pin_figures:\n  - metric: killed\n    reason: no place\n", encoding="utf-8")
    _, problems = read_overrides(path)
    assert "lacks population, location, as_of, low, best" in problems[0]["reason"]
