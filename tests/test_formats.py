"""CSV is written by whole columns with Arrow; it must be the bytes the one-value rules give."""
import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import SAMPLE_RAW, TODAY
from pipeline import stages
from pipeline.publish.formats import (_csv_cell, _quoted, arrow_cells, arrow_csv_chunks, csv_bytes, parquet_bytes,
                                      plain, release_table, table_csv)
from schemas import TABLES

BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]  # every code point the patterns name


@pytest.fixture(scope="module")
def sample_release_tables():
    reports = stages.read_reports(SAMPLE_RAW, TODAY)
    claims = stages.extract_claims(reports)
    figures = stages.reconcile_figures(claims.table, reports.reports)
    return stages.release_tables(reports, claims, figures)


def one_value_cells(values) -> list[str]:
    return [_quoted(_csv_cell(value)) for value in values]


def test_column_rules_treat_every_code_point_as_the_one_value_rules_do():
    texts = [text for c in BMP for text in (c + "=1", "a" + c, c + c + "@", c)] + ["\U0001f600=", "\U000e0001+1"]
    assert arrow_cells(pa.array(texts)).to_pylist() == one_value_cells(texts)


def test_lists_plain_and_dictionary_encoded_write_the_cells_of_the_one_value_rules():
    lists = [["=a", "b"], [], None, [" +c", "d,e", 'say "x"'], ["\x07bell"], ["a", None]]
    plain_lists = pa.array(lists, type=pa.list_(pa.string()))
    encoded = pa.array(lists, type=pa.list_(pa.dictionary(pa.int32(), pa.string())))
    expected = one_value_cells([value if value is not None else [] for value in lists])
    assert arrow_cells(plain_lists).to_pylist() == expected
    assert arrow_cells(encoded).to_pylist() == expected
    assert arrow_cells(encoded.slice(3)).to_pylist() == expected[3:]


def test_columns_of_mixed_python_types_fall_back_to_the_one_value_rules():
    frame = pd.DataFrame({"mixed": ["=1", 2, 2.5, True, None, ["a", "=b"]], "flag": [True, False] * 3,
                          "count": pd.array([1, None, 3, 4, 5, 6], dtype="Int64"), "ratio": [0.5, float("nan")] * 3})
    lines = csv_bytes(frame, list(frame.columns)).decode("utf-8").split("\n")
    expected = [",".join(one_value_cells(row)) for row in frame.astype(object).itertuples(index=False)]
    assert lines == ["mixed,flag,count,ratio", *expected, ""]


def test_a_table_reads_the_same_from_pandas_and_from_arrow_and_in_chunks(sample_release_tables, monkeypatch):
    from pipeline.publish import formats

    for name, frame in sample_release_tables.items():
        model = TABLES[name]
        lists = [f"{n}.list.element" for n, c in model.to_schema().columns.items() if (c.metadata or {}).get("list")]
        read = pq.read_table(io.BytesIO(parquet_bytes(release_table(frame, model))), read_dictionary=lists)
        from_arrow = release_table(read, model)
        assert all(pa.types.is_dictionary(from_arrow.column(name).type.value_type) for name in [n.split(".")[0] for n in lists])
        assert table_csv(from_arrow, model) == table_csv(frame, model), name
        assert parquet_bytes(plain(from_arrow, model)) == parquet_bytes(release_table(frame, model)), name
        monkeypatch.setattr(formats, "CSV_CHUNK_ROWS", 3)
        monkeypatch.setattr(formats, "CSV_CHUNK_ITEMS", 4)
        pieces = list(arrow_csv_chunks(from_arrow, list(model.to_schema().columns)))
        monkeypatch.undo()
        assert len(pieces) > 1 + len(frame) // 3 or len(frame) < 3, name  # the header, then chunks of few rows
        assert b"".join(bytes(piece) for piece in pieces) == table_csv(frame, model), name
