"""The README's column tables say what loaders/schema.py declares: the same columns, both ways, with the
same types, emptiness, values and meanings.  On failure the message holds the tables to paste."""
from __future__ import annotations

import re
import subprocess
import sys

import pyarrow as pa
import pytest

from loaders.schema import LEGEND, MEASURES, Column
from tests.conftest import ROOT

SECTION = "### Dataset columns"
HEADER = ["column", "type", "may be empty", "values", "meaning"]
# Past this many values the README names the set instead of listing it (the regions).
MAX_LISTED = 10


def cells(column: Column) -> list[str]:
    kind = f"list<{column.type.value_type}>" if isinstance(column.type, pa.ListType) else str(column.type)
    if column.legend_body or len(column.allowed) > MAX_LISTED:
        values = column.expected
    else:
        values = ", ".join(column.allowed)
    return [f"`{column.name}`", f"`{kind}`", "yes" if column.nullable else "no", values, column.meaning]


def markdown(columns: tuple[Column, ...]) -> str:
    rows = [HEADER, ["---"] * len(HEADER), *map(cells, columns)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def readme_tables() -> list[list[list[str]]]:
    """The tables of the README's dataset-columns section, as rows of cells without the header rows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    tables: list[list[list[str]]] = []
    previous = ""
    for line in section.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append([cell.strip() for cell in line.strip().strip("|").split("|")])
        previous = line
    return [table[2:] for table in tables]


@pytest.mark.parametrize(("index", "columns"), [(0, MEASURES), (1, LEGEND)], ids=["measures", "legend"])
def test_readme_lists_the_declared_columns(index, columns):
    tables = readme_tables()
    assert len(tables) == 2, f"expected the measures' and the legend's tables under {SECTION!r}"
    rows = tables[index]
    documented = [row[0].strip("`") for row in rows]
    declared = [c.name for c in columns]
    assert not set(declared) - set(documented), f"declared, missing in README: {set(declared) - set(documented)}"
    assert not set(documented) - set(declared), f"in README, not declared: {set(documented) - set(declared)}"
    assert rows == [cells(c) for c in columns], "README.md should list:\n" + markdown(columns)


# --- the README's other tables, each held to the code it describes ----------------------------------------------

def _table_after(marker: str) -> list[list[str]]:
    """The first Markdown table after `marker` in the README, as rows of cells without its header rows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert marker in text, f"README.md has no {marker!r}"
    rows, started = [], False
    for line in text.split(marker, 1)[1].splitlines():
        if line.startswith("|"):
            started = True
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif started:
            break
    assert rows, f"no table after {marker!r}"
    return rows[2:]


def _first_column(marker: str) -> list[str]:
    return [row[0].strip("`") for row in _table_after(marker)]


def _modules(folder: str) -> set[str]:
    return {p.name for p in (ROOT / folder).glob("*.py")}


def test_the_loaders_table_lists_every_loader_module():
    documented = _first_column("`loaders/` repairs it in stages:")
    assert set(documented) == _modules("loaders") - {"__init__.py"}, (
        set(documented) ^ (_modules("loaders") - {"__init__.py"}))


def test_the_reporting_table_lists_every_reporting_module():
    documented = _first_column("### Reporting: the package")
    assert set(documented) == _modules("reporting"), set(documented) ^ _modules("reporting")


def test_the_query_folders_table_lists_every_sql_folder():
    documented = {name.rstrip("/") for name in _first_column("arranges its models:")}
    folders = {p.name for p in (ROOT / "roadmap" / "sql").iterdir() if p.is_dir()}
    assert documented == folders, documented ^ folders


def test_the_query_folders_table_names_every_relation():
    row = next(row for row in _table_after("arranges its models:") if row[0] == "`relations/`")
    documented = set(re.findall(r"`(\w+)` \(", row[1]))
    relations = {p.stem for p in (ROOT / "roadmap" / "sql" / "relations").glob("*.sql")}
    assert documented == relations, documented ^ relations


def test_the_app_table_lists_every_app_module():
    documented = set(_first_column("folder name every deep link works on a freshly started server"))
    modules = {f"roadmap/{name}" for name in _modules("roadmap") - {"__init__.py"}} | {"roadmap/charts/"}
    modules |= {f"roadmap/ui/{name}" for name in _modules("roadmap/ui") - {"__init__.py"}}
    modules |= {"server.py", "app_pages/*.py"}
    assert documented == modules, documented ^ modules


def test_the_environment_table_is_settings_variables():
    import settings

    rows = _table_after("## Configuration")
    documented = {row[0].strip("`"): (row[1].strip("`"), row[2]) for row in rows}
    declared = {v.name: (v.default.replace(f"{settings.ROOT}/", ""), v.means) for v in settings.VARIABLES.values()}
    assert documented == declared


def test_no_code_reads_an_environment_variable_settings_does_not_declare():
    """settings.py is the one home: any ROADMAP_* name elsewhere in the product is one it declares."""
    import settings

    named = set()
    for folder in ("loaders", "reporting", "roadmap", "app_pages", "i18n"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "os.environ" not in text and "getenv" not in text, f"{path} reads the environment itself"
            named |= set(re.findall(r"\bROADMAP_[A-Z_]+\b", text))
    assert named <= set(settings.VARIABLES), named - set(settings.VARIABLES)


def test_the_link_keys_table_is_link_keys():
    from roadmap.filters import LINK_KEYS

    assert _first_column("They take exactly the pages' link keys") == list(LINK_KEYS)


def test_the_report_log_table_is_the_log_schema():
    from reporting.log import COLUMN_MEANINGS, LOG_SCHEMA

    rows = _table_after("### Report log columns")
    assert rows == [[f"`{f.name}`", f"`{f.type}`", COLUMN_MEANINGS[f.name]] for f in LOG_SCHEMA], "\n".join(
        f"| `{f.name}` | `{f.type}` | {COLUMN_MEANINGS.get(f.name, '?')} |" for f in LOG_SCHEMA)


def test_the_report_log_export_table_is_its_declared_columns():
    from roadmap.exports import REPORT_LOG_COLUMNS

    rows = _table_after("**Report log export columns**")
    assert rows == [[f"`{name}`", kind, means] for name, kind, means in REPORT_LOG_COLUMNS], "\n".join(
        f"| `{name}` | {kind} | {means} |" for name, kind, means in REPORT_LOG_COLUMNS)


def test_the_export_paths_table_is_the_routes():
    from roadmap.routes import FORMATS, TEMPLATE

    documented = {path.split("?")[0].removeprefix("/export/")
                  for path in _first_column("The sidebar's four downloads are plain links")}
    assert documented == {*FORMATS, TEMPLATE}, documented ^ {*FORMATS, TEMPLATE}


def test_the_problem_codes_table_is_the_declared_kinds():
    from reporting.problems import KINDS

    rows = _table_after("label and a message in each catalogue")
    assert rows == [[f"`{k.code}`", k.means] for k in KINDS.values()], "\n".join(
        f"| `{k.code}` | {k.means} |" for k in KINDS.values())


def test_the_reporting_cli_table_is_its_help():
    """Each subcommand of `python -m reporting`, and each of its options, as argparse declares them."""
    from reporting.cli import parser

    commands = next(a for a in parser()._actions if a.dest == "command").choices
    rows = {row[0].strip("`"): row[1] for row in _table_after("held to\n`python -m reporting --help`")}
    assert set(rows) == set(commands)
    for name, sub in commands.items():
        options = {s for a in sub._actions for s in a.option_strings if s.startswith("--") and s != "--help"}
        options |= {a.dest.upper() for a in sub._actions if not a.option_strings}
        documented = {cell.strip().strip("`") for cell in rows[name].split(",")}
        assert documented == options, (name, documented ^ options)


def test_the_loader_cli_options_are_in_the_readme():
    from loaders.build import main  # noqa: F401  (the CLI whose options the README shows)

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "loaders.build", "--help"], cwd=ROOT, capture_output=True,
                           text=True, timeout=60).stdout
    for option in set(re.findall(r"(--[a-z][a-z-]+)", shown)) - {"--help"}:
        assert f"{option}" in text, f"python -m loaders.build {option} is not in the README"
