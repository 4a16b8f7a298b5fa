import streamlit as st

from roadmap import charts, config, ui
from roadmap.ui import clicks

t = ui.texts()

filters = ui.current_filters()
st.title(t.PAGE_FUNDING)
ui.active_filters()  # the filters in force, in words, each removable: first under the title
ui.status_line(ui.current_filters())
ui.decree_notes(ui.database())
groups = ui.query("by_group", filters)
ui.stop_if_empty(groups)

st.caption(t.CLICK_HINT)
st.header(t.FUNDING_BY_GROUP)
clicks.chart(ui.figure(charts.funding_by_group, groups, t=t, narrow=ui.narrow()), "chart_funding_by_group",
             clicks.by("direction"))

st.header(t.FUNDING_SPLIT)
split = ui.query("funding_split", filters)
if (split.cost_thousand_kzt > 0).sum() > 1:
    left, right = st.columns(2)
    left.caption(t.FUNDING_SPLIT_COUNT)
    left.plotly_chart(ui.figure(charts.budget_split, split, "measures", t=t), key="chart_split_count")
    right.caption(t.FUNDING_SPLIT_AMOUNT)
    right.plotly_chart(ui.figure(charts.budget_split, split, "cost_thousand_kzt", t=t), key="chart_split_amount")
else:
    # Every amount is of one class (a decree gives amounts only for the budget): a donut of one colour
    # would say nothing, so the classes are shown against the directions instead, at full width.
    left, _ = st.columns(2)
    left.caption(t.FUNDING_SPLIT_COUNT)
    left.plotly_chart(ui.figure(charts.budget_split, split, "measures", t=t), key="chart_split_count")
    st.caption(t.FUNDING_CLASS_BY_GROUP)
    clicks.chart(ui.figure(charts.directions_by_class, ui.query("by_group_class", filters), t=t),
                 "chart_class_by_group", clicks.by("direction"))

st.header(t.FUNDING_CLASSES_TITLE)
clicks.chart(ui.figure(charts.funding_classes, ui.query("funding_classes", filters), t=t), "chart_funding_classes",
             clicks.by("funding"))

by_source = ui.query("funding_by_source", filters)
if by_source.source.notna().any():  # only where the decree gives amounts by budget
    st.header(t.FUNDING_BY_SOURCE)
    st.caption(t.FUNDING_BY_SOURCE_NOTE)
    st.plotly_chart(ui.figure(charts.funding_by_source, by_source, ui.database().legend.full_names, t=t),
                    key="chart_funding_by_source")

ranked = ui.query("ranked_costs", filters, limit=config.RANKED_MAX_BARS)
st.header(t.FUNDING_RANKED)
if ranked.empty:
    st.info(t.NO_AMOUNTS)
else:
    with_amount = int(ranked.with_amount.iloc[0])
    if with_amount > len(ranked):
        st.caption(t.RANKED_CUT.format(shown=len(ranked), total=t.number(with_amount)))
    clicks.measure_chart(ui.figure(charts.ranked_costs, ranked, t=t, narrow=ui.narrow()), "chart_ranked")
    st.header(t.FUNDING_TREEMAP)
    st.plotly_chart(ui.figure(charts.cost_treemap, ranked, groups, t=t, narrow=ui.narrow()), key="chart_treemap")
