"""The query layer: the only module that holds DuckDB connections and runs SQL.

A RoadmapDB owns one in-memory DuckDB database loaded from the validated parquet.  Streamlit
sessions share it, so every query runs on its own cursor: a shared connection gives wrong results
under concurrent use.  SQL lives in sql/*.sql; values only ever reach it as named parameters.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders.build import legend_path
from loaders.schema import check_measures

from .config import SQL_DIR
from .filters import Filters


class DataError(Exception):
    """The dataset is missing or breaks its contract; `detail` says how, for the log and the screen."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@cache
def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


class ReadOnlyViolation(Exception):
    """A statement other than one SELECT reached the query runner: a programming error, never user input."""


@lru_cache(maxsize=256)
def _require_single_select(query: str) -> None:
    kinds = [statement.type for statement in duckdb.extract_statements(query)]
    if kinds != [duckdb.StatementType.SELECT]:
        raise ReadOnlyViolation(f"only a single SELECT may run on the dashboard's data, got {kinds}")


@dataclass(frozen=True)
class Legend:
    full_names: dict[str, str]
    kinds: dict[str, str]


class RoadmapDB:
    def __init__(self, measures: pa.Table, legend: pa.Table, metadata: dict[str, str]):
        problems = check_measures(measures, legend)
        if problems:
            raise DataError("; ".join(problems[:3]))
        self.metadata = metadata
        rows = legend.to_pylist()
        self.legend = Legend(
            {r["abbreviation"]: r["full_name"] for r in rows}, {r["abbreviation"]: r["kind"] for r in rows}
        )
        self._con = duckdb.connect(":memory:")
        self._con.register("measures_arrow", measures)
        self._con.execute("CREATE TABLE measures_source AS SELECT * FROM measures_arrow")
        self._con.unregister("measures_arrow")
        self._con.execute(sql("views"))
        # DuckDB cannot open an in-memory database read-only, so the data is sealed instead: no file is
        # read or written from here on (no COPY, ATTACH or read_csv, no spilling to a temp directory),
        # the settings cannot be changed back, and _run accepts nothing but a single SELECT.
        self._con.execute("SET temp_directory = ''")
        self._con.execute("SET enable_external_access = false")
        self._con.execute("SET lock_configuration = true")

    @classmethod
    def open(cls, path: Path) -> RoadmapDB:
        if path.is_dir():  # pyarrow would read a directory as an empty dataset, which hides the mistake
            raise DataError(f"{path} is a directory, not a parquet file")
        try:
            measures = pq.read_table(path)
            legend = pq.read_table(legend_path(path))
        except FileNotFoundError as exc:
            raise DataError(f"file not found: {exc.filename or path}") from None
        except (pa.ArrowException, OSError) as exc:
            raise DataError(f"cannot read {path.name}: {exc}") from None
        raw_meta = (measures.schema.metadata or {}).get(b"roadmap", b"{}")
        try:
            metadata = json.loads(raw_meta.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            metadata = {}
        return cls(measures.replace_schema_metadata(None), legend, metadata)

    def _run(self, query: str, params: dict[str, object]) -> pd.DataFrame:
        _require_single_select(query)
        cursor = self._con.cursor()
        try:
            return cursor.execute(query, params).df()
        finally:
            cursor.close()

    def filtered(self, name: str, filters: Filters, **extra: object) -> pd.DataFrame:
        """Run sql/<name>.sql over the measures the filters keep."""
        return self._run(f"WITH {sql('filtered')}\n{sql(name)}", {**filters.params(), **extra})

    def plain(self, name: str, params: dict[str, object] | None = None) -> pd.DataFrame:
        """Run sql/<name>.sql over the whole dataset (option lists, totals for "N of M")."""
        return self._run(sql(name), params or {})

    # Named queries the pages use -------------------------------------------------------------
    def kpis(self, filters: Filters) -> dict[str, float]:
        return self.filtered("kpis", filters).iloc[0].to_dict()

    def by_group(self, filters: Filters) -> pd.DataFrame:
        return self.filtered("by_group", filters)

    def executor_workload(self, filters: Filters) -> pd.DataFrame:
        return self.filtered("executor_workload", filters)

    def measure_list(self, filters: Filters) -> pd.DataFrame:
        return self.filtered("measure_list", filters)

    def executor_options(self) -> pd.DataFrame:
        return self.plain("executor_options")

    def group_options(self) -> pd.DataFrame:
        return self.plain("group_options")

    def source_text(self, measure_no: int) -> str:
        found = self.plain("source_text", {"measure_no": measure_no})
        return found.source_text.iloc[0] if len(found) else ""

    def total_measures(self) -> int:
        return int(self.plain("total_measures").iloc[0, 0])
