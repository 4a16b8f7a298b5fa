"""Frozen versions of a round's consolidated information: what МИОР sent, kept exactly as sent.

A version is a folder of files in ``<reports directory>/versions/``, append-only like everything there::

    versions/<roadmap year>-<round>-v<number, 4 digits>.docx | .xlsx | .parquet   the document, workbook, rows
    versions/<roadmap year>-<round>-v<number, 4 digits>.json                         the manifest, written last

Each file is written aside (``.tmp-….partial``), fsynced, read-only (0444), and hard-linked to its final name,
which is never replaced: the number is 1 + the highest number any file of that year and round holds, and when
another freeze takes a number first (its link exists), the next number is tried.  The manifest (who, when, the
filters, each file's name and SHA-256, and the digest of what the document says) is written last and is what
makes a version exist: files without their manifest are an interrupted freeze, ignored (their number is never
reused).  Nothing is ever rewritten.  `exclusive()` lets one freeze of a round at a time decide whether a new
version is needed at all (reporting/round_report.py: not when nothing changed since the selection's latest).
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa

from .log import reports_dir
from .store import LINK_UNSUPPORTED, StoreConflict, fsync_directory, write_bytes_aside, write_temporary

VERSIONS_DIR = "versions"  # under the reports directory
MANIFEST_FORMAT = "roadmap-round-version"
MANIFEST_VERSION = 1
ATTEMPTS = 1000  # numbers tried, each after another freeze took the one before
_NAME = re.compile(r"^(\d{4})-(\d{4}-\d{2}-\d{2})-v(\d{4,})\.(docx|xlsx|parquet|json)$")
_KINDS = ("docx", "xlsx", "parquet")


@dataclass(frozen=True)
class Version:
    round: date
    roadmap_year: int
    number: int
    made_at: datetime
    made_by: str
    filters: str  # the canonical link query string of the selection frozen ("" for all measures)
    docx: Path
    xlsx: Path
    rows: Path
    sha256: dict[str, str] | None = None  # the manifest's SHA-256 of each file, by kind (docx, xlsx, parquet)
    content: str | None = None  # the digest of what its document says (round_report.content_of); None: not kept
    existing: bool = False  # a freeze found nothing changed since this version and returned it (never stored)


def versions_dir(directory: str | Path | None = None) -> Path:
    return (Path(directory) if directory is not None else reports_dir()) / VERSIONS_DIR


def _stem(roadmap_year: int, round_: date, number: int) -> str:
    return f"{roadmap_year:04d}-{round_.isoformat()}-v{number:04d}"


def freeze(directory, roadmap_year: int, round_: date, docx_bytes: bytes, xlsx_bytes: bytes, rows: pa.Table,
           made_by: str, filters: str, made_at: datetime | None = None, number: int | None = None,
           content: str | None = None) -> Version:
    """Store the three files as the next version of (roadmap_year, round_) in the reports `directory`; with
    `number` (the number the document itself states) only as that version: StoreConflict, nothing stored, when
    another freeze has taken it meanwhile."""
    if not made_by.strip():
        raise ValueError("a version needs who froze it")
    folder = versions_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    when = (made_at or datetime.now(UTC))
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    temps = {"docx": write_bytes_aside(folder, docx_bytes), "xlsx": write_bytes_aside(folder, xlsx_bytes),
             "parquet": write_temporary(folder, rows)}
    try:
        digests = {kind: _sha256(path) for kind, path in temps.items()}
        wanted, number = number, number or _highest(folder, roadmap_year, round_) + 1
        for _ in range(ATTEMPTS if wanted is None else 1):
            stem = _stem(roadmap_year, round_, number)
            if _link_all(temps, folder, stem):
                break
            number = max(number + 1, _highest(folder, roadmap_year, round_) + 1)
        else:
            raise StoreConflict(f"version {wanted} of {roadmap_year} {round_} is taken" if wanted else
                                f"no free version number for {roadmap_year} {round_}")
        manifest = {"format": MANIFEST_FORMAT, "version": MANIFEST_VERSION, "roadmap_year": roadmap_year,
                    "round": round_.isoformat(), "number": number, "made_at": when.isoformat(),
                    "made_by": made_by, "filters": filters, "content": content,
                    "files": {kind: {"name": f"{stem}.{kind}", "sha256": digests[kind]} for kind in _KINDS}}
        temps["json"] = write_bytes_aside(folder, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        if not _link(temps["json"], folder / f"{stem}.json"):
            raise StoreConflict(f"the manifest of {stem} exists already")  # only a hand-made file can do this
        fsync_directory(folder)
    finally:
        for path in temps.values():
            path.unlink(missing_ok=True)
    return _version_of(manifest, folder)


def next_number(directory, roadmap_year: int, round_: date) -> int:
    """The number the next version of (roadmap_year, round_) would take (an interrupted freeze's included)."""
    folder = versions_dir(directory)
    return (_highest(folder, roadmap_year, round_) if folder.is_dir() else 0) + 1


def versions(directory=None, roadmap_year: int | None = None, round_: date | None = None) -> list[Version]:
    """Every complete version (its manifest written and readable), sorted by round, then number."""
    folder = versions_dir(directory)
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if not match or match.group(4) != "json":
            continue
        if roadmap_year is not None and int(match.group(1)) != roadmap_year:
            continue
        if round_ is not None and match.group(2) != round_.isoformat():
            continue
        version_ = _read(folder / name)
        if version_ is not None:
            found.append(version_)
    return sorted(found, key=lambda v: (v.round, v.roadmap_year, v.number))


def version(directory, roadmap_year: int, round_: date, number: int) -> Version | None:
    path = versions_dir(directory) / f"{_stem(roadmap_year, round_, number)}.json"
    return _read(path)


def _read(path: Path) -> Version | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        stem = _stem_of(manifest)
        if manifest.get("format") != MANIFEST_FORMAT or path.name != f"{stem}.json":
            return None
        # Its files are the stem's own, beside it: a manifest never points elsewhere.
        if any(manifest["files"][kind]["name"] != f"{stem}.{kind}" for kind in _KINDS):
            return None
        found = _version_of(manifest, path.parent)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(p.is_file() for p in (found.docx, found.xlsx, found.rows)):
        return None
    return found


def _stem_of(manifest: dict) -> str:
    return _stem(int(manifest["roadmap_year"]), date.fromisoformat(manifest["round"]), int(manifest["number"]))


def _version_of(manifest: dict, folder: Path) -> Version:
    files = manifest["files"]
    return Version(round=date.fromisoformat(manifest["round"]), roadmap_year=int(manifest["roadmap_year"]),
                   number=int(manifest["number"]), made_at=datetime.fromisoformat(manifest["made_at"]),
                   made_by=manifest["made_by"], filters=manifest["filters"],
                   docx=folder / files["docx"]["name"], xlsx=folder / files["xlsx"]["name"],
                   rows=folder / files["parquet"]["name"],
                   sha256={kind: files[kind]["sha256"] for kind in _KINDS}, content=manifest.get("content"))


# Where a file system has no locks (some network mounts), freezes go on unlocked: their numbers stay distinct
# (the exclusive links), only two equal versions can then be made by two freezes at the same moment.
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS}


@contextmanager
def exclusive(directory, roadmap_year: int, round_: date) -> Iterator[None]:
    """One freeze of (roadmap_year, round_) at a time, across threads, processes and replicas that share the
    directory (an advisory lock on a file of its own, released by the system when its holder ends however it
    ends: no stale lock is ever left behind).  The lock file is empty and never written."""
    folder = versions_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f".lock-{roadmap_year:04d}-{round_.isoformat()}", os.O_RDONLY | os.O_CREAT, 0o444)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            if exc.errno not in _NO_LOCKS:
                raise
        yield
    finally:
        os.close(fd)


def _highest(folder: Path, roadmap_year: int, round_: date) -> int:
    """The highest number any file of the year and round holds, complete or not (0: none)."""
    prefix = f"{roadmap_year:04d}-{round_.isoformat()}-v"
    numbers = [int(m.group(3)) for name in os.listdir(folder) if name.startswith(prefix)
               and (m := _NAME.match(name))]
    return max(numbers, default=0)


def _link_all(temps: dict[str, Path], folder: Path, stem: str) -> bool:
    """Give the three files their names under `stem`; False when the number is taken (the first link exists).
    The document's link is the claim: a freeze that made it owns the number, so the other two never collide."""
    if not _link(temps["docx"], folder / f"{stem}.docx"):
        return False
    for kind in ("xlsx", "parquet"):
        if not _link(temps[kind], folder / f"{stem}.{kind}"):
            raise StoreConflict(f"{stem}.{kind} exists though {stem}.docx was ours")
    return True


def _link(temp: Path, final: Path) -> bool:
    """Hard-link `temp` to `final`, never replacing it (False: `final` exists)."""
    try:
        os.link(temp, final)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in LINK_UNSUPPORTED:
            raise
        try:  # no hard links here: create the name exclusively, then copy the bytes in
            fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as out:
            out.write(temp.read_bytes())
            out.flush()
            os.fsync(out.fileno())
    return True


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
