"""The status rule: a measure's status for a round, from what each of its executors reported, and what
stands for a round: an executor's latest report at or before it (a status stands until it changes).

The app answers with SQL (roadmap/sql/reports/round_statuses.sql); this is the same rule in Python, and
tests/test_execution.py holds the two equal on random logs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pyarrow as pa

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
                  roadmap_year: int, decree_number: str, round_: date) -> list[dict[str, Any]]:
    """What stands in round `round_` of a decree: for each executor and measure, the latest row of a submission
    that was not returned, at or before that round (a later round's report replaces an earlier one; within a
    round the later file replaces the earlier).  Each row gains ``carried_from``: the round it was reported
    for when that is an earlier one, else None; and ``review_state``.  `reviews`: review.states(...)."""
    best: dict[tuple[str, int], tuple[tuple, dict[str, Any]]] = {}
    for row in (log.to_pylist() if isinstance(log, pa.Table) else log):
        if (row["roadmap_year"] != roadmap_year or row["decree_number"] != decree_number or row["round"] > round_
                or row["status"] not in STATUSES):
            continue
        state = reviews[row["submission"]]["decision"] if row["submission"] in reviews else "unreviewed"
        if state == "returned":
            continue
        key = (row["executor"], row["measure_no"])
        rank = (row["round"], row["submitted_at"], row["file_sha256"])
        if key not in best or rank > best[key][0]:
            best[key] = (rank, {**row, "review_state": state,
                                "carried_from": row["round"] if row["round"] < round_ else None})
    return [best[k][1] for k in sorted(best, key=lambda k: (k[1], k[0]))]
