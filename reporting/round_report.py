"""The round's consolidated information for the Presidential Administration, made and frozen: one use case
for the app's route and page and for the operator's `python -m reporting freeze`.

`document()` gathers the round's data (round_data) into a RoundDocument in the catalogue's language;
`render()` gives its DOCX and XLSX (round_document); `freeze()` stores them with the rows behind them as the
round's next version (versions), with what changed since the version before.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

import pyarrow as pa
import pyarrow.parquet as pq

from . import round_document as rd
from . import versions
from .round_data import Dataset, RoundData, Selection, decree_subject, group_heading, round_data
from .vocabulary import MEASURE_STATUSES, NOT_REPORTED

# The rows behind a frozen version: what each measure's row said, for comparing one version with another.
ROWS_SCHEMA = pa.schema([
    ("roadmap_year", pa.int32()), ("round", pa.date32()), ("measure_no", pa.int32()), ("group_key", pa.string()),
    ("title", pa.string()), ("status", pa.string()), ("carried_from", pa.date32()), ("information", pa.string()),
    ("spent_thousand_kzt", pa.float64()), ("estimated_thousand_kzt", pa.float64()), ("unreviewed", pa.bool_()),
])


def information(data_row, t: ModuleType) -> str | None:
    """Each executor's comment, prefixed by the executor (and «по отчёту на …» when carried), one per line."""
    lines = []
    for executor, carried, comment in data_row.information:
        prefix = f"{executor} ({t.STATUS_CARRIED.format(date=t.day(carried))})" if carried else executor
        lines.append(f"{prefix}: {comment}")
    return "\n".join(lines) or None


def document(data: RoundData, t: ModuleType, selection_words: str = "", version: int | None = None,
             made_by: str | None = None, made_at: datetime | None = None, changes: tuple[str, ...] = ()
             ) -> rd.RoundDocument:
    meta = data.metadata
    headings: dict[tuple, str] = {}  # one per group: thousands of measures share a handful

    def heading_of(m) -> str:
        key = (m["group_key"], m["direction"], m["direction_name"], m["section_name"])
        if key not in headings:
            headings[key] = group_heading(m, t)
        return headings[key]

    head = rd.heading(t, decree_subject(meta.get("title") or ""), date.fromisoformat(meta["decree_date"]),
                      str(meta.get("decree_number") or ""), data.round)
    rows = tuple(rd.DocumentRow(
        group_heading=heading_of(s.measure), measure_no=int(s.measure["measure_no"]), title=s.measure["title"],
        completion_form=s.measure["completion_form"] or "", executors=s.measure["executors_raw"] or "",
        deadline=s.measure["deadline_raw"] or "", status=t.STATUS_NAMES[s.status], carried_from=s.carried_from,
        information=information(s, t), spent_thousand_kzt=s.spent,
        estimated_thousand_kzt=s.measure["cost_thousand_kzt"],
        not_reported=s.status == NOT_REPORTED, unreviewed=s.unreviewed) for s in data.measures)
    counts = data.by_status()
    groups: dict[str, list[float]] = {}
    for s in data.measures:
        totals = groups.setdefault(heading_of(s.measure), [0.0, 0.0])
        totals[0] += s.measure["cost_thousand_kzt"] or 0.0
        totals[1] += s.spent or 0.0
    summary = rd.Summary(
        by_status=tuple((t.STATUS_NAMES[code], counts.get(code, 0)) for code in MEASURE_STATUSES),
        reported=len(data.reported), expected=len(data.expected), missing=data.missing,
        returned=data.returned, unreviewed=data.unreviewed,
        by_group=tuple((name, estimated, spent) for name, (estimated, spent) in groups.items()))
    return rd.RoundDocument(head, t.ROUND_DOC_SELECTION.format(filters=selection_words) if selection_words else "",
                            summary, rows, version, made_at or datetime.now(UTC), made_by, changes)


def display_name(identity: str) -> str:
    """Who froze a version as the public document names them: the readable name, without the e-mail or the
    provider's subject (the manifest keeps the whole identity)."""
    return re.sub(r"\s*(<[^>]*>|\[sub [^\]]*\])", "", identity).strip() or identity


def render(doc: rd.RoundDocument, t: ModuleType) -> tuple[bytes, bytes]:
    return rd.docx(doc, t), rd.xlsx(doc, t)


def render_one(doc: rd.RoundDocument, t: ModuleType, kind: str) -> bytes:
    """One of the two files ("docx" or "xlsx"): a link asks for one, and a large round's file takes seconds."""
    return {"docx": rd.docx, "xlsx": rd.xlsx}[kind](doc, t)


def rows_table(data: RoundData, t: ModuleType) -> pa.Table:
    return pa.table({
        "roadmap_year": [data.roadmap_year] * len(data.measures), "round": [data.round] * len(data.measures),
        "measure_no": [s.measure["measure_no"] for s in data.measures],
        "group_key": [s.measure["group_key"] for s in data.measures],
        "title": [s.measure["title"] for s in data.measures], "status": [s.status for s in data.measures],
        "carried_from": [s.carried_from for s in data.measures],
        "information": [information(s, t) for s in data.measures],
        "spent_thousand_kzt": [s.spent for s in data.measures],
        "estimated_thousand_kzt": [s.measure["cost_thousand_kzt"] for s in data.measures],
        "unreviewed": [s.unreviewed for s in data.measures]}, schema=ROWS_SCHEMA)


def changes_since(previous: versions.Version | None, now: pa.Table, t: ModuleType) -> tuple[str, ...]:
    """What changed since the version before: a measure's status or information, a measure in or out."""
    if previous is None:
        return ()
    before = {r["measure_no"]: r for r in pq.read_table(previous.rows).to_pylist()}
    after = {r["measure_no"]: r for r in now.to_pylist()}
    lines = [t.ROUND_DOC_SINCE.format(number=previous.number)]
    for no in sorted(before.keys() | after.keys()):
        old, new = before.get(no), after.get(no)
        if old is None or new is None:
            lines.append(t.ROUND_DOC_CHANGE_IN_OUT[new is not None].format(measure=t.measure(no)))
        elif old["status"] != new["status"]:
            lines.append(t.ROUND_DOC_CHANGE_STATUS.format(measure=t.measure(no), before=t.STATUS_NAMES[old["status"]],
                                                          now=t.STATUS_NAMES[new["status"]]))
        elif (old["information"] or "") != (new["information"] or ""):
            lines.append(t.ROUND_DOC_CHANGE_INFORMATION.format(measure=t.measure(no)))
        elif old["spent_thousand_kzt"] != new["spent_thousand_kzt"]:
            lines.append(t.ROUND_DOC_CHANGE_SPENT.format(measure=t.measure(no)))
    return tuple(lines) if len(lines) > 1 else (lines[0], t.ROUND_DOC_NO_CHANGES)


def content_of(doc: rd.RoundDocument) -> str:
    """The digest of what a document says: its heading, selection, summary and rows, in its language, without
    what only a version has (number, when, by whom, what changed).  Two freezes of the same data for the same
    selection in the same language have the same content."""
    return hashlib.sha256(repr((doc.heading, doc.selection, doc.summary, doc.rows)).encode("utf-8")).hexdigest()


def freeze(directory: str | Path, dataset: Dataset, log: pa.Table, reviews: pa.Table, roadmap_year: int, round_: date,
           selection: Selection, t: ModuleType, made_by: str, filters_query: str = "", selection_words: str = "",
           made_at: datetime | None = None) -> versions.Version:
    """Make the document of this round and selection, and store it with its rows as the round's next version;
    when it says exactly what the latest version of the same selection says, that version is returned instead
    (`existing` set) and nothing is stored: a second press of the button, or `freeze` run twice, makes no twin.
    Freezes of a round take turns (versions.exclusive), so two at once cannot both find no twin and both store."""
    data = round_data(dataset, log, reviews, roadmap_year, round_, selection)
    rows = rows_table(data, t)
    content = content_of(document(data, t, selection_words))
    with versions.exclusive(directory, roadmap_year, round_):
        for _ in range(versions.ATTEMPTS):
            # Compared with the latest version of the same selection only: another selection's version covers
            # other measures, and a comparison with it would report changes that never happened.
            earlier = [v for v in versions.versions(directory, roadmap_year, round_) if v.filters == filters_query]
            if earlier and earlier[-1].content == content:
                return dataclasses.replace(earlier[-1], existing=True)
            number = versions.next_number(directory, roadmap_year, round_)
            # The document states its own number and what changed since the version before it, so it is made for
            # the number it will be stored under; should another freeze take that number first (one that does not
            # take turns: a hand-run tool, a file system without locks), it is made again.
            doc = document(data, t, selection_words, number, display_name(made_by), made_at, changes_since(
                earlier[-1] if earlier else None, rows, t))
            docx_bytes, xlsx_bytes = render(doc, t)
            try:
                return versions.freeze(directory, roadmap_year, round_, docx_bytes, xlsx_bytes, rows, made_by,
                                       filters_query, doc.made_at, number=number, content=content)
            except versions.StoreConflict:
                continue
    raise versions.StoreConflict(f"no version of {roadmap_year} {round_} could be stored: freeze again")
