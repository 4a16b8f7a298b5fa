from datetime import date

import pandas as pd
import streamlit as st

from roadmap import charts, config, ui
from roadmap.filters import Filters
from roadmap.ui import handover, panel, status

t = ui.texts()
db = ui.database()
filters = ui.current_filters()
several = len(db.decrees) > 1


def _day(value) -> str:
    return t.day(pd.Timestamp(value).date())


def _executor(code: str) -> str:
    full = db.legend.full_names.get(code)
    return f"{full} ({code})" if full and full != code else code


def _measure(year, no) -> str:
    return t.measure(int(no), int(year)) if several else t.measure(int(no))


def _comments() -> None:
    """What the executors wrote for the round shown: every filter applies, and the title search matches the
    comment too (asked with its own parameter over the filters without it).  Paged in DuckDB: the browser
    gets one page of comments, never all of them."""
    st.header(t.EXEC_COMMENTS)
    total = _comment_total()
    rounds = status.round_words(ui.query("report_coverage", _unsearched), several)
    if not total:
        st.info(t.EXEC_COMMENTS_NONE.format(round=rounds))
        return
    st.caption(t.EXEC_COMMENTS_NOTE.format(round=rounds))
    pages, offset = panel.page_of(total, config.COMMENTS_PAGE_SIZE, "comments_page", t.EXEC_COMMENTS_PAGE)
    said = ui.query("comment_page", _unsearched, search=_search, limit=config.COMMENTS_PAGE_SIZE, offset=offset)
    panel.page_range(t.EXEC_COMMENTS_RANGE, pages, offset, len(said), total)
    st.dataframe(pd.DataFrame({
        t.COLUMNS["measure_no"]: [_measure(y, n) for y, n in zip(said.roadmap_year, said.measure_no, strict=True)],
        t.COL_TITLE: said.title,
        t.COL_EXECUTOR: said.executor,
        t.COL_STATUS: [t.STATUS_NAMES[s] + (f" ({t.STATUS_CARRIED.format(date=_day(c))})" if pd.notna(c) else "")
                       for s, c in zip(said.status, said.carried_from, strict=True)],
        t.REPORT_COLUMNS["comment"]: said.comment,
    }), hide_index=True, width="stretch", key="table_comments")


def _comment_total() -> int:
    return int(ui.query("comment_count", _unsearched, search=_search).iloc[0]["comments"])


_unsearched = Filters(**{**filters.active(), "q": ""})
_search = filters.q.strip()

st.title(t.EXEC_TITLE)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
reported = status.summary(filters)
handover.deadline_lines(filters)
if not ui.measure_count(filters) and _search and _comment_total():
    # The search names no title, but here it searches what the executors wrote too: that is the page.
    _comments()
    st.stop()
ui.stop_if_empty(ui.measure_count(filters))
if reported:
    st.caption(t.STATUS_RULE)

if reported:
    st.header(t.EXEC_BY_GROUP)
    st.plotly_chart(ui.figure(charts.status_by_group, ui.query("status_by_group", filters), t=t),
                    key="chart_status_groups", config={"displayModeBar": False})
    st.header(t.EXEC_BY_EXECUTOR)
    st.caption(t.EXEC_BY_EXECUTOR_NOTE)
    st.plotly_chart(ui.figure(charts.status_by_executor, ui.query("status_by_executor", filters),
                              db.legend.full_names, t=t),
                    key="chart_status_executors", config={"displayModeBar": False})

# Who owes a report, and what is late: as of a date (today unless the reader looks back).
as_of = st.date_input(t.EXEC_AS_OF, value=date.today(), key="as_of", help=t.EXEC_AS_OF_HELP,
                      format="DD.MM.YYYY")
st.header(t.EXEC_MISSING)
# Only the decrees in view: a year filter on a decree whose rounds are all ahead must not read "all reported".
passed = [r for year, d in db.report_decrees.items() if not filters.year or str(year) in filters.year
          for r in d.rounds if r < as_of]
missing = ui.query("missing_reports", filters, as_of=as_of)
if not passed:
    st.info(t.EXEC_NO_PAST_ROUNDS.format(as_of=t.day(as_of)))
elif missing.empty:
    st.success(t.EXEC_MISSING_NONE)
else:
    st.dataframe(pd.DataFrame({
        **({t.COL_YEAR: missing.roadmap_year.astype(str)} if several else {}),
        t.COL_ROUND: [_day(r) for r in missing["round"]],
        # One column: a ministry by its legend name and code, an akimat (not in the legend) by its name once.
        t.COL_EXECUTOR: [_executor(e) for e in missing.executor],
        t.COL_MEASURES: missing.measures,
    }), hide_index=True, width="stretch", key="table_missing")

st.header(t.EXEC_OVERDUE)
overdue_total = int(ui.query("overdue_count", filters, as_of=as_of).iloc[0]["measures"])
chosen = ui.query("report_coverage", filters)
st.caption(t.EXEC_OVERDUE_NOTE.format(as_of=t.day_dat(as_of), round=status.round_words(chosen, several)))
if not overdue_total:
    st.success(t.EXEC_OVERDUE_NONE)
else:
    # Paged in DuckDB like the comments below: the browser gets one page, never every overdue measure.
    overdue_pages, overdue_offset = panel.page_of(overdue_total, config.OVERDUE_PAGE_SIZE, "overdue_page",
                                                  t.EXEC_OVERDUE_PAGE)
    overdue = ui.query("overdue_measures", filters, as_of=as_of, limit=config.OVERDUE_PAGE_SIZE,
                       offset=overdue_offset)
    panel.page_range(t.MEASURES_PAGE_RANGE, overdue_pages, overdue_offset, len(overdue), overdue_total)
    st.dataframe(pd.DataFrame({
        t.COLUMNS["measure_no"]: [_measure(y, n) for y, n in zip(overdue.roadmap_year, overdue.measure_no,
                                                                 strict=True)],
        t.COL_TITLE: overdue.title,
        t.COL_DEADLINE: overdue.deadline_raw,
        t.COL_STATUS: [t.STATUS_NAMES[s] for s in overdue.status],
        t.COL_REPORTED: [t.PART_OF.format(part=int(r), whole=int(w))
                         for r, w in zip(overdue.reported_executors, overdue.executor_count, strict=True)],
    }), hide_index=True, width="stretch", key="table_overdue")

if reported:
    st.header(t.EXEC_SPENT_HEADER)
    spent = ui.query("spent_by_group", filters)
    if not spent.measures_with_spent.sum():
        st.info(t.EXEC_SPENT_NONE)
    else:
        st.plotly_chart(ui.figure(charts.estimated_vs_spent, spent, t=t), key="chart_spent",
                        config={"displayModeBar": False})
        st.caption(t.EXEC_SPENT_NOTE.format(round=status.round_words(chosen, several),
                                            with_spent=int(spent.measures_with_spent.sum()),
                                            measures=int(spent.measures.sum())))
    ui.decree_notes(db)

    st.header(t.EXEC_CHANGES)
    changes = ui.query("round_changes", filters)
    if changes.empty:
        st.info(t.EXEC_CHANGES_FIRST)
    else:
        moved = changes[changes.status_before != changes.status_now]
        previous = "; ".join(sorted({_day(p) for p in changes.previous_round}))
        if moved.empty:
            # «бері» takes the ablative in Kazakh (day_abl equals day in Russian and English)
            since = "; ".join(sorted({t.day_abl(pd.Timestamp(p).date()) for p in changes.previous_round}))
            st.success(t.EXEC_CHANGES_NONE.format(previous=since))
        else:
            st.caption(t.EXEC_CHANGES_NOTE.format(previous=previous, round=status.round_words(chosen, several),
                                                  changed=len(moved), measures=len(changes)))
            st.dataframe(pd.DataFrame({
                t.COLUMNS["measure_no"]: [_measure(y, n) for y, n in zip(moved.roadmap_year, moved.measure_no,
                                                                         strict=True)],
                t.COL_TITLE: moved.title,
                t.COL_STATUS_BEFORE: [t.STATUS_NAMES[s] for s in moved.status_before],
                t.COL_STATUS_NOW: [t.STATUS_NAMES[s] for s in moved.status_now],
            }), hide_index=True, width="stretch", key="table_changes")

if reported:
    _comments()

# The round's consolidated information for the Presidential Administration: live, frozen, and its versions.
handover.handover(filters)
