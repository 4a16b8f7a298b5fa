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

import pytest
from streamlit.testing.v1 import AppTest

from loaders.schema import FUNDING_CLASSES
from roadmap.i18n import LANGUAGES, en, kk, ru
from tests.conftest import ROOT
from tests.test_app import PAGES

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
KAZAKH_ONLY = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
# Modules that turn data into what users see: every string they show must come from a catalogue.
PRESENTATION = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py")),
                "roadmap/app.py", "roadmap/charts.py", "roadmap/exports.py", "roadmap/brief.py"]


# Date patterns are formatted with all of these fields (i18n/_formats.py); each language picks its own.
PATTERN_FIELDS = {"DAY": {"day", "month", "year"}, "SHORT_DATE": {"day", "month", "month_short"}}


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
    texts += [x for v in public(kk).values() if isinstance(v, (dict, tuple)) for x in (v.values() if isinstance(v, dict) else v)]
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
    for s in ([v] if isinstance(v, str) else list(v.values()) if isinstance(v, dict) else list(v) if isinstance(v, tuple) else [])
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


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_russian_interface_text(page):
    at = run_in("en", page)
    assert at.title[0].value in {en.APP_TITLE, en.PAGE_FUNDING, en.PAGE_EXECUTORS, en.PAGE_TIMELINE, en.PAGE_MEASURES}
    leftovers = [t for t in interface_texts(at) if CYRILLIC.search(t.replace("«Рухани жаңғыру»", "").replace("“Рухани жаңғыру”", ""))]
    assert leftovers == []


@pytest.mark.parametrize("page", PAGES)
def test_kazakh_pages_show_no_russian_interface_text(page):
    at = run_in("kk", page)
    assert at.title[0].value in {kk.APP_TITLE, kk.PAGE_FUNDING, kk.PAGE_EXECUTORS, kk.PAGE_TIMELINE, kk.PAGE_MEASURES}
    shown = interface_texts(at)
    assert [t for t in shown if any(r in t for r in RUSSIAN_INTERFACE if len(r) > 3)] == []
    assert any(KAZAKH_ONLY & set(t) for t in shown)


def test_language_codes_are_the_url_values():
    assert list(LANGUAGES) == ["ru", "kk", "en"]
    assert all(LANGUAGES[code].LANGUAGE_CODE == code for code in LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_funding_class_is_labelled_in_the_declared_order(code):
    """The filter lists the classes in the catalogue's order, so it must be the contract's."""
    assert list(LANGUAGES[code].FUNDING_CLASSES) == list(FUNDING_CLASSES)
