"""The Timeline's figures: the reporting calendar, the Gantt of deadlines, deadlines by month."""
from __future__ import annotations

from datetime import date
from types import ModuleType

import pandas as pd
import plotly.graph_objects as go

from .common import (
    NARROW_ROW,
    _escape,
    _measure_ids,
    _whole_figure,
    _wrap,
    group_colour,
    measure_labels,
    titled_labels,
    titles_above_bars,
)


def _side(day: date, first: date, last: date) -> str:
    """Where a label goes beside its point: towards the middle near an edge, so a narrow chart does not cut it."""
    share = (day - first).days / max(1, (last - first).days)
    return "right" if share < 0.2 else "left" if share > 0.8 else "center"


def calendar_strip(events: list[tuple[date, str]], today: date, *, t: ModuleType) -> go.Figure:
    """The reporting calendar as a dated strip over the roadmap's year(s), today marked when it falls
    inside them: (date, who receives the report) per event.  Labels alternate above and below the strip,
    since reporting dates come in pairs ten days apart."""
    days = [d for d, _ in events]
    first, last = date(min(days).year, 1, 1), date(max(days).year, 12, 31)
    points = dict(
        type="scatter", x=days, y=[0] * len(events), mode="markers+text", marker=dict(size=14, color="#1f5f99"),
        text=[f"{t.short_date(d)}<br>→ {_escape(who)}" for d, who in events],  # two short lines fit a phone
        textposition=[f"{'top' if i % 2 == 0 else 'bottom'} {_side(d, first, last)}" for i, d in enumerate(days)],
        hovertemplate="%{text}<extra></extra>", showlegend=False,
    )
    if first <= today <= last:
        shapes = [dict(type="line", x0=today, x1=today, y0=-1, y1=1, line=dict(color="#b71c1c", width=2))]
        marks = [dict(x=today, y=0.95, text=f"{t.TODAY}: {t.short_date(today)}", showarrow=False,
                      font=dict(color="#b71c1c"), xanchor="left")]
    else:  # today lies outside the roadmap's year(s): said at the edge it lies beyond
        after = today > last
        shapes = []
        marks = [dict(x=1 if after else 0, xref="paper", y=0.95, showarrow=False, font=dict(color="#b71c1c"),
                      xanchor="right" if after else "left",
                      text=f"{t.TODAY}: {today.strftime(t.DATE_TICKFORMAT)} {'→' if after else '←'}")]
    return _whole_figure([points], t, 200, shapes=shapes, annotations=marks,
                         xaxis=dict(range=[first, last], tickformat=t.DATE_TICKFORMAT, showgrid=True,
                                    gridcolor="#eeeeee"),
                         yaxis=dict(visible=False, range=[-1, 1]))



def gantt(df: pd.DataFrame, reporting_dates: list[date], as_of: date | None, *, t: ModuleType,
          narrow: bool = False) -> go.Figure:
    """One mark per measure, grouped and coloured by group, each deadline drawn as what it is: a window as a
    bar from its start to its end, a fixed date («до 1 декабря») as a point on that date, a periodic deadline
    as a hatched bar over the plan's period with its frequency written on it.  `narrow` (a phone): each
    measure's title above its bar, the axis naming only its number, so the bars keep the chart's width."""
    traces = []
    df = df.sort_values(["group_order", "deadline_start", *(["roadmap_year"] if "roadmap_year" in df else []),
                         "measure_no"])
    if "deadline_kind" not in df:
        df = df.assign(deadline_kind="window", deadline_frequency=None, deadline_report_day=None)
    order = measure_labels(df, t) if narrow else titled_labels(df, t)
    label_of = dict(zip(df.index, order, strict=True))
    for key, group in df.groupby("group_key", sort=False):
        # The group's legend entry is a plain square of its colour, whichever kinds its measures have: a marker
        # trace with no point to draw (so nothing to hover or click), which plotly still lists in the legend.
        traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=t.group_label(key),
                           legendgroup=key, marker=dict(symbol="square", size=12, color=group_colour(key)),
                           hoverinfo="skip"))
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
                traces.append(dict(
                    type="scatter", x=pd.to_datetime(part.deadline_end), mode="markers",
                    marker=dict(symbol="diamond", size=13, color=group_colour(key),
                                line=dict(color="#212121", width=1)),
                    **common,
                ))
            else:
                traces.append(dict(
                    type="bar", base=start, x=(end - start).dt.total_seconds() * 1000, orientation="h",
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
    height = NARROW_ROW * len(df) + 150 if narrow else max(320, 18 * len(df) + 120)
    return _timeline(traces, order, reporting_dates, as_of, height, t=t, narrow=narrow,
                     titles=df.title.tolist() if narrow else None)


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
    df = df.sort_values(["group_order", "deadline_start", "deadline_end"])

    def labels(part: pd.DataFrame) -> list[str]:
        return [f"{t.group_label(k)} · {pd.Timestamp(a).strftime(t.DATE_TICKFORMAT)}–"
                f"{pd.Timestamp(b).strftime(t.DATE_TICKFORMAT)}"
                for k, a, b in zip(part.group_key, part.deadline_start, part.deadline_end)]

    bars = []
    for key, part in df.groupby("group_key", sort=False):
        start = pd.to_datetime(part.deadline_start)
        end = pd.to_datetime(part.deadline_end) + pd.Timedelta(days=1)
        bars.append(dict(
            type="bar", base=start, x=(end - start).dt.total_seconds() * 1000, y=labels(part),
            orientation="h", name=t.group_label(key), marker_color=group_colour(key),
            text=part.measures, textposition="inside", insidetextanchor="middle", customdata=part.measures,
            hovertemplate="<b>%{y}</b><br>" + t.COL_MEASURES + ": %{customdata}<extra></extra>",
        ))
    return _timeline(bars, labels(df), reporting_dates, as_of, max(320, 22 * len(df) + 120), t=t)


def _timeline(traces: list[dict], order: list[str], reporting_dates: list[date], as_of: date | None,
              height: int, *, t: ModuleType, narrow: bool = False, titles: list[str] | None = None) -> go.Figure:
    """A Gantt's figure: `order` down the side, dates across, a dotted line at each reporting date and a solid
    one at the date it is read as of; `titles` (a phone's), each bar's title written above it."""
    def across(when: date, **line) -> dict:  # a line across the plot's height at a date (Plotly's add_vline)
        ms = pd.Timestamp(when).timestamp() * 1000
        return dict(type="line", x0=ms, x1=ms, xref="x", y0=0, y1=1, yref="y domain", line=line)

    lines = [across(when, color="#c62828", dash="dot", width=1.5) for when in reporting_dates]
    # Reporting dates come in pairs ten days apart: alternate label rows so they do not overlap (on a phone
    # raised clear of the first bar's title, which reaches a little above the plot).
    marks = [dict(x=pd.Timestamp(when), y=1.0, yref="paper", yshift=16 * (index % 2) + (8 if narrow else 0),
                  text=f"{t.short_date(when)} {t.TIMELINE_REPORTING}",
                  showarrow=False, yanchor="bottom", font=dict(size=11, color="#c62828"))
             for index, when in enumerate(reporting_dates)]
    if as_of:
        lines.append(across(as_of, color="#212121", width=2))
    # The legend at the foot of the figure itself (not a share of the plot's height below it, which on a
    # phone's taller plot and turned dates lay over the axis), with its own room in the bottom margin.
    notes = titles_above_bars(order, titles, marks) if titles is not None else dict(annotations=marks)
    return _whole_figure(traces, t, height, margin=dict(b=90 if narrow else 70, t=50 if narrow else 30),
                         barmode="overlay", shapes=lines, **notes,
                         legend=dict(orientation="h", xref="container", x=0, xanchor="left", yref="container", y=0,
                                     yanchor="bottom"),
                         yaxis=dict(autorange="reversed", type="category", categoryorder="array", categoryarray=order),
                         # Few enough dates to stand upright in a phone's width: turned on their side they ran into
                         # the legend.
                         xaxis=dict(type="date", tickformat=t.DATE_TICKFORMAT, nticks=4 if narrow else None))


def deadlines_by_month(df: pd.DataFrame, quarters: bool = False, *, t: ModuleType) -> go.Figure:
    def label(m) -> str:
        return t.quarter(m) if quarters else t.month_year(m)

    # Directions in chart order (as in every legend of the dashboard), whatever month each first appears in.
    firsts = df.drop_duplicates("group_key")
    order = (firsts.sort_values("group_order") if "group_order" in df else firsts).group_key.tolist()
    bars = [
        dict(type="bar", x=[label(m) for m in pd.to_datetime(part.month)], y=part.measures,
             name=t.group_label(key), marker_color=group_colour(key),
             hovertemplate="%{x}: %{y}<extra>" + t.group_label(key) + "</extra>")
        for key, part in sorted(df.groupby("group_key", sort=False), key=lambda kv: order.index(kv[0]))]
    all_months = sorted(pd.to_datetime(df.month).unique())
    return _whole_figure(bars, t, 320, barmode="stack", legend=dict(orientation="h", y=-0.2, traceorder="normal"),
                         xaxis=dict(type="category", categoryorder="array",
                                    categoryarray=[label(m) for m in pd.to_datetime(all_months)]),
                         yaxis=dict(title=t.COL_MEASURES))


# Execution: one colour per status on every page, drawn in MEASURE_STATUSES' order (done first).  Colours
# from a colour-blind-safe palette (Okabe-Ito), "not reported" a neutral grey: no report is not a verdict.
