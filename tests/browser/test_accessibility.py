"""Accessibility in a real browser: axe-core, injected into every page in Russian and Kazakh, finds no
serious or critical violation (nor a skipped heading level), and the keyboard alone reaches every filter
and every download.  axe-core is installed by `make setup-dev` (the Makefile's `axe` target, one pinned
version under .venv/axe); each page's full axe result goes to artifacts/axe/, a screenshot of it to
artifacts/screenshots/a11y_*.png."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from i18n import LANGUAGES
from roadmap.filters import FILTER_SPECS
from tests.browser.shared import AXE_JS, AXE_RESULTS, DOWNLOAD_KEYS, blocking, describe_violations, open_page, run_axe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = [("", "APP_TITLE"), ("funding", "PAGE_FUNDING"), ("executors", "PAGE_EXECUTORS"),
         ("timeline", "PAGE_TIMELINE"), ("measures", "PAGE_MEASURES"), ("execution", "EXEC_TITLE"),
         ("reports", "REPORTS_TITLE")]
MAX_TABS = 40  # the sidebar needs 24 (skip link, 7 pages, language, 2 helps, 8 filters, 4 downloads)


@pytest.fixture(scope="module")
def axe_js():
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing ({AXE_JS.relative_to(ROOT)}): run `make setup-dev` (or `make axe`)")
    return AXE_JS


def _link(app_url: str, path: str, lang: str) -> str:
    return f"{app_url}/{path}" + ("" if lang == "ru" else f"?lang={lang}")  # Russian, the default, has no ?lang


@pytest.mark.parametrize("width", [1440, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize(("path", "heading"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_axe_finds_no_serious_violation(page: Page, app_url, screenshots, axe_js, lang, path, heading, width):
    page.set_viewport_size({"width": width, "height": 1000})  # a phone too: the folded sidebar, stacked columns
    open_page(page, _link(app_url, path, lang), getattr(LANGUAGES[lang], heading))
    result = run_axe(page)
    name = f"{lang}_{path or 'overview'}" + ("" if width == 1440 else f"_{width}")
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    (AXE_RESULTS / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    page.screenshot(path=str(screenshots / f"a11y_{name}.png"), full_page=True)

    failing = blocking(result)
    assert not failing, f"axe on {page.url}:\n{describe_violations(failing)}"


def _targets(page: Page, lang: str) -> dict[str, object]:
    """Every filter's field (a combobox, the title search a text box) and the four download links."""
    t = LANGUAGES[lang]
    fields = {}
    for spec in FILTER_SPECS:
        label = getattr(t, spec.label)
        field = page.get_by_role("textbox" if spec.text else "combobox", name=label, exact=True)
        if spec.only_if_several and field.count() == 0:  # e.g. the year, with one decree loaded
            continue
        expect(field).to_have_count(1)
        fields[spec.key] = field
    fields.update({kind: page.locator(f".st-key-{key} a") for kind, key in DOWNLOAD_KEYS.items()})
    for field in fields.values():
        expect(field).to_be_visible()
    return {key: field.element_handle() for key, field in fields.items()}


# Which targets hold the focus, and what does (for the failure message).
_FOCUSED = """targets => {
    const e = document.activeElement;
    const name = e.getAttribute("aria-label") || e.textContent.trim().slice(0, 30);
    return [Object.keys(targets).filter(k => targets[k] === e), `${e.tagName.toLowerCase()}[${name}]`];
}"""


@pytest.mark.parametrize(("lang", "path", "heading"), [("ru", "", "APP_TITLE"), ("kk", "measures", "PAGE_MEASURES")],
                         ids=["ru-overview", "kk-measures"])
def test_the_keyboard_reaches_every_filter_and_download(page: Page, app_url, lang, path, heading):
    open_page(page, _link(app_url, path, lang), getattr(LANGUAGES[lang], heading))
    targets = _targets(page, lang)
    assert page.evaluate("() => document.activeElement === document.body"), "something has focus before any Tab"
    reached: set[str] = set()
    visited: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused, where = page.evaluate(_FOCUSED, targets)
        reached.update(focused)
        visited.append(where)
        if reached == targets.keys():
            break
    missing = sorted(targets.keys() - reached)
    assert not missing, f"{missing} never got the focus in {MAX_TABS} Tabs; the focus went: {visited}"
