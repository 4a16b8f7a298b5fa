import streamlit as st

from roadmap import app, charts, texts

db = app.database()
filters = app.current_filters()
st.title(texts.PAGE_EXECUTORS)
workload = app.query("executor_workload", filters)
app.stop_if_empty(workload)

ministries = workload[workload.executor_kind == "ministry"]
akimats = workload[workload.executor_kind == "akimat"]
left, right = st.columns(2)
with left:
    st.subheader(texts.EXECUTORS_MINISTRIES)
    if ministries.empty:
        st.info(texts.NO_EXECUTORS)
    else:
        st.plotly_chart(charts.workload(ministries, db.legend.full_names), key="chart_ministries")
with right:
    st.subheader(texts.EXECUTORS_AKIMATS)
    if akimats.empty:
        st.info(texts.NO_EXECUTORS)
    else:
        st.plotly_chart(charts.workload(akimats), key="chart_akimats")

st.subheader(texts.EXECUTORS_MAP)
shapes, points = app.region_geometry()
st.plotly_chart(charts.region_map(dict(zip(akimats.executor, akimats.measures)), shapes, points), key="chart_map",
                config={"scrollZoom": False, "displayModeBar": False})
st.caption(texts.EXECUTORS_MAP_NOTE)

st.subheader(texts.EXECUTORS_MATRIX)
st.plotly_chart(charts.executor_matrix(app.query("executor_by_group", filters), workload.executor.tolist()), key="chart_matrix")
