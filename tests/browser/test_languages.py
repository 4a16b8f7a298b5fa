"""Kazakh and English in a real browser (every page by ?lang=, and the switch in the sidebar), and the
printable brief: downloaded, printed to A4 PDF by Chromium, its pages and figures checked against the
screen.  Screenshots and the PDFs go to artifacts/."""
from __future__ import annotations

import io
import re
from urllib.parse import quote

import pypdf
import pytest
from playwright.sync_api import Page, expect

from i18n import LANGUAGES
from roadmap.filters import Filters
from tests.browser.conftest import ARTIFACTS
from tests.browser.shared import download, open_page
from tests.helpers import kept

pytestmark = pytest.mark.browser

PAGES = [("", "APP_TITLE"), ("funding", "PAGE_FUNDING"), ("executors", "PAGE_EXECUTORS"),
         ("timeline", "PAGE_TIMELINE"), ("measures", "PAGE_MEASURES")]


# Kazakh: every page in tests/browser/test_layout.py's visits, at both widths, with the same checks.
@pytest.mark.parametrize("lang", ["en"])
@pytest.mark.parametrize(("path", "heading"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_every_page_speaks_the_language_of_the_link(page: Page, app_url, screenshots, lang, path, heading):
    t = LANGUAGES[lang]
    open_page(page, f"{app_url}/{path}?lang={lang}", getattr(t, heading))
    expect(page.get_by_text(t.SHOWN.format(shown=67, total=67))).to_be_visible()
    expect(page.get_by_role("combobox", name=t.FILTER_MINISTRY)).to_be_visible()
    expect(page.get_by_text(t.DATA_LANGUAGE_NOTE)).to_be_visible()
    page.screenshot(path=str(screenshots / f"{lang}_{path or 'overview'}.png"), full_page=True)


def test_switching_language_keeps_the_filters_and_goes_into_the_link(page: Page, app_url):
    kk = LANGUAGES["kk"]
    open_page(page, f"{app_url}/funding?ministry=МКС", "Финансирование")
    page.get_by_role("radio", name=kk.LANGUAGE_NAME).click()
    expect(page.get_by_role("heading", name=kk.PAGE_FUNDING, level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=kk"))
    expect(page).to_have_url(re.compile(r"ministry="))
    mks = len(kept(Filters(ministry=("МКС",))))
    expect(page.get_by_text(kk.SHOWN.format(shown=mks, total=67))).to_be_visible()


def _flat(text: str) -> str:
    """PDF text extraction splits lines and turns thin spaces into spaces or nothing: compare without them."""
    return re.sub(r"[\s\u202f\u00a0]+", "", text)


@pytest.mark.parametrize(("lang", "query", "pages"), [
    ("ru", "ministry=МКС", (2, 2)),  # summary, then seven measures on one page
    ("kk", "", (3, 8)),              # summary, then all 67 measures on several pages
], ids=["ru-ministry", "kk-all"])
def test_brief_prints_on_a4_with_the_figures_on_screen(page: Page, app_url, lang, query, pages):
    t = LANGUAGES[lang]
    link = f"{app_url}/?" + "&".join(x for x in (f"lang={lang}" if lang != "ru" else "", quote(query, safe="=&")) if x)
    open_page(page, link, t.APP_TITLE)
    on_screen = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(on_screen) == 4

    expect(page.locator(".st-key-download_brief").get_by_role("link", name=t.BRIEF_DOWNLOAD)).to_be_visible()
    brief = download(page, "html")
    assert brief.suggested_filename.endswith(".html")
    html = brief.path().read_text(encoding="utf-8")

    printed = page.context.new_page()
    printed.set_content(html)  # no navigation: the offline guard would refuse anything it tried to fetch
    pdf = printed.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (ARTIFACTS.parent / f"brief_{lang}.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page_texts = [p.extract_text() for p in reader.pages]

    assert pages[0] <= len(page_texts) <= pages[1], len(page_texts)
    for box in reader.pages:
        width_mm, height_mm = float(box.mediabox.width) / 72 * 25.4, float(box.mediabox.height) / 72 * 25.4
        assert (round(width_mm), round(height_mm)) == (210, 297)  # A4 portrait
    first = _flat(page_texts[0])
    for value in on_screen:
        assert _flat(value) in first, (value, page_texts[0][:800])
    assert _flat(t.BRIEF_KPIS) in first and _flat(t.BRIEF_TABLE) not in first  # the table starts a new page
    assert _flat(t.DECREE_NOTE.split("{")[0]) in first  # the decree's note under the money figures
    assert _flat(page_texts[1]).startswith(_flat(t.BRIEF_TABLE))
    expected = kept(Filters(ministry=("МКС",)) if query else Filters())
    numbers = [int(n) for text in page_texts[1:] for n in re.findall(r"^(\d+) ", text, re.MULTILINE)]
    assert set(expected.measure_no) <= set(numbers)
