"""The dataset's contract, declared once column by column: type, whether it may be empty, the values it
may take and what it means.  The arrow schemas, the checks the loader runs before it writes and the app
runs before it reads, and the README's column table (tests/test_docs.py) all come from MEASURES and
LEGEND below."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from .regions import CANONICAL_ORDER, regions_on

SECTIONS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# In the order the filter lists them; the catalogues' labels follow it (tests/test_i18n.py).
FUNDING_CLASSES = ("budget_amount", "within_existing_funds", "extrabudgetary", "not_required", "unspecified")
LEGEND_KINDS = ("body", "budget")
DEADLINE_KINDS = ("window", "by_date", "periodic")
FREQUENCIES = ("monthly", "quarterly", "yearly", "ongoing")


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool
    meaning: str
    # A closed set of values (for a list column: of its items); empty when any value goes.
    allowed: tuple[str, ...] = ()
    # The values are the abbreviations of the bodies in the dataset's own legend, so they vary by decree.
    legend_body: bool = False
    # How a value outside `allowed` is named and what it should have been, in the check's sentence.
    noun: str = ""
    expected: str = ""

    def refusal(self, measure_no: int, value: object) -> str:
        expected = self.expected or f"one of {self.allowed}"
        return f"measure {measure_no}: {self.noun or self.name} {value!r} is not {expected}"


_STR, _INT, _TEXTS = pa.string(), pa.int32(), pa.list_(pa.string())

MEASURES: tuple[Column, ...] = (
    Column("measure_no", _INT, False, "the measure's number in the decree; unique within a roadmap year"),
    Column("section", _STR, False, "the section's roman numeral", SECTIONS, expected="a roman numeral"),
    Column("section_name", _STR, False, "the section's heading"),
    Column("direction", _INT, True, "the direction's number within its section, from 1; empty in a section "
           "without directions"),
    Column("direction_name", _STR, True, "the direction's heading; empty where direction is"),
    Column("title", _STR, False, "the measure's text, cleaned, with its sub-points"),
    Column("subpoints", _TEXTS, True, "the sub-points of the title, each on its own"),
    Column("completion_form", _STR, False, "the form of completion as written, e.g. «информация в МИОР»"),
    Column("report_to", _STR, False, "the body the measure reports to (an abbreviation from the legend: МИОР, АП)",
           legend_body=True, noun="report recipient", expected="a body in the legend"),
    Column("executors_raw", _STR, False, "the executors' cell as written"),
    Column("ministries", _TEXTS, False, "the executing ministries, other state bodies and organisations (national "
           "chambers, NGOs, quasi-public companies): legend abbreviations, in source order", legend_body=True,
           noun="executor", expected="a body in the legend"),
    Column("akimats", _TEXTS, False, "the executing akimats, one per region; «акиматы областей, городов "
           "Нур-Султана, Алматы и Шымкента» expands to every region of the decree's date", CANONICAL_ORDER,
           noun="akimat", expected="a known region"),
    Column("akimats_all_regions", pa.bool_(), False,
           "whether the akimats are all the regions that exist on the decree's date"),
    Column("executors_by_agreement", _TEXTS, False, "the executors marked «(по согласованию)», taking part by "
           "agreement: each one of ministries or executors_collective"),
    Column("executors_collective", _TEXTS, False, "executors named as a group, kept as written and not expanded "
           "(«заинтересованные государственные органы»)"),
    Column("deadline_raw", _STR, False, "the deadline's cell as written"),
    Column("deadline_start", pa.date32(), False, "the first day of the deadline's window"),
    Column("deadline_end", pa.date32(), False, "the last day of the deadline's window, not before its first"),
    Column("deadline_kind", _STR, False, "what the deadline is: a window of time, a fixed date («до 1 декабря», "
           "«к 1 июля»: the window ends on it) or a periodic deadline («ежеквартально»: the window is the plan's "
           "period)", DEADLINE_KINDS, noun="deadline kind"),
    Column("deadline_frequency", _STR, True, "how often a periodic deadline recurs; there exactly when deadline_kind "
           "is periodic", FREQUENCIES, noun="deadline frequency"),
    Column("deadline_report_day", _INT, True, "the day of the month after each period by which a periodic "
           "deadline's report is due («до 25 числа месяца, следующего за отчётным»)"),
    Column("cost_thousand_kzt", pa.float64(), True, "the estimated expenditure («Предполагаемые расходы») in thousand "
           "tenge, positive; there exactly when funding_class is budget_amount"),
    Column("funding_note", _STR, True, "the funding phrase, e.g. «в пределах предусмотренных средств»"),
    Column("funding_source", _STR, True, "the budgets named beside the amount (legend abbreviations: РБ, МБ)"),
    Column("funding_by_source", pa.list_(pa.struct([("source", _STR), ("amount_thousand_kzt", pa.float64())])), False,
           "each amount with the budget it comes from («РБ – 100 000,0; МБ – 50 000,0», or amounts and budgets in "
           "the same order), adding up to cost_thousand_kzt; empty where no amount has its own budget"),
    Column("funding_class", _STR, False, "what the funding cell says: an amount, a funding phrase's class, "
           "or nothing", FUNDING_CLASSES, noun="funding class"),
    Column("source_line_start", _INT, False, "the measure's first line in the source text"),
    Column("source_line_end", _INT, False, "the measure's last line in the source text"),
    Column("source_text", _STR, True, "the original lines, for provenance"),
    Column("roadmap_year", _INT, False, "the year the roadmap is for"),
)
LEGEND: tuple[Column, ...] = (
    Column("abbreviation", _STR, False, "an abbreviation the decree uses (МИОР, РБ)"),
    Column("full_name", _STR, True, "what it stands for, as the decree's legend spells it out"),
    Column("kind", _STR, False, "a state body (an executor or recipient) or a budget", LEGEND_KINDS),
)


def arrow_schema(columns: tuple[Column, ...]) -> pa.Schema:
    # Every arrow field stays nullable: emptiness is checked below with a sentence naming the measures,
    # and the files already written carry nullable fields.
    return pa.schema([(c.name, c.type) for c in columns])


MEASURES_SCHEMA = arrow_schema(MEASURES)
LEGEND_SCHEMA = arrow_schema(LEGEND)
NOT_NULL = tuple(c.name for c in MEASURES if not c.nullable)
_CLOSED = tuple(c for c in MEASURES if c.allowed or c.legend_body)


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
        if not entry["abbreviation"]:
            problems.append(f"a legend entry has no abbreviation (its full name: {entry['full_name']!r})")
        elif entry["kind"] not in LEGEND_KINDS:
            problems.append(
                f"legend entry {entry['abbreviation']!r}: kind {entry['kind']!r} is not one of {LEGEND_KINDS}"
            )
    rows = table.to_pylist()
    for name in NOT_NULL:
        nulls = [r["measure_no"] for r in rows if r[name] is None]
        if nulls:
            problems.append(f"column {name} is empty for measures {nulls[:5]}")
    # A measure is its roadmap's year and its number: every decree numbers its measures from 1.
    keys = [(r["roadmap_year"], r["measure_no"]) for r in rows]
    if len(set(keys)) != len(keys):
        repeated = sorted({k for k in keys if keys.count(k) > 1})[:5] if len(keys) < 5000 else []
        problems.append("measure numbers are not unique within a roadmap year"
                        + (f": {', '.join(f'{y} № {n}' for y, n in repeated)}" if repeated else ""))
    bodies = frozenset(r["abbreviation"] for r in legend_rows if r["kind"] == "body")
    budgets = frozenset(r["abbreviation"] for r in legend_rows if r["kind"] == "budget")
    allowed = {c.name: bodies if c.legend_body else frozenset(c.allowed) for c in _CLOSED}
    regions_of_the_day = set(regions_on(as_of)) if as_of is not None else set()
    for r in rows:
        no = r["measure_no"]
        for column in _CLOSED:
            value = r[column.name]
            if isinstance(column.type, pa.ListType):
                problems += [column.refusal(no, item) for item in value or [] if item not in allowed[column.name]]
            elif value not in allowed[column.name] and not (value is None and column.nullable):
                problems.append(column.refusal(no, value))
        if r["direction"] is not None and r["direction"] < 1:
            problems.append(f"measure {no}: direction {r['direction']} is not positive")
        if (r["cost_thousand_kzt"] is not None) != (r["funding_class"] == "budget_amount"):
            problems.append(f"measure {no}: an amount goes with funding class budget_amount and only with it")
        by_source = r["funding_by_source"] or []
        by_source_total = sum(p["amount_thousand_kzt"] or 0 for p in by_source)
        if by_source and abs(by_source_total - (r["cost_thousand_kzt"] or 0)) > 0.05:
            problems.append(f"measure {no}: the amounts by source do not add up to cost {r['cost_thousand_kzt']}")
        if strays := [p["source"] for p in by_source if p["source"] not in budgets]:
            problems.append(f"measure {no}: funding sources {strays} are not budgets in the legend")
        if r["cost_thousand_kzt"] is not None and not r["cost_thousand_kzt"] > 0:
            problems.append(f"measure {no}: cost {r['cost_thousand_kzt']} is not positive")
        if as_of is not None:
            gone = [a for a in r["akimats"] or [] if a not in regions_of_the_day]
            if gone:
                problems.append(f"measure {no}: akimats {gone} do not exist on {as_of:%Y-%m-%d}")
            if r["akimats_all_regions"] != (regions_of_the_day <= set(r["akimats"] or [])):
                problems.append(f"measure {no}: akimats_all_regions is {r['akimats_all_regions']}, "
                                f"but the akimats are{'' if not r['akimats_all_regions'] else ' not'} "
                                f"all regions of {as_of:%Y-%m-%d}")
        named = set(r["ministries"] or []) | set(r["executors_collective"] or [])
        if unnamed := [e for e in r["executors_by_agreement"] or [] if e not in named]:
            problems.append(f"measure {no}: executors by agreement {unnamed} are not among its executors")
        if not (r["ministries"] or r["akimats"] or r["executors_collective"]):
            problems.append(f"measure {no}: no executor")
        if r["deadline_start"] and r["deadline_end"] and r["deadline_start"] > r["deadline_end"]:
            problems.append(f"measure {no}: deadline ends before it starts")
        if (r["deadline_frequency"] is not None) != (r["deadline_kind"] == "periodic"):
            problems.append(f"measure {no}: a deadline frequency goes with deadline kind periodic and only with it")
        if r["deadline_report_day"] is not None and (r["deadline_kind"] != "periodic"
                                                     or not 1 <= r["deadline_report_day"] <= 31):
            problems.append(f"measure {no}: report day {r['deadline_report_day']} is not a day of a periodic deadline")
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
