"""Text meant to harm a reader's tools stays inert in CSV and HXL CSV, and exact in Parquet."""
import csv
import io
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import write_report
from pipeline.publish.formats import csv_bytes, parquet_bytes, to_arrow
from releases import published_by_figures_run

FORMULA = re.compile(r"^[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]*[=+\-@\uff1d\uff0b\uff0d\uff20]")
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# (value in the table, cell as CSV readers must read it back)
CELLS = [
    ("=1+1", "'=1+1"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("   =1+1", "'   =1+1"),
    ("\n=1+1", "'\n=1+1"),
    ("\u200b=1+1", "'\u200b=1+1"),
    ("\uff1d1+1", "'\uff1d1+1"),
    ("\tcell", "'\tcell"),
    ("\rcell", "'\rcell"),
    ("\x00=1+1", "'\ufffd=1+1"),
    ("bell\x07 escape\x1b[31m red del\x7f c1\x9b", "bell\ufffd escape\ufffd[31m red del\ufffd c1\ufffd"),
    ("vertical\x0btab and form\x0cfeed", "vertical\ufffdtab and form\ufffdfeed"),
    ("line one\nline two", "line one\nline two"),
    ("carriage\rreturn alone", "carriage\rreturn alone"),
    ("windows\r\nline", "windows\r\nline"),
    ("line\u2028separator and\u2029paragraph", "line\u2028separator and\u2029paragraph"),
    ('a "quoted", comma', 'a "quoted", comma'),
    ("<script>alert(1)</script><img src=x onerror=alert(2)>", "<script>alert(1)</script><img src=x onerror=alert(2)>"),
    ("\u202eright-to-left override\u202c and \u200fمقتل 12", "\u202eright-to-left override\u202c and \u200fمقتل 12"),
    ("12 killed - 3 injured", "12 killed - 3 injured"),
    ("", ""),
    (None, ""),
    (["=a", "b", " +c", "@d;e"], "'=a;b;' +c;'@d;e"),
]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame({"text": [value for value, _ in CELLS], "number": range(len(CELLS))})


def test_csv_cells_are_inert_and_read_back_the_same_by_csv_and_pandas():
    frame = hostile_frame()
    data = csv_bytes(frame, ["text", "number"])
    expected = [cell for _, cell in CELLS]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == ["text", "number"] and len(rows) == len(CELLS) + 1
    assert [row[0] for row in rows[1:]] == expected
    assert [row[1] for row in rows[1:]] == [str(n) for n in range(len(CELLS))]
    read = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert read["text"].tolist() == expected and read["number"].tolist() == [str(n) for n in range(len(CELLS))]
    python_engine = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, engine="python")
    assert python_engine["text"].tolist() == expected
    for cell in expected:
        assert not FORMULA.match(cell) or cell.startswith("'"), cell
        assert not CONTROLS.search(cell), cell


def test_parquet_keeps_hostile_text_exactly():
    texts = [value if not isinstance(value, list) else ";".join(value) for value, _ in CELLS]
    frame = pd.DataFrame({"text": texts, "number": range(len(texts))})
    table = pq.read_table(io.BytesIO(parquet_bytes(to_arrow(frame, _model()))))
    assert table.column("text").to_pylist() == texts


def _model():
    import pandera.pandas as pa
    from pandera.typing import Series

    class Hostile(pa.DataFrameModel):
        text: Series[str] = pa.Field(nullable=True)
        number: Series[int]

    return Hostile


HOSTILE_TITLE = "=HYPERLINK(\"http://evil.example\") <b>Idlib</b>\x1b[2J\tupdate\u2028 \u202eevil"
HOSTILE_PUBLISHER = "@Council\x07 of <i>Idlib</i>"
HOSTILE_BODY = ("=SUM(1+1) <script>alert(1)</script> At least 12 civilians were killed in Idlib\r since Monday,"
                " \"quoted\", \x1b[31mred\x7f and\u2028 more, the council said.\n"
                "-5 is no count, but 40 people were wounded in Sarmin\x0b since Tuesday.\n")


@pytest.fixture(scope="module")
def hostile_release(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    raw = root / "raw"
    write_report(raw, "hostile.md", HOSTILE_BODY, title=HOSTILE_TITLE, publisher=HOSTILE_PUBLISHER,
                 url="https://example.org/=cmd", location="Idlib")
    write_report(raw, "plain.md", "At least 9 civilians were killed in Ariha.", published="2020-02-18")
    folder = published_by_figures_run(raw, root)
    return raw, folder


def test_a_hostile_report_round_trips_in_parquet_and_stays_inert_in_every_csv(hostile_release):
    raw, folder = hostile_release
    reports = pd.read_parquet(folder / "reports.parquet").set_index("path")
    claims = pd.read_parquet(folder / "claims.parquet")
    assert reports.loc["hostile.md", "title"] == " ".join(HOSTILE_TITLE.split())
    assert reports.loc["hostile.md", "publisher"] == HOSTILE_PUBLISHER
    body = HOSTILE_BODY.strip()
    hostile_claims = claims[claims["report_id"] == reports.loc["hostile.md", "report_id"]]
    assert {12, 40} <= set(hostile_claims["value"])
    for quote, start, end in zip(hostile_claims["quote"], hostile_claims["start"], hostile_claims["end"]):
        assert quote == body[start:end]
    assert any(quote.startswith("=SUM(1+1) <script>") and "\r" in quote for quote in hostile_claims["quote"])
    for name in ("reports", "claims", "events", "event_months", "figures", "sources", "quarantine", "figures_hxl"):
        data = (folder / f"{name}.csv").read_bytes()
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        if name != "figures_hxl":
            assert len(rows) - 1 == len(frame) == len(pd.read_parquet(folder / f"{name}.parquet")), name
        assert [list(row) for row in frame.itertuples(index=False)] == rows[1:], name
        for cell in (cell for row in rows for cell in row):
            assert not FORMULA.match(cell) or cell.startswith("'"), (name, cell)
            assert not CONTROLS.search(cell), (name, cell)
    csv_reports = pd.read_csv(folder / "reports.csv", dtype=str, keep_default_na=False).set_index("path")
    assert csv_reports.loc["hostile.md", "title"].startswith("'=HYPERLINK(")
    assert csv_reports.loc["hostile.md", "publisher"] == "'@Council\ufffd of <i>Idlib</i>"
    csv_claims = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    assert any(q.startswith("'=SUM(1+1) <script>") and "\r" in q for q in csv_claims["quote"])
    hxl_sources = pd.read_csv(folder / "figures_hxl.csv", dtype=str, keep_default_na=False)["Sources"]
    assert "'@Council\ufffd of <i>Idlib</i>" in set(hxl_sources)
    page = folder / "index.html"
    if page.exists():  # the release page, where one is written, escapes the same text
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "<b>Idlib</b>" not in html
