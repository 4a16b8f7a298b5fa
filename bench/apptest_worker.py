"""Server-side page runs: every page through Streamlit's AppTest, unfiltered and filtered.

    ROADMAP_DATA=… [ROADMAP_REPORTS=…] python -m bench.apptest_worker --out results.json --akimat NAME [--runs 5]

Run by bench.run in a process of its own per dataset and report log, because the app reads ROADMAP_DATA
and ROADMAP_REPORTS at import and keeps its database (with the log it has read) and query caches for the
life of the process.  An AppTest run is the whole
script as a session's rerun executes it (the entry script's filter panel and downloads, then the
page), including AppTest's own reading of the output, which a real server does not do.

- unfiltered: reruns of the default view with the query cache warm, as every session after the first
  gets it;
- filtered: the akimat filter set and the page rerun with the query cache emptied first, as the first
  user to choose that filter gets it.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.measure import RUNS, WARMUP
from roadmap import ui

ROOT = Path(__file__).resolve().parent.parent
# Every page of the navigation, the default first; a page not written yet (the Execution and Reports pages
# of the executors' reports arrive with their issue) is left out rather than failing the whole bench.
PAGES = [page for page in ("app_pages/overview.py", "app_pages/funding.py", "app_pages/executors.py",
                           "app_pages/timeline.py", "app_pages/measures.py", "app_pages/execution.py",
                           "app_pages/reports.py") if (ROOT / page).is_file()]


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    check(at, page)
    return at


def check(at: AppTest, page: str) -> None:
    if at.exception:
        raise SystemExit(f"{page}: the page raised {at.exception[0].message}")


def timed_run(at: AppTest, page: str, cpu: list[float] | None = None) -> float:
    """The run's wall-clock seconds; its CPU seconds (every thread of this process: the script's, DuckDB's)
    appended to `cpu`, which other processes on a shared machine disturb far less than the clock."""
    start, started_cpu = time.perf_counter(), time.process_time()
    at.run()
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(time.process_time() - started_cpu)
    check(at, page)
    return elapsed


def elements(at: AppTest) -> dict[str, int]:
    """What the page drew, by kind of element (leaves of its tree): a page that draws charts with reports and a
    sentence without them is not the same page, whatever the log's size."""
    def leaves(node) -> list[str]:
        children = getattr(node, "children", None)
        if isinstance(children, dict) and children:
            return [kind for child in children.values() for kind in leaves(child)]
        return [node.type]
    return dict(Counter(leaves(at.main)))


def forget_queries() -> None:
    ui.cached.clear()
    ui.database().forget()  # the kept rows of each filter combination too: the first user's run asks them


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--akimat", required=True, help="the filter of the filtered runs")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    open_page(PAGES[0])
    results: dict[str, object] = {"first_run_s": time.perf_counter() - start, "pages": {}}
    for page in PAGES:
        at = open_page(page)
        unfiltered_cpu: list[float] = []
        unfiltered = [timed_run(at, page, unfiltered_cpu) for _ in range(WARMUP + args.runs)][WARMUP:]
        drawn = {"unfiltered_elements": elements(at)}
        filtered, filtered_cpu = [], []
        for _ in range(WARMUP + args.runs):
            forget_queries()
            at.multiselect(key="akimat").set_value([args.akimat])
            filtered.append(timed_run(at, page, filtered_cpu))
            drawn["filtered_elements"] = elements(at)
            at.multiselect(key="akimat").set_value([]).run()
        results["pages"][page] = {"unfiltered": unfiltered, "filtered": filtered[WARMUP:],
                                  "unfiltered_cpu": unfiltered_cpu[WARMUP:], "filtered_cpu": filtered_cpu[WARMUP:],
                                  **drawn}
    args.out.write_text(json.dumps(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
