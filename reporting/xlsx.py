"""The project's one XLSX writer: sheets of rows in, a workbook out, written a block of rows at a time, either
streamed in chunks in constant memory (the exports' downloads) or whole as bytes (the round document).

openpyxl builds a cell object per value and hashes a style object per cell: 67,000 measures took ~16 s and
hundreds of MB as an export, most of a minute as the round document of 870,000 cells, and no download could
start before the whole workbook existed.  An XLSX file is a zip of a few XML parts: here a sheet's rows go
into its part as they come, and the compressed bytes are handed on as soon as there are enough of them.

Text is always an inline string (`t="inlineStr"`): a cell written here is never a formula, whatever it starts
with.  Numbers, booleans and dates are typed cells.  A column's kind says how its values look: DATE (a day),
DATETIME (a moment: the day and the time, in UTC), AMOUNT (a fraction with one decimal and thousands grouped;
a whole number there stays as it is, a count beside the amounts), WRAPPED (text wrapped and set to the top),
PLAIN.  Rows may be any iterable; they are consumed as they are written.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Excel's day 0 (with its 1900 leap-year quirk folded in for every date after February 1900).
_EPOCH = dt.date(1899, 12, 30)
_EPOCH_MOMENT = dt.datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry at all; a decree's text should not hold them, but a cell must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK = 500  # rows joined and written at once
_CHUNK = 256 * 1024  # bytes gathered before stream() hands them on

# A column's kind.
PLAIN, DATE, AMOUNT, DATETIME, WRAPPED = range(5)
# Number formats; a cell's style (an index into cellXfs) is format * 4 + wrapped * 2 + bold.
_GENERAL, _DAY, _AMOUNT, _MOMENT = range(4)
_FORMAT_CODES = ((164, "DD.MM.YYYY"), (165, "#,##0.0"), (166, "DD.MM.YYYY HH:MM:SS"))


def _xf(number_format: int, wrap: bool, bold: bool) -> int:
    return number_format * 4 + wrap * 2 + bold


def _styles_xml() -> str:
    formats = "".join(f'<numFmt numFmtId="{n}" formatCode="{code}"/>' for n, code in _FORMAT_CODES)
    xfs = []
    for number_id in (0, *(n for n, _ in _FORMAT_CODES)):
        for wrap in (0, 1):
            for bold in (0, 1):
                xfs.append(f'<xf numFmtId="{number_id}" fontId="{bold}" fillId="0" borderId="0" xfId="0"'
                           + (' applyNumberFormat="1"' if number_id else "") + (' applyFont="1"' if bold else "")
                           + (' applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' if wrap else "/>"))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="{len(_FORMAT_CODES)}">{formats}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


@dataclass(frozen=True)
class Sheet:
    name: str  # Excel's rules are applied: see sheet_name
    rows: Iterable[Sequence[object]]  # str, bool, int, float, date, datetime or None (an empty cell); else as text
    header: Sequence[str] = ()  # a heading row above the rows: bold and wrapped, frozen, with an autofilter
    widths: Sequence[float] = ()  # column widths in characters, from column A
    styles: Sequence[int] = ()  # a kind per column, from column A (PLAIN for the rest)
    wrap: bool = False  # every cell wrapped and set to the top, whatever its kind
    bold_rows: frozenset[int] = frozenset()  # rows (0-based, of `rows`) set in bold
    freeze: str | None = "A2"  # with a header, the top-left cell of what scrolls ("B2": the first column stays)
    autofilter: bool = True  # with a header, filter buttons on it over every row
    landscape: bool = False  # printed on A4 landscape


# What Excel (and LibreOffice) read as the start of a formula when text is typed or opened from a CSV.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text that a spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage return) gets
    a leading apostrophe, which Excel shows as text and never evaluates: for a CSV, and for text a user may copy
    out of a cell.  Anything else is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_name(name: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of : \\ / ? * [ ]."""
    return re.sub(r"[:\\/?*\[\]]", " ", _NOT_XML.sub("", name))[:31] or "Sheet"


def stream(sheets: Sequence[Sheet], compresslevel: int = 1) -> Iterator[bytes]:
    """The workbook's bytes, in chunks, while the sheets' rows are being produced."""
    sink = _Sink()
    for _ in _write(sink, sheets, compresslevel):
        if sink.pending >= _CHUNK:
            yield sink.take()
    yield sink.take()


def workbook(sheets: Sequence[Sheet], compresslevel: int = 1) -> bytes:
    """The whole workbook.  Written to a file that can seek, so every zip entry's header carries its sizes."""
    out = io.BytesIO()
    for _ in _write(out, sheets, compresslevel):
        pass
    return out.getvalue()


class _Sink:
    """A write-only file for zipfile that keeps what was written until it is taken.  It cannot seek: zipfile
    then follows each entry with its sizes (a data descriptor) instead of going back to its header."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._size = 0
        self.pending = 0

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        self._size += len(data)
        self.pending += len(data)
        return len(data)

    def tell(self) -> int:
        return self._size

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts, self.pending = [], 0
        return data


def _write(target, sheets: Sequence[Sheet], compresslevel: int) -> Iterator[None]:
    """The workbook into `target`, pausing after each block of rows so that what is written can be passed on.
    No entry is forced to ZIP64: Excel refuses files whose small entries carry ZIP64 headers of unknown size,
    and a sheet part beyond ZIP64's 2 GiB would be far past Excel's 1,048,576 rows."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as book:
        book.writestr("[Content_Types].xml", _content_types(len(sheets)))
        book.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
                      'Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        book.writestr("xl/styles.xml", _styles_xml())
        counts: list[int] = []  # rows written in each sheet, heading included
        for number, sheet in enumerate(sheets, start=1):
            with book.open(f"xl/worksheets/sheet{number}.xml", "w") as part:
                for text in _sheet_xml(sheet, counts):
                    part.write(text.encode("utf-8"))
                    yield
        # Last: the autofilters' ranges are known once the rows are written.
        book.writestr("xl/workbook.xml", _workbook_xml(sheets, counts))


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
                     for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>{sheets}</Types>')


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


def _filtered(sheet: Sheet) -> bool:
    return bool(sheet.header) and sheet.autofilter


def _workbook_xml(sheets: Sequence[Sheet], counts: Sequence[int]) -> str:
    listed = "".join(f'<sheet name={quoteattr(sheet_name(s.name))} sheetId="{n}" r:id="rId{n}"/>'
                     for n, s in enumerate(sheets, start=1))
    # The autofilter's range must also be named, or Excel drops the filter buttons when it opens the file.
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape(_quoted(sheet_name(s.name)))}!$A$1:${column_letter(len(s.header))}${counts[n]}</definedName>"
        for n, s in enumerate(sheets) if _filtered(s))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{listed}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "") + "</workbook>")


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _pane(cell: str | None) -> str:
    """The frozen pane above and left of `cell` ("A2": the first row; "B2": the first row and column)."""
    found = re.fullmatch(r"([A-Z]+)([1-9][0-9]*)", cell or "")
    if not found:
        return ""
    columns = 0
    for char in found[1]:
        columns = columns * 26 + ord(char) - 64
    columns, rows = columns - 1, int(found[2]) - 1
    if not columns and not rows:
        return ""
    active = "bottomRight" if columns and rows else "bottomLeft" if rows else "topRight"
    return ((f'<pane xSplit="{columns}"' if columns else "<pane") + (f' ySplit="{rows}"' if rows else "")
            + f' topLeftCell="{cell}" activePane="{active}" state="frozen"/>'
            f'<selection pane="{active}" activeCell="{cell}" sqref="{cell}"/>')


class _Column:
    """A column's cells' openings, by bold (0, 1): its style worked out once, not once a cell."""

    def __init__(self, kind: int, wrap: bool) -> None:
        wrap = wrap or kind == WRAPPED

        def opening(number_format: int, bold: int) -> str:
            style = _xf(number_format, wrap, bold)
            return f'<c s="{style}"' if style else "<c"

        self.text = tuple(opening(_GENERAL, b) + ' t="inlineStr"><is><t xml:space="preserve">' for b in (0, 1))
        self.number = tuple(opening(_GENERAL, b) for b in (0, 1))
        self.fraction = tuple(opening(_AMOUNT if kind == AMOUNT else _GENERAL, b) for b in (0, 1))
        self.day = tuple(opening(_DAY, b) for b in (0, 1))
        self.moment = tuple(opening(_MOMENT, b) for b in (0, 1)) if kind == DATETIME else None


def _other(value: object, column: _Column, bold: int) -> str:
    """A cell of a rarer type than text or a number."""
    if isinstance(value, dt.datetime):
        if column.moment is None:
            value = value.date()
        else:  # the day and its fraction, in UTC
            if value.tzinfo is not None:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return f"{column.moment[bold]}><v>{(value - _EPOCH_MOMENT).total_seconds() / 86_400!r}</v></c>"
    if isinstance(value, dt.date):
        return f"{column.day[bold]}><v>{(value - _EPOCH).days}</v></c>"
    if isinstance(value, str):
        return f"{column.text[bold]}{escape(value)}</t></is></c>"
    if isinstance(value, bool):
        return f'{column.number[bold]} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f"{column.number[bold]}><v>{int(value)}</v></c>"
    if isinstance(value, float):
        return f"{column.fraction[bold]}><v>{float(value)!r}</v></c>" if math.isfinite(value) else "<c/>"
    return f"{column.text[bold]}{escape(str(value))}</t></is></c>"


def _sheet_xml(sheet: Sheet, counts: list[int]) -> Iterator[str]:
    """The sheet's XML, a block of rows at a time; its number of rows (the heading's too) appended to `counts`."""
    widths = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                     for n, w in enumerate(sheet.widths, start=1))
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
           f'<sheetViews><sheetView workbookViewId="0">{_pane(sheet.freeze) if sheet.header else ""}</sheetView>'
           '</sheetViews><sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{widths}</cols>" if widths else "")
           + "<sheetData>")
    heading = _Column(PLAIN, True).text[1]
    block = ["<row>" + "".join(f"{heading}{escape(str(h))}</t></is></c>" for h in sheet.header) + "</row>"
             if sheet.header else ""]
    kinds, wrap, bold_rows = list(sheet.styles), sheet.wrap, sheet.bold_rows
    columns = [_Column(kind, wrap) for kind in kinds]
    count = 0
    for index, values in enumerate(sheet.rows):
        count = index + 1
        bold = 1 if index in bold_rows else 0
        while len(columns) < len(values):
            columns.append(_Column(PLAIN, wrap))
        cells = []
        for value, column in zip(values, columns):
            kind = type(value)
            if kind is str:
                cells.append(f"{column.text[bold]}{escape(value)}</t></is></c>")
            elif value is None:
                cells.append("<c/>")
            elif kind is int:
                cells.append(f"{column.number[bold]}><v>{value}</v></c>")
            elif kind is float and math.isfinite(value):
                cells.append(f"{column.fraction[bold]}><v>{value!r}</v></c>")
            else:
                cells.append(_other(value, column, bold))
        block.append(f'<row>{"".join(cells)}</row>')
        if len(block) >= _BLOCK:
            yield xml_safe("".join(block))
            block.clear()
    yield xml_safe("".join(block)) + "</sheetData>"
    rows = count + bool(sheet.header)
    counts.append(rows)
    if _filtered(sheet):
        yield f'<autoFilter ref="A1:{column_letter(len(sheet.header))}{rows}"/>'
    if sheet.landscape:
        yield ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
               '<pageSetup paperSize="9" orientation="landscape"/>')
    yield "</worksheet>"


def xml_safe(text: str) -> str:
    """The text without the characters no XML file may hold (markup has none, so a block of rows is cleaned with
    one search): for this writer's sheets and the round's Word document alike."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text
