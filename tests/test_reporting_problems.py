"""Every kind of problem a report file can have is declared once (reporting/problems.py), and each is emitted
here by a file that has it; a kind without a label or a message in a catalogue, a message that does not
take the values its kind gives, or a declared kind nothing emits fails.  A Kazakh or Russian user reads why
a file was refused in their language."""
from __future__ import annotations

import io
import re
import string
import zipfile

import openpyxl
import pytest

from i18n import LANGUAGES
from reporting.limits import ECHO_MAX, MAX_PROBLEMS, MAX_ROWS, MAX_SHARED_STRINGS, MAX_SHEETS
from reporting.problems import KINDS, Problem, cut
from tests.test_reports import (
    BAD,
    CSV_HEAD,
    MINE,
    NOT_MINE,
    ROUND1,
    ROW,
    check,
    fill,
    template,
)

R0 = ROW[MINE[0]]


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
        if name not in source.namelist():
            target.writestr(name, content)
    return out.getvalue()


def _many_sheets() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["measure_no", "status"])
    for i in range(MAX_SHEETS):
        book.create_sheet(f"s{i}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _many_strings() -> bytes:
    items = b"".join(b"<si><t>%d</t></si>" % i for i in range(MAX_SHARED_STRINGS + 1))
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           b'2006/main">' + items + b"</sst>")
    return _replace_part(fill(template(), {f"E{R0}": "done"}), "xl/sharedStrings.xml", xml)


def _far_row() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["measure_no", "status"])
    sheet.cell(row=MAX_ROWS + 1, column=1, value=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# The kinds BAD (tests/test_reports.py) does not emit, each with a file that has it.
EXTRA = {
    "unreadable": lambda tmp: check(tmp / "gone.xlsx", "gone.xlsx"),
    "not_a_file": lambda tmp: check(tmp, "folder.xlsx"),
    "not_csv": lambda tmp: check((CSV_HEAD + f'{MINE[0]},done,,"{"я" * 140_000}"\n').encode(), "r.csv"),
    "too_many_sheets": lambda tmp: check(_many_sheets()),
    "too_many_strings": lambda tmp: check(_many_strings()),
    "sheet_too_large": lambda tmp: check(_far_row()),
    "unknown_executor": lambda tmp: check((CSV_HEAD + f"{MINE[0]},done,,\n").encode(), "r.csv", "Нет такого"),
    "missing_measure": lambda tmp: check(fill(template(), {f"A{R0}": None, f"E{R0}": "done"})),
    "reason_required": lambda tmp: check((CSV_HEAD + f"{MINE[0]},не выполнено,,\n").encode(), "r.csv"),
    # Measure 25 (all akimats) ended on 31 March 2021, before the round of 5 July.
    "late_reason_required": lambda tmp: check(b"measure_no,status\n25,in progress\n", "r.csv", "Атырауская область"),
    "rows_limit": lambda tmp: check((CSV_HEAD + f"{MINE[0]},done,,\n" * 1000).encode(), "r.csv"),
    "more": lambda tmp: check((CSV_HEAD + f"{NOT_MINE},сделано,-1,\n" * (MAX_PROBLEMS // 2)).encode(), "r.csv",
                              "Атырауская область"),
}


def _emitted(tmp_path) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for build, _ in BAD.values():
        data, name, kwargs = build()
        executor = kwargs.pop("expected_executor", "МКС")
        for problem in check(data, name, executor, **{"expected_round": ROUND1, **kwargs}):
            found.setdefault(problem.code, []).append(problem)
    for code, make in EXTRA.items():
        result = make(tmp_path)
        assert isinstance(result, list), (code, result)
        for problem in result:
            found.setdefault(problem.code, []).append(problem)
    return found


@pytest.fixture(scope="module")
def emitted(tmp_path_factory) -> dict[str, list[Problem]]:
    return _emitted(tmp_path_factory.mktemp("problems"))


def test_every_declared_kind_is_emitted_by_some_file(emitted):
    assert set(emitted) == set(KINDS), (set(KINDS) - set(emitted), set(emitted) - set(KINDS))


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_kind_has_its_label_and_message_in_every_catalogue(lang):
    t = LANGUAGES[lang]
    assert set(t.REPORT_PROBLEMS) == set(KINDS)
    assert set(t.REPORT_PROBLEM_MESSAGES) == set(KINDS)
    assert all(t.REPORT_PROBLEMS[code].strip() for code in KINDS)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_emitted_problem_reads_whole_in_every_language(emitted, lang):
    """Each message takes exactly the values its kind gives (no placeholder left, none missing); each line
    names its place in the user's language; an echoed value is cut to ECHO_MAX characters."""
    t = LANGUAGES[lang]
    for code, problems in emitted.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(t.REPORT_PROBLEM_MESSAGES[code]) if f}
        for problem in problems:
            assert set(problem.params) == fields, (lang, code, problem.params, fields)
            line = problem.line(t)
            # every placeholder filled: rendering the template with the values leaves no field behind
            assert t.REPORT_PROBLEM_MESSAGES[code].format(**problem.params) in line, line
            assert all(len(str(v)) <= ECHO_MAX for k, v in problem.params.items() if k in ("value", "found")), line
            if problem.row is not None:
                assert t.REPORT_PLACE_ROW.format(row=problem.row) in line


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_of_ours_in_a_russian_or_kazakh_message(lang):
    """The validator's English sentences reached ru/kk users once; values quoted from the file are the user's."""
    english_words = re.compile(r"\b(the|is|not|file|row|column|measure|and|or)\b", re.IGNORECASE)
    t = LANGUAGES[lang]
    for code in KINDS:
        text = re.sub(r"\{\w+\}", "", t.REPORT_PROBLEM_MESSAGES[code])
        assert not english_words.search(text), (lang, code, text)


def test_the_catch_all_kind_is_gone():
    assert "invalid" not in KINDS
    with pytest.raises(ValueError):
        Problem("invalid")


def test_a_long_value_is_cut():
    assert cut("я" * 1000) == "я" * (ECHO_MAX - 1) + "…"
    assert cut("a\nb\t c") == "a b c"
