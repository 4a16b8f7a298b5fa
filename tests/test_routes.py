"""The export routes: the strict link reading (table-driven), and the files over real HTTP from a real
`streamlit run server.py`, no browser: every format on filtered views against the pandas reference,
the headers, the execution as one stored report gives it, an executor's report template, and every kind of
bad request answered in one line."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from email.message import Message
from urllib.parse import quote, unquote, urlencode

import openpyxl
import pytest

from i18n import en, kk, ru
from loaders.files import legend_path
from reporting.decrees import load_roadmap, rounds
from reporting.fileformat import HEADER_ROW, META_SHEET, TEMPLATE_COLUMNS
from reporting.review import record
from reporting.status import measure_status
from roadmap import exports, routes
from roadmap.filters import Filters, LinkView, read_link
from roadmap.queries import RoadmapDB
from testing.naive import assigned
from testing.server import streamlit_server
from tests.conftest import ROOT, run_build
from tests.helpers import DATA, comment_for, kept, kept_numbers, store_csv_report


@pytest.fixture(scope="module")
def db() -> RoadmapDB:
    return RoadmapDB.open(DATA)


# The link, read strictly ------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "pairs"), [
    (b"", []),
    (b"ministry=%D0%9C%D0%9A%D0%A1", [("ministry", "МКС")]),
    (b"akimat=%D0%B3.+%D0%A8%D1%8B%D0%BC%D0%BA%D0%B5%D0%BD%D1%82", [("akimat", "г. Шымкент")]),
    (b"q=a%2Bb&q=c", [("q", "a+b"), ("q", "c")]),
    (b"&&direction=D2&", [("direction", "D2")]),
    (b"flag", [("flag", "")]),
    ("ministry=МКС".encode(), [("ministry", "МКС")]),  # raw UTF-8 from a client that does not escape
], ids=["empty", "cyrillic", "plus-is-space", "escaped-plus", "empty-parts", "bare-key", "raw-utf8"])
def test_a_good_query_string_is_read_as_pairs(raw, pairs):
    assert routes.parse_query(raw) == pairs


@pytest.mark.parametrize(("raw", "status", "says"), [
    (b"q=%ZZ", 400, "percent-escape"),
    (b"q=%E0%A4%A", 400, "percent-escape"),
    (b"q=%", 400, "percent-escape"),
    (b"q=%FF%FE", 400, "UTF-8"),
    (b"q=%C3%28", 400, "UTF-8"),
    (b"q=" + b"x" * 8_200, 414, "8192"),
], ids=["not-hex", "cut-short", "lone-percent", "not-utf8", "bad-continuation", "over-8k"])
def test_a_bad_query_string_is_refused_with_a_reason(raw, status, says):
    with pytest.raises(routes.BadRequest) as refused:
        routes.parse_query(raw)
    assert refused.value.status == status and says in refused.value.message


CHOICES = {"ministry": ("МИОР", "МКС", "МОН"), "akimat": ("г. Шымкент", "Атырауская область"),
           "direction": ("D1", "D2", "II"), "funding": ("budget_amount", "not_required"), "report_to": ("АП", "МИОР")}


@pytest.mark.parametrize(("pairs", "filters", "lang"), [
    ([], Filters(), None),
    ([("ministry", "МОН"), ("ministry", "МКС"), ("ministry", "МОН")], Filters(ministry=("МКС", "МОН")), None),
    ([("ministry", "НЕТ"), ("akimat", "<script>"), ("direction", "D9")], Filters(), None),
    ([("q", "Я" * 500), ("q", "second")], Filters(q="Я" * 200), None),
    ([("lang", "kk"), ("lang", "en")], Filters(), "kk"),
    ([("lang", "ru")], Filters(), None),  # the default language stays out of a view
    ([("lang", "xx"), ("foo", "1"), ("ministry[]", "МКС")], Filters(), None),
    ([("funding", "budget_amount"), ("report_to", "АП"), ("direction", "II")],
     Filters(direction=("II",), funding=("budget_amount",), report_to=("АП",)), None),
], ids=["nothing", "repeated-and-reordered", "unknown-values", "long-search", "first-lang", "default-lang",
        "unknown-keys", "several-filters"])
def test_a_link_keeps_known_values_once_in_the_order_of_the_choices(pairs, filters, lang):
    assert read_link(pairs, CHOICES, ["kk", "en"]) == LinkView(filters, lang)


def test_a_view_written_as_a_link_reads_back_as_the_same_view():
    view = LinkView(Filters(ministry=("МКС",), akimat=("г. Шымкент",), q="проект & «Дәстүр»"), "en")
    pairs = [tuple(unquote(x.replace("+", " ")) for x in p.split("=")) for p in view.query_string().split("&")]
    assert read_link(pairs, CHOICES, ["kk", "en"]) == view


def test_a_file_name_keeps_its_cyrillic_and_has_an_ascii_fallback():
    header = routes.content_disposition("dorozhnaya_karta_2021_ministry-МКС.csv")
    assert header.startswith('attachment; filename="dorozhnaya_karta_2021_ministry-___.csv"; ')
    assert header.endswith("filename*=UTF-8''dorozhnaya_karta_2021_ministry-%D0%9C%D0%9A%D0%A1.csv")
    assert routes.content_disposition('a"b\\c.csv').startswith('attachment; filename="a_b_c.csv"')


def test_streamed_files_do_not_depend_on_where_the_batches_break(db, monkeypatch):
    """One row per batch gives the same bytes as the whole frame at once."""
    filters = Filters(akimat=("Атырауская область",))
    whole = exports.export_frame(db.filtered("measure_list", filters), ru)
    monkeypatch.setattr(routes, "ROWS_PER_BATCH", 1)
    tables = list(routes._measure_tables(db, filters, ru))
    assert len(tables) == len(whole) == 47
    assert b"".join(exports.csv_chunks(tables, ru)) == exports.to_csv(whole)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(exports.xlsx_chunks(tables, ru)))).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == whole[ru.COLUMNS["measure_no"]].tolist()


# Over HTTP, from the real server ------------------------------------------------------------------
MEASURES, DECREES = load_roadmap(DATA)
ROUND1, ROUND2 = rounds(DECREES[2021])
REPORTER = "МКС"
REPORTED = {26: "not_done", 41: "done", 42: "in_progress", 46: "not_started", 50: "done", 57: "done",
            58: "in_progress"}  # what REPORTER says of each of its measures in the stored report


def store_report(directory) -> None:
    """REPORTER's report for the first round, as a CSV checked and stored the way the upload page does."""
    assert sorted(REPORTED) == [no for _, no in assigned(MEASURES, REPORTER)]
    assert store_csv_report(directory, REPORTER, ROUND1, {no: (s, f"{no}.5") for no, s in REPORTED.items()}).stored


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on the bundled roadmap, its reports in a directory of the test's own holding one report (never
    whatever a developer's data/reports/ holds)."""
    workdir = tmp_path_factory.mktemp("routes")
    store_report(workdir / "reports")
    with streamlit_server(workdir, ROADMAP_REPORTS=str(workdir / "reports")) as running:
        yield running


def get(server, path: str, method: str = "GET") -> tuple[int, Message, bytes]:
    request = urllib.request.Request(f"{server.url}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


VIEWS = [
    # (link parameters, the Filters they mean)
    ([("akimat", "Атырауская область")], Filters(akimat=("Атырауская область",))),
    # the link names the ministries in another order than the filter panel offers them: one view all the same
    ([("ministry", "МКС"), ("ministry", "МОН"), ("direction", "D2"), ("lang", "kk")],
     Filters(ministry=("МОН", "МКС"), direction=("D2",))),
    ([("funding", "budget_amount"), ("q", "проект"), ("ministry", "НЕТ ТАКОГО"), ("lang", "en")],
     Filters(funding=("budget_amount",), q="проект")),
]
LANG = {None: ru, "kk": kk, "en": en}


def expected_numbers(filters: Filters) -> list[int]:
    return kept_numbers(filters)


@pytest.mark.parametrize(("pairs", "filters"), VIEWS,
                         ids=["akimat", "two-ministries-direction-kk", "funding-search-en"])
def test_every_format_holds_exactly_the_filtered_measures(server, pairs, filters):
    lang = dict(pairs).get("lang")
    t = LANG[lang]
    want = expected_numbers(filters)
    assert want  # a view that keeps nothing would prove little
    query = urlencode(pairs)

    status, headers, body = get(server, f"/export/measures.csv?{query}")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [int(r[t.COLUMNS["measure_no"]]) for r in rows] == want
    applied = LinkView(filters, lang).query_string()
    assert headers["X-Roadmap-Filters"] == applied and headers["X-Roadmap-Measures"] == str(len(want))
    stem = exports.file_stem(filters, t, (2021,))
    assert headers["Content-Disposition"].endswith(f"filename*=UTF-8''{quote(stem + '.csv', safe='')}")

    status, headers, body = get(server, f"/export/measures.xlsx?{query}")
    assert status == 200 and headers["Content-Type"] == routes.XLSX_TYPE
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert book.sheetnames == [t.PAGE_MEASURES[:31], t.NOTES_SHEET]  # the decree's note beside the amounts
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header == [t.COLUMNS[c] for c in exports.COLUMNS]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in values] == want
    amounts = [r[header.index(t.COLUMNS["cost_thousand_kzt"])] for r in values]
    expected_amounts = kept(filters).cost_thousand_kzt.tolist()
    assert [a if a is not None else None for a in amounts] == [None if a != a else a for a in expected_amounts]

    status, headers, body = get(server, f"/export/measures.json?{query}")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(body)
    assert document["total"] == len(want) and [m["measure_no"] for m in document["measures"]] == want
    assert document["filters"] == {k: list(v) if isinstance(v, tuple) else v for k, v in filters.active().items()}

    status, headers, body = get(server, f"/export/brief.html?{query}")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    assert f'<html lang="{t.LANGUAGE_CODE}">' in html
    assert all(f'<td class="no">{n}</td>' in html for n in want)


def readme_json_columns() -> list[str]:
    """The JSON columns as the README documents them, in its order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("**JSON columns**"):].split("\n\n")[0]
    return re.findall(r"`([a-z_]+)`", paragraph.split(":", 1)[1])


def test_json_values_are_typed(server):
    status, _, body = get(server, "/export/measures.json?" + urlencode({"ministry": "МКС"}))
    measures = {m["measure_no"]: m for m in json.loads(body)["measures"]}
    m46 = measures[46]
    assert m46["cost_thousand_kzt"] == 76395.0 and m46["deadline_end"] == "2021-12-31"
    assert measures[26]["cost_thousand_kzt"] is None
    assert isinstance(m46["ministries"], list) and "МКС" in m46["ministries"]
    assert isinstance(m46["akimats_all_regions"], bool) and isinstance(m46["source_line_start"], int)
    assert m46["report_round"] == ROUND1.isoformat() and m46["spent_thousand_kzt"] == 46.5
    assert m46["reported_executors"] == 1 and m46["executor_count"] == 2 and m46["status"] == "not_started"
    assert measures[41]["status"] == "done" and measures[26]["status"] == "not_done"
    assert measures[41]["information"].startswith("МКС: ") and measures[41]["unreviewed_reports"] == 1
    assert m46["status_carried_from"] is None
    assert list(m46) == readme_json_columns()


def test_the_unfiltered_export_holds_every_measure(server):
    status, headers, body = get(server, "/export/measures.json")
    assert status == 200 and headers["X-Roadmap-Filters"] == "" and json.loads(body)["total"] == 67
    assert json.loads(body)["filters"] == {}


def test_head_answers_the_headers_without_a_body(server):
    status, headers, body = get(server, "/export/measures.xlsx?ministry=%D0%9C%D0%9A%D0%A1", method="HEAD")
    assert status == 200 and body == b"" and headers["X-Roadmap-Measures"] == "7"
    assert headers["Content-Disposition"].startswith("attachment; ")


@pytest.mark.parametrize(("method", "path", "status", "says"), [
    ("POST", "/export/measures.csv", 405, "Method Not Allowed"),
    ("PUT", "/export/measures.json", 405, "Method Not Allowed"),
    ("DELETE", "/export/brief.html", 405, "Method Not Allowed"),
    ("GET", "/export/measures.csv?q=" + "x" * 9_000, 414, "at most 8192"),
    ("GET", "/export/measures.csv?q=%C3%28", 400, "not valid UTF-8"),
    ("GET", "/export/measures.csv?q=%ZZ", 400, "broken percent-escape"),
    ("GET", "/export/measures.xls", 404, "no such export"),
    ("GET", "/export/", 404, "no such export"),
    # a path that climbs out is refused before any route sees it
    ("GET", "/export/..%2F..%2Fdata%2Froadmap.parquet", 400, "Bad Request"),
    ("GET", "/export/measures.csv/../../data/roadmap.parquet", 400, "Bad Request"),
], ids=["post", "put", "delete", "too-long", "bad-utf8", "bad-escape", "unknown-format", "no-name", "escaped-path",
        "dotted-path"])
def test_a_bad_request_gets_a_short_answer(server, method, path, status, says):
    got, headers, body = get(server, path, method=method)
    assert got == status, body[:200]
    text = body.decode("utf-8")
    assert says in text and len(text.strip().splitlines()) == 1 and "Traceback" not in text
    assert (headers["Content-Type"] or "text/plain").startswith("text/plain")


def test_a_search_longer_than_the_page_allows_is_cut_as_on_the_page(server):
    status, headers, body = get(server, "/export/measures.json?" + urlencode({"q": "проект" + "я" * 400}))
    assert status == 200 and json.loads(body)["filters"] == {"q": ("проект" + "я" * 400)[:200]}
    assert json.loads(body)["total"] == 0


# The execution, from the stored report -------------------------------------------------------------------
def expected_status(no: int) -> str:
    executors = {e for column in ("ministries", "akimats") for e in MEASURES[column][no - 1].as_py() or ()}
    assert MEASURES["measure_no"][no - 1].as_py() == no
    return measure_status({REPORTER: REPORTED[no]} if no in REPORTED else {}, executors)


@pytest.mark.parametrize(("query", "t"), [("", ru), ("lang=en", en)], ids=["ru", "en"])
def test_the_csv_carries_each_measures_reported_status(server, query, t):
    status, _, body = get(server, f"/export/measures.csv?{query}")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert status == 200 and len(rows) == 67
    c = t.COLUMNS
    for r in rows:
        no = int(r[c["measure_no"]])
        assert r[c["status"]] == t.STATUS_NAMES[expected_status(no)], no
        assert r[c["report_round"]] == ROUND1.isoformat()
        assert r[c["spent_thousand_kzt"]] == (f"{no}.5" if no in REPORTED else ""), no
        assert r[c["reported_executors"]] == ("1" if no in REPORTED else "0"), no


def test_the_brief_shows_the_execution(server):
    _, _, body = get(server, "/export/brief.html?" + urlencode({"ministry": REPORTER}))
    html = body.decode("utf-8")
    assert f"<h2>{ru.BRIEF_EXECUTION}</h2>" in html and f"<th>{ru.COLUMNS['status']}</th>" in html
    assert ru.BRIEF_EXECUTION_ROUND.format(round=ru.day(ROUND1)) in html


# The report template ---------------------------------------------------------------------------------
def template_path(**params: str) -> str:
    return f"/export/{routes.TEMPLATE}?{urlencode(params)}"


def open_template(body: bytes) -> tuple[openpyxl.Workbook, dict[str, str], list[int]]:
    """The workbook, its hidden sheet as a dict, the measure numbers of its rows."""
    book = openpyxl.load_workbook(io.BytesIO(body))
    meta = {key: value for key, value in book[META_SHEET].iter_rows(values_only=True)}
    numbers = [row[0] for row in book.worksheets[0].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
               if row[0] is not None]
    return book, meta, numbers


@pytest.mark.parametrize(("params", "t"), [
    ({"executor": "МКС", "round": "2021-07-05"}, ru),
    ({"executor": "г. Шымкент", "round": "2021-12-05", "year": "2021", "lang": "kk"}, kk),
    ({"executor": "Атырауская область", "round": "2021-07-05", "lang": "en", "ministry": "МОН"}, en),
], ids=["ministry", "city-kk-with-year", "region-en-other-keys-ignored"])
def test_the_template_holds_exactly_the_executors_measures(server, params, t):
    status, headers, body = get(server, template_path(**params))
    assert status == 200, body[:300]
    assert headers["Content-Type"] == routes.XLSX_TYPE
    assert headers["Cache-Control"] == "no-store" and headers["X-Content-Type-Options"] == "nosniff"
    executor, round_ = params["executor"], params["round"]
    name = f"{t.REPORT_FILE_STEM}_{executor.replace(' ', '_')}_{round_}.xlsx"
    assert headers["Content-Disposition"].startswith("attachment; ")
    assert headers["Content-Disposition"].endswith(f"filename*=UTF-8''{quote(name, safe='')}")
    book, meta, numbers = open_template(body)
    assert book[META_SHEET].sheet_state == "hidden" and book.worksheets[0].title == t.REPORT_SHEET[:31]
    assert (meta["executor"], meta["round"], meta["roadmap_year"], meta["decree_number"], meta["lang"]) == (
        executor, round_, "2021", "50", t.LANGUAGE_CODE)
    assert [(2021, no) for no in numbers] == assigned(MEASURES, executor) and numbers
    header = [cell.value for cell in book.worksheets[0][HEADER_ROW]]
    assert header == [t.REPORT_COLUMNS[c] for c in TEMPLATE_COLUMNS]
    assert headers["X-Roadmap-Measures"] == str(len(numbers))


def test_the_template_link_helper_gives_a_working_link(server):
    link = routes.template_url("г. Шымкент", date(2021, 7, 5), "kk")
    assert link.startswith(f"export/{routes.TEMPLATE}?") and " " not in link
    status, headers, body = get(server, "/" + link)
    assert status == 200 and open_template(body)[1]["lang"] == "kk"
    assert routes.template_url("МКС", "2021-07-05", "ru") == f"export/{routes.TEMPLATE}?" + urlencode(
        {"executor": "МКС", "round": "2021-07-05"})  # the default language stays out of the link


def test_head_answers_the_templates_headers_without_a_body(server):
    status, headers, body = get(server, template_path(executor="МКС", round="2021-07-05"), method="HEAD")
    assert status == 200 and body == b"" and headers["X-Roadmap-Measures"] == "7"
    assert headers["Content-Type"] == routes.XLSX_TYPE and headers["Content-Disposition"].startswith("attachment; ")
    status, _, _ = get(server, template_path(executor="НЕТ ТАКОГО", round="2021-07-05"), method="HEAD")
    assert status == 404


DATES_2021 = "the reporting dates are: 2021-07-05, 2021-12-05"


@pytest.mark.parametrize(("query", "status", "says"), [
    ("", 400, "missing executor and round"),
    ("round=2021-07-05", 400, "missing executor:"),
    ("executor=%D0%9C%D0%9A%D0%A1", 400, "missing round:"),
    ("executor=%D0%9C%D0%9A%D0%A1&round=", 400, "missing round:"),
    (urlencode({"executor": "НЕТ ТАКОГО", "round": "2021-07-05"}), 404, "no such executor: НЕТ ТАКОГО"),
    (urlencode({"executor": "Я" * 300, "round": "2021-07-05"}), 404, "no such executor: " + "Я" * 80),
    (urlencode({"executor": "мкс", "round": "2021-07-05"}), 404, "no such executor: мкс"),
    (urlencode({"executor": "МКС", "round": "2021-07-06"}), 404, f"2021-07-06 is not a reporting date; {DATES_2021}"),
    (urlencode({"executor": "МКС", "round": "05.07.2021"}), 404, f"05.07.2021 is not a reporting date; {DATES_2021}"),
    (urlencode({"executor": "МКС", "round": "2021-02-30"}), 404, DATES_2021),
    (urlencode({"executor": "МКС", "round": "2021-07-05", "year": "2023"}), 404, "no roadmap of 2023 is loaded"),
    (urlencode({"executor": "МКС", "round": "2021-07-05", "year": "21"}), 400, "four digits"),
    ("executor=%ZZ&round=2021-07-05", 400, "broken percent-escape"),
], ids=["nothing", "no-executor", "no-round", "empty-round", "unknown-executor", "long-executor-cut",
        "executor-in-other-case", "not-a-round", "not-iso", "no-such-day", "year-not-loaded", "year-not-a-year",
        "bad-escape"])
def test_a_bad_template_request_gets_a_short_answer(server, query, status, says):
    got, headers, body = get(server, f"/export/{routes.TEMPLATE}?{query}")
    assert got == status, body[:200]
    text = body.decode("utf-8")
    assert says in text and len(text.strip().splitlines()) == 1 and "Traceback" not in text
    assert "Я" * 81 not in text
    assert headers["Content-Type"].startswith("text/plain")


# Two decrees: the round says which one ---------------------------------------------------------------
@pytest.fixture(scope="module")
def two_decrees(tmp_path_factory):
    """The 2021 decree and the 2023 fixture side by side, no reports; yields the folder and the server."""
    workdir = tmp_path_factory.mktemp("two_decrees")
    folder = workdir / "data"
    folder.mkdir()
    shutil.copy(DATA, folder / "roadmap_2021.parquet")
    shutil.copy(legend_path(DATA), legend_path(folder / "roadmap_2021.parquet"))
    built = run_build(ROOT / "tests" / "fixtures" / "roadmap_2023_other.txt", "--out", folder / "roadmap_2023.parquet")
    assert built.returncode == 0, built.stderr
    (workdir / "reports").mkdir()
    with streamlit_server(workdir, ROADMAP_DATA=str(folder / "roadmap_*.parquet"),
                          ROADMAP_REPORTS=str(workdir / "reports")) as running:
        yield folder, running


def test_the_template_of_a_round_holds_only_its_decrees_measures(two_decrees):
    folder, server = two_decrees
    measures, decrees = load_roadmap(folder / "roadmap_*.parquet")
    (round_2023,) = rounds(decrees[2023])
    executor = "г. Шымкент"  # in both decrees, through their measures of all akimats
    both = assigned(measures, executor)
    assert {year for year, _ in both} == {2021, 2023}
    status, _, body = get(server, template_path(executor=executor, round=round_2023.isoformat()))
    assert status == 200, body[:300]
    _, meta, numbers = open_template(body)
    assert meta["roadmap_year"] == "2023" and meta["decree_number"] == decrees[2023]["decree_number"]
    assert [(2023, no) for no in numbers] == [m for m in both if m[0] == 2023]


@pytest.mark.parametrize(("params", "status", "says"), [
    ({"executor": "МКС", "round": "2023-07-10"}, 404, "МКС has no measures in the 2023 roadmap"),
    ({"executor": "МКС", "round": "2023-07-10", "year": "2021"}, 404,
     f"2023-07-10 is not a reporting date of the 2021 roadmap; {DATES_2021}"),
    ({"executor": "МКС", "round": "2021-07-06"}, 404, f"{DATES_2021}, 2023-07-10"),
], ids=["executor-not-in-the-rounds-decree", "round-not-of-the-year", "all-decrees-dates"])
def test_a_template_outside_the_executors_decree_is_refused(two_decrees, params, status, says):
    _, server = two_decrees
    got, _, body = get(server, template_path(**params))
    text = body.decode("utf-8")
    assert got == status and says in text and len(text.strip().splitlines()) == 1, text


# The report log: /export/reports.csv|xlsx|json ----------------------------------------------------------
FORMULA = "=1+1"  # what a hostile or careless executor may write: a spreadsheet must show it, never run it
RETURNED = 41  # REPORTER's December report on it is returned: the July one stands in December


@pytest.fixture(scope="module")
def log_server(tmp_path_factory):
    """The app with REPORTER's July report, МОН's July report (a formula-looking comment on measure 4) and
    REPORTER's December report on one measure, which МИОР returned."""
    workdir = tmp_path_factory.mktemp("report_log")
    reports = workdir / "reports"
    store_report(reports)
    mon = {no: ("in_progress", None) for _, no in assigned(MEASURES, "МОН")}
    store_csv_report(reports, "МОН", ROUND1, mon, comments={4: FORMULA})
    returned = store_csv_report(reports, REPORTER, ROUND2, {RETURNED: ("not_started", 1.0)})
    record(returned.path.stem, "returned", "Петров П.", "Уточните", directory=reports)
    with streamlit_server(workdir, ROADMAP_REPORTS=str(reports)) as running:
        yield running


def readme_report_log_columns() -> list[str]:
    """The report log export's columns as the README's table lists them, in its order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Report log export columns**"):]
    return re.findall(r"^\| `([a-z_]+)` \|", section.split("\n\n")[1], flags=re.MULTILINE)


def report_json(server, **params) -> dict:
    status, headers, body = get(server, "/export/reports.json?" + urlencode(params, doseq=True))
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(body)
    assert headers["X-Roadmap-Reports"] == str(document["total"]) == str(len(document["reports"]))
    return document


def test_the_report_log_follows_the_ministry_and_round_filters(log_server):
    every = report_json(log_server)["reports"]
    assert [list(r) for r in every[:1]] == [readme_report_log_columns()]
    # every row of what stands in each round, and the returned one in its own round
    assert {(r["round"], r["executor"]) for r in every} == {
        (ROUND1.isoformat(), REPORTER), (ROUND1.isoformat(), "МОН"), (ROUND2.isoformat(), REPORTER),
        (ROUND2.isoformat(), "МОН")}
    mks = report_json(log_server, ministry=REPORTER)
    assert mks["filters"] == {"ministry": [REPORTER]}
    wanted = set(kept_numbers(Filters(ministry=(REPORTER,))))
    assert {r["measure_no"] for r in mks["reports"]} == wanted  # МОН's rows on REPORTER's shared measure 46 too
    assert {r["executor"] for r in mks["reports"] if r["measure_no"] == 46} == {REPORTER, "МОН"}
    assert not [r for r in mks["reports"] if r["measure_no"] == 4]  # МОН's own measure is out of view
    july = report_json(log_server, ministry=REPORTER, round=ROUND1.isoformat())["reports"]
    assert {r["round"] for r in july} == {ROUND1.isoformat()}
    assert len(july) == len(REPORTED) + 1  # REPORTER's measures, and МОН's report on measure 46
    only_mon = report_json(log_server, ministry="МОН", round=ROUND1.isoformat())["reports"]
    assert {r["executor"] for r in only_mon} <= {"МОН", REPORTER}
    assert {r["measure_no"] for r in only_mon} == {no for _, no in assigned(MEASURES, "МОН")}


def test_the_report_log_gives_the_comment_the_carried_round_and_the_returned_report(log_server):
    rows = report_json(log_server, ministry=REPORTER)["reports"]
    july = {r["measure_no"]: r for r in rows if r["round"] == ROUND1.isoformat() and r["executor"] == REPORTER}
    assert july[26]["comment"] == comment_for(REPORTER, 26, "not_done") and july[26]["status"] == "not_done"
    assert july[26]["spent_thousand_kzt"] == 26.5 and july[26]["carried_from"] is None
    assert july[26]["review_state"] == "unreviewed" and july[26]["received_at"].endswith("Z")
    assert "submitter" not in july[26]  # who sent it is not public
    december = [r for r in rows if r["round"] == ROUND2.isoformat() and r["measure_no"] == RETURNED]
    # what stands: the July report, carried; then the returned December report, which counts for nothing
    assert [(r["status"], r["carried_from"], r["review_state"]) for r in december] == [
        ("done", ROUND1.isoformat(), "unreviewed"), ("not_started", None, "returned")]


def test_the_report_log_csv_and_xlsx_neutralise_a_formula_and_are_typed(log_server):
    query = urlencode({"ministry": "МОН", "round": ROUND1.isoformat(), "lang": "kk"})
    status, headers, body = get(log_server, f"/export/reports.csv?{query}")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8" and body.startswith(b"\xef\xbb\xbf")
    columns = exports.report_log_headers(kk)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0]) == [columns[c] for c in exports.REPORT_LOG]
    by_measure = {(int(r[columns["measure_no"]]), r[columns["executor"]]): r for r in rows}
    assert by_measure[(4, "МОН")][columns["comment"]] == "'" + FORMULA
    assert by_measure[(4, "МОН")][columns["status"]] == kk.STATUS_NAMES["in_progress"]
    assert by_measure[(4, "МОН")][columns["review_state"]] == kk.REVIEW_STATES["unreviewed"]
    assert headers["X-Roadmap-Reports"] == str(len(rows))
    assert "filename*=UTF-8''esepter_" in headers["Content-Disposition"]

    status, headers, body = get(log_server, f"/export/reports.xlsx?{query}")
    assert status == 200 and headers["Content-Type"] == routes.XLSX_TYPE
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header = [c.value for c in sheet[1]]
    assert header == [columns[c] for c in exports.REPORT_LOG]
    cells = {(r[header.index(columns["measure_no"])].value, r[header.index(columns["executor"])].value): r
             for r in sheet.iter_rows(min_row=2)}
    comment = cells[(4, "МОН")][header.index(columns["comment"])]
    assert comment.value == "'" + FORMULA and comment.data_type == "s"
    mks = cells[(46, REPORTER)]  # a measure МОН shares with REPORTER
    assert mks[header.index(columns["round"])].value.date() == ROUND1
    assert mks[header.index(columns["spent_thousand_kzt"])].value == 46.5
    received = mks[header.index(columns["received_at"])].value  # a date and time, to the second, in UTC
    stored = next(r["received_at"] for r in report_json(log_server, ministry="МОН", round=ROUND1.isoformat())["reports"]
                  if r["measure_no"] == 46 and r["executor"] == REPORTER)
    assert abs(received - datetime.fromisoformat(stored).replace(tzinfo=None, microsecond=0)) < timedelta(seconds=1)


def test_head_answers_the_report_logs_headers_without_a_body(log_server):
    for suffix in ("csv", "xlsx", "json"):
        status, headers, body = get(log_server, f"/export/reports.{suffix}?ministry=%D0%9C%D0%9A%D0%A1", method="HEAD")
        assert status == 200 and body == b"", suffix
        assert headers["X-Roadmap-Reports"] == str(report_json(log_server, ministry=REPORTER)["total"])
        assert headers["X-Roadmap-Measures"] == str(len(REPORTED))
        assert headers["X-Roadmap-Filters"] == "ministry=%D0%9C%D0%9A%D0%A1"
