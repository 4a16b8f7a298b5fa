"""The printable brief as a pure function: self-contained, escaped, the selection in words, the KPIs and
every filtered measure (the browser test prints it to PDF)."""
from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from i18n import en, kk, ru
from loaders.build import parse_file
from reporting.decrees import load_roadmap, rounds
from reporting.vocabulary import MEASURE_STATUSES
from roadmap import brief
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing.naive import assigned
from tests.conftest import ROOT
from tests.helpers import store_csv_report


def render(db: RoadmapDB, filters: Filters, t=ru, labels=None) -> str:
    html = brief.render(filters, db.filtered("measure_list", filters), db.filtered("kpis", filters).iloc[0],
                        db.filtered("by_group", filters), db.filtered("executor_workload", filters), db.metadata,
                        db.options.total_measures, labels or {}, t, today=date(2021, 7, 1))
    return html.decode("utf-8")


@pytest.fixture(scope="module")
def db() -> RoadmapDB:
    return RoadmapDB.open(ROOT / "data" / "roadmap.parquet")


@pytest.fixture(scope="module")
def hostile_db() -> RoadmapDB:
    return RoadmapDB(*parse_file(ROOT / "tests" / "fixtures" / "roadmap_hostile.txt"))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.style += data
            self._in_style = False


def test_nothing_in_the_brief_needs_the_network_or_runs(hostile_db):
    html = render(hostile_db, Filters())
    parsed = Tags()
    parsed.feed(html)
    assert parsed.tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p", "dl", "dt", "dd",
                           "div", "figure", "svg", "text", "rect", "section", "table", "thead", "tbody",
                           "tr", "th", "td"}
    assert not {a for a in parsed.attributes if a in ("src", "href") or a.startswith("on")}
    assert "url(" not in parsed.style and "@import" not in parsed.style
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[нажмите здесь](javascript:alert(1))" in html  # Markdown is not rendered: it is just text here


def test_selection_is_in_words_and_kpis_match_the_query_layer(db):
    filters = Filters(ministry=("МКС",), direction=("D2",), q="проект")
    html = render(db, filters, labels={"ministry": {"МКС": "МКС (Министерство культуры и спорта)"},
                                       "direction": {"D2": "Направление 2. Национальная идентичность"}})
    assert "<dt>Министерство / госорган</dt><dd>МКС (Министерство культуры и спорта)</dd>" in html
    assert "<dt>Направление / раздел</dt><dd>Направление 2. Национальная идентичность</dd>" in html
    assert "<dd>название содержит «проект»</dd>" in html
    k = db.filtered("kpis", filters).iloc[0]
    assert f'<div class="value">{ru.PART_OF.format(part=int(k["measures"]), whole=67)}</div>' in html
    assert f'<div class="value">{ru.number(k["cost_thousand_kzt"] / 1000, 1)}</div>' in html
    numbers = [int(n) for n in re.findall(r'<td class="no">(\d+)</td>', html)]
    assert numbers == db.filtered("measure_list", filters).measure_no.tolist() and numbers


def test_no_filter_and_no_match(db):
    assert ru.BRIEF_NO_FILTERS in render(db, Filters())
    empty = render(db, Filters(q="такого нет"))
    assert ru.NOTHING_FOUND in empty and "<table" not in empty


@pytest.mark.parametrize("t", [ru, kk, en], ids=["ru", "kk", "en"])
def test_the_brief_speaks_the_interface_language(db, t):
    html = render(db, Filters(), t)
    assert f'<html lang="{t.LANGUAGE_CODE}">' in html
    assert t.BRIEF_KPIS in html and t.BRIEF_TABLE in html and t.day(date(2021, 7, 1)) in html


def test_long_lists_are_cut_for_paper_and_say_so(db, monkeypatch):
    monkeypatch.setattr(brief, "TABLE_ROWS_MAX", 10)
    html = render(db, Filters())
    assert len(re.findall(r'<td class="no">', html)) == 10
    assert ru.PART_OF.format(part=10, whole=67) in html


# Execution: the reports for the round shown ------------------------------------------------------------
MEASURES, DECREES = load_roadmap(ROOT / "data" / "roadmap.parquet")
ROUND1 = rounds(DECREES[2021])[0]
REPORTER = "МКС"


@pytest.fixture(scope="module")
def reported_db(tmp_path_factory) -> RoadmapDB:
    """The bundled roadmap with one stored report: REPORTER's, for the first round, a status for each measure."""
    directory = tmp_path_factory.mktemp("reports")
    mine = [no for _, no in assigned(MEASURES, REPORTER)]
    cycle = ("not_done", "done", "in_progress", "not_started")
    store_csv_report(directory, REPORTER, ROUND1, {no: (cycle[k % 4], k) for k, no in enumerate(mine)})
    return RoadmapDB.open(ROOT / "data" / "roadmap.parquet", reports_dir=directory, refresh_seconds=0)


@pytest.mark.parametrize("t", [ru, kk, en], ids=["ru", "kk", "en"])
def test_without_reports_the_brief_says_so_in_one_sentence(db, t):
    html = render(db, Filters(), t)
    shown_round = db.filtered("measure_list", Filters()).report_round.iloc[0].date()
    assert t.BRIEF_EXECUTION_NONE.format(round=t.day(shown_round)) in html
    assert f"<h2>{t.BRIEF_EXECUTION}</h2>" not in html and f"<th>{t.COLUMNS['status']}</th>" not in html
    assert 'class="status"' not in html


@pytest.mark.parametrize("t", [ru, kk, en], ids=["ru", "kk", "en"])
def test_with_reports_the_brief_counts_each_status_and_lists_it(reported_db, t):
    filters = Filters(ministry=(REPORTER, "МОН"))
    listed = reported_db.filtered("measure_list", filters)
    html = render(reported_db, filters, t)
    assert f"<h2>{t.BRIEF_EXECUTION}</h2>" in html and t.BRIEF_EXECUTION_ROUND.format(round=t.day(ROUND1)) in html
    assert t.BRIEF_EXECUTION_NONE.split("{")[0] not in html
    counts = listed.status.value_counts()
    assert counts.get("not_reported", 0) and len(counts) > 2  # reported and unreported measures side by side
    for status in MEASURE_STATUSES:
        part = t.PART_OF.format(part=int(counts.get(status, 0)), whole=len(listed))
        assert f"<dt>{t.STATUS_NAMES[status]}</dt><dd>{part}</dd>" in html, status
    assert f"<th>{t.COLUMNS['status']}</th>" in html
    cells = re.findall(r'<td class="no">(\d+)</td>.*?<td class="status">([^<]*)</td>', html)
    assert cells == [(str(no), t.STATUS_NAMES[status]) for no, status in zip(listed.measure_no, listed.status)]


def test_measures_nobody_reported_on_get_the_sentence_though_others_were_reported(reported_db):
    filters = Filters(ministry=("МИОР",))  # none of its measures is REPORTER's
    listed = reported_db.filtered("measure_list", filters)
    assert len(listed) and set(listed.status) == {"not_reported"}
    html = render(reported_db, filters)
    assert ru.BRIEF_EXECUTION_NONE.format(round=ru.day(ROUND1)) in html and 'class="status"' not in html
