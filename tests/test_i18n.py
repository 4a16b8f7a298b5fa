"""The three interface languages: the catalogues hold the same names with the same shapes, no
user-facing text lives outside them, and every page in Kazakh and English shows no Russian interface
text (the decree's own titles and executors stay as written)."""
from __future__ import annotations

import ast
import inspect
import json
import re
import string
from datetime import date
from types import FunctionType, ModuleType

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from i18n import LANGUAGES, en, kk, ru
from loaders.schema import FUNDING_CLASSES
from reporting.decrees import load_roadmap, rounds
from roadmap import brief, charts, config, ui
from testing.naive import assigned
from tests.conftest import ROOT
from tests.helpers import PAGES, store_csv_report

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
KAZAKH_ONLY = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
# Modules that turn data into what users see: every string they show must come from a catalogue.
PRESENTATION = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py")),
                *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "roadmap" / "ui").glob("*.py")),
                *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "roadmap" / "charts").glob("*.py")),
                "roadmap/exports.py", "roadmap/brief.py", "roadmap/routes.py", "reporting/xlsx.py",
                "reporting/round_document.py"]


# Date patterns are formatted with all of these fields (i18n/_formats.py); each language picks its own.
PATTERN_FIELDS = {"DAY": {"day", "month", "year"}, "DAY_ATTR": {"day", "month", "month_loc", "year"},
                  "DAY_LONG": {"day", "month", "month_loc", "year"},
                  "SHORT_DATE": {"day", "month", "month_short"}, "MONTH_YEAR": {"month", "month_short", "year"},
                  "QUARTER": {"q", "q_roman", "year"}}


def public(module: ModuleType) -> dict[str, object]:
    return {k: v for k, v in vars(module).items()
            if not k.startswith("_") and not isinstance(v, ModuleType) and k not in {"annotations", "date"}}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("other", [kk, en], ids=["kk", "en"])
def test_every_name_exists_with_the_same_shape(other):
    reference, translated = public(ru), public(other)
    assert set(translated) == set(reference), set(translated) ^ set(reference)
    for name, value in reference.items():
        twin = translated[name]
        assert type(twin) is type(value), name
        if isinstance(value, str) and name in PATTERN_FIELDS:  # a pattern may use any of the fields it is given
            assert placeholders(twin) <= PATTERN_FIELDS[name], name
        elif isinstance(value, str):
            assert placeholders(twin) == placeholders(value), name
            assert twin.strip() or name.endswith("_SEP"), name  # a separator may be a (thin) space
        elif isinstance(value, dict):
            assert list(twin) == list(value), name
            for key in value:
                assert placeholders(twin[key]) == placeholders(value[key]), (name, key)
        elif isinstance(value, tuple):
            assert len(twin) == len(value), name
        elif isinstance(value, FunctionType):
            assert inspect.signature(twin) == inspect.signature(value), name


def test_kazakh_is_written_with_kazakh_letters():
    texts = [v for v in public(kk).values() if isinstance(v, str)]
    texts += [x for v in public(kk).values() if isinstance(v, (dict, tuple))
              for x in (v.values() if isinstance(v, dict) else v)]
    assert set("әғқңөұүі") <= {ch for text in texts for ch in text}  # һ is too rare to be required
    for text in texts:
        for word in re.findall(r"\w+", text):
            if CYRILLIC.search(word):
                assert not re.search(r"[A-Za-z]", word), f"Latin letter inside the Kazakh word {word!r}"


@pytest.mark.parametrize(("module", "expected"), [
    (ru, ("2\u202f088\u202f000,0", "5 июля 2021 г.", "22,4 %")),
    (kk, ("2\u202f088\u202f000,0", "2021 жылғы 5 шілде", "22,4 %")),
    (en, ("2,088,000.0", "5 July 2021", "22.4%")),
], ids=["ru", "kk", "en"])
def test_numbers_and_dates_follow_the_language(module, expected):
    assert (module.number(2_088_000, 1), module.day(date(2021, 7, 5)), module.percent(15, 67)) == expected


@pytest.mark.parametrize("path", PRESENTATION)
def test_no_user_facing_text_outside_the_catalogues(path):
    """A Cyrillic string literal in a presentation module is text that would not be translated."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    literals = [n.value for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]
    assert [s for s in literals if CYRILLIC.search(s)] == []


# Every page in each language, through AppTest: nothing of the Russian interface may remain.
RUSSIAN_INTERFACE = {
    s for name, v in public(ru).items() if name not in {"LANGUAGE_NAME"}
    for s in ([v] if isinstance(v, str) else list(v.values()) if isinstance(v, dict)
              else list(v) if isinstance(v, tuple) else [])
    if isinstance(s, str) and CYRILLIC.search(s) and s not in (public(kk).get(name), public(en).get(name))
}


def run_in(language: str, page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["lang"] = language
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception
    return at


def interface_texts(at: AppTest) -> list[str]:
    """Headings, labels, messages and chart chrome: what the interface itself says, without the data."""
    texts = [e.value for kind in ("title", "header", "subheader", "info", "error") for e in getattr(at, kind)]
    # The measure card's heading is the measure's number and its title as the decree writes it (data, not interface)
    texts = [x for x in texts if not re.match(r"^(No\\?\.|№) \d+\\?\. ", x)]
    texts += [m.label for m in at.metric] + [w.label for kind in ("multiselect", "text_input", "button", "selectbox",
                                                                   "date_input") for w in getattr(at, kind)]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        for axis in ("xaxis", "yaxis"):
            texts.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
        for trace in spec["data"]:
            template = re.sub(r"%\{[^}]*\}", "", trace.get("hovertemplate", ""))
            texts.append(template)
    return [t for t in texts if t]


@pytest.fixture(params=[False, True], ids=["no reports", "with reports"])
def reports_log(request, tmp_path, monkeypatch):
    """The app with no report, or with one executor's report (so the status block, charts and tables show)."""
    if request.param:
        measures, decrees = load_roadmap(ROOT / "data" / "roadmap.parquet")
        first, second = rounds(decrees[2021])
        mine = [no for _, no in assigned(measures, "МКС")]
        for round_, statuses in ((first, ("in_progress",)), (second, ("done", "not_done"))):
            store_csv_report(tmp_path, "МКС", round_, {no: (statuses[i % len(statuses)], i * 10)
                                                       for i, no in enumerate(mine)})
    monkeypatch.setattr(config, "REPORTS_DIR", str(tmp_path))
    ui.data.database.clear()
    ui.cached.clear()
    yield
    ui.data.database.clear()
    ui.cached.clear()


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_russian_interface_text(page, reports_log):
    at = run_in("en", page)
    assert at.title[0].value in {en.APP_TITLE, en.PAGE_FUNDING, en.PAGE_EXECUTORS, en.PAGE_TIMELINE, en.PAGE_MEASURES,
                                  en.EXEC_TITLE, en.REPORTS_TITLE}
    leftovers = [t for t in interface_texts(at) if CYRILLIC.search(t)]  # the title too: the name is transliterated
    assert leftovers == []


@pytest.mark.parametrize("page", PAGES)
def test_kazakh_pages_show_no_russian_interface_text(page, reports_log):
    at = run_in("kk", page)
    assert at.title[0].value in {kk.APP_TITLE, kk.PAGE_FUNDING, kk.PAGE_EXECUTORS, kk.PAGE_TIMELINE, kk.PAGE_MEASURES,
                                  kk.EXEC_TITLE, kk.REPORTS_TITLE}
    shown = interface_texts(at)
    assert [t for t in shown if any(r in t for r in RUSSIAN_INTERFACE if len(r) > 3)] == []
    assert any(KAZAKH_ONLY & set(t) for t in shown)


def test_language_codes_are_the_url_values():
    assert list(LANGUAGES) == ["ru", "kk", "en"]
    assert all(code == LANGUAGES[code].LANGUAGE_CODE for code in LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_funding_class_is_labelled_in_the_declared_order(code):
    """The filter lists the classes in the catalogue's order, so it must be the contract's."""
    assert list(LANGUAGES[code].FUNDING_CLASSES) == list(FUNDING_CLASSES)


# The rendered forms the Kazakh and English review was about: a date or number put into a sentence.
def strings(module: ModuleType) -> dict[str, str]:
    """Every string of a catalogue, dict values and tuple items included, by a readable name."""
    out = {}
    for name, value in public(module).items():
        if isinstance(value, str):
            out[name] = value
        elif isinstance(value, dict):
            out.update({f"{name}[{key!r}]": text for key, text in value.items() if isinstance(text, str)})
        elif isinstance(value, tuple):
            out.update({f"{name}[{i}]": text for i, text in enumerate(value) if isinstance(text, str)})
    return out


@pytest.mark.parametrize(("month", "expected"), list(enumerate([
    "2021 жылғы 5 қаңтардағы", "2021 жылғы 5 ақпандағы", "2021 жылғы 5 наурыздағы", "2021 жылғы 5 сәуірдегі",
    "2021 жылғы 5 мамырдағы", "2021 жылғы 5 маусымдағы", "2021 жылғы 5 шілдедегі", "2021 жылғы 5 тамыздағы",
    "2021 жылғы 5 қыркүйектегі", "2021 жылғы 5 қазандағы", "2021 жылғы 5 қарашадағы", "2021 жылғы 5 желтоқсандағы",
], start=1)))
def test_a_kazakh_date_inside_a_sentence_takes_the_attributive_locative(month, expected):
    assert kk.day_attr(date(2021, month, 5)) == expected
    assert kk.day(date(2021, month, 5)) == f"2021 жылғы 5 {kk.MONTHS[month - 1]}"  # alone: the base form


@pytest.mark.parametrize("module", [ru, en], ids=["ru", "en"])
def test_russian_and_english_write_a_date_in_a_sentence_as_alone(module):
    assert all(module.day_attr(date(2021, m, 9)) == module.day(date(2021, m, 9)) for m in range(1, 13))


@pytest.mark.parametrize(("module", "when", "month", "quarter"), [
    (ru, date(2021, 1, 31), "янв 2021", "I кв. 2021"),
    (ru, date(2021, 5, 1), "май 2021", "II кв. 2021"),
    (kk, date(2021, 1, 31), "2021 ж. қаң.", "2021 ж. I тоқсан"),
    (kk, date(2021, 5, 1), "2021 ж. мам.", "2021 ж. II тоқсан"),
    (kk, date(2021, 12, 15), "2021 ж. жел.", "2021 ж. IV тоқсан"),
    (en, date(2021, 5, 1), "May 2021", "Q2 2021"),
    (en, date(2021, 12, 15), "Dec 2021", "Q4 2021"),
], ids=["ru-jan", "ru-may", "kk-jan", "kk-may", "kk-dec", "en-may", "en-dec"])
def test_month_and_quarter_labels_follow_the_language(module, when, month, quarter):
    assert (module.month_year(when), module.quarter(when)) == (month, quarter)


@pytest.mark.parametrize(("module", "months", "quarters"), [
    (ru, ["янв 2021", "июл 2021"], ["I кв. 2021", "III кв. 2021"]),
    (kk, ["2021 ж. қаң.", "2021 ж. шіл."], ["2021 ж. I тоқсан", "2021 ж. III тоқсан"]),
    (en, ["Jan 2021", "Jul 2021"], ["Q1 2021", "Q3 2021"]),
], ids=["ru", "kk", "en"])
def test_the_deadlines_chart_labels_its_months_and_quarters_in_the_language(module, months, quarters):
    df = pd.DataFrame({"group_key": ["D1", "D1"], "month": [date(2021, 1, 1), date(2021, 7, 1)], "measures": [3, 4]})
    for by_quarter, expected in ((False, months), (True, quarters)):
        fig = charts.deadlines_by_month(df, by_quarter, t=module)
        assert list(fig.data[0].x) == expected and list(fig.layout.xaxis.categoryarray) == expected


@pytest.mark.parametrize(("module", "citation", "summary"), [
    (ru, "Источник: постановление Правительства РК от 9 февраля 2021 г. № 50.",
     "На 5 июля 2021 г.: срок истёк у 12 из 67 мероприятий."),
    (kk, "Дереккөз: Қазақстан Республикасы Үкіметінің 2021 жылғы 9 ақпандағы № 50 қаулысы.",
     "2021 жылғы 5 шілдедегі жағдай бойынша: 67 іс-шараның ішінен 12 іс-шараның мерзімі өткен."),
    (en, "Source: Decree of the Government of the Republic of Kazakhstan No. 50 of 9 February 2021.",
     "As of 5 July 2021, the deadline has passed for 12 of 67 measures."),
], ids=["ru", "kk", "en"])
def test_a_date_inside_a_sentence_reads_as_the_language_writes_it(module, citation, summary):
    """The decree cited in the official form, and the deadline summary as app_pages/timeline.py renders it."""
    assert brief._source({"decree_date": "2021-02-09", "decree_number": "50"}, module) == citation
    assert module.TIMELINE_PASSED_SUMMARY.format(date=module.day_attr(date(2021, 7, 5)), passed=12, total=67) == summary


@pytest.mark.parametrize(("name", "fields", "expected"), [
    ("PART_OF", dict(part=12, whole=67), "12 / 67"),
    ("SHOWN", dict(shown=12, total=67), "67 іс-шараның ішінен 12 іс-шара көрсетілген"),
    ("MEASURE_SOURCE", dict(start=60, end=72), "Қаулының бастапқы мәтіні (60–72-жолдар)"),
    ("MEASURES_PAGE_RANGE", dict(first=1, last=100, total=250), "Іс-шаралар: 1–100 (барлығы 250)"),
])
def test_kazakh_numbers_in_a_sentence_need_no_case_ending(name, fields, expected):
    assert getattr(kk, name).format(**fields) == expected


def test_no_kazakh_template_puts_a_bare_numeral_before_a_word_that_governs_it():
    """«67 ішінен 12» is broken Kazakh (it needs «67-нің ішінен 12-сі»), and a numeral written in digits
    before a plural noun is an ordinal that takes a hyphen («60–72-жолдар»)."""
    for name, text in strings(kk).items():
        fields = placeholders(text)
        if not fields or name.split("[")[0] in PATTERN_FIELDS:
            continue
        rendered = text.format(**{field: "67" for field in fields})
        assert not re.search(r"\d\s+ішінен\b", rendered), name
        assert not re.search(r"\d\s+жолдар\b", rendered), name


def test_kazakh_labels_use_kazakh_abbreviations():
    """The data keeps the decree's Russian codes (the keys); no Kazakh label shows them."""
    assert list(kk.REPORT_TO) == list(ru.REPORT_TO) == ["МИОР", "АП"]
    assert kk.REPORT_TO["МИОР"].endswith("(АҚДМ)") and kk.REPORT_TO["АП"].endswith("(ПӘ)")
    assert [name for name, text in strings(kk).items() if re.search(r"\b(МИОР|АП)\b", text)] == []


def test_english_has_no_cyrillic():
    """Except what quotes the decree's Russian text: the example of a title search, and the decree's own
    code after a body's English name, which is what the table's cells show."""
    quoted = {"FILTER_Q_PLACEHOLDER"}
    left = {name: text for name, text in strings(en).items() if name not in quoted}
    for code in en.REPORT_TO:
        left[f"REPORT_TO[{code!r}]"] = left[f"REPORT_TO[{code!r}]"].replace(f"({code})", "")
    assert {name: text for name, text in left.items() if CYRILLIC.search(text)} == {}
    assert "Rukhani Zhangyru" in en.APP_TITLE


def test_kazakh_overview_cites_the_decree_and_names_the_bodies_in_kazakh():
    at = run_in("kk", PAGES[0])
    assert kk.SOURCE_NOTE.format(date="2021 жылғы 9 ақпандағы", number="50") in [c.value for c in at.caption]
    assert next(m.value for m in at.metric if m.label == kk.KPI_MEASURES) == "67 / 67"
    calendar = at.dataframe[1].value
    assert set(calendar[kk.COL_RECIPIENT]) == set(kk.REPORT_TO.values())
    assert set(calendar[kk.COL_REPORTER]) == {kk.CALENDAR_EXECUTORS, kk.REPORT_TO["МИОР"]}


def test_kazakh_timeline_gives_the_date_of_the_summary_in_the_locative():
    at = run_in("kk", "app_pages/timeline.py")
    as_of = at.date_input(key="as_of").value
    assert any(m.value.startswith(f"{kk.day_attr(as_of)} жағдай бойынша:") for m in at.markdown)


def test_every_catalogue_entry_is_used_somewhere():
    """A catalogue entry no code reads is dead text that translators keep paying for.  An entry is used when
    code names it, or names it through a filter's label (`<label>_PLACEHOLDER`, roadmap/ui/panel.py)."""
    import subprocess

    code = "\n".join((ROOT / path).read_text(encoding="utf-8") for path in subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
        if not path.startswith(("i18n/", "tests/")) and (ROOT / path).exists())
    code += (ROOT / "i18n" / "_formats.py").read_text(encoding="utf-8")
    from roadmap.filters import FILTER_SPECS

    dynamic = {f"{spec.label}_PLACEHOLDER" for spec in FILTER_SPECS}
    unused = [name for name in public(ru) if name.isupper() and name not in dynamic
              and not re.search(rf"\b{name}\b", code)]
    assert not unused, unused
# The second review (i18n-review-2-kk-en.md): every sentence that takes a date or a number, rendered with real
# values the way the code passes them, against how official Kazakh writes it.  One row per error row of the review.
JULY_5, OCT_1 = date(2021, 7, 5), date(2021, 10, 1)
KAZAKH_RENDERINGS = [
    ("STATUS_HEADER", dict(round=kk.day(JULY_5)), "Орындалу барысы (2021 жылғы 5 шілде)"),
    ("STATUS_COVERAGE", dict(reported=12, expected=23), "23 орындаушының ішінен 12 орындаушы есеп берді"),
    ("STATUS_COVERAGE_YEAR", dict(year=2021, reported=12, expected=23, round=kk.day(JULY_5)),
     "2021: 23 орындаушының ішінен 12 орындаушы есеп берді (есеп беру күні: 2021 жылғы 5 шілде)"),
    ("EXEC_SPENT_NOTE", dict(round=kk.day(JULY_5), measures=40, with_spent=7),
     "Жұмсалған қаражат — орындаушылар хабарлаған соңғы сомалардың жиыны (есеп беру күні: 2021 жылғы 5 шілде); "
     "сомалар 40 іс-шараның ішінен 7 іс-шара бойынша берілген."),
    ("EXEC_CHANGES_NOTE", dict(previous=kk.day(JULY_5), round=kk.day(date(2021, 12, 5)), measures=40, changed=5),
     "2021 жылғы 5 шілде → 2021 жылғы 5 желтоқсан: 40 іс-шараның ішінен 5 іс-шараның күйі өзгерді."),
    ("EXEC_CHANGES_NONE", dict(previous=kk.day_abl(JULY_5)), "2021 жылғы 5 шілдеден бері бірде-бір күй өзгерген жоқ."),
    ("EXEC_OVERDUE_NOTE", dict(as_of=kk.day_dat(OCT_1), round=kk.day(JULY_5)),
     "Мерзімі 2021 жылғы 1 қазанға дейін аяқталған, бірақ күйі «орындалды» емес іс-шаралар "
     "(есеп беру күні: 2021 жылғы 5 шілде)."),
    ("EXEC_NO_PAST_ROUNDS", dict(as_of=kk.day(date(2021, 7, 1))),
     "Жағдай күні — 2021 жылғы 1 шілде: есеп беру күндерінің ешқайсысы әлі келген жоқ."),
    ("REPORTS_STORED", dict(executor="МКС", round=kk.day(JULY_5), rows=1, when="2021 жылғы 5 шілде, 09:30 UTC"),
     "Есеп қабылданды: МКС; есеп беру күні — 2021 жылғы 5 шілде; іс-шаралар саны — 1. "
     "Сақталған уақыты: 2021 жылғы 5 шілде, 09:30 UTC."),
    ("REPORTS_ALREADY", dict(when="2021 жылғы 5 шілде, 09:30 UTC"),
     "Дәл осы файл бұрын қабылданған (2021 жылғы 5 шілде, 09:30 UTC), сондықтан қайта сақталмайды."),
    ("REPORTS_NEWLY", dict(measures="3, 5, 17"), "Алғаш рет есеп берілген іс-шаралар: № 3, 5, 17."),
    ("REPORTS_LEFT_OUT", dict(measures="3, 5, 17"),
     "Бұл файлда жоқ іс-шаралар (олар бойынша бұрынғы есеп күшінде): № 3, 5, 17."),
    ("EXEC_BY_EXECUTOR_NOTE", {},
     "Әр орындаушының өз іс-шаралары бойынша берген есебі; жоғарыда — есебі жоқ іс-шаралары ең көп орындаушылар."),
    ("REPORTS_READ_ONLY", {}, None),  # checked below: the README's own (English) section name, «пәрмен»
]


@pytest.mark.parametrize(("name", "fields", "expected"), KAZAKH_RENDERINGS, ids=[r[0] for r in KAZAKH_RENDERINGS])
def test_kazakh_sentences_render_as_the_review_requires(name, fields, expected):
    rendered = getattr(kk, name).format(**fields)
    if expected is None:
        assert "«Sign-in and rights» бөлімі" in rendered and "пәрмендермен" in rendered and "командамен" not in rendered
        assert "(README, раздел «Sign-in and rights»)" in ru.REPORTS_READ_ONLY
    else:
        assert rendered == expected
    # none of the four broken patterns the review names
    assert not re.search(r"\d \S+ (күнгі|күнге)\b", rendered)
    assert not re.search(r"\d+ (дейін|бері)\b|(шілде|қазан|ақпан) (дейін|бері)\b", rendered)
    assert not re.search(r"\d+, \d+(, \d+)* іс-шаралар", rendered)


@pytest.mark.parametrize(("month", "dative", "ablative"), list(zip(range(1, 13), [
    "қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға", "қыркүйекке",
    "қазанға", "қарашаға", "желтоқсанға"], [
    "қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан",
    "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"], strict=True)))
def test_kazakh_dates_take_the_dative_and_ablative_a_postposition_needs(month, dative, ablative):
    when = date(2021, month, 5)
    assert (kk.day_dat(when), kk.day_abl(when)) == (f"2021 жылғы 5 {dative}", f"2021 жылғы 5 {ablative}")
    for module in (ru, en):  # a date is written as alone there
        assert module.day_dat(when) == module.day_abl(when) == module.day(when)


def test_no_kazakh_sentence_puts_a_bare_date_or_number_before_a_case_word():
    """Every catalogue sentence that takes a date or a number, rendered with real values as the code passes them:
    no «күнгі/күнге» straight after a date, no postposition after a bare date, no «N орындаушының M» without
    «ішінен … M орындаушы», no plural noun after a list of numbers."""
    values = {"round": kk.day(JULY_5), "previous": kk.day(JULY_5), "as_of": kk.day_dat(OCT_1),
              "date": "2021 жылғы 9 ақпандағы",
              "when": "2021 жылғы 5 шілде, 09:30 UTC", "measures": "3, 5, 17", "dates": "2021 жылғы 5 шілде"}
    for name, text in strings(kk).items():
        fields = placeholders(text)
        if not fields or name.split("[")[0] in PATTERN_FIELDS:
            continue
        rendered = text.format(**{f: values.get(f, "12") for f in fields})
        if name == "EXEC_CHANGES_NONE":
            rendered = text.format(previous=kk.day_abl(JULY_5))
        assert not re.search(r"(шілде|\d) (күнгі|күнге)\b", rendered), name
        assert not re.search(r"(\d|шілде) (дейін|бері)\b", rendered), name
        assert not re.search(r"орындаушының \d+ ", rendered), name
        assert not re.search(r"\d+, \d+ іс-шаралар\b", rendered), name


ENGLISH_TERMS = ["executor", "Execution", "Executor"]


def test_english_says_responsible_bodies_and_implementation():
    """The first review's term (E2): the bodies are "responsible bodies" everywhere; «исполнение» is
    "implementation"; and no "1 measures"."""
    for name, text in strings(en).items():
        shown = re.sub(r"\{[^}]*\}|`[^`]*`|--executor", "", text)  # placeholders, claim names, CLI flags
        assert not any(term in shown for term in ENGLISH_TERMS), name
    assert "{rows} measures" not in en.REPORTS_STORED


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_export_headers_are_distinct(lang):
    """Two export columns with one header would make a spreadsheet's columns indistinguishable."""
    import importlib

    columns = importlib.import_module(f"i18n.{lang}").COLUMNS
    assert len(set(columns.values())) == len(columns)
