import math

import streamlit as st

from roadmap import app, config, exports, texts

filters = app.current_filters()
st.title(texts.PAGE_MEASURES)
total = int(app.kpis(filters)["measures"])
app.stop_if_empty(total)

st.subheader(texts.MEASURES_TABLE)
# The table is paged in DuckDB: the browser gets one page of rows, never the whole filtered set.
pages = math.ceil(total / config.MEASURES_PAGE_SIZE)
if pages > 1:
    if st.session_state.get("measures_page", 1) > pages:  # the filters narrowed: back to the first page
        st.session_state["measures_page"] = 1
    page = st.number_input(texts.MEASURES_PAGE, min_value=1, max_value=pages, step=1, key="measures_page")
else:
    page = 1
offset = (page - 1) * config.MEASURES_PAGE_SIZE
measures = app.query("measure_page", filters, limit=config.MEASURES_PAGE_SIZE, offset=offset)
if pages > 1:
    st.caption(texts.MEASURES_PAGE_RANGE.format(first=texts.number(offset + 1), last=texts.number(offset + len(measures)),
                                                total=texts.number(total)))
table = exports.export_frame(measures)
shown = [texts.COLUMNS[c] for c in ("measure_no", "title", "executors_raw", "deadline_raw", "cost_thousand_kzt", "funding")]
st.dataframe(
    table[shown], hide_index=True, width="stretch", height=min(600, 36 * len(table) + 40),
    column_config={
        texts.COLUMNS["title"]: st.column_config.TextColumn(width="large"),
        texts.COLUMNS["cost_thousand_kzt"]: st.column_config.NumberColumn(format="localized"),
    },
)

st.subheader(texts.MEASURE_PICK)
numbers = measures.measure_no.tolist()
titles = dict(zip(measures.measure_no, measures.title))
pick = st.selectbox(texts.MEASURE_PICK, numbers, format_func=lambda n: f"№ {n}. {titles[n][:100]}", key="measure",
                    label_visibility="collapsed")
row = measures[measures.measure_no == pick].iloc[0]
detail = table[table[texts.COLUMNS["measure_no"]] == pick].iloc[0]
for column, value in detail.items():
    st.text(f"{column}: {value if value == value and value is not None else '—'}")
full = app.source_text(int(pick))
st.caption(texts.MEASURE_SOURCE.format(start=row.source_line_start, end=row.source_line_end))
st.code(full, language=None)
