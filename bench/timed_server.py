"""What the benchmark's browser section serves: server.py's app (or BENCH_APP, e.g. bench/floor_app.py, with
no routes), with bench/server_timing.py's timing of every script run when BENCH_SERVER_TIMINGS is set, so that
nothing of the measuring lives in the app.  `streamlit run bench/timed_server.py` finds the st.App below."""
import os
from pathlib import Path

import streamlit as st

from bench import server_timing
from roadmap.routes import routes
from roadmap.ui.data import database

server_timing.install_from_environment()
script = os.environ.get("BENCH_APP", "dashboard.py")
# An absolute path: a relative one would be read from this file's folder.
app = st.App(str(Path(__file__).resolve().parent.parent / script),
             routes=routes(database) if script == "dashboard.py" else None)
