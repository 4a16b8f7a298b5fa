"""Repairs for the damage a PDF-to-text extraction does to running text.

Spaced-out letters (``П р о в е д е н и е``), words hyphenated over line ends, quotes torn
from the words they belong to, and stray spaces before punctuation.
"""
from __future__ import annotations

import re

# A run of single characters each separated by one or two spaces: ``М И О Р ,`` or
# ``9 3 2  8 7 0 , 0``.  Within a run, two spaces separate words and one space separates letters.
# Its first character may carry an opening bracket and its last a closing punctuation mark, as a spaced word
# next to punctuation does (``( М К С )``, ``(М К С)``, ``М О Н ,``, ``М О Н,``).
_SPACED_RUN = re.compile(r"(?<!\S)[(«]?\S(?= )(?:  ?\S(?!\S))*  ?\S[,;:.!?)»]*(?!\S)")
_CLOSERS = ",;:.!?)"
_UPPER = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]$")
_OPENING, _CLOSING = "(«", ",;:.!?)»"


def despace(line: str) -> str:
    """Rejoin letters the extraction spaced out, keeping the word breaks it left as double spaces."""

    def join(match: re.Match[str]) -> str:
        run = match.group(0)
        chars = run.split()
        # Two lone letters are too often real words ("и в", "с и"); only shouting capitals
        # such as "М З" are safe to join when the run is that short.  A closing mark glued to a character is
        # not one of the run's ("и в," stays two words); one spaced on its own is, as an opening bracket
        # is ("1 3 ." is "13.", "( п о" is "(по").
        letters = [c.rstrip(_CLOSING) or c for c in chars]
        if len(letters) < 3 and not all(_UPPER.match(c.lstrip(_OPENING)) for c in letters):
            return run
        return " ".join(_join_word(word.split(" ")) for word in re.split(r" {2,}", run))

    return _SPACED_RUN.sub(join, line)


def _join_word(chars: list[str]) -> str:
    caps = 0
    while caps < len(chars) and _UPPER.match(chars[caps]):
        caps += 1
    if 2 <= caps < len(chars) and chars[caps].isalpha():
        # Capitals then small letters within one word: a spaced abbreviation followed by real
        # one-letter words ("М З в течение года"), since no abbreviation continues in lower case.
        return "".join(chars[:caps]) + " " + " ".join(chars[caps:])
    return "".join(chars)


def join_lines(lines: list[str]) -> str:
    """Join the lines of one cell into one clean string."""
    text = ""
    for raw in lines:
        piece = " ".join(raw.split())
        if not piece:
            continue
        if not text:
            text = piece
        elif re.search(r"\w-$", text):  # "Нур-" + "Султана", "COVID-" + "19"
            text += piece
        else:
            text += " " + piece
    return tidy(text)


def tidy(text: str) -> str:
    text = " ".join(text.split())
    text = attach_quotes(text)
    text = re.sub(r"\s+([,;:.!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return text.strip()


def attach_quotes(text: str) -> str:
    """Glue each straight double quote to the word it opens or closes.

    A quote touching a word on one side only is unambiguous (one touching punctuation on its right
    closes, even after a space: the extraction carried it to the start of the next line).  A quote
    with spaces on both sides (the extraction broke the line right after it) opens when a capital, a
    digit or a Latin letter follows, closes when punctuation or the end follows, and otherwise
    follows the nesting depth.
    """
    out: list[str] = []
    depth = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch != '"':
            out.append(ch)
            i += 1
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if before.isspace() and not after.isspace():
            opening = after not in _CLOSERS  # '", победителей': punctuation only ever follows a closing quote
        elif not before.isspace() and (after.isspace() or not after.isalnum()):
            opening = False
        elif not before.isspace() and after.isalnum():
            opening = depth == 0
        else:
            nxt = text[i + 1 :].lstrip()[:1]
            if not nxt or nxt in _CLOSERS:
                opening = False
            elif nxt.isupper() or nxt.isdigit():
                opening = True
            else:
                opening = depth == 0
        if opening:
            depth += 1
            out.append('"')
            i += 1
            while i < n and text[i] == " ":
                i += 1
        else:
            depth = max(depth - 1, 0)
            while out and out[-1] == " ":
                out.pop()
            out.append('"')
            i += 1
    return "".join(out)
