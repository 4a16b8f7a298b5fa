import re

import streamlit as st

from roadmap import config, exports, ui
from roadmap.ui import card, panel

t = ui.texts()
db = ui.database()

filters = ui.current_filters()
st.title(t.PAGE_MEASURES)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
ui.status_line(ui.current_filters())
total = ui.measure_count(filters)
ui.stop_if_empty(total)

# /measures?measure=29 opens that measure's detail, on the page of the table it is on ("2023-5" names the
# roadmap too, as the page writes it when several are loaded); read when it changes, so that a pick in the
# page afterwards is not undone.  Anything else in the link is ignored, as every unknown link value is.
linked = st.query_params.get("measure")
if linked != st.session_state.get("measure_link_seen"):
    st.session_state["measure_link_seen"] = linked
    wanted = re.fullmatch(r"(?:([0-9]{4})-)?([0-9]{1,6})", linked or "")
    if wanted:
        year = int(wanted.group(1)) if wanted.group(1) else None
        found = ui.query("measure_position", filters, measure_no=int(wanted.group(2)), measure_year=year)
        if len(found):
            st.session_state["measures_page"] = int(found.position.iloc[0]) // config.MEASURES_PAGE_SIZE + 1
            st.session_state["measure"] = (int(found.roadmap_year.iloc[0]), int(found.measure_no.iloc[0]))
        else:
            st.info(t.MEASURE_NOT_IN_VIEW.format(n=wanted.group(2)))

st.header(t.MEASURES_TABLE)
# The table is paged in DuckDB: the browser gets one page of rows, never the whole filtered set.
pages, offset = panel.page_of(total, config.MEASURES_PAGE_SIZE, "measures_page")
measures = ui.query("measure_page", filters, limit=config.MEASURES_PAGE_SIZE, offset=offset)
panel.page_range(t.MEASURES_PAGE_RANGE, pages, offset, len(measures), total)
# A measure is its roadmap's year and its number; the year is shown only when several decrees are loaded.
several_years = len(db.decrees) > 1
table = exports.export_frame(measures, t, for_spreadsheet=False)
if not several_years:
    table = table.drop(columns=[t.COLUMNS["roadmap_year"]])
columns = ("roadmap_year",) * several_years + ("measure_no", "title", "executors_raw", "deadline_raw",
                                               "cost_thousand_kzt", "funding")
shown = [t.COLUMNS[c] for c in columns]
keys = list(zip(measures.roadmap_year.astype(int), measures.measure_no.astype(int), strict=True))


def pick_row() -> None:  # a row clicked in the table opens its detail below
    rows = st.session_state["measure_table"]["selection"]["rows"]
    if rows and rows[0] < len(keys):
        st.session_state["measure"] = keys[rows[0]]


st.dataframe(
    table[shown], hide_index=True, width="stretch", height=min(600, 36 * len(table) + 40),
    key="measure_table", on_select=pick_row, selection_mode="single-row",
    column_config={
        t.COLUMNS["title"]: st.column_config.TextColumn(width="large"),
        t.COLUMNS["cost_thousand_kzt"]: st.column_config.NumberColumn(format="localized"),
    },
)

st.header(t.MEASURE_PICK)
if st.session_state.get("measure") not in keys:  # the filters or the page left the chosen measure out
    st.session_state.pop("measure", None)
titles = dict(zip(keys, measures.title, strict=True))
pick = st.selectbox(t.MEASURE_PICK, keys, format_func=lambda k: f"{t.measure(k[1], k[0] if several_years else None)}. "
                    f"{titles[k][:100]}", key="measure", label_visibility="collapsed")
position = keys.index(pick)
# The detail has a link of its own, naming the roadmap too when several are loaded.
own_link = f"{pick[0]}-{pick[1]}" if several_years else str(pick[1])
if st.query_params.get("measure") != own_link:
    st.query_params["measure"] = own_link
    st.session_state["measure_link_seen"] = own_link
card.measure_card(measures.iloc[position], several_years)
