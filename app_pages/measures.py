from datetime import date

import streamlit as st

from roadmap import app, exports

t = app.texts()

filters = app.current_filters()
st.title(t.PAGE_MEASURES)
measures = app.query("measure_list", filters)
app.stop_if_empty(measures)

st.subheader(t.MEASURES_TABLE)
table = exports.export_frame(measures, t, for_spreadsheet=False)
shown = [t.COLUMNS[c] for c in ("measure_no", "title", "executors_raw", "deadline_raw", "cost_thousand_kzt", "funding")]
st.dataframe(
    table[shown], hide_index=True, width="stretch", height=min(600, 36 * len(table) + 40),
    column_config={
        t.COLUMNS["title"]: st.column_config.TextColumn(width="large"),
        t.COLUMNS["cost_thousand_kzt"]: st.column_config.NumberColumn(format="localized"),
    },
)

st.subheader(t.MEASURE_PICK)
numbers = measures.measure_no.tolist()
titles = dict(zip(measures.measure_no, measures.title))
pick = st.selectbox(t.MEASURE_PICK, numbers, format_func=lambda n: f"{t.MEASURE_NO.format(n=n)}. {titles[n][:100]}", key="measure",
                    label_visibility="collapsed")
row = measures[measures.measure_no == pick].iloc[0]
detail = table[table[t.COLUMNS["measure_no"]] == pick].iloc[0]
for column, value in detail.items():
    if value is None or value != value:
        value = "—"
    elif column == t.COLUMNS["cost_thousand_kzt"]:
        value = t.thousand_tenge(value)
    elif isinstance(value, date):
        value = t.day(value)
    st.text(f"{column}: {value}")
full = app.database().source_text(int(pick))
st.caption(t.MEASURE_SOURCE.format(start=row.source_line_start, end=row.source_line_end))
st.code(full, language=None)
