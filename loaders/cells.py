"""Splitting one measure's lines into the table's columns.

The extraction keeps a row's cells in column order (title, completion form, executors, deadline,
funding with its source) but wraps every cell at its own width, so a line break says nothing, and it
glues the last line of a cell to the first line of the next ("МИОР в течение года", "в течение года
32 500,0", "декабрь 2021" / "года в пределах предусмотренных средств").  A row that crosses a page is
printed as the first lines of every cell, then, after the break, the rest of each cell that went on,
again in column order ("… городов" / page break / "привлечением пользователей" … "Алматы и Шымкента").

So each page of a row is read as one stream of words, and each word is assigned by what it is:

- the title runs up to the completion form (a head word such as «информация», "в", a recipient from the
  legend); a form cut by the page break is completed on the next page;
- the executors run up to the first deadline; the deadline is as long as it reads as one, and the
  funding words follow it;
- on a later page every cell goes on where it stopped: the title's rest is the shortest start of the
  page after which the remainder reads as the executors' words, the rest of the deadline and the
  funding words, leaving every cell complete;
- numbered sub-points ("1." and a line in small letters) after the completion form are rows of their
  own in the table and end the row's cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import LoadError
from .layout import MeasureBlock
from .vocabulary import AKIMAT_LINKS, DASH, DEADLINE_CUT, DEADLINE_WORD, Vocabulary


@dataclass
class Cells:
    number: int
    title_lines: list[str] = field(default_factory=list)
    subpoints: list[list[str]] = field(default_factory=list)
    form_head: str | None = None
    report_to: str | None = None
    executor_lines: list[str] = field(default_factory=list)
    deadline_lines: list[str] = field(default_factory=list)
    funding_lines: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    line_of: dict[str, int] = field(default_factory=dict)  # column -> first source line, for messages


@dataclass(frozen=True)
class Word:
    text: str
    line: int


@dataclass
class _Row:
    """The words of each column gathered so far, page by page."""

    title: list[Word] = field(default_factory=list)
    form: list[Word] = field(default_factory=list)  # head, "в", recipient (fewer while cut by a page break)
    executors: list[Word] = field(default_factory=list)
    deadline: list[Word] = field(default_factory=list)
    funding: list[Word] = field(default_factory=list)  # column 6: an amount or a funding phrase
    source: list[Word] = field(default_factory=list)  # column 7: budgets from the legend


_SUBPOINT = re.compile(r"^(\d{1,2}[.)])(?:\s+(.*))?$")
_ITEMS = re.compile(r"[^\s,;()]+")
_HYPHEN_END = re.compile(r"\w-$")
_DAY = re.compile(r"\d{1,2}")
_THOUSANDS = re.compile(r"0\d{2}(?:,\d+)?(?![\d\w])")  # a group no amount starts with
# The most words a later page's executors, deadline and funding can take up together: a bound on the
# search for where the title's rest ends, so that no text makes it slow.
_MOST_CONTINUED = 300


def split_cells(block: MeasureBlock, vocab: Vocabulary) -> Cells:
    first = block.lines[0]
    cells = Cells(block.number, first_line=first.number, last_line=first.number)
    rest = re.sub(r"^\d+\.\s*", "", first.text)
    pieces = _pieces([(first.number, rest, first.raw)] + [(ln.number, ln.text, ln.raw) for ln in block.lines[1:]])
    if pieces:
        cells.last_line = max(first.number, pieces[-1][0])
    main, subpoints = _cut_subpoints(pieces, vocab)
    pages = _pages(main)
    row = _Row()
    for index, page in enumerate(pages):
        _read_page(row, page, pages[index + 1 :], vocab, block.number)
    if row.form and not row.deadline:
        _unknown_deadline(row, vocab, block.number)
    _fill(cells, row, subpoints, vocab)
    _check_complete(cells)
    return cells


def _unknown_deadline(row: _Row, vocab: Vocabulary, measure: int) -> None:
    """No deadline was read, but the executors' cell holds words no executor is made of: that is where the
    deadline stands, in a form this loader was not taught.  Quote it and name its line."""
    words = row.executors
    start = next((i for i, word in enumerate(words) if not _is_executor(word, vocab)), None)
    if start is None:
        return  # the cell is missing altogether: _check_complete says so
    while start > 0 and words[start - 1].text.islower() and words[start - 1].text in AKIMAT_LINKS:
        start -= 1  # "по мере необходимости": a link word of akimat lists that begins the form
    end = len(words)
    while end > start + 1 and vocab.is_funding(words[end - 1].text):
        end -= 1  # the funding cell after it
    raise LoadError(
        f"measure {measure}: deadline {_text(words[start:end])!r} is a form this loader does not know (it knows "
        "windows such as «в течение года», «І квартал 2021 года», «2021 – 2022 годы», dates such as «до 1 декабря "
        "2021 года» and periodic deadlines such as «ежеквартально»)",
        words[start].line,
    )


def _pieces(numbered: list[tuple[int, str, str]]) -> list[tuple[int, str, bool]]:
    """Non-blank texts with whether a page break (two or more blank lines, or a form feed) precedes each."""
    pieces: list[tuple[int, str, bool]] = []
    blanks = 0
    for line_no, text, raw in numbered:
        if "\f" in raw:
            blanks += 2
        if not text:
            blanks += 1
            continue
        pieces.append((line_no, text, blanks >= 2))
        blanks = 0
    return pieces


def _cut_subpoints(pieces, vocab: Vocabulary):
    """The row's own lines, and the numbered sub-points printed after its cells."""
    seen_form = False
    for index, (_, text, _) in enumerate(pieces):
        if index and seen_form and _SUBPOINT.match(text):
            return pieces[:index], pieces[index:]
        seen_form = seen_form or any(vocab.is_form_head(word) for word in text.split())
    return pieces, []


def _pages(pieces) -> list[list[Word]]:
    """The words of each page; a word hyphenated over a line end ("Нур-" / "Султана,") is one word."""
    pages: list[list[Word]] = [[]]
    for line_no, text, after_break in pieces:
        if after_break and pages[-1]:
            pages.append([])
        words = [Word(word, line_no) for word in text.split()]
        page = pages[-1]
        if page and _HYPHEN_END.search(page[-1].text) and page[-1].line != line_no:
            page[-1] = Word(page[-1].text + words.pop(0).text, page[-1].line)
        page.extend(words)
    return [page for page in pages if page]


# -- one page of a row -------------------------------------------------------------------------------------
def _read_page(row: _Row, page: list[Word], later: list[list[Word]], vocab: Vocabulary, measure: int) -> None:
    last = not later
    if not row.form:  # the completion form is still to come: the title runs up to it
        found = _find_form(page, later, vocab)
        if found is None:
            row.title += page
            return
        start, count = found
        row.title += page[:start]
        row.form += page[start : start + count]
        rest = page[start + count :]
    elif len(row.form) < 3:  # its head came before the page break, its recipient comes here
        need = 3 - len(row.form)
        start = _find_form_rest(page, need, vocab)
        if start is None:
            row.title += page
            return
        row.title += page[:start]
        row.form += page[start : start + need]
        rest = page[start + need :]
    else:  # every cell goes on: first the title's rest
        start = _title_goes_on(row, page, last, vocab)
        row.title += page[:start]
        rest = page[start:]
    executors, deadline, funding, source, leftover = _columns(row, rest, last, vocab)
    row.executors += executors
    row.deadline += deadline
    row.funding += funding
    row.source += source
    if leftover:
        raise LoadError(
            f"measure {measure}: after the deadline and funding comes {_text(leftover)[:60]!r}, which is no "
            "funding phrase, no executor and no title continued over a page break",
            leftover[0].line,
        )


def _find_form(page: list[Word], later: list[list[Word]], vocab: Vocabulary) -> tuple[int, int] | None:
    """Where the completion form starts on the page and how many of its three words are there."""
    for i, word in enumerate(page[:-2]):
        if (
            vocab.is_form_head(word.text)
            and page[i + 1].text == "в"
            and vocab.recipient(page[i + 2].text, page[i + 2].line)
        ):
            return i, 3
    heads = [i for i, word in enumerate(page) if vocab.is_form_head(word.text)]
    if not heads or not later:
        return None
    # Cut by the page break: the last head word (the title comes before it, the other cells after it),
    # and "в" with it only when the next page holds the recipient alone.
    i = heads[-1]
    if _find_form_rest(later[0], 2, vocab) is None and i + 1 < len(page) and page[i + 1].text == "в" \
            and _find_form_rest(later[0], 1, vocab) is not None:
        return i, 2
    return i, 1


def _find_form_rest(page: list[Word], need: int, vocab: Vocabulary) -> int | None:
    for j in range(len(page) - need + 1):
        if need == 2 and page[j].text != "в":
            continue
        if vocab.recipient(page[j + need - 1].text, page[j + need - 1].line, strict=False):
            return j
    return None


def _title_goes_on(row: _Row, page: list[Word], last: bool, vocab: Vocabulary) -> int:
    """How many words at the top of a later page continue the title: the fewest after which the rest
    of the page reads as the other cells going on, each of them complete on the row's last page."""
    # The title takes at least every word up to the last one that no other cell could hold.
    floor = max((i + 1 for i, word in enumerate(page) if not _may_go_on(word, vocab)), default=0)
    for start in range(max(floor, len(page) - _MOST_CONTINUED), len(page) + 1):
        executors, deadline, funding, source, leftover = _columns(row, page[start:], last, vocab)
        if leftover or not all(_is_executor(word, vocab) for word in executors):
            continue
        if last:
            if not vocab.reads_as_executors(_text(row.executors + executors)):
                continue
            whole = row.deadline + deadline
            if whole and not vocab.is_deadline(_text(whole)):
                continue
            if not vocab.is_complete_funding(_text(row.funding + funding + row.source + source)):
                continue
        return start
    return len(page)


def _columns(row: _Row, words: list[Word], last: bool, vocab: Vocabulary):
    """Split words into executors, deadline, funding and source (and what is left over)."""
    if not row.deadline:
        start, end = _deadline_at(words, last, vocab)
    else:  # the deadline goes on after the executors' rest
        start = next((i for i, word in enumerate(words) if not _is_executor(word, vocab)), len(words))
        end = _deadline_goes_on(row.deadline, words, start, last, vocab)
    funded = end
    # Column 6: amounts and funding phrases, and budgets each with its amount after a dash ("РБ – 100,0;").
    while funded < len(words) and (
        vocab.is_funding(words[funded].text) and not _is_source(words[funded], vocab)
        or _is_source(words[funded], vocab) and funded + 1 < len(words) and DASH.fullmatch(words[funded + 1].text)
    ):
        funded += 1
    sourced = funded
    while sourced < len(words) and _is_source(words[sourced], vocab):
        sourced += 1
    return words[:start], words[start:end], words[end:funded], words[funded:sourced], words[sourced:]


def _deadline_at(words: list[Word], last: bool, vocab: Vocabulary) -> tuple[int, int]:
    """The first deadline among the words, as long as it reads as one and leaves funding words after it.

    Before a page break the deadline may be cut ("в" | "течение года", "декабрь 2021" | "года").
    """
    cut: tuple[int, int] | None = None
    for start in range(len(words)):
        if not vocab.is_deadline_start(words[start].text):
            continue
        complete, partial = [], []
        for end in range(start + 1, len(words) + 1):
            text = _text(words[start:end])
            if vocab.is_deadline(text):
                complete.append(end)
            elif DEADLINE_CUT.fullmatch(text):
                partial.append(end)
            else:
                break
        partial = [end for end in partial if not _splits_amount(words, end)]
        if complete:
            funded = [end for end in complete + ([] if last else partial) if _all_funding(words[end:], vocab)]
            return start, _longest(funded, words, vocab) if funded else max(complete)
        if not last and cut is None:
            funded = [end for end in partial if _all_funding(words[end:], vocab)]
            if funded:
                cut = (start, _longest(funded, words, vocab))
    return cut or (len(words), len(words))


def _longest(ends: list[int], words: list[Word], vocab: Vocabulary) -> int:
    """The longest reading of the deadline among those leaving the funding words after it, preferring one that
    leaves them a whole funding cell, else the start of one: "ежеквартально," then "в пределах предусмотренных
    средств" is no deadline cut after "в"."""
    whole = [end for end in ends if vocab.is_complete_funding(_text(words[end:]))]
    opening = [end for end in ends if vocab.starts_funding(_text(words[end:]))]
    return max(whole or opening or ends)


def _deadline_goes_on(before: list[Word], words: list[Word], start: int, last: bool, vocab: Vocabulary) -> int:
    ends = []
    for end in range(start + 1, len(words) + 1):
        text = _text(before + words[start:end])
        if vocab.is_deadline(text):
            ends.append(end)
        elif DEADLINE_CUT.fullmatch(text):
            if not last and not _splits_amount(words, end):
                ends.append(end)
        else:
            break
    funded = [end for end in ends if _all_funding(words[end:], vocab)]
    return max(funded) if funded else start


def _splits_amount(words: list[Word], end: int) -> bool:
    """Whether a cut deadline ending before words[end] would take the first digits of an amount ("до 25" |
    "000,0"): what follows starts with a group of three digits no amount begins with (a zero)."""
    return 0 < end < len(words) and bool(_DAY.fullmatch(words[end - 1].text) and _THOUSANDS.match(words[end].text))


def _is_executor(word: Word, vocab: Vocabulary) -> bool:
    return not _ITEMS.findall(word.text) or vocab.is_executors(word.text)


def _may_go_on(word: Word, vocab: Vocabulary) -> bool:
    return _is_executor(word, vocab) or vocab.is_funding(word.text) or DEADLINE_WORD.fullmatch(word.text) is not None


def _is_source(word: Word, vocab: Vocabulary) -> bool:
    items = [item.strip("*.:") for item in _ITEMS.findall(word.text)]
    return any(items) and all(item in vocab.budgets for item in items if item)


def _all_funding(words: list[Word], vocab: Vocabulary) -> bool:
    return all(vocab.is_funding(word.text) for word in words)


def _text(words: list[Word]) -> str:
    return " ".join(word.text for word in words)


# -- back to cells -------------------------------------------------------------------------------------------
def _lines(words: list[Word]) -> list[tuple[int, str]]:
    """Words regrouped by their source line, so that line-end repairs ("Нур-" + "Султана") still apply."""
    lines: list[tuple[int, str]] = []
    for word in words:
        if lines and lines[-1][0] == word.line:
            lines[-1] = (word.line, f"{lines[-1][1]} {word.text}")
        else:
            lines.append((word.line, word.text))
    return lines


def _fill(cells: Cells, row: _Row, subpoints, vocab: Vocabulary) -> None:
    for line_no, text in _lines(row.title):
        _add(cells, "title", cells.title_lines, text, line_no)
    for line_no, text, _ in subpoints:
        _add(cells, "title", cells.title_lines, text, line_no)
    if row.form:
        cells.form_head = row.form[0].text
        cells.line_of["form"] = row.form[0].line
        if len(row.form) == 3:
            cells.report_to = vocab.recipient(row.form[2].text, row.form[2].line)
    for column, words, target in (
        ("executors", row.executors, cells.executor_lines),
        ("deadline", row.deadline, cells.deadline_lines),
        ("funding", row.funding + row.source, cells.funding_lines),
    ):
        for line_no, text in _lines(words):
            _add(cells, column, target, text, line_no)


def _add(cells: Cells, column: str, target: list[str], text: str, line_no: int) -> None:
    cells.line_of.setdefault(column, line_no)
    if column == "title" and cells.title_lines and _SUBPOINT.match(text.strip()):
        cells.subpoints.append([text])
    elif column == "title" and cells.subpoints:
        cells.subpoints[-1].append(text)
    else:
        target.append(text)


def _check_complete(cells: Cells) -> None:
    where = cells.first_line
    if not cells.title_lines:
        raise LoadError(f"measure {cells.number} has no title", where)
    if cells.form_head is None:
        raise LoadError(
            f"measure {cells.number}: no completion form (such as \"информация в МИОР\") found in its row", where
        )
    if cells.report_to is None:
        raise LoadError(
            f"measure {cells.number}: the completion form names no recipient", cells.line_of.get("form", where)
        )
    if not cells.executor_lines:
        raise LoadError(f"measure {cells.number}: no responsible executors found", cells.line_of.get("form", where))
    if not cells.deadline_lines:
        raise LoadError(
            f"measure {cells.number}: no deadline found (such as \"в течение года\", \"І квартал 2021 года\")",
            cells.line_of.get("executors", where),
        )
