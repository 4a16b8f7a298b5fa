import streamlit as st

from roadmap import charts, geo, ui

t = ui.texts()

db = ui.database()
filters = ui.current_filters()
st.title(t.PAGE_EXECUTORS)
workload = ui.query("executor_workload", filters)
ui.stop_if_empty(workload)

ministries = workload[workload.executor_kind == "ministry"]
akimats = workload[workload.executor_kind == "akimat"]
left, right = st.columns(2)
with left:
    st.subheader(t.EXECUTORS_MINISTRIES)
    if ministries.empty:
        st.info(t.NO_EXECUTORS)
    else:
        st.plotly_chart(charts.workload(ministries, db.legend.full_names, t=t), key="chart_ministries")
with right:
    st.subheader(t.EXECUTORS_AKIMATS)
    if akimats.empty:
        st.info(t.NO_EXECUTORS)
    else:
        st.plotly_chart(charts.workload(akimats, t=t), key="chart_akimats")

st.subheader(t.EXECUTORS_MAP)
shapes, points = geo.region_geometry()
st.plotly_chart(charts.region_map(dict(zip(akimats.executor, akimats.measures)), shapes, points, t=t), key="chart_map",
                config={"scrollZoom": False, "displayModeBar": False})
st.caption(t.EXECUTORS_MAP_NOTE)

st.subheader(t.EXECUTORS_MATRIX)
matrix = charts.executor_matrix(ui.query("executor_by_group", filters), workload.executor.tolist(), t=t)
st.plotly_chart(matrix, key="chart_matrix")
