"""A measure as a card (the Measures page, /measures?measure=29): its number and title as the heading, its
status in the chosen round in large type beside its history across the decree's rounds, a compact grid of
its facts, what each executor reported, and the decree's own lines last."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from reporting.vocabulary import NOT_REPORTED
from roadmap.filters import value_names

from . import auth
from .cached import reports_state, source_text
from .data import database
from .panel import plain, texts


def _executors(row: pd.Series) -> list[str]:
    """The measure's executors as the reports name them: its ministries, then its akimats."""
    return [*(row.ministries if row.ministries is not None else ()), *(row.akimats if row.akimats is not None else ())]


def _of_measure(table: pa.Table, year: int, number: int) -> pd.DataFrame:
    """The rows of one measure; only these leave Arrow."""
    return table.filter(pc.and_(pc.equal(table["roadmap_year"], year), pc.equal(table["measure_no"], number))
                        ).to_pandas()


def history(statuses: pd.DataFrame, rounds, expected: int) -> pd.DataFrame:
    """The measure's status in every round of its decree (sql/reports/round_statuses.sql: what stands in each
    round, each executor's latest report at or before it), with how many executors' answers it rests on and
    the round the oldest carried answer was reported for."""
    by_round = {pd.Timestamp(r.round).date(): r for r in statuses.itertuples()}
    out = []
    for day in rounds:
        found = by_round.get(day)
        out.append({"round": day, "status": found.status if found else NOT_REPORTED,
                    "reported": int(found.reported_executors) if found else 0, "expected": expected,
                    "carried_from": pd.Timestamp(found.carried_from).date() if found and pd.notna(found.carried_from)
                    else None})
    return pd.DataFrame(out, columns=["round", "status", "reported", "expected", "carried_from"])


def measure_card(row: pd.Series, several_years: bool) -> None:
    """Draw one measure (a row of the listed_measures relation) as a card."""
    t = texts()
    db = database()
    year, number = int(row.roadmap_year), int(row.measure_no)
    with st.container(border=True, key="measure_card"):
        st.subheader(plain(f"{t.measure(number, year if several_years else None)}. {row.title}"))

        # The status in the chosen round, prominently, and beside it how it went round by round.
        state = reports_state()
        decree = db.report_decrees.get(year)
        rounds = list(decree.rounds) if decree else []
        now, past = st.columns([1, 2], gap="medium")
        chosen = pd.Timestamp(row.report_round).date() if pd.notna(row.report_round) else None
        carried = pd.Timestamp(row.status_carried_from).date() if pd.notna(row.status_carried_from) else None
        now.metric(t.CARD_STATUS.format(round=t.day(chosen)) if chosen else t.COL_STATUS,
                   t.STATUS_NAMES[row.status],
                   help=t.PART_OF.format(part=int(row.reported_executors), whole=int(row.executor_count)))
        if carried:
            now.caption(t.STATUS_CARRIED.format(date=t.day(carried)))
        if rounds:
            past.markdown(f"**{t.CARD_HISTORY}**")
            steps = history(_of_measure(state.statuses, year, number), rounds, int(row.executor_count))
            past.dataframe(pd.DataFrame({
                t.COL_ROUND: [t.day(d) for d in steps["round"]],
                t.COL_STATUS: [t.STATUS_NAMES[s] + (f" ({t.STATUS_CARRIED.format(date=t.day(c))})" if c else "")
                               for s, c in zip(steps.status, steps.carried_from, strict=True)],
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

        # What each executor reported, round by round: what stands in each round (a carried answer says from
        # which), with when it came and whether МИОР has reviewed it; who sent it only to those signed in.
        st.markdown(f"**{t.CARD_REPORTS}**")
        said = _of_measure(state.standing, year, number)
        if said.empty:
            st.caption(t.CARD_REPORTS_NONE)
        else:
            said = said.sort_values(["round", "executor"])
            table = {
                t.COL_ROUND: [t.day(pd.Timestamp(r).date()) for r in said["round"]],
                t.COL_EXECUTOR: said.executor,
                t.COL_STATUS: [t.STATUS_NAMES[s] + (f" ({t.STATUS_CARRIED.format(date=t.day(pd.Timestamp(c).date()))})"
                                                    if pd.notna(c) else "")
                               for s, c in zip(said.status, said.carried_from, strict=True)],
                t.COL_SPENT: [t.number(v, 1) if pd.notna(v) else "—" for v in said.spent_thousand_kzt],
                t.REPORT_COLUMNS["comment"]: said.comment.fillna(""),
                t.COL_SUBMITTED_AT: [t.REPORTS_MOMENT.format(day=t.day(m.date()), time=f"{m:%H:%M}")
                                     for m in pd.to_datetime(said.submitted_at, utc=True).dt.tz_convert(None)],
                t.COL_REVIEW: [t.REVIEW_STATES[s] for s in said.review_state],
            }
            if auth.signed_in():
                table[t.COL_SUBMITTER] = said.submitter
            st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key="card_reports")

        # The decree's own lines, last.
        st.caption(t.MEASURE_SOURCE.format(start=row.source_line_start, end=row.source_line_end))
        st.code(source_text(year, number), language=None, wrap_lines=True)
