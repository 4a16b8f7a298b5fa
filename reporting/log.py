"""The report log: every stored submission read back as one table, and what each executor last said.

The app reads the directory through ``LogReader`` (one per process, shared by the sessions: each file is read
once, since files never change); the CLI and the tests through ``read_log``.  A reports directory that is
missing, not a directory or unreadable is an empty log with a ``problem`` to show, never an error: the
roadmap stays on screen.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

import settings

log = logging.getLogger("reporting")

REPORTS_SCHEMA = pa.schema([
    ("roadmap_year", pa.int32()),
    ("decree_number", pa.string()),
    ("round", pa.date32()),
    ("executor", pa.string()),
    ("measure_no", pa.int32()),
    ("status", pa.string()),
    ("spent_thousand_kzt", pa.float64()),
    ("comment", pa.string()),
    ("submitter", pa.string()),
    ("submitted_at", pa.timestamp("us", tz="UTC")),
    ("file_sha256", pa.string()),
    ("file_name", pa.string()),
])
# What each column of a stored submission means (the README's table of the log is held to this).
COLUMN_MEANINGS = {
    "roadmap_year": "the roadmap (decree) the report is on, by its year",
    "decree_number": "that decree's number, as its metadata gives it",
    "round": "the reporting date the report is for",
    "executor": "whose report it is: a legend abbreviation or a region, as the decree names it",
    "measure_no": "the measure reported on",
    "status": "done, in_progress, not_started or not_done",
    "spent_thousand_kzt": "spent on the measure since the roadmap began, thousand tenge; empty when not said",
    "comment": "what the executor wrote: the information on implementation",
    "submitter": "who stored it: the sign-in's identity, or operator:<os user> [for <name typed>]",
    "submitted_at": "when it was stored (UTC, to the microsecond)",
    "file_sha256": "the SHA-256 of the file as uploaded",
    "file_name": "the name it was uploaded under",
    "submission": "the submission's id: the stored file's name without .parquet (read back, not stored)",
}

# The log as read back: each stored row with its submission's id, the stored file's name without ".parquet"
# (what `python -m reporting list` prints and a review names).
LOG_SCHEMA = REPORTS_SCHEMA.append(pa.field("submission", pa.string()))
STORED_META = b"roadmap_report"  # parquet metadata key of a stored file: format, its final name, dedupe key


def reports_dir() -> Path:
    """The reports directory the environment names (read at each call: a test or the CLI may change it)."""
    return Path(settings.get("ROADMAP_REPORTS"))


def stored_files(directory: Path) -> list[Path]:
    """The stored reports of a directory in name (= time) order: ``*.parquet``, never a name starting with
    "." (temporaries and claims, which may be hard links to a report), as the app reads them."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.parquet") if not p.name.startswith(".") and p.is_file())


@dataclass(frozen=True)
class Snapshot:
    """The log as one reading found it."""
    generation: int  # changes whenever anything below does
    files: tuple[str, ...]  # stored files read, in name (= time) order as first seen
    table: pa.Table  # every stored row, with its file's id
    unreadable: tuple[str, ...]  # files in the directory that are not readable reports
    problem: str | None  # why the directory cannot be listed (the OS's words: not a directory, no permission)


class LogReader:
    """The stored reports, read again when the set of files changes; each file once (files are immutable).

    A file that cannot be read (a foreign file; or, where the file system has no hard links, the empty
    placeholder store() creates just before it renames the complete file over it) is tried again whenever its
    size or time changes, and named in `unreadable` meanwhile.  Thread-safe: one reader serves every session."""

    def __init__(self, directory: Path | None, refresh_seconds: float = 1.0, stored: pa.Schema = REPORTS_SCHEMA,
                 id_column: str = "submission"):
        self.directory = directory
        # What each file holds, and the column its id (the file's name without ".parquet") is read into.
        self._stored, self._id = stored, id_column
        self._schema = stored.append(pa.field(id_column, pa.string()))
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._listed: tuple[str, ...] = ()
        self._read: list[str] = []
        self._bad: dict[str, tuple[int, int]] = {}  # unreadable file → (size, mtime_ns) when it was tried
        self._table = self._schema.empty_table()
        self._problem: str | None = None
        self.generation = 0
        self._looked_at = float("-inf")
        self._reader = duckdb.connect(":memory:")  # reads parquet files; never sees the dashboard's data
        self._reader.execute("SET enable_progress_bar = false")

    def _listing(self) -> tuple[str, ...]:
        self._problem = None
        if self.directory is None:
            return ()
        try:
            return tuple(sorted(e.name for e in os.scandir(self.directory)
                                if e.name.endswith(".parquet") and not e.name.startswith(".") and e.is_file()))
        except FileNotFoundError:
            return ()  # nothing stored yet: store() creates it
        except OSError as exc:  # a regular file, no permission, a broken mount: the roadmap stays on screen
            self._problem = exc.strerror or type(exc).__name__
            log.warning("reporting: cannot list the reports directory %s: %s", self.directory, self._problem)
            return ()

    def _stat(self, name: str) -> tuple[int, int] | None:
        try:
            found = (self.directory / name).stat()
        except OSError:
            return None
        return found.st_size, found.st_mtime_ns

    def current(self, force: bool = False) -> Snapshot:
        """The log now (looked at again every `refresh_seconds` at most, at once when `force`)."""
        with self._lock:
            now = time.monotonic()
            if force or now - self._looked_at >= self.refresh_seconds:
                self._looked_at = now
                self._refresh()
            return Snapshot(self.generation, tuple(self._read), self._table, tuple(self._bad), self._problem)

    def _refresh(self) -> None:
        problem_before = self._problem
        names = self._listing()
        retry = [n for n, seen in self._bad.items() if n in names and self._stat(n) != seen]
        if names == self._listed and not retry and self._problem == problem_before:
            return
        before = (list(self._read), dict(self._bad))
        if not set(self._read) <= set(names):
            # A file went away (an operator's doing, never the app's): read the directory afresh.
            self._read, self._bad, self._table = [], {}, self._schema.empty_table()
        self._listed = names
        known = set(self._read)
        self._bad = {n: seen for n, seen in self._bad.items() if n in names and n not in retry}
        new = [n for n in names if n not in known and n not in self._bad]
        if new:
            parts = [self._table]
            try:
                parts.append(self._read_files(new))
                self._read += new
            except (duckdb.Error, pa.ArrowException):
                for name in new:  # one foreign or unfinished file must not hide every other report
                    try:
                        parts.append(self._read_files([name]))
                        self._read.append(name)
                    except (duckdb.Error, pa.ArrowException) as exc:
                        log.warning("reporting: %s is not a readable report file (yet): %s", name, exc)
                        self._bad[name] = self._stat(name) or (0, 0)
            self._table = pa.concat_tables(parts).combine_chunks()
        if (self._read, self._bad) != before or self._problem != problem_before:
            self.generation += 1

    def _read_files(self, names: list[str]) -> pa.Table:
        cursor = self._reader.cursor()
        try:
            table = cursor.sql(
                f"SELECT {', '.join(self._stored.names)}, "
                f"regexp_extract(filename, '([^/\\\\]+)\\.parquet$', 1) AS {self._id} "
                "FROM read_parquet($files, filename = true)",
                params={"files": [str(self.directory / n) for n in names]}).to_arrow_table()
        finally:
            cursor.close()
        return table.cast(self._schema)


def read_log(directory: str | os.PathLike | None = None, unreadable: list[Path] | None = None) -> pa.Table:
    """Every stored row (LOG_SCHEMA), file by file in name (= time) order; an empty table when there is none.
    A file that is not a readable report (put there by hand, or the placeholder of a writer without hard links) is
    skipped, as the app skips it, and appended to `unreadable` when given."""
    folder = Path(directory) if directory is not None else reports_dir()
    snapshot = LogReader(folder, 0).current(force=True)
    if unreadable is not None:
        unreadable.extend(folder / name for name in snapshot.unreadable)
    return snapshot.table


def latest_rows(log: pa.Table | Iterable[Mapping[str, Any]], *, roadmap_year: int | None = None,
                decree_number: str | None = None, round: date | None = None,
                executor: str | None = None) -> list[dict[str, Any]]:
    """The latest row per (decree, round, executor, measure), by submitted_at (then the file's hash): what
    each executor last said about each measure.  Optionally only one decree, round or executor."""
    rows = log.to_pylist() if isinstance(log, pa.Table) else [dict(r) for r in log]
    latest: dict[tuple, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (r["submitted_at"], r["file_sha256"])):
        if ((roadmap_year is not None and r["roadmap_year"] != roadmap_year)
                or (decree_number is not None and r["decree_number"] != decree_number)
                or (round is not None and r["round"] != round)
                or (executor is not None and r["executor"] != executor)):
            continue
        latest[(r["roadmap_year"], r["decree_number"], r["round"], r["executor"], r["measure_no"])] = r
    return [latest[k] for k in sorted(latest, key=lambda k: (k[0], k[1], k[2], k[4], k[3]))]
