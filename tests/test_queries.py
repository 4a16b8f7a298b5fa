"""Query layer: the filter semantics against an independent pure-Python filter, the views, and
correct answers under many concurrent threads."""
import itertools
import random
import threading
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.groups import group_key
from roadmap.config import DUCKDB_THREADS
from roadmap.filters import Filters
from roadmap.queries import DataError, ReadOnlyViolation, RoadmapDB
from tests.conftest import ROOT
from tests.helpers import kept_numbers


@pytest.fixture(scope="module")
def db(fresh_parquet) -> RoadmapDB:
    return RoadmapDB.open(fresh_parquet)


@pytest.fixture(scope="module")
def rows(fresh_parquet) -> list[dict]:
    return pd.read_parquet(fresh_parquet).to_dict("records")


@pytest.fixture(scope="module")
def expected_numbers(fresh_parquet):
    """The reference filter's answer (tests/helpers.py), on the same fresh build."""
    return lambda f: kept_numbers(f, fresh_parquet)


FILTER_CASES = [
    Filters(),
    Filters(akimat=("Атырауская область",)),
    Filters(akimat=("Атырауская область", "г. Шымкент")),
    Filters(ministry=("МКС",), akimat=("Атырауская область",)),
    Filters(ministry=("МОН", "МЗ")),
    Filters(direction=("D2", "II")),
    Filters(funding=("budget_amount",), report_to=("АП",)),
    Filters(q="дәстүр"),
    Filters(q="  Проект  "),
    Filters(q="100%_'; DROP TABLE measures; --"),
    Filters(ministry=("НЕТ ТАКОГО",)),
]


@pytest.mark.parametrize("filters", FILTER_CASES, ids=[str(f.active()) for f in FILTER_CASES])
def test_filtered_measures_match_plain_python(db, expected_numbers, filters):
    got = db.filtered("measure_list", filters).measure_no.tolist()
    assert got == expected_numbers(filters)
    # The count the sidebar and the paged lists show, which asks no query of its own, is the same set's.
    assert db.count(filters) == len(got) == int(db.filtered("kpis", filters).iloc[0]["measures"])


def test_known_counts(db):
    # 46 collective + measure 21
    assert db.filtered("kpis", Filters(akimat=("Атырауская область",))).iloc[0]["measures"] == 47
    assert db.filtered("kpis", Filters(ministry=("МКС",), akimat=("Атырауская область",))).iloc[0]["measures"] == 2
    assert db.filtered("kpis", Filters(q="дәстүр")).iloc[0]["measures"] == 5


def test_kpis_unfiltered(db):
    k = db.filtered("kpis", Filters()).iloc[0]
    assert (k["measures"], k["cost_thousand_kzt"], k["budget_measures"], k["executors"]) == (67, 2_088_000.0, 15, 23)


def test_by_group_totals(db):
    groups = db.filtered("by_group", Filters()).set_index("group_key")
    assert list(groups.index) == ["D1", "D2", "D3", "II", "III"]
    assert groups.cost_thousand_kzt.to_dict() == {"D1": 0, "D2": 1_671_733.0, "D3": 281_141.0, "II": 135_126.0,
                                                  "III": 0}
    assert groups.measures.to_dict() == {"D1": 24, "D2": 26, "D3": 13, "II": 1, "III": 3}


def test_executor_view_has_one_row_per_measure_and_executor(db, rows):
    workload = db.filtered("executor_workload", Filters()).set_index("executor")
    for name in ("МИОР", "Атырауская область", "г. Шымкент", "МЭГПР"):
        mine = [r for r in rows if name in list(r["ministries"]) + list(r["akimats"])]
        assert workload.loc[name, "measures"] == len(mine)
        assert workload.loc[name, "cost_thousand_kzt"] == pytest.approx(
            sum(r["cost_thousand_kzt"] for r in mine if pd.notna(r["cost_thousand_kzt"])))
    assert set(workload.executor_kind) == {"ministry", "akimat"}
    assert workload.loc["МИОР", "executor_kind"] == "ministry"


def test_hostile_text_is_only_ever_a_value(db):
    hostile = Filters(q="'; DROP TABLE measures; --", ministry=("' OR 1=1 --",))
    assert db.filtered("measure_list", hostile).empty
    assert db.options.total_measures == 67


# Sixteen threads released at once by a barrier, each asking in turn: what a leak between cursors needs is
# queries overlapping, which the first few of each thread already are (100 each took 19 s of `make test`).
QUERIES_PER_THREAD = 30


def test_many_threads_get_their_own_right_answers(db, expected_numbers):
    """Like many Streamlit sessions: one shared RoadmapDB, queries from many threads at once."""
    akimats = ["Атырауская область", "г. Шымкент", "Западно-Казахстанская область", "г. Алматы"]
    cases = [Filters()] + [Filters(akimat=(a,)) for a in akimats] + [
        Filters(ministry=(m,), direction=(d,)) for m, d in itertools.product(["МИОР", "МКС", "МОН"], ["D1", "D2", "D3"])
    ] + FILTER_CASES
    expected = {f: expected_numbers(f) for f in cases}
    errors: list[BaseException] = []
    wrong: list[Filters] = []
    start = threading.Barrier(16)

    def worker(seed: int) -> int:
        rng = random.Random(seed)
        start.wait()
        done = 0
        for _ in range(QUERIES_PER_THREAD):
            f = rng.choice(cases)
            try:
                got = db.filtered("measure_list", f).measure_no.tolist()
                kpi = db.filtered("kpis", f).iloc[0]["measures"]
            except BaseException as exc:  # noqa: BLE001 - every failure counts
                errors.append(exc)
                continue
            if got != expected[f] or kpi != len(expected[f]):
                wrong.append(f)
            done += 1
        return done

    with ThreadPoolExecutor(max_workers=16) as pool:
        completed = sum(pool.map(worker, range(16)))
    assert errors == [] and wrong == []
    assert completed == 16 * QUERIES_PER_THREAD


def test_missing_data_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        RoadmapDB.open(tmp_path / "nothing.parquet")


def test_corrupt_data_is_a_data_error(tmp_path):
    bad = tmp_path / "roadmap.parquet"
    bad.write_bytes(b"PAR1 not really")
    (tmp_path / "roadmap_legend.parquet").write_bytes((ROOT / "data" / "roadmap_legend.parquet").read_bytes())
    with pytest.raises(DataError, match="cannot read"):
        RoadmapDB.open(bad)


# Read-only: the dashboard's data cannot be changed, and no file read or written, through the query layer.
@pytest.mark.parametrize("statement", [
    "DROP TABLE measures",
    "DELETE FROM measures",
    "UPDATE measures SET title = 'x'",
    "CREATE TABLE stolen AS SELECT * FROM measures",
    "SELECT 1; DROP TABLE measures",
    "SET lock_configuration = false",
    "ATTACH ':memory:' AS other",
])
def test_only_a_single_select_runs(db, statement):
    with pytest.raises(ReadOnlyViolation):
        db._run(statement, {})
    assert db.options.total_measures == 67


def test_no_file_is_read_or_written_even_by_a_select_or_a_raw_cursor(db, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with pytest.raises(duckdb.PermissionException):
        db._run(f"SELECT * FROM read_csv('{secret}')", {})
    target = tmp_path / "dump.csv"
    with pytest.raises(duckdb.PermissionException):
        db._con.cursor().execute(f"COPY (SELECT * FROM measures) TO '{target}'")
    assert not target.exists()
    with pytest.raises(duckdb.InvalidInputException):
        db._con.cursor().execute("SET enable_external_access = true")


def test_one_query_runs_on_one_thread_and_the_setting_cannot_be_changed_back(db):
    # roadmap/config.py says why: the largest dataset is one row group, so a second thread only spins.
    assert db._run("SELECT current_setting('threads') AS threads", {}).threads.iloc[0] == DUCKDB_THREADS == 1
    with pytest.raises(duckdb.InvalidInputException):
        db._con.cursor().execute("SET threads = 4")


# Property: any combination of filter values, known or not, keeps exactly the measures a plain Python
# filter over the parquet rows keeps.
_hostile_text = st.sampled_from(["' OR 1=1 --", "/* */", "%", "_", "<script>alert(1)</script>", "x" * 10_000, ""])


def _values(known: list[str]):
    return st.lists(st.one_of(st.sampled_from(known), _hostile_text, st.text(max_size=20)), max_size=4).map(tuple)


@pytest.fixture(scope="module")
def known(rows) -> dict[str, list[str]]:
    return {
        "ministry": sorted({m for r in rows for m in r["ministries"]}),
        "akimat": sorted({a for r in rows for a in r["akimats"]}),
        "direction": sorted({group_key(r["section"], None if pd.isna(r["direction"]) else int(r["direction"]))
                             for r in rows}),
        "funding": sorted({r["funding_class"] for r in rows}),
        "report_to": sorted({r["report_to"] for r in rows}),
        "title_words": sorted({w for r in rows for w in r["title"].split() if len(w) > 3}),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_filter_combination_matches_plain_python(db, expected_numbers, known, data):
    draw = data.draw
    q = draw(st.one_of(st.just(""), st.sampled_from(known["title_words"]), _hostile_text,
                       st.text(alphabet=st.characters(codec="utf-8"), max_size=12)))
    filters = Filters(
        ministry=draw(_values(known["ministry"])), akimat=draw(_values(known["akimat"])),
        direction=draw(_values(known["direction"])), funding=draw(_values(known["funding"])),
        report_to=draw(_values(known["report_to"])), q=q,
    )
    expected = expected_numbers(filters)
    assert db.filtered("measure_list", filters).measure_no.tolist() == expected
    assert db.count(filters) == len(expected)


def test_a_view_parameter_may_not_take_a_filters_name(db):
    with pytest.raises(ValueError, match="filter names"):
        db.filtered("measure_position", Filters(ministry=("МИОР",)), measure_no=29, year=2021)
