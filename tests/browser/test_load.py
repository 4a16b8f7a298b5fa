"""Many users at once: browser sessions (10 in `make test`, 20 in `make fuzz`; LOAD_SESSIONS sets it) against
one `streamlit run`, each opening its own deep link,
changing a filter in the UI and following its CSV download link, at the same time.

A click made while the session's rerun is still running may give the previous view's file (the link on
screen is still the previous view's), never an error or a mixed file; a click after the rerun gives
exactly the new view.  No download may fail: there is no retry.  Nothing may be written to the project
while the server serves, and it must stay healthy.  The server's peak memory goes to
artifacts/load_test.json."""
from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import shutil
import threading
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.async_api import async_playwright, expect

from i18n import ru as texts
from roadmap.filters import Filters
from testing.server import CHROMIUM_ARGS, streamlit_server
from tests.browser.conftest import ARTIFACTS, LOCAL
from tests.conftest import ROOT
from tests.helpers import kept_numbers, reference

pytestmark = pytest.mark.browser

SESSIONS = int(os.environ.get("LOAD_SESSIONS", "10"))
EARLY: dict[str, int] = {"previous_view": 0, "new_view": 0}  # what the clicks made during a rerun got
# Files the app may legitimately touch while serving: caches of Python and of the test tools themselves.
NOT_THE_APPS = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "artifacts", "test-results"}


REFERENCE = reference()
UI_FILTERS = {"direction": (texts.FILTER_DIRECTION, REFERENCE.group_key),
              "funding": (texts.FILTER_FUNDING, REFERENCE.funding_class)}


def expected_numbers(ministry: str, key: str, value: str) -> list[int]:
    return kept_numbers(Filters(ministry=(ministry,), **{key: (value,)}))


def plan() -> list[tuple[str, str, str]]:
    """SESSIONS sessions: a ministry in the link, then a direction or a funding class chosen in the UI.  As many
    different answers as the data allows, so that one session receiving another's rows shows."""
    ministries = REFERENCE.ministries.explode().value_counts().index.tolist()
    candidates = [(m, key, v) for m in ministries for key, (_, column) in UI_FILTERS.items()
                  for v in sorted(set(column)) if expected_numbers(m, key, v)]
    distinct = list({tuple(expected_numbers(*c)): c for c in candidates}.values())
    chosen = (distinct * SESSIONS)[:SESSIONS]
    assert len({tuple(expected_numbers(*c)) for c in chosen}) >= min(SESSIONS, 15)
    return chosen


def option_name(key: str, value: str) -> re.Pattern:
    label = texts.group_label(value) + "." if key == "direction" else texts.FUNDING_CLASSES[value]
    return re.compile("^" + re.escape(label))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in NOT_THE_APPS]
        for name in filenames:
            path = Path(dirpath) / name
            stat = path.stat()
            files[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return files


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kb / 1024


def with_ministry_numbers(ministry: str) -> list[int]:
    return kept_numbers(Filters(ministry=(ministry,)))


async def csv_numbers(page, failed: list[str]) -> list[int]:
    """Follow the sidebar's CSV link; the download must succeed the first time."""
    async with page.expect_download(timeout=120_000) as info:
        await page.locator(".st-key-download_csv a").click()
    download = await info.value
    failure = await download.failure()
    assert not failure, f"download failed ({failure}); HTTP errors: {failed}"
    rows = list(csv.DictReader(io.StringIO(Path(await download.path()).read_bytes().decode("utf-8-sig"))))
    return [int(r["№"]) for r in rows]


async def one_session(browser, url: str, ministry: str, key: str, value: str) -> list[int]:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    await context.route(lambda u: not u.startswith(LOCAL), lambda route: route.abort())
    page = await context.new_page()
    app = page.locator('[data-testid="stApp"]')
    failed: list[str] = []  # every HTTP error the session saw, to explain a failure
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))

    async def settled() -> None:
        await expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=120_000)
        await expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=120_000)
        await expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        # Widgets are lazily loaded: until their code has arrived the page shows placeholders, and under
        # load that can take longer than a click's own 30 s wait (5 of 20 sessions once timed out there).
        await expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=120_000)

    try:
        await page.goto(f"{url}/executors?ministry={quote(ministry)}", timeout=120_000)
        with_ministry = len(with_ministry_numbers(ministry))
        await expect(page.get_by_text(f"Показано {with_ministry} из 67 мероприятий")).to_be_visible(timeout=120_000)
        await settled()
        combobox = page.get_by_role("combobox", name=UI_FILTERS[key][0])
        await expect(combobox).to_be_visible(timeout=120_000)
        await combobox.click()
        await page.get_by_role("option", name=option_name(key, value)).first.click()
        await page.keyboard.press("Escape")
        want = expected_numbers(ministry, key, value)
        # (the rerun that follows the choice is running, or about to: the link on screen may be either view's)
        before = with_ministry_numbers(ministry)
        early = await csv_numbers(page, failed)
        assert early in (before, want), f"a click during the rerun got neither view: {early}"
        EARLY["previous_view" if early == before and before != want else "new_view"] += 1
        await expect(page.get_by_text(f"Показано {len(want)} из 67 мероприятий")).to_be_visible(timeout=120_000)
        await settled()
        final = await csv_numbers(page, failed)
        assert not [f for f in failed if "/export/" in f], failed
        return final
    finally:
        await context.close()


async def run_sessions(url: str, pairs: list[tuple[str, str, str]]) -> list[object]:
    async with async_playwright() as playwright:
        system = shutil.which("chromium") or "/usr/bin/chromium"
        launch = {"args": CHROMIUM_ARGS, **({"executable_path": system} if Path(system).exists() else {})}
        browser = await playwright.chromium.launch(**launch)
        try:
            return await asyncio.gather(*(one_session(browser, url, *p) for p in pairs), return_exceptions=True)
        finally:
            await browser.close()


def test_sessions_at_once_each_get_their_own_rows(tmp_path):
    pairs = plan()
    before = snapshot(ROOT)
    with streamlit_server(tmp_path) as server:
        results: list[object] = []
        # The sync Playwright of the other browser tests owns this thread's event loop: run the async
        # sessions on a thread of their own.
        worker = threading.Thread(target=lambda: results.extend(asyncio.run(run_sessions(server.url, pairs))))
        worker.start()
        worker.join(timeout=600)
        assert not worker.is_alive(), "the sessions did not finish in 10 minutes"

        errors = [f"{p}: {r!r}" for p, r in zip(pairs, results) if isinstance(r, BaseException)]
        wrong = [p for p, r in zip(pairs, results) if not isinstance(r, BaseException) and r != expected_numbers(*p)]
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=10) as response:
            healthy = response.read() == b"ok"
        peak = peak_rss_mb(server.process.pid)
        ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS.parent / "load_test.json").write_text(json.dumps(
            {"sessions": SESSIONS, "errors": len(errors), "wrong_downloads": len(wrong), "clicks_during_rerun": EARLY,
             "server_peak_rss_mb": round(peak, 1), "healthy_after": healthy}, indent=2))
        print(f"\n{SESSIONS} sessions: {len(errors)} errors, {len(wrong)} wrong downloads, clicks during the rerun: "
              f"{EARLY['previous_view']} got the previous view, {EARLY['new_view']} the new one, "
              f"server peak RSS {peak:.0f} MB, healthy after: {healthy}")
    assert errors == [] and wrong == [] and healthy
    assert len(results) == SESSIONS
    after = snapshot(ROOT)
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}, "the server wrote into the project"
