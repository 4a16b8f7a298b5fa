"""Whose report a file is, for which round of which decree.

The caller always knows the executor and the round (the signed-in user's choice on the page, or the
operator's ``--executor`` and ``--round``): those are the authority.  What the file says of itself (a
template's hidden sheet, a CSV's identity columns) is a cross-check only: anyone can unprotect a sheet and
edit it, so a file that names another executor, round or decree is refused, and one that names nothing is
taken to be what the caller says.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from .cells import blank, day, text, whole
from .decrees import Decree, executors
from .fileformat import FORMAT, FORMAT_VERSION
from .problems import Problem, cut
from .vocabulary import STATUS_LABELS


@dataclass
class Identity:
    decree: Decree | None = None
    executor: str = ""
    round: date | None = None
    lang: str = "ru"
    from_columns: dict[str, Any] = field(default_factory=dict)


def describe(executor: str, round_: Any, decree_number: Any, year: Any) -> str:
    """Who, when and which decree in a language-neutral line: «МКС · 2021-07-05 · № 50 (2021)»."""
    when = round_.isoformat() if isinstance(round_, date) else (text(round_) or "?")
    return f"{executor or '?'} · {when} · № {text(decree_number) or '?'} ({text(year) or '?'})"


def _decree(year: Any, number: Any, identity: Identity, known: Mapping[int, Decree],
            expected_decree: tuple[int, str] | None, executor: str, round_: date) -> list[Problem]:
    given_year = whole(year) if not blank(year) else None
    if not blank(year) and given_year is None:
        return [Problem("unknown_roadmap", params={"value": cut(year)})]
    given_number = text(number)
    if expected_decree is not None:
        want_year, want_number = int(expected_decree[0]), str(expected_decree[1])
        if (given_year is not None and given_year != want_year) or (given_number not in (None, want_number)):
            return [Problem("identity", params={
                "found": cut(describe(executor, round_, given_number, given_year)),
                "expected": describe(executor, round_, want_number, want_year)})]
        given_year, given_number = want_year, want_number
    if given_year is None:
        candidates = [d for d in known.values() if round_ in d.rounds]
        if len(candidates) != 1:
            return [Problem("unknown_roadmap", params={"value": "?"})]
        given_year = candidates[0].roadmap_year
    decree = known.get(given_year)
    if decree is None:
        return [Problem("unknown_roadmap", params={"value": given_year})]
    if given_number is not None and given_number != decree.number:
        return [Problem("identity", params={
            "found": cut(describe(executor, round_, given_number, given_year)),
            "expected": describe(executor, round_, decree.number, given_year)})]
    identity.decree = decree
    return []


def _executor_and_round(said_executor: Any, said_round: Any, identity: Identity, measures: pa.Table,
                        executor: str, round_: date) -> list[Problem]:
    decree = identity.decree
    assert decree is not None
    out = []
    named = text(said_executor)
    named_day = day(said_round) if not blank(said_round) else None
    if (named is not None and named != executor) or (not blank(said_round) and named_day != round_):
        out.append(Problem("identity", params={
            "found": cut(describe(named or executor, named_day or said_round or round_, decree.number,
                                  decree.roadmap_year)),
            "expected": describe(executor, round_, decree.number, decree.roadmap_year)}))
    if executor not in executors(measures, decree.roadmap_year):
        out.append(Problem("unknown_executor", params={"value": cut(executor), "year": decree.roadmap_year}))
    if round_ not in decree.rounds:
        out.append(Problem("not_a_round", params={
            "value": round_.isoformat(), "year": decree.roadmap_year,
            "rounds": ", ".join(d.isoformat() for d in decree.rounds) or "—"}))
    identity.executor, identity.round = executor, round_
    return out


def from_template(meta: dict[str, str], identity: Identity, known: Mapping[int, Decree], measures: pa.Table,
                  executor: str, round_: date, expected_decree: tuple[int, str] | None) -> list[Problem]:
    """Check the template's hidden sheet against what the caller expects."""
    if meta.get("format") != FORMAT:
        return [Problem("template_damaged", params={"key": "format"})]
    if meta.get("version") != str(FORMAT_VERSION):
        return [Problem("template_damaged", params={"key": "version"})]
    for key in ("executor", "round"):
        if blank(meta.get(key)):
            return [Problem("template_damaged", params={"key": key})]
    if meta.get("lang") in STATUS_LABELS:
        identity.lang = meta["lang"]
    problems = _decree(meta.get("roadmap_year"), meta.get("decree_number"), identity, known, expected_decree,
                       executor, round_)
    return problems or _executor_and_round(meta["executor"], meta["round"], identity, measures, executor, round_)


def from_columns(given: dict[str, Any], identity: Identity, known: Mapping[int, Decree], measures: pa.Table,
                 executor: str, round_: date, expected_decree: tuple[int, str] | None) -> list[Problem]:
    """Check a plain file's identity columns (on its first filled row) against what the caller expects."""
    identity.from_columns = given
    problems = _decree(given.get("roadmap_year"), given.get("decree_number"), identity, known, expected_decree,
                       executor, round_)
    return problems or _executor_and_round(given.get("executor"), given.get("round"), identity, measures,
                                           executor, round_)
