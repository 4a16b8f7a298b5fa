"""The report template an executor downloads, fills in and uploads for a reporting round (pure: data and a
catalogue in, XLSX bytes out; reporting/validate.py reads the filled file back).

One visible sheet (the catalogue's REPORT_SHEET): a title, the round and the decree, a line of instructions,
the heading row (HEADER_ROW) and one row per measure of the executor.  The measure's number, title, deadline
and estimated amount are prefilled and locked; status (a drop-down of the catalogue's labels), amount spent
(a number ≥ 0) and comment (text up to COMMENT_MAX characters) are unlocked, each with a data validation.
The sheet is protected without a password, so Excel stops accidental edits but anyone can read (and, on
purpose, unprotect) it.  A hidden, protected sheet (META_SHEET) records the format version, the executor,
the round, roadmap_year and decree_number: what validate() checks the upload against.  Every text cell is
written as text, so nothing in a measure's title can become a formula.
"""
from __future__ import annotations

import io
from datetime import date
from types import ModuleType

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from .fileformat import FORMAT, FORMAT_VERSION, HEADER_ROW, META_KEYS, META_SHEET, READ_ONLY_COLUMNS, TEMPLATE_COLUMNS
from .limits import COMMENT_MAX
from .vocabulary import STATUSES

WIDTHS = {"measure_no": 7, "title": 70, "deadline_raw": 22, "cost_thousand_kzt": 18, "status": 20,
          "spent_thousand_kzt": 18, "comment": 50}
AMOUNT_FORMAT = "#,##0.0"
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")  # the cells to fill in
_THIN = Side(style="thin", color="A0A8B4")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP = Alignment(vertical="top", wrap_text=True)


def _clean(text: object) -> str:
    """Text an XLSX cell can hold (no control characters)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))


def _text(cell, value: object) -> None:
    """A text cell, never a formula, whatever the text starts with."""
    cell.value = _clean(value)
    cell.data_type = "s"


def template_xlsx(measures: pd.DataFrame, executor: str, round: date, decree: dict, t: ModuleType) -> bytes:
    """The template for `executor`'s report for `round`, headed in the catalogue `t`'s language.

    `measures`: that executor's measures of one roadmap (roadmap_year, measure_no, title, deadline_raw,
    cost_thousand_kzt); `decree`: {"year": 2021, "number": "50", "date": "2021-02-09" or a date}."""
    if measures.empty:
        raise ValueError(f"{executor} has no measures: there is nothing to report")
    years = set(measures["roadmap_year"].astype(int))
    if years != {int(decree["year"])}:
        raise ValueError(f"the measures are of the roadmaps {sorted(years)}, not of {decree['year']} alone")
    rows = measures.sort_values("measure_no")
    decree_date = decree["date"] if isinstance(decree["date"], date) else date.fromisoformat(str(decree["date"]))
    columns = TEMPLATE_COLUMNS
    col = {code: i + 1 for i, code in enumerate(columns)}
    last_col = len(columns)
    first, last = HEADER_ROW + 1, HEADER_ROW + len(rows)

    book = Workbook()
    ws = book.active
    ws.title = _clean(t.REPORT_SHEET)[:31]

    heading = {
        1: (t.REPORT_TITLE.format(executor=executor), Font(bold=True, size=13)),
        2: (t.REPORT_SUBTITLE.format(round=t.day(round), date=t.day_attr(decree_date), number=decree["number"]),
            Font(size=11)),
        3: (t.REPORT_INSTRUCTIONS.format(status=t.REPORT_COLUMNS["status"], spent=t.REPORT_COLUMNS[
            "spent_thousand_kzt"], comment=t.REPORT_COLUMNS["comment"]), Font(italic=True, size=10)),
    }
    for row, (text, font) in heading.items():
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        cell = ws.cell(row=row, column=1)
        _text(cell, text)
        cell.font = font
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.row_dimensions[3].height = 48

    for code in columns:
        cell = ws.cell(row=HEADER_ROW, column=col[code])
        _text(cell, t.REPORT_COLUMNS[code])
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[HEADER_ROW].height = 32

    for row, measure in enumerate(rows.itertuples(index=False), start=first):
        ws.cell(row=row, column=col["measure_no"], value=int(measure.measure_no))
        _text(ws.cell(row=row, column=col["title"]), measure.title)
        _text(ws.cell(row=row, column=col["deadline_raw"]), measure.deadline_raw)
        cost = ws.cell(row=row, column=col["cost_thousand_kzt"])
        if measure.cost_thousand_kzt is not None and not pd.isna(measure.cost_thousand_kzt):
            cost.value = float(measure.cost_thousand_kzt)
        cost.number_format = AMOUNT_FORMAT
        ws.cell(row=row, column=col["spent_thousand_kzt"]).number_format = AMOUNT_FORMAT
        for code in columns:
            cell = ws.cell(row=row, column=col[code])
            cell.border = _BORDER
            cell.alignment = _TOP
            if code not in READ_ONLY_COLUMNS:
                cell.protection = Protection(locked=False)
                cell.fill = _INPUT_FILL

    labels = [t.REPORT_STATUS_LABELS[s] for s in STATUSES]
    validations = (
        ("status", DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                                  error=t.REPORT_STATUS_ERROR.format(labels=", ".join(labels)),
                                  prompt=t.REPORT_STATUS_PROMPT)),
        ("spent_thousand_kzt", DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                              allow_blank=True, error=t.REPORT_SPENT_ERROR)),
        ("comment", DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(COMMENT_MAX),
                                   allow_blank=True, error=t.REPORT_COMMENT_ERROR.format(limit=COMMENT_MAX))),
    )
    for code, validation in validations:
        validation.errorTitle = t.REPORT_ERROR_TITLE[:32]
        validation.showErrorMessage = True
        validation.showInputMessage = bool(validation.prompt)
        validation.promptTitle = t.REPORT_COLUMNS[code][:32] if validation.prompt else None
        letter = ws.cell(row=first, column=col[code]).column_letter
        validation.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(validation)

    for code in columns:
        ws.column_dimensions[ws.cell(row=HEADER_ROW, column=col[code]).column_letter].width = WIDTHS[code]
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Protected without a password: readable by all, the locked cells kept from accidental edits; columns and
    # rows may still be resized.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

    meta = book.create_sheet(META_SHEET)
    values = dict(zip(META_KEYS, (FORMAT, str(FORMAT_VERSION), executor, round.isoformat(),
                                  str(int(decree["year"])), str(decree["number"]), t.LANGUAGE_CODE, ws.title),
                      strict=True))
    for row, (key, value) in enumerate(values.items(), start=1):
        _text(meta.cell(row=row, column=1), key)
        _text(meta.cell(row=row, column=2), value)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)  # no unhiding or renaming sheets by accident
    book.active = 0

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
