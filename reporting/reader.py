"""Reading an untrusted report file into rows of cells, within fixed bounds (reporting/limits.py).

The file is a filled template (XLSX) or CSV text from anyone who can reach the upload.  Nothing it declares
is trusted: its size is read up to the bound and no further, a workbook's parts are measured as the zip
stores them (zipfile stops at the declared size, and a part that lies fails its checksum), the sheet's XML is
counted (rows, cells, cells per row) before openpyxl parses it, only the first ``MAX_COLUMNS`` columns are
turned into values, and a cell longer than Excel itself allows is refused.  Every refusal is a
``problems.Refused`` naming one problem kind; a formula is reported, never evaluated (``data_only=False``,
and the cached result is not read).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import limits
from .cells import text
from .fileformat import META_KEYS, META_SHEET, column_code
from .problems import Refused

Row = tuple[int, tuple[Any, ...], frozenset[int]]  # row number, cell values, columns holding a formula

_OLE = bytes.fromhex("d0cf11e0a1b11ae1")


@dataclass
class Sheet:
    rows: Iterator[Row]
    meta: dict[str, str] | None = None  # the template's hidden sheet, key → value
    close: Callable[[], None] | None = None


def read_bytes(source: bytes | bytearray | memoryview | str | os.PathLike) -> bytes:
    """The file's bytes: at most MAX_FILE_BYTES, and from a regular file only (never a device or a pipe)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source[: limits.MAX_FILE_BYTES + 1])
    else:
        path = Path(source)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO would block an ordinary open
        except OSError as exc:
            raise Refused("unreadable", reason=exc.strerror or type(exc).__name__) from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise Refused("not_a_file", value=path.name)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(limits.MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise Refused("unreadable", reason=exc.strerror or type(exc).__name__) from None
        finally:
            os.close(fd)
    if len(data) > limits.MAX_FILE_BYTES:
        raise Refused("too_large", mb=limits.MAX_FILE_MB)
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise Refused("empty")
    return data


def open_sheet(data: bytes, filename: str) -> Sheet:
    """The report's sheet, to be read row by row; close() it after."""
    suffix = Path(filename or "").suffix.lower()
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise Refused("encrypted")
        raise Refused("not_xlsx")  # an Excel 97-2003 .xls or another OLE file
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(data)
    if suffix not in ("", ".csv", ".txt", ".tsv"):
        raise Refused("not_xlsx")
    return _open_csv(data)


# --- XLSX --------------------------------------------------------------------------------------------------

_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")
# An element of any prefix: <x:row> is the same row as <row> when x names the main namespace, and openpyxl
# matches elements by namespace, not by how they are spelled.
_NAME = rb"<(?:[A-Za-z_][\w.\-]*:)?"
_TOKENS = re.compile(_NAME + rb"(row|c|si|sheet)[\s>/]")
_ROW_NUMBER = re.compile(rb'\br="(\d{1,9})"')
_DECLARED = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._\-]{1,40})["']""")
_ASCII_SUPERSETS = {"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"}  # their bytes spell markup as ASCII


def _part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as part:  # zipfile yields at most the declared size, which is checked below
        return part.read(limits.MAX_PART_BYTES + 1)


def _part_limit(name: str) -> int:
    """The unpacked size a part may have: a sheet or the shared-string table the larger, any other (the
    styles, the workbook's own list, properties) far less, for openpyxl turns each of them into objects whole."""
    return limits.MAX_PART_BYTES if _SHEET_PART.fullmatch(name) or name == "xl/sharedStrings.xml" \
        else limits.MAX_OTHER_PART_BYTES


def _check_archive(data: bytes) -> None:
    """Refuse a workbook whose parts, sheets, texts, rows or cells exceed what a report can need, before
    openpyxl materialises any of them.  Every part is read and counted, whatever its name: openpyxl finds
    the sheets and the shared strings through the workbook's relationships, which name any part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise Refused("not_xlsx")
            if len(infos) > limits.MAX_PARTS or sum(i.file_size for i in infos) > limits.MAX_UNPACKED_BYTES:
                raise Refused("too_large", mb=limits.MAX_UNPACKED_BYTES // 2**20)
            for info in infos:
                if info.file_size > _part_limit(info.filename):
                    raise Refused("too_large", mb=_part_limit(info.filename) // 2**20)
            sheets = [i for i in infos if _SHEET_PART.fullmatch(i.filename)]
            if len(sheets) > limits.MAX_SHEETS:
                raise Refused("too_many_sheets", count=len(sheets), limit=limits.MAX_SHEETS)
            for info in infos:
                if not info.is_dir():
                    _check_part(_part(archive, info))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        # RuntimeError: an encrypted part; NotImplementedError: a compression zipfile does not know
        raise Refused("not_xlsx") from None


def _check_part(xml: bytes) -> None:
    """One part, as the XML parser would see it: UTF-8 (or a single-byte superset of ASCII) with no document
    type (whose entities could expand to markup no count sees), then its rows, cells, texts and sheets
    counted.  A binary part (a picture) passes: it has no markup to count."""
    if xml.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x00", b"<\x00")):
        raise Refused("not_xlsx")  # UTF-16 or UTF-32: no byte pattern of this module would match
    declared = _DECLARED.match(xml.lstrip(codecs.BOM_UTF8))
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            raise Refused("not_xlsx") from None
        if encoding not in _ASCII_SUPERSETS:
            raise Refused("not_xlsx")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise Refused("not_xlsx")  # no workbook has a DTD
    _count(xml)


def _count(xml: bytes) -> None:
    rows = cells = in_row = strings = sheets = 0
    too_large = Refused("sheet_too_large", rows=limits.MAX_ROWS, cells=limits.MAX_CELLS)
    for token in _TOKENS.finditer(xml):
        name = token.group(1)
        if name == b"c":
            cells, in_row = cells + 1, in_row + 1
            if in_row > limits.MAX_CELLS_PER_ROW or cells > limits.MAX_CELLS:
                raise too_large
        elif name == b"row":
            rows, in_row = rows + 1, 0
            number = _ROW_NUMBER.match(xml, token.end(), token.end() + 40) or _ROW_NUMBER.search(
                xml, token.end(), token.end() + 200)
            if (number is not None and int(number.group(1)) > limits.MAX_ROWS) or rows > limits.MAX_ROWS:
                raise too_large
        elif name == b"si":
            strings += 1
            if strings > limits.MAX_SHARED_STRINGS:
                raise Refused("too_many_strings", limit=limits.MAX_SHARED_STRINGS)
        else:  # a workbook's list of sheets: openpyxl makes a sheet of each entry, whatever part it names
            sheets += 1
    if sheets > limits.MAX_SHEETS:
        raise Refused("too_many_sheets", count=sheets, limit=limits.MAX_SHEETS)


def _open_xlsx(data: bytes) -> Sheet:
    import openpyxl  # only here: the CLI's help and the CSV path do not need it

    _check_archive(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Refused:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise Refused("not_xlsx") from None
    try:
        meta = None
        if META_SHEET in book.sheetnames:
            meta = {}
            for row in book[META_SHEET].iter_rows(min_row=1, max_row=len(META_KEYS) + 10, max_col=2,
                                                   values_only=True):
                if row and row[0] is not None and str(row[0]).strip() in META_KEYS:
                    meta[str(row[0]).strip()] = (text(row[1]) if len(row) > 1 else None) or ""
        data_names = [n for n in book.sheetnames if n != META_SHEET]
        wanted = (meta or {}).get("data_sheet")
        name = wanted if wanted in data_names else (data_names[0] if data_names else None)
        if name is None:
            raise Refused("header", rows=limits.HEADER_SCAN_ROWS, measure="№", status="—")
        sheet = book[name]
        sheet.reset_dimensions()  # the stored dimension may lie; rows are read as they come
    except Refused:
        book.close()
        raise
    except Exception:
        book.close()
        raise Refused("not_xlsx") from None

    def rows() -> Iterator[Row]:
        try:
            for number, cells in enumerate(sheet.iter_rows(max_col=limits.MAX_COLUMNS), start=1):
                values, formulas = [], set()
                for i, cell in enumerate(cells):
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f":
                        formulas.add(i)
                        value = None  # never evaluated, never the cached result
                    elif isinstance(value, str) and len(value) > limits.EXCEL_CELL_MAX:
                        raise CellTooLong(number, i, len(value))
                    values.append(value)
                yield number, tuple(values), frozenset(formulas)
        except (Refused, CellTooLong):
            raise
        except Exception:
            raise Refused("not_xlsx") from None

    return Sheet(rows(), meta, book.close)


class CellTooLong(Exception):
    """A cell longer than any spreadsheet cell: the checker names its row and column."""

    def __init__(self, row: int, index: int, length: int):
        super().__init__(row, index, length)
        self.row, self.index, self.length = row, index, length




# --- CSV ---------------------------------------------------------------------------------------------------

def _open_csv(data: bytes) -> Sheet:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Refused("not_utf8", line=1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data:
        raise Refused("not_xlsx")  # binary, not text
    # Lines as the csv module ends them: at LF, CRLF, or a CR alone.
    if data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") > limits.MAX_ROWS:
        raise Refused("sheet_too_large", rows=limits.MAX_ROWS, cells=limits.MAX_CELLS)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused("not_utf8", line=data[: exc.start].count(b"\n") + 1) from None
    delimiter = _delimiter(decoded)

    def rows() -> Iterator[Row]:
        reader = csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)
        try:
            for number, record in enumerate(reader, 1):
                record = record[: limits.MAX_COLUMNS]
                for i, value in enumerate(record):
                    if len(value) > limits.EXCEL_CELL_MAX:
                        raise CellTooLong(number, i, len(value))
                yield number, tuple(record), frozenset()
        except csv.Error:
            raise Refused("not_csv", line=reader.line_num) from None

    return Sheet(rows())


def _delimiter(decoded: str) -> str:
    """The delimiter that makes a heading row of the first lines (Excel writes ";" where the decimal mark is
    a comma, "," elsewhere); "," when none does."""
    head = "\n".join(decoded[: 64 * 1024].splitlines()[: limits.HEADER_SCAN_ROWS * 2])
    best, best_score = ",", 0
    for delimiter in (",", ";", "\t"):
        try:
            records = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))[:limits.HEADER_SCAN_ROWS]
        except csv.Error:
            continue
        score = max((len({column_code(c) for c in r[: limits.MAX_COLUMNS]} - {None}) for r in records), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best
