"""The Overview's and the Funding page's figures: money by direction, funding class and source, ranked amounts."""
from __future__ import annotations

from types import ModuleType

import pandas as pd
import plotly.graph_objects as go

from .common import (
    BUDGET_COLOURS,
    FUNDING_COLOURS,
    NAMED_COLOUR,
    NARROW_ROW,
    _escape,
    _measure_ids,
    _whole_figure,
    _wrap,
    group_colour,
    measure_labels,
    short_title,
    titles_above_bars,
)


def funding_by_group(df: pd.DataFrame, *, t: ModuleType, narrow: bool = False) -> go.Figure:
    labels = [t.group_label(k) for k in df.group_key]
    bars = dict(
        type="bar", x=df.cost_thousand_kzt, y=labels, orientation="h",
        marker_color=[group_colour(k) for k in df.group_key],
        text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
        customdata=list(zip([_wrap(n) for n in df.group_name], df.measures, df.budget_measures, df.group_key,
                            strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.COL_COST + ": %{x:,.1f}<br>"
        + t.COL_MEASURES + ": %{customdata[1]} (" + t.COL_BUDGET_MEASURES.lower()
        + ": %{customdata[2]})<extra></extra>",
    )
    # On a phone fewer amounts on the axis: Plotly's own five ("50 000" … "200 000") ran into one another.
    return _whole_figure([bars], t, 300, yaxis=dict(autorange="reversed"),
                         xaxis=dict(title=t.COL_COST, tickformat=",.0f", nticks=4 if narrow else None))


def budget_split(df: pd.DataFrame, value: str, *, t: ModuleType) -> go.Figure:
    """Donut of measures with a budget amount vs the rest, by count or by amount."""
    labels = [t.BUDGET_SPLIT[bool(b)] for b in df.has_budget_amount]
    values = df[value]
    pie = dict(
        type="pie", labels=labels, values=values, hole=0.55, sort=False,
        marker_colors=[BUDGET_COLOURS[bool(b)] for b in df.has_budget_amount],
        texttemplate="%{value:,.0f}<br>%{percent}" if value == "measures" else "%{value:,.1f}<br>%{percent}",
        hovertemplate="%{label}: %{value:,.1f}<extra></extra>",
    )
    return _whole_figure([pie], t, 300, legend=dict(orientation="h", y=-0.1))


def funding_by_source(df: pd.DataFrame, full_names: dict[str, str], *, t: ModuleType) -> go.Figure:
    """Estimated amounts per budget (columns source, cost_thousand_kzt, amounts); a NULL source is the
    amounts the decree gives without a budget of their own."""
    labels = [_escape(f"{s} · {full_names.get(s, '')}".rstrip(" ·")) if isinstance(s, str) else t.FUNDING_NO_SOURCE
              for s in df.source]
    bars = dict(
        type="bar", x=df.cost_thousand_kzt, y=labels, orientation="h", marker_color=NAMED_COLOUR,
        text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
        customdata=list(zip([t.thousand_tenge(v) for v in df.cost_thousand_kzt], df.amounts, strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.FUNDING_SOURCE_AMOUNTS + ": %{customdata[1]}"
                      "<extra></extra>",
    )
    return _whole_figure([bars], t, max(200, 44 * len(df) + 110),
                         yaxis=dict(autorange="reversed", type="category", automargin=True),
                         xaxis=dict(title=t.COL_COST, tickformat=",.0f"))


def funding_classes(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    bars = dict(
        type="bar", x=df.measures, y=[t.FUNDING_CLASSES[c] for c in df.funding_class], orientation="h",
        marker_color=[FUNDING_COLOURS[c] for c in df.funding_class], marker_line_color="#90a4ae",
        marker_line_width=1, text=df.measures, textposition="auto", textangle=0,
        customdata=[[c] for c in df.funding_class], hovertemplate="%{y}: %{x}<extra></extra>",
    )
    return _whole_figure([bars], t, 260, yaxis=dict(autorange="reversed"), xaxis=dict(title=t.COL_MEASURES))


def years_side_by_side(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """The loaded roadmaps compared: per year, measures (left) and estimated amounts (right), each bar stacked
    by funding class (views/by_group_class.sql, summed per roadmap year)."""
    years = [str(y) for y in sorted(df.roadmap_year.unique())]
    per_class = df.groupby(["funding_class", "roadmap_year"], as_index=False)[["measures", "cost_thousand_kzt"]].sum()
    bars = []
    for funding_class in [c for c in FUNDING_COLOURS if c in set(per_class.funding_class)]:
        part = per_class[per_class.funding_class == funding_class]
        for axes, value in (("", "measures"), ("2", "cost_thousand_kzt")):
            bars.append(dict(
                type="bar", xaxis="x" + axes, yaxis="y" + axes,
                x=[str(y) for y in part.roadmap_year], y=part[value], name=t.FUNDING_CLASSES[funding_class],
                marker_color=FUNDING_COLOURS[funding_class], legendgroup=funding_class, showlegend=not axes,
                hovertemplate="%{x}: %{y:,.1f}<extra>" + _escape(t.FUNDING_CLASSES[funding_class]) + "</extra>"
                if value == "cost_thousand_kzt" else "%{x}: %{y}<extra>" + _escape(t.FUNDING_CLASSES[funding_class])
                + "</extra>",
            ))
    # Two plots side by side, 12 % of the width between them, each titled above its middle.
    years_axis = dict(type="category", categoryorder="array", categoryarray=years)
    titles = [dict(text=text, x=x, xref="paper", xanchor="center", y=1.0, yref="paper", yanchor="bottom",
                   showarrow=False, font=dict(size=16)) for text, x in ((t.COL_MEASURES, 0.22), (t.COL_COST, 0.78))]
    return _whole_figure(bars, t, 360, barmode="stack", annotations=titles,
                         xaxis=dict(anchor="y", domain=[0.0, 0.44], **years_axis),
                         xaxis2=dict(anchor="y2", domain=[0.56, 1.0], **years_axis),
                         yaxis=dict(anchor="x", domain=[0.0, 1.0]), yaxis2=dict(anchor="x2", domain=[0.0, 1.0]))


def _direction_order(df: pd.DataFrame, t: ModuleType) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    groups = df.drop_duplicates("group_key").sort_values("group_order")
    labels = {k: t.group_label(k) for k in groups.group_key}
    return groups, labels, [labels[k] for k in groups.group_key]


def directions_by_class(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Where the work is: per direction, measures stacked by funding class; columns of
    views/by_group_class.sql.  Each bar's customdata ends with the direction's key, for a click to filter by
    it.  Its twin, direction_costs, is a figure of its own, so that on a phone the two stack instead of
    squeezing two titles into one width."""
    _, labels, order = _direction_order(df, t)
    # The view answers per roadmap year: a direction's bar is its years together, one segment (and one hover,
    # with the sum) per funding class, not one per year and class that the hover could not tell apart.
    df = df.groupby(["group_key", "funding_class"], as_index=False, sort=False).agg(
        group_name=("group_name", "first"), measures=("measures", "sum"))
    bars = [
        dict(type="bar", y=[labels[k] for k in part.group_key], x=part.measures, orientation="h",
             name=t.FUNDING_CLASSES[funding_class], marker_color=FUNDING_COLOURS[funding_class],
             marker_line_color="#90a4ae", marker_line_width=0.5, legendgroup=funding_class,
             customdata=list(zip([_wrap(n) for n in part.group_name], part.group_key, strict=True)),
             hovertemplate="<b>%{y}</b> · " + _escape(t.FUNDING_CLASSES[funding_class]) + ": %{x}<br>"
             "%{customdata[0]}<extra></extra>")
        for funding_class in FUNDING_COLOURS if not (part := df[df.funding_class == funding_class]).empty]
    # The legend sits in the figure's own bottom margin (container coordinates), below the tick labels however
    # many lines it wraps into on a phone.
    return _whole_figure(bars, t, max(300, 44 * len(order) + 250), margin=dict(t=40, b=140), barmode="stack",
                         title=dict(text=_escape(t.COL_MEASURES), x=0, xanchor="left"),
                         legend=dict(orientation="h", x=0, xref="container", y=0, yref="container", yanchor="bottom"),
                         yaxis=dict(autorange="reversed", type="category", categoryorder="array", categoryarray=order))


def direction_costs(df: pd.DataFrame, *, t: ModuleType) -> go.Figure:
    """Where the money is: per direction, the estimated amount (the same rows as directions_by_class).  The
    amounts are what the decree budgets, so the bars take the budget-amount class's colour, not the
    directions': beside the funding classes a direction's hue would mean a second thing on one screen."""
    groups, _, order = _direction_order(df, t)
    totals = df.groupby("group_key", sort=False).agg(cost=("cost_thousand_kzt", "sum"), name=("group_name", "first"))
    totals = totals.reindex(groups.group_key)
    bars = dict(
        type="bar", y=order, x=totals.cost, orientation="h", showlegend=False,
        marker_color=FUNDING_COLOURS["budget_amount"], text=[t.number(v, 1) for v in totals.cost],
        textposition="auto", textangle=0, customdata=list(zip([_wrap(n) for n in totals.name], totals.index,
                                                              strict=True)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>" + t.COL_COST + ": %{x:,.1f}<extra></extra>",
    )
    # Never more than half a desktop's width: at most four amounts on the axis, or "100 000" runs into "150 000".
    return _whole_figure([bars], t, max(300, 44 * len(order) + 190), margin=dict(t=40),
                         title=dict(text=_escape(t.COL_COST), x=0, xanchor="left"),
                         yaxis=dict(autorange="reversed", type="category", categoryorder="array", categoryarray=order),
                         xaxis=dict(tickformat=",.0f", nticks=4))





def ranked_costs(df: pd.DataFrame, *, t: ModuleType, narrow: bool = False) -> go.Figure:
    """The largest amounts, one bar per measure.  `narrow` (a phone): the title above each bar and only the
    number on the axis, so the bars and the axis title have the chart's width."""
    if narrow:
        labels = measure_labels(df, t)
    else:  # two short lines per bar ("№ 29 · Реализация проекта<br>…")
        labels = [f"{label} · {_wrap(short_title(title, 40), 24)}" for label, title in zip(measure_labels(df, t),
                                                                                           df.title, strict=True)]
    bars = dict(
        type="bar", x=df.cost_thousand_kzt, y=labels, orientation="h",
        marker_color=[group_colour(k) for k in df.group_key],
        text=[t.number(v, 1) for v in df.cost_thousand_kzt], textposition="auto", textangle=0,
        customdata=list(zip([_wrap(title) for title in df.title], [t.group_label(k) for k in df.group_key],
                            *_measure_ids(df), strict=True)),
        hovertemplate="<b>%{y}</b> · %{customdata[1]}<br>%{customdata[0]}<br>" + t.COL_COST
        + ": %{x:,.1f}<extra></extra>",
    )
    axes = dict(yaxis=dict(autorange="reversed", type="category"),
                xaxis=dict(title=t.COL_COST, tickformat=",.0f", nticks=4 if narrow else None))
    if narrow:
        return _whole_figure([bars], t, NARROW_ROW * len(df) + 110, **titles_above_bars(labels, df.title.tolist()),
                             **axes)
    return _whole_figure([bars], t, max(260, 40 * len(df) + 80), **axes)


def cost_treemap(df: pd.DataFrame, groups: pd.DataFrame, *, t: ModuleType, narrow: bool = False) -> go.Figure:
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
    tiles = dict(
        type="treemap", ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        marker_colors=colours, customdata=hover,
        texttemplate="<b>%{label}</b><br>%{value:,.1f}",
        hovertemplate="<b>%{label}</b><br>%{customdata}<br>" + t.COL_COST + ": %{value:,.1f}<extra></extra>",
    )
    if narrow:  # taller, its tiles being so much narrower; a tile too small for its words hides them (its hover
        # keeps them) rather than shrinking them to specks
        return _whole_figure([tiles], t, 560, uniformtext=dict(minsize=10, mode="hide"))
    return _whole_figure([tiles], t, 420)
