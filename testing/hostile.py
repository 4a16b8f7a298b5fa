"""Hostile report files, and what reading one costs the server: shared by tests/test_hostile_reports.py (which
holds each kind to the bounds below) and bench/hostile.py (which prints the figures).

Every file is built here, small, in the calling process (a zip's parts are written raw with zipfile, or the zip
itself byte by byte where zipfile would refuse to write the lie).  ``measure`` then runs ``validate`` on it in a
child process (``python -m testing.hostile PATH NAME``), so that memory is the child's own high-water mark
and a crash or a kill cannot take the caller down; the child prints its verdict, its peak resident memory
and the CPU time of ``validate`` alone as JSON.  A valid filled template, measured the same way, is the
reference each hostile kind is compared with.
"""
from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "roadmap.parquet"
EXECUTOR = "МКС"
ROUND = date(2021, 7, 5)

# What a hostile file may cost beyond a valid template (the bounds).
RSS_OVER_VALID_MB = 150
CPU_OVER_VALID_S = 3.0
ECHO_LIMIT = 100  # characters of any value a problem quotes back
TEXT_LIMIT = 64 * 1024  # characters of all the problems' lines together, in any one language
ECHOED = ("value", "expected", "reason")  # the parameters that quote the file (the rest are ours)
CHILD_TIMEOUT_S = 120

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# --- the valid reference ---------------------------------------------------------------------------------


def _roadmap():
    from reporting.decrees import load_roadmap
    return load_roadmap(DATA)


def measure_rows(measures) -> list[int]:
    from testing.naive import assigned
    return [no for _, no in assigned(measures, EXECUTOR)]


def valid_template() -> bytes:
    """МКС's template for the first round, every measure given a status (as an executor fills it in Excel)."""
    import openpyxl

    from i18n import ru
    from reporting.decrees import measures_of
    from reporting.template import template_xlsx

    measures, decrees = _roadmap()
    meta = decrees[2021]
    decree = {"year": 2021, "number": meta["decree_number"], "date": meta["decree_date"]}
    data = template_xlsx(measures_of(measures, EXECUTOR, 2021).to_pandas(), EXECUTOR, ROUND, decree, ru)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    for i, _ in enumerate(measure_rows(measures)):
        sheet[f"E{5 + i}"] = "выполнено"
        sheet[f"F{5 + i}"] = 100 + i
        sheet[f"G{5 + i}"] = "Проведено"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def valid_csv() -> bytes:
    measures, _ = _roadmap()
    return ("measure_no;status;spent_thousand_kzt;comment\n"
            + "".join(f"{no};выполнено;{100 + i};Проведено\n" for i, no in enumerate(measure_rows(measures)))
            ).encode("utf-8")


# --- building workbooks from the valid one -----------------------------------------------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(parts: dict[str, bytes | Callable[[io.BufferedIOBase], None]]) -> bytes:
    """A workbook of these parts; a part given as a function writes itself in pieces (a part of hundreds of
    megabytes is never held whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in parts.items():
            if callable(content):
                with archive.open(name, "w", force_zip64=True) as part:
                    content(part)
            else:
                archive.writestr(name, content)
    return out.getvalue()


def _with_strings(parts: dict[str, bytes], strings: bytes | Callable) -> dict:
    """The parts with a shared-string table (the template writes its texts inline and has none)."""
    types = parts["[Content_Types].xml"]
    if b"sharedStrings" not in types:
        types = types.replace(b"</Types>", f'<Override PartName="/{STRINGS}" ContentType="{STRINGS_TYPE}"/>'
                              "</Types>".encode())
    return {**parts, "[Content_Types].xml": types, STRINGS: strings}


def _sheet_rows(parts: dict[str, bytes], rows: bytes, *, replace: bool = False) -> dict[str, bytes]:
    """The data sheet with `rows` (raw <row> XML) after its own rows, or instead of its measure rows."""
    xml = parts[SHEET]
    head, rest = xml.split(b"<sheetData>")
    data, tail = rest.split(b"</sheetData>")
    if replace:
        data = data[: data.index(b'<row r="5"')]
    return {**parts, SHEET: head + b"<sheetData>" + data + rows + b"</sheetData>" + tail}


def _strings_xml(items: bytes, count: int) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="{count}" '
            f'uniqueCount="{count}">').encode() + items + b"</sst>"


def _streamed(head: bytes, piece: bytes, times: int, tail: bytes, per_write: int = 4096):
    def write(part) -> None:
        part.write(head)
        block = piece * per_write
        for _ in range(times // per_write):
            part.write(block)
        part.write(piece * (times % per_write))
        part.write(tail)
    return write


def long_text_cells(chars: int) -> bytes:
    """Every measure row's number, status and amount cells hold one shared text of `chars` digits."""
    base = _parts(valid_template())
    measures, _ = _roadmap()
    rows = b"".join(f'<row r="{5 + i}"><c r="A{5 + i}" t="s"><v>0</v></c><c r="E{5 + i}" t="s"><v>0</v></c>'
                    f'<c r="F{5 + i}" t="s"><v>0</v></c></row>'.encode() for i in range(len(measure_rows(measures))))
    parts = _sheet_rows(base, rows, replace=True)
    return _rezip(_with_strings(parts, _strings_xml(b"<si><t>" + b"9" * chars + b"</t></si>", 1)))


def one_shared_string(mb: int) -> bytes:
    """A shared-string table of one text of `mb` megabytes, used by no cell."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>'
    return _rezip(_with_strings(_parts(valid_template()),
                                _streamed(head.encode(), b"x" * 1024, mb * 1024, b"</t></si></sst>")))


def many_shared_strings(count: int) -> bytes:
    head = _strings_xml(b"", count)[: -len(b"</sst>")]
    return _rezip(_with_strings(_parts(valid_template()), _streamed(head, b"<si><t>a</t></si>", count, b"</sst>")))


def row_of_empty_cells(cells: int, row: int = 20) -> bytes:
    """One row, after the measures, of `cells` empty (styled) cells, as a whole formatted row is written."""
    parts = _parts(valid_template())
    head, rest = parts[SHEET].split(b"</sheetData>")
    return _rezip({**parts, SHEET: _streamed(head + f'<row r="{row}">'.encode(), b'<c s="0"/>', cells,
                                             b"</row></sheetData>" + rest)})


def blank_rows_to_xfd(count: int) -> bytes:
    """`count` blank rows after the measures, each with one empty styled cell in the last column, XFD."""
    rows = b"".join(f'<row r="{20 + i}"><c r="XFD{20 + i}" s="0"/></row>'.encode() for i in range(count))
    return _rezip(_sheet_rows(_parts(valid_template()), rows))


def many_sheet_parts(count: int) -> bytes:
    parts = _parts(valid_template())
    extra = {f"xl/worksheets/extra{i}.xml": parts["xl/worksheets/sheet2.xml"] for i in range(count)}
    return _rezip({**parts, **extra})


def many_sheet_entries(count: int) -> bytes:
    """workbook.xml listing the data sheet `count` times over (one part, one relationship)."""
    parts = _parts(valid_template())
    entries = b"".join(f'<sheet name="s{i}" sheetId="{3 + i}" r:id="rId1"/>'.encode() for i in range(count))
    book = parts["xl/workbook.xml"].replace(b"</sheets>", entries + b"</sheets>")
    return _rezip({**parts, "xl/workbook.xml": book})


def prefixed_rows(cells: int) -> bytes:
    """The main namespace under a prefix: rows and cells as <x:row> and <x:c>, which name the same elements."""
    parts = _parts(valid_template())
    xml = parts[SHEET].replace(b"<worksheet ", f'<worksheet xmlns:x="{MAIN_NS}" '.encode(), 1)
    head, rest = xml.split(b"</sheetData>")
    return _rezip({**parts, SHEET: _streamed(head + b'<x:row r="20">', b"<x:c/>", cells,
                                             b"</x:row></sheetData>" + rest)})


def entity_rows() -> bytes:
    """Rows the sheet's text does not show: an internal entity whose replacement text is markup, nested."""
    parts = _parts(valid_template())
    xml = parts[SHEET]
    doctype = (b'<!DOCTYPE worksheet [<!ENTITY a "<c/><c/><c/><c/><c/><c/><c/><c/><c/><c/>">'
               + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(5))
               + b"]>")
    xml = doctype + xml
    head, rest = xml.split(b"</sheetData>")
    return _rezip({**parts, SHEET: head + b'<row r="20">&f;</row></sheetData>' + rest})


def sheet_elsewhere(cells: int) -> bytes:
    """The data sheet stored outside xl/worksheets/ (the relationships may name any part), with a row of
    `cells` empty cells."""
    parts = _parts(valid_template())
    head, rest = parts.pop(SHEET).split(b"</sheetData>")
    moved = "xl/elsewhere.xml"
    return _rezip({**parts, moved: head + b'<row r="20">' + b"<c/>" * cells + b"</row></sheetData>" + rest,
                   "xl/_rels/workbook.xml.rels": parts["xl/_rels/workbook.xml.rels"].replace(
                       f"/{SHEET}".encode(), f"/{moved}".encode()),
                   "[Content_Types].xml": parts["[Content_Types].xml"].replace(
                       f"/{SHEET}".encode(), f"/{moved}".encode())})


def far_row(row: int) -> bytes:
    """One empty styled cell far below the measures (a user's stray formatting)."""
    return _rezip(_sheet_rows(_parts(valid_template()), f'<row r="{row}"><c r="A{row}" s="0"/></row>'.encode()))


def wide_rows(rows: int, cells: int) -> bytes:
    """`rows` rows after the measures, each of `cells` empty styled cells."""
    body = b"".join(f'<row r="{20 + i}">'.encode() + b'<c s="0"/>' * cells + b"</row>" for i in range(rows))
    return _rezip(_sheet_rows(_parts(valid_template()), body))


def utf16_sheet(cells: int) -> bytes:
    """The data sheet in UTF-16, where no byte pattern of "<row" or "<c" occurs."""
    parts = _parts(valid_template())
    xml = parts[SHEET].decode()
    head, rest = xml.split("</sheetData>")
    text = head + '<row r="20">' + "<c/>" * cells + "</row></sheetData>" + rest
    return _rezip({**parts, SHEET: ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode("utf-16")})


def many_styles(count: int) -> bytes:
    """A style table of `count` cell formats (a template has a dozen)."""
    parts = _parts(valid_template())
    styles = parts["xl/styles.xml"]
    start = styles.index(b"<cellXfs")
    end = styles.index(b"</cellXfs>") + len(b"</cellXfs>")
    head, tail = styles[:start] + f'<cellXfs count="{count}">'.encode(), b"</cellXfs>" + styles[end:]
    return _rezip({**parts, "xl/styles.xml": _streamed(
        head, b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', count, tail)})


# --- zips that lie --------------------------------------------------------------------------------------------


def _raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written byte by byte: (name, deflated data, declared size, declared CRC) per entry."""
    out, central = bytearray(), bytearray()
    for name, deflated, size, crc in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), size, len(encoded), 0)
        out += encoded + deflated
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), size,
                               len(encoded), 0, 0, 0, 0, 0, offset)
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _deflate_zeros(mb: int) -> bytes:
    """Raw deflate of `mb` MB of zeros, made in milliseconds: one megabyte compressed and fully flushed (so it
    refers to nothing before it), repeated, then an empty final block."""
    pack = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = pack.compress(b"\0" * MB) + pack.flush(zlib.Z_FULL_FLUSH)
    return one * mb + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _deflate(data: bytes) -> bytes:
    pack = zlib.compressobj(6, zlib.DEFLATED, -15)
    return pack.compress(data) + pack.flush()


def zip_bomb_small_declared(mb: int) -> bytes:
    """The data sheet declared as its own small size and CRC, but its data inflating to `mb` MB of zeros."""
    parts = _parts(valid_template())
    entries = []
    for name, content in parts.items():
        if name == SHEET:
            entries.append((name, _deflate_zeros(mb), len(content), zlib.crc32(content)))
        else:
            entries.append((name, _deflate(content), len(content), zlib.crc32(content)))
    return _raw_zip(entries)


def zip_bomb_huge_declared(gb: int) -> bytes:
    """The data sheet declaring `gb` GB (its data is the real sheet's)."""
    parts = _parts(valid_template())
    return _raw_zip([(name, _deflate(content), (gb << 30) - 1 if name == SHEET else len(content),
                      zlib.crc32(content)) for name, content in parts.items()])


def many_zip_entries(count: int) -> bytes:
    parts = _parts(valid_template())
    entries = [(name, _deflate(content), len(content), zlib.crc32(content)) for name, content in parts.items()]
    empty = _deflate(b"")
    entries += [(f"x/{i}", empty, 0, 0) for i in range(count)]
    return _raw_zip(entries)


# --- CSV --------------------------------------------------------------------------------------------------------


def csv_line_of_delimiters() -> bytes:
    """A valid CSV report, then one line of delimiters filling the file to its limit."""
    from reporting.limits import MAX_FILE_BYTES
    data = valid_csv()
    return data + b";" * (MAX_FILE_BYTES - len(data) - 1) + b"\n"


def csv_blank_lines(count: int, newline: bytes = b"\n") -> bytes:
    return valid_csv() + newline * count


def csv_long_field(chars: int) -> bytes:
    measures, _ = _roadmap()
    first = measure_rows(measures)[0]
    return valid_csv() + f"{first};выполнено;1;".encode() + b"z" * chars + b"\n"


# --- the kinds --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One hostile file: how it is made, under what name it arrives, and the verdict expected of it: refused with
    these problem kinds (all of them among the problems), or accepted with the valid template's rows."""
    key: str
    label: str
    build: Callable[[], bytes | str]  # the file's bytes, or a path to read (a device)
    name: str = "report.xlsx"
    refused: tuple[str, ...] = ()  # empty: accepted
    fifo: bool = False

    @property
    def expected(self) -> str:
        return f"refused: {', '.join(self.refused)}" if self.refused else "accepted"


KINDS: tuple[Hostile, ...] = (
    Hostile("text_4mb", "(a) a 4 MB text in the number, status and amount cells",
            lambda: long_text_cells(4 * MB), refused=("cell_too_long",)),
    Hostile("text_32k", "(a) a 32,000-character text (within Excel's) in those cells",
            lambda: long_text_cells(32_000), refused=("unknown_measure", "status", "amount")),
    Hostile("string_150mb", "(b) one 150 MB shared string", lambda: one_shared_string(150), refused=("too_large",)),
    Hostile("string_15mb", "(b) one 15 MB shared string no cell uses (within the part bound)",
            lambda: one_shared_string(15)),
    Hostile("cells_49m", "(c) a row of 49 million empty cells", lambda: row_of_empty_cells(49_000_000),
            refused=("too_large",)),
    Hostile("cells_prefixed", "(c) a million empty cells spelled <x:c>", lambda: prefixed_rows(1_000_000),
            refused=("sheet_too_large",)),
    Hostile("cells_elsewhere", "(c) 500,000 empty cells in a sheet outside xl/worksheets/",
            lambda: sheet_elsewhere(500_000), refused=("sheet_too_large",)),
    Hostile("cells_entities", "(c) cells hidden in nested XML entities", entity_rows, refused=("not_xlsx",)),
    Hostile("cells_utf16", "(c) a UTF-16 sheet with 200,000 cells in a row", lambda: utf16_sheet(200_000),
            refused=("not_xlsx",)),
    Hostile("cells_1m", "(d) a row of a million empty cells", lambda: row_of_empty_cells(1_000_000),
            refused=("sheet_too_large",)),
    Hostile("cells_xfd", "(d) a row of 16,384 empty cells (A to XFD: a formatted row)",
            lambda: row_of_empty_cells(16_384)),
    Hostile("cells_196k", "(d) 12 such rows: 196,608 empty cells", lambda: wide_rows(12, 16_384)),
    Hostile("blank_rows_xfd", "(e) 4,000 blank rows reaching column XFD", lambda: blank_rows_to_xfd(4000)),
    Hostile("far_row", "(e) one empty cell on row 99,999", lambda: far_row(99_999)),
    Hostile("strings_2m", "(f) two million shared strings", lambda: many_shared_strings(2_000_000),
            refused=("too_large",)),
    Hostile("strings_500k", "(f) 500,000 shared strings (within the part bound)",
            lambda: many_shared_strings(500_000), refused=("too_many_strings",)),
    Hostile("sheet_parts", "(g) 5,000 sheet parts", lambda: many_sheet_parts(5000), refused=("too_large",)),
    Hostile("sheet_parts_17", "(g) 17 sheet parts", lambda: many_sheet_parts(15), refused=("too_many_sheets",)),
    Hostile("sheet_entries", "(g) workbook.xml listing 20,000 sheets", lambda: many_sheet_entries(20_000),
            refused=("too_many_sheets",)),
    Hostile("styles", "(g) a style table of 200,000 cell formats", lambda: many_styles(200_000),
            refused=("too_large",)),
    Hostile("bomb_small", "(h) a part declaring its small size, inflating to 1 GB",
            lambda: zip_bomb_small_declared(1024), refused=("not_xlsx",)),
    Hostile("bomb_huge", "(h) a part declaring 4 GB", lambda: zip_bomb_huge_declared(4), refused=("too_large",)),
    Hostile("zip_entries", "(h) 50,000 empty zip entries", lambda: many_zip_entries(50_000),
            refused=("too_large",)),
    Hostile("dev_zero", "(i) /dev/zero", lambda: "/dev/zero", name="zero", refused=("not_a_file",)),
    Hostile("fifo", "(i) a FIFO", lambda: "", name="report.csv", refused=("not_a_file",), fifo=True),
    Hostile("csv_delimiters", "(j) a CSV line of 5 MB of delimiters", csv_line_of_delimiters, name="report.csv"),
    Hostile("csv_blank_lf", "(j) 5 million blank lines (LF)", lambda: csv_blank_lines(5_000_000),
            name="report.csv", refused=("sheet_too_large",)),
    Hostile("csv_blank_cr", "(j) 5 million blank lines (CR alone)", lambda: csv_blank_lines(5_000_000, b"\r"),
            name="report.csv", refused=("sheet_too_large",)),
    Hostile("csv_field", "(j) a CSV field over the csv module's limit (200,000 characters)",
            lambda: csv_long_field(200_000), name="report.csv", refused=("not_csv",)),
)
BY_KEY = {k.key: k for k in KINDS}


# --- measuring --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """What validating one file cost its process, and what it said."""
    verdict: str  # "refused" or "accepted"; "crashed" when the child died
    kinds: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # accepted: (measure, status, amount) per row
    rss_mb: float = 0.0  # the child's peak resident memory
    cpu_s: float = 0.0  # CPU time of validate alone
    wall_s: float = 0.0
    echo_max: int = 0  # the longest value a problem quotes back
    text_chars: int = 0  # all problems' lines together, the longest of the three languages
    line_max: int = 0
    error: str = ""

    @property
    def summary(self) -> str:
        if self.verdict == "refused":
            return "refused: " + ", ".join(dict.fromkeys(self.kinds))
        if self.verdict == "accepted":
            return f"accepted: {len(self.rows)} rows"
        return f"crashed: {self.error[-200:]}"


def measure(source: bytes | str, name: str, *, fifo: bool = False, timeout: float = CHILD_TIMEOUT_S) -> Run:
    """`validate` of these bytes (or of this path, read by validate itself) in a child process."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        if fifo:
            path = str(Path(tmp) / name)
            os.mkfifo(path)
        elif isinstance(source, str):
            path = source
        else:
            path = str(Path(tmp) / name)
            Path(path).write_bytes(source)
        env = {**os.environ}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        try:
            done = subprocess.run([sys.executable, "-m", "testing.hostile", path, name], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Run("crashed", error=f"no verdict in {timeout:g} s")
    if done.returncode != 0 or not done.stdout.strip():
        return Run("crashed", error=f"exit {done.returncode}: {done.stderr.strip()}")
    return Run(**json.loads(done.stdout.strip().splitlines()[-1]))


def measure_kind(kind: Hostile) -> Run:
    return measure(kind.build(), kind.name, fifo=kind.fifo)


def measure_valid() -> Run:
    return measure(valid_template(), "report.xlsx")


@dataclass(frozen=True)
class Verdict:
    """A hostile run held to the bounds against the valid run."""
    kind: Hostile
    run: Run
    valid: Run

    @property
    def rss_over(self) -> float:
        return self.run.rss_mb - self.valid.rss_mb

    @property
    def cpu_over(self) -> float:
        return self.run.cpu_s - self.valid.cpu_s

    def failures(self) -> list[str]:
        run, found = self.run, []
        if self.kind.refused:
            if run.verdict != "refused" or not set(self.kind.refused) <= set(run.kinds):
                found.append(f"expected {self.kind.expected}, got {run.summary}")
        elif run.verdict != "accepted" or run.rows != self.valid.rows:
            found.append(f"expected the valid template's {len(self.valid.rows)} rows, got {run.summary}")
        if self.rss_over > RSS_OVER_VALID_MB:
            found.append(f"peak RSS {run.rss_mb:.0f} MB, +{self.rss_over:.0f} MB over the valid template's")
        if self.cpu_over > CPU_OVER_VALID_S:
            found.append(f"CPU {run.cpu_s:.2f} s, +{self.cpu_over:.2f} s over the valid template's")
        if run.echo_max > ECHO_LIMIT:
            found.append(f"a problem quotes {run.echo_max} characters of the file")
        if run.text_chars > TEXT_LIMIT:
            found.append(f"the problems' text is {run.text_chars} characters")
        return found


# --- the child ----------------------------------------------------------------------------------------------


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str, name: str) -> dict:
    import openpyxl  # noqa: F401  (imported before measuring, as in a server that has read a workbook before)

    import i18n
    from reporting.validate import validate

    measures, decrees = _roadmap()
    # A guard for the machine, not a bound of the product: a regression fails the test instead of swapping.
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        vm = next(int(line.split()[1]) * 1024 for line in Path("/proc/self/status").read_text().splitlines()
                  if line.startswith("VmSize:"))
        resource.setrlimit(resource.RLIMIT_AS, (vm + 3 * 1024 * MB, hard))
    except (OSError, ValueError, StopIteration):
        pass
    cpu, wall = time.process_time(), time.perf_counter()
    result = validate(path, name, measures, decrees, EXECUTOR, expected_round=ROUND)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    out = {"rss_mb": round(_peak_mb(), 1), "cpu_s": round(cpu, 3), "wall_s": round(wall, 3)}
    if isinstance(result, list):
        texts = {lang: [p.line(i18n.catalogue(lang)) for p in result] for lang in i18n.LANGUAGES}
        echoed = [len(str(v)) for p in result for k, v in p.params.items() if k in ECHOED]
        out.update(verdict="refused", kinds=[p.code for p in result], echo_max=max(echoed, default=0),
                   text_chars=max(sum(map(len, lines)) for lines in texts.values()),
                   line_max=max(len(line) for lines in texts.values() for line in lines))
    else:
        out.update(verdict="accepted",
                   rows=[[r.measure_no, r.status, r.spent_thousand_kzt] for r in result.rows])
    return out


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], sys.argv[2]), ensure_ascii=False))
