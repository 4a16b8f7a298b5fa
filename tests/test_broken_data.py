"""Data missing or broken at start-up: the query layer refuses it with a reason that names the fault, and
every page shows one Russian message with the rebuild command instead of a traceback."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from i18n import ru as texts
from loaders.files import legend_path
from roadmap import config, ui
from roadmap.queries import DataError, RoadmapDB
from tests.conftest import ROOT
from tests.helpers import PAGES


def _rewrite(path: Path, change) -> None:
    table = pq.read_table(path)
    pq.write_table(change(table), path)


def _set_column(name: str, values) -> callable:
    def change(table: pa.Table) -> pa.Table:
        index = table.schema.get_field_index(name)
        return table.set_column(index, table.schema.field(name), pa.array(values(table), table.schema.field(name).type))
    return change


def _cast_column(name: str, new_type: pa.DataType) -> callable:
    def change(table: pa.Table) -> pa.Table:
        index = table.schema.get_field_index(name)
        return table.set_column(index, pa.field(name, new_type), pc.cast(table[name], new_type))
    return change


# name → (what to do to a good copy of the data, a phrase the reason must contain)
BREAKAGES = {
    "no parquet": (lambda m, lg: m.unlink(), "not found"),
    "no legend": (lambda m, lg: lg.unlink(), "not found"),
    "empty file": (lambda m, lg: m.write_bytes(b""), "cannot read"),
    "not a parquet": (lambda m, lg: m.write_bytes(b"PAR1 this is not a parquet file PAR1"), "cannot read"),
    "truncated": (lambda m, lg: m.write_bytes(m.read_bytes()[: m.stat().st_size // 2]), "cannot read"),
    "directory": (lambda m, lg: (m.unlink(), m.mkdir()), "is a directory"),
    "missing column": (
        lambda m, lg: _rewrite(m, lambda t: t.drop_columns(["funding_class"])), "missing columns: funding_class"),
    "wrong type": (lambda m, lg: _rewrite(m, _cast_column("measure_no", pa.string())), "column measure_no is string"),
    "no rows": (lambda m, lg: _rewrite(m, lambda t: t.slice(0, 0)), "no rows"),
    "duplicate numbers": (
        lambda m, lg: _rewrite(m, _set_column("measure_no", lambda t: [1] * t.num_rows)), "not unique"),
    "unknown funding class": (
        lambda m, lg: _rewrite(m, _set_column("funding_class", lambda t: ["free"] * t.num_rows)),
        "funding class 'free'"),
    "unknown region": (
        lambda m, lg: _rewrite(m, _set_column("akimats", lambda t: [["Атлантида"]] * t.num_rows)),
        "akimat 'Атлантида'"),
    "empty title": (lambda m, lg: _rewrite(m, _set_column("title", lambda t: ["  "] * t.num_rows)), "empty title"),
    "legend without kinds": (
        lambda m, lg: _rewrite(lg, lambda t: t.drop_columns(["kind"])), "legend: missing columns: kind"),
    "executor not in legend": (
        lambda m, lg: _rewrite(lg, lambda t: t.filter(pc.not_equal(t["abbreviation"], "МКС"))), "executor 'МКС'"),
}


@pytest.fixture
def broken(tmp_path, request) -> tuple[Path, str]:
    measures = tmp_path / "roadmap.parquet"
    shutil.copy(ROOT / "data" / "roadmap.parquet", measures)
    shutil.copy(ROOT / "data" / "roadmap_legend.parquet", legend_path(measures))
    change, reason = BREAKAGES[request.param]
    change(measures, legend_path(measures))
    return measures, reason


@pytest.mark.parametrize("broken", BREAKAGES, indirect=True)
def test_query_layer_refuses_broken_data_with_its_reason(broken):
    path, reason = broken
    with pytest.raises(DataError) as refused:
        RoadmapDB.open(path)
    assert reason in refused.value.detail


def test_the_good_copy_used_above_is_accepted(tmp_path):
    """The breakages start from a copy that opens, so each refusal is due to its own change."""
    shutil.copy(ROOT / "data" / "roadmap.parquet", tmp_path / "roadmap.parquet")
    shutil.copy(ROOT / "data" / "roadmap_legend.parquet", tmp_path / "roadmap_legend.parquet")
    assert RoadmapDB.open(tmp_path / "roadmap.parquet").options.total_measures == 67


@pytest.fixture
def app_on(monkeypatch):
    """Point the app at another dataset for one test; the cached database is dropped before and after."""
    def point(path: Path) -> None:
        monkeypatch.setattr(config, "MEASURES_PARQUET", path)
        ui.data.database.clear()
    yield point
    ui.data.database.clear()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("broken", ["no parquet", "truncated", "missing column", "wrong type"], indirect=True)
def test_every_page_shows_the_rebuild_message(app_on, broken, page):
    path, _ = broken
    app_on(path)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception
    assert [e.value for e in at.error] == [f"**{texts.DATA_ERROR_TITLE}**\n\n{texts.DATA_ERROR_BODY}"]
    assert [c.value for c in at.code] == [config.REBUILD_COMMAND]
    assert not at.get("plotly_chart") and not at.metric and not at.multiselect
