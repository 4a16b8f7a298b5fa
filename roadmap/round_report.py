"""The round's consolidated information at its link, `/export/round-report.docx|xlsx?round=2021-07-05`, and
frozen from the Execution page: the app's side of reporting.round_report (the same use case the operator's
`python -m reporting freeze` runs), fed with the process's database and a page's link.

The link takes every link key of the pages (read_link), `round` (required: the reporting date) and, for a
frozen version, `version=N`: then the stored bytes are returned exactly, whatever has happened since.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import pyarrow as pa

from reporting import round_report, versions
from reporting.round_data import Dataset, Selection, round_data

from .filters import LANG_KEY, Filters, LinkView, in_words, value_names
from .queries import RoadmapDB

KINDS = ("docx", "xlsx")


class Refused(ValueError):
    """A link that names no document: a status and one line saying why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Asked:
    view: LinkView
    roadmap_year: int
    round: date
    version: int | None


def dataset(db: RoadmapDB) -> Dataset:
    """The loaded measures as reporting's round data reads them; once per database (the plan never changes)."""
    if db.__dict__.get("_document_dataset") is None:
        rows = pa.Table.from_pandas(db.plain("document_measures"), preserve_index=False).to_pylist()
        for row in rows:  # pandas hands dates over as timestamps
            end = row["deadline_end"]
            row["deadline_end"] = end.date() if hasattr(end, "date") else end
        db.__dict__["_document_dataset"] = Dataset(rows, db.report_metadata, db.report_decrees)
    return db.__dict__["_document_dataset"]


def asked(db: RoadmapDB, view: LinkView, version: str | None) -> Asked:
    """Which decree's round, and which version: the round is required; a date two loaded decrees share needs
    the year key."""
    if not view.filters.round:
        raise Refused(400, "missing round: the link is /export/round-report.docx?round=YYYY-MM-DD")
    day = date.fromisoformat(view.filters.round[0])
    years = [y for y, d in db.report_decrees.items() if day in d.rounds
             and (not view.filters.year or str(y) in view.filters.year)]
    if len(years) == 1 and not db.report_metadata.get(years[0], {}).get("decree_date"):
        raise Refused(503, "the loaded decree has no date: the document cannot be headed; see the data")
    if len(years) != 1:
        raise Refused(400, f"{day} is a reporting date of several loaded roadmaps: add year=" if years
                      else f"{day} is not a reporting date of a loaded roadmap")
    number = None
    if version is not None:
        if not re.fullmatch(r"[0-9]{1,6}", version):  # ASCII digits: "²".isdigit() is true
            raise Refused(400, f"version must be a version's number, not {version[:40]}")
        number = int(version)
    return Asked(view, years[0], day, number)


def selection(filters: Filters) -> Selection:
    return Selection.of({key: getattr(filters, key) for key in Selection.__dataclass_fields__})


def words(db: RoadmapDB, filters: Filters, t) -> str:
    """The selection in the words the brief and the pages use (roadmap.filters.in_words), the round left out:
    the document's heading names it."""
    shown = Filters(**{k: v for k, v in filters.active().items() if k != "round"})
    return " · ".join(f"{label}: {values}" for label, values in in_words(shown, value_names(db.options.data_names, t),
                                                                          t))


def live(db: RoadmapDB, request: Asked, t, kind: str) -> bytes:
    """The document as the data stands now (the reports and reviews this state of the log holds)."""
    state = db.report_state()
    data = round_data(dataset(db), state.log, state.reviews, request.roadmap_year, request.round,
                                   selection(request.view.filters))
    doc = round_report.document(data, t, words(db, request.view.filters, t))
    return round_report.render_one(doc, t, kind)


def stored(db: RoadmapDB, request: Asked, kind: str) -> bytes:
    """A frozen version's bytes, exactly as stored."""
    found = versions.version(db.reports_dir, request.roadmap_year, request.round, request.version)
    if found is None:
        raise Refused(404, f"no version {request.version} of the round {request.round} of the "
                           f"{request.roadmap_year} roadmap")
    body = (found.docx if kind == "docx" else found.xlsx).read_bytes()
    if found.sha256 and hashlib.sha256(body).hexdigest() != found.sha256.get(kind):
        raise Refused(500, f"version {request.version} of the round {request.round} does not match its manifest")
    return body


def freeze(db: RoadmapDB, view: LinkView, roadmap_year: int, round_: date, t, made_by: str) -> versions.Version:
    """Freeze the round for this view: the Execution page's «Зафиксировать и выгрузить»."""
    state = db.report_state(force=True)
    pairs = [(k, v) for k, v in view.filters.link_pairs() if k != "round"]
    made = round_report.freeze(db.reports_dir, dataset(db), state.log, state.reviews, roadmap_year, round_,
                               selection(view.filters), t, made_by, urlencode(pairs), words(db, view.filters, t))
    db.report_state(force=True)
    return made


def link(kind: str, round_: date, filters: Filters, lang: str | None, version: int | None = None,
         year: int | None = None) -> str:
    """The document's link, relative to the app's root page."""
    pairs = [("round", round_.isoformat())] + [(k, v) for k, v in filters.link_pairs() if k not in ("round",)]
    if year is not None and not filters.year:
        pairs.append(("year", str(year)))
    pairs += [(LANG_KEY, lang)] * bool(lang)
    pairs += [("version", str(version))] * (version is not None)
    return f"export/round-report.{kind}?{urlencode(pairs)}"
