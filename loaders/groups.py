"""How measures are grouped on every chart and in the direction filter: by direction where the section
has directions ("D1", "D2", …), else by section ("II", "III"); sections in the decree's order, directions
in theirs within a section.

roadmap/sql/tables.sql computes the same keys and order for the app at load (row by row in SQL, with
SECTIONS bound as a parameter); tests/test_contract.py holds the two to the same answers.
"""
from __future__ import annotations

from .schema import SECTIONS

_DIRECTION = "D"


def group_key(section: str, direction: int | None) -> str:
    return section if direction is None else f"{_DIRECTION}{direction}"


def group_order(section: str, direction: int | None) -> int:
    return (SECTIONS.index(section) + 1) * 100 + (direction or 0)


def direction_of(key: str) -> int | None:
    """The direction a group key stands for; None for a section's key."""
    return int(key[len(_DIRECTION):]) if key.startswith(_DIRECTION) else None
