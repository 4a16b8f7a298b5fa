"""The decree's layout: its title block, the table of measures and the abbreviation legend.

Only the shape of the document is used here (a numbered column header row, roman-numbered
sections, "Направление N." headers, measure numbers that count up by one), never its wording,
so another year's roadmap in the same format parses the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import LoadError, Problems
from .legend import LegendEntry
from .source import Line
from .text import join_lines
from .vocabulary import MONTHS_GENITIVE

_COLUMN_NUMBERS = re.compile(r"^1(?:\s+\d+){4,}$")
_SECTION = re.compile(r"^(?P<num>[IVXІ]+)\.\s*(?P<rest>.*)$")
_DIRECTION = re.compile(r"^Направление\s+(?P<num>\d+)\s*\.\s*(?P<rest>.*)$")
_MEASURE = re.compile(r"^(?P<num>\d{1,4})\.(?:\s+(?P<rest>.*))?$")
_LEGEND_START = re.compile(r"расшифровка\s+аббревиатур", re.IGNORECASE)
_NOTE_START = re.compile(r"^Примечани[ея]\s*:?", re.IGNORECASE)
_LEGEND_ENTRY = re.compile(
    r"^(?P<abbr>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІа-яё]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])\s*[–—-]\s*(?P<name>\S.*)$"
)
_RULE = re.compile(r"^[_\-–—=*]{3,}$")
_YEAR_IN_TITLE = re.compile(r"\bна\s+(\d{4})\s+год\b")
_DECREE = re.compile(r"от\s+(\d{1,2})\s+(\w+)\s+(\d{4})\s+года\s+№\s*(\d+)")


@dataclass
class Header:
    number: str
    name: str
    line: int


@dataclass
class MeasureBlock:
    number: int
    section: Header
    direction: Header | None
    lines: list[Line] = field(default_factory=list)  # first line holds the number


@dataclass
class Document:
    title: str
    roadmap_year: int
    decree_number: str | None
    decree_date: str | None  # ISO date
    legend: list[LegendEntry]
    measures: list[MeasureBlock]
    preamble: list[Line]
    notes: list[Line]  # the note block under the table (from "Примечание" to the legend), if any
    problems: Problems = field(default_factory=Problems)  # faults found that did not stop the reading


def parse_document(lines: list[Line]) -> Document:
    header_row = next((i for i, ln in enumerate(lines) if _COLUMN_NUMBERS.match(ln.raw.strip())), None)
    if header_row is None:
        raise LoadError(
            "no table of measures: the numbered column header row (\"1 2 3 4 5 6 7\") is missing",
            lines[-1].number,
        )
    preamble = lines[:header_row]
    title, year, decree_number, decree_date = _metadata(preamble)

    legend_at = next((i for i in range(header_row, len(lines)) if _LEGEND_START.search(lines[i].text)), None)
    if legend_at is None:
        raise LoadError(
            "the abbreviation legend (\"расшифровка аббревиатур\") after the table is missing: "
            "the text looks truncated",
            lines[-1].number,
        )
    table_end = legend_at
    for i in range(header_row + 1, legend_at):
        if _NOTE_START.match(lines[i].text):
            table_end = i
            break
    problems = Problems()
    legend = _legend(lines[legend_at + 1 :], problems)
    measures = _measures(lines[header_row + 1 : table_end], problems)
    if not measures:
        problems.add(LoadError("the table holds no numbered measures", lines[header_row].number))
        problems.raise_any()
    notes = lines[table_end:legend_at]
    return Document(title, year, decree_number, decree_date, legend, measures, preamble, notes, problems)


def _metadata(preamble: list[Line]) -> tuple[str, int, str | None, str | None]:
    text_lines = [ln for ln in preamble if ln.text]
    if not text_lines:
        raise LoadError("the decree's title before the table is missing", 1)
    title_lines: list[str] = []
    for ln in text_lines:
        if title_lines and (not ln.text or ln.text.startswith(("Постановление", "Указ", "Приказ"))):
            break
        title_lines.append(ln.raw)
        if _YEAR_IN_TITLE.search(join_lines(title_lines)):
            break
    title = join_lines(title_lines)
    joined = join_lines([ln.raw for ln in preamble])
    year_match = _YEAR_IN_TITLE.search(joined)
    decree = _DECREE.search(joined)
    decree_number = decree_date = None
    if decree and decree.group(2) in MONTHS_GENITIVE:
        day, month, dyear = int(decree.group(1)), MONTHS_GENITIVE[decree.group(2)], int(decree.group(3))
        decree_date = f"{dyear:04d}-{month:02d}-{day:02d}"
        decree_number = decree.group(4)
    if year_match:
        year = int(year_match.group(1))
    elif decree_date:
        year = int(decree_date[:4])
    else:
        raise LoadError("cannot tell the roadmap's year: no \"на YYYY год\" and no decree date", text_lines[0].number)
    return title, year, decree_number, decree_date


def _legend(lines: list[Line], problems: Problems) -> list[LegendEntry]:
    entries: list[LegendEntry] = []
    last_line = lines[-1].number if lines else None
    for ln in lines:
        if not ln.text:
            continue
        if _RULE.match(ln.text):
            break
        match = _LEGEND_ENTRY.match(ln.text)
        if match:
            name = " ".join(match.group("name").split())
            kind = "budget" if "бюджет" in name.lower() else "body"
            entries.append(LegendEntry(match.group("abbr"), name, kind, ln.number))
        elif entries:  # a long name wrapped onto the next line
            entries[-1].full_name = f"{entries[-1].full_name} {ln.text}"
        else:
            problems.add(LoadError(
                f"expected \"ABBR – full name\" in the abbreviation legend, found {ln.text[:60]!r}", ln.number
            ))
    if not entries:
        raise LoadError("the abbreviation legend is empty: the text looks truncated", last_line)
    seen: dict[str, LegendEntry] = {}
    for entry in entries:
        if entry.abbreviation in seen and seen[entry.abbreviation].full_name != entry.full_name:
            problems.add(LoadError(f"abbreviation {entry.abbreviation!r} is defined twice, differently", entry.line))
            continue
        seen[entry.abbreviation] = entry
    return list(seen.values())


def _measures(lines: list[Line], problems: Problems) -> list[MeasureBlock]:
    """The measure blocks under their sections and directions.

    A fault in the numbering is recorded and reading goes on: the measure is kept with the number it
    has, and the next one may follow either it or the number that was expected, so that one wrong or
    missing number is one problem, not one per measure after it.
    """
    section: Header | None = None
    direction: Header | None = None
    header_lines: list[Line] | None = None  # lines of the section/direction name being read
    current: MeasureBlock | None = None
    measures: list[MeasureBlock] = []
    expected = {1}
    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        if not text:
            if current is not None:
                current.lines.append(ln)
            i += 1
            continue
        if (end := _repeated_header_end(lines, i)) is not None:  # a column header atop a new page
            _page_break(current, ln)
            i = end + 1
            continue
        if _COLUMN_NUMBERS.match(ln.raw.strip()):
            _page_break(current, ln)
            i += 1
            continue
        if (m := _SECTION.match(text)) and _roman(m.group("num")) and not _looks_like_deadline(m.group("rest")):
            section = Header(_roman(m.group("num")), "", ln.number)
            direction = None
            current = None
            header_lines = [Line(ln.number, m.group("rest"), m.group("rest"))]
            _close_header(section, header_lines)
            i += 1
            continue
        if m := _DIRECTION.match(text):
            if section is None:
                problems.add(LoadError("a direction comes before any roman-numbered section", ln.number))
                section = Header("", "", ln.number)
            direction = Header(m.group("num"), "", ln.number)
            current = None
            header_lines = [Line(ln.number, m.group("rest"), m.group("rest"))]
            _close_header(direction, header_lines)
            i += 1
            continue
        if m := _MEASURE.match(text):
            number = int(m.group("num"))
            if number not in expected:
                if current is not None and _starts_subpoint(m.group("rest"), lines, i):
                    current.lines.append(ln)
                    i += 1
                    continue
                if measures and number <= measures[-1].number:
                    problems.add(LoadError(
                        f"measure number {number} repeats: measure {measures[-1].number} came before it", ln.number
                    ))
                else:
                    problems.add(LoadError(
                        f"measure number {number} where {min(expected)} was expected: a measure is missing", ln.number
                    ))
                expected = {number + 1, min(expected) + 1}
            else:
                expected = {number + 1}
            if section is None:
                problems.add(LoadError(f"measure {number} comes before any roman-numbered section", ln.number))
                section = Header("", "", ln.number)
            current = MeasureBlock(number, section, direction, [ln])
            measures.append(current)
            header_lines = None
            i += 1
            continue
        if header_lines is not None:
            header_lines.append(ln)
            _close_header(
                direction if direction and direction.line == header_lines[0].number else section, header_lines
            )
        elif current is not None:
            current.lines.append(ln)
        else:
            problems.add(LoadError(f"text outside any measure: {text[:60]!r}", ln.number, key="outside"))
        i += 1
    return measures


def _page_break(current: MeasureBlock | None, at: Line) -> None:
    """A repeated header inside a row is left out, but the row's cells read it as the page break it is."""
    if current is not None:
        current.lines.append(Line(at.number, "\f", ""))


def _close_header(header: Header | None, lines: list[Line]) -> None:
    if header is not None:
        header.name = join_lines([ln.raw for ln in lines])


def _roman(num: str) -> str | None:
    latin = num.replace("І", "I")
    return latin if re.fullmatch(r"(?:X{0,3})(?:IX|IV|V?I{0,3})", latin) and latin else None


def _looks_like_deadline(rest: str) -> bool:
    return bool(re.match(r"(?:квартал|полугоди)", rest))


def _starts_subpoint(rest: str | None, lines: list[Line], index: int) -> bool:
    """A numbered sub-point inside a measure's text starts with a small letter, a measure with a capital."""
    if rest:
        return rest[:1].islower()
    j = index + 1
    while j < len(lines):  # the next text, over a page break and the header repeated after it
        if (end := _repeated_header_end(lines, j)) is not None:
            j = end + 1
            continue
        if lines[j].text and not _COLUMN_NUMBERS.match(lines[j].raw.strip()):
            return lines[j].text[:1].islower()
        j += 1
    return False


def _repeated_header_end(lines: list[Line], index: int) -> int | None:
    """The column number row closing a column header repeated from lines[index] ("№"), if it is one."""
    if not lines[index].text.startswith("№"):
        return None
    return next(
        (j for j in range(index, min(index + 40, len(lines))) if _COLUMN_NUMBERS.match(lines[j].raw.strip())), None
    )
