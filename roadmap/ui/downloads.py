"""The sidebar's downloads: links to the app's own export routes for exactly the current view."""
from __future__ import annotations

from html import escape

import streamlit as st

from roadmap.filters import Filters
from roadmap.routes import export_url

from .panel import current_view, texts

# Links that look like the app's buttons: what they do is download, whatever element they are.
_DOWNLOAD_CSS = """
a.roadmap-download { display: inline-block; padding: 0.3rem 0.8rem; border: 1px solid rgba(49, 51, 63, 0.3);
  border-radius: 0.5rem; color: inherit; text-decoration: none; background: #fff; }
a.roadmap-download::before { content: "\\2193\\00a0"; }
a.roadmap-download:hover, a.roadmap-download:focus-visible { border-color: currentColor; text-decoration: underline; }
/* Every page draws this sidebar, so this block also holds the app-wide rule for captions: Streamlit greys them
   with opacity 0.6 (3.9:1 on white, under the 4.5:1 of WCAG AA); 0.72 gives 5.6:1 on white and 5.4:1 on the
   sidebar, still lighter than body text, in either theme. */
div[data-testid="stCaptionContainer"] { opacity: 0.72; }
"""


def downloads(filters: Filters) -> None:
    """Links to the CSV, XLSX, JSON and the printable brief of exactly the filtered measures.  They are
    plain links to the app's own export routes (roadmap/routes.py): nothing is built during a rerun, the
    file is made when the link is followed, and the same link works from Excel, a script or curl."""
    t = texts()
    view = current_view(filters)
    links = [("download_csv", "measures.csv", t.DOWNLOAD_CSV, ""),
             ("download_xlsx", "measures.xlsx", t.DOWNLOAD_XLSX, ""),
             ("download_json", "measures.json", t.DOWNLOAD_JSON, t.DOWNLOAD_JSON_HELP),
             ("download_brief", "brief.html", t.BRIEF_DOWNLOAD, t.BRIEF_HELP)]
    with st.sidebar:
        st.subheader(t.DOWNLOADS_HEADER)
        st.html(f"<style>{_DOWNLOAD_CSS}</style>")
        # The element keys give each link a stable CSS class (st-key-download_csv …) for tests and styling.
        for key, name, label, help_text in links:
            with st.container(key=key):
                title = f' title="{escape(help_text, quote=True)}"' if help_text else ""
                st.markdown(
                    f'<a class="roadmap-download" href="{escape(export_url(name, view), quote=True)}" download{title}>'
                    f"{escape(label)}</a>", unsafe_allow_html=True)
        st.caption(t.DOWNLOADS_NOTE)
        st.caption(t.DATA_LANGUAGE_NOTE)
