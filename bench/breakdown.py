"""Each browser figure split into its parts, so that the table says where a page's time over the floor goes.

From what the page noted (bench/browser.py INIT, times in ms since the navigation began) and what the server
wrote of its script runs (bench/server_timing.py):

- to send: from the request (a new tab) or the press (a filter change) to the page's rerun request: the
  page's own scripts loading and starting, or the page handling the click;
- to start: from the request to the page handling the server's first message of the run (new_session);
- run: from there to the page handling the run's last message (script_finished).  The server's own time
  for the run is `server`, split into its steps; what `run` has beyond it is the page's main thread busy
  drawing earlier messages while later ones wait;
- after: from script_finished to every chart drawn and every table there (the readiness check);
- bytes: the messages of the run, by what they carry (Plotly specs, tables, the rest).
`total` is the figure of the main table (timed around Playwright's calls, so a little longer than the parts).
"""
from __future__ import annotations

import base64
import statistics
from dataclasses import asdict, dataclass, field

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PARTS = ("to_send", "to_start", "run", "after")
STEPS = ("queries", "database", "figures", "plotly_chart", "to_json", "dataframe")
KINDS = ("first visit", "cached", "filter")


@dataclass
class Sample:
    """One measurement, in ms (bytes in KB)."""
    total: float
    to_send: float
    to_start: float
    run: float
    after: float
    server: float  # the server's script runs in the measurement, wall time
    server_cpu: float
    steps: dict[str, float] = field(default_factory=dict)
    kb: dict[str, float] = field(default_factory=dict)
    runs: int = 0  # script runs the server did for it (not counting the reports watcher's fragment)


def _kind(message: ForwardMsg) -> tuple[str, bool]:
    """What a message carries ("new_session", "script_finished", "plotly", "table", "other") and, for
    new_session, whether it starts a fragment's run."""
    which = message.WhichOneof("type")
    if which == "new_session":
        return which, bool(message.metadata.run.fragment_ids)
    if which == "script_finished":
        return which, False
    if which == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element.WhichOneof("type")
        if element == "plotly_chart":
            return "plotly", False
        if element in ("arrow_data_frame", "arrow_table", "data_frame"):
            return "table", False
    return "other", False


def sample(total_s: float, noted: dict, pressed: bool, server_runs: list[dict]) -> Sample:
    """The parts of one measurement: `noted` is what INIT collected, `pressed` whether it began with a click
    (else with the navigation, at 0), `server_runs` the server's records of the runs within it."""
    begin = noted["press"] if pressed else 0.0
    ready = noted["ready"]
    sent = min((t for t in noted["sent"] if t >= begin), default=begin)
    start = finished = None
    kb = {"plotly": 0.0, "table": 0.0, "other": 0.0}
    for t, encoded in noted["received"]:
        if t < sent or t > ready or not encoded:
            continue
        data = base64.b64decode(encoded)
        message = ForwardMsg()
        message.ParseFromString(data)
        kind, fragment = _kind(message)
        if kind == "new_session" and not fragment and start is None:
            start = t
        elif kind == "script_finished":
            finished = t
        if kind in kb:
            kb[kind] += len(data) / 1024
        else:
            kb["other"] += len(data) / 1024
    start = sent if start is None else start
    finished = start if finished is None else finished
    runs = [r for r in server_runs if not r["fragment"]]
    steps: dict[str, float] = {}
    for run in runs:
        for step, seconds in run["steps"].items():
            steps[step] = steps.get(step, 0.0) + seconds * 1000
    return Sample(total_s * 1000, sent - begin, start - sent, finished - start, ready - finished,
                  sum(r["wall"] for r in runs) * 1000, sum(r["cpu"] for r in runs) * 1000, steps, kb, len(runs))


def summary(samples: list[Sample]) -> dict:
    """Medians of every part over the runs of one figure."""
    def median(values: list[float]) -> float:
        return statistics.median(values) if values else 0.0

    out = {"total": median([s.total for s in samples]), "n": len(samples)}
    for part in (*PARTS, "server", "server_cpu", "runs"):
        out[part] = median([getattr(s, part) for s in samples])
    out["steps"] = {step: median([s.steps.get(step, 0.0) for s in samples]) for step in STEPS}
    out["kb"] = {kind: median([s.kb.get(kind, 0.0) for s in samples]) for kind in ("plotly", "table", "other")}
    out["samples"] = [asdict(s) for s in samples]
    return out


KIND_NAMES = {"first visit": "first visit", "cached": "new tab", "filter": "filter"}


def table(rows: list[tuple[str, str, str, dict]], floors: dict[str, dict]) -> str:
    """The breakdown as text: one line per page, scale and kind (medians, ms), then the same line as the excess
    over the floor's figure of that kind (`floors[kind]`)."""
    header = ("page", "scale", "kind", "total", "×floor", "to send", "to start", "run", "after", "server",
              "queries", "db", "figures", "plotly", "json", "tables", "rest", "KB plotly", "KB other", "runs")

    def cells(name: str, scale: str, kind: str, s: dict, floor: dict | None) -> tuple[str, ...]:
        steps = s["steps"]
        rest = s["server"] - steps["queries"] - steps["figures"] - steps["plotly_chart"] - steps["dataframe"]
        values = [s["total"], s["to_send"], s["to_start"], s["run"], s["after"], s["server"], steps["queries"],
                  steps["database"], steps["figures"], steps["plotly_chart"], steps["to_json"], steps["dataframe"],
                  rest]
        ratio = f"{s['total'] / floor['total']:.2f}" if floor else ""
        return (name, scale, KIND_NAMES[kind], f"{values[0]:,.0f}", ratio, *(f"{v:,.0f}" for v in values[1:]),
                f"{s['kb']['plotly']:,.0f}", f"{s['kb']['table'] + s['kb']['other']:,.0f}", f"{s['runs']:g}")

    lines = [header]
    for name, scale, kind, s in rows:
        lines.append(cells(name, scale, kind, s, floors.get(kind) if name != "floor" else None))
    excess = [("excess over the floor", "", "", *[""] * (len(header) - 3))]
    for name, scale, kind, s in rows:
        floor = floors.get(kind)
        if name == "floor" or not floor:
            continue
        mine, theirs = cells(name, scale, kind, s, floor), cells("floor", "", kind, floor, None)
        diff = []
        for index, (a, b) in enumerate(zip(mine, theirs)):
            if index < 3 or index == 4:
                diff.append(a)
            else:
                diff.append(f"{float(a.replace(',', '') or 0) - float(b.replace(',', '') or 0):+,.0f}")
        excess.append(tuple(diff))
    widths = [max(len(r[i]) for r in lines + excess) for i in range(len(header))]

    def line(r) -> str:
        return "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    out = [line(lines[0]), "  ".join("-" * w for w in widths), *(line(r) for r in lines[1:]), "",
           *(line(r) for r in excess)]
    return "\n".join(out)


# What is left of each target ---------------------------------------------------------------------------------
# Issue 22 asks, where a page misses its target, whether what remains is our work or Streamlit's and Plotly's on
# the page's elements.  Our work is the server's script run (the queries, the pages' code, building figures),
# counted here whole, Streamlit's own steps in it included.  The page's total without it is a lower bound of
# what a free server would give: the browser draws each element while the script runs on, so not all of the
# run adds to the total.  A page that misses even at that bound misses by the browser's work alone.
VERDICTS = {"met": "met", "browser": "missed by the browser's work alone", "server": "missed by the server's run"}


def left_over(page: str, scale: str, kind: str, s: dict, floor: dict, limit: float) -> dict:
    """One figure against its target (`limit` × the floor's total of that kind): the total, the target, the
    server's run over the floor's, the total without it, and the verdict (a key of VERDICTS)."""
    target = limit * floor["total"]
    server = s["server"] - floor["server"]
    alone = s["total"] - max(server, 0.0)
    verdict = "met" if s["total"] <= target else "browser" if alone > target else "server"
    return {"page": page, "scale": scale, "kind": kind, "total": s["total"], "target": target, "server_over": server,
            "browser_alone": alone, "alone_over_floor": alone / floor["total"], "verdict": verdict}


def left_over_table(found: list[dict]) -> str:
    header = ("page", "scale", "kind", "total", "target", "server over the floor's", "total without it",
              "÷ floor", "verdict")
    lines = [header] + [(f["page"], f["scale"], KIND_NAMES[f["kind"]], f"{f['total']:,.0f}", f"{f['target']:,.0f}",
                         f"{f['server_over']:+,.0f}", f"{f['browser_alone']:,.0f}", f"{f['alone_over_floor']:.2f}",
                         VERDICTS[f["verdict"]]) for f in found]
    widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
    text = ["  ".join(c.ljust(w) if i < 3 or i == len(header) - 1 else c.rjust(w)
                      for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in lines]
    return "\n".join([text[0], "  ".join("-" * w for w in widths), *text[1:]])
