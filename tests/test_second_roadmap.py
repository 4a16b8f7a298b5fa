"""A second, independent roadmap decree: the loader must parse another year's text in the same layout.

The fixture (tests/fixtures/roadmap_2023_other.txt) is a 2023 roadmap with its own legend (МФ, МНЭ,
МП, МНВО, МКИ, АРРФР, НБ, АП; budgets РБ and МБ), named akimats including the oblasts created in 2022,
funding sources after the amounts, other deadline forms, and the same extraction damage as the 2021
text: spaced letters, torn quotes, glued cells, rows crossing a page break with the column header
repeated, numbered sub-points.

Every expected value below was written by reading the fixture, not by running the loader.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from loaders.build import parse_file

FIXTURE = Path(__file__).parent / "fixtures" / "roadmap_2023_other.txt"

YEAR = (date(2023, 1, 1), date(2023, 12, 31))

# "акиматы областей, городов Астаны, Алматы и Шымкента" in 2023: the 17 oblasts (three of them
# created in 2022) and the three cities of republican significance, in regions.py's canonical order.
ALL_REGIONS_2023 = [
    "Акмолинская область",
    "Актюбинская область",
    "Алматинская область",
    "Атырауская область",
    "Восточно-Казахстанская область",
    "Жамбылская область",
    "Западно-Казахстанская область",
    "Карагандинская область",
    "Костанайская область",
    "Кызылординская область",
    "Мангистауская область",
    "Павлодарская область",
    "Северо-Казахстанская область",
    "Туркестанская область",
    "область Абай",
    "область Жетісу",
    "область Ұлытау",
    "г. Астана",
    "г. Алматы",
    "г. Шымкент",
]


def _m(section, direction, title, report_to, ministries, akimats, all_regions, deadline, cost, source, klass):
    return {
        "section": section,
        "direction": direction,
        "title": title,
        "report_to": report_to,
        "ministries": ministries,
        "akimats": akimats,
        "akimats_all_regions": all_regions,
        "deadline_start": deadline[0],
        "deadline_end": deadline[1],
        "cost_thousand_kzt": cost,
        "funding_source": source,
        "funding_class": klass,
    }


EXPECTED: dict[int, dict] = {
    # Direction 1 of section I.
    1: _m(
        "I", 1,
        'Внедрение факультатива "Основы финансовой грамотности" в организациях среднего образования',
        "МФ", ["МП"], ALL_REGIONS_2023, True, YEAR, None, None, "within_existing_funds",
    ),
    2: _m(  # Kazakh project name; "І V  к в а р т а л 2023 года 15 000,0 РБ" glued on one line
        "I", 1,
        'Проведение республиканского конкурса творческих работ школьников "Өнегелі ұрпақ – елдің гауһары: '
        'болашақ үшін қаржы әлеміне ғылыми қадам"',
        "МФ", ["МП"], ALL_REGIONS_2023, True, (date(2023, 10, 1), date(2023, 12, 31)), 15000.0, "РБ",
        "budget_amount",
    ),
    3: _m(  # "в пределах предусмотренных средств" with МБ as the source; a page break follows
        "I", 1,
        'Проведение летней школы "Финансовая академия" для студентов колледжей',
        "МП", [], ["Карагандинская область"], False, (date(2023, 4, 1), date(2023, 5, 31)), None, "МБ",
        "within_existing_funds",
    ),
    4: _m(  # numbered sub-points "1." and "2." after the funding cell
        "I", 1,
        'Комплекс мероприятий по реализации проекта "Финансовая грамотность – в каждую школу" '
        "1. проведение открытых уроков с участием представителей банков второго уровня "
        "2. выпуск серии обучающих видеороликов для учащихся на государственном языке",
        "МФ", ["МП", "МКИ"], ALL_REGIONS_2023, True, YEAR, 42300.0, "РБ", "budget_amount",
    ),
    5: _m(  # spaced title word, "онлайн-" hyphenated over a line end, spaced amount and source
        "I", 1,
        'Разработка онлайн-курса "Личные финансы" для студентов организаций высшего и послевузовского образования',
        "МФ", ["МНВО"], [], False, (date(2023, 1, 1), date(2023, 6, 30)), 18500.0, "РБ", "budget_amount",
    ),
    # Direction 2 of section I.
    6: _m(  # crosses a page break: header block repeated, then the rest of the title and executors
        "I", 2,
        "Проведение обучающих семинаров для субъектов малого и среднего предпринимательства по вопросам "
        "налогового учета и финансового планирования",
        "МНЭ", ["МНЭ"], ["Костанайская область", "Павлодарская область", "Северо-Казахстанская область"], False,
        YEAR, 120000.0, "МБ", "budget_amount",
    ),
    7: _m(  # "в МФ АРРФР, МКИ ежеквартально не требуется": four cells on one line
        "I", 2,
        'Проведение информационной кампании "Қаржылық сауаттылық – өмір өзегі" для пенсионеров и лиц '
        "предпенсионного возраста",
        "МФ", ["АРРФР", "МКИ"], [], False, YEAR, None, None, "not_required",
    ),
    8: _m(
        "I", 2,
        "Открытие центров финансового консультирования населения на базе центров обслуживания населения",
        "МНЭ", [], ["г. Астана", "г. Алматы"], False, (date(2023, 1, 1), date(2023, 7, 1)), 250000.0, "МБ",
        "budget_amount",
    ),
    9: _m(  # title glued to "информация"; "ноябрь" / "2023 года" on two lines
        "I", 2,
        'Проведение городского форума "Финансовая культура предпринимателя" с участием банков',
        "МНЭ", [], ["г. Шымкент"], False, (date(2023, 11, 1), date(2023, 11, 30)), None, None, "extrabudgetary",
    ),
    # Section II (no directions).
    10: _m(  # crosses a page break with the header block repeated
        "II", None,
        "Размещение материалов по финансовой грамотности в республиканских и региональных средствах "
        "массовой информации и социальных сетях",
        "АП", ["МКИ", "МФ"], ALL_REGIONS_2023, True, YEAR, 35000.0, "РБ", "budget_amount",
    ),
    11: _m(  # the oblasts created in 2022, named after the word "областей"
        "II", None,
        'Проведение выездных семинаров "Қаржылық сауат" для сельского населения',
        "МФ", ["АРРФР"], ["область Абай", "область Жетісу", "область Ұлытау"], False,
        (date(2023, 7, 1), date(2023, 12, 31)), None, None, "within_existing_funds",
    ),
    12: _m(
        "II", None,
        'Проведение республиканской акции "Неделя финансовой грамотности"',
        "АП", ["МФ", "МНЭ", "АРРФР", "НБ"], [], False, (date(2023, 4, 1), date(2023, 4, 30)), None, None,
        "not_required",
    ),
    # Section III (no directions).
    13: _m(  # "МНЭ, АРРФР ІІІ квартал 2023 года" glued; amount with the footnote asterisk
        "III", None,
        "Проведение социологического исследования уровня финансовой грамотности населения",
        "АП", ["МНЭ", "АРРФР"], [], False, (date(2023, 7, 1), date(2023, 9, 30)), 24600.0, "РБ", "budget_amount",
    ),
    14: _m(
        "III", None,
        "Подготовка и внесение сводной информации о ходе реализации Дорожной карты",
        "АП", ["МФ"], ALL_REGIONS_2023, True, (date(2023, 1, 1), date(2023, 12, 15)), None, None, "not_required",
    ),
    15: _m(  # "в течение" / "года" cut by a line break; no funding cell at all
        "III", None,
        "Мониторинг включения тем по финансовой грамотности в учебные программы организаций технического и "
        "профессионального образования",
        "МФ", ["МП", "МНВО"], [], False, YEAR, None, None, "unspecified",
    ),
    16: _m(  # an abbreviation inside the title
        "III", None,
        'Актуализация раздела "Қаржылық сауаттылық" на интернет-ресурсе МФ',
        "АП", ["МФ"], [], False, YEAR, None, None, "within_existing_funds",
    ),
}

FIELDS = list(next(iter(EXPECTED.values())))

SECTION_NAMES = {
    "I": "Формирование базовых знаний в области финансовой грамотности",
    "II": "Информационно-разъяснительная работа",
    "III": "Мониторинг и оценка уровня финансовой грамотности",
}
DIRECTION_NAMES = {
    1: "Финансовая грамотность детей и молодежи (школьное, техническое и профессиональное образование)",
    2: "Финансовая грамотность взрослого населения и субъектов предпринимательства",
}

LEGEND = [
    ("МФ", "Министерство финансов Республики Казахстан", "body"),
    ("МНЭ", "Министерство национальной экономики Республики Казахстан", "body"),
    ("МП", "Министерство просвещения Республики Казахстан", "body"),
    ("МНВО", "Министерство науки и высшего образования Республики Казахстан", "body"),
    ("МКИ", "Министерство культуры и информации Республики Казахстан", "body"),
    ("АРРФР", "Агентство Республики Казахстан по регулированию и развитию финансового рынка", "body"),
    ("НБ", "Национальный Банк Республики Казахстан", "body"),
    ("АП", "Администрация Президента Республики Казахстан", "body"),
    ("РБ", "республиканский бюджет", "budget"),
    ("МБ", "местный бюджет", "budget"),
]


@pytest.fixture(scope="module")
def parsed():
    return parse_file(FIXTURE)


@pytest.fixture(scope="module")
def rows(parsed):
    return {r["measure_no"]: r for r in parsed[0].to_pylist()}


def test_measure_numbers(rows):
    assert sorted(rows) == list(range(1, 17))


@pytest.mark.parametrize(
    ("measure_no", "field"),
    [(no, field) for no in EXPECTED for field in FIELDS],
    ids=[f"m{no:02d}-{field}" for no in EXPECTED for field in FIELDS],
)
def test_measure_field(rows, measure_no, field):
    assert measure_no in rows, f"measure {measure_no} missing"
    assert rows[measure_no][field] == EXPECTED[measure_no][field]


def test_sub_points_of_measure_4(rows):
    assert rows[4]["subpoints"] == [
        "1. проведение открытых уроков с участием представителей банков второго уровня",
        "2. выпуск серии обучающих видеороликов для учащихся на государственном языке",
    ]
    assert all(not rows[no]["subpoints"] for no in rows if no != 4)


@pytest.mark.parametrize("measure_no", list(EXPECTED))
def test_section_and_direction_names(rows, measure_no):
    row = rows[measure_no]
    assert row["section_name"] == SECTION_NAMES[EXPECTED[measure_no]["section"]]
    direction = EXPECTED[measure_no]["direction"]
    assert row["direction_name"] == (DIRECTION_NAMES[direction] if direction else None)


def test_roadmap_year_everywhere(parsed, rows):
    assert parsed[2]["roadmap_year"] == "2023"
    assert {r["roadmap_year"] for r in rows.values()} == {2023}


def test_metadata(parsed):
    metadata = parsed[2]
    assert metadata["title"] == ("Об утверждении Дорожной карты по повышению финансовой грамотности населения "
                                 "на 2023 год")
    assert metadata["decree_number"] == "212"
    assert metadata["decree_date"] == "2023-03-14"
    assert metadata["source_file"] == "roadmap_2023_other.txt"


def test_total_cost(rows):
    costs = [r["cost_thousand_kzt"] for r in rows.values() if r["cost_thousand_kzt"] is not None]
    assert len(costs) == 7
    assert sum(costs) == pytest.approx(505_400.0)


def test_cost_by_funding_source(rows):
    by_source: dict[str, float] = defaultdict(float)
    for r in rows.values():
        if r["cost_thousand_kzt"] is not None:
            by_source[r["funding_source"]] += r["cost_thousand_kzt"]
    assert dict(by_source) == pytest.approx({"РБ": 135_400.0, "МБ": 370_000.0})


def test_cost_by_section_and_direction(rows):
    by_section: dict[str, float] = defaultdict(float)
    by_direction: dict[int, float] = defaultdict(float)
    for r in rows.values():
        by_section[r["section"]] += r["cost_thousand_kzt"] or 0
        if r["direction"] is not None:
            by_direction[r["direction"]] += r["cost_thousand_kzt"] or 0
    assert dict(by_section) == pytest.approx({"I": 445_800.0, "II": 35_000.0, "III": 24_600.0})
    assert dict(by_direction) == pytest.approx({1: 75_800.0, 2: 370_000.0})


def test_funding_class_counts(rows):
    assert Counter(r["funding_class"] for r in rows.values()) == {
        "budget_amount": 7,
        "within_existing_funds": 4,
        "extrabudgetary": 1,
        "not_required": 3,
        "unspecified": 1,
    }


def test_measures_for_all_regions(rows):
    assert sorted(no for no, r in rows.items() if r["akimats_all_regions"]) == [1, 2, 4, 10, 14]
