"""Streamlit glue, one module per job, and what a page needs of it:

    data.py       the process's one database (st.cache_resource), shared with the export routes
    cached.py     the pages' questions, cached per filter combination (st.cache_data, bounded), and
                  the figures built from them (st.cache_resource, bounded)
    panel.py      the language switch, the filter panel and its link, the page-facing state
    downloads.py  the sidebar's links to the export routes
    clicks.py     charts that filter when clicked, and measures that open their detail
    status.py     what every page says of execution: the status line and block, the reports' watcher
    auth.py       sign-in (st.login) and what the signed-in user may do (reporting/rights.py)
    screen.py     whether the window is a phone's, for the charts drawn differently there

The page-facing names are looked up when first used, not imported with the package: server.py imports
ui.data before Streamlit's runtime exists, and importing cached.py then logs a warning for every
st.cache_data it declares.
"""
from importlib import import_module

_EXPORTS = {"database": "data", "query": "cached", "kpis": "cached", "measure_count": "cached", "figure": "cached",
            "source_text": "cached", "reports_state": "cached", "texts": "panel", "current_filters": "panel",
            "stop_if_empty": "panel", "decree_notes": "panel", "active_filters": "panel", "status_line": "status",
            "narrow": "screen"}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    if name in ("data", "cached", "panel", "downloads", "clicks", "status", "auth", "card", "style",
                "screen"):
        return import_module(f"{__name__}.{name}")
    raise AttributeError(name)
