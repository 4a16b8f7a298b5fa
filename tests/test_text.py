"""Text repairs, table-driven: (damaged extraction, expected clean text)."""
import ast
import re

import pytest

from loaders.text import attach_quotes, despace, join_lines
from tests.conftest import ROOT

DESPACE = [
    ("П р о в е д е н и е  ", "Проведение  "),
    ("М И О Р ,", "МИОР,"),
    ("9 3 2  8 7 0 , 0", "932 870,0"),
    ("в течение года 3 8  4 4 2 , 0", "в течение года 38 442,0"),
    ("І  к в а р т а л", "І квартал"),
    ("т о м  ч и с л е  п о  ", "том числе по  "),
    ("а к и м а т ы  ", "акиматы  "),
    ("М З в течение года", "МЗ в течение года"),  # spaced capitals, then a real one-letter word
    ("М З", "МЗ"),
    # A spaced abbreviation next to punctuation is rejoined like any other.
    ("М О Н, акиматы", "МОН, акиматы"),
    ("М З, МИОР", "МЗ, МИОР"),
    ("( М К С )", "(МКС)"),
    ("(М К С), МИОР", "(МКС), МИОР"),
    ("«М К С»", "«МКС»"),
    ("и в, а", "и в, а"),  # two small letters stay words, a comma or not
    ("І V  к в а р т а л 2023 года", "ІV квартал 2023 года"),
    ("учреждений и в рамках", "учреждений и в рамках"),  # real one-letter words stay apart
    ("терпимости  к  ", "терпимости  к  "),
    ("Алматы и ", "Алматы и "),
    ("Е л б а с ы  ", "Елбасы  "),
]


@pytest.mark.parametrize(("damaged", "clean"), DESPACE)
def test_despace(damaged, clean):
    assert despace(damaged) == clean


JOIN = [
    (["Комплекс мероприятий по ", 'реализации проекта "', 'Экокультура"'],
     'Комплекс мероприятий по реализации проекта "Экокультура"'),
    (["в сфере по недопущению ", "распространения COVID-", "19"], "в сфере по недопущению распространения COVID-19"),
    (["городов Нур- ", "Султана, Алматы и "], "городов Нур-Султана, Алматы и"),
    (["Личностное развитие (", "культ знания, ", "конкурентоспособность", ", открытость сознания)"],
     "Личностное развитие (культ знания, конкурентоспособность, открытость сознания)"),
    (['при производстве "', "Один день на производстве", '"'], 'при производстве "Один день на производстве"'),
    (["подходы", '" ;', "- проведение"], 'подходы"; - проведение'),
    (['наград "Алтын алқа", "', 'Күміс алқа", победителей'], 'наград "Алтын алқа", "Күміс алқа", победителей'),
    (['наград "Алтын алқа', '", "Күміс алқа', '", победителей'], 'наград "Алтын алқа", "Күміс алқа", победителей'),
    (['"Jastarga – qyzmet"', ', "Jastarga – jumys"'], '"Jastarga – qyzmet", "Jastarga – jumys"'),
    (['проекта "100', 'новых лиц"'], 'проекта "100 новых лиц"'),
    (['площадки "Азаматтық алаң', '"'], 'площадки "Азаматтық алаң"'),
    (["", "  ", "текст"], "текст"),
]


@pytest.mark.parametrize(("lines", "clean"), JOIN)
def test_join_lines(lines, clean):
    assert join_lines(lines) == clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('сказок "Әжемнің ертегілері" в рамках проекта " Дәстүр мен ғұрып " на',
         'сказок "Әжемнің ертегілері" в рамках проекта "Дәстүр мен ғұрып" на'),
        ('"WorldSkills Kazakhstan" ,', '"WorldSkills Kazakhstan" ,'),
        ('конкурс " Знаешь ли ты?"', 'конкурс "Знаешь ли ты?"'),
    ],
)
def test_attach_quotes(text, expected):
    assert attach_quotes(text) == expected


def _mixed_words(source: str) -> list[str]:
    """Words of a Python source's string literals that mix Latin and Cyrillic letters (a homoglyph such as
    the Latin "c" in «облаcти» makes a word no decree spells); regex character classes ("[A-ZА-Я]") and
    escapes ("\\bна") aside."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = re.sub(r"\[[^\]]*\]|\\.", " ", node.value)
            for word in re.findall(r"[^\W\d_]{2,}", text):
                latin = any("a" <= c.lower() <= "z" for c in word)
                cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
                if latin and cyrillic:
                    found.append(word)
    return found


def test_no_loader_string_mixes_latin_and_cyrillic_in_one_word():
    assert _mixed_words('x = "облаcти"') == ["облаcти"]  # the check sees a homoglyph
    mixed = {path.name: words for path in sorted((ROOT / "loaders").glob("*.py"))
             if (words := _mixed_words(path.read_text(encoding="utf-8")))}
    assert not mixed
