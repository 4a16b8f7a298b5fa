"""A filled report checked whole: a Submission, or every Problem with its row and column.

``validate`` is the one check the Reports page and the CLI share.  It cannot raise: a file it cannot read
is one problem, and anything unexpected is one "unreadable" problem and a line in the log.  Nothing is
written.

A row reports a measure when it has a status; a row with an amount or a comment but no status is a problem;
an executor's measure with no row is not reported in this file (an executor may report in parts, and a
measure left out keeps what was reported before).  A file reporting nothing is refused, and so is one with
more filled rows than the executor has measures (past ``len(measures) + EXTRA_ROWS`` reading stops).
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from . import identity as who
from .cells import blank, number, text, whole
from .decrees import Decree, as_table, deadlines, decrees, executors_by_measure
from .fileformat import COLUMN_LABELS, FILLED_COLUMNS, IDENTITY_COLUMNS, column_code
from .limits import COMMENT_MAX, EXCEL_CELL_MAX, EXTRA_ROWS, HEADER_SCAN_ROWS
from .problems import Problem, Problems, Refused, cut
from .reader import CellTooLong, Row, Sheet, open_sheet, read_bytes
from .vocabulary import STATUS_LABELS, STATUSES, norm, status_code
from .xlsx import column_letter

log = logging.getLogger("reporting")


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
        written = f"{self.file_sha256}\n{self.roadmap_year}\n{self.decree_number}\n{self.round}\n{self.executor}"
        return hashlib.sha256(written.encode("utf-8")).hexdigest()


def validate(source: bytes | str | os.PathLike, filename: str, measures: pa.Table, metadata: Mapping[Any, Any],
             executor: str, *, expected_round: date, expected_decree: tuple[int, str] | None = None
             ) -> Submission | list[Problem]:
    """Check `executor`'s report for the round `expected_round` whole.

    `source` is the file's bytes or its path; `filename` the name it was uploaded under (stored, and used to
    tell a CSV from other files).  `measures`: the roadmap's measures (roadmap_year, measure_no, ministries,
    akimats); `metadata`: the decree's parquet metadata, or several decrees' keyed by roadmap year;
    `expected_decree` (roadmap_year, decree_number) when the caller knows it."""
    sheet: Sheet | None = None
    try:
        data = read_bytes(source)
        sheet = open_sheet(data, filename)
        return _check(sheet, data, filename, as_table(measures), decrees(metadata), Problems(), executor,
                      expected_round, expected_decree)
    except Refused as refused:
        return [refused.problem]
    except CellTooLong as long:
        return [Problem("cell_too_long", long.row, column_letter(long.index + 1),
                        {"length": long.length, "limit": EXCEL_CELL_MAX})]
    except Exception as exc:  # a fault of ours or of a library: the file is refused, the server goes on
        log.exception("reporting: validating %r failed", cut(filename))
        return [Problem("unreadable", params={"reason": type(exc).__name__})]
    finally:
        if sheet is not None and sheet.close is not None:
            try:
                sheet.close()
            except Exception:  # closing a damaged workbook must not turn a verdict into a traceback
                log.warning("reporting: closing %r failed", cut(filename), exc_info=True)


def _heading(rows: Iterator[Row], problems: Problems) -> tuple[dict[str, int], int | None, dict[str, int]]:
    """The heading row (the first, among HEADER_SCAN_ROWS, naming the measure and status columns): column code
    → index, its row number, and votes for the template's language.  A formula above it counts too."""
    lang_votes: dict[str, int] = {}
    for row_no, values, formulas in rows:
        for i in sorted(formulas):
            problems.add("formula", row_no, column_letter(i + 1))
        found: dict[str, int] = {}
        for i, value in enumerate(values):
            code = column_code(value) if isinstance(value, str) and len(value) < 200 else None
            if code and code not in found:
                found[code] = i
                for lang, labels in COLUMN_LABELS.items():  # a code ("status") says no language
                    if labels.get(code) not in (None, "№") and norm(labels[code]) == norm(value) != norm(code):
                        lang_votes[lang] = lang_votes.get(lang, 0) + 1
        if "measure_no" in found and "status" in found:
            return found, row_no, lang_votes
        if row_no >= HEADER_SCAN_ROWS:
            break
    return {}, None, lang_votes


def _check(sheet: Sheet, data: bytes, filename: str, measures: pa.Table, known: dict[int, Decree],
           problems: Problems, executor: str, round_: date,
           expected_decree: tuple[int, str] | None) -> Submission | list[Problem]:
    rows = sheet.rows
    columns, header_row, lang_votes = _heading(rows, problems)
    if header_row is None:
        labels = COLUMN_LABELS["ru"]
        return [Problem("header", params={"rows": HEADER_SCAN_ROWS, "measure": labels["measure_no"],
                                          "status": labels["status"]})]

    # Whose report, for which round of which decree.
    identity = who.Identity(lang=max(lang_votes, key=lang_votes.get) if lang_votes else "ru")
    names = {i: code for code, i in columns.items()}
    pending: list[Row] = []
    if sheet.meta is not None:
        identity_problems = who.from_template(sheet.meta, identity, known, measures, executor, round_,
                                              expected_decree)
    else:
        first = None
        for item in rows:  # the first filled row may carry identity columns
            pending.append(item)
            if any(not blank(v) for v in item[1]) or item[2]:
                first = item
                break
        values = first[1] if first else ()
        given = {c: values[columns[c]] for c in IDENTITY_COLUMNS
                 if c in columns and columns[c] < len(values) and not blank(values[columns[c]])}
        identity_problems = who.from_columns(given, identity, known, measures, executor, round_, expected_decree)
    if identity_problems:
        return identity_problems
    decree = identity.decree
    assert decree is not None and identity.round is not None
    by_measure = executors_by_measure(measures, decree.roadmap_year)
    last_days = deadlines(measures, decree.roadmap_year)
    mine = sorted(no for no, executors_of in by_measure.items() if executor in executors_of)
    limit = len(mine)

    # Every row.
    labels = STATUS_LABELS.get(identity.lang, STATUS_LABELS["ru"])
    status_list = ", ".join(labels[s] for s in STATUSES)
    seen: dict[int, int] = {}
    reported: list[ReportRow] = []
    filled = 0

    def all_rows() -> Iterator[Row]:
        yield from pending
        yield from rows

    for row_no, values, formulas in all_rows():
        if all(blank(v) for v in values) and not formulas:
            continue
        filled += 1
        if filled > limit + EXTRA_ROWS:
            return [Problem("rows_limit", params={"rows": limit + EXTRA_ROWS, "executor": executor,
                                                  "measures": limit})]
        row = _check_row(row_no, values, formulas, columns, names, identity, decree, executor, by_measure,
                         seen, status_list, problems)
        if row is not None and not row.comment:
            _check_reasons(row, row_no, identity, last_days, problems)
        if row is not None:
            reported.append(row)
    if filled > limit:
        problems.add("too_many_rows", rows=filled, executor=executor, measures=limit)
    if not reported and not problems.count:
        problems.add("nothing_reported")
    if problems.count:
        return problems.result()
    reported.sort(key=lambda r: r.measure_no)
    done = {r.measure_no for r in reported}
    return Submission(
        roadmap_year=decree.roadmap_year, decree_number=decree.number, round=identity.round, executor=executor,
        rows=tuple(reported), file_name=Path(filename or "report").name[:255],
        file_sha256=hashlib.sha256(data).hexdigest(), not_reported=tuple(no for no in mine if no not in done),
    )


def _check_row(row_no: int, values: tuple[Any, ...], formulas: frozenset[int], columns: dict[str, int],
               names: dict[int, str], identity: who.Identity, decree: Decree, executor: str,
               by_measure: dict[int, tuple[str, ...]], seen: dict[int, int], status_list: str,
               problems: Problems) -> ReportRow | None:
    before = problems.count
    for i in sorted(formulas):
        problems.add("formula", row_no, names.get(i, column_letter(i + 1)))

    def cell(code: str) -> Any:
        i = columns.get(code)
        return None if i is None or i >= len(values) or i in formulas else values[i]

    for code, expected in identity.from_columns.items():
        value = cell(code)
        if not blank(value) and text(value) != text(expected):
            problems.add("identity_row", row_no, code, value=cut(text(value)), expected=cut(text(expected)))
    raw_no, raw_status = cell("measure_no"), cell("status")
    spent_cell, comment_cell = cell("spent_thousand_kzt"), cell("comment")
    measure = None
    if blank(raw_no):
        if not all(blank(cell(code)) for code in FILLED_COLUMNS):
            problems.add("missing_measure", row_no, "measure_no")
    else:
        measure = whole(raw_no)
        if measure is None or measure not in by_measure:
            problems.add("unknown_measure", row_no, "measure_no", value=cut(text(raw_no)), year=decree.roadmap_year)
            measure = None
        elif executor not in by_measure[measure]:
            problems.add("not_assigned", row_no, "measure_no", measure=measure, executor=executor,
                         executors=_names(by_measure[measure]))
        elif measure in seen:
            problems.add("duplicate", row_no, "measure_no", measure=measure, first=seen[measure])
        else:
            seen[measure] = row_no
    status = None
    if not blank(raw_status):
        status = status_code(raw_status) if len(str(raw_status)) < 200 else None
        if status is None:
            problems.add("status", row_no, "status", value=cut(text(raw_status)), statuses=status_list)
    elif not (blank(spent_cell) and blank(comment_cell)) and "status" not in {names.get(i) for i in formulas}:
        problems.add("missing_status", row_no, "status", statuses=status_list)
    spent = None
    if not blank(spent_cell):
        spent = number(spent_cell) if len(str(spent_cell)) < 200 else None
        if spent is None:
            problems.add("amount", row_no, "spent_thousand_kzt", value=cut(text(spent_cell)))
        elif spent < 0:
            problems.add("negative_amount", row_no, "spent_thousand_kzt", value=cut(text(spent_cell)))
    comment = text(comment_cell)
    if comment is not None and len(comment) > COMMENT_MAX:
        problems.add("comment", row_no, "comment", length=len(comment), limit=COMMENT_MAX)
    if problems.count > before or status is None or measure is None:
        return None
    return ReportRow(decree.roadmap_year, measure, status, spent, comment, row_no)


def _check_reasons(row: ReportRow, row_no: int, identity: who.Identity, last_days: dict[int, date],
                   problems: Problems) -> None:
    """«Не выполнено», or anything short of «выполнено» once the deadline has passed by the round's date, needs
    a comment: the reasons and what will be done (the template says so beside the status)."""
    label = STATUS_LABELS.get(identity.lang, STATUS_LABELS["ru"])[row.status]
    if row.status == "not_done":
        problems.add("reason_required", row_no, "comment", measure=row.measure_no, status=label)
    elif row.status != "done" and identity.round is not None and row.measure_no in last_days \
            and last_days[row.measure_no] < identity.round:
        problems.add("late_reason_required", row_no, "comment", measure=row.measure_no, status=label,
                     deadline=last_days[row.measure_no].isoformat())


def _names(items: tuple[str, ...], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")
