"""The round's consolidated information for the Presidential Administration (the decree's clause 2: МИОР sends
the АП what the executors reported by 15 July / 15 December), as a Word document and as a workbook.

Pure: a ``RoundDocument`` (built by the caller from the query layer) and a catalogue in, bytes out.  Every fixed
word comes from the catalogue (``ROUND_DOC_*``); titles, executors and comments stay as written.  The Word
document is A4 landscape in Times New Roman (the Kazakh government documents' font; LibreOffice sets it in the
metric-compatible Liberation Serif), its table's heading row repeated on every page, page numbers in the footer.
A row nobody reported on says so, never an empty cell.  The workbook holds the same rows typed (numbers as
numbers, dates as dates), every text cell neutralised so that nothing becomes a formula.
"""
from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from . import xlsx as spreadsheet

FONT = "Times New Roman"
SIZE, TABLE_SIZE = Pt(12), Pt(10)
# The main table: (column, width in mm) on the 257 mm between the margins of A4 landscape.
# The spent column fits «Израсходовано» / «Жұмсалған қаражат» unbroken in bold 10 pt.
_COLUMNS = (("measure_no", 11), ("title", 52), ("completion_form", 27), ("executors", 30), ("deadline", 24),
            ("status", 27), ("information", 56), ("spent", 30))
_MARGINS = {"left_margin": 25, "right_margin": 15, "top_margin": 15, "bottom_margin": 15}
# Deflate's level for both files: 3 took a third of the CPU time of the default 6 on the round document of
# 67,000 measures (0.4 s against 1.0-1.3 s for each file), for files about a third larger (7.6 MB against 5.5).
COMPRESSION = 3


@dataclass(frozen=True)
class DocumentRow:
    group_heading: str  # the direction/section heading the row sits under (rows arrive in decree order, grouped)
    measure_no: int
    title: str
    completion_form: str
    executors: str  # responsible executors as the decree writes them
    deadline: str  # deadline as written
    status: str  # the status label in the document's language
    carried_from: date | None  # the earlier round whose report the status rests on
    information: str | None  # each executor's comment prefixed by the executor, "\n"-joined; None: nobody wrote
    spent_thousand_kzt: float | None
    estimated_thousand_kzt: float | None
    not_reported: bool  # nobody reported: the row says so
    unreviewed: bool  # an answer behind it is not yet reviewed by МИОР: the row is marked


@dataclass(frozen=True)
class Summary:
    by_status: tuple[tuple[str, int], ...]  # (label, measures)
    reported: int  # executors who reported …
    expected: int  # … of those expected to
    missing: tuple[str, ...]  # who did not
    returned: int  # submissions returned in the round
    unreviewed: int  # submissions not yet reviewed
    by_group: tuple[tuple[str, float, float], ...]  # (group heading, estimated, spent), thousand tenge


@dataclass(frozen=True)
class RoundDocument:
    heading: str  # heading(): from the decree's metadata and the round
    selection: str  # the filters in words, "" when none
    summary: Summary
    rows: tuple[DocumentRow, ...]
    version: int | None  # the frozen version's number, None for the live document
    made_at: datetime  # UTC
    made_by: str | None
    changes: tuple[str, ...] = ()  # "what changed since the previous version", one line each


def heading(t, decree_subject: str, decree_date: date, decree_number: str, round_: date) -> str:
    """«Информация о ходе исполнения <what the decree approves (round_data.decree_subject)>, утверждённой
    постановлением … от 9 февраля 2021 года № 50, по состоянию на 5 июля 2021 года», in the catalogue's language."""
    return t.ROUND_DOC_HEADING.format(title=decree_subject, decree_date=t.day_long(decree_date), number=decree_number,
                                      round=t.day_long(round_))


# ---- the words of a row, the same in both files ----

def status_text(row: DocumentRow, t) -> str:
    """The status, «по отчёту на …» where it rests on an earlier round, «(не проверено)» where unreviewed."""
    text = row.status
    if row.carried_from is not None:
        text += "\n" + t.ROUND_DOC_CARRIED.format(date=t.day_attr(row.carried_from))
    if row.unreviewed:
        text += " " + t.ROUND_DOC_UNREVIEWED
    return text


def information_text(row: DocumentRow, t) -> str:
    """What the executors wrote; never empty: a row nobody reported on, or nobody commented, says so."""
    if row.information and row.information.strip():
        return row.information
    return t.ROUND_DOC_NOT_REPORTED if row.not_reported else t.ROUND_DOC_NO_INFORMATION


def made_line(doc: RoundDocument, t) -> str:
    when = _utc(doc.made_at)
    parts = [t.ROUND_DOC_MADE.format(when=f"{t.day(when.date())}, {when:%H:%M}")]
    if doc.made_by:
        parts.append(t.ROUND_DOC_MADE_BY.format(who=doc.made_by).replace("..", "."))  # «Иванов И.»
    parts.append(t.ROUND_DOC_VERSION.format(number=doc.version) if doc.version is not None else t.ROUND_DOC_LIVE)
    return " ".join(parts)


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


# ---- DOCX ----

def docx(doc: RoundDocument, t) -> bytes:
    """The Word document: heading, selection, summary, the table of measures grouped under their headings."""
    document = Document()
    _page(document, made_line(doc, t), t)
    _fonts(document)
    _paragraph(document, doc.heading, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    if doc.selection:
        _paragraph(document, t.ROUND_DOC_SELECTION.format(filters=doc.selection), align=WD_ALIGN_PARAGRAPH.CENTER)
    _summary(document, doc.summary, t)
    if doc.changes:
        _paragraph(document, t.ROUND_DOC_CHANGES, bold=True, before=6)
        for line in doc.changes:
            _paragraph(document, "– " + line)
    _paragraph(document, "", after=0)
    _main_table(document, t)
    out = io.BytesIO()
    document.save(out)
    return _with_rows(out.getvalue(), _main_rows(doc.rows, t))


def _page(document, made: str, t) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for name, mm in _MARGINS.items():
        setattr(section, name, Mm(mm))
    section.footer_distance = Mm(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(footer, f"{made}    {t.ROUND_DOC_PAGE} ", size=Pt(9))
    _field(footer, "PAGE", size=Pt(9))


def _fonts(document) -> None:
    """Times New Roman for every script (Latin, Cyrillic as "complex" and East Asian fallbacks too)."""
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = SIZE if name == "Normal" else TABLE_SIZE
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)


def _run(paragraph, text: str, bold: bool = False, size=None):
    lines = spreadsheet.xml_safe(text).split("\n")
    run = paragraph.add_run()
    for i, line in enumerate(lines):
        if i:
            run.add_break()
        run.add_text(line)
    run.bold = bold or None
    if size is not None:
        run.font.size = size
    return run


def _paragraph(container, text: str, bold: bool = False, align=None, before: float = 0, after: float = 0,
               size=None):
    paragraph = container.add_paragraph()
    if text:
        _run(paragraph, text, bold, size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
    return paragraph


def _field(paragraph, instruction: str, size=None) -> None:
    """A field Word and LibreOffice compute when they lay the page out (PAGE: this page's number)."""
    def add(kind: str, text: str | None = None):
        run = paragraph.add_run()
        if size is not None:
            run.font.size = size
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    add("begin")
    add("instr", f" {instruction} ")
    add("separate")
    add("text", "1")
    add("end")


def _table(document, widths_mm: list[float], size=None):
    table = document.add_table(rows=0, cols=len(widths_mm))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    return table


# Table rows are written as WordprocessingML text and parsed once per table: python-docx's add_row() and
# row.cells walk the whole table for every row, and even building each element through lxml one by one took
# seconds for a round of 6,700 measures (bench: round document).
def _cell_xml(text: str, width_mm: float, bold: bool = False, align: str | None = None, span: int = 0,
              keep_with_next: bool = False) -> str:
    # Characters no XML file may hold are left out of whole rows where they are written (xlsx.xml_safe).
    lines = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n"))
    return f"{_cell_head(width_mm, bold, align, span, keep_with_next)}{lines}</w:r></w:p></w:tc>"


@functools.cache
def _cell_head(width_mm: float, bold: bool, align: str | None, span: int, keep_with_next: bool) -> str:
    """A cell's markup up to its text: the same for every cell of a column, made once."""
    half_points = int(TABLE_SIZE.pt * 2)
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span else ""
    paragraph = "".join([
        "<w:pPr>" if align or keep_with_next else "",
        "<w:keepNext/>" if keep_with_next else "",
        f'<w:jc w:val="{align}"/>' if align else "",
        "</w:pPr>" if align or keep_with_next else "",
    ])
    return (f'<w:tc><w:tcPr><w:tcW w:w="{int(Mm(width_mm).twips)}" w:type="dxa"/>{span_xml}</w:tcPr>'
            f'<w:p>{paragraph}<w:r><w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{half_points}"/>'
            f'<w:szCs w:val="{half_points}"/></w:rPr>')


def _row_xml(values: list[str], widths_mm: list[float], bold: bool = False, right: frozenset = frozenset(),
             center: bool = False, span: bool = False, header: bool = False, whole: bool = False) -> str:
    """One row: a cell per value (or, with `span`, one cell across every column holding values[0]); `header`
    repeats it at the top of every page, `whole` keeps it on one page."""
    properties = ("<w:cantSplit/>" if whole else "") + ('<w:tblHeader w:val="true"/>' if header else "")
    if span:
        cells = _cell_xml(values[0], sum(widths_mm), bold, span=len(widths_mm), keep_with_next=True)
    else:
        cells = "".join(_cell_xml(text, mm, bold, "right" if i in right else "center" if center else None)
                        for i, (text, mm) in enumerate(zip(values, widths_mm, strict=True)))
    return f"<w:tr>{f'<w:trPr>{properties}</w:trPr>' if properties else ''}{cells}</w:tr>"


def _append_rows(table, rows_xml: list[str]) -> None:
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{spreadsheet.xml_safe(''.join(rows_xml))}</w:tbl>")
    for row in list(parsed):
        table._tbl.append(row)


def _row(table, values: list[str], widths_mm: list[float], bold: bool = False, right: frozenset = frozenset(),
         header: bool = False) -> None:
    _append_rows(table, [_row_xml(values, widths_mm, bold, right, header=header)])


def _summary(document, summary: Summary, t) -> None:
    _paragraph(document, t.ROUND_DOC_SUMMARY, bold=True, before=8, after=4)
    widths = [90.0, 35.0]
    table = _table(document, widths)
    _row(table, [t.ROUND_DOC_BY_STATUS, t.ROUND_DOC_MEASURES], widths, bold=True, header=True)
    for label, measures in summary.by_status:
        _row(table, [label, t.number(measures)], widths, right=frozenset({1}))
    _row(table, [t.ROUND_DOC_TOTAL, t.number(sum(n for _, n in summary.by_status))], widths, bold=True,
         right=frozenset({1}))
    _paragraph(document, t.ROUND_DOC_REPORTED.format(reported=summary.reported, expected=summary.expected),
               before=6)
    if summary.missing:
        _paragraph(document, t.ROUND_DOC_MISSING.format(executors=", ".join(summary.missing)))
    _paragraph(document, t.ROUND_DOC_REVIEW.format(returned=summary.returned, unreviewed=summary.unreviewed))
    if summary.by_group:
        _paragraph(document, t.ROUND_DOC_FUNDING, bold=True, before=6, after=4)
        widths = [150.0, 40.0, 40.0]
        table = _table(document, widths)
        amounts = frozenset({1, 2})
        _row(table, [t.ROUND_DOC_COLUMNS["group"], t.ROUND_DOC_ESTIMATED, t.ROUND_DOC_SPENT], widths, bold=True,
             header=True)
        for group, estimated, spent in summary.by_group:
            _row(table, [group, t.number(estimated, 1), t.number(spent, 1)], widths, right=amounts)
        _row(table, [t.ROUND_DOC_TOTAL, t.number(sum(g[1] for g in summary.by_group), 1),
                     t.number(sum(g[2] for g in summary.by_group), 1)], widths, bold=True, right=amounts)


def _main_table(document, t) -> None:
    """The table of measures with its heading row only: its rows are written into the saved file (_with_rows)."""
    widths = [float(mm) for _, mm in _COLUMNS]
    table = _table(document, widths)
    _append_rows(table, [_row_xml([t.ROUND_DOC_COLUMNS[name] for name, _ in _COLUMNS], widths, bold=True,
                                  center=True, header=True)])


def _main_rows(rows: tuple[DocumentRow, ...], t) -> Iterator[str]:
    """The measures' rows as WordprocessingML text, each group's heading row before its first measure."""
    widths = [float(mm) for _, mm in _COLUMNS]
    group = None
    for row in rows:
        if row.group_heading != group:
            group = row.group_heading
            yield _row_xml([group], widths, bold=True, span=True)  # kept with the measure below it
        spent = t.number(row.spent_thousand_kzt, 1) if row.spent_thousand_kzt is not None else "—"
        # A measure's row is not cut across two pages (one taller than a page is, by Word and LibreOffice alike).
        yield _row_xml([str(row.measure_no), row.title, row.completion_form, row.executors, row.deadline,
                        status_text(row, t), information_text(row, t), spent], widths, right=frozenset({7}),
                       whole=True)


_BODY = "word/document.xml"
_TABLE_END = b"</w:tbl>"


def _with_rows(saved: bytes, rows: Iterator[str], block: int = 500) -> bytes:
    """The saved document with `rows` written at the end of its last table (the measures'), a block at a time
    straight into the new file: python-docx would hold every row as an element and serialise the whole tree,
    which took most of the time and memory of a large round (bench: round document)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as target:
        for info in source.infolist():
            if info.filename != _BODY:
                target.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
                continue
            body = source.read(info)
            at = body.rfind(_TABLE_END)
            if at < 0:
                raise ValueError("the document has no table to write the measures into")
            with target.open(_BODY, "w") as part:
                part.write(body[:at])
                chunk: list[str] = []
                for row in rows:
                    chunk.append(row)
                    if len(chunk) >= block:
                        part.write(spreadsheet.xml_safe("".join(chunk)).encode("utf-8"))
                        chunk.clear()
                part.write(spreadsheet.xml_safe("".join(chunk)).encode("utf-8"))
                part.write(body[at:])
    return out.getvalue()


# ---- XLSX ----

def neutral(value):
    """A text Excel would read as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
    apostrophe, as in every export of the app; characters no XML file may hold are left out."""
    return spreadsheet.neutralise(spreadsheet.xml_safe(value) if isinstance(value, str) else value)


_XLSX_COLUMNS = (("group", 34), ("measure_no", 7), ("title", 50), ("completion_form", 22), ("executors", 24),
                 ("deadline", 18), ("status", 16), ("carried_from", 14), ("unreviewed", 12), ("not_reported", 12),
                 ("information", 60), ("spent", 16), ("estimated", 16))


def xlsx_rows(doc: RoundDocument, t) -> Iterator[list]:
    """The data sheet's rows, typed, in _XLSX_COLUMNS order, made as they are written."""
    for row in doc.rows:
        yield [row.group_heading, row.measure_no, row.title, row.completion_form, row.executors, row.deadline,
               row.status, row.carried_from, row.unreviewed, row.not_reported, information_text(row, t),
               row.spent_thousand_kzt, row.estimated_thousand_kzt]


_XLSX_KINDS = {"carried_from": spreadsheet.DATE, "spent": spreadsheet.AMOUNT, "estimated": spreadsheet.AMOUNT}


def xlsx(doc: RoundDocument, t) -> bytes:
    """The workbook: the measures' sheet (frozen heading, autofilter) and the summary's sheet, written as text a
    block of rows at a time (reporting/xlsx.py), so a round of tens of thousands of measures stays quick and
    small; both print on A4 landscape, as the Word document does."""
    rows = spreadsheet.Sheet(
        t.ROUND_DOC_SHEET_ROWS, ([neutral(v) for v in values] for values in xlsx_rows(doc, t)),
        header=[neutral(t.ROUND_DOC_COLUMNS[name]) for name, _ in _XLSX_COLUMNS],
        widths=[width for _, width in _XLSX_COLUMNS],
        styles=[_XLSX_KINDS.get(name, spreadsheet.PLAIN) for name, _ in _XLSX_COLUMNS], wrap=True, landscape=True)
    return spreadsheet.workbook([rows, _summary_sheet(doc, t)], COMPRESSION)


def _summary_sheet(doc: RoundDocument, t) -> spreadsheet.Sheet:
    summary = doc.summary
    lines: list[list] = [[doc.heading]]
    if doc.selection:
        lines.append([t.ROUND_DOC_SELECTION.format(filters=doc.selection)])
    lines += [[made_line(doc, t)], [], [t.ROUND_DOC_BY_STATUS, t.ROUND_DOC_MEASURES]]
    lines += [[label, measures] for label, measures in summary.by_status]
    lines += [[t.ROUND_DOC_TOTAL, sum(n for _, n in summary.by_status)], []]
    lines.append([t.ROUND_DOC_REPORTED.format(reported=summary.reported, expected=summary.expected)])
    if summary.missing:
        lines.append([t.ROUND_DOC_MISSING.format(executors=", ".join(summary.missing))])
    lines += [[t.ROUND_DOC_REVIEW.format(returned=summary.returned, unreviewed=summary.unreviewed)], []]
    if summary.by_group:
        lines.append([t.ROUND_DOC_COLUMNS["group"], t.ROUND_DOC_ESTIMATED, t.ROUND_DOC_SPENT])
        lines += [[group, float(estimated), float(spent)] for group, estimated, spent in summary.by_group]
        lines += [[t.ROUND_DOC_TOTAL, float(sum(g[1] for g in summary.by_group)),
                   float(sum(g[2] for g in summary.by_group))], []]
    if doc.changes:
        lines.append([t.ROUND_DOC_CHANGES])
        lines += [[line] for line in doc.changes]
    # The amounts' columns: the counts of measures beside them are whole numbers and stay so.
    return spreadsheet.Sheet(t.ROUND_DOC_SHEET_SUMMARY, [[neutral(v) for v in line] for line in lines],
                             widths=(70, 16, 16), styles=(spreadsheet.PLAIN, spreadsheet.AMOUNT, spreadsheet.AMOUNT),
                             bold_rows=frozenset({0}), landscape=True)
