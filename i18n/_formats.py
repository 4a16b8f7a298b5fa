"""The formatting every language shares; the catalogues differ only in their separators and patterns."""
from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from loaders.groups import direction_of, split_key

MISSING = "—"
ROMAN_QUARTERS = ("I", "II", "III", "IV")


def formatters(ns: dict) -> tuple[Callable, ...]:
    """number, thousand_tenge, percent, day, day_attr, short_date, month_year, quarter,
    group_label and measure for the catalogue whose names `ns` holds (THOUSANDS_SEP, DECIMAL_SEP, THOUSAND_TENGE,
    PERCENT, DAY, DAY_ATTR, SHORT_DATE, MONTH_YEAR, QUARTER, DAY_LONG, MONTHS, MONTHS_GEN, MONTHS_LOC,
    MONTHS_SHORT, MONTHS_DAT, MONTHS_ABL, GROUP_DIRECTION, GROUP_SECTION, MEASURE_NO, MEASURE_IN_YEAR).

    A date has two forms: `day` stands alone (a table cell, "Prepared: …"), `day_attr` is the form a date
    takes inside a sentence, before the noun it qualifies (kk «2021 жылғы 9 ақпандағы № 50 қаулысы»).  Kazakh
    postpositions govern a case the date itself must take: `day_dat` before «дейін» («2021 жылғы 1 қазанға
    дейін»), `day_abl` before «бері» («2021 жылғы 5 шілдеден бері»); in Russian and English they equal `day`."""

    def number(value: float, decimals: int = 0) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return MISSING
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\0").replace(".", ns["DECIMAL_SEP"]).replace("\0", ns["THOUSANDS_SEP"])

    def thousand_tenge(value: float) -> str:
        return ns["THOUSAND_TENGE"].format(amount=number(value, 1))

    def percent(part: float, whole: float) -> str:
        return MISSING if not whole else ns["PERCENT"].format(value=number(100 * part / whole, 1))

    def day(value: date) -> str:
        return ns["DAY"].format(day=value.day, month=ns["MONTHS_GEN"][value.month - 1], year=value.year)

    def day_attr(value: date) -> str:
        return ns["DAY_ATTR"].format(day=value.day, month=ns["MONTHS_GEN"][value.month - 1],
                                     month_loc=ns["MONTHS_LOC"][value.month - 1], year=value.year)

    def day_long(value: date) -> str:
        """A date in an official document's sentence: ru «9 февраля 2021 года», kk «2021 жылғы 9 ақпандағы»."""
        return ns["DAY_LONG"].format(day=value.day, month=ns["MONTHS_GEN"][value.month - 1],
                                     month_loc=ns["MONTHS_LOC"][value.month - 1], year=value.year)

    def days(n: int) -> str:
        """A count of days with its noun: ru «1 день», «3 дня», «8 дней»; kk «8 күн»; en «1 day», «8 days»."""
        forms = ns["DAYS_FORMS"]
        tens, last = n % 100, n % 10
        if ns["LANGUAGE_CODE"] == "ru":  # one, few, many by the last digits
            form = "one" if last == 1 and tens != 11 else "few" if 2 <= last <= 4 and not 12 <= tens <= 14 else "many"
        else:  # English: one or many; Kazakh keeps the noun singular after a number (all forms alike)
            form = "one" if n == 1 else "many"
        return f"{number(n)} {forms[form]}"

    def day_dat(value: date) -> str:
        return ns["DAY"].format(day=value.day, month=ns["MONTHS_DAT"][value.month - 1], year=value.year)

    def day_abl(value: date) -> str:
        return ns["DAY"].format(day=value.day, month=ns["MONTHS_ABL"][value.month - 1], year=value.year)

    def short_date(value: date) -> str:
        return ns["SHORT_DATE"].format(day=value.day, month=value.month,
                                       month_short=ns["MONTHS_SHORT"][value.month - 1])

    def month_year(value: date) -> str:
        return ns["MONTH_YEAR"].format(month=ns["MONTHS"][value.month - 1],
                                       month_short=ns["MONTHS_SHORT"][value.month - 1], year=value.year)

    def quarter(value: date) -> str:
        """The quarter a date falls in; q is 1–4, q_roman I–IV, and each language picks one."""
        q = (value.month - 1) // 3 + 1
        return ns["QUARTER"].format(q=q, q_roman=ROMAN_QUARTERS[q - 1], year=value.year)

    def group_label(group_key: str) -> str:
        year, base = split_key(group_key)
        direction = direction_of(base)
        if direction is not None:
            label = ns["GROUP_DIRECTION"].format(n=direction)
        else:
            label = ns["GROUP_SECTION"].format(n=base)
        return label if year is None else f"{year} · {label}"

    def measure(number: int, year: int | None = None) -> str:
        """"№ 29", or "2021 · № 29" where measures of several roadmaps stand side by side."""
        if year is None:
            return ns["MEASURE_NO"].format(n=number)
        return ns["MEASURE_IN_YEAR"].format(year=year, n=number)

    return (number, thousand_tenge, percent, day, day_attr, short_date, month_year, quarter,
            group_label, measure, day_dat, day_abl, day_long, days)
