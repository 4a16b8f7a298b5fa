"""The status rule: a measure's status for a round, from what each of its executors reported.

The app answers with SQL (roadmap/sql/reports/round_statuses.sql); this is the same rule in Python, and
tests/test_execution.py holds the two equal on random logs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

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
