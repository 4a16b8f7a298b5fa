"""Cross-filtering in the browser: a click on a chart sets the same link-bound filter the sidebar sets —
the link, the sidebar's value and the "N of 67" count follow — and a second click on the same item clears
it.  The expected counts come from the reference filter (tests/helpers.py)."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from i18n import ru as texts
from roadmap.filters import Filters
from testing.server import streamlit_server
from tests.browser.shared import open_page, settled
from tests.helpers import kept_numbers

pytestmark = pytest.mark.browser

# page, heading, chart key, the filter a click sets and the value it sets it to
CASES = [
    ("funding", texts.PAGE_FUNDING, "chart_funding_by_group", "direction", "D2"),
    ("funding", texts.PAGE_FUNDING, "chart_class_by_group", "direction", "D3"),
    ("funding", texts.PAGE_FUNDING, "chart_funding_classes", "funding", "within_existing_funds"),
    ("executors", texts.PAGE_EXECUTORS, "chart_ministries", "ministry", "МКС"),
    ("executors", texts.PAGE_EXECUTORS, "chart_akimats", "akimat", "Атырауская область"),
    ("executors", texts.PAGE_EXECUTORS, "chart_map", "akimat", "Карагандинская область"),
    ("", texts.APP_TITLE, "chart_overview_groups", "direction", "II"),
    ("", texts.APP_TITLE, "chart_busiest", "ministry", "МОН"),
]


def shown(page: Page, n: int):
    expect(page.get_by_text(texts.SHOWN.format(shown=n, total=67))).to_be_visible(timeout=30_000)


def link_values(page: Page, key: str) -> list[str]:
    return parse_qs(urlparse(page.url).query).get(key, [])


# Finds the point whose customdata ends with `value` through the data Plotly binds to its SVG nodes, marks
# it, and says whether it found one: the test then clicks where a user would, on its shape.
_MARK = """([root, value]) => {
  document.querySelectorAll('[data-test-target]').forEach(e => e.removeAttribute('data-test-target'));
  for (const trace of root.querySelectorAll('g.trace')) {
    const cd = trace.__data__;
    const data = cd && cd[0] && cd[0].trace;
    if (!data || !data.customdata) continue;
    for (const point of trace.querySelectorAll('g.point, path.point')) {
      const i = point.__data__ && point.__data__.i;
      const item = data.customdata[i];
      if (item && item[item.length - 1] === value) {
        (point.querySelector('path') || point).setAttribute('data-test-target', '1');
        return true;
      }
    }
  }
  return false;
}"""


def click_item(page: Page, chart_key: str, value: str) -> None:
    """A user's click on the chart's item for `value` (a direction, a class, an executor, a region)."""
    chart = page.locator(f".st-key-{chart_key} .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".main-svg").first).to_be_visible()
    found = page.evaluate(_MARK, [chart.element_handle(), value])
    assert found, f"{chart_key} has no item {value!r}"
    box = chart.locator("[data-test-target]").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize(("path", "heading", "chart", "key", "value"), CASES, ids=[c[2] for c in CASES])
def test_a_click_filters_and_a_second_click_clears(page: Page, app_url, path, heading, chart, key, value):
    open_page(page, f"{app_url}/{path}", heading)
    click_item(page, chart, value)
    want = kept_numbers(Filters(**{key: (value,)}))
    shown(page, len(want))
    expect(page).to_have_url(re.compile(rf"[?&]{key}="))
    assert link_values(page, key) == [value]
    settled(page)
    combobox = page.locator(f".st-key-{key}")
    shown_value = re.escape(value) if key in ("ministry", "akimat") else "."
    expect(combobox.get_by_text(re.compile(shown_value))).not_to_have_count(0)

    click_item(page, chart, value)  # the chosen item again: the filter goes
    shown(page, 67)
    expect(page).not_to_have_url(re.compile(rf"[?&]{key}="))
    settled(page)


def detail_shows(page: Page, number: int) -> None:
    """The measure page's detail is that of measure `number`, and the link says so."""
    heading = page.locator(".st-key-measure_card").get_by_role("heading", level=3)
    expect(heading).to_have_text(re.compile(rf"^№ {number}\. "))
    expect(page).to_have_url(re.compile(rf"/measures\?(.*&)?measure={number}(&|$)"))


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("fresh")) as server:
        yield server


def test_a_measure_link_opens_its_detail_on_a_fresh_server(page: Page, fresh_server):
    """The link is the server's very first request: nothing is cached, no session has run."""
    open_page(page, f"{fresh_server.url}/measures?measure=29&ministry=%D0%9C%D0%98%D0%9E%D0%A0", texts.PAGE_MEASURES)
    detail_shows(page, 29)
    assert link_values(page, "ministry") == ["МИОР"]


@pytest.mark.parametrize(("path", "heading", "chart", "number"), [
    ("funding", texts.PAGE_FUNDING, "chart_ranked", 29),
    ("timeline", texts.PAGE_TIMELINE, "chart_gantt", 41),
], ids=["ranked-costs", "gantt"])
def test_a_click_on_a_measure_opens_its_detail(page: Page, app_url, path, heading, chart, number):
    open_page(page, f"{app_url}/{path}", heading)
    click_item(page, chart, number)
    expect(page.get_by_role("heading", name=texts.PAGE_MEASURES, level=1)).to_be_visible()
    detail_shows(page, number)
