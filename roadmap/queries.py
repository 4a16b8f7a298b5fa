"""The query layer: the only module that holds DuckDB connections and runs SQL.

A RoadmapDB owns one in-memory DuckDB database loaded from the validated parquet (one file, or a
glob of files concatenated).  Streamlit sessions share it, so every query runs on its own cursor: a
shared connection gives wrong results under concurrent use.  Values only ever reach SQL as named
parameters.

The SQL lives in sql/, in layers (as dbt arranges models):
    staging/    the tables built once at load (tables.sql)
    facts/      questions about the whole dataset, asked once at load: filter choices, totals
    scope/      kept.sql: the row numbers of the measures the filters keep, asked once per filter combination
                (status.sql: the status filter's condition, added only when it is set); filtered.sql: the
                `filtered` every view reads, those rows (unfiltered.sql: every measure, when no filter is set)
    relations/  shared relations, each written once (filtered_executors, listed_measures, measure_status)
    views/      what the pages and exports ask, over `filtered` and the relations they name
    reports/    the executors' reports, read from their directory (latest.sql)
A view is asked for by name (`filtered("kpis", filters)`); the relations it uses are found in its text.

The executors' reports (reporting/store.py stores each accepted submission as its own immutable parquet file
in one directory) are read by DuckDB as one table, again whenever the set of files changes (looked at no more
often than every `refresh_seconds`); only files not read before are read.  Each query's cursor gets three
tables registered on it alone: `report_latest` (what each executor last said per round and measure),
`report_standing` (what stands in every round), `report_returned` (the rows of returned submissions, for the
report log export), `chosen_rounds` (the round each decree's status is shown for, from the `round` filter)
and `round_statuses` (each reported measure's status in those rounds, reports/round_statuses.sql, combined
once per state of the log and choice of rounds).  So a query sees one consistent state of the log, and sessions
never share mutable tables.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from loaders import files
from loaders.files import legend_path
from loaders.schema import LEGEND_SCHEMA, SECTIONS, check_columns, check_measures
from reporting.decrees import decrees as report_decrees
from reporting.log import LogReader
from reporting.review import REVIEWS_DIR, REVIEWS_SCHEMA

from .bounded import Bounded
from .config import DUCKDB_THREADS, SQL_DIR
from .filters import FILTER_SPECS, Filters

log = logging.getLogger("roadmap")


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


@lru_cache(maxsize=4096)
def _mentions(text: str, name: str) -> bool:
    """Whether SQL text names a relation or a table (as a whole word)."""
    return re.search(rf"\b{name}\b", text) is not None


def _uses(text: str) -> list[str]:
    return [r for r in RELATIONS if _mentions(text, r)]


_STATUS_MARKER = "  -- status: "


def _relations(text: str) -> list[str]:
    """The relations a text names, and those they name in turn, each after the ones it builds on."""
    ordered: list[str] = []

    def add(relation: str) -> None:
        if relation not in ordered:
            for used in _uses(sql(f"relations/{relation}")):
                if used != relation:
                    add(used)
            ordered.append(relation)

    for relation in _uses(text):
        add(relation)
    return ordered


def _relation_entries(text: str) -> list[str]:
    """The WITH entries of the relations a text names (and those they name), each after the ones it builds on."""
    return [f"{r} AS (\n{sql(f'relations/{r}')}\n)" for r in _relations(text)]


def _with(entries: list[str], text: str) -> str:
    return ("WITH " + ",\n".join(entries) + "\n" if entries else "") + text


@cache
def kept_query(status: bool) -> str:
    """scope/kept.sql, the row numbers of the measures the filters keep; with the status filter's condition
    (status.sql) in place of its marker line when `status`, behind a WITH of the relations that names."""
    text = sql("scope/kept")
    if status:
        lines = text.splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.startswith(_STATUS_MARKER))
        condition = [line for line in sql("scope/status").splitlines(keepends=True) if not line.startswith("--")]
        text = "".join(lines[:at] + condition + lines[at + 1:])
    return _with(_relation_entries(text), text)


@cache
def view_query(name: str, scope: str) -> str:
    """views/<name>.sql behind a WITH of the scope (`filtered`: scope/unfiltered.sql, or scope/filtered.sql
    over the kept rows) and of every relation the view names, and the relations those name in turn, each
    after the ones it builds on."""
    text = sql(f"views/{name}")
    return _with([sql(f"scope/{scope}"), *_relation_entries(text)], text)


def _bound(query: str, params: dict[str, object]) -> dict[str, object]:
    """The parameters the query names: DuckDB refuses a named parameter the statement does not use, and
    kept.sql without the status filter's condition has no $status to bind."""
    return {k: v for k, v in params.items() if re.search(rf"\${re.escape(k)}\b", query)}


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
    """loaders.files.dataset_files, its failure said as the app's DataError."""
    try:
        return files.dataset_files(spec)
    except FileNotFoundError as exc:
        raise DataError(str(exc)) from None


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


@dataclass(frozen=True)
class ReportState:
    """The report log as one query sees it."""
    version: str  # changes whenever the set of stored files does (and with the day: the default round)
    files: int  # submissions stored
    latest: pa.Table  # sql/reports/latest.sql: what each executor last said per round and measure
    rounds_reported: frozenset[tuple[int, date]]  # (roadmap year, round) with at least one report
    unreadable: tuple[str, ...]  # files in the directory that are not readable reports (named in the log)
    submissions: pa.Table  # sql/reports/submissions.sql: one row per stored file, newest first
    generation: tuple[int, int] = (0, 0)  # the LogReaders' generations (submissions, reviews) it was built from
    problem: str | None = None  # why the reports directory cannot be listed (the pages warn), or None
    reviews: pa.Table | None = None  # sql/reports/review_history.sql: every review, newest first
    standing: pa.Table | None = None  # sql/reports/standing.sql: what stands in every round
    statuses: pa.Table | None = None  # sql/reports/round_statuses.sql: every reported measure's status per round
    log: pa.Table | None = None  # every stored row, as read (reporting.log.LOG_SCHEMA): a submission's own rows
    returned: pa.Table | None = None  # sql/reports/returned.sql: the rows of the submissions МИОР returned

    def round_submissions(self, roadmap_year: int, round_: date) -> pd.DataFrame:
        """The submissions of one round (the `submissions` columns, newest first): the log only grows, so a
        page filters it in Arrow and converts the round's rows alone, not every submission ever stored."""
        table = self.submissions
        found = table.filter(pc.and_(pc.equal(table["roadmap_year"], roadmap_year), pc.equal(table["round"], round_)))
        return found.to_pandas()


_STATUS_CACHE_ENTRIES = 32  # (state of the log, rounds chosen) combinations kept; each a few small tables
# Filter combinations whose kept rows are kept: 8 bytes a measure kept, so at most 17 MB at 67,000 measures.
_KEPT_CACHE_ENTRIES = 32


_CHOSEN_ROUNDS = pa.schema([("roadmap_year", pa.int32()), ("round", pa.date32()), ("previous_round", pa.date32())])


class RoadmapDB:
    def __init__(self, measures: pa.Table, legend: pa.Table, metadata: dict[str, str],
                 decrees: dict[int, dict] | None = None, reports_dir: str | Path | None = None,
                 refresh_seconds: float = 1.0):
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
        self._con.execute("SET threads = $threads", {"threads": DUCKDB_THREADS})
        self._con.register("measures_source", measures)
        self._con.execute(sql("staging/tables"), {"sections": list(SECTIONS)})
        self._con.unregister("measures_source")
        # Each decree's reporting rounds (the dates executors report by), by its roadmap year.
        # (A decree's metadata names its year; data generated without it is keyed by the year all the same.)
        self.report_metadata = {year: {**meta, "roadmap_year": year} for year, meta in self.decrees.items()}
        self.report_decrees = report_decrees(self.report_metadata)
        calendar = [(year, r) for year, d in sorted(self.report_decrees.items()) for r in d.rounds]
        self._con.register("decree_rounds_source", pa.table(
            {"roadmap_year": pa.array([y for y, _ in calendar], pa.int32()),
             "round": pa.array([r for _, r in calendar], pa.date32())}))
        self._con.execute("CREATE TABLE decree_rounds AS SELECT * FROM decree_rounds_source")
        self._con.unregister("decree_rounds_source")
        self._decree_keys = [f"{year}|{d.number}" for year, d in sorted(self.report_decrees.items())]
        folder = Path(reports_dir) if reports_dir is not None else None
        self._reports = LogReader(folder, refresh_seconds)
        self._reviews = LogReader(folder / REVIEWS_DIR if folder is not None else None, refresh_seconds,
                                  REVIEWS_SCHEMA, "review")
        self._state_lock = threading.Lock()
        self._state: ReportState | None = None
        self._report_measures: pa.Table | None = None
        self._status_tables = Bounded(_STATUS_CACHE_ENTRIES)
        self._kept = Bounded(_KEPT_CACHE_ENTRIES)
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

    # The executors' reports -------------------------------------------------------------------------
    @property
    def reports_dir(self) -> Path | None:
        return self._reports.directory

    def report_state(self, force: bool = False) -> ReportState:
        """The report log now: read again if its files changed (looked at every `refresh_seconds` at most,
        at once when `force`, as after this process stored a submission).  One lock around reading and
        building, so that a slower caller can never put back a state older than the one already there."""
        today = date.today()
        with self._state_lock:
            snapshot, reviewed = self._reports.current(force), self._reviews.current(force)
            generation = (snapshot.generation, reviewed.generation)
            names, unreadable = snapshot.files, snapshot.unreadable + reviewed.unreadable
            state = self._state
            if state is not None and state.generation == generation and state.version.endswith(today.isoformat()):
                return state
            cursor = self._con.cursor()
            try:
                cursor.register("report_log", snapshot.table)
                cursor.register("review_log", reviewed.table)
                latest = cursor.sql(sql("reports/latest"), params={"decrees": self._decree_keys}).to_arrow_table()
                # What stands in every round, and every measure's status there: once per state of the log,
                # rather than in each of the dozen queries a page run asks (they join these small tables).
                cursor.register("report_latest", latest)
                standing = cursor.sql(sql("reports/standing")).to_arrow_table()
                cursor.register("report_standing", standing)
                statuses = cursor.sql(sql("reports/round_statuses")).to_arrow_table()
                submissions = cursor.sql(sql("reports/submissions")).to_arrow_table()
                reviews = cursor.sql(sql("reports/review_history")).to_arrow_table()
                returned = cursor.sql(sql("reports/returned"), params={"decrees": self._decree_keys}).to_arrow_table()
            finally:
                cursor.close()
            pairs = {(int(y), r) for y, r in zip(latest["roadmap_year"].to_pylist(), latest["round"].to_pylist(),
                                                  strict=True)}
            listing = sorted([*names, *reviewed.files, *unreadable])
            digest = hashlib.sha1("\n".join(listing).encode()).hexdigest()[:16]
            self._state = ReportState(f"{len(names)}:{len(reviewed.files)}:{digest}:{today.isoformat()}", len(names),
                                      latest, frozenset(pairs), unreadable, submissions, generation,
                                      snapshot.problem or reviewed.problem, reviews, standing, statuses,
                                      snapshot.table, returned)
            return self._state

    def report_measures(self) -> pa.Table:
        """The measures as a report is checked against them (reporting.validate's `measures`)."""
        if self._report_measures is None:
            self._report_measures = pa.Table.from_pandas(self.plain("report_measures"), preserve_index=False)
        return self._report_measures

    def executors(self) -> list[str]:
        """Everyone the loaded decrees assign a measure to: ministries and bodies first, then regions."""
        return [*self.options.choices.get("ministry", ()), *self.options.choices.get("akimat", ())]

    def chosen_rounds(self, wanted: tuple[str, ...], state: ReportState,
                      today: date | None = None) -> dict[int, tuple[date, date | None]]:
        """The round each decree's status is shown for, and the round before it: the latest of its rounds
        the `round` filter names; else its latest round anyone has reported in; else its next round to
        come; else its last.  A decree without a reporting calendar has none."""
        today = today or date.today()
        chosen = {}
        for year, decree in sorted(self.report_decrees.items()):
            rounds = list(decree.rounds)
            if not rounds:
                continue
            named = [r for r in rounds if r.isoformat() in wanted]
            reported = [r for r in rounds if (year, r) in state.rounds_reported]
            coming = [r for r in rounds if r >= today]
            current = max(named) if named else max(reported) if reported else min(coming) if coming else rounds[-1]
            at = rounds.index(current)
            chosen[year] = (current, rounds[at - 1] if at else None)
        return chosen

    def _registered(self, filters: Filters, state: ReportState) -> dict[str, pa.Table]:
        """The tables a query of this state of the log and these rounds reads besides the measures."""
        chosen = self.chosen_rounds(filters.round, state)

        def tables() -> dict[str, pa.Table]:
            rounds = pa.table({"roadmap_year": list(chosen), "round": [r for r, _ in chosen.values()],
                               "previous_round": [p for _, p in chosen.values()]}, schema=_CHOSEN_ROUNDS)
            return {"report_latest": state.latest, "chosen_rounds": rounds, "report_standing": state.standing,
                    "round_statuses": state.statuses, "report_returned": state.returned}

        return self._status_tables.get((state.version, tuple(sorted(chosen.items()))), tables)

    @classmethod
    def open(cls, spec: str | Path, reports_dir: str | Path | None = None,
             refresh_seconds: float = 1.0) -> RoadmapDB:
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
        return cls(measures, legend, common_metadata([m for _, _, m in parts]), decrees, reports_dir,
                   refresh_seconds)

    def _cursor(self, tables: dict[str, pa.Table], query: str | None = None):
        cursor = self._con.cursor()
        for name, table in tables.items():
            # Only what the query reads (registering costs a few tenths of a millisecond each); this cursor's
            # own: another session's query never sees it.
            if query is None or _mentions(query, name):
                cursor.register(name, table)
        return cursor

    def _run(self, query: str, params: dict[str, object], tables: dict[str, pa.Table] | None = None) -> pd.DataFrame:
        _require_single_select(query)
        cursor = self._cursor(tables or {}, query)
        try:
            return cursor.execute(query, params).df()
        finally:
            cursor.close()

    def _scoped(self, name: str, filters: Filters, extra: dict[str, object],
                state: ReportState | None = None) -> tuple[str, dict[str, object], dict[str, pa.Table]]:
        clash = extra.keys() & filters.params().keys()
        # Views never see the filters' values (scope/kept.sql alone does), so a view's own parameter named
        # like a filter would read as the filter to whoever reads the view's SQL, and be another value.
        if clash:
            raise ValueError(f"views/{name}.sql: parameters {sorted(clash)} are filter names; rename them")
        state = state or self.report_state()
        tables = self._registered(filters, state)
        if filters.is_empty:
            return view_query(name, "unfiltered"), extra, tables
        query = view_query(name, "filtered")
        return query, extra, {**tables, "kept_rows": self._kept_rows(filters, state, tables)}

    def _kept_rows(self, filters: Filters, state: ReportState, tables: dict[str, pa.Table]) -> pa.Table:
        """scope/kept.sql's rows for these filters: asked once per filter combination (and, for the status
        filter, per state of the log), then read by every view of every session that asks for the same."""
        def ask() -> pa.Table:
            query = kept_query(bool(filters.status))
            _require_single_select(query)
            cursor = self._cursor(tables, query)
            try:
                return cursor.sql(query, params=_bound(query, filters.params())).to_arrow_table()
            finally:
                cursor.close()

        return self._kept.get((filters.cache_key(), state.version if filters.status else None), ask)

    def forget(self) -> None:
        """Drop the kept rows and the log's tables asked so far: tests and the benchmark start cold."""
        self._kept.clear()
        self._status_tables.clear()

    def count(self, filters: Filters, state: ReportState | None = None) -> int:
        """How many measures these filters keep: the length of the kept rows every view of the combination
        reads anyway, so the count beside the filters and a paged list's total need no query of their own
        (views/kpis.sql's took 9 ms of a filter change at 67,000 measures).  `state` as for filtered()."""
        if filters.is_empty:
            return self.options.total_measures
        state = state or self.report_state()
        return self._kept_rows(filters, state, self._registered(filters, state)).num_rows

    def filtered(self, name: str, filters: Filters, state: ReportState | None = None,
                 **extra: object) -> pd.DataFrame:
        """The one way to ask a question of the filtered measures: views/<name>.sql, with `extra` bound as
        its own named parameters.  `state`: the report log as the caller saw it (its cache key); now if
        not given."""
        return self._run(*self._scoped(name, filters, extra, state))

    def batches(self, name: str, filters: Filters, rows_per_batch: int = 2_000,
                **extra: object) -> Iterator[pa.RecordBatch]:
        """The same as `filtered`, as Arrow batches read while the caller consumes them: an export of
        67,000 measures never holds them all in Python objects at once.  The cursor is this generator's
        own and closes when it is exhausted or dropped."""
        query, params, tables = self._scoped(name, filters, extra)
        _require_single_select(query)
        cursor = self._cursor(tables, query)
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
