"""From a measure's raw cells to typed values: executors, deadline window, funding."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .cells import Cells
from .errors import LoadError, Problems
from .layout import Document, MeasureBlock
from .regions import REGIONS, all_regions_on, named_regions, regions_on, sort_key
from .text import join_lines
from .vocabulary import (
    AKIMAT_LINKS,
    AMOUNT,
    BY_AGREEMENT,
    COLLECTIVE,
    DASH,
    FREQUENCIES,
    MONTHS,
    MONTHS_GENITIVE,
    OBLAST_WORDS,
    PERIOD,
    REPORT_DAY,
    YEARS,
    Vocabulary,
    read_funding,
)

# A capitalised word missing from the legend: reported once for all its measures with the other gaps.
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}")

_CITY_NAMES = {r.name for r in REGIONS if r.kind == "city"}


@dataclass
class Executors:
    ministries: list[str]
    akimats: list[str]
    all_regions: bool
    by_agreement: list[str]  # the legend abbreviations and collective phrases marked "(по согласованию)"
    collective: list[str]  # collective phrases as written ("заинтересованные государственные органы")


# The executors' cell in tokens: a collective phrase, the by-agreement mark, or a word.
_EXECUTOR_TOKEN = re.compile(rf"(?P<collective>{COLLECTIVE.pattern})|(?P<agreement>{BY_AGREEMENT.pattern})|[^\s,;()]+",
                             re.IGNORECASE)


def parse_executors(raw: str, vocab: Vocabulary, line: int, measure: int) -> Executors:
    """Bodies from the legend, akimats as of the decree's date (vocab.as_of) and collective phrases.

    "акиматы областей" stands for the oblasts of that day, and an akimat of a region that did not exist on
    that day is an error.  "(по согласованию)" marks the body or collective phrase right before it; after an
    akimat it is read as the akimats' usual courtesy and marks nothing."""
    day = vocab.as_of
    ministries: list[str] = []
    akimats: list[str] = []
    collective: list[str] = []
    by_agreement: list[str] = []
    pending_oblasts: list[str] = []
    in_akimats = False
    last: str | None = None  # the body or collective phrase just named, which "(по согласованию)" would mark
    tokens = list(_EXECUTOR_TOKEN.finditer(raw))
    words = [m.group(0) for m in tokens]
    for index, token in enumerate(tokens):
        word = token.group(0)
        if token.group("collective"):
            phrase = " ".join(word.split())
            if phrase not in collective:
                collective.append(phrase)
            last, in_akimats = phrase, False
            continue
        if token.group("agreement"):
            if last is not None and last not in by_agreement:
                by_agreement.append(last)
            continue
        bare = word.rstrip(".") if word not in ("г.",) else word
        lower = bare.lower()
        if bare in vocab.bodies:
            if bare not in ministries:
                ministries.append(bare)
            last, in_akimats = bare, False
        elif lower.startswith("акимат"):
            last, in_akimats = None, True
        elif lower in OBLAST_WORDS and in_akimats:
            if pending_oblasts:  # "Атырауской и … областей": the names came first
                akimats.extend(pending_oblasts)
                pending_oblasts = []
            elif not _oblast_follows(words[index + 1 :]):
                # "акиматы областей" with no names after it ("области Абай") means every oblast of that day
                akimats.extend(regions_on(day, "oblast"))
        elif lower in AKIMAT_LINKS:
            continue
        elif in_akimats and (named := named_regions(bare)):
            region = next((r.name for r in named if r.exists_on(day)), None)
            if region is None:
                raise LoadError(
                    f"measure {measure}: akimat {bare!r} names {named[0].name}, which exists "
                    f"{' and '.join(r.lifetime() for r in named)}, not on the decree's date {day:%Y-%m-%d}",
                    line,
                )
            (akimats if region in _CITY_NAMES else pending_oblasts).append(region)
        elif bare in vocab.budgets:
            raise LoadError(f"measure {measure}: budget {bare!r} is listed among the executors", line)
        else:
            gap = bool(_ABBREVIATION.fullmatch(bare))  # most likely missing from a truncated legend
            raise LoadError(
                f"measure {measure}: executor {bare!r} is neither an abbreviation from the legend, nor an akimat, "
                "nor a collective phrase (such as «заинтересованные государственные органы»)",
                line, key="legend" if gap else None, subject=bare if gap else None,
            )
    akimats.extend(pending_oblasts)
    akimats = sorted(dict.fromkeys(akimats), key=sort_key)
    return Executors(ministries, akimats, all_regions_on(akimats, day), by_agreement, collective)


def _oblast_follows(words: list[str]) -> bool:
    following = next((w for w in words if w.lower() != "и"), "")
    return bool(named_regions(following.rstrip("."), kind="oblast"))


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass
class Deadline:
    start: date
    end: date
    kind: str  # DEADLINE_KINDS: "window", "by_date" (every period a "до/к <day> <month>"), "periodic"
    frequency: str | None  # FREQUENCIES' values, for a periodic deadline
    report_day: int | None  # "до 25 числа месяца, следующего за отчётным": 25


def parse_deadline(raw: str, year: int, line: int, measure: int) -> Deadline:
    """The deadline's window, kind and frequency.  A periodic deadline ("ежеквартально") spans the plan's
    period (the roadmap year, or the years the cell names); its frequency is that of its first periodic word."""
    text = " ".join(raw.split())
    year_match = re.search(r"(\d{4})\s+года", text)
    if year_match:
        year = int(year_match.group(1))
    periods = [m.group(0) for m in re.finditer(PERIOD, text)]
    if not periods:
        raise LoadError(f"measure {measure}: deadline {text!r} is not a period this loader knows", line)
    windows = [_period(period, year, line, measure) for period in periods]
    frequencies = [FREQUENCIES[word] for word in re.findall(r"[а-яё]+", text) if word in FREQUENCIES]
    report_day = None
    if m := re.search(REPORT_DAY, text):
        report_day = int(m.group("report_day"))
        if not 1 <= report_day <= 31:
            raise LoadError(f"measure {measure}: deadline {text!r} names day {report_day} of a month", line)
    if frequencies:
        kind = "periodic"
    elif all(re.match(r"(?:до|к)\s", period) for period in periods):
        kind = "by_date"
    else:
        kind = "window"
    return Deadline(min(w[0] for w in windows), max(w[1] for w in windows), kind,
                    frequencies[0] if frequencies else None, report_day)


def _period(text: str, year: int, line: int, measure: int) -> tuple[date, date]:
    whole_year = (date(year, 1, 1), date(year, 12, 31))
    if m := re.fullmatch(YEARS, text):
        first, last = int(m.group("first_year")), int(m.group("last_year"))
        if last <= first:
            raise LoadError(f"measure {measure}: deadline {text!r} ends before it starts", line)
        return date(first, 1, 1), date(last, 12, 31)
    if text.startswith(("в течение", *FREQUENCIES)):
        return whole_year
    if m := re.match(r"(?:до|к)\s+(\d{1,2})\s+(\w+)", text):
        day, month = int(m.group(1)), MONTHS_GENITIVE[m.group(2)]
        if day > calendar.monthrange(year, month)[1] or day < 1:
            raise LoadError(f"measure {measure}: deadline {text!r} names a day that does not exist", line)
        return date(year, 1, 1), date(year, month, day)
    if m := re.match(r"(\S+?)\s*(?:-?(?:й|го))?\s+(квартал|полугодие)", text):
        numeral = m.group(1).replace("І", "I")
        number = int(numeral) if numeral.isdigit() else _ROMAN.get(numeral, 0)
        span = 3 if m.group(2) == "квартал" else 6
        if not 1 <= number <= 12 // span:
            raise LoadError(f"measure {measure}: deadline {text!r} names no existing {m.group(2)}", line)
        first, last = (number - 1) * span + 1, number * span
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    months = [MONTHS[w] for w in re.findall(r"[а-я]+", text) if w in MONTHS]
    if months:
        first, last = months[0], months[-1]
        if last < first:
            raise LoadError(f"measure {measure}: deadline {text!r} ends before it starts", line)
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    raise LoadError(f"measure {measure}: deadline {text!r} is not a period this loader knows", line)


@dataclass
class Funding:
    cost: float | None
    note: str | None
    source: str | None
    funding_class: str
    by_source: list[dict]  # {"source": budget, "amount_thousand_kzt": amount}, in the cell's order


def parse_funding(raw: str, vocab: Vocabulary, line: int, measure: int) -> Funding:
    text = " ".join(raw.replace("*", " ").split())
    parts = read_funding(text, vocab.budgets)
    amounts, note, note_class, sources = parts.amounts, parts.note, parts.note_class, parts.sources
    if parts.leftover:
        raise LoadError(f"measure {measure}: funding {text!r} is neither an amount nor a known funding phrase", line)
    if any(a <= 0 for a in amounts):
        raise LoadError(f"measure {measure}: funding amount {text!r} is not positive", line)
    cost = round(sum(amounts), 1) if amounts else None
    funding_class = "budget_amount" if amounts else (note_class or "unspecified")
    by_source = _by_source(text, amounts, sources, vocab, line, measure)
    return Funding(cost, note, ", ".join(dict.fromkeys(sources)) or None, funding_class, by_source)


def _by_source(text: str, amounts: list[float], sources: list[str], vocab: Vocabulary, line: int,
               measure: int) -> list[dict]:
    """Each amount with its budget: "РБ – 100,0; МБ – 50,0", amounts and budgets (columns 6 and 7) in the same
    order, or several amounts beside one budget.  One amount beside several budgets is their joint amount: no
    split is made up.  Any other count of amounts and budgets is an error, not a guess."""
    if not amounts or not sources:
        return []
    budgets = "|".join(sorted(map(re.escape, vocab.budgets), key=len, reverse=True))
    pairs = [(m.group("source"), _amount(m.group("amount")))
             for m in re.finditer(rf"(?<!\w)(?P<source>{budgets})\s*{DASH.pattern}\s*(?P<amount>{AMOUNT})", text)]
    if pairs and len(pairs) == len(amounts) == len(sources):
        return [{"source": source, "amount_thousand_kzt": amount} for source, amount in pairs]
    if not pairs and len(sources) == len(amounts):
        return [{"source": source, "amount_thousand_kzt": amount} for source, amount in zip(sources, amounts)]
    if not pairs and len(set(sources)) == 1:  # one budget named: every amount is from it
        return [{"source": sources[0], "amount_thousand_kzt": amount} for amount in amounts]
    if len(amounts) == 1 and not pairs:
        return []
    raise LoadError(
        f"measure {measure}: funding {text!r} names {len(amounts)} amounts and {len(sources)} budgets"
        f"{f', {len(pairs)} of them paired with a dash' if pairs else ''}: which amount is whose cannot be told",
        line,
    )


def _amount(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def to_record(doc: Document, block: MeasureBlock, cells: Cells, vocab: Vocabulary, source_lines: list[str]) -> dict:
    number = block.number
    problems = Problems()  # the three cells are read independently: report each one's fault
    executors_raw = join_lines(cells.executor_lines)
    executors = problems.attempt(
        parse_executors, executors_raw, vocab, cells.line_of.get("executors", cells.first_line), number
    )
    deadline_raw = join_lines(cells.deadline_lines)
    deadline = problems.attempt(
        parse_deadline, deadline_raw, doc.roadmap_year, cells.line_of.get("deadline", cells.first_line), number
    )
    funding = problems.attempt(
        parse_funding, join_lines(cells.funding_lines), vocab, cells.line_of.get("funding", cells.first_line), number
    )
    problems.raise_any()
    title = join_lines(cells.title_lines)
    subpoints = [join_lines(lines) for lines in cells.subpoints]
    return {
        "measure_no": number,
        "section": block.section.number,
        "section_name": block.section.name,
        "direction": int(block.direction.number) if block.direction else None,
        "direction_name": block.direction.name if block.direction else None,
        "title": " ".join([title, *subpoints]),
        "subpoints": subpoints,
        "completion_form": f"{cells.form_head} в {cells.report_to}",
        "report_to": cells.report_to,
        "executors_raw": executors_raw,
        "ministries": executors.ministries,
        "akimats": executors.akimats,
        "akimats_all_regions": executors.all_regions,
        "executors_by_agreement": executors.by_agreement,
        "executors_collective": executors.collective,
        "deadline_raw": deadline_raw,
        "deadline_start": deadline.start,
        "deadline_end": deadline.end,
        "deadline_kind": deadline.kind,
        "deadline_frequency": deadline.frequency,
        "deadline_report_day": deadline.report_day,
        "cost_thousand_kzt": funding.cost,
        "funding_note": funding.note,
        "funding_source": funding.source,
        "funding_by_source": funding.by_source,
        "funding_class": funding.funding_class,
        "source_line_start": cells.first_line,
        "source_line_end": cells.last_line,
        "source_text": "\n".join(source_lines[cells.first_line - 1 : cells.last_line]),
        "roadmap_year": doc.roadmap_year,
    }
