"""How much of an untrusted report file is ever read, and what a report may hold.

A report is read inside the one server process every session shares, so each bound is what a real
template could need, never what a file declares: a file past a bound is refused before the work it
would cause.  ``make bench`` (bench/hostile.py) measures each hostile kind against a valid template.
"""
from __future__ import annotations

COMMENT_MAX = 2000  # characters of a comment
MAX_PROBLEMS = 200  # problems listed, then one line counting the rest
ECHO_MAX = 100  # characters of an offending value quoted in a problem

# The file: the page's uploader and Streamlit's own upload endpoint (.streamlit/config.toml
# server.maxUploadSize, held equal by a test) take no more; the CLI reads at most one byte more.
MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024

# An XLSX is a zip: every part is read through zipfile, which stops at the size the zip declares.
MAX_UNPACKED_BYTES = 32 * 1024 * 1024  # all parts together
MAX_PART_BYTES = 16 * 1024 * 1024  # one sheet or the shared-string table, unpacked
MAX_OTHER_PART_BYTES = 2 * 1024 * 1024  # any other part (styles, the workbook's list): a template's are ~10 KB
MAX_PARTS = 1000  # parts in the zip: a template has ten
MAX_SHEETS = 16  # a template has two
MAX_SHARED_STRINGS = 100_000  # a template of a thousand measures has a few thousand

# The sheet: only the columns and rows a template can hold are read.
MAX_COLUMNS = 16  # the template's seven, a CSV's identity columns, a few of the user's own
HEADER_SCAN_ROWS = 20  # the heading row is among these
EXTRA_ROWS = 100  # filled rows beyond the executor's measures still read (to name duplicates) before giving up
EXCEL_CELL_MAX = 32_767  # characters Excel itself lets a cell hold: a longer cell is not from a spreadsheet
MAX_ROWS = 100_000  # the last row a sheet may use, and the lines of a CSV
MAX_CELLS = 200_000  # cells an XLSX sheet may declare, blank ones included
MAX_CELLS_PER_ROW = 16_384  # cells one row may declare: Excel's columns, A to XFD (a whole formatted row)
