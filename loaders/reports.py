"""Executors' reports on their measures, round by round (the decree's clause 2: every executor reports by
each reporting date, the ministry (МИОР) consolidates).

    python -m loaders.reports FILE [--executor X] [--round YYYY-MM-DD] [--reports DIR] [--submitter NAME] [--check]
    python -m loaders.reports template --executor X --round YYYY-MM-DD --out FILE [--lang ru|kk|en]

The pieces, each callable on its own (the app's upload page, the CLI and the tests use the same ones):

* ``rounds(metadata)``: the dates the executors report by, from the decree's ``reporting_calendar``.
* ``assigned(measures, executor)``: the measures (roadmap_year, measure_no) an executor takes part in.
* ``validate(file, filename, measures, metadata, expected_executor)``: a filled template (XLSX) or a CSV
  checked whole: a ``Submission``, or every ``Problem`` with its row and column (at most ``MAX_PROBLEMS``,
  then one line counting the rest).  Nothing is written.
* ``store(submission, reports_dir, submitter)``: one immutable parquet file per accepted submission.
* ``read_log(reports_dir)``, ``latest_rows``, ``changes``, ``measure_status``, ``round_status``,
  ``coverage``: reading the stored reports back.

What a file may be
------------------
XLSX: the template ``roadmap.report_template.template_xlsx`` makes (its hidden sheet ``META_SHEET`` says
whose report it is, for which round and decree), or any workbook whose first sheet has a heading row.
Read with openpyxl in read-only mode and ``data_only=False``: **a formula in any cell of the data sheet is
refused** (problem code ``formula``), never evaluated and never taken from the value Excel cached; text that
merely starts with "=" (typed with a leading apostrophe) is text.  Password-protected (encrypted) workbooks,
Excel 97-2003 ``.xls`` files and other zip files are refused with a sentence saying what to do.

CSV: UTF-8 with or without BOM, delimited by ``,`` ``;`` or TAB (found from the heading row); anything else
(Windows-1251, UTF-16) is refused with the advice to save as "CSV UTF-8".  A CSV has no formulas: every cell
is text, kept as written.

The columns, found by their heading (the first row, among the first ``HEADER_SCAN_ROWS``, that has a
measure-number and a status heading; the rows above it, such as the template's title, are skipped).  A
heading is a column's code or its label in the template of any language (``COLUMN_LABELS``), any case:

=====================  ========  ==============================================================
code                   needed    value
=====================  ========  ==============================================================
measure_no             yes       the measure's number in the decree
status                 yes       a status: its code or label in ru/kk/en (``STATUS_LABELS``);
                                 empty = the measure is not reported in this file
spent_thousand_kzt     no        spent so far, thousand tenge, a number ≥ 0 (1234,5 or 1234.5;
                                 spaces may group thousands)
comment                no        text, at most ``COMMENT_MAX`` characters
title, deadline_raw,   no        the template's read-only columns: ignored
cost_thousand_kzt
roadmap_year,          no        who/what the file is for, when not a template: the same value on
decree_number,                   every row (round as YYYY-MM-DD); otherwise the caller's expected
executor, round                  values, or the only decree loaded
=====================  ========  ==============================================================

Other columns are ignored (but a formula in them is still refused).  Blank rows are skipped.

Measures left out: an executor's measure that has no row, or a row without a status, is **not reported** in
this submission (``Submission.not_reported``); that is allowed, since an executor may report in parts.  A
row with an amount or a comment but no status is a problem.  A file reporting nothing is refused.  A report
never retracts an earlier one: the latest row per (measure, executor) counts, so a measure left out of a
later file keeps the status reported before.

A file with more filled rows than the executor has measures is refused; past ``len(measures) +
EXTRA_ROWS`` it is refused at once with that one problem, without reading on.

Storage
-------
``reports_dir`` (default: ``$ROADMAP_REPORTS``, else ``data/reports/``) holds one parquet file per accepted
submission, named ``<UTC time, µs>-<first 16 hex of the file's SHA-256>.parquet``
(``20210705T101502.123456Z-3f2a…​.parquet``): names sort by time and do not collide between app replicas
sharing the directory.  Columns: ``REPORTS_SCHEMA``.  A file is written under a temporary name starting with
"." (``.tmp-….partial``, matched by no ``*.parquet`` glob), fsynced, then hard-linked into place; no file is
ever changed after that.  A file is "already stored" only when it is the same file (same SHA-256 of its bytes,
for the same executor, round and decree) as the executor's latest stored submission for that round and
decree; any other file is stored anew with a new time, so an earlier file uploaded again (A, then B, then A to
correct B) is the latest report again.  A second hard link ``.claim-<key>-<n>`` to the file (``<key>`` from
the submission and the executor's latest file before it), made atomically before its final name, lets only
one of several concurrent writers of the same submission win, and lets a writer killed between the two links
be completed by the next attempt.  Should another submission take the final name in between (the same bytes
for another executor or round, at the same microsecond), that claim is never completed: the next ``<n>`` is
claimed under a later name, so neither submission is lost.  Where the file system has no hard links the final
name is created exclusively (an empty placeholder, so an existing file is never replaced) and the complete
temporary file renamed over it; there no claims are made, so concurrent writers of the same file may both
store it (each compares it with the latest file only).
"""
from __future__ import annotations

import argparse
import codecs
import csv
import errno
import getpass
import glob
import hashlib
import io
import json
import math
import os
import re
import secrets
import sys
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data" / "roadmap.parquet"
DEFAULT_REPORTS = ROOT / "data" / "reports"

# ---------------------------------------------------------------------------------------------------------
# Vocabulary: what a file may say.  The labels are the templates' own (roadmap/i18n: REPORT_STATUS_LABELS,
# REPORT_COLUMNS; tests/test_reports.py keeps them equal), the variants what people type instead.

STATUSES = ("done", "in_progress", "not_started", "not_done")
NOT_REPORTED = "not_reported"
MEASURE_STATUSES = (*STATUSES, NOT_REPORTED)  # what a measure's status for a round may be (measure_status)

STATUS_LABELS: dict[str, dict[str, str]] = {
    "ru": {"done": "выполнено", "in_progress": "в работе", "not_started": "не начато", "not_done": "не выполнено"},
    # орындалды "has been carried out", орындалуда "is being carried out", басталған жоқ "has not begun",
    # орындалмады "was not carried out": the forms Kazakh progress reports use.
    "kk": {"done": "орындалды", "in_progress": "орындалуда", "not_started": "басталған жоқ",
           "not_done": "орындалмады"},
    "en": {"done": "done", "in_progress": "in progress", "not_started": "not started", "not_done": "not done"},
}
STATUS_VARIANTS: dict[str, tuple[str, ...]] = {
    "done": ("исполнено", "орындалған"),
    "in_progress": ("в процессе", "орындалу үстінде"),
    "not_started": ("не начат", "не начата", "басталмады", "басталмаған"),
    "not_done": ("не исполнено", "орындалмаған"),
}

# Columns a report file may have, in the template's order, and their headings in each template language.
TEMPLATE_COLUMNS = ("measure_no", "title", "deadline_raw", "cost_thousand_kzt", "status", "spent_thousand_kzt",
                    "comment")
READ_ONLY_COLUMNS = ("measure_no", "title", "deadline_raw", "cost_thousand_kzt")  # prefilled, locked
IDENTITY_COLUMNS = ("roadmap_year", "decree_number", "executor", "round")
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "ru": {"measure_no": "№", "title": "Мероприятие", "deadline_raw": "Срок исполнения",
           "cost_thousand_kzt": "Предполагаемые расходы, тыс. тенге", "status": "Статус исполнения",
           "spent_thousand_kzt": "Израсходовано, тыс. тенге", "comment": "Комментарий"},
    "kk": {"measure_no": "№", "title": "Іс-шара", "deadline_raw": "Орындау мерзімі",
           "cost_thousand_kzt": "Болжанатын шығыстар, мың теңге", "status": "Орындалу күйі",
           "spent_thousand_kzt": "Жұмсалған қаражат, мың теңге", "comment": "Түсініктеме"},
    "en": {"measure_no": "No.", "title": "Measure", "deadline_raw": "Deadline",
           "cost_thousand_kzt": "Estimated expenditure, thousand tenge", "status": "Status",
           "spent_thousand_kzt": "Spent, thousand tenge", "comment": "Comment"},
}
COLUMN_VARIANTS: dict[str, tuple[str, ...]] = {
    "measure_no": ("no", "n", "номер", "measure", "measure no"),
    "status": ("статус", "күйі", "мәртебесі"),
    "spent_thousand_kzt": ("spent", "израсходовано", "жұмсалды"),
    "comment": ("комментарии", "примечание", "comments"),
}

# Limits
COMMENT_MAX = 2000
MAX_PROBLEMS = 200
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an XLSX's parts, unpacked: a zip bomb stops here
HEADER_SCAN_ROWS = 20
EXTRA_ROWS = 100  # filled rows beyond the executor's measures still read (to name duplicates) before giving up
MAX_SCANNED_ROWS = 100_000  # rows looked at, blank ones included

# The template's hidden sheet (written by roadmap.report_template, read here)
META_SHEET = "roadmap_report"
FORMAT = "roadmap-report"
FORMAT_VERSION = 1
HEADER_ROW = 4  # the template's heading row; validate finds it by its headings anyway

REPORTS_SCHEMA = pa.schema([
    ("roadmap_year", pa.int32()),
    ("decree_number", pa.string()),
    ("round", pa.date32()),
    ("executor", pa.string()),
    ("measure_no", pa.int32()),
    ("status", pa.string()),
    ("spent_thousand_kzt", pa.float64()),
    ("comment", pa.string()),
    ("submitter", pa.string()),
    ("submitted_at", pa.timestamp("us", tz="UTC")),
    ("file_sha256", pa.string()),
    ("file_name", pa.string()),
])
_STORED_META = b"roadmap_report"  # parquet metadata key of a stored file: format, its final name, dedupe key


def _norm(text: object) -> str:
    """Case, surrounding and repeated spaces, underscores, hyphens and ё do not matter."""
    words = str(text).replace("_", " ").replace("-", " ").replace("ё", "е").replace("Ё", "Е").split()
    return " ".join(words).casefold().rstrip(":*").strip()


STATUS_SPELLINGS: dict[str, str] = {
    _norm(spelling): code
    for code in STATUSES
    for spelling in (code, *(labels[code] for labels in STATUS_LABELS.values()), *STATUS_VARIANTS[code])
}
_HEADINGS: dict[str, str] = {
    _norm(spelling): code
    for code in (*TEMPLATE_COLUMNS, *IDENTITY_COLUMNS)
    for spelling in (code, *(labels.get(code, code) for labels in COLUMN_LABELS.values()),
                     *COLUMN_VARIANTS.get(code, ()))
}


def status_code(text: object) -> str | None:
    """The status a cell spells (code, or label in any language; any case, trimmed), or None."""
    return STATUS_SPELLINGS.get(_norm(text)) if text is not None else None


def column_code(heading: object) -> str | None:
    """The column a heading names, or None."""
    return _HEADINGS.get(_norm(heading)) if heading is not None else None


# ---------------------------------------------------------------------------------------------------------
# The decree: its rounds and who does what


@dataclass(frozen=True)
class Decree:
    roadmap_year: int
    number: str
    rounds: tuple[date, ...]


def rounds(metadata: Mapping[str, Any]) -> list[date]:
    """The dates the executors report by: the reporting calendar's entries whose reporter is empty (the
    executors at large; an entry naming a body, e.g. МИОР reporting on to АП, is that body's own step)."""
    dates = {date.fromisoformat(str(e["date"])[:10]) for e in metadata.get("reporting_calendar") or []
             if not (e.get("reporter") or "").strip()}
    return sorted(dates)


def decrees(metadata: Mapping[Any, Any]) -> dict[int, Decree]:
    """The decrees a metadata mapping describes: one decree's parquet metadata (roadmap_year, decree_number,
    reporting_calendar), or several of them keyed by roadmap year (RoadmapDB.decrees)."""
    if "roadmap_year" in metadata or "reporting_calendar" in metadata:
        items: Iterable[Mapping] = [metadata]
    else:
        items = metadata.values()
    out = {}
    for meta in items:
        year = int(meta["roadmap_year"])
        out[year] = Decree(year, str(meta.get("decree_number") or ""), tuple(rounds(meta)))
    return out


def _table(measures: Any) -> pa.Table:
    if isinstance(measures, pa.Table):
        return measures
    return pa.Table.from_pandas(measures, preserve_index=False)


def _measures_of(measures: pa.Table, executor: str, year: int | None = None) -> pa.Table:
    """The rows whose ministries or akimats list the executor."""
    if year is not None:
        measures = measures.filter(pc.equal(measures["roadmap_year"], year))
    keep = None
    for column in ("ministries", "akimats"):
        values = measures[column].combine_chunks() if measures.num_rows else pa.array([], pa.list_(pa.string()))
        hits = pc.list_parent_indices(values).filter(pc.equal(pc.list_flatten(values), executor))
        mask = pc.is_in(pa.array(range(measures.num_rows), pa.int64()), value_set=pc.unique(hits.cast(pa.int64())))
        keep = mask if keep is None else pc.or_(keep, mask)
    return measures.filter(keep) if keep is not None else measures


def assigned(measures: pa.Table, executor: str) -> list[tuple[int, int]]:
    """The measures (roadmap_year, measure_no) the executor takes part in: a ministry or other body named in
    `ministries`, or a region in `akimats` (a measure of all akimats lists every region there)."""
    mine = _measures_of(_table(measures), executor)
    return sorted(zip(mine["roadmap_year"].to_pylist(), mine["measure_no"].to_pylist()))


def executors(measures: pa.Table, roadmap_year: int | None = None) -> list[str]:
    """Every executor of the measures (of one roadmap year): the ones expected to report each round."""
    table = _table(measures)
    if roadmap_year is not None:
        table = table.filter(pc.equal(table["roadmap_year"], roadmap_year))
    names = set()
    for column in ("ministries", "akimats"):
        names.update(pc.unique(pc.list_flatten(table[column])).to_pylist())
    return sorted(n for n in names if n)


def _executors_by_measure(measures: pa.Table, year: int) -> dict[int, tuple[str, ...]]:
    table = measures.filter(pc.equal(measures["roadmap_year"], year))
    return {no: tuple(m or ()) + tuple(a or ()) for no, m, a in zip(
        table["measure_no"].to_pylist(), table["ministries"].to_pylist(), table["akimats"].to_pylist())}


# ---------------------------------------------------------------------------------------------------------
# What validate returns


@dataclass(frozen=True)
class Problem:
    """One fault of a file.  `row` is the spreadsheet row (for a CSV, the record: row 1 is the first line, as
    Excel shows it); `column` a column's code (``status``) or, for a column the report does not use, its
    letter; both None for the file as a whole.  `code` says what kind of fault it is, for the app to word it
    in the interface language."""
    message: str
    row: int | None = None
    column: str | None = None
    code: str = "invalid"

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f'column "{self.column}"' if not self.column.isupper() else f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class ReportRow:
    roadmap_year: int
    measure_no: int
    status: str
    spent_thousand_kzt: float | None = None
    comment: str | None = None
    row: int | None = None  # where it stood in the file


@dataclass(frozen=True)
class Submission:
    """One executor's report for one round of one decree: the rows it reports (each with a status)."""
    roadmap_year: int
    decree_number: str
    round: date
    executor: str
    rows: tuple[ReportRow, ...]
    file_name: str
    file_sha256: str
    not_reported: tuple[int, ...] = ()  # the executor's measures this file says nothing about

    @property
    def key(self) -> str:
        """What makes two submissions the same: the file's bytes, for the same executor, round and decree."""
        text = f"{self.file_sha256}\n{self.roadmap_year}\n{self.decree_number}\n{self.round}\n{self.executor}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def describe(self) -> str:
        return (f"{self.executor}, round {self.round:%Y-%m-%d} of the {self.roadmap_year} roadmap "
                f"(decree No. {self.decree_number}): {len(self.rows)} measures reported, "
                f"{len(self.not_reported)} not reported")


# As roadmap/xlsx.py's column_letter (1-based there), which the loaders must not import; total for any index.
def _letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.count = 0

    def add(self, message: str, row: int | None = None, column: str | None = None, code: str = "invalid") -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(message, row, column, code))

    def result(self) -> list[Problem]:
        if self.count > len(self.items):
            rest = self.count - len(self.items)
            return [*self.items, Problem(f"… and {rest} more problems", code="more")]
        return list(self.items)


class _Refused(Exception):
    """The file cannot be read at all: one problem, nothing else to say."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.problem = Problem(message, code=code)


# ---------------------------------------------------------------------------------------------------------
# Reading a file into rows of cells

_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
_SAVE_AS_UTF8 = 'in Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file'


@dataclass
class _Sheet:
    rows: Iterator[tuple[int, tuple[Any, ...], frozenset[int]]]  # row number, cell values, formula columns
    meta: dict[str, str] | None = None
    close: Any = None


def _read_bytes(source: bytes | bytearray | str | os.PathLike) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _Refused(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB: a report is far smaller",
                               "too_large")
            data = path.read_bytes()
        except OSError as exc:
            raise _Refused(f"cannot read the file: {exc.strerror or exc}", "unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise _Refused(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB: a report is far smaller", "too_large")
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise _Refused("the file is empty", "empty")
    return data


def _open(data: bytes, filename: str) -> _Sheet:
    suffix = Path(filename or "").suffix.lower()
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise _Refused("the workbook is password-protected (encrypted): open it in Excel, remove the password "
                           "(File → Info → Protect Workbook → Encrypt with Password, clear it), save and upload "
                           "it again", "encrypted")
        raise _Refused("this is an old Excel 97-2003 (.xls) or other Office file, not XLSX: save it as "
                       "\"Excel Workbook (*.xlsx)\" and upload that", "not_xlsx")
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(data)
    if suffix not in ("", ".csv", ".txt", ".tsv"):
        raise _Refused(f"a {suffix} file is neither XLSX nor CSV: upload the report template (.xlsx) or a "
                       "CSV UTF-8 file", "not_xlsx")
    return _open_csv(data)


def _open_xlsx(data: bytes) -> _Sheet:
    import openpyxl  # only here: the CLI's help and the CSV path do not need it

    not_xlsx = "the file is not an XLSX workbook: upload the report template (.xlsx) or a CSV UTF-8 file"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise _Refused(not_xlsx, "not_xlsx") from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise _Refused(not_xlsx, "not_xlsx")
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise _Refused("the workbook is too large once unpacked: a report is far smaller", "too_large")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _Refused(f"the workbook cannot be read ({type(exc).__name__}): open it in Excel and save it again",
                       "not_xlsx") from None
    try:
        meta = None
        if META_SHEET in book.sheetnames:
            meta = {}
            for row in book[META_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
                if row and row[0] is not None:
                    meta[str(row[0]).strip()] = (_text(row[1]) if len(row) > 1 else None) or ""
        data_names = [n for n in book.sheetnames if n != META_SHEET]
        wanted = (meta or {}).get("data_sheet")
        name = wanted if wanted in data_names else (data_names[0] if data_names else None)
        if name is None:
            raise _Refused("the workbook has no sheet with a report", "header")
        sheet = book[name]
        sheet.reset_dimensions()  # the stored dimension may lie; rows are read as they come
    except _Refused:
        book.close()
        raise
    except Exception as exc:
        book.close()
        raise _Refused(f"the workbook cannot be read ({type(exc).__name__}): open it in Excel and save it again",
                       "not_xlsx") from None

    def rows() -> Iterator[tuple[int, tuple[Any, ...], frozenset[int]]]:
        try:
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                values, formulas = [], set()
                for i, cell in enumerate(cells):
                    if getattr(cell, "data_type", None) == "f":
                        formulas.add(i)
                        values.append(None)  # never evaluated, never the cached result
                    else:
                        values.append(cell.value)
                yield number, tuple(values), frozenset(formulas)
        except _Refused:
            raise
        except Exception as exc:
            raise _Refused(f"the workbook cannot be read ({type(exc).__name__}): open it in Excel and save it "
                           "again", "not_xlsx") from None

    return _Sheet(rows(), meta, book.close)


def _open_csv(data: bytes) -> _Sheet:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Refused(f"the file is UTF-16 text, not UTF-8: {_SAVE_AS_UTF8}", "not_utf8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data:
        raise _Refused("the file is not text (it holds NUL bytes): upload the report template (.xlsx) or a "
                       "CSV UTF-8 file", "not_xlsx")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = ""
        if re.search("[а-яА-Я]{3}", data.decode("cp1251", errors="replace")):
            guess = " (it looks like Windows-1251, Excel's plain \"CSV\")"
        raise _Refused(f"the file is not UTF-8 text{guess}, see line {line}: {_SAVE_AS_UTF8}", "not_utf8") from None
    delimiter = _delimiter(text)

    def rows() -> Iterator[tuple[int, tuple[Any, ...], frozenset[int]]]:
        try:
            for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1):
                yield number, tuple(record), frozenset()
        except csv.Error as exc:
            raise _Refused(f"the CSV cannot be read: {exc}", "not_csv") from None

    return _Sheet(rows())


def _delimiter(text: str) -> str:
    """The delimiter that makes a heading row of the first lines (Excel writes ";" where the decimal mark is
    a comma, "," elsewhere); "," when none does."""
    head = "\n".join(text.splitlines()[: HEADER_SCAN_ROWS * 2])
    best, best_score = ",", 0
    for delimiter in (",", ";", "\t"):
        try:
            records = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))[:HEADER_SCAN_ROWS]
        except csv.Error:
            continue
        score = max((len({column_code(c) for c in r} - {None}) for r in records), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# ---------------------------------------------------------------------------------------------------------
# Cells into values


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).replace("\r\n", "\n").strip()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _number(value: Any) -> float | None:
    """The finite number a cell holds (a typed number, or text such as "1 234,5"), or None."""
    if isinstance(value, (bool, datetime, date)):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = re.sub(r"[\s\u00a0\u202f\u2009]", "", str(value))
        sign = -1.0 if text[:1] in ("-", "−") else 1.0
        text = text[1:] if text[:1] in ("-", "−", "+") else text
        if not _NUMBER.fullmatch(text):
            return None
        number = sign * float(text.replace(",", "."))
    return number if math.isfinite(number) else None


_WHOLE = re.compile(r"[0-9]{1,9}")  # ASCII digits only: int() takes "١٢" and str.isdigit() "12¹"


def _measure_no(value: Any) -> int | None:
    """A measure number or a roadmap year: a whole number typed, or written in ASCII digits ("№ 12." too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip().lstrip("№").strip().rstrip(".")
    return int(text) if _WHOLE.fullmatch(text) else None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------
# validate


def validate(source: bytes | str | os.PathLike, filename: str, measures: pa.Table, metadata: Mapping[Any, Any],
             expected_executor: str | None = None, *, expected_round: date | None = None,
             expected_decree: tuple[int, str] | None = None) -> Submission | list[Problem]:
    """A filled report checked whole: the Submission, or every Problem (with its row and column).

    `source` is the file's bytes or its path; `filename` the name it was uploaded under (stored, and used to
    tell a CSV from other files).  `measures`: the roadmap's measures (roadmap_year, measure_no, ministries,
    akimats); `metadata`: the decree's parquet metadata, or several decrees' keyed by roadmap year.  The
    expected executor, round and decree (roadmap_year, decree_number) are what the caller knows (the signed-in
    executor, the round the page is open for): a template made for another one is refused, and a file that
    does not say (a CSV) is taken to be for them.  Nothing is written."""
    problems = _Problems()
    sheet: _Sheet | None = None
    try:
        data = _read_bytes(source)
        sheet = _open(data, filename)
        return _check(sheet, data, filename, _table(measures), decrees(metadata), problems,
                      expected_executor, expected_round, expected_decree)
    except _Refused as refused:
        return [refused.problem]
    finally:
        if sheet is not None and sheet.close is not None:
            sheet.close()


@dataclass
class _Identity:
    decree: Decree | None = None
    executor: str | None = None
    round: date | None = None
    lang: str = "ru"
    from_columns: dict[str, Any] = field(default_factory=dict)


def _check(sheet: _Sheet, data: bytes, filename: str, measures: pa.Table, known: dict[int, Decree],
           problems: _Problems, expected_executor: str | None, expected_round: date | None,
           expected_decree: tuple[int, str] | None) -> Submission | list[Problem]:
    rows = sheet.rows
    # 1. The heading row; a formula above it counts too.
    columns: dict[str, int] = {}
    header_row = None
    lang_votes: dict[str, int] = {}
    for number, values, formulas in rows:
        for i in sorted(formulas):
            problems.add(_FORMULA, number, _letter(i), "formula")
        found = {}
        for i, value in enumerate(values):
            code = column_code(value) if isinstance(value, str) else None
            if code and code not in found:
                found[code] = i
                for lang, labels in COLUMN_LABELS.items():
                    if labels.get(code) not in (None, "№") and _norm(labels[code]) == _norm(value):
                        lang_votes[lang] = lang_votes.get(lang, 0) + 1
        if "measure_no" in found and "status" in found:
            columns, header_row = found, number
            break
        if number >= HEADER_SCAN_ROWS:
            break
    if header_row is None:
        labels = ", ".join(f'"{COLUMN_LABELS["ru"][c]}"' for c in ("measure_no", "status"))
        return [Problem(f"no heading row: among its first {HEADER_SCAN_ROWS} rows the file needs one naming the "
                        f"columns measure_no and status (e.g. {labels}); use the report template", code="header")]

    # 2. Whose report, for which round of which decree.
    identity = _Identity(lang=max(lang_votes, key=lang_votes.get) if lang_votes else "ru")
    names = {i: code for code, i in columns.items()}
    pending: list[tuple[int, tuple[Any, ...], frozenset[int]]] = []
    if sheet.meta is not None:
        identity_problems = _identity_from_template(sheet.meta, identity, known, measures,
                                                    expected_executor, expected_round, expected_decree)
    else:
        first = None
        for item in rows:  # the first filled row may carry identity columns
            pending.append(item)
            if any(not _blank(v) for v in item[1]) or item[2] or len(pending) > MAX_SCANNED_ROWS:
                first = item
                break
        values = first[1] if first else ()
        given = {c: values[columns[c]] for c in IDENTITY_COLUMNS
                 if c in columns and columns[c] < len(values) and not _blank(values[columns[c]])}
        identity.from_columns = given
        identity_problems = _identity_from_columns(given, identity, known, measures,
                                                   expected_executor, expected_round, expected_decree)
    if identity_problems:
        return identity_problems
    decree, executor, round_ = identity.decree, identity.executor, identity.round
    assert decree is not None and executor is not None and round_ is not None
    by_measure = _executors_by_measure(measures, decree.roadmap_year)
    mine = sorted(no for no, who in by_measure.items() if executor in who)
    limit = len(mine)

    # 3. Every row.
    labels = STATUS_LABELS.get(identity.lang, STATUS_LABELS["ru"])
    status_list = ", ".join(labels[s] for s in STATUSES)
    seen: dict[int, int] = {}
    reported: list[ReportRow] = []
    filled = scanned = 0

    def all_rows() -> Iterator[tuple[int, tuple[Any, ...], frozenset[int]]]:
        yield from pending
        yield from rows

    for number, values, formulas in all_rows():
        scanned += 1
        if scanned > MAX_SCANNED_ROWS:
            return [Problem(f"the sheet has more than {MAX_SCANNED_ROWS:,} rows: a report of {executor} has "
                            f"{limit}", code="too_many_rows")]
        if all(_blank(v) for v in values) and not formulas:
            continue
        filled += 1
        if filled > limit + EXTRA_ROWS:
            return [Problem(f"the file has more than {limit + EXTRA_ROWS} filled rows, but {executor} has {limit} "
                            f"measures in the {decree.roadmap_year} roadmap: is it the right file? Nothing was "
                            "checked further", code="too_many_rows")]
        row = _check_row(number, values, formulas, columns, names, identity, decree, executor, by_measure,
                         seen, status_list, problems)
        if row is not None:
            reported.append(row)
    if filled > limit:
        problems.add(f"the file has {filled} filled rows, but {executor} has {limit} measures in the "
                     f"{decree.roadmap_year} roadmap", code="too_many_rows")
    if not reported and not problems.count:
        problems.add("nothing is reported: no row has a status", code="nothing_reported")
    if problems.count:
        return problems.result()
    reported.sort(key=lambda r: r.measure_no)
    done = {r.measure_no for r in reported}
    return Submission(
        roadmap_year=decree.roadmap_year, decree_number=decree.number, round=round_, executor=executor,
        rows=tuple(reported), file_name=Path(filename or "report").name[:255],
        file_sha256=hashlib.sha256(data).hexdigest(), not_reported=tuple(no for no in mine if no not in done),
    )


_FORMULA = ("a formula is not accepted (formulas are never evaluated): type the value itself, or copy the cells "
            "and paste them as values")


def _check_row(number: int, values: tuple[Any, ...], formulas: frozenset[int], columns: dict[str, int],
               names: dict[int, str], identity: _Identity, decree: Decree, executor: str,
               by_measure: dict[int, tuple[str, ...]], seen: dict[int, int], status_list: str,
               problems: _Problems) -> ReportRow | None:
    before = problems.count
    for i in sorted(formulas):
        problems.add(_FORMULA, number, names.get(i, _letter(i)), "formula")

    def cell(code: str) -> Any:
        i = columns.get(code)
        return None if i is None or i >= len(values) or i in formulas else values[i]

    for code, expected in identity.from_columns.items():
        value = cell(code)
        if not _blank(value) and _text(value) != _text(expected):
            problems.add(f'"{_text(value)}" differs from "{_text(expected)}" on the first row: a file reports for '
                         "one executor, round and decree", number, code, "identity")
    raw_no, raw_status = cell("measure_no"), cell("status")
    spent_cell, comment_cell = cell("spent_thousand_kzt"), cell("comment")
    measure = None
    if _blank(raw_no):
        if not (_blank(raw_status) and _blank(spent_cell) and _blank(comment_cell)):
            problems.add("the measure number is missing", number, "measure_no", "unknown_measure")
    else:
        measure = _measure_no(raw_no)
        if measure is None:
            problems.add(f'"{_text(raw_no)}" is not a measure number', number, "measure_no", "unknown_measure")
        elif measure not in by_measure:
            problems.add(f"measure {measure} is not in the {decree.roadmap_year} roadmap", number, "measure_no",
                         "unknown_measure")
        elif executor not in by_measure[measure]:
            problems.add(f"measure {measure} is not assigned to {executor} (its executors: "
                         f"{_names(by_measure[measure])})", number, "measure_no", "not_assigned")
        elif measure in seen:
            problems.add(f"measure {measure} is already on row {seen[measure]}", number, "measure_no", "duplicate")
        else:
            seen[measure] = number
    status = None
    if not _blank(raw_status):
        status = status_code(raw_status)
        if status is None:
            problems.add(f'"{_text(raw_status)}" is not a status ({status_list})', number, "status", "status")
    elif not (_blank(spent_cell) and _blank(comment_cell)) and "status" not in {names.get(i) for i in formulas}:
        problems.add(f"a status is needed when an amount or a comment is given ({status_list})", number, "status",
                     "missing_status")
    spent = None
    if not _blank(spent_cell):
        spent = _number(spent_cell)
        if spent is None:
            problems.add(f'"{_text(spent_cell)}" is not a number of thousand tenge (write e.g. 1234,5 or 1234.5)',
                         number, "spent_thousand_kzt", "amount")
        elif spent < 0:
            problems.add(f"{_text(spent_cell)} is negative: the amount spent is 0 or more", number,
                         "spent_thousand_kzt", "amount")
    comment = _text(comment_cell)
    if comment is not None and len(comment) > COMMENT_MAX:
        problems.add(f"the comment has {len(comment)} characters, at most {COMMENT_MAX} are accepted", number,
                     "comment", "comment")
    if problems.count > before or status is None or measure is None:
        return None
    return ReportRow(decree.roadmap_year, measure, status, spent, comment, number)


def _names(items: Iterable[str], limit: int = 5) -> str:
    items = list(items)
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _decree_problems(year: Any, number: Any, identity: _Identity, known: dict[int, Decree],
                     expected_decree: tuple[int, str] | None, what: str) -> list[Problem]:
    if not _blank(year):
        parsed = _measure_no(year)
        if parsed is None:
            return [Problem(f'{what} names the roadmap year "{_text(year)}", which is not a year', code="identity")]
        year = parsed
    else:
        year = None
    number = _text(number)
    if expected_decree is not None:
        want_year, want_number = int(expected_decree[0]), str(expected_decree[1])
        if (year is not None and year != want_year) or (number is not None and number != want_number):
            return [Problem(f"{what} is for decree No. {number or '?'} of the {year or '?'} roadmap, not for "
                            f"decree No. {want_number} of the {want_year} roadmap", code="identity")]
        year, number = want_year, want_number
    if year is None:
        if len(known) != 1:
            return [Problem(f"{what} does not say which roadmap it reports on: add a roadmap_year column",
                            code="identity")]
        year = next(iter(known))
    decree = known.get(year)
    if decree is None:
        return [Problem(f"{what} is for the {year} roadmap, which is not loaded", code="identity")]
    if number is not None and number != decree.number:
        return [Problem(f"{what} is for decree No. {number}, not for decree No. {decree.number} of the {year} "
                        "roadmap", code="identity")]
    identity.decree = decree
    return []


def _executor_and_round(executor: Any, round_: Any, identity: _Identity, measures: pa.Table,
                        expected_executor: str | None, expected_round: date | None, what: str) -> list[Problem]:
    decree = identity.decree
    assert decree is not None
    out = []
    executor = _text(executor)
    if executor is not None and expected_executor is not None and executor != expected_executor:
        out.append(Problem(f"{what} is the report of {executor}, not of {expected_executor}: download the template "
                           f"of {expected_executor}", code="identity"))
    executor = executor or expected_executor
    if executor is None:
        out.append(Problem(f"{what} does not say whose report it is: choose the executor (--executor) or add an "
                           "executor column", code="identity"))
    elif executor not in executors(measures, decree.roadmap_year):
        out.append(Problem(f'"{executor}" is not an executor of the {decree.roadmap_year} roadmap', code="identity"))
    day = _day(round_) if not _blank(round_) else None
    if not _blank(round_) and day is None:
        out.append(Problem(f'{what} names the round "{_text(round_)}", which is not a date (YYYY-MM-DD)',
                           code="identity"))
    elif day is not None and expected_round is not None and day != expected_round:
        out.append(Problem(f"{what} is for the round of {day:%Y-%m-%d}, not for the round of "
                           f"{expected_round:%Y-%m-%d}", code="identity"))
    day = day or expected_round
    if day is None and _blank(round_):
        out.append(Problem(f"{what} does not say which reporting round it is for: choose the round (--round) or "
                           "add a round column", code="identity"))
    elif day is not None and day not in decree.rounds:
        dates = ", ".join(f"{d:%Y-%m-%d}" for d in decree.rounds) or "none"
        out.append(Problem(f"{day:%Y-%m-%d} is not a reporting date of the {decree.roadmap_year} roadmap "
                           f"(its rounds: {dates})", code="identity"))
    identity.executor, identity.round = executor, day
    return out


def _identity_from_template(meta: dict[str, str], identity: _Identity, known: dict[int, Decree],
                            measures: pa.Table, expected_executor: str | None, expected_round: date | None,
                            expected_decree: tuple[int, str] | None) -> list[Problem]:
    what = "the template"
    if meta.get("format") != FORMAT:
        return [Problem("the workbook's hidden report sheet is damaged: download a new template", code="identity")]
    if meta.get("version") != str(FORMAT_VERSION):
        return [Problem(f"template version {meta.get('version')!r} is not supported (this version reads "
                        f"{FORMAT_VERSION}): download a new template", code="identity")]
    if meta.get("lang") in STATUS_LABELS:
        identity.lang = meta["lang"]
    problems = _decree_problems(meta.get("roadmap_year"), meta.get("decree_number"), identity, known,
                                expected_decree, what)
    if problems:
        return problems
    if _blank(meta.get("executor")) or _blank(meta.get("round")):
        return [Problem("the workbook's hidden report sheet is damaged: download a new template", code="identity")]
    return _executor_and_round(meta["executor"], meta["round"], identity, measures, expected_executor,
                               expected_round, what)


def _identity_from_columns(given: dict[str, Any], identity: _Identity, known: dict[int, Decree],
                           measures: pa.Table, expected_executor: str | None, expected_round: date | None,
                           expected_decree: tuple[int, str] | None) -> list[Problem]:
    what = "the file"
    problems = _decree_problems(given.get("roadmap_year"), given.get("decree_number"), identity, known,
                                expected_decree, what)
    if problems:
        return problems
    return _executor_and_round(given.get("executor"), given.get("round"), identity, measures, expected_executor,
                               expected_round, what)


# ---------------------------------------------------------------------------------------------------------
# Storage


@dataclass(frozen=True)
class StoredResult:
    path: Path  # the stored parquet file (this submission's, or the executor's latest, the same file)
    stored: bool  # False: the executor's latest stored submission for the round is this file ("already stored")
    submitter: str  # who stored it (for "already stored": who did, first)
    submitted_at: datetime
    rows: int

    def __str__(self) -> str:
        if self.stored:
            return f"stored {self.path} ({self.rows} rows)"
        return f"already stored {self.path} (by {self.submitter} at {self.submitted_at:%Y-%m-%d %H:%M:%S} UTC)"


class StoreConflict(Exception):
    """Every file name tried (``STORE_ATTEMPTS``) was taken by another submission meanwhile: store again."""


STORE_ATTEMPTS = 20  # final names tried, each after another submission took the one before


def default_reports_dir() -> Path:
    return Path(os.environ.get("ROADMAP_REPORTS") or DEFAULT_REPORTS)


def _utc(when: datetime | None) -> datetime:
    if when is None:
        return datetime.now(UTC)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def file_name_for(submitted_at: datetime, file_sha256: str) -> str:
    """``<UTC time to the microsecond>-<first 16 hex of the file's SHA-256>.parquet``: sorts by time."""
    return f"{_utc(submitted_at):%Y%m%dT%H%M%S.%fZ}-{file_sha256[:16]}.parquet"


def submission_table(submission: Submission, submitter: str, submitted_at: datetime) -> pa.Table:
    """The rows of one stored file (REPORTS_SCHEMA)."""
    when = _utc(submitted_at)
    rows = submission.rows
    n = len(rows)
    columns = {
        "roadmap_year": [r.roadmap_year for r in rows],
        "decree_number": [submission.decree_number] * n,
        "round": [submission.round] * n,
        "executor": [submission.executor] * n,
        "measure_no": [r.measure_no for r in rows],
        "status": [r.status for r in rows],
        "spent_thousand_kzt": [r.spent_thousand_kzt for r in rows],
        "comment": [r.comment for r in rows],
        "submitter": [submitter] * n,
        "submitted_at": [when] * n,
        "file_sha256": [submission.file_sha256] * n,
        "file_name": [submission.file_name] * n,
    }
    meta = {"format": FORMAT, "version": FORMAT_VERSION, "file": file_name_for(when, submission.file_sha256),
            "key": submission.key}
    return pa.table(columns, schema=REPORTS_SCHEMA).replace_schema_metadata(
        {_STORED_META: json.dumps(meta).encode("utf-8")})


def store(submission: Submission, reports_dir: str | os.PathLike | None = None, submitter: str = "",
          submitted_at: datetime | None = None) -> StoredResult:
    """Write the submission as one new parquet file in `reports_dir`; never touch an existing file.

    Returns ``stored=True`` with the new file, or ``stored=False`` with the stored file when the executor's
    latest stored submission for this round and decree is the same file (same bytes, executor, round and
    decree).  Any other file is stored, an earlier one too (A, then B, then A again: A is the latest report).
    `submitted_at` defaults to now (UTC; a naive datetime is taken as UTC), and then to just after the
    executor's latest file should the clock be behind it, so a new submission is always the latest."""
    if not submitter.strip():
        raise ValueError("a submitter is needed: who stores the report")
    if submission.round is None or not submission.rows:
        raise ValueError("an empty submission is not stored")
    directory = Path(reports_dir) if reports_dir is not None else default_reports_dir()
    directory.mkdir(parents=True, exist_ok=True)
    latest = _latest_stored(directory, submission)
    if latest is not None and latest.key == submission.key:
        return _result_of(latest.path)
    # The writers of this submission after the same latest file share its claims .claim-<base>-0, -1, …
    after = latest.path.name if latest is not None else ""
    base = hashlib.sha256(f"{submission.key}\n{after}".encode()).hexdigest()
    _sweep(directory)
    when = _utc(submitted_at)
    if submitted_at is None and latest is not None and when <= latest.submitted_at:
        when = latest.submitted_at + timedelta(microseconds=1)
    links = True
    temp: Path | None = None
    temp_when: datetime | None = None
    try:
        for attempt in range(STORE_ATTEMPTS):
            claim = directory / f".claim-{base}-{attempt}"
            if links:
                try:
                    found = _claimed(claim, directory)
                except _NameTaken:
                    continue  # its name went to another submission: the next claim
                if found:
                    return found
            while (directory / file_name_for(when, submission.file_sha256)).exists():
                when += timedelta(microseconds=1)  # another submission of the same bytes in the same microsecond
            final = directory / file_name_for(when, submission.file_sha256)
            if temp is None or when != temp_when:  # the file says its own name and time
                if temp is not None:
                    temp.unlink(missing_ok=True)
                temp, temp_when = _write_temporary(directory, submission_table(submission, submitter, when)), when
            if links:
                try:
                    os.link(temp, claim)
                except FileExistsError:
                    try:
                        found = _claimed(claim, directory)  # a concurrent writer of the same file won
                    except _NameTaken:
                        continue
                    if found:
                        return found
                    continue
                except OSError as exc:
                    if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                        raise
                    links = False  # no hard links here: dedupe by name and content only
            if links:
                try:
                    os.link(temp, final)
                except FileExistsError:
                    if not os.path.samefile(temp, final):
                        continue  # another submission took the name since the check: claim anew, named later
                    # else a concurrent writer completed our claim for us
            elif not _create_exclusively(temp, final):
                continue  # the name was taken since the check: a later one
            _fsync_directory(directory)
            return StoredResult(final, True, submitter, when, len(submission.rows))
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
    raise StoreConflict(f"{STORE_ATTEMPTS} file names for {submission.file_sha256[:16]} were taken by other "
                        "submissions meanwhile")


def _write_temporary(directory: Path, table: pa.Table) -> Path:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    payload = memoryview(sink.getvalue())
    temp = directory / f".tmp-{os.getpid()}-{secrets.token_hex(8)}.partial"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
    try:
        while payload:
            written = os.write(fd, payload)
            payload = payload[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return temp


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stored_meta(path: Path) -> dict:
    meta = pq.read_schema(path).metadata or {}
    return json.loads(meta.get(_STORED_META, b"{}"))


def _result_of(path: Path) -> StoredResult:
    table = pq.read_table(path, columns=["submitter", "submitted_at"])
    first = table.slice(0, 1).to_pylist()[0]
    return StoredResult(path, False, first["submitter"], first["submitted_at"], table.num_rows)


class _NameTaken(Exception):
    """A claim's final name holds another submission's file: the claim is never completed."""


def _claimed(claim: Path, directory: Path) -> StoredResult | None:
    """The file an earlier writer claimed for this submission (None: no claim); if it was stopped before giving
    the file its name, the name is given now (the claim is a complete, fsynced file: a hard link is made only
    after).  _NameTaken when that name is another submission's file."""
    try:
        name = _stored_meta(claim)["file"]
    except FileNotFoundError:
        return None
    final = directory / name
    try:
        os.link(claim, final)
        _fsync_directory(directory)
    except FileExistsError:
        if not os.path.samefile(claim, final):
            raise _NameTaken(name) from None
    return _result_of(final)


@dataclass(frozen=True)
class _Latest:
    path: Path
    key: str | None  # Submission.key of the file stored there
    submitted_at: datetime


_WHOSE = ["roadmap_year", "decree_number", "round", "executor", "submitted_at"]


def _latest_stored(directory: Path, submission: Submission) -> _Latest | None:
    """The executor's latest stored file for the submission's decree and round (names sort by time), or None."""
    wanted = (submission.roadmap_year, submission.decree_number, submission.round, submission.executor)
    for path in reversed(stored_files(directory)):
        try:
            with pq.ParquetFile(path) as parquet:
                first = parquet.read_row_group(0, columns=_WHOSE).slice(0, 1).to_pylist()[0]
                meta = json.loads((parquet.schema_arrow.metadata or {}).get(_STORED_META, b"{}"))
        except (OSError, pa.ArrowException, ValueError, IndexError):
            continue  # not a report (an unfinished placeholder, see _create_exclusively)
        if (first["roadmap_year"], first["decree_number"], first["round"], first["executor"]) == wanted:
            return _Latest(path, meta.get("key"), first["submitted_at"])
    return None


def _create_exclusively(temp: Path, final: Path) -> bool:
    """Without hard links: create the final name exclusively (O_EXCL: False when it exists), then rename the
    complete temporary file over that empty placeholder, which no other writer touches.  An existing file is
    never replaced, and readers see the whole file or the placeholder, never a part."""
    try:
        fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        os.replace(temp, final)
    except BaseException:
        final.unlink(missing_ok=True)  # our placeholder
        raise
    return True


def _sweep(directory: Path, older_than: float = 3600.0) -> None:
    """Temporary files a killed writer left behind (never matched by *.parquet; removed after an hour)."""
    now = time.time()
    for path in directory.glob(".tmp-*.partial"):
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
        except OSError:
            pass


# ---------------------------------------------------------------------------------------------------------
# Reading the stored reports back


def stored_files(directory: Path) -> list[Path]:
    """The stored reports of a directory in name (= time) order: ``*.parquet``, never a name starting with
    "." (temporaries and claims, which may be hard links to a report), as the app reads them."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.parquet") if not p.name.startswith(".") and p.is_file())


def read_log(reports_dir: str | os.PathLike | None = None, unreadable: list[Path] | None = None) -> pa.Table:
    """Every stored row, file by file in name (= time) order; an empty table when there is none.  The app
    reads the same files with DuckDB (roadmap/queries.py).  A file that is not a readable report (put there
    by hand, or the placeholder of a writer without hard links) is skipped, as the app skips it, and
    appended to `unreadable` when given."""
    directory = Path(reports_dir) if reports_dir is not None else default_reports_dir()
    tables = []
    for path in stored_files(directory):
        try:
            tables.append(pq.read_table(path, schema=REPORTS_SCHEMA).replace_schema_metadata(None))
        except (OSError, pa.ArrowException, ValueError):
            if unreadable is not None:
                unreadable.append(path)
    return pa.concat_tables(tables) if tables else REPORTS_SCHEMA.empty_table()


def latest_rows(log: pa.Table | Iterable[Mapping[str, Any]], *, roadmap_year: int | None = None,
                decree_number: str | None = None, round: date | None = None,
                executor: str | None = None) -> list[dict[str, Any]]:
    """The latest row per (decree, round, executor, measure), by submitted_at (then the file's hash): what
    each executor last said about each measure.  Optionally only one decree, round or executor."""
    rows = log.to_pylist() if isinstance(log, pa.Table) else [dict(r) for r in log]
    latest: dict[tuple, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (r["submitted_at"], r["file_sha256"])):
        if ((roadmap_year is not None and r["roadmap_year"] != roadmap_year)
                or (decree_number is not None and r["decree_number"] != decree_number)
                or (round is not None and r["round"] != round)
                or (executor is not None and r["executor"] != executor)):
            continue
        latest[(r["roadmap_year"], r["decree_number"], r["round"], r["executor"], r["measure_no"])] = r
    return [latest[k] for k in sorted(latest, key=lambda k: (k[0], k[1], k[2], k[4], k[3]))]


@dataclass(frozen=True)
class Changes:
    """What a submission changes against the executor's earlier reports for the same round."""
    newly_reported: tuple[tuple[int, int], ...]  # measures reported for the first time this round
    status_changed: tuple[tuple[tuple[int, int], str, str], ...]  # (measure, before, now)
    spent_changed: tuple[tuple[tuple[int, int], float | None, float | None], ...]
    comment_changed: tuple[tuple[int, int], ...]
    unchanged: tuple[tuple[int, int], ...]
    left_out: tuple[tuple[int, int], ...]  # reported before, not in this file: the earlier report stands

    @property
    def first_report(self) -> bool:
        return not (self.status_changed or self.spent_changed or self.comment_changed or self.unchanged
                    or self.left_out)

    def lines(self) -> list[str]:
        out = [f"measure {no}: {before} → {now}" for (_, no), before, now in self.status_changed]
        out += [f"measure {no}: spent {_amount(before)} → {_amount(now)}" for (_, no), before, now in
                self.spent_changed]
        out += [f"measure {no}: comment changed" for _, no in self.comment_changed]
        if self.newly_reported:
            out.append("newly reported: " + ", ".join(str(no) for _, no in self.newly_reported))
        if self.left_out:
            out.append("not in this file (the earlier report stands): "
                       + ", ".join(str(no) for _, no in self.left_out))
        return out


def _amount(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _as_dict(row: Any) -> dict[str, Any]:
    if isinstance(row, ReportRow):
        return {"roadmap_year": row.roadmap_year, "measure_no": row.measure_no, "status": row.status,
                "spent_thousand_kzt": row.spent_thousand_kzt, "comment": row.comment}
    return dict(row)


def changes(previous_rows: Iterable[Any], new_rows: Iterable[Any]) -> Changes:
    """Compare the executor's previous reports for a round (its latest row per measure: latest_rows(…,
    executor=…, round=…) before the new file was stored) with a new submission's rows (ReportRow or
    mappings with roadmap_year, measure_no, status, spent_thousand_kzt, comment)."""
    before = {(r["roadmap_year"], r["measure_no"]): r for r in map(_as_dict, previous_rows)}
    after = {(r["roadmap_year"], r["measure_no"]): r for r in map(_as_dict, new_rows)}
    new, status, spent, comment, same = [], [], [], [], []
    for key in sorted(after):
        now, then = after[key], before.get(key)
        if then is None:
            new.append(key)
            continue
        changed = False
        if now["status"] != then["status"]:
            status.append((key, then["status"], now["status"]))
            changed = True
        if now.get("spent_thousand_kzt") != then.get("spent_thousand_kzt"):
            spent.append((key, then.get("spent_thousand_kzt"), now.get("spent_thousand_kzt")))
            changed = True
        if (now.get("comment") or None) != (then.get("comment") or None):
            comment.append(key)
            changed = True
        if not changed:
            same.append(key)
    left = tuple(k for k in sorted(before) if k not in after)
    return Changes(tuple(new), tuple(status), tuple(spent), tuple(comment), tuple(same), left)


def measure_status(reported: Mapping[str, str], executors_of_measure: Iterable[str]) -> str:
    """A measure's status for a round, from the latest status each of its executors reported.

    `reported`: executor → status (STATUSES) for the executors who reported this measure in the round
    (latest row per measure and executor); `executors_of_measure`: everyone the measure is assigned to.
    Reports of anyone else are ignored.  In order, the first rule that holds:

    1. ``not_reported`` — none of its executors has reported it;
    2. ``not_done``     — any executor reports not_done;
    3. ``done``         — every executor of the measure reports done (one missing report keeps it open);
    4. ``in_progress``  — any reports in_progress, or some report done;
    5. ``not_started``  — everyone who reported says not_started.
    """
    expected = set(executors_of_measure)
    statuses = [s for who, s in reported.items() if who in expected and s in STATUSES]
    if not statuses:
        return NOT_REPORTED
    if "not_done" in statuses:
        return "not_done"
    if len(statuses) == len(expected) and all(s == "done" for s in statuses):
        return "done"
    if "in_progress" in statuses or "done" in statuses:
        return "in_progress"
    return "not_started"


def round_status(latest: Iterable[Mapping[str, Any]], measures: pa.Table, roadmap_year: int) -> dict[int, str]:
    """measure_no → its status (measure_status) for every measure of the roadmap year, from the latest rows of
    one round (latest_rows(log, roadmap_year=…, round=…))."""
    by_measure = _executors_by_measure(_table(measures), roadmap_year)
    said: dict[int, dict[str, str]] = {}
    for r in latest:
        if r["roadmap_year"] == roadmap_year:
            said.setdefault(r["measure_no"], {})[r["executor"]] = r["status"]
    return {no: measure_status(said.get(no, {}), who) for no, who in sorted(by_measure.items())}


@dataclass(frozen=True)
class Coverage:
    reported: tuple[str, ...]  # executors with at least one stored report for the round
    expected: tuple[str, ...]  # every executor of the roadmap year's measures

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(e for e in self.expected if e not in set(self.reported))

    def __str__(self) -> str:
        return f"{len(self.reported)} / {len(self.expected)} executors reported"


def coverage(log: pa.Table | Iterable[Mapping[str, Any]], measures: pa.Table, roadmap_year: int,
             decree_number: str, round: date) -> Coverage:
    """Who has reported for a round, of everyone expected to."""
    expected = executors(measures, roadmap_year)
    rows = log.to_pylist() if isinstance(log, pa.Table) else log
    done = {r["executor"] for r in rows if r["roadmap_year"] == roadmap_year and r["decree_number"] == decree_number
            and r["round"] == round}
    return Coverage(tuple(e for e in expected if e in done), tuple(expected))


# ---------------------------------------------------------------------------------------------------------
# Loading the roadmap (the CLI; the app has its own RoadmapDB)

_MEASURE_COLUMNS = ["roadmap_year", "measure_no", "title", "deadline_raw", "cost_thousand_kzt", "ministries",
                    "akimats"]


def load_roadmap(spec: str | os.PathLike | None = None) -> tuple[pa.Table, dict[int, dict]]:
    """The measures (the columns a report needs) and each decree's metadata by roadmap year, from one parquet
    file or a glob (default: $ROADMAP_DATA, else data/roadmap.parquet); legends beside them are skipped."""
    text = str(spec or os.environ.get("ROADMAP_DATA") or DEFAULT_DATA)
    files = sorted(glob.glob(text)) if glob.has_magic(text) else [text]
    files = [f for f in files if not Path(f).stem.endswith("_legend")]
    if not files:
        raise FileNotFoundError(f"no parquet file matches {text}")
    tables, metas = [], {}
    for path in files:
        table = pq.read_table(path, columns=_MEASURE_COLUMNS)
        meta = json.loads((table.schema.metadata or {}).get(b"roadmap", b"{}"))
        for year in pc.unique(table["roadmap_year"]).to_pylist():
            metas[int(year)] = {**meta, "roadmap_year": str(year)}
        tables.append(table.replace_schema_metadata(None))
    return pa.concat_tables(tables), metas


# ---------------------------------------------------------------------------------------------------------
# CLI


def _submit(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders.reports", description="Validate a filled report and store it (operator path).",
        epilog="A template: python -m loaders.reports template --executor X --round YYYY-MM-DD --out FILE "
               "[--lang ru|kk|en]")
    parser.add_argument("file", type=Path, help="the filled template (.xlsx) or a CSV UTF-8 file")
    parser.add_argument("--executor", help="whose report it is (a legend abbreviation or a region); a template "
                        "says so itself and must agree")
    parser.add_argument("--round", type=date.fromisoformat, help="the reporting date, YYYY-MM-DD")
    parser.add_argument("--reports", type=Path, default=None, help="where reports are stored (default: "
                        "$ROADMAP_REPORTS, else data/reports)")
    parser.add_argument("--submitter", default=None, help='who submits (default: "operator:<os user>")')
    parser.add_argument("--data", default=None, help="the roadmap parquet (default: $ROADMAP_DATA, else "
                        "data/roadmap.parquet)")
    parser.add_argument("--check", action="store_true", help="validate only; store nothing")
    args = parser.parse_args(argv)
    loaded = _roadmap_or_say_why(args.data)
    if loaded is None:
        return 1
    measures, metadata = loaded
    result = validate(args.file, args.file.name, measures, metadata, args.executor, expected_round=args.round)
    if isinstance(result, list):
        for problem in result:
            print(f"{args.file}: {problem}")
        return 1
    if args.check:
        print(f"{args.file}: valid: {result.describe()}; nothing stored (--check)")
        return 0
    directory = args.reports if args.reports is not None else default_reports_dir()
    submitter = args.submitter or f"operator:{_os_user()}"
    try:
        unreadable: list[Path] = []
        previous = latest_rows(read_log(directory, unreadable), roadmap_year=result.roadmap_year,
                               decree_number=result.decree_number, round=result.round, executor=result.executor)
        for path in unreadable:
            print(f"warning: {path} is not a readable report file; it was skipped", file=sys.stderr)
        stored = store(result, directory, submitter)
    except (OSError, pa.ArrowException, StoreConflict) as exc:
        print(f"error: cannot store the report in {directory}: {exc}", file=sys.stderr)
        return 1
    print(f"{stored}: {result.describe()}")
    if stored.stored and previous:
        for line in changes(previous, result.rows).lines():
            print(f"  {line}")
    return 0


def _roadmap_or_say_why(spec: str | None):
    """The roadmap the CLI works on, or None after one line on stderr saying why it cannot be read."""
    try:
        return load_roadmap(spec)
    except (OSError, pa.ArrowException, ValueError) as exc:
        print(f"error: cannot read the roadmap data: {exc}", file=sys.stderr)
        return None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _template(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.reports template",
                                     description="Write an executor's report template for a round.")
    parser.add_argument("--executor", required=True)
    parser.add_argument("--round", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--lang", choices=("ru", "kk", "en"), default="ru")
    parser.add_argument("--year", type=int, default=None, help="the roadmap year, when several are loaded")
    parser.add_argument("--data", default=None)
    args = parser.parse_args(argv)
    # The template is the app's (roadmap/); the loaders import nothing of it but here, on demand.
    from roadmap.i18n import LANGUAGES
    from roadmap.report_template import template_xlsx

    loaded = _roadmap_or_say_why(args.data)
    if loaded is None:
        return 1
    measures, metadata = loaded
    years = [y for y, d in decrees(metadata).items() if args.year in (None, y) and args.round in d.rounds]
    if len(years) != 1:
        print(f"error: {args.round} is a reporting date of several loaded roadmaps: choose one with --year" if years
              else f"error: {args.round} is not a reporting date of a loaded roadmap", file=sys.stderr)
        return 1
    year = years[0]
    mine = _measures_of(measures, args.executor, year)
    if not mine.num_rows:
        print(f"error: {args.executor} has no measures in the {year} roadmap", file=sys.stderr)
        return 1
    meta = metadata[year]
    decree = {"year": year, "number": meta.get("decree_number") or "", "date": meta.get("decree_date") or ""}
    data = template_xlsx(mine.to_pandas(), args.executor, args.round, decree, LANGUAGES[args.lang])
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {args.executor}, {mine.num_rows} measures, round {args.round}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["template"]:
        return _template(argv[1:])
    return _submit(argv)


if __name__ == "__main__":
    sys.exit(main())
