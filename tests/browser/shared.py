"""What the browser tests (and the benchmark's browser runs) share: opening a page and waiting until it
has settled, and the sidebar's downloads.  The server itself is testing/server.py."""
from __future__ import annotations

import contextlib
import csv
import io

import pytest
from playwright.sync_api import Download, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from testing.server import CHROMIUM_ARGS  # noqa: F401  (the browser tests' launch flags, shared with bench)
from tests.conftest import ROOT

# A test's browser as a phone (390 px, Chromium's User-Agent on Android): a phone says "Mobi", so the app draws
# its pages for a phone from the first run (roadmap/ui/screen.py).  A desktop browser's narrow window gets the
# same pages after a second drawing, slower for a test that is about the page, not the width check.
PHONE_USER_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/131.0.0.0 Mobile Safari/537.36")
AS_A_PHONE = pytest.mark.browser_context_args(user_agent=PHONE_USER_AGENT, viewport={"width": 390, "height": 900})
DOWNLOAD_KEYS = {"csv": "download_csv", "xlsx": "download_xlsx", "json": "download_json", "html": "download_brief"}


def open_page(page: Page, url: str, heading: str) -> None:
    """Go to a page and wait until its script has run and every lazily loaded widget is drawn."""
    page.goto(url)
    settled(page)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.locator(f".st-key-{DOWNLOAD_KEYS['csv']} a")).to_be_visible()


# Every condition `settled` asserts, checked together in the page every 50 ms.  Playwright's `expect` polls at
# 100, 250 and 500 ms and then once a second, so a page that took a few seconds was seen settled up to a second
# late, at every visit and rerun of every test; this waits for the moment itself, and the assertions below then
# hold at once (or, should it time out, say which condition failed).
_SETTLED = """() => document.querySelectorAll('[data-drawn-for-window]').length === 1
    && document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]') && !document.querySelector('[data-testid="stSkeleton"]')"""


def settled(page: Page) -> None:
    """The rerun has finished and nothing on the page is stale."""
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertions below then name what is missing
        page.wait_for_function(_SETTLED, polling=50, timeout=60_000)
    # The page was drawn for this window's width (roadmap/ui/screen.py): a narrow window the User-Agent did not
    # announce is drawn a second time, for a phone.
    expect(page.locator("[data-drawn-for-window]")).to_have_count(1, timeout=60_000)
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    # Widgets and tables are lazily loaded components: until they are drawn, the page shows grey
    # placeholders, and a screenshot taken then shows nothing.
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


def download(page: Page, kind: str) -> Download:
    """Follow one of the sidebar's download links; the download must have succeeded."""
    with page.expect_download() as info:
        page.locator(f".st-key-{DOWNLOAD_KEYS[kind]} a").click()
    failure = info.value.failure()
    assert failure is None, f"the {kind} download failed: {failure}"
    return info.value


def download_csv(page: Page) -> list[dict]:
    raw = download(page, "csv").path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads Cyrillic
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


# Accessibility: axe-core (npm, `make axe`) run inside a page ----------------------------------------------
AXE_JS = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"  # where `make axe` puts it
AXE_RESULTS = ROOT / "artifacts" / "axe"
BLOCKING = {"serious", "critical"}
# Rules held to whatever their impact: the levels the app once skipped (h1 then h3) must not come back.
ALSO_REQUIRED = {"heading-order"}
SHOWN_PER_RULE = 4  # elements printed per failing rule


def run_axe(page: Page) -> dict:
    """axe-core's result for the page as it is now (its script inlined: the offline guard sees no request).  Every
    rule runs; only the violations carry their elements (`resultTypes`): describing every element that passed
    took three quarters of a run (1.7 s a page against 0.5 s), and nothing here reads them."""
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "async () => JSON.parse(JSON.stringify(await axe.run(document, {resultTypes: ['violations']})))")


def blocking(result: dict) -> list[dict]:
    """The violations that fail a test: serious or critical ones, and the heading order whatever its impact."""
    return [v for v in result["violations"] if v["impact"] in BLOCKING or v["id"] in ALSO_REQUIRED]


def describe_violations(violations: list[dict]) -> str:
    """Each failing rule with its impact and the first few elements: selector, HTML and why it fails."""
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} elements): {rule['help']} "
                     f"<{rule['helpUrl']}>")
        for node in rule["nodes"][:SHOWN_PER_RULE]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            why = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}\n        {node['html'][:240]}\n        {why[:300]}")
    return "\n".join(lines)
