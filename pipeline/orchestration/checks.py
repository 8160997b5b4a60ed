"""Asset checks: what must hold of each table before anyone downloads it.

Each check reads only the columns it needs from the assets' Parquet tables;
report texts are read batch by batch, never all at once.
"""

import hashlib
from pathlib import Path

import dagster as dg
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.orchestration.assets import claims, figures, release, reports
from pipeline.progress import Progress, Task
from pipeline.publish.read import read_manifest
from pipeline.publish.verify import CLAIM_LISTS, SUM_LINE, check_checksums
from pipeline.tablestore import TableFolder

EVERY_FILE_ACCOUNTED_FOR = "every_raw_file_accounted_for"
QUOTES_MATCH_TEXT = "quotes_match_report_text"
FIGURES_CONSISTENT = "bounds_ordered_and_claims_resolve"
RELEASE_VERIFIES = "release_verifies"
TEXT_BATCH = 2_000  # report texts read at a time


def counted(batches, task: Task):
    """``batches`` of report texts, each counted on ``task`` once handed on."""
    for batch in batches:
        yield batch
        task.advance(len(batch))


@dg.asset_check(asset=reports, name=EVERY_FILE_ACCOUNTED_FOR)
def every_raw_file_accounted_for(reports: TableFolder) -> dg.AssetCheckResult:
    """Reports plus quarantined files equal the files found in the raw folder."""
    files = reports.rows("inputs")
    quarantine = reports.read("quarantine", ["path", "table"])
    whole_files = quarantine[quarantine["table"] == "reports"]["path"].nunique()
    found = reports.rows("reports")
    return dg.AssetCheckResult(passed=files == found + whole_files,
                               metadata={"files": files, "reports": found, "quarantined_files": whole_files,
                                         "quarantined_feed_rows": int((quarantine["table"] == "claims").sum())})


class QuoteCheck:
    """Claims whose quote is not their report's text at their span, or lacks their number,
    found batch by batch of report texts, so only one batch of texts is held at a time."""

    def __init__(self, claims: pd.DataFrame):
        self.claims = claims
        self.rows_of = claims.groupby("report_id").indices
        self.checked = np.zeros(len(claims), dtype=bool)

    def batch(self, texts: pd.DataFrame) -> list[str]:
        """Claim ids of the reports in ``texts`` (a frame of report_id, text) that do not match."""
        text_of = dict(zip(texts["report_id"], texts["text"]))
        held = [self.rows_of[rid] for rid in text_of if rid in self.rows_of]
        if not held:
            return []
        at = np.concatenate(held)
        rows = self.claims.iloc[at]
        cut = [text_of[rid][start:end] for rid, start, end in zip(rows["report_id"], rows["start"], rows["end"])]
        wrong = (np.asarray(cut, dtype=object) != rows["quote"].to_numpy(dtype=object)) | ~np.fromiter(
            (number in quote for number, quote in zip(rows["number_text"], rows["quote"])), bool, len(rows))
        self.checked[at] = True
        return list(rows["claim_id"][wrong])

    def unchecked(self) -> list[str]:
        """Claim ids of reports no batch held: a claim of a report with no text cannot match."""
        return list(self.claims["claim_id"][~self.checked])


def mismatched_quotes(claims: pd.DataFrame, texts) -> list[str]:
    """Claim ids whose quote is not their report's text at their span, or lacks their number.

    ``texts`` yields frames of (report_id, text); each batch is checked against
    the claims of its reports, so only one batch of texts is held at a time.
    """
    check = QuoteCheck(claims)
    bad = [claim for batch in texts for claim in check.batch(batch)]
    return sorted(bad + check.unchecked())


@dg.asset_check(asset=claims, name=QUOTES_MATCH_TEXT, additional_ins={"reports": dg.AssetIn("reports")})
def quotes_match_report_text(claims: TableFolder, reports: TableFolder,
                             progress: dg.ResourceParam[Progress]) -> dg.AssetCheckResult:
    """Each claim's quote is its report's text at its span and holds its number as written."""
    table = claims.read("claims", ["claim_id", "report_id", "start", "end", "quote", "number_text"])
    with progress.task("checks", "quotes", total=reports.rows("texts"), unit="reports") as task:
        bad = mismatched_quotes(table, counted(reports.batches("texts", rows=TEXT_BATCH), task))
    return dg.AssetCheckResult(passed=not bad, metadata={"mismatched": len(bad), "examples": ", ".join(bad[:5])})


def _named_claims(lists: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """(row of each named claim id, the claim ids) of a list column; dictionary-encoded items stay so."""
    lists = lists.combine_chunks()
    if pa.types.is_null(lists.type):  # an empty table written from pandas: no list was ever typed
        return np.zeros(0, dtype=np.int64), pa.array([], pa.string())
    return pc.list_parent_indices(lists).to_numpy(zero_copy_only=False), pc.list_flatten(lists)


def _unknown(items: pa.Array, known: pa.Array) -> np.ndarray:
    """Whether each claim id is missing from ``known`` (a null item names nothing)."""
    if pa.types.is_dictionary(items.type):  # each distinct id looked up once
        missing = pc.invert(pc.is_in(items.dictionary.cast(pa.string()), value_set=known))
        return pc.fill_null(pc.take(missing, items.indices), False).to_numpy(zero_copy_only=False)
    items = items.cast(pa.string())  # a column of empty lists only is read as lists of nulls
    return pc.fill_null(pc.invert(pc.is_in(items, value_set=known)), False).to_numpy(zero_copy_only=False)


def inconsistent_rows(figures: pd.DataFrame | pa.Table, claim_ids: pd.Series | pa.Array, row_id: str = "figure_id",
                      lists: tuple[str, ...] = ("claim_ids", "disputed_by")) -> list[str]:
    """Figures (or events: ``row_id`` and ``lists`` name their id and claim list columns) whose
    bounds are out of order or that name a claim that does not exist.

    By whole Arrow columns: a 100,000-report release names 18 million claim ids.
    """
    if isinstance(figures, pd.DataFrame):
        figures = pa.Table.from_pandas(figures, preserve_index=False)
    known = pc.cast(pa.array(claim_ids, from_pandas=True) if isinstance(claim_ids, pd.Series) else claim_ids,
                    pa.string())
    low, best, high = (figures.column(name) for name in ("low", "best", "high"))
    ordered = pc.and_kleene(pc.less_equal(low, best), pc.or_kleene(pc.is_null(high), pc.less_equal(best, high)))
    failing = ~pc.fill_null(ordered, False).to_numpy(zero_copy_only=False)
    for column in lists:
        rows, items = _named_claims(figures.column(column))
        failing[rows[_unknown(items, known)]] = True
    return figures.column(row_id).filter(pa.array(failing)).to_pylist()


@dg.asset_check(asset=figures, name=FIGURES_CONSISTENT, additional_ins={"claims": dg.AssetIn("claims")})
def bounds_ordered_and_claims_resolve(figures: TableFolder, claims: TableFolder) -> dg.AssetCheckResult:
    """low <= best <= high on every figure, and every claim id it names exists."""
    lists = ["claim_ids.list.element", "disputed_by.list.element"]
    table = pq.read_table(figures.file("figures"), columns=["figure_id", "low", "best", "high", "claim_ids", "disputed_by"],
                          read_dictionary=lists)
    bad = inconsistent_rows(table, pq.read_table(claims.file("claims"), columns=["claim_id"]).column("claim_id"))
    return dg.AssetCheckResult(passed=not bad, metadata={"failing": len(bad), "examples": ", ".join(bad[:5])})


def checksummed(folder: Path) -> dict[str, str]:
    """The SHA-256 that SHA256SUMS records for each file it lists."""
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        return {}
    lines = (SUM_LINE.match(line) for line in sums.read_text(encoding="utf-8").splitlines())
    return {match.group(2): match.group(1) for match in lines if match}


def csv_content_problems(folder: Path, manifest: dict, verified: dict[str, str] | None = None) -> list[str]:
    """Each table's CSV file hashes to the content hash release.json records for it.

    The content hash is the SHA-256 of the table's CSV form, so right after a
    publish this is a file hash; `figures verify` also re-derives the CSV from
    the Parquet file, which is what guards a release read years later.
    ``verified`` holds file hashes already checked against the bytes (by
    ``check_checksums``): those files are not hashed a second time.
    """
    verified = verified or {}
    problems = []
    for name, recorded in manifest.get("tables", {}).items():
        file = f"{name}.csv"
        if file in verified:
            digest = verified[file]
        else:
            with open(folder / file, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if digest != recorded["data_sha256"]:
            problems.append(f"{file}: data does not match its content hash in release.json")
    return problems


def reference_problems(reports: pa.Table, claims: pa.Table, named_by: dict[str, pa.Table]) -> list[str]:
    """What ``check_references`` finds, by whole Arrow columns: claims naming unknown reports,
    quotes whose length is not their span's, figures and events naming unknown claims
    (``named_by`` holds each such table's id and claim list columns)."""
    orphan = pc.invert(pc.is_in(claims.column("report_id"), value_set=reports.column("report_id").combine_chunks()))
    orphans = claims.filter(pc.fill_null(orphan, False))
    problems = [f"claims.parquet: claim {claim} names unknown report {report[:12]}"
                for claim, report in zip(orphans.column("claim_id").to_pylist(), orphans.column("report_id").to_pylist())]
    span = pc.subtract(claims.column("end"), claims.column("start"))
    wrong = pc.fill_null(pc.not_equal(pc.utf8_length(claims.column("quote")), span), True)
    problems += [f"claims.parquet: claim {claim} quote length does not match its span"
                 for claim in claims.column("claim_id").filter(wrong).to_pylist()]
    known = claims.column("claim_id").combine_chunks().cast(pa.string())
    for table, row_id, columns in CLAIM_LISTS:
        for column in columns if table in named_by else ():
            rows, items = _named_claims(named_by[table].column(column))
            unknown = _unknown(items, known)
            named = named_by[table].column(row_id).combine_chunks().take(pa.array(rows[unknown]))
            problems += [f"{table}.parquet: {table[:-1]} {row} names unknown claim {claim}"
                         for row, claim in zip(named.to_pylist(), items.filter(pa.array(unknown)).to_pylist())]
    return problems


def unmatched_files(published: pd.DataFrame, inputs: pd.DataFrame) -> list[str]:
    """Published reports whose raw file (as this run hashed it) is gone or differs."""
    found = published[["path", "report_id"]].merge(inputs[["path", "sha256"]], on="path", how="left")
    problems = [f"raw file {path} is missing from the raw folder" for path in found.loc[found["sha256"].isna(), "path"]]
    changed = found[found["sha256"].notna() & (found["sha256"] != found["report_id"])]
    return problems + [f"raw file {path}: bytes do not hash to report_id" for path in changed["path"]]


def unhashed_texts(expected: dict[str, str], texts: pd.DataFrame) -> list[str]:
    """Reports in ``texts`` (a frame of report_id, text) whose text does not hash to ``expected``."""
    return [f"report {report_id[:12]}: text does not hash to text_sha256"
            for report_id, text in zip(texts["report_id"], texts["text"])
            if report_id in expected and hashlib.sha256(text.encode("utf-8")).hexdigest() != expected[report_id]]


def unmatched_reports(published: pd.DataFrame, inputs: pd.DataFrame, texts) -> list[str]:
    """Published reports whose raw file (as this run hashed it) or text (as this run read it) differ.

    ``texts`` yields frames of (report_id, text), as ``mismatched_quotes`` reads them.
    """
    expected = dict(zip(published["report_id"], published["text_sha256"]))
    return unmatched_files(published, inputs) + [problem for batch in texts for problem in unhashed_texts(expected, batch)]


CLAIM_CHECKED = ["claim_id", "report_id", "start", "end", "quote", "number_text"]


@dg.asset_check(asset=release, name=RELEASE_VERIFIES, additional_ins={"reports": dg.AssetIn("reports")})
def release_verifies(release: dict, reports: TableFolder, progress: dg.ResourceParam[Progress]) -> dg.AssetCheckResult:
    """The published folder passes what `figures verify` checks: checksums, content hashes and
    references; and its reports are the raw files this run hashed, its texts the ones this run
    read (by the code the cache is keyed on), every quote their text at its span.

    `figures verify RELEASE --raw DIR` re-reads and re-parses every raw file and re-derives each
    table's CSV from its Parquet file; here the run's own texts and CSV files are used, so a run
    that reads only new files is not made to re-read and re-serialise everything. The release is
    read column by column as Arrow, a figure's claim ids dictionary-encoded: no table becomes
    Python objects but the rows found wrong, and the report texts are read once, batch by batch.
    """
    if release["path"] is None:
        return dg.AssetCheckResult(passed=True, metadata={"checked": "no release: no report could be read"})
    folder = Path(release["path"])
    with progress.task("checks", "release", total=reports.rows("texts"), unit="texts read") as task:
        problems = check_checksums(folder)
        wrong_files = {problem.split(":", 1)[0] for problem in problems}
        verified = {name: digest for name, digest in checksummed(folder).items() if name not in wrong_files}
        problems += csv_content_problems(folder, read_manifest(folder), verified)
        published = pq.read_table(folder / "reports.parquet", columns=["path", "report_id", "text_sha256"])
        claims = pq.read_table(folder / "claims.parquet", columns=CLAIM_CHECKED)
        named_by = {table: pq.read_table(folder / f"{table}.parquet", columns=[row_id, *columns],
                                         read_dictionary=[f"{column}.list.element" for column in columns])
                    for table, row_id, columns in CLAIM_LISTS}
        problems += reference_problems(published, claims, named_by)
        del named_by
        published = published.to_pandas()
        problems += unmatched_files(published, reports.read("inputs", ["path", "sha256"]))
        expected = dict(zip(published["report_id"], published["text_sha256"]))
        quotes = QuoteCheck(claims.to_pandas())
        del claims, published
        wrong_quotes = []
        for batch in counted(reports.batches("texts", rows=TEXT_BATCH), task):
            problems += unhashed_texts(expected, batch)
            wrong_quotes += quotes.batch(batch)
        problems += [f"claims.parquet: claim {claim} quote is not the report text at its span"
                     for claim in sorted(wrong_quotes + quotes.unchecked())]
    return dg.AssetCheckResult(passed=not problems,
                               metadata={"problems": len(problems), "first": problems[0] if problems else ""})


CHECKS = [every_raw_file_accounted_for, quotes_match_report_text, bounds_ordered_and_claims_resolve, release_verifies]
