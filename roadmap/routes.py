"""Downloads at stable links, served by the dashboard's own process (st.App routes, see server.py).

    /export/measures.csv   /export/measures.xlsx   /export/measures.json   /export/brief.html
    /export/reports.csv    /export/reports.xlsx    /export/reports.json    (the executors' report log)
    /export/report-template.xlsx?executor=X&round=YYYY-MM-DD[&year=YYYY][&lang=kk|en]

Each measure format takes exactly the pages' link keys, read by the same function as a page link
(filters.read_link), so `/measures?akimat=X` and `/export/measures.csv?akimat=X` cannot disagree.  The report
template is an executor's own file for one reporting round (reporting/template.py), its measures read
through the same query layer.  The files are built when asked
for, from the query layer, and streamed: nothing is built during a rerun and nothing lives in Streamlit's
media store, whose files can be swept away before a browser fetches them.

A bad request gets a short plain-text answer with its status, never a traceback; no route opens a file
named by the request.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, unquote_to_bytes, urlencode

import pandas as pd
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

import i18n
from reporting.template import template_xlsx

from . import brief, exports, round_report
from .filters import LANG_KEY, Filters, LinkView, read_link, value_names
from .queries import DataError, RoadmapDB

log = logging.getLogger("roadmap")

QUERY_MAX_BYTES = 8 * 1024  # a view's link is far shorter; more is a mistake or an attack
ROWS_PER_BATCH = 2_000
_BROKEN_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "measures.csv": "text/csv; charset=utf-8",
    "measures.xlsx": XLSX_TYPE,
    "measures.json": "application/json; charset=utf-8",
    "brief.html": "text/html; charset=utf-8",
    "reports.csv": "text/csv; charset=utf-8",
    "reports.xlsx": XLSX_TYPE,
    "reports.json": "application/json; charset=utf-8",
}
TEMPLATE = "report-template.xlsx"  # an executor's report template: keys of its own, not a view's link keys
TEMPLATE_COLUMNS = ["roadmap_year", "measure_no", "title", "deadline_raw", "cost_thousand_kzt"]
FILTERS_HEADER = "X-Roadmap-Filters"  # the canonical query string of the filters applied
COUNT_HEADER = "X-Roadmap-Measures"  # how many measures the file holds
REPORTS_HEADER = "X-Roadmap-Reports"  # how many rows the report log file holds


class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def parse_query(raw: bytes) -> list[tuple[str, str]]:
    """The query string as (key, value) pairs, strictly: a broken percent-escape or bytes that are not
    UTF-8 are refused instead of being guessed at (Starlette would replace them silently)."""
    if len(raw) > QUERY_MAX_BYTES:
        raise BadRequest(414, f"the query string is {len(raw)} bytes; at most {QUERY_MAX_BYTES} are accepted")
    pairs = []
    for part in raw.split(b"&"):
        if not part:
            continue
        if _BROKEN_ESCAPE.search(part):
            raise BadRequest(400, f"broken percent-escape in the query string: {part[:60].decode('ascii', 'replace')}")
        key, _, value = part.partition(b"=")
        try:
            pairs.append(tuple(unquote_to_bytes(x.replace(b"+", b" ")).decode("utf-8") for x in (key, value)))
        except UnicodeDecodeError:
            raise BadRequest(400, "the query string is not valid UTF-8") from None
    return pairs


def link_view(db: RoadmapDB, raw_query: bytes) -> LinkView:
    others = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
    return read_link(parse_query(raw_query), db.options.choices, others)


def content_disposition(file_name: str) -> str:
    """An attachment whose name keeps its Cyrillic (RFC 6266 `filename*`), with a plain-ASCII fallback for
    clients that know only `filename`."""
    fallback = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_+.") else "_" for ch in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def _measure_tables(db: RoadmapDB, filters: Filters, t) -> Iterator:
    for batch in db.batches("measure_list", filters, ROWS_PER_BATCH):
        yield exports.export_table(batch, t)


def _report_tables(db: RoadmapDB, filters: Filters, t) -> Iterator:
    for batch in db.batches("report_log", filters, ROWS_PER_BATCH, every_round=not filters.round):
        yield exports.report_table(batch, t)


def _applied(view: LinkView) -> dict[str, object]:
    """The filters as JSON: list filters as lists, the search as text, only those in force."""
    return {key: list(value) if isinstance(value, tuple) else value for key, value in view.filters.active().items()}


def brief_html(db: RoadmapDB, filters: Filters, t) -> bytes:
    """The printable brief of a view.  On paper a ministry is also named in full, since no hover is there
    to explain its abbreviation."""
    names = value_names(db.options.data_names, t)
    names["ministry"] = {m: f"{m} ({db.legend.full_names[m]})" if db.legend.full_names.get(m) else m
                         for m in filters.ministry}
    return brief.render(filters, db.filtered("measure_list", filters), db.filtered("kpis", filters).iloc[0],
                        db.filtered("by_group", filters), db.filtered("executor_workload", filters), db.metadata,
                        db.options.total_measures, names, t, notes=db.notes(filters.year))


@dataclass(frozen=True)
class TemplateRequest:
    """What a template link asks for, checked against the loaded decrees."""
    executor: str
    round: date
    year: int
    lang: str | None  # None: the default language
    measures: pd.DataFrame  # the executor's measures of that decree (TEMPLATE_COLUMNS)


def executor_measures(db: RoadmapDB, executor: str, year: int) -> pd.DataFrame:
    """The executor's measures of one decree, through the query layer: a ministry's by the ministry filter, a
    region's by the akimat filter (which keeps the measures of all akimats, as reporting.decrees.measures_of
    does); a name that is both is looked up both ways."""
    frames = [db.filtered("measure_list", Filters(year=(str(year),), **{key: (executor,)}))
              for key in ("ministry", "akimat") if executor in db.options.choices.get(key, ())]
    if not frames:
        return pd.DataFrame(columns=TEMPLATE_COLUMNS)
    found = pd.concat(frames, ignore_index=True).drop_duplicates(["roadmap_year", "measure_no"])
    return found.sort_values(["roadmap_year", "measure_no"])[TEMPLATE_COLUMNS].reset_index(drop=True)


def template_request(db: RoadmapDB, raw_query: bytes) -> TemplateRequest:
    """The template link read strictly: executor and round are required, year (when given) must be a loaded
    decree's and have that round, and the executor must have measures in the decree whose calendar has it.
    Anything else is a BadRequest saying what is wrong; other keys are ignored, as on a page."""
    given: dict[str, str] = {}
    for key, value in parse_query(raw_query):
        given.setdefault(key, value.strip())
    missing = [key for key in ("executor", "round") if not given.get(key)]
    if missing:
        raise BadRequest(400, f"missing {' and '.join(missing)}: the template's link is "
                              f"/export/{TEMPLATE}?executor=NAME&round=YYYY-MM-DD")
    executor, round_text = given["executor"], given["round"]
    if executor not in db.executors():
        raise BadRequest(404, f"no such executor: {executor[:80]}")
    calendars = {year: decree.rounds for year, decree in db.report_decrees.items()}
    if given.get("year"):
        year_text = given["year"]
        if not re.fullmatch(r"[0-9]{4}", year_text):
            raise BadRequest(400, f"year must be a roadmap's year (four digits), not {year_text[:80]}")
        if int(year_text) not in calendars:
            raise BadRequest(404, f"no roadmap of {year_text} is loaded; loaded: "
                                  f"{', '.join(map(str, sorted(calendars)))}")
        calendars = {int(year_text): calendars[int(year_text)]}
    valid = sorted({r for rounds in calendars.values() for r in rounds})
    try:
        wanted = date.fromisoformat(round_text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", round_text) else None
    except ValueError:
        wanted = None
    if wanted not in valid:
        of = f" of the {next(iter(calendars))} roadmap" if given.get("year") else ""
        dates = ", ".join(r.isoformat() for r in valid) or "none"
        raise BadRequest(404, f"{round_text[:80]} is not a reporting date{of}; the reporting dates are: {dates}")
    years = [year for year, rounds in sorted(calendars.items()) if wanted in rounds]
    found = {year: executor_measures(db, executor, year) for year in years}
    found = {year: measures for year, measures in found.items() if len(measures)}
    if not found:
        raise BadRequest(404, f"{executor[:80]} has no measures in the {' or '.join(map(str, years))} roadmap, "
                              f"the one reporting by {wanted.isoformat()}")
    if len(found) > 1:
        raise BadRequest(400, f"{wanted.isoformat()} is a reporting date of the {' and '.join(map(str, found))} "
                              "roadmaps: choose one with year=")
    year, measures = next(iter(found.items()))
    lang = given.get(LANG_KEY)
    return TemplateRequest(executor, wanted, year, lang if lang in i18n.LANGUAGES else None, measures)


def template_file_name(request: TemplateRequest, t) -> str:
    """otchet_МКС_2021-07-05.xlsx: whose report and for which round, in a name any file system takes."""
    stem = f"{t.REPORT_FILE_STEM}_{request.executor}_{request.round.isoformat()}"
    return "".join(ch if ch.isalnum() or ch in "-_+." else "_" for ch in stem)[:150] + ".xlsx"


def template_bytes(db: RoadmapDB, request: TemplateRequest, t) -> bytes:
    meta = db.decrees.get(request.year, {})
    decree = {"year": request.year, "number": meta.get("decree_number") or db.report_decrees[request.year].number,
              "date": meta.get("decree_date") or ""}
    return template_xlsx(request.measures, request.executor, request.round, decree, t)


async def template_response(db: RoadmapDB, request: Request) -> Response:
    try:
        asked = await run_in_threadpool(template_request, db, request.scope.get("query_string", b""))
    except BadRequest as exc:
        return PlainTextResponse(exc.message + "\n", exc.status)
    t = i18n.catalogue(asked.lang)
    headers = {
        "Content-Disposition": content_disposition(template_file_name(asked, t)),
        COUNT_HEADER: str(len(asked.measures)),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    if request.method == "HEAD":
        return Response(None, headers=headers, media_type=XLSX_TYPE)
    try:
        body = await run_in_threadpool(template_bytes, db, asked, t)
    except ValueError as exc:  # a decree without its date: the data's fault, not the request's
        log.error("report template of %s for %s: %s", asked.executor, asked.round, exc)
        return PlainTextResponse("the template cannot be made from the loaded data; see the server log\n", 503)
    return Response(body, headers=headers, media_type=XLSX_TYPE)


ROUND_REPORT = {"round-report.docx": DOCX_TYPE, "round-report.xlsx": XLSX_TYPE}


async def round_report_response(database: Callable[[], RoadmapDB], request: Request, name: str) -> Response:
    """The round's consolidated information: live for the link's view, or a frozen version's bytes exactly."""
    kind = name.rsplit(".", 1)[1]
    try:
        db = await run_in_threadpool(database)
        raw = request.scope.get("query_string", b"")
        version = next((v for k, v in parse_query(raw) if k == "version"), None)
        asked = round_report.asked(db, link_view(db, raw), version)
    except BadRequest as exc:
        return PlainTextResponse(exc.message + "\n", exc.status)
    except round_report.Refused as exc:
        return PlainTextResponse(exc.message + "\n", exc.status)
    except DataError as exc:
        log.error("export %s: roadmap data unavailable: %s", name, exc.detail)
        return PlainTextResponse("the roadmap data is unavailable; see the server log\n", 503)
    t = i18n.catalogue(asked.view.lang)
    stem = f"{t.ROUND_DOC_FILE_STEM}_{asked.roadmap_year}_{asked.round.isoformat()}"
    if asked.version is not None:
        stem += f"_v{asked.version}"
    headers = {"Content-Disposition": content_disposition(f"{stem}.{kind}"), FILTERS_HEADER: asked.view.query_string(),
               "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    try:
        if asked.version is not None:
            body = await run_in_threadpool(round_report.stored, db, asked, kind)
        elif request.method == "HEAD":
            body = b""
        else:
            body = await run_in_threadpool(round_report.live, db, asked, t, kind)
    except round_report.Refused as exc:
        return PlainTextResponse(exc.message + "\n", exc.status)
    if request.method == "HEAD":
        return Response(None, headers=headers, media_type=ROUND_REPORT[name])
    return Response(body, headers=headers, media_type=ROUND_REPORT[name])


def export_endpoint(database: Callable[[], RoadmapDB]) -> Callable:
    """The handler of every /export/{name} request; `database` gives the process's one RoadmapDB."""

    async def endpoint(request: Request) -> Response:
        name = request.path_params["name"]
        if name in ROUND_REPORT:
            return await round_report_response(database, request, name)
        if name not in FORMATS and name != TEMPLATE:
            return PlainTextResponse(f"no such export: {name[:80]}; there are "
                                     f"{', '.join([*FORMATS, TEMPLATE, *ROUND_REPORT])}\n", 404)
        try:
            db = await run_in_threadpool(database)
            if name == TEMPLATE:  # its own keys (executor, round), not a view's
                return await template_response(db, request)
            view = link_view(db, request.scope.get("query_string", b""))
        except BadRequest as exc:
            return PlainTextResponse(exc.message + "\n", exc.status)
        except DataError as exc:
            log.error("export %s: roadmap data unavailable: %s", name, exc.detail)
            return PlainTextResponse("the roadmap data is unavailable; see the server log\n", 503)
        t = i18n.catalogue(view.lang)
        stem = exports.file_stem(view.filters, t, db.decrees)
        reports = name.startswith("reports.")
        if reports:  # the report log: every round of each decree in view, or the chosen one when the link names one
            every_round = not view.filters.round
            counted = (await run_in_threadpool(db.filtered, "report_log_count", view.filters,
                                               every_round=every_round)).iloc[0]
            count, rows = int(counted["measures"]), int(counted["reports"])
            stem = f"{t.REPORT_LOG_FILE_STEM}_{stem}"[:150]
        else:
            count = int((await run_in_threadpool(db.filtered, "kpis", view.filters)).iloc[0]["measures"])
        file_name = f"{stem}.{name.rsplit('.', 1)[1]}"
        headers = {
            "Content-Disposition": content_disposition(file_name),
            FILTERS_HEADER: view.query_string(),
            COUNT_HEADER: str(count),
            **({REPORTS_HEADER: str(rows)} if reports else {}),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        media_type = FORMATS[name]
        if request.method == "HEAD":
            return Response(None, headers=headers, media_type=media_type)
        if name == "brief.html":
            return Response(await run_in_threadpool(brief_html, db, view.filters, t), headers=headers,
                            media_type=media_type)
        if name == "reports.csv":
            body = exports.csv_chunks(_report_tables(db, view.filters, t), t,
                                      list(exports.report_log_headers(t).values()))
        elif name == "reports.xlsx":
            body = exports.report_xlsx_chunks(_report_tables(db, view.filters, t), t)
        elif name == "reports.json":
            objects = db.batches("report_log_json", view.filters, ROWS_PER_BATCH, every_round=every_round)
            body = exports.json_chunks(objects, _applied(view), rows, key="reports")
        elif name == "measures.csv":
            body = exports.csv_chunks(_measure_tables(db, view.filters, t), t)
        elif name == "measures.xlsx":
            body = exports.xlsx_chunks(_measure_tables(db, view.filters, t), t, notes=db.notes(view.filters.year))
        else:
            objects = db.batches("measures_json", view.filters, ROWS_PER_BATCH)
            body = exports.json_chunks(objects, _applied(view), count)
        # A sync iterator: Starlette runs each step in its thread pool, so a long export never blocks the
        # event loop that serves every session's websocket.
        return StreamingResponse(body, headers=headers, media_type=media_type)

    return endpoint


def routes(database: Callable[[], RoadmapDB]) -> list[Route]:
    # Every path under /export/ is ours: an unknown one gets a 404 here instead of the app's page shell.
    return [Route("/export/{name:path}", export_endpoint(database), methods=["GET", "HEAD"])]


def export_url(name: str, view: LinkView) -> str:
    """The link of an export of a view, relative to the app's root page."""
    query = view.query_string()
    return f"export/{name}" + (f"?{query}" if query else "")


def template_url(executor: str, round: date | str, lang: str | None = None, year: int | None = None) -> str:
    """The link of an executor's report template for a round, relative to the app's root page; `year` only
    where two loaded decrees share the round's date."""
    pairs = [("executor", executor), ("round", round.isoformat() if isinstance(round, date) else str(round))]
    pairs += [("year", str(year))] * (year is not None)
    pairs += [(LANG_KEY, lang)] * bool(lang and lang != i18n.DEFAULT)
    return f"export/{TEMPLATE}?{urlencode(pairs)}"
