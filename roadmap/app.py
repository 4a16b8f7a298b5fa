"""Streamlit glue shared by the entry script and the pages: the cached database, cached queries, the
filter panel (drawn once per rerun, mirrored in the URL) and the downloads."""
from __future__ import annotations

import json
import logging
from datetime import date

import pandas as pd
import streamlit as st

from . import config, exports, texts
from .filters import LIST_KEYS, Filters
from .queries import DataError, RoadmapDB

log = logging.getLogger("roadmap")
_FILTERS_KEY = "roadmap_filters"
Q_MAX_CHARS = 200


@st.cache_resource(show_spinner=False)
def database() -> RoadmapDB:
    return RoadmapDB.open(config.MEASURES_PARQUET)


def open_database_or_stop() -> RoadmapDB:
    try:
        return database()
    except DataError as exc:
        log.error("roadmap data unavailable: %s", exc.detail)
        st.error(f"**{texts.DATA_ERROR_TITLE}**\n\n{texts.DATA_ERROR_BODY}")
        st.code(config.REBUILD_COMMAND, language="bash")
        st.stop()
        raise  # unreachable: st.stop ends the run


# Query results, keyed by the filter values; bounded so that odd URLs cannot grow the cache without limit.
_cache = st.cache_data(max_entries=config.QUERY_CACHE_ENTRIES, show_spinner=False)


@_cache
def _query(name: str, filters: Filters, extra: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    return database().filtered(name, filters, **dict(extra))


def query(name: str, filters: Filters, **extra: object) -> pd.DataFrame:
    """sql/<name>.sql over the filtered measures, cached by the filter values (and any extra parameter)."""
    return _query(name, filters, tuple(sorted(extra.items())))


def stop_if_empty(frame: pd.DataFrame | int) -> None:
    """The one empty state every page shows when the filters keep nothing (a frame, or a count of measures)."""
    if frame.empty if isinstance(frame, pd.DataFrame) else not frame:
        st.info(texts.NOTHING_FOUND)
        st.stop()


def kpis(filters: Filters) -> dict:
    return query("kpis", filters).iloc[0].to_dict()


@_cache
def source_text(measure_no: int) -> str:
    return database().source_text(measure_no)


@st.cache_data(show_spinner=False)
def region_geometry() -> tuple[list, list]:
    """Region outlines as (canonical name, rings of (lon, lat)) and city points, read from data/geo."""
    shapes = []
    with open(config.GEO_DIR / "kz_regions_2021.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            name = _canonical_region(feature["properties"])
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            shapes.append((name, [[tuple(p) for p in polygon[0]] for polygon in polygons]))
    with open(config.GEO_DIR / "kz_regions_2021.points.json", encoding="utf-8") as f:
        points = [(_canonical_region(p["properties"]), *p["geometry"]["coordinates"]) for p in json.load(f)["features"]]
    return shapes, points


def _canonical_region(properties: dict) -> str:
    name = properties["name_ru"]
    if properties.get("type") == "city":
        return "г. " + name.removeprefix("город ").split(" (")[0]
    return name


# The filter panel ----------------------------------------------------------------------------------
def filter_panel(db: RoadmapDB) -> Filters:
    """Draw the sidebar filters once per rerun and return them as one value."""
    known = db.options  # computed once when the data loaded: a rerun runs no SQL for the choices
    options = {
        "ministry": list(known.ministries),
        "akimat": list(known.akimats),
        "direction": [key for key, _ in known.groups],
        "funding": list(texts.FUNDING_CLASSES),
        "report_to": list(known.report_to),
    }
    names = dict(known.groups)
    labels = {
        "ministry": (texts.FILTER_MINISTRY, lambda v: v, None),
        "akimat": (texts.FILTER_AKIMAT, lambda v: v, texts.FILTER_AKIMAT_HELP),
        "direction": (texts.FILTER_DIRECTION, lambda v: f"{texts.group_label(v)}. {names.get(v, '')}"[:90], None),
        "funding": (texts.FILTER_FUNDING, lambda v: texts.FUNDING_CLASSES.get(v, v), None),
        "report_to": (texts.FILTER_REPORT_TO, lambda v: texts.REPORT_TO.get(v, v), None),
    }
    with st.sidebar:
        st.header(texts.FILTERS_HEADER)
        chosen = {}
        for key in LIST_KEYS:
            label, fmt, help_text = labels[key]
            chosen[key] = st.multiselect(
                label, options[key], key=key, format_func=fmt, help=help_text,
                placeholder=texts.FILTER_ANY, bind="query-params",
            )
        q = st.text_input(texts.FILTER_Q, key="q", max_chars=Q_MAX_CHARS, placeholder=texts.FILTER_Q_PLACEHOLDER,
                          bind="query-params") or ""
        filters = Filters(**{k: tuple(v) for k, v in chosen.items()}, q=q[:Q_MAX_CHARS])
        shown = kpis(filters)["measures"]
        st.markdown(f"**{texts.SHOWN.format(shown=int(shown), total=known.total_measures)}**")
        st.button(texts.RESET, on_click=_reset, disabled=filters.is_empty, key="reset_filters")
    st.session_state[_FILTERS_KEY] = filters
    return filters


def _reset() -> None:
    for key in LIST_KEYS:
        st.session_state[key] = []
    st.session_state["q"] = ""


def current_filters() -> Filters:
    """The filters the entry script built in this rerun; pages never read widgets themselves."""
    return st.session_state.get(_FILTERS_KEY, Filters())


def export_bytes(db: RoadmapDB, filters: Filters, kind: str) -> bytes:
    """The CSV or XLSX file of exactly the filtered measures.  Built only when the user clicks: at tens of
    thousands of measures an XLSX takes seconds, far too long to rebuild on every rerun."""
    frame = exports.export_frame(db.measure_list(filters))
    return exports.to_csv(frame) if kind == "csv" else exports.to_xlsx(frame)


def downloads(filters: Filters) -> None:
    stem = exports.file_stem(filters)
    # Streamlit runs a callable given as the data on the click, in a thread of its own where no Streamlit
    # call belongs: the database is taken here, in the script's thread, and only the query runs there.
    db = database()
    with st.sidebar:
        st.subheader(texts.DOWNLOADS_HEADER)
        st.download_button(texts.DOWNLOAD_CSV, lambda: export_bytes(db, filters, "csv"), file_name=f"{stem}.csv",
                           mime="text/csv", key="download_csv", on_click="ignore", icon=":material/download:")
        st.download_button(
            texts.DOWNLOAD_XLSX, lambda: export_bytes(db, filters, "xlsx"), file_name=f"{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="download_xlsx", on_click="ignore", icon=":material/table:",
        )
