"""The app in a real headless Chromium, on a freshly started server: deep links with filters,
the CSV download, hostile URLs.  Screenshots go to artifacts/screenshots/."""
import io
import json
import re
import shutil
from urllib.parse import quote

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from i18n import ru as texts
from loaders.files import legend_path
from roadmap import exports
from roadmap.filters import Filters
from testing.server import streamlit_server
from tests.browser.shared import AS_A_PHONE, download, download_csv, open_page
from tests.conftest import ROOT, run_build
from tests.helpers import DATA, kept_numbers

pytestmark = pytest.mark.browser



def numbers_where(ministry=None, akimat=None) -> list[int]:
    return kept_numbers(Filters(ministry=(ministry,) if ministry else (), akimat=(akimat,) if akimat else ()))


DEEP_LINKS = [
    # path, query, page heading, charts expected, (ministry, akimat) for the CSV check
    ("", "", "Дорожная карта «Рухани жаңғыру»", 4, (None, None)),
    ("funding", "akimat=Атырауская область", "Финансирование", 6, (None, "Атырауская область")),
    ("executors", "ministry=МКС&akimat=Атырауская область", "Исполнители", 4, ("МКС", "Атырауская область")),
    ("timeline", "ministry=МОН", "Сроки", 2, ("МОН", None)),
    ("measures", "akimat=Атырауская область", "Мероприятия", 0, (None, "Атырауская область")),
]


@pytest.mark.parametrize(("path", "query", "heading", "charts", "expected"), DEEP_LINKS,
                         ids=[d[0] or "overview" for d in DEEP_LINKS])
def test_deep_link_shows_the_filtered_view(page: Page, app_url, screenshots, path, query, heading, charts, expected):
    url = f"{app_url}/{path}" + (f"?{quote(query, safe='=&')}" if query else "")
    open_page(page, url, heading)
    if charts:
        expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=30_000)
        for plot in page.locator(".js-plotly-plot").all():
            expect(plot.locator(".main-svg").first).to_be_visible()
    want = numbers_where(*expected)
    expect(page.get_by_text(f"Показано {len(want)} из 67 мероприятий")).to_be_visible()
    rows = download_csv(page)
    assert [int(r["№"]) for r in rows] == want
    page.screenshot(path=str(screenshots / f"{path or 'overview'}.png"), full_page=True)


LIST_KEYS = ("ministry", "akimat", "direction", "funding", "report_to")
HOSTILE = [
    # query string, the measures that must be shown: unknown values are dropped, known ones kept
    ("script", "&".join(f"{k}=<script>alert(1)</script><img src=x onerror=alert(2)>" for k in LIST_KEYS), (None, None)),
    ("sql", "ministry=МКС'; DROP TABLE measures; --&akimat=' OR 1=1 --&direction=D1/*&funding=*/ OR ''='"
            "&report_to=АП\'); SELECT 1 --", (None, None)),
    # 10 000 characters in every key (Latin, to stay under the server's 64 KB request-line limit) and
    # 10 000 Cyrillic letters (60 KB once percent-encoded) in one
    ("10k", "&".join(f"{k}={'x' * 10_000}" for k in LIST_KEYS), (None, None)),
    ("10k-cyrillic", f"akimat={'Я' * 10_000}", (None, None)),
    ("bad-utf8", "&".join(f"{k}=%FF%FE%C3%28%E0%A4%A" for k in LIST_KEYS), (None, None)),
    ("repeated", "ministry=МКС&ministry=НЕТ ТАКОГО&ministry=МКС&akimat=г. Шымкент&akimat=г. Шымкент&akimat=Атлантида",
     ("МКС", "г. Шымкент")),
    ("unknown-keys", "foo=1&ministry[]=МКС&__proto__=x&page=../../etc/passwd", (None, None)),
]


@pytest.mark.parametrize(("query", "expected"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_url_drops_what_it_does_not_know(page: Page, app_url, query, expected):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, f"{app_url}/measures?{quote(query, safe='=&%')}", "Мероприятия")
    want = numbers_where(*expected)
    expect(page.get_by_text(f"Показано {len(want)} из 67 мероприятий")).to_be_visible()
    assert [int(r["№"]) for r in download_csv(page)] == want
    assert dialogs == [] and page.locator('img[src="x"]').count() == 0


def test_overlong_search_text_is_cut_and_matches_nothing(page: Page, app_url):
    open_page(page, f"{app_url}/funding?q={quote('Я' * 10_000)}", "Финансирование")
    expect(page.get_by_text("Показано 0 из 67 мероприятий")).to_be_visible()
    expect(page.get_by_text("Ни одно мероприятие не подходит")).to_be_visible()


def test_filter_change_in_the_browser_updates_url_and_download(page: Page, app_url, screenshots):
    open_page(page, f"{app_url}/funding", "Финансирование")
    page.get_by_role("combobox", name="Акимат").click()
    page.keyboard.type("Шымкент")  # the option list is virtualised: narrow it first
    page.get_by_role("option", name="г. Шымкент").first.click()
    page.keyboard.press("Escape")
    want = numbers_where(akimat="г. Шымкент")
    expect(page.get_by_text(f"Показано {len(want)} из 67 мероприятий")).to_be_visible()
    expect(page).to_have_url(re.compile(r"akimat="))
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning")
    assert [int(r["№"]) for r in download_csv(page)] == want
    page.screenshot(path=str(screenshots / "funding_shymkent.png"), full_page=True)


FORMAT_VIEWS = [
    ("measures", {"akimat": ["Атырауская область"]}),
    ("funding", {"ministry": ["МОН", "МКС"], "direction": ["D2"]}),  # in the order the panel offers them
    ("executors", {"funding": ["budget_amount"], "q": ["проект"]}),
]


@pytest.mark.parametrize(("path", "view"), FORMAT_VIEWS, ids=["akimat", "ministries-direction", "funding-search"])
def test_every_download_holds_exactly_the_measures_the_page_counts(page: Page, app_url, path, view):
    filters = Filters(**{k: (v[0] if k == "q" else tuple(v)) for k, v in view.items()})
    want = kept_numbers(filters)
    query = "&".join(f"{k}={quote(v)}" for k, values in view.items() for v in values)
    open_page(page, f"{app_url}/{path}?{query}", {"measures": "Мероприятия", "funding": "Финансирование",
                                                    "executors": "Исполнители"}[path])
    shown = page.get_by_text(re.compile(r"^Показано \d+ из 67 мероприятий$"))
    expect(shown).to_have_text(f"Показано {len(want)} из 67 мероприятий")

    assert [int(r["№"]) for r in download_csv(page)] == want
    sheet = openpyxl.load_workbook(io.BytesIO(download(page, "xlsx").path().read_bytes())).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == want
    document = json.loads(download(page, "json").path().read_text(encoding="utf-8"))
    assert document["total"] == len(want) and [m["measure_no"] for m in document["measures"]] == want
    brief = download(page, "html")
    html = brief.path().read_text(encoding="utf-8")
    assert re.findall(r'<td class="no">(\d+)</td>', html) == [str(n) for n in want]
    assert brief.suggested_filename == f"{exports.file_stem(filters, texts, (2021,))}.html"


@pytest.fixture(scope="module")
def two_decree_server(tmp_path_factory):
    """A fresh server on the 2021 decree and the 2023 fixture, both numbered from 1, loaded by one glob."""
    folder = tmp_path_factory.mktemp("two_decrees")
    shutil.copy(DATA, folder / "roadmap_2021.parquet")
    shutil.copy(legend_path(DATA), legend_path(folder / "roadmap_2021.parquet"))
    built = run_build(ROOT / "tests" / "fixtures" / "roadmap_2023_other.txt", "--out", folder / "roadmap_2023.parquet")
    assert built.returncode == 0, built.stderr
    with streamlit_server(tmp_path_factory.mktemp("two_decree_server"),
                          ROADMAP_DATA=str(folder / "roadmap_*.parquet")) as server:
        yield server, folder


def test_a_deep_link_with_a_year_on_a_fresh_server(page: Page, two_decree_server, screenshots):
    server, folder = two_decree_server
    paths = {2021: DATA, 2023: folder / "roadmap_2023.parquet"}
    total = sum(len(kept_numbers(Filters(), p)) for p in paths.values())
    want = kept_numbers(Filters(), paths[2023])
    open_page(page, f"{server.url}/measures?year=2023", "Мероприятия")
    expect(page.get_by_text(f"Показано {len(want)} из {total} мероприятий")).to_be_visible()
    rows = download_csv(page)
    assert {r["Год"] for r in rows} == {"2023"} and [int(r["№"]) for r in rows] == want
    page.screenshot(path=str(screenshots / "two_decrees_measures_2023.png"), full_page=True)
    open_page(page, f"{server.url}/", "Дорожная карта «Рухани жаңғыру»")
    expect(page.get_by_role("heading", name="Дорожные карты по годам")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(5)  # years; directions (work, money); calendar; executors
    page.screenshot(path=str(screenshots / "two_decrees_overview.png"), full_page=True)


@pytest.fixture(scope="module")
def varied_server(tmp_path_factory):
    """A fresh server on the decree written with every varied form (tests/fixtures/roadmap_2022_varied.txt)."""
    folder = tmp_path_factory.mktemp("varied")
    built = run_build(ROOT / "tests" / "fixtures" / "roadmap_2022_varied.txt", "--out", folder / "roadmap_2022.parquet")
    assert built.returncode == 0, built.stderr
    with streamlit_server(tmp_path_factory.mktemp("varied_server"),
                          ROADMAP_DATA=str(folder / "roadmap_2022.parquet")) as server:
        yield server


@pytest.mark.parametrize("width", [1280, pytest.param(390, marks=AS_A_PHONE)])
def test_timeline_funding_and_executors_show_the_varied_forms(page: Page, varied_server, screenshots, width):
    """The Gantt draws fixed dates as points and periodic deadlines with their frequency; the Executors page
    lists organisations by agreement and collective executors; the Funding page totals amounts by budget."""
    page.set_viewport_size({"width": width, "height": 1000})
    open_page(page, f"{varied_server.url}/timeline", texts.PAGE_TIMELINE)
    expect(page.get_by_text(texts.GANTT_KINDS_NOTE)).to_be_visible()
    gantt = page.locator(".js-plotly-plot").first
    expect(gantt.locator(".scatterlayer path.point")).to_have_count(2)  # «до 1 декабря», «к 1 июля»: points
    assert gantt.locator(".barlayer g.point").count() >= 7  # the windows and the periodic deadlines: bars
    for frequency in ("quarterly", "monthly", "yearly", "ongoing"):
        expect(gantt.get_by_text(texts.DEADLINE_FREQUENCIES[frequency], exact=True)).to_have_count(1)
    page.screenshot(path=str(screenshots / f"varied_timeline_{width}.png"), full_page=True)

    open_page(page, f"{varied_server.url}/executors", texts.PAGE_EXECUTORS)
    expect(page.get_by_role("heading", name=texts.EXECUTORS_MARKED)).to_be_visible()
    table = page.locator('[data-testid="stDataFrame"]')
    expect(table).to_have_count(1)
    page.screenshot(path=str(screenshots / f"varied_executors_{width}.png"), full_page=True)

    open_page(page, f"{varied_server.url}/funding", texts.PAGE_FUNDING)
    expect(page.get_by_role("heading", name=texts.FUNDING_BY_SOURCE)).to_be_visible()
    chart = page.locator(".st-key-chart_funding_by_source .js-plotly-plot")
    expect(chart.get_by_text("197 000,0")).to_have_count(1)
    expect(chart.get_by_text("90 000,0")).to_have_count(1)
    page.screenshot(path=str(screenshots / f"varied_funding_{width}.png"), full_page=True)
