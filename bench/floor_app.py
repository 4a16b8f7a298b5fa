"""The floor under every browser figure: a Streamlit page with nothing of ours on it, and the same page
with one trivial Plotly chart.  `?charts=N` draws N three-bar charts.  The benchmark serves it the way
it serves the dashboard, so the difference between the two pages is what loading plotly.js alone costs
a browser on this machine, before any chart of the dashboard is drawn."""
import plotly.graph_objects as go
import streamlit as st

st.title("floor")
for index in range(int(st.query_params.get("charts", "0"))):
    st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=["a", "b", "c"], orientation="h")), key=f"chart_{index}")
st.sidebar.markdown("Показано 0 из 0 мероприятий")  # what the dashboard's readiness check looks for
