import logging
from datetime import date
from html import escape

import pandas as pd
import streamlit as st

from reporting import limits
from reporting.changes import changes as changes_since
from reporting.problems import Problem
from reporting.store import store
from reporting.validate import validate
from roadmap import config, ui
from roadmap.routes import template_url
from roadmap.ui import auth, panel, review

log = logging.getLogger("roadmap")
_RESULT = "report_result"  # what the last submission of this session came to, shown after the rerun

t = ui.texts()
db = ui.database()
several = len(db.decrees) > 1
rounds = [(year, r) for year, d in sorted(db.report_decrees.items()) for r in d.rounds]


def _round_label(choice: tuple[int, date]) -> str:
    year, day = choice
    return f"{t.day(day)} ({year})" if several else t.day(day)


def _when(moment) -> str:
    utc = pd.Timestamp(moment).tz_convert(None) if pd.Timestamp(moment).tzinfo else pd.Timestamp(moment)
    return t.REPORTS_MOMENT.format(day=t.day(utc.date()), time=f"{utc:%H:%M}")


st.title(t.REPORTS_TITLE)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
if not rounds:
    st.info(t.STATUS_NO_CALENDAR)
    st.stop()
st.write(t.REPORTS_INTRO.format(dates="; ".join(_round_label(c) for c in rounds)))


def _problems_table(problems: list[Problem]) -> pd.DataFrame:
    columns = t.REPORT_COLUMNS
    return pd.DataFrame({
        t.COL_ROW: [str(p.row) if p.row is not None else t.REPORTS_WHOLE_FILE for p in problems],
        t.COL_COLUMN: [columns.get(p.column, p.column) if p.column else "" for p in problems],
        t.COL_PROBLEM: [t.REPORT_PROBLEMS[p.code] for p in problems],
        t.COL_DETAIL: [p.text(t) for p in problems],
    })


def _show_result(result: dict) -> None:
    st.caption(panel.plain(t.REPORTS_FILE.format(name=result["file"], when=_when(result["at"]))))
    if result["kind"] == "refused":
        st.error(t.REPORTS_REFUSED)
        st.dataframe(_problems_table(result["problems"]), hide_index=True, width="stretch", key="report_problems")
        return
    if result["kind"] == "failed":
        st.error(t.REPORTS_STORE_FAILED)
        return
    stored, changes = result["stored"], result["changes"]
    label = _round_label(result["round"])
    if not stored.stored:
        st.info(t.REPORTS_ALREADY.format(when=_when(stored.submitted_at)))
        return
    st.success(t.REPORTS_STORED.format(executor=result["executor"], round=label, rows=stored.rows,
                                       when=_when(stored.submitted_at)))
    st.header(t.REPORTS_CHANGES)
    if changes.first_report:
        st.write(t.REPORTS_FIRST)
        return
    lines = changes.lines(t)
    if lines:
        st.markdown("\n".join(f"- {panel.plain(line)}" for line in lines))
    else:
        st.write(t.REPORTS_NO_CHANGES)


def _submit(executor: str, chosen: tuple[int, date], upload, who: str) -> dict:
    """Check the whole file; store it only if it passes; say what changed against the executor's previous
    report for the round."""
    year, day = chosen
    decree = db.report_decrees[year]
    result = validate(upload.getvalue(), upload.name, db.report_measures(), db.report_metadata, executor,
                      expected_round=day, expected_decree=(year, decree.number))
    if isinstance(result, list):
        return {"kind": "refused", "problems": result}
    before = db.report_state(force=True).latest
    previous = [r for r in before.to_pylist()
                if r["roadmap_year"] == year and r["round"] == day and r["executor"] == executor]
    try:
        stored = store(result, db.reports_dir, submitter=who)
    except Exception:  # the disk, not the file: nothing half-written (store writes aside, then links)
        log.exception("reports: storing %s for %s failed", upload.name, executor)
        return {"kind": "failed"}
    db.report_state(force=True)  # this session and every other see it on their next run
    log.info("reports: %s %s for %s, round %s, by %s", "stored" if stored.stored else "already stored",
             stored.path.name, executor, day, who)
    return {"kind": "stored", "stored": stored, "changes": changes_since(previous, result.rows),
            "executor": executor, "round": chosen}


# Who may submit -----------------------------------------------------------------------------------
if not auth.configured():
    st.info(t.REPORTS_READ_ONLY)
    # Plain text: the shell colouring of st.code reads at 2.8:1 on its background (WCAG AA needs 4.5:1).
    st.code(t.REPORTS_CLI_EXAMPLE.format(round=rounds[-1][1].isoformat()), language=None,
            wrap_lines=True)  # wrapped: a phone-wide block that scrolls sideways is out of keyboard reach (axe)
elif not auth.signed_in():
    st.write(t.REPORTS_SIGN_IN_PROMPT)
    st.button(t.REPORTS_SIGN_IN, key="sign_in", on_click=st.login, type="primary")
else:
    rights = auth.current_rights(db.executors())
    # The identity as the provider gives it: literal text, not Markdown (an e-mail would become a link).
    st.markdown(panel.plain(t.REPORTS_SIGNED_IN.format(who=rights.identity if rights else "")))
    st.button(t.REPORTS_SIGN_OUT, key="sign_out", on_click=st.logout)
    for unknown in rights.unknown if rights else ():
        st.warning(panel.plain(t.REPORTS_UNKNOWN_EXECUTOR.format(executor=unknown)))
    if rights is None or not (rights.may_submit or rights.may_review):
        st.warning(t.REPORTS_NO_RIGHTS.format(role=config.EDITOR_ROLE, role_claim=config.ROLE_CLAIM,
                                              executor_claim=config.EXECUTOR_CLAIM))
    if rights is not None and rights.may_submit:
        review.returned_panel(rights)
        left, right = st.columns(2)
        executor = left.selectbox(t.REPORTS_EXECUTOR, rights.executors, key="report_executor",
                                  format_func=lambda e: f"{e} — {db.legend.full_names[e]}"
                                  if db.legend.full_names.get(e, e) != e else e)
        upcoming = [i for i, (_, day) in enumerate(rounds) if day >= date.today()]
        chosen = right.selectbox(t.REPORTS_ROUND, rounds, key="report_round", format_func=_round_label,
                                 index=upcoming[0] if upcoming else len(rounds) - 1)
        url = template_url(executor, chosen[1], st.session_state.get("lang"), year=chosen[0])
        with st.container(key="report_template"):
            st.markdown(f'<a class="roadmap-download" href="{escape(url, quote=True)}" download>'
                        f"{escape(t.REPORTS_TEMPLATE)}</a>", unsafe_allow_html=True)
        # The file stays in the form after sending: should a submit ever be lost on its way, the user sends it
        # again with one click, and the same file sent twice in a row is stored once.
        with st.form("report_form", clear_on_submit=False):
            upload = st.file_uploader(t.REPORTS_UPLOAD, type=["xlsx", "csv"], key="report_file",
                                      max_upload_size=limits.MAX_FILE_MB,
                                      help=t.REPORTS_UPLOAD_HELP.format(mb=limits.MAX_FILE_MB))
            sent = st.form_submit_button(t.REPORTS_SUBMIT, type="primary")
        if sent and upload is not None:
            received = pd.Timestamp.now(tz="UTC")
            st.session_state[_RESULT] = {**_submit(executor, chosen, upload, rights.identity), "file": upload.name,
                                         "at": received}
            st.rerun()  # every element of this run, the sidebar's counts too, then shows the new state
        if _RESULT in st.session_state:
            with st.container(key="report_result"):
                _show_result(st.session_state[_RESULT])
    if rights is not None and rights.may_review:
        with st.container(key="review_panel"):
            review.review_panel(rights, rounds, _round_label)

# What has been received ------------------------------------------------------------------------------
state = ui.reports_state()
st.header(t.REPORTS_HISTORY)
if state.unreadable:
    st.warning(t.REPORTS_UNREADABLE.format(count=len(state.unreadable)))
if not state.submissions.num_rows:
    st.info(t.REPORTS_HISTORY_NONE)
else:
    # Paged: the log only grows, and the browser gets one page of it (newest first), never the whole history.
    total = state.submissions.num_rows
    pages, offset = panel.page_of(total, config.HISTORY_PAGE_SIZE, "history_page")
    history = state.submissions.slice(offset, config.HISTORY_PAGE_SIZE).to_pandas()
    panel.page_range(t.REPORTS_HISTORY_RANGE, pages, offset, len(history), total)
    show_who = auth.signed_in()  # who sent what is for those who sign in, not for every reader
    # Vectorised: a log of a thousand submissions is a thousand rows, and each named day is formatted once.
    moments = pd.to_datetime(history.submitted_at, utc=True).dt.tz_convert(None)
    days = {d: t.day(d) for d in set(moments.dt.date)}
    rounds_named = {key: _round_label(key) for key in set(zip(history.roadmap_year.astype(int),
                                                              pd.to_datetime(history["round"]).dt.date))}
    st.dataframe(pd.DataFrame({
        t.COL_SUBMITTED_AT: [t.REPORTS_MOMENT.format(day=days[d], time=hm)
                             for d, hm in zip(moments.dt.date, moments.dt.strftime("%H:%M"), strict=True)],
        t.COL_EXECUTOR: history.executor,
        t.COL_ROUND: [rounds_named[key] for key in zip(history.roadmap_year.astype(int),
                                                       pd.to_datetime(history["round"]).dt.date)],
        t.COL_ROWS: history.measures,
        **({t.COL_SUBMITTER: history.submitter} if show_who else {}),
        t.COL_FILE: history.file_name,
        # Everyone sees whether МИОР accepted or returned a report; who decided, only those signed in.
        t.COL_REVIEW: [t.REVIEW_STATES[s] for s in history.review_state],
        **({t.COL_REVIEWER: history.reviewer.fillna("")} if show_who else {}),
    }), hide_index=True, width="stretch", key="report_history")
