"""The README's column tables say what loaders/schema.py declares: the same columns, both ways, with the
same types, emptiness, values and meanings.  On failure the message holds the tables to paste."""
from __future__ import annotations

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
