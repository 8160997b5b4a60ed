"""Reading a corpus in worker processes gives the same tables as reading it in one."""
import os
import shutil

import pandas as pd
import pytest

from conftest import SAMPLE_RAW, TODAY, write_report
from pipeline.corpus.batch import RawFolderMissing, read_batch
from pipeline.corpus.run import read_corpus
from pipeline.tablestore import TableFolder

TABLES = ["inputs", "reports_read", "claims_read", "quarantine_read"]


def test_two_worker_processes_read_the_same_tables_as_one(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    write_report(raw, "copy/duplicate.md", "Ten people were killed.", title="Same bytes")
    write_report(raw, "dup.md", "Ten people were killed.", title="Same bytes")
    (raw / "bad.md").write_bytes(b"\xff\xfe\x00")
    alone = read_corpus(raw, TODAY, tmp_path / "cache-1", TableFolder(tmp_path / "one"), workers=1, batch_size=4)
    pooled = read_corpus(raw, TODAY, tmp_path / "cache-2", TableFolder(tmp_path / "two"), workers=2,
                         batch_size=4, parallel_from=0)
    assert len(alone.batches_by_worker) == 1 and f"/{os.getpid()}" in next(iter(alone.batches_by_worker))
    assert len(pooled.batches_by_worker) == 2 and all(not name.endswith(f"/{os.getpid()}")
                                                      for name in pooled.batches_by_worker)
    for name in TABLES:
        pd.testing.assert_frame_equal(TableFolder(tmp_path / "one").read(name),
                                      TableFolder(tmp_path / "two").read(name), obj=name)
    texts = [TableFolder(tmp_path / folder).read("texts").sort_values("report_id", ignore_index=True)
             for folder in ("one", "two")]
    pd.testing.assert_frame_equal(*texts)
    quarantine = TableFolder(tmp_path / "two").read("quarantine_read")
    assert "same bytes as copy/duplicate.md; counted once" in set(quarantine["reason"])


def test_a_worker_without_the_raw_folder_stops_the_run_rather_than_quarantining_every_file(tmp_path):
    with pytest.raises(RawFolderMissing, match="shared filesystem"):
        read_batch(str(tmp_path / "not-mounted"), [("a.md", "0" * 64, "", "key")], TODAY.isoformat())
