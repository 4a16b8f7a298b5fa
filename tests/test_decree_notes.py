"""The decree's notes beside the money: the note printed under the table ("* расходы будут рассмотрены…")
is shown as written next to every money figure — the cost KPI, the funding page, the brief and a sheet of
the XLSX — with its label in the interface language."""
from __future__ import annotations

import io

import openpyxl
import pytest

from i18n import LANGUAGES, ru
from roadmap import brief, exports
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from roadmap.routes import brief_html
from tests.helpers import DATA, run_page

NOTE = "расходы будут рассмотрены в установленном законодательством порядке при уточнении республиканского бюджета"


@pytest.fixture(scope="module")
def db() -> RoadmapDB:
    return RoadmapDB.open(DATA)


def test_the_2021_decree_has_its_note(db):
    notes = db.notes()
    assert len(notes) == 1 and notes[0]["marker"] == "*" and notes[0]["text"].startswith(NOTE)
    assert notes[0]["year"] == 2021


@pytest.mark.parametrize("page", ["app_pages/overview.py", "app_pages/funding.py"])
def test_the_note_stands_beside_the_money_on_screen(page):
    at = run_page(page)
    captions = [c.value for c in at.caption]
    label = ru.DECREE_NOTE.split("{")[0]
    assert [c for c in captions if c.startswith(label) and NOTE in c]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_brief_prints_the_note_under_the_figures(db, code):
    t = LANGUAGES[code]
    html = brief_html(db, Filters(ministry=("МКС",)), t).decode("utf-8")
    note = brief.escape(t.DECREE_NOTE.format(marker="*", text=db.notes()[0]["text"]))
    assert note in html and html.index(note) < html.index(t.BRIEF_TABLE)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_xlsx_has_a_sheet_of_notes(db, code):
    t = LANGUAGES[code]
    tables = [exports.export_table(next(db.batches("measure_list", Filters(), 1000)), t)]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(exports.xlsx_chunks(tables, t, notes=db.notes()))))
    assert book.sheetnames == [t.PAGE_MEASURES[:31], t.NOTES_SHEET]
    rows = list(book[t.NOTES_SHEET].iter_rows(values_only=True))
    assert rows[0] == (t.COL_YEAR, t.NOTES_COLUMNS["marker"], t.NOTES_COLUMNS["text"], t.NOTES_COLUMNS["measures"])
    assert rows[1][:2] == (2021, "*") and rows[1][2].startswith(NOTE)
