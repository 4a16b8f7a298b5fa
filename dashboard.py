"""The Streamlit script: page setup, the shared filter panel and downloads, and navigation to the pages.
`make run` serves it through server.py, which adds the export routes.

Pages live in app_pages/, not pages/: a folder named pages/ next to the entry script switches on
Streamlit's legacy multipage mode, and a deep link then runs the page without this script.
"""
import streamlit as st

from roadmap import config
from roadmap.ui import cached, clicks, data, downloads, panel, screen, status, style

t = panel.language_switch()
st.set_page_config(page_title=t.APP_TITLE, page_icon=str(config.FAVICON), layout="wide")

style.apply()
screen.probe()  # whether this window is a phone's: the charts that need it are drawn for its width
db = data.open_database_or_stop(t)
cached.pin_reports_state()  # every query of this run answers for one state of the report log
status.warn_if_reports_unreadable()
navigation = st.navigation([
    st.Page("app_pages/overview.py", title=t.PAGE_OVERVIEW, icon=":material/dashboard:", default=True),
    st.Page("app_pages/funding.py", title=t.PAGE_FUNDING, icon=":material/payments:", url_path="funding"),
    st.Page("app_pages/executors.py", title=t.PAGE_EXECUTORS, icon=":material/groups:", url_path="executors"),
    st.Page("app_pages/timeline.py", title=t.PAGE_TIMELINE, icon=":material/event:", url_path="timeline"),
    st.Page("app_pages/measures.py", title=t.PAGE_MEASURES, icon=":material/list:", url_path="measures"),
    st.Page("app_pages/execution.py", title=t.PAGE_EXECUTION, icon=":material/task_alt:", url_path="execution"),
    st.Page("app_pages/reports.py", title=t.PAGE_REPORTS, icon=":material/upload_file:", url_path="reports"),
])
# The measure page owns one link key of its own: the measure whose detail it shows (/measures?measure=29).
filters = panel.filter_panel(db, page_keys=("measure",) if navigation.url_path == "measures" else ())
downloads.downloads(filters)
clicks.open_measure_if_asked()
# Not on the Reports page: a rerun the watcher starts while an upload's submit is on its way can replace the
# run that carries the submit, and the report is silently not stored (seen in the ten-sessions browser test).
if navigation.url_path != "reports":
    status.follow_reports()
navigation.run()
