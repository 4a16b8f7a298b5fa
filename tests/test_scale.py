"""What keeps the dashboard quick on large data (issue 5): datasets from a glob of files, filter choices
computed once, no SQL and no download files on a plain rerun, and nothing sent to the browser that grows
with the data (paged table, Gantt folded into deadline windows, largest amounts only).

The large-data cases run on a small generated dataset (bench/generate.py) that is just big enough to pass
every limit in roadmap/config.py; what the pages show is checked against figures computed here with
pandas from the parquet itself."""
import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from i18n import ru as texts
from loaders.files import legend_path
from loaders.schema import check_measures
from roadmap import charts, config, exports, ui
from roadmap.filters import Filters
from roadmap.queries import DataError, RoadmapDB
from testing import generate
from tests.conftest import ROOT
from tests.helpers import CHARTS, PAGES, plotly_values

DATA = ROOT / "data" / "roadmap.parquet"
ROADMAPS = 3  # 3 × 67 measures: more than one table page, more than the Gantt's bars, more amounts than ranked


def write_copy(source: Path, target: Path, shift: int = 0, legend_rows: list[dict] | None = None,
               metadata: dict | None = None) -> Path:
    """The bundled dataset under another name, its measure numbers shifted, optionally another legend."""
    table = pq.read_table(source)
    table = table.set_column(0, "measure_no", pc.add(table.column("measure_no"), shift).cast(pa.int32()))
    meta = json.loads(table.schema.metadata[b"roadmap"])
    meta.update(metadata or {})
    pq.write_table(table.replace_schema_metadata({b"roadmap": json.dumps(meta).encode()}), target)
    legend = pq.read_table(legend_path(source))
    if legend_rows is not None:
        legend = pa.Table.from_pylist(legend_rows, schema=legend.schema)
    pq.write_table(legend, legend_path(target))
    return target


# Datasets from a glob ------------------------------------------------------------------------------
def test_a_glob_reads_every_file_as_one_dataset(tmp_path):
    legend = pq.read_table(legend_path(DATA)).to_pylist()
    reworded = [dict(r, full_name="Новое название") if r["abbreviation"] == "МИОР" else r for r in legend]
    reworded.append({"abbreviation": "МФ", "full_name": "Министерство финансов", "kind": "body"})
    write_copy(DATA, tmp_path / "roadmap_a.parquet")
    write_copy(DATA, tmp_path / "roadmap_b.parquet", shift=1000, legend_rows=reworded, metadata={"decree_number": "99"})
    db = RoadmapDB.open(tmp_path / "*.parquet")  # the legends beside the files match too, and are skipped
    single = pd.read_parquet(DATA)
    assert db.options.total_measures == 2 * len(single)
    numbers = db.filtered("measure_list", Filters()).measure_no.tolist()
    assert numbers == sorted(single.measure_no.tolist() + (single.measure_no + 1000).tolist())
    assert db.legend.full_names["МИОР"] == "Новое название"  # the later file's wording wins
    assert db.legend.kinds["МФ"] == "body"
    assert "decree_number" not in db.metadata  # the files disagree on it
    assert db.metadata["decree_date"] == json.loads(pq.read_schema(DATA).metadata[b"roadmap"])["decree_date"]


def test_files_of_a_glob_must_not_repeat_measure_numbers(tmp_path):
    write_copy(DATA, tmp_path / "roadmap_a.parquet")
    write_copy(DATA, tmp_path / "roadmap_b.parquet")
    with pytest.raises(DataError, match="not unique"):
        RoadmapDB.open(tmp_path / "roadmap_*.parquet")


def test_a_glob_that_matches_nothing_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="no parquet file matches"):
        RoadmapDB.open(tmp_path / "*.parquet")


def test_files_with_other_columns_are_a_data_error(tmp_path):
    write_copy(DATA, tmp_path / "roadmap_a.parquet")
    other = write_copy(DATA, tmp_path / "roadmap_b.parquet", shift=1000)
    pq.write_table(pq.read_table(other).drop_columns(["funding_note"]), other)
    with pytest.raises(DataError, match="columns"):
        RoadmapDB.open(tmp_path / "roadmap_*.parquet")


# Work done once, not on every rerun ----------------------------------------------------------------
def test_filter_choices_are_the_datasets_own():
    db = RoadmapDB.open(DATA)
    rows = pd.read_parquet(DATA).sort_values("measure_no")
    first_seen = lambda column: list(dict.fromkeys(v for values in rows[column] for v in values))  # noqa: E731
    assert list(db.options.choices["ministry"]) == first_seen("ministries")
    assert sorted(db.options.choices["akimat"]) == sorted(first_seen("akimats"))
    assert list(db.options.choices["direction"]) == ["D1", "D2", "D3", "II", "III"]
    assert set(db.options.choices["report_to"]) == set(rows.report_to)
    assert db.options.total_measures == len(rows)


@pytest.fixture
def counted(monkeypatch):
    """Counts the SQL queries RoadmapDB runs over the measures (each on a cursor of its own: a view, the kept rows
    of a filter combination, an export's batches), the download files and the Plotly figures built, in this
    process."""
    calls = {"sql": 0, "files": 0, "figures": 0}
    cursor, builders = RoadmapDB._cursor, {name: getattr(exports, name) for name in ("csv_chunks", "xlsx_chunks")}

    def counting_cursor(self, tables, query=None):
        calls["sql"] += 1
        return cursor(self, tables, query)

    def counting(build, what="files"):
        def wrapper(*args, **kwargs):
            calls[what] += 1
            return build(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(RoadmapDB, "_cursor", counting_cursor)
    monkeypatch.setattr(go.Figure, "__init__", counting(go.Figure.__init__, "figures"))
    for name, build in builders.items():
        monkeypatch.setattr(exports, name, counting(build))
    return calls


@pytest.mark.parametrize("page", PAGES)
def test_a_rerun_with_the_same_filters_runs_no_sql_and_builds_no_file_or_figure(page, counted):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    ui.cached.clear()  # another page's test may have asked the same already
    ui.database().forget()
    counted.update(sql=0, files=0, figures=0)
    at.multiselect(key="akimat").set_value(["г. Шымкент"]).run()
    assert counted["sql"] > 0 and (counted["figures"] > 0) == (CHARTS[page] > 0)  # what is counted is counted
    counted.update(sql=0, files=0, figures=0)
    at.run()
    assert not at.exception
    assert counted == {"sql": 0, "files": 0, "figures": 0}


def test_each_query_gives_the_same_answer_with_and_without_the_where_clause():
    """No filter set skips the shared WHERE clause (scope/unfiltered.sql); a filter that keeps every measure (the
    one roadmap's year) runs it (scope/kept.sql over kept_rows), with each view's own parameters bound."""
    db = RoadmapDB.open(DATA)
    keeps_all = Filters(year=tuple(str(year) for year in db.decrees))
    assert not keeps_all.is_empty
    extra = {"deadline_status": {"as_of": "2021-07-01"}, "deadlines_by_month": {"period": "month"},
             "gantt_measures": {"limit": 1000}, "gantt_windows": {"limit": 1000}, "ranked_costs": {"limit": 1000},
             "measure_page": {"limit": 1000, "offset": 0}, "busiest_executors": {"limit": 1000},
             "measure_position": {"measure_no": 29, "measure_year": None},
             "missing_reports": {"as_of": "2022-01-01"}, "overdue_count": {"as_of": "2022-01-01"},
             "overdue_measures": {"as_of": "2022-01-01", "limit": 1000, "offset": 0},
             "comment_page": {"limit": 1000, "offset": 0, "search": ""}, "comment_count": {"search": ""},
             **{name: {"every_round": True} for name in ("report_log", "report_log_count", "report_log_json")}}
    names = [p.stem for p in (ROOT / "roadmap" / "sql" / "views").glob("*.sql")]
    assert len(names) > 10
    for name in names:
        plain = db.filtered(name, Filters(), **extra.get(name, {}))
        with_where = db.filtered(name, keeps_all, **extra.get(name, {}))
        pd.testing.assert_frame_equal(plain, with_where, obj=name)


# Large data: nothing sent to the browser grows with it --------------------------------------------
@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    measures, legend, metadata = generate.generate(ROADMAPS)
    out = tmp_path_factory.mktemp("large") / "roadmap.parquet"
    generate.write(measures, legend, metadata, out)
    return out


@pytest.fixture
def large_app(large, monkeypatch):
    """The app pointed at the large dataset; the cached database and queries are dropped before and after."""
    def forget():
        ui.data.database.clear()
        ui.cached.clear()

    monkeypatch.setattr(config, "MEASURES_PARQUET", str(large))
    forget()
    yield pd.read_parquet(large)
    forget()


def test_limits_are_exceeded_by_the_large_dataset(large):
    """Guards the cases below: each must really run past the limit it is about."""
    rows = pd.read_parquet(large)
    assert len(rows) > max(config.GANTT_MAX_BARS, config.MEASURES_PAGE_SIZE)
    assert rows.cost_thousand_kzt.notna().sum() > config.RANKED_MAX_BARS


def test_generated_data_is_valid_varied_and_deterministic():
    measures, legend, _ = generate.generate(ROADMAPS)
    assert check_measures(measures, legend) == []
    assert measures.equals(generate.generate(ROADMAPS)[0])
    rows = measures.to_pandas()
    assert rows.measure_no.is_unique
    regional = rows[~rows.akimats_all_regions & (rows.akimats.map(len) == 1)]
    assert regional.akimats.map(lambda a: a[0]).nunique() >= ROADMAPS - 1  # each regional plan is another region's
    years = generate.generate(generate.PLANS_PER_YEAR + 1)[0].column("roadmap_year").to_pylist()
    assert len(set(years)) == 2


def open_large(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_measure_table_is_paged(large_app):
    numbers = sorted(large_app.measure_no)
    size = config.MEASURES_PAGE_SIZE
    at = open_large("app_pages/measures.py")
    shown = lambda: at.dataframe[0].value[texts.COLUMNS["measure_no"]].tolist()  # noqa: E731
    assert shown() == numbers[:size]
    last = -(-len(numbers) // size)
    at.number_input(key="measures_page").set_value(last).run()
    assert shown() == numbers[(last - 1) * size:]
    assert at.selectbox(key="measure").options == [f"№ {n}. " + t[:100] for n, t in zip(
        numbers[(last - 1) * size:], large_app.set_index("measure_no").loc[numbers[(last - 1) * size:]].title)]
    # Narrowing the filters to fewer rows than the page starts at goes back to the first page.
    at.multiselect(key="direction").set_value(["II"]).run()
    assert not at.exception
    assert shown() == sorted(large_app[large_app.section == "II"].measure_no)[:size]


def test_gantt_folds_many_measures_into_deadline_windows(large_app):
    at = open_large("app_pages/timeline.py")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = {y: n for trace in spec["data"] for y, n in zip(plotly_values(trace["y"]), plotly_values(trace["text"]))}
    rows = large_app.assign(group_key=[f"D{int(d)}" if pd.notna(d) else s
                                       for d, s in zip(large_app.direction, large_app.section)])
    windows = rows.groupby(["group_key", "deadline_start", "deadline_end"]).size()
    assert len(windows) <= config.GANTT_MAX_WINDOWS  # all windows fit: every measure is in one bar
    assert len(bars) == len(windows) and sum(bars.values()) == len(rows)
    assert sorted(bars.values()) == sorted(windows.tolist())
    assert any("окна исполнения" in c.value for c in at.caption)


def test_funding_shows_the_largest_amounts_and_keeps_group_totals(large_app):
    at = open_large("app_pages/funding.py")
    ranked, treemap = (json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")[4:6])
    with_amount = large_app[large_app.cost_thousand_kzt.notna()].sort_values(
        ["cost_thousand_kzt", "measure_no"], ascending=[False, True])
    # Each bar is labelled "№ 96 · a short title"
    shown = [int(re.search(r"№ (\d+) · ", label).group(1)) for label in plotly_values(ranked["y"])]
    assert shown == list(with_amount.measure_no[:config.RANKED_MAX_BARS])
    cut = texts.RANKED_CUT.format(shown=config.RANKED_MAX_BARS, total=texts.number(len(with_amount)))
    assert cut in [c.value for c in at.caption]
    groups = with_amount.assign(group_key=[f"D{int(d)}" if pd.notna(d) else s for d, s in zip(
        with_amount.direction, with_amount.section)]).groupby("group_key").cost_thousand_kzt.sum()
    tiles = dict(zip(treemap["ids"], plotly_values(treemap["values"])))
    assert {k[2:]: v for k, v in tiles.items() if k.startswith("g:")} == pytest.approx(groups.to_dict())
    assert sum(1 for k in tiles if k.startswith("m:")) == config.RANKED_MAX_BARS
    assert any(k.startswith("o:") for k in tiles)


def test_treemap_parents_are_the_sum_of_their_tiles():
    ranked = pd.DataFrame({"measure_no": [1, 2], "title": ["a", "b"], "group_key": ["D1", "D2"],
                           "group_order": [101, 102], "cost_thousand_kzt": [50.0, 30.0]})
    groups = pd.DataFrame({"group_key": ["D1", "D2", "II"], "group_order": [101, 102, 200],
                           "cost_thousand_kzt": [80.0, 30.0, 0.0], "budget_measures": [3, 1, 0]})
    data = charts.cost_treemap(ranked, groups, t=texts).data[0]
    values = dict(zip(data.ids, data.values))
    assert values == {"g:D1": 80.0, "g:D2": 30.0, "m:1": 50.0, "m:2": 30.0, "o:D1": 30.0}
    assert dict(zip(data.ids, data.labels))["o:D1"] == texts.TREEMAP_OTHER.format(n=2)


def test_a_directions_bar_is_its_years_together_one_segment_per_funding_class():
    """views/by_group_class.sql answers per roadmap year; with several roadmaps a direction's bar must still
    be one segment per class whose hover says the sum, not one unlabelled segment per year."""
    by_class = pd.DataFrame({
        "roadmap_year": [2021, 2021, 2022, 2022], "group_key": ["D1", "D1", "D1", "II"],
        "group_order": [101, 101, 101, 200], "group_name": ["Первое", "Первое", "Первое", "Второе"],
        "funding_class": ["budget_amount", "not_required", "budget_amount", "budget_amount"],
        "measures": [3, 1, 4, 2], "cost_thousand_kzt": [10.0, 0.0, 5.0, 7.0]})
    traces = {trace.legendgroup: trace for trace in charts.directions_by_class(by_class, t=texts).data}
    segments = {(trace.legendgroup, custom[1]): x for trace in traces.values()
                for x, custom in zip(trace.x, trace.customdata, strict=True)}
    assert segments == {("budget_amount", "D1"): 7, ("budget_amount", "II"): 2, ("not_required", "D1"): 1}
    assert list(traces["budget_amount"].y) == [texts.group_label("D1"), texts.group_label("II")]


def test_overdue_list_is_paged(large_app):
    """Past every deadline with no report, every measure is overdue: the Execution page sends one page of
    them at a time, the longest overdue first, and says which ones of how many."""
    at = open_large("app_pages/execution.py")
    overdue = large_app.sort_values(["deadline_end", "measure_no"])
    assert len(overdue) > config.OVERDUE_PAGE_SIZE  # guards the case: more than one page
    size = config.OVERDUE_PAGE_SIZE
    shown = lambda: [int(re.search(r"№ (\d+)", label).group(1)) for label in next(  # noqa: E731
        d.value for d in at.dataframe if texts.COL_DEADLINE in d.value.columns)[texts.COLUMNS["measure_no"]]]
    assert shown() == overdue.measure_no[:size].tolist()
    range_of = texts.MEASURES_PAGE_RANGE.format(first=1, last=size, total=texts.number(len(overdue)))
    assert range_of in [c.value for c in at.caption]
    last = -(-len(overdue) // size)
    at.number_input(key="overdue_page").set_value(last).run()
    assert shown() == overdue.measure_no[(last - 1) * size:].tolist()
