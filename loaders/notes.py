"""The notes a decree prints under its table ("Примечание:"), such as the footnote saying when the
expenses marked "*" will be considered, so that the app can show them beside the figures they qualify.

Found by the block's shape, not its wording: the block runs from the note heading that ends the table
to the legend's heading; each note starts on a line with a marker ("*", "**", "1)", "–") and runs on
until the next marker; the measures a star note qualifies are those whose row carries its marker
after a word or an amount.
"""
from __future__ import annotations

import re

from .source import Line
from .text import join_lines

_HEADING = re.compile(r"^Примечани[ея]\s*:?\s*", re.IGNORECASE)
_MARKER = re.compile(r"^(?P<marker>\*{1,3}|\d{1,2}[.)]|[-–—])\s*(?P<text>\S.*)?$")


def decree_notes(block: list[Line], rows: dict[int, str]) -> list[dict]:
    """One entry per note: its marker ("" for an unmarked note), its text, its first source line, and
    the measures (by number) whose source text carries a star marker.  rows: measure number → its text."""
    notes: list[dict] = []
    parts: list[list[str]] = []
    for index, ln in enumerate(block):
        text = _HEADING.sub("", ln.text) if index == 0 else ln.text
        if not text:
            continue
        marked = _MARKER.match(text)
        if marked or not notes:
            notes.append({"marker": marked.group("marker") if marked else "", "text": "", "line": ln.number,
                          "measures": []})
            parts.append([])
            text = (marked.group("text") or "") if marked else text
        parts[-1].append(text)
    for note, lines in zip(notes, parts):
        note["text"] = join_lines(lines).rstrip(";.,").strip()
        if note["marker"].startswith("*"):
            # As a footnote mark: after a word or an amount, never inside a word ("1+1)*cmd").
            star = re.compile(rf"(?<!\*){re.escape(note['marker'])}(?![*\w])")
            note["measures"] = [number for number, text in rows.items() if star.search(text)]
    return [note for note in notes if note["text"]]
