"""Fuzzing the readers: mutated sample and test files, and generated ones, end as reports or quarantine rows.

The mutation engine is bench/fuzz.py (`bench/fuzz.py N` runs N cases); here a
few hundred seeded cases run in-process, one batch through real `figures run`
and `figures extract` processes, and hypothesis builds files of its own.
"""
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, TODAY

sys.path.insert(0, str(ROOT / "bench"))
import fuzz  # noqa: E402

from pipeline.ingest.files import RawFile  # noqa: E402
from pipeline.ingest.metadata import MetadataError  # noqa: E402
from pipeline.ingest.reports import SUPPORTED, read_report  # noqa: E402

IN_PROCESS_CASES = 240
SEED = 14


def failures(summary) -> str:
    return "\n".join(summary.problems[:10])


def test_every_mutation_kind_is_covered_by_the_ci_cases():
    applied = {mutation for item in fuzz.cases(IN_PROCESS_CASES, SEED) for mutation in item.mutations}
    assert set(fuzz.MUTATIONS) <= applied


def test_mutated_files_become_reports_or_quarantine_rows_with_reasons_in_our_words(tmp_path):
    summary = fuzz.fuzz(IN_PROCESS_CASES, seed=SEED, folder=tmp_path)
    assert len(summary.outcomes) == IN_PROCESS_CASES
    assert not summary.problems, failures(summary)
    kinds = {outcome.kind for outcome in summary.outcomes}
    assert kinds == {"report", "quarantine"}
    slowest = summary.slowest
    assert slowest.seconds < fuzz.MAX_SECONDS, (
        f"{slowest.case.name} ({', '.join(slowest.case.mutations)}) took {slowest.seconds:.2f} s of CPU")


def test_mutated_files_through_real_figures_run_and_extract_processes(tmp_path):
    batch = fuzz.cases(fuzz.BATCH, seed=SEED + 1)
    folder = tmp_path / "raw"
    fuzz.write_cases(batch, folder)
    assert fuzz.check_commands(batch, folder) == []


# Pieces hypothesis assembles into files: front matter in every state, text with hostile characters.
FIELD_VALUES = st.one_of(
    st.text(max_size=40), st.sampled_from(["2020-02-30", "2020-02-10", "1e400", "9" * 400, "\\ud800", "null", "[",
                                           "https://example.org", "www.example.org", "2999-01-01", "\x00"]),
)
FRONT_MATTER = st.dictionaries(st.sampled_from(["title", "publisher", "url", "published", "location", "note"]),
                               FIELD_VALUES, max_size=6)
BODY = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(["At least 12 civilians were killed in Idlib", "\u202e", "\u2028", "\r", "\x1b[2J", "=1+1",
                              "1,", "killed", "<div>", "&#xD800;", "\\ud800", ",", "\"", "\n", "OCHA said", "9" * 400]),
             max_size=40).map(" ".join),
)


def front_matter_file(fields: dict, body: str, quoted: bool) -> bytes:
    lines = [f'{key}: "{value}"' if quoted else f"{key}: {value}" for key, value in fields.items()]
    return ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogatepass")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=FRONT_MATTER, body=BODY, quoted=st.booleans(), suffix=st.sampled_from(SUPPORTED),
       noise=st.binary(max_size=64), at=st.integers(min_value=0))
def test_any_file_is_read_or_refused_with_a_reason(fields, body, quoted, suffix, noise, at):
    data = front_matter_file(fields, body, quoted)
    at %= len(data) + 1
    data = data[:at] + noise + data[at:]
    with tempfile.TemporaryDirectory() as folder:
        try:
            read = read_report(RawFile(f"report{suffix}", data), Path(folder), TODAY)
        except MetadataError as error:
            assert str(error) and not fuzz.EXCEPTION_WORDS.search(str(error)), str(error)
            return
    assert fuzz._unpublishable(read) is None
    assert read.metadata.publisher == " ".join(read.metadata.publisher.split())


def test_seeds_are_the_sample_the_served_page_and_the_ingest_test_files():
    names = [name for name, _, _ in fuzz.seeds()]
    assert {name.split("-", 1)[0] for name in names} == {"raw", "pages", "tests"}
    assert {Path(name).suffix for name in names} >= {".md", ".txt", ".html", ".pdf", ".csv", ".json"}
