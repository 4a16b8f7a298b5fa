"""Splitting one measure's lines into the table's columns.

The extraction keeps a row's cells in column order (title, completion form, executors, deadline,
funding) but glues neighbouring cells onto one line ("МИОР в течение года", "в течение года
32 500,0") and, when a row crosses a page, prints the rest of the title and of the executors after
the funding cell.  So each piece of text is assigned by what it is, in the order the columns come.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import LoadError
from .layout import MeasureBlock
from .vocabulary import Vocabulary


@dataclass
class Cells:
    number: int
    title_lines: list[str] = field(default_factory=list)
    subpoints: list[list[str]] = field(default_factory=list)
    form_head: str | None = None
    report_to: str | None = None
    executor_lines: list[str] = field(default_factory=list)
    deadline_lines: list[str] = field(default_factory=list)
    funding_lines: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    line_of: dict[str, int] = field(default_factory=dict)  # column -> first source line, for messages


_TITLE, _RECIPIENT, _EXECUTORS, _DEADLINE, _FUNDING, _AFTER = range(6)
_SUBPOINT = re.compile(r"^(\d{1,2}[.)])(?:\s+(.*))?$")


def split_cells(block: MeasureBlock, vocab: Vocabulary) -> Cells:
    first = block.lines[0]
    cells = Cells(block.number, first_line=first.number, last_line=first.number)
    rest = re.sub(r"^\d+\.\s*", "", first.text)
    pieces = _pieces([(first.number, rest, first.raw)] + [(ln.number, ln.text, ln.raw) for ln in block.lines[1:]])
    phase = _TITLE
    page_broken = False  # a page break came after the deadline: the row's other cells may resume
    for index, (line_no, text, after_break) in enumerate(pieces):
        next_text = pieces[index + 1][1] if index + 1 < len(pieces) else ""
        if after_break and phase >= _DEADLINE:
            page_broken = True
        if not text:
            continue
        cells.last_line = line_no
        while text:
            if phase == _TITLE:
                form = vocab.find_form(text, next_text, line_no)
                if form is None:
                    _add(cells, "title", cells.title_lines, text, line_no)
                    text = ""
                    continue
                before, head, after = text[: form.start()], form.group("head"), text[form.end() :]
                if before.strip():
                    _add(cells, "title", cells.title_lines, before, line_no)
                cells.form_head = head
                cells.line_of["form"] = line_no
                phase, text = _RECIPIENT, after.strip()
            elif phase == _RECIPIENT:
                recipient = vocab.match_recipient(text)
                if recipient is None:
                    raise LoadError(
                        f"measure {block.number}: expected the report's recipient after "
                        f"\"{cells.form_head}\" (\"в\" and an abbreviation from the legend), found {text[:50]!r}",
                        line_no,
                    )
                cells.report_to = recipient.group("abbr")
                phase, text = _EXECUTORS, text[recipient.end() :].strip()
            elif phase == _EXECUTORS:
                deadline = vocab.find_deadline(text)
                if deadline is None:
                    _add(cells, "executors", cells.executor_lines, text, line_no)
                    text = ""
                    continue
                if deadline.start():
                    _add(cells, "executors", cells.executor_lines, text[: deadline.start()], line_no)
                _add(cells, "deadline", cells.deadline_lines, deadline.group(0), line_no)
                phase, text = _DEADLINE, text[deadline.end() :].strip()
            elif phase == _DEADLINE:
                tail = vocab.deadline_tail(text)  # "І квартал" + "2021 года" on the next line
                if tail:
                    cells.deadline_lines.append(tail.group(0))
                    text = text[tail.end() :].strip()
                phase = _FUNDING
            elif phase == _FUNDING:
                if vocab.is_funding(text) and not _SUBPOINT.match(text):
                    _add(cells, "funding", cells.funding_lines, text, line_no)
                    text = ""
                    continue
                phase = _AFTER
            else:  # the rest of a row that crossed a page, or numbered sub-points
                if _SUBPOINT.match(text):
                    _add(cells, "title", cells.title_lines, text, line_no)
                elif vocab.is_funding(text):
                    _add(cells, "funding", cells.funding_lines, text, line_no)
                elif vocab.is_executors(text):
                    _add(cells, "executors", cells.executor_lines, text, line_no)
                elif page_broken or cells.subpoints:
                    _add(cells, "title", cells.title_lines, text, line_no)
                else:
                    raise LoadError(
                        f"measure {block.number}: after the deadline and funding comes {text[:60]!r}, which is "
                        "no funding phrase, no executor and no title continued over a page break",
                        line_no,
                    )
                text = ""
    _check_complete(cells, phase)
    return cells


def _pieces(numbered: list[tuple[int, str, str]]) -> list[tuple[int, str, bool]]:
    """Non-blank texts with whether a page break (two or more blank lines, or a form feed) precedes each."""
    pieces: list[tuple[int, str, bool]] = []
    blanks = 0
    for line_no, text, raw in numbered:
        if "\f" in raw:
            blanks += 2
        if not text:
            blanks += 1
            continue
        pieces.append((line_no, text, blanks >= 2))
        blanks = 0
    return pieces


def _add(cells: Cells, column: str, target: list[str], text: str, line_no: int) -> None:
    cells.line_of.setdefault(column, line_no)
    if column == "title" and cells.title_lines and _SUBPOINT.match(text.strip()):
        cells.subpoints.append([text])
    elif column == "title" and cells.subpoints:
        cells.subpoints[-1].append(text)
    else:
        target.append(text)


def _check_complete(cells: Cells, phase: int) -> None:
    where = cells.first_line
    if not cells.title_lines:
        raise LoadError(f"measure {cells.number} has no title", where)
    if cells.form_head is None:
        raise LoadError(
            f"measure {cells.number}: no completion form (such as \"информация в МИОР\") found in its row", where
        )
    if cells.report_to is None:
        raise LoadError(f"measure {cells.number}: the completion form names no recipient", cells.line_of.get("form", where))
    if not cells.executor_lines:
        raise LoadError(f"measure {cells.number}: no responsible executors found", cells.line_of.get("form", where))
    if not cells.deadline_lines:
        raise LoadError(
            f"measure {cells.number}: no deadline found (such as \"в течение года\", \"І квартал 2021 года\")",
            cells.line_of.get("executors", where),
        )
