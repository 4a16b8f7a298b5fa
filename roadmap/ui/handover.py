"""МИОР's own step of the round: the consolidated information for the Presidential Administration.

`deadline_lines` says on the Overview and the Execution page what is due next from the decree's calendar
(«До представления информации в АП (15 июля 2021 г.) осталось 8 дней» / «Срок прошёл; версия 1 выгружена
14 июля») and who has not reported or was returned for the round in view.  `handover` on the Execution page
links the live document for the view, lets a reviewer or editor freeze it as a version, and lists the round's
versions (reporting/versions.py; the document: reporting/round_report.py through roadmap/round_report.py).
"""
from __future__ import annotations

import logging
from datetime import date
from html import escape

import pandas as pd
import streamlit as st

from reporting import versions
from roadmap import round_report
from roadmap.filters import Filters, LinkView

from . import auth
from .cached import query, reports_state
from .data import database
from .panel import plain, texts

log = logging.getLogger("roadmap")
_FROZEN = "handover_frozen"
_NAMES_SHOWN = 8  # executors named in the line of who owes the round; the rest counted


def _chosen(filters: Filters) -> list[tuple[int, date]]:
    db = database()
    chosen = db.chosen_rounds(filters.round, reports_state())
    return [(year, chosen[year][0]) for year in sorted(chosen) if not filters.year or str(year) in filters.year]


def _handover_day(year: int, round_: date) -> tuple[date, str] | None:
    """The decree's own next step after the executors' date: (its date, to whom), e.g. (15 July, АП)."""
    steps = sorted((date.fromisoformat(str(e["date"])[:10]), e.get("recipient") or "")
                   for e in database().decrees.get(year, {}).get("reporting_calendar") or []
                   if (e.get("reporter") or "").strip())
    return next(((day, to) for day, to in steps if day >= round_), None)


def _names(executors: list[str]) -> str:
    t = texts()
    shown = ", ".join(executors[:_NAMES_SHOWN])
    return shown + (t.HANDOVER_MORE.format(n=len(executors) - _NAMES_SHOWN) if len(executors) > _NAMES_SHOWN else "")


def deadline_lines(filters: Filters) -> None:
    """What is due next, and who still owes the round in view (or was returned)."""
    t = texts()
    db = database()
    today = date.today()
    for year, round_ in _chosen(filters):
        step = _handover_day(year, round_)
        if step is None:
            continue
        day, to = step
        made = versions.versions(db.reports_dir, year, round_) if db.reports_dir else []
        if day >= today:
            line = t.HANDOVER_DUE.format(to=to, date=t.day(day), days=t.days((day - today).days))
        elif made:
            line = t.HANDOVER_PASSED_DONE.format(number=made[-1].number, date=t.day(made[-1].made_at.date()))
        else:
            line = t.HANDOVER_PASSED_NONE.format(to=to, date=t.day(day))
        missing = query("missing_reports", filters, as_of=round_ + pd.Timedelta(days=1))
        owing = sorted(set(missing[[pd.Timestamp(r).date() == round_ for r in missing["round"]]].executor)) \
            if not missing.empty else []
        mine = reports_state().round_submissions(year, round_)
        returned = []
        if not mine.empty:
            latest = mine.sort_values("submitted_at").groupby("executor").tail(1)
            returned = sorted(latest[latest.review_state == "returned"].executor)
        parts = [line]
        if owing:
            parts.append(t.HANDOVER_OWING.format(round=t.day(round_), executors=_names(owing)))
        if returned:
            parts.append(t.HANDOVER_RETURNED.format(executors=_names(returned)))
        with st.container(key=f"handover_deadline_{year}"):
            st.markdown(plain(" ".join(parts)))


def _links(kind_links: dict[str, str]) -> str:
    return " · ".join(f'<a class="roadmap-download" href="{escape(url, quote=True)}" download>{escape(label)}</a>'
                      for label, url in kind_links.items())


def handover(filters: Filters) -> None:
    """The live document for the view, the freeze button for those who may, and the round's versions."""
    t = texts()
    db = database()
    lang = st.session_state.get("lang")
    lang = lang if lang and lang != "ru" else None
    several = len(db.decrees) > 1
    for year, round_ in _chosen(filters):
        st.header(t.HANDOVER_HEADER.format(round=t.day(round_)) + (f" ({year})" if several else ""))
        st.caption(t.HANDOVER_NOTE)
        with st.container(key=f"handover_live_{year}"):
            st.markdown(_links({t.HANDOVER_DOCX: round_report.link("docx", round_, filters, lang, year=year),
                                t.HANDOVER_XLSX: round_report.link("xlsx", round_, filters, lang, year=year)}),
                        unsafe_allow_html=True)
        rights = auth.current_rights(db.executors()) if auth.signed_in() else None
        if rights is not None and rights.may_review:
            if st.button(t.HANDOVER_FREEZE, key=f"freeze_{year}", type="primary"):
                try:
                    made = round_report.freeze(db, LinkView(filters, lang), year, round_, texts(), rights.identity)
                except (OSError, ValueError, versions.StoreConflict):
                    log.exception("freezing the round %s of %s failed", round_, year)
                    st.error(t.HANDOVER_FREEZE_FAILED)
                else:
                    st.session_state[f"{_FROZEN}_{year}"] = made.number
                    st.rerun()
            if f"{_FROZEN}_{year}" in st.session_state:
                st.success(t.HANDOVER_FROZEN.format(number=st.session_state.pop(f"{_FROZEN}_{year}")))
        made = versions.versions(db.reports_dir, year, round_) if db.reports_dir else []
        if not made:
            st.caption(t.HANDOVER_NO_VERSIONS)
            continue
        show_who = auth.signed_in()
        rows = []
        for v in reversed(made):
            pairs = Filters(**_link_filters(v.filters))
            rows.append({
                t.HANDOVER_COL_NUMBER: v.number,
                t.HANDOVER_COL_WHEN: t.REPORTS_MOMENT.format(day=t.day(v.made_at.date()), time=f"{v.made_at:%H:%M}"),
                **({t.HANDOVER_COL_WHO: v.made_by} if show_who else {}),
                t.HANDOVER_COL_FILTERS: round_report.words(db, pairs, t) or t.HANDOVER_ALL,
                t.HANDOVER_DOCX: round_report.link("docx", round_, pairs, lang, v.number, year),
                t.HANDOVER_XLSX: round_report.link("xlsx", round_, pairs, lang, v.number, year),
            })
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"handover_versions_{year}",
                     column_config={t.HANDOVER_DOCX: st.column_config.LinkColumn(display_text="DOCX"),
                                    t.HANDOVER_XLSX: st.column_config.LinkColumn(display_text="XLSX")})


def _link_filters(query_string: str) -> dict:
    from urllib.parse import parse_qsl

    from roadmap.filters import SPECS

    values: dict = {}
    for key, value in parse_qsl(query_string):
        if key in SPECS:
            if SPECS[key].text:
                values[key] = value
            else:
                values.setdefault(key, ())
                values[key] = (*values[key], value)
    return values
