"""The round's consolidated information for the Presidential Administration, measured: the whole document
(DOCX and XLSX) of one round for every measure of a dataset, from the files, with 1,000 submissions and their
reviews in the log; time and the peak memory it adds, in a process of its own.

    python -m bench.document DATA REPORTS YEAR ROUND     (prints one JSON line; bench/run.py calls it)
"""
from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    data, reports, year, round_ = argv[0], argv[1], int(argv[2]), date.fromisoformat(argv[3])
    from i18n import ru
    from reporting import review, round_report
    from reporting.log import read_log
    from reporting.round_data import load_dataset, round_data
    from roadmap import round_report as app_report
    from roadmap.filters import Filters, LinkView
    from roadmap.queries import RoadmapDB

    before = _rss_mb()
    started = time.perf_counter()
    dataset = load_dataset(data)
    rows = round_data(dataset, read_log(reports), review.read_reviews(reports), year, round_)
    docx, xlsx = round_report.render(round_report.document(rows, ru), ru)
    cold = time.perf_counter() - started
    # As the app makes it at its link: the log already read by the process's database, which every page shares.
    db = RoadmapDB.open(data, reports_dir=reports)
    db.report_state(force=True)
    app_report.dataset(db)
    asked = app_report.Asked(LinkView(Filters(round=(round_.isoformat(),)), None), year, round_, None)
    started = time.perf_counter()
    app_report.live(db, asked, ru, "docx")
    app_report.live(db, asked, ru, "xlsx")
    warm = time.perf_counter() - started
    print(json.dumps({"seconds": warm, "cold_seconds": cold, "added_mb": _rss_mb() - before,
                      "measures": len(rows.measures), "docx_bytes": len(docx), "xlsx_bytes": len(xlsx)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
