"""Pure chart functions: a DataFrame and the language catalogue `t` in, a Plotly figure out. No Streamlit, no I/O."""
from __future__ import annotations

from datetime import date
from types import ModuleType

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from loaders.groups import group_key as _key
from loaders.groups import split_key
from loaders.reports import MEASURE_STATUSES

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
# Measures an executor is named in on its own, and those it takes part in as one of "all akimats".
NAMED_COLOUR, COLLECTIVE_COLOUR = "#1f5f99", "#a9c6e3"
WORKLOAD_SCALE = "Blues"
FONT = dict(family="Source Sans Pro, DejaVu Sans, sans-serif", size=13)


def group_colour(group_key: str) -> str:
    group_key = split_key(group_key)[1]  # a direction's colour whatever roadmap it belongs to
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
            customdata=list(zip([_wrap(n) for n in df.group_name], df.measures, df.budget_measures, df.group_key,
                                strict=True)),
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


def funding_by_source(df: pd.DataFrame, full_names: dict[str, str], *, t: ModuleType) -> go.Figure:
    """Estimated amounts per budget (columns source, cost_thousand_kzt, amounts); a NULL source is the
    amounts the decree gives without a budget of their own."""
    labels = [_escape(f"{s} · {full_names.get(s, '')}".rstrip(" ·")) if isinstance(s, str) else t.FUNDING_NO_SOURCE
              for s in df.source]
    fig = go.Figure(go.Bar(
        x=df.cost_thousand_kzt, y=labels, orientation="h", marker_color=NAMED_COLOUR,
        text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
        customdata=list(zip([t.thousand_tenge(v) for v in df.cost_thousand_kzt], df.amounts, strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.FUNDING_SOURCE_AMOUNTS + ": %{customdata[1]}"
                      "<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    fig.update_xaxes(title=t.COL_COST, tickformat=",.0f")
    return _layout(fig, t, max(200, 44 * len(df) + 110))


def funding_classes(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=df.measures, y=[t.FUNDING_CLASSES[c] for c in df.funding_class], orientation="h",
            marker_color=[FUNDING_COLOURS[c] for c in df.funding_class], marker_line_color="#90a4ae",
            marker_line_width=1, text=df.measures, textposition="auto", textangle=0,
            customdata=[[c] for c in df.funding_class], hovertemplate="%{y}: %{x}<extra></extra>",
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


def directions_by_class(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Where the work and the money are: per direction, measures stacked by funding class (left) and the
    estimated amount (right); columns of views/by_group_class.sql.  Each bar's customdata ends with the
    direction's key, for a click to filter by it."""
    groups = df.drop_duplicates("group_key").sort_values("group_order")
    labels = {k: t.group_label(k) for k in groups.group_key}
    order = [labels[k] for k in groups.group_key]
    fig = make_subplots(rows=1, cols=2, subplot_titles=(t.COL_MEASURES, t.COL_COST), shared_yaxes=True,
                        horizontal_spacing=0.04)
    for funding_class in [c for c in FUNDING_COLOURS if c in set(df.funding_class)]:
        part = df[df.funding_class == funding_class]
        fig.add_trace(go.Bar(
            y=[labels[k] for k in part.group_key], x=part.measures, orientation="h",
            name=t.FUNDING_CLASSES[funding_class], marker_color=FUNDING_COLOURS[funding_class],
            marker_line_color="#90a4ae", marker_line_width=0.5, legendgroup=funding_class,
            customdata=list(zip([_wrap(n) for n in part.group_name], part.group_key, strict=True)),
            hovertemplate="<b>%{y}</b> · " + _escape(t.FUNDING_CLASSES[funding_class]) + ": %{x}<br>"
            "%{customdata[0]}<extra></extra>",
        ), row=1, col=1)
    totals = df.groupby("group_key", sort=False).agg(cost=("cost_thousand_kzt", "sum"), name=("group_name", "first"))
    totals = totals.reindex(groups.group_key)
    fig.add_trace(go.Bar(
        y=order, x=totals.cost, orientation="h", showlegend=False,
        marker_color=[group_colour(k) for k in totals.index], text=[t.number(v, 1) for v in totals.cost],
        textposition="auto", textangle=0, customdata=list(zip([_wrap(n) for n in totals.name], totals.index,
                                                              strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.COL_COST + ": %{x:,.1f}<extra></extra>",
    ), row=1, col=2)
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.18))
    fig.update_yaxes(autorange="reversed", type="category", categoryorder="array", categoryarray=order)
    fig.update_xaxes(tickformat=",.0f", row=1, col=2)
    return _layout(fig, t, max(280, 44 * len(order) + 140))


def calendar_strip(events: list[tuple[date, str]], today: date, *, t: ModuleType) -> go.Figure:
    """The reporting calendar as a dated strip over the roadmap's year(s), today marked when it falls
    inside them: (date, who receives the report) per event.  Labels alternate above and below the strip,
    since reporting dates come in pairs ten days apart."""
    days = [d for d, _ in events]
    first, last = date(min(days).year, 1, 1), date(max(days).year, 12, 31)
    fig = go.Figure(go.Scatter(
        x=days, y=[0] * len(events), mode="markers+text", marker=dict(size=14, color="#1f5f99"),
        text=[f"{t.short_date(d)} → {_escape(who)}" for d, who in events],
        textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(len(events))],
        hovertemplate="%{text}<extra></extra>", showlegend=False,
    ))
    if first <= today <= last:
        fig.add_shape(type="line", x0=today, x1=today, y0=-1, y1=1, line=dict(color="#b71c1c", width=2))
        fig.add_annotation(x=today, y=0.95, text=f"{t.TODAY}: {t.short_date(today)}", showarrow=False,
                           font=dict(color="#b71c1c"), xanchor="left")
    else:  # today lies outside the roadmap's year(s): said at the edge it lies beyond
        after = today > last
        fig.add_annotation(x=1 if after else 0, xref="paper", y=0.95, showarrow=False, font=dict(color="#b71c1c"),
                           xanchor="right" if after else "left",
                           text=f"{t.TODAY}: {today.strftime(t.DATE_TICKFORMAT)} {'→' if after else '←'}")
    fig.update_xaxes(range=[first, last], tickformat=t.DATE_TICKFORMAT, showgrid=True, gridcolor="#eeeeee")
    fig.update_yaxes(visible=False, range=[-1, 1])
    return _layout(fig, t, 170)


def short_title(title: str, width: int = 42) -> str:
    """A title cut at a word boundary for a bar's label; the full title stays in the hover."""
    if len(title) <= width:
        return title
    cut = title[:width].rsplit(" ", 1)[0]
    return (cut or title[:width]).rstrip(" ,.;:«\"") + "…"


def measure_labels(df: pd.DataFrame, t: ModuleType) -> list[str]:
    """ "№ 29" for each measure; "2021 · № 29" when the measures come from several roadmaps, whose numbers
    each start from 1."""
    if "roadmap_year" not in df.columns or df.roadmap_year.nunique() < 2:
        return [t.measure(int(n)) for n in df.measure_no]
    return [t.measure(int(n), int(y)) for n, y in zip(df.measure_no, df.roadmap_year)]


def _measure_ids(df: pd.DataFrame) -> tuple[list[int], list[int]]:
    """Each measure's year and number, last in a bar's customdata, for a click to open its detail."""
    years = df.roadmap_year if "roadmap_year" in df else pd.Series(0, index=df.index)
    return [int(y) for y in years], [int(n) for n in df.measure_no]


def titled_labels(df: pd.DataFrame, t: ModuleType) -> list[str]:
    """ "№ 29 · Реализация проекта …": a bar's label a reader can use; the number keeps it unique."""
    return [f"{label} · {_escape(short_title(title))}" for label, title in zip(measure_labels(df, t), df.title,
                                                                             strict=True)]


def ranked_costs(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    labels = titled_labels(df, t)
    fig = go.Figure(
        go.Bar(
            x=df.cost_thousand_kzt, y=labels, orientation="h",
            marker_color=[group_colour(k) for k in df.group_key],
            text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
            customdata=list(zip([_wrap(title) for title in df.title], [t.group_label(k) for k in df.group_key],
                                *_measure_ids(df), strict=True)),
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
    """Measures per executor.  Where executors take part as one of "all akimats", that share is drawn apart
    (lighter) from the measures they are named in on their own, so that regions differ on screen.  Each
    bar's customdata ends with the executor's kind and the executor, for a click to filter by it."""
    names = [_escape((full_names or {}).get(e) or e) for e in df.executor]
    named = df.named_measures if "named_measures" in df else df.measures
    collective = df.measures - named
    by_agreement = df.by_agreement_measures if "by_agreement_measures" in df else pd.Series(0, index=df.index)
    common = dict(y=df.executor, orientation="h", textposition="auto", textangle=0,
                  customdata=list(zip(names, [t.number(v, 1) for v in df.cost_thousand_kzt], df.measures,
                                      named, collective, by_agreement, df.executor_kind, df.executor, strict=True)))
    hover = ("<b>%{customdata[0]}</b><br>" + t.COL_MEASURES + ": %{customdata[2]}"
             + (" (" + t.WORKLOAD_NAMED.lower() + ": %{customdata[3]}, " + t.WORKLOAD_COLLECTIVE.lower()
                + ": %{customdata[4]})" if collective.any() else "")
             + ("<br>" + t.WORKLOAD_BY_AGREEMENT + ": %{customdata[5]}" if (by_agreement > 0).any() else "")
             + "<br>" + t.COL_COST + ": %{customdata[1]}<extra></extra>")
    traces = [go.Bar(x=named, name=t.WORKLOAD_NAMED, marker_color=NAMED_COLOUR, text=named, hovertemplate=hover,
                     **common)]
    if collective.any():
        traces.append(go.Bar(x=collective, name=t.WORKLOAD_COLLECTIVE, marker_color=COLLECTIVE_COLOUR,
                             text=collective, hovertemplate=hover, **common))
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack", showlegend=bool(collective.any()),
                      legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.COL_MEASURES)
    _layout(fig, t, max(240, 26 * len(df) + 110))
    if collective.any():  # room above the bars for the legend, which would otherwise cover the first one
        fig.update_layout(margin_t=70)
    return fig


def executor_matrix(df: pd.DataFrame, executor_order: list[str], *, t: ModuleType) -> go.Figure:
    """Executors × directions.  The colour counts the measures an executor is named in on its own; a share
    taken as one of "all akimats" is added in brackets, so regions that differ show it."""
    groups = df.drop_duplicates("group_key").sort_values("group_order").group_key.tolist()
    named_column = "named_measures" if "named_measures" in df else "measures"

    def pivot(values: str) -> pd.DataFrame:
        table = df.pivot_table(index="executor", columns="group_key", values=values, aggfunc="sum", fill_value=0)
        return table.reindex(index=[e for e in executor_order if e in table.index], columns=groups, fill_value=0)

    total, named = pivot("measures"), pivot(named_column)
    text = [[f"{n}" if n == m else f"{n} (+{m - n})" for n, m in zip(row_n, row_m, strict=True)]
            for row_n, row_m in zip(named.values, total.values, strict=True)]
    fig = go.Figure(
        go.Heatmap(
            z=named.values, x=[t.group_label(g) for g in named.columns], y=list(named.index),
            colorscale=WORKLOAD_SCALE, text=text, texttemplate="%{text}", xgap=2, ygap=2,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>", colorbar=dict(title=t.WORKLOAD_NAMED_SHORT),
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top")
    return _layout(fig, t, max(300, 24 * len(named) + 120))


def region_map(workload_by_region: dict[str, int], shapes: list[tuple[str, list[list[tuple[float, float]]]]],
               points: list[tuple[str, float, float]], *, t: ModuleType,
               collective: dict[str, int] | None = None) -> go.Figure:
    """Regions as filled shapes on plain axes, so the map needs nothing from the network.

    shapes: (region name, rings of (lon, lat)); points: (region name, lon, lat) for cities drawn as markers.
    The colour counts `workload_by_region`; `collective`, the measures a region takes part in only as one of
    "all akimats", is added to each label ("1 + 46"), so regions differ where the collective share is the
    same.  A marker at each label carries the region's name for a click (filled shapes report none).
    A region with neither shape nor point (one created after the boundaries were drawn, or renamed) is
    listed with its count under the map, never dropped.
    """
    collective = collective or {}
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
            text=f"{_escape(name)}: {n}", hoverinfo="text", customdata=[[name]],
        ))
    # An invisible trace carries the colour bar for the whole scale.
    traces.append(go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(colorscale=WORKLOAD_SCALE, cmin=0, cmax=top, color=[0], showscale=True,
                    colorbar=dict(title=t.COL_MEASURES)),
    ))

    def label(name: str) -> str:
        n, m = workload_by_region.get(name, 0), collective.get(name, 0)
        return f"{n} + {m}" if m else str(n)

    labelled = list(_label_positions(shapes, points))
    annotations = [
        dict(x=label_lon, y=label_lat, text=label(name), showarrow=False,
             # white on the darker half of the scale, or the label is lost in its region
             font=dict(size=12, color="#ffffff" if workload_by_region.get(name, 0) / top > 0.45 else "#111111"))
        for name, label_lon, label_lat in labelled
    ]
    # Click targets: nearly transparent markers under the labels (a fully transparent one takes no click).
    traces.append(go.Scatter(
        x=[lon for _, lon, _ in labelled], y=[lat for _, _, lat in labelled], mode="markers", showlegend=False,
        marker=dict(size=22, color="rgba(255,255,255,0.01)"), customdata=[[name] for name, _, _ in labelled],
        text=[f"{_escape(name)}: {label(name)}" for name, _, _ in labelled], hoverinfo="text", name="regions",
    ))
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
    """One mark per measure, grouped and coloured by group, each deadline drawn as what it is: a window as a
    bar from its start to its end, a fixed date («до 1 декабря») as a point on that date, a periodic deadline
    as a hatched bar over the plan's period with its frequency written on it."""
    fig = go.Figure()
    df = df.sort_values(["group_order", "deadline_start", *(["roadmap_year"] if "roadmap_year" in df else []),
                         "measure_no"])
    if "deadline_kind" not in df:
        df = df.assign(deadline_kind="window", deadline_frequency=None, deadline_report_day=None)
    order = titled_labels(df, t)
    label_of = dict(zip(df.index, order, strict=True))
    for key, group in df.groupby("group_key", sort=False):
        # The group's legend entry is a plain square of its colour, whichever kinds its measures have: a marker
        # trace with no point to draw (so nothing to hover or click), which plotly still lists in the legend.
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t.group_label(key), legendgroup=key,
                                 marker=dict(symbol="square", size=12, color=group_colour(key)), hoverinfo="skip"))
        for kind in ("window", "periodic", "by_date"):
            part = group[group.deadline_kind == kind]
            if part.empty:
                continue
            start = pd.to_datetime(part.deadline_start)
            end = pd.to_datetime(part.deadline_end) + pd.Timedelta(days=1)
            kinds = [_deadline_kind_text(row, t) for row in part.itertuples()]
            customdata = list(zip([_wrap(title) for title in part.title], part.deadline_raw.map(_escape), kinds,
                                  *_measure_ids(part), strict=True))
            common = dict(y=[label_of[i] for i in part.index], name=t.group_label(key), legendgroup=key,
                          showlegend=False, customdata=customdata,
                          hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}"
                                        "<extra></extra>")
            if kind == "by_date":
                fig.add_trace(go.Scatter(
                    x=pd.to_datetime(part.deadline_end), mode="markers",
                    marker=dict(symbol="diamond", size=13, color=group_colour(key),
                                line=dict(color="#212121", width=1)),
                    **common,
                ))
            else:
                fig.add_trace(go.Bar(
                    base=start, x=(end - start).dt.total_seconds() * 1000, orientation="h",
                    marker=dict(color=group_colour(key),
                                # "overlay": white hatching over the group's colour ("replace" would leave
                                # only the hatching, invisible on the white plot)
                                pattern=dict(shape="/" if kind == "periodic" else "", fgcolor="rgba(255,255,255,0.55)",
                                             size=10, solidity=0.25, fillmode="overlay")),
                    text=[t.DEADLINE_FREQUENCIES.get(f, "") for f in part.deadline_frequency]
                    if kind == "periodic" else None,
                    textposition="inside", insidetextanchor="start", constraintext="none",
                    insidetextfont=dict(color="#ffffff", size=12),
                    **common,
                ))
    return _timeline_axes(fig, order, reporting_dates, as_of, max(320, 18 * len(df) + 120), len(df), t=t)


def _deadline_kind_text(row, t: ModuleType) -> str:
    """How the hover names a deadline's kind: "Срок к дате", "Периодически: ежеквартально, до 25 числа"."""
    if row.deadline_kind == "periodic":
        text = t.DEADLINE_PERIODIC.format(frequency=t.DEADLINE_FREQUENCIES.get(row.deadline_frequency, ""))
        if row.deadline_report_day is not None and not pd.isna(row.deadline_report_day):
            text += " · " + t.DEADLINE_REPORT_DAY.format(day=int(row.deadline_report_day))
        return text
    return t.DEADLINE_KINDS.get(row.deadline_kind, "")


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
    # Directions in chart order (as in every legend of the dashboard), whatever month each first appears in.
    firsts = df.drop_duplicates("group_key")
    order = (firsts.sort_values("group_order") if "group_order" in df else firsts).group_key.tolist()
    for key, part in sorted(df.groupby("group_key", sort=False), key=lambda kv: order.index(kv[0])):
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
    return _layout(fig, t, 320, barmode="stack", legend=dict(orientation="h", y=-0.2, traceorder="normal"))


# Execution: one colour per status on every page, drawn in MEASURE_STATUSES' order (done first).  Colours
# from a colour-blind-safe palette (Okabe-Ito), "not reported" a neutral grey: no report is not a verdict.
STATUS_COLOURS = {
    "done": "#009e73",
    "in_progress": "#0072b2",
    "not_started": "#e69f00",
    "not_done": "#d55e00",
    "not_reported": "#c4c4c4",
}


def _status_bars(df: pd.DataFrame, category: str, labels: dict[str, str], *, t: ModuleType,
                 customdata: list | None = None) -> list[go.Bar]:
    """One horizontal bar trace per status (stacked), over the categories in `labels` (their order)."""
    counts = df.pivot_table(index=category, columns="status", values="measures", aggfunc="sum", fill_value=0)
    order = list(labels)
    traces = []
    for status in MEASURE_STATUSES:
        if status not in counts:
            continue
        values = [int(counts[status].get(c, 0)) for c in order]
        traces.append(go.Bar(
            y=[labels[c] for c in order], x=values, name=t.STATUS_NAMES[status], orientation="h",
            marker_color=STATUS_COLOURS[status], text=[v or "" for v in values], textposition="inside",
            insidetextanchor="middle", customdata=customdata,
            hovertemplate="<b>%{y}</b><br>" + _escape(t.STATUS_NAMES[status]) + ": %{x}<extra></extra>",
        ))
    return traces


def status_by_group(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """The measures of each direction by their status in the chosen round (stacked)."""
    groups = df.drop_duplicates("group_key").sort_values("group_order")
    labels = {k: t.group_label(k) for k in groups.group_key}
    fig = go.Figure(_status_bars(df, "group_key", labels, t=t, customdata=list(groups.group_key)))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom",
                                                   traceorder="normal"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.COL_MEASURES)
    return _layout(fig, t, max(220, 40 * len(labels) + 120), margin_t=60)


def status_by_executor(df: pd.DataFrame, full_names: dict[str, str] | None = None, *,
                       t: ModuleType) -> go.Figure:
    """Each executor's measures by the status it reported itself (stacked); executors with the most
    measures not reported first, since those are whom the ministry calls."""
    totals = df.groupby("executor").measures.sum()
    missing = df[df.status == "not_reported"].groupby("executor").measures.sum().reindex(totals.index, fill_value=0)
    order = sorted(totals.index, key=lambda e: (-missing[e], -totals[e], e))
    labels = {e: e for e in order}
    fig = go.Figure(_status_bars(df, "executor", labels, t=t))
    names = [_escape((full_names or {}).get(e) or e) for e in order]
    for trace in fig.data:
        trace.customdata = names
        trace.hovertemplate = trace.hovertemplate.replace("<b>%{y}</b>", "<b>%{customdata}</b>")
    fig.update_layout(barmode="stack", legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom",
                                                   traceorder="normal"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.COL_MEASURES)
    return _layout(fig, t, max(240, 24 * len(order) + 120), margin_t=60)


def estimated_vs_spent(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Per direction: the decree's estimated amount beside what the executors report spent (million tenge)."""
    labels = [t.group_label(k) for k in df.group_key]
    estimated = df.cost_thousand_kzt / 1000
    spent = df.spent_thousand_kzt / 1000
    fig = go.Figure([
        go.Bar(y=labels, x=estimated, name=t.EXEC_ESTIMATED, orientation="h", marker_color="#9ecae1",
               text=[t.number(v, 1) for v in estimated], textposition="auto",
               hovertemplate="<b>%{y}</b><br>" + _escape(t.EXEC_ESTIMATED) + ": %{text}<extra></extra>"),
        go.Bar(y=labels, x=spent, name=t.EXEC_SPENT, orientation="h", marker_color="#08519c",
               text=[t.number(v, 1) for v in spent], textposition="auto",
               hovertemplate="<b>%{y}</b><br>" + _escape(t.EXEC_SPENT) + ": %{text}<extra></extra>"),
    ])
    fig.update_layout(barmode="group", legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom",
                                                   traceorder="normal"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=t.EXEC_AMOUNT_AXIS)
    return _layout(fig, t, max(240, 60 * len(labels) + 120), margin_t=60)
