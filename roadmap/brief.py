"""The printable brief of the current view: one self-contained HTML file (no script, no network) that
prints cleanly on A4 portrait — the selection in words, the key figures, the execution as reported for the
round shown, two bar charts drawn as inline SVG, then the list of measures from a new page.  Pure: data and
the language catalogue in, text out."""
from __future__ import annotations

from datetime import date
from html import escape
from types import ModuleType

import pandas as pd

from reporting.vocabulary import MEASURE_STATUSES, NOT_REPORTED

from .charts import group_colour
from .filters import Filters, in_words

TABLE_ROWS_MAX = 300  # a brief is for paper; the full list is in the CSV/XLSX downloads
WORKLOAD_BARS = 10

_CSS = """
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #1a1a1a; margin: 0; }
main { max-width: 186mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.4mm solid #0072ce; padding-bottom: 1mm; }
.source, .prepared { color: #555; font-size: 8.5pt; margin: 0 0 1mm; }
dl.selection { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dl.selection dt { font-weight: bold; }
dl.selection dd { margin: 0; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
.kpi { border: 0.3mm solid #c9d3dd; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.kpi .label { font-size: 8.5pt; color: #555; }
.kpi .value { font-size: 15pt; font-weight: bold; margin-top: 1mm; }
.kpi .sub { font-size: 8pt; color: #555; }
figure { margin: 0; break-inside: avoid; }
svg { width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: #1a1a1a; }
.note { color: #555; font-size: 8.5pt; }
section.measures { break-before: page; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
thead { display: table-header-group; }
th { text-align: left; background: #eef3f8; border-bottom: 0.4mm solid #0072ce; padding: 1.2mm 1.5mm; }
td { border-bottom: 0.2mm solid #d9d9d9; padding: 1.2mm 1.5mm; vertical-align: top; }
tr { break-inside: avoid; }
td.no, td.money, td.status { white-space: nowrap; }
td.money, th.money { text-align: right; }
@media screen { body { background: #f4f6f8; } \
main { background: #fff; padding: 12mm; margin: 8mm auto; box-shadow: 0 0 4mm #ccd; } }
"""


def render(filters: Filters, measures: pd.DataFrame, kpis: dict, groups: pd.DataFrame, workload: pd.DataFrame,
           metadata: dict, total_measures: int, labels: dict[str, dict[str, str]], t: ModuleType,
           today: date | None = None, notes: list[dict] | None = None) -> bytes:
    """The brief as UTF-8 HTML.  `labels` maps a filter key to {value: label} for the selection in words;
    `notes` are the decrees' notes (RoadmapDB.notes), printed as written under the money figures; by default
    those of `metadata`."""
    notes = notes if notes is not None else metadata.get("notes") or []
    today = today or date.today()
    parts = [
        f'<!DOCTYPE html><html lang="{t.LANGUAGE_CODE}"><head><meta charset="utf-8">',
        f"<title>{escape(t.BRIEF_HEADING)} — {escape(t.APP_TITLE)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{escape(t.APP_TITLE)}</h1>",
        f'<p class="source">{escape(_source(metadata, t))}</p>',
        f'<p class="prepared">{escape(t.BRIEF_PREPARED.format(date=t.day(today)))}</p>',
        f"<h2>{escape(t.BRIEF_FILTERS)}</h2>",
        _selection(filters, labels, t),
        f"<h2>{escape(t.BRIEF_KPIS)}</h2>",
        _kpis(kpis, total_measures, t),
        *_notes(notes, t),
    ]
    if len(measures):
        parts += [
            *_execution(measures, t),
            f"<h2>{escape(t.FUNDING_BY_GROUP)}</h2>",
            _figure(_bars([(t.group_label(k), v, group_colour(k))
                           for k, v in zip(groups.group_key, groups.cost_thousand_kzt)],
                          lambda v: t.number(v, 1))),
            f"<h2>{escape(t.BRIEF_WORKLOAD)}</h2>",
            _figure(_bars([(e, n, "#1f77b4") for e, n in zip(workload.executor.head(WORKLOAD_BARS),
                                                             workload.measures.head(WORKLOAD_BARS))],
                          lambda v: t.number(v))),
            _table(measures, t),
        ]
    else:
        parts.append(f'<p class="note">{escape(t.NOTHING_FOUND)}</p>')
    parts += [f'<p class="note">{escape(t.DATA_LANGUAGE_NOTE)}</p>', "</main></body></html>"]
    return "\n".join(parts).encode("utf-8")


def _reported(measures: pd.DataFrame) -> bool:
    return "status" in measures and bool((measures.status != NOT_REPORTED).any())


def _rounds(measures: pd.DataFrame, t: ModuleType) -> str:
    """The round each decree in view shows its status for; with several decrees, each after its year (their
    calendars differ, so one date would misstate the others)."""
    if "report_round" not in measures:
        return ""
    shown = measures.dropna(subset=["report_round"]).drop_duplicates(["roadmap_year", "report_round"])
    days = [(int(r.roadmap_year), t.day(pd.Timestamp(r.report_round).date()))
            for r in shown.sort_values("roadmap_year").itertuples()]
    if len(days) == 1:
        return days[0][1]
    return "; ".join(f"{year}: {day}" for year, day in days)


def _execution(measures: pd.DataFrame, t: ModuleType) -> list[str]:
    """How far the measures in view are carried out, by the executors' reports for the round shown: the
    measures of each status, or one sentence while nobody has reported on them.  A decree without a
    reporting calendar has no round and nothing to say here."""
    rounds = _rounds(measures, t)
    if not rounds:
        return []
    if not _reported(measures):
        return [f'<p class="note">{escape(t.BRIEF_EXECUTION_NONE.format(round=rounds))}</p>']
    counts = measures.status.value_counts()
    rows = "".join(f"<dt>{escape(t.STATUS_NAMES[code])}</dt>"
                   f"<dd>{escape(t.PART_OF.format(part=int(counts.get(code, 0)), whole=len(measures)))}</dd>"
                   for code in MEASURE_STATUSES)
    return [f"<h2>{escape(t.BRIEF_EXECUTION)}</h2>",
            f'<p class="prepared">{escape(t.BRIEF_EXECUTION_ROUND.format(round=rounds))}</p>',
            f'<dl class="selection execution">{rows}</dl>']


def _notes(notes: list[dict], t: ModuleType) -> list[str]:
    several = len({note.get("year") for note in notes}) > 1
    lines = []
    for note in notes:
        line = t.DECREE_NOTE.format(marker=note["marker"], text=note["text"])
        if several:
            line = f"{note['year']} · {line}"
        lines.append(f'<p class="note">{escape(line)}</p>')
    return lines


def _source(metadata: dict, t: ModuleType) -> str:
    if not metadata.get("decree_date"):
        return ""
    return t.SOURCE_NOTE.format(date=t.day_attr(date.fromisoformat(metadata["decree_date"])),
                                number=metadata.get("decree_number", ""))


def _selection(filters: Filters, labels: dict[str, dict[str, str]], t: ModuleType) -> str:
    rows = in_words(filters, labels, t)
    if not rows:
        return f"<p>{escape(t.BRIEF_NO_FILTERS)}</p>"
    return '<dl class="selection">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"


def _kpis(k: dict, total: int, t: ModuleType) -> str:
    measures, budget = int(k["measures"]), int(k["budget_measures"])
    boxes = [
        (t.KPI_MEASURES, t.PART_OF.format(part=measures, whole=total), ""),
        (t.KPI_COST, t.number(k["cost_thousand_kzt"] / 1000, 1), t.thousand_tenge(k["cost_thousand_kzt"])),
        (t.KPI_BUDGET_SHARE, t.percent(budget, measures), t.PART_OF.format(part=budget, whole=measures)),
        (t.KPI_EXECUTORS, str(int(k["executors"])), ""),
    ]
    return '<div class="kpis">' + "".join(
        f'<div class="kpi"><div class="label">{escape(label)}</div><div class="value">{escape(value)}</div>'
        f'<div class="sub">{escape(sub)}</div></div>' for label, value, sub in boxes
    ) + "</div>"


def _figure(svg: str) -> str:
    return f"<figure>{svg}</figure>"


def _bars(items: list[tuple[str, float, str]], fmt) -> str:
    """A horizontal bar chart as inline SVG: label, bar to scale, value."""
    row, label_w, bar_w, value_w = 22, 250, 330, 110
    width, height = label_w + bar_w + value_w, row * len(items) + 6
    top = max([v for _, v, _ in items] + [0]) or 1
    out = [f'<svg viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img">']
    for i, (label, value, colour) in enumerate(items):
        y = 3 + i * row
        shown = label if len(label) <= 38 else label[:37] + "…"
        length = max(0.0, bar_w * float(value) / top)
        out.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(shown)}</text>'
                   f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 7}" fill="{colour}"/>'
                   f'<text x="{label_w + length + 6:.1f}" y="{y + 15}">{escape(fmt(value))}</text>')
    out.append("</svg>")
    return "".join(out)


def _table(measures: pd.DataFrame, t: ModuleType) -> str:
    shown = measures.head(TABLE_ROWS_MAX)
    # A column of "not reported" on every row says nothing the sentence above does not.
    with_status = _reported(measures)
    head = [t.COLUMNS["measure_no"], t.COLUMNS["title"], t.COLUMNS["executors_raw"], t.COLUMNS["deadline_raw"],
            t.COLUMNS["cost_thousand_kzt"]] + [t.COLUMNS["status"]] * with_status
    several_years = "roadmap_year" in shown and shown.roadmap_year.nunique() > 1

    def number(r) -> str:  # a measure is its year and its number where several roadmaps are listed
        return f"{int(r.roadmap_year)} · {int(r.measure_no)}" if several_years else str(int(r.measure_no))

    def status(r) -> str:
        return f'<td class="status">{escape(t.STATUS_NAMES.get(r.status, r.status))}</td>' if with_status else ""

    rows = "".join(
        f'<tr><td class="no">{number(r)}</td><td>{escape(r.title)}</td><td>{escape(r.executors_raw)}</td>'
        f'<td>{escape(r.deadline_raw)}</td><td class="money">'
        f'{escape(t.number(r.cost_thousand_kzt, 1) if pd.notna(r.cost_thousand_kzt) else "")}</td>{status(r)}</tr>'
        for r in shown.itertuples()
    )
    note = ""
    if len(measures) > len(shown):
        note = f'<p class="note">{escape(t.PART_OF.format(part=len(shown), whole=len(measures)))}</p>'
    return (f'<section class="measures"><h2>{escape(t.BRIEF_TABLE)}</h2><table><thead><tr>'
            + "".join(f'<th{" class=money" if i == 4 else ""}>{escape(h)}</th>' for i, h in enumerate(head))
            + f"</tr></thead><tbody>{rows}</tbody></table>{note}</section>")
