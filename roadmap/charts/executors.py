"""The Executors page's figures: workload per executor, executor × direction, the region map."""
from __future__ import annotations

from types import ModuleType

import pandas as pd
import plotly.graph_objects as go

from .common import (
    COLLECTIVE_COLOUR,
    NAMED_COLOUR,
    WORKLOAD_SCALE,
    _escape,
    _whole_figure,
    _wrap,
)


def workload(df: pd.DataFrame, full_names: dict[str, str] | None = None, *, t: ModuleType) -> go.Figure:
    """Measures per executor.  Where executors take part as one of "all akimats", that share is drawn apart
    (lighter) from the measures they are named in on their own, so that regions differ on screen.  Each
    bar's customdata ends with the executor's kind and the executor, for a click to filter by it."""
    names = [_escape((full_names or {}).get(e) or e) for e in df.executor]
    named = df.named_measures if "named_measures" in df else df.measures
    collective = df.measures - named
    by_agreement = df.by_agreement_measures if "by_agreement_measures" in df else pd.Series(0, index=df.index)
    common = dict(type="bar", y=df.executor, orientation="h", textposition="auto", textangle=0,
                  customdata=list(zip(names, [t.number(v, 1) for v in df.cost_thousand_kzt], df.measures,
                                      named, collective, by_agreement, df.executor_kind, df.executor, strict=True)))
    hover = ("<b>%{customdata[0]}</b><br>" + t.COL_MEASURES + ": %{customdata[2]}"
             + (" (" + t.WORKLOAD_NAMED.lower() + ": %{customdata[3]}, " + t.WORKLOAD_COLLECTIVE.lower()
                + ": %{customdata[4]})" if collective.any() else "")
             + ("<br>" + t.WORKLOAD_BY_AGREEMENT + ": %{customdata[5]}" if (by_agreement > 0).any() else "")
             + "<br>" + t.COL_COST + ": %{customdata[1]}<extra></extra>")
    traces = [dict(x=named, name=t.WORKLOAD_NAMED, marker_color=NAMED_COLOUR, text=named, hovertemplate=hover,
                   **common)]
    if collective.any():
        traces.append(dict(x=collective, name=t.WORKLOAD_COLLECTIVE, marker_color=COLLECTIVE_COLOUR,
                           text=collective, hovertemplate=hover, **common))
    return _whole_figure(traces, t, max(240, 26 * len(df) + 110),
                         # room above the bars for the legend, which would otherwise cover the first one
                         margin=dict(t=70) if collective.any() else None,
                         barmode="stack", showlegend=bool(collective.any()),
                         legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"),
                         yaxis=dict(autorange="reversed", type="category"), xaxis=dict(title=t.COL_MEASURES))


def executor_matrix(df: pd.DataFrame, executor_order: list[str], *, t: ModuleType,
                    narrow: bool = False) -> go.Figure:
    """Executors × directions.  The colour counts the measures an executor is named in on its own; a share
    taken as one of "all akimats" is added in brackets, so regions that differ show it.  `narrow` (a phone):
    long names on two lines and no colour bar (every cell says its number), so the cells keep room for it."""
    groups = df.drop_duplicates("group_key").sort_values("group_order").group_key.tolist()
    named_column = "named_measures" if "named_measures" in df else "measures"

    def pivot(values: str) -> pd.DataFrame:
        table = df.pivot_table(index="executor", columns="group_key", values=values, aggfunc="sum", fill_value=0)
        return table.reindex(index=[e for e in executor_order if e in table.index], columns=groups, fill_value=0)

    total, named = pivot("measures"), pivot(named_column)
    more = "<br>+{}" if narrow else " (+{})"  # a phone's cell is too narrow for "0 (+15)" on one line
    text = [[f"{n}" if n == m else f"{n}{more.format(m - n)}" for n, m in zip(row_n, row_m, strict=True)]
            for row_n, row_m in zip(named.values, total.values, strict=True)]
    names = [_wrap(name, 16) if narrow else _escape(name) for name in named.index]
    cells = dict(
        type="heatmap", z=named.values, x=[t.group_label(g) for g in named.columns], y=names,
        colorscale=WORKLOAD_SCALE, text=text, texttemplate="%{text}", xgap=2, ygap=2, showscale=not narrow,
        textfont=dict(size=11) if narrow else None,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        # ticks at whole numbers of measures (Plotly's own steps gave "0,5", "1,5")
        colorbar=dict(title=t.WORKLOAD_NAMED_SHORT, tick0=0,
                      dtick=max(1, -(-int(named.values.max(initial=0)) // 5))),
    )
    # On a phone the directions' names stand upright: tilted, each ran over its neighbour's column.
    return _whole_figure([cells], t, max(300, (34 if narrow else 24) * len(named) + 120),
                         yaxis=dict(autorange="reversed", type="category"),
                         xaxis=dict(side="top", tickangle=-90 if narrow else None))


# The map's scale, in px per degree of longitude, at its smallest: a desktop's map is as tall as its fixed height
# lets it be (about 15 px per degree from 640 px of width up); a phone's as wide as the screen (a 360 px phone).
MAP_SCALE = {False: 14.5, True: 7.5}
MAP_LAT_STRETCH = 1.55  # a degree of latitude drawn this many times as long as one of longitude (at ~48° N)


def region_map(workload_by_region: dict[str, int], shapes: list[tuple[str, list[list[tuple[float, float]]]]],
               points: list[tuple[str, float, float]], *, t: ModuleType,
               collective: dict[str, int] | None = None, narrow: bool = False) -> go.Figure:
    """Regions as filled shapes on plain axes, so the map needs nothing from the network.

    shapes: (region name, rings of (lon, lat)); points: (region name, lon, lat) for cities drawn as markers.
    The colour counts `workload_by_region`; `collective`, the measures a region takes part in only as one of
    "all akimats", is added to each label ("1 + 46"), so regions differ where the collective share is the
    same.  A marker at each label carries the region's name for a click (filled shapes report none).
    Labels never cover one another: where one does not fit at the map's smallest scale (`narrow`: a phone's),
    it is left off, the regions with more measures of their own labelled first; every count stays in the
    region's hover and in the workload chart.  A region with neither shape nor point (one created after the
    boundaries were drawn, or renamed) is listed with its count under the map, never dropped.
    """
    collective = collective or {}
    import plotly.colors as pc

    values = list(workload_by_region.values()) or [0]
    top = max(max(values), 1)
    scale = pc.get_colorscale(WORKLOAD_SCALE)

    def colour(n: int) -> str:
        return pc.sample_colorscale(scale, [min(1.0, 0.08 + 0.92 * n / top)])[0] if n else "#f2f2f2"

    traces = []
    for name, rings in shapes:
        n = workload_by_region.get(name, 0)
        for ring in rings:
            lon, lat = zip(*ring)
            traces.append(dict(
                type="scatter", x=lon, y=lat, fill="toself", mode="lines", line=dict(color="#ffffff", width=1),
                fillcolor=colour(n), hoveron="fills", name=name, showlegend=False,
                text=f"{_escape(name)}: {n}", hoverinfo="text",
            ))
    for name, lon, lat in points:
        n = workload_by_region.get(name, 0)
        traces.append(dict(
            type="scatter", x=[lon], y=[lat], mode="markers", showlegend=False, name=name,
            marker=dict(size=14, color=colour(n), line=dict(color="#333333", width=1.5)),
            text=f"{_escape(name)}: {n}", hoverinfo="text", customdata=[[name]],
        ))
    # An invisible trace carries the colour bar for the whole scale, its ticks whole numbers of measures.
    traces.append(dict(
        type="scatter", x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(colorscale=WORKLOAD_SCALE, cmin=0, cmax=top, color=[0], showscale=True,
                    # the bar's title above it: beside it, a long one ran off the chart's left edge
                    colorbar=dict(title=dict(text=t.COL_MEASURES, side="top"), orientation="h",
                                  y=-0.05, yanchor="top", thickness=12,
                                  tick0=0, dtick=max(1, -(-top // 5)))),
    ))

    def label(name: str) -> str:
        n, m = workload_by_region.get(name, 0), collective.get(name, 0)
        return f"{n} + {m}" if m else str(n)

    labelled = list(_label_positions(shapes, points))
    size = 10 if narrow else 12
    fitting = _fitting_labels(labelled, label, _priority(shapes, workload_by_region), size, MAP_SCALE[narrow],
                              markers=[(lon, lat) for _, lon, lat in points])
    annotations = [
        # Dark on a light box, whatever the region's colour: a label centred near a dark region's edge, drawn
        # white, was lost half on the light land beside it (a phone's small regions).
        dict(x=label_lon, y=label_lat, text=label(name), showarrow=False, font=dict(size=size, color="#111111"),
             bgcolor="rgba(255,255,255,0.8)", borderpad=1)
        for name, label_lon, label_lat in labelled if name in fitting
    ]
    # Click targets: nearly transparent markers under the labels (a fully transparent one takes no click).
    traces.append(dict(
        type="scatter", x=[lon for _, lon, _ in labelled], y=[lat for _, _, lat in labelled], mode="markers",
        showlegend=False,
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
    # A phone's map is as wide as the screen and about half as tall: a desktop's height would leave it floating
    # in blank space.
    return _whole_figure(traces, t, 300 if narrow else 460, margin=dict(b=40) if undrawn else None,
                         annotations=annotations, plot_bgcolor="#ffffff", xaxis=dict(visible=False),
                         yaxis=dict(visible=False, scaleanchor="x", scaleratio=MAP_LAT_STRETCH))


def unmapped_regions(workload_by_region: dict[str, int], shapes, points) -> list[tuple[str, int]]:
    """The regions of the data that the map has no shape or point for, with their counts."""
    drawn = {name for name, _ in shapes} | {name for name, _, _ in points}
    return [(name, n) for name, n in workload_by_region.items() if name not in drawn]


def _priority(shapes, workload_by_region: dict[str, int]):
    """Which label the map keeps first: more measures of a region's own, then the larger region (cities last)."""
    def area(ring) -> float:
        return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2

    areas = {name: max(area(list(ring)) for ring in rings) for name, rings in shapes}
    return lambda name: (-workload_by_region.get(name, 0), -areas.get(name, 0.0))


def _fitting_labels(labelled, text, priority, size: int, px_per_degree: float, markers=()) -> set[str]:
    """The regions whose labels fit, at `px_per_degree`, without covering one another or a city's marker,
    placed greedily in order of `priority`."""
    def box(lon, lat, half_w_px, half_h_px):
        return (lon - half_w_px / px_per_degree, lat - half_h_px / (px_per_degree * MAP_LAT_STRETCH),
                lon + half_w_px / px_per_degree, lat + half_h_px / (px_per_degree * MAP_LAT_STRETCH))

    placed = [box(lon, lat, 8, 8) for lon, lat in markers]  # a marker of 14 px and its outline
    fitting = set()
    for name, lon, lat in sorted(labelled, key=lambda x: priority(x[0])):
        # a digit is ~0.6 em wide in the chart's fonts; a line ~1.3 em high
        b = box(lon, lat, 0.62 * size * len(text(name)) / 2 + 2, 0.65 * size + 1)
        if all(b[2] <= p[0] or p[2] <= b[0] or b[3] <= p[1] or p[3] <= b[1] for p in placed):
            placed.append(b)
            fitting.add(name)
    return fitting


def _label_positions(shapes, points):
    for name, rings in shapes:
        ring = max(rings, key=len)
        lon, lat = zip(*ring)
        yield name, sum(lon) / len(lon), sum(lat) / len(lat)
    for name, lon, lat in points:
        yield name, lon, lat - 0.9
