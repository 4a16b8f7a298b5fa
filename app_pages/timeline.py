from datetime import date

import pandas as pd
import streamlit as st

from roadmap import app, charts

t = app.texts()

db = app.database()
filters = app.current_filters()
st.title(t.PAGE_TIMELINE)
measures = app.query("measure_list", filters)
app.stop_if_empty(measures)

year = int(db.metadata.get("roadmap_year") or measures.deadline_end.max().year)
default_as_of = min(max(date.today(), date(year, 1, 1)), date(year, 12, 31))
as_of = st.date_input(t.TIMELINE_AS_OF, value=default_as_of, format=t.DATE_INPUT_FORMAT, key="as_of")
status = app.query("deadline_status", filters, as_of=as_of).iloc[0]
st.markdown(t.TIMELINE_PASSED_SUMMARY.format(date=t.day(as_of), passed=int(status["passed"]), total=int(status["measures"])))

reporting = sorted({date.fromisoformat(e["date"]) for e in db.metadata.get("reporting_calendar") or []})
st.subheader(t.TIMELINE_GANTT)
st.plotly_chart(charts.gantt(measures, reporting, as_of, t=t), key="chart_gantt")

st.subheader(t.TIMELINE_PER_MONTH)
period = st.segmented_control(t.TIMELINE_PERIOD, ["month", "quarter"], default="month", key="period",
                              format_func=t.PERIODS.get, label_visibility="collapsed") or "month"
st.plotly_chart(charts.deadlines_by_month(app.query("deadlines_by_month", filters, period=period), period == "quarter", t=t),
                key="chart_months")
