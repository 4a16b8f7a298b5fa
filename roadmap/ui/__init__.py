"""Streamlit glue, one module per job: the cached database, the filter panel and its link, the downloads."""
