"""Accessibility in a real browser: the keyboard alone reaches every filter and every download.  axe-core on
every page, in Russian and Kazakh, on a desktop and a phone, runs in tests/browser/test_layout.py, in the same
visit as the layout checks."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from i18n import LANGUAGES
from roadmap.filters import FILTER_SPECS
from tests.browser.shared import DOWNLOAD_KEYS, open_page

pytestmark = pytest.mark.browser

MAX_TABS = 40  # the sidebar needs 24 (skip link, 7 pages, language, 2 helps, 8 filters, 4 downloads)


def _link(app_url: str, path: str, lang: str) -> str:
    return f"{app_url}/{path}" + ("" if lang == "ru" else f"?lang={lang}")  # Russian, the default, has no ?lang


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
