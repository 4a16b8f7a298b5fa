"""The exceptions the loader raises for bad input, carrying where each problem is.

A damaged text usually has more than one fault; the loader reports all it can find in one run
(`Problems` collects them, `LoadErrors` carries them), each as one located sentence.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

MAX_REPORTED = 50


class LoadError(Exception):
    """Bad input: says which line of the source is wrong and how, in one sentence.

    Problems that share a ``key`` have one cause (an abbreviation missing from a truncated legend
    shows up in every measure that uses it) and are reported as one line naming every ``subject``.
    """

    def __init__(self, message: str, line: int | None = None, *, key: str | None = None, subject: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.key = key
        self.subject = subject

    @property
    def problems(self) -> list[LoadError]:
        return [self]

    def located(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line is not None else str(path)
        return f"{where}: {self.message}"

    def located_lines(self, path: str, limit: int = MAX_REPORTED) -> list[str]:
        """One located sentence per problem, at most ``limit`` of them and a line saying how many more."""
        lines = [problem.located(path) for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"{path}: {len(self.problems) - limit} more problems not shown")
        return lines


class LoadErrors(LoadError):
    """Several problems found in one run, merged by cause and in source order.

    As a LoadError it reads as the first of them, so a caller that handles one problem keeps working.
    """

    def __init__(self, errors: list[LoadError]):
        merged = _merge([problem for error in errors for problem in error.problems])
        merged.sort(key=lambda e: (e.line is None, e.line or 0))
        super().__init__(merged[0].message, merged[0].line, key=merged[0].key, subject=merged[0].subject)
        self.errors = merged

    @property
    def problems(self) -> list[LoadError]:
        return self.errors


class Problems:
    """Collects the problems of one run instead of stopping at the first."""

    def __init__(self) -> None:
        self.found: list[LoadError] = []

    def add(self, error: LoadError) -> None:
        self.found.extend(error.problems)

    def attempt(self, action: Callable[..., T], *args, **kwargs) -> T | None:
        """The action's result, or None after recording the problem it raised."""
        try:
            return action(*args, **kwargs)
        except LoadError as error:
            self.add(error)
            return None

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_any(self) -> None:
        if self.found:
            raise LoadErrors(self.found) if len(self.found) > 1 else self.found[0]


def _merge(problems: list[LoadError]) -> list[LoadError]:
    """One problem per cause: those with the same key become one sentence that names every occurrence."""
    groups: dict[str, list[LoadError]] = {}
    merged: list[LoadError] = []
    for problem in problems:
        if problem.key is None:
            merged.append(problem)
        elif problem.key in groups:
            groups[problem.key].append(problem)
        else:
            groups[problem.key] = [problem]
            merged.append(problem)
    for index, problem in enumerate(merged):
        group = groups.get(problem.key) if problem.key is not None else None
        if group and len(group) > 1:
            merged[index] = LoadError(
                f"{problem.message}; the same for {_occurrences(group)}", problem.line, key=problem.key,
                subject=problem.subject,
            )
    return merged


def _occurrences(group: list[LoadError]) -> str:
    by_subject: dict[str | None, list[int | None]] = {}
    for problem in group[1:]:
        by_subject.setdefault(problem.subject, []).append(problem.line)
    parts = []
    for subject, lines in by_subject.items():
        shown = ", ".join(str(n) for n in lines[:5] if n is not None)
        more = f" and {len(lines) - 5} more" if len(lines) > 5 else ""
        label = f"{subject!r} " if subject is not None else ""
        parts.append(f"{label}on line{'s' if len(lines) > 1 else ''} {shown}{more}")
    return "; ".join(parts)
