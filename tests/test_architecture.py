"""The shape of the code: imports run one way, and no module imports itself round a circle.

    settings → loaders → i18n → reporting → roadmap → roadmap.ui → app_pages → dashboard, server

A module may import its own layer and those to its left, never one to its right: loaders/ (decree text →
parquet) and reporting/ (executors' reports) know nothing of the app.  Beside the product, testing/ is what
tests/ and bench/ share; neither of those imports the other.  Every import counts, a function's or a
TYPE_CHECKING one too: a circle through a type is still a circle for whoever reads the code.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = ("settings", "loaders", "i18n", "reporting", "roadmap", "roadmap.ui", "app_pages", "dashboard", "server")
BESIDE = {"testing": {"tests", "bench"}, "tests": {"bench"}, "bench": {"tests"}}  # what each may not import
NO_APP = {"loaders", "reporting", "i18n", "settings"}  # packages that must not import Streamlit or Starlette
APP_LIBRARIES = {"streamlit", "starlette", "plotly"}
FIRST_PARTY = {*(layer.split(".")[0] for layer in LAYERS), *BESIDE}
MAX_LINES = 520  # "no production module over about 500 lines"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.glob("**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "artifacts", "node_modules"} or relative.parts[0].startswith("."):
            continue
        if relative.parts[0] in FIRST_PARTY or len(relative.parts) == 1:
            found[_module(path)] = path
    return found


SOURCES = _sources()


def _imports(module: str, path: Path) -> set[str]:
    """Every module this one imports, relative imports resolved, anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            out.add(base)
            # `from pkg import mod` imports the module pkg.mod when there is one
            out.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in SOURCES)
    return {name for name in out if name}


GRAPH = {module: {i for i in _imports(module, path) if i.split(".")[0] in FIRST_PARTY and i in SOURCES}
         for module, path in SOURCES.items()}
EXTERNAL = {module: {i.split(".")[0] for i in _imports(module, path)} - FIRST_PARTY
            for module, path in SOURCES.items()}


def _layer(module: str) -> int | None:
    ranks = [i for i, layer in enumerate(LAYERS) if module == layer or module.startswith(layer + ".")]
    return max(ranks) if ranks else None


def test_the_tree_is_read():
    assert {"loaders.build", "reporting.validate", "roadmap.queries", "roadmap.ui.panel", "app_pages.reports",
            "dashboard", "server", "i18n.ru", "settings", "testing.naive"} <= set(SOURCES)


@pytest.mark.parametrize("module", sorted(m for m in SOURCES if _layer(m) is not None))
def test_imports_run_one_way(module):
    here = _layer(module)
    against = sorted(i for i in GRAPH[module] if (_layer(i) or 0) > here or i.split(".")[0] in BESIDE)
    assert not against, f"{module} ({LAYERS[here]}) imports {against}, which it may not"
    if module.split(".")[0] in NO_APP:
        assert not EXTERNAL[module] & APP_LIBRARIES, f"{module} imports {EXTERNAL[module] & APP_LIBRARIES}"


@pytest.mark.parametrize("side", sorted(BESIDE))
def test_tests_and_bench_share_only_testing(side):
    for module in (m for m in SOURCES if m.split(".")[0] == side):
        banned = sorted(i for i in GRAPH[module] if i.split(".")[0] in BESIDE[side])
        assert not banned, f"{module} imports {banned}"


def test_no_import_circle():
    """Tarjan's strongly connected components over every first-party import: each must be one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in GRAPH.get(node, ()):
            if nxt == node:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            # a package importing its own module and that module importing the package's names is no circle
            # of ideas; any other component of two or more is
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not circles, f"import circles: {circles}"


# The catalogues (i18n/{ru,kk,en}.py) are one table of strings per language, the same names in each: long as
# the interface is, they hold one idea, and splitting a language across files would only scatter its words.
@pytest.mark.parametrize("module", sorted(m for m in SOURCES if m.split(".")[0] in
                                          {"loaders", "reporting", "roadmap", "app_pages", "settings"}))
def test_no_production_module_is_huge(module):
    lines = SOURCES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by idea"
