"""What several test modules share, so that none imports another: the pages and how to run one in AppTest,
Plotly's encoded arrays, and the one reference answer to "which measures does this filter keep" (the
plain pandas filter of testing/naive.py, written independently of the SQL)."""
from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from reporting.decrees import load_roadmap
from reporting.store import store
from reporting.validate import Submission, validate
from roadmap.filters import Filters
from testing import naive
from tests.conftest import ROOT

DATA = ROOT / "data" / "roadmap.parquet"
PAGES = ["app_pages/overview.py", "app_pages/funding.py", "app_pages/executors.py", "app_pages/timeline.py",
         "app_pages/measures.py", "app_pages/execution.py", "app_pages/reports.py"]
# Charts with the bundled data and no executor's report (the execution page draws its charts from reports).
CHARTS = {"app_pages/overview.py": 4, "app_pages/funding.py": 6, "app_pages/executors.py": 4,
          "app_pages/timeline.py": 2, "app_pages/measures.py": 0, "app_pages/execution.py": 0,
          "app_pages/reports.py": 0}


@cache
def reference(path: Path = DATA) -> pd.DataFrame:
    """The dataset as the reference filter reads it (read once per path)."""
    return naive.load(path)


def kept(filters: Filters, path: Path = DATA) -> pd.DataFrame:
    """The measures `filters` keep, by the reference filter: OR within a filter, AND across filters."""
    return naive.filtered(reference(path), filters)


def kept_numbers(filters: Filters, path: Path = DATA) -> list[int]:
    return kept(filters, path).measure_no.astype(int).tolist()


def plotly_values(encoded) -> list:
    """Plotly sends numeric arrays base64-encoded ({"dtype", "bdata"}); plain lists stay lists."""
    if isinstance(encoded, dict) and "bdata" in encoded:
        return np.frombuffer(base64.b64decode(encoded["bdata"]), dtype=encoded["dtype"]).tolist()
    return list(encoded)


def run_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


def comment_for(executor: str, no: int, status: str) -> str:
    """The comment store_csv_report writes: every row gives its information (a «не выполнено» must)."""
    return f"{executor}: о мероприятии {no} ({status})"


def store_csv_report(directory: Path, executor: str, round_, said: dict[int, tuple[str, object]],
                     submitted_at=None, comments: dict[int, str] | None = None):
    """One executor's report for a round, written as the CSV an executor would upload, checked and stored
    the way the Reports page does (reporting.validate, then store).  `said`: measure → (status,
    spent or None), each with comment_for(...) unless `comments` gives the measure's own (a CSV field, so
    no comma or quote in it).  Returns what store returned."""
    measures, decrees = load_roadmap(DATA)
    comments = comments or {}
    text = "measure_no,status,spent_thousand_kzt,comment\n" + "".join(
        f"{no},{status},{'' if spent is None else spent},{comments.get(no, comment_for(executor, no, status))}\n"
        for no, (status, spent) in said.items())
    submission = validate(text.encode(), f"{executor}.csv", measures, decrees, executor, expected_round=round_)
    assert isinstance(submission, Submission), submission
    return store(submission, directory, "test", submitted_at=submitted_at)
