from datetime import date

import pandas as pd
import streamlit as st

from roadmap import charts, config, ui
from roadmap.ui import clicks, handover, status

t = ui.texts()

db = ui.database()
filters = ui.current_filters()
several_years = len(db.decrees) > 1
st.title(t.APP_TITLE)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
for _, meta in sorted(db.decrees.items()):  # each loaded decree cited as it is
    if meta.get("decree_date"):
        decree_date = t.day_attr(date.fromisoformat(meta["decree_date"]))
        st.caption(t.SOURCE_NOTE.format(date=decree_date, number=meta.get("decree_number", "")))

k = ui.kpis(filters)
total = db.options.total_measures
c1, c2, c3, c4 = st.columns(4)
c1.metric(t.KPI_MEASURES, t.PART_OF.format(part=int(k["measures"]), whole=total))
c2.metric(t.KPI_COST, t.number(k["cost_thousand_kzt"] / 1000, 1), help=t.KPI_COST_HELP)
c2.caption(t.thousand_tenge(k["cost_thousand_kzt"]))
c3.metric(t.KPI_BUDGET_SHARE, t.percent(k["budget_measures"], k["measures"]), help=t.KPI_BUDGET_HELP)
c3.caption(t.PART_OF.format(part=int(k["budget_measures"]), whole=int(k["measures"])))
c4.metric(t.KPI_EXECUTORS, int(k["executors"]), help=t.KPI_EXECUTORS_HELP)
ui.decree_notes(db)

ui.stop_if_empty(k["measures"])
status.summary(filters)
handover.deadline_lines(filters)  # what МИОР owes next, and who owes МИОР

# The picture first: where the work and the money are, the reporting calendar, the busiest executors.
st.header(t.OVERVIEW_PICTURE)
st.caption(t.CLICK_HINT)
# Side by side on a desktop; Streamlit stacks columns under 640 px, so on a phone each chart has the width.
by_class = ui.query("by_group_class", filters)
work, money = st.columns(2, gap="medium")
with work:
    clicks.chart(ui.figure(charts.directions_by_class, by_class, t=t), "chart_overview_groups", clicks.by("direction"))
with money:
    clicks.chart(ui.figure(charts.direction_costs, by_class, t=t), "chart_overview_costs", clicks.by("direction"))
st.header(t.OVERVIEW_BUSIEST)
busiest = ui.query("busiest_executors", filters, limit=config.OVERVIEW_BUSIEST)
clicks.chart(ui.figure(charts.workload, busiest, db.legend.full_names, t=t), "chart_busiest", clicks.by_kind)

if several_years:
    st.header(t.OVERVIEW_YEARS)
    by_year = ui.query("by_group_class", filters)
    st.plotly_chart(ui.figure(charts.years_side_by_side, by_year, t=t), key="chart_years")
    per_group = by_year.groupby(["roadmap_year", "group_key"], as_index=False, sort=False).agg(
        group_name=("group_name", "first"), measures=("measures", "sum"), cost=("cost_thousand_kzt", "sum"))
    st.dataframe(
        pd.DataFrame({
            t.COL_YEAR: per_group.roadmap_year.astype(str),
            t.COL_GROUP: [t.group_label(g) for g in per_group.group_key],
            t.COL_GROUP_NAME: per_group.group_name,
            t.COL_MEASURES: per_group.measures,
            t.COL_COST: [t.number(v, 1) for v in per_group.cost],
        }),
        hide_index=True, width="stretch",
    )
    st.caption(t.OVERVIEW_YEARS_NOTE)

st.header(t.OVERVIEW_BY_GROUP)
groups = ui.query("by_group", filters)
st.dataframe(
    pd.DataFrame({
        t.COL_GROUP: [t.group_label(g) for g in groups.group_key],
        t.COL_GROUP_NAME: groups.group_name,
        t.COL_MEASURES: groups.measures,
        t.COL_BUDGET_MEASURES: groups.budget_measures,
        t.COL_COST: [t.number(v, 1) for v in groups.cost_thousand_kzt],
    }),
    hide_index=True, width="stretch",
)

st.header(t.OVERVIEW_CALENDAR)
events = sorted((date.fromisoformat(e["date"]), t.REPORT_TO_SHORT.get(e["recipient"], e["recipient"]))
                for meta in db.decrees.values() for e in meta.get("reporting_calendar") or [])
if events:
    st.plotly_chart(ui.figure(charts.calendar_strip, events, date.today(), t=t), key="chart_calendar",
                    config={"displayModeBar": False})
calendar = [(year, e) for year, meta in sorted(db.decrees.items()) for e in meta.get("reporting_calendar") or []]
st.dataframe(
    pd.DataFrame({
        **({t.COL_YEAR: [str(year) for year, _ in calendar]} if several_years else {}),
        t.COL_DATE: [t.day(date.fromisoformat(e["date"])) for _, e in calendar],
        # Bodies by their label in the interface language, as in the filter; the legend's full names are Russian.
        t.COL_REPORTER: [t.REPORT_TO.get(e["reporter"], e["reporter"]) if e["reporter"] else t.CALENDAR_EXECUTORS
                         for _, e in calendar],
        t.COL_RECIPIENT: [t.REPORT_TO.get(e["recipient"], db.legend.full_names.get(e["recipient"], e["recipient"]))
                          for _, e in calendar],
    }),
    hide_index=True, width="stretch",
)
