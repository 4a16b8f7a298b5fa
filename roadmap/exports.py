"""The filtered measures as files for Excel users: CSV (UTF-8 with BOM) and XLSX, formula-safe."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from types import ModuleType

import pandas as pd
import pyarrow as pa

from . import xlsx
from .filters import Filters

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The columns of the CSV and XLSX downloads, in file order; their headers are the catalogue's COLUMNS.
COLUMNS = ("measure_no", "group", "title", "completion_form", "executors_raw", "ministries", "akimats", "deadline_raw",
           "deadline_start", "deadline_end", "cost_thousand_kzt", "funding", "funding_source", "report_to",
           "source_lines")


def export_frame(measures: pd.DataFrame, t: ModuleType, for_spreadsheet: bool = True) -> pd.DataFrame:
    """One row per measure, headers in the interface language, lists joined with "; ", first column the
    measure number.  For a spreadsheet, text that Excel would run as a formula is neutralised; on screen
    it is shown as written."""
    out = pd.DataFrame({
        "measure_no": measures.measure_no.astype(int),
        "group": [t.group_label(k) for k in measures.group_key],
        "title": measures.title,
        "completion_form": measures.completion_form,
        "executors_raw": measures.executors_raw,
        "ministries": [_join(v) for v in measures.ministries],
        "akimats": [_join(v) for v in measures.akimats],
        "deadline_raw": measures.deadline_raw,
        "deadline_start": pd.to_datetime(measures.deadline_start).dt.date,
        "deadline_end": pd.to_datetime(measures.deadline_end).dt.date,
        "cost_thousand_kzt": measures.cost_thousand_kzt,
        "funding": [t.FUNDING_CLASSES[c] for c in measures.funding_class],
        "funding_source": measures.funding_source,
        "report_to": measures.report_to,
        "source_lines": [f"{a}–{b}" for a, b in zip(measures.source_line_start, measures.source_line_end)],
    })
    # Every text column, whatever its dtype: pandas 3 stores text as `str`, not `object`, and a dtype test
    # once let formulas through.
    if for_spreadsheet:
        for column in out.columns:
            if not pd.api.types.is_numeric_dtype(out[column]):
                out[column] = out[column].map(neutralise)
    return out[list(COLUMNS)].rename(columns=t.COLUMNS)


def _join(values) -> str:
    return "; ".join(values) if values is not None and len(values) else ""


def neutralise(value):
    """A text cell that Excel would read as a formula gets a leading apostrophe-free guard: a quote mark."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, sep=",", decimal=".").encode("utf-8-sig")


def csv_chunks(frames: Iterable[pd.DataFrame], t: ModuleType) -> Iterator[bytes]:
    """The CSV of export frames as they come: the BOM and the header first, then each frame's rows."""
    yield to_csv(pd.DataFrame(columns=[t.COLUMNS[c] for c in COLUMNS]))
    for frame in frames:
        yield frame.to_csv(index=False, header=False, sep=",", decimal=".").encode("utf-8")


_WIDTHS = {"measure_no": 6, "title": 70, "executors_raw": 40, "akimats": 40}
_STYLES = {"deadline_start": xlsx.DATE, "deadline_end": xlsx.DATE, "cost_thousand_kzt": xlsx.AMOUNT}


def xlsx_chunks(frames: Iterable[pd.DataFrame], t: ModuleType, header: list[str] | None = None) -> Iterator[bytes]:
    """The XLSX of export frames as they come, in constant memory (see roadmap/xlsx.py).  `header`: the
    frames' columns, by default those of export_frame."""
    header = header or [t.COLUMNS[c] for c in COLUMNS]
    key_of = {label: key for key, label in t.COLUMNS.items()}

    def rows():
        for frame in frames:
            # Python values, not numpy ones: the writer types a cell by its Python type.
            yield from zip(*(frame[column].tolist() for column in frame.columns))

    sheet = xlsx.Sheet(
        name=t.PAGE_MEASURES, header=header, rows=rows(),
        widths=[_WIDTHS.get(key_of.get(h), max(12, min(30, len(h) + 2))) for h in header],
        styles=[_STYLES.get(key_of.get(h), xlsx.PLAIN) for h in header],
    )
    yield from xlsx.stream([sheet])


def to_xlsx(frame: pd.DataFrame, t: ModuleType) -> bytes:
    return b"".join(xlsx_chunks([frame], t, header=[str(c) for c in frame.columns]))


# What a program gets: the query's own columns and types (numbers, ISO dates, lists), not a spreadsheet's.
JSON_HIDDEN = ("group_order",)


def json_chunks(batches: Iterable[pa.RecordBatch], applied: dict[str, object], total: int) -> Iterator[bytes]:
    """{"filters": {...}, "total": N, "measures": [...]}, the measures written as the batches come."""
    yield (f'{{"filters": {json.dumps(applied, ensure_ascii=False)}, "total": {int(total)}, "measures": [').encode("utf-8")
    first = True
    for batch in batches:
        rows = batch.drop_columns([c for c in JSON_HIDDEN if c in batch.schema.names]).to_pylist()
        if not rows:
            continue
        text = ",\n".join(json.dumps(row, ensure_ascii=False, default=_json_value) for row in rows)
        yield (("\n" if first else ",\n") + text).encode("utf-8")
        first = False
    yield b"\n]}\n"


def _json_value(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def file_stem(filters: Filters, t: ModuleType) -> str:
    """A file name that says what was filtered: dorozhnaya_karta_2021_akimat-Атырауская_область."""
    parts = [t.FILE_STEM]
    for key, value in filters.active().items():
        values = value if isinstance(value, tuple) else (value,)
        label = "+".join(values)[:60]
        parts.append(f"{key}-{label}")
    stem = "_".join(parts)
    return "".join(ch if ch.isalnum() or ch in "-_+." else "_" for ch in stem)[:150]
