"""The little CSS the dashboard adds to Streamlit's own, in one place: what a reader on a narrow card or a
phone must still see whole."""
from __future__ import annotations

import streamlit as st

_CSS = """
/* A KPI's label wraps inside its card instead of being cut with an ellipsis. */
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] > div, [data-testid="stMetricLabel"] p {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
    height: auto !important;
}
/* A KPI's value too (a measure card's status in Kazakh was cut with an ellipsis). */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
/* The filters in force: a long value wraps in its button rather than running out of a phone's width. */
.st-key-active_filters button { max-width: 100%; height: auto; }
.st-key-active_filters button p { white-space: normal; text-align: left; overflow-wrap: anywhere; }
/* A page title on a phone: at Streamlit's size a long Kazakh word of a title was broken in two. */
@media (max-width: 640px) { [data-testid="stMain"] h1 { font-size: 2rem; } }
/* The width check (screen.py) draws nothing: no gap for it either. */
.st-key-screen { display: none; }
"""


def apply() -> None:
    """Add the dashboard's CSS to this run's page (a style-only block takes no room on the page)."""
    st.html(f"<style>{_CSS}</style>")
