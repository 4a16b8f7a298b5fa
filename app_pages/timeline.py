from datetime import date

import streamlit as st

from roadmap import charts, config, ui
from roadmap.ui import clicks

t = ui.texts()

db = ui.database()
filters = ui.current_filters()
st.title(t.PAGE_TIMELINE)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
ui.status_line(ui.current_filters())
k = ui.kpis(filters)
ui.stop_if_empty(k["measures"])

year = int(db.metadata.get("roadmap_year") or k["last_deadline"].year)
default_as_of = min(max(date.today(), date(year, 1, 1)), date(year, 12, 31))
as_of = st.date_input(t.TIMELINE_AS_OF, value=default_as_of, format=t.DATE_INPUT_FORMAT, key="as_of")
status = ui.query("deadline_status", filters, as_of=as_of).iloc[0]
st.markdown(t.TIMELINE_PASSED_SUMMARY.format(date=t.day_attr(as_of), passed=int(status["passed"]),
                                             total=int(status["measures"])))

reporting = sorted({date.fromisoformat(e["date"]) for year, meta in db.decrees.items()
                    if not filters.year or str(year) in filters.year for e in meta.get("reporting_calendar") or []})
st.header(t.TIMELINE_GANTT)
if k["measures"] <= config.GANTT_MAX_BARS:
    bars = ui.query("gantt_measures", filters, limit=config.GANTT_MAX_BARS)
    if (bars.deadline_kind != "window").any():  # say how a fixed date and a periodic deadline are drawn
        st.caption(t.GANTT_KINDS_NOTE)
    gantt = ui.figure(charts.gantt, bars, reporting, as_of, t=t, narrow=ui.narrow())
    clicks.measure_chart(gantt, "chart_gantt")  # a bar is a measure: a click opens its detail
else:
    # Thousands of bars would be unreadable and slow to draw: DuckDB folds them into deadline windows.
    windows = ui.query("gantt_windows", filters, limit=config.GANTT_MAX_WINDOWS)
    note = t.GANTT_WINDOWS_NOTE.format(total=t.number(k["measures"]))
    if int(windows.windows.iloc[0]) > len(windows):
        note += " " + t.GANTT_WINDOWS_CUT.format(shown=len(windows), windows=int(windows.windows.iloc[0]))
    st.caption(note)
    st.plotly_chart(ui.figure(charts.gantt_windows, windows, reporting, as_of, t=t), key="chart_gantt")

st.header(t.TIMELINE_PER_MONTH)
period = st.segmented_control(t.TIMELINE_PERIOD, ["month", "quarter"], default="month", key="period",
                              format_func=t.PERIODS.get, label_visibility="collapsed") or "month"
by_month = ui.query("deadlines_by_month", filters, period=period)
st.plotly_chart(ui.figure(charts.deadlines_by_month, by_month, period == "quarter", t=t), key="chart_months")
