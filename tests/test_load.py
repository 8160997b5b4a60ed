"""pipeline.load: a release's tables from a folder or an address, each file checked first."""
import http.server
import shutil
import subprocess
import sys
import threading
from functools import partial

import pandas as pd
import pytest

import pipeline
from conftest import ROOT, SAMPLE_RAW, TODAY, write_report
from pipeline.load import ChecksumError, LoadError, default_cache
from releases import release_in_one_process

TABLES = {"claims", "events", "event_months", "figures", "quarantine", "reports", "sources"}


def release_from(raw, out):
    return release_in_one_process(raw, out, today=TODAY)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """Releases 1.0.0 (the sample) and 1.1.0 (one report more), as `figures run` publishes them."""
    root = tmp_path_factory.mktemp("load")
    raw = root / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    release_from(raw, root / "out")
    write_report(raw, "2020-03-10-new.md", "At least 21 civilians were killed in Lattakia.",
                 published="2020-03-10", location="Lattakia")
    release_from(raw, root / "out")
    return root / "out"


class Server:
    """An http.server on 127.0.0.1 (ephemeral port) serving ``site``; ``url`` is its releases/ folder.
    Records the paths asked for."""

    def __init__(self, site):
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                requests.append(self.path)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/releases/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served(out, tmp_path):
    """The output folder served at http://127.0.0.1:PORT/releases/ (a copy, free to damage)."""
    site = tmp_path / "site"
    shutil.copytree(out, site / "releases")
    with Server(site) as server:
        yield server, site / "releases"


def test_load_reads_every_table_of_the_latest_release_from_a_folder(out):
    tables = pipeline.load(out)
    assert set(tables) == TABLES
    for name, frame in tables.items():
        assert len(frame) == len(pd.read_parquet(out / "1.1.0" / f"{name}.parquet")), name
    figures = tables["figures"]
    assert figures["best"].max() >= 900000 and str(figures["high"].dtype) == "Int64"
    assert isinstance(figures["claim_ids"].iloc[0], list)
    assert "Lattakia" in set(tables["claims"]["place"].dropna())


def test_load_over_http_verifies_caches_and_reuses_what_it_verified(served, out, tmp_path):
    server, _ = served
    cache = tmp_path / "cache"
    tables = pipeline.load(server.url, cache_dir=cache)
    local = pipeline.load(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(tables[name], local[name])
    fetched = set(server.requests)
    assert {"/releases/LATEST", "/releases/index.json", "/releases/1.1.0/SHA256SUMS",
            "/releases/1.1.0/figures.parquet"} <= fetched
    server.requests.clear()
    again = pipeline.load(server.url, cache_dir=cache)
    assert sorted(server.requests) == ["/releases/LATEST", "/releases/index.json"]  # the rest from the cache
    pd.testing.assert_frame_equal(again["figures"], local["figures"])


def test_load_takes_an_older_version_by_name(served, tmp_path):
    server, _ = served
    older = pipeline.load(server.url, version="1.0.0", cache_dir=tmp_path / "cache")
    assert "/releases/LATEST" not in server.requests
    assert "Lattakia" not in set(older["claims"]["place"].dropna())
    with pytest.raises(LoadError, match="9.9.9"):
        pipeline.load(server.url, version="9.9.9", cache_dir=tmp_path / "cache")
    with pytest.raises(LoadError, match="not a release version"):
        pipeline.load(server.url, version="../../etc", cache_dir=tmp_path / "cache")


def test_a_table_whose_bytes_do_not_match_sha256sums_is_refused_by_name(served, tmp_path):
    server, site = served
    damaged = site / "1.1.0" / "figures.parquet"
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(ChecksumError, match=r"1\.1\.0/figures\.parquet"):
        pipeline.load(server.url, cache_dir=tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob("figures.parquet"))  # nothing unverified is kept
    with pytest.raises(ChecksumError, match=r"figures\.parquet"):
        pipeline.load(site)


def test_a_damaged_cached_file_is_downloaded_again(served, out, tmp_path):
    server, _ = served
    cache = tmp_path / "cache"
    pipeline.load(server.url, cache_dir=cache, tables=["figures"])
    [cached] = cache.rglob("figures.parquet")
    cached.write_bytes(b"truncated")
    server.requests.clear()
    tables = pipeline.load(server.url, cache_dir=cache, tables=["figures"])
    assert "/releases/1.1.0/figures.parquet" in server.requests
    assert cached.read_bytes() == (out / "1.1.0" / "figures.parquet").read_bytes()
    assert len(tables["figures"]) == len(pd.read_parquet(out / "1.1.0" / "figures.parquet"))


def test_sha256sums_must_match_the_hash_index_json_records(served, tmp_path):
    server, site = served
    sums = site / "1.1.0" / "SHA256SUMS"
    sums.write_text(sums.read_text().replace("figures.csv", "figures.tsv"))
    with pytest.raises(ChecksumError, match=r"1\.1\.0/SHA256SUMS"):
        pipeline.load(server.url, cache_dir=tmp_path / "cache")


def test_the_default_cache_follows_xdg_cache_home(served, tmp_path, monkeypatch):
    server, _ = served
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache() == tmp_path / "xdg" / "crisis-figures"
    pipeline.load(server.url, tables=["sources"])
    assert list((tmp_path / "xdg" / "crisis-figures").rglob("sources.parquet"))
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache().parts[-2:] == (".cache", "crisis-figures")


def test_a_release_folder_itself_loads_that_release(out, tmp_path):
    older = pipeline.load(out / "1.0.0")
    assert len(older["figures"]) == len(pd.read_parquet(out / "1.0.0" / "figures.parquet"))
    assert len(older["claims"]) != len(pipeline.load(out)["claims"])  # not the latest
    assert len(pipeline.load(str(out / "1.1.0") + "/", version="1.1.0")["reports"]) == \
        len(pd.read_parquet(out / "1.1.0" / "reports.parquet"))
    with pytest.raises(LoadError, match=r"is release 1.0.0, not 1.1.0; .*name the folder that holds them"):
        pipeline.load(out / "1.0.0", version="1.1.0")
    copied = tmp_path / "downloaded release"  # out of its output folder, under a name of its own
    shutil.copytree(out / "1.0.0", copied)
    assert len(pipeline.load(copied)["claims"]) == len(older["claims"])


def test_an_address_ending_in_a_version_loads_that_release(served, tmp_path):
    server, _ = served
    tables = pipeline.load(server.url + "1.0.0/", cache_dir=tmp_path / "cache", tables=["figures"])
    assert len(tables["figures"]) == len(pipeline.load(server.url, version="1.0.0", cache_dir=tmp_path / "cache",
                                                       tables=["figures"])["figures"])
    assert "/releases/1.0.0/SHA256SUMS" in server.requests and "/releases/LATEST" not in server.requests


def test_a_folder_holding_no_release_says_so(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "report.md").write_text("Some text.", encoding="utf-8")
    with pytest.raises(LoadError, match="raw is not a release or a folder of releases"):
        pipeline.load(tmp_path / "raw")


def test_an_unreachable_address_or_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LoadError, match="does not exist|not a folder"):
        pipeline.load(tmp_path / "nothing")
    with Server(tmp_path) as server:
        with pytest.raises(LoadError, match="HTTP 404"):
            pipeline.load(server.url, cache_dir=tmp_path / "cache")


def test_loading_imports_neither_dagster_nor_the_pipeline_steps(out):
    code = ("import sys, pipeline; tables = pipeline.load(sys.argv[1]); "
            "heavy = [m for m in ('dagster', 'matplotlib', 'pandera', 'pipeline.publish') if m in sys.modules]; "
            "print(len(tables['figures']), heavy)")
    result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[1].strip() == "[]"
