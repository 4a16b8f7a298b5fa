"""How measures are grouped on every chart and in the direction filter: by direction where the section
has directions ("D1", "D2", …), else by section ("II", "III"); sections in the decree's order, directions
in theirs within a section.

Several decrees loaded together may give one number to different directions: where the decrees of two
years name a group differently, its key carries the roadmap's year ("2021-D1", "2023-D1"), so that no
figure adds up two directions under one name; where they name it alike, the years share the group.

roadmap/sql/staging/tables.sql computes the same keys and order for the app at load (row by row in SQL, with
SECTIONS bound as a parameter); tests/test_contract.py holds the two to the same answers.
"""
from __future__ import annotations

from .schema import SECTIONS

_DIRECTION = "D"


def group_key(section: str, direction: int | None, year: int | None = None) -> str:
    """The group's key; `year` only for a group whose decrees name it differently (see group_keys)."""
    base = section if direction is None else f"{_DIRECTION}{direction}"
    return base if year is None else f"{year}-{base}"


def group_order(section: str, direction: int | None, year: int | None = None) -> int:
    """Sections in order, directions within them, and a group's years after one another."""
    return ((SECTIONS.index(section) + 1) * 100 + (direction or 0)) * 10_000 + (year or 0)


def group_keys(sections, directions, years, names) -> tuple[list[str], list[int]]:
    """Keys and orders for a whole dataset, rows given column by column: the year goes into the key of a
    group that two years' decrees name differently."""
    rows = list(zip(sections, directions, years, names, strict=True))
    seen: dict[str, tuple[set, set]] = {}
    for section, direction, year, name in rows:
        years_of, names_of = seen.setdefault(group_key(section, direction), (set(), set()))
        years_of.add(year)
        names_of.add(name)
    clashing = {key for key, (years_of, names_of) in seen.items() if len(years_of) > 1 and len(names_of) > 1}
    keys, orders = [], []
    for section, direction, year, _ in rows:
        qualified = year if group_key(section, direction) in clashing else None
        keys.append(group_key(section, direction, qualified))
        orders.append(group_order(section, direction, qualified))
    return keys, orders


def split_key(key: str) -> tuple[int | None, str]:
    """("2021-D1") → (2021, "D1"); ("D1") → (None, "D1")."""
    year, dash, base = key.partition("-")
    return (int(year), base) if dash and year.isdigit() else (None, key)


def direction_of(key: str) -> int | None:
    """The direction a group key stands for; None for a section's key."""
    base = split_key(key)[1]
    return int(base[len(_DIRECTION):]) if base.startswith(_DIRECTION) else None
