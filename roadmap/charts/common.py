"""What every chart shares: the colours (one meaning per colour on a screen), the layout, labels of measures."""
from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

import pandas as pd
import plotly.graph_objects as go

from loaders.groups import group_key as _key
from loaders.groups import split_key

# One colour per group and per funding class, the same on every page, and one meaning per colour on a page:
# directions take the hues (blue, orange, green, brown, purple, …), funding classes a blue-grey ramp from the
# most definite money (an amount) to none stated, so no funding class ever shares a hue with a direction.
GROUP_COLOURS = {
    _key("I", 1): "#1f77b4", _key("I", 2): "#e07b00", _key("I", 3): "#2ca02c",
    _key("II", None): "#8c564b", _key("III", None): "#9467bd",
}
EXTRA_GROUP_COLOURS = ("#17becf", "#bcbd22", "#e377c2", "#d62728")  # no grey: the funding classes' ramp
FUNDING_COLOURS = {
    "budget_amount": "#263238",
    "within_existing_funds": "#546e7a",
    "extrabudgetary": "#90a4ae",
    "not_required": "#cfd8dc",
    "unspecified": "#f5f7f8",
}
BUDGET_COLOURS = {True: FUNDING_COLOURS["budget_amount"], False: FUNDING_COLOURS["not_required"]}
# Measures an executor is named in on its own, and those it takes part in as one of "all akimats".
NAMED_COLOUR, COLLECTIVE_COLOUR = "#1f5f99", "#a9c6e3"
WORKLOAD_SCALE = "Blues"
FONT = dict(family="Source Sans Pro, DejaVu Sans, sans-serif", size=13)


def group_colour(group_key: str) -> str:
    group_key = split_key(group_key)[1]  # a direction's colour whatever roadmap it belongs to
    if group_key in GROUP_COLOURS:
        return GROUP_COLOURS[group_key]
    return EXTRA_GROUP_COLOURS[sum(map(ord, group_key)) % len(EXTRA_GROUP_COLOURS)]


MARGIN = dict(l=10, r=10, t=30, b=10)


def _whole_figure(data: list[dict], t: ModuleType, height: int, *, margin: dict | None = None, **layout) -> go.Figure:
    """The whole figure handed to Plotly at once, traces as dicts (``type="bar"``, …), and so validated once.
    Built call by call (add_trace, add_vline, update_*), Plotly walks and re-validates the growing figure at
    every call: the app's charts at 1,000 roadmaps took 220 ms that way, 113 ms this way, with every figure's
    to_dict() the same.  A misspelt property still raises, as it did call by call."""
    return go.Figure(data=data, layout=dict(
        height=height, font=FONT, margin={**MARGIN, **(margin or {})}, separators=t.PLOTLY_SEPARATORS,
        hoverlabel=dict(align="left"), **layout))


# A phone's chart (under 640 px) has room for its bars or for their titles beside them, not for both: there a
# bar's title is written above it, across the chart's width, and its axis keeps only the short number.
NARROW_ROW = 34  # px per bar on a phone: a line of title and a thin bar
NARROW_TITLE = 40  # characters of a title above a bar: one line of 11 px text across a 320 px chart


def titles_above_bars(labels: list[str], titles: list[str], annotations: Sequence[dict] = ()) -> dict:
    """The layout that writes each bar's title above it, from the chart's left edge (the bars sit on a category
    axis of `labels`, NARROW_ROW px apart): the bars thinned to leave the line for it, the titles before the
    figure's own `annotations`."""
    return dict(bargap=0.5, annotations=[*(
        dict(x=0, xref="paper", y=label, yref="y", xanchor="left", yanchor="bottom", yshift=NARROW_ROW // 4 + 1,
             text=_escape(short_title(title, NARROW_TITLE)), showarrow=False, font=dict(size=11, color="#333333"),
             bgcolor="rgba(255,255,255,0.75)")  # readable where a dotted date line crosses it
        for label, title in zip(labels, titles, strict=True)), *annotations])


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
