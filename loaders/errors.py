"""The one exception the loader raises for bad input, carrying where the problem is."""
from __future__ import annotations


class LoadError(Exception):
    """Bad input: says which line of the source is wrong and how, in one sentence."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def located(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line is not None else str(path)
        return f"{where}: {self.message}"
