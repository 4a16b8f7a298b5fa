"""Charts that filter when clicked (cross-filtering): a click sets the same link-bound filter the sidebar
sets, so the sidebar shows it, the link reproduces it, the reset clears it and every chart, KPI and
download follows; a click on the chosen item again clears it.

Plotly's selection is reset whenever the figure changes (its widget id includes the figure), and the
figure changes as soon as the filter does: so the click is copied into the filter's own state in the
on_select callback, before the rerun draws the panel."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

import plotly.graph_objects as go
import streamlit as st

from .data import database

# A point's customdata → (filter key, value); None when the point stands for nothing to filter by.
Click = Callable[[list], tuple[str, str] | None]


def by(filter_key: str) -> Click:
    """The filter `filter_key` set to the value a point's customdata ends with."""
    return lambda customdata: (filter_key, customdata[-1])


def by_kind(customdata: list) -> tuple[str, str] | None:
    """An executor (customdata ends with its kind and name): the ministry or akimat filter."""
    kind, name = customdata[-2], customdata[-1]
    return (kind, name) if kind in ("ministry", "akimat") else None  # an executor's kind is its filter's key


def chart(fig: go.Figure, key: str, click: Click, **kwargs) -> None:
    """A Plotly chart whose points filter the dashboard when clicked."""
    st.plotly_chart(fig, key=key, on_select=partial(_apply, key, click), selection_mode="points", **kwargs)


def _apply(chart_key: str, click: Click) -> None:
    points = st.session_state[chart_key]["selection"]["points"]
    chosen = [click(p["customdata"]) for p in points if p.get("customdata")]
    chosen = [c for c in chosen if c]
    remembered = f"{chart_key}__chosen"
    if not chosen:
        # A click on the point Plotly still shows as selected deselects it and reports nothing: that happens
        # when the filter left the figure unchanged, so the point chosen last is the one clicked again.
        if remembered in st.session_state:
            key, value = st.session_state.pop(remembered)
            st.session_state[key] = [v for v in st.session_state.get(key) or [] if v != value]
        return
    key, value = chosen[0]
    if value not in database().options.choices.get(key, ()):
        return  # a stale or forged point: only known values become filters, as from a link
    current = list(st.session_state.get(key) or [])
    if value in current:
        st.session_state[key] = [v for v in current if v != value]
        st.session_state.pop(remembered, None)
    else:
        st.session_state[key] = [value]
        st.session_state[remembered] = (key, value)


_OPEN_MEASURE = "roadmap_open_measure"


def opens_measure(chart_key: str) -> Callable[[], None]:
    """An on_select callback: a click on a measure (customdata ends with its year and number) opens its
    detail on the measure page, at a link of its own."""
    def callback() -> None:
        points = st.session_state[chart_key]["selection"]["points"]
        picked = [p["customdata"][-2:] for p in points if isinstance(p.get("customdata"), list)
                  and len(p["customdata"]) >= 2]
        if picked:
            year, number = int(picked[0][0]), int(picked[0][1])
            st.session_state[_OPEN_MEASURE] = (year, number)
            if len(database().decrees) > 1:  # the measure's roadmap, so that the measure page has it in view
                st.session_state["year"] = [str(year)]
    return callback


def measure_chart(fig: go.Figure, key: str, **kwargs) -> None:
    """A Plotly chart of measures whose bars open a measure's detail when clicked."""
    st.plotly_chart(fig, key=key, on_select=opens_measure(key), selection_mode="points", **kwargs)


def open_measure_if_asked() -> None:
    """Called by the entry script after the panel: switches to the measure page if a click asked for it
    (a callback may not switch pages itself)."""
    if _OPEN_MEASURE not in st.session_state:
        return
    year, number = st.session_state.pop(_OPEN_MEASURE)
    params = {key: st.query_params.get_all(key) for key in st.query_params if key != "measure"}
    several = len(database().decrees) > 1
    if several:
        params["year"] = [str(year)]
    link = f"{year}-{number}" if several else str(number)
    st.switch_page("app_pages/measures.py", query_params={**params, "measure": link})
