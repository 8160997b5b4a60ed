"""The extraction cache: a second run reads only what is new, and its release is the same bytes."""
import datetime as dt
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from dagster import DagsterInstance

from conftest import ROOT, SAMPLE_RAW, TODAY, write_report
from pipeline.corpus import cache as cache_module
from pipeline.corpus.cache import ExtractionCache, code_hash
from pipeline.corpus.run import read_corpus
from pipeline.orchestration.automation import JOB_NAME
from pipeline.orchestration.definitions import build_definitions
from pipeline.orchestration.settings import PipelineSettings
from pipeline.tablestore import TableFolder
from releases import OVERRIDES, published_in_one_process, small_sample

TABLES = ["inputs", "reports_read", "texts", "claims_read", "quarantine_read"]


def corpus(folder: Path) -> Path:
    raw = folder / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    write_report(raw, "extra/late.md", "Twelve civilians were killed in Idlib on Monday, the monitor said.")
    write_report(raw, "future.md", "Three people were killed.", published="2099-01-01")
    (raw / "empty.md").write_bytes(b"")
    return raw


def read(raw: Path, cache: Path, out: Path, **options):
    return read_corpus(raw, options.pop("today", TODAY), cache, TableFolder(out), **options)


def tables(out: Path) -> dict[str, pd.DataFrame]:
    """The tables a corpus read wrote; texts are written as batches finish, so they are compared by report."""
    found = {name: TableFolder(out).read(name).reset_index(drop=True) for name in TABLES}
    found["texts"] = found["texts"].sort_values("report_id", ignore_index=True)
    return found


def assert_same_tables(left: Path, right: Path):
    for name, frame in tables(left).items():
        pd.testing.assert_frame_equal(frame, tables(right)[name], obj=name)


def test_second_run_takes_every_report_from_the_cache_and_writes_the_same_tables(tmp_path):
    raw = corpus(tmp_path)
    first = read(raw, tmp_path / "cache", tmp_path / "first")
    second = read(raw, tmp_path / "cache", tmp_path / "second")
    files = len(TableFolder(tmp_path / "first").read("inputs"))
    assert (first.new, first.cached) == (files, 0)
    assert (second.new, second.cached) == (0, files)
    assert_same_tables(tmp_path / "first", tmp_path / "second")


def test_new_and_removed_reports_are_counted_and_only_new_ones_read(tmp_path):
    raw = corpus(tmp_path)
    read(raw, tmp_path / "cache", tmp_path / "a")
    write_report(raw, "new.md", "Forty people were displaced from Saraqib.")
    (raw / "extra" / "late.md").unlink()
    again = read(raw, tmp_path / "cache", tmp_path / "b")
    assert again.removed == 1
    assert again.new == 1
    fresh = read(raw, tmp_path / "fresh-cache", tmp_path / "c")
    assert_same_tables(tmp_path / "b", tmp_path / "c")
    assert fresh.cached == 0


def test_a_refusal_is_reused_only_on_the_day_it_was_made(tmp_path):
    raw = tmp_path / "raw"
    write_report(raw, "soon.md", "Three people were killed.", published="2026-01-02")
    before = read(raw, tmp_path / "cache", tmp_path / "a", today=TODAY)
    assert "in the future" in TableFolder(tmp_path / "a").read("quarantine_read")["reason"][0]
    after = read(raw, tmp_path / "cache", tmp_path / "b", today=TODAY + dt.timedelta(days=1))
    assert (before.new, after.new) == (1, 1)
    assert list(TableFolder(tmp_path / "b").read("reports_read")["path"]) == ["soon.md"]


def test_rebuild_ignores_the_cache(tmp_path):
    raw = corpus(tmp_path)
    read(raw, tmp_path / "cache", tmp_path / "a")
    rebuilt = read(raw, tmp_path / "cache", tmp_path / "b", rebuild=True)
    assert rebuilt.cached == 0 and rebuilt.new == rebuilt.files
    assert_same_tables(tmp_path / "a", tmp_path / "b")


def test_a_truncated_segment_is_removed_and_its_reports_read_again(tmp_path):
    raw = corpus(tmp_path)
    read(raw, tmp_path / "cache", tmp_path / "a", batch_size=5)
    cache = ExtractionCache(tmp_path / "cache", code_hash())
    segments = cache.segments()
    lost = sum(pq.read_metadata(segment / "entries.parquet").num_rows for segment in segments[1:3])
    damaged = segments[1] / "claims.parquet"
    damaged.write_bytes(damaged.read_bytes()[:-40])  # a write cut short
    unreadable = segments[2] / "entries.parquet"
    unreadable.write_bytes(b"not parquet")
    (cache.folder / ".tmp-killed").mkdir()  # what a kill in the middle of a write leaves
    again = read(raw, tmp_path / "cache", tmp_path / "b", batch_size=5)
    assert again.new == lost  # the reports of the two damaged segments
    assert_same_tables(tmp_path / "a", tmp_path / "b")
    assert not (cache.folder / ".tmp-killed").exists()
    assert read(raw, tmp_path / "cache", tmp_path / "c", batch_size=5).new == 0


def test_changing_the_extraction_code_changes_the_cache_key(tmp_path, monkeypatch):
    copy = tmp_path / "project"
    for folder in cache_module.CODE_FOLDERS:
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "PROJECT_ROOT", copy)
    before = code_hash()
    lexicon = copy / "pipeline" / "extract" / "en" / "lexicon.py"
    lexicon.write_text(lexicon.read_text() + "\n# a word list changed\n")
    changed_code = code_hash()
    (copy / "schemas" / "gazetteer.yaml").write_text((copy / "schemas" / "gazetteer.yaml").read_text() + "\n")
    assert len({before, changed_code, code_hash()}) == 3


def test_entries_of_other_code_are_not_found_and_are_removed(tmp_path):
    raw = corpus(tmp_path)
    read(raw, tmp_path / "cache", tmp_path / "a")
    old = ExtractionCache(tmp_path / "cache", code_hash())
    other = tmp_path / "cache" / ("0" * 24)
    os.rename(old.folder, other)  # as if made by another version of the extractor
    again = read(raw, tmp_path / "cache", tmp_path / "b")
    assert again.cached == 0 and not other.exists()


def instance_in(folder: Path) -> DagsterInstance:
    folder.mkdir(parents=True, exist_ok=True)
    return DagsterInstance.local_temp(str(folder))


def run_job(raw: Path, out: Path, instance: DagsterInstance, **settings):
    definitions = build_definitions(PipelineSettings(raw_dir=str(raw), out_dir=str(out), overrides=str(OVERRIDES), **settings))
    job = definitions.resolve_job_def(JOB_NAME)
    result = job.execute_in_process(instance=instance)
    assert result.success
    metadata = {key: value.value for event in result.asset_materializations_for_node("reports")
                for key, value in event.metadata.items()}
    return result.output_for_node("release"), metadata


def test_incremental_release_is_byte_identical_to_a_run_from_scratch(tmp_path):
    raw = small_sample(tmp_path / "raw")
    (raw / "empty.md").write_bytes(b"")
    with instance_in(tmp_path / "home") as instance:
        run_job(raw, tmp_path / "first", instance, workers=1)
        write_report(raw, "new.md", "More than 300 families fled Maarat al-Numan, OCHA said.")
        incremental, shown = run_job(raw, tmp_path / "incremental", instance, workers=1)
    scratch = published_in_one_process(raw, tmp_path / "scratch")
    files = len([p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(".meta.yaml")])
    assert (shown["reports_new"], shown["reports_cached"], shown["reports_removed"]) == (1, files - 1, 0)
    assert (Path(incremental["path"]) / "SHA256SUMS").read_bytes() == (scratch / "SHA256SUMS").read_bytes()


@pytest.fixture(autouse=True)
def _no_stray_workers(monkeypatch):
    """Tests here read corpora in this process unless they ask for workers."""
    monkeypatch.delenv("FIGURES_DASK_SCHEDULER", raising=False)


def test_a_folder_with_nothing_readable_gives_empty_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "elsewhere.md").symlink_to(tmp_path / "missing.md")
    summary = read(raw, tmp_path / "cache", tmp_path / "out")
    found = tables(tmp_path / "out")
    assert (summary.files, summary.new) == (1, 0)
    assert [len(found[name]) for name in ("reports_read", "texts", "claims_read")] == [0, 0, 0]
    assert "symlink" in found["quarantine_read"]["reason"][0]
