"""A log of executors' reports for the benchmark: 1,000 submissions over every round and executor of a dataset.

    python -m bench.reports --out DIR [--data data/roadmap.parquet] [--submissions 1000]

Each submission is one executor's report for one round of one decree, written as reporting/store.py's store()
writes it (submission_table, one zstd parquet file named by file_name_for), but without store()'s look for the
executor's latest file and its claims: at 1,000 files those reads would make the log slow to write, and the
bench measures reading the log, not writing it.  Every (decree, round, executor) gets one submission; the rest
go to some executors far more than others, as resubmissions (a few executors correct their report many times,
most never do).  A submission reports all of the executor's measures of that decree, or now and then only some
of them; statuses, amounts spent and comments are random.  Deterministic (fixed seed).  One submission per
executor is also put through validate() as a CSV, so the log holds only what the app would have accepted.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from loaders.files import legend_path
from loaders.groups import group_keys
from reporting import review
from reporting.decrees import decrees as decrees_of
from reporting.decrees import executors, load_roadmap, rounds
from reporting.store import file_name_for, store, submission_table
from reporting.validate import ReportRow, Submission, validate
from reporting.vocabulary import STATUSES
from testing import generate
from testing.naive import assigned

SEED = 20210705
SUBMISSIONS = 1000
# What executors write in the comment column: a phrase or two, sometimes a longer account.
PHRASES = (
    "Мероприятие исполнено в установленный срок.", "Информация направлена в МИОР.",
    "Проведены круглые столы с участием общественности.", "Финансирование выделено не в полном объёме.",
    "Срок исполнения перенесён по согласованию с уполномоченным органом.", "Работа продолжается.",
    "Подготовлен проект нормативного правового акта.", "Охвачено более 5 000 человек.",
    "Закупочные процедуры не состоялись, объявлен повторный конкурс.", "Материалы размещены на сайте.",
)


@dataclass
class Log:
    """A generated log, and what it takes to store one more submission the way the app stores it."""
    directory: Path
    submissions: int
    rows: int
    executors: int
    rounds: int  # (decree, round) pairs
    _make: Callable[[int], tuple[Submission, datetime]]  # (index) -> (a submission, when), for `add`
    _added: int = 0

    def add(self) -> Path:
        """One more submission through reporting.store, after all the others (as a new upload is)."""
        self._added += 1
        submission, when = self._make(self.submissions + self._added)
        return store(submission, self.directory, "bench:add", when).path


def with_calendar(data: str, directory: Path) -> str:
    """`data` itself when each of its decrees has a reporting calendar; else its years as files of their own
    in `directory` (a glob of them is returned), each with the 2021 decree's calendar, number and date moved to
    its year.  testing/generate.py's data has no calendar: without rounds no page would show a report, and a
    log no page reads says nothing about the pages."""
    _, metas = load_roadmap(data)
    if all(rounds(m) for m in metas.values()):
        return data
    template = json.loads(pq.read_schema(generate.TEMPLATE).metadata[b"roadmap"])
    table = pq.read_table(data)
    meta = json.loads(table.schema.metadata[b"roadmap"])
    legend = pq.read_table(legend_path(Path(data))).replace_schema_metadata(None)
    table = table.replace_schema_metadata(None)
    moved = lambda text, year: generate._redate(date.fromisoformat(str(text)[:10]), year).isoformat()  # noqa: E731
    for year in sorted(metas):
        part = table.filter(pc.equal(table["roadmap_year"], year))
        generate.write(part, legend, {
            **meta, "roadmap_year": str(year), "decree_number": template["decree_number"],
            "decree_date": moved(template["decree_date"], year),
            "reporting_calendar": [{**e, "date": moved(e["date"], year)} for e in template["reporting_calendar"]],
        }, directory / f"roadmap_{year}.parquet")
    return str(directory / "roadmap_*.parquet")


def one_decree(data: str, out: Path) -> str:
    """Every measure of `data` (one file) as one decree of its first year, written to `out`: the largest round
    document the benchmark data can make (issue 20: all 67,000 measures as one document).  The measures are
    renumbered 1… group by group, as a decree numbers them, so the document has a handful of long groups; the
    decree's number, date and calendar are the 2021 decree's, moved to that year (as with_calendar does)."""
    template = json.loads(pq.read_schema(generate.TEMPLATE).metadata[b"roadmap"])
    table = pq.read_table(data)
    meta = json.loads(table.schema.metadata[b"roadmap"])
    legend = pq.read_table(legend_path(Path(data))).replace_schema_metadata(None)
    year = pc.min(table["roadmap_year"]).as_py()
    rows = table.replace_schema_metadata(None).to_pylist()
    _, orders = group_keys([r["section"] for r in rows], [r["direction"] for r in rows], [year] * len(rows),
                           [r["direction_name"] or r["section_name"] for r in rows])
    ranked = sorted(range(len(rows)), key=lambda i: (orders[i], rows[i]["roadmap_year"], rows[i]["measure_no"]))
    table = table.take(ranked).replace_schema_metadata(None)
    table = table.set_column(table.schema.get_field_index("roadmap_year"), "roadmap_year",
                             pa.array([year] * len(rows), table.schema.field("roadmap_year").type))
    table = table.set_column(table.schema.get_field_index("measure_no"), "measure_no",
                             pa.array(range(1, len(rows) + 1), table.schema.field("measure_no").type))
    moved = lambda text: generate._redate(date.fromisoformat(str(text)[:10]), year).isoformat()  # noqa: E731
    generate.write(table, legend, {
        **meta, "title": template["title"], "roadmap_year": str(year), "decree_number": template["decree_number"],
        "decree_date": moved(template["decree_date"]),
        "reporting_calendar": [{**e, "date": moved(e["date"])} for e in template["reporting_calendar"]],
    }, out)
    return str(out)


def _rows(rng: random.Random, year: int, numbers: list[int], round_index: int) -> tuple[ReportRow, ...]:
    # Mostly the whole list; one report in five leaves some measures out (they count as not reported).
    if len(numbers) > 1 and rng.random() < 0.2:
        numbers = sorted(rng.sample(numbers, rng.randint(max(1, len(numbers) // 2), len(numbers) - 1)))
    # Later rounds are further along.
    weights = (1, 3, 2, 1) if round_index == 0 else (4, 3, 1, 1)
    out = []
    for no in numbers:
        status = rng.choices(STATUSES, weights)[0]
        spent = round(rng.lognormvariate(8, 1.5), 1) if rng.random() < 0.5 else None
        comment = None
        # Anything short of done may be late, and late or not done needs its reasons (reporting.validate).
        if status != "done" or rng.random() < 0.6:
            comment = " ".join(rng.choices(PHRASES, k=rng.choice((1, 1, 2, 3, 8))))
        out.append(ReportRow(year, no, status, spent, comment))
    return tuple(out)


def _csv(submission: Submission) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["measure_no", "status", "spent_thousand_kzt", "comment"])
    for r in submission.rows:
        writer.writerow([r.measure_no, r.status, "" if r.spent_thousand_kzt is None else r.spent_thousand_kzt,
                         r.comment or ""])
    return out.getvalue().encode("utf-8")


def _accepted(submission: Submission, measures, metas: dict) -> None:
    """The submission as a CSV through validate(): the rows the app would have stored, or SystemExit."""
    result = validate(_csv(submission), "report.csv", measures, metas, submission.executor,
                              expected_round=submission.round,
                              expected_decree=(submission.roadmap_year, submission.decree_number))
    if not isinstance(result, Submission):
        raise SystemExit(f"bench.reports: a generated report is refused: {result[0]}")
    key = lambda rows: [(r.measure_no, r.status, r.spent_thousand_kzt, r.comment or None) for r in rows]  # noqa: E731
    if key(result.rows) != key(submission.rows):
        raise SystemExit(f"bench.reports: validate read a generated report of {submission.executor} differently")


def generate_log(data: str, directory: Path, submissions: int | None = SUBMISSIONS, seed: int = SEED) -> Log:
    """`submissions` files into `directory` (which should be empty) for the dataset `data` (a file or a glob);
    None: one per executor and round, the smallest log in which every page has everything to draw."""
    measures, metas = load_roadmap(data)
    decrees = decrees_of(metas)
    rng = random.Random(seed)
    # Each executor's measures, by roadmap year.
    mine: dict[tuple[int, str], list[int]] = {}
    for executor in executors(measures):
        by_year = defaultdict(list)
        for year, no in assigned(measures, executor):
            by_year[year].append(no)
        for year, numbers in by_year.items():
            if decrees[year].rounds:
                mine[year, executor] = numbers
    slots = [(year, i, executor) for (year, executor) in sorted(mine) for i in range(len(decrees[year].rounds))]
    if not slots:
        raise SystemExit(f"bench.reports: {data} has no reporting rounds to report for")
    if submissions is None:
        submissions = len(slots)
    # Every slot once (as far as the count goes), the rest as resubmissions by diligent or erratic executors.
    diligence = {executor: rng.lognormvariate(0, 0.8) for _, _, executor in slots}
    chosen = rng.sample(slots, len(slots)) if submissions < len(slots) else list(slots)
    chosen = chosen[:submissions]
    chosen += rng.choices(slots, [diligence[e] for _, _, e in slots], k=submissions - len(chosen))

    def make(index: int, slot: tuple[int, int, str] | None = None) -> tuple[Submission, datetime]:
        year, i, executor = slot or rng.choice(slots)
        decree = decrees[year]
        deadline = datetime.combine(decree.rounds[i], time(18), UTC)
        # From three weeks before the round's date to a week after it (late reports happen).
        when = deadline - timedelta(seconds=rng.randrange(-7 * 86400, 21 * 86400), microseconds=rng.randrange(10**6))
        sha = hashlib.sha256(f"{seed}-{index}".encode()).hexdigest()
        name = f"{executor} {decree.rounds[i]:%Y-%m-%d}.xlsx"
        return Submission(year, decree.number, decree.rounds[i], executor, _rows(rng, year, mine[year, executor], i),
                          name, sha), when

    made = [make(index, slot) for index, slot in enumerate(chosen)]
    checked = set()
    for submission, _ in made:
        if submission.executor not in checked:
            checked.add(submission.executor)
            _accepted(submission, measures, metas)
    directory.mkdir(parents=True, exist_ok=True)
    rows = 0
    stems = []
    for index, (submission, when) in enumerate(made):
        # Submitters: a few people per executor, as a ministry's staff.
        table = submission_table(submission, f"oidc:{submission.executor}:{index % 3}", when)
        name = file_name_for(when, submission.file_sha256)
        pq.write_table(table, directory / name, compression="zstd")
        stems.append((name[: -len(".parquet")], when))
        rows += table.num_rows
    # As many reviews as submissions (when a count was asked for): most accepted, some returned with a reason,
    # some decided twice (a later decision supersedes), each a record of its own as the Reports page writes it.
    for index in range(len(made) if submissions is not None else 0):
        stem, when = rng.choice(stems)
        decision = "returned" if rng.random() < 0.2 else "accepted"
        review.record(stem, decision, f"oidc:reviewer:{index % 4}", "Уточните суммы" if decision == "returned"
                      else None, directory, when + timedelta(days=1, seconds=index))
    # One more, for `Log.add`: after every generated one, as an upload now would be.
    latest = max(when for _, when in made)

    def one_more(index: int) -> tuple[Submission, datetime]:
        submission, _ = make(index)
        return submission, latest + timedelta(seconds=index)

    return Log(directory, len(made), rows, len({e for _, _, e in slots}), len({(y, i) for y, i, _ in slots}),
               one_more)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reports", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the directory (ROADMAP_REPORTS) to write into")
    parser.add_argument("--data", default=str(generate.TEMPLATE), help="the dataset (a parquet file or a glob)")
    parser.add_argument("--submissions", type=int, default=SUBMISSIONS)
    args = parser.parse_args(argv)
    log = generate_log(args.data, args.out, args.submissions)
    print(f"wrote {log.submissions} submissions ({log.rows:,} rows; {log.executors} executors, {log.rounds} rounds) "
          f"to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
