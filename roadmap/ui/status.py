"""What every page says of execution: the status of the filtered measures in the chosen reporting round,
and who has reported (from the executors' reports, sql/views/status_counts.sql and report_coverage.sql)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from roadmap import config
from roadmap.charts import STATUS_ORDER
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


def summary(filters: Filters, *, metrics: bool = True) -> bool:
    """The status block: a header naming the round, one metric per status, the coverage line.  With no
    report at all, one plain sentence instead (nothing is invented).  Returns whether there are reports."""
    t = texts()
    db = database()
    if not any(d.rounds for d in db.report_decrees.values()):
        st.caption(t.STATUS_NO_CALENDAR)
        return False
    coverage = query("report_coverage", filters)
    if coverage.empty:  # nothing in view (the page's own empty state says so), or only decrees without rounds
        return False
    several = len(db.decrees) > 1
    st.header(t.STATUS_HEADER.format(round=round_words(coverage, several)))
    if not has_reports():
        st.info(t.STATUS_NO_REPORTS)
        return False
    if metrics:
        counts = query("status_counts", filters).set_index("status").measures
        columns = st.columns(len(STATUS_ORDER))
        for column, status in zip(columns, STATUS_ORDER, strict=True):
            column.metric(t.STATUS_NAMES[status], int(counts.get(status, 0)))
    st.caption(coverage_line(coverage, several))
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
    db = database()
    coverage = query("report_coverage", filters)
    if coverage.empty:  # nothing in view, or no decree in view has reporting dates
        return
    several = len(db.decrees) > 1
    when = round_words(coverage, several)
    if not has_reports():
        st.caption(f"**{t.STATUS_HEADER.format(round=when)}:** {t.STATUS_LINE_NONE}")
        return
    counts = query("status_counts", filters).set_index("status").measures
    parts = [f"{t.STATUS_NAMES[s].lower()} {int(counts[s])}" for s in STATUS_ORDER if counts.get(s, 0)]
    st.caption(f"**{t.STATUS_HEADER.format(round=when)}:** {' · '.join(parts)}. {coverage_line(coverage, several)}.")


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
