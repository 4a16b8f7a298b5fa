"""Execution: the executors' stored reports (reporting/) as the query layer shows them (roadmap/queries.py,
sql/relations/round_statuses.sql, sql/reports/latest.sql and the views over them).

The contract: the SQL says of every measure what reporting's Python rule says (latest_rows, round_status,
measure_status, coverage) over the same stored files.  Reports are written as executors send them: a CSV
validated for its executor and round, then store(...) with an explicit, increasing submission time."""
from __future__ import annotations

import hashlib
import math
import random
import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from reporting import review
from reporting.decrees import executors, load_roadmap, rounds
from reporting.log import latest_rows, read_log
from reporting.status import measure_status, standing_rows
from reporting.store import file_name_for, store, submission_table
from reporting.validate import ReportRow, Submission, validate
from reporting.vocabulary import MEASURE_STATUSES, NOT_REPORTED, STATUSES
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing import naive
from testing.naive import assigned, coverage, round_status
from tests.conftest import ROOT

DATA = ROOT / "data" / "roadmap.parquet"
MEASURES, DECREES = load_roadmap(DATA)
META = DECREES[2021]
YEAR = 2021
DECREE_NUMBER = META["decree_number"]
ROUND1, ROUND2 = rounds(META)
ROUNDS = (ROUND1, ROUND2)
EXECUTORS = executors(MEASURES, YEAR)
EXECUTORS_OF = {no: tuple(m or ()) + tuple(a or ()) for no, m, a in zip(
    *(MEASURES[c].to_pylist() for c in ("measure_no", "ministries", "akimats")))}
MINE = {e: [no for _, no in assigned(MEASURES, e)] for e in EXECUTORS}
_deadlines = pq.read_table(DATA, columns=["measure_no", "deadline_end"]).to_pylist()
DEADLINE_END = {r["measure_no"]: r["deadline_end"] for r in _deadlines}
LATE = date(2022, 1, 1)  # after both rounds and every deadline


def test_the_decree_is_the_one_these_tests_are_written_for():
    assert META["decree_number"] == "50" and rounds(META) == [date(2021, 7, 5), date(2021, 12, 5)]
    assert EXECUTORS_OF[46] == ("МОН", "МКС") and EXECUTORS_OF[41] == ("МКС",) and len(EXECUTORS_OF[25]) == 17
    assert {no for no, end in DEADLINE_END.items() if end < date(2021, 12, 31)} == {20, 25, 51}
    assert date.today() > LATE  # the views choose their default round with today's date


# --- writing reports as executors do ------------------------------------------------------------------------------

Row = str | tuple[str, float | None]  # a status, or a status and the amount spent


class Log:
    """A reports directory: each submission a validated CSV, stored a second after the one before (or at `at`)."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.clock = datetime(2021, 6, 1, 9, tzinfo=UTC)
        self.count = 0

    def submission(self, executor: str, round_: date, rows: dict[int, Row]) -> Submission:
        self.count += 1
        # Every row says something: a «не выполнено», or a late status, must give its reasons.
        lines = ["measure_no,status,spent_thousand_kzt,comment"]
        for no, row in rows.items():
            status, spent = (row, None) if isinstance(row, str) else row
            lines.append(f"{no},{status},{'' if spent is None else spent},Отчёт {self.count} о мероприятии {no}")
        text = "\n".join(lines) + "\n"
        result = validate(text.encode(), f"{self.count}.csv", MEASURES, META, executor, expected_round=round_)
        assert isinstance(result, Submission), result
        return result

    def tick(self, at: datetime | None = None) -> datetime:
        self.clock = at if at is not None else self.clock + timedelta(seconds=1)
        return self.clock

    def report(self, executor: str, round_: date, rows: dict[int, Row], at: datetime | None = None):
        return store(self.submission(executor, round_, rows), self.dir, "test", self.tick(at))

    def review(self, stored, decision: str, reason: str | None = None):
        """МИОР's decision on a stored submission (its StoredResult), a second after the last event."""
        return review.record(stored.path.stem, decision, "reviewer", reason or ("Уточните суммы" if decision ==
                                                                                 "returned" else None),
                             self.dir, self.tick())

    def unchecked(self, executor: str, round_: date, rows: dict[int, Row], decree_number: str = DECREE_NUMBER,
                  roadmap_year: int = YEAR) -> Path:
        """A stored file written by hand (submission_table + write_table), as validate would never let through:
        any executor, measure, decree."""
        report_rows = tuple(ReportRow(roadmap_year, no, *((row, None) if isinstance(row, str) else row))
                            for no, row in rows.items())
        sha = hashlib.sha256(repr((executor, round_, rows, decree_number, self.count)).encode()).hexdigest()
        self.count += 1
        submission = Submission(roadmap_year, decree_number, round_, executor, report_rows, "hand.csv", sha)
        when = self.tick()
        path = self.dir / file_name_for(when, sha)
        pq.write_table(submission_table(submission, "test", when), path)
        return path


def open_db(directory: Path, refresh_seconds: float = 0) -> RoadmapDB:
    return RoadmapDB.open(DATA, reports_dir=directory, refresh_seconds=refresh_seconds)


def in_round(r: date) -> Filters:
    return Filters(round=(r.isoformat(),))


# --- the Python side: reporting/ over the same files ------------------------------------------------------


def python_latest(directory: Path, r: date) -> list[dict]:
    """What stands in round r: each executor's latest report at or before it, of submissions not returned."""
    return standing_rows(read_log(directory), review.states(review.read_reviews(directory)), roadmap_year=YEAR,
                         decree_number=DECREE_NUMBER, round_=r)


def python_coverage(directory: Path, r: date):
    return coverage(read_log(directory), MEASURES, YEAR, DECREE_NUMBER, r,
                    review.states(review.read_reviews(directory)))


def python_status(directory: Path, r: date) -> dict[int, str]:
    return round_status(python_latest(directory, r), MEASURES, YEAR)


def python_spent(latest: list[dict]) -> dict[int, float]:
    """Per measure, the sum of what its executors last reported spent; a measure nobody gave an amount for has
    none."""
    spent: dict[int, float] = {}
    for r in latest:
        if r["executor"] in EXECUTORS_OF[r["measure_no"]] and r["spent_thousand_kzt"] is not None:
            spent[r["measure_no"]] = spent.get(r["measure_no"], 0.0) + r["spent_thousand_kzt"]
    return spent


def python_reporters(latest: list[dict]) -> Counter:
    return Counter(r["measure_no"] for r in latest if r["executor"] in EXECUTORS_OF[r["measure_no"]])


def sql_status(db: RoadmapDB, filters: Filters | None = None) -> dict[int, str]:
    listed = db.filtered("measure_list", filters or Filters())
    return dict(zip(listed.measure_no.astype(int), listed.status))


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


# --- 1. the contract: SQL status = the Python rule over random logs ------------------------------------------

SEEDS = range(24)


def random_log(log: Log, seed: int) -> None:
    """Several submissions: random executors, both rounds, random statuses (sometimes all one status), some
    measures left out, resubmissions for the same round later with other statuses, sometimes at the very same
    time as the one before (the file's hash decides), some amounts.  In most logs, at some point every executor
    of one measure reports it done, so that `done` happens for measures of many executors too."""
    rng = random.Random(seed)
    earlier: list[tuple[str, date]] = []
    submissions = rng.randint(4, 12)
    concerted = rng.randrange(submissions) if rng.random() < 0.7 else None
    chosen: list[int] = []
    for i in range(submissions):
        tie = i > 0 and rng.random() < 0.2  # the previous file again, otherwise said, at the same time
        if tie:
            executor, round_ = earlier[-1]
        elif earlier and rng.random() < 0.4:
            executor, round_ = rng.choice(earlier)
        else:
            executor, round_ = rng.choice(EXECUTORS), rng.choice(ROUNDS)
        earlier.append((executor, round_))
        if not tie:
            mine = MINE[executor]
            chosen = rng.sample(mine, rng.randint(1, min(len(mine), 12)))
        uniform = rng.choice(STATUSES) if rng.random() < 0.3 else None
        rows = {no: (uniform or rng.choice(STATUSES), rng.choice([None, None, rng.randint(0, 40_000) / 4]))
                for no in chosen}
        stored = log.report(executor, round_, rows, at=log.clock if tie else None)
        if stored.stored and rng.random() < 0.35:  # МИОР returns some, accepts some, changes its mind on a few
            decision = rng.choice(("returned", "accepted"))
            log.review(stored, decision)
            if rng.random() < 0.3:
                log.review(stored, "accepted" if decision == "returned" else "returned")
        if i == concerted:
            no = rng.choice(MANY_EXECUTORS if rng.random() < 0.4 else FEW_EXECUTORS)
            round_ = rng.choice(ROUNDS)
            for executor in EXECUTORS_OF[no]:
                log.report(executor, round_, {no: ("done", rng.choice([None, 1.5]))})


MANY_EXECUTORS = sorted(no for no, who in EXECUTORS_OF.items() if len(who) > 2)
FEW_EXECUTORS = sorted(no for no, who in EXECUTORS_OF.items() if len(who) <= 2)


@pytest.fixture(scope="module")
def random_logs(tmp_path_factory):
    """The random log of a seed, written once for the module."""
    made: dict[int, Path] = {}

    def log_for(seed: int) -> Path:
        if seed not in made:
            made[seed] = tmp_path_factory.mktemp(f"random{seed}")
            random_log(Log(made[seed]), seed)
        return made[seed]

    return log_for


@pytest.mark.parametrize("seed", SEEDS)
def test_what_stands_is_the_same_from_a_table_as_from_rows(random_logs, seed):
    """standing_rows' Arrow way (a log table, as the app and the round document pass it) and its loop over rows
    agree, ties and returned submissions included, with every column or a few."""
    directory = random_logs(seed)
    log, decided = read_log(directory), review.states(review.read_reviews(directory))
    few = ("measure_no", "executor", "status")
    stood = 0
    for r in ROUNDS:
        ask = dict(roadmap_year=YEAR, decree_number=DECREE_NUMBER, round_=r)
        from_rows = standing_rows(log.to_pylist(), decided, **ask)
        assert standing_rows(log, decided, **ask) == from_rows, (seed, r)
        narrow = standing_rows(log, decided, **ask, columns=few)
        assert narrow == standing_rows(log.to_pylist(), decided, **ask, columns=few), (seed, r)
        assert all({*row} == {*few, "review_state", "carried_from"} for row in narrow)
        stood += len(from_rows)
    assert stood  # the log has something standing in some round


@pytest.mark.parametrize("seed", SEEDS)
def test_sql_status_equals_the_python_rule_over_a_random_log(random_logs, seed):
    directory = random_logs(seed)
    db = open_db(directory)
    everyone = len(EXECUTORS)
    for r in ROUNDS:
        latest = python_latest(directory, r)
        want = round_status(latest, MEASURES, YEAR)
        listed = db.filtered("measure_list", in_round(r))
        assert dict(zip(listed.measure_no.astype(int), listed.status)) == want, (seed, r)
        assert {_day(v) for v in listed.report_round} == {r}
        spent, reporters = python_spent(latest), python_reporters(latest)
        for no, got in zip(listed.measure_no.astype(int), listed.spent_thousand_kzt):
            if no in spent:
                assert got == pytest.approx(spent[no]), (seed, r, no)
            else:
                assert got is None or math.isnan(got), (seed, r, no, got)
        assert dict(zip(listed.measure_no.astype(int), listed.reported_executors)) == {
            no: reporters.get(no, 0) for no in want}
        assert dict(zip(listed.measure_no.astype(int), listed.executor_count)) == {
            no: len(set(EXECUTORS_OF[no])) for no in want}
        counts = db.filtered("status_counts", in_round(r))
        assert dict(zip(counts.status, counts.measures)) == Counter(want.values())
        cover = python_coverage(directory, r)
        [row] = db.filtered("report_coverage", in_round(r)).itertuples()
        assert (_day(row.round), row.reported, row.expected) == (r, len(cover.reported), everyone)
    # Unfiltered: the default round, chosen as the app does.
    state = db.report_state(force=True)
    shown, before = db.chosen_rounds((), state)[YEAR]
    want = round_status(python_latest(directory, shown), MEASURES, YEAR)
    assert sql_status(db) == want
    [row] = db.filtered("report_coverage", Filters()).itertuples()
    cover = python_coverage(directory, shown)
    assert (_day(row.round), _day(row.previous_round), row.reported, row.expected) == (
        shown, before, len(cover.reported), len(cover.expected))


def test_the_random_logs_exercise_every_status_and_rule(random_logs):
    """The contract above is only as good as its logs: across the seeds they reach every status of a measure
    (done too for a measure of many executors), resubmissions that change a status, ties in time and amounts."""
    seen: Counter = Counter()
    changed = ties = many_done = carried = 0
    decisions: Counter = Counter()
    for seed in SEEDS:
        directory = random_logs(seed)
        rows = read_log(directory).to_pylist()
        decisions.update(r["decision"] for r in review.states(review.read_reviews(directory)).values())
        for r in ROUNDS:
            standing = python_latest(directory, r)
            carried += sum(row["carried_from"] is not None for row in standing)
            status = round_status(standing, MEASURES, YEAR)
            seen.update(status.values())
            many_done += sum(s == "done" and len(EXECUTORS_OF[no]) > 2 for no, s in status.items())
        said: dict[tuple, set] = {}
        for row in rows:
            said.setdefault((row["round"], row["executor"], row["measure_no"]), set()).add(row["status"])
        changed += sum(len(s) > 1 for s in said.values())
        at_once: dict[tuple, set] = {}  # one executor's word on a measure, twice at the same time, differing
        for row in rows:
            key = (row["round"], row["executor"], row["measure_no"], row["submitted_at"])
            at_once.setdefault(key, set()).add(row["status"])
        ties += sum(len(s) > 1 for s in at_once.values())
        assert {row["spent_thousand_kzt"] is None for row in rows} == {True, False}
    assert set(seen) == set(MEASURE_STATUSES) and min(seen.values()) >= 3, seen
    assert changed >= 10 and ties >= 5 and many_done >= 1, (changed, ties, many_done)
    assert carried >= 20 and min(decisions["returned"], decisions["accepted"]) >= 5, (carried, decisions)


# --- 2. each rule of measure_status, through the SQL ------------------------------------------------------------

A, B, C = "МОН", "МКС", "МЗ"  # measure 46 is A's and B's; C has nothing to do with it
SHARED, SOLO, MANY = 46, 41, 25  # two executors; МКС alone; 17 akimats
AKIMATS_OF_MANY = EXECUTORS_OF[MANY]

RULES = [
    # reports on the measure, in order: (executor, status)                   measure   its status
    ([], SHARED, NOT_REPORTED),
    ([(A, "done"), (B, "done")], SHARED, "done"),
    ([(A, "done")], SHARED, "in_progress"),  # one executor still to report keeps it open
    ([(A, "done"), (B, "not_started")], SHARED, "in_progress"),
    ([(A, "in_progress")], SHARED, "in_progress"),
    ([(A, "not_started"), (B, "in_progress")], SHARED, "in_progress"),
    ([(A, "not_started")], SHARED, "not_started"),
    ([(A, "not_started"), (B, "not_started")], SHARED, "not_started"),
    ([(A, "not_done")], SHARED, "not_done"),
    ([(A, "done"), (B, "not_done")], SHARED, "not_done"),  # any not_done wins
    ([(A, "not_done"), (B, "in_progress")], SHARED, "not_done"),
    ([(A, "done"), (B, "done"), (A, "in_progress")], SHARED, "in_progress"),  # the latest word counts
    ([(A, "not_done"), (A, "done"), (B, "done")], SHARED, "done"),
    ([(C, "done")], SHARED, NOT_REPORTED),  # a report by someone not assigned does not count
    ([(A, "done"), (B, "done"), (C, "not_done")], SHARED, "done"),
    ([(B, "done")], SOLO, "done"),
    ([(B, "not_started")], SOLO, "not_started"),
    ([(e, "done") for e in AKIMATS_OF_MANY], MANY, "done"),
    ([(e, "done") for e in AKIMATS_OF_MANY[1:]], MANY, "in_progress"),
    ([(e, "not_started") for e in AKIMATS_OF_MANY], MANY, "not_started"),
]


@pytest.mark.parametrize(("said", "measure", "expected"), RULES,
                         ids=[f"{m}-{'+'.join(s for _, s, *_ in said) or 'nothing'}" for said, m, _ in RULES])
def test_each_rule_of_the_status_through_the_sql(tmp_path, said, measure, expected):
    log = Log(tmp_path)
    for executor, status in said:
        if measure in MINE.get(executor, ()):
            log.report(executor, ROUND1, {measure: status})
        else:
            log.unchecked(executor, ROUND1, {measure: status})
    log.report(A, ROUND2, {SHARED: "not_done"})  # another round's report changes nothing in this one
    latest = {e: s for e, s in said}
    assert measure_status(latest, EXECUTORS_OF[measure]) == expected  # the table is the Python rule's
    db = open_db(tmp_path)
    listed = db.filtered("measure_list", in_round(ROUND1)).set_index("measure_no")
    assert listed.loc[measure, "status"] == expected
    assert listed.loc[measure, "reported_executors"] == len(set(latest) & set(EXECUTORS_OF[measure]))
    others = listed.drop(index=measure)
    assert set(others.status) == {NOT_REPORTED}
    assert db.filtered("measure_list", Filters(round=(ROUND1.isoformat(),), status=(expected,))).measure_no.tolist() \
        == ([measure] if expected != NOT_REPORTED else listed.index.tolist())


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_tie_in_time_is_broken_by_the_files_hash(tmp_path, order):
    """Two files of one executor for one round at the same microsecond: the one with the greater SHA-256 is the
    latest (latest_rows sorts by time, then hash; latest.sql the same)."""
    log = Log(tmp_path)
    files = [log.submission(B, ROUND1, {SOLO: "done", 42: ("in_progress", 1.0)}),
             log.submission(B, ROUND1, {SOLO: "not_started", 42: ("not_done", 2.0)})]
    at = datetime(2021, 7, 1, tzinfo=UTC)
    for i in order:
        assert store(files[i], tmp_path, "test", at).stored
    winner = max(files, key=lambda f: f.file_sha256)
    listed = open_db(tmp_path).filtered("measure_list", in_round(ROUND1)).set_index("measure_no")
    assert listed.loc[SOLO, "status"] == winner.rows[0].status == python_status(tmp_path, ROUND1)[SOLO]
    assert listed.loc[42, ["status", "spent_thousand_kzt"]].tolist() == [winner.rows[1].status,
                                                                         winner.rows[1].spent_thousand_kzt]


@pytest.mark.parametrize(("spent", "expected"), [
    ((None, None), None),
    ((10.0, None), 10.0),
    ((10.0, 2.5), 12.5),
    ((0.0, None), 0.0),
])
def test_spent_is_the_sum_of_the_executors_amounts_or_none(tmp_path, spent, expected):
    log = Log(tmp_path)
    log.report(A, ROUND1, {SHARED: ("in_progress", spent[0])})
    log.report(B, ROUND1, {SHARED: ("done", spent[1])})
    got = db_row(open_db(tmp_path), SHARED, in_round(ROUND1)).spent_thousand_kzt
    assert (got is None or math.isnan(got)) if expected is None else got == expected


def db_row(db: RoadmapDB, measure: int, filters: Filters | None = None):
    return db.filtered("measure_list", filters or Filters()).set_index("measure_no").loc[measure]


# --- 3. the round shown by default --------------------------------------------------------------------------------

EARLY, BETWEEN = date(2021, 1, 1), date(2021, 8, 1)
CHOSEN = [
    # rounds reported in      round filter        today      shown, the round before
    ((), (), EARLY, (ROUND1, None)),  # nothing reported yet: the next round to come
    ((), (), ROUND1, (ROUND1, None)),  # the reporting day itself is still to come
    ((), (), BETWEEN, (ROUND2, ROUND1)),
    ((), (), LATE, (ROUND2, ROUND1)),  # every round past: the last
    ((ROUND1,), (), LATE, (ROUND1, None)),  # the latest round anyone reported in
    ((ROUND1,), (), EARLY, (ROUND1, None)),
    ((ROUND2,), (), EARLY, (ROUND2, ROUND1)),
    ((ROUND1, ROUND2), (), LATE, (ROUND2, ROUND1)),
    ((ROUND1, ROUND2), (ROUND1.isoformat(),), LATE, (ROUND1, None)),  # the filter wins
    ((), (ROUND2.isoformat(),), EARLY, (ROUND2, ROUND1)),
    ((ROUND2,), (ROUND1.isoformat(),), LATE, (ROUND1, None)),
    ((ROUND1, ROUND2), ("2021-01-01",), LATE, (ROUND2, ROUND1)),  # no round of this decree: as if unset
]


@pytest.mark.parametrize(("reported", "wanted", "today", "expected"), CHOSEN)
def test_the_round_shown(tmp_path, reported, wanted, today, expected):
    log = Log(tmp_path)
    for r in reported:
        log.report("МКС", r, {41: "in_progress"})
    db = open_db(tmp_path)
    state = db.report_state(force=True)
    assert state.rounds_reported == {(YEAR, r) for r in reported}
    assert db.chosen_rounds(wanted, state, today=today) == {YEAR: expected}
    # The reference filter (testing/naive.py) picks the same round by its own reading of the rule.
    decree = naive_df().attrs["decrees"][YEAR]
    assert naive.shown_round(decree, wanted, read_log(tmp_path).to_pylist(), today) == expected[0]
    # The views show the round chosen with today's date: after the last round.
    shown = db.chosen_rounds(wanted, state)[YEAR]
    [row] = db.filtered("report_coverage", Filters(round=wanted)).itertuples()
    assert (_day(row.round), _day(row.previous_round)) == shown
    assert {_day(v) for v in db.filtered("measure_list", Filters(round=wanted)).report_round} == {shown[0]}


# --- 4. the status filter -----------------------------------------------------------------------------------------


@cache
def naive_df() -> pd.DataFrame:
    return naive.load(DATA)


def mixed_log(log: Log) -> None:
    """Every status among МКС's measures in both rounds, most among Атырауская область's; the rounds differ, and
    round 2 carries some of round 1 (Атырауская область's 25, МОН's 46)."""
    log.report("МКС", ROUND1, {41: "done", 42: "in_progress", 57: "not_started", 58: "not_done", 46: "done"})
    log.report("МОН", ROUND1, {46: "done"})
    log.report("Атырауская область", ROUND1, {21: "done", 20: "not_started", 25: ("in_progress", 7.0)})
    log.report("МКС", ROUND2, {41: "not_done", 42: "done", 57: "in_progress", 46: "not_started", 58: "not_started"})
    log.report("Атырауская область", ROUND2, {21: "done", 20: "not_done", 51: "not_started"})
    log.report("Западно-Казахстанская область", ROUND2, {21: "done"})


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, RoadmapDB]:
    directory = tmp_path_factory.mktemp("mixed")
    mixed_log(Log(directory))
    return directory, open_db(directory)


STATUS_SETS = [("done",), ("in_progress",), ("not_started",), ("not_done",), (NOT_REPORTED,),
               ("in_progress", "not_done"), ("done", "not_started", NOT_REPORTED), MEASURE_STATUSES]
OTHER_FILTERS = [{}, {"ministry": ("МКС",)}, {"akimat": ("Атырауская область",)}, {"q": "проект"}]


@pytest.mark.parametrize("round_", [(), (ROUND1.isoformat(),)], ids=["default", "round1"])
@pytest.mark.parametrize("other", OTHER_FILTERS, ids=[str(o) for o in OTHER_FILTERS])
@pytest.mark.parametrize("wanted", STATUS_SETS, ids=["+".join(s) for s in STATUS_SETS])
def test_the_status_filter_keeps_exactly_the_measures_in_those_statuses(mixed, wanted, other, round_):
    directory, db = mixed
    base = db.filtered("measure_list", Filters(round=round_, **other))
    got = db.filtered("measure_list", Filters(round=round_, status=wanted, **other))
    assert got.measure_no.tolist() == base[base.status.isin(wanted)].measure_no.tolist()
    assert set(got.status) <= set(wanted)
    # The Python rule over the same files, through the reference filter.
    reference = naive.filtered(naive_df(), Filters(round=round_, status=wanted, **other), reports_dir=directory)
    assert got.measure_no.tolist() == sorted(reference.measure_no.astype(int))
    counts = db.filtered("status_counts", Filters(round=round_, status=wanted, **other))
    assert counts.measures.sum() == len(got) and set(counts.status) <= set(wanted)
    assert db.count(Filters(round=round_, status=wanted, **other)) == len(got)


@pytest.mark.parametrize(("filters", "r", "expected"), [
    ({"ministry": ("МКС",)}, ROUND1, set(MEASURE_STATUSES)),
    ({"ministry": ("МКС",)}, ROUND2, set(MEASURE_STATUSES)),
    ({"akimat": ("Атырауская область",)}, ROUND1, {"in_progress", "not_started", NOT_REPORTED}),
    ({"akimat": ("Атырауская область",)}, ROUND2, {"done", "in_progress", "not_done", "not_started", NOT_REPORTED}),
])
def test_the_mixed_log_gives_the_status_filter_something_to_keep(mixed, filters, r, expected):
    _, db = mixed
    assert set(db.filtered("measure_list", Filters(round=(r.isoformat(),), **filters)).status) == expected


def test_the_reference_filter_without_reports_says_not_reported():
    df = naive_df()
    assert len(naive.filtered(df, Filters(status=(NOT_REPORTED,)))) == len(df) == 67
    assert naive.filtered(df, Filters(status=("done", "in_progress"), round=(ROUND1.isoformat(),))).empty
    assert len(naive.filtered(df, Filters(round=(ROUND1.isoformat(),)))) == 67  # the round alone keeps all


# --- 5. missing reports -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def partial(tmp_path_factory) -> tuple[Path, RoadmapDB]:
    """МКС reported in round 1 only, МОН in round 2 only, Атырауская область in both."""
    directory = tmp_path_factory.mktemp("partial")
    log = Log(directory)
    log.report("МКС", ROUND1, {41: "done"})
    log.report("МОН", ROUND2, {6: "in_progress"})
    log.report("Атырауская область", ROUND1, {21: "not_started"})
    log.report("Атырауская область", ROUND2, {21: "done"})
    return directory, open_db(directory)


REPORTED_IN = {ROUND1: {"МКС", "Атырауская область"}, ROUND2: {"МОН", "Атырауская область"}}


@pytest.mark.parametrize(("as_of", "rounds_due"), [
    (EARLY, ()),
    (ROUND1, ()),  # due by the end of the reporting day
    (ROUND1 + timedelta(days=1), (ROUND1,)),
    (ROUND2, (ROUND1,)),
    (LATE, (ROUND1, ROUND2)),
])
def test_missing_reports_list_who_sent_nothing_for_a_past_round(partial, as_of, rounds_due):
    directory, db = partial
    missing = db.filtered("missing_reports", Filters(), as_of=as_of)
    got = {(_day(r), e): n for r, e, n in zip(missing["round"], missing.executor, missing.measures)}
    expected = {(r, e): len(MINE[e]) for r in rounds_due for e in EXECUTORS if e not in REPORTED_IN[r]}
    assert got == expected
    for r in rounds_due:  # the Python side says the same
        assert {e for (day, e) in got if day == r} == set(
            coverage(read_log(directory), MEASURES, YEAR, DECREE_NUMBER, r).missing)
    assert [_day(r) for r in missing["round"]] == sorted((_day(r) for r in missing["round"]), reverse=True)


def test_missing_reports_count_only_the_filtered_measures(partial):
    _, db = partial
    missing = db.filtered("missing_reports", Filters(ministry=("МОН",)), as_of=LATE)
    got = {(_day(r), e): n for r, e, n in zip(missing["round"], missing.executor, missing.measures)}
    expected = {}
    for r in ROUNDS:
        for no in MINE["МОН"]:
            for e in set(EXECUTORS_OF[no]) - REPORTED_IN[r]:
                expected[(r, e)] = expected.get((r, e), 0) + 1
    assert got == expected


# --- 6. overdue measures -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def deadlines(tmp_path_factory) -> tuple[Path, RoadmapDB]:
    """Measure 25 (deadline 31 March) done by all 17 of its akimats in round 2, 20 (31 March) done by all its
    executors in round 1 only, 51 (15 January) in progress in round 2; МКС's 41 done in round 2."""
    directory = tmp_path_factory.mktemp("deadlines")
    log = Log(directory)
    for executor in EXECUTORS_OF[25]:
        log.report(executor, ROUND2, {25: "done"})
    for executor in EXECUTORS_OF[20]:
        log.report(executor, ROUND1, {20: "done"})
    log.report(EXECUTORS_OF[51][0], ROUND2, {51: "in_progress"})
    log.report("МКС", ROUND2, {41: "done"})
    return directory, open_db(directory)


@pytest.mark.parametrize(("round_", "as_of", "expected"), [
    ((), date(2021, 1, 15), []),  # the deadline day itself is not past
    ((), date(2021, 1, 16), [51]),
    ((), date(2021, 4, 1), [51]),  # 25 is done; 20 was done in round 1, and that stands in round 2
    ((ROUND1.isoformat(),), date(2021, 4, 1), [51, 25]),
    ((ROUND2.isoformat(),), date(2021, 4, 1), [51]),
    ((), LATE, None),  # every measure not done: from the Python rule
    ((ROUND1.isoformat(),), LATE, None),
])
def test_overdue_measures_are_past_their_deadline_and_not_done(deadlines, round_, as_of, expected):
    directory, db = deadlines
    shown = date.fromisoformat(round_[0]) if round_ else ROUND2  # both rounds reported: the later
    status = python_status(directory, shown)
    if expected is None:
        expected = sorted((no for no in status if DEADLINE_END[no] < as_of and status[no] != "done"),
                          key=lambda no: (DEADLINE_END[no], no))
    overdue = db.filtered("overdue_measures", Filters(round=round_), as_of=as_of, limit=100, offset=0)
    assert db.filtered("overdue_count", Filters(round=round_), as_of=as_of).measures.iloc[0] == len(expected)
    assert overdue.measure_no.tolist() == expected
    assert dict(zip(overdue.measure_no, overdue.status)) == {no: status[no] for no in expected}
    assert "done" not in set(overdue.status)


# --- 7. round changes ------------------------------------------------------------------------------------------


def test_round_changes_show_each_measures_status_before_and_now(tmp_path):
    log = Log(tmp_path)
    log.report("МКС", ROUND1, {41: "in_progress", 42: "done"})
    log.report("МКС", ROUND2, {41: "done", 57: "not_started"})
    db = open_db(tmp_path)
    changes = db.filtered("round_changes", Filters()).set_index("measure_no")
    assert len(changes) == 67
    assert {(_day(p), _day(r)) for p, r in zip(changes.previous_round, changes["round"])} == {(ROUND1, ROUND2)}
    assert changes.loc[41, ["status_before", "status_now"]].tolist() == ["in_progress", "done"]
    # Done in July, nothing new in December: done stands (it once read «Выполнено → Нет отчёта»).
    assert changes.loc[42, ["status_before", "status_now"]].tolist() == ["done", "done"]
    assert changes.loc[57, ["status_before", "status_now"]].tolist() == [NOT_REPORTED, "not_started"]
    before, now = python_status(tmp_path, ROUND1), python_status(tmp_path, ROUND2)
    assert dict(zip(changes.index, zip(changes.status_before, changes.status_now))) == {
        no: (before[no], now[no]) for no in now}
    assert db.filtered("round_changes", in_round(ROUND1)).empty  # the first round has none before it
    mks = db.filtered("round_changes", Filters(round=(ROUND2.isoformat(),), ministry=("МКС",)))
    assert mks.measure_no.tolist() == MINE["МКС"]


# --- 8. the directory as it changes ----------------------------------------------------------------------------


def test_a_report_stored_after_the_db_opened_is_seen_on_the_next_query(tmp_path):
    log = Log(tmp_path)
    db = open_db(tmp_path, refresh_seconds=0)
    assert db_row(db, 41).status == NOT_REPORTED
    log.report("МКС", ROUND1, {41: "done"})
    assert db_row(db, 41).status == "done"  # refresh_seconds=0: looked at again on every query
    log.report("МКС", ROUND1, {41: "not_done"})
    assert db_row(db, 41).status == "not_done"


def test_the_status_filter_follows_the_log_though_its_kept_rows_are_asked_once(tmp_path):
    """The measures a filter combination keeps are asked once and reused (RoadmapDB._kept_rows); those of the
    status filter depend on the log too, so the same filters give another answer once a report arrives."""
    log = Log(tmp_path)
    db = open_db(tmp_path, refresh_seconds=0)
    done = Filters(round=(ROUND1.isoformat(),), status=("done",))
    mks_done = Filters(round=(ROUND1.isoformat(),), status=("done",), ministry=("МКС",))
    assert db.filtered("measure_list", done).empty and db.filtered("kpis", mks_done).measures.iloc[0] == 0
    log.report("МКС", ROUND1, {41: "done"})
    assert db.filtered("measure_list", done).measure_no.tolist() == [41]
    assert db.filtered("kpis", mks_done).measures.iloc[0] == 1
    log.report("МКС", ROUND1, {41: "not_done"})
    assert db.filtered("measure_list", done).empty
    # Without the status filter the kept rows are the log's whatever its state: asked once, then reused.
    mks = Filters(ministry=("МКС",))
    first = db.filtered("measure_list", mks).measure_no.tolist()
    assert first == MINE["МКС"] and db.filtered("measure_list", mks).measure_no.tolist() == first


def test_a_report_stored_after_the_db_opened_is_seen_after_a_forced_look(tmp_path):
    log = Log(tmp_path)
    db = open_db(tmp_path, refresh_seconds=3600)
    assert db.report_state().files == 0 and db_row(db, 41).status == NOT_REPORTED
    log.report("МКС", ROUND1, {41: "done"})
    assert db.report_state().files == 0 and db_row(db, 41).status == NOT_REPORTED  # not looked at yet
    state = db.report_state(force=True)
    assert state.files == 1 and state.rounds_reported == {(YEAR, ROUND1)}
    assert db_row(db, 41).status == "done"


def test_junk_and_temporary_files_hide_no_report(tmp_path):
    log = Log(tmp_path)
    log.report("МКС", ROUND1, {41: "done"})
    db = open_db(tmp_path)
    assert db_row(db, 41).status == "done"
    (tmp_path / "x.parquet").write_bytes(b"PAR1 this is not a parquet file")
    log.report("МОН", ROUND1, {6: "in_progress"})
    # Temporaries and claims start with ".": a full report under such a name counts for nothing.
    hidden = log.submission("МКС", ROUND1, {41: "not_done", 42: "done"})
    table = submission_table(hidden, "test", log.tick())
    pq.write_table(table, tmp_path / ".tmp-0123.partial")
    pq.write_table(table, tmp_path / ".claim-abc-0.parquet")
    state = db.report_state(force=True)
    assert state.unreadable == ("x.parquet",)
    assert state.files == 2  # the two reports: x.parquet is no submission, nor is any name starting with "."
    status = sql_status(db, in_round(ROUND1))
    assert (status[41], status[42], status[6]) == ("done", NOT_REPORTED, "in_progress")
    # A DB opened on the directory as it is now reads the same.
    fresh = open_db(tmp_path)
    assert fresh.report_state().unreadable == ("x.parquet",)
    assert sql_status(fresh, in_round(ROUND1)) == status


def test_a_parquet_file_of_other_columns_is_unreadable_not_fatal(tmp_path):
    log = Log(tmp_path)
    log.report("МКС", ROUND1, {41: "done"})
    pq.write_table(pq.read_table(DATA, columns=["measure_no", "title"]), tmp_path / "y.parquet")
    db = open_db(tmp_path)
    state = db.report_state()
    assert state.unreadable == ("y.parquet",)
    assert db_row(db, 41).status == "done"


# --- 9. reports on another decree -------------------------------------------------------------------------------


def test_only_reports_on_the_loaded_decree_count(tmp_path):
    log = Log(tmp_path)
    log.report("МКС", ROUND1, {41: "in_progress"})
    # Later, the same executor's rows for another decree of the same year and for another year's decree 50.
    log.unchecked("МКС", ROUND1, {41: "done", 42: "done"}, decree_number="99")
    log.unchecked("МКС", ROUND1, {41: "not_done", 42: "not_done"}, roadmap_year=2020)
    # МОН's only report is on the other decree, and for round 2.
    log.unchecked("МОН", ROUND2, {6: "done"}, decree_number="99")
    assert read_log(tmp_path).num_rows == 6
    db = open_db(tmp_path)
    state = db.report_state()
    assert state.rounds_reported == {(YEAR, ROUND1)} and state.latest.num_rows == 1
    assert db.chosen_rounds((), state, today=LATE)[YEAR] == (ROUND1, None)  # round 2 has no report on decree 50
    status = sql_status(db, in_round(ROUND1))
    assert status == python_status(tmp_path, ROUND1)
    assert (status[41], status[42]) == ("in_progress", NOT_REPORTED)
    # In round 2 the round-1 report on decree 50 stands; the other decree's later rows never count.
    assert sql_status(db, in_round(ROUND2)) == python_status(tmp_path, ROUND2)
    assert set(sql_status(db, in_round(ROUND2)).values()) == {"in_progress", NOT_REPORTED}
    [row] = db.filtered("report_coverage", in_round(ROUND2)).itertuples()
    assert row.reported == 0 == len(coverage(read_log(tmp_path), MEASURES, YEAR, DECREE_NUMBER, ROUND2).reported)
    missing = db.filtered("missing_reports", Filters(), as_of=LATE)
    assert "МОН" in set(missing[[_day(r) == ROUND2 for r in missing["round"]]].executor)
    # Without the decree number the Python reading would take the other decree's later rows: the reference
    # above passes it, as latest.sql keeps to the loaded decrees.
    unfiltered = round_status(latest_rows(read_log(tmp_path), roadmap_year=YEAR, round=ROUND1), MEASURES, YEAR)
    assert unfiltered[41] != status[41]


def test_concurrent_readers_never_put_back_an_older_state(tmp_path):
    """Ten sessions each store a report and read the log at once: the state left is the newest, with all ten
    (a slower reader must not replace a newer state with the older one it built)."""
    ten = executors(MEASURES, YEAR)[:10]
    submissions = [Log(tmp_path).submission(e, ROUND1, {no: "done" for _, no in assigned(MEASURES, e)})
                   for e in ten]
    db = open_db(tmp_path, refresh_seconds=3600)  # no listing but the forced ones
    db.report_state()
    barrier = threading.Barrier(len(submissions))

    def work(submission) -> None:
        barrier.wait()
        store(submission, tmp_path, "test")
        db.report_state(force=True)

    threads = [threading.Thread(target=work, args=(s,)) for s in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = db.report_state()
    assert state.files == 10
    assert {r["executor"] for r in state.latest.to_pylist()} == set(ten)


def test_a_directory_emptied_shows_no_report_any_more(tmp_path):
    log = Log(tmp_path)
    stored = log.report("МКС", ROUND1, {41: "done"})
    (tmp_path / "x.parquet").write_bytes(b"junk")
    db = open_db(tmp_path)
    assert db_row(db, 41).status == "done" and db.report_state().unreadable == ("x.parquet",)
    stored.path.unlink()
    (tmp_path / "x.parquet").unlink()
    state = db.report_state(force=True)
    assert (state.files, state.latest.num_rows, state.unreadable) == (0, 0, ())
    assert db_row(db, 41).status == NOT_REPORTED
