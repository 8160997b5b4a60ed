"""Which version a release gets: each kind of change, on small tables of our own, then on the sample."""
import json
import shutil

import pandas as pd
import pyarrow as pa
import pytest

from conftest import SAMPLE_RAW, TODAY, write_report
from pipeline.publish.versions import edited_reports, next_version, row_key
from releases import release_in_one_process

FIELDS = {"reports": {"report_id": "string", "path": "string"}, "claims": {"claim_id": "string"},
          "figures": {"figure_id": "string", "best": "integer"}}


def release(reports: dict[str, str], claims: dict[str, str], figures: dict[str, list[str]],
            sources: tuple[str, ...] = ("OCHA",)) -> dict:
    """Tables as the version reads them: reports {id: path}, claims {id: report id}, figures {id: claim ids}."""
    return {
        "reports": pd.DataFrame({"report_id": list(reports), "path": list(reports.values())}),
        "claims": pd.DataFrame({"claim_id": list(claims), "report_id": list(claims.values())}),
        "figures": pd.DataFrame({"figure_id": list(figures), "claim_ids": list(figures.values()),
                                 "disputed_by": [[] for _ in figures]}),
        "sources": pd.DataFrame({"source": list(sources)}),
        "quarantine": pd.DataFrame({"path": [], "reason": []}),
    }


BEFORE = release({"r1": "sitrep-1.md", "r2": "press.md"}, {"c1": "r1", "c2": "r2"},
                 {"f-homs-may": ["c1"], "f-hama-may": ["c2"]})


def version_of(after: dict, fields: dict = FIELDS) -> str:
    return next_version("2.3.4", FIELDS, fields, BEFORE, after)


def test_the_same_rows_with_other_values_are_a_patch():
    assert version_of(release({"r1": "sitrep-1.md", "r2": "press.md"}, {"c1": "r1", "c2": "r2"},
                              {"f-homs-may": ["c1"], "f-hama-may": ["c2"]})) == "2.3.5"


def test_a_report_under_a_new_path_is_a_minor_release():
    after = release({"r1": "sitrep-1.md", "r2": "press.md", "r3": "sitrep-2.md"}, {"c1": "r1", "c2": "r2", "c3": "r3"},
                    {"f-homs-may": ["c1", "c3"], "f-hama-may": ["c2"]})
    assert version_of(after) == "2.4.0"


def test_a_report_edited_in_place_is_a_patch_with_its_new_claims():
    # press.md now says 40, not 30: new bytes (r2b), so a new claim id, in the figure it rests on
    after = release({"r1": "sitrep-1.md", "r2b": "press.md"}, {"c1": "r1", "c2b": "r2b"},
                    {"f-homs-may": ["c1"], "f-hama-may": ["c2b"]})
    assert version_of(after) == "2.3.5"


def test_an_edit_that_moves_a_figure_to_another_date_is_a_patch():
    # the corrected report gives June, not May: its figure has a new id
    after = release({"r1": "sitrep-1.md", "r2b": "press.md"}, {"c1": "r1", "c2b": "r2b"},
                    {"f-homs-may": ["c1"], "f-hama-june": ["c2b"]})
    assert version_of(after) == "2.3.5"


def test_an_edited_report_does_not_excuse_a_new_claim_of_an_unchanged_one():
    # press.md was edited, and sitrep-1.md (unchanged) now yields a second claim
    after = release({"r1": "sitrep-1.md", "r2b": "press.md"}, {"c1": "r1", "c1x": "r1", "c2b": "r2b"},
                    {"f-homs-may": ["c1", "c1x"], "f-hama-may": ["c2b"]})
    assert version_of(after) == "2.4.0"


def test_a_figure_resting_on_no_edited_claim_is_data_added():
    after = release({"r1": "sitrep-1.md", "r2b": "press.md"}, {"c1": "r1", "c2b": "r2b"},
                    {"f-homs-may": ["c1"], "f-homs-june": ["c1"], "f-hama-may": ["c2b"]})
    assert version_of(after) == "2.4.0"


def test_a_report_removed_is_a_patch():
    after = release({"r1": "sitrep-1.md"}, {"c1": "r1"}, {"f-homs-may": ["c1"]})
    assert version_of(after) == "2.3.5"


def test_a_source_named_for_the_first_time_is_data_added():
    after = release({"r1": "sitrep-1.md", "r2": "press.md"}, {"c1": "r1", "c2": "r2"},
                    {"f-homs-may": ["c1"], "f-hama-may": ["c2"]}, sources=("OCHA", "UNHCR"))
    assert version_of(after) == "2.4.0"


def test_a_new_table_with_rows_is_data_added():
    after = {**BEFORE, "events": pd.DataFrame({"event_id": ["e1"], "report_id": ["r1"]})}
    assert version_of(after) == "2.4.0"


def test_a_field_renamed_or_retyped_or_a_table_dropped_is_a_major_release():
    renamed = {**FIELDS, "figures": {"figure_id": "string", "best_value": "integer"}}
    retyped = {**FIELDS, "figures": {"figure_id": "string", "best": "number"}}
    dropped = {name: fields for name, fields in FIELDS.items() if name != "claims"}
    assert {version_of(BEFORE, fields) for fields in (renamed, retyped, dropped)} == {"3.0.0"}
    assert version_of(BEFORE, {**FIELDS, "figures": {**FIELDS["figures"], "note": "string"}}) == "2.3.5"


def test_the_first_release_is_1_0_0():
    assert next_version(None, {}, FIELDS, {}, BEFORE) == "1.0.0"


def test_edited_reports_pairs_each_new_id_with_the_one_it_replaces_in_pandas_and_arrow():
    after = pd.DataFrame({"report_id": ["r1", "r2b", "r3"], "path": ["sitrep-1.md", "press.md", "new.md"]})
    arrow = (pa.Table.from_pandas(BEFORE["reports"]), pa.Table.from_pandas(after))
    for old, new in ((BEFORE["reports"], after), arrow):
        assert edited_reports(old, new).to_pylist() == [{"report_id": "r2b", "previous_report_id": "r2"}]


def test_each_table_is_keyed_by_the_column_its_schema_declares_unique():
    assert [row_key(t) for t in ("reports", "claims", "figures", "sources", "quarantine", "not a table")] == \
        ["report_id", "claim_id", "figure_id", "source", None, None]


@pytest.fixture(scope="module")
def sample_releases(tmp_path_factory):
    """The sample published, then a number corrected in one report, then a report added."""
    root = tmp_path_factory.mktemp("versions")
    raw, out = root / "raw", root / "out"
    shutil.copytree(SAMPLE_RAW, raw)
    first = release_in_one_process(raw, out, today=TODAY)
    report = raw / "2020-02-16-ea-worldview-erdogan-deadline.md"
    text = report.read_text(encoding="utf-8")
    assert "3.6 million" in text
    report.write_text(text.replace("3.6 million", "3.7 million"), encoding="utf-8")
    corrected = release_in_one_process(raw, out, today=TODAY)
    write_report(raw, "2020-03-10-extra.md", "Shelling killed at least 14 civilians in Jisr al-Shughur.",
                 published="2020-03-10", location="Idleb")
    added = release_in_one_process(raw, out, today=TODAY)
    return first, corrected, added


def test_correcting_a_number_in_a_published_report_is_a_patch_listed_as_a_corrected_report(sample_releases):
    first, corrected, added = sample_releases
    assert (first.version, corrected.version, added.version) == ("1.0.0", "1.0.1", "1.1.0")
    changes = json.loads((corrected.path / "changes.json").read_text(encoding="utf-8"))
    [report] = changes["reports_corrected"]
    assert report["path"] == "2020-02-16-ea-worldview-erdogan-deadline.md" and report["publisher"] == "EA WorldView"
    assert changes["reports_added"] == [] and changes["reports_removed"] == []
    [figure] = changes["figures_changed"]
    assert figure["figure"] == "Refugees in Turkey, as of 2020-02-16"
    assert (figure["old"]["best"], figure["new"]["best"]) == (3_600_000, 3_700_000)
    changelog = (corrected.path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Reports corrected" in changelog and "## Reports added" not in changelog
