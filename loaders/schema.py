"""The dataset's contract: columns, types and allowed values, checked by the loader before it writes
and by the app before it reads."""
from __future__ import annotations

from datetime import date

import pyarrow as pa

from .normalise import FUNDING_CLASSES
from .regions import CANONICAL_ORDER, regions_on

SECTIONS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LEGEND_KINDS = ("body", "budget")

MEASURES_SCHEMA = pa.schema(
    [
        ("measure_no", pa.int32()),
        ("section", pa.string()),
        ("section_name", pa.string()),
        ("direction", pa.int32()),
        ("direction_name", pa.string()),
        ("title", pa.string()),
        ("subpoints", pa.list_(pa.string())),
        ("completion_form", pa.string()),
        ("report_to", pa.string()),
        ("executors_raw", pa.string()),
        ("ministries", pa.list_(pa.string())),
        ("akimats", pa.list_(pa.string())),
        ("akimats_all_regions", pa.bool_()),
        ("deadline_raw", pa.string()),
        ("deadline_start", pa.date32()),
        ("deadline_end", pa.date32()),
        ("cost_thousand_kzt", pa.float64()),
        ("funding_note", pa.string()),
        ("funding_source", pa.string()),
        ("funding_class", pa.string()),
        ("source_line_start", pa.int32()),
        ("source_line_end", pa.int32()),
        ("source_text", pa.string()),
        ("roadmap_year", pa.int32()),
    ]
)
NOT_NULL = {
    "measure_no", "section", "section_name", "title", "completion_form", "report_to", "executors_raw",
    "ministries", "akimats", "akimats_all_regions", "deadline_raw", "deadline_start", "deadline_end",
    "funding_class", "source_line_start", "source_line_end", "roadmap_year",
}

LEGEND_SCHEMA = pa.schema([("abbreviation", pa.string()), ("full_name", pa.string()), ("kind", pa.string())])


def check_measures(table: pa.Table, legend: pa.Table, as_of: date | None = None) -> list[str]:
    """Every way the table breaks the contract, as sentences; empty when it holds.

    Region names may be those of any date.  Given the decree's date (the loader knows it; a dataset of
    several decrees does not), the akimats must exist on that day and the all-regions flag must say
    whether every region of that day is among them.
    """
    problems = check_columns("legend", legend, LEGEND_SCHEMA) + check_columns("measures", table, MEASURES_SCHEMA)
    if problems:
        return problems
    if table.num_rows == 0:
        return ["the measures table has no rows"]
    legend_rows = legend.to_pylist()
    for entry in legend_rows:
        if entry["kind"] not in LEGEND_KINDS or not entry["abbreviation"]:
            problems.append(f"legend entry {entry['abbreviation']!r}: kind {entry['kind']!r} is not one of {LEGEND_KINDS}")
    rows = table.to_pylist()
    for name in NOT_NULL:
        nulls = [r["measure_no"] for r in rows if r[name] is None]
        if nulls:
            problems.append(f"column {name} is empty for measures {nulls[:5]}")
    numbers = [r["measure_no"] for r in rows]
    if len(set(numbers)) != len(numbers):
        problems.append("measure numbers are not unique")
    bodies = {r["abbreviation"] for r in legend_rows if r["kind"] == "body"}
    regions_of_the_day = set(regions_on(as_of)) if as_of is not None else set()
    for r in rows:
        no = r["measure_no"]
        if r["section"] not in SECTIONS:
            problems.append(f"measure {no}: section {r['section']!r} is not a roman numeral")
        if r["direction"] is not None and r["direction"] < 1:
            problems.append(f"measure {no}: direction {r['direction']} is not positive")
        if r["funding_class"] not in FUNDING_CLASSES:
            problems.append(f"measure {no}: funding class {r['funding_class']!r} is not one of {FUNDING_CLASSES}")
        if (r["cost_thousand_kzt"] is not None) != (r["funding_class"] == "budget_amount"):
            problems.append(f"measure {no}: an amount goes with funding class budget_amount and only with it")
        if r["cost_thousand_kzt"] is not None and not r["cost_thousand_kzt"] > 0:
            problems.append(f"measure {no}: cost {r['cost_thousand_kzt']} is not positive")
        if r["report_to"] not in bodies:
            problems.append(f"measure {no}: report recipient {r['report_to']!r} is not a body in the legend")
        for ministry in r["ministries"] or []:
            if ministry not in bodies:
                problems.append(f"measure {no}: executor {ministry!r} is not a body in the legend")
        for akimat in r["akimats"] or []:
            if akimat not in CANONICAL_ORDER:
                problems.append(f"measure {no}: akimat {akimat!r} is not a known region")
        if as_of is not None:
            gone = [a for a in r["akimats"] or [] if a not in regions_of_the_day]
            if gone:
                problems.append(f"measure {no}: akimats {gone} do not exist on {as_of:%Y-%m-%d}")
            if r["akimats_all_regions"] != (regions_of_the_day <= set(r["akimats"] or [])):
                problems.append(f"measure {no}: akimats_all_regions is {r['akimats_all_regions']}, "
                                f"but the akimats are{'' if not r['akimats_all_regions'] else ' not'} "
                                f"all regions of {as_of:%Y-%m-%d}")
        if not (r["ministries"] or r["akimats"]):
            problems.append(f"measure {no}: no executor")
        if r["deadline_start"] and r["deadline_end"] and r["deadline_start"] > r["deadline_end"]:
            problems.append(f"measure {no}: deadline ends before it starts")
        if not (r["title"] or "").strip():
            problems.append(f"measure {no}: empty title")
    return problems


def check_columns(name: str, table: pa.Table, schema: pa.Schema) -> list[str]:
    """Missing columns, else columns of another type, as sentences naming the table."""
    missing = [f.name for f in schema if f.name not in table.column_names]
    if missing:
        return [f"{name}: missing columns: {', '.join(missing)}"]
    return [
        f"{name}: column {f.name} is {table.schema.field(f.name).type}, expected {f.type}"
        for f in schema if not table.schema.field(f.name).type.equals(f.type)
    ]
