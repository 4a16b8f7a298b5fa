"""Where a script run's time goes on the server, measured from outside the app: installed by
bench/timed_server.py (the benchmark's entry script) before the first run, it wraps a few functions the
pages call and writes one JSON line per script run:

    {"start": epoch s, "wall": s, "cpu": s (the script thread's CPU), "page": url path, "fragment": bool,
     "steps": {"queries": s, "database": s, "figures": s, "plotly_chart": s, "to_json": s, "dataframe": s}}

- queries: the pages' cached questions (roadmap.ui.cached._query): the cache lookup, the copy of the cached
  frame it hands back and, on a miss, the database (`database`, RoadmapDB.filtered, count and report_state, is
  also counted on its own: it runs within `queries` or, for the report state and the count, beside it);
- figures: building the Plotly figures (every function roadmap.charts exports);
- plotly_chart: Streamlit's st.plotly_chart, which copies the figure to a dict, serialises it to JSON
  (`to_json`, counted on its own too), hashes the spec for the element's id and queues the message;
- dataframe: st.dataframe (the frame to Arrow, and the message).
What is left of `wall` is the rest of the script: the sidebar's widgets, texts, the other elements.

Off unless BENCH_SERVER_TIMINGS names the output file.  With BENCH_PROFILE=DIR, a run that starts while
DIR/on exists (its text is a label) is also profiled with cProfile, its stats written to
DIR/<label>-<n>.pstats: the benchmark turns this on for an untimed pass only, as profiling slows Python.
"""
from __future__ import annotations

import cProfile
import json
import os
import threading
import time
from functools import wraps
from pathlib import Path

_local = threading.local()
_lock = threading.Lock()
_patched = False
_profiles = 0


def _timed(step: str, fn):
    """fn, with its time added to this run's `step` (the outermost call only, when it calls itself)."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        run = getattr(_local, "run", None)
        if run is None or step in run["open"]:
            return fn(*args, **kwargs)
        run["open"].add(step)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            run["steps"][step] = run["steps"].get(step, 0.0) + time.perf_counter() - start
            run["open"].discard(step)
    return wrapper


def _patch_app() -> None:
    """The app's own functions, patched at the first script run: importing roadmap.ui.cached before
    Streamlit's runtime exists would log a warning for each of its caches."""
    global _patched
    with _lock:
        if _patched:
            return
        import plotly.io
        import plotly.tools
        import streamlit
        from streamlit.delta_generator import DeltaGenerator

        from roadmap import charts
        from roadmap.queries import RoadmapDB
        from roadmap.ui import cached

        original = cached._query
        cached._query = _timed("queries", original)
        cached._query.clear = original.clear
        for name in ("filtered", "count", "report_state"):
            setattr(RoadmapDB, name, _timed("database", getattr(RoadmapDB, name)))
        for name in charts.__all__:
            if callable(getattr(charts, name)) and not isinstance(getattr(charts, name), type):
                setattr(charts, name, _timed("figures", getattr(charts, name)))
        plotly.io.to_json = _timed("to_json", plotly.io.to_json)
        for element in ("plotly_chart", "dataframe"):
            # st.<element> is a method bound to the main container when streamlit is imported; columns and
            # the sidebar reach it through the class.
            setattr(DeltaGenerator, element, _timed(element, getattr(DeltaGenerator, element)))
            setattr(streamlit, element, _timed(element, getattr(streamlit, element)))
        _patched = True


def _page(ctx) -> str:
    try:
        return ctx.pages_manager.get_pages()[ctx.page_script_hash]["url_pathname"]
    except (AttributeError, KeyError):
        return ""


def install(out: Path, profile_dir: Path | None) -> None:
    """Time every script run of this process from now on (see the module's docstring)."""
    from streamlit.runtime.scriptrunner import script_runner

    run_script = script_runner.exec_func_with_error_handling

    def timed_run(func, ctx):
        global _profiles
        _patch_app()
        label = None
        if profile_dir is not None and (profile_dir / "on").exists():
            label = (profile_dir / "on").read_text().strip() or "run"
        _local.run = {"steps": {}, "open": set()}
        profiler = cProfile.Profile() if label else None
        start, started, cpu = time.time(), time.perf_counter(), time.thread_time()
        try:
            if profiler:
                profiler.enable()
            return run_script(func, ctx)
        finally:
            if profiler:
                profiler.disable()
            record = {"start": start, "wall": time.perf_counter() - started, "cpu": time.thread_time() - cpu,
                      "page": _page(ctx), "fragment": bool(ctx.fragment_ids_this_run),
                      "steps": _local.run["steps"]}
            _local.run = None
            with _lock:
                with open(out, "a", encoding="utf-8") as file:
                    file.write(json.dumps(record) + "\n")
                if profiler:
                    _profiles += 1
                    profiler.dump_stats(str(profile_dir / f"{label}-{_profiles}.pstats"))

    script_runner.exec_func_with_error_handling = timed_run


def install_from_environment() -> None:
    out = os.environ.get("BENCH_SERVER_TIMINGS")
    if out:
        profile = os.environ.get("BENCH_PROFILE")
        install(Path(out), Path(profile) if profile else None)
