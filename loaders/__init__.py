"""Turn a roadmap decree's PDF-to-text extraction into typed records.

Pipeline: source text -> layout blocks (sections, directions, measures) -> column cells
-> normalised records -> validation -> parquet.  Nothing here imports streamlit.
"""
