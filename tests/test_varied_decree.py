"""The forms real roadmaps vary in, each read field for field from tests/fixtures/roadmap_2022_varied.txt (a
decree written for these tests, not a copy of the 2021 text): deadlines over several years, periodic and
fixed dates, organisations taking part by agreement, collective executors, amounts by source, a
letter-spaced abbreviation next to punctuation.  And what the loader still does not know stops it with the
line and the form quoted."""
from __future__ import annotations

from datetime import date

import pytest

from loaders.build import parse_file, parse_text
from loaders.errors import LoadError
from loaders.schema import MEASURES_SCHEMA
from tests.conftest import ROOT
from tests.decree import decree

FIXTURE = ROOT / "tests" / "fixtures" / "roadmap_2022_varied.txt"
MEASURES, LEGEND, METADATA = parse_file(FIXTURE)
ROWS = {r["measure_no"]: r for r in MEASURES.to_pylist()}


def by_source(*pairs):
    return [{"source": source, "amount_thousand_kzt": amount} for source, amount in pairs]


def test_the_fixture_builds_under_the_contract():
    assert MEASURES.schema.equals(MEASURES_SCHEMA) and sorted(ROWS) == list(range(1, 10))
    assert METADATA["roadmap_year"] == "2022" and METADATA["decree_date"] == "2022-04-14"


# measure → (deadline_raw, start, end, kind, frequency, report day)
DEADLINES = {
    1: ("2022 – 2023 годы", date(2022, 1, 1), date(2023, 12, 31), "window", None, None),
    2: ("в течение 2022 – 2023 годов", date(2022, 1, 1), date(2023, 12, 31), "window", None, None),
    3: ("ежеквартально, до 25 числа месяца, следующего за отчётным", date(2022, 1, 1), date(2022, 12, 31),
        "periodic", "quarterly", 25),
    4: ("ежемесячно", date(2022, 1, 1), date(2022, 12, 31), "periodic", "monthly", None),
    5: ("до 1 декабря 2022 года", date(2022, 1, 1), date(2022, 12, 1), "by_date", None, None),
    6: ("к 1 июля 2022 года", date(2022, 1, 1), date(2022, 7, 1), "by_date", None, None),
    7: ("ежегодно", date(2022, 1, 1), date(2022, 12, 31), "periodic", "yearly", None),
    8: ("постоянно", date(2022, 1, 1), date(2022, 12, 31), "periodic", "ongoing", None),
    9: ("2022–2024 годы", date(2022, 1, 1), date(2024, 12, 31), "window", None, None),
}


@pytest.mark.parametrize("number", sorted(DEADLINES))
def test_deadline(number):
    row = ROWS[number]
    assert (row["deadline_raw"], row["deadline_start"], row["deadline_end"], row["deadline_kind"],
            row["deadline_frequency"], row["deadline_report_day"]) == DEADLINES[number]


# measure → (executors_raw, ministries, akimats count, by agreement, collective)
EXECUTORS = {
    1: ("МОН, МИОР", ["МОН", "МИОР"], 0, [], []),  # «М О Н,» rejoined, not the unknown «МО»
    2: ("НПП (по согласованию), МКС", ["НПП", "МКС"], 0, ["НПП"], []),
    3: ("заинтересованные государственные органы", [], 0, [], ["заинтересованные государственные органы"]),
    4: ("МЗ, (МКС)", ["МЗ", "МКС"], 0, [], []),  # «( М К С )» rejoined
    5: ("МЗ, акиматы областей, городов Нур-Султана, Алматы и Шымкента", ["МЗ"], 17, [], []),
    6: ("РОО (по согласованию)", ["РОО"], 0, ["РОО"], []),
    7: ("местные исполнительные органы (по согласованию)", [], 0, ["местные исполнительные органы"],
        ["местные исполнительные органы"]),
    8: ("МИОР", ["МИОР"], 0, [], []),
    9: ("МЦРИАП, НПП (по согласованию)", ["МЦРИАП", "НПП"], 0, ["НПП"], []),
}


@pytest.mark.parametrize("number", sorted(EXECUTORS))
def test_executors(number):
    row = ROWS[number]
    assert (row["executors_raw"], row["ministries"], len(row["akimats"]), row["executors_by_agreement"],
            row["executors_collective"]) == EXECUTORS[number]


def test_organisations_outside_the_government_come_from_the_legend():
    kinds = {r["abbreviation"]: r["kind"] for r in LEGEND.to_pylist()}
    assert kinds["НПП"] == kinds["РОО"] == "body" and kinds["МБ"] == "budget"


# measure → (cost, funding_source, by source, class)
FUNDING = {
    1: (150000.0, "РБ, МБ", by_source(("РБ", 100000.0), ("МБ", 50000.0)), "budget_amount"),  # «РБ – …; МБ – …»
    2: (100000.0, "РБ, МБ", by_source(("РБ", 60000.0), ("МБ", 40000.0)), "budget_amount"),  # columns 6 and 7
    3: (None, None, [], "within_existing_funds"),
    5: (25000.0, "РБ", by_source(("РБ", 25000.0)), "budget_amount"),
    6: (None, None, [], "extrabudgetary"),
    8: (None, None, [], "unspecified"),
    9: (12000.0, "РБ", by_source(("РБ", 12000.0)), "budget_amount"),
}


@pytest.mark.parametrize("number", sorted(FUNDING))
def test_funding(number):
    row = ROWS[number]
    assert (row["cost_thousand_kzt"], row["funding_source"], row["funding_by_source"],
            row["funding_class"]) == FUNDING[number]


def row(body: str) -> dict:
    return parse_text(decree(body))[0].to_pylist()[0]


HEAD = "1.\nТитул\n\nинформация\nв МИОР\n\n"


def test_one_amount_beside_two_budgets_is_not_split():
    assert row(HEAD + "МОН в течение года 100,0\nРБ, МБ\n")["funding_by_source"] == []


def test_several_amounts_beside_one_budget_are_all_from_it():
    measure = row(HEAD + "МОН в течение года 100,0 50,0\nРБ\n")
    assert (measure["cost_thousand_kzt"], measure["funding_by_source"]) == (150.0, by_source(("РБ", 100.0),
                                                                                              ("РБ", 50.0)))


@pytest.mark.parametrize(("body", "line", "fragment"), [
    (HEAD + "МОН\n\nпо мере необходимости\n", 42, "deadline 'по мере необходимости' is a form this loader does not"),
    (HEAD + "МОН\n\nраз в полгода\n\n15 000,0\nРБ\n", 42, "deadline 'раз в полгода' is a form"),
    (HEAD + "МОН в течение года 100,0 200,0 300,0\nРБ МБ\n", 40, "names 3 amounts and 2 budgets"),
    (HEAD + "МОН\n\n2022 – 2021 годы\n", 42, "ends before it starts"),
    (HEAD + "МОН\n\nежемесячно, до 32 числа месяца, следующего за отчётным\n", 42, "day 32"),
    (HEAD + "прочие участники\n\nв течение года\n", 40, "executor 'прочие'"),
], ids=["unknown deadline", "unknown deadline before an amount", "amounts and budgets differ in number",
        "years backwards", "no such day", "unknown collective phrase"])
def test_what_the_loader_does_not_know_names_the_line_and_quotes_the_cell(body, line, fragment):
    with pytest.raises(LoadError) as caught:
        parse_text(decree(body))
    assert (caught.value.line, fragment in caught.value.message) == (line, True), caught.value.message


def test_the_query_layer_totals_by_source_and_lists_the_marked_executors(tmp_path):
    """What the Funding and Executors pages show for this decree, from the same SQL they run."""
    from loaders.build import main
    from roadmap.filters import Filters
    from roadmap.queries import RoadmapDB

    out = tmp_path / "roadmap_2022.parquet"
    assert main([str(FIXTURE), "--out", str(out)]) == 0
    db = RoadmapDB.open(out)
    totals = db.filtered("funding_by_source", Filters())
    assert list(zip(totals.source, totals.cost_thousand_kzt, totals.amounts)) == [("РБ", 197000.0, 4),
                                                                                 ("МБ", 90000.0, 2)]
    marked = db.filtered("executors_marked", Filters())
    assert sorted(zip(marked.executor, marked.mark, marked.measures)) == sorted([
        ("НПП", "by_agreement", 2), ("РОО", "by_agreement", 1), ("местные исполнительные органы", "by_agreement", 1),
        ("заинтересованные государственные органы", "collective", 1),
        ("местные исполнительные органы", "collective", 1),
    ])
    bars = db.filtered("gantt_measures", Filters(), limit=100)
    assert dict(zip(bars.measure_no, bars.deadline_kind)) == {n: d[3] for n, d in DEADLINES.items()}


def test_the_cli_names_the_line_and_quotes_an_unknown_deadline(tmp_path, capsys):
    from loaders.build import main

    source = tmp_path / "decree.txt"
    source.write_text(decree(HEAD + "МОН\n\nпо мере необходимости\n"), encoding="utf-8")
    assert main([str(source), "--out", str(tmp_path / "out.parquet")]) == 1
    assert capsys.readouterr().err.startswith(
        f"error: {source}:42: measure 1: deadline 'по мере необходимости' is a form this loader does not know")
    assert not (tmp_path / "out.parquet").exists()


@pytest.fixture
def app_on_the_varied_decree(tmp_path, monkeypatch):
    from loaders.build import main
    from roadmap import config, ui

    out = tmp_path / "roadmap_2022.parquet"
    assert main([str(FIXTURE), "--out", str(out)]) == 0
    monkeypatch.setattr(config, "MEASURES_PARQUET", str(out))
    ui.data.database.clear()
    ui.cached.clear()
    yield
    ui.data.database.clear()
    ui.cached.clear()


def test_every_page_runs_on_the_varied_decree(app_on_the_varied_decree):
    """Every page on the decree with every varied form, no exception; what the three pages add is there."""
    import json

    from i18n import ru
    from tests.helpers import PAGES, run_page

    for page in PAGES:
        at = run_page(page)
        assert not at.exception, (page, [e.value for e in at.exception])
        if page.endswith("timeline.py"):
            assert ru.GANTT_KINDS_NOTE in [c.value for c in at.caption]
            figure = json.loads(next(c for c in at.get("plotly_chart") if c.key == "chart_gantt").proto.spec)
            drawn = {trace.get("marker", {}).get("symbol") for trace in figure["data"] if trace["type"] == "scatter"}
            assert "diamond" in drawn
        if page.endswith("executors.py"):
            assert ru.EXECUTORS_MARKED in [h.value for h in at.header]
        if page.endswith("funding.py"):
            assert any(c.key == "chart_funding_by_source" for c in at.get("plotly_chart"))
