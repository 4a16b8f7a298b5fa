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
Each of these is also split into its parts (bench/breakdown.py): a script in every page (INIT) notes when the
page sends the server its rerun request and when each message of the server's is handled, with its bytes;
the server (bench/timed_server.py) writes each script run's time and steps.
Server memory is the resident set (VmRSS) of the server process after 10 sessions opened one after the
other on the freshly started server and kept open; they are also the warm-up of the timed runs.  Each
session is its own browser context, in front of its own page, so none is throttled as a hidden tab.
"""
from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench import breakdown, frontend
from bench.measure import RUNS
from testing.server import CHROMIUM_ARGS, Server, streamlit_server

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
  if (!sidebar || !sidebar.innerText.includes(shown)) return false;
  if (window.__bench) window.__bench.ready = performance.now();
  return true;
}
"""
# Added to every page before its own scripts: the times (performance.now(), ms since the navigation began)
# at which the page sends a message to the server (its rerun requests) and handles each message from it,
# with the message; and the time of the last pointer press (the click that changes a filter).  A message
# handled later than it arrived waited for the page's main thread: that wait is the page's, not the server's.
INIT = """
(() => {
  const bench = window.__bench = {sent: [], received: [], press: null, ready: null};
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => bench.received.push([performance.now(), event.data]));
    }
    send(data) { bench.sent.push(performance.now()); return super.send(data); }
  };
  document.addEventListener('pointerdown', () => { bench.press = performance.now(); }, true);
})();
"""
# What INIT noted, the messages as base64 (their bytes are decoded in bench/breakdown.py).
COLLECTED = """
() => {
  const base64 = data => {
    const bytes = new Uint8Array(data);
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return btoa(text);
  };
  const b = window.__bench;
  return {sent: b.sent, press: b.press, ready: b.ready,
          received: b.received.map(([t, data]) => [t, typeof data === 'string' ? '' : base64(data)])};
}
"""
STATE = """() => ({script: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
  stale: document.querySelectorAll('[data-stale="true"]').length,
  charts: document.querySelectorAll('.js-plotly-plot').length,
  drawn: [...document.querySelectorAll('.js-plotly-plot')].filter(c => c.querySelector('.main-svg')).length,
  tables: document.querySelectorAll('[data-testid="stDataFrame"]').length,
  shown: (document.querySelector('[data-testid="stSidebar"]')?.innerText.match(/Показано.{0,40}/) || [''])[0]})"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@dataclass(frozen=True)
class PageCase:
    path: str  # URL path of the page
    frames: int  # tables (st.dataframe) on the page
    charts: object  # callable (db, filters) -> number of Plotly charts the page draws for them


TIMED_SERVER = "bench/timed_server.py"  # server.py's app, each script run timed (bench/server_timing.py)


@contextmanager
def server(data: str, workdir: Path, app: str = "dashboard.py") -> Iterator[Server]:
    """`streamlit run` of `app` on a free port with ROADMAP_DATA=data, started as the browser tests start it,
    through bench/timed_server.py: each script run is written to workdir/runs.jsonl, and a run started while
    workdir/profile/on exists is profiled there.  Its log is workdir/streamlit.log."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "profile").mkdir(exist_ok=True)
    (workdir / "runs.jsonl").write_text("")
    with streamlit_server(workdir, TIMED_SERVER, ROADMAP_DATA=data, BENCH_APP=app,
                          BENCH_SERVER_TIMINGS=str(workdir / "runs.jsonl"),
                          BENCH_PROFILE=str(workdir / "profile")) as running:
        yield running


def server_runs(srv: Server, begin: float, end: float) -> list[dict]:
    """The server's records of the script runs that started between these two moments (time.time())."""
    records = (json.loads(line) for line in (srv.log.parent / "runs.jsonl").read_text().splitlines() if line)
    return [r for r in records if begin <= r["start"] <= end]


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _wait_ready(page: Page, charts: int, frames: int, shown: str) -> None:
    try:
        page.wait_for_function(READY, arg=[charts, frames, shown], polling="raf", timeout=TIMEOUT_MS)
    except PlaywrightTimeout as exc:
        raise RuntimeError(f"{page.url} not ready: expected {charts} charts, {frames} tables, {shown!r}; "
                           f"the page has {page.evaluate(STATE)}") from exc
    page.evaluate(NEXT_FRAME)


def shown_text(shown: int, total: int) -> str:
    return f"Показано {shown} из {total} мероприятий"


def new_context(browser: Browser):
    """A new browser with nothing cached, noting what its pages send and receive (INIT)."""
    context = browser.new_context(viewport=VIEWPORT, locale="ru-RU")
    context.add_init_script(INIT)
    return context


def navigate(browser: Browser, url: str, charts: int, frames: int, shown: str, context=None,
             profile: Path | None = None) -> tuple[float, Page]:
    """Seconds from a request of `url` in a new tab to the complete page, and the open page.  A new
    context is a new browser with nothing cached; a tab in an existing one has the app's scripts cached.
    `profile`: where to keep the page's CPU profile of it (bench/frontend.py)."""
    context = context or new_context(browser)
    page = context.new_page()
    recording = frontend.Recording(page) if profile else None
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    _wait_ready(page, charts, frames, shown)
    elapsed = time.perf_counter() - start
    if recording:
        recording.stop(profile)
    return elapsed, page


def pick_akimat(page: Page, akimat: str, charts: int, frames: int, shown: str, profile: Path | None = None) -> float:
    """Seconds from the click on an akimat in the filter to the complete, redrawn page."""
    page.get_by_role("combobox", name="Акимат").click()
    page.keyboard.type(akimat)  # the option list is virtualised: narrow it first
    option = page.get_by_role("option", name=akimat, exact=True).first
    option.wait_for(state="visible", timeout=TIMEOUT_MS)
    recording = frontend.Recording(page) if profile else None
    start = time.perf_counter()
    option.click()
    _wait_ready(page, charts, frames, shown)
    elapsed = time.perf_counter() - start
    if recording:
        recording.stop(profile)
    page.keyboard.press("Escape")
    return elapsed


def _parts(srv: Server, page: Page, seconds: float, pressed: bool, began: float) -> breakdown.Sample:
    return breakdown.sample(seconds, page.evaluate(COLLECTED), pressed, server_runs(srv, began, time.time()))


def measure_pages(browser: Browser, srv: Server, cases: list[PageCase], akimats: list[str] | None, expect,
                  runs: int = RUNS, profiles: Path | None = None) -> dict[str, dict]:
    """Per page and run, in a new browser (a new context): the first visit with nothing cached, a filter
    change on it (unless akimats is None), then the page again in a new tab, as a returning user with
    the scripts cached.  The caller warms the server up first.  Each kind's seconds, and its parts
    (bench/breakdown.py) under "parts".

    expect(akimat or None) -> (shown count text, {path: charts}) for the unfiltered or filtered view.
    `profiles`: a folder for each page's CPU profiles (bench/frontend.py), `<page>-<kind>.cpuprofile`.
    """
    out: dict[str, dict] = {}
    turn = 0
    for case in cases:
        seconds: dict[str, list[float]] = {kind: [] for kind in breakdown.KINDS}
        parts: dict[str, list[breakdown.Sample]] = {kind: [] for kind in breakdown.KINDS}

        def note(kind: str, elapsed: float, page: Page, began: float, seconds=seconds, parts=parts) -> None:
            seconds[kind].append(elapsed)
            parts[kind].append(_parts(srv, page, elapsed, kind == "filter", began))

        def profile(kind: str, case=case) -> Path | None:
            return profile_file(profiles, case.path, kind) if profiles else None

        for _ in range(runs):
            shown, charts = expect(None)
            began = time.time()
            elapsed, page = navigate(browser, f"{srv.url}/{case.path}", charts[case.path], case.frames, shown,
                                     profile=profile("first visit"))
            note("first visit", elapsed, page, began)
            if akimats:
                akimat = akimats[turn % len(akimats)]
                turn += 1
                filtered_shown, filtered_charts = expect(akimat)
                began = time.time()
                elapsed = pick_akimat(page, akimat, filtered_charts[case.path], case.frames, filtered_shown,
                                      profile("filter"))
                note("filter", elapsed, page, began)
            # Closed before the next tab opens: Chromium stops animation frames in a tab that is not in
            # front, which would stall the in-page checks of any page left behind.
            context = page.context
            page.close()
            began = time.time()
            elapsed, page = navigate(browser, f"{srv.url}/{case.path}", charts[case.path], case.frames, shown,
                                     context, profile("cached"))
            note("cached", elapsed, page, began)
            context.close()
        out[case.path or "overview"] = {**seconds, "parts": parts}
    return out


def profile_pages(browser: Browser, srv: Server, cases: list[PageCase], akimats: list[str] | None, expect,
                  label: str) -> list[Path]:
    """One untimed pass over the pages with cProfile on in the server (each run's stats in its own file), and
    each page's stats as text beside them: where a run's time goes, function by function."""
    import pstats

    folder = srv.log.parent / "profile"
    written = []
    for case in cases:
        name = f"{label}-{profile_name(case.path)}"
        (folder / "on").write_text(name)
        try:
            measure_pages(browser, srv, [case], akimats, expect, runs=1)
        finally:
            (folder / "on").unlink()
        files = sorted(folder.glob(f"{name}-*.pstats"))
        if not files:
            continue
        text = folder / f"{name}.txt"
        with open(text, "w", encoding="utf-8") as out:
            out.write(f"cProfile of every script run of one first visit, filter change and new tab ({len(files)} "
                      "runs together; profiling slows Python, so read it for shares, not times)\n")
            stats = pstats.Stats(*map(str, files), stream=out)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("tottime").print_stats(30)
        written.append(text)
    return written


def profile_name(path: str) -> str:
    """A page's name in the names of its profiles: its path, "overview" for the first page, "floor" for the floor's."""
    return (path or "overview").split("?")[0] or "floor"


def profile_file(folder: Path, path: str, kind: str) -> Path:
    """Where the browser's CPU profile of one page and kind is kept."""
    return folder / f"{profile_name(path)}-{kind.replace(' ', '_')}.cpuprofile"


def frontend_pages(browser: Browser, srv: Server, cases: list[PageCase], akimats: list[str] | None, expect,
                   folder: Path) -> dict[str, dict[str, dict[str, float]]]:
    """One more untimed pass over the pages, with the browser's CPU profiler on (bench/frontend.py): by page and
    kind, the main thread's milliseconds per owner; the profiles are kept in `folder`."""
    measure_pages(browser, srv, cases, akimats, expect, runs=1, profiles=folder)
    kinds = breakdown.KINDS if akimats else ("first visit", "cached")
    return {profile_name(case.path): {kind: frontend.read(profile_file(folder, case.path, kind)) for kind in kinds}
            for case in cases}


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
