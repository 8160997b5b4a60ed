"""The checks that read whole tables do it by column and by batch, and still catch what is wrong."""
import hashlib
import json

import pandas as pd

from pipeline.orchestration.checks import (checksummed, csv_content_problems, inconsistent_rows, mismatched_quotes,
                                           reference_problems,
                                           unmatched_reports)
from pipeline.publish.verify import check_references, verify_release
from releases import published_in_one_process, small_sample

TEXT = "Ten people were killed in Idlib. Twenty more were injured."


def claims_table(rows):
    return pd.DataFrame(rows, columns=["claim_id", "report_id", "start", "end", "quote", "number_text"])


def batches(texts: dict, size: int = 1):
    items = list(texts.items())
    for first in range(0, len(items), size):
        yield pd.DataFrame(items[first:first + size], columns=["report_id", "text"])


def test_quotes_are_checked_batch_by_batch_and_a_wrong_span_or_missing_text_is_named():
    claims = claims_table([
        ("good", "r1", 0, 32, TEXT[0:32], "Ten"),
        ("shifted", "r1", 1, 33, TEXT[0:32], "Ten"),
        ("no-number", "r2", 0, 32, TEXT[0:32], "Twenty"),
        ("no-text", "r3", 0, 3, "Ten", "Ten"),
    ])
    assert mismatched_quotes(claims, batches({"r1": TEXT, "r2": TEXT, "r0": "unused"})) == \
        ["no-number", "no-text", "shifted"]


def test_figures_out_of_order_or_naming_unknown_claims_are_found_by_column():
    figures = pd.DataFrame({
        "figure_id": ["ok", "disordered", "dangling", "open"],
        "low": [1, 5, 1, 3], "best": [2, 4, 1, 3], "high": pd.array([3, 6, 1, None], dtype="Int64"),
        "claim_ids": [["a"], ["a"], ["a", "zzz"], ["b"]], "disputed_by": [[], [], [], ["a"]],
    })
    assert inconsistent_rows(figures, pd.Series(["a", "b"])) == ["disordered", "dangling"]


def test_reports_are_matched_to_this_runs_raw_hashes_and_texts():
    text_hash = hashlib.sha256(TEXT.encode()).hexdigest()
    published = pd.DataFrame({"path": ["a.md", "b.md", "gone.md", "c.md"], "report_id": ["r1", "r2", "r3", "r4"],
                              "text_sha256": [text_hash, text_hash, text_hash, "0" * 64]})
    inputs = pd.DataFrame({"path": ["a.md", "b.md", "c.md"], "sha256": ["r1", "changed", "r4"]})
    problems = unmatched_reports(published, inputs, batches({"r1": TEXT, "r4": TEXT}))
    assert problems == ["raw file gone.md is missing from the raw folder", "raw file b.md: bytes do not hash to report_id",
                        "report r4: text does not hash to text_sha256"]


def test_verify_rereads_raw_files_in_batches_and_in_worker_processes_alike(tmp_path, monkeypatch):
    raw = small_sample(tmp_path / "raw")
    release = published_in_one_process(raw, tmp_path / "out")
    edited = next(raw.glob("*ocha-sitrep-8.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    from pipeline.publish import verify
    monkeypatch.setattr(verify, "RAW_BATCH", 2)
    monkeypatch.setattr(verify, "PARALLEL_FROM", 0)
    alone = verify_release(release, raw, workers=1)
    pooled = verify_release(release, raw, workers=2)
    assert alone == pooled == [f"raw file {edited.name}: bytes do not hash to report_id"]


def test_references_are_checked_by_column():
    tables = {
        "reports": pd.DataFrame({"report_id": ["r1"]}),
        "claims": pd.DataFrame({"claim_id": ["c1", "c2"], "report_id": ["r1", "r9" * 8],
                                "quote": ["abc", "abc"], "start": [0, 0], "end": [3, 4]}),
        "figures": pd.DataFrame({"figure_id": ["f1"], "claim_ids": [["c1", "c3"]], "disputed_by": [[]]}),
    }
    assert check_references(tables) == [
        "claims.parquet: claim c2 names unknown report r9r9r9r9r9r9",
        "claims.parquet: claim c2 quote length does not match its span",
        "figures.parquet: figure f1 names unknown claim c3",
    ]


def test_the_release_check_names_a_csv_whose_bytes_differ_from_its_content_hash(tmp_path):
    raw = small_sample(tmp_path / "raw")
    release = published_in_one_process(raw, tmp_path / "out")
    manifest = json.loads((release / "release.json").read_text())
    assert csv_content_problems(release, manifest) == []
    claims = release / "claims.csv"
    claims.write_bytes(claims.read_bytes().replace(b"killed", b"kilIed", 1))
    assert csv_content_problems(release, manifest) == ["claims.csv: data does not match its content hash in release.json"]


def test_figures_read_from_parquet_with_no_disputes_anywhere_are_consistent(tmp_path):
    import pyarrow.parquet as pq
    from pipeline.tablestore import TableFolder

    folder = TableFolder(tmp_path)
    folder.write("figures", pd.DataFrame({
        "figure_id": ["ok", "dangling"], "low": pd.array([1, 1], dtype="Int64"), "best": pd.array([1, 1], dtype="Int64"),
        "high": pd.array([None, None], dtype="Int64"), "claim_ids": [["a"], ["zzz"]], "disputed_by": [[], []]}))
    table = pq.read_table(folder.file("figures"), read_dictionary=["claim_ids.list.element", "disputed_by.list.element"])
    assert inconsistent_rows(table, pd.Series(["a"])) == ["dangling"]


def test_references_found_by_arrow_columns_are_those_check_references_finds():
    import pyarrow as pa

    tables = {
        "reports": pd.DataFrame({"report_id": ["r1"]}),
        "claims": pd.DataFrame({"claim_id": ["c1", "c2"], "report_id": ["r1", "r9" * 8],
                                "quote": ["abc", "abc"], "start": [0, 0], "end": [3, 4]}),
        "figures": pd.DataFrame({"figure_id": ["f1", "f2"], "claim_ids": [["c1", "c3"], ["c1"]],
                                 "disputed_by": [[], ["c4", "c2"]]}),
    }
    arrow = {name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in tables.items()}
    found = reference_problems(arrow["reports"], arrow["claims"], {"figures": arrow["figures"]})
    assert found == check_references(tables) == [
        "claims.parquet: claim c2 names unknown report r9r9r9r9r9r9",
        "claims.parquet: claim c2 quote length does not match its span",
        "figures.parquet: figure f1 names unknown claim c3",
        "figures.parquet: figure f2 names unknown claim c4",
    ]


def test_a_csv_whose_checksum_was_verified_is_not_hashed_again_but_still_compared(tmp_path):
    raw = small_sample(tmp_path / "raw")
    release = published_in_one_process(raw, tmp_path / "out")
    manifest = json.loads((release / "release.json").read_text())
    verified = checksummed(release)
    assert csv_content_problems(release, manifest, verified) == []
    verified["claims.csv"] = "0" * 64
    assert csv_content_problems(release, manifest, verified) == \
        ["claims.csv: data does not match its content hash in release.json"]
