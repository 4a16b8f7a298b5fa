"""A measure as a card (the Measures page, /measures?measure=29): its number and title as the heading, its
status in the chosen round in large type beside its history across the decree's rounds, a compact grid of
its facts, what each executor reported, and the decree's own lines last."""
from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc
import streamlit as st

from reporting.status import measure_status
from roadmap.filters import value_names

from .cached import reports_state, source_text
from .data import database
from .panel import plain, texts


def _executors(row: pd.Series) -> list[str]:
    """The measure's executors as the reports name them: its ministries, then its akimats."""
    return [*(row.ministries if row.ministries is not None else ()), *(row.akimats if row.akimats is not None else ())]


def history(row: pd.Series, latest: pd.DataFrame, rounds) -> pd.DataFrame:
    """The measure's status in every round of its decree, by the one rule (reporting.status.measure_status) over
    what each of its executors last reported for that round; with how many of them reported."""
    executors = _executors(row)
    mine = latest[(latest.roadmap_year == row.roadmap_year) & (latest.measure_no == row.measure_no)]
    out = []
    for day in rounds:
        said = mine[pd.to_datetime(mine["round"]).dt.date == day]
        reported = dict(zip(said.executor, said.status, strict=True))
        out.append({"round": day, "status": measure_status(reported, executors),
                    "reported": len(set(reported) & set(executors)), "expected": len(set(executors))})
    return pd.DataFrame(out, columns=["round", "status", "reported", "expected"])


def measure_card(row: pd.Series, several_years: bool) -> None:
    """Draw one measure (a row of the listed_measures relation) as a card."""
    t = texts()
    db = database()
    year, number = int(row.roadmap_year), int(row.measure_no)
    with st.container(border=True, key="measure_card"):
        st.subheader(plain(f"{t.measure(number, year if several_years else None)}. {row.title}"))

        # The status in the chosen round, prominently, and beside it how it went round by round.
        log = reports_state().latest  # only this measure's rows leave Arrow
        mine = pc.and_(pc.equal(log["roadmap_year"], year), pc.equal(log["measure_no"], number))
        latest = log.filter(mine).to_pandas()
        decree = db.report_decrees.get(year)
        rounds = list(decree.rounds) if decree else []
        now, past = st.columns([1, 2], gap="medium")
        chosen = pd.Timestamp(row.report_round).date() if pd.notna(row.report_round) else None
        now.metric(t.CARD_STATUS.format(round=t.day(chosen)) if chosen else t.COL_STATUS,
                   t.STATUS_NAMES[row.status],
                   help=t.PART_OF.format(part=int(row.reported_executors), whole=int(row.executor_count)))
        if rounds:
            past.markdown(f"**{t.CARD_HISTORY}**")
            steps = history(row, latest, rounds)
            past.dataframe(pd.DataFrame({
                t.COL_ROUND: [t.day(d) for d in steps["round"]],
                t.COL_STATUS: [t.STATUS_NAMES[s] for s in steps.status],
                t.COL_REPORTED: [t.PART_OF.format(part=r, whole=w) for r, w in zip(steps.reported, steps.expected,
                                                                                      strict=True)],
            }), hide_index=True, width="stretch", key="card_history")

        # The facts, as a compact grid (three columns on a desktop, one under another on a phone).
        groups = value_names(db.options.data_names, t).get("direction", {})
        money = [t.thousand_tenge(row.cost_thousand_kzt)] if pd.notna(row.cost_thousand_kzt) else []
        money += [t.FUNDING_CLASSES.get(row.funding_class, row.funding_class)]
        money += [row.funding_source] if isinstance(row.funding_source, str) and row.funding_source else []
        facts = [
            (t.COLUMNS["group"], groups.get(row.group_key, t.group_label(row.group_key))),
            (t.COLUMNS["completion_form"], row.completion_form),
            (t.COLUMNS["executors_raw"], row.executors_raw),
            (t.COLUMNS["deadline_raw"], row.deadline_raw),
            (t.COLUMNS["funding"], " · ".join(money)),
            (t.COLUMNS["report_to"], t.REPORT_TO.get(row.report_to, row.report_to)),
        ]
        grid = st.columns(3, gap="medium")
        for i, (label, value) in enumerate(facts):
            grid[i % 3].markdown(f"**{label}**  \n{plain(str(value))}")

        # What each executor reported for the chosen round (the reviewing of reports will add to this place).
        st.markdown(f"**{t.CARD_REPORTS}**")
        said = latest[(latest.roadmap_year == year) & (latest.measure_no == number)]
        if chosen is not None:
            said = said[pd.to_datetime(said["round"]).dt.date == chosen]
        by_executor = {r.executor: r for r in said.itertuples()}
        executors = _executors(row)
        if not by_executor:
            st.caption(t.CARD_REPORTS_NONE)
        else:
            st.dataframe(pd.DataFrame({
                t.COL_EXECUTOR: executors,
                t.COL_STATUS: [t.STATUS_NAMES[by_executor[e].status] if e in by_executor
                               else t.STATUS_NAMES["not_reported"] for e in executors],
                t.COL_SPENT: [t.number(by_executor[e].spent_thousand_kzt, 1) if e in by_executor else "—"
                              for e in executors],
                t.REPORT_COLUMNS["comment"]: [(by_executor[e].comment or "") if e in by_executor else ""
                                              for e in executors],
            }), hide_index=True, width="stretch", key="card_reports")

        # The decree's own lines, last.
        st.caption(t.MEASURE_SOURCE.format(start=row.source_line_start, end=row.source_line_end))
        st.code(source_text(year, number), language=None, wrap_lines=True)
