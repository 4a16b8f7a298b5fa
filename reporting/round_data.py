"""What the consolidated information for a round holds, computed from the files alone: the dataset's
measures, the report log and the reviews, by reporting's own rules (status.standing_rows, measure_status).

The same function serves the app's route, the Execution page's freeze button and the operator's
`python -m reporting freeze`, so the document is one computation wherever it is asked for.  The link keys
arrive as a `Selection` of plain values (the app passes its Filters' values); tests/test_round_data.py
holds the measures a selection keeps equal to the ones the query layer's filters keep.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from loaders.files import dataset_files
from loaders.groups import group_keys

from . import review
from .decrees import Decree, decrees
from .status import measure_status, standing_rows

COLUMNS = ["roadmap_year", "measure_no", "section", "section_name", "direction", "direction_name", "title",
           "completion_form", "executors_raw", "ministries", "akimats", "deadline_raw", "deadline_end",
           "cost_thousand_kzt", "funding_class", "report_to"]


@dataclass(frozen=True)
class Selection:
    """The link keys of the pages as plain values; empty means that filter is off."""
    year: tuple[str, ...] = ()
    ministry: tuple[str, ...] = ()
    akimat: tuple[str, ...] = ()
    direction: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    report_to: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    q: str = ""

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Selection:
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**{k: (str(v).strip() if k == "q" else tuple(str(x) for x in v)) for k, v in known.items()})

    def active(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if getattr(self, k)}

    def words(self, t: ModuleType) -> str:
        """The selection in the document's words, for the operator's freeze (the app passes its own panel's
        words, roadmap.filters.in_words): «Министерство: МКС · Статус: не выполнено»."""
        names = {"year": (t.FILTER_YEAR, {}), "ministry": (t.FILTER_MINISTRY, {}), "akimat": (t.FILTER_AKIMAT, {}),
                 "direction": (t.FILTER_DIRECTION, {}), "funding": (t.FILTER_FUNDING, t.FUNDING_CLASSES),
                 "report_to": (t.FILTER_REPORT_TO, {}), "status": (t.FILTER_STATUS, t.STATUS_NAMES)}
        parts = []
        for key, value in self.active().items():
            if key == "q":
                parts.append(f"{t.FILTER_Q}: «{value}»")
            else:
                label, named = names[key]
                shown = [t.group_label(v) if key == "direction" else named.get(v, v) for v in value]
                parts.append(f"{label}: {', '.join(shown)}")
        return " · ".join(parts)

    def keeps(self, m: Mapping[str, Any], status: str) -> bool:
        """Whether a measure (a row of `measures`, with its group_key) and its status pass every filter set."""
        q = self.q.lower()
        return ((not self.year or str(m["roadmap_year"]) in self.year)
                and (not self.ministry or bool(set(m["ministries"] or ()) & set(self.ministry)))
                and (not self.akimat or bool(set(m["akimats"] or ()) & set(self.akimat)))
                and (not self.direction or m["group_key"] in self.direction)
                and (not self.funding or m["funding_class"] in self.funding)
                and (not self.report_to or m["report_to"] in self.report_to)
                and (not q or q in (m["title"] or "").lower())
                and (not self.status or status in self.status))


@dataclass(frozen=True)
class Dataset:
    measures: list[dict[str, Any]]  # COLUMNS plus group_key and group_order, in decree order
    metadata: dict[int, dict]  # each decree's parquet metadata, by roadmap year
    decrees: dict[int, Decree]


def load_dataset(spec: str | Path) -> Dataset:
    """The measures of one parquet file or a glob of them (legends skipped), with their group keys as the app
    computes them (loaders.groups)."""
    tables, metadata = [], {}
    for path in dataset_files(spec):
        table = pq.read_table(path, columns=COLUMNS)
        meta = json.loads((pq.read_schema(path).metadata or {}).get(b"roadmap", b"{}"))
        for year in set(table["roadmap_year"].to_pylist()):
            metadata[int(year)] = {**meta, "roadmap_year": str(year)}
        tables.append(table.replace_schema_metadata(None))
    rows = pa.concat_tables(tables).to_pylist()
    keys, orders = group_keys([r["section"] for r in rows], [r["direction"] for r in rows],
                              [r["roadmap_year"] for r in rows],
                              [r["direction_name"] or r["section_name"] for r in rows])
    for row, key, order in zip(rows, keys, orders, strict=True):
        row["group_key"], row["group_order"] = key, order
    rows.sort(key=lambda r: (r["roadmap_year"], r["measure_no"]))
    return Dataset(rows, metadata, decrees(metadata))


@dataclass(frozen=True)
class MeasureState:
    """One measure in the round: what the document's row and summary need."""
    measure: dict[str, Any]
    status: str
    carried_from: date | None
    information: tuple[tuple[str, date | None, str], ...]  # (executor, carried from, comment)
    spent: float | None
    unreviewed: bool


@dataclass(frozen=True)
class RoundData:
    roadmap_year: int
    round: date
    measures: tuple[MeasureState, ...]  # the selected measures, in decree order
    expected: tuple[str, ...]  # the executors of the selected measures
    reported: tuple[str, ...]  # of them, who reported in this round (a submission not returned)
    returned: int  # their submissions for the round that МИОР returned
    unreviewed: int  # and that МИОР has not reviewed yet
    metadata: dict = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(e for e in self.expected if e not in set(self.reported))

    def by_status(self) -> Counter:
        return Counter(m.status for m in self.measures)


def executors_of(m: Mapping[str, Any]) -> list[str]:
    return [*(m["ministries"] or ()), *(m["akimats"] or ())]


def round_data(dataset: Dataset, log: pa.Table | Iterable[Mapping[str, Any]], reviews: pa.Table,
               roadmap_year: int, round_: date, selection: Selection = Selection()) -> RoundData:
    """The selected measures of one decree in one round, with what stands there (each executor's latest report
    at or before the round, of submissions not returned)."""
    decree = dataset.decrees[roadmap_year]
    if isinstance(log, pa.Table):  # only this decree's rows up to the round leave Arrow (a log holds every year's)
        log = log.filter(pc.and_(pc.and_(pc.equal(log["roadmap_year"], roadmap_year),
                                         pc.equal(log["decree_number"], decree.number)),
                                 pc.less_equal(log["round"], pa.scalar(round_, pa.date32()))))
    else:
        log = [dict(r) for r in log]
    decided = review.states(reviews)
    standing = standing_rows(log, decided, roadmap_year=roadmap_year, decree_number=decree.number, round_=round_,
                             columns=("measure_no", "executor", "status", "comment", "spent_thousand_kzt"))
    by_measure: dict[int, list[dict]] = {}
    for row in standing:
        by_measure.setdefault(row["measure_no"], []).append(row)
    chosen: list[MeasureState] = []
    for m in dataset.measures:
        if m["roadmap_year"] != roadmap_year:
            continue
        executors = executors_of(m)
        answers = [r for r in by_measure.get(m["measure_no"], []) if r["executor"] in executors]
        status = measure_status({r["executor"]: r["status"] for r in answers}, executors)
        if not selection.keeps(m, status):
            continue
        carried = [r["carried_from"] for r in answers if r["carried_from"] is not None]
        spent = [r["spent_thousand_kzt"] for r in answers if r["spent_thousand_kzt"] is not None]
        chosen.append(MeasureState(
            m, status, min(carried) if carried else None,
            tuple((r["executor"], r["carried_from"], r["comment"]) for r in sorted(answers, key=lambda r: r["executor"])
                  if r["comment"]),
            sum(spent) if spent else None, any(r["review_state"] == review.UNREVIEWED for r in answers)))
    expected = sorted({e for s in chosen for e in executors_of(s.measure)})
    wanted = set(expected)
    submissions = {s: e for s, e in _submissions_in(log, roadmap_year, decree.number, round_) if e in wanted}
    states = {s: review.state_of(s, decided) for s in submissions}
    reported = sorted({e for s, e in submissions.items() if states[s] != "returned"})
    return RoundData(roadmap_year, round_, tuple(chosen), tuple(expected), tuple(reported),
                     sum(st == "returned" for st in states.values()),
                     sum(st == review.UNREVIEWED for st in states.values()), dataset.metadata[roadmap_year])


def _submissions_in(log: pa.Table | list[dict], roadmap_year: int, decree_number: str, round_: date
                    ) -> list[tuple[str, str]]:
    """(submission, executor) of every submission for this round of the decree."""
    if isinstance(log, pa.Table):
        log = log.filter(pc.and_(pc.and_(pc.equal(log["roadmap_year"], roadmap_year),
                                         pc.equal(log["decree_number"], decree_number)),
                                 pc.equal(log["round"], pa.scalar(round_, pa.date32()))))
        pairs = log.select(["submission", "executor"]).group_by(["submission", "executor"]).aggregate([])
        return list(zip(pairs["submission"].to_pylist(), pairs["executor"].to_pylist(), strict=True))
    return list(dict.fromkeys((r["submission"], r["executor"]) for r in log if r["roadmap_year"] == roadmap_year
                              and r["decree_number"] == decree_number and r["round"] == round_))


# The general form of a decree's title ("Об утверждении <what>"), in the decree's own language.
_TITLE_FORM = "Об утверждении "


def decree_subject(title: str) -> str:
    """What a decree approves, from its title: «Об утверждении Дорожной карты …» → «Дорожной карты …»."""
    text = " ".join((title or "").split()).rstrip(".")
    return text[len(_TITLE_FORM):] if text.casefold().startswith(_TITLE_FORM.casefold()) else text


def group_heading(m: Mapping[str, Any], t: ModuleType) -> str:
    name = m["direction_name"] if m["direction"] is not None else m["section_name"]
    return f"{t.group_label(m['group_key'])}. {name}" if name else t.group_label(m["group_key"])

