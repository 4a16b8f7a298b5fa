"""МИОР's review on the Reports page: a reviewer reads a round's submissions, opens one (its rows and what it
changed) and accepts it or returns it with a reason; an executor sees which of its reports came back and why.
Each decision is a record of its own (reporting/review.py); nothing is edited."""
from __future__ import annotations

import logging
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from reporting import review
from reporting.changes import changes
from reporting.limits import COMMENT_MAX
from reporting.rights import Rights, may_review

from .cached import reports_state
from .data import database
from .panel import plain, texts

log = logging.getLogger("roadmap")
_DONE = "review_done"  # the last decision of this session, shown after the rerun


def _moment(value) -> str:
    t = texts()
    stamp = pd.Timestamp(value)
    utc = stamp.tz_convert(None) if stamp.tzinfo else stamp
    return t.REPORTS_MOMENT.format(day=t.day(utc.date()), time=f"{utc:%H:%M}")


def _submissions(year: int, day: date) -> pd.DataFrame:
    return reports_state().round_submissions(year, day)


def _rows(submission: str):
    table = reports_state().log
    return table.filter(pc.equal(table["submission"], submission)).to_pylist()


def review_panel(rights: Rights, rounds: list[tuple[int, date]], round_label) -> None:
    """The round's submissions, one opened, and the decision on it."""
    t = texts()
    st.header(t.REVIEW_HEADER)
    chosen = st.selectbox(t.REVIEW_ROUND, rounds, key="review_round", format_func=round_label,
                          index=len(rounds) - 1)
    found = _submissions(*chosen)
    if found.empty:
        st.info(t.REVIEW_NONE)
        return
    st.dataframe(pd.DataFrame({
        t.COL_SUBMITTED_AT: [_moment(m) for m in found.submitted_at],
        t.COL_EXECUTOR: found.executor,
        t.COL_ROWS: found.measures,
        t.COL_REVIEW: [t.REVIEW_STATES[s] for s in found.review_state],
        t.COL_REVIEW_REASON: found.review_reason.fillna(""),
    }), hide_index=True, width="stretch", key="review_list")
    # The file's name and the second it came make each label unique (a selectbox keeps one of equal labels).
    labels = {row.submission: f"{row.executor} — {_moment(row.submitted_at)}:{pd.Timestamp(row.submitted_at):%S} "
                              f"«{row.file_name}» ({t.REVIEW_STATES[row.review_state]})"
              for row in found.itertuples()}
    picked = st.selectbox(t.REVIEW_OPEN, list(labels), format_func=labels.get, key="review_pick")
    row = found[found.submission == picked].iloc[0]
    rows = _rows(picked)
    st.dataframe(pd.DataFrame({
        t.COLUMNS["measure_no"]: [r["measure_no"] for r in rows],
        t.COL_STATUS: [t.STATUS_NAMES[r["status"]] for r in rows],
        t.COL_SPENT: [t.number(r["spent_thousand_kzt"], 1) if r["spent_thousand_kzt"] is not None else "—"
                      for r in rows],
        t.REPORT_COLUMNS["comment"]: [r["comment"] or "" for r in rows],
    }), hide_index=True, width="stretch", key="review_rows")
    log_ = reports_state().log
    # Filtered in Arrow: only the executor's earlier rows of the round become Python objects, not the whole log.
    earlier = log_.filter(pc.and_(
        pc.and_(pc.equal(log_["executor"], row.executor), pc.equal(log_["roadmap_year"], chosen[0])),
        pc.and_(pc.equal(log_["round"], chosen[1]),
                pc.less(log_["submitted_at"], pa.scalar(pd.Timestamp(row.submitted_at).to_pydatetime(),
                                                        log_.schema.field("submitted_at").type))))).to_pylist()
    lines = changes(_latest_by_measure(earlier), rows).lines(t) if earlier else []
    st.caption(plain(t.REVIEW_CHANGES.format(changes="; ".join(lines) if lines else t.REPORTS_FIRST)))
    if not may_review(rights, row.executor, row.submitter):
        st.caption(t.REVIEW_NOT_YOURS)
        return
    with st.form("review_form", clear_on_submit=False):  # a reason typed stays should saving fail
        reason = st.text_area(t.REVIEW_REASON, key="review_reason", max_chars=COMMENT_MAX, help=t.REVIEW_REASON_HELP)
        accept, give_back = st.columns(2)
        accepted = accept.form_submit_button(t.REVIEW_ACCEPT, type="primary")
        returned = give_back.form_submit_button(t.REVIEW_RETURN)
    if accepted or returned:
        decision = "accepted" if accepted else "returned"
        if decision == "returned" and not reason.strip():
            st.error(t.REVIEW_REASON_REQUIRED)
            return
        try:
            review.record(picked, decision, rights.identity, reason, database().reports_dir)
        except review.ReviewRefused as refused:
            st.error(t.REVIEW_FAILED)
            log.warning("review of %s refused: %s", picked, refused)
            return
        except OSError:
            log.exception("review of %s not stored", picked)
            st.error(t.REVIEW_FAILED)
            return
        database().report_state(force=True)
        st.session_state[_DONE] = (decision, row.executor)
        st.rerun()
    if _DONE in st.session_state:
        decision, executor = st.session_state.pop(_DONE)
        st.success(t.REVIEW_DONE[decision].format(executor=executor))


def _latest_by_measure(rows: list[dict]) -> list[dict]:
    latest: dict[int, dict] = {}
    for r in sorted(rows, key=lambda r: (r["submitted_at"], r["file_sha256"])):
        latest[r["measure_no"]] = r
    return list(latest.values())


def returned_panel(rights: Rights) -> None:
    """The signed-in executor's reports МИОР returned, with the reasons: what to correct and send again."""
    t = texts()
    table = reports_state().submissions
    frame = table.filter(pc.is_in(table["executor"], pa.array(sorted(rights.executors), pa.string()))).to_pandas()
    if frame.empty:
        return
    latest = frame.sort_values("submitted_at").groupby(["roadmap_year", "round", "executor"]).tail(1)
    # Only where the executor's latest file for the round came back: a corrected one sent since answers it.
    mine = latest[latest.executor.isin(rights.executors) & (latest.review_state == "returned")]
    if mine.empty:
        return
    st.header(t.REVIEW_RETURNED_HEADER)
    for row in mine.itertuples():
        st.warning(plain(t.REVIEW_RETURNED.format(executor=row.executor, when=_moment(row.submitted_at),
                                                  round=t.day(pd.Timestamp(row.round).date()),
                                                  reason=row.review_reason or "")))
