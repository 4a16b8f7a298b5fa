"""Whose work the browser's main thread does while a page is drawn: a CPU profile of the page (Chromium's own
profiler, through the DevTools protocol), each sample given to the owner of the function it was in.

- plotly.js: Streamlit's Plotly chunk (PlotlyChart.*.js), which parses each figure and draws its SVG;
- Streamlit: every other script of Streamlit's frontend (React, its widgets, styles, markdown, messages);
- browser: native work outside any script (style, layout, paint) and native calls made by scripts;
- garbage collection;
- idle: the main thread had nothing to do (waiting for the server, the network or a timer).

The profiles are kept (`*.cpuprofile`, which Chrome's DevTools opens) beside the server's cProfile output, and
bench/in_browser.py prints each page's split beside the floor's: what a page has over the floor under
plotly.js and Streamlit is their work on the elements the page draws."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from playwright.sync_api import Page

OWNERS = ("plotly.js", "Streamlit", "browser", "garbage collection", "idle")
SAMPLING_US = 250


class Recording:
    """A CPU profile of one page, from now until stop()."""

    def __init__(self, page: Page):
        self.session = page.context.new_cdp_session(page)
        self.session.send("Profiler.enable")
        self.session.send("Profiler.setSamplingInterval", {"interval": SAMPLING_US})
        self.session.send("Profiler.start")

    def stop(self, path: Path) -> None:
        profile = self.session.send("Profiler.stop")["profile"]
        self.session.detach()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(profile))


def owner(url: str, function: str) -> str | None:
    if function == "(root)":
        return None
    if function == "(idle)":
        return "idle"
    if function == "(garbage collector)":
        return "garbage collection"
    name = url.rsplit("/", 1)[-1]
    if name.startswith("PlotlyChart"):
        return "plotly.js"
    if "/static/" in url:
        return "Streamlit"
    return "browser"  # "(program)", native calls, and the benchmark's own small page script


def owners(profile: dict) -> dict[str, float]:
    """Milliseconds of the profile per owner."""
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    spent: Counter[str] = Counter()
    for node, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = frames[node]
        who = owner(frame["url"], frame["functionName"])
        if who:
            spent[who] += delta / 1000
    return {who: spent[who] for who in OWNERS}


def read(path: Path) -> dict[str, float]:
    return owners(json.loads(path.read_text()))


def table(rows: list[tuple[str, str, str, dict[str, float]]], floors: dict[str, dict[str, float]]) -> str:
    """One line per page, scale and kind: ms per owner, and the same beside the floor's of that kind."""
    header = ("page", "scale", "kind", *OWNERS, "busy", "busy over the floor", "of it plotly.js + Streamlit")
    lines = [header]
    for page, scale, kind, spent in rows:
        busy = sum(v for k, v in spent.items() if k != "idle")
        floor = floors.get(kind)
        over = ours = ""
        if floor and page != "floor":
            floor_busy = sum(v for k, v in floor.items() if k != "idle")
            over = f"{busy - floor_busy:+,.0f}"
            ours = f"{spent['plotly.js'] + spent['Streamlit'] - floor['plotly.js'] - floor['Streamlit']:+,.0f}"
        lines.append((page, scale, kind, *(f"{spent[k]:,.0f}" for k in OWNERS), f"{busy:,.0f}", over, ours))
    widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
    text = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
            for r in lines]
    return "\n".join([text[0], "  ".join("-" * w for w in widths), *text[1:]])
