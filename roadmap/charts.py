"""Pure chart functions: a DataFrame and the language catalogue `t` in, a Plotly figure out. No Streamlit, no I/O."""
from __future__ import annotations

from datetime import date
from types import ModuleType

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from loaders.groups import group_key as _key

# One colour per group and per funding class, the same on every page.
GROUP_COLOURS = {
    _key("I", 1): "#1f77b4", _key("I", 2): "#e07b00", _key("I", 3): "#2ca02c",
    _key("II", None): "#8c564b", _key("III", None): "#9467bd",
}
EXTRA_GROUP_COLOURS = ("#17becf", "#bcbd22", "#7f7f7f", "#e377c2", "#d62728")
FUNDING_COLOURS = {
    "budget_amount": "#00695c",
    "within_existing_funds": "#4db6ac",
    "extrabudgetary": "#f9a825",
    "not_required": "#b0bec5",
    "unspecified": "#eceff1",
}
BUDGET_COLOURS = {True: "#00695c", False: "#b0bec5"}
WORKLOAD_SCALE = "Blues"
FONT = dict(family="Source Sans Pro, DejaVu Sans, sans-serif", size=13)


def group_colour(group_key: str) -> str:
    if group_key in GROUP_COLOURS:
        return GROUP_COLOURS[group_key]
    return EXTRA_GROUP_COLOURS[sum(map(ord, group_key)) % len(EXTRA_GROUP_COLOURS)]


def _layout(fig: go.Figure, t: ModuleType, height: int, **kwargs) -> go.Figure:
    fig.update_layout(
        height=height, font=FONT, margin=dict(l=10, r=10, t=30, b=10), separators=t.PLOTLY_SEPARATORS,
        hoverlabel=dict(align="left"), **kwargs,
    )
    return fig


def _wrap(text: str, width: int = 70) -> str:
    """Hover text broken into lines (Plotly does not wrap); the full text is kept."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(_escape(x) for x in lines)


def _escape(text: str) -> str:
    # Plotly renders a subset of HTML in hover and labels; decree text must stay plain text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def funding_by_group(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    labels = [t.group_label(k) for k in df.group_key]
    fig = go.Figure(
        go.Bar(
            x=df.cost_thousand_kzt, y=labels, orientation="h",
            marker_color=[group_colour(k) for k in df.group_key],
            text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
            customdata=list(zip([_wrap(n) for n in df.group_name], df.measures, df.budget_measures)),
            hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.COL_COST + ": %{x:,.1f}<br>"
            + t.COL_MEASURES + ": %{customdata[1]} (" + t.COL_BUDGET_MEASURES.lower()
            + ": %{customdata[2]})<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t.COL_COST, tickformat=",.0f")
    return _layout(fig, t, 300)


def budget_split(df: pd.DataFrame, value: str, *, t: ModuleType) -> go.Figure:
    """Donut of measures with a budget amount vs the rest, by count or by amount."""
    labels = [t.BUDGET_SPLIT[bool(b)] for b in df.has_budget_amount]
    values = df[value]
    fig = go.Figure(
        go.Pie(
            labels=labels, values=values, hole=0.55, sort=False,
            marker_colors=[BUDGET_COLOURS[bool(b)] for b in df.has_budget_amount],
            texttemplate="%{value:,.0f}<br>%{percent}" if value == "measures" else "%{value:,.1f}<br>%{percent}",
            hovertemplate="%{label}: %{value:,.1f}<extra></extra>",
        )
    )
    return _layout(fig, t, 300, legend=dict(orientation="h", y=-0.1))


def funding_classes(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=df.measures, y=[t.FUNDING_CLASSES[c] for c in df.funding_class], orientation="h",
            marker_color=[FUNDING_COLOURS[c] for c in df.funding_class], marker_line_color="#90a4ae",
            marker_line_width=1, text=df.measures, textposition="auto", textangle=0,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t.COL_MEASURES)
    return _layout(fig, t, 260)


def years_side_by_side(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """The loaded roadmaps compared: per year, measures (left) and estimated amounts (right), each bar stacked
    by funding class (columns of views/by_year.sql)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=(t.COL_MEASURES, t.COL_COST), horizontal_spacing=0.12)
    years = [str(y) for y in sorted(df.roadmap_year.unique())]
    per_class = df.groupby(["funding_class", "roadmap_year"], as_index=False)[["measures", "cost_thousand_kzt"]].sum()
    for funding_class in [c for c in FUNDING_COLOURS if c in set(per_class.funding_class)]:
        part = per_class[per_class.funding_class == funding_class]
        for column, value in ((1, "measures"), (2, "cost_thousand_kzt")):
            fig.add_trace(go.Bar(
                x=[str(y) for y in part.roadmap_year], y=part[value], name=t.FUNDING_CLASSES[funding_class],
                marker_color=FUNDING_COLOURS[funding_class], legendgroup=funding_class, showlegend=column == 1,
                hovertemplate="%{x}: %{y:,.1f}<extra>" + _escape(t.FUNDING_CLASSES[funding_class]) + "</extra>"
                if value == "cost_thousand_kzt" else "%{x}: %{y}<extra>" + _escape(t.FUNDING_CLASSES[funding_class])
                + "</extra>",
            ), row=1, col=column)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=years)
    return _layout(fig, t, 360)


def measure_labels(df: pd.DataFrame, t: ModuleType) -> list[str]:
    """ "№ 29" for each measure; "2021 · № 29" when the measures come from several roadmaps, whose numbers
    each start from 1."""
    if "roadmap_year" not in df.columns or df.roadmap_year.nunique() < 2:
        return [t.measure(int(n)) for n in df.measure_no]
    return [t.measure(int(n), int(y)) for n, y in zip(df.measure_no, df.roadmap_year)]


def ranked_costs(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    labels = measure_labels(df, t)
    fig = go.Figure(
        go.Bar(
            x=df.cost_thousand_kzt, y=labels, orientation="h",
            marker_color=[group_colour(k) for k in df.group_key],
            text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
            customdata=list(zip([_wrap(title) for title in df.title], [t.group_label(k) for k in df.group_key])),
            hovertemplate="<b>%{y}</b> · %{customdata[1]}<br>%{customdata[0]}<br>" + t.COL_COST
            + ": %{x:,.1f}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.COL_COST, tickformat=",.0f")
    return _layout(fig, t, max(260, 28 * len(df) + 80))


def cost_treemap(df: pd.DataFrame, groups: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Group → measure tiles for the measures in `df` (the largest amounts); whatever of a group's total
    they leave out is one more tile, so every group keeps its true size however many were left out.

    groups: per group key, `cost_thousand_kzt` and `budget_measures` over all filtered measures.
    """
    groups = groups[groups.budget_measures > 0].sort_values("group_order")
    shown = df.groupby("group_key").agg(cost=("cost_thousand_kzt", "sum"), n=("measure_no", "size"))
    ids, labels, parents, values, hover, colours = [], [], [], [], [], []
    rest = []
    for g in groups.itertuples():
        shown_cost = float(shown.cost.get(g.group_key, 0.0))
        left_out = int(g.budget_measures) - int(shown.n.get(g.group_key, 0))
        # The group's sum minus the shown amounts; never negative, which float rounding could make it.
        other = max(float(g.cost_thousand_kzt) - shown_cost, 0.0) if left_out > 0 else 0.0
        ids.append(f"g:{g.group_key}")
        labels.append(t.group_label(g.group_key))
        parents.append("")
        values.append(shown_cost + other)  # "total" branch values: a parent is exactly the sum of its tiles
        hover.append(t.group_label(g.group_key))
        colours.append(group_colour(g.group_key))
        if other > 0:
            rest.append((g.group_key, left_out, other))
    measures = measure_labels(df, t)
    ids += [f"m:{n}" if label == t.measure(int(n)) else f"m:{label}" for n, label in zip(df.measure_no, measures)]
    ids += [f"o:{k}" for k, _, _ in rest]
    labels += measures + [t.TREEMAP_OTHER.format(n=n) for _, n, _ in rest]
    parents += [f"g:{k}" for k in df.group_key] + [f"g:{k}" for k, _, _ in rest]
    values += list(df.cost_thousand_kzt) + [v for _, _, v in rest]
    hover += [_wrap(title) for title in df.title] + [t.TREEMAP_OTHER.format(n=n) for _, n, _ in rest]
    colours += [group_colour(k) for k in df.group_key] + [group_colour(k) for k, _, _ in rest]
    fig = go.Figure(
        go.Treemap(
            ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
            marker_colors=colours, customdata=hover,
            texttemplate="<b>%{label}</b><br>%{value:,.1f}",
            hovertemplate="<b>%{label}</b><br>%{customdata}<br>" + t.COL_COST + ": %{value:,.1f}<extra></extra>",
        )
    )
    return _layout(fig, t, 420)


def workload(df: pd.DataFrame, full_names: dict[str, str] | None = None, *, t: ModuleType) -> go.Figure:
    names = [_escape((full_names or {}).get(e, e)) for e in df.executor]
    fig = go.Figure(
        go.Bar(
            x=df.measures, y=df.executor, orientation="h", marker_color="#1f77b4",
            text=df.measures, textposition="auto", textangle=0,
            customdata=list(zip(names, [t.number(v, 1) for v in df.cost_thousand_kzt])),
            hovertemplate="<b>%{customdata[0]}</b><br>" + t.COL_MEASURES + ": %{x}<br>"
            + t.COL_COST + ": %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.COL_MEASURES)
    return _layout(fig, t, max(220, 26 * len(df) + 80))


def executor_matrix(df: pd.DataFrame, executor_order: list[str], *, t: ModuleType) -> go.Figure:
    groups = df.drop_duplicates("group_key").sort_values("group_order").group_key.tolist()
    pivot = df.pivot_table(index="executor", columns="group_key", values="measures", aggfunc="sum", fill_value=0)
    pivot = pivot.reindex(index=[e for e in executor_order if e in pivot.index], columns=groups, fill_value=0)
    fig = go.Figure(
        go.Heatmap(
            z=pivot.values, x=[t.group_label(g) for g in pivot.columns], y=list(pivot.index),
            colorscale=WORKLOAD_SCALE, text=pivot.values, texttemplate="%{text}", xgap=2, ygap=2,
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>", colorbar=dict(title=t.COL_MEASURES),
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top")
    return _layout(fig, t, max(300, 24 * len(pivot) + 120))


def region_map(workload_by_region: dict[str, int], shapes: list[tuple[str, list[list[tuple[float, float]]]]],
               points: list[tuple[str, float, float]], *, t: ModuleType) -> go.Figure:
    """Regions as filled shapes on plain axes, so the map needs nothing from the network.

    shapes: (region name, rings of (lon, lat)); points: (region name, lon, lat) for cities drawn as markers.
    A region with neither (one created after the boundaries were drawn, or renamed) is listed with its
    count under the map, never dropped.
    """
    import plotly.colors as pc

    values = list(workload_by_region.values()) or [0]
    top = max(max(values), 1)
    scale = pc.get_colorscale(WORKLOAD_SCALE)

    def colour(n: int) -> str:
        return pc.sample_colorscale(scale, [min(1.0, 0.08 + 0.92 * n / top)])[0] if n else "#f2f2f2"

    # Traces and labels are collected first and handed to the figure at once: adding them one by one
    # re-validates the growing figure each time, which made this map the slowest chart of the app.
    traces = []
    for name, rings in shapes:
        n = workload_by_region.get(name, 0)
        for ring in rings:
            lon, lat = zip(*ring)
            traces.append(go.Scatter(
                x=lon, y=lat, fill="toself", mode="lines", line=dict(color="#ffffff", width=1),
                fillcolor=colour(n), hoveron="fills", name=name, showlegend=False,
                text=f"{_escape(name)}: {n}", hoverinfo="text",
            ))
    for name, lon, lat in points:
        n = workload_by_region.get(name, 0)
        traces.append(go.Scatter(
            x=[lon], y=[lat], mode="markers", showlegend=False, name=name,
            marker=dict(size=14, color=colour(n), line=dict(color="#333333", width=1.5)),
            text=f"{_escape(name)}: {n}", hoverinfo="text",
        ))
    # An invisible trace carries the colour bar for the whole scale.
    traces.append(go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(colorscale=WORKLOAD_SCALE, cmin=0, cmax=top, color=[0], showscale=True,
                    colorbar=dict(title=t.COL_MEASURES)),
    ))
    annotations = [
        dict(x=label_lon, y=label_lat, text=str(workload_by_region.get(name, 0)), showarrow=False,
             font=dict(size=12, color="#111111"))
        for name, label_lon, label_lat in _label_positions(shapes, points)
    ]
    undrawn = unmapped_regions(workload_by_region, shapes, points)
    if undrawn:
        annotations.append(dict(
            x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top", yshift=-6, showarrow=False,
            align="left", font=dict(size=12, color="#333333"),
            text=_escape(t.MAP_NOT_DRAWN.format(regions=", ".join(f"{name}: {n}" for name, n in undrawn))),
        ))
    fig = go.Figure(data=traces, layout=dict(annotations=annotations))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1.55)
    _layout(fig, t, 460, plot_bgcolor="#ffffff")
    if undrawn:
        fig.update_layout(margin_b=40)
    return fig


def unmapped_regions(workload_by_region: dict[str, int], shapes, points) -> list[tuple[str, int]]:
    """The regions of the data that the map has no shape or point for, with their counts."""
    drawn = {name for name, _ in shapes} | {name for name, _, _ in points}
    return [(name, n) for name, n in workload_by_region.items() if name not in drawn]


def _label_positions(shapes, points):
    for name, rings in shapes:
        ring = max(rings, key=len)
        lon, lat = zip(*ring)
        yield name, sum(lon) / len(lon), sum(lat) / len(lat)
    for name, lon, lat in points:
        yield name, lon, lat - 0.9


def gantt(df: pd.DataFrame, reporting_dates: list[date], as_of: date | None, *, t: ModuleType) -> go.Figure:
    """One bar per measure from the start to the end of its deadline window, grouped and coloured by group."""
    fig = go.Figure()
    df = df.sort_values(["group_order", "deadline_start", *(["roadmap_year"] if "roadmap_year" in df else []),
                         "measure_no"])
    order = measure_labels(df, t)
    label_of = dict(zip(df.index, order))
    for key, part in df.groupby("group_key", sort=False):
        start = pd.to_datetime(part.deadline_start)
        end = pd.to_datetime(part.deadline_end) + pd.Timedelta(days=1)
        fig.add_trace(go.Bar(
            base=start, x=(end - start).dt.total_seconds() * 1000,
            y=[label_of[i] for i in part.index],
            orientation="h", name=t.group_label(key), marker_color=group_colour(key),
            customdata=list(zip([_wrap(title) for title in part.title], part.deadline_raw.map(_escape))),
            hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        ))
    return _timeline_axes(fig, order, reporting_dates, as_of, max(320, 18 * len(df) + 120), len(df), t=t)


def gantt_windows(df: pd.DataFrame, reporting_dates: list[date], as_of: date | None, *, t: ModuleType) -> go.Figure:
    """The Gantt for more measures than bars can show: one bar per group and deadline window, with the
    number of its measures on it (columns group_key, group_order, deadline_start, deadline_end, measures)."""
    fig = go.Figure()
    df = df.sort_values(["group_order", "deadline_start", "deadline_end"])

    def labels(part: pd.DataFrame) -> list[str]:
        return [f"{t.group_label(k)} · {pd.Timestamp(a).strftime(t.DATE_TICKFORMAT)}–"
                f"{pd.Timestamp(b).strftime(t.DATE_TICKFORMAT)}"
                for k, a, b in zip(part.group_key, part.deadline_start, part.deadline_end)]

    for key, part in df.groupby("group_key", sort=False):
        start = pd.to_datetime(part.deadline_start)
        end = pd.to_datetime(part.deadline_end) + pd.Timedelta(days=1)
        fig.add_trace(go.Bar(
            base=start, x=(end - start).dt.total_seconds() * 1000, y=labels(part),
            orientation="h", name=t.group_label(key), marker_color=group_colour(key),
            text=part.measures, textposition="inside", insidetextanchor="middle", customdata=part.measures,
            hovertemplate="<b>%{y}</b><br>" + t.COL_MEASURES + ": %{customdata}<extra></extra>",
        ))
    return _timeline_axes(fig, labels(df), reporting_dates, as_of, max(320, 22 * len(df) + 120), len(df), t=t)


def _timeline_axes(fig: go.Figure, order: list[str], reporting_dates: list[date], as_of: date | None,
                   height: int, bars: int, *, t: ModuleType) -> go.Figure:
    for index, when in enumerate(reporting_dates):
        fig.add_vline(x=pd.Timestamp(when).timestamp() * 1000, line=dict(color="#c62828", dash="dot", width=1.5))
        # Reporting dates come in pairs ten days apart: alternate label rows so they do not overlap.
        fig.add_annotation(x=pd.Timestamp(when), y=1.0, yref="paper", yshift=16 * (index % 2),
                           text=f"{t.short_date(when)} {t.TIMELINE_REPORTING}",
                           showarrow=False, yanchor="bottom", font=dict(size=11, color="#c62828"))
    if as_of:
        fig.add_vline(x=pd.Timestamp(as_of).timestamp() * 1000, line=dict(color="#212121", width=2))
    fig.update_yaxes(autorange="reversed", type="category", categoryorder="array", categoryarray=order)
    fig.update_xaxes(type="date", tickformat=t.DATE_TICKFORMAT)
    return _layout(fig, t, height, barmode="overlay", legend=dict(orientation="h", y=-0.08 if bars > 20 else -0.2))


def deadlines_by_month(df: pd.DataFrame, quarters: bool = False, *, t: ModuleType) -> go.Figure:
    def label(m) -> str:
        return t.quarter(m) if quarters else t.month_year(m)

    fig = go.Figure()
    for key, part in df.groupby("group_key", sort=False):
        months = pd.to_datetime(part.month)
        fig.add_trace(go.Bar(
            x=[label(m) for m in months], y=part.measures,
            name=t.group_label(key), marker_color=group_colour(key),
            hovertemplate="%{x}: %{y}<extra>" + t.group_label(key) + "</extra>",
        ))
    all_months = sorted(pd.to_datetime(df.month).unique())
    fig.update_xaxes(type="category", categoryorder="array",
                     categoryarray=[label(m) for m in pd.to_datetime(all_months)])
    fig.update_yaxes(title=t.COL_MEASURES)
    return _layout(fig, t, 320, barmode="stack", legend=dict(orientation="h", y=-0.2))
