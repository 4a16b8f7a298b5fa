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
