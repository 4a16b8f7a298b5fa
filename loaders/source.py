"""Reading a decree text file, refusing what is not one with a message that says why."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError
from .text import despace


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source file
    raw: str
    text: str  # spaced letters rejoined, outer whitespace stripped


def read_source(path: Path) -> list[Line]:
    if not path.exists():
        raise LoadError("no such file")
    if path.is_dir():
        raise LoadError("is a directory, not a decree text file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}") from None
    return decode_lines(data)


def decode_lines(data: bytes) -> list[Line]:
    if not data.strip():
        raise LoadError("the file is empty")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise LoadError("binary data (a NUL byte), not a text file", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); re-save the text as UTF-8", line
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    junk = _JUNK.search(text)
    bad = junk.start() if junk else None
    if bad is not None:
        raise LoadError(
            f"control character U+{ord(text[bad]):04X}: binary data, not a text file",
            text[:bad].count("\n") + 1,
        )
    return [Line(n, raw, despace(raw).strip()) for n, raw in enumerate(text.split("\n"), start=1)]


# Control characters but newline, tab and form feed (CR is gone by now), C1 controls, the replacement
# character: what a binary file or a broken conversion leaves.  One search instead of a test per character.
_JUNK = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufffd]")
