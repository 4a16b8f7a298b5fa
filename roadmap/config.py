"""Paths and constants, all relative to the project root so the app runs from any directory."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_SOURCE = DATA_DIR / "raw" / "roadmap_2021_decree_50.txt"
# ROADMAP_DATA points the app at another dataset (a parquet file); its legend sits beside it.
MEASURES_PARQUET = Path(os.environ.get("ROADMAP_DATA", DATA_DIR / "roadmap.parquet"))
SQL_DIR = Path(__file__).resolve().parent / "sql"
GEO_DIR = DATA_DIR / "geo"
# A local favicon: a :material/…: page icon makes every browser fetch it from fonts.gstatic.com.
FAVICON = ROOT / "assets" / "favicon.png"
REBUILD_COMMAND = "python -m loaders.build"

QUERY_CACHE_ENTRIES = 512  # per cached query function: filter combinations kept
