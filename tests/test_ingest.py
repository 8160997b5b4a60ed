import codecs
import os

import pandas as pd

from conftest import TODAY, front_matter, write_report
from pipeline.ingest import ingest


def reasons(found) -> dict[str, str]:
    return dict(zip(found.quarantine["path"], found.quarantine["reason"]))


def test_text_report_is_read_with_metadata_and_hashed(raw_dir):
    path = write_report(raw_dir, "un.md", "900,000 people have fled since 1 December.")
    found = ingest(raw_dir, TODAY)
    report = found.reports.iloc[0]
    assert report["path"] == "un.md"
    assert report["publisher"] == "OCHA"
    assert report["published"] == "2020-02-17"
    assert report["format"] == "markdown"
    import hashlib
    assert report["report_id"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert found.texts[report["report_id"]] == "900,000 people have fled since 1 December."


def test_same_bytes_under_two_names_is_one_report(raw_dir):
    first = write_report(raw_dir, "a.md", "Ten people were killed.")
    (raw_dir / "copy of a.md").write_bytes(first.read_bytes())
    found = ingest(raw_dir, TODAY)
    assert list(found.reports["path"]) == ["a.md"]
    assert reasons(found)["copy of a.md"] == "same bytes as a.md; counted once"


def test_every_bad_file_is_quarantined_with_its_own_reason(raw_dir):
    (raw_dir / "empty.md").write_bytes(b"")
    (raw_dir / "garbage.txt").write_bytes(bytes(range(256)) * 4)
    (raw_dir / "latin1.md").write_bytes((front_matter(title="x") + "Caf\u00e9 report").encode("latin-1"))
    (raw_dir / "no-front-matter.md").write_text("Twelve people died.", encoding="utf-8")
    (raw_dir / "broken-yaml.md").write_text("---\ntitle: [oops\n---\nText.", encoding="utf-8")
    write_report(raw_dir, "no-date.md", "Text.", published=None)
    write_report(raw_dir, "future.md", "Text.", published="2999-01-01")
    write_report(raw_dir, "impossible.md", "Text.", published="2020-02-31")
    (raw_dir / "table.xlsx").write_bytes(b"PK\x03\x04")
    found = ingest(raw_dir, TODAY)
    why = reasons(found)
    assert found.reports.empty
    assert why["empty.md"] == "file is empty"
    assert "binary data" in why["garbage.txt"]
    assert "not valid UTF-8" in why["latin1.md"]
    assert "no YAML front matter" in why["no-front-matter.md"]
    assert "front matter is not valid YAML" in why["broken-yaml.md"]
    assert why["no-date.md"] == ("no `published` in front matter; "
                                 "add `published: YYYY-MM-DD` (the day the report was published)")
    assert "in the future" in why["future.md"]
    assert why["impossible.md"] == "`published` is 2020-02-31, which is not a real date (February 2020 has 29 days)"
    assert "unsupported file type `.xlsx`" in why["table.xlsx"]


def test_utf16_with_byte_order_mark_is_read(raw_dir):
    text = front_matter(title="t", publisher="p", url="https://x.org", published="2020-01-01") + "Five people were killed."
    (raw_dir / "utf16.md").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    found = ingest(raw_dir, TODAY)
    assert list(found.reports["path"]) == ["utf16.md"]


def test_symlink_outside_raw_folder_is_refused(raw_dir, tmp_path):
    outside = write_report(tmp_path, "outside.md", "Secret.")
    os.symlink(outside, raw_dir / "link.md")
    found = ingest(raw_dir, TODAY)
    assert "symlink points outside the raw folder" in reasons(found)["link.md"]


def test_odd_file_names_are_read(raw_dir):
    for name in ["with space.md", "ünïcödé.md", "-leading-dash.md"]:
        write_report(raw_dir, name, f"Report {name}: two people were killed.")
    found = ingest(raw_dir, TODAY)
    assert sorted(found.reports["path"]) == sorted(["with space.md", "ünïcödé.md", "-leading-dash.md"])


def test_sidecar_metadata_fills_in_front_matter(raw_dir):
    write_report(raw_dir, "r.md", "Text.", publisher=None)
    (raw_dir / "r.md.meta.yaml").write_text("publisher: UNHCR\n", encoding="utf-8")
    found = ingest(raw_dir, TODAY)
    assert list(found.reports["publisher"]) == ["UNHCR"]
    assert len(found.inputs) == 1


def test_every_file_is_a_report_or_quarantined(raw_dir):
    write_report(raw_dir, "good.md", "Text.")
    (raw_dir / "bad.md").write_bytes(b"")
    found = ingest(raw_dir, TODAY)
    assert len(found.reports) + len(found.quarantine) == len(found.inputs) == 2


def write_raw(folder, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_an_impossible_date_names_the_field_and_the_value(raw_dir):
    unquoted = "---\ntitle: T\npublisher: OCHA\npublished: {}\n---\nTen people were killed.\n"
    write_raw(raw_dir, "feb30.md", unquoted.format("2020-02-30"))
    write_raw(raw_dir, "month13.md", unquoted.format("2020-13-01"))
    write_raw(raw_dir, "day0.md", unquoted.format("2021-02-00"))
    write_raw(raw_dir, "words.md", unquoted.format("last Tuesday"))
    write_raw(raw_dir, "feed.csv", "date,location,metric,value,source\n2019-02-29,Idlib,killed,3,SOHR\n"
                                   "2020-02-10,Idlib,killed,4,SOHR\n")
    found = ingest(raw_dir, TODAY)
    why = reasons(found)
    assert why["feb30.md"] == "`published` is 2020-02-30, which is not a real date (February 2020 has 29 days)"
    assert why["month13.md"] == "`published` is 2020-13-01, which is not a real date (there is no month 13)"
    assert why["day0.md"] == "`published` is 2021-02-00, which is not a real date (February 2021 has 28 days)"
    assert why["words.md"] == "`published` is 'last Tuesday', not a date in the form YYYY-MM-DD"
    assert why["feed.csv"] == ("row 2: `date` is 2019-02-29, which is not a real date "
                               "(February 2019 has 28 days)")


def test_a_report_without_url_is_read_and_flagged(raw_dir):
    write_report(raw_dir, "no-url.md", "Ten people were killed.", url=None)
    write_raw(raw_dir, "feed.csv", "date,location,metric,value,source\n2020-02-10,Idlib,killed,4,SOHR\n")
    write_report(raw_dir, "with-url.md", "Five people were killed.")
    found = ingest(raw_dir, TODAY)
    reports = found.reports.set_index("path")
    assert found.quarantine.empty
    for path in ("no-url.md", "feed.csv"):
        assert pd.isna(reports.loc[path, "url"]) and not reports.loc[path, "has_url"]
    assert reports.loc["with-url.md", "has_url"]


def test_a_url_that_is_not_an_address_is_refused_with_what_to_do(raw_dir):
    write_report(raw_dir, "r.md", "Ten people were killed.", url="www.example.org/report")
    assert reasons(ingest(raw_dir, TODAY))["r.md"] == (
        "`url` is 'www.example.org/report', not an http(s) address; write it in full (https://...) "
        "or leave `url` out")


def test_a_missing_title_falls_back_to_the_file_name(raw_dir):
    write_report(raw_dir, "2020-02-17-ocha-statement.md", "Ten people were killed.", title=None)
    assert list(ingest(raw_dir, TODAY).reports["title"]) == ["2020-02-17-ocha-statement"]


def test_a_missing_publisher_says_how_to_add_it(raw_dir):
    write_report(raw_dir, "r.md", "Ten people were killed.", publisher=None)
    assert reasons(ingest(raw_dir, TODAY))["r.md"] == (
        "no `publisher` in front matter; add `publisher: NAME` (who published the report)")


def test_wrong_encodings_and_parser_failures_get_reasons_in_our_words(raw_dir):
    text = front_matter(title="t", publisher="p", published="2020-01-01") + "Two people were killed."
    (raw_dir / "utf16-no-bom.md").write_bytes(text.encode("utf-16-le"))
    write_raw(raw_dir, "deep.json", "[" * 100_000 + "]" * 100_000)
    write_raw(raw_dir, "long-number.json", '{"figures": [{"value": ' + "9" * 5000 + "}]}")
    write_raw(raw_dir, "surrogate.json", '{"figures": [{"date": "2020-01-01", "location": "Idlib", "metric": '
                                         '"killed", "value": "3", "source": "S\\ud800"}, {"date": "2020-01-01", '
                                         '"location": "Idlib", "metric": "killed", "value": "4", "source": "S"}]}')
    write_raw(raw_dir, "open-quote.csv", "date,location,metric,value,source\n\"2020-01-01," + "x" * 140_000 + "\n")
    write_raw(raw_dir, "long-count.csv", "date,location,metric,value,source\n2020-01-01,Idlib,killed,"
                                         + "9" * 400 + ",SOHR\n")
    found = ingest(raw_dir, TODAY)
    rows = found.quarantine["row"].astype(object).where(found.quarantine["row"].notna(), "")
    why = {f"{path}:{row}": reason for path, row, reason in zip(found.quarantine["path"], rows, found.quarantine["reason"])}
    assert why["utf16-no-bom.md:"] == "file looks like UTF-16 text without a byte-order mark; save it as UTF-8"
    assert why["deep.json:"].startswith("JSON nests lists or objects too deeply to read")
    assert why["long-number.json:"].startswith("JSON holds a number longer than 4,300 digits")
    assert why["surrogate.json:1"] == ("row 1: `source` holds an escape such as \\ud800 that is not a character "
                                       "(a lone surrogate); fix or remove it")
    assert why["open-quote.csv:"] == ("CSV is not well-formed from line 2: a cell runs past 131,072 "
                                          "characters (a quote left open?)")
    assert why["long-count.csv:"].startswith("feed has no valid record (row 2: `value` has 400 digits")
    assert list(found.reports["path"]) == ["surrogate.json"]
    for reason in found.quarantine["reason"]:
        assert "Error" not in reason and "Traceback" not in reason


def test_an_unforeseen_parser_failure_says_what_to_do_without_its_exception():
    from pipeline.ingest.failures import unreadable_reason

    reasons_given = [unreadable_reason(path, error) for path, error in [
        ("a.pdf", KeyError("/Root")), ("b.html", RecursionError("maximum recursion depth exceeded")),
        ("c.csv", MemoryError()), ("d.md", UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")),
    ]]
    assert reasons_given[0] == ("PDF could not be read: it may be damaged, or not what its name says; "
                                "open it to check, and save it again as a PDF")
    assert reasons_given[1].startswith("web page nests its parts too deeply to read")
    assert reasons_given[2].startswith("CSV feed needs more memory")
    assert reasons_given[3].startswith("file holds characters that cannot be written as text")
    for reason in reasons_given:
        assert "Error" not in reason and "recursion" not in reason and "/Root" not in reason


def test_a_control_character_in_front_matter_is_named(raw_dir):
    write_raw(raw_dir, "escape.md", "---\ntitle: Idlib\x1b[2J\npublisher: OCHA\npublished: 2020-02-10\n---\nTen killed.\n")
    assert reasons(ingest(raw_dir, TODAY))["escape.md"] == (
        "front matter holds a character YAML does not allow (U+001B); remove it, or write it as an escape "
        "in double quotes")


def test_a_sidecar_date_that_is_no_day_is_named(raw_dir):
    write_report(raw_dir, "r.md", "Ten people were killed.", published=None)
    (raw_dir / "r.md.meta.yaml").write_text("published: 2021-02-29\n", encoding="utf-8")
    assert reasons(ingest(raw_dir, TODAY))["r.md"] == (
        "`published` is 2021-02-29, which is not a real date (February 2021 has 28 days)")
