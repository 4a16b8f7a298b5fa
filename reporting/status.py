"""The status rule: a measure's status for a round, from what each of its executors reported, and what
stands for a round: an executor's latest report at or before it (a status stands until it changes).

The app answers with SQL (roadmap/sql/reports/round_statuses.sql); this is the same rule in Python, and
tests/test_execution.py holds the two equal on random logs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .vocabulary import NOT_REPORTED, STATUSES


def measure_status(reported: Mapping[str, str], executors_of_measure: Iterable[str]) -> str:
    """A measure's status for a round, from the latest status each of its executors reported.

    `reported`: executor → status (STATUSES) for the executors who reported this measure in the round
    (latest row per measure and executor); `executors_of_measure`: everyone the measure is assigned to.
    Reports of anyone else are ignored.  In order, the first rule that holds:

    1. ``not_reported`` — none of its executors has reported it;
    2. ``not_done``     — any executor reports not_done;
    3. ``done``         — every executor of the measure reports done (one missing report keeps it open);
    4. ``in_progress``  — any reports in_progress, or some report done;
    5. ``not_started``  — everyone who reported says not_started.
    """
    expected = set(executors_of_measure)
    statuses = [s for who, s in reported.items() if who in expected and s in STATUSES]
    if not statuses:
        return NOT_REPORTED
    if "not_done" in statuses:
        return "not_done"
    if len(statuses) == len(expected) and all(s == "done" for s in statuses):
        return "done"
    if "in_progress" in statuses or "done" in statuses:
        return "in_progress"
    return "not_started"


def standing_rows(log: pa.Table | Iterable[Mapping[str, Any]], reviews: Mapping[str, Mapping[str, Any]], *,
                  roadmap_year: int, decree_number: str, round_: date,
                  columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """What stands in round `round_` of a decree: for each executor and measure, the latest row of a submission
    that was not returned, at or before that round (a later round's report replaces an earlier one; within a
    round the later file replaces the earlier).  Each row gains ``carried_from``: the round it was reported
    for when that is an earlier one, else None; and ``review_state``.  `reviews`: review.states(...).
    `columns`: the log's columns a row keeps (default all), besides those two."""
    if isinstance(log, pa.Table):
        return _standing_table(log, reviews, roadmap_year, decree_number, round_, columns)
    best: dict[tuple[str, int], tuple[tuple, dict[str, Any]]] = {}
    for row in log:
        if (row["roadmap_year"] != roadmap_year or row["decree_number"] != decree_number or row["round"] > round_
                or row["status"] not in STATUSES):
            continue
        state = reviews[row["submission"]]["decision"] if row["submission"] in reviews else "unreviewed"
        if state == "returned":
            continue
        key = (row["executor"], row["measure_no"])
        rank = (row["round"], row["submitted_at"], row["file_sha256"])
        if key not in best or rank > best[key][0]:
            kept = row if columns is None else {k: row[k] for k in columns}
            best[key] = (rank, {**kept, "review_state": state,
                                "carried_from": row["round"] if row["round"] < round_ else None})
    return [best[k][1] for k in sorted(best, key=lambda k: (k[1], k[0]))]


def _standing_table(log: pa.Table, reviews: Mapping[str, Mapping[str, Any]], roadmap_year: int, decree_number: str,
                    round_: date, columns: Sequence[str] | None) -> list[dict[str, Any]]:
    """standing_rows over a table, the same rule in Arrow: only the rows that stand leave it as Python objects
    (a round of a large decree has millions of log rows and a few per measure stand; tests/test_execution.py
    holds the two ways equal)."""
    returned = pa.array([s for s, r in reviews.items() if r["decision"] == "returned"], pa.string())
    kept = log.filter(pc.and_(pc.and_(pc.equal(log["roadmap_year"], roadmap_year),
                                      pc.equal(log["decree_number"], decree_number)),
                              pc.and_(pc.less_equal(log["round"], pa.scalar(round_, pa.date32())),
                                      pc.is_in(log["status"], pa.array(STATUSES)))))
    kept = kept.filter(pc.invert(pc.is_in(kept["submission"], returned)))
    if kept.num_rows == 0:
        return []
    # Latest first within each (measure, executor): the sort is stable, so a tie keeps the log's order, as the
    # loop above keeps the first of equal ranks.
    kept = kept.take(pc.sort_indices(kept, sort_keys=[
        ("measure_no", "ascending"), ("executor", "ascending"), ("round", "descending"),
        ("submitted_at", "descending"), ("file_sha256", "descending")]))
    measure, executor = kept["measure_no"], kept["executor"]
    first = pc.or_(pc.not_equal(measure.slice(1), measure.slice(0, kept.num_rows - 1)),
                   pc.not_equal(executor.slice(1), executor.slice(0, kept.num_rows - 1)))
    kept = kept.filter(pa.concat_arrays([pa.array([True]), *first.chunks]))
    submissions, rounds = kept["submission"].to_pylist(), kept["round"].to_pylist()
    rows = (kept if columns is None else kept.select(list(columns))).to_pylist()
    for row, submission, reported in zip(rows, submissions, rounds, strict=True):
        row["review_state"] = reviews[submission]["decision"] if submission in reviews else "unreviewed"
        row["carried_from"] = reported if reported < round_ else None
    return rows
