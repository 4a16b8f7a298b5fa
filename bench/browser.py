"""The dashboard as users feel it: a real `streamlit run` on the dataset, driven by headless Chromium.

Times are taken in this process around Playwright calls and end at the first animation frame after
the page is complete, checked in the page itself every frame (not by Playwright's polling, whose
back-off would add up to a second):
- navigation: a page's URL opened in a new tab (a new session), once in a new browser context with
  nothing cached (a first visit) and once beside it with the app's scripts in the browser's cache (a
  returning user); done when the script has finished, nothing is stale, every expected Plotly chart
  has drawn its SVG, the expected tables are there and the sidebar shows the expected count;
- filter change: on that page, an akimat is picked in the filter (the click is timed, not the typing
  before it); done on the same conditions with the filtered count.  Each run picks another akimat, so
  the page's queries are not already cached.
Server memory is the resident set (VmRSS) of the server process after 10 sessions opened one after the
other on the freshly started server and kept open; they are also the warm-up of the timed runs.  Each
session is its own browser context, in front of its own page, so none is throttled as a hidden tab.
"""
from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from bench.measure import RUNS
from testing.server import CHROMIUM_ARGS, SERVER_SCRIPT, Server, streamlit_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1440, "height": 1000}
TIMEOUT_MS = 120_000

# True once the page is complete; throws (failing the wait at once) when the app shows an exception.
READY = """
([plots, frames, shown]) => {
  if (document.querySelector('[data-testid="stException"]')) throw new Error('the app shows an exception');
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const charts = document.querySelectorAll('.js-plotly-plot');
  if (charts.length !== plots) return false;
  for (const chart of charts) if (!chart.querySelector('.main-svg')) return false;
  if (document.querySelectorAll('[data-testid="stDataFrame"]').length !== frames) return false;
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  return !!sidebar && sidebar.innerText.includes(shown);
}
"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@dataclass(frozen=True)
class PageCase:
    path: str  # URL path of the page
    frames: int  # tables (st.dataframe) on the page
    charts: object  # callable (db, filters) -> number of Plotly charts the page draws for them


@contextmanager
def server(data: str, workdir: Path, script: str = SERVER_SCRIPT) -> Iterator[Server]:
    """`streamlit run` on a free port with ROADMAP_DATA=data, started as the browser tests start it; its
    log is workdir/streamlit.log."""
    workdir.mkdir(parents=True, exist_ok=True)
    with streamlit_server(workdir, script, ROADMAP_DATA=data) as running:
        yield running


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _wait_ready(page: Page, charts: int, frames: int, shown: str) -> None:
    page.wait_for_function(READY, arg=[charts, frames, shown], polling="raf", timeout=TIMEOUT_MS)
    page.evaluate(NEXT_FRAME)


def shown_text(shown: int, total: int) -> str:
    return f"Показано {shown} из {total} мероприятий"


def navigate(browser: Browser, url: str, charts: int, frames: int, shown: str, context=None) -> tuple[float, Page]:
    """Seconds from a request of `url` in a new tab to the complete page, and the open page.  A new
    context is a new browser with nothing cached; a tab in an existing one has the app's scripts cached."""
    context = context or browser.new_context(viewport=VIEWPORT, locale="ru-RU")
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    _wait_ready(page, charts, frames, shown)
    return time.perf_counter() - start, page


def pick_akimat(page: Page, akimat: str, charts: int, frames: int, shown: str) -> float:
    """Seconds from the click on an akimat in the filter to the complete, redrawn page."""
    page.get_by_role("combobox", name="Акимат").click()
    page.keyboard.type(akimat)  # the option list is virtualised: narrow it first
    option = page.get_by_role("option", name=akimat, exact=True).first
    option.wait_for(state="visible", timeout=TIMEOUT_MS)
    start = time.perf_counter()
    option.click()
    _wait_ready(page, charts, frames, shown)
    elapsed = time.perf_counter() - start
    page.keyboard.press("Escape")
    return elapsed


def measure_pages(browser: Browser, url: str, cases: list[PageCase], akimats: list[str] | None, expect,
                  runs: int = RUNS) -> dict[str, dict[str, list[float]]]:
    """Per page and run, in a new browser (a new context): the first visit with nothing cached, a filter
    change on it (unless akimats is None), then the page again in a new tab, as a returning user with
    the scripts cached.  The caller warms the server up first.

    expect(akimat or None) -> (shown count text, {path: charts}) for the unfiltered or filtered view.
    """
    out: dict[str, dict[str, list[float]]] = {}
    turn = 0
    for case in cases:
        cold, redraw, cached = [], [], []
        for _ in range(runs):
            shown, charts = expect(None)
            seconds, page = navigate(browser, f"{url}/{case.path}", charts[case.path], case.frames, shown)
            cold.append(seconds)
            if akimats:
                akimat = akimats[turn % len(akimats)]
                turn += 1
                filtered_shown, filtered_charts = expect(akimat)
                redraw.append(pick_akimat(page, akimat, filtered_charts[case.path], case.frames, filtered_shown))
            # Closed before the next tab opens: Chromium stops animation frames in a tab that is not in
            # front, which would stall the in-page checks of any page left behind.
            context = page.context
            page.close()
            seconds, page = navigate(browser, f"{url}/{case.path}", charts[case.path], case.frames, shown, context)
            cached.append(seconds)
            context.close()
        out[case.path or "overview"] = {"first visit": cold, "cached": cached, "filter": redraw}
    return out


def memory_after_sessions(browser: Browser, srv: Server, cases: list[PageCase], akimats: list[str], expect,
                          sessions: int = 10) -> tuple[float, float]:
    """Server RSS (MB) after its first session, and with `sessions` sessions open at once; each session
    opens a page with another akimat in its link, as users sharing filtered views would.  Run on a
    fresh server, this is also the warm-up of every page before the timed runs."""
    pages: list[Page] = []
    first = 0.0
    try:
        for index in range(sessions):
            case = cases[index % len(cases)]
            akimat = akimats[index % len(akimats)]
            shown, charts = expect(akimat)
            query = urllib.parse.urlencode({"akimat": akimat})
            _, page = navigate(browser, f"{srv.url}/{case.path}?{query}", charts[case.path], case.frames, shown)
            pages.append(page)
            if index == 0:
                first = srv.rss_mb()
        return first, srv.rss_mb()
    finally:
        for page in pages:
            page.context.close()
