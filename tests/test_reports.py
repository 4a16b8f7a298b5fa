"""Reporting rounds: the template an executor fills in (reporting/template.py), the validation of a filled
file, the immutable store and the operator CLI (reporting/)."""
from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import re
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from datetime import UTC, date, datetime, timedelta

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from i18n import LANGUAGES, en, ru
from reporting import cli
from reporting import store as store_module
from reporting.changes import changes
from reporting.cli import _os_user
from reporting.decrees import executors, load_roadmap, measures_of, rounds
from reporting.fileformat import COLUMN_LABELS, META_SHEET, column_code
from reporting.limits import COMMENT_MAX, EXCEL_CELL_MAX, EXTRA_ROWS, MAX_FILE_BYTES, MAX_PROBLEMS
from reporting.log import LOG_SCHEMA, REPORTS_SCHEMA, latest_rows, read_log, reports_dir
from reporting.problems import Problem
from reporting.status import measure_status
from reporting.store import StoreConflict, file_name_for, store, write_temporary
from reporting.template import template_xlsx
from reporting.validate import ReportRow, Submission, validate
from reporting.vocabulary import MEASURE_STATUSES, NOT_REPORTED, STATUS_LABELS, STATUSES, status_code
from testing.naive import assigned, coverage, round_status
from tests.conftest import ROOT

DATA = ROOT / "data" / "roadmap.parquet"
FIXTURES = ROOT / "tests" / "fixtures"
MEASURES, DECREES = load_roadmap(DATA)
META = DECREES[2021]
ROUND1, ROUND2 = rounds(META)
DECREE = {"year": 2021, "number": META["decree_number"], "date": META["decree_date"]}
EXECUTOR = "МКС"
MINE = [no for _, no in assigned(MEASURES, EXECUTOR)]  # the template's rows 5, 6, … in this order
FIRST = 5  # the template's first measure row
ROW = {no: FIRST + i for i, no in enumerate(MINE)}
NOT_MINE = next(no for no in MEASURES["measure_no"].to_pylist() if no not in MINE)
RU_STATUSES = "выполнено, в работе, не начато, не выполнено"


def template(executor: str = EXECUTOR, round_: date = ROUND1, t=ru) -> bytes:
    mine = measures_of(MEASURES, executor, 2021).to_pandas()
    return template_xlsx(mine, executor, round_, DECREE, t)


def fill(data: bytes, cells: dict[str, object], meta: dict[str, str] | None = None) -> bytes:
    """Type into the template as a user does in Excel (openpyxl ignores the sheet protection, as a user who
    unprotects the sheet may)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    for ref, value in cells.items():
        sheet[ref] = value
    for key, value in (meta or {}).items():
        for row in book[META_SHEET].iter_rows():
            if row[0].value == key:
                row[1].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filled() -> bytes:
    """The template of МКС for the first round with three measures reported."""
    return fill(template(), {f"E{ROW[MINE[0]]}": "выполнено", f"F{ROW[MINE[0]]}": 1500,
                             f"G{ROW[MINE[0]]}": "Проведено 12 выставок", f"E{ROW[MINE[1]]}": " В работе ",
                             f"F{ROW[MINE[1]]}": "1 234,5", f"E{ROW[MINE[2]]}": "не начато"})


def check(data: bytes, name: str = "report.xlsx", executor: str = EXECUTOR, **kwargs):
    return validate(data, name, MEASURES, META, executor, **{"expected_round": ROUND1, **kwargs})


# --- decree: rounds and assignments -------------------------------------------------------------------------


def test_rounds_are_the_executors_dates_of_the_calendar():
    assert rounds(META) == [date(2021, 7, 5), date(2021, 12, 5)]
    other = {"roadmap_year": "2023", "reporting_calendar": [
        {"date": "2023-10-01", "reporter": "", "recipient": "МФ"},
        {"date": "2023-04-01", "reporter": None, "recipient": "МФ"},
        {"date": "2023-04-01", "reporter": None, "recipient": "МФ"},
        {"date": "2023-04-10", "reporter": "МФ", "recipient": "АП"}]}
    assert rounds(other) == [date(2023, 4, 1), date(2023, 10, 1)]
    assert rounds({"roadmap_year": "2024"}) == []


def test_assigned_measures_of_a_ministry_and_of_an_akimat():
    assert len(MINE) == 7 and assigned(MEASURES, EXECUTOR)[0] == (2021, MINE[0])
    region = assigned(MEASURES, "Атырауская область")
    assert len(region) == 47 and all(year == 2021 for year, _ in region)
    assert assigned(MEASURES, "МКС ") == [] and assigned(MEASURES, "Нет такого") == []


# --- the template ----------------------------------------------------------------------------------------------


def test_template_locks_the_prefilled_cells_and_validates_what_is_filled():
    book = openpyxl.load_workbook(io.BytesIO(template()))
    sheet = book.worksheets[0]
    assert sheet.title == ru.REPORT_SHEET
    assert [c.value for c in sheet[4]] == list(ru.REPORT_COLUMNS.values())
    assert [sheet.cell(row=ROW[no], column=1).value for no in MINE] == MINE
    assert sheet.max_row == FIRST + len(MINE) - 1
    assert sheet.protection.sheet and not sheet.protection.password
    assert all(sheet[f"{c}5"].protection.locked for c in "ABCD")
    assert not any(sheet[f"{c}5"].protection.locked for c in "EFG")
    kinds = {dv.type: (str(dv.sqref), dv.formula1) for dv in sheet.data_validations.dataValidation}
    last = FIRST + len(MINE) - 1
    assert kinds["list"] == (f"E5:E{last}", '"' + ",".join(ru.REPORT_STATUS_LABELS.values()) + '"')
    assert kinds["decimal"] == (f"F5:F{last}", "0") and kinds["textLength"] == (f"G5:G{last}", str(COMMENT_MAX))
    assert sheet.column_dimensions["B"].width >= 60 and sheet.column_dimensions["G"].width >= 40
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    values = {row[0].value: row[1].value for row in meta.iter_rows()}
    expected = {"format": "roadmap-report", "version": "1", "executor": EXECUTOR, "round": "2021-07-05",
                "roadmap_year": "2021", "decree_number": "50", "lang": "ru", "data_sheet": ru.REPORT_SHEET}
    assert {key: values.get(key) for key in expected} == expected


def test_template_writes_a_hostile_title_as_text():
    mine = measures_of(MEASURES, EXECUTOR, 2021).to_pandas()
    mine.loc[mine.index[0], "title"] = '=HYPERLINK("http://x","y")'
    mine.loc[mine.index[1], "title"] = "-1+2 \x07bell"
    data = template_xlsx(mine, EXECUTOR, ROUND1, DECREE, ru)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["B5"].data_type == "s" and sheet["B5"].value.startswith("=HYPERLINK")
    assert sheet["B6"].value == "-1+2 bell"
    assert isinstance(check(fill(data, {"E5": "выполнено"})), Submission)  # a text cell is no formula


@pytest.mark.parametrize("lang", LANGUAGES)
def test_round_trip_in_every_language(tmp_path, lang):
    """Build the template for МКС and the first round, fill it the way a user does, validate, store, read."""
    t = LANGUAGES[lang]
    labels = t.REPORT_STATUS_LABELS
    data = fill(template(t=t), {
        f"E{ROW[MINE[0]]}": labels["done"], f"F{ROW[MINE[0]]}": 1500, f"G{ROW[MINE[0]]}": "Проведено 12 выставок",
        f"E{ROW[MINE[1]]}": labels["in_progress"].upper(), f"F{ROW[MINE[1]]}": "1 234,5",
        f"E{ROW[MINE[2]]}": f"  {labels['not_started']} ", f"E{ROW[MINE[3]]}": labels["not_done"],
        f"G{ROW[MINE[3]]}": "=text typed after an apostrophe",
    })
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.worksheets[0][f"G{ROW[MINE[3]]}"].data_type = "s"  # what Excel stores for '=text
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    submission = check(data, "МКС отчёт.xlsx", expected_round=ROUND1)
    assert isinstance(submission, Submission), submission
    assert (submission.executor, submission.round, submission.roadmap_year, submission.decree_number) == (
        EXECUTOR, ROUND1, 2021, "50")
    assert [(r.measure_no, r.status, r.spent_thousand_kzt, r.comment, r.row) for r in submission.rows] == [
        (MINE[0], "done", 1500.0, "Проведено 12 выставок", ROW[MINE[0]]),
        (MINE[1], "in_progress", 1234.5, None, ROW[MINE[1]]),
        (MINE[2], "not_started", None, None, ROW[MINE[2]]),
        (MINE[3], "not_done", None, "=text typed after an apostrophe", ROW[MINE[3]]),
    ]
    assert submission.not_reported == tuple(MINE[4:])
    assert submission.file_sha256 == hashlib.sha256(data).hexdigest()

    when = datetime(2021, 7, 1, 9, 30, 15, 123456, tzinfo=UTC)
    result = store(submission, tmp_path, "user:mks", when)
    assert result.stored and result.submitter == "user:mks" and result.rows == 4
    assert result.path.name == f"20210701T093015.123456Z-{submission.file_sha256[:16]}.parquet"
    assert [p.name for p in tmp_path.glob("*.parquet")] == [result.path.name]
    log = read_log(tmp_path)
    assert pq.read_schema(result.path).remove_metadata() == REPORTS_SCHEMA
    assert log.schema.remove_metadata() == LOG_SCHEMA
    assert log.to_pylist()[0] == {
        "roadmap_year": 2021, "decree_number": "50", "round": ROUND1, "executor": EXECUTOR,
        "measure_no": MINE[0], "status": "done", "spent_thousand_kzt": 1500.0, "comment": "Проведено 12 выставок",
        "submitter": "user:mks", "submitted_at": when, "file_sha256": submission.file_sha256,
        "file_name": "МКС отчёт.xlsx", "submission": result.path.stem}
    assert log["status"].to_pylist() == ["done", "in_progress", "not_started", "not_done"]
    # Written read-only: the mode bits (root may write whatever they say, so access() would prove nothing).
    assert stat.S_IMODE(result.path.stat().st_mode) & 0o222 == 0


def test_a_csv_of_codes_with_a_bom_and_semicolons_is_read():
    text = "\ufeffmeasure_no;status;spent_thousand_kzt;comment\n" + f"{MINE[0]};Done;1 234,5;\"a; b\"\n\n"
    submission = check(text.encode("utf-8"), "r.csv", expected_round=ROUND2)
    assert isinstance(submission, Submission), submission
    assert submission.round == ROUND2 and submission.rows == (ReportRow(2021, MINE[0], "done", 1234.5, "a; b", 2),)


def test_a_csv_saved_from_the_template_is_read_by_its_headings():
    sheet = openpyxl.load_workbook(io.BytesIO(filled())).worksheets[0]
    out = io.StringIO()
    for row in sheet.iter_rows(values_only=True):
        out.write(",".join('"' + ("" if v is None else str(v)).replace('"', '""') + '"' for v in row) + "\r\n")
    submission = check(out.getvalue().encode("utf-8-sig"), "r.csv", expected_round=ROUND1)
    assert isinstance(submission, Submission), submission
    assert [(r.measure_no, r.status, r.row) for r in submission.rows] == [
        (MINE[0], "done", 5), (MINE[1], "in_progress", 6), (MINE[2], "not_started", 7)]


def test_a_csv_may_say_whose_report_it_is():
    """...as a cross-check of what the caller chose: agreeing, it is accepted (disagreeing: BAD's csv cases)."""
    text = (f"roadmap_year,decree_number,executor,round,measure_no,status\n"
            f"2021,50,{EXECUTOR},2021-12-05,{MINE[0]},done\n2021,50,{EXECUTOR},2021-12-05,{MINE[1]},in progress\n")
    submission = check(text.encode(), "r.csv", expected_round=ROUND2)
    assert isinstance(submission, Submission), submission
    assert (submission.executor, submission.round, len(submission.rows)) == (EXECUTOR, ROUND2, 2)


def test_validate_takes_the_apps_decrees_and_a_table_of_several_chunks():
    """What the app holds: RoadmapDB.decrees (metadata by roadmap year) and measures concatenated from files."""
    from roadmap.queries import RoadmapDB

    decrees = RoadmapDB.open(DATA).decrees
    chunked = pa.concat_tables([MEASURES.slice(0, 30), MEASURES.slice(30)])
    submission = validate(filled(), "r.xlsx", chunked, decrees, EXECUTOR, expected_round=ROUND1)
    assert isinstance(submission, Submission) and len(submission.rows) == 3
    assert assigned(chunked, EXECUTOR) == assigned(MEASURES, EXECUTOR)


def test_a_comment_starting_with_equals_in_a_csv_is_kept_as_text():
    text = f"measure_no,status,comment\n{MINE[0]},done,=1+1\n"
    submission = check(text.encode(), "r.csv", expected_round=ROUND1)
    assert isinstance(submission, Submission) and submission.rows[0].comment == "=1+1"


# --- bad input, table-driven -----------------------------------------------------------------------------------


# Each build returns a fresh dict of keyword arguments: callers pop from it (and BAD is shared with
# tests/test_reporting_problems.py, which once emptied a case's for this module).
def _xlsx(cells=None, meta=None, **kwargs):
    return lambda: (fill(template(), cells or {}, meta), "report.xlsx", dict(kwargs))


def _csv(text: str, encoding: str = "utf-8", name: str = "report.csv", **kwargs):
    return lambda: (text.encode(encoding), name, {"expected_round": ROUND1, **kwargs})  # a new dict each call


def _raw(data: bytes, name: str, **kwargs):
    return lambda: (data, name, dict(kwargs))


def _zip(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "<xml/>")
    return out.getvalue()


R0, R1, R2 = ROW[MINE[0]], ROW[MINE[1]], ROW[MINE[2]]
LONG = "я" * (COMMENT_MAX + 1)
CSV_HEAD = "measure_no,status,spent_thousand_kzt,comment\n"
BAD = {  # case: (file, [(row, column, problem kind, words of its English message)])
    "unknown status": (_xlsx({f"E{R0}": "сделано"}),
                       [(R0, "status", "status", f'"сделано" is not a status ({RU_STATUSES})')]),
    "unknown measure": (_xlsx({f"A{R1}": 999, f"E{R1}": "выполнено"}),
                        [(R1, "measure_no", "unknown_measure", '"999" is not the number of a measure of the 2021')]),
    "measure of another executor": (_xlsx({f"A{R1}": NOT_MINE, f"E{R1}": "выполнено"}),
                                    [(R1, "measure_no", "not_assigned", f"measure {NOT_MINE} is not assigned to МКС")]),
    "not a measure number": (_xlsx({f"A{R1}": "двадцать", f"E{R1}": "выполнено"}),
                             [(R1, "measure_no", "unknown_measure", '"двадцать" is not the number of a measure')]),
    "duplicate rows": (_xlsx({f"A{R1}": MINE[0], f"E{R0}": "выполнено", f"E{R1}": "выполнено"}),
                       [(R1, "measure_no", "duplicate", f"measure {MINE[0]} is already on row {R0}")]),
    "negative amount": (_xlsx({f"E{R0}": "выполнено", f"F{R0}": -5}),
                        [(R0, "spent_thousand_kzt", "negative_amount", "-5 is negative")]),
    "non-numeric amount": (_xlsx({f"E{R0}": "выполнено", f"F{R0}": "много"}),
                           [(R0, "spent_thousand_kzt", "amount", '"много" is not a number')]),
    "ambiguous amount": (_xlsx({f"E{R0}": "выполнено", f"F{R0}": "1,234.5"}),
                         [(R0, "spent_thousand_kzt", "amount", '"1,234.5" is not a number')]),
    "comment too long": (_xlsx({f"E{R0}": "выполнено", f"G{R0}": LONG}),
                         [(R0, "comment", "comment", f"{COMMENT_MAX + 1} characters, at most {COMMENT_MAX}")]),
    "100,000-character comment": (_csv(CSV_HEAD + f"{MINE[0]},done,,{'я' * 100_000}\n"),
                                  [(2, "D", "cell_too_long",
                                    f"100000 characters; this column takes at most {EXCEL_CELL_MAX}")]),
    "file over the limit": (_raw(CSV_HEAD.encode() + b"0" * MAX_FILE_BYTES, "report.csv"),
                            [(None, None, "too_large", f"larger than {MAX_FILE_BYTES // 2**20} MB")]),
    "formula as amount": (_xlsx({f"E{R0}": "выполнено", f"F{R0}": "=100+1"}),
                          [(R0, "spent_thousand_kzt", "formula", "a formula is not accepted")]),
    "formula as status": (_xlsx({f"E{R0}": '=IF(TRUE,"выполнено")'}),
                          [(R0, "status", "formula", "a formula is not accepted")]),
    "formula beyond the columns": (_xlsx({f"E{R0}": "выполнено", f"J{R1}": "=A1*2"}),
                                   [(R1, "J", "formula", "a formula is not accepted")]),
    "formula in the title rows": (_xlsx({f"E{R0}": "выполнено", "H2": "=NOW()"}), [(2, "H", "formula", "formula")]),
    "amount without a status": (_xlsx({f"F{R0}": 10}), [(R0, "status", "missing_status", "a status is needed")]),
    "several at once": (_xlsx({f"E{R0}": "сделано", f"E{R1}": "done", f"F{R1}": -1, f"E{R2}": "done",
                               f"G{R2}": LONG}),
                        [(R0, "status", "status", "is not a status"),
                         (R1, "spent_thousand_kzt", "negative_amount", "negative"),
                         (R2, "comment", "comment", "characters")]),
    "more rows than measures": (_xlsx({f"E{R0}": "done", f"A{FIRST + len(MINE)}": MINE[0],
                                       f"E{FIRST + len(MINE)}": "done"}),
                                [(None, None, "too_many_rows", f"8 filled rows, but МКС has {len(MINE)} measures"),
                                 (FIRST + len(MINE), "measure_no", "duplicate", "already on row")]),
    "nothing reported": (_xlsx(), [(None, None, "nothing_reported", "nothing is reported")]),
    "template of another executor": (_xlsx({f"E{R0}": "done"}, expected_executor="МОН"),
                                     [(None, None, "identity", 'made for "МКС · 2021-07-05 · № 50 (2021)", not for '
                                                               '"МОН · 2021-07-05 · № 50 (2021)"')]),
    "template whose hidden sheet names another executor": (
        _xlsx({f"E{R0}": "done"}, {"executor": "МОН"}),
        [(None, None, "identity", 'made for "МОН · 2021-07-05 · № 50 (2021)", not for "МКС')]),
    "template of another round": (_xlsx({f"E{R0}": "done"}, expected_round=ROUND2),
                                  [(None, None, "identity", 'made for "МКС · 2021-07-05 · № 50 (2021)", not for '
                                                            '"МКС · 2021-12-05')]),
    "template of another decree": (_xlsx({f"E{R0}": "done"}, {"decree_number": "49"}),
                                   [(None, None, "identity", "№ 49 (2021)\", not for \"МКС · 2021-07-05 · № 50")]),
    "template of a round not in the calendar": (_xlsx({f"E{R0}": "done"}, {"round": "2021-08-01"},
                                                      expected_round=date(2021, 8, 1)),
                                                [(None, None, "not_a_round", '"2021-08-01" is not a reporting date')]),
    "template of another format version": (_xlsx({f"E{R0}": "done"}, {"version": "9"}),
                                           [(None, None, "template_damaged",
                                             'hidden sheet is damaged (key "version")')]),
    "csv: unknown status": (_csv(CSV_HEAD + f"{MINE[0]},сделано,,\n"),
                            [(2, "status", "status", "is not a status")]),
    "csv: negative and long": (_csv(CSV_HEAD + f"{MINE[0]},done,-1,\n{MINE[1]},done,,{LONG}\n"),
                               [(2, "spent_thousand_kzt", "negative_amount", "negative"),
                                (3, "comment", "comment", "characters")]),
    **{f"csv: measure number {text!r}": (_csv(CSV_HEAD + f"{text},done,,\n"),
                                         [(2, "measure_no", "unknown_measure",
                                           f'"{text}" is not the number of a measure')])
       for text in ("12¹", "١٢", "1" * 40, "12.0", "-3", "²", "１２")},
    "csv: roadmap year with a superscript digit": (
        _csv(f"roadmap_year,measure_no,status\n2021¹,{MINE[0]},done\n"),
        [(None, None, "unknown_roadmap", 'the file names the roadmap year "2021¹", which is not loaded')]),
    "csv: cp1251": (_csv("measure_no;status\n26;выполнено\n", "cp1251"),
                    [(None, None, "not_utf8", 'Windows-1251'), (None, None, "not_utf8", "CSV UTF-8")]),
    "csv: utf-16": (_csv("measure_no\tstatus\n26\tdone\n", "utf-16"), [(None, None, "not_utf8", "CSV UTF-8")]),
    "csv: no heading": (_csv("a,b\n1,2\n"), [(None, None, "header", "no heading row")]),
    "csv: another executor in its column": (_csv(CSV_HEAD.replace("measure_no", "executor,measure_no")
                                                 + f"МОН,{MINE[0]},done,,\n"),
                                            [(None, None, "identity", 'made for "МОН · 2021-07-05')]),
    "csv: a round that is no date": (_csv(CSV_HEAD.replace("measure_no", "round,measure_no")
                                          + f"5 июля,{MINE[0]},done,,\n"),
                                     [(None, None, "identity", 'made for "МКС · 5 июля')]),
    "csv: identity differs between rows": (
        _csv(f"executor,measure_no,status\n{EXECUTOR},{MINE[0]},done\nМОН,{MINE[1]},done\n"),
        [(3, "executor", "identity_row", '"МОН" differs from "МКС"')]),
    "empty csv": (_raw(b"", "report.csv"), [(None, None, "empty", "the file is empty")]),
    "empty xlsx": (_raw(b"\xef\xbb\xbf \r\n", "report.xlsx"), [(None, None, "empty", "the file is empty")]),
    "encrypted workbook": (_raw((FIXTURES / "report_encrypted.xlsx").read_bytes(), "report.xlsx"),
                           [(None, None, "encrypted", "password-protected")]),
    "old xls": (_raw(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), "report.xls"),
                [(None, None, "not_xlsx", "an old .xls file")]),
    "not a workbook": (_raw(os.urandom(300), "report.xlsx"), [(None, None, "not_xlsx", "neither an XLSX workbook")]),
    "a zip but no workbook": (_raw(_zip("word/document.xml"), "report.xlsx"),
                              [(None, None, "not_xlsx", "neither an XLSX workbook")]),
    "a pdf": (_raw(b"%PDF-1.7\n" + os.urandom(100), "report.pdf"), [(None, None, "not_xlsx", "neither an XLSX")]),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_refused_with_its_row_and_column_and_nothing_is_written(case, tmp_path, capsys):
    build, expected = BAD[case]
    data, name, kwargs = build()
    executor = kwargs.pop("expected_executor", EXECUTOR)
    round_ = kwargs.pop("expected_round", ROUND1)
    problems = check(data, name, executor, expected_round=round_, **kwargs)
    assert isinstance(problems, list) and problems, problems
    assert all(isinstance(p, Problem) for p in problems)
    for row, column, code, text in expected:
        assert any(p.row == row and p.column == column and p.code == code and text in p.message for p in problems), \
            (row, column, code, text, [str(p) for p in problems])

    # The operator's CLI: exit 1, one line per problem naming the file, nothing written.
    path = tmp_path / name
    path.write_bytes(data)
    reports_dir = tmp_path / "reports"
    argv = ["submit", str(path), "--reports", str(reports_dir), "--data", str(DATA), "--executor", executor,
            "--round", round_.isoformat(), "--lang", "en"]
    assert cli.main(argv) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{path}: {p}" for p in problems]
    assert not reports_dir.exists()


def test_a_row_problem_reads_as_the_brief_shows_it():
    problems = check(fill(template(), {"E7": "сделано"}))
    assert [str(p) for p in problems] == [f'row 7, column "Status": "сделано" is not a status ({RU_STATUSES})']
    assert str(Problem("formula", 5, "J")).startswith('row 5, column "J": a formula is not accepted')
    assert Problem("status", 7, "status", {"value": "сделано", "statuses": RU_STATUSES}).line(ru) == (
        f"строка 7, столбец «Статус исполнения»: «сделано» — не статус (допустимы: {RU_STATUSES})")


def test_ten_thousand_rows_are_refused_at_once_with_one_problem():
    text = CSV_HEAD + "".join(f"{MINE[0]},done,,\n" for _ in range(10_000))
    started = time.perf_counter()
    problems = check(text.encode(), "big.csv", expected_round=ROUND1)
    assert time.perf_counter() - started < 1.0
    assert len(problems) == 1 and problems[0].code == "rows_limit", problems
    assert f"more than {len(MINE) + EXTRA_ROWS} filled rows, but МКС has {len(MINE)}" in str(problems[0])

    sheet_rows = [[f"{MINE[0]}", "done"]] * 10_000
    book = openpyxl.Workbook()
    book.active.append(["measure_no", "status"])
    for row in sheet_rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    started = time.perf_counter()
    problems = check(out.getvalue(), "big.xlsx", expected_round=ROUND1)
    assert time.perf_counter() - started < 2.0
    assert [p.code for p in problems] == ["rows_limit"]


def test_problems_are_capped_with_a_count_of_the_rest():
    region = "Атырауская область"
    limit = len(assigned(MEASURES, region))
    text = CSV_HEAD + "".join(f"{1000 + i},сделано,-1,\n" for i in range(limit + 50))
    problems = validate(text.encode(), "r.csv", MEASURES, META, region, expected_round=ROUND1)
    assert len(problems) == MAX_PROBLEMS + 1
    total = 3 * (limit + 50) + 1  # three per row, and the row count
    assert str(problems[-1]) == f"… and {total - MAX_PROBLEMS} more problems"
    assert all(p.row is not None for p in problems[:-1])


# --- storage ---------------------------------------------------------------------------------------------------


def test_the_same_file_twice_is_stored_once(tmp_path):
    submission = check(filled(), expected_round=ROUND1)
    first = store(submission, tmp_path, "user:a", datetime(2021, 7, 1, tzinfo=UTC))
    again = store(submission, tmp_path, "user:b")
    assert first.stored and not again.stored
    assert again.path == first.path and again.submitter == "user:a"
    assert again.submitted_at == datetime(2021, 7, 1, tzinfo=UTC)  # when the first stored it
    assert len(list(tmp_path.glob("*.parquet"))) == 1
    # The same bytes for another round are another submission (a CSV does not say its round).
    text = f"measure_no,status\n{MINE[0]},done\n".encode()
    one, two = (check(text, "r.csv", expected_round=r) for r in (ROUND1, ROUND2))
    assert store(one, tmp_path, "u").stored and store(two, tmp_path, "u").stored
    assert not store(one, tmp_path, "u").stored
    assert len(list(tmp_path.glob("*.parquet"))) == 3


def test_a_writer_stopped_between_its_two_links_is_completed_by_the_next_attempt(tmp_path):
    """The claim (.claim-<key>) is linked first, the final name second: with only the claim there, storing the
    same file again gives the claimed file its name instead of storing a second copy."""
    submission = check(filled(), expected_round=ROUND1)
    first = store(submission, tmp_path, "user:a")
    first.path.unlink()  # as if killed right after the claim
    assert list(tmp_path.glob("*.parquet")) == []
    again = store(submission, tmp_path, "user:b")
    assert not again.stored and again.path == first.path and again.submitter == "user:a"
    assert read_log(tmp_path).num_rows == 3


def _csv_report(status: str, round_: date = ROUND1) -> Submission:
    result = check(f"measure_no,status\n{MINE[0]},{status}\n".encode(), "r.csv", expected_round=round_)
    assert isinstance(result, Submission), result
    return result


def _latest_status(directory) -> str:
    [row] = latest_rows(read_log(directory), round=ROUND1, executor=EXECUTOR)
    return row["status"]


def test_an_earlier_file_uploaded_again_is_the_latest_report_again(tmp_path):
    """A (in progress), then B (done), then A again to correct B: A is stored anew and its status counts;
    only A once more, now the latest, is "already stored"."""
    a, b = _csv_report("in progress"), _csv_report("done")
    first = store(a, tmp_path, "user:a")
    assert store(b, tmp_path, "user:b").stored and _latest_status(tmp_path) == "done"
    again = store(a, tmp_path, "user:c")
    assert again.stored and again.path != first.path and again.submitted_at > first.submitted_at
    assert _latest_status(tmp_path) == "in_progress"
    assert len(list(tmp_path.glob("*.parquet"))) == 3
    repeat = store(a, tmp_path, "user:d")
    assert not repeat.stored and repeat.path == again.path and repeat.submitter == "user:c"
    assert len(list(tmp_path.glob("*.parquet"))) == 3
    # Another executor's or round's file does not count as the latest.
    assert store(_csv_report("done", ROUND2), tmp_path, "user:b").stored
    assert not store(a, tmp_path, "user:d").stored


def test_a_new_submission_is_the_latest_even_when_the_clock_is_behind(tmp_path):
    a, b = _csv_report("in progress"), _csv_report("done")
    future = datetime(2099, 1, 1, tzinfo=UTC)
    assert store(a, tmp_path, "u", future).stored
    later = store(b, tmp_path, "u")  # now, which is before the latest file's time
    assert later.submitted_at == future + timedelta(microseconds=1) and _latest_status(tmp_path) == "done"


def _same_bytes_for_two_rounds() -> tuple[Submission, Submission]:
    """Two different submissions (one per round) of the same bytes: at the same microsecond, the same name."""
    one, two = _csv_report("done", ROUND1), _csv_report("done", ROUND2)
    assert one.file_sha256 == two.file_sha256 and one.key != two.key
    return one, two


def _assert_kept(directory, *submissions: Submission) -> None:
    """Each submission is in exactly one whole stored file, and nothing else is."""
    files = sorted(directory.glob("*.parquet"))
    assert len(files) == len(submissions)
    kept = sorted((t["round"][0].as_py(), t["executor"][0].as_py(), t.num_rows)
                  for t in map(pq.read_table, files))
    assert kept == sorted((s.round, s.executor, len(s.rows)) for s in submissions)
    assert not list(directory.glob(".tmp-*"))


def _taken_meanwhile(monkeypatch, directory, others: list[Submission]) -> list:
    """Make another submission take the final name while a store writes its temporary file (as a concurrent
    writer would, between the check that the name is free and the link)."""
    real, results = write_temporary, []

    def write(where, table):
        if others and table["submitter"][0].as_py() != "user:other":  # not the other's own temporary file
            results.append(store(others.pop(0), directory, "user:other", table["submitted_at"][0].as_py()))
        return real(where, table)

    monkeypatch.setattr(store_module, "write_temporary", write)
    return results


def test_a_name_taken_by_another_submission_meanwhile_loses_neither(tmp_path, monkeypatch):
    one, two = _same_bytes_for_two_rounds()
    when = datetime(2021, 7, 1, 12, tzinfo=UTC)
    taken = _taken_meanwhile(monkeypatch, tmp_path, [two])
    result = store(one, tmp_path, "user:one", when)
    [other] = taken
    assert other.stored and other.path.name == file_name_for(when, two.file_sha256)
    assert result.stored and result.path.name == file_name_for(when + timedelta(microseconds=1),
                                                                      one.file_sha256)
    assert pq.read_table(other.path)["round"][0].as_py() == ROUND2
    assert pq.read_table(result.path)["round"][0].as_py() == ROUND1
    _assert_kept(tmp_path, one, two)
    assert not store(one, tmp_path, "u").stored and not store(two, tmp_path, "u").stored
    _assert_kept(tmp_path, one, two)


def test_a_claim_whose_name_another_submission_took_is_stored_under_a_new_name(tmp_path):
    """A writer killed between its two links leaves a claim; another submission takes the claimed name; the next
    attempt must store the claimed submission anew, not report the other file as it."""
    one, two = _same_bytes_for_two_rounds()
    when = datetime(2021, 7, 1, 12, tzinfo=UTC)
    first = store(one, tmp_path, "user:one", when)
    first.path.unlink()  # as if killed right after the claim
    other = store(two, tmp_path, "user:two", when)
    assert other.stored and other.path == first.path  # the same name, another submission
    again = store(one, tmp_path, "user:one")
    assert again.stored and again.path != other.path
    assert pq.read_table(again.path)["round"][0].as_py() == ROUND1
    assert pq.read_table(other.path)["round"][0].as_py() == ROUND2
    _assert_kept(tmp_path, one, two)
    assert not store(one, tmp_path, "u").stored
    _assert_kept(tmp_path, one, two)


def test_store_gives_up_only_when_every_name_is_taken(tmp_path, monkeypatch):
    one = _csv_report("done")
    others = [Submission(2021, "50", ROUND1, f"other {i}", one.rows, "r.csv", one.file_sha256) for i in range(3)]
    monkeypatch.setattr(store_module, "STORE_ATTEMPTS", 3)
    taken = _taken_meanwhile(monkeypatch, tmp_path, list(others))
    with pytest.raises(StoreConflict):
        store(one, tmp_path, "user:one", datetime(2021, 7, 1, tzinfo=UTC))
    assert all(r.stored for r in taken) and len(taken) == 3
    _assert_kept(tmp_path, *others)


def test_without_hard_links_an_existing_file_is_never_replaced(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(store_module.os, "link", no_links)
    one, two = _same_bytes_for_two_rounds()
    when = datetime(2021, 7, 1, 12, tzinfo=UTC)
    taken = _taken_meanwhile(monkeypatch, tmp_path, [two])
    result = store(one, tmp_path, "user:one", when)
    [other] = taken
    assert other.stored and result.stored and result.path != other.path
    assert pq.read_table(other.path)["round"][0].as_py() == ROUND2  # not replaced by one
    _assert_kept(tmp_path, one, two)
    assert not list(tmp_path.glob(".claim-*"))
    assert stat.S_IMODE(result.path.stat().st_mode) & 0o222 == 0  # read-only by its mode bits, whoever runs this
    assert not store(one, tmp_path, "u").stored
    b = _csv_report("in progress")
    assert store(b, tmp_path, "u").stored and store(one, tmp_path, "u").stored  # A, B, A here too
    assert _latest_status(tmp_path) == "done"


def test_the_store_directory_defaults_to_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ROADMAP_REPORTS", str(tmp_path / "shared"))
    result = store(check(filled(), expected_round=ROUND1), submitter="u")
    assert result.path.parent == tmp_path / "shared"
    assert read_log().num_rows == 3
    monkeypatch.delenv("ROADMAP_REPORTS")
    assert reports_dir() == ROOT / "data" / "reports"


def _csv_submission(executor: str, i: int) -> Submission:
    measures = [no for _, no in assigned(MEASURES, executor)]
    text = "measure_no,status,spent_thousand_kzt,comment\n" + "".join(
        f"{no},{STATUSES[(i + k) % 4]},{i * 100 + k},{executor} {i} {k}\n" for k, no in enumerate(measures))
    result = validate(text.encode(), f"{i}.csv", MEASURES, META, executor, expected_round=ROUND1)
    assert isinstance(result, Submission), result
    return result


def test_ten_submissions_stored_at_once_are_all_kept_and_none_mixed(tmp_path):
    names = executors(MEASURES, 2021)
    submissions = [_csv_submission(names[i % len(names)], i) for i in range(10)]
    barrier = threading.Barrier(10)
    results: list = [None] * 10

    def work(i: int) -> None:
        barrier.wait()
        results[i] = store(submissions[i], tmp_path, f"user:{i}", datetime(2021, 7, 1, tzinfo=UTC))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r is not None and r.stored for r in results)
    assert len({r.path for r in results}) == 10 == len(list(tmp_path.glob("*.parquet")))
    for submission, result in zip(submissions, results):
        table = pq.read_table(result.path)
        assert set(table["file_sha256"].to_pylist()) == {submission.file_sha256}
        assert set(table["executor"].to_pylist()) == {submission.executor}
        assert table["comment"].to_pylist() == [r.comment for r in submission.rows]


def test_the_same_submission_stored_from_ten_threads_at_once_is_stored_once(tmp_path):
    submission = _csv_submission(EXECUTOR, 1)
    barrier = threading.Barrier(10)
    results: list = []

    def work(i: int) -> None:
        barrier.wait()
        results.append(store(submission, tmp_path, f"user:{i}"))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.stored for r in results) == [False] * 9 + [True]
    assert len({r.path for r in results}) == 1 and len(list(tmp_path.glob("*.parquet"))) == 1


WRITER = """
import hashlib, os, sys
from datetime import date
from reporting.store import store
from reporting.validate import ReportRow, Submission

directory, seed = sys.argv[1], sys.argv[2]
rows = tuple(ReportRow(2021, n, "done", float(n), os.urandom(60).hex()) for n in range(1, 40_001))
print("ready", flush=True)
i = 0
while True:
    sha = hashlib.sha256(f"{seed}-{i}".encode()).hexdigest()
    store(Submission(2021, "50", date(2021, 7, 5), "МКС", rows, "big.csv", sha), directory, "kill-test")
    print(sha, flush=True)
    i += 1
"""


def test_a_writer_killed_at_any_moment_leaves_no_partial_report(tmp_path):
    """SIGKILL a process storing large submissions, at random moments and while a temporary file exists: every
    *.parquet left reads whole, and nothing half written matches the glob."""
    rng = random.Random(20210705)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stored: set[str] = set()
    for run in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"run{run}"], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        if run % 2:
            deadline = time.monotonic() + 10
            while not list(tmp_path.glob(".tmp-*")) and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.02))
        else:
            time.sleep(rng.uniform(0.05, 0.8))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=10)
        done = out.split()
        stored |= set(done)
        # The submission it was writing when killed, stored again: kept once, whatever stage it had reached.
        cut = hashlib.sha256(f"run{run}-{len(done)}".encode()).hexdigest()
        store(Submission(2021, "50", ROUND1, EXECUTOR, (ReportRow(2021, 1, "done"),), "big.csv", cut),
                      tmp_path, "retry")
        assert len(list(tmp_path.glob(f"*-{cut[:16]}.parquet"))) == 1
        stored.add(cut)
        for path in tmp_path.glob("*.parquet"):
            table = pq.read_table(path)
            assert table.num_rows in (1, 40_000) and len(table["file_sha256"].unique()) == 1, path
            assert path.name.endswith(f"-{table['file_sha256'][0].as_py()[:16]}.parquet")
        assert all(p.name.endswith(".parquet") or p.name.startswith(".") for p in tmp_path.iterdir())
    on_disk = {pq.read_table(p, columns=["file_sha256"])["file_sha256"][0].as_py() for p in tmp_path.glob("*.parquet")}
    assert stored <= on_disk  # every store that returned is there
    assert len(on_disk) == len(list(tmp_path.glob("*.parquet")))  # and once
    assert read_log(tmp_path).num_rows == sum(pq.read_metadata(p).num_rows for p in tmp_path.glob("*.parquet"))


# --- the CLI ---------------------------------------------------------------------------------------------------


def test_cli_stores_then_finds_it_stored_then_shows_changes(tmp_path, capsys):
    path = tmp_path / "МКС.xlsx"
    path.write_bytes(filled())
    reports_dir = tmp_path / "reports"
    base = ["--data", str(DATA)]
    whose = ["--executor", EXECUTOR, "--round", ROUND1.isoformat()]

    assert cli.main(["check", str(path), *whose, *base]) == 0
    assert capsys.readouterr().out == (f"{path}: файл верен: МКС, отчётная дата 2021-07-05, дорожная карта 2021 года "
                                       "(постановление № 50): мероприятий с отчётом — 3, без отчёта — "
                                       f"{len(MINE) - 3}; ничего не сохранено (проверка)\n")
    assert not reports_dir.exists()

    # The executor and the round are the operator's to say: a template's own record is only checked against them.
    assert cli.main(["submit", str(path), "--reports", str(reports_dir), *base]) == 1
    assert "--executor" in capsys.readouterr().err and not reports_dir.exists()

    assert cli.main(["submit", str(path), *whose, "--reports", str(reports_dir), *base]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(rf"сохранён {re.escape(str(reports_dir))}/\d{{8}}T\d{{6}}\.\d{{6}}Z-[0-9a-f]{{16}}\.parquet "
                        r"\(строк: 3\): МКС, отчётная дата 2021-07-05, .*\n", out), out
    assert cli.main(["submit", str(path), *whose, "--reports", str(reports_dir), *base]) == 0
    assert capsys.readouterr().out.startswith(f"уже сохранён {reports_dir}/")
    assert set(read_log(reports_dir)["submitter"].to_pylist()) == {f"operator:{_os_user()}"}

    path2 = tmp_path / "МКС-2.xlsx"
    path2.write_bytes(fill(template(), {f"E{R0}": "не выполнено", f"F{R0}": 1500, f"G{R0}": "Нет подрядчика",
                                        f"E{R2}": "не начато", f"E{ROW[MINE[4]]}": "выполнено"}))
    assert cli.main(["submit", str(path2), *whose, "--submitter", "Иванов И.", "--reports", str(reports_dir),
                     *base]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("сохранён ") and out[1:] == [
        f"  № {MINE[0]}: Выполнено → Не выполнено", f"  № {MINE[0]}: комментарий изменён",
        f"  Впервые: мероприятия {MINE[4]}.", f"  Нет в этом файле (в силе прежний отчёт): мероприятия {MINE[1]}."]

    # list: one line per stored file, oldest first; the typed name is kept beside the operator's account.
    assert cli.main(["list", "--reports", str(reports_dir)]) == 0
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    stored = sorted(p.stem for p in reports_dir.glob("*.parquet"))
    assert [row[0] for row in listed] == stored
    assert [row[1:3] for row in listed] == [[EXECUTOR, "2021-07-05"]] * 2
    assert [row[4] for row in listed] == ["3", "3"]
    assert [row[5] for row in listed] == [f"operator:{_os_user()}", f"operator:{_os_user()} for Иванов И."]
    assert cli.main(["list", "--reports", str(reports_dir), "--executor", "МОН"]) == 0
    assert capsys.readouterr().out == ""
    assert cli.main(["list", "--reports", str(reports_dir), "--round", "2021-12-05"]) == 0
    assert capsys.readouterr().out == ""


def test_cli_template_subcommand_writes_a_template_that_validates(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert cli.main(["template", "--executor", EXECUTOR, "--round", "2021-12-05", "--out", str(out),
                         "--lang", "kk", "--data", str(DATA)]) == 0
    assert capsys.readouterr().out == (f"жазылды: {out}: МКС, іс-шаралар саны — {len(MINE)}, "
                                       "есеп беру күні — 2021-12-05\n")
    result = check(fill(out.read_bytes(), {f"E{R0}": "орындалды"}), expected_round=ROUND2)
    assert isinstance(result, Submission) and result.round == ROUND2
    assert cli.main(["template", "--executor", EXECUTOR, "--round", "2021-12-06", "--out", str(out),
                         "--data", str(DATA)]) == 1
    assert cli.main(["template", "--executor", "Нет такого", "--round", "2021-12-05", "--out", str(out),
                         "--data", str(DATA)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "ошибка: 2021-12-06 не является отчётной датой ни одной загруженной дорожной карты",
        "ошибка: у исполнителя Нет такого нет мероприятий в дорожной карте 2021 года"]


def test_cli_as_a_program(tmp_path):
    """`python -m reporting` as the operator runs it: exit codes and output lines, in Russian by default."""
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(filled())
    bad.write_bytes(fill(template(), {f"E{R0}": "сделано", f"F{R1}": -1, f"E{R1}": "done"}))
    reports_dir = tmp_path / "reports"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "reporting", "submit", *args, "--executor", EXECUTOR, "--round",
                               ROUND1.isoformat(), "--reports", str(reports_dir), "--data", str(DATA)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)

    failed = run(str(bad))
    assert failed.returncode == 1 and not reports_dir.exists()
    assert failed.stdout.splitlines() == [
        f"{bad}: строка {R0}, столбец «Статус исполнения»: «сделано» — не статус (допустимы: {RU_STATUSES})",
        f"{bad}: строка {R1}, столбец «Израсходовано, тыс. тенге»: сумма -1 отрицательна: израсходовано может быть 0 "
        "или больше"]
    assert failed.stderr == ""
    in_kazakh = run(str(bad), "--lang", "kk")
    assert in_kazakh.stdout.splitlines()[0] == (
        f"{bad}: {R0}-жол, «Орындалу күйі» бағаны: «сделано» — күй емес (рұқсат етілгендері: {RU_STATUSES})")
    first, second = run(str(good)), run(str(good))
    assert (first.returncode, second.returncode) == (0, 0)
    assert first.stdout.startswith("сохранён ") and second.stdout.startswith("уже сохранён ")
    assert len(list(reports_dir.glob("*.parquet"))) == 1


# --- reading back: latest rows, changes, the status rule, coverage --------------------------------------------


def _row(executor: str, no: int, status: str, at: int, spent: float | None = None, round_: date = ROUND1) -> dict:
    return {"roadmap_year": 2021, "decree_number": "50", "round": round_, "executor": executor, "measure_no": no,
            "status": status, "spent_thousand_kzt": spent, "comment": None, "submitter": "u",
            "submitted_at": datetime(2021, 7, 1, tzinfo=UTC) + timedelta(hours=at), "file_sha256": f"{at:064x}",
            "file_name": "f"}


def test_latest_rows_keep_the_last_word_per_measure_and_executor():
    log = [_row("МКС", 26, "in_progress", 1), _row("МКС", 41, "not_started", 1), _row("МКС", 26, "done", 2),
           _row("МОН", 26, "not_started", 3), _row("МКС", 26, "not_done", 4, round_=ROUND2)]
    latest = latest_rows(log, round=ROUND1)
    assert [(r["executor"], r["measure_no"], r["status"]) for r in latest] == [
        ("МКС", 26, "done"), ("МОН", 26, "not_started"), ("МКС", 41, "not_started")]
    assert [r["status"] for r in latest_rows(log, round=ROUND1, executor="МКС")] == ["done", "not_started"]


def test_changes_since_the_previous_submission():
    previous = [_row("МКС", 26, "in_progress", 1, 10.0), _row("МКС", 41, "not_started", 1),
                _row("МКС", 42, "done", 1, 5.0)]
    new = [ReportRow(2021, 26, "done", 12.5), ReportRow(2021, 41, "not_started"), ReportRow(2021, 46, "in_progress")]
    result = changes(previous, new)
    assert result.status_changed == (((2021, 26), "in_progress", "done"),)
    assert result.spent_changed == (((2021, 26), 10.0, 12.5),)
    assert result.newly_reported == ((2021, 46),) and result.unchanged == ((2021, 41),)
    assert result.left_out == ((2021, 42),) and not result.first_report
    assert result.lines(en) == ["No. 26: In progress → Done", "No. 26: spent: 10.0 → 12.5",
                                "First reported: measures 46.",
                                "Not in this file (the earlier report stands): measures 42."]
    assert changes([], new).first_report and changes([], new).newly_reported == ((2021, 26), (2021, 41), (2021, 46))


A, B, C = "МКС", "МОН", "Атырауская область"
STATUS_RULE = [
    # reported (executor → latest status)            executors of the measure   the measure's status
    ({}, (A, B), NOT_REPORTED),
    ({C: "done"}, (A, B), NOT_REPORTED),  # a report by someone not assigned does not count
    ({A: "done"}, (A,), "done"),
    ({A: "done", B: "done"}, (A, B), "done"),
    ({A: "done"}, (A, B), "in_progress"),  # one executor still to report
    ({A: "done", B: "not_started"}, (A, B), "in_progress"),
    ({A: "in_progress"}, (A, B), "in_progress"),
    ({A: "not_started", B: "in_progress"}, (A, B), "in_progress"),
    ({A: "not_started"}, (A, B), "not_started"),
    ({A: "not_started", B: "not_started"}, (A, B), "not_started"),
    ({A: "not_done"}, (A,), "not_done"),
    ({A: "done", B: "not_done"}, (A, B), "not_done"),  # any not_done wins
    ({A: "in_progress", B: "not_done", C: "done"}, (A, B, C), "not_done"),
    ({A: "done", B: "done", C: "done"}, (A, B, C), "done"),
]


@pytest.mark.parametrize(("reported", "executors_of_measure", "expected"), STATUS_RULE)
def test_the_status_rule(reported, executors_of_measure, expected):
    assert measure_status(reported, executors_of_measure) == expected
    assert expected in MEASURE_STATUSES


def test_round_status_and_coverage_over_stored_reports():
    executors_of = {no: m + a for no, m, a in zip(*(MEASURES[c].to_pylist()
                                                    for c in ("measure_no", "ministries", "akimats")))}
    solo = next(no for no in MINE if executors_of[no] == [EXECUTOR])
    shared = next(no for no in MINE if len(executors_of[no]) > 1)
    log = [_row(EXECUTOR, solo, "done", 1), _row(EXECUTOR, shared, "done", 1),
           _row("МОН", solo, "not_started", 2, round_=ROUND2)]
    status = round_status(latest_rows(log, round=ROUND1), MEASURES, 2021)
    assert len(status) == 67 and (status[solo], status[shared]) == ("done", "in_progress")
    assert sum(s == NOT_REPORTED for s in status.values()) == 65
    cover = coverage(log, MEASURES, 2021, "50", ROUND1)
    expected = executors(MEASURES, 2021)
    assert cover.reported == (EXECUTOR,) and cover.expected == tuple(expected) and len(expected) == 6 + 17
    assert str(cover) == "1 / 23 executors reported" and EXECUTOR not in cover.missing


# --- vocabulary and boundaries -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_catalogue_status_label_and_heading_is_accepted(code):
    t = LANGUAGES[code]
    assert list(t.REPORT_STATUS_LABELS) == list(STATUSES)
    assert {status_code(label) for label in t.REPORT_STATUS_LABELS.values()} == set(STATUSES)
    assert all(status_code(f"  {label.upper()} ") == s for s, label in t.REPORT_STATUS_LABELS.items())
    assert STATUS_LABELS[code] == t.REPORT_STATUS_LABELS
    assert COLUMN_LABELS[code] == t.REPORT_COLUMNS
    assert all(column_code(label) == c for c, label in t.REPORT_COLUMNS.items())
    # What Excel allows in a data validation: a list of at most 255 characters, without commas in an item;
    # messages of at most 255, titles of at most 32.
    assert len(",".join(t.REPORT_STATUS_LABELS.values())) < 255
    assert not any("," in label for label in t.REPORT_STATUS_LABELS.values())
    assert len(t.REPORT_ERROR_TITLE) <= 32 and len(t.REPORT_COLUMNS["status"]) <= 32  # the prompt's title
    for text in (t.REPORT_STATUS_ERROR, t.REPORT_SPENT_ERROR, t.REPORT_COMMENT_ERROR, t.REPORT_STATUS_PROMPT):
        assert len(text.format(labels=", ".join(t.REPORT_STATUS_LABELS.values()), limit=COMMENT_MAX)) <= 255


@pytest.mark.parametrize(("text", "code"), [
    ("done", "done"), ("DONE", "done"), (" in_progress ", "in_progress"), ("In Progress", "in_progress"),
    ("not_started", "not_started"), ("Не  выполнено", "not_done"), ("ВЫПОЛНЕНО", "done"),
    ("Орындалуда", "in_progress"), ("басталған жоқ", "not_started"), ("ОРЫНДАЛМАДЫ", "not_done"),
    ("\u00a0в работе\u00a0", "in_progress"), ("сделано", None), ("", None), ("выполнено!", None),
])
def test_status_spellings(text, code):
    assert status_code(text) == code


def test_the_log_skips_what_is_no_report_as_the_app_does(tmp_path, capsys):
    """A foreign file named *.parquet and a claim (a hard link to a report, named with a leading dot) neither
    break reading nor count twice; the CLI still stores, and says which file it skipped."""
    stored = store(_csv_report("done"), tmp_path, "first")
    (tmp_path / "x.parquet").write_bytes(b"not parquet at all")
    os.link(stored.path, tmp_path / ".claim-copy.parquet")
    unreadable: list = []
    assert read_log(tmp_path, unreadable).num_rows == 1
    assert unreadable == [tmp_path / "x.parquet"]
    csv_file = tmp_path.parent / "later.csv"
    csv_file.write_text(f"measure_no,status\n{MINE[0]},in_progress\n", encoding="utf-8")
    code = cli.main(["submit", str(csv_file), "--executor", EXECUTOR, "--round", ROUND1.isoformat(),
                     "--reports", str(tmp_path), "--data", str(DATA), "--submitter", "operator"])
    assert code == 0
    assert "предупреждение: " + ru.CLI_FILE_SKIPPED.format(path=tmp_path / "x.parquet") in capsys.readouterr().err
    assert _latest_status(tmp_path) == "in_progress"


def test_the_apps_measures_table_checks_deadlines_as_the_datasets_does():
    """The app hands validate its measures through pandas, where dates become timestamps: a late status still
    needs its reasons (a comparison of a timestamp with the round's date once raised inside the server)."""
    from roadmap.queries import RoadmapDB

    db = RoadmapDB.open(DATA)
    text = b"measure_no,status\n25,in progress\n"  # ended 31 March 2021, before the round of 5 July
    problems = validate(text, "r.csv", db.report_measures(), db.report_metadata, "Атырауская область",
                        expected_round=ROUND1)
    assert [p.code for p in problems] == ["late_reason_required"]
