"""The sidebar's filter panel, drawn once per rerun, and the link that mirrors it; the language switch;
what a page reads of them (`texts`, `current_filters`) and the one empty state every page shows."""
from __future__ import annotations

import math
import re
from types import ModuleType
from urllib.parse import parse_qsl

import pandas as pd
import streamlit as st

import i18n
from roadmap.filters import FILTER_SPECS, Q_MAX_CHARS, SPECS, Filters, LinkView, in_words_by_key, read_link, value_names
from roadmap.queries import RoadmapDB

from .cached import measure_count
from .data import database

_FILTERS_KEY = "roadmap_filters"
_LINK_READ_KEY = "roadmap_link_read"


def language_switch() -> ModuleType:
    """The interface language, chosen in the sidebar and kept in the link as ?lang=kk|en (Russian, the
    default, stays out of the link)."""
    if "lang" not in st.session_state:  # a session starts from its link
        wanted = st.query_params.get("lang")
        st.session_state["lang"] = wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT
    _keep_on_screen("lang")
    with st.sidebar:
        st.segmented_control(
            " / ".join(c.LANGUAGE_LABEL for c in i18n.LANGUAGES.values()), list(i18n.LANGUAGES), key="lang",
            required=True, format_func=lambda c: i18n.LANGUAGES[c].LANGUAGE_NAME,
        )
    return texts()


def _keep_on_screen(key: str) -> None:
    """Send the widget's value with this run, as if set anew.  A session's first run takes its filters and
    language from the link into the session state; when the browser asks for a rerun before that run's widgets
    reached it (the width check's second drawing, or an early click), the widget arrives in the next run as one
    the browser never saw, and the browser drew it with its default, an empty filter while the page was filtered,
    and would send that default back with the next change (a narrow window showed its link's filter as empty
    about one time in three).  The language is drawn before the width check and has not been seen to lose its
    value, but it comes from the link the same way."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def texts() -> ModuleType:
    """The catalogue of the language this session chose; pages and charts take every string from it."""
    return i18n.catalogue(st.session_state.get("lang"))


# The filter panel ----------------------------------------------------------------------------------
def filter_panel(db: RoadmapDB, page_keys: tuple[str, ...] = ()) -> Filters:
    """Draw the sidebar filters once per rerun and return them as one value.  `page_keys`: link keys the
    page on screen owns (the measure page's `measure`), kept in the link beside the filters."""
    t = texts()
    known = db.options  # computed once when the data loaded: a rerun runs no SQL for the choices
    choices = known.choices
    _state_from_link(choices)
    for spec in FILTER_SPECS:
        _keep_on_screen(spec.key)
    names = value_names(known.data_names, t)
    with st.sidebar:
        st.header(t.FILTERS_HEADER)
        chosen: dict[str, object] = {}
        for spec in FILTER_SPECS:
            if spec.only_if_several and not choices.get(spec.key):
                continue
            label, help_text = getattr(t, spec.label), spec.help and getattr(t, spec.help)
            if spec.text:
                placeholder = getattr(t, f"{spec.label}_PLACEHOLDER", None)
                text = st.text_input(label, key=spec.key, max_chars=Q_MAX_CHARS, placeholder=placeholder,
                                     help=help_text)
                chosen[spec.key] = (text or "")[:Q_MAX_CHARS]
            else:
                shown_as = names.get(spec.key, {})
                chosen[spec.key] = tuple(st.multiselect(
                    label, choices[spec.key], key=spec.key, format_func=lambda v, s=shown_as: s.get(v, v)[:90],
                    help=help_text, placeholder=getattr(t, f"{spec.label}_PLACEHOLDER", t.FILTER_ANY),
                    max_selections=spec.max_values))
        filters = Filters(**chosen)
        shown = measure_count(filters)
        st.markdown(f"**{t.SHOWN.format(shown=int(shown), total=known.total_measures)}**")
        st.button(t.RESET, on_click=_reset, disabled=filters.is_empty, key="reset_filters")
    st.session_state[_FILTERS_KEY] = filters
    _link_from_state(filters, page_keys)
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


def _link_from_state(filters: Filters, page_keys: tuple[str, ...] = ()) -> None:
    wanted: dict[str, list[str]] = {}
    for key, value in parse_qsl(current_view(filters).query_string()):
        wanted.setdefault(key, []).append(value)
    for key in page_keys:
        if key in st.query_params:
            wanted[key] = st.query_params.get_all(key)[:1]
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _reset() -> None:
    for spec in FILTER_SPECS:
        _clear(spec.key)


def _clear(key: str) -> None:
    st.session_state[key] = "" if SPECS[key].text else []


WORDS_MAX_CHARS = 80  # a removable filter's words on screen; the brief and the sidebar keep them whole


def active_filters() -> None:
    """The filters in force, in words, at the top of a page's main area, right under its title («Акимат:
    Атырауская область»): on a phone the sidebar is folded away, and a forwarded link must still say what it
    shows.  Each is a button that removes it, then one that resets all; the words are the brief's
    (filters.in_words_by_key).  Nothing is drawn when no filter is set."""
    filters = current_filters()
    if filters.is_empty:
        return
    t = texts()
    rows = in_words_by_key(filters, value_names(database().options.data_names, t), t)
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key="active_filters"):
        st.markdown(f"**{t.ACTIVE_FILTERS}:**", width="content")
        for key, label, words in rows:
            shown = words if len(words) <= WORDS_MAX_CHARS else words[:WORDS_MAX_CHARS - 1] + "…"
            st.button(plain(f"{label}: {shown}"), key=f"drop_{key}", on_click=_clear, args=(key,),
                      help=t.ACTIVE_FILTER_REMOVE.format(label=label), icon=":material/close:",
                      icon_position="right")
        if len(rows) > 1:
            st.button(t.RESET_ALL, key="reset_filters_main", on_click=_reset, type="tertiary")


def current_filters() -> Filters:
    """The filters the entry script built in this rerun; pages never read widgets themselves."""
    return st.session_state.get(_FILTERS_KEY, Filters())


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$])")


def plain(text: str) -> str:
    """Text from the data made literal for Streamlit's Markdown (captions): no emphasis, link or HTML."""
    return _MARKDOWN.sub(r"\\\1", text)


def decree_notes(db: RoadmapDB) -> None:
    """The notes the decrees in view print under their tables, as written, beside the money figures."""
    t = texts()
    several = len(db.decrees) > 1
    for note in db.notes(current_filters().year):
        line = t.DECREE_NOTE.format(marker=note["marker"], text=note["text"])
        st.caption(plain(f"{note['year']} · {line}" if several else line))


def stop_if_empty(frame: pd.DataFrame | int) -> None:
    """The one empty state every page shows when the filters keep nothing (a frame, or a count of measures)."""
    if frame.empty if isinstance(frame, pd.DataFrame) else not frame:
        st.info(texts().NOTHING_FOUND)
        st.stop()


def page_of(total: int, size: int, key: str, label: str | None = None) -> tuple[int, int]:
    """A paged list's page number input (only when there is more than one page) and the page's row offset: the
    browser gets one page of rows, never a whole filtered set.  Back to the first page when filters narrow.
    `label`: the input's own name where a page has two lists (a screen reader lists both inputs by name)."""
    pages = math.ceil(total / size)
    if pages <= 1:
        return 1, 0
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = 1
    page = st.number_input(label or texts().MEASURES_PAGE, min_value=1, max_value=pages, step=1, key=key)
    return pages, (page - 1) * size


def page_range(text: str, pages: int, offset: int, shown: int, total: int) -> None:
    """Under a list of more than one page: which of its rows are in view, of how many (`text`, a catalogue's
    "… {first}–{last} … {total}")."""
    if pages > 1:
        t = texts()
        st.caption(text.format(first=t.number(offset + 1), last=t.number(offset + shown), total=t.number(total)))
