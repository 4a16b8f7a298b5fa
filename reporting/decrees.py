"""The roadmaps reports are about: each decree's reporting dates, and who executes which measure.

The measures come as an Arrow table with ``roadmap_year``, ``measure_no``, ``ministries`` and ``akimats``
(the loader's dataset, or the app's RoadmapDB.report_measures()); the metadata as the dataset's parquet
metadata, one decree's or several keyed by roadmap year.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import settings
from loaders.files import dataset_files


@dataclass(frozen=True)
class Decree:
    roadmap_year: int
    number: str
    rounds: tuple[date, ...]


def rounds(metadata: Mapping[str, Any]) -> list[date]:
    """The dates the executors report by: the reporting calendar's entries whose reporter is empty (the
    executors at large; an entry naming a body, e.g. МИОР reporting on to АП, is that body's own step)."""
    dates = {date.fromisoformat(str(e["date"])[:10]) for e in metadata.get("reporting_calendar") or []
             if not (e.get("reporter") or "").strip()}
    return sorted(dates)


def decrees(metadata: Mapping[Any, Any]) -> dict[int, Decree]:
    """The decrees a metadata mapping describes: one decree's parquet metadata (roadmap_year, decree_number,
    reporting_calendar), or several of them keyed by roadmap year (RoadmapDB.decrees)."""
    if "roadmap_year" in metadata or "reporting_calendar" in metadata:
        items: Iterable[Mapping] = [metadata]
    else:
        items = metadata.values()
    out = {}
    for meta in items:
        year = int(meta["roadmap_year"])
        out[year] = Decree(year, str(meta.get("decree_number") or ""), tuple(rounds(meta)))
    return out


def as_table(measures: Any) -> pa.Table:
    if isinstance(measures, pa.Table):
        return measures
    return pa.Table.from_pandas(measures, preserve_index=False)


def measures_of(measures: pa.Table, executor: str, year: int | None = None) -> pa.Table:
    """The rows whose ministries or akimats list the executor (a measure of all akimats lists every region)."""
    measures = as_table(measures)
    if year is not None:
        measures = measures.filter(pc.equal(measures["roadmap_year"], year))
    keep = None
    for column in ("ministries", "akimats"):
        values = measures[column].combine_chunks() if measures.num_rows else pa.array([], pa.list_(pa.string()))
        hits = pc.list_parent_indices(values).filter(pc.equal(pc.list_flatten(values), executor))
        mask = pc.is_in(pa.array(range(measures.num_rows), pa.int64()), value_set=pc.unique(hits.cast(pa.int64())))
        keep = mask if keep is None else pc.or_(keep, mask)
    return measures.filter(keep) if keep is not None else measures


def executors(measures: pa.Table, roadmap_year: int | None = None) -> list[str]:
    """Every executor of the measures (of one roadmap year): the ones expected to report each round."""
    table = as_table(measures)
    if roadmap_year is not None:
        table = table.filter(pc.equal(table["roadmap_year"], roadmap_year))
    names = set()
    for column in ("ministries", "akimats"):
        names.update(pc.unique(pc.list_flatten(table[column])).to_pylist())
    return sorted(n for n in names if n)


def deadlines(measures: pa.Table, year: int) -> dict[int, date]:
    """Each measure's last day (deadline_end), where the table has it."""
    table = as_table(measures)
    if "deadline_end" not in table.column_names:
        return {}
    table = table.filter(pc.equal(table["roadmap_year"], year))
    # A table that went through pandas (the app's) holds timestamps, the dataset's own dates: days either way.
    return {no: end.date() if isinstance(end, datetime) else end
            for no, end in zip(table["measure_no"].to_pylist(), table["deadline_end"].to_pylist()) if end is not None}


def executors_by_measure(measures: pa.Table, year: int) -> dict[int, tuple[str, ...]]:
    table = as_table(measures)
    table = table.filter(pc.equal(table["roadmap_year"], year))
    return {no: tuple(m or ()) + tuple(a or ()) for no, m, a in zip(
        table["measure_no"].to_pylist(), table["ministries"].to_pylist(), table["akimats"].to_pylist())}


MEASURE_COLUMNS = ["roadmap_year", "measure_no", "title", "deadline_raw", "deadline_end", "cost_thousand_kzt",
                   "ministries", "akimats"]


def load_roadmap(spec: str | os.PathLike | None = None) -> tuple[pa.Table, dict[int, dict]]:
    """The measures (the columns a report needs) and each decree's metadata by roadmap year, from one parquet
    file or a glob (default: settings.MEASURES_PARQUET); legends beside them are skipped."""
    tables, metas = [], {}
    for path in dataset_files(spec or settings.MEASURES_PARQUET):
        table = pq.read_table(path, columns=MEASURE_COLUMNS)
        meta = json.loads((table.schema.metadata or {}).get(b"roadmap", b"{}"))
        for year in pc.unique(table["roadmap_year"]).to_pylist():
            metas[int(year)] = {**meta, "roadmap_year": str(year)}
        tables.append(table.replace_schema_metadata(None))
    return pa.concat_tables(tables), metas
