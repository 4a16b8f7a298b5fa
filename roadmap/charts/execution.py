"""The Execution page's figures: status by direction and by executor, estimated against spent."""
from __future__ import annotations

from types import ModuleType

import pandas as pd
import plotly.graph_objects as go

from reporting.vocabulary import MEASURE_STATUSES

from .common import (
    _escape,
    _whole_figure,
)

STATUS_COLOURS = {
    "done": "#009e73",
    "in_progress": "#0072b2",
    "not_started": "#e69f00",
    "not_done": "#d55e00",
    "not_reported": "#c4c4c4",
}


def _status_bars(df: pd.DataFrame, category: str, labels: dict[str, str], *, t: ModuleType,
                 customdata: list | None = None, hover_name: str = "%{y}") -> list[dict]:
    """One horizontal bar trace per status (stacked), over the categories in `labels` (their order); the
    hover names each bar by `hover_name`."""
    counts = df.pivot_table(index=category, columns="status", values="measures", aggfunc="sum", fill_value=0)
    order = list(labels)
    traces = []
    for status in MEASURE_STATUSES:
        if status not in counts:
            continue
        values = [int(counts[status].get(c, 0)) for c in order]
        traces.append(dict(
            type="bar", y=[labels[c] for c in order], x=values, name=t.STATUS_NAMES[status], orientation="h",
            marker_color=STATUS_COLOURS[status], text=[v or "" for v in values], textposition="inside",
            insidetextanchor="middle", customdata=customdata,
            hovertemplate=f"<b>{hover_name}</b><br>" + _escape(t.STATUS_NAMES[status]) + ": %{x}<extra></extra>",
        ))
    return traces


def _category_bars(traces: list[dict], t: ModuleType, height: int, axis_title: str,
                   barmode: str = "stack") -> go.Figure:
    """The Execution page's bars: categories down the side in their order, the legend in a row above."""
    return _whole_figure(traces, t, height, margin=dict(t=60), barmode=barmode,
                         legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", traceorder="normal"),
                         yaxis=dict(autorange="reversed", type="category"), xaxis=dict(title=axis_title))


def status_by_group(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """The measures of each direction by their status in the chosen round (stacked)."""
    groups = df.drop_duplicates("group_key").sort_values("group_order")
    labels = {k: t.group_label(k) for k in groups.group_key}
    bars = _status_bars(df, "group_key", labels, t=t, customdata=list(groups.group_key))
    return _category_bars(bars, t, max(220, 40 * len(labels) + 120), t.COL_MEASURES)


def status_by_executor(df: pd.DataFrame, full_names: dict[str, str] | None = None, *,
                       t: ModuleType) -> go.Figure:
    """Each executor's measures by the status it reported itself (stacked); executors with the most
    measures not reported first, since those are whom the ministry calls."""
    totals = df.groupby("executor").measures.sum()
    missing = df[df.status == "not_reported"].groupby("executor").measures.sum().reindex(totals.index, fill_value=0)
    order = sorted(totals.index, key=lambda e: (-missing[e], -totals[e], e))
    labels = {e: e for e in order}
    names = [_escape((full_names or {}).get(e) or e) for e in order]
    bars = _status_bars(df, "executor", labels, t=t, customdata=names, hover_name="%{customdata}")
    return _category_bars(bars, t, max(240, 24 * len(order) + 120), t.COL_MEASURES)


def estimated_vs_spent(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Per direction: the decree's estimated amount beside what the executors report spent (million tenge)."""
    labels = [t.group_label(k) for k in df.group_key]
    estimated = df.cost_thousand_kzt / 1000
    spent = df.spent_thousand_kzt / 1000
    bars = [
        dict(type="bar", y=labels, x=amounts, name=name, orientation="h", marker_color=colour,
             text=[t.number(v, 1) for v in amounts], textposition="auto",
             hovertemplate="<b>%{y}</b><br>" + _escape(name) + ": %{text}<extra></extra>")
        for amounts, name, colour in ((estimated, t.EXEC_ESTIMATED, "#9ecae1"), (spent, t.EXEC_SPENT, "#08519c"))]
    return _category_bars(bars, t, max(240, 60 * len(labels) + 120), t.EXEC_AMOUNT_AXIS, barmode="group")
