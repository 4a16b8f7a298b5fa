"""The query layer: the only module that holds DuckDB connections and runs SQL.

A RoadmapDB owns one in-memory DuckDB database loaded from the validated parquet (one file, or a
glob of files concatenated).  Streamlit sessions share it, so every query runs on its own cursor: a
shared connection gives wrong results under concurrent use.  Values only ever reach SQL as named
parameters.

The SQL lives in sql/, in layers (as dbt arranges models):
    staging/    the tables built once at load (tables.sql)
    facts/      questions about the whole dataset, asked once at load: filter choices, totals
    scope/      `filtered`: the measures the filters keep (unfiltered.sql: the same with no filter set)
    relations/  shared relations over `filtered`, each written once (filtered_executors, listed_measures)
    views/      what the pages and exports ask, over `filtered` and the relations they name
A view is asked for by name (`filtered("kpis", filters)`); the relations it uses are found in its text.
"""
from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from loaders.files import legend_path
from loaders.schema import LEGEND_SCHEMA, SECTIONS, check_columns, check_measures

from .config import SQL_DIR
from .filters import FILTER_SPECS, Filters


class DataError(Exception):
    """The dataset is missing or breaks its contract; `detail` says how, for the log and the screen."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@cache
def sql(name: str) -> str:
    """The text of sql/<name>.sql (`name` with its layer: "views/kpis")."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


RELATIONS = tuple(sorted(p.stem for p in (SQL_DIR / "relations").glob("*.sql")))


def _uses(text: str) -> list[str]:
    return [r for r in RELATIONS if re.search(rf"\b{r}\b", text)]


@cache
def view_query(name: str, scope: str) -> str:
    """views/<name>.sql behind a WITH of the scope and of every relation the view names, and the relations
    those name in turn, each after the ones it builds on."""
    ordered: list[str] = []

    def add(relation: str) -> None:
        if relation not in ordered:
            for used in _uses(sql(f"relations/{relation}")):
                if used != relation:
                    add(used)
            ordered.append(relation)

    text = sql(f"views/{name}")
    for relation in _uses(text):
        add(relation)
    relations = "".join(f",\n{r} AS (\n{sql(f'relations/{r}')}\n)" for r in ordered)
    return f"WITH {sql(f'scope/{scope}')}{relations}\n{text}"


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


@dataclass(frozen=True)
class FilterOptions:
    """The filter panel's choices and the dataset's size: fixed for the life of the data, so computed
    once when it loads instead of on every rerun of every session."""
    choices: dict[str, tuple[str, ...]]  # by filter key: the known values, in the order the panel offers them
    data_names: dict[str, dict[str, str]]  # by filter key: names the data gives its values (a direction's title)
    total_measures: int


def dataset_files(spec: str | Path) -> list[Path]:
    """The parquet files a dataset setting names: one path, or a glob whose matches are read in name
    order.  A glob such as data/*.parquet also matches the legends beside the files: those are skipped."""
    text = str(spec)
    if not glob.has_magic(text):
        return [Path(text)]
    files = [Path(p) for p in sorted(glob.glob(text)) if not Path(p).stem.endswith("_legend")]
    if not files:
        raise DataError(f"no parquet file matches {text}")
    return files


def union_legends(legends: list[pa.Table]) -> pa.Table:
    """Every abbreviation of every file once; where files word one differently, the later file (in name
    order, usually the later year) wins."""
    rows: dict[str, dict] = {}
    for legend in legends:
        problems = check_columns("legend", legend, LEGEND_SCHEMA)
        if problems:
            raise DataError(problems[0])
        for row in legend.select(LEGEND_SCHEMA.names).to_pylist():
            rows[row["abbreviation"]] = row
    return pa.Table.from_pylist(list(rows.values()), schema=LEGEND_SCHEMA)


def common_metadata(metadata: list[dict]) -> dict:
    """What every file says alike (a decree's date, its reporting calendar): a value only one of several
    decrees has would be shown as if it held for all of them."""
    first, *rest = metadata
    return {k: v for k, v in first.items() if all(m.get(k) == v for m in rest)}


class RoadmapDB:
    def __init__(self, measures: pa.Table, legend: pa.Table, metadata: dict[str, str],
                 decrees: dict[int, dict] | None = None):
        problems = check_measures(measures, legend)
        if problems:
            raise DataError("; ".join(problems[:3]))
        self.metadata = metadata  # what every loaded decree says alike
        # Each decree's own metadata (its date and number, reporting calendar, notes), by its roadmap year.
        self.decrees = decrees or {int(y): metadata for y in pc.unique(measures["roadmap_year"]).to_pylist()}
        rows = legend.to_pylist()
        self.legend = Legend(
            {r["abbreviation"]: r["full_name"] for r in rows}, {r["abbreviation"]: r["kind"] for r in rows}
        )
        self._con = duckdb.connect(":memory:")
        # A server's log is no terminal: DuckDB's progress bar would only litter it during a large load.
        self._con.execute("SET enable_progress_bar = false")
        self._con.register("measures_source", measures)
        self._con.execute(sql("staging/tables"), {"sections": list(SECTIONS)})
        self._con.unregister("measures_source")
        # DuckDB cannot open an in-memory database read-only, so the data is sealed instead: no file is
        # read or written from here on (no COPY, ATTACH or read_csv, no spilling to a temp directory),
        # the settings cannot be changed back, and _run accepts nothing but a single SELECT.
        self._con.execute("SET temp_directory = ''")
        self._con.execute("SET enable_external_access = false")
        self._con.execute("SET lock_configuration = true")
        self.options = self._options()

    def _options(self) -> FilterOptions:
        """Each list filter's choices, from its FilterSpec: fixed values, or a facts query whose `value`
        column lists them (and whose `name` column, if any, names them)."""
        choices, names = {}, {}
        for spec in FILTER_SPECS:
            if spec.text:
                continue
            if isinstance(spec.choices, str):
                found = self.plain(spec.choices)
                choices[spec.key] = tuple(found.value)
                if "name" in found.columns:
                    names[spec.key] = dict(zip(found.value, found.name, strict=True))
            else:
                choices[spec.key] = tuple(spec.choices)
            if spec.only_if_several and len(choices[spec.key]) < 2:
                choices[spec.key] = ()  # no choice to make: no filter, on a page or in an export link
        return FilterOptions(choices, names, int(self.plain("total_measures").iloc[0, 0]))

    @classmethod
    def open(cls, spec: str | Path) -> RoadmapDB:
        """Load one parquet file, or every file a glob matches (each with its legend beside it); the
        combined data is validated as one dataset, so measure numbers must be unique across the files."""
        files = dataset_files(spec)
        parts = [_read(path) for path in files]
        try:
            measures = pa.concat_tables([m for m, _, _ in parts])
        except pa.ArrowInvalid as exc:
            raise DataError(f"the files do not share one set of columns: {exc}") from None
        legend = union_legends([legend for _, legend, _ in parts])
        decrees = {int(year): meta for m, _, meta in parts for year in pc.unique(m["roadmap_year"]).to_pylist()}
        return cls(measures, legend, common_metadata([m for _, _, m in parts]), decrees)

    def _run(self, query: str, params: dict[str, object]) -> pd.DataFrame:
        _require_single_select(query)
        cursor = self._con.cursor()
        try:
            return cursor.execute(query, params).df()
        finally:
            cursor.close()

    def _scoped(self, name: str, filters: Filters, extra: dict[str, object]) -> tuple[str, dict[str, object]]:
        clash = extra.keys() & filters.params().keys()
        if clash:  # a view's own parameter named like a filter would silently replace the filter's value
            raise ValueError(f"views/{name}.sql: parameters {sorted(clash)} are filter names; rename them")
        if filters.is_empty:
            return view_query(name, "unfiltered"), extra
        return view_query(name, "filtered"), {**filters.params(), **extra}

    def filtered(self, name: str, filters: Filters, **extra: object) -> pd.DataFrame:
        """The one way to ask a question of the filtered measures: views/<name>.sql, with `extra` bound as
        its own named parameters."""
        return self._run(*self._scoped(name, filters, extra))

    def batches(self, name: str, filters: Filters, rows_per_batch: int = 2_000,
                **extra: object) -> Iterator[pa.RecordBatch]:
        """The same as `filtered`, as Arrow batches read while the caller consumes them: an export of
        67,000 measures never holds them all in Python objects at once.  The cursor is this generator's
        own and closes when it is exhausted or dropped."""
        query, params = self._scoped(name, filters, extra)
        _require_single_select(query)
        cursor = self._con.cursor()
        try:
            reader = cursor.sql(query, params=params).to_arrow_reader(rows_per_batch)
            yield from reader
        finally:
            cursor.close()

    def notes(self, years: tuple[str, ...] = ()) -> list[dict]:
        """The notes each loaded decree prints under its table (marker, text, line, measures), with the
        year of its roadmap, from the parquet's metadata; only those of `years` when given (a year filter)."""
        return [{"year": year, **note} for year, meta in sorted(self.decrees.items())
                if not years or str(year) in years for note in meta.get("notes") or []]

    def plain(self, name: str, params: dict[str, object] | None = None) -> pd.DataFrame:
        """facts/<name>.sql, a question about the whole dataset (a filter's choices, a total, a source text)."""
        return self._run(sql(f"facts/{name}"), params or {})


def _read(path: Path) -> tuple[pa.Table, pa.Table, dict]:
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
    return measures.replace_schema_metadata(None), legend.replace_schema_metadata(None), metadata
