"""Downloads: the functions that build the CSV and XLSX bytes (the browser tests click the real buttons)."""
import csv
import io

import openpyxl
import pandas as pd
import pytest

from loaders.build import parse_file
from roadmap import exports
from roadmap.filters import Filters
from roadmap.i18n import ru as texts
from roadmap.queries import RoadmapDB
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    db = RoadmapDB.open(ROOT / "data" / "roadmap.parquet")
    return exports.export_frame(db.filtered("measure_list", Filters(akimat=("Атырауская область",))), texts)


def test_csv_is_excel_friendly(frame):
    raw = exports.to_csv(frame)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "№" and rows[0] == list(texts.COLUMNS.values())
    assert len(rows) == 1 + 47
    atyrau = next(r for r in rows[1:] if r[0] == "21")
    assert atyrau[rows[0].index("Акиматы")] == "Атырауская область; Западно-Казахстанская область"


def test_xlsx_has_typed_numbers_and_dates(frame):
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(frame, texts)))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    row27 = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == 27)
    assert isinstance(row27[0], int)
    assert row27[header.index("Расходы, тыс. тенге")] == 32500.0
    assert row27[header.index("Окончание срока")].date().isoformat() == "2021-12-31"
    title_column = openpyxl.utils.get_column_letter(header.index(texts.COLUMNS["title"]) + 1)
    assert sheet.column_dimensions[title_column].width >= 60


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"])
def test_cells_never_become_formulas(hostile):
    frame = pd.DataFrame({"measure_no": [1], "title": [hostile]})
    assert exports.neutralise(hostile).startswith("'")
    cleaned = frame.assign(title=frame.title.map(exports.neutralise))
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(cleaned, texts)))
    cell = book.active["B2"]
    assert cell.data_type == "s" and not str(cell.value).startswith(("=", "+", "-", "@"))
    assert exports.to_csv(cleaned).decode("utf-8-sig").splitlines()[1].split(",", 1)[1].lstrip('"').startswith("'")


def test_file_name_says_what_was_filtered():
    assert exports.file_stem(Filters(), texts) == "dorozhnaya_karta_2021"
    stem = exports.file_stem(Filters(akimat=("Атырауская область",), ministry=("МКС",)), texts)
    assert stem == "dorozhnaya_karta_2021_ministry-МКС_akimat-Атырауская_область"
    assert "/" not in exports.file_stem(Filters(q="../../etc/passwd"), texts)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile_frame() -> pd.DataFrame:
    measures, legend, metadata = parse_file(ROOT / "tests" / "fixtures" / "roadmap_hostile.txt")
    db = RoadmapDB(measures, legend, metadata)
    return exports.export_frame(db.filtered("measure_list", Filters()), texts)


def test_no_exported_text_cell_starts_like_a_formula(hostile_frame):
    titles = hostile_frame[texts.COLUMNS["title"]]
    assert sum(t.startswith("'") for t in titles) == 3  # the fixture's =HYPERLINK, +cmd and @SUM titles
    for column in hostile_frame.columns:
        for value in hostile_frame[column]:
            assert not (isinstance(value, str) and value.startswith(FORMULA_START)), (column, value)


def test_xlsx_of_hostile_text_has_no_formula_cell(hostile_frame):
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(hostile_frame, texts))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in cells)
