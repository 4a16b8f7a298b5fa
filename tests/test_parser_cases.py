"""Parser tests on small decrees, one nasty case each: (table body, expected fields of measure 1).

Each body is a table row as the PDF extraction damages it; the expected values are what a
person reads from the printed decree.
"""
import contextlib
from datetime import date

import pytest

from loaders.build import parse_text
from loaders.errors import LoadError
from tests.decree import decree

ALL_17 = 17

CASES = [
    (
        "plain row, cells on their own lines",
        '1. Комплекс мероприятий "\nОсновы этики"\n\nинформация\nв МИОР\n\n'
        "акиматы областей,\nгородов Нур-Султана, \nАлматы и Шымкента\n\nв течение года\n",
        {"title": 'Комплекс мероприятий "Основы этики"', "report_to": "МИОР", "completion_form": "информация в МИОР",
         "ministries": [], "n_akimats": ALL_17, "akimats_all_regions": True,
         "deadline_start": date(2021, 1, 1), "deadline_end": date(2021, 12, 31), "funding_class": "unspecified"},
    ),
    (
        "recipient, executor and deadline glued on one line",
        "1.\nИстории на тему\n\nинформация\nв МИОР МОН, МФ в течение года 76 395,0\n",
        {"ministries": ["МОН", "МФ"], "n_akimats": 0, "cost_thousand_kzt": 76395.0, "funding_class": "budget_amount"},
    ),
    (
        "spaced letters in title, executors and amount",
        "1.\n\nП р о в е д е н и е  \nобщенационального конкурса\n\nинформация\nв АП\n\n"
        "М И О Р\n \n\nв течение года 9 3 2  8 7 0 , 0\n \n",
        {"title": "Проведение общенационального конкурса", "ministries": ["МИОР"], "report_to": "АП",
         "cost_thousand_kzt": 932870.0},
    ),
    (
        "amount alone after a blank line, budget source spaced in column 7",
        "1.\nСловарь\n\nинформация\nв МИОР МФ в течение года\n\n1 2  7 6 2 , 0\nР Б\n",
        {"cost_thousand_kzt": 12762.0, "funding_source": "РБ", "funding_class": "budget_amount"},
    ),
    (
        "title glued with the form; row crosses a page: title and executors resume after funding",
        '1.\n\nСемейный видеоконкурс в рамках проекта "\nДәстүр мен ғұрып" с информация\n\n'
        "в АП\n\nакиматы \nобластей,\n"
        "городов в течение года в пределах предусмотренных \n\nсредств\n\n\n\nпривлечением \nпользователей сетей\n\n"
        "Нур-Султана, \nАлматы и \nШымкента\n",
        {"title": 'Семейный видеоконкурс в рамках проекта "Дәстүр мен ғұрып" с привлечением пользователей сетей',
         "executors_raw": "акиматы областей, городов Нур-Султана, Алматы и Шымкента", "n_akimats": ALL_17,
         "funding_class": "within_existing_funds", "funding_note": "в пределах предусмотренных средств"},
    ),
    (
        "numbered sub-points printed after the deadline",
        '1.\nКомплекс по проекту "\nАктивное долголетие"\n\nинформация\nв МИОР\n\nМОН\n\nв течение года\n1.\n\n'
        "увеличение клубов\n\n1.\n\nзапуск программ\n",
        {"title": 'Комплекс по проекту "Активное долголетие" 1. увеличение клубов 1. запуск программ',
         "subpoints": ["1. увеличение клубов", "1. запуск программ"]},
    ),
    (
        "two named oblasts, spaced",
        "1.\nФорум\n\nинформация\nв МИОР\n\n"
        "а к и м а т ы  \nЗападно-Казахстанской и \nА т ы р а у с к о й\nобластей\n\nв течение года\n",
        {"akimats": ["Атырауская область", "Западно-Казахстанская область"], "akimats_all_regions": False},
    ),
    (
        "one city akimat and a ministry",
        "1.\nФорум\n\nинформация\nв МИОР\n\nМФ, акимат города \nШымкента\n\nв течение года\n",
        {"ministries": ["МФ"], "akimats": ["г. Шымкент"], "akimats_all_regions": False},
    ),
    (
        "half-year in Kazakh-Cyrillic numerals",
        "1.\nЧемпионат\n\nинформация\nв МИОР\n\nМ О Н\n \n\nІІ полугодие 2021 года\n",
        {"deadline_start": date(2021, 7, 1), "deadline_end": date(2021, 12, 31),
         "deadline_raw": "ІІ полугодие 2021 года"},
    ),
    (
        "quarter spaced out and split from its year",
        "1.\nСлушания\n\nинформация\nв АП\n\nМ И О Р ,\nМОН\n\nІ  к в а р т а л\n2021 года\n",
        {"deadline_start": date(2021, 1, 1), "deadline_end": date(2021, 3, 31), "ministries": ["МИОР", "МОН"]},
    ),
    (
        "fourth quarter in mixed Latin and Cyrillic numerals",
        "1.\nОтчет\n\nинформация\nв МИОР\n\nМОН І V  к в а р т а л 2021 года\n",
        {"deadline_start": date(2021, 10, 1), "deadline_end": date(2021, 12, 31)},
    ),
    (
        "month range",
        "1.\nФестиваль\n\nинформация\nв МИОР\n\nМОН апрель – май 2021 года не требуется\n",
        {"deadline_start": date(2021, 4, 1), "deadline_end": date(2021, 5, 31), "funding_class": "not_required"},
    ),
    (
        "until a day: from the first of January",
        "1.\nПланы\n\nинформация\nв МИОР\n\nМОН\n\nдо 15 января 2021 года не требуется\n",
        {"deadline_start": date(2021, 1, 1), "deadline_end": date(2021, 1, 15)},
    ),
    (
        "a single month, extrabudgetary funding on its own line",
        "1.\nФорум\n\nинформация\nв АП\n\nМИОР декабрь 2021 года\nза счет внебюджетных средств\n",
        {"deadline_start": date(2021, 12, 1), "deadline_end": date(2021, 12, 31), "funding_class": "extrabudgetary"},
    ),
    (
        "amount with a local budget source glued",
        "1.\nШкола\n\nинформация\nв МИОР\n\nакимат Карагандинской области в течение года 15 000,0 МБ\n",
        {"akimats": ["Карагандинская область"], "cost_thousand_kzt": 15000.0, "funding_source": "МБ"},
    ),
    (
        "a deadline over two years, a spaced abbreviation before a comma",
        "1.\nТитул\n\nинформация\nв МИОР\n\nМ О Н, МФ\n\n2021 – 2022 годы\n",
        {"ministries": ["МОН", "МФ"], "deadline_start": date(2021, 1, 1), "deadline_end": date(2022, 12, 31),
         "deadline_kind": "window"},
    ),
    (
        "a periodic deadline with its report day, glued to the executors",
        "1.\nТитул\n\nинформация\nв МИОР\n\nМФ ежемесячно, до 5 числа месяца, \nследующего за отчетным\n",
        {"deadline_kind": "periodic", "deadline_frequency": "monthly", "deadline_report_day": 5,
         "deadline_end": date(2021, 12, 31)},
    ),
    (
        "after a page break a title's last word that collective executors use too stays the title's",
        "1.\nОбучение сотрудников\n\nинформация\nв МИОР\n\nМОН\n\nв течение года\n\n\n\nорганизации\n",
        {"title": "Обучение сотрудников организации", "executors_raw": "МОН", "executors_collective": []},
    ),
    (
        "a collective phrase cut by a page break goes on after it",
        "1.\nОбучение\n\nинформация\nв МИОР\n\nМОН, заинтересованные\n\nв течение года\n\n\n\n"
        "государственные органы\n",
        {"title": "Обучение", "executors_collective": ["заинтересованные государственные органы"]},
    ),
    (
        "in-frame funds, the rarer wording",
        "1.\nАкселераторы\n\nинформация\nв МИОР\n\nМОН\n\nв течение года в рамках предусмотренных \nсредств\n",
        {"funding_class": "within_existing_funds", "funding_note": "в рамках предусмотренных средств"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_row(body, expected):
    measures, _, _ = parse_text(decree(body))
    row = measures.to_pylist()[0]
    row["n_akimats"] = len(row["akimats"])
    assert {key: row[key] for key in expected} == expected


def test_collective_akimats_follow_the_year():
    body = (
        "1.\nФорум\n\nинформация\nв МИОР\n\n"
        "акиматы областей, городов Астаны, \nАлматы и Шымкента\n\nв течение года\n"
    )
    row = parse_text(decree(body.replace("2021", "2023"), year=2023))[0].to_pylist()[0]
    assert len(row["akimats"]) == 20 and row["akimats_all_regions"]
    assert {"область Абай", "область Жетісу", "область Ұлытау", "г. Астана"} <= set(row["akimats"])
    assert "г. Нур-Султан" not in row["akimats"]


def test_sections_and_directions():
    body = (
        "1.\nПервое\n\nинформация\nв МИОР\n\nМОН в течение года\n\n"
        "Направление 2. \nВторое направление (\nс переносом\n, строки)\n\n"
        "2.\nВторое\n\nинформация\nв МИОР\n\nМОН в течение года\n\n"
        "I I .  \nНаучно-методическое \nсопровождение\n\n"
        "3.\nТретье\n\nинформация\nв АП\n\nМИОР в течение года\n"
    )
    rows = parse_text(decree(body))[0].to_pylist()
    assert [(r["section"], r["direction"]) for r in rows] == [("I", 1), ("I", 2), ("II", None)]
    assert rows[1]["direction_name"] == "Второе направление (с переносом, строки)"
    assert rows[2]["section_name"] == "Научно-методическое сопровождение"
    assert rows[2]["direction_name"] is None


BAD_ROWS = [
    ("executor missing from the legend", "1.\nТитул\n\nинформация\nв МИОР\n\nМЮ в течение года\n", "executor 'МЮ'"),
    ("no deadline", "1.\nТитул\n\nинформация\nв МИОР\n\nМОН\n", "no deadline"),
    ("no completion form", "1.\nТитул\n\nМОН в течение года\n", "no completion form"),
    ("unknown funding words",
     "1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\nза счет средств спонсоров\n", None),
    ("impossible quarter", "1.\nТитул\n\nинформация\nв МИОР\n\nМОН V квартал 2021 года\n", "квартал"),
    ("a day that does not exist", "1.\nТитул\n\nинформация\nв МИОР\n\nМОН до 31 февраля 2021 года\n", "does not exist"),
    ("skipped measure",
     ("1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\n\n"
      "3.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\n"),
     "2 was expected"),
    ("repeated measure",
     ("1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\n\n"
      "1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\n"),
     "repeats"),
]


@pytest.mark.parametrize(("body", "fragment"), [c[1:] for c in BAD_ROWS], ids=[c[0] for c in BAD_ROWS])
def test_bad_row_names_the_line(body, fragment):
    with pytest.raises(LoadError) as caught:
        parse_text(decree(body))
    assert caught.value.line is not None
    if fragment:
        assert fragment in caught.value.message


def test_a_huge_row_after_a_page_break_is_read_in_linear_time():
    """Where a title's rest ends on a later page is searched within bounds: thousands of words that could
    all be executors do not make the loader slow (a hostile text once took seconds per thousand)."""
    import time

    body = "1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года\n\n\n\n" + "\n".join(["МОН, и МОН"] * 3000) + "\nдо\n"
    started = time.perf_counter()
    with contextlib.suppress(LoadError):
        parse_text(decree(body))
    assert time.perf_counter() - started < 5
