"""Entry point: page setup, the shared filter panel and downloads, and navigation to the pages.

Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
Streamlit's legacy multipage mode, and a deep link then runs the page without this script.
"""
import streamlit as st

from roadmap import app, config

t = app.language_switch()
st.set_page_config(page_title=t.APP_TITLE, page_icon=str(config.FAVICON), layout="wide")

db = app.open_database_or_stop()
filters = app.filter_panel(db)
app.downloads(filters)

navigation = st.navigation([
    st.Page("app_pages/overview.py", title=t.PAGE_OVERVIEW, icon=":material/dashboard:", default=True),
    st.Page("app_pages/funding.py", title=t.PAGE_FUNDING, icon=":material/payments:", url_path="funding"),
    st.Page("app_pages/executors.py", title=t.PAGE_EXECUTORS, icon=":material/groups:", url_path="executors"),
    st.Page("app_pages/timeline.py", title=t.PAGE_TIMELINE, icon=":material/event:", url_path="timeline"),
    st.Page("app_pages/measures.py", title=t.PAGE_MEASURES, icon=":material/list:", url_path="measures"),
])
navigation.run()
