import streamlit as st

from roadmap import charts, geo, ui
from roadmap.ui import clicks


def region_map(named: dict, collective: dict, *, t, narrow: bool):
    """The map of these counts: the regions' outlines are the same for every view, so they are not part of the
    figure cache's key (hashing them took longer than drawing the map)."""
    shapes, points = geo.region_geometry()
    return charts.region_map(named, shapes, points, t=t, collective=collective, narrow=narrow)

t = ui.texts()

db = ui.database()
filters = ui.current_filters()
st.title(t.PAGE_EXECUTORS)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
ui.status_line(ui.current_filters())
st.caption(t.CLICK_HINT)
workload = ui.query("executor_workload", filters)
ui.stop_if_empty(workload)

ministries = workload[workload.executor_kind == "ministry"]
akimats = workload[workload.executor_kind == "akimat"]
left, right = st.columns(2)
with left:
    st.header(t.EXECUTORS_MINISTRIES)
    if ministries.empty:
        st.info(t.NO_EXECUTORS)
    else:
        clicks.chart(ui.figure(charts.workload, ministries, db.legend.full_names, t=t), "chart_ministries",
                     clicks.by_kind)
with right:
    st.header(t.EXECUTORS_AKIMATS)
    if akimats.empty:
        st.info(t.NO_EXECUTORS)
    else:
        clicks.chart(ui.figure(charts.workload, akimats, t=t), "chart_akimats", clicks.by_kind)

marked = ui.query("executors_marked", filters)
if not marked.empty:  # organisations by agreement and collective phrases, as the decree marks them
    st.header(t.EXECUTORS_MARKED)
    st.caption(t.EXECUTORS_MARKED_NOTE)
    full_names = db.legend.full_names
    st.dataframe(
        marked.assign(
            name=[full_names.get(e, "") for e in marked.executor],
            mark=[t.EXECUTOR_MARKS[m] for m in marked.mark],
        )[["executor", "mark", "measures", "name"]].rename(columns=t.EXECUTORS_MARKED_COLUMNS),
        hide_index=True, width="stretch",
    )

st.header(t.EXECUTORS_MAP)
named = dict(zip(akimats.executor, akimats.named_measures, strict=True))
collective = dict(zip(akimats.executor, akimats.measures - akimats.named_measures, strict=True))
clicks.chart(ui.figure(region_map, named, collective, t=t, narrow=ui.narrow()), "chart_map", clicks.by("akimat"),
             config={"scrollZoom": False, "displayModeBar": False})
st.caption(t.EXECUTORS_MAP_NOTE)

st.header(t.EXECUTORS_MATRIX)
matrix = ui.figure(charts.executor_matrix, ui.query("executor_by_group", filters), workload.executor.tolist(), t=t,
                   narrow=ui.narrow())
st.plotly_chart(matrix, key="chart_matrix")
