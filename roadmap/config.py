"""Paths and constants, all relative to the project root so the app runs from any directory."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# ROADMAP_DATA points the app at another dataset: a parquet file, or a glob of parquet files read as one
# dataset (e.g. "/srv/roadmaps/roadmap_*.parquet"); each file's legend sits beside it.
MEASURES_PARQUET = os.environ.get("ROADMAP_DATA") or str(DATA_DIR / "roadmap.parquet")
SQL_DIR = Path(__file__).resolve().parent / "sql"
GEO_DIR = DATA_DIR / "geo"
# A local favicon: a :material/…: page icon makes every browser fetch it from fonts.gstatic.com.
FAVICON = ROOT / "assets" / "favicon.png"
REBUILD_COMMAND = "python -m loaders.build"

QUERY_CACHE_ENTRIES = 512  # per cached query function: filter combinations kept

# What the browser is sent, whatever the size of the data: a chart of thousands of bars is slow to draw
# and unreadable, and a table of tens of thousands of rows is megabytes over the websocket.
GANTT_MAX_BARS = 120  # one bar per measure up to this; above it, one bar per group and deadline window
GANTT_MAX_WINDOWS = 60  # the most populous windows when even those are more
RANKED_MAX_BARS = 25  # the largest amounts; the treemap puts the rest of each group in one tile
MEASURES_PAGE_SIZE = 100  # rows of the measure table per page
OVERVIEW_BUSIEST = 10  # executors on the Overview's workload chart

# Executors' reports (loaders/reports.py writes them; the query layer reads the directory as one table).
# ROADMAP_REPORTS: a directory the app's replicas may share (each submission is its own immutable file).
REPORTS_DIR = os.environ.get("ROADMAP_REPORTS") or str(DATA_DIR / "reports")
# How often a session looks for submissions stored by other sessions or replicas while it sits idle.
REPORTS_POLL_SECONDS = float(os.environ.get("ROADMAP_REPORTS_POLL_SECONDS") or 5)
# An upload larger than this is refused by the uploader before the server reads it: a filled template of
# a few hundred measures is well under 1 MB, and anything near the reader's own cap is a mistake.
REPORT_UPLOAD_MAX_MB = 5

# Sign-in (OpenID Connect, `[auth]` in .streamlit/secrets.toml).  Who may submit is read from claims of
# the ID token: the role claim's value EDITOR_ROLE may submit for any executor; the executor claim names
# the one executor (or several, as a list) a user may submit for.  Everyone else reads.
ROLE_CLAIM = os.environ.get("ROADMAP_ROLE_CLAIM") or "roadmap_role"
EDITOR_ROLE = os.environ.get("ROADMAP_EDITOR_ROLE") or "editor"
EXECUTOR_CLAIM = os.environ.get("ROADMAP_EXECUTOR_CLAIM") or "roadmap_executor"
