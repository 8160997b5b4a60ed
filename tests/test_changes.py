"""The changelog and `figures diff`: figures named as people write them, in a steady order, reports by name."""
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, write_report
from pipeline.publish import labels
from pipeline.publish.changes import NO_CHANGES, changelog_markdown, diff_releases
from releases import published_in_one_process, small_sample
from schemas.vocab import METRICS, POPULATIONS

SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


def figures_table(rows: list[tuple]) -> pd.DataFrame:
    columns = ["figure_id", "metric", "population", "location", "period_start", "as_of", "low", "best", "high"]
    return pd.DataFrame(rows, columns=columns)


def reports_table(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["report_id", "path", "publisher", "title", "published"])


def test_figures_are_named_as_a_person_writes_them():
    assert labels.figure("refugees", "people", "Lebanon", None, "2021-05-02") == "Refugees in Lebanon, as of 2021-05-02"
    assert labels.figure("killed", "civilians", "Mosul", None, "2017-03-01") == \
        "Civilians killed in Mosul, as of 2017-03-01"
    assert labels.quantity("displaced", "people", "Cabo Delgado", "2021-03-24") == \
        "People displaced in Cabo Delgado since 2021-03-24"
    assert labels.counted("refugees", "children") == "Refugee children"
    assert labels.counted("returned", "people") == "People who returned"
    assert labels.counted("detained", "women") == "Women detained"


def test_every_metric_and_population_reads_as_words():
    for metric in METRICS:
        for population in POPULATIONS:
            label = labels.counted(metric, population)
            assert label[0].isupper() and "_" not in label, label
            words = label.lower().split()
            assert words[0] in (population, "refugee", "refugees"), label  # who comes first, as in English
            assert not (metric == "refugees" and population in ("people", "civilians") and len(words) > 1), label


def test_codes_read_as_plain_words():
    assert [labels.plain(code) for code in ("MEDIUM_TO_HIGH", "LOW", "at_least", "more_than", "exact")] == \
        ["medium to high", "low", "at least", "more than", "exact"]


def test_figures_are_listed_by_place_then_quantity_then_date_whatever_their_ids():
    new = figures_table([
        ("b7", "displaced", "people", "Tigray", None, "2021-02-01", 10, 20, 30),
        ("a1", "killed", "civilians", "Tigray", None, "2021-02-01", 5, 5, None),
        ("c3", "killed", "civilians", "Afar", None, "2021-03-01", 7, 8, 9),
        ("00", "killed", "civilians", "Tigray", None, "2021-01-15", 3, 3, None),
        ("ff", "injured", "civilians", "Tigray", None, "2021-01-15", 4, 4, None),
    ])
    changes = diff_releases({}, {"figures": new, "reports": reports_table([])})
    assert [c["figure"] for c in changes["figures_added"]] == [
        "Civilians killed in Afar, as of 2021-03-01",
        "Civilians killed in Tigray, as of 2021-01-15",
        "Civilians killed in Tigray, as of 2021-02-01",
        "Civilians injured in Tigray, as of 2021-01-15",
        "People displaced in Tigray, as of 2021-02-01",
    ]
    shuffled = diff_releases({}, {"figures": new.sample(frac=1, random_state=3), "reports": reports_table([])})
    assert shuffled == changes


def test_reports_are_named_by_publisher_title_and_date_not_by_hash():
    old_reports = reports_table([("a" * 64, "old.md", "UNHCR", "Weekly update 3", "2021-04-02"),
                                 ("b" * 64, "gone.md", "WHO", "Health cluster note", "2021-03-30")])
    new_reports = reports_table([("a" * 64, "old.md", "UNHCR", "Weekly update 3", "2021-04-02"),
                                 ("c" * 64, "new.md", "IOM", "Displacement\n tracking  matrix", "2021-04-09")])
    empty = figures_table([])
    changes = diff_releases({"figures": empty, "reports": old_reports}, {"figures": empty, "reports": new_reports})
    assert [r["report_id"] for r in changes["reports_added"]] == ["c" * 64]
    markdown = changelog_markdown("1.1.0", "1.0.0", changes)
    assert "- IOM, Displacement tracking matrix (2021-04-09), file new.md" in markdown
    assert "- WHO, Health cluster note (2021-03-30), file gone.md" in markdown
    assert not SHA256.search(markdown)


def test_a_release_compared_with_itself_says_no_changes():
    figures = figures_table([("a1", "killed", "civilians", "Tigray", None, "2021-02-01", 5, 5, None)])
    reports = reports_table([("a" * 64, "old.md", "UNHCR", "Weekly update 3", "2021-04-02")])
    same = {"figures": figures, "reports": reports}
    markdown = changelog_markdown("1.0.0", "1.0.0", diff_releases(same, same))
    assert NO_CHANGES in markdown and "##" not in markdown


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    root = tmp_path_factory.mktemp("diff")
    raw = small_sample(root / "raw")
    first = published_in_one_process(raw, root / "out")
    write_report(raw, "2021-06-01-flood.md", "Floods have displaced about 4,000 people in Beledweyne since Sunday.",
                 published="2021-06-01", location="Somalia", title="Flash update: Hiraan floods", publisher="OCHA")
    return first, published_in_one_process(raw, root / "out")


def diff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "diff", *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_figures_diff_names_the_new_report_and_stays_machine_readable_with_json(two_releases):
    first, second = two_releases
    shown = diff(str(first), str(second))
    assert shown.returncode == 0, shown.stderr
    assert "- OCHA, Flash update: Hiraan floods (2021-06-01), file 2021-06-01-flood.md" in shown.stdout
    assert not SHA256.search(shown.stdout)
    machine = diff(str(first), str(second), "--json")
    changes = json.loads(machine.stdout)
    [report] = changes["reports_added"]
    assert report["title"] == "Flash update: Hiraan floods" and len(report["report_id"]) == 64
    assert all({"figure_id", "figure", "low", "best", "high"} <= set(f) for f in changes["figures_added"])


def test_figures_diff_of_a_release_with_itself_prints_no_changes(two_releases):
    _, second = two_releases
    shown = diff(str(second), str(second))
    assert shown.returncode == 0 and NO_CHANGES in shown.stdout and "##" not in shown.stdout
    assert all(items == [] for items in json.loads(diff(str(second), str(second), "--json").stdout).values())
