"""The report file's format: its columns and their headings, and the template's hidden sheet.

Both sides use these declarations: the template writer (reporting/template.py) and the reader
(reporting/validate.py, reporting/identity.py).  Headings are the catalogues' ``REPORT_COLUMNS`` in each
language, plus the variants people type.
"""
from __future__ import annotations

from i18n import LANGUAGES

from .vocabulary import norm

# Columns a report file may have, in the template's order.
TEMPLATE_COLUMNS = ("measure_no", "title", "deadline_raw", "cost_thousand_kzt", "status", "spent_thousand_kzt",
                    "comment")
READ_ONLY_COLUMNS = ("measure_no", "title", "deadline_raw", "cost_thousand_kzt")  # prefilled, locked
FILLED_COLUMNS = ("status", "spent_thousand_kzt", "comment")  # what the executor writes
IDENTITY_COLUMNS = ("roadmap_year", "decree_number", "executor", "round")  # a CSV's way to say whose file it is
COLUMN_LABELS: dict[str, dict[str, str]] = {lang: dict(t.REPORT_COLUMNS) for lang, t in LANGUAGES.items()}
COLUMN_VARIANTS: dict[str, tuple[str, ...]] = {
    "measure_no": ("no", "n", "номер", "measure", "measure no"),
    "status": ("статус", "күйі", "мәртебесі"),
    "spent_thousand_kzt": ("spent", "израсходовано", "жұмсалды"),
    "comment": ("комментарии", "примечание", "comments"),
}

# The template's hidden sheet: one key and its value per row.  What the reader checks against what the caller
# expects: it is editable by anyone who unprotects the sheet, so a cross-check, never the authority.
META_SHEET = "roadmap_report"
FORMAT = "roadmap-report"
FORMAT_VERSION = 1
META_KEYS = ("format", "version", "executor", "round", "roadmap_year", "decree_number", "lang", "data_sheet")
HEADER_ROW = 4  # the template's heading row; the reader finds it by its headings anyway

_HEADINGS: dict[str, str] = {
    norm(spelling): code
    for code in (*TEMPLATE_COLUMNS, *IDENTITY_COLUMNS)
    for spelling in (code, *(labels.get(code, code) for labels in COLUMN_LABELS.values()),
                     *COLUMN_VARIANTS.get(code, ()))
}


def column_code(heading: object) -> str | None:
    """The column a heading names, or None."""
    return _HEADINGS.get(norm(heading)) if heading is not None else None
