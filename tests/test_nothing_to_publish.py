"""A raw folder with nothing readable publishes nothing, says why, and the next good run publishes."""
import os
import shutil

from conftest import SAMPLE_RAW, write_report
from pipeline.cli import main


def _run(root, capsys) -> tuple[int, str, str]:
    os.environ["DAGSTER_HOME"] = str(root / "dagster")
    try:
        status = main(["run", "--raw", str(root / "raw"), "--out", str(root / "out"), "--quiet",
                       "--overrides", str(root / "none.yaml")])
    finally:
        os.environ.pop("DAGSTER_HOME")
    out, err = capsys.readouterr()
    return status, out, err


def test_an_empty_raw_folder_publishes_nothing_and_says_so(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    status, out, err = _run(tmp_path, capsys)
    assert status == 1 and "Traceback" not in err and "DagsterExecution" not in err
    assert "Nothing published" in err and "holds no files" in err
    assert not (tmp_path / "out").exists()


def test_a_folder_of_bad_inputs_names_each_one_and_a_good_report_then_publishes(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "no-front-matter.md").write_text("Shelling killed four people.\n", encoding="utf-8")
    (raw / "image.txt").write_bytes(b"\x00\x01binary")
    status, _, err = _run(tmp_path, capsys)
    assert status == 1 and "Traceback" not in err
    assert "all 2 inputs were quarantined" in err
    assert "no-front-matter.md: no YAML front matter" in err and "image.txt: file holds binary data" in err
    assert not (tmp_path / "out" / "LATEST").exists()
    shutil.copy2(SAMPLE_RAW / "2020-02-17-ocha-lowcock-statement.md", raw)
    write_report(raw, "shelling.md", "Shelling killed four civilians in Ariha on Monday.")
    status, out, _ = _run(tmp_path, capsys)
    assert status == 0 and "Published release 1.0.0" in out and "inputs quarantined: 2" in out
