"""Several real decrees loaded together (the 2021 decree and the 2023 fixture, both numbered from 1): a
measure is its roadmap's year and its number; the year filter appears, and with one decree nothing
changes on screen."""
from __future__ import annotations

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from i18n import ru
from loaders.files import legend_path
from roadmap import config, exports, ui
from roadmap.filters import Filters
from roadmap.queries import DataError, RoadmapDB
from tests.conftest import ROOT, run_build
from tests.helpers import DATA, kept_numbers, reference

FIXTURE_2023 = ROOT / "tests" / "fixtures" / "roadmap_2023_other.txt"


@pytest.fixture(scope="module")
def two_decrees(tmp_path_factory):
    """A folder with both builds, as an operator would lay them out: one parquet (and legend) per decree."""
    folder = tmp_path_factory.mktemp("decrees")
    shutil.copy(DATA, folder / "roadmap_2021.parquet")
    shutil.copy(legend_path(DATA), legend_path(folder / "roadmap_2021.parquet"))
    built = run_build(FIXTURE_2023, "--out", folder / "roadmap_2023.parquet")
    assert built.returncode == 0, built.stderr
    return folder


@pytest.fixture(scope="module")
def db(two_decrees) -> RoadmapDB:
    return RoadmapDB.open(two_decrees / "roadmap_*.parquet")


def test_two_decrees_numbered_from_one_load_together(db, two_decrees):
    counts = {year: len(reference(path)) for year, path in
              ((2021, DATA), (2023, two_decrees / "roadmap_2023.parquet"))}
    assert db.options.total_measures == sum(counts.values()) and counts[2023] > 0
    assert db.options.choices["year"] == ("2021", "2023")
    assert sorted(db.decrees) == [2021, 2023]
    assert db.decrees[2021]["decree_number"] == "50" and db.decrees[2023]["decree_number"] != "50"
    for year, count in counts.items():
        assert db.filtered("kpis", Filters(year=(str(year),))).iloc[0]["measures"] == count
    both = db.filtered("measure_list", Filters())
    assert list(zip(both.roadmap_year, both.measure_no))[:2] == [(2021, 1), (2021, 2)]
    assert (2023, 1) in set(zip(both.roadmap_year, both.measure_no))


def test_each_measure_keeps_its_own_source_text(db):
    first_2021 = db.plain("source_text", {"year": 2021, "measure_no": 1}).source_text.iloc[0]
    first_2023 = db.plain("source_text", {"year": 2023, "measure_no": 1}).source_text.iloc[0]
    assert first_2021 != first_2023 and first_2021.startswith("1") and first_2023.startswith("1")


def test_the_same_year_twice_is_refused(tmp_path):
    for name in ("roadmap_a.parquet", "roadmap_b.parquet"):
        shutil.copy(DATA, tmp_path / name)
        shutil.copy(legend_path(DATA), legend_path(tmp_path / name))
    with pytest.raises(DataError, match="not unique within a roadmap year: 2021 № 1"):
        RoadmapDB.open(tmp_path / "roadmap_*.parquet")


def test_exports_name_the_year_of_each_measure(db):
    table = exports.export_table(next(db.batches("measure_list", Filters(), 10_000)), ru)
    years = table[ru.COLUMNS["roadmap_year"]].to_pylist()
    assert set(years) == {2021, 2023} and years == sorted(years)


@pytest.fixture
def app_with_two(two_decrees, monkeypatch):
    monkeypatch.setattr(config, "MEASURES_PARQUET", str(two_decrees / "roadmap_*.parquet"))
    ui.data.database.clear()
    ui.cached.clear()
    yield
    ui.data.database.clear()
    ui.cached.clear()


def shown(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "Показано" in m.value)


def test_the_app_offers_the_year_filter_and_compares_the_years(app_with_two, db):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    total = db.options.total_measures
    assert ru.SHOWN.format(shown=total, total=total) in shown(at)
    assert at.multiselect(key="year").options == ["2021", "2023"]
    assert ru.OVERVIEW_YEARS in [s.value for s in [*at.subheader, *at.header]]
    figure = json.loads(next(c for c in at.get("plotly_chart") if c.key == "chart_years").proto.spec)
    assert {x for trace in figure["data"] for x in trace["x"]} == {"2021", "2023"}
    assert sum(1 for c in at.caption if c.value.startswith(ru.SOURCE_NOTE.split("{")[0])) == 2  # both decrees cited

    at.multiselect(key="year").set_value(["2023"]).run()
    n2023 = db.filtered("kpis", Filters(year=("2023",))).iloc[0]["measures"]
    assert ru.SHOWN.format(shown=n2023, total=total) in shown(at)
    assert dict(at.query_params)["year"] == "2023"

    at.switch_page("app_pages/measures.py").run()
    assert not at.exception
    assert at.selectbox(key="measure").options[0].startswith(ru.measure(1, 2023) + ". ")


def test_a_link_with_a_year_opens_that_roadmap(app_with_two, db):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"year": ["2021", "1999"], "ministry": "МКС"})
    at.run()
    assert not at.exception
    want = len(kept_numbers(Filters(year=("2021",), ministry=("МКС",))))
    assert ru.SHOWN.format(shown=want, total=db.options.total_measures) in shown(at)
    assert at.multiselect(key="year").value == ["2021"]


def test_with_one_decree_there_is_no_year_on_screen():
    ui.data.database.clear()
    ui.cached.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert not [w for w in at.multiselect if w.key == "year"]
    assert ru.OVERVIEW_YEARS not in [s.value for s in [*at.subheader, *at.header]]
    at.switch_page("app_pages/measures.py").run()
    assert at.selectbox(key="measure").options[0].startswith(ru.measure(1) + ". ")


def test_directions_the_decrees_name_differently_stay_apart(db):
    """2021's direction 1 and 2023's are different directions: neither figure may add up the other's."""
    names = db.options.data_names["direction"]
    assert "2021-D1" in names and "2023-D1" in names and "D1" not in names
    assert names["2021-D1"] != names["2023-D1"]
    groups = db.filtered("by_group", Filters()).set_index("group_key")
    for year in (2021, 2023):
        alone = db.filtered("by_group", Filters(year=(str(year),))).set_index("group_key")
        assert groups.loc[f"{year}-D1", "measures"] == alone.loc[f"{year}-D1", "measures"]
    assert ru.group_label("2023-D1") == "2023 · " + ru.group_label("D1")


@pytest.mark.parametrize(("link", "opens"), [("2023-1", (2023, 1)), ("2021-29", (2021, 29)), ("5", (2021, 5))])
def test_a_measure_link_names_its_roadmap(app_with_two, link, opens):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"measure": link})
    at.switch_page("app_pages/measures.py").run()  # the link's first run is the measure page's, as in a browser
    assert not at.exception
    assert at.selectbox(key="measure").value == opens
    assert at.query_params["measure"] == f"{opens[0]}-{opens[1]}"


@pytest.mark.parametrize("link", ["[sign in](https://evil.example)", "1¹", "9" * 40, "2023-", "-5"])
def test_an_odd_measure_link_is_ignored(link):
    ui.data.database.clear()
    ui.cached.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"measure": link})
    at.switch_page("app_pages/measures.py").run()
    assert not at.exception
    assert not [i for i in at.info if "evil" in i.value or "](" in i.value]
