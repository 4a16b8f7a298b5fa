"""The round's work through the operator's CLI, as the issue's acceptance reads: reports loaded with
`python -m reporting submit`, statuses that stand until they change, reviews that accept or return."""
from __future__ import annotations

import openpyxl
import pytest

from reporting import cli, review
from reporting.decrees import load_roadmap, rounds
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing.naive import assigned
from tests.conftest import ROOT

DATA = ROOT / "data" / "roadmap.parquet"
MEASURES, DECREES = load_roadmap(DATA)
JULY, DECEMBER = rounds(DECREES[2021])
EXECUTORS_OF = {no: [*(m or ()), *(a or ())] for no, m, a in zip(
    *(MEASURES[c].to_pylist() for c in ("measure_no", "ministries", "akimats")))}
MKS = [no for _, no in assigned(MEASURES, "МКС")]
SOLO = [no for no in MKS if EXECUTORS_OF[no] == ["МКС"]]  # МКС's measures nobody else executes


def _filled(tmp_path, round_, said: dict[int, tuple[str, str]], name: str):
    """МКС's template for the round, with a status and a comment typed for some measures."""
    template = tmp_path / f"template-{name}.xlsx"
    assert cli.main(["template", "--executor", "МКС", "--round", round_.isoformat(), "--out", str(template),
                     "--data", str(DATA)]) == 0
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=5):
        if row[0].value in said:
            row[4].value, row[6].value = said[row[0].value]
    out = tmp_path / f"{name}.xlsx"
    book.save(out)
    return out


def _submit(tmp_path, reports, round_, said, name) -> str:
    path = _filled(tmp_path, round_, said, name)
    assert cli.main(["submit", str(path), "--executor", "МКС", "--round", round_.isoformat(), "--reports",
                     str(reports), "--data", str(DATA), "--submitter", "Иванов И."]) == 0
    return sorted(p.stem for p in reports.glob("*.parquet"))[-1]


def _listed(reports, r) -> dict:
    db = RoadmapDB.open(DATA, reports_dir=reports, refresh_seconds=0)
    return db.filtered("measure_list", Filters(round=(r.isoformat(),))).set_index("measure_no")


@pytest.fixture
def reports(tmp_path):
    return tmp_path / "reports"


def test_a_status_stands_until_it_changes(tmp_path, reports, capsys):
    done, failing = SOLO[0], SOLO[1]
    _submit(tmp_path, reports, JULY, {done: ("выполнено", "Проведено"), failing: ("в работе", "Идёт конкурс")},
            "july")
    _submit(tmp_path, reports, DECEMBER, {failing: ("не выполнено", "Конкурс не состоялся; объявлен повторный")},
            "december")
    december = _listed(reports, DECEMBER)
    assert december.loc[done, "status"] == "done"  # done in July by its only executor, nothing new since
    assert str(december.loc[done, "status_carried_from"])[:10] == JULY.isoformat()
    assert december.loc[done, "information"] == f"МКС ({JULY.isoformat()}): Проведено"
    assert december.loc[failing, "status"] == "not_done"
    assert december.loc[failing, "information"] == "МКС: Конкурс не состоялся; объявлен повторный"
    db = RoadmapDB.open(DATA, reports_dir=reports, refresh_seconds=0)
    [coverage] = db.filtered("report_coverage", Filters(round=(DECEMBER.isoformat(),))).itertuples()
    assert coverage.reported == 1  # December counts December's reports: МКС's
    # Someone who reported in July only does not count as reported in December.
    _submit_other(tmp_path, reports)
    db = RoadmapDB.open(DATA, reports_dir=reports, refresh_seconds=0)
    [coverage] = db.filtered("report_coverage", Filters(round=(DECEMBER.isoformat(),))).itertuples()
    [july] = db.filtered("report_coverage", Filters(round=(JULY.isoformat(),))).itertuples()
    assert (coverage.reported, july.reported) == (1, 2)
    missing = db.filtered("missing_reports", Filters(), as_of=DECEMBER.replace(day=6))
    owes_december = set(missing[[str(r)[:10] == DECEMBER.isoformat() for r in missing["round"]]].executor)
    assert "МОН" in owes_december and "МКС" not in owes_december


def _submit_other(tmp_path, reports):
    mine = [no for _, no in assigned(MEASURES, "МОН")]
    text = "measure_no,status,comment\n" + f"{mine[0]},в работе,Начато\n"
    path = tmp_path / "mon.csv"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["submit", str(path), "--executor", "МОН", "--round", JULY.isoformat(), "--reports",
                     str(reports), "--data", str(DATA)]) == 0


def test_not_done_without_its_reasons_is_refused_with_its_row_and_nothing_stored(tmp_path, reports, capsys):
    path = _filled(tmp_path, DECEMBER, {SOLO[0]: ("не выполнено", None)}, "bare")
    capsys.readouterr()
    assert cli.main(["submit", str(path), "--executor", "МКС", "--round", DECEMBER.isoformat(), "--reports",
                     str(reports), "--data", str(DATA)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    row = 5 + MKS.index(SOLO[0])
    assert line == (f"{path}: строка {row}, столбец «Комментарий»: мероприятие {SOLO[0]} отмечено «не выполнено»: в "
                    "комментарии укажите причины и что будет сделано")
    assert not reports.exists()


def test_a_returned_report_stops_counting_and_an_accepted_one_is_marked(tmp_path, reports, capsys):
    measure = SOLO[0]
    first = _submit(tmp_path, reports, JULY, {measure: ("в работе", "Начато")}, "first")
    second = _submit(tmp_path, reports, JULY, {measure: ("выполнено", "Всё сделано")}, "second")
    assert _listed(reports, JULY).loc[measure, "status"] == "done"
    capsys.readouterr()

    assert cli.main(["review", second, "--return", "--reports", str(reports)]) == 1  # a reason is required
    assert "--reason" in capsys.readouterr().err
    assert cli.main(["review", second, "--return", "--reason", "Нет подтверждающих документов",
                     "--reviewer", "Петров П.", "--reports", str(reports)]) == 0
    listed = _listed(reports, JULY)
    assert listed.loc[measure, "status"] == "in_progress"  # the executor's previous report counts again
    assert listed.loc[measure, "information"] == "МКС: Начато"
    assert cli.main(["review", first, "--return", "--reason", "Тоже неверно", "--reports", str(reports)]) == 0
    assert _listed(reports, JULY).loc[measure, "status"] == "not_reported"  # nothing of МКС's counts now

    capsys.readouterr()
    assert cli.main(["list", "--reports", str(reports)]) == 0
    states = {line.split("\t")[0]: line.split("\t")[-1] for line in capsys.readouterr().out.splitlines()}
    assert states == {first: "returned", second: "returned"}
    # A later decision supersedes: the corrected view of the second file is accepted after all.
    assert cli.main(["review", second, "--accept", "--reports", str(reports)]) == 0
    listed = _listed(reports, JULY)
    assert listed.loc[measure, "status"] == "done" and listed.loc[measure, "unreviewed_reports"] == 0
    decided = review.states(review.read_reviews(reports))
    assert decided[second]["decision"] == "accepted" and decided[first]["reason"] == "Тоже неверно"
    assert len(review.read_reviews(reports)) == 3  # every decision kept: nothing is edited
    assert cli.main(["review", "no-such-id", "--accept", "--reports", str(reports)]) == 1


def test_a_review_file_is_written_once_and_read_only(tmp_path, reports):
    submission = _submit(tmp_path, reports, JULY, {SOLO[0]: ("в работе", "Начато")}, "one")
    made = review.record(submission, "accepted", "r", directory=reports)
    assert made.path.parent == reports / "reviews" and made.path.stat().st_mode & 0o222 == 0
    with pytest.raises(review.ReviewRefused):
        review.record("../" + submission, "accepted", "r", directory=reports)
    with pytest.raises(review.ReviewRefused):
        review.record(submission, "maybe", "r", directory=reports)
    assert not list((reports / "reviews").glob(".*"))  # no temporary left behind


def test_a_later_decision_sorts_later_whatever_the_clock_says(tmp_path, reports, monkeypatch):
    from datetime import UTC, datetime

    submission = _submit(tmp_path, reports, JULY, {SOLO[0]: ("в работе", "Начато")}, "clock")
    review.record(submission, "returned", "r1", "Уточните", reports, datetime(2030, 1, 1, tzinfo=UTC))
    later = review.record(submission, "accepted", "r2", directory=reports)  # this clock reads 2026: behind
    assert later.reviewed_at > datetime(2030, 1, 1, tzinfo=UTC)
    assert review.states(review.read_reviews(reports))[submission]["decision"] == "accepted"
