"""Streamlit glue shared by the entry script and the pages: the cached database, cached queries, the
filter panel (drawn once per rerun, mirrored in the URL) and the downloads."""
from __future__ import annotations

import json
import logging
from html import escape
from types import ModuleType
from urllib.parse import parse_qsl

import pandas as pd
import streamlit as st

from loaders.regions import canonical_geo_name

from . import config, i18n
from .filters import FILTER_SPECS, Q_MAX_CHARS, Filters, LinkView, read_link, value_names
from .queries import DataError, RoadmapDB
from .routes import export_url
from .ui.data import database

log = logging.getLogger("roadmap")
_FILTERS_KEY = "roadmap_filters"
_LINK_READ_KEY = "roadmap_link_read"


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
_cache = st.cache_data(max_entries=config.QUERY_CACHE_ENTRIES, show_spinner=False,
                       hash_funcs={Filters: Filters.cache_key})


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
    choices = known.choices()
    _state_from_link(choices)
    names = value_names(known.named(), t)
    with st.sidebar:
        st.header(t.FILTERS_HEADER)
        chosen: dict[str, object] = {}
        for spec in FILTER_SPECS:
            label, help_text = getattr(t, spec.label), spec.help and getattr(t, spec.help)
            if spec.text:
                placeholder = getattr(t, f"{spec.label}_PLACEHOLDER", None)
                text = st.text_input(label, key=spec.key, max_chars=Q_MAX_CHARS, placeholder=placeholder, help=help_text)
                chosen[spec.key] = (text or "")[:Q_MAX_CHARS]
            else:
                shown_as = names.get(spec.key, {})
                chosen[spec.key] = tuple(st.multiselect(
                    label, choices[spec.key], key=spec.key, format_func=lambda v, s=shown_as: s.get(v, v)[:90],
                    help=help_text, placeholder=t.FILTER_ANY))
        filters = Filters(**chosen)
        shown = kpis(filters)["measures"]
        st.markdown(f"**{t.SHOWN.format(shown=int(shown), total=known.total_measures)}**")
        st.button(t.RESET, on_click=_reset, disabled=filters.is_empty, key="reset_filters")
    st.session_state[_FILTERS_KEY] = filters
    _link_from_state(filters)
    return filters


# The link mirrors the view with stable codes (?direction=D2&funding=budget_amount&lang=kk), not with the
# labels a widget shows: Streamlit's bind="query-params" writes labels, which change with the language.
def _state_from_link(choices: dict[str, tuple[str, ...]]) -> None:
    """On a session's first run the link's values become the filters, read by the same function as the
    export routes' (filters.read_link): known values once each, anything else dropped."""
    if st.session_state.get(_LINK_READ_KEY):
        return
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    view = read_link(pairs, choices)
    for key, value in view.filters._values:
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state[_LINK_READ_KEY] = True


def current_view(filters: Filters) -> LinkView:
    """The view as a link: these filters in the session's language."""
    lang = st.session_state.get("lang", i18n.DEFAULT)
    return LinkView(filters, None if lang == i18n.DEFAULT else lang)


def _link_from_state(filters: Filters) -> None:
    wanted: dict[str, list[str]] = {}
    for key, value in parse_qsl(current_view(filters).query_string()):
        wanted.setdefault(key, []).append(value)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _reset() -> None:
    for spec in FILTER_SPECS:
        st.session_state[spec.key] = "" if spec.text else []


def current_filters() -> Filters:
    """The filters the entry script built in this rerun; pages never read widgets themselves."""
    return st.session_state.get(_FILTERS_KEY, Filters())


# Links that look like the app's buttons: what they do is download, whatever element they are.
_DOWNLOAD_CSS = """
a.roadmap-download { display: inline-block; padding: 0.3rem 0.8rem; border: 1px solid rgba(49, 51, 63, 0.3);
  border-radius: 0.5rem; color: inherit; text-decoration: none; background: #fff; }
a.roadmap-download::before { content: "\\2193\\00a0"; }
a.roadmap-download:hover, a.roadmap-download:focus-visible { border-color: currentColor; text-decoration: underline; }
"""


def downloads(filters: Filters) -> None:
    """Links to the CSV, XLSX, JSON and the printable brief of exactly the filtered measures.  They are
    plain links to the app's own export routes (roadmap/routes.py): nothing is built during a rerun, the
    file is made when the link is followed, and the same link works from Excel, a script or curl."""
    t = texts()
    view = current_view(filters)
    links = [("download_csv", "measures.csv", t.DOWNLOAD_CSV, ""),
             ("download_xlsx", "measures.xlsx", t.DOWNLOAD_XLSX, ""),
             ("download_json", "measures.json", t.DOWNLOAD_JSON, t.DOWNLOAD_JSON_HELP),
             ("download_brief", "brief.html", t.BRIEF_DOWNLOAD, t.BRIEF_HELP)]
    with st.sidebar:
        st.subheader(t.DOWNLOADS_HEADER)
        st.html(f"<style>{_DOWNLOAD_CSS}</style>")
        # The element keys give each link a stable CSS class (st-key-download_csv …) for tests and styling.
        for key, name, label, help_text in links:
            with st.container(key=key):
                title = f' title="{escape(help_text, quote=True)}"' if help_text else ""
                st.markdown(
                    f'<a class="roadmap-download" href="{escape(export_url(name, view), quote=True)}" download{title}>'
                    f"{escape(label)}</a>", unsafe_allow_html=True)
        st.caption(t.DOWNLOADS_NOTE)
        st.caption(t.DATA_LANGUAGE_NOTE)
