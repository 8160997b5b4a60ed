"""Every kind of report users have, and every kind of bad input, through a real `figures run`."""
import codecs
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from conftest import front_matter, write_report
from pdfs import encrypted_pdf, image_only_pdf, text_pdf, truncated_pdf
from pipeline.ingest.html import read_html
from releases import published_by_figures_run

ARTICLE_HTML = """<html><head><title>Shelling in Idlib | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/idlib-shelling">
<meta property="article:published_time" content="2020-02-10"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shelling in Idlib</h1>
<p>At least 14 civilians were killed in shelling on the town of Sarmin, the Syrian Observatory for Human Rights said on Monday.</p>
<p>Rescue workers said the strikes hit a market and two homes, and that the search for survivors went on into the night.</p>
</article><footer>Example News. All rights reserved. Privacy.</footer></body></html>"""
# A script-rendered page as its site serves it, and as Chromium saved it (`make pages`).
PAGE_NAME = "2020-01-30-syrian-british-consortium-idlib-update.html"
SERVED_PAGE = Path(__file__).parent / "pages" / PAGE_NAME
SAVED_PAGE = Path(__file__).parent.parent / "data" / "raw" / PAGE_NAME
EMPTY_HTML = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
FEED_CSV = """date,location,metric,value,source,url,qualifier,population
2020-02-17,northwest Syria,displaced,900000,OCHA,https://unocha.org/a,exact,people
2020-02-18,Idlib,killed,twelve,SOHR,https://syriahr.com/b,exact,civilians
2020-02-18,Idlib,killed,-5,SOHR,https://syriahr.com/c,exact,civilians
2020-02-19,Aleppo village,killed,1000000000,Someone,https://example.org/d,exact,people
2020-02-19,Idlib,killed,7,SOHR,https://syriahr.com/e,,children
"""
# A page as Chromium's "Save page as" writes it: the address it came from in a comment, an author
# in the meta tags, and no canonical address or site name.
SAVED_WITH_COMMENT = """<!DOCTYPE html>
<!-- saved from url=(0041)https://news.example.org/idlib-aid-convoy -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Aid convoy reaches Idlib</title>
<meta name="author" content="OCHA"><meta property="article:published_time" content="2020-02-12"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Aid convoy reaches Idlib</h1>
<p>More than 700,000 people have been displaced in northwest Syria since 1 December, the convoy's organisers said.</p>
<p>Trucks carried tents, blankets and food to camps near the Turkish border on Wednesday afternoon.</p>
</article></body></html>"""
HXL_CSV = """Date,Province,Killed,Source,Link
#date,#adm1+name,#affected+killed,#meta+source,#meta+url
2020-02-20,Idleb,9,Civil Defence,https://example.org/h
"""


def build_corpus(raw: Path, outside: Path) -> dict[str, str]:
    """Write the corpus; return, for each bad file, a phrase its quarantine reason must hold."""
    write_report(raw, "text report.md", "At least 12 civilians were killed in Idlib, OCHA said.")
    write_report(raw, "ünïcödé.md", "Some 5,000 people fled Saraqeb since 1 February.", published="2020-02-20")
    write_report(raw, "-leading-dash.txt", "Three children were killed in Ariha.")
    (raw / "article.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (raw / "saved-by-browser.html").write_bytes(SAVED_PAGE.read_bytes())
    (raw / "served-before-script.html").write_bytes(SERVED_PAGE.read_bytes())
    (raw / "sitrep.pdf").write_bytes(text_pdf(["More than 948,000 people have been displaced in northwest",
                                               "Syria since 1 December 2019."],
                                              {"Title": "Sitrep 9", "Author": "OCHA", "CreationDate": "D:20200226"}))
    (raw / "sitrep.pdf.meta.yaml").write_text("url: https://reliefweb.int/sitrep-9\n", encoding="utf-8")
    (raw / "no-url.pdf").write_bytes(text_pdf(["At least 20 civilians were killed in Maarat al-Numan."],
                                              {"Author": "SOHR", "CreationDate": "D:20200115"}))
    (raw / "saved-with-comment.html").write_text(SAVED_WITH_COMMENT, encoding="utf-8")
    (raw / "feed.csv").write_text(FEED_CSV, encoding="utf-8")
    (raw / "hxl.csv").write_text(HXL_CSV, encoding="utf-8")
    (raw / "feed.json").write_text(json.dumps({"figures": [
        {"date": "2020-02-21", "location": "Idlib", "metric": "injured", "value": 40, "source": "WHO",
         "url": "https://who.int/x"}]}), encoding="utf-8")
    text = front_matter(title="t", publisher="p", url="https://x.org", published="2020-01-01") + "Two people were killed."
    (raw / "utf16.md").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (raw / "copy of text report.md").write_bytes((raw / "text report.md").read_bytes())
    bad = {
        "served-before-script.html": "HTML has no article text",
        "empty.md": "file is empty",
        "garbage.md": "binary data",
        "latin1.md": "not valid UTF-8",
        "no-front-matter.md": "no YAML front matter",
        "broken-front-matter.md": "front matter is not valid YAML",
        "future.md": "in the future",
        "impossible-date.md": "`published` is 2020-02-30, which is not a real date (February 2020 has 29 days)",
        "no-publisher.pdf": "no `publisher` in the PDF document information or its sidecar; add `publisher: NAME`",
        "no-date.pdf": "no `published` in the PDF document information or its sidecar; "
                       "add `published: YYYY-MM-DD` (the day the report was published) to a sidecar "
                       "no-date.pdf.meta.yaml beside it",
        "menu-only.html": "HTML has no article text",
        "truncated.pdf": "truncated or damaged",
        "encrypted.pdf": "PDF is encrypted",
        "scan.pdf": "no text layer",
        "missing-columns.csv": "lacks column(s) `source`",
        "wrong-shape.json": "not an object with a `figures` list",
        "link-outside.md": "symlink points outside",
        "huge.txt": "over the 50 MB limit",
        "text report.md": "same bytes as copy of text report.md",  # the first name in path order is kept
        "table.xlsx": "unsupported file type",
    }
    (raw / "empty.md").write_bytes(b"")
    (raw / "garbage.md").write_bytes(os.urandom(64) + b"\x00" * 16)
    (raw / "latin1.md").write_bytes((front_matter(title="x") + "Caf\u00e9 killed").encode("latin-1"))
    (raw / "no-front-matter.md").write_text("Ten people were killed.", encoding="utf-8")
    (raw / "broken-front-matter.md").write_text("---\ntitle: [broken\n---\nText.", encoding="utf-8")
    write_report(raw, "future.md", "Ten people were killed.", published="2999-01-01")
    write_report(raw, "impossible-date.md", "Ten people were killed.", published="2020-02-30")
    (raw / "menu-only.html").write_text(EMPTY_HTML, encoding="utf-8")
    (raw / "truncated.pdf").write_bytes(truncated_pdf())
    (raw / "no-publisher.pdf").write_bytes(text_pdf(["Ten people were killed."], {"CreationDate": "D:20200101"}))
    (raw / "no-date.pdf").write_bytes(text_pdf(["Ten people were killed."], {"Author": "OCHA"}))
    (raw / "encrypted.pdf").write_bytes(encrypted_pdf())
    (raw / "scan.pdf").write_bytes(image_only_pdf())
    (raw / "missing-columns.csv").write_text("date,location,metric,value\n2020-01-01,Idlib,killed,3\n", encoding="utf-8")
    (raw / "wrong-shape.json").write_text(json.dumps([{"value": 3}]), encoding="utf-8")
    secret = write_report(outside, "secret.md", "Five people were killed.")
    os.symlink(secret, raw / "link-outside.md")
    with open(raw / "huge.txt", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # 2 GB, sparse: nothing is written to disk
    (raw / "table.xlsx").write_bytes(b"PK\x03\x04")
    return bad


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    root = tmp_path_factory.mktemp("formats")
    raw, outside = root / "raw", root / "outside"
    raw.mkdir()
    outside.mkdir()
    bad = build_corpus(raw, outside)
    folder = published_by_figures_run(raw, root)
    tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in ("reports", "claims", "quarantine")}
    return raw, bad, tables


def test_every_good_format_becomes_a_report_with_claims(release):
    _, _, tables = release
    reports, claims = tables["reports"], tables["claims"]
    formats = dict(zip(reports["path"], reports["format"]))
    assert formats == {"copy of text report.md": "markdown", "ünïcödé.md": "markdown", "-leading-dash.txt": "text",
                       "article.html": "html", "saved-by-browser.html": "html", "sitrep.pdf": "pdf", "feed.csv": "csv", "hxl.csv": "csv",
                       "no-url.pdf": "pdf", "saved-with-comment.html": "html",
                       "feed.json": "json", "utf16.md": "markdown"}
    with_claims = set(reports[reports["report_id"].isin(claims["report_id"])]["path"])
    assert with_claims == set(formats)
    html = reports.set_index("path").loc["article.html"]
    assert (html["publisher"], str(html["published"])) == ("Example News", "2020-02-10")
    saved = reports.set_index("path").loc["saved-by-browser.html"]
    assert (saved["publisher"], str(saved["published"])) == ("Syrian British Consortium", "2020-01-30")
    pdf = reports.set_index("path").loc["sitrep.pdf"]
    assert (pdf["publisher"], pdf["url"]) == ("OCHA", "https://reliefweb.int/sitrep-9")


def test_a_report_without_url_is_published_and_flagged(release):
    _, _, tables = release
    reports = tables["reports"].set_index("path")
    pdf = reports.loc["no-url.pdf"]
    assert pd.isna(pdf["url"]) and not pdf["has_url"]
    assert (pdf["publisher"], str(pdf["published"]), pdf["title"]) == ("SOHR", "2020-01-15", "no-url")
    assert pdf.name in set(reports.index) and len(pdf["report_id"]) == 64
    assert reports.drop(index="no-url.pdf")["has_url"].all()


def test_a_saved_page_gives_its_saved_from_address_and_author(release):
    _, _, tables = release
    page = tables["reports"].set_index("path").loc["saved-with-comment.html"]
    assert (page["url"], page["has_url"]) == ("https://news.example.org/idlib-aid-convoy", True)
    assert (page["publisher"], str(page["published"]), page["title"]) == ("OCHA", "2020-02-12", "Aid convoy reaches Idlib")


def test_no_reason_holds_a_python_exception_name(release):
    _, _, tables = release
    for reason in tables["quarantine"]["reason"]:
        assert not re.search(r"Traceback|[A-Z]\w*(Error|Exception)\b|\bline \d+, in\b", reason), reason


def test_every_bad_file_is_quarantined_with_its_reason(release):
    _, bad, tables = release
    quarantine = tables["quarantine"]
    whole = quarantine[quarantine["table"] == "reports"]
    reasons = dict(zip(whole["path"], whole["reason"]))
    for path, phrase in bad.items():
        assert phrase in reasons.get(path, ""), f"{path}: {reasons.get(path)!r}"


def test_bad_feed_rows_are_quarantined_one_by_one(release):
    _, _, tables = release
    rows = tables["quarantine"][tables["quarantine"]["path"] == "feed.csv"]
    reasons = dict(zip(rows["row"], rows["reason"]))
    assert "not a whole non-negative number" in reasons[3] and "'twelve'" in reasons[3]
    assert "'-5'" in reasons[4]
    assert "not a plausible count of killed" in reasons[5]
    feed_claims = tables["claims"][tables["claims"]["quote"].str.contains("syriahr.com/e", regex=False)]
    assert feed_claims[["value", "population"]].values.tolist() == [[7, "children"]]


def test_reports_plus_quarantined_files_equal_files_present(release):
    raw, _, tables = release
    files = [p for p in raw.rglob("*") if (p.is_file() or p.is_symlink()) and not p.name.endswith(".meta.yaml")]
    whole = tables["quarantine"][tables["quarantine"]["table"] == "reports"]["path"]
    assert len(tables["reports"]) + whole.nunique() == len(files)
    assert not set(tables["reports"]["path"]) & set(whole)


def test_page_saved_by_a_browser_gives_its_rendered_article_only():
    metadata, text = read_html(SAVED_PAGE.read_bytes())
    assert metadata["publisher"] == "Syrian British Consortium"
    assert text.startswith("Idlib humanitarian update, 30 January\nLocal monitors of the Response Coordination Group")
    assert "more than 130 civilians have been killed, among them 40 children" in text
    for boilerplate in ("cookies", "Donate now", "Related posts", "Winter appeal", "Registered charity", "Loading"):
        assert boilerplate not in text


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (`make pages` needs it)")
def test_saved_page_is_what_chromium_renders_from_the_source():
    rendered = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                               SERVED_PAGE.resolve().as_uri()], capture_output=True, check=True, timeout=120).stdout
    assert read_html(rendered) == read_html(SAVED_PAGE.read_bytes())


def page(head: str) -> bytes:
    body = ("<article><p>At least 14 civilians were killed in shelling on the town of Sarmin, the Syrian "
            "Observatory for Human Rights said on Monday.</p></article>")
    return f"<html><head><title>Shelling in Sarmin</title>{head}</head><body>{body}</body></html>".encode()


def test_a_page_publisher_falls_back_from_site_name_to_author_to_address():
    site = '<meta property="og:site_name" content="Example News">'
    author = '<meta name="author" content="OCHA">'
    canonical = '<link rel="canonical" href="https://www.news.example.org/sarmin">'
    assert read_html(page(site + author + canonical))[0]["publisher"] == "Example News"
    assert read_html(page(author + canonical))[0]["publisher"] == "OCHA"
    assert read_html(page(canonical))[0] == {"title": "Shelling in Sarmin", "publisher": "news.example.org",
                                            "url": "https://www.news.example.org/sarmin"}
    saved = b"<!-- saved from url=(0036)https://www.example.org/news/sarmin -->\n" + page("")
    assert read_html(saved)[0] == {"title": "Shelling in Sarmin", "publisher": "example.org",
                                   "url": "https://www.example.org/news/sarmin"}
    assert "publisher" not in read_html(page(""))[0]


def test_a_page_with_no_publisher_at_all_is_quarantined_with_what_to_add(tmp_path):
    from conftest import TODAY

    from pipeline.ingest import ingest

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "anonymous.html").write_bytes(page('<meta property="article:published_time" content="2020-02-10">'))
    found = ingest(raw, TODAY)
    assert found.quarantine["reason"].tolist() == [
        "no `publisher` in the page or its sidecar; add `publisher: NAME` (who published the report) "
        "to a sidecar anonymous.html.meta.yaml beside it"]
    (raw / "anonymous.html.meta.yaml").write_text("publisher: Local Council\n", encoding="utf-8")
    assert ingest(raw, TODAY).reports["publisher"].tolist() == ["Local Council"]


def test_feed_claims_name_their_originator_and_unit(release):
    _, _, tables = release
    claims, reports = tables["claims"], tables["reports"].set_index("report_id")
    from_feeds = claims[claims["report_id"].map(reports["format"]).isin(["csv", "json"])]
    by_source = dict(zip(from_feeds["attributed_to"], from_feeds["originator"]))
    assert by_source["Civil Defence"] == "Syria Civil Defence"  # a description, in a report on Idleb
    assert by_source["WHO"] == "World Health Organization"
    assert set(from_feeds["unit"]) == {"people"}
