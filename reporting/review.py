"""МИОР's review of a submission: accepted, or returned with a reason.  Each decision is a record of its own.

A review is one immutable parquet file in ``<reports directory>/reviews/``, named like a submission
(``<UTC time, µs>-<hash>.parquet``) and naming the submission's id; nothing is ever edited.  A submission's
state is its latest review's decision, or ``unreviewed``: a later review supersedes an earlier one, and the
history keeps every decision.  A returned submission stops counting (the executor's previous report, if any,
counts again); an unreviewed one counts at once, marked as such.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from .limits import COMMENT_MAX
from .log import LogReader, reports_dir
from .store import link_into_place, write_temporary

REVIEWS_DIR = "reviews"  # beside the submissions, inside the reports directory
DECISIONS = ("accepted", "returned")
UNREVIEWED = "unreviewed"
REVIEW_STATES = (UNREVIEWED, *DECISIONS)

REVIEWS_SCHEMA = pa.schema([
    ("submission", pa.string()),
    ("decision", pa.string()),
    ("reason", pa.string()),
    ("reviewer", pa.string()),
    ("reviewed_at", pa.timestamp("us", tz="UTC")),
])
COLUMN_MEANINGS = {
    "submission": "the id of the submission reviewed (its stored file's name without .parquet)",
    "decision": "accepted or returned",
    "reason": "why it was returned (required then), or a note",
    "reviewer": "who decided: the sign-in's identity, or operator:<os user> [for <name typed>]",
    "reviewed_at": "when (UTC, to the microsecond)",
    "review": "the review's own id: its file's name without .parquet (read back, not stored)",
}


class ReviewRefused(ValueError):
    """The review cannot be recorded: `code` says why (unknown_submission, no_reason, reason_too_long,
    bad_decision, no_reviewer)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def reviews_dir(directory: str | Path | None = None) -> Path:
    return (Path(directory) if directory is not None else reports_dir()) / REVIEWS_DIR


@dataclass(frozen=True)
class Review:
    path: Path
    submission: str
    decision: str
    reason: str | None
    reviewer: str
    reviewed_at: datetime


def record(submission: str, decision: str, reviewer: str, reason: str | None = None,
           directory: str | Path | None = None, reviewed_at: datetime | None = None) -> Review:
    """Append a review of the stored submission `submission` (its id) to the reports `directory`."""
    folder = Path(directory) if directory is not None else reports_dir()
    reason = (reason or "").strip() or None
    if decision not in DECISIONS:
        raise ReviewRefused("bad_decision", decision)
    if not reviewer.strip():
        raise ReviewRefused("no_reviewer")
    if decision == "returned" and reason is None:
        raise ReviewRefused("no_reason")
    if reason is not None and len(reason) > COMMENT_MAX:
        raise ReviewRefused("reason_too_long", str(len(reason)))
    if "/" in submission or "\\" in submission or not (folder / f"{submission}.parquet").is_file():
        raise ReviewRefused("unknown_submission", submission[:80])
    when = (reviewed_at or datetime.now(UTC)).astimezone(UTC)
    if reviewed_at is None:  # a later decision must sort later, whatever a replica's clock says
        earlier = [r["reviewed_at"] for r in read_reviews(folder).to_pylist() if r["submission"] == submission]
        if earlier and when <= max(earlier):
            when = max(earlier) + timedelta(microseconds=1)
    table = pa.table({"submission": [submission], "decision": [decision], "reason": [reason],
                      "reviewer": [reviewer], "reviewed_at": [when]}, schema=REVIEWS_SCHEMA)
    target = reviews_dir(folder)
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(f"{submission}\n{decision}\n{reason}\n{reviewer}\n{when.isoformat()}".encode())
    temp = write_temporary(target, table)
    try:
        path = link_into_place(temp, target, when, digest.hexdigest())
    finally:
        temp.unlink(missing_ok=True)
    return Review(path, submission, decision, reason, reviewer, when)


def states(reviews: pa.Table | Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each reviewed submission's latest review (a later review supersedes an earlier one)."""
    rows = reviews.to_pylist() if isinstance(reviews, pa.Table) else [dict(r) for r in reviews]
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r["reviewed_at"], r.get("review") or "")):
        latest[row["submission"]] = row
    return latest


def state_of(submission: str, latest: Mapping[str, Mapping[str, Any]]) -> str:
    found = latest.get(submission)
    return found["decision"] if found else UNREVIEWED


def read_reviews(directory: str | Path | None = None) -> pa.Table:
    """Every review recorded in the reports `directory` (REVIEWS_SCHEMA and its `review` id)."""
    return LogReader(reviews_dir(directory), 0, REVIEWS_SCHEMA, "review").current(force=True).table
