"""Accessibility in a real browser: axe-core, injected into every page in Russian and Kazakh, finds no
serious or critical violation (nor a skipped heading level), and the keyboard alone reaches every filter
and every download.  axe-core is installed by `make setup-dev` (the Makefile's `axe` target, one pinned
version under .venv/axe); each page's full axe result goes to artifacts/axe/, a screenshot of it to
artifacts/screenshots/a11y_*.png."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from roadmap.filters import FILTER_SPECS
from roadmap.i18n import LANGUAGES
from tests.browser.conftest import ARTIFACTS
from tests.browser.shared import DOWNLOAD_KEYS, open_page
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE_JS = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"  # where `make axe` puts it
AXE_RESULTS = ARTIFACTS.parent / "axe"
BLOCKING = {"serious", "critical"}
# Rules held to whatever their impact: the levels the app once skipped (h1 then h3) must not come back.
ALSO_REQUIRED = {"heading-order"}
SHOWN_PER_RULE = 4  # elements printed per failing rule

PAGES = [("", "APP_TITLE"), ("funding", "PAGE_FUNDING"), ("executors", "PAGE_EXECUTORS"),
         ("timeline", "PAGE_TIMELINE"), ("measures", "PAGE_MEASURES")]
MAX_TABS = 40  # the sidebar needs 18 (skip link, 5 pages, language, help, 6 filters, 4 downloads)


@pytest.fixture(scope="module")
def axe_js():
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing ({AXE_JS.relative_to(ROOT)}): run `make setup-dev` (or `make axe`)")
    return AXE_JS


def _link(app_url: str, path: str, lang: str) -> str:
    return f"{app_url}/{path}" + ("" if lang == "ru" else f"?lang={lang}")  # Russian, the default, has no ?lang


def _describe(violations: list[dict]) -> str:
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


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize(("path", "heading"), PAGES, ids=[p[0] or "overview" for p in PAGES])
def test_axe_finds_no_serious_violation(page: Page, app_url, screenshots, axe_js, lang, path, heading):
    open_page(page, _link(app_url, path, lang), getattr(LANGUAGES[lang], heading))
    page.add_script_tag(path=str(axe_js))  # inline: the offline guard sees no request
    result = page.evaluate("async () => JSON.parse(JSON.stringify(await axe.run(document)))")
    name = f"{lang}_{path or 'overview'}"
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    (AXE_RESULTS / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    page.screenshot(path=str(screenshots / f"a11y_{name}.png"), full_page=True)

    failing = [v for v in result["violations"] if v["impact"] in BLOCKING or v["id"] in ALSO_REQUIRED]
    assert not failing, f"axe on {page.url}:\n{_describe(failing)}"


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
