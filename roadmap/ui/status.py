"""What every page says of execution: the status of the filtered measures in the chosen reporting round,
and who has reported (from the executors' reports, sql/views/status_counts.sql and report_coverage.sql)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from reporting.vocabulary import MEASURE_STATUSES
from roadmap import config
from roadmap.filters import Filters

from .cached import query, reports_state
from .data import database
from .panel import texts


def round_words(coverage: pd.DataFrame, several_years: bool) -> str:
    """The chosen round(s) in words: "5 июля 2021" (with the year's roadmap when decrees differ)."""
    t = texts()
    days = [(int(r.roadmap_year), pd.Timestamp(r.round).date()) for r in coverage.itertuples()]
    if several_years:
        return "; ".join(f"{year}: {t.day(day)}" for year, day in days)
    return "; ".join(t.day(day) for _, day in days)


def has_reports() -> bool:
    """Whether any executor has reported on the loaded decrees at all."""
    return reports_state().latest.num_rows > 0


@dataclass(frozen=True)
class _Status:
    round: str  # the chosen round(s) in words
    coverage: str  # "Отчитались 12 из 23 исполнителей"
    counts: pd.Series | None  # measures by status; None while nobody has reported


def _status(filters: Filters) -> _Status | None:
    """What the block and the line say, read once: None when nothing in view has a reporting round."""
    db = database()
    coverage = query("report_coverage", filters)
    if coverage.empty:  # nothing in view (the page's own empty state says so), or no decree with rounds
        return None
    several = len(db.decrees) > 1
    counts = query("status_counts", filters).set_index("status").measures if has_reports() else None
    return _Status(round_words(coverage, several), coverage_line(coverage, several), counts)


def summary(filters: Filters) -> bool:
    """The status block: a header naming the round, one metric per status, the coverage line.  With no
    report at all, one plain sentence instead (nothing is invented).  Returns whether there are reports."""
    t = texts()
    if not any(d.rounds for d in database().report_decrees.values()):
        st.caption(t.STATUS_NO_CALENDAR)
        return False
    found = _status(filters)
    if found is None:
        return False
    st.header(t.STATUS_HEADER.format(round=found.round))
    if found.counts is None:
        st.info(t.STATUS_NO_REPORTS)
        return False
    for column, code in zip(st.columns(len(MEASURE_STATUSES)), MEASURE_STATUSES, strict=True):
        column.metric(t.STATUS_NAMES[code], int(found.counts.get(code, 0)))
    st.caption(found.coverage)
    return True


def coverage_line(coverage: pd.DataFrame, several: bool) -> str:
    t = texts()
    if several:
        return " · ".join(t.STATUS_COVERAGE_YEAR.format(
            year=int(r.roadmap_year), reported=int(r.reported), expected=int(r.expected),
            round=t.day(pd.Timestamp(r.round).date())) for r in coverage.itertuples())
    r = coverage.iloc[0]
    return t.STATUS_COVERAGE.format(reported=int(r.reported), expected=int(r.expected))


def status_line(filters: Filters) -> None:
    """One line under a page's title: the filtered measures by status and the coverage, or that there are
    no reports yet."""
    t = texts()
    found = _status(filters)
    if found is None:
        return
    head = t.STATUS_HEADER.format(round=found.round)
    if found.counts is None:
        st.caption(f"**{head}:** {t.STATUS_LINE_NONE}")
        return
    parts = [f"{t.STATUS_NAMES[c].lower()} {int(found.counts[c])}" for c in MEASURE_STATUSES if found.counts.get(c, 0)]
    st.caption(f"**{head}:** {' · '.join(parts)}. {found.coverage}.")


def warn_if_reports_unreadable() -> None:
    """One warning on every page when the reports directory itself cannot be read: the roadmap stays on screen,
    without statuses, and the reader knows why."""
    problem = reports_state().problem
    if problem:
        st.warning(texts().REPORTS_DIR_PROBLEM.format(problem=problem))


def follow_reports() -> None:
    """Rerun this session when a submission arrives from another session or replica, so that a page left
    open shows the new status within seconds instead of at the reader's next click."""
    if config.REPORTS_POLL_SECONDS <= 0:
        return
    _watch(reports_state().version)


@st.fragment(run_every=config.REPORTS_POLL_SECONDS if config.REPORTS_POLL_SECONDS > 0 else None)
def _watch(seen: str) -> None:
    if database().report_state().version != seen:  # the log now, not the state this run was pinned to
        st.rerun(scope="app")
