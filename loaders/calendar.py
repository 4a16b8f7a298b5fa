"""The reporting calendar the decree's own clauses set ("до 5 июля и 5 декабря 2021 года направить в
Министерство …"), so the app shows the dates from the text rather than from memory."""
from __future__ import annotations

import re
from datetime import date

from .legend import LegendEntry
from .source import Line
from .vocabulary import MONTHS_GENITIVE

_MONTH_GEN = "|".join(MONTHS_GENITIVE)
_DATES = re.compile(
    rf"(?:до|не\s+позднее)\s+(?P<days>\d{{1,2}}\s+(?:{_MONTH_GEN})(?:\s*(?:,|и)\s*\d{{1,2}}\s+(?:{_MONTH_GEN}))*)\s+(?P<year>\d{{4}})\s+года"
)
_CLAUSE = re.compile(r"(?m)^\s+\d+[.)]\s")


def reporting_calendar(preamble: list[Line], legend: list[LegendEntry]) -> list[dict]:
    """One entry per reporting date: ISO date, who reports (legend abbreviation or None for the
    executors at large), to whom, and the source line."""
    text = "\n".join(ln.raw for ln in preamble)
    starts = [0] + [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]
    entries: list[dict] = []
    for begin, end in zip(starts, starts[1:]):
        clause = text[begin:end]
        for match in _DATES.finditer(clause):
            recipient = _body_named(clause[match.end() :], legend)
            if recipient is None:
                continue
            reporter = _body_named(clause[: match.start()], legend)
            line = text[: begin + match.start()].count("\n") + 1
            year = int(match.group("year"))
            for day, month in re.findall(rf"(\d{{1,2}})\s+({_MONTH_GEN})", match.group("days")):
                entries.append({
                    "date": date(year, MONTHS_GENITIVE[month], int(day)).isoformat(),
                    "reporter": reporter, "recipient": recipient, "line": line,
                })
    return sorted(entries, key=lambda e: e["date"])


def _body_named(text: str, legend: list[LegendEntry]) -> str | None:
    """The legend body whose full name appears in the text in any grammatical case."""
    words = [w[:5].lower() for w in re.findall(r"\w+", text)]
    best: tuple[int, str] | None = None
    for entry in legend:
        if entry.kind != "body":
            continue
        stems = [w[:5].lower() for w in re.findall(r"\w+", entry.full_name) if len(w) > 2]
        for i in range(len(words)):
            window = [w for w in words[i : i + len(stems) + 3] if len(w) > 2]
            if window[: len(stems)] == stems:
                if best is None or i < best[0]:
                    best = (i, entry.abbreviation)
                break
    return best[1] if best else None
