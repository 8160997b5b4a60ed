"""The release page and the catalog, as a reader's browser shows them.

Releases come from real `figures run`s on the bundled sample; pages are read
back from headless Chromium's DOM and screenshots (Debian package `chromium`).
Without Chromium these tests skip on a developer's machine and fail in CI.
"""
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pandas as pd
import pytest
from PIL import Image

from conftest import ROOT, SAMPLE_RAW, TODAY, write_report
from pipeline import stages
from pipeline.publish import publish
from pipeline.publish.page import file_entries, release_page
from pipeline.publish.page.chart import Point, series_svg
from pipeline.publish.read import read_release

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND"]  # no host resolves: offline
HOSTILE_TITLE = '<script>document.title="owned"</script> Lattakia & <b>bold</b>'
HOSTILE_BODY = ('Witnesses wrote "<img src=x onerror=alert(1)>" and =HYPERLINK("http://evil.example") on a wall. '
                'At least 21 civilians were killed in Lattakia <script>document.title="owned"</script> since Monday.')


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    if in_ci():
        pytest.fail("chromium is not installed: CI tests the release page in a real browser (.ci/run installs it)")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium)")


def browse(chromium: str, *args: str, width: int = 1400, height: int = 1000) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([chromium, *BROWSER_FLAGS, f"--user-data-dir={profile}",
                                 f"--window-size={width},{height}", *args],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def dom(chromium):
    """A page's DOM after Chromium loaded it (each page dumped once per module)."""
    dumped: dict[Path, str] = {}

    def read(page: Path) -> lxml.html.HtmlElement:
        if page not in dumped:
            dumped[page] = browse(chromium, "--dump-dom", page.as_uri())
        return lxml.html.fromstring(dumped[page])

    return read


def screenshot_colours(chromium: str, url: str, target: Path, width: int, height: int) -> int:
    browse(chromium, f"--screenshot={target}", url, width=width, height=height)
    with Image.open(target) as image:
        assert image.size == (width, height)
        return len(image.convert("RGB").getcolors(maxcolors=width * height))


def figures_run(raw: Path, out: Path, home: Path, **env: str) -> None:
    environment = {**os.environ, "DAGSTER_HOME": str(home), **env}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out)],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """`figures run` on the sample into two folders (another time zone and hash seed for the second),
    then a second release in the first folder with a report whose text holds markup."""
    root = tmp_path_factory.mktemp("pages")
    raw = root / "raw"
    shutil.copytree(SAMPLE_RAW, raw)
    figures_run(raw, root / "out", root / "dagster")
    figures_run(raw, root / "again", root / "dagster-again", TZ="Asia/Tokyo", PYTHONHASHSEED="7")
    write_report(raw, "2020-03-10-hostile.md", HOSTILE_BODY, title=HOSTILE_TITLE, published="2020-03-10",
                 location="Lattakia", url="https://example.org/report?a=1&b=<2>")
    reports = stages.read_reports(raw, TODAY)
    claims = stages.extract_claims(reports)
    figures = stages.reconcile_figures(claims.table, reports.reports)
    assert publish(stages.release_tables(reports, claims, figures), root / "out",
                   stages.provenance(reports, raw)).version == "1.1.0"
    return root


def sums(folder: Path) -> dict[str, str]:
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def local_targets(document: lxml.html.HtmlElement, folder: Path) -> list[tuple[str, Path | None]]:
    """Every link that is not to the web: (href, file it resolves to, or None for a fragment)."""
    targets = []
    for href in document.xpath("//a/@href"):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            continue
        assert not parts.scheme and not parts.netloc, f"unexpected link {href}"
        targets.append((href, (folder / unquote(parts.path)).resolve() if parts.path else None))
    return targets


def test_every_release_holds_its_page_in_sha256sums_with_the_same_bytes_for_the_same_inputs(published):
    first, again = published / "out" / "1.0.0", published / "again" / "1.0.0"
    page = (first / "index.html").read_bytes()
    assert sums(first)["index.html"] == hashlib.sha256(page).hexdigest()
    assert page == (again / "index.html").read_bytes()  # another folder, time zone and hash seed
    assert sums(first) == sums(again)
    for text in (page, (published / "out" / "index.html").read_bytes()):
        assert str(published).encode() not in text and b"/tmp" not in text


def test_release_page_shows_version_counts_and_every_file_with_its_checksum(published, dom):
    folder = published / "out" / "1.1.0"
    manifest = json.loads((folder / "release.json").read_text())
    document = dom(folder / "index.html")
    assert document.get_element_by_id("version").text_content() == "1.1.0"
    assert document.get_element_by_id("data-as-of").text_content() == manifest["data_as_of"]
    counts = {li.get("data-count"): int(li.find("b").text_content().replace(",", ""))
              for li in document.get_element_by_id("counts").iter("li")}
    tables = manifest["tables"]
    assert counts == {"reports": tables["reports"]["rows"], "claims": tables["claims"]["rows"],
                      "figures": tables["figures"]["rows"], "events": tables["events"]["rows"],
                      "quarantined inputs": tables["quarantine"]["rows"]}
    listed = sums(folder)
    rows = {row.get("data-file"): row for row in document.xpath("//table[contains(@class, 'files')]//tr[@data-file]")}
    assert set(rows) == set(listed) - {"index.html"} and "figures.parquet" in rows and "figures_hxl.csv" in rows
    for name, row in rows.items():
        assert row.xpath(".//code[@class='sha256']")[0].text_content() == listed[name], name
        assert row.xpath(".//a[@class='download']/@href") == [name]
        table = name.rsplit(".", 1)[0]
        if table in tables and name.endswith((".parquet", ".csv")):
            assert row.xpath("string(./td[@data-label='Rows'])").replace(",", "") == str(tables[table]["rows"])
            assert row.xpath(".//td[@class='load']//code")  # how to load it
    for href, target in local_targets(document, folder):
        if target is None:
            assert document.xpath(f"//*[@id='{href[1:]}']"), f"no element for {href}"
        else:
            assert target.exists(), f"{href} does not resolve"


def test_release_page_charts_every_series_with_three_or_more_dates_beside_a_table_of_its_numbers(published, dom):
    folder = published / "out" / "1.1.0"
    figures = pd.read_parquet(folder / "figures.parquet")
    dates = figures.fillna({"period_start": ""}).groupby(["metric", "population", "location", "period_start"])["as_of"].nunique()
    document = dom(folder / "index.html")
    articles = document.xpath("//article[contains(@class, 'series')]")
    assert len(articles) == len(dates)
    assert sorted(int(a.get("data-dates")) for a in articles) == sorted(dates.tolist())
    charted = [a for a in articles if int(a.get("data-dates")) >= 3]
    assert len(charted) == (dates >= 3).sum() >= 2
    for article in articles:
        charts = article.xpath(".//figure[@class='chart']/svg")
        assert len(charts) == (1 if int(article.get("data-dates")) >= 3 else 0)
        assert len(article.xpath(".//table[@class='numbers']/tbody/tr")) >= int(article.get("data-dates"))
    headline = next(a for a in articles if int(a.get("data-dates")) == dates.max())
    numbers = headline.xpath(".//table[@class='numbers']/tbody/tr/td[3]")
    best = {n.text_content().replace(",", "") for n in numbers}
    assert "900000" in best and "1000000" in best and "1500000" not in best  # the monitor never sets best
    assert len(document.xpath("//table[@class='numbers']/tbody/tr")) == len(figures)  # every figure in a table
    ids = [svg.get("id") for svg in document.xpath("//svg[@id]")]
    assert len(ids) == len(set(ids)), "two charts share an id"


def test_each_figure_lists_its_claims_with_quote_publisher_date_link_and_rule(published, dom):
    folder = published / "out" / "1.1.0"
    figures = pd.read_parquet(folder / "figures.parquet")
    claims = pd.read_parquet(folder / "claims.parquet")
    reports = pd.read_parquet(folder / "reports.parquet")
    document = dom(folder / "index.html")
    quotes = [q.text_content() for q in document.xpath("//blockquote")]
    series = figures.fillna({"period_start": ""}).groupby(["metric", "population", "location", "period_start"])
    disputing = sum(len(set(group.explode("disputed_by")["disputed_by"].dropna())) for _, group in series)
    assert len(quotes) == figures["claim_ids"].map(len).sum() + disputing  # a disputing quote once per series
    for figure_id, disputed_by in zip(figures["figure_id"], figures["disputed_by"]):
        row = document.get_element_by_id(f"f-{figure_id}")
        assert (len(disputed_by) > 0) == ("disputed" in row.text_content())
    for href in document.xpath("//p[@class='rule']//a/@href"):
        assert document.xpath(f"//li[@id='{href[1:]}']/blockquote"), href
    assert set(claims.loc[claims["claim_id"].isin(figures["claim_ids"].explode()), "quote"]) <= set(quotes)
    links = set(document.xpath("//p[@class='cite']/a/@href"))
    behind = claims["claim_id"].isin(pd.concat([figures["claim_ids"].explode(), figures["disputed_by"].explode()]))
    assert set(reports.loc[reports["report_id"].isin(claims.loc[behind, "report_id"]), "url"]) <= links
    rules = {r.text_content().removeprefix("Rule: ") for r in document.xpath("//p[@class='rule'][starts-with(., 'Rule')]")}
    assert set(figures["method"]) <= rules
    cites = " ".join(c.text_content() for c in document.xpath("//p[@class='cite']"))
    assert "OCHA" in cites and "2020-02-13" in cites and "graded high" in cites


def test_release_page_shows_what_changed_against_the_previous_release(published, dom):
    document = dom(published / "out" / "1.1.0" / "index.html")
    changes = document.get_element_by_id("changes").text_content()
    assert "Compared with release 1.0.0" in changes and "Reports added: 1" in changes
    assert "Civilians killed in Lattakia since 2020-03-09, as of 2020-03-10" in changes
    first = dom(published / "out" / "1.0.0" / "index.html")
    assert "The first release" in first.get_element_by_id("changes").text_content()


SNAKE_CASE = re.compile(r"\b[A-Za-z]+_[A-Za-z_]+\b")  # a code or column name written as words never has one
GRADE_CODE = re.compile(r"\b(?:LOW|MEDIUM|HIGH)\b")
TICK_DATE = ("%d %b", "%b %Y", "%Y")  # 29 Jan, Sep 2019, 2020


def reader_text(document: lxml.html.HtmlElement) -> str:
    """What a reader reads as the page's own words: not code, charts, quotes from reports or file names."""
    document = lxml.html.fromstring(lxml.html.tostring(document))
    for element in document.xpath("//style | //svg | //code | //pre | //blockquote | //a[@class='download'] | //title"):
        element.drop_tree()
    return document.text_content()


def test_the_release_page_writes_words_where_the_tables_hold_codes(published, dom):
    document = dom(published / "out" / "1.1.0" / "index.html")
    text = reader_text(document)
    assert not SNAKE_CASE.findall(text) and not GRADE_CODE.findall(text)
    assert "medium to high" in text  # a figure whose sources are graded medium and high
    headings = [h.text_content() for h in document.xpath("//article[contains(@class, 'series')]/h3")]
    assert "People displaced · northwest Syria · since 2019-12-01" in headings
    assert "Civilians killed · Idleb" in headings
    cites = " ".join(c.text_content() for c in document.xpath("//p[@class='cite']"))
    assert "graded high" in cites and "(at least)" in cites and "at_least" not in cites
    assert not SNAKE_CASE.findall(reader_text(dom(published / "out" / "index.html")))


def tick_dates(svg: lxml.html.HtmlElement) -> list[str]:
    return [text.text_content() for text in svg.xpath(".//*[starts-with(@id, 'xtick_')]//*[local-name()='text']")]


def reads_as_a_date(label: str) -> bool:
    for form in TICK_DATE:
        try:
            dt.datetime.strptime(label, form)
            return True
        except ValueError:
            continue
    return False


def test_chart_date_ticks_read_as_dates_on_the_page_and_for_any_span(published, dom):
    charts = dom(published / "out" / "1.1.0" / "index.html").xpath("//figure[@class='chart']/svg")
    assert charts
    for chart in charts:
        ticks = tick_dates(chart)
        assert len(ticks) >= 3 and all(reads_as_a_date(tick) for tick in ticks), ticks
    spans = [("2021-03-30", "2021-03-31", "2021-04-01"), ("2021-01-05", "2021-01-20", "2021-02-14"),
             ("2019-05-01", "2019-11-20", "2020-03-02"), ("2014-06-01", "2017-01-01", "2022-08-30")]
    for dates in spans:
        svg = series_svg("chart-test", [Point(day, 10, 12, 14, False) for day in dates], [])
        ticks = tick_dates(lxml.html.fromstring(svg))
        assert len(ticks) >= 3 and all(reads_as_a_date(tick) for tick in ticks), (dates, ticks)


def test_a_series_of_about_three_years_gets_half_yearly_ticks_without_a_warning(recwarn):
    dates = ("2013-03-01", "2014-06-15", "2015-11-20")  # 994 days: neither yearly nor 6-monthly ticks fit 3 to 6
    svg = series_svg("chart-three-years", [Point(day, 10, 12, 14, False) for day in dates], [])
    ticks = tick_dates(lxml.html.fromstring(svg))
    assert 3 <= len(ticks) <= 7 and all(reads_as_a_date(tick) for tick in ticks), ticks
    assert not [w for w in recwarn if "AutoDateLocator" in str(w.message)]


def test_pages_load_nothing_from_the_network(published):
    for page in (published / "out" / "1.1.0" / "index.html", published / "out" / "index.html"):
        document = lxml.html.fromstring(page.read_bytes())
        assert not document.xpath("//script | //link | //img | //iframe | //object | //embed | //*[@src]")
        assert not document.xpath("//*[@style[contains(., 'url(')]]")
        styles = " ".join(s.text_content() for s in document.xpath("//style"))
        assert "url(" not in styles and "@import" not in styles and "@font-face" not in styles


def test_report_text_holding_markup_stays_text_on_the_page(published, dom):
    document = dom(published / "out" / "1.1.0" / "index.html")
    assert document.findtext(".//title") == "crisis-figures release 1.1.0"
    assert not document.xpath("//script | //img | //b[contains(., 'bold')]")
    cites = [c.text_content() for c in document.xpath("//p[@class='cite']")]
    assert any(HOSTILE_TITLE in cite for cite in cites)
    assert "https://example.org/report?a=1&b=<2>" in document.xpath("//p[@class='cite']/a/@href")


def test_quotes_with_controls_newlines_formulas_and_unusable_addresses_render_inert(published, dom, tmp_path):
    release = read_release(published / "out" / "1.1.0")
    tables = {name: frame.copy() for name, frame in release.tables.items()}
    claims, reports, figures = tables["claims"], tables["reports"], tables["figures"]
    hostile = ('line one\nline two <iframe src="https://evil.example"></iframe> =SUM(A1:A9)'
               '\x1b[31m\x00 \u202eevil\u202c </blockquote><script>alert(1)</script>')
    target = figures.loc[figures["claim_ids"].map(len) > 0, "claim_ids"].iloc[0][0]
    claims.loc[claims["claim_id"] == target, "quote"] = hostile
    report = claims.loc[claims["claim_id"] == target, "report_id"].iloc[0]
    reports.loc[reports["report_id"] == report, "url"] = "javascript:alert(1)"
    reports.loc[reports["report_id"] != report, "url"] = ""  # reports without an address
    reports["has_url"] = False  # columns other steps may add do not break the page
    figures["best_claim_id"], figures["best_age_days"] = figures["claim_ids"].map(lambda c: c[0] if c else None), 3
    files = file_entries({"figures.csv": 1}, {"figures.csv": "0" * 64}, release.manifest)
    page = tmp_path / "index.html"
    page.write_bytes(release_page(release.manifest, {}, tables, files, previous_page=False))
    document = dom(page)
    assert not document.xpath("//script | //iframe")
    assert not [h for h in document.xpath("//a/@href") if h.startswith("javascript")]
    quote = next(q.text_content() for q in document.xpath("//blockquote") if "line one" in q.text_content())
    assert quote.startswith("line one\nline two <iframe")
    assert "=SUM(A1:A9)" in quote and "\u27e8U+001B\u27e9" in quote and "\u27e8U+202E\u27e9" in quote
    assert "\x1b" not in quote and "\u202e" not in quote and "</blockquote><script>" in quote
    assert "no address recorded" in document.text_content()


def test_catalog_lists_every_release_as_index_json_does_and_links_to_each_page(published, dom):
    out = published / "out"
    index = json.loads((out / "index.json").read_text())["releases"]
    document = dom(out / "index.html")
    rows = document.xpath("//table[contains(@class, 'releases')]/tbody/tr")
    assert [r.get("data-version") for r in rows] == [e["version"] for e in reversed(index)] == ["1.1.0", "1.0.0"]
    assert document.get_element_by_id("latest").text_content() == (out / "LATEST").read_text().strip()
    for row, entry in zip(rows, reversed(index)):
        manifest = json.loads((out / entry["version"] / "release.json").read_text())
        cells = [c.text_content().replace(",", "") for c in row.findall("td")]
        assert cells[1] == entry["data_as_of"]
        assert cells[2:6] == [str(manifest["tables"][t]["rows"]) for t in ("reports", "claims", "figures", "quarantine")]
        assert row.xpath(".//a/@href") == [f"{entry['version']}/index.html"]
    assert "against 1.0.0" in rows[0].text_content() and "1 report added" in rows[0].text_content()
    for href, target in local_targets(document, out):
        assert target is not None and target.exists(), f"{href} does not resolve"


def test_catalog_is_kept_with_index_json_when_a_run_publishes_nothing_new(published, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(published / "out", out)
    catalog = (out / "index.html").read_bytes()
    (out / "index.html").unlink()
    release = read_release(out / "1.1.0")
    provenance = json.loads((out / "1.1.0" / "provenance.json").read_text())
    result = publish(release.tables, out, provenance)
    assert not result.created and result.version == "1.1.0"
    assert (out / "index.html").read_bytes() == catalog
    assert not list(out.glob(".*.tmp"))


def test_pages_are_not_blank_at_desktop_and_phone_widths_and_fit_a_phone(published, chromium, tmp_path):
    pages = [published / "out" / "1.1.0" / "index.html", published / "out" / "index.html"]
    for number, page in enumerate(pages):
        assert screenshot_colours(chromium, page.as_uri(), tmp_path / f"wide-{number}.png", 1400, 900) > 20
    # Headless Chromium's window is at least 500 px wide: a 390 px phone screen is an iframe of that width.
    frames = "".join(f'<iframe src="{p.as_uri()}" width="390" height="1400"></iframe>' for p in pages)
    measure = ("<script>window.addEventListener('load', function () {"
               "document.querySelectorAll('iframe').forEach(function (f, i) {"
               "var d = f.contentDocument.documentElement;"
               "document.body.setAttribute('data-overflow-' + i, d.scrollWidth - d.clientWidth); }); });</script>")
    phone = tmp_path / "phone.html"
    phone.write_text(f"<!DOCTYPE html><html><body style='margin:0;display:flex'>{frames}{measure}</body></html>")
    document = lxml.html.fromstring(browse(chromium, "--allow-file-access-from-files", "--dump-dom", phone.as_uri(),
                                           width=800, height=1400))
    body = document.find("body")
    assert body.get("data-overflow-0") == "0" and body.get("data-overflow-1") == "0", "wider than a phone"
    assert screenshot_colours(chromium, phone.as_uri(), tmp_path / "phone.png", 800, 1400) > 20
