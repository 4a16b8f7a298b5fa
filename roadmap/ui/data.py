"""The process's one database, shared by every session and by the export routes.

Kept apart from the cached queries: server.py imports this before Streamlit's runtime exists, and a
module that declares st.cache_data functions logs a warning when imported then."""
from __future__ import annotations

import streamlit as st

from roadmap import config
from roadmap.queries import RoadmapDB


@st.cache_resource(show_spinner=False)
def database() -> RoadmapDB:
    """Loaded once per process; every query runs on a cursor of its own (see RoadmapDB)."""
    return RoadmapDB.open(config.MEASURES_PARQUET)
