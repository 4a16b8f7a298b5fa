"""The filtered measures, and the executors' reports on them, as files for Excel users: CSV (UTF-8 with BOM)
and XLSX, formula-safe."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from types import ModuleType

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from reporting import xlsx

from .filters import Filters

# The columns of the CSV and XLSX downloads, in file order; their headers are the catalogue's COLUMNS.
# The plan as the decree gives it, then its execution as reported for the round shown (report_round): two
# integer columns for the executors who reported and all of them, so a spreadsheet can sum and divide them.
COLUMNS = ("measure_no", "roadmap_year", "group", "title", "completion_form", "executors_raw", "ministries",
           "akimats", "executors_by_agreement", "executors_collective", "deadline_raw", "deadline_start",
           "deadline_end", "deadline_kind", "deadline_frequency", "deadline_report_day", "cost_thousand_kzt",
           "funding", "funding_source", "funding_by_source", "report_to", "source_lines",
           "report_round", "status", "status_carried_from", "spent_thousand_kzt", "reported_executors",
           "executor_count", "unreviewed_reports", "information")


_SOURCE_COLUMNS = ("measure_no", "roadmap_year", "group_key", "title", "completion_form", "executors_raw",
                   "ministries", "akimats", "executors_by_agreement", "executors_collective", "deadline_raw",
                   "deadline_start", "deadline_end", "deadline_kind", "deadline_frequency", "deadline_report_day",
                   "cost_thousand_kzt", "funding_class", "funding_source", "funding_by_source", "report_to",
                   "source_line_start", "source_line_end",
                   "report_round", "status", "status_carried_from", "spent_thousand_kzt", "reported_executors",
                   "executor_count", "unreviewed_reports", "information")
_NOT_TEXT = ("measure_no", "roadmap_year", "deadline_start", "deadline_end", "deadline_report_day",
             "cost_thousand_kzt", "report_round", "status_carried_from", "spent_thousand_kzt", "reported_executors",
             "executor_count", "unreviewed_reports")


def export_table(measures: pa.Table | pa.RecordBatch, t: ModuleType, for_spreadsheet: bool = True) -> pa.Table:
    """One row per measure, headers in the interface language, lists joined with "; ", first column the
    measure number.  For a spreadsheet, text that Excel would run as a formula is neutralised; on screen
    it is shown as written.  Arrow in, Arrow out: 67,000 measures take a fraction of a second."""
    m = measures
    columns = {
        "measure_no": pc.cast(m["measure_no"], pa.int64()),
        "roadmap_year": pc.cast(m["roadmap_year"], pa.int64()),
        "group": _named(m["group_key"], t.group_label),
        "title": m["title"],
        "completion_form": m["completion_form"],
        "executors_raw": m["executors_raw"],
        "ministries": _joined(m["ministries"]),
        "akimats": _joined(m["akimats"]),
        "executors_by_agreement": _joined(m["executors_by_agreement"]),
        "executors_collective": _joined(m["executors_collective"]),
        "deadline_raw": m["deadline_raw"],
        "deadline_start": pc.cast(m["deadline_start"], pa.date32()),
        "deadline_end": pc.cast(m["deadline_end"], pa.date32()),
        "deadline_kind": _named(m["deadline_kind"], t.DEADLINE_KINDS.get),
        "deadline_frequency": _named(m["deadline_frequency"], t.DEADLINE_FREQUENCIES.get),
        "deadline_report_day": pc.cast(m["deadline_report_day"], pa.int64()),
        "cost_thousand_kzt": pc.cast(m["cost_thousand_kzt"], pa.float64()),
        "funding": _named(m["funding_class"], t.FUNDING_CLASSES.get),
        "funding_source": m["funding_source"],
        "funding_by_source": _by_source(m["funding_by_source"], t),
        "report_to": m["report_to"],
        "source_lines": pc.binary_join_element_wise(pc.cast(m["source_line_start"], pa.string()),
                                                    pc.cast(m["source_line_end"], pa.string()), "–"),
        "report_round": pc.cast(m["report_round"], pa.date32()),
        "status": _named(m["status"], t.STATUS_NAMES.get),
        "status_carried_from": pc.cast(m["status_carried_from"], pa.date32()),
        "spent_thousand_kzt": pc.cast(m["spent_thousand_kzt"], pa.float64()),
        "reported_executors": pc.cast(m["reported_executors"], pa.int64()),
        "executor_count": pc.cast(m["executor_count"], pa.int64()),
        "unreviewed_reports": pc.cast(m["unreviewed_reports"], pa.int64()),
        "information": m["information"],
    }
    # Every text column typed as text, whatever it held (a column of nothing but nulls arrives untyped); for
    # a spreadsheet each is neutralised, whatever it holds: a dtype test once let formulas through.
    text = neutralise_array if for_spreadsheet else (lambda v: pc.cast(v, pa.string()))
    columns = {k: v if k in _NOT_TEXT else text(v) for k, v in columns.items()}
    return pa.table({t.COLUMNS[k]: columns[k] for k in COLUMNS})


def _by_source(parts: pa.ChunkedArray | pa.Array, t: ModuleType) -> pa.Array:
    """"РБ: 100 000,0; МБ: 50 000,0" for each measure's amounts by source (empty where it has none)."""
    return pa.array(["; ".join(f"{p['source']}: {t.number(p['amount_thousand_kzt'], 1)}" for p in row or [])
                     for row in parts.to_pylist()], pa.string())


def export_frame(measures: pd.DataFrame, t: ModuleType, for_spreadsheet: bool = True) -> pd.DataFrame:
    """export_table for a DataFrame of measures (the page's table, tests)."""
    table = pa.Table.from_pandas(measures[list(_SOURCE_COLUMNS)], preserve_index=False)
    return export_table(table, t, for_spreadsheet).to_pandas()


def _named(codes: pa.Array, name) -> pa.Array:
    """Codes replaced by their names in the language (a code without a name stays as it is)."""
    codes = pc.cast(codes, pa.string())
    distinct = [c for c in pc.unique(codes).to_pylist() if c is not None]
    names = pa.array([name(c) or c for c in distinct], pa.string())
    return pc.take(names, pc.index_in(codes, value_set=pa.array(distinct, pa.string())))


def _joined(lists: pa.Array) -> pa.Array:
    # A frame whose lists are all empty arrives as list<null>: typed first.
    return pc.fill_null(pc.binary_join(pc.cast(lists, pa.list_(pa.string())), "; "), "")


def neutralise_array(values: pa.Array) -> pa.Array:
    """reporting.xlsx.neutralise() over a column of text, in Arrow (nulls stay null)."""
    values = pc.cast(values, pa.string())
    formula = pc.starts_with(values, xlsx.FORMULA_START[0])
    for start in xlsx.FORMULA_START[1:]:
        formula = pc.or_(formula, pc.starts_with(values, start))
    return pc.if_else(pc.fill_null(formula, False), pc.binary_join_element_wise("'", values, ""), values)


def _arrow(table: pa.Table | pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(table, preserve_index=False) if isinstance(table, pd.DataFrame) else table


def _csv_rows(table: pa.Table, header: bool) -> bytes:
    out = io.BytesIO()
    pa_csv.write_csv(table, out, pa_csv.WriteOptions(include_header=header, quoting_style="needed"))
    return out.getvalue()


def to_csv(table: pa.Table | pd.DataFrame) -> bytes:
    """CSV for Excel users: UTF-8 with a BOM (or Excel guesses the encoding wrong), comma-separated."""
    return b"\xef\xbb\xbf" + _csv_rows(_arrow(table), header=True)


def csv_chunks(tables: Iterable[pa.Table], t: ModuleType, header: list[str] | None = None) -> Iterator[bytes]:
    """The CSV of export tables as they come: the BOM and the header first, then each table's rows.  `header`:
    the tables' columns, by default those of export_table."""
    header = header or [t.COLUMNS[c] for c in COLUMNS]
    yield to_csv(pa.table({h: pa.array([], pa.string()) for h in header}))  # the header alone
    for table in tables:
        yield _csv_rows(table, header=False)


_FROZEN = "B2"  # the header row and the first column (the measure's number, the year) stay in view
_WIDTHS = {"measure_no": 6, "roadmap_year": 7, "title": 70, "executors_raw": 40, "akimats": 40}
_STYLES = {"deadline_start": xlsx.DATE, "deadline_end": xlsx.DATE, "cost_thousand_kzt": xlsx.AMOUNT,
           "report_round": xlsx.DATE, "status_carried_from": xlsx.DATE, "spent_thousand_kzt": xlsx.AMOUNT,
           "information": xlsx.WRAPPED}


def xlsx_chunks(tables: Iterable[pa.Table], t: ModuleType, header: list[str] | None = None,
                notes: list[dict] = ()) -> Iterator[bytes]:
    """The XLSX of export tables as they come, in constant memory (see reporting/xlsx.py).  `header`: the
    tables' columns, by default those of export_table; `notes` (RoadmapDB.notes), the decrees' notes on a
    sheet of their own, beside the amounts they qualify."""
    header = header or [t.COLUMNS[c] for c in COLUMNS]
    key_of = {label: key for key, label in t.COLUMNS.items()}

    def rows():
        for table in tables:
            yield from zip(*(column.to_pylist() for column in table.columns))

    sheet = xlsx.Sheet(
        name=t.PAGE_MEASURES, header=header, rows=rows(),
        widths=[_WIDTHS.get(key_of.get(h), max(12, min(30, len(h) + 2))) for h in header],
        styles=[_STYLES.get(key_of.get(h), xlsx.PLAIN) for h in header], freeze=_FROZEN,
    )
    sheets = [sheet]
    if notes:
        sheets.append(xlsx.Sheet(
            name=t.NOTES_SHEET,
            header=[t.COL_YEAR, t.NOTES_COLUMNS["marker"], t.NOTES_COLUMNS["text"], t.NOTES_COLUMNS["measures"]],
            rows=[(n["year"], xlsx.neutralise(n["marker"]), xlsx.neutralise(n["text"]),
                   "; ".join(str(m) for m in n.get("measures") or [])) for n in notes],
            widths=[8, 8, 100, 24], styles=[xlsx.PLAIN, xlsx.PLAIN, xlsx.WRAPPED, xlsx.PLAIN], freeze=None,
        ))
    yield from xlsx.stream(sheets)


def json_chunks(objects: Iterable[pa.RecordBatch], applied: dict[str, object], total: int,
                key: str = "measures") -> Iterator[bytes]:
    """{"filters": {...}, "total": N, "measures": [...]}, the measures written as they come: each batch has
    one column of JSON objects, one per measure (sql/measures_json.sql); `key` names the list of other rows
    ("reports": sql/report_log_json.sql)."""
    yield (f'{{"filters": {json.dumps(applied, ensure_ascii=False)}, "total": {int(total)}, '
           f'{json.dumps(key)}: [').encode()
    first = True
    for batch in objects:
        if not batch.num_rows:
            continue
        text = ",\n".join(batch.column(0).to_pylist())
        yield (("\n" if first else ",\n") + text).encode("utf-8")
        first = False
    yield b"\n]}\n"


def file_stem(filters: Filters, t: ModuleType, years: Iterable[int] = ()) -> str:
    """A file name that says what was filtered: dorozhnaya_karta_2021_akimat-Атырауская_область, with the loaded
    roadmaps' `years` unless the year filter names its own."""
    parts = [t.FILE_STEM]
    if years and "year" not in filters.active():
        parts.append("-".join(str(y) for y in sorted(years)))
    for key, value in filters.active().items():
        values = value if isinstance(value, tuple) else (value,)
        label = "+".join(values)[:60]
        parts.append(f"{key}-{label}")
    stem = "_".join(parts)
    return "".join(ch if ch.isalnum() or ch in "-_+." else "_" for ch in stem)[:150]


# The report log (/export/reports.csv|xlsx|json): one row per measure, executor and round, what stands there,
# and the rows of returned submissions.  Each column once, in file order: (name, type as the JSON gives it,
# meaning); the README's table is held to this by tests/test_docs.py, the headers are report_log_headers'.
# Who sent a report is not in it: the export is as public as the dashboard.
REPORT_LOG_COLUMNS = (
    ("roadmap_year", "integer", "the roadmap (decree) the measure is in, by its year"),
    ("round", "date", "the reporting date the row is for"),
    ("measure_no", "integer", "the measure (with roadmap_year, it identifies it)"),
    ("title", "text", "the measure's title"),
    ("executor", "text", "whose report it is: a legend abbreviation or a region, one of the measure's executors"),
    ("status", "text", "done, in_progress, not_started or not_done: what that executor reported (named in the "
                       "link's language in CSV and XLSX)"),
    ("spent_thousand_kzt", "number", "spent on the measure since the roadmap began, thousand tenge; empty when "
                                     "not said"),
    ("comment", "text", "what the executor wrote: the information on implementation; empty when nothing"),
    ("carried_from", "date", "the round the report was made for, when an earlier one (it stands until a later "
                             "report replaces it); empty otherwise"),
    ("received_at", "date and time (UTC)", "when the report was stored"),
    ("review_state", "text", "unreviewed, accepted or returned: the ministry's review of the report; a returned "
                             "report stands in no round and counts for nothing, its rows are listed in its own round"),
)
REPORT_LOG = tuple(name for name, _, _ in REPORT_LOG_COLUMNS)


def report_log_headers(t: ModuleType) -> dict[str, str]:
    """The report log's column headers in the language of `t`: the names the pages and the measures files
    already give the same things."""
    return {"roadmap_year": t.COL_YEAR, "round": t.COL_ROUND, "measure_no": t.COLUMNS["measure_no"],
            "title": t.COL_TITLE, "executor": t.COL_EXECUTOR, "status": t.COLUMNS["status"],
            "spent_thousand_kzt": t.COLUMNS["spent_thousand_kzt"], "comment": t.REPORT_COLUMNS["comment"],
            "carried_from": t.COLUMNS["status_carried_from"], "received_at": t.COL_SUBMITTED_AT,
            "review_state": t.COL_REVIEW}


_REPORT_NOT_TEXT = ("roadmap_year", "round", "measure_no", "spent_thousand_kzt", "carried_from", "received_at")


def report_table(rows: pa.Table | pa.RecordBatch, t: ModuleType) -> pa.Table:
    """The report log's rows (sql/views/report_log.sql) for a spreadsheet: headers, statuses and review states
    in the language, every text neutralised, received_at to the second in UTC."""
    columns = {
        "roadmap_year": pc.cast(rows["roadmap_year"], pa.int64()),
        "round": pc.cast(rows["round"], pa.date32()),
        "measure_no": pc.cast(rows["measure_no"], pa.int64()),
        "title": rows["title"],
        "executor": rows["executor"],
        "status": _named(rows["status"], t.STATUS_NAMES.get),
        "spent_thousand_kzt": pc.cast(rows["spent_thousand_kzt"], pa.float64()),
        "comment": rows["comment"],
        "carried_from": pc.cast(rows["carried_from"], pa.date32()),
        # stored in UTC: the wall time in UTC, to the second (Excel and a CSV reader know no time zone)
        "received_at": pc.cast(pc.cast(rows["received_at"], pa.timestamp("us", tz="UTC")), pa.timestamp("s"),
                               safe=False),
        "review_state": _named(rows["review_state"], t.REVIEW_STATES.get),
    }
    columns = {k: v if k in _REPORT_NOT_TEXT else neutralise_array(v) for k, v in columns.items()}
    headers = report_log_headers(t)
    return pa.table({headers[k]: columns[k] for k in REPORT_LOG})


_REPORT_WIDTHS = {"roadmap_year": 7, "measure_no": 6, "title": 60, "comment": 70, "received_at": 20}
_REPORT_STYLES = {"round": xlsx.DATE, "spent_thousand_kzt": xlsx.AMOUNT, "carried_from": xlsx.DATE,
                  "received_at": xlsx.DATETIME, "comment": xlsx.WRAPPED}


def report_xlsx_chunks(tables: Iterable[pa.Table], t: ModuleType) -> Iterator[bytes]:
    """The report log's XLSX as its tables come (report_table), in constant memory: dates as dates, amounts as
    numbers, the moment a report came as a date and time."""
    header = [report_log_headers(t)[c] for c in REPORT_LOG]

    def rows():
        for table in tables:
            yield from zip(*(column.to_pylist() for column in table.columns))

    yield from xlsx.stream([xlsx.Sheet(
        name=t.REPORTS_TITLE, header=header, rows=rows(),
        widths=[_REPORT_WIDTHS.get(c, max(12, min(30, len(h) + 2))) for c, h in zip(REPORT_LOG, header, strict=True)],
        styles=[_REPORT_STYLES.get(c, xlsx.PLAIN) for c in REPORT_LOG], freeze=_FROZEN,
    )])

