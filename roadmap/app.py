"""Streamlit glue shared by the entry script and the pages: the cached database, cached queries, the
filter panel (drawn once per rerun, mirrored in the URL) and the downloads."""
from __future__ import annotations

import json
import logging
from types import ModuleType

import pandas as pd
import streamlit as st

from loaders.regions import canonical_geo_name

from . import brief, config, exports, i18n
from .filters import LIST_KEYS, Filters
from .queries import DataError, RoadmapDB

log = logging.getLogger("roadmap")
_FILTERS_KEY = "roadmap_filters"
_LINK_READ_KEY = "roadmap_link_read"
Q_MAX_CHARS = 200


@st.cache_resource(show_spinner=False)
def database() -> RoadmapDB:
    return RoadmapDB.open(config.MEASURES_PARQUET)


def language_switch() -> ModuleType:
    """The interface language, chosen in the sidebar and kept in the link as ?lang=kk|en (Russian, the
    default, stays out of the link)."""
    if "lang" not in st.session_state:  # a session starts from its link
        wanted = st.query_params.get("lang")
        st.session_state["lang"] = wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT
    with st.sidebar:
        st.segmented_control(
            " / ".join(c.LANGUAGE_LABEL for c in i18n.LANGUAGES.values()), list(i18n.LANGUAGES), key="lang",
            required=True, format_func=lambda c: i18n.LANGUAGES[c].LANGUAGE_NAME,
        )
    return texts()


def texts() -> ModuleType:
    """The catalogue of the language this session chose; pages and charts take every string from it."""
    return i18n.catalogue(st.session_state.get("lang"))


def open_database_or_stop() -> RoadmapDB:
    t = texts()
    try:
        return database()
    except DataError as exc:
        log.error("roadmap data unavailable: %s", exc.detail)
        st.error(f"**{t.DATA_ERROR_TITLE}**\n\n{t.DATA_ERROR_BODY}")
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
        st.info(texts().NOTHING_FOUND)
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
            name = canonical_geo_name(feature["properties"])
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            shapes.append((name, [[tuple(p) for p in polygon[0]] for polygon in polygons]))
    with open(config.GEO_DIR / "kz_regions_2021.points.json", encoding="utf-8") as f:
        points = [(canonical_geo_name(p["properties"]), *p["geometry"]["coordinates"]) for p in json.load(f)["features"]]
    return shapes, points


# The filter panel ----------------------------------------------------------------------------------
def filter_panel(db: RoadmapDB) -> Filters:
    """Draw the sidebar filters once per rerun and return them as one value."""
    t = texts()
    known = db.options  # computed once when the data loaded: a rerun runs no SQL for the choices
    options = {
        "ministry": list(known.ministries),
        "akimat": list(known.akimats),
        "direction": [key for key, _ in known.groups],
        "funding": list(t.FUNDING_CLASSES),
        "report_to": list(known.report_to),
    }
    _state_from_link(options)
    values = value_labels(db, t)
    labels = {
        "ministry": (t.FILTER_MINISTRY, None),
        "akimat": (t.FILTER_AKIMAT, t.FILTER_AKIMAT_HELP),
        "direction": (t.FILTER_DIRECTION, None),
        "funding": (t.FILTER_FUNDING, None),
        "report_to": (t.FILTER_REPORT_TO, None),
    }
    with st.sidebar:
        st.header(t.FILTERS_HEADER)
        chosen = {}
        for key in LIST_KEYS:
            label, help_text = labels[key]
            shown_as = values.get(key, {})
            chosen[key] = st.multiselect(label, options[key], key=key, format_func=lambda v, s=shown_as: s.get(v, v)[:90],
                                         help=help_text, placeholder=t.FILTER_ANY)
        q = st.text_input(t.FILTER_Q, key="q", max_chars=Q_MAX_CHARS, placeholder=t.FILTER_Q_PLACEHOLDER) or ""
        filters = Filters(**{k: tuple(v) for k, v in chosen.items()}, q=q[:Q_MAX_CHARS])
        shown = kpis(filters)["measures"]
        st.markdown(f"**{t.SHOWN.format(shown=int(shown), total=known.total_measures)}**")
        st.button(t.RESET, on_click=_reset, disabled=filters.is_empty, key="reset_filters")
    st.session_state[_FILTERS_KEY] = filters
    _link_from_state(filters)
    return filters


# The link mirrors the view with stable codes (?direction=D2&funding=budget_amount&lang=kk), not with the
# labels a widget shows: Streamlit's bind="query-params" writes labels, which change with the language.
def _state_from_link(options: dict[str, list[str]]) -> None:
    """On a session's first run the link's values become the filters: known values once each, in the
    order of the choices; anything else in the link is dropped."""
    if st.session_state.get(_LINK_READ_KEY):
        return
    for key in LIST_KEYS:
        wanted = set(st.query_params.get_all(key))
        st.session_state[key] = [v for v in options[key] if v in wanted]
    st.session_state["q"] = st.query_params.get("q", "")[:Q_MAX_CHARS]
    st.session_state[_LINK_READ_KEY] = True


def _link_from_state(filters: Filters) -> None:
    wanted = {key: list(values) for key, values in filters.active().items() if key in LIST_KEYS}
    if filters.q:
        wanted["q"] = filters.q
    if st.session_state.get("lang", i18n.DEFAULT) != i18n.DEFAULT:
        wanted["lang"] = st.session_state["lang"]
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _reset() -> None:
    for key in LIST_KEYS:
        st.session_state[key] = []
    st.session_state["q"] = ""


def current_filters() -> Filters:
    """The filters the entry script built in this rerun; pages never read widgets themselves."""
    return st.session_state.get(_FILTERS_KEY, Filters())


def value_labels(db: RoadmapDB, t: ModuleType) -> dict[str, dict[str, str]]:
    """How a filter value is named on screen and in the brief; values not listed are shown as they are."""
    return {
        "direction": {k: f"{t.group_label(k)}. {name}" for k, name in db.options.groups},
        "funding": dict(t.FUNDING_CLASSES),
        "report_to": dict(t.REPORT_TO),
    }


def export_bytes(db: RoadmapDB, filters: Filters, kind: str, t: ModuleType) -> bytes:
    """The CSV or XLSX file of exactly the filtered measures (see downloads for when it is built)."""
    frame = exports.export_frame(db.measure_list(filters), t)
    return exports.to_csv(frame) if kind == "csv" else exports.to_xlsx(frame, t)


def brief_bytes(db: RoadmapDB, filters: Filters, t: ModuleType) -> bytes:
    """The printable brief of the filtered view, in the interface language.  On paper a ministry is also
    named in full, since no hover is there to explain its abbreviation."""
    labels = {**value_labels(db, t), "ministry": {m: f"{m} ({db.legend.full_names.get(m, m)})" for m in filters.ministry}}
    return brief.render(filters, db.measure_list(filters), db.kpis(filters), db.by_group(filters),
                        db.executor_workload(filters), db.metadata, db.options.total_measures, labels, t)


@st.cache_data(max_entries=config.QUERY_CACHE_ENTRIES, show_spinner=False)
def _download_file(kind: str, filters: Filters, language: str) -> bytes:
    t = i18n.catalogue(language)
    return brief_bytes(database(), filters, t) if kind == "html" else export_bytes(database(), filters, kind, t)


def downloads(filters: Filters) -> None:
    """CSV, XLSX and the printable brief of exactly the filtered measures."""
    t = texts()
    stem = exports.file_stem(filters, t)
    # A callable given as the data runs on the click, in a thread of its own where no Streamlit call
    # belongs: the database and the language are taken here, in the script's thread.
    db = database()
    eager = kpis(filters)["measures"] <= config.EAGER_DOWNLOAD_MAX_MEASURES

    def data(kind: str):
        if eager:
            return _download_file(kind, filters, t.LANGUAGE_CODE)
        if kind == "html":
            return lambda: brief_bytes(db, filters, t)
        return lambda: export_bytes(db, filters, kind, t)

    with st.sidebar:
        st.subheader(t.DOWNLOADS_HEADER)
        st.download_button(t.DOWNLOAD_CSV, data("csv"), file_name=f"{stem}.csv", mime="text/csv", key="download_csv",
                           on_click="ignore", icon=":material/download:")
        st.download_button(
            t.DOWNLOAD_XLSX, data("xlsx"), file_name=f"{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="download_xlsx", on_click="ignore", icon=":material/table:",
        )
        st.download_button(t.BRIEF_DOWNLOAD, data("html"), file_name=f"{stem}.html", mime="text/html",
                           key="download_brief", on_click="ignore", icon=":material/print:", help=t.BRIEF_HELP)
        st.caption(t.DATA_LANGUAGE_NOTE)
