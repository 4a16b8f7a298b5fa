"""Regions as of the decree's date, not its year: decrees dated on either side of each change.

The changes: the oblasts Абай, Жетісу and Ұлытау exist from 8 June 2022; the capital is Астана until
22 March 2019, Нур-Султан from 23 March 2019 to 16 September 2022, and Астана again from 17 September
2022.  Each decree below is a one-measure text (tests/decree.py) whose date is set on one side of a
change; "акиматы областей, городов …" must expand to that day's regions, and an akimat of a region that
did not exist that day is a located error.
"""
from __future__ import annotations

import math
from datetime import date

import pyarrow.parquet as pq
import pytest

from i18n import en, ru
from loaders.build import parse_text
from loaders.errors import LoadError
from loaders.regions import CANONICAL_ORDER, regions_on
from loaders.schema import check_measures
from roadmap import charts, geo
from roadmap.config import MAP_OUTLINE_TOLERANCE
from tests.conftest import ROOT
from tests.decree import decree

MONTHS = {3: "марта", 6: "июня", 9: "сентября"}
OLD_OBLASTS = [name for name in CANONICAL_ORDER if name.endswith("ая область")]
NEW_OBLASTS = ["область Абай", "область Жетісу", "область Ұлытау"]


def dated_decree(day: date, executors: str) -> str:
    body = f"1.\nФорум\n\nинформация\nв МИОР\n\n{executors}\n\nв течение года\n"
    text = decree(body, year=day.year)
    return text.replace(f"от 9 февраля {day.year} года", f"от {day.day} {MONTHS[day.month]} {day.year} года")


def first_row(day: date, executors: str) -> dict:
    measures, _, metadata = parse_text(dated_decree(day, executors))
    assert metadata["decree_date"] == day.isoformat()
    return measures.to_pylist()[0]


ALL = "акиматы областей, городов {capital}, Алматы и Шымкента"

# (decree date, capital as the text names it, the capital's canonical name, the oblasts of that day)
ALL_REGIONS_CASES = [
    (date(2019, 3, 22), "Астаны", "г. Астана", OLD_OBLASTS),
    (date(2019, 3, 23), "Нур-Султана", "г. Нур-Султан", OLD_OBLASTS),
    (date(2022, 6, 7), "Нур-Султана", "г. Нур-Султан", OLD_OBLASTS),
    (date(2022, 6, 8), "Нур-Султана", "г. Нур-Султан", OLD_OBLASTS + NEW_OBLASTS),
    (date(2022, 9, 16), "Нур-Султана", "г. Нур-Султан", OLD_OBLASTS + NEW_OBLASTS),
    (date(2022, 9, 17), "Астаны", "г. Астана", OLD_OBLASTS + NEW_OBLASTS),
]


@pytest.mark.parametrize(
    ("day", "capital", "canonical", "oblasts"), ALL_REGIONS_CASES, ids=[str(c[0]) for c in ALL_REGIONS_CASES]
)
def test_all_akimats_are_that_days_regions(day, capital, canonical, oblasts):
    row = first_row(day, ALL.format(capital=capital))
    assert row["akimats"] == oblasts + [canonical, "г. Алматы", "г. Шымкент"]
    assert row["akimats"] == regions_on(day)
    assert row["akimats_all_regions"] is True


# (decree date, executors, the region named, what the message must say)
NOT_YET_OR_NO_LONGER = [
    (date(2019, 3, 22), ALL.format(capital="Нур-Султана"), "г. Нур-Султан", "from 2019-03-23 to 2022-09-16"),
    (date(2019, 3, 23), ALL.format(capital="Астаны"), "г. Астана", "until 2019-03-22 and from 2022-09-17"),
    (date(2022, 6, 7), "акимат области Абай", "область Абай", "from 2022-06-08"),
    (date(2022, 6, 7), "акиматы Жетысуской и Карагандинской областей", "область Жетісу", "from 2022-06-08"),
    (date(2022, 9, 16), ALL.format(capital="Астаны"), "г. Астана", "until 2019-03-22 and from 2022-09-17"),
    (date(2022, 9, 17), ALL.format(capital="Нур-Султана"), "г. Нур-Султан", "from 2019-03-23 to 2022-09-16"),
]


@pytest.mark.parametrize(("day", "executors", "region", "lifetime"), NOT_YET_OR_NO_LONGER,
                         ids=[f"{c[0]}-{c[2]}" for c in NOT_YET_OR_NO_LONGER])
def test_an_akimat_that_did_not_exist_that_day_is_a_located_error(day, executors, region, lifetime):
    with pytest.raises(LoadError) as caught:
        parse_text(dated_decree(day, executors))
    assert caught.value.line is not None
    assert f"names {region}, which exists {lifetime}, not on the decree's date {day:%Y-%m-%d}" in caught.value.message


# (decree date, executors, akimats) the day after each change: the new names in either word order
NAMED = [
    (date(2022, 6, 8), "акимат области Абай", ["область Абай"]),
    (date(2022, 6, 8), "акиматы Абайской, Жетысуской и Улытауской областей", NEW_OBLASTS),
    (date(2022, 6, 8), "акиматы областей Абай, Жетісу и Ұлытау", NEW_OBLASTS),
    (date(2019, 3, 23), "акимат города Нур-Султана", ["г. Нур-Султан"]),
    (date(2022, 9, 17), "акимат города Астаны", ["г. Астана"]),
    (date(2019, 3, 22), "акимат г. Астаны", ["г. Астана"]),
]


@pytest.mark.parametrize(("day", "executors", "akimats"), NAMED, ids=[f"{c[0]}-{c[1]}" for c in NAMED])
def test_named_akimats(day, executors, akimats):
    row = first_row(day, executors)
    assert row["akimats"] == akimats
    assert row["akimats_all_regions"] is False


def test_listing_every_region_of_the_day_is_all_regions():
    oblasts = ", ".join(name.split()[0].replace("ая", "ой") for name in OLD_OBLASTS)
    row = first_row(date(2022, 6, 7), f"акиматы {oblasts} областей, городов Нур-Султана, Алматы и Шымкента")
    assert row["akimats"] == regions_on(date(2022, 6, 7)) and row["akimats_all_regions"] is True
    row = first_row(date(2022, 6, 8), f"акиматы {oblasts} областей, городов Нур-Султана, Алматы и Шымкента")
    assert row["akimats_all_regions"] is False  # three oblasts of that day are not named


def test_without_a_decree_date_the_regions_are_those_of_the_first_of_january():
    text = dated_decree(date(2022, 9, 17), ALL.format(capital="Нур-Султана"))
    text = text.replace("от 17 сентября 2022 года № 50", "№ 50")
    measures, _, metadata = parse_text(text)
    assert metadata["decree_date"] == ""
    assert measures.to_pylist()[0]["akimats"] == regions_on(date(2022, 1, 1))


@pytest.fixture(scope="module")
def build_2021():
    return pq.read_table(ROOT / "data" / "roadmap.parquet"), pq.read_table(ROOT / "data" / "roadmap_legend.parquet")


def test_schema_accepts_every_regions_name_and_checks_the_flag_against_a_date(build_2021):
    measures, legend = build_2021
    assert check_measures(measures, legend) == []
    assert check_measures(measures, legend, date(2021, 2, 9)) == []
    problems = check_measures(measures, legend, date(2022, 9, 17))
    assert any("do not exist on 2022-09-17" in p and "г. Нур-Султан" in p for p in problems)
    assert any("akimats_all_regions is True, but the akimats are not all regions of 2022-09-17" in p for p in problems)


def test_a_region_the_map_cannot_draw_is_listed_under_it():
    shapes = [("Акмолинская область", [[(70.0, 51.0), (71.0, 51.0), (71.0, 52.0), (70.0, 51.0)]])]
    points = [("г. Шымкент", 69.6, 42.3)]
    workload = {"Акмолинская область": 4, "г. Шымкент": 2, "область Абай": 3, "г. Астана": 1}
    assert charts.unmapped_regions(workload, shapes, points) == [("область Абай", 3), ("г. Астана", 1)]
    for t in (ru, en):
        fig = charts.region_map(workload, shapes, points, t=t)
        notes = [a.text for a in fig.layout.annotations if "область Абай" in a.text]
        assert notes == [t.MAP_NOT_DRAWN.format(regions="область Абай: 3, г. Астана: 1")]
        assert fig.layout.margin.b >= 40
    fig = charts.region_map({"Акмолинская область": 4}, shapes, points, t=ru)
    assert not [a for a in fig.layout.annotations if a.xref == "paper"]


def _from_segment(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    along = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
    return math.hypot(x - (x1 + along * dx), y - (y1 + along * dy))


def test_the_maps_outlines_keep_every_region_within_the_tolerance_with_fewer_points():
    full, _ = geo.region_geometry(tolerance=0)
    drawn, _ = geo.region_geometry()
    assert [name for name, _ in drawn] == [name for name, _ in full]
    for (name, rings), (_, originals) in zip(drawn, full, strict=True):
        for ring, original in zip(rings, originals, strict=True):
            assert ring[0] == original[0] and ring[-1] == original[-1], name
            assert 3 <= len(ring) <= len(original)
            # the kept points are points of the outline, in its order; each point left out between two of them lies
            # within the tolerance of the line joining them
            kept = [original.index(point) for point in ring[:-1]] + [len(original) - 1]
            assert kept == sorted(kept), name
            for first, last in zip(kept, kept[1:]):
                for point in original[first + 1:last]:
                    assert _from_segment(point, original[first], original[last]) <= MAP_OUTLINE_TOLERANCE, name
    points = [sum(len(r) for _, rings in shapes for r in rings) for shapes in (drawn, full)]
    assert points[0] < points[1] * 0.6, points  # what the browser is spared (6,231 points to 3,091)


def test_a_straight_run_of_points_is_its_two_ends_and_a_corner_stays():
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (3.0, 0.0)]
    assert geo.simplified(line, 0.01) == [(0.0, 0.0), (3.0, 0.0)]
    corner = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    assert geo.simplified(corner, 0.01) == corner
