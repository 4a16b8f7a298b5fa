"""The pages with executors' reports in the log (AppTest): status on every page, the Execution page's
sections, the Reports page read-only without sign-in; and with no report, plain sentences, nothing invented."""
from __future__ import annotations

import json
import os
from collections import Counter
from datetime import UTC, date, datetime
from unittest.mock import patch

import pandas as pd
import plotly.graph_objects as go
import pyarrow.compute as pc
import pytest
from streamlit.testing.v1 import AppTest

from i18n import ru
from reporting.decrees import executors, load_roadmap, rounds
from reporting.log import latest_rows, read_log
from roadmap import config, ui
from roadmap.filters import Filters
from testing.naive import assigned, round_status
from tests.conftest import ROOT
from tests.helpers import DATA, PAGES, comment_for, kept_numbers, plotly_values, reference, store_csv_report

MEASURES, DECREES = load_roadmap(DATA)
ROUND1, ROUND2 = rounds(DECREES[2021])


def _submit(directory, executor: str, status: str, round_: date, when: datetime, spent: float | None = None):
    mine = [no for _, no in assigned(MEASURES, executor)]
    return store_csv_report(directory, executor, round_, {no: (status, spent) for no in mine}, submitted_at=when)


@pytest.fixture
def reports_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "REPORTS_DIR", str(tmp_path))
    ui.data.database.clear()
    ui.cached.clear()
    yield tmp_path
    ui.data.database.clear()
    ui.cached.clear()


def _app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _table(at: AppTest, column: str):
    """The table that has this column (AppTest gives a dataframe no key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "header", "title")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def test_with_no_report_every_page_says_so_and_invents_nothing(reports_dir):
    for page in PAGES:
        at = _app(page)
        text = _texts(at)
        if page.endswith(("overview.py", "execution.py")):
            assert ru.STATUS_NO_REPORTS in text, page
            assert not [m for m in at.metric if m.label == ru.STATUS_NAMES["done"]], page
        elif page.endswith("reports.py"):
            assert ru.REPORTS_HISTORY_NONE in text
        else:
            assert ru.STATUS_LINE_NONE in text, page
    execution = _app("app_pages/execution.py")
    assert not execution.get("plotly_chart")  # no chart of statuses nobody reported


def test_a_report_shows_on_every_page(reports_dir):
    _submit(reports_dir, "МКС", "done", ROUND1, datetime(2021, 7, 1, tzinfo=UTC), spent=10)
    mks = len(assigned(MEASURES, "МКС"))
    done = sum(1 for no, s in round_status(
        latest_rows(read_log(reports_dir), round=ROUND1), MEASURES, 2021).items() if s == "done")
    assert 0 < done <= mks
    overview = _app(PAGES[0])
    metrics = {m.label: m.value for m in overview.metric}
    assert metrics[ru.STATUS_NAMES["done"]] == str(done)
    assert metrics[ru.STATUS_NAMES["not_reported"]] == str(67 - mks)
    assert ru.STATUS_COVERAGE.format(reported=1, expected=len(executors(MEASURES, 2021))) in _texts(overview)
    for page in PAGES[1:5]:
        text = _texts(_app(page))
        assert f"{ru.STATUS_NAMES['done'].lower()} {done}" in text, page
    history = _table(_app("app_pages/reports.py"), ru.COL_SUBMITTED_AT)
    assert history[[ru.COL_EXECUTOR, ru.COL_ROUND, ru.COL_ROWS]].values.tolist() == [["МКС", ru.day(ROUND1), mks]]
    assert history[ru.COL_SUBMITTED_AT].tolist() == [f"{ru.day(date(2021, 7, 1))}, 00:00 UTC"]
    assert ru.COL_SUBMITTER not in history  # who sent it is for those who sign in
    execution = _app("app_pages/execution.py")
    keys = {c.key for c in execution.get("plotly_chart")}
    assert {"chart_status_groups", "chart_status_executors", "chart_spent"} <= keys
    spent = json.loads(next(c for c in execution.get("plotly_chart") if c.key == "chart_spent").proto.spec)
    assert sum(v for v in plotly_values(spent["data"][1]["x"]) if v) == pytest.approx(10 * mks / 1000)


def test_the_status_filter_and_the_round_link_key(reports_dir):
    _submit(reports_dir, "МКС", "in_progress", ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
    _submit(reports_dir, "МКС", "done", ROUND2, datetime(2021, 12, 1, tzinfo=UTC))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["round"] = ROUND1.isoformat()
    at.query_params["status"] = "in_progress"
    at.run()
    assert not at.exception
    assert at.multiselect(key="round").value == [ROUND1.isoformat()]
    expected = [no for no, s in round_status(latest_rows(read_log(reports_dir),
                                                                           round=ROUND1), MEASURES, 2021).items()
                if s == "in_progress"]
    assert f"Показано {len(expected)} из 67" in _texts(at)
    # The previous round's change is listed on the Execution page under the later round.
    at.multiselect(key="round").set_value([ROUND2.isoformat()]).run()
    at.multiselect(key="status").set_value([]).run()
    at.switch_page("app_pages/execution.py").run()
    assert not at.exception
    changes = _table(at, ru.COL_STATUS_NOW)
    assert set(changes[ru.COL_STATUS_NOW]) == {ru.STATUS_NAMES["done"]}


def test_past_rounds_list_who_has_not_reported(reports_dir):
    _submit(reports_dir, "МКС", "done", ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
    at = _app("app_pages/execution.py")
    at.date_input(key="as_of").set_value(date(2021, 8, 1)).run()
    missing = _table(at, ru.COL_EXECUTOR)
    expected = set(executors(MEASURES, 2021)) - {"МКС"}
    # each executor named once: a ministry by its legend name and code, an akimat by its name alone
    legend = pd.read_parquet(ROOT / "data" / "roadmap_legend.parquet").set_index("abbreviation").full_name
    assert set(missing[ru.COL_EXECUTOR]) == {f"{legend[e]} ({e})" if e in legend else e for e in expected}
    assert list(missing.columns) == [ru.COL_ROUND, ru.COL_EXECUTOR, ru.COL_MEASURES]
    assert "Атырауская область" in set(missing[ru.COL_EXECUTOR])
    at.date_input(key="as_of").set_value(date(2021, 7, 1)).run()
    assert ru.EXEC_NO_PAST_ROUNDS.format(as_of=ru.day(date(2021, 7, 1))) in _texts(at)


def test_the_reports_pages_history_is_paged_newest_first(reports_dir, monkeypatch):
    """The log only grows: the history gives the browser one page of submissions, newest first."""
    monkeypatch.setattr(config, "HISTORY_PAGE_SIZE", 2)
    sent = [("МКС", datetime(2021, 6, 28, tzinfo=UTC)), ("МОН", datetime(2021, 6, 29, tzinfo=UTC)),
            ("МКС", datetime(2021, 6, 30, tzinfo=UTC)), ("МОН", datetime(2021, 7, 1, tzinfo=UTC)),
            ("МКС", datetime(2021, 7, 2, tzinfo=UTC))]
    for i, (executor, when) in enumerate(sent):  # each file different: the same file twice is stored once
        _submit(reports_dir, executor, "in_progress", ROUND1, when, spent=i + 1)
    newest = [(e, f"{ru.day(w.date())}, 00:00 UTC") for e, w in reversed(sent)]

    def shown(at: AppTest) -> list[tuple[str, str]]:
        history = _table(at, ru.COL_SUBMITTED_AT)
        return list(zip(history[ru.COL_EXECUTOR], history[ru.COL_SUBMITTED_AT], strict=True))

    at = _app("app_pages/reports.py")
    assert shown(at) == newest[:2]
    assert ru.REPORTS_HISTORY_RANGE.format(first=1, last=2, total=5) in _texts(at)
    at.number_input(key="history_page").set_value(3).run()
    assert shown(at) == newest[4:]
    assert ru.REPORTS_HISTORY_RANGE.format(first=5, last=5, total=5) in _texts(at)


def test_the_reports_page_is_read_only_without_sign_in(reports_dir):
    at = _app("app_pages/reports.py")
    assert ru.REPORTS_READ_ONLY in _texts(at)
    assert "python -m reporting submit" in at.code[0].value
    assert not at.get("file_uploader")
    assert not [b for b in at.button if b.key == "sign_in"]


def test_the_execution_pages_figures_are_the_reports(reports_dir):
    """What the Execution page draws and lists, against the Python rule over the stored files: the bars by
    direction and by executor, and the overdue table (as of a day after every deadline)."""
    _submit(reports_dir, "МКС", "done", ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
    _submit(reports_dir, "МОН", "not_done", ROUND1, datetime(2021, 7, 2, tzinfo=UTC))
    latest = latest_rows(read_log(reports_dir), round=ROUND1)
    expected = round_status(latest, MEASURES, 2021)
    at = _app("app_pages/execution.py")
    at.date_input(key="as_of").set_value(date(2022, 6, 1)).run()
    charts = {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    # A rerun (a click on a pager, a language switch back) draws the same figures without building them again.
    built, build = [], go.Figure.__init__

    def counted(figure, *args, **kwargs):
        built.append(figure)
        build(figure, *args, **kwargs)

    with patch.object(go.Figure, "__init__", counted):
        at.run()
    assert not at.exception and not built
    assert {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")} == charts

    by_status: dict[str, int] = {}
    for trace in charts["chart_status_groups"]["data"]:
        code = next(c for c, name in ru.STATUS_NAMES.items() if name == trace["name"])
        by_status[code] = int(sum(plotly_values(trace["x"])))
    assert by_status == {s: n for s, n in Counter(expected.values()).items()}

    own = {trace["name"]: dict(zip(trace["y"], plotly_values(trace["x"]), strict=True))
           for trace in charts["chart_status_executors"]["data"]}
    assert own[ru.STATUS_NAMES["done"]]["МКС"] == len(assigned(MEASURES, "МКС"))
    assert own[ru.STATUS_NAMES["not_done"]]["МОН"] == len(assigned(MEASURES, "МОН"))

    deadlines = dict(zip(reference().measure_no, reference().deadline_end, strict=True))
    late = [no for no, s in expected.items() if s != "done" and pd.notna(deadlines[no])
            and pd.Timestamp(deadlines[no]).date() < date(2022, 6, 1)]
    overdue = _table(at, ru.COL_DEADLINE)
    assert overdue[ru.COLUMNS["measure_no"]].tolist() == [ru.measure(no) for no in sorted(
        late, key=lambda no: (pd.Timestamp(deadlines[no]), no))]
    assert overdue[ru.COL_STATUS].tolist() == [ru.STATUS_NAMES[expected[no]] for no in sorted(
        late, key=lambda no: (pd.Timestamp(deadlines[no]), no))]


@pytest.mark.parametrize("kind", ["a regular file", "a directory without permission to list"])
def test_a_reports_directory_that_cannot_be_read_never_breaks_the_plan(tmp_path, monkeypatch, kind):
    """Every page still shows the roadmap, with one warning naming the problem (a regular file at
    ROADMAP_REPORTS once made every page error)."""
    if kind == "a regular file":
        target = tmp_path / "reports"
        target.write_text("not a directory")
    else:
        target = tmp_path / "reports"
        target.mkdir()
        target.chmod(0)
        if os.access(target, os.R_OK):  # root reads whatever the mode bits say: make the failure real
            monkeypatch.setattr(os, "scandir", _refusing_scandir(target))
    monkeypatch.setattr(config, "REPORTS_DIR", str(target))
    ui.data.database.clear()
    ui.cached.clear()
    try:
        for page in PAGES:
            at = _app(page)
            warnings = [w.value for w in at.warning if "папка отчётов" in w.value]
            assert len(warnings) == 1, (page, [w.value for w in at.warning])
            assert at.title[0].value  # the page itself is drawn
        at = _app(PAGES[0])
        assert any(m.label == ru.KPI_MEASURES for m in at.metric), [m.label for m in at.metric]
    finally:
        if target.is_dir():
            target.chmod(0o755)
        ui.data.database.clear()
        ui.cached.clear()


def _refusing_scandir(target):
    real = os.scandir

    def scandir(path=".", *args, **kwargs):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)
    return scandir


def test_a_measure_card_gives_its_status_its_history_and_each_executors_report(reports_dir):
    mine = [no for _, no in assigned(MEASURES, "МКС")]
    _submit(reports_dir, "МКС", "in_progress", ROUND1, datetime(2021, 7, 1, tzinfo=UTC), spent=10.0)
    _submit(reports_dir, "МКС", "done", ROUND2, datetime(2021, 12, 1, tzinfo=UTC), spent=25.0)
    frame = pd.read_parquet(DATA)
    row = frame[frame.measure_no == mine[0]].iloc[0]
    executors = [*row.ministries, *row.akimats]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"measure": str(mine[0])})
    at.switch_page("app_pages/measures.py").run()
    assert not at.exception
    assert at.subheader[0].value.startswith(f"№ {mine[0]}\\. ")  # the heading: number and title
    status = next(m for m in at.metric if m.label == ru.CARD_STATUS.format(round=ru.day(ROUND2)))
    alone = executors == ["МКС"]
    assert status.value == ru.STATUS_NAMES["done" if alone else "in_progress"]
    history = _table(at, ru.COL_REPORTED)
    assert list(history[ru.COL_ROUND]) == [ru.day(ROUND1), ru.day(ROUND2)]
    assert list(history[ru.COL_STATUS]) == [ru.STATUS_NAMES["in_progress"],
                                            ru.STATUS_NAMES["done" if alone else "in_progress"]]
    # Each executor's report, round by round: what it said, spent, wrote, when it came, and МИОР's review;
    # the sender's name is for those signed in only.
    said = _table(at, ru.REPORT_COLUMNS["comment"])
    assert list(said[ru.COL_EXECUTOR]) == ["МКС", "МКС"]
    assert list(said[ru.COL_ROUND]) == [ru.day(ROUND1), ru.day(ROUND2)]
    assert list(said[ru.COL_STATUS]) == [ru.STATUS_NAMES["in_progress"], ru.STATUS_NAMES["done"]]
    assert list(said[ru.COL_SPENT]) == [ru.number(10.0, 1), ru.number(25.0, 1)]
    assert list(said[ru.REPORT_COLUMNS["comment"]]) == [comment_for("МКС", mine[0], "in_progress"),
                                                         comment_for("МКС", mine[0], "done")]
    assert set(said[ru.COL_REVIEW]) == {ru.REVIEW_STATES["unreviewed"]}
    assert ru.COL_SUBMITTER not in said.columns


def test_a_status_reported_in_july_stands_in_december_on_the_card(reports_dir):
    """Done in July by its only executor, nothing new in December: done in December, marked as carried."""
    solo = next(no for _, no in assigned(MEASURES, "МКС") if len(_executors_of(no)) == 1)
    store_csv_report(reports_dir, "МКС", ROUND1, {solo: ("done", 5.0)}, submitted_at=datetime(2021, 7, 1, tzinfo=UTC))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"measure": str(solo), "round": ROUND2.isoformat()})
    at.switch_page("app_pages/measures.py").run()
    assert not at.exception
    status = next(m for m in at.metric if m.label == ru.CARD_STATUS.format(round=ru.day(ROUND2)))
    assert status.value == ru.STATUS_NAMES["done"]
    assert ru.STATUS_CARRIED.format(date=ru.day(ROUND1)) in [c.value for c in at.caption]
    history = _table(at, ru.COL_REPORTED)
    assert list(history[ru.COL_STATUS]) == [
        ru.STATUS_NAMES["done"], f"{ru.STATUS_NAMES['done']} ({ru.STATUS_CARRIED.format(date=ru.day(ROUND1))})"]


def _executors_of(no: int) -> list[str]:
    row = MEASURES.filter(pc.equal(MEASURES["measure_no"], no)).to_pylist()[0]
    return [*(row["ministries"] or ()), *(row["akimats"] or ())]


def _comments_app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update(params)
    at.switch_page("app_pages/execution.py").run()
    assert not at.exception, at.exception
    return at


def _rows(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(table[ru.COL_EXECUTOR], table[ru.COLUMNS["measure_no"]], table[ru.REPORT_COLUMNS["comment"]],
                    strict=True))


def test_the_execution_page_lists_the_rounds_comments_filtered_searched_and_paged(reports_dir, monkeypatch):
    """Every comment standing in the chosen round, one row per measure and executor; the filters apply, the
    title search matches the comment too, and the browser gets one page of them."""
    monkeypatch.setattr(config, "COMMENTS_PAGE_SIZE", 5)
    said = {"МКС": "in_progress", "МОН": "done"}
    for executor, status_ in said.items():
        _submit(reports_dir, executor, status_, ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
    everyone = sorted((no, e) for e in said for _, no in assigned(MEASURES, e))
    assert len(everyone) > 10

    def expected(numbers) -> list[tuple[str, str, str]]:
        return [(e, ru.measure(no), comment_for(e, no, said[e])) for no, e in everyone if no in numbers]

    at = _comments_app()
    comments = _table(at, ru.REPORT_COLUMNS["comment"])
    assert _rows(comments) == expected({no for no, _ in everyone})[:5]  # the first page, bounded
    assert at.number_input(key="comments_page").value == 1
    assert ru.EXEC_COMMENTS_RANGE.format(first=1, last=5, total=len(everyone)) in _texts(at)
    assert set(comments[ru.COL_STATUS]) <= {ru.STATUS_NAMES[s] for s in said.values()}
    at.number_input(key="comments_page").set_value(3).run()
    last = _table(at, ru.REPORT_COLUMNS["comment"])
    assert _rows(last) == expected({no for no, _ in everyone})[10:15]

    # A ministry filter: only the comments on its measures (a co-executor's comment on them included).
    mks = _comments_app(ministry="МКС")
    wanted = set(kept_numbers(Filters(ministry=("МКС",))))
    assert _rows(_table(mks, ru.REPORT_COLUMNS["comment"])) == expected(wanted)[:5]

    # The title search matches the comment's text as well as the title.
    no = everyone[0][0]
    found = _comments_app(q=f"о мероприятии {no} (")
    assert _rows(_table(found, ru.REPORT_COLUMNS["comment"])) == expected({no})
    assert not found.get("number_input") or not [n for n in found.number_input if n.key == "comments_page"]
    word = "проект"
    by_title = _comments_app(q=word)
    titles = set(kept_numbers(Filters(q=word)))
    assert titles and _rows(_table(by_title, ru.REPORT_COLUMNS["comment"])) == expected(titles)[:5]

    # Under the next round nothing new was said: each comment stands, marked with the round it was made for.
    later = _table(_comments_app(round=ROUND2.isoformat()), ru.REPORT_COLUMNS["comment"])
    carried = ru.STATUS_CARRIED.format(date=ru.day(ROUND1))
    assert all(s.endswith(f"({carried})") for s in later[ru.COL_STATUS])


def test_a_reader_sees_each_reports_review_state_but_not_who_reviewed(reports_dir):
    from reporting import review

    first = _submit(reports_dir, "МКС", "in_progress", ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
    second = _submit(reports_dir, "МОН", "done", ROUND1, datetime(2021, 7, 2, tzinfo=UTC))
    review.record(first.path.stem, "returned", "Проверяющий П.", "Уточните", reports_dir)
    review.record(second.path.stem, "accepted", "Проверяющий П.", None, reports_dir)
    at = _app("app_pages/reports.py")
    history = _table(at, ru.COL_REVIEW)
    assert dict(zip(history[ru.COL_EXECUTOR], history[ru.COL_REVIEW])) == {
        "МКС": ru.REVIEW_STATES["returned"], "МОН": ru.REVIEW_STATES["accepted"]}
    assert ru.COL_REVIEWER not in history.columns and ru.COL_SUBMITTER not in history.columns
    assert not at.get("button") or all(b.label != ru.REVIEW_ACCEPT for b in at.button)


def test_the_returned_line_follows_the_filters_like_the_rest_of_the_panel(reports_dir):
    """«Возвращены на доработку» names, like «Не отчитались», the executors of the filtered measures (a measure's
    co-executors included) whose latest report for the round МИОР returned: not one whose later report stands,
    not one with no measure in the filter (ministry, akimat or any other)."""
    from reporting import review
    from roadmap.ui.panel import plain

    def of(executor: str) -> set[int]:
        return {no for _, no in assigned(MEASURES, executor)}

    mks = "МКС"
    mon = next(e for e in executors(MEASURES, 2021) if of(e) and not of(e) & of(mks))  # no measure shared
    later = next(e for e in executors(MEASURES, 2021) if e not in (mks, mon) and of(e))
    for executor in (mks, mon, later):
        sent = _submit(reports_dir, executor, "in_progress", ROUND1, datetime(2021, 7, 1, tzinfo=UTC))
        review.record(sent.path.stem, "returned", "Проверяющий", "Уточните суммы", reports_dir)
    _submit(reports_dir, later, "done", ROUND1, datetime(2021, 7, 3, tzinfo=UTC))  # corrected: stands again
    mine = {e: of(e) for e in (mks, mon)}
    prefix = plain(ru.HANDOVER_RETURNED.split("{")[0])
    db = ui.data.database()
    named = []
    later_key = "ministry" if any(later in (m or ()) for m in MEASURES["ministries"].to_pylist()) else "akimat"
    for key, value in (("ministry", mks), ("ministry", mon), (later_key, later), ("akimat", "Атырауская область"),
                       ("direction", "D2"), (None, None)):
        filters = Filters(**{key: (value,)}) if key else Filters()
        expected = sorted(e for e in (mks, mon) if mine[e] & set(kept_numbers(filters)))
        assert set(db.filtered("returned_executors", filters).executor) == set(expected), filters
        text = _texts(_comments_app(round=ROUND1.isoformat(), **({key: value} if key else {})))
        if expected:
            assert plain(ru.HANDOVER_RETURNED.format(executors=", ".join(expected))) in text, (filters, text)
        else:
            assert prefix not in text, (filters, text)
        named.append(tuple(expected))
    assert named[0] == (mks,) and named[1] == (mon,) and set(named[-1]) == {mks, mon}  # the filters narrow it
