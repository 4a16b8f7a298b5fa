"""What `streamlit run server.py` (and `make run`) serves: the dashboard (dashboard.py) and, in the same
process, its downloads at stable links (/export/…, roadmap/routes.py).  The routes share the app's one
cached database, so a download reads exactly the data the pages show."""
import streamlit as st

from roadmap.routes import routes
from roadmap.ui.data import database

app = st.App("dashboard.py", routes=routes(database))
