"""The round closes: the consolidated information for the Presidential Administration, made from the stored
reports and frozen as versions that never change, through the operator's CLI and the app's route; opened by
LibreOffice as МИОР's and АП's office suites would."""
from __future__ import annotations

import csv
import hashlib
import io
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import openpyxl
import pyarrow.parquet as pq
import pytest
from pypdf import PdfReader

from i18n import kk, ru
from reporting import cli, review, round_report, versions
from reporting.decrees import load_roadmap, rounds
from reporting.log import read_log
from reporting.round_data import Selection, load_dataset, round_data
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from testing.naive import assigned
from testing.server import streamlit_server
from tests.conftest import ROOT
from tests.helpers import store_csv_report
from tests.test_round_document import _convert

DATA = ROOT / "data" / "roadmap.parquet"
MEASURES, DECREES = load_roadmap(DATA)
JULY, DECEMBER = rounds(DECREES[2021])
MKS = [no for _, no in assigned(MEASURES, "МКС")]
EXECUTORS_OF = {no: [*(m or ()), *(a or ())] for no, m, a in zip(
    *(MEASURES[c].to_pylist() for c in ("measure_no", "ministries", "akimats")))}
SOLO = next(no for no in MKS if EXECUTORS_OF[no] == ["МКС"])  # МКС's alone: its word is the measure's status
TO_AP = next(r["measure_no"] for r in pq.read_table(DATA, columns=["measure_no", "report_to", "ministries"]).to_pylist()
             if r["report_to"] == "АП" and r["ministries"] == ["МИОР"])  # МИОР's own, reporting to the АП
CALC_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, from row 1
COMMENT_AP = "Информация направлена в Администрацию Президента письмом № 12"
COMMENT = "Проведены 12 выставок в областных центрах; отчёт размещён на сайте"


def _fill(reports: Path) -> None:
    """МКС reported on every measure in July with comments; МОН on its first; one МОН report returned."""
    store_csv_report(reports, "МКС", JULY, {no: ("in_progress", 10.0) for no in MKS},
                     comments={SOLO: COMMENT})
    store_csv_report(reports, "МИОР", JULY, {TO_AP: ("in_progress", None)}, comments={TO_AP: COMMENT_AP})
    mon = [no for _, no in assigned(MEASURES, "МОН")]
    returned = store_csv_report(reports, "МОН", JULY, {mon[0]: ("done", None)})
    review.record(returned.path.stem, "returned", "Проверяющий", "Нет подтверждения", reports)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_freeze_then_another_report_leaves_version_1_exactly_as_it_was(tmp_path, capsys):
    reports = tmp_path / "reports"
    _fill(reports)
    assert cli.main(["freeze", "--round", JULY.isoformat(), "--reports", str(reports), "--data", str(DATA),
                     "--made-by", "Иванов И."]) == 0
    out = capsys.readouterr().out
    assert out.startswith("версия № 1: дорожная карта 2021 года, отчётная дата 2021-07-05; кто зафиксировал: operator:")
    assert "/export/round-report.docx?round=2021-07-05&version=1" in out
    [first] = versions.versions(reports, 2021, JULY)
    before = {kind: _sha(getattr(first, kind)) for kind in ("docx", "xlsx", "rows")}
    assert before == {"docx": first.sha256["docx"], "xlsx": first.sha256["xlsx"], "rows": first.sha256["parquet"]}

    # A later report: the live document has it, version 1 does not change, a new freeze is version 2.
    store_csv_report(reports, "МКС", JULY, {SOLO: ("done", 25.0)})
    dataset = load_dataset(DATA)
    live = round_data(dataset, read_log(reports), review.read_reviews(reports), 2021, JULY)
    assert next(m for m in live.measures if m.measure["measure_no"] == SOLO).status == "done"
    assert {kind: _sha(getattr(first, kind)) for kind in ("docx", "xlsx", "rows")} == before
    assert cli.main(["freeze", "--round", JULY.isoformat(), "--reports", str(reports), "--data", str(DATA)]) == 0
    first_again, second = versions.versions(reports, 2021, JULY)
    assert (first_again.number, second.number) == (1, 2) and _sha(first_again.docx) == before["docx"]
    # What changed since version 1 is in version 2's document.
    text = _pdf_text(_convert(second.docx, "pdf", tmp_path))
    assert ru.ROUND_DOC_SINCE.format(number=1) in text and ru.measure(SOLO) in text
    for path in (first.docx, first.xlsx, first.rows, second.docx):
        assert path.stat().st_mode & 0o222 == 0  # read-only by its mode bits


def _pdf_text(pdf: Path) -> str:
    reader = PdfReader(pdf)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 842) < 3 and abs(height - 595) < 3, (width, height)  # A4 landscape
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("round")
    _fill(workdir / "reports")
    with streamlit_server(workdir, ROADMAP_REPORTS=str(workdir / "reports")) as running:
        yield Served(running.url, workdir / "reports")


@dataclass(frozen=True)
class Served:
    url: str
    reports: Path


def _get(server, path: str):
    try:
        with urllib.request.urlopen(f"{server.url}{path}", timeout=120) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_the_document_for_the_ap_holds_exactly_the_measures_that_report_to_it(server, tmp_path):
    query = urlencode({"round": JULY.isoformat(), "report_to": "АП"})
    status, body, headers = _get(server, f"/export/round-report.docx?{query}")
    assert status == 200 and headers["Content-Disposition"].startswith("attachment")
    path = tmp_path / "live.docx"
    path.write_bytes(body)
    text = _pdf_text(_convert(path, "pdf", tmp_path))
    db = RoadmapDB.open(DATA)
    ap = db.filtered("measure_list", Filters(report_to=("АП",)))
    report_to = pq.read_table(DATA, columns=["report_to"])["report_to"].to_pylist()
    assert len(ap) == report_to.count("АП") > 0
    assert text.startswith(" ".join(ru.ROUND_DOC_HEADING.split("{")[0].split()))
    assert "9 февраля 2021 года № 50" in text and "по состоянию на 5 июля 2021 года" in text
    squeezed = text.replace(" ", "")
    for title in ap.title:  # every measure of the selection, none other (checked on the XLSX below)
        assert " ".join(title.split())[:40].replace(" ", "") in squeezed, title[:60]
    assert TO_AP in set(ap.measure_no) and COMMENT_AP.replace(" ", "") in squeezed
    assert COMMENT.replace(" ", "") not in squeezed  # a measure that reports to МИОР is not in the АП's document
    status, body, _ = _get(server, f"/export/round-report.xlsx?{query}")
    path = tmp_path / "live.xlsx"
    path.write_bytes(body)
    converted = _convert(path, CALC_CSV, tmp_path)  # LibreOffice Calc's own reading of the first sheet
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    numbers = sorted(int(r[1]) for r in rows[1:] if len(r) > 1 and r[1].isdigit())  # after the group column
    assert numbers == sorted(ap.measure_no.astype(int))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.freeze_panes is not None


def test_every_comment_stored_is_in_the_whole_document(server, tmp_path):
    status, body, _ = _get(server, f"/export/round-report.docx?round={JULY.isoformat()}")
    path = tmp_path / "all.docx"
    path.write_bytes(body)
    text = _pdf_text(_convert(path, "pdf", tmp_path)).replace(" ", "")
    log = read_log(server.reports).to_pylist()
    for row in log:
        if row["comment"] and row["executor"] == "МКС":
            assert row["comment"].replace(" ", "")[:60] in text
    assert ru.ROUND_DOC_NOT_REPORTED.replace(" ", "") in text  # rows nobody reported on say so


def test_kazakh_document_has_its_fixed_words_in_kazakh(server, tmp_path):
    query = urlencode({"round": JULY.isoformat(), "lang": "kk", "ministry": "МКС"})
    status, body, _ = _get(server, f"/export/round-report.docx?{query}")
    assert status == 200
    path = tmp_path / "kk.docx"
    path.write_bytes(body)
    text = _pdf_text(_convert(path, "pdf", tmp_path))
    assert kk.ROUND_DOC_SUMMARY in text and ru.ROUND_DOC_SUMMARY not in text
    assert "2021 жылғы 5 шілдедегі жағдай бойынша" in text


def test_a_version_is_served_exactly_as_stored_and_an_unknown_one_is_404(server):
    dataset = load_dataset(DATA)
    made = round_report.freeze(server.reports, dataset, read_log(server.reports), review.read_reviews(server.reports),
                               2021, JULY, Selection(report_to=("АП",)), ru, "test", "report_to=АП")
    for kind in ("docx", "xlsx"):
        status, body, _ = _get(server, f"/export/round-report.{kind}?round={JULY.isoformat()}&version={made.number}")
        assert status == 200 and body == getattr(made, kind).read_bytes()
    assert _get(server, f"/export/round-report.docx?round={JULY.isoformat()}&version=999")[0] == 404
    assert _get(server, "/export/round-report.docx")[0] == 400  # the round is required
    assert _get(server, "/export/round-report.docx?round=2021-07-06")[0] == 400


@pytest.mark.parametrize("filters", [
    Filters(), Filters(report_to=("АП",)), Filters(ministry=("МКС",)), Filters(akimat=("Атырауская область",)),
    Filters(direction=("D2",), funding=("budget_amount",)), Filters(q="фильм"),
    Filters(status=("in_progress",)), Filters(status=("not_reported",), report_to=("МИОР",)),
])
def test_the_documents_selection_is_the_pages(tmp_path, filters):
    """reporting reads a selection in Python, the pages in SQL: the same measures either way."""
    reports = tmp_path / "reports"
    _fill(reports)
    db = RoadmapDB.open(DATA, reports_dir=reports, refresh_seconds=0)
    page = db.filtered("measure_list", Filters(**{**filters.active(), "round": (JULY.isoformat(),)}))
    values = {k: getattr(filters, k) for k in Selection.__dataclass_fields__}
    data = round_data(load_dataset(DATA), read_log(reports), review.read_reviews(reports), 2021, JULY,
                      Selection.of(values))
    assert [m.measure["measure_no"] for m in data.measures] == page.measure_no.astype(int).tolist()
    assert [m.status for m in data.measures] == page.status.tolist()


def test_versions_of_other_selections_are_not_compared_and_the_public_document_names_no_email(tmp_path):
    reports = tmp_path / "reports"
    _fill(reports)
    dataset = load_dataset(DATA)

    def freeze(selection: Selection, query: str):
        return round_report.freeze(reports, dataset, read_log(reports), review.read_reviews(reports), 2021, JULY,
                                   selection, ru, "Петров П. <petrov@gov.kz> [sub 8f3a]", query)

    everything = freeze(Selection(), "")
    only_mks = freeze(Selection(ministry=("МКС",)), "ministry=МКС")
    text = _pdf_text(_convert(only_mks.docx, "pdf", tmp_path))
    assert ru.ROUND_DOC_SINCE.format(number=everything.number) not in text  # another selection: no comparison
    assert "petrov@gov.kz" not in text and "8f3a" not in text and "Петров П." in text
    assert only_mks.made_by == "Петров П. <petrov@gov.kz> [sub 8f3a]"  # the manifest keeps the whole identity
    # The same selection in Kazakh says other words: a version of its own, in which nothing changed since.
    kazakh = round_report.freeze(reports, dataset, read_log(reports), review.read_reviews(reports), 2021, JULY,
                                 Selection(ministry=("МКС",)), kk, "Петров П.", "ministry=МКС")
    assert not kazakh.existing and kazakh.number == only_mks.number + 1
    text = _pdf_text(_convert(kazakh.docx, "pdf", tmp_path))
    assert kk.ROUND_DOC_SINCE.format(number=only_mks.number) in text and kk.ROUND_DOC_NO_CHANGES in text


def test_freezing_again_with_nothing_changed_returns_the_version_and_makes_no_twin(tmp_path, capsys):
    reports = tmp_path / "reports"
    _fill(reports)
    freeze = ["freeze", "--round", JULY.isoformat(), "--reports", str(reports), "--data", str(DATA), "--ministry",
              "МКС"]
    assert cli.main([*freeze, "--lang", "kk"]) == 0
    assert kk.HANDOVER_UNCHANGED.format(number=1) not in capsys.readouterr().out
    assert cli.main([*freeze, "--lang", "kk"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("№ 1 нұсқа: 2021 жылғы жол картасы") and kk.HANDOVER_UNCHANGED.format(number=1) in out
    assert "/export/round-report.docx?round=2021-07-05&ministry=%D0%9C%D0%9A%D0%A1&version=1" in out
    assert [v.number for v in versions.versions(reports, 2021, JULY)] == [1]
    # Another selection is not the same content; neither is the same one after a new report.
    assert cli.main(["freeze", "--round", JULY.isoformat(), "--reports", str(reports), "--data", str(DATA),
                     "--lang", "kk"]) == 0
    store_csv_report(reports, "МКС", JULY, {SOLO: ("done", 25.0)})
    assert cli.main([*freeze, "--lang", "kk"]) == 0
    assert [v.number for v in versions.versions(reports, 2021, JULY)] == [1, 2, 3]
    assert kk.HANDOVER_UNCHANGED.format(number=3) not in capsys.readouterr().out


def test_concurrent_freezes_of_the_same_content_make_one_version(tmp_path, monkeypatch):
    """Eight presses at once (threads, each as a request of the app would be): one version, all eight get it.
    The window a race needs is held open: a freeze's files are linked a while before its manifest exists."""
    reports = tmp_path / "reports"
    _fill(reports)
    link_all = versions._link_all

    def slow_link_all(*args):
        linked = link_all(*args)
        if linked:
            time.sleep(0.5)
        return linked

    monkeypatch.setattr(versions, "_link_all", slow_link_all)
    dataset, log, reviews = load_dataset(DATA), read_log(reports), review.read_reviews(reports)
    start = threading.Barrier(8)
    made, errors = [], []

    def press() -> None:
        start.wait()
        try:
            made.append(round_report.freeze(reports, dataset, log, reviews, 2021, JULY, Selection(), ru, "Иванов И.",
                                            ""))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=press) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert [v.number for v in versions.versions(reports, 2021, JULY)] == [1]
    assert sorted(v.existing for v in made) == [False] + [True] * 7 and {v.number for v in made} == {1}


def test_a_tampered_version_is_refused_not_served(tmp_path):
    reports = tmp_path / "reports"
    _fill(reports)
    made = round_report.freeze(reports, load_dataset(DATA), read_log(reports), review.read_reviews(reports), 2021,
                               JULY, Selection(), ru, "test", "")
    made.docx.chmod(0o644)
    made.docx.write_bytes(b"PK not the frozen document")
    from roadmap import round_report as app_report

    db = RoadmapDB.open(DATA, reports_dir=reports)
    asked = app_report.Asked(None, 2021, JULY, made.number)
    with pytest.raises(app_report.Refused) as refused:
        app_report.stored(db, asked, "docx")
    assert refused.value.status == 500
    assert app_report.stored(db, asked, "xlsx") == made.xlsx.read_bytes()
