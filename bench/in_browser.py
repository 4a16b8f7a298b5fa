"""The benchmark's browser section: every chart page in headless Chromium against a real server, the floor
beside them (bench/floor_app.py, measured right after each scale's pages so that both meet the same load),
each page's figure as a ratio to the floor's with the targets of issue 22, and the breakdown of every figure
into its parts (bench/breakdown.py) with one cProfile pass per page kept under bench/out/server_<scale>/profile/,
and one pass with the browser's CPU profiler (bench/frontend.py): whose work the browser's main thread does.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from bench import breakdown, browser
from bench.floor_app import OPTIONS as FLOOR_OPTIONS
from bench.measure import WARMUP, Figure, memory, timing
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB

# Targets on this 2-core machine: issue 5's absolute ones, issue 22's relative to the floor.
FIRST_CHARTS_MS = 2000
REDRAW_MS = {"1×": 700, "1000×": 1500}
RSS_MB_1X = 300
OVER_FLOOR = {"first visit": 1.2, "cached": 1.2, "filter": 1.5}
FIGURE_NAMES = {"first visit": "first visit, nothing cached → all charts drawn",
                "cached": "new tab, scripts cached → all charts drawn",
                "filter": "filter change → charts redrawn"}


def _several(db: RoadmapDB) -> bool:
    return len(db.decrees) > 1


# The Overview: the picture (two charts), the busiest executors, the calendar strip (when the decrees set dates) and,
# with several roadmaps loaded (the 1,000× data spans ten years), the years side by side and their table.
PAGES = [
    browser.PageCase("", frames=2,
                     charts=lambda db, f: 3 + any(m.get("reporting_calendar") for m in db.decrees.values())
                     + _several(db)),
    browser.PageCase("funding", frames=0,
                     charts=lambda db, f: 4 + 2 * (not db.filtered("ranked_costs", f, limit=1).empty)),
    browser.PageCase("executors", frames=0,
                     charts=lambda db, f: 2 + db.filtered("executor_workload", f).executor_kind.nunique()),
    browser.PageCase("timeline", frames=0, charts=lambda db, f: 2),
    browser.PageCase("measures", frames=1, charts=lambda db, f: 0),
]
# The floor: an empty page, one 3-bar chart (first visit and new tab), and one selectbox feeding it (a filter).
FLOOR_EMPTY, FLOOR_CHART, FLOOR_SELECT = "?charts=0", "?charts=1", "?charts=1&select=1"


@dataclasses.dataclass
class Section:
    figures: list[Figure]
    rows: list[tuple[str, str, str, dict]]  # (page, scale, kind, breakdown.summary) for the breakdown table
    floors: dict[str, dict[str, dict]]  # scale -> kind -> the floor's summary
    profiles: list[Path]
    # (page, scale, kind, ms per owner of the browser's main thread: bench/frontend.py), the floor's first
    owners: list[tuple[str, str, str, dict[str, float]]] = dataclasses.field(default_factory=list)


def pages(db: RoadmapDB, data: str, scale: str, runs: int, out_dir: Path) -> Section:
    total = db.options.total_measures
    akimats = list(db.options.choices["akimat"])
    expected: dict[str | None, tuple[str, dict[str, int]]] = {}

    def expect(akimat: str | None) -> tuple[str, dict[str, int]]:
        if akimat not in expected:
            f = Filters(akimat=(akimat,)) if akimat else Filters()
            expected[akimat] = (browser.shown_text(int(db.filtered("kpis", f).iloc[0]["measures"]), total),
                                {case.path: case.charts(db, f) for case in PAGES})
        return expected[akimat]

    # Tables that depend on the data: the years' table of the Overview with several roadmaps, the status history
    # of the measure's card with reporting rounds.
    more = {"": _several(db), "measures": any(d.rounds for d in db.report_decrees.values())}
    cases = [dataclasses.replace(case, frames=case.frames + more.get(case.path, 0)) for case in PAGES]
    with browser.chromium() as chromium:
        with browser.server(data, out_dir / f"server_{scale}") as srv:
            # Ten sessions on the fresh server: its memory, and the warm-up of every page (the first
            # session loads the data and imports; Chromium compiles the app's scripts).
            first, ten = browser.memory_after_sessions(chromium, srv, cases, akimats[::-1], expect)
            results = browser.measure_pages(chromium, srv, cases, akimats, expect, runs)
            profiles = browser.profile_pages(chromium, srv, cases, akimats[1:], expect, scale.replace("×", "x"))
            # Akimats the cProfile pass just before did not pick (it took akimats[1:1 + len(cases)]), so that no
            # filter change here finds its page's answers left by that pass.
            owners = browser.frontend_pages(chromium, srv, cases, akimats[1 + len(cases):], expect,
                                            srv.log.parent / "profile" / "browser")
        floor, floor_profiles = _floor(chromium, runs, out_dir / f"server_floor_{scale}", scale)
    figures, rows = list(floor.figures), list(floor.rows)
    floors = floor.floors[scale]
    for page, result in results.items():
        for kind in breakdown.KINDS:
            limit = FIRST_CHARTS_MS if kind != "filter" else REDRAW_MS[scale]
            figures.append(timing("browser", f"{page}: {FIGURE_NAMES[kind]}", scale, result[kind], limit))
            summary = breakdown.summary(result["parts"][kind])
            rows.append((page, scale, kind, summary))
            ratio = summary["total"] / floors[kind]["total"]
            figures.append(Figure("browser ÷ floor", f"{page}: {FIGURE_NAMES[kind].split(',')[0]} ÷ the floor's",
                                  scale, "×", ratio, ratio, ratio, summary["n"], f"≤ {OVER_FLOOR[kind]:g}×",
                                  ratio <= OVER_FLOOR[kind],
                                  note=f"{summary['total']:,.0f} ms vs {floors[kind]['total']:,.0f} ms"))
    figures.append(memory("memory", "server RSS after its first session", scale, first))
    figures.append(memory("memory", "server RSS with 10 sessions open", scale, ten,
                          RSS_MB_1X if scale == "1×" else None))
    page_owners = [(page, scale, kind, spent) for page, by_kind in owners.items() for kind, spent in by_kind.items()]
    return Section(figures, rows, {scale: floors}, profiles + floor_profiles, floor.owners + page_owners)


def _floor(chromium, runs: int, workdir: Path, scale: str) -> tuple[Section, list[Path]]:
    """The same measurements on bench/floor_app.py: what no change to the dashboard can go below."""
    plain = [browser.PageCase(FLOOR_EMPTY, frames=0, charts=None), browser.PageCase(FLOOR_CHART, frames=0, charts=None)]
    select = [browser.PageCase(FLOOR_SELECT, frames=0, charts=None)]

    def unfiltered(_akimat):
        return browser.shown_text(0, 0), {FLOOR_EMPTY: 0, FLOOR_CHART: 1}

    def selected(option):
        chosen = FLOOR_OPTIONS.index(option) + 1 if option else 0
        return browser.shown_text(chosen, len(FLOOR_OPTIONS)), {FLOOR_SELECT: 1}

    with browser.server("", workdir, "bench/floor_app.py") as srv:
        browser.measure_pages(chromium, srv, plain, None, unfiltered, runs=WARMUP)
        results = browser.measure_pages(chromium, srv, plain, None, unfiltered, runs)
        results |= browser.measure_pages(chromium, srv, select, FLOOR_OPTIONS, selected, runs)
        profiles = browser.profile_pages(chromium, srv, select, FLOOR_OPTIONS[1:], selected,
                                         f"{scale.replace('×', 'x')}-floor")
        profiled = srv.log.parent / "profile" / "browser"
        drawn = browser.frontend_pages(chromium, srv, plain[1:], None, unfiltered, profiled / "chart")["floor"]
        redrawn = browser.frontend_pages(chromium, srv, select, FLOOR_OPTIONS[2:], selected, profiled / "select")
        owners = [("floor", scale, kind, spent) for kind, spent in
                  {**drawn, "filter": redrawn["floor"]["filter"]}.items()]
    note = f"measured after the {scale} pages"
    figures = []
    for path, label in ((FLOOR_EMPTY, "empty Streamlit page"), (FLOOR_CHART, "one 3-bar Plotly chart")):
        figures.append(timing("browser floor", f"{label}: first visit, nothing cached", scale,
                              results[path]["first visit"], note=note))
        figures.append(timing("browser floor", f"{label}: new tab, scripts cached", scale, results[path]["cached"],
                              note=note))
    figures.append(timing("browser floor", "one selectbox feeding one 3-bar chart: filter change → redrawn", scale,
                          results[FLOOR_SELECT]["filter"], note=note))
    floors = {"first visit": breakdown.summary(results[FLOOR_CHART]["parts"]["first visit"]),
              "cached": breakdown.summary(results[FLOOR_CHART]["parts"]["cached"]),
              "filter": breakdown.summary(results[FLOOR_SELECT]["parts"]["filter"])}
    rows = [("floor", scale, kind, summary) for kind, summary in floors.items()]
    return Section(figures, rows, {scale: floors}, [], owners), profiles
