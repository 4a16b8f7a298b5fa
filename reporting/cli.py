"""The operator's command line: ``python -m reporting <command>``, the same use cases as the Reports page.

Every command exits 0 when it did what was asked and 1 otherwise, with one line per problem (in the language
of ``--lang``) and never a traceback.
"""
from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import i18n
import settings

from . import review
from .changes import changes
from .decrees import decrees, load_roadmap, measures_of
from .log import latest_rows, read_log, reports_dir, stored_files
from .store import StoreConflict, store
from .template import template_xlsx
from .validate import Submission, validate

PROG = "python -m reporting"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text[:40]}") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog=PROG, description="Executors' reports: check, store, list, and the "
                                   "template to fill in (the operator's path beside the Reports page).")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--data", default=None, help="the roadmap parquet, or a glob of several (default: "
                         "$ROADMAP_DATA, else data/roadmap.parquet)")

    def reports(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--reports", type=Path, default=None, help="the reports directory (default: "
                         "$ROADMAP_REPORTS, else data/reports)")

    def lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", choices=tuple(i18n.LANGUAGES), default=i18n.DEFAULT,
                         help="the language of the problems printed (and of a template)")

    def whose(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--executor", required=True, help="whose report it is (a legend abbreviation or a "
                         "region, as the decree names it); a template's own record must agree")
        sub.add_argument("--round", required=True, type=_day, help="the reporting date, YYYY-MM-DD")

    submit = commands.add_parser("submit", help="validate a filled report whole and store it",
                                 description="Validate a filled report whole; store it only if it passes.")
    submit.add_argument("file", type=Path, help="the filled template (.xlsx) or a CSV UTF-8 file")
    whose(submit)
    submit.add_argument("--submitter", default=None, help="the name of the person the report came from; stored "
                        'beside the operator\'s own account ("operator:<os user> for <name>")')
    reports(submit), data(submit), lang(submit)

    check = commands.add_parser("check", help="validate a filled report; store nothing",
                                description="Validate a filled report whole; store nothing.")
    check.add_argument("file", type=Path, help="the filled template (.xlsx) or a CSV UTF-8 file")
    whose(check)
    data(check), lang(check)

    template = commands.add_parser("template", help="write an executor's report template for a round",
                                   description="Write an executor's report template for a round.")
    whose(template)
    template.add_argument("--out", required=True, type=Path, help="the XLSX file to write")
    template.add_argument("--year", type=int, default=None, help="the roadmap year, when several are loaded")
    data(template), lang(template)

    listing = commands.add_parser("list", help="one line per stored submission",
                                  description="One line per stored submission, oldest first: its id, executor, "
                                  "round, received at (UTC), rows, submitter, review state.")
    listing.add_argument("--executor", default=None, help="only this executor's")
    listing.add_argument("--round", type=_day, default=None, help="only this round's")
    reports(listing)

    review_ = commands.add_parser("review", help="accept a submission, or return it with a reason",
                                  description="Record МИОР's decision on a stored submission (its id, as `list` "
                                  "prints it): a later decision supersedes an earlier one; nothing is edited.")
    review_.add_argument("id", help="the submission's id")
    decision = review_.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true", help="accept it")
    decision.add_argument("--return", dest="returned", action="store_true",
                          help="return it to the executor (it stops counting; --reason is required)")
    review_.add_argument("--reason", default=None, help="why it is returned (what to correct)")
    review_.add_argument("--reviewer", default=None, help="the name of the reviewer; stored beside the operator's "
                         'own account ("operator:<os user> for <name>")')
    reports(review_)

    freeze = commands.add_parser("freeze", help="make the round's consolidated information and freeze it as a "
                                 "new numbered version", description="Make the DOCX and XLSX of the round's "
                                 "consolidated information for the Presidential Administration, for the measures "
                                 "the link keys select, and store them with their rows as the round's next "
                                 "version: immutable, never rebuilt.")
    freeze.add_argument("--round", required=True, type=_day, help="the reporting date, YYYY-MM-DD")
    freeze.add_argument("--year", type=int, default=None, help="the roadmap year, when several share the date")
    for key in ("ministry", "akimat", "direction", "funding", "report_to", "status"):
        freeze.add_argument(f"--{key}", action="append", default=[], metavar="VALUE",
                            help=f"the link key {key} (repeat for several values)")
    freeze.add_argument("--q", default="", help="the link key q: words in the title")
    freeze.add_argument("--made-by", default=None, help="the name of who hands it over; stored beside the "
                        'operator\'s own account ("operator:<os user> for <name>")')
    reports(freeze), data(freeze), lang(freeze)
    return main


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _roadmap(spec: str | None):
    try:
        return load_roadmap(spec)
    except (OSError, pa.ArrowException, ValueError) as exc:
        _err(f"error: cannot read the roadmap data: {exc}")
        return None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def submitter_of(name: str | None) -> str:
    """The operator's account, always; a typed name only beside it (the page stores the sign-in's identity)."""
    account = f"operator:{_os_user()}"
    typed = " ".join((name or "").split())[:120]
    return f"{account} for {typed}" if typed else account


def _validated(args) -> tuple[Submission | None, int]:
    loaded = _roadmap(args.data)
    if loaded is None:
        return None, 1
    measures, metadata = loaded
    result = validate(args.file, args.file.name, measures, metadata, args.executor, expected_round=args.round)
    if isinstance(result, list):
        t = i18n.catalogue(args.lang)
        for problem in result:
            print(f"{args.file}: {problem.line(t)}")
        return None, 1
    return result, 0


def _check(args) -> int:
    result, code = _validated(args)
    if result is not None:
        print(f"{args.file}: valid: {result.describe()}; nothing stored (check)")
    return code


def _submit(args) -> int:
    result, code = _validated(args)
    if result is None:
        return code
    directory = args.reports if args.reports is not None else reports_dir()
    try:
        unreadable: list[Path] = []
        previous = latest_rows(read_log(directory, unreadable), roadmap_year=result.roadmap_year,
                               decree_number=result.decree_number, round=result.round, executor=result.executor)
        for path in unreadable:
            _err(f"warning: {path} is not a readable report file; it was skipped")
        stored = store(result, directory, submitter_of(args.submitter))
    except (OSError, pa.ArrowException, StoreConflict) as exc:
        _err(f"error: cannot store the report in {directory}: {exc}")
        return 1
    print(f"{stored}: {result.describe()}")
    if stored.stored and previous:
        for line in changes(previous, result.rows).lines():
            print(f"  {line}")
    return 0


def _template(args) -> int:
    loaded = _roadmap(args.data)
    if loaded is None:
        return 1
    measures, metadata = loaded
    years = [y for y, d in decrees(metadata).items() if args.year in (None, y) and args.round in d.rounds]
    if len(years) != 1:
        _err(f"error: {args.round} is a reporting date of several loaded roadmaps: choose one with --year" if years
             else f"error: {args.round} is not a reporting date of a loaded roadmap")
        return 1
    year = years[0]
    mine = measures_of(measures, args.executor, year)
    if not mine.num_rows:
        _err(f"error: {args.executor} has no measures in the {year} roadmap")
        return 1
    meta = metadata[year]
    decree = {"year": year, "number": meta.get("decree_number") or "", "date": meta.get("decree_date") or ""}
    try:
        data = template_xlsx(mine.to_pandas(), args.executor, args.round, decree, i18n.catalogue(args.lang))
        args.out.write_bytes(data)
    except ValueError as exc:
        _err(f"error: the template cannot be made from the loaded data: {exc}")
        return 1
    except OSError as exc:
        _err(f"error: cannot write {args.out}: {exc.strerror or exc}")
        return 1
    print(f"wrote {args.out}: {args.executor}, {mine.num_rows} measures, round {args.round}")
    return 0


def _list(args) -> int:
    directory = args.reports if args.reports is not None else reports_dir()
    decided = review.states(review.read_reviews(directory))
    for path in stored_files(directory):
        try:
            with pq.ParquetFile(path) as parquet:
                first = parquet.read_row_group(0, columns=["executor", "round", "submitted_at", "submitter"])
                rows = parquet.metadata.num_rows
        except (OSError, pa.ArrowException, ValueError, IndexError):
            _err(f"warning: {path} is not a readable report file; it was skipped")
            continue
        who = first.slice(0, 1).to_pylist()[0]
        if (args.executor not in (None, who["executor"])) or (args.round not in (None, who["round"])):
            continue
        print("\t".join((path.stem, who["executor"], who["round"].isoformat(),
                         f"{who['submitted_at']:%Y-%m-%d %H:%M:%S}Z", str(rows), who["submitter"],
                         review.state_of(path.stem, decided))))
    return 0


def _freeze(args) -> int:
    from urllib.parse import urlencode

    from . import round_report
    from .round_data import Selection, load_dataset

    try:
        dataset = load_dataset(args.data or settings.MEASURES_PARQUET)
    except (OSError, pa.ArrowException, ValueError) as exc:
        _err(f"error: cannot read the roadmap data: {exc}")
        return 1
    years = [y for y, d in dataset.decrees.items() if args.year in (None, y) and args.round in d.rounds]
    if len(years) != 1:
        _err(f"error: {args.round} is a reporting date of several loaded roadmaps: choose one with --year" if years
             else f"error: {args.round} is not a reporting date of a loaded roadmap")
        return 1
    year = years[0]
    keys = {k: tuple(getattr(args, k)) for k in ("ministry", "akimat", "direction", "funding", "report_to", "status")}
    selection = Selection(**keys, q=args.q.strip())
    link = [("round", args.round.isoformat())] + [(k, v) for k, values in selection.active().items()
                                                   for v in ((values,) if k == "q" else values)]
    if len(dataset.decrees) > 1:
        link.insert(1, ("year", str(year)))
    query = urlencode(link)
    directory = args.reports if args.reports is not None else reports_dir()
    t = i18n.catalogue(args.lang)
    try:
        made = round_report.freeze(directory, dataset, read_log(directory), review.read_reviews(directory), year,
                                   args.round, selection, t, submitter_of(args.made_by),
                                   urlencode([p for p in link if p[0] != "round"]), selection.words(t))
    except (OSError, pa.ArrowException, ValueError) as exc:
        _err(f"error: cannot freeze the round in {directory}: {exc}")
        return 1
    print(f"version {made.number} of the {year} roadmap, round {args.round}, by {made.made_by}")
    if made.existing:  # nothing changed since it: no twin was stored
        print(t.HANDOVER_UNCHANGED.format(number=made.number))
    print(f"  {made.docx}\n  {made.xlsx}")
    for kind in ("docx", "xlsx"):
        print(f"  /export/round-report.{kind}?{query}&version={made.number}")
    return 0


def _review(args) -> int:
    directory = args.reports if args.reports is not None else reports_dir()
    decision = "accepted" if args.accept else "returned"
    try:
        made = review.record(args.id, decision, submitter_of(args.reviewer), args.reason, directory)
    except review.ReviewRefused as refused:
        _err({"unknown_submission": f"error: no submission {args.id[:80]} in {directory} (see: list)",
              "no_reason": "error: a returned submission needs --reason (what the executor is to correct)",
              "reason_too_long": "error: the reason is too long",
              }.get(refused.code, f"error: {refused}"))
        return 1
    except (OSError, pa.ArrowException) as exc:
        _err(f"error: cannot store the review in {directory}: {exc}")
        return 1
    print(f"{made.decision} {made.submission} by {made.reviewer}: {made.path}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "submit": _submit, "check": _check, "template": _template, "list": _list, "review": _review,
    "freeze": _freeze}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # argparse's own usage errors exit 2; the CLI's contract is 0 or 1
        return 0 if exit_.code in (0, None) else 1
    return COMMANDS[args.command](args)
