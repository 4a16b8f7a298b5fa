"""The filtered measures as files for Excel users: CSV (UTF-8 with BOM) and XLSX, formula-safe."""
from __future__ import annotations

import io

import pandas as pd

from types import ModuleType
from .filters import Filters

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_frame(measures: pd.DataFrame, t: ModuleType, for_spreadsheet: bool = True) -> pd.DataFrame:
    """One row per measure, headers in the interface language, lists joined with "; ", first column the
    measure number.  For a spreadsheet, text that Excel would run as a formula is neutralised; on screen
    it is shown as written."""
    out = pd.DataFrame({
        "measure_no": measures.measure_no.astype(int),
        "group": [t.group_label(k) for k in measures.group_key],
        "title": measures.title,
        "completion_form": measures.completion_form,
        "executors_raw": measures.executors_raw,
        "ministries": [_join(v) for v in measures.ministries],
        "akimats": [_join(v) for v in measures.akimats],
        "deadline_raw": measures.deadline_raw,
        "deadline_start": pd.to_datetime(measures.deadline_start).dt.date,
        "deadline_end": pd.to_datetime(measures.deadline_end).dt.date,
        "cost_thousand_kzt": measures.cost_thousand_kzt,
        "funding": [t.FUNDING_CLASSES[c] for c in measures.funding_class],
        "funding_source": measures.funding_source,
        "report_to": measures.report_to,
        "source_lines": [f"{a}–{b}" for a, b in zip(measures.source_line_start, measures.source_line_end)],
    })
    # Every text column, whatever its dtype: pandas 3 stores text as `str`, not `object`, and a dtype test
    # once let formulas through.
    if for_spreadsheet:
        for column in out.columns:
            if not pd.api.types.is_numeric_dtype(out[column]):
                out[column] = out[column].map(neutralise)
    return out.rename(columns=t.COLUMNS)


def _join(values) -> str:
    return "; ".join(values) if values is not None and len(values) else ""


def neutralise(value):
    """A text cell that Excel would read as a formula gets a leading apostrophe-free guard: a quote mark."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, sep=",", decimal=".").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, t: ModuleType) -> bytes:
    sheet = t.PAGE_MEASURES[:31]  # Excel's limit for sheet names
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet)
        ws = writer.sheets[sheet]
        widths = {t.COLUMNS["measure_no"]: 6, t.COLUMNS["title"]: 70, t.COLUMNS["executors_raw"]: 40,
                  t.COLUMNS["akimats"]: 40}
        for index, column in enumerate(frame.columns, start=1):
            letter = ws.cell(row=1, column=index).column_letter
            ws.column_dimensions[letter].width = widths.get(column, max(12, min(30, len(str(column)) + 2)))
            for cell in ws[letter][1:]:
                if column in (t.COLUMNS["deadline_start"], t.COLUMNS["deadline_end"]):
                    cell.number_format = "DD.MM.YYYY"
                elif column == t.COLUMNS["cost_thousand_kzt"]:
                    cell.number_format = "# ##0.0"
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = ws.dimensions
    return buffer.getvalue()


def file_stem(filters: Filters, t: ModuleType) -> str:
    """A file name that says what was filtered: dorozhnaya_karta_2021_akimat-Атырауская_область."""
    parts = [t.FILE_STEM]
    for key, value in filters.active().items():
        values = value if isinstance(value, tuple) else (value,)
        label = "+".join(values)[:60]
        parts.append(f"{key}-{label}")
    stem = "_".join(parts)
    return "".join(ch if ch.isalnum() or ch in "-_+." else "_" for ch in stem)[:150]
