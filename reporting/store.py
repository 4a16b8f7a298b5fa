"""The append-only store: one immutable parquet file per accepted submission, never changed after.

``reports_dir`` (default: settings' ``ROADMAP_REPORTS``) holds one parquet file per accepted submission, named
``<UTC time, µs>-<first 16 hex of the file's SHA-256>.parquet`` (``20210705T101502.123456Z-3f2a….parquet``):
names sort by time and do not collide between app replicas sharing the directory.  Columns: log.REPORTS_SCHEMA.
A file is written under a temporary name starting with "." (``.tmp-….partial``, matched by no ``*.parquet``
glob), fsynced, then hard-linked into place; no file is ever changed after that.  A file is "already stored"
only when it is the same file (same SHA-256 of its bytes, for the same executor, round and decree) as the
executor's latest stored submission for that round and decree; any other file is stored anew with a new time,
so an earlier file uploaded again (A, then B, then A to correct B) is the latest report again.  A second hard
link ``.claim-<key>-<n>`` to the file (``<key>`` from the submission and the executor's latest file before
it), made atomically before its final name, lets only one of several concurrent writers of the same
submission win, and lets a writer killed between the two links be completed by the next attempt.  Should
another submission take the final name in between (the same bytes for another executor or round, at the same
microsecond), that claim is never completed: the next ``<n>`` is claimed under a later name, so neither
submission is lost.  Where the file system has no hard links the final name is created exclusively (an empty
placeholder, so an existing file is never replaced) and the complete temporary file renamed over it; there no
claims are made, so concurrent writers of the same file may both store it (each compares it with the latest
file only).
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .fileformat import FORMAT, FORMAT_VERSION
from .log import REPORTS_SCHEMA, STORED_META, stored_files
from .log import reports_dir as default_reports_dir
from .validate import Submission


@dataclass(frozen=True)
class StoredResult:
    path: Path  # the stored parquet file (this submission's, or the executor's latest, the same file)
    stored: bool  # False: the executor's latest stored submission for the round is this file ("already stored")
    submitter: str  # who stored it (for "already stored": who did, first)
    submitted_at: datetime
    rows: int


class StoreConflict(Exception):
    """Every file name tried (``STORE_ATTEMPTS``) was taken by another submission meanwhile: store again."""


STORE_ATTEMPTS = 20  # final names tried, each after another submission took the one before


def _utc(when: datetime | None) -> datetime:
    if when is None:
        return datetime.now(UTC)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def file_name_for(submitted_at: datetime, file_sha256: str) -> str:
    """``<UTC time to the microsecond>-<first 16 hex of the file's SHA-256>.parquet``: sorts by time."""
    return f"{_utc(submitted_at):%Y%m%dT%H%M%S.%fZ}-{file_sha256[:16]}.parquet"


def submission_table(submission: Submission, submitter: str, submitted_at: datetime) -> pa.Table:
    """The rows of one stored file (REPORTS_SCHEMA)."""
    when = _utc(submitted_at)
    rows = submission.rows
    n = len(rows)
    columns = {
        "roadmap_year": [r.roadmap_year for r in rows],
        "decree_number": [submission.decree_number] * n,
        "round": [submission.round] * n,
        "executor": [submission.executor] * n,
        "measure_no": [r.measure_no for r in rows],
        "status": [r.status for r in rows],
        "spent_thousand_kzt": [r.spent_thousand_kzt for r in rows],
        "comment": [r.comment for r in rows],
        "submitter": [submitter] * n,
        "submitted_at": [when] * n,
        "file_sha256": [submission.file_sha256] * n,
        "file_name": [submission.file_name] * n,
    }
    meta = {"format": FORMAT, "version": FORMAT_VERSION, "file": file_name_for(when, submission.file_sha256),
            "key": submission.key}
    return pa.table(columns, schema=REPORTS_SCHEMA).replace_schema_metadata(
        {STORED_META: json.dumps(meta).encode("utf-8")})


def store(submission: Submission, reports_dir: str | os.PathLike | None = None, submitter: str = "",
          submitted_at: datetime | None = None) -> StoredResult:
    """Write the submission as one new parquet file in `reports_dir`; never touch an existing file.

    Returns ``stored=True`` with the new file, or ``stored=False`` with the stored file when the executor's
    latest stored submission for this round and decree is the same file (same bytes, executor, round and
    decree).  Any other file is stored, an earlier one too (A, then B, then A again: A is the latest report).
    `submitted_at` defaults to now (UTC; a naive datetime is taken as UTC), and then to just after the
    executor's latest file should the clock be behind it, so a new submission is always the latest."""
    if not submitter.strip():
        raise ValueError("a submitter is needed: who stores the report")
    if submission.round is None or not submission.rows:
        raise ValueError("an empty submission is not stored")
    directory = Path(reports_dir) if reports_dir is not None else default_reports_dir()
    directory.mkdir(parents=True, exist_ok=True)
    latest = _latest_stored(directory, submission)
    if latest is not None and latest.key == submission.key:
        return _result_of(latest.path)
    # The writers of this submission after the same latest file share its claims .claim-<base>-0, -1, …
    after = latest.path.name if latest is not None else ""
    base = hashlib.sha256(f"{submission.key}\n{after}".encode()).hexdigest()
    _sweep(directory)
    when = _utc(submitted_at)
    if submitted_at is None and latest is not None and when <= latest.submitted_at:
        when = latest.submitted_at + timedelta(microseconds=1)
    links = True
    temp: Path | None = None
    temp_when: datetime | None = None
    try:
        for attempt in range(STORE_ATTEMPTS):
            claim = directory / f".claim-{base}-{attempt}"
            if links:
                try:
                    found = _claimed(claim, directory)
                except _NameTaken:
                    continue  # its name went to another submission: the next claim
                if found:
                    return found
            while (directory / file_name_for(when, submission.file_sha256)).exists():
                when += timedelta(microseconds=1)  # another submission of the same bytes in the same microsecond
            final = directory / file_name_for(when, submission.file_sha256)
            if temp is None or when != temp_when:  # the file says its own name and time
                if temp is not None:
                    temp.unlink(missing_ok=True)
                temp, temp_when = write_temporary(directory, submission_table(submission, submitter, when)), when
            if links:
                try:
                    os.link(temp, claim)
                except FileExistsError:
                    try:
                        found = _claimed(claim, directory)  # a concurrent writer of the same file won
                    except _NameTaken:
                        continue
                    if found:
                        return found
                    continue
                except OSError as exc:
                    if exc.errno not in LINK_UNSUPPORTED:
                        raise
                    links = False  # no hard links here: dedupe by name and content only
            if links:
                try:
                    os.link(temp, final)
                except FileExistsError:
                    if not os.path.samefile(temp, final):
                        continue  # another submission took the name since the check: claim anew, named later
                    # else a concurrent writer completed our claim for us
            elif not _create_exclusively(temp, final):
                continue  # the name was taken since the check: a later one
            _fsync_directory(directory)
            return StoredResult(final, True, submitter, when, len(submission.rows))
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
    raise StoreConflict(f"{STORE_ATTEMPTS} file names for {submission.file_sha256[:16]} were taken by other "
                        "submissions meanwhile")


def write_temporary(directory: Path, table: pa.Table) -> Path:
    """The table as a complete, fsynced, read-only parquet file under a temporary name no reader matches."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return write_bytes_aside(directory, sink.getvalue())


def write_bytes_aside(directory: Path, payload) -> Path:
    """Bytes as a complete, fsynced, read-only file named ".tmp-….partial" (matched by no *.parquet glob): the
    first step of every immutable record here, which is then linked into place."""
    view = memoryview(payload)
    temp = directory / f".tmp-{os.getpid()}-{secrets.token_hex(8)}.partial"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
    try:
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return temp


def fsync_directory(directory: Path) -> None:
    """Make a new name in `directory` durable (a no-op where the file system cannot)."""
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stored_meta(path: Path) -> dict:
    meta = pq.read_schema(path).metadata or {}
    return json.loads(meta.get(STORED_META, b"{}"))


def _result_of(path: Path) -> StoredResult:
    table = pq.read_table(path, columns=["submitter", "submitted_at"])
    first = table.slice(0, 1).to_pylist()[0]
    return StoredResult(path, False, first["submitter"], first["submitted_at"], table.num_rows)


class _NameTaken(Exception):
    """A claim's final name holds another submission's file: the claim is never completed."""


def _claimed(claim: Path, directory: Path) -> StoredResult | None:
    """The file an earlier writer claimed for this submission (None: no claim); if it was stopped before giving
    the file its name, the name is given now (the claim is a complete, fsynced file: a hard link is made only
    after).  _NameTaken when that name is another submission's file."""
    try:
        name = _stored_meta(claim)["file"]
    except FileNotFoundError:
        return None
    final = directory / name
    try:
        os.link(claim, final)
        _fsync_directory(directory)
    except FileExistsError:
        if not os.path.samefile(claim, final):
            raise _NameTaken(name) from None
    return _result_of(final)


@dataclass(frozen=True)
class _Latest:
    path: Path
    key: str | None  # Submission.key of the file stored there
    submitted_at: datetime


_WHOSE = ["roadmap_year", "decree_number", "round", "executor", "submitted_at"]


def _latest_stored(directory: Path, submission: Submission) -> _Latest | None:
    """The executor's latest stored file for the submission's decree and round (names sort by time), or None."""
    wanted = (submission.roadmap_year, submission.decree_number, submission.round, submission.executor)
    for path in reversed(stored_files(directory)):
        try:
            with pq.ParquetFile(path) as parquet:
                first = parquet.read_row_group(0, columns=_WHOSE).slice(0, 1).to_pylist()[0]
                meta = json.loads((parquet.schema_arrow.metadata or {}).get(STORED_META, b"{}"))
        except (OSError, pa.ArrowException, ValueError, IndexError):
            continue  # not a report (an unfinished placeholder, see _create_exclusively)
        if (first["roadmap_year"], first["decree_number"], first["round"], first["executor"]) == wanted:
            return _Latest(path, meta.get("key"), first["submitted_at"])
    return None


def _create_exclusively(temp: Path, final: Path) -> bool:
    """Without hard links: create the final name exclusively (O_EXCL: False when it exists), then rename the
    complete temporary file over that empty placeholder, which no other writer touches.  An existing file is
    never replaced, and readers see the whole file or the placeholder, never a part."""
    try:
        fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        os.replace(temp, final)
    except BaseException:
        final.unlink(missing_ok=True)  # our placeholder
        raise
    return True


def _sweep(directory: Path, older_than: float = 3600.0) -> None:
    """Temporary files a killed writer left behind (never matched by *.parquet; removed after an hour)."""
    now = time.time()
    for path in directory.glob(".tmp-*.partial"):
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
        except OSError:
            pass


LINK_UNSUPPORTED = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS)


def link_into_place(temp: Path, directory: Path, when: datetime, digest: str) -> Path:
    """Give a complete, fsynced temporary file its final name ``file_name_for(when, digest)`` (a microsecond
    later while a name is taken), never replacing a file: a record of its own (a review, a frozen version)
    that no concurrent writer can write for it.  The caller removes `temp` afterwards."""
    for _ in range(STORE_ATTEMPTS * 50):
        final = directory / file_name_for(when, digest)
        try:
            os.link(temp, final)
        except FileExistsError:
            when += timedelta(microseconds=1)
            continue
        except OSError as exc:
            if exc.errno not in LINK_UNSUPPORTED:
                raise
            if not _create_exclusively(temp, final):
                when += timedelta(microseconds=1)
                continue
        _fsync_directory(directory)
        return final
    raise StoreConflict(f"no free name for {digest[:16]} in {directory}")
