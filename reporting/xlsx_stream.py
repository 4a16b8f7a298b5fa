"""A workbook written as SpreadsheetML text, a block of rows at a time, straight into its zip.

openpyxl builds a cell object per value and hashes a style object per cell: for the round document of 67,000
measures (870,000 cells) that took most of a minute (bench: round document).  Here a cell is a few strings:
its value typed (numbers and booleans as themselves, dates as Excel's serial days with a date format, text as
inline strings — never a formula), and its style one of a fixed few (bold or not, wrapped or not, a number
format by the value's type).  The sheet's rows may be any iterable: they are consumed as they are written.
What a caller wants of a sheet: column widths, a frozen header row with an autofilter, print on A4 landscape.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug is behind every date since March 1900)
_BLOCK = 500  # rows joined and written at once
# Deflate's level for the large parts: 3 took a third of the CPU time of the default 6 on the round document of
# 67,000 measures (0.4 s against 1.0-1.3 s for each file), for files about a third larger (7.6 MB against 5.5).
COMPRESSION = 3
# Number formats by the value's type; a style is (format, wrap, bold), its index format * 4 + wrap * 2 + bold.
_FORMATS = {"general": 0, "amount": 164, "date": 165}
_FORMAT_CODES = {"amount": "#,##0.0", "date": "DD.MM.YYYY"}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Sheet:
    name: str  # at most 31 characters (Excel's limit): cut here
    rows: Iterable[Sequence]  # values: str, bool, int, float, date, datetime or None (an empty cell)
    widths: Sequence[float] = ()  # column widths in characters, from column A
    header: bool = False  # the first row is a header: bold, frozen, with an autofilter over the rows
    wrap: bool = False  # every cell's text wrapped, aligned to the top
    bold_rows: frozenset[int] = frozenset()  # 0-based rows set in bold (the header's is implied)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def workbook(sheets: Sequence[Sheet]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as book:
        book.writestr("[Content_Types].xml", _content_types(len(sheets)))
        book.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
                      f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                      "</Relationships>")
        book.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        book.writestr("xl/styles.xml", _styles_xml())
        ranges = []
        for number, sheet in enumerate(sheets, start=1):
            with book.open(f"xl/worksheets/sheet{number}.xml", "w") as part:
                ranges.append(_write_sheet(part, sheet))
        # After the sheets: the autofilter's range is known once the rows are written.
        book.writestr("xl/workbook.xml", _workbook_xml(sheets, ranges))
    return out.getvalue()


def _name(sheet: Sheet) -> str:
    return sheet.name[:31]


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sheets}</Types>')


def _workbook_xml(sheets: Sequence[Sheet], ranges: Sequence[str]) -> str:
    listed = "".join(f'<sheet name="{escape(_name(s), {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
                     for n, s in enumerate(sheets, start=1))
    # The autofilter's hidden name, as Excel writes it beside every filtered sheet.
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape(_quoted(_name(s)))}!{_absolute(ranges[n])}</definedName>"
        for n, s in enumerate(sheets) if s.header)
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{listed}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "") + "</workbook>")


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _absolute(ref: str) -> str:
    first, last = ref.split(":")
    split = lambda cell: (cell.rstrip("0123456789"), cell[len(cell.rstrip("0123456789")):])  # noqa: E731
    return ":".join(f"${c}${r}" for c, r in (split(first), split(last)))


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


def _styles_xml() -> str:
    formats = "".join(f'<numFmt numFmtId="{_FORMATS[k]}" formatCode="{escape(code)}"/>'
                      for k, code in _FORMAT_CODES.items())
    xfs = []
    for kind in _FORMATS:
        for wrap in (0, 1):
            for bold in (0, 1):
                number = _FORMATS[kind]
                xfs.append(f'<xf numFmtId="{number}" fontId="{bold}" fillId="0" borderId="0" xfId="0"'
                           + (' applyNumberFormat="1"' if number else "") + (' applyFont="1"' if bold else "")
                           + ('  applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' if wrap
                              else "/>"))
    return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="{len(_FORMAT_CODES)}">{formats}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _style(kind: str, wrap: bool, bold: bool) -> int:
    return list(_FORMATS).index(kind) * 4 + wrap * 2 + bold


def _write_sheet(part, sheet: Sheet) -> str:
    """The sheet's XML into `part`; its used range back ("A1:M67001")."""
    columns = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                      for n, w in enumerate(sheet.widths, start=1))
    frozen = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
              '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if sheet.header else ""
    part.write((f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f'<sheetViews><sheetView workbookViewId="0">{frozen}</sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{columns}</cols>" if columns else "")
                + "<sheetData>").encode("utf-8"))
    letters: list[str] = []
    block: list[str] = []
    wrap = sheet.wrap
    styles = {(kind, bold): _style(kind, wrap, bold) for kind in _FORMATS for bold in (False, True)}
    number = 0
    for index, values in enumerate(sheet.rows):
        number = index + 1
        bold = (sheet.header and index == 0) or index in sheet.bold_rows
        while len(letters) < len(values):
            letters.append(column_letter(len(letters) + 1))
        cells = []
        for letter, value in zip(letters, values, strict=False):
            if value is None:
                continue
            ref = f"{letter}{number}"
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" s="{styles["general", bold]}" t="inlineStr"><is>'
                             f'<t xml:space="preserve">{escape(value)}</t></is></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" s="{styles["general", bold]}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}" s="{styles["general", bold]}"><v>{value}</v></c>')
            elif isinstance(value, float):
                cells.append(f'<c r="{ref}" s="{styles["amount", bold]}"><v>{value!r}</v></c>')
            elif isinstance(value, datetime):
                serial = (value - datetime(1899, 12, 30, tzinfo=value.tzinfo)).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="{styles["date", bold]}"><v>{serial!r}</v></c>')
            elif isinstance(value, date):
                cells.append(f'<c r="{ref}" s="{styles["date", bold]}"><v>{(value - _EPOCH).days}</v></c>')
            else:
                raise TypeError(f"a cell cannot hold {type(value).__name__}")
        block.append(f'<row r="{number}">{"".join(cells)}</row>')
        if len(block) >= _BLOCK:
            _write_block(part, block)
    _write_block(part, block)
    used = f"A1:{column_letter(max(len(letters), 1))}{max(number, 1)}"
    tail = "</sheetData>"
    if sheet.header:
        tail += f'<autoFilter ref="{used}"/>'
    tail += ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" orientation="landscape"/></worksheet>')
    part.write(tail.encode("utf-8"))
    return used


def _write_block(part, block: list[str]) -> None:
    """The rows so far; characters no XML file may hold are left out (the markup itself has none)."""
    text = "".join(block)
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    part.write(text.encode("utf-8"))
    block.clear()
