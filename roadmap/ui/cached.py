"""What the pages ask, cached per filter combination: the query layer's one API (RoadmapDB.filtered)
behind st.cache_data, bounded so that odd URLs cannot grow the cache without limit."""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from types import FunctionType, ModuleType

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from roadmap import config
from roadmap.filters import Filters
from roadmap.queries import ReportState

from .data import database

_cache = st.cache_data(max_entries=config.QUERY_CACHE_ENTRIES, show_spinner=False,
                       hash_funcs={Filters: Filters.cache_key})


@_cache
def _query(name: str, filters: Filters, extra: tuple[tuple[str, object], ...], reports: str,
           _state: ReportState) -> pd.DataFrame:
    # `reports` (the state's version) keys the cache; `_state` itself is not hashed, only answered for.
    return database().filtered(name, filters, state=_state, **dict(extra))


_PINNED = "roadmap_reports_state"


def pin_reports_state() -> None:
    """Once at the start of every run: each query of the run answers for this one state of the report log,
    so that no page shows counts from before a submission beside coverage from after it."""
    st.session_state[_PINNED] = database().report_state()


def reports_state() -> ReportState:
    """The state of the executors' report log this run answers for (pinned at its start), else the latest."""
    return st.session_state.get(_PINNED) or database().report_state()


def query(name: str, filters: Filters, **extra: object) -> pd.DataFrame:
    """sql/views/<name>.sql over the filtered measures, cached by the filter values, the extra parameters and
    the state of the report log (a new submission is a new key, so no page shows a status from before it)."""
    state = reports_state()
    return _query(name, filters, tuple(sorted(extra.items())), state.version, state)


def kpis(filters: Filters) -> dict:
    return query("kpis", filters).iloc[0].to_dict()


def measure_count(filters: Filters) -> int:
    """How many measures the filters keep, in the state of the log this run answers for: no query of its own
    (RoadmapDB.count), so the sidebar's «Показано N из M» and a page's total cost nothing beyond the views."""
    return database().count(filters, reports_state())


@_cache
def source_text(year: int, measure_no: int) -> str:
    """The decree's own lines for one measure (its roadmap year and number)."""
    found = database().plain("source_text", {"year": year, "measure_no": measure_no})
    return found.source_text.iloc[0] if len(found) else ""


def _frame_digest(frame: pd.DataFrame) -> bytes:
    """A frame's content in one C call: Streamlit's own hash walks it column by column, 1.2-1.6 ms even for a
    5-row answer, paid for every frame of every figure on every rerun; its pickle takes 0.05-0.15 ms.  Equal
    bytes are equal frames.  The pickler keeps no memo ("fast" mode): with one, an answer fresh from DuckDB
    and its copy from st.cache_data pickle differently (which objects pandas' own state shares differs, even
    in frames with no text column), and each would build its figure twice.  Fast mode cannot pickle a
    reference cycle; no frame a page hands a figure (an answer, or rows of one) holds any."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(frame)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


# A figure's inputs are the answers above (already cached per filter combination), the catalogue (by its name:
# its texts never change in a process), and the builder (by where it is defined).
@st.cache_resource(max_entries=config.FIGURE_CACHE_ENTRIES, show_spinner=False,
                   hash_funcs={ModuleType: lambda m: m.__name__,
                               FunctionType: lambda f: (f.__module__, f.__qualname__, f.__code__.co_filename),
                               pd.DataFrame: _frame_digest})
def _figure(build: Callable[..., go.Figure], args: tuple, kwargs: tuple) -> go.Figure:
    return build(*args, **dict(kwargs))


def figure(build: Callable[..., go.Figure], *args: object, **kwargs: object) -> go.Figure:
    """build(*args, **kwargs), built once per distinct input and then shared by every rerun and session that
    asks for the same: building a Plotly figure (its validation) was most of a chart page's run.  The figure is
    shared, not copied: st.plotly_chart only reads it, and nothing else may change it."""
    return _figure(build, args, tuple(sorted(kwargs.items())))


def clear() -> None:
    """Forget every cached answer and figure (tests and the benchmark start from a cold cache).  The database's own
    kept rows are forgotten apart (RoadmapDB.forget, by whoever holds the database meant): reaching for database()
    here would open one, and a test's teardown that clears the database under a patched configuration then left a
    database of that configuration behind for every later test."""
    _query.clear()
    source_text.clear()
    _figure.clear()
