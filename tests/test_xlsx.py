"""The one XLSX writer (reporting/xlsx.py) on its own: what the exports' and the round document's tests do not
reach through their callers."""
from __future__ import annotations

import io
import struct
import zipfile
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest

from reporting import xlsx


def _book(sheets, streamed: bool = True) -> openpyxl.Workbook:
    data = b"".join(xlsx.stream(sheets)) if streamed else xlsx.workbook(sheets)
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(("index", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"),
                                                (703, "AAA"), (16_384, "XFD")])
def test_column_letter(index, letters):
    assert xlsx.column_letter(index) == letters == openpyxl.utils.get_column_letter(index)


def test_stream_hands_bytes_on_before_the_rows_end():
    consumed = 0

    def rows():
        nonlocal consumed
        for n in range(200_000):
            consumed = n + 1
            yield (n, f"measure {n}: проведение форума", 1.5 * n)

    chunks = xlsx.stream([xlsx.Sheet("s", rows(), header=["no", "title", "spent"])])
    first = next(chunks)
    assert first.startswith(b"PK") and consumed < 200_000
    rest = b"".join(chunks)
    assert consumed == 200_000
    sheet = openpyxl.load_workbook(io.BytesIO(first + rest), read_only=True).worksheets[0]
    read = list(sheet.iter_rows(values_only=True))
    assert len(read) == 200_001 and read[-1] == (199_999, "measure 199999: проведение форума", 1.5 * 199_999)


@pytest.mark.parametrize("streamed", [True, False])
def test_no_entry_carries_zip64_headers(streamed):
    """Excel refuses a small entry whose local header says ZIP64 with unknown sizes (version 45, 0xFFFFFFFF)."""
    sheets = [xlsx.Sheet("s", [[1, "x"]] * 3000, header=["a", "b"])]
    data = b"".join(xlsx.stream(sheets)) if streamed else xlsx.workbook(sheets)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for info in book.infolist():
            header = data[info.header_offset:info.header_offset + 30]
            version, _, _, _, _, _, compressed, size, _, _ = struct.unpack("<4xHHHHHIIIHH", header)
            assert version == 20 and 0xFFFFFFFF not in (compressed, size), info.filename
            assert info.extract_version == 20 and b"\x01\x00" not in info.extra[:2], info.filename


class _Plain:
    def __str__(self) -> str:
        return "plain"


def test_cells_are_typed_and_never_break_the_file():
    moment = datetime(2021, 7, 5, 15, 30, 12, tzinfo=timezone(timedelta(hours=5)))
    row = ["=1+1", "bell\x07 tab\t", True, 7, 2.5, float("nan"), float("inf"), None, date(2021, 7, 5), moment,
           moment, 1234.5, 12, _Plain()]
    styles = [xlsx.PLAIN] * 10 + [xlsx.DATETIME, xlsx.AMOUNT, xlsx.AMOUNT]
    sheet = _book([xlsx.Sheet("s", [row], styles=styles)]).active
    cells = list(sheet.iter_rows())[0]
    assert cells[0].value == "=1+1" and cells[0].data_type == "s"  # an inline string, never a formula
    assert cells[1].value == "bell tab\t"
    assert cells[2].value is True and cells[3].value == 7 and cells[4].value == 2.5
    assert [cells[i].value for i in (5, 6, 7)] == [None, None, None]
    assert cells[8].value == datetime(2021, 7, 5) and cells[8].number_format == "DD.MM.YYYY"
    assert cells[9].value == datetime(2021, 7, 5)  # a moment outside a DATETIME column: its day
    assert cells[10].value == datetime(2021, 7, 5, 10, 30, 12)  # in UTC
    assert cells[10].number_format == "DD.MM.YYYY HH:MM:SS"
    assert cells[11].number_format == "#,##0.0" and cells[12].number_format == "General"  # a count stays whole
    assert cells[13].value == "plain"


def test_what_a_sheet_asks_for():
    long_name = "Отчёты: исполнителей [2021/2022]? *очень* длинное имя"
    book = _book([
        xlsx.Sheet(long_name, [[1, "a"], [2, "b"]], header=["no", "text"], widths=[6, 40], freeze="B2",
                   styles=[xlsx.PLAIN, xlsx.WRAPPED]),
        xlsx.Sheet("Summary", [["title"], ["line"]], bold_rows=frozenset({0}), wrap=True, landscape=True),
        xlsx.Sheet("Notes", [["x"]], header=["h"], freeze=None, autofilter=False),
    ], streamed=False)
    first, summary, notes = book.worksheets
    assert first.title == xlsx.sheet_name(long_name) and len(first.title) == 31
    assert not set(":\\/?*[]") & set(first.title)
    assert first.freeze_panes == "B2" and first.auto_filter.ref == "A1:B3"
    assert first["A1"].font.b and first["A1"].alignment.wrap_text and not first["A2"].font.b
    assert first["B2"].alignment.wrap_text and not first["A2"].alignment.wrap_text
    assert first.column_dimensions["B"].width == 40
    assert first.page_setup.orientation is None
    assert summary.freeze_panes is None and summary.auto_filter.ref is None
    assert summary["A1"].font.b and not summary["A2"].font.b and summary["A2"].alignment.vertical == "top"
    assert summary.page_setup.orientation == "landscape" and summary.page_setup.paperSize == 9
    assert notes.freeze_panes is None and notes.auto_filter.ref is None


def test_an_empty_sheet_with_a_header_is_a_valid_file():
    sheet = _book([xlsx.Sheet("s", iter(()), header=["a", "b", "c"])]).active
    assert [c.value for c in sheet[1]] == ["a", "b", "c"] and sheet.auto_filter.ref == "A1:C1"
