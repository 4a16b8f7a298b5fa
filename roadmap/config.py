"""Paths and constants, all relative to the project root so the app runs from any directory."""
from __future__ import annotations

from pathlib import Path

import settings
from settings import DATA_DIR, ROOT

# The environment's settings (settings.py): the dataset, the reports directory, the sign-in claims.
MEASURES_PARQUET = settings.MEASURES_PARQUET
SQL_DIR = Path(__file__).resolve().parent / "sql"
GEO_DIR = DATA_DIR / "geo"
# A local favicon: a :material/…: page icon makes every browser fetch it from fonts.gstatic.com.
FAVICON = ROOT / "assets" / "favicon.png"
REBUILD_COMMAND = "python -m loaders.build"

QUERY_CACHE_ENTRIES = 512  # per cached query function: filter combinations kept
# Built figures kept (ui.figure), all pages together: a figure weighs more than an answer (the map's outlines).
FIGURE_CACHE_ENTRIES = 128
# DuckDB splits a scan by row group (122,880 rows); even 1,000 decrees' measures (67,000 rows) are one, so a
# second thread of one query only waits and spins beside the browser and the other sessions. Sessions still
# run side by side: each query runs in its own session's thread. Measured in `make bench` at 1,000x on 2 cores:
# a filtered page's queries 80 -> 69 ms, unfiltered 104 -> 93 ms, the exports as before.
DUCKDB_THREADS = 1

# What the browser is sent, whatever the size of the data: a chart of thousands of bars is slow to draw
# and unreadable, and a table of tens of thousands of rows is megabytes over the websocket.
GANTT_MAX_BARS = 120  # one bar per measure up to this; above it, one bar per group and deadline window
GANTT_MAX_WINDOWS = 60  # the most populous windows when even those are more
RANKED_MAX_BARS = 25  # the largest amounts; the treemap puts the rest of each group in one tile
MEASURES_PAGE_SIZE = 100  # rows of the measure table per page
COMMENTS_PAGE_SIZE = 50  # executors' comments per page of the Execution page's list
OVERDUE_PAGE_SIZE = 100  # overdue measures per page of the Execution page's list (a decree's 67 on one)
HISTORY_PAGE_SIZE = 50  # received reports per page of the Reports page's history
OVERVIEW_BUSIEST = 10  # executors on the Overview's workload chart
# The map's outlines keep a point only where leaving it out would move the line by more than this (degrees): at
# the widest map (~30 px a degree) that is a third of a pixel, and it halves the points the browser draws.
MAP_OUTLINE_TOLERANCE = 0.01

# Executors' reports (reporting/ writes them; the query layer reads the directory as one table).
REPORTS_DIR = str(settings.REPORTS_DIR)
REPORTS_POLL_SECONDS = settings.REPORTS_POLL_SECONDS

# Sign-in (OpenID Connect, `[auth]` in .streamlit/secrets.toml): who may do what is read from the ID token's
# claims named in settings.py (reporting/rights.py).
ROLE_CLAIM = settings.ROLE_CLAIM
EDITOR_ROLE = settings.EDITOR_ROLE
REVIEWER_ROLE = settings.REVIEWER_ROLE
EXECUTOR_CLAIM = settings.EXECUTOR_CLAIM
