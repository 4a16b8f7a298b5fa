"""Downloads at stable links, served by the dashboard's own process (st.App routes, see server.py).

    /export/measures.csv   /export/measures.xlsx   /export/measures.json   /export/brief.html

Each takes exactly the pages' link keys, read by the same function as a page link (filters.read_link), so
`/measures?akimat=X` and `/export/measures.csv?akimat=X` cannot disagree.  The files are built when asked
for, from the query layer, and streamed: nothing is built during a rerun and nothing lives in Streamlit's
media store, whose files can be swept away before a browser fetches them.

A bad request gets a short plain-text answer with its status, never a traceback; no route opens a file
named by the request.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from urllib.parse import quote, unquote_to_bytes

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from . import brief, exports, i18n
from .filters import Filters, LinkView, read_link, value_names
from .queries import DataError, RoadmapDB

log = logging.getLogger("roadmap")

QUERY_MAX_BYTES = 8 * 1024  # a view's link is far shorter; more is a mistake or an attack
ROWS_PER_BATCH = 2_000
_BROKEN_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "measures.csv": "text/csv; charset=utf-8",
    "measures.xlsx": XLSX_TYPE,
    "measures.json": "application/json; charset=utf-8",
    "brief.html": "text/html; charset=utf-8",
}
FILTERS_HEADER = "X-Roadmap-Filters"  # the canonical query string of the filters applied
COUNT_HEADER = "X-Roadmap-Measures"  # how many measures the file holds


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


def export_endpoint(database: Callable[[], RoadmapDB]) -> Callable:
    """The handler of every /export/{name} request; `database` gives the process's one RoadmapDB."""

    async def endpoint(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FORMATS:
            return PlainTextResponse(f"no such export: {name[:80]}; there are {', '.join(FORMATS)}\n", 404)
        try:
            db = await run_in_threadpool(database)
            view = link_view(db, request.scope.get("query_string", b""))
        except BadRequest as exc:
            return PlainTextResponse(exc.message + "\n", exc.status)
        except DataError as exc:
            log.error("export %s: roadmap data unavailable: %s", name, exc.detail)
            return PlainTextResponse("the roadmap data is unavailable; see the server log\n", 503)
        t = i18n.catalogue(view.lang)
        count = int((await run_in_threadpool(db.filtered, "kpis", view.filters)).iloc[0]["measures"])
        file_name = f"{exports.file_stem(view.filters, t)}.{name.rsplit('.', 1)[1]}"
        headers = {
            "Content-Disposition": content_disposition(file_name),
            FILTERS_HEADER: view.query_string(),
            COUNT_HEADER: str(count),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        media_type = FORMATS[name]
        if request.method == "HEAD":
            return Response(None, headers=headers, media_type=media_type)
        if name == "brief.html":
            return Response(await run_in_threadpool(brief_html, db, view.filters, t), headers=headers,
                            media_type=media_type)
        if name == "measures.csv":
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
