import streamlit as st

from roadmap import app, exports, texts

filters = app.current_filters()
st.title(texts.PAGE_MEASURES)
measures = app.query("measure_list", filters)
app.stop_if_empty(measures)

st.subheader(texts.MEASURES_TABLE)
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
full = app.database().source_text(int(pick))
st.caption(texts.MEASURE_SOURCE.format(start=row.source_line_start, end=row.source_line_end))
st.code(full, language=None)
