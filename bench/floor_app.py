"""The floor under every browser figure: a Streamlit page with nothing of ours on it, and the same page
with one trivial Plotly chart.  `?charts=N` draws N three-bar charts; `&select=1` adds a selectbox in the
sidebar that the charts follow, the floor of a filter change.  The benchmark serves it the way it serves the
dashboard, so the difference between the pages is what loading plotly.js alone costs a browser on this
machine, before any chart of the dashboard is drawn."""
import plotly.graph_objects as go
import streamlit as st

OPTIONS = [f"Вариант {n}" for n in range(1, 21)]

chosen = 0
if st.query_params.get("select"):
    # Labelled as the dashboard's akimat filter, which the benchmark picks from.
    picked = st.sidebar.selectbox("Акимат", OPTIONS, index=None, key="akimat")
    chosen = OPTIONS.index(picked) + 1 if picked else 0
st.title("floor")
for index in range(int(st.query_params.get("charts", "0"))):
    st.plotly_chart(go.Figure(go.Bar(x=[1 + chosen, 2, 3], y=["a", "b", "c"], orientation="h")), key=f"chart_{index}")
# What the dashboard's readiness check looks for.
st.sidebar.markdown(f"Показано {chosen} из {len(OPTIONS) if st.query_params.get('select') else 0} мероприятий")
