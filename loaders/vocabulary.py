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
from .legend import LegendEntry
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
# Periodic deadlines and the frequency each names (deadline_frequency).
FREQUENCIES = {"ежемесячно": "monthly", "ежеквартально": "quarterly", "ежегодно": "yearly", "постоянно": "ongoing"}
_PERIODIC = "|".join(FREQUENCIES)
# The day a periodic deadline's report is due: "до 25 числа месяца, следующего за отчётным".
REPORT_DAY = r"до\s+(?P<report_day>\d{1,2})\s+числа\s+месяца,?\s+следующего\s+за\s+отч[её]тным"
# A window over several years: "2021 – 2022 годы", "в течение 2022 – 2023 годов".
YEARS = r"(?:в\s+течение\s+)?(?P<first_year>\d{4})\s*[–-]\s*(?P<last_year>\d{4})\s+год(?:ы|ов|а)"
PERIOD = (
    rf"(?:(?:{ROMAN})\s*(?:-?(?:й|го))?\s+(?:квартал|полугодие)а?"
    rf"|(?:{_MONTH})(?:\s*[–-]\s*(?:{_MONTH}))?"
    rf"|(?:до|к)\s+\d{{1,2}}\s+(?:{_MONTH_GEN})"
    rf"|в\s+течение(?:\s+\d{{4}})?\s+года"
    rf"|{YEARS.replace('?P<first_year>', '').replace('?P<last_year>', '')}"
    rf"|(?:{_PERIODIC})(?:\s*,?\s*{REPORT_DAY.replace('?P<report_day>', '')})?)"
)
_SEPARATOR = r"\s*(?:,|и)\s*"
_PERIODS = rf"{PERIOD}(?:{_SEPARATOR}{PERIOD})*"
DEADLINE = re.compile(rf"(?<!\w){_PERIODS}(?:\s+\d{{4}}\s+года)?(?!\w)")
# The words a deadline can be cut after, at a line or page break, with the rest following later:
# "в" | "течение года", "ІІ" | "полугодие", "апрель –" | "май", "до 15" | "января", "декабрь 2021" | "года",
# "2021 –" | "2022 годы", "ежеквартально, до 25 числа" | "месяца, следующего за отчётным".
_REPORT_DAY_HEAD = r"до\s+\d{1,2}\s+числа(?:\s+месяца,?(?:\s+следующего(?:\s+за)?)?)?"
_PERIOD_HEAD = (
    rf"(?:(?:{ROMAN})\s*(?:-?(?:й|го))?|(?:{_MONTH})\s*[–-]|(?:до|к)(?:\s+\d{{1,2}})?"
    rf"|в(?:\s+течение(?:\s+\d{{4}}(?:\s*[–-](?:\s*\d{{4}})?)?)?)?|\d{{4}}(?:\s*[–-](?:\s*\d{{4}})?)?"
    rf"|(?:{_PERIODIC})\s*,?\s*(?:до(?:\s+\d{{1,2}})?|{_REPORT_DAY_HEAD}))"
)
# Any single word a deadline is made of.
DEADLINE_WORD = re.compile(
    rf"(?:{ROMAN}|\d{{1,4}}|{_MONTH}|{_MONTH_GEN}|-?(?:й|го)|квартала?|полугодие|до|к|в|течение|года|годы|годов"
    rf"|[–-]|и|{_PERIODIC}|числа|месяца|следующего|за|отч[её]тным|\d{{4}}[–-]\d{{4}})[,;]?"
)
DEADLINE_CUT = re.compile(rf"(?:{_PERIODS}(?:{_SEPARATOR}(?:{_PERIOD_HEAD})?|\s+\d{{4}})?|{_PERIOD_HEAD})")

# Between a budget and its amount ("РБ – 100 000,0; МБ – 50 000,0").
DASH = re.compile(r"[–—-]")
# With or without the thousands gap: "32 500,0", "32500,0".
AMOUNT = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,\d+)?"
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

_PHRASE_TOKENS = [pattern.split(r"\s+") for patterns in FUNDING_NOTES.values() for pattern in patterns]

# The words around the region names in an akimats' list: "области" / "областей" close a run of oblast names
# (or stand for every oblast), the links join them; normalise reads the list with these same sets.
OBLAST_WORDS = frozenset({"областей", "области"})
AKIMAT_LINKS = frozenset({"городов", "города", "г", "г.", "и", "по", "согласованию", "районов", "районы"})
AKIMAT_WORDS = frozenset({"акимат", "акиматы", "акимата", "акиматов", "акиматам"}) | OBLAST_WORDS | AKIMAT_LINKS
# Executors named as a group rather than one by one ("заинтересованные государственные органы", "местные
# исполнительные органы"): kept as written and flagged as collective, never expanded into a guess.
_COLLECTIVE_ADJECTIVES = (
    "заинтересованные", "центральные", "местные", "иные", "другие", "соответствующие", "государственные",
    "исполнительные", "уполномоченные", "отраслевые", "республиканские", "общественные", "неправительственные",
    "подведомственные", "профильные",
)
_COLLECTIVE_NOUNS = ("органы", "организации", "министерства", "ведомства", "объединения", "учреждения")
COLLECTIVE = re.compile(
    rf"(?<!\w)(?:(?:{'|'.join(_COLLECTIVE_ADJECTIVES)})\s+)+(?:{'|'.join(_COLLECTIVE_NOUNS)})(?!\w)", re.IGNORECASE
)
COLLECTIVE_WORDS = frozenset(_COLLECTIVE_ADJECTIVES + _COLLECTIVE_NOUNS)
# "(по согласованию)": the executor before it takes part by agreement (an organisation outside the government).
BY_AGREEMENT = re.compile(r"\(?\s*по\s+согласованию\s*\)?")
_UNKNOWN_RECIPIENT = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}(?!\w)")
_WORD = re.compile(r"[^\s,;()]+")


@dataclass
class FundingParts:
    amounts: list[float]
    note: str | None
    note_class: str | None
    sources: list[str]
    leftover: list[str]  # words that are none of these


def read_funding(text: str, budgets: set[str]) -> FundingParts:
    """A funding cell's amounts, funding phrase, budget sources, and whatever is left unexplained."""
    text = " ".join(text.replace("*", " ").split())
    amounts = [float(a.replace(" ", "").replace("\u00a0", "").replace(",", ".")) for a in re.findall(AMOUNT, text)]
    rest = re.sub(AMOUNT, " ", text)
    note = note_class = None
    for klass, patterns in FUNDING_NOTES.items():
        for pattern in patterns:
            if m := re.search(pattern, rest):
                note, note_class = m.group(0), klass
                rest = rest[: m.start()] + " " + rest[m.end() :]
                break
        if note:
            break
    words = [w for w in re.findall(r"[^\s,;]+", rest) if not DASH.fullmatch(w)]
    return FundingParts(
        amounts, note, note_class, [w for w in words if w in budgets], [w for w in words if w not in budgets]
    )


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

    # -- completion form ("информация в МИОР": a head word, "в", the recipient) ------------------------
    @staticmethod
    def is_form_head(word: str) -> bool:
        return word in FORM_HEADS

    def recipient(self, word: str, line: int, strict: bool = True) -> str | None:
        """The legend abbreviation a word after "в" names.  Strict (right after a form's head word), a
        capitalised word missing from the legend is an error."""
        if match := self._recipient.match(f"в {word}"):
            return match.group("abbr")
        if strict and (unknown := _UNKNOWN_RECIPIENT.match(word)):
            raise LoadError(
                f"report recipient {unknown.group(0)!r} is not in the abbreviation legend (is the legend complete?)",
                line, key="legend", subject=unknown.group(0),
            )
        return None

    # -- deadline ------------------------------------------------------------------------------
    @staticmethod
    def is_deadline(text: str) -> bool:
        return DEADLINE.fullmatch(text) is not None

    @staticmethod
    def is_deadline_start(text: str) -> bool:
        """A whole deadline, or its first words with the rest cut off by a line or page break."""
        return DEADLINE.fullmatch(text) is not None or DEADLINE_CUT.fullmatch(text) is not None

    # -- funding -------------------------------------------------------------------------------
    def is_complete_funding(self, text: str) -> bool:
        return not read_funding(text, self.budgets).leftover

    def starts_funding(self, text: str) -> bool:
        """Whether the words open a funding cell: amounts and budgets, then nothing or the first words of a
        funding phrase ("в пределах предусмотренных", not "пределах предусмотренных")."""
        rest = re.sub(AMOUNT, " ", text.replace("*", " "))
        words = [w for w in re.findall(r"[^\s,;]+", rest) if w not in self.budgets and not DASH.fullmatch(w)]
        if not words:
            return True
        return any(
            len(words) <= len(tokens) and all(re.fullmatch(t, w) for t, w in zip(tokens, words))
            for tokens in _PHRASE_TOKENS
        )

    def is_funding(self, text: str) -> bool:
        rest = re.sub(AMOUNT, " ", text)
        words = [w.strip("*.:") for w in _WORD.findall(rest)]
        words = [w for w in words if w and not DASH.fullmatch(w)]
        return all(w.lower() in _NOTE_WORDS or w in self.budgets for w in words)

    # -- executors -----------------------------------------------------------------------------
    def is_executors(self, text: str) -> bool:
        words = _WORD.findall(text)
        return bool(words) and all(self.is_executor_word(w) for w in words)

    def reads_as_executors(self, text: str) -> bool:
        """Whether a whole executors' cell reads as one: its collective words only inside a collective phrase
        ("организации" alone is a title's word, "заинтересованные организации" an executor)."""
        rest = BY_AGREEMENT.sub(" ", COLLECTIVE.sub(" ", text))
        words = [w.strip(".") for w in _WORD.findall(rest)]
        return all(self.is_executor_word(w) and w.lower() not in COLLECTIVE_WORDS for w in words if w)

    def is_executor_word(self, word: str) -> bool:
        word = word.strip(".")
        return (
            word in self.bodies
            or word.lower() in AKIMAT_WORDS
            or word.lower() in COLLECTIVE_WORDS
            or bool(named_regions(word))  # of any date: normalise says when one did not exist then
        )
