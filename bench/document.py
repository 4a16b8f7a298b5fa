"""The round's consolidated information for the Presidential Administration, measured: the whole document of
one round for every measure of a decree, each format on its own, in a process of its own.

    python -m bench.document DATA REPORTS YEAR ROUND     (prints one JSON line; bench/run.py calls it)

First as the operator's `freeze` makes it, from the files (the dataset, every report and review read); then as
the app makes it at its link, the log already read by the process's database that every page shares: the DOCX,
then the XLSX.  For each: wall-clock and CPU seconds, and the peak memory it adds over what the process held
just before it (Linux's high-water mark, reset before each step; elsewhere the process's peak so far).
"""
from __future__ import annotations

import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

_STATUS, _CLEAR = Path("/proc/self/status"), Path("/proc/self/clear_refs")


def _kb(field: str) -> float | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return float(line.split()[1])
    except OSError:
        return None
    return None


def _measured(action: Callable[[], object]) -> tuple[object, dict]:
    """`action`'s result, and its seconds, CPU seconds and added peak memory (MB)."""
    gc.collect()
    try:
        _CLEAR.write_text("5")  # resets VmHWM, the peak resident size, to the current size
        reset = True
    except OSError:
        reset = False
    before = _kb("VmRSS") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _kb("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result, {"seconds": wall, "cpu_seconds": cpu, "added_mb": ((peak or 0) - (before or 0)) / 1024}


def main(argv: list[str]) -> int:
    data, reports, year, round_ = argv[0], argv[1], int(argv[2]), date.fromisoformat(argv[3])
    from i18n import ru
    from reporting import review, round_report
    from reporting.log import read_log
    from reporting.round_data import load_dataset, round_data
    from roadmap import round_report as app_report
    from roadmap.filters import Filters, LinkView
    from roadmap.queries import RoadmapDB

    def from_files() -> tuple[int, bytes, bytes]:
        rows = round_data(load_dataset(data), read_log(reports), review.read_reviews(reports), year, round_)
        return (len(rows.measures), *round_report.render(round_report.document(rows, ru), ru))

    (measures, docx, xlsx), cold = _measured(from_files)
    sizes = {"docx_bytes": len(docx), "xlsx_bytes": len(xlsx)}
    del docx, xlsx
    db = RoadmapDB.open(data, reports_dir=reports)
    db.report_state(force=True)
    app_report.dataset(db)
    asked = app_report.Asked(LinkView(Filters(round=(round_.isoformat(),)), None), year, round_, None)
    warm = {}
    for kind in ("docx", "xlsx"):
        _, warm[kind] = _measured(lambda kind=kind: app_report.live(db, asked, ru, kind))
    print(json.dumps({"measures": measures, "cold": cold, **warm, **sizes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
