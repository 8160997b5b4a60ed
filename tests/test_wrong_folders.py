"""`figures verify` and `figures diff` handed a folder that is not a release: what it is, and what to run."""
import subprocess
import sys

import pytest

from conftest import ROOT, write_report
from releases import published_in_one_process, small_sample


def figures(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """A raw folder and an output folder holding releases 1.0.0 and 1.1.0."""
    root = tmp_path_factory.mktemp("folders")
    raw = small_sample(root / "raw")
    published_in_one_process(raw, root / "out")
    write_report(raw, "2021-06-01-extra.md", "Clashes killed 9 civilians in Marib.", published="2021-06-01")
    published_in_one_process(raw, root / "out")
    return raw, root / "out"


def test_verify_of_the_raw_folder_says_it_is_not_a_release(folders):
    raw, _ = folders
    result = figures("verify", str(raw))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"figures verify: {raw} is not a release")
    assert "Errno" not in result.stderr and "Traceback" not in result.stderr


def test_verify_of_a_folder_of_releases_names_them_and_the_line_to_run(folders):
    _, out = folders
    result = figures("verify", str(out))
    assert result.returncode == 2
    assert f"{out} is a folder of releases, not a release: it holds 2 releases (1.0.0, 1.1.0; latest 1.1.0)" \
        in result.stderr
    assert f"figures verify {out / '1.1.0'}" in result.stderr
    assert figures("verify", str(out / "1.1.0"), "--raw", str(folders[0])).returncode == 0  # the line works


def test_diff_names_each_folder_that_is_not_a_release(folders):
    raw, out = folders
    result = figures("diff", str(raw), str(out))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"figures diff: {raw} is not a release")
    assert lines[1].startswith(f"figures diff: {out} is a folder of releases")
    assert lines[1].endswith(f"figures diff {out / '1.0.0'} {out / '1.1.0'}")


def test_a_path_that_does_not_exist_is_named(tmp_path):
    result = figures("verify", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and result.stderr.strip() == f"figures verify: {tmp_path / 'nowhere'} does not exist"


def test_a_release_with_a_table_missing_is_still_a_release_and_verify_names_the_file(folders):
    _, out = folders
    damaged = out.parent / "damaged"
    damaged.mkdir()
    for file in (out / "1.0.0").iterdir():
        if file.name != "claims.parquet":
            (damaged / file.name).write_bytes(file.read_bytes())
    result = figures("verify", str(damaged))
    assert result.returncode == 1
    assert "claims.parquet: listed in SHA256SUMS but missing" in result.stdout
    assert "Traceback" not in result.stderr
