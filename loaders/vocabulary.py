"""What each column's text looks like: the recognisers the cell splitter assigns text by.

Abbreviations come from the decree's own legend, so a roadmap with other ministries needs no change
here.  Everything else is the fixed vocabulary of Kazakhstan's government roadmaps: completion forms,
deadline phrases, funding phrases and the words that name akimats.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import LoadError
from .layout import LegendEntry
from .regions import named_regions

FORM_HEADS = ("информация", "отчет", "отчёт", "доклад", "предложения", "справка")

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
    "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
MONTHS_GENITIVE = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_MONTH = "|".join(MONTHS)
_MONTH_GEN = "|".join(MONTHS_GENITIVE)
# Quarter and half-year numerals come as Latin I/V, Kazakh-Cyrillic І, or digits.
ROMAN = r"[IVІ]{1,3}|[1-4]"
PERIOD = (
    rf"(?:(?:{ROMAN})\s*(?:-?(?:й|го))?\s+(?:квартал|полугодие)а?"
    rf"|(?:{_MONTH})(?:\s*[–-]\s*(?:{_MONTH}))?"
    rf"|до\s+\d{{1,2}}\s+(?:{_MONTH_GEN})"
    rf"|в\s+течение(?:\s+\d{{4}})?\s+года"
    rf"|ежеквартально|ежемесячно|ежегодно|постоянно)"
)
DEADLINE = re.compile(rf"(?<!\w){PERIOD}(?:\s*(?:,|и)\s*{PERIOD})*(?:\s+\d{{4}}\s+года)?(?!\w)")
# A deadline cut by a line break: "в течение" + "года", "І квартал" + "2021 года".
_DEADLINE_TAIL = re.compile(r"^(?:\d{4}\s+года|года)(?!\w)")
_DEADLINE_HEAD_CUT = re.compile(r"(?<!\w)в\s+течение$")

AMOUNT = r"\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?"
FUNDING_NOTES: dict[str, tuple[str, ...]] = {
    "within_existing_funds": (
        r"в\s+пределах\s+(?:предусмотренных|выделенных)\s+средств",
        r"в\s+рамках\s+(?:предусмотренных|выделенных)\s+средств",
    ),
    "extrabudgetary": (
        r"за\s+сч[её]т\s+внебюджетных\s+средств",
        r"внебюджетные\s+средства",
        r"за\s+сч[её]т\s+спонсорских\s+средств",
    ),
    "not_required": (r"не\s+требуется",),
}
_NOTE_WORDS = frozenset(
    word
    for patterns in FUNDING_NOTES.values()
    for pattern in patterns
    for word in re.findall(r"[а-яё]+", pattern.replace("[её]", "е"))
) | {"счёт"}

AKIMAT_WORDS = frozenset(
    {"акимат", "акиматы", "акимата", "акиматов", "акиматам", "областей", "области", "облаcти",
     "городов", "города", "г", "г.", "и", "по", "согласованию", "районов", "районы"}
)
_UNKNOWN_RECIPIENT = re.compile(r"^в\s+([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})(?!\w)")
_WORD = re.compile(r"[^\s,;()]+")


@dataclass
class Vocabulary:
    legend: list[LegendEntry]
    year: int
    as_of: date | None = None  # the day whose regions the decree names (regions.regions_date)

    def __post_init__(self) -> None:
        if self.as_of is None:
            self.as_of = date(self.year, 1, 1)
        self.bodies = {e.abbreviation for e in self.legend if e.kind == "body"}
        self.budgets = {e.abbreviation for e in self.legend if e.kind == "budget"}
        abbreviations = "|".join(sorted(map(re.escape, self.bodies | self.budgets), key=len, reverse=True))
        self._recipient = re.compile(rf"^в\s+(?P<abbr>{abbreviations})(?!\w)")

    # -- completion form ---------------------------------------------------------------------
    def find_form(self, text: str, next_text: str, line: int) -> re.Match[str] | None:
        """The completion form's head word, when "в" + a legend abbreviation follows it."""
        for match in re.finditer(rf"(?<!\w)(?P<head>{'|'.join(FORM_HEADS)})(?!\w)", text):
            after = text[match.end() :].strip() or next_text
            if self._recipient.match(after):
                return match
            if unknown := _UNKNOWN_RECIPIENT.match(after):
                raise LoadError(
                    f"report recipient {unknown.group(1)!r} is not in the abbreviation legend (is the legend complete?)",
                    line, key="legend", subject=unknown.group(1),
                )
        return None

    def match_recipient(self, text: str) -> re.Match[str] | None:
        return self._recipient.match(text)

    # -- deadline ------------------------------------------------------------------------------
    def find_deadline(self, text: str) -> re.Match[str] | None:
        return DEADLINE.search(text) or _DEADLINE_HEAD_CUT.search(text)

    def deadline_tail(self, text: str) -> re.Match[str] | None:
        return _DEADLINE_TAIL.match(text)

    # -- funding -------------------------------------------------------------------------------
    def is_funding(self, text: str) -> bool:
        rest = re.sub(AMOUNT, " ", text)
        words = [w.strip("*.:") for w in _WORD.findall(rest)]
        words = [w for w in words if w]
        return all(w.lower() in _NOTE_WORDS or w in self.budgets for w in words)

    # -- executors -----------------------------------------------------------------------------
    def is_executors(self, text: str) -> bool:
        words = _WORD.findall(text)
        return bool(words) and all(self.is_executor_word(w) for w in words)

    def is_executor_word(self, word: str) -> bool:
        word = word.strip(".")
        return (
            word in self.bodies
            or word.lower() in AKIMAT_WORDS
            or bool(named_regions(word))  # of any date: normalise says when one did not exist then
        )
