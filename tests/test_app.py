"""AppTest: every page runs unfiltered and with each filter, and what it shows equals counts computed
independently from the parquet."""
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from i18n import kk
from roadmap.filters import Filters
from tests.conftest import ROOT
from tests.helpers import CHARTS, DATA, PAGES, kept, plotly_values, run_page

FILTERS = [
    ("ministry", ["МКС"]),
    ("akimat", ["Атырауская область"]),
    ("direction", ["D2", "II"]),
    ("funding", ["budget_amount"]),
    ("report_to", ["АП"]),
]


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_parquet(DATA)


def expected(key: str, values) -> pd.DataFrame:
    return kept(Filters(**{key: values}))


def shown_count(at: AppTest) -> int:
    text = next(m.value for m in at.markdown if "Показано" in m.value)
    return int(re.search(r"Показано (\d+) из 67", text).group(1))


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_unfiltered(page):
    at = run_page(page)
    assert not at.exception
    assert len(at.get("plotly_chart")) == CHARTS[page]
    assert shown_count(at) == 67


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("key", "values"), FILTERS, ids=[f[0] for f in FILTERS])
def test_page_runs_with_each_filter(page, key, values, data):
    at = run_page(page)
    at.multiselect(key=key).set_value(values).run()
    assert not at.exception
    assert shown_count(at) == len(expected(key, values))


def test_text_search(data):
    at = run_page(PAGES[4])
    at.text_input(key="q").input("Дәстүр").run()
    assert not at.exception
    assert shown_count(at) == len(expected("q", "Дәстүр")) == 5


def metric(at: AppTest, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def test_overview_kpis_follow_the_filters(data):
    at = run_page(PAGES[0])
    assert metric(at, "Мероприятий") == "67 из 67"
    assert metric(at, "Предполагаемые расходы") == "2\u202f088,0"
    assert metric(at, "С бюджетной суммой") == "22,4 %"
    assert metric(at, "Исполнителей") == "23"
    at.multiselect(key="ministry").set_value(["МКС"]).run()
    mks = expected("ministry", ["МКС"])
    assert metric(at, "Мероприятий") == f"{len(mks)} из 67"
    cost = mks.cost_thousand_kzt.sum() / 1000
    assert metric(at, "Предполагаемые расходы") == f"{cost:,.1f}".replace(",", "\u202f").replace(".", ",")
    executors = {e for row in mks.itertuples() for e in list(row.ministries) + list(row.akimats)}
    assert metric(at, "Исполнителей") == str(len(executors))


def test_funding_chart_figures_equal_the_data(data):
    at = run_page(PAGES[1])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = dict(zip(plotly_values(spec["data"][0]["y"]), plotly_values(spec["data"][0]["x"])))
    assert bars == {"Направление 1": 0, "Направление 2": 1_671_733.0, "Направление 3": 281_141.0,
                    "Раздел II": 135_126.0, "Раздел III": 0}


def test_reset_clears_every_filter():
    at = run_page(PAGES[0])
    at.multiselect(key="akimat").set_value(["г. Шымкент"]).run()
    at.text_input(key="q").input("проект").run()
    assert shown_count(at) < 67
    at.button(key="reset_filters").click().run()
    assert shown_count(at) == 67
    assert at.multiselect(key="akimat").value == [] and at.text_input(key="q").value == ""


def test_no_match_is_a_message_not_an_error():
    at = run_page(PAGES[1])
    at.text_input(key="q").input("такого названия нет").run()
    assert not at.exception
    assert shown_count(at) == 0
    assert any("Ни одно мероприятие" in i.value for i in at.info)


def test_deadlines_by_quarter(data):
    at = run_page("app_pages/timeline.py")
    at.segmented_control(key="period").set_value("quarter").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    per_quarter = {}
    for trace in spec["data"]:
        for x, y in zip(plotly_values(trace["x"]), plotly_values(trace["y"])):
            per_quarter[x] = per_quarter.get(x, 0) + y
    quarters = pd.to_datetime(data.deadline_end).dt.quarter
    assert per_quarter == {f"{('I', 'II', 'III', 'IV')[q - 1]} кв. 2021": n for q, n in quarters.value_counts().items()}


def test_a_link_with_codes_sets_the_filters_and_the_language(data):
    """Links carry stable codes, whatever language the labels are in; unknown values and keys are dropped
    and the link is rewritten to what is actually shown."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"direction": ["D2", "D9", "D2"], "funding": ["budget_amount"], "lang": "kk", "junk": "1"})
    at.run()
    assert not at.exception
    both = expected("direction", ["D2"]).pipe(lambda d: d[d.funding_class == "budget_amount"])
    assert any(kk.SHOWN.format(shown=len(both), total=67) in m.value for m in at.markdown)
    assert at.multiselect(key="direction").value == ["D2"]
    assert dict(at.query_params) == {"direction": "D2", "funding": "budget_amount", "lang": "kk"}


def test_a_measure_link_opens_its_detail_with_the_filters_of_the_link():
    """The measure's position is asked under the link's filters: a view parameter once shared the year
    filter's name and emptied the answer, so the link fell back to the first measure."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"measure": "29", "ministry": "МИОР"})
    at.switch_page("app_pages/measures.py").run()
    assert not at.exception and not at.info
    assert at.selectbox(key="measure").value == (2021, 29)
    assert dict(at.query_params) == {"measure": "29", "ministry": "МИОР"}


@pytest.mark.parametrize("page", PAGES)
def test_the_filters_in_force_are_named_under_the_title_and_each_removes_itself(page):
    """The main area says what is filtered in the brief's words, and one click on a filter there clears it
    from the sidebar, the link and the counts."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"akimat": "Атырауская область", "status": "not_reported"})
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception
    drop = at.button(key="drop_akimat")
    assert drop.label == "Акимат: Атырауская область"
    assert at.button(key="drop_status").label == "Статус исполнения: Нет отчёта"
    assert at.button(key="reset_filters_main").label == "Сбросить все"
    before = shown_count(at)
    drop.click().run()
    assert at.multiselect(key="akimat").value == [] and at.multiselect(key="status").value == ["not_reported"]
    link = {k: v for k, v in at.query_params.items() if k != "measure"}  # the measure page's own key stays
    assert link == {"status": "not_reported"}
    assert shown_count(at) > before
    assert not [b for b in at.button if b.key == "drop_akimat"]
    assert not [b for b in at.button if b.key == "reset_filters_main"]  # one filter left: nothing to reset "all"
    at.button(key="drop_status").click().run()
    assert set(at.query_params) <= {"measure"} and not [b for b in at.button if (b.key or "").startswith("drop_")]


def test_no_page_changes_a_figure_it_shares_with_other_sessions(monkeypatch):
    """ui.figure hands every session the same figure object: a page that changed it after building (a layout
    tweak, a selection) would change every other reader's chart.  Each figure served is recorded as it was when
    first served, every page is run unfiltered, filtered, on a phone and unfiltered again, and none may differ."""
    from roadmap.ui import cached

    served: dict[int, tuple[object, str]] = {}
    hits = {"again": 0}
    built = cached._figure

    def recording(build, args, kwargs):
        fig = built(build, args, kwargs)
        if id(fig) in served:
            hits["again"] += 1
        served.setdefault(id(fig), (fig, fig.to_json()))
        return fig

    cached.clear()
    monkeypatch.setattr(cached, "_figure", recording)
    for page in PAGES:
        at = run_page(page)
        at.multiselect(key="akimat").set_value(["Атырауская область"]).run()
        at.multiselect(key="akimat").set_value([]).run()
        at.session_state["screen"] = {"narrow": True}  # the width check's state (roadmap/ui/screen.py)
        at.run()
        assert not at.exception, page
    assert hits["again"] > len(PAGES)  # figures were served from the cache, so shared, not rebuilt
    changed = [json.loads(text).get("layout", {}).get("title", {}).get("text", key)
               for key, (fig, text) in served.items() if fig.to_json() != text]
    assert changed == []
