import codecs
import os

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
    assert why["no-date.md"] == "no `published` in front matter"
    assert "in the future" in why["future.md"]
    assert "not a date" in why["impossible.md"]
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
