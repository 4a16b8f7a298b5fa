"""What the pages ask, cached per filter combination: the query layer's one API (RoadmapDB.filtered)
behind st.cache_data, bounded so that odd URLs cannot grow the cache without limit."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from roadmap import config
from roadmap.filters import Filters

from .data import database

_cache = st.cache_data(max_entries=config.QUERY_CACHE_ENTRIES, show_spinner=False,
                       hash_funcs={Filters: Filters.cache_key})


@_cache
def _query(name: str, filters: Filters, extra: tuple[tuple[str, object], ...], reports: str) -> pd.DataFrame:
    # `reports` only keys the cache: should a submission arrive between the key and the query, the answer is
    # the newer one, and the next rerun asks under the newer key.
    return database().filtered(name, filters, **dict(extra))


def reports_state():
    """The executors' report log now (re-read when its files change, RoadmapDB.report_state)."""
    return database().report_state()


def query(name: str, filters: Filters, **extra: object) -> pd.DataFrame:
    """sql/views/<name>.sql over the filtered measures, cached by the filter values, the extra parameters and
    the state of the report log (a new submission is a new key, so no page shows a status from before it)."""
    return _query(name, filters, tuple(sorted(extra.items())), reports_state().version)


def kpis(filters: Filters) -> dict:
    return query("kpis", filters).iloc[0].to_dict()


@_cache
def source_text(year: int, measure_no: int) -> str:
    """The decree's own lines for one measure (its roadmap year and number)."""
    found = database().plain("source_text", {"year": year, "measure_no": measure_no})
    return found.source_text.iloc[0] if len(found) else ""


def clear() -> None:
    """Forget every cached answer (tests and the benchmark start from a cold cache)."""
    _query.clear()
    source_text.clear()
