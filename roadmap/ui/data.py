"""The process's one database, shared by every session and by the export routes.

Kept apart from the cached queries: server.py imports this before Streamlit's runtime exists, and a
module that declares st.cache_data functions logs a warning when imported then."""
from __future__ import annotations

import logging

import streamlit as st

from roadmap import config
from roadmap.queries import DataError, RoadmapDB

log = logging.getLogger("roadmap")


@st.cache_resource(show_spinner=False)
def database() -> RoadmapDB:
    """Loaded once per process; every query runs on a cursor of its own (see RoadmapDB)."""
    return RoadmapDB.open(config.MEASURES_PARQUET, reports_dir=config.REPORTS_DIR)


def open_database_or_stop(t) -> RoadmapDB:
    """The database, or the one data-error message every page shows instead of a traceback."""
    try:
        return database()
    except DataError as exc:
        log.error("roadmap data unavailable: %s", exc.detail)
        st.error(f"**{t.DATA_ERROR_TITLE}**\n\n{t.DATA_ERROR_BODY}")
        st.code(config.REBUILD_COMMAND, language="bash")
        st.stop()
        raise  # unreachable: st.stop ends the run
