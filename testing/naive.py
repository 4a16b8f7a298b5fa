"""The reference the DuckDB path is compared with: the same page queries written the obvious way in
pandas over the full table, as an app without a query engine would do them.

The table is read once and the grouping columns are added once (as the DuckDB path does at load), so
what is compared is the per-query work: the filter over list columns, exploding the executors, the
group-bys.  `key()` reduces a result of either path to plain values, so the benchmark can check that
both paths give the same answer before it compares their speed.

The status filter is answered from the executors' reports with plain Python (reporting.log.read_log and
latest_rows, reporting.status.measure_status, round_status below) over a reports directory the caller
gives (none: no reports, so every measure is not reported), for the round `shown_round` picks: written
here from the rule's wording, not from the SQL or RoadmapDB.chosen_rounds.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders.groups import group_keys
from reporting import review
from reporting.decrees import Decree, decrees, executors, executors_by_measure, measures_of
from reporting.log import read_log
from reporting.status import measure_status, standing_rows
from reporting.vocabulary import NOT_REPORTED
from roadmap.filters import Filters
from roadmap.queries import dataset_files

MEASURE_COLUMNS = [
    "measure_no", "section", "direction", "group_key", "group_order", "title", "completion_form", "report_to",
    "executors_raw", "ministries", "akimats", "akimats_all_regions", "deadline_raw", "deadline_start", "deadline_end",
    "cost_thousand_kzt", "funding_class", "funding_note", "funding_source", "source_line_start", "source_line_end",
]


def load(spec: str | Path) -> pd.DataFrame:
    files = dataset_files(spec)
    df = pd.concat([pd.read_parquet(p) for p in files], ignore_index=True)
    directions = [None if pd.isna(d) else int(d) for d in df.direction]
    df["group_key"], df["group_order"] = group_keys(df.section, directions, df.roadmap_year,
                                                    df.direction_name.fillna(df.section_name))
    df["has_budget_amount"] = df.funding_class == "budget_amount"
    df["group_name"] = df.direction_name.fillna(df.section_name)
    df["deadline_start"] = pd.to_datetime(df.deadline_start)
    df["deadline_end"] = pd.to_datetime(df.deadline_end)
    df.attrs["decrees"] = _decrees(files)
    return df


def _decrees(files: list[Path]) -> dict[int, Decree]:
    """Each loaded decree (its number and reporting rounds) by roadmap year, from the files' metadata."""
    out: dict[int, Decree] = {}
    for path in files:
        meta = json.loads((pq.read_schema(path).metadata or {}).get(b"roadmap", b"{}"))
        for year in pd.read_parquet(path, columns=["roadmap_year"]).roadmap_year.unique():
            out.update(decrees({**meta, "roadmap_year": str(int(year))}))
    return out


def shown_round(decree: Decree, wanted: Iterable[str], log_rows: list[Mapping[str, Any]],
                today: date | None = None) -> date | None:
    """The round whose status is shown for a decree: the latest of its rounds the `round` filter names; else
    the latest one any report on this decree is for; else the next one to come (today included); else its
    last.  None for a decree without rounds."""
    if not decree.rounds:
        return None
    today = today or date.today()
    wanted = set(wanted)
    named = [r for r in decree.rounds if r.isoformat() in wanted]
    if named:
        return max(named)
    reported = {r["round"] for r in log_rows
                if r["roadmap_year"] == decree.roadmap_year and r["decree_number"] == decree.number}
    reported_rounds = [r for r in decree.rounds if r in reported]
    if reported_rounds:
        return max(reported_rounds)
    coming = [r for r in decree.rounds if r >= today]
    return min(coming) if coming else max(decree.rounds)


def statuses(df: pd.DataFrame, f: Filters, reports_dir: str | os.PathLike | None = None,
             today: date | None = None) -> pd.Series:
    """Each measure's status (round_status below, over what stands: reporting.status.standing_rows) in the round
    shown for its decree, by df's index.  Returned submissions count for nothing."""
    log_rows = read_log(reports_dir).to_pylist() if reports_dir is not None else []
    reviews = review.states(review.read_reviews(reports_dir)) if reports_dir is not None else {}
    log_rows = [r for r in log_rows if review.state_of(r["submission"], reviews) != "returned"]
    out = pd.Series(NOT_REPORTED, index=df.index, dtype=object)
    if not log_rows:
        return out
    measures = pa.table({
        "roadmap_year": [int(y) for y in df.roadmap_year], "measure_no": [int(n) for n in df.measure_no],
        "ministries": [_names(v) for v in df.ministries], "akimats": [_names(v) for v in df.akimats]})
    for year, decree in df.attrs.get("decrees", {}).items():
        chosen = shown_round(decree, f.round, log_rows, today)
        if chosen is None:
            continue
        standing = standing_rows(log_rows, reviews, roadmap_year=year, decree_number=decree.number, round_=chosen)
        by_measure = round_status(standing, measures, year)
        mine = df.roadmap_year == year
        out[mine] = df.measure_no[mine].map(by_measure).fillna(NOT_REPORTED)
    return out


def _names(value: Any) -> list[str]:
    return [] if value is None else [str(v) for v in value]


def filtered(df: pd.DataFrame, f: Filters, reports_dir: str | os.PathLike | None = None,
             today: date | None = None) -> pd.DataFrame:
    """The measures the filters keep.  `round` only chooses the round whose status the `status` filter looks
    at; `reports_dir`: where the executors' reports are stored (None: no reports at all)."""
    keep = pd.Series(True, index=df.index)
    if f.year:
        keep &= df.roadmap_year.astype(str).isin(f.year)
    if f.ministry:
        keep &= df.ministries.map(lambda v: bool(set(v) & set(f.ministry)))
    if f.akimat:
        keep &= df.akimats.map(lambda v: bool(set(v) & set(f.akimat)))
    if f.direction:
        keep &= df.group_key.isin(f.direction)
    if f.funding:
        keep &= df.funding_class.isin(f.funding)
    if f.report_to:
        keep &= df.report_to.isin(f.report_to)
    if f.q.strip():
        keep &= df.title.str.lower().str.contains(f.q.strip().lower(), regex=False)
    if f.status:
        keep &= statuses(df, f, reports_dir, today).isin(f.status)
    return df[keep]


def _executors(sub: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for column, kind in (("ministries", "ministry"), ("akimats", "akimat")):
        e = (sub[["measure_no", column, "cost_thousand_kzt", "group_key", "group_order"]]
             .explode(column).dropna(subset=[column]))
        parts.append(e.rename(columns={column: "executor"}).assign(executor_kind=kind))
    return pd.concat(parts, ignore_index=True)


def run(df: pd.DataFrame, name: str, f: Filters, **extra) -> pd.DataFrame:
    sub = filtered(df, f)
    if name == "kpis":
        return pd.DataFrame([{
            "measures": len(sub), "cost_thousand_kzt": sub.cost_thousand_kzt.sum(),
            "budget_measures": int(sub.has_budget_amount.sum()), "executors": _executors(sub).executor.nunique(),
            "last_deadline": sub.deadline_end.max(),
        }])
    if name == "by_group":
        return (sub.groupby("group_key").agg(group_order=("group_order", "first"), section=("section", "first"),
                                             direction=("direction", "first"), group_name=("group_name", "first"),
                                             measures=("measure_no", "size"),
                                             budget_measures=("has_budget_amount", "sum"),
                                             cost_thousand_kzt=("cost_thousand_kzt", "sum"))
                .reset_index().sort_values("group_order"))
    if name == "funding_split":
        return (sub.groupby("has_budget_amount")
                .agg(measures=("measure_no", "size"), cost_thousand_kzt=("cost_thousand_kzt", "sum"))
                .reset_index().sort_values("has_budget_amount", ascending=False))
    if name == "funding_classes":
        return (sub.groupby("funding_class")
                .agg(measures=("measure_no", "size"), cost_thousand_kzt=("cost_thousand_kzt", "sum"))
                .reset_index().sort_values(["measures", "funding_class"], ascending=[False, True]))
    if name == "ranked_costs":
        ranked = sub[sub.cost_thousand_kzt.notna()].sort_values(["cost_thousand_kzt", "measure_no"],
                                                                ascending=[False, True])
        return ranked.head(extra["limit"])[
            ["measure_no", "title", "group_key", "group_order", "cost_thousand_kzt"]].assign(with_amount=len(ranked))
    if name == "executor_workload":
        return (_executors(sub).groupby(["executor", "executor_kind"])
                .agg(measures=("measure_no", "size"), cost_thousand_kzt=("cost_thousand_kzt", "sum")).reset_index()
                .sort_values(["measures", "executor"], ascending=[False, True]))
    if name == "executor_by_group":
        return (_executors(sub).groupby(["executor", "executor_kind", "group_key"])
                .agg(group_order=("group_order", "first"), measures=("measure_no", "size")).reset_index()
                .sort_values(["group_order", "executor"]))
    if name == "deadline_status":
        return pd.DataFrame([{"passed": int((sub.deadline_end < pd.Timestamp(extra["as_of"])).sum()),
                              "measures": len(sub)}])
    if name == "gantt_measures":
        return sub.sort_values(["group_order", "deadline_start", "measure_no"]).head(extra["limit"])[
            ["measure_no", "title", "group_key", "group_order", "deadline_start", "deadline_end", "deadline_raw"]]
    if name == "gantt_windows":
        windows = (sub.groupby(["group_key", "deadline_start", "deadline_end"])
                   .agg(group_order=("group_order", "first"), measures=("measure_no", "size")).reset_index())
        windows["windows"] = len(windows)
        return windows.sort_values(["measures", "group_order", "deadline_start", "deadline_end"],
                                   ascending=[False, True, True, True]).head(extra["limit"])
    if name == "deadlines_by_month":
        months = sub.deadline_end.dt.to_period("M").dt.to_timestamp()
        return (sub.assign(month=months).groupby(["month", "group_key"])
                .agg(group_order=("group_order", "first"), measures=("measure_no", "size")).reset_index()
                .sort_values(["month", "group_order"]))
    if name == "measure_page":
        page = sub.sort_values("measure_no")
        return page.iloc[extra["offset"]:extra["offset"] + extra["limit"]][MEASURE_COLUMNS]
    if name == "measure_list":
        return sub.sort_values("measure_no")[MEASURE_COLUMNS]
    raise KeyError(name)


def key(name: str, frame: pd.DataFrame) -> object:
    """A result reduced to plain values, equal for the two paths when they agree."""
    if name == "kpis":
        r = frame.iloc[0]
        return (int(r.measures), round(float(r.cost_thousand_kzt), 1), int(r.budget_measures), int(r.executors),
                pd.Timestamp(r.last_deadline).date() if pd.notna(r.last_deadline) else None)
    if name in ("by_group", "funding_classes"):
        first = frame.columns[0]
        return [(k, int(n), round(float(c), 1))
                for k, n, c in zip(frame[first], frame.measures, frame.cost_thousand_kzt)]
    if name == "funding_split":
        return [(bool(k), int(n)) for k, n in zip(frame.has_budget_amount, frame.measures)]
    if name == "ranked_costs":
        return [int(n) for n in frame.measure_no], int(frame.with_amount.iloc[0]) if len(frame) else 0
    if name in ("gantt_measures", "measure_page", "measure_list"):
        return [int(n) for n in frame.measure_no]
    if name == "executor_workload":
        return sorted((e, k, int(n)) for e, k, n in zip(frame.executor, frame.executor_kind, frame.measures))
    if name == "executor_by_group":
        return sorted((e, g, int(n)) for e, g, n in zip(frame.executor, frame.group_key, frame.measures))
    if name == "deadline_status":
        return (int(frame.passed.iloc[0]), int(frame.measures.iloc[0]))
    if name == "gantt_windows":
        return [(g, pd.Timestamp(a).date(), pd.Timestamp(b).date(), int(n), int(w)) for g, a, b, n, w
                in zip(frame.group_key, frame.deadline_start, frame.deadline_end, frame.measures, frame.windows)]
    if name == "deadlines_by_month":
        return sorted((pd.Timestamp(m).date(), g, int(n))
                      for m, g, n in zip(frame.month, frame.group_key, frame.measures))
    raise KeyError(name)


def as_of_for(df: pd.DataFrame) -> date:
    """A mid-year date inside the data, so that some deadlines have passed and some have not."""
    return date(int(df.deadline_end.max().year), 7, 1)


# --- The executors' reports, in plain Python ------------------------------------------------------------------

def assigned(measures: pa.Table, executor: str) -> list[tuple[int, int]]:
    """The measures (roadmap_year, measure_no) the executor takes part in (a measure of all akimats lists every
    region in `akimats`)."""
    mine = measures_of(measures, executor)
    return sorted(zip(mine["roadmap_year"].to_pylist(), mine["measure_no"].to_pylist()))


def round_status(latest: Iterable[Mapping[str, Any]], measures: pa.Table, roadmap_year: int) -> dict[int, str]:
    """measure_no → its status (measure_status) for every measure of the roadmap year, from the latest rows of
    one round (latest_rows(log, roadmap_year=…, round=…))."""
    by_measure = executors_by_measure(measures, roadmap_year)
    said: dict[int, dict[str, str]] = {}
    for r in latest:
        if r["roadmap_year"] == roadmap_year:
            said.setdefault(r["measure_no"], {})[r["executor"]] = r["status"]
    return {no: measure_status(said.get(no, {}), who) for no, who in sorted(by_measure.items())}


@dataclass(frozen=True)
class Coverage:
    reported: tuple[str, ...]  # executors with at least one stored report for the round
    expected: tuple[str, ...]  # every executor of the roadmap year's measures

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(e for e in self.expected if e not in set(self.reported))

    def __str__(self) -> str:
        return f"{len(self.reported)} / {len(self.expected)} executors reported"


def coverage(log: pa.Table | Iterable[Mapping[str, Any]], measures: pa.Table, roadmap_year: int,
             decree_number: str, round: date, reviews: Mapping[str, Mapping[str, Any]] | None = None) -> Coverage:
    """Who has reported *in* a round (a submission for it that was not returned), of everyone expected to."""
    expected = executors(measures, roadmap_year)
    rows = log.to_pylist() if isinstance(log, pa.Table) else log
    returned = {s for s, r in (reviews or {}).items() if r["decision"] == "returned"}
    done = {r["executor"] for r in rows if r["roadmap_year"] == roadmap_year and r["decree_number"] == decree_number
            and r["round"] == round and r.get("submission") not in returned}
    return Coverage(tuple(e for e in expected if e in done), tuple(expected))
