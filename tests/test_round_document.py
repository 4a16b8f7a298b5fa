"""The round's consolidated information (reporting/round_document.py) as Word and LibreOffice read it, and its
frozen versions (reporting/versions.py).  LibreOffice is required: `make setup-dev` installs it (`office`), and a
missing `soffice` fails these tests rather than skipping them, so CI cannot pass without the real check."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import stat
import subprocess
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from i18n import en, kk, ru
from reporting import round_document as rd
from reporting import versions as rv
from reporting.round_data import decree_subject

TITLE = ("Об утверждении Дорожной карты по переходу программы \"Рухани жаңғыру\" на период национальной "
         "модернизации на 2021 год")
JULY, DECEMBER = date(2021, 7, 5), date(2021, 12, 5)
GROUPS = ("Направление 1. Рухани жаңғыру: қазақстандық бірегейлік", "Направление 2. Туған жер",
          "Раздел 3. Информационное сопровождение")


def _row(n: int) -> rd.DocumentRow:
    information = f"МКС: Мероприятие {n} проведено, охват {n * 10} человек.\nМОН: Іс-шара {n} өткізілді."
    row = dict(group_heading=GROUPS[min(n // 15, 2)], measure_no=n,
               title=f"Мероприятие {n}: проведение форума «Ұлы дала елі» в регионах",
               completion_form="информация в МИОР", executors="МКС, МОН, акиматы областей",
               deadline="июнь, декабрь 2021 года", status="в работе", carried_from=None, information=information,
               spent_thousand_kzt=1234.5 * n, estimated_thousand_kzt=2000.0 * n, not_reported=False,
               unreviewed=False)
    if n == 2:
        row.update(information="МКС: =1+1", status="выполнено")
    if n == 3:
        row.update(information=None, not_reported=True, status="нет отчёта", spent_thousand_kzt=None)
    if n == 4:
        row.update(carried_from=JULY, status="выполнено", information="МОН: Оқулықтар басып шығарылды.")
    if n == 5:
        row.update(unreviewed=True, information="МИОР: -проект на согласовании")
    if n == 20:  # taller than a page: LibreOffice must still split it rather than cut it
        row.update(information="\n".join(f"Акимат области {i}: " + "охват населения увеличен, работа идёт. " * 30
                                         + f"Соңы {i}." for i in range(6)))
    return rd.DocumentRow(**row)


ROWS = tuple(_row(n) for n in range(1, 46))
COMMENT_TEXTS = ("Мероприятие 10 проведено", "Іс-шара 10 өткізілді", "=1+1", "Оқулықтар басып шығарылды",
                 "-проект на согласовании", *(f"Соңы {i}." for i in range(6)))


def _document(t=ru, version: int | None = 2) -> rd.RoundDocument:
    summary = rd.Summary(by_status=(("выполнено", 12), ("в работе", 30), ("нет отчёта", 3)), reported=20,
                         expected=23, missing=("МЗ", "акимат Туркестанской области", "МЭГПР"), returned=1,
                         unreviewed=4, by_group=tuple((g, 100000.5 * i, 5000.25 * i) for i, g in enumerate(GROUPS)))
    return rd.RoundDocument(heading=rd.heading(t, decree_subject(TITLE), date(2021, 2, 9), "50", DECEMBER),
                            selection="исполнитель — МКС", summary=summary, rows=ROWS, version=version,
                            made_at=datetime(2021, 12, 14, 9, 30, tzinfo=UTC), made_by="Иванов И.",
                            changes=("№ 4: в работе → выполнено",))


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice (soffice) is missing: `make office` installs it")
    return found


def _convert(path: Path, target: str, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"
    done = subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           target, "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=120)
    converted = tmp_path / f"{path.stem}.{target.split(':')[0]}"
    assert done.returncode == 0 and converted.is_file(), (done.stdout, done.stderr)
    return converted


def test_heading_reads_as_the_decree_is_named():
    assert rd.heading(ru, decree_subject(TITLE), date(2021, 2, 9), "50", JULY) == (
        "Информация о ходе исполнения Дорожной карты по переходу программы \"Рухани жаңғыру\" на период "
        "национальной модернизации на 2021 год, утверждённой постановлением Правительства Республики Казахстан "
        "от 9 февраля 2021 года № 50, по состоянию на 5 июля 2021 года")
    kazakh = rd.heading(kk, decree_subject(TITLE), date(2021, 2, 9), "50", JULY)
    assert "2021 жылғы 9 ақпандағы № 50 қаулысымен" in kazakh and "2021 жылғы 5 шілдедегі жағдай бойынша" in kazakh
    other = rd.heading(ru, decree_subject("Об утверждении Плана мероприятий на 2024 год."), date(2024, 3, 1), "7",
                       date(2024, 12, 5))
    assert other.endswith("Плана мероприятий на 2024 год, утверждённой постановлением Правительства Республики "
                          "Казахстан от 1 марта 2024 года № 7, по состоянию на 5 декабря 2024 года")


def test_the_word_document_is_a4_landscape_with_a_repeated_header_and_page_numbers(tmp_path):
    data = rd.docx(_document(), ru)
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert document.styles["Normal"].font.name == "Times New Roman"
    main = document.tables[-1]
    header = main.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    texts = [cell.text for row in main.rows for cell in row.cells]
    assert ru.ROUND_DOC_NOT_REPORTED in texts  # the row nobody reported on says so
    assert not any(row.cells[6].text.strip() == "" for row in main.rows[1:] if len({*row.cells}) > 1)
    assert any("по отчёту на 5 июля 2021 г." in text for text in texts)
    assert any(ru.ROUND_DOC_UNREVIEWED in text for text in texts)
    footer = section.footer._element.xml
    assert " PAGE " in footer and "Версия № 2." in footer

    path = tmp_path / "round.docx"
    path.write_bytes(data)
    pdf = PdfReader(_convert(path, "pdf", tmp_path))
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 842) < 2 and abs(height - 595) < 2, (width, height)
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Информация о ходе исполнения Дорожной карты" in text
    assert "по состоянию на 5 июля 2021 года" not in text and "по состоянию на 5 декабря 2021 года" in text
    for row in ROWS:
        assert row.title in text, row.title
    for comment in COMMENT_TEXTS:
        assert comment in text, comment
    assert " ".join(ru.ROUND_DOC_NOT_REPORTED.split()) in text


def test_the_workbook_is_typed_neutral_and_reads_the_same_in_calc(tmp_path):
    data = rd.xlsx(_document(kk), kk)
    book = load_workbook(io.BytesIO(data))
    sheet = book[kk.ROUND_DOC_SHEET_ROWS]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    header = [c.value for c in sheet[1]]
    assert header[:3] == [kk.ROUND_DOC_COLUMNS["group"], kk.ROUND_DOC_COLUMNS["measure_no"],
                          kk.ROUND_DOC_COLUMNS["title"]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(ROWS)
    column = {name: i for i, (name, _) in enumerate(rd._XLSX_COLUMNS)}
    assert all(isinstance(r[column["measure_no"]], int) for r in rows)
    assert rows[0][column["spent"]] == pytest.approx(1234.5) and rows[0][column["estimated"]] == 2000.0
    assert rows[3][column["carried_from"]].date() == JULY
    assert rows[1][column["information"]] == "МКС: =1+1"  # not a formula: it does not start with "="
    assert rows[4][column["information"]].startswith("МИОР")
    assert rows[2][column["information"]] == kk.ROUND_DOC_NOT_REPORTED
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert kk.ROUND_DOC_SHEET_SUMMARY in book.sheetnames

    formula = rd.neutral("=1+1")
    assert formula == "'=1+1" and rd.neutral("-5") == "'-5" and rd.neutral("\tx") == "'\tx"

    path = tmp_path / "round.xlsx"
    path.write_bytes(data)
    converted = _convert(path, 'csv:Text - txt - csv (StarCalc):44,34,76', tmp_path)
    read = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    assert read[0] == header
    assert len(read) == len(ROWS) + 1
    for row, line in zip(ROWS, read[1:], strict=True):
        assert line[column["measure_no"]] == str(row.measure_no)
        assert line[column["title"]] == row.title
    assert read[2][column["information"]] == "МКС: =1+1"  # Calc shows the text, it computed nothing
    assert read[1][column["spent"]].replace("\u00a0", "").replace(",", "").replace(" ", "") in {"1234.5", "12345"}


def _freeze(folder, n: int, **kw):
    rows = pa.table({"measure_no": [1, 2], "status": ["done", "in_progress"]})
    return rv.freeze(folder, 2021, JULY, f"docx {n}".encode(), f"xlsx {n}".encode(), rows, "Иванов И.",
                     "round=2021-07-05&executor=МКС", **kw)


def test_freezing_appends_numbered_read_only_versions(tmp_path):
    first = _freeze(tmp_path, 1)
    assert first.number == 1
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (first.docx, first.xlsx, first.rows)}
    second = _freeze(tmp_path, 2)
    assert second.number == 2
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
    assert before[first.docx] == first.sha256["docx"]
    for path in (*before, second.docx, second.xlsx, second.rows, *rv.versions_dir(tmp_path).glob("*.json")):
        assert stat.S_IMODE(path.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0, path
    assert [v.number for v in rv.versions(tmp_path)] == [1, 2]
    assert rv.version(tmp_path, 2021, JULY, 2) == second
    assert rv.version(tmp_path, 2021, DECEMBER, 1) is None and rv.versions(tmp_path, round_=DECEMBER) == []
    assert second.filters == "round=2021-07-05&executor=МКС" and second.made_by == "Иванов И."
    assert not list(rv.versions_dir(tmp_path).glob(".tmp-*"))


def test_concurrent_freezes_get_distinct_numbers(tmp_path):
    made, errors = [], []

    def one(n):
        try:
            made.append(_freeze(tmp_path, n).number)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(made) == list(range(1, 9))
    assert [v.number for v in rv.versions(tmp_path)] == list(range(1, 9))


def test_a_version_without_its_manifest_does_not_exist(tmp_path):
    _freeze(tmp_path, 1)
    folder = rv.versions_dir(tmp_path)
    for kind in ("docx", "xlsx", "parquet"):  # a freeze stopped before its manifest
        (folder / f"2021-2021-07-05-v0002.{kind}").write_bytes(b"partial")
    os.chmod(folder / "2021-2021-07-05-v0002.docx", 0o444)
    assert [v.number for v in rv.versions(tmp_path)] == [1]
    assert rv.version(tmp_path, 2021, JULY, 2) is None
    assert _freeze(tmp_path, 3).number == 3  # the interrupted number is never reused


@pytest.mark.parametrize("t", [ru, kk, en], ids=["ru", "kk", "en"])
def test_every_language_builds_both_files(t):
    document = _document(t, version=None)
    assert Document(io.BytesIO(rd.docx(document, t))).tables
    assert load_workbook(io.BytesIO(rd.xlsx(document, t))).sheetnames == [t.ROUND_DOC_SHEET_ROWS,
                                                                          t.ROUND_DOC_SHEET_SUMMARY]
    assert t.ROUND_DOC_LIVE in rd.made_line(document, t)
