"""The decree's notes (the «Примечание» block under the table) in the dataset's metadata, found by the
block's shape: from the note heading that ends the table to the legend's heading, one note per marker."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from loaders.build import parse_file, parse_text
from tests.conftest import RAW_2021, ROOT
from tests.decree import LEGEND, decree

FIXTURE_2023 = ROOT / "tests" / "fixtures" / "roadmap_2023_other.txt"


def _note(year: int, line: int, measures: list[int]) -> dict:
    return {
        "marker": "*",
        "text": "расходы будут рассмотрены в установленном законодательством порядке при уточнении "
                f"республиканского бюджета на {year} год",
        "line": line,
        "measures": measures,
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [(RAW_2021, [_note(2021, 1379, [])]), (FIXTURE_2023, [_note(2023, 437, [13])])],  # 2023: "24 600,0 *"
    ids=["2021", "2023"],
)
def test_the_notes_of_each_decree(path, expected):
    assert parse_file(path)[2]["notes"] == expected


def test_the_notes_are_in_the_parquet_metadata(fresh_parquet):
    meta = json.loads(pq.read_table(fresh_parquet).schema.metadata[b"roadmap"])
    assert meta["notes"] == [_note(2021, 1379, [])]


BODY = (
    "1.\nТитул\n\nинформация\nв МИОР\n\nМОН в течение года 5 000,0 *\n\n"
    "2.\nТитул два\n\nинформация\nв МИОР\n\nМОН в течение года 7 000,0 **\n"
)


def _with_note_block(block: str) -> str:
    text = decree(BODY)
    return text.replace(
        "      Примечание:\n      расшифровка аббревиатур:\n", block + "      расшифровка аббревиатур:\n"
    )


def test_several_notes_with_their_markers_and_wrapped_lines():
    block = (
        "      Примечание:\n"
        "      * расходы будут уточнены при \n"
        "формировании бюджета;\n"
        "      ** за счет средств \n"
        "международных организаций.\n"
    )
    notes = parse_text(_with_note_block(block))[2]["notes"]
    assert [(n["marker"], n["text"], n["measures"]) for n in notes] == [
        ("*", "расходы будут уточнены при формировании бюджета", [1]),
        ("**", "за счет средств международных организаций", [2]),
    ]
    assert notes[0]["line"] < notes[1]["line"]


def test_a_note_on_the_heading_line_and_an_unmarked_note():
    text = _with_note_block("      Примечание: сроки указаны \nориентировочно.\n")
    assert [(n["marker"], n["text"]) for n in parse_text(text)[2]["notes"]] == [
        ("", "сроки указаны ориентировочно"),
    ]


def test_no_note_block_means_no_notes():
    text = decree(BODY).replace("      Примечание:\n", "")
    assert parse_text(text)[2]["notes"] == []
    assert LEGEND.split("\n")[0] in text  # the legend is still read
