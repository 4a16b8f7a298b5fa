"""Streamlit glue, one module per job, and what a page needs of it:

    data.py       the process's one database (st.cache_resource), shared with the export routes
    cached.py     the pages' questions, cached per filter combination (st.cache_data, bounded)
    panel.py      the language switch, the filter panel and its link, the page-facing state
    downloads.py  the sidebar's links to the export routes
"""
from .cached import kpis, query, source_text
from .data import database
from .panel import current_filters, decree_notes, stop_if_empty, texts

__all__ = ["database", "query", "kpis", "source_text", "texts", "current_filters", "stop_if_empty", "decree_notes"]
