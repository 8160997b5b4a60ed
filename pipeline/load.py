"""Load a published release as pandas DataFrames, checking every file against SHA256SUMS.

    import pipeline
    tables = pipeline.load("https://example.org/crisis-figures/")   # or a local data/published
    tables["figures"]

``source`` is the folder that holds the release folders and ``LATEST`` (the
pipeline's output folder), on disk or served over http(s), or one release
folder itself (``data/published/1.1.0``, or an address ending in a version),
which loads that release. From an address,
``LATEST``, ``index.json`` and ``SHA256SUMS`` and the tables are downloaded
into a cache folder (``$XDG_CACHE_HOME/crisis-figures``, else
``~/.cache/crisis-figures``); release folders never change, so a cached file
whose SHA-256 matches is used again instead of downloaded. Where ``index.json``
is present, ``SHA256SUMS`` itself is checked against the hash it records.

Only the standard library, pandas and pyarrow are imported (not Dagster, not
the pipeline's steps), and those only when a table is read.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import urllib.parse
from pathlib import Path

from pipeline.release_folders import VERSION, is_release, latest_in

SUM_LINE = re.compile(r"^([0-9a-f]{64})  ([A-Za-z0-9][A-Za-z0-9._-]*)$")
SUMS_NAME = "SHA256SUMS"
TIMEOUT_SECONDS = 60
CHUNK = 1 << 20


class LoadError(RuntimeError):
    """A release cannot be found or read."""


class ChecksumError(LoadError):
    """A file's bytes do not match the checksum the release lists for it."""

    def __init__(self, name: str, expected: str, actual: str, where: str):
        super().__init__(f"{name}: SHA-256 {actual} does not match {expected} in {where}")
        self.name = name


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crisis-figures"


def _is_remote(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


class _Local:
    """A release folder's parent on disk: files are read where they are."""

    def __init__(self, root: Path, shown: Path | None = None):
        if not root.exists():
            raise LoadError(f"{root} does not exist")
        if not root.is_dir():
            raise LoadError(f"{root} is not a folder")
        self.root, self.root_name = root, str(shown or root)

    def latest(self) -> str:
        """The version LATEST names; without LATEST, the newest release folder."""
        named = self.text("LATEST", required=False)
        if named is not None:
            return named.strip()
        latest = latest_in(self.root)
        if latest is None:
            raise LoadError(f"{self.root_name} is not a release or a folder of releases: it holds no "
                            f"{SUMS_NAME} and no release folder (such as 1.0.0)")
        return latest

    def text(self, name: str, required: bool = True) -> str | None:
        path = self.root / name
        if not path.is_file():
            if required:
                raise LoadError(f"{path} does not exist")
            return None
        return path.read_text(encoding="utf-8")

    def file(self, name: str, expected: str) -> Path:
        path = self.root / name
        if not path.is_file():
            raise LoadError(f"{path} is listed in {SUMS_NAME} but does not exist")
        actual = _sha256_file(path)
        if actual != expected:
            raise ChecksumError(name, expected, actual, SUMS_NAME)
        return path


class _Remote:
    """An output folder served over http(s), mirrored file by file into a cache folder."""

    def __init__(self, address: str, cache_dir: Path):
        import urllib.error  # noqa: F401  only a remote source needs them; `import pipeline` stays light
        import urllib.request  # noqa: F401

        self.address = self.root_name = address if address.endswith("/") else address + "/"
        split = urllib.parse.urlsplit(self.address)
        label = re.sub(r"[^A-Za-z0-9.-]+", "_", split.netloc + split.path).strip("_")[:60]
        self.cache = cache_dir / f"{label}-{hashlib.sha256(self.address.encode()).hexdigest()[:12]}"

    def _url(self, name: str) -> str:
        return urllib.parse.urljoin(self.address, urllib.parse.quote(name))

    def _download(self, name: str, target: Path) -> str:
        """Fetch ``name`` into ``target`` (atomically); returns its SHA-256."""
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False)
        try:
            with handle, urllib.request.urlopen(self._url(name), timeout=TIMEOUT_SECONDS) as response:
                for block in iter(lambda: response.read(CHUNK), b""):
                    digest.update(block)
                    handle.write(block)
            os.replace(handle.name, target)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        return digest.hexdigest()

    def latest(self) -> str:
        return self.text("LATEST").strip()

    def text(self, name: str, required: bool = True) -> str | None:
        """A small file that may change (LATEST, index.json): always fetched fresh."""
        try:
            with urllib.request.urlopen(self._url(name), timeout=TIMEOUT_SECONDS) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            if error.code == 404 and not required:
                return None
            raise LoadError(f"{self._url(name)}: HTTP {error.code} {error.reason}") from None
        except urllib.error.URLError as error:
            raise LoadError(f"{self._url(name)}: {error.reason}") from None

    def file(self, name: str, expected: str) -> Path:
        """A file of a release: the cached copy if it verifies, else downloaded and verified."""
        target = self.cache / name
        if target.is_file() and _sha256_file(target) == expected:
            return target
        try:
            actual = self._download(name, target)
        except urllib.error.HTTPError as error:
            raise LoadError(f"{self._url(name)}: HTTP {error.code} {error.reason}") from None
        except urllib.error.URLError as error:
            raise LoadError(f"{self._url(name)}: {error.reason}") from None
        if actual != expected:
            target.unlink(missing_ok=True)
            raise ChecksumError(name, expected, actual, f"{self.address}{name.rpartition('/')[0]}/{SUMS_NAME}")
        return target


def _store(text: str, cache_dir: Path) -> tuple[_Local | _Remote, str | None]:
    """Where the releases are, and the release folder ``text`` names itself (None for a folder of releases).

    A release folder on disk holds SHA256SUMS; an address names one when its last part is a version.
    """
    if _is_remote(text):
        parts = urllib.parse.urlsplit(text)
        head, _, last = parts.path.rstrip("/").rpartition("/")
        if VERSION.match(last):
            return _Remote(urllib.parse.urlunsplit(parts._replace(path=head + "/")), cache_dir), last
        return _Remote(text, cache_dir), None
    path = Path(text)
    if is_release(path):
        return _Local(path.resolve().parent, shown=path.parent), path.resolve().name
    return _Local(path), None


def _parse_sums(text: str, version: str) -> dict[str, str]:
    listed = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = SUM_LINE.match(line)
        if not match:
            raise LoadError(f"{version}/{SUMS_NAME} line {number} is not '<sha256>  <file>'")
        listed[match.group(2)] = match.group(1)
    return listed


def _release_sums(store, version: str, indexed: bool = True) -> dict[str, str]:
    """The release's SHA256SUMS, checked against index.json where the folder has one (and ``indexed``:
    a release folder renamed out of its output folder is named in no index)."""
    index_text = store.text("index.json", required=False) if indexed else None
    recorded = None
    if index_text is not None:
        try:
            entries = json.loads(index_text)["releases"]
        except (ValueError, KeyError, TypeError):
            raise LoadError("index.json is not a release index") from None
        recorded = next((e.get("sha256sums_sha256") for e in entries if e.get("version") == version), None)
        if recorded is None:
            raise LoadError(f"release {version} is not listed in index.json")
    name = f"{version}/{SUMS_NAME}"
    if recorded is None:
        return _parse_sums(store.text(name), version)
    return _parse_sums(store.file(name, recorded).read_text(encoding="utf-8"), version)


def _read_parquet(path: Path):
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get, date_as_object=False)
    for field in table.schema:
        if str(field.type).startswith("list"):
            frame[field.name] = [list(value) if value is not None else [] for value in frame[field.name]]
    return frame


def load(source: str | os.PathLike, version: str | None = None, cache_dir: str | os.PathLike | None = None,
         tables: list[str] | None = None) -> dict:
    """The release's tables as {name: DataFrame}, each file checked against SHA256SUMS first.

    ``version`` defaults to the one ``LATEST`` names; ``tables`` to every
    Parquet table of the release. Dates are datetime64, counts nullable
    integers (an empty ``high`` is <NA>), list cells Python lists.
    Raises ``ChecksumError`` naming the file when bytes do not match, and
    ``LoadError`` when the release or a file cannot be found.
    """
    store, folder = _store(os.fspath(source), Path(cache_dir) if cache_dir else default_cache())
    if folder is not None:
        if version is not None and version != folder:
            raise LoadError(f"{source} is release {folder}, not {version}; to load another, "
                            f"name the folder that holds them ({store.root_name})")
        version = folder
    elif version is None:
        version = store.latest()
    if folder is None and not VERSION.match(version):
        raise LoadError(f"{version!r} is not a release version (MAJOR.MINOR.PATCH)")
    listed = _release_sums(store, version, indexed=VERSION.match(version) is not None)
    available = sorted(name.removesuffix(".parquet") for name in listed if name.endswith(".parquet"))
    wanted = available if tables is None else list(tables)
    missing = [name for name in wanted if name not in available]
    if missing:
        raise LoadError(f"release {version} has no table {', '.join(missing)} (it has {', '.join(available)})")
    return {name: _read_parquet(store.file(f"{version}/{name}.parquet", listed[f"{name}.parquet"]))
            for name in wanted}
