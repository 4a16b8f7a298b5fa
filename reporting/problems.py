"""What can be wrong with a report file: every kind declared once, and the problems a check collects.

A kind is a code and what it means.  Its label (a few words) and its message (a sentence with the
problem's parameters, e.g. ``{value}``) are in every catalogue (``REPORT_PROBLEMS`` and
``REPORT_PROBLEM_MESSAGES`` in i18n/{ru,kk,en}.py); tests/test_reporting_problems.py emits every kind and
fails on one without both.  A problem names its row and column where it has them and quotes the offending
value cut to ``ECHO_MAX`` characters, so no file can make a message large.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from .limits import ECHO_MAX, MAX_PROBLEMS


@dataclass(frozen=True)
class Kind:
    code: str
    means: str


KINDS: dict[str, Kind] = {k.code: k for k in (
    # The file as a whole
    Kind("empty", "the file holds nothing"),
    Kind("too_large", "the file, or a part of the workbook once unpacked, is larger than a report can be"),
    Kind("unreadable", "the file cannot be read (the disk, or a fault of the reader; the server log has it)"),
    Kind("not_a_file", "the path names a device, a pipe or a directory, not a regular file"),
    Kind("encrypted", "the workbook is password-protected"),
    Kind("not_xlsx", "the file is neither an XLSX workbook nor CSV text"),
    Kind("not_csv", "the CSV text cannot be parsed"),
    Kind("not_utf8", "the CSV text is not UTF-8"),
    Kind("too_many_sheets", "the workbook has more sheets than a report"),
    Kind("too_many_strings", "the workbook's table of texts is larger than a report's"),
    Kind("sheet_too_large", "the sheet declares more rows or cells than a report can have"),
    Kind("header", "no heading row naming the measure and status columns"),
    # Whose report it is
    Kind("identity", "the file is for another executor, round or decree than the one chosen"),
    Kind("template_damaged", "the template's hidden sheet is missing a key, or names an unsupported version"),
    Kind("unknown_roadmap", "the file names a roadmap year that is not loaded"),
    Kind("unknown_executor", "the executor is not an executor of the roadmap"),
    Kind("not_a_round", "the date is not a reporting date of the roadmap"),
    Kind("identity_row", "a row names another executor, round or decree than the first row"),
    # Rows and cells
    Kind("too_many_rows", "more filled rows than the executor has measures"),
    Kind("rows_limit", "far more filled rows than the executor has measures: reading stopped"),
    Kind("nothing_reported", "no row has a status"),
    Kind("formula", "a cell holds a formula"),
    Kind("cell_too_long", "a cell is longer than its column allows"),
    Kind("missing_measure", "a filled row without a measure number"),
    Kind("unknown_measure", "the measure number is not a number, or not a measure of the roadmap"),
    Kind("not_assigned", "the measure is not assigned to this executor"),
    Kind("duplicate", "the measure is on an earlier row too"),
    Kind("status", "the status is not one of the statuses"),
    Kind("missing_status", "an amount or a comment without a status"),
    Kind("amount", "the amount spent is not a number of thousand tenge"),
    Kind("negative_amount", "the amount spent is negative"),
    Kind("comment", "the comment is longer than allowed"),
    Kind("reason_required", "a measure reported not done, without a comment giving the reasons"),
    Kind("late_reason_required", "a measure not done after its deadline, without a comment giving the reasons"),
    Kind("more", "more problems than are listed"),
)}


def cut(value: Any, limit: int = ECHO_MAX) -> str:
    """A value as it may be quoted in a message: one line, at most `limit` characters."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One fault of a file.  `row` is the spreadsheet row (for a CSV, the record: row 1 is the first line, as
    Excel shows it); `column` a column's code (``status``) or, for a column the report does not use, its
    letter; both None for the file as a whole.  `params` fill the kind's message template; any offending
    value among them is already cut."""
    code: str
    row: int | None = None
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in KINDS:
            raise ValueError(f"undeclared problem kind {self.code!r}")

    def text(self, t: ModuleType) -> str:
        """The problem's sentence in the catalogue `t`'s language (without its place)."""
        return t.REPORT_PROBLEM_MESSAGES[self.code].format(**self.params)

    def line(self, t: ModuleType) -> str:
        """Place and sentence, as the CLI prints it: «строка 7, столбец «status»: …»."""
        where = []
        if self.row is not None:
            where.append(t.REPORT_PLACE_ROW.format(row=self.row))
        if self.column is not None:
            name = t.REPORT_COLUMNS.get(self.column, self.column)
            where.append(t.REPORT_PLACE_COLUMN.format(column=name))
        return f"{', '.join(where)}: {self.text(t)}" if where else self.text(t)

    @property
    def message(self) -> str:
        from i18n import en  # the developers' language, for logs and test failures
        return self.text(en)

    def __str__(self) -> str:
        from i18n import en
        return self.line(en)


class Problems:
    """The problems of one file, in the order found: at most MAX_PROBLEMS, then one counting the rest."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.count = 0

    def add(self, code: str, row: int | None = None, column: str | None = None, **params: Any) -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(code, row, column, params))

    def result(self) -> list[Problem]:
        if self.count > len(self.items):
            return [*self.items, Problem("more", params={"count": self.count - len(self.items)})]
        return list(self.items)


class Refused(Exception):
    """The file cannot be read at all: one problem, nothing else to say."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.problem = Problem(code, params=params)
