"""A spreadsheet cell's value as what a report means by it: text, a number, a measure number, a day."""
from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str | None:
    if blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).replace("\r\n", "\n").strip()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def number(value: Any) -> float | None:
    """The finite number a cell holds (a typed number, or text such as "1 234,5"), or None."""
    if isinstance(value, (bool, datetime, date)):
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    else:
        written = re.sub(r"[\s\u00a0\u202f\u2009]", "", str(value))
        sign = -1.0 if written[:1] in ("-", "−") else 1.0
        written = written[1:] if written[:1] in ("-", "−", "+") else written
        if not _NUMBER.fullmatch(written):
            return None
        result = sign * float(written.replace(",", "."))
    return result if math.isfinite(result) else None


_WHOLE = re.compile(r"[0-9]{1,9}")  # ASCII digits only: int() takes "١٢" and str.isdigit() "12¹"


def whole(value: Any) -> int | None:
    """A measure number or a roadmap year: a whole number typed, or written in ASCII digits ("№ 12." too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    written = str(value).strip().lstrip("№").strip().rstrip(".")
    return int(written) if _WHOLE.fullmatch(written) else None


def day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
