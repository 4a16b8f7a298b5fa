from datetime import date

import pandas as pd
import streamlit as st

from roadmap import app, texts

db = app.database()
filters = app.current_filters()
st.title(texts.APP_TITLE)
meta = db.metadata
if meta.get("decree_date"):
    st.caption(texts.SOURCE_NOTE.format(date=texts.day(date.fromisoformat(meta["decree_date"])), number=meta.get("decree_number", "")))

k = app.kpis(filters)
total = db.total_measures()
c1, c2, c3, c4 = st.columns(4)
c1.metric(texts.KPI_MEASURES, texts.PART_OF.format(part=int(k["measures"]), whole=total))
c2.metric(texts.KPI_COST, texts.number(k["cost_thousand_kzt"] / 1000, 1), help=texts.KPI_COST_HELP)
c2.caption(texts.thousand_tenge(k["cost_thousand_kzt"]))
c3.metric(texts.KPI_BUDGET_SHARE, texts.percent(k["budget_measures"], k["measures"]), help=texts.KPI_BUDGET_HELP)
c3.caption(texts.PART_OF.format(part=int(k["budget_measures"]), whole=int(k["measures"])))
c4.metric(texts.KPI_EXECUTORS, int(k["executors"]), help=texts.KPI_EXECUTORS_HELP)

if not k["measures"]:
    st.info(texts.NOTHING_FOUND)
    st.stop()

st.subheader(texts.OVERVIEW_BY_GROUP)
groups = app.query("by_group", filters)
st.dataframe(
    pd.DataFrame({
        texts.COL_GROUP: [texts.group_label(g) for g in groups.group_key],
        texts.COL_GROUP_NAME: groups.group_name,
        texts.COL_MEASURES: groups.measures,
        texts.COL_BUDGET_MEASURES: groups.budget_measures,
        texts.COL_COST: [texts.number(v, 1) for v in groups.cost_thousand_kzt],
    }),
    hide_index=True, width="stretch",
)

st.subheader(texts.OVERVIEW_CALENDAR)
calendar = meta.get("reporting_calendar") or []
st.dataframe(
    pd.DataFrame({
        texts.COL_DATE: [texts.day(date.fromisoformat(e["date"])) for e in calendar],
        texts.COL_REPORTER: [e["reporter"] or texts.CALENDAR_EXECUTORS for e in calendar],
        texts.COL_RECIPIENT: [db.legend.full_names.get(e["recipient"], e["recipient"]) for e in calendar],
    }),
    hide_index=True, width="stretch",
)
