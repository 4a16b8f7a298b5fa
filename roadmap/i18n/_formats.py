"""The formatting every language shares; the catalogues differ only in their separators and patterns."""
from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from loaders.groups import direction_of

MISSING = "—"


def formatters(ns: dict) -> tuple[Callable, ...]:
    """number, thousand_tenge, million_tenge, percent, day, short_date and group_label for the catalogue
    whose names `ns` holds (THOUSANDS_SEP, DECIMAL_SEP, THOUSAND_TENGE, MILLION_TENGE, PERCENT, DAY,
    SHORT_DATE, MONTHS_GEN, MONTHS_SHORT, GROUP_DIRECTION, GROUP_SECTION)."""

    def number(value: float, decimals: int = 0) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return MISSING
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\0").replace(".", ns["DECIMAL_SEP"]).replace("\0", ns["THOUSANDS_SEP"])

    def thousand_tenge(value: float) -> str:
        return ns["THOUSAND_TENGE"].format(amount=number(value, 1))

    def million_tenge(value: float) -> str:
        return ns["MILLION_TENGE"].format(amount=number(value / 1000, 1))

    def percent(part: float, whole: float) -> str:
        return MISSING if not whole else ns["PERCENT"].format(value=number(100 * part / whole, 1))

    def day(value: date) -> str:
        return ns["DAY"].format(day=value.day, month=ns["MONTHS_GEN"][value.month - 1], year=value.year)

    def short_date(value: date) -> str:
        return ns["SHORT_DATE"].format(day=value.day, month=value.month, month_short=ns["MONTHS_SHORT"][value.month - 1])

    def group_label(group_key: str) -> str:
        direction = direction_of(group_key)
        if direction is not None:
            return ns["GROUP_DIRECTION"].format(n=direction)
        return ns["GROUP_SECTION"].format(n=group_key)

    return number, thousand_tenge, million_tenge, percent, day, short_date, group_label
