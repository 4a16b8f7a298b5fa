"""A streaming, write-only XLSX writer: rows in, zip chunks out, in constant memory.

openpyxl needed ~16 s and hundreds of MB for 67,000 measures, and no response could start before the whole
workbook existed.  An XLSX file is a zip of a few XML parts; the sheet's rows are written into the zip as
they come and the compressed bytes are handed on as soon as there are enough of them, so a download starts
at once and memory does not grow with the rows.

Text is always an inline string (`t="inlineStr"`): a cell written here can never be a formula, whatever
it starts with.  Numbers, booleans and dates are typed cells; dates carry a date format, and moments (the
DATETIME style) the day and time.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

# Excel's day 0 (with its 1900 leap-year quirk folded in for every date after February 1900).
_EPOCH = dt.date(1899, 12, 30)
_EPOCH_MOMENT = dt.datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry at all; a decree's text should not hold them, but a cell must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHUNK = 256 * 1024

# Cell styles (indices into cellXfs below).
PLAIN, DATE, AMOUNT, HEADER, WRAPPED, DATETIME = 0, 1, 2, 3, 4, 5
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/>\
<numFmt numFmtId="165" formatCode="#,##0.0"/>\
<numFmt numFmtId="166" formatCode="DD.MM.YYYY HH:MM:SS"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
<alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
<alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


@dataclass
class Sheet:
    """One worksheet: a bold header row, then `rows`; `widths` in characters per column, `styles` a style
    per column for numbers and dates (text is plain or WRAPPED)."""
    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()
    styles: Sequence[int] = ()
    freeze: bool = True  # the header row and the first column stay in view
    autofilter: bool = True
    _count: int = field(default=0, init=False)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(value: object, style: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "<c/>"
    if isinstance(value, str):
        s = f' s="{style}"' if style in (WRAPPED, HEADER) else ""
        return f'<c t="inlineStr"{s}><is><t xml:space="preserve">{escape(_NOT_XML.sub("", value))}</t></is></c>'
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime) and style == DATETIME:  # a moment: the day and its fraction (UTC)
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return f'<c s="{DATETIME}"><v>{(value - _EPOCH_MOMENT).total_seconds() / 86_400!r}</v></c>'
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c s="{DATE}"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isinf(value):
            return "<c/>"
        s = f' s="{style}"' if style == AMOUNT else ""
        return f"<c{s}><v>{value!r}</v></c>"
    return _cell(str(value), style)


class _Sink:
    """A write-only file for zipfile that keeps what was written until it is taken."""

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


def stream(sheets: Sequence[Sheet]) -> Iterator[bytes]:
    """The workbook's bytes, in chunks, while the sheets' rows are being produced."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for index, sheet in enumerate(sheets, start=1):
            with book.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as part:
                for text in _sheet_xml(sheet):
                    part.write(text.encode("utf-8"))
                    if sink.pending >= _CHUNK:
                        yield sink.take()
        names = [sheet.name for sheet in sheets]
        book.writestr("[Content_Types].xml", _content_types(len(sheets)))
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _workbook(names, sheets))
        book.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        book.writestr("xl/styles.xml", _STYLES)
    yield sink.take()


def _sheet_xml(sheet: Sheet) -> Iterator[str]:
    n_columns = len(sheet.header)
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    if sheet.freeze:
        yield ('<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" '
               'activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>')
    if sheet.widths:
        yield "<cols>" + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                                 for i, w in enumerate(sheet.widths, start=1)) + "</cols>"
    yield "<sheetData>"
    yield "<row>" + "".join(_cell(str(h), HEADER) for h in sheet.header) + "</row>"
    styles = list(sheet.styles) + [PLAIN] * (n_columns - len(sheet.styles))
    batch: list[str] = []
    for row in sheet.rows:
        sheet._count += 1
        batch.append("<row>" + "".join(_cell(v, s) for v, s in zip(row, styles)) + "</row>")
        if len(batch) >= 500:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "</sheetData>"
    if sheet.autofilter and n_columns:
        yield f'<autoFilter ref="A1:{column_letter(n_columns)}{sheet._count + 1}"/>'
    yield "</worksheet>"


_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/></Relationships>')


def _content_types(n_sheets: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                     f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                     for i in range(1, n_sheets + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + sheets + "</Types>")


def sheet_name(name: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of : \\ / ? * [ ]."""
    return re.sub(r"[:\\/?*\[\]]", " ", name)[:31] or "Sheet"


def _workbook(names: list[str], sheets: Sequence[Sheet]) -> str:
    entries = "".join(f"<sheet name={quoteattr(sheet_name(n))} sheetId=\"{i}\" r:id=\"rId{i}\"/>"
                      for i, n in enumerate(names, start=1))
    # The autofilter's range must also be named, or Excel drops the filter buttons when it opens the file.
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(_quoted(sheet_name(s.name)))}!$A$1:${column_letter(len(s.header))}${s._count + 1}</definedName>"
        for i, s in enumerate(sheets) if s.autofilter and s.header)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{entries}</sheets>" + (f"<definedNames>{defined}</definedNames>" if defined else "")
            + "</workbook>")


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _workbook_rels(n_sheets: int) -> str:
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n_sheets + 1))
    styles = (f'<Relationship Id="rId{n_sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/styles" Target="styles.xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + rels + styles + "</Relationships>")
