"""The benchmark: the dashboard at 1× (the 2021 decree, 67 measures) and 1,000× (67,000 generated).

    python -m bench.run [--runs 5] [--skip-browser] [--sections reports,…] [--out bench/results.json]
                                                                                    # or: make bench

Prints one table and writes bench/results.json.  Every timing is the median of --runs runs after a
warm-up, with min and max; each figure the issue sets a target for shows it and whether it was met.
Sections: loader, database load, query layer (DuckDB, with the same queries naively in pandas as the
reference), server-side page runs (AppTest), real browser with server memory, the browser's floor (a
Streamlit page with nothing of ours, bench/floor_app.py) and each browser figure's parts (bench/in_browser.py,
printed as a second table), the export routes over HTTP, and the executors'
report log: the page runs with 1,000 submissions in it against the same with none, and its reading by the
query layer; and hostile report files (bench/hostile.py: each kind of the issue validated in a child process
against a valid template, its verdict, peak memory and CPU).  `--sections` runs some of them only (e.g.
`--sections reports` while working on the log).

Timings are wall-clock on whatever else the machine is doing: on a shared 2-core machine they move by
tens of percent between runs; the medians of 5 are steadier than any single figure.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import streamlit

from bench import breakdown, browser, frontend, in_browser
from bench import hostile as hostile_files
from bench import reports as report_log
from bench.measure import RUNS, WARMUP, Figure, memory, ratio, repeat, table, timing
from loaders.build import DEFAULT_SOURCE, parse_file
from roadmap import config
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing import generate, naive
from testing.server import Server

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
X1 = str(ROOT / "data" / "roadmap.parquet")
X1000 = generate.DEFAULT_OUT
FILTER_AKIMAT = "Атырауская область"  # the filter of every "filtered" figure but the browser's

# The targets (on this 2-core machine).
PARSE_MS = 50
PAGE_RUN_MS = {"1×": 150, "1000×": 500}
DUCKDB_OVER_PANDAS = 5  # at 1,000×
EXPORT_MS = {"measures.csv": 1000, "measures.json": 1000, "measures.xlsx": 4000}  # all 67,000 measures (issue 10)
EXPORT_RSS_GROWTH_MB = 100
LOG_OVER_EMPTY = 1.5  # a page's run with 1,000 submissions in the log ÷ the same run with an empty log
HEAVY_ELEMENTS = ("plotly_chart", "dataframe", "table")  # what makes two runs of a page the same page to compare
# What --sections names.
SECTIONS = ("loader", "queries", "exports", "pages", "browser", "reports", "hostile", "document")

def page_queries(db: RoadmapDB, f: Filters, as_of) -> list[tuple[str, dict, str]]:
    """Every query a page runs for these filters, with its parameters, as the pages call app.query."""
    count = int(db.filtered("kpis", f).iloc[0]["measures"])
    gantt = ("gantt_measures", {"limit": config.GANTT_MAX_BARS}) if count <= config.GANTT_MAX_BARS else (
        "gantt_windows", {"limit": config.GANTT_MAX_WINDOWS})
    return [
        ("kpis", {}, "sidebar of every page"),
        ("by_group", {}, "overview, funding"),
        ("funding_split", {}, "funding"),
        ("funding_classes", {}, "funding"),
        ("ranked_costs", {"limit": config.RANKED_MAX_BARS}, "funding"),
        ("executor_workload", {}, "executors"),
        ("executor_by_group", {}, "executors"),
        ("deadline_status", {"as_of": as_of}, "timeline"),
        (gantt[0], gantt[1], "timeline"),
        ("deadlines_by_month", {"period": "month"}, "timeline"),
        ("measure_page", {"limit": config.MEASURES_PAGE_SIZE, "offset": 0}, "measures"),
    ]


def loader_figures(runs: int) -> list[Figure]:
    figures = [timing("loader", "parse + normalise + validate the 2021 text, in-process", "",
                      repeat(lambda: parse_file(DEFAULT_SOURCE), runs), PARSE_MS)]
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "loaders.build", str(DEFAULT_SOURCE),
                   "--out", str(Path(tmp) / "roadmap.parquet")]
        seconds = repeat(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), runs)
    figures.append(timing("loader", "python -m loaders.build, whole process", "", seconds))
    return figures


def query_figures(db: RoadmapDB, df: pd.DataFrame, scale: str, runs: int) -> tuple[list[Figure], dict]:
    """DuckDB per page query, unfiltered and filtered, each beside the naive pandas time for it."""
    figures, totals = [], {}
    as_of = naive.as_of_for(df)
    for label, f in (("unfiltered", Filters()), ("filtered", Filters(akimat=(FILTER_AKIMAT,)))):
        duck_total, pandas_total = [0.0] * runs, [0.0] * runs
        for name, extra, where in page_queries(db, f, as_of):
            ours, theirs = (naive.key(name, db.filtered(name, f, **extra)),
                            naive.key(name, naive.run(df, name, f, **extra)))
            if ours != theirs:  # a speed comparison of different answers would mean nothing
                raise SystemExit(f"{name} ({label}, {scale}): DuckDB and pandas disagree")
            duck = repeat(partial(db.filtered, name, f, **extra), runs)
            slow = repeat(partial(naive.run, df, name, f, **extra), runs)
            duck_total = [a + b for a, b in zip(duck_total, duck)]
            pandas_total = [a + b for a, b in zip(pandas_total, slow)]
            fig = timing("queries", f"{name} [{where}], {label}", scale, duck)
            fig.note = f"pandas {statistics.median(slow) * 1000:,.1f} ms"
            figures.append(fig)
        totals[label] = (duck_total, pandas_total)
        figures.append(timing("queries", f"all page queries above, {label}, DuckDB", scale, duck_total))
        figures.append(timing("queries", f"all page queries above, {label}, naive pandas", scale, pandas_total))
    first = db.filtered("measure_page", Filters(), limit=1, offset=0).iloc[0]
    measure = {"year": int(first.roadmap_year), "measure_no": int(first.measure_no)}
    figures.append(timing("queries", "source_text [measures: one measure's decree text]", scale,
                          repeat(partial(db.plain, "source_text", measure), runs)))
    ratios = []
    for label, (duck_total, pandas_total) in totals.items():
        ratios.append(ratio("pandas ÷ DuckDB", f"all page queries, {label}", scale, pandas_total, duck_total,
                            DUCKDB_OVER_PANDAS if scale == "1000×" else None))
    return figures, {"ratios": ratios}


def _fetch(url: str, srv: Server) -> tuple[float, float, float]:
    """One export over HTTP: seconds to the first byte and to the last, and how far the server's resident
    memory rose above where it stood before the request (sampled every 10 ms meanwhile)."""
    before = srv.rss_mb()
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak.append(srv.rss_mb())

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=600) as response:
            response.read(1)
            first = time.perf_counter() - start
            while response.read(1 << 16):
                pass
        whole = time.perf_counter() - start
    finally:
        done.set()
        sampler.join()
    return first, whole, max(peak) - before


def export_figures(data: str, scale: str, runs: int) -> list[Figure]:
    """The export routes of issue 10 over HTTP, from a real server: the whole file, its first byte, and
    the server's memory growth while it is made."""
    figures = []
    with browser.server(data, OUT_DIR / f"server_exports_{scale}") as srv:
        for label, query in (("unfiltered", ""), ("filtered", urllib.parse.urlencode({"akimat": FILTER_AKIMAT}))):
            for name in ("measures.csv", "measures.json", "measures.xlsx", "brief.html"):
                url = f"{srv.url}/export/{name}" + (f"?{query}" if query else "")
                _fetch(url, srv)  # warm-up: the database load of the first request, and imports
                results = [_fetch(url, srv) for _ in range(runs)]
                at_scale = scale == "1000×" and label == "unfiltered"
                limit = EXPORT_MS.get(name) if at_scale else None
                figures.append(timing("exports", f"{name}, {label}: whole file", scale, [r[1] for r in results], limit))
                figures.append(timing("exports", f"{name}, {label}: first byte", scale, [r[0] for r in results]))
                if name == "measures.xlsx":
                    figures.append(memory("exports", f"{name}, {label}: server RSS growth while it is made", scale,
                                          max(r[2] for r in results), EXPORT_RSS_GROWTH_MB if at_scale else None))
    return figures


def apptest_results(data: str, scale: str, runs: int, reports_dir: Path, log_name: str) -> dict:
    """bench/apptest_worker.py's timings of every page in a process of its own, on this data and report log."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "apptest.json"
        env = {**os.environ, "ROADMAP_DATA": data, "ROADMAP_REPORTS": str(reports_dir)}
        # Outside a server, Streamlit warns of its missing runtime on every run: kept out of the table,
        # in a log beside the servers' logs, and shown when the worker fails.
        log = OUT_DIR / f"{log_name}.log"
        with open(log, "w") as err:
            done = subprocess.run([sys.executable, "-m", "bench.apptest_worker", "--out", str(out), "--akimat",
                                   FILTER_AKIMAT, "--runs", str(runs)], cwd=ROOT, env=env, stderr=err)
        if done.returncode:
            raise SystemExit(f"the AppTest worker failed ({log_name}):\n{log.read_text()[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def apptest_figures(data: str, scale: str, runs: int) -> list[Figure]:
    # An empty report log, whatever data/reports (the app's default, and a developer's tries) holds: the
    # report section measures what a log adds to these figures.
    with tempfile.TemporaryDirectory() as empty:
        result = apptest_results(data, scale, runs, Path(empty), f"apptest_{scale}")
    figures = [timing("page runs", "first run of a new process (imports, database load, page)", scale,
                      [result["first_run_s"]], note="1 run")]
    for page, runs_by_kind in result["pages"].items():
        name = Path(page).stem
        figures.append(timing("page runs", f"{name}, unfiltered (warm query cache)", scale,
                              runs_by_kind["unfiltered"], PAGE_RUN_MS[scale]))
        figures.append(timing("page runs", f"{name}, filtered (query cache emptied)", scale,
                              runs_by_kind["filtered"], PAGE_RUN_MS[scale]))
    return figures


def log_ratio(page: str, kind: str, scale: str, full: dict, base: dict, submissions: int, base_name: str,
              empty: bool) -> Figure:
    """A page's run with the whole log ÷ the same run on a smaller log, with its ≤ target.  A page that draws
    its charts and tables only from reports (the Execution page) draws a sentence with an `empty` log, and a
    ratio to that says nothing of the log's size: the figure then says so and keeps no target (the ratio to
    the one-per-executor log, where every page draws everything, holds it).  The note gives the medians and
    the same ratio in CPU time, which the machine's other work disturbs far less than the clock."""
    ms = [statistics.median(x[kind]) * 1000 for x in (full, base)]
    cpu = statistics.median(full[f"{kind}_cpu"]) / statistics.median(base[f"{kind}_cpu"])
    drawn = [sum(n for k, n in x[f"{kind}_elements"].items() if k in HEAVY_ELEMENTS) for x in (full, base)]
    same = drawn[0] == drawn[1]
    note = f"{ms[0]:,.0f} ms vs {ms[1]:,.0f} ms; CPU {cpu:.2f}×"
    if not same:
        note += f"; not like for like: {drawn[1]} charts and tables drawn on the smaller log, {drawn[0]} on this one"
    fig = ratio("reports log", f"{Path(page).stem}, {kind}: page run, {submissions:,} submissions ÷ {base_name}",
                scale, full[kind], base[kind], note=note)
    # measure.ratio's target is a floor (how many times faster); this one is a ceiling.
    if same or not empty:
        fig.target, fig.met = f"≤ {LOG_OVER_EMPTY:g}×", fig.median <= LOG_OVER_EMPTY
    return fig


def pooled(results: list[dict]) -> dict:
    """Several apptest_worker results of one log as one: every page's timed runs side by side, the first
    pass's first run of a new process (the later passes find the files in the OS cache)."""
    first, pages = results[0], {}
    for page, by_kind in first["pages"].items():
        pages[page] = {key: ([v for r in results for v in r["pages"][page][key]] if isinstance(value, list)
                             else value) for key, value in by_kind.items()}
    return {**first, "pages": pages}


def report_figures(data: str, scale: str, runs: int) -> list[Figure]:
    """The executors' report log: every page run (AppTest) with 1,000 submissions in the log against the same
    run with an empty log, as a ratio with its target; and the query layer's reading of the log."""
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        # Reports are for rounds: data without a reporting calendar (bench/generate.py's) gets the 2021 decree's.
        data = report_log.with_calendar(data, Path(tmp) / "data")
        started = time.perf_counter()
        log = report_log.generate_log(data, Path(tmp) / "log")
        shape = f"{log.submissions:,} submissions, {log.rows:,} rows, {log.executors} executors, {log.rounds} rounds"
        print(f"  {shape} written in {time.perf_counter() - started:.1f} s", flush=True)
        empty = Path(tmp) / "empty"
        empty.mkdir()
        # The Execution and Reports pages draw their charts and history only from reports, so against an
        # empty log they compare a full page with a sentence; a log of one report per executor and round has
        # everything drawn, and so isolates what the log's size costs.
        one_each = report_log.generate_log(data, Path(tmp) / "one_each", submissions=None)
        # Three logs, each in processes of its own, in two passes of opposite order (A B C, then C B A) whose
        # runs are pooled: a ratio of two processes' figures otherwise carries whatever the machine was doing
        # while each ran (a quiet run once put four pages at 1.6-1.8x that the same code measured at 0.8-1.2x).
        logs = {"empty": empty, "1000": log.directory, "one_each": one_each.directory}
        passes = [{name: apptest_results(data, scale, (runs + 1) // 2, folder, f"apptest_reports_{name}_{scale}")
                   for name, folder in order}
                  for order in (list(logs.items()), list(reversed(logs.items())))]
        without, with_log, smallest = (pooled([p[name] for p in passes]) for name in logs)
        figures.append(timing("reports log", "first run of a new process, the whole log read in it", scale,
                              [with_log["first_run_s"]],
                              note=f"{shape}; empty log {without['first_run_s'] * 1000:,.0f} ms; 1 run"))
        for page, by_kind in with_log["pages"].items():
            for kind in ("unfiltered", "filtered"):
                for base, name in ((without, "empty log"),
                                   (smallest, f"{one_each.submissions} (one per executor and round)")):
                    figures.append(log_ratio(page, kind, scale, by_kind, base["pages"][page], log.submissions, name,
                                             empty=base is without))

        # The query layer's reading (RoadmapDB.report_state): a fresh database reads every file (as a new
        # server process does; the files are in the OS cache by now), a database that has read them looks at
        # the directory again (every refresh_seconds of every session's query), and reads one file added.
        cold = []
        for _ in range(WARMUP + runs):
            db = RoadmapDB.open(data, reports_dir=log.directory)
            start = time.perf_counter()
            db.report_state(force=True)
            cold.append(time.perf_counter() - start)
        figures.append(timing("reports log", f"report_state, new RoadmapDB: read all {log.submissions:,} files",
                              scale, cold[WARMUP:]))
        figures.append(timing("reports log", "report_state again, nothing new: list the directory", scale,
                              repeat(partial(db.report_state, force=True), runs)))
        added = []
        for _ in range(WARMUP + runs):
            log.add()  # through reporting.store, as the Reports page stores an upload
            start = time.perf_counter()
            db.report_state(force=True)
            added.append(time.perf_counter() - start)
        figures.append(timing("reports log", "report_state after one more file: read it, recompute the latest",
                              scale, added[WARMUP:]))
    return figures


# The round document's targets (issue 20): the whole document of a round within these, each format.
DOCUMENT_SECONDS = {"1×": 1.0, "1000×": 10.0}
DOCUMENT_ADDED_MB = 300
# At 1,000× every measure is one decree (report_log.one_decree), reported on by each executor in each round and
# corrected now and then: 100 submissions of ~3,300 rows.  The 1,000 of the 1× log would be 3.3 million rows
# (3.7 GB once read) for one decree: a log no round has, measuring the reading of the log, not the document.
DOCUMENT_SUBMISSIONS = {"1×": report_log.SUBMISSIONS, "1000×": 100}


def document_figures(data: str, scale: str, runs: int) -> list[Figure]:
    """The DOCX and XLSX of one round for every measure of a decree (the 2021 decree's 67; all 67,000 of the
    1,000× data as one decree), with its submissions and as many reviews in the log, each run in a process of
    its own (bench/document.py) so that its peak memory is its own."""
    with tempfile.TemporaryDirectory() as tmp:
        data = (report_log.one_decree(data, Path(tmp) / "data" / "roadmap.parquet") if scale == "1000×"
                else report_log.with_calendar(data, Path(tmp) / "data"))
        log = report_log.generate_log(data, Path(tmp) / "log", DOCUMENT_SUBMISSIONS[scale])
        _, metas = report_log.load_roadmap(data)
        year = min(metas)
        round_ = report_log.rounds(metas[year])[0]
        results = []
        for _ in range(runs):
            done = subprocess.run([sys.executable, "-m", "bench.document", data, str(log.directory), str(year),
                                   round_.isoformat()], cwd=ROOT, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = results[0]
    about = f"{first['measures']:,} measures, {log.submissions:,} submissions ({log.rows:,} rows)"
    cpu = lambda part: statistics.median(r[part]["cpu_seconds"] for r in results)  # noqa: E731
    figures = []
    for kind in ("docx", "xlsx"):
        figures.append(timing("round document", f"{kind.upper()} of one round at its link (log already read)", scale,
                              [r[kind]["seconds"] for r in results], limit_ms=DOCUMENT_SECONDS[scale] * 1000,
                              note=f"{about}; CPU {cpu(kind):.2f} s; {first[kind + '_bytes'] / 2**20:.1f} MB"))
        figures.append(memory("round document", f"peak memory the {kind.upper()} adds", scale,
                              max(r[kind]["added_mb"] for r in results), DOCUMENT_ADDED_MB))
    figures.append(timing("round document", "both in a new process, from the files (the CLI's freeze)", scale,
                          [r["cold"]["seconds"] for r in results],
                          note=f"reads the dataset and every report and review first; CPU {cpu('cold'):.2f} s"))
    figures.append(memory("round document", "peak memory that adds (the log read included)", scale,
                          max(r["cold"]["added_mb"] for r in results)))
    return figures


def by_scale(title: str, rows: list[tuple], scales, table_of) -> None:
    """A title, then one table per scale of the rows (page, scale, ...) of that scale."""
    print(title)
    for scale in scales:
        mine = [row for row in rows if row[1] == scale]
        if mine:
            print(table_of(mine, scale))
            print()


def _sections(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SECTIONS))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"sections are {', '.join(SECTIONS)}; not {', '.join(unknown) or 'none'}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS,
                        help=f"timed runs per figure (default {RUNS}, at least 5 for results)")
    parser.add_argument("--skip-browser", action="store_true", help="leave out the browser and memory sections")
    parser.add_argument("--sections", type=_sections, default=list(SECTIONS),
                        help=f"only these, comma-separated (default all: {','.join(SECTIONS)}); the results "
                             "file then holds only their figures, so give --out another file")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sections = [name for name in args.sections if not (args.skip_browser and name == "browser")]
    started = time.perf_counter()
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    if set(sections) - {"hostile"}:  # the hostile files are read against the 1× roadmap only
        print("generating the 1,000× dataset …", flush=True)
        generate.main(["--out", str(X1000)])
    datasets = {"1×": X1, "1000×": str(X1000)}

    figures: list[Figure] = []
    if "loader" in sections:
        print("loader …", flush=True)
        figures += loader_figures(args.runs)
    ratios: list[Figure] = []
    downloads: list[Figure] = []
    dbs = {}
    for scale, data in datasets.items():
        if "queries" in sections:
            print(f"database load and queries, {scale} …", flush=True)
            load = repeat(partial(RoadmapDB.open, data), args.runs)
            figures.append(timing("database load", "read parquet + validate + build DuckDB tables (once per server)",
                                  scale, load))
            dbs[scale] = db = RoadmapDB.open(data)
            found, extra = query_figures(db, naive.load(data), scale, args.runs)
            figures += found
            ratios += extra["ratios"]
        if "exports" in sections:
            print(f"exports over HTTP, {scale} …", flush=True)
            downloads += export_figures(data, scale, args.runs)
    if "pages" in sections:
        for scale, data in datasets.items():
            print(f"page runs (AppTest), {scale} …", flush=True)
            figures += apptest_figures(data, scale, args.runs)
    if "reports" in sections:
        for scale, data in datasets.items():
            print(f"executors' report log: 1,000 submissions against none, {scale} …", flush=True)
            figures += report_figures(data, scale, args.runs)
    if "document" in sections:
        for scale, data in datasets.items():
            print(f"the round's document for the Presidential Administration, {scale} …", flush=True)
            figures += document_figures(data, scale, args.runs)
    in_browser_parts, floors, profiles, owners = [], {}, [], []
    if "browser" in sections:
        for scale, data in datasets.items():
            print(f"browser and memory, {scale}, then the floor …", flush=True)
            found = in_browser.pages(dbs.get(scale) or RoadmapDB.open(data), data, scale, args.runs, OUT_DIR)
            figures += found.figures
            in_browser_parts += found.rows
            floors |= found.floors
            profiles += found.profiles
            owners += found.owners
    hostile_table = ""
    if "hostile" in sections:
        print("hostile report files, each validated in a child process against a valid template …", flush=True)
        valid, verdicts = hostile_files.verdicts()
        figures += hostile_files.figures(valid, verdicts)
        hostile_table = hostile_files.report(valid, verdicts)
    figures += ratios + downloads

    left_over = [breakdown.left_over(page, scale, kind, summary, floors[scale][kind], in_browser.OVER_FLOOR[kind])
                 for page, scale, kind, summary in in_browser_parts if page != "floor"]
    elapsed = time.perf_counter() - started
    results = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "versions": {"streamlit": streamlit.__version__, "duckdb": duckdb.__version__, "pandas": pd.__version__},
        "datasets": {scale: {"path": str(Path(p).relative_to(ROOT)), "measures": pq.read_metadata(p).num_rows}
                     for scale, p in datasets.items() if Path(p).exists()},
        "sections": sections, "runs": args.runs, "warmup": WARMUP, "seconds": round(elapsed, 1),
        "targets_missed": [f"{f.section}: {f.name} ({f.scale})" for f in figures if f.met is False],
        "figures": [f.as_dict() for f in figures],
        "browser_breakdown": [{"page": page, "scale": scale, "kind": kind, **{k: v for k, v in summary.items()
                                                                              if k != "samples"}}
                              for page, scale, kind, summary in in_browser_parts],
        "browser_left_over": left_over,
        "browser_owners": [{"page": page, "scale": scale, "kind": kind,
                            "ms": {k: round(v, 1) for k, v in spent.items()}} for page, scale, kind, spent in owners],
    }
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print()
    print(table(figures))
    print()
    if in_browser_parts:
        by_scale("Where the browser's time goes (medians, ms; bench/breakdown.py says what each part is), by scale, "
                 "each page beside the floor measured after it:", in_browser_parts, datasets,
                 lambda rows, scale: breakdown.table(rows, floors[scale]))
        print("cProfile of each page's runs: " + ", ".join(str(p.relative_to(ROOT)) for p in profiles))
        print()
        print("What is left of each target (ms): the page's total without the server's run over the floor's, a lower "
              "bound of what a free server would give (bench/breakdown.py, left_over):")
        print(breakdown.left_over_table(left_over))
        print()
    if owners:
        by_scale("Whose work the browser's main thread does (ms in one profiled visit; bench/frontend.py says who is "
                 "who; the profiles are under bench/out/server_<scale>/profile/browser/):", owners, datasets,
                 lambda rows, _: frontend.table(rows, {kind: spent for page, _, kind, spent in rows
                                                       if page == "floor"}))
    if hostile_table:
        print(hostile_table)
        print()
    missed = results["targets_missed"]
    print(f"{len(figures)} figures, {sum(f.met is True for f in figures)} targets met, {len(missed)} missed"
          + (": " + "; ".join(missed) if missed else "") + f"; {elapsed:.0f} s in all; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
