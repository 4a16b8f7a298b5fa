"""Downloads: the functions that build the CSV and XLSX bytes (the browser tests click the real buttons)."""
import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest

from i18n import en, kk
from i18n import ru as texts
from loaders.build import parse_file
from reporting import xlsx
from reporting.decrees import load_roadmap, rounds
from reporting.status import measure_status
from reporting.vocabulary import NOT_REPORTED, STATUSES
from roadmap import exports
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing.naive import assigned
from tests.conftest import ROOT
from tests.helpers import comment_for, store_csv_report


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    db = RoadmapDB.open(ROOT / "data" / "roadmap.parquet")
    return exports.export_frame(db.filtered("measure_list", Filters(akimat=("Атырауская область",))), texts)


def to_xlsx(table, t) -> bytes:
    """One frame as the export routes write it (exports.xlsx_chunks), headed by its own column names."""
    arrow = pa.Table.from_pandas(table, preserve_index=False) if isinstance(table, pd.DataFrame) else table
    return b"".join(exports.xlsx_chunks([arrow], t, header=[str(c) for c in arrow.column_names]))


def test_csv_is_excel_friendly(frame):
    raw = exports.to_csv(frame)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "№" and rows[0] == [texts.COLUMNS[k] for k in exports.COLUMNS]
    assert set(exports.COLUMNS) == set(texts.COLUMNS)
    assert len(rows) == 1 + 47
    atyrau = next(r for r in rows[1:] if r[0] == "21")
    assert atyrau[rows[0].index("Акиматы")] == "Атырауская область; Западно-Казахстанская область"


def test_xlsx_has_typed_numbers_and_dates(frame):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, texts)))
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
    assert xlsx.neutralise(hostile).startswith("'")
    cleaned = frame.assign(title=frame.title.map(xlsx.neutralise))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(cleaned, texts)))
    cell = book.active["B2"]
    assert cell.data_type == "s" and not str(cell.value).startswith(("=", "+", "-", "@"))
    assert exports.to_csv(cleaned).decode("utf-8-sig").splitlines()[1].split(",", 1)[1].lstrip('"').startswith("'")


def test_file_name_says_what_was_filtered():
    assert exports.file_stem(Filters(), texts, (2021,)) == "dorozhnaya_karta_2021"
    assert exports.file_stem(Filters(), texts, (2023, 2021)) == "dorozhnaya_karta_2021-2023"
    assert exports.file_stem(Filters(year=("2023",)), texts, (2023, 2021)) == "dorozhnaya_karta_year-2023"
    stem = exports.file_stem(Filters(akimat=("Атырауская область",), ministry=("МКС",)), texts, (2021,))
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
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(hostile_frame, texts))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in cells)


# The execution columns, from one stored report -----------------------------------------------------------
DATA = ROOT / "data" / "roadmap.parquet"
MEASURES, DECREES = load_roadmap(DATA)
ROUND1, ROUND2 = rounds(DECREES[2021])
REPORTER = "МКС"
EXECUTORS_OF = {no: set(m or ()) | set(a or ()) for no, m, a in zip(
    MEASURES["measure_no"].to_pylist(), MEASURES["ministries"].to_pylist(), MEASURES["akimats"].to_pylist())}


def store_one_report(directory) -> dict[int, tuple[str, float]]:
    """One CSV submission of REPORTER for the first round, stored in `directory`; what it said per measure
    (status, spent).  The statuses cycle in an order that gives each of them to a measure REPORTER holds alone
    (26, 41, 42, 46, 50, 57, 58: 26, 46 and 50 are shared), so every status shows after the rule."""
    mine = [no for _, no in assigned(MEASURES, REPORTER)]
    cycle = ("not_done", "done", "in_progress", "not_started")
    said = {no: (cycle[k % len(cycle)], 100.0 * k + 0.5) for k, no in enumerate(mine)}
    assert store_csv_report(directory, REPORTER, ROUND1, said).stored
    return said


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> tuple[RoadmapDB, dict[int, tuple[str, float]]]:
    directory = tmp_path_factory.mktemp("reports")
    said = store_one_report(directory)
    return RoadmapDB.open(DATA, reports_dir=directory, refresh_seconds=0), said


@pytest.mark.parametrize("t", [texts, kk, en], ids=["ru", "kk", "en"])
def test_each_measure_carries_its_reported_execution(reported, t):
    """The reporter's measures carry the status the rule gives (a measure shared with others that have not
    reported is not done yet) and the amount it spent; everyone else's are not reported, nothing spent."""
    db, said = reported
    frame = exports.export_frame(db.filtered("measure_list", Filters()), t)
    c = t.COLUMNS
    assert list(frame.columns)[-8:] == [c["report_round"], c["status"], c["status_carried_from"],
                                        c["spent_thousand_kzt"], c["reported_executors"], c["executor_count"],
                                        c["unreviewed_reports"], c["information"]]
    assert len(frame) == 67 and set(frame[c["report_round"]]) == {ROUND1}  # the round someone reported in
    for row in frame.to_dict("records"):
        no = row[c["measure_no"]]
        assert row[c["executor_count"]] == len(EXECUTORS_OF[no]), no
        if no in said:
            status, spent = said[no]
            assert row[c["status"]] == t.STATUS_NAMES[measure_status({REPORTER: status}, EXECUTORS_OF[no])], no
            assert row[c["spent_thousand_kzt"]] == spent and row[c["reported_executors"]] == 1, no
            # the round's information: the reporter's comment, prefixed by the reporter; not yet reviewed
            assert row[c["information"]] == f"{REPORTER}: {comment_for(REPORTER, no, status)}", no
            assert row[c["unreviewed_reports"]] == 1 and pd.isna(row[c["status_carried_from"]]), no
        else:
            assert row[c["status"]] == t.STATUS_NAMES[NOT_REPORTED], no
            assert pd.isna(row[c["spent_thousand_kzt"]]) and row[c["reported_executors"]] == 0, no
            assert pd.isna(row[c["information"]]) and row[c["unreviewed_reports"]] == 0, no
    shown = set(frame.loc[frame[c["measure_no"]].isin(said), c["status"]])
    assert shown == {t.STATUS_NAMES[s] for s in STATUSES}  # each told apart, none folded into another


def test_the_round_key_chooses_the_round_exported(reported):
    """Nobody reported in round 2: what was reported in round 1 stands there, marked as carried from it."""
    db, said = reported
    frame = exports.export_frame(db.filtered("measure_list", Filters(round=(ROUND2.isoformat(),))), texts)
    before = exports.export_frame(db.filtered("measure_list", Filters(round=(ROUND1.isoformat(),))), texts)
    c = texts.COLUMNS
    assert set(frame[c["report_round"]]) == {ROUND2}
    assert frame[c["status"]].tolist() == before[c["status"]].tolist()
    carried = frame[frame[c["measure_no"]].isin(said)]
    assert set(carried[c["status_carried_from"]]) == {ROUND1}
    assert frame.loc[~frame[c["measure_no"]].isin(said), c["status_carried_from"]].isna().all()
    assert carried[c["information"]].str.startswith(f"{REPORTER} ({ROUND1.isoformat()}): ").all()


def test_csv_and_xlsx_carry_the_execution_typed(reported):
    db, said = reported
    frame = exports.export_frame(db.filtered("measure_list", Filters(ministry=(REPORTER,))), texts)
    c = texts.COLUMNS
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(frame).decode("utf-8-sig"))))
    assert {int(r[c["measure_no"]]) for r in rows} == set(said)
    for r in rows:
        assert r[c["report_round"]] == ROUND1.isoformat() and r[c["reported_executors"]] == "1"
        assert float(r[c["spent_thousand_kzt"]]) == said[int(r[c["measure_no"]])][1]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, texts))).active
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        cell = {key: row[header.index(c[key])] for key in ("report_round", "spent_thousand_kzt", "reported_executors",
                                                           "executor_count", "status")}
        assert cell["report_round"].value.date() == ROUND1 and cell["report_round"].is_date
        spent = cell["spent_thousand_kzt"]
        assert isinstance(spent.value, float) and spent.number_format != "General"
        assert type(cell["reported_executors"].value) is int and type(cell["executor_count"].value) is int
        assert cell["status"].value in texts.STATUS_NAMES.values()


def test_without_reports_every_measure_is_not_reported(frame):
    c = texts.COLUMNS
    assert set(frame[c["status"]]) == {texts.STATUS_NAMES[NOT_REPORTED]}
    assert frame[c["spent_thousand_kzt"]].isna().all() and frame[c["reported_executors"]].eq(0).all()
    assert all(isinstance(d, date) for d in frame[c["report_round"]])
