"""The operator's command line: ``python -m reporting <command>``, the same use cases as the Reports page.

Every command exits 0 when it did what was asked and 1 otherwise, with one line per problem and never a
traceback.  What it prints is the catalogue's, in the language of ``--lang`` (Russian by default); argparse's own
usage, help and argument errors stay in English.  `list` prints tab-separated fields, codes not words, for scripts.
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
from .limits import COMMENT_MAX
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
                         help="the language of what is printed (and of a template or the round's document)")

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
    reports(listing), lang(listing)

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
    reports(review_), lang(review_)

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


def _error(t, message: str) -> None:
    print(t.CLI_ERROR.format(message=message), file=sys.stderr)


def _warn(t, message: str) -> None:
    print(t.CLI_WARNING.format(message=message), file=sys.stderr)


def _roadmap(spec: str | None, t):
    try:
        return load_roadmap(spec)
    except (OSError, pa.ArrowException, ValueError) as exc:
        _error(t, t.CLI_DATA_UNREADABLE.format(reason=exc))
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


def _described(result: Submission, t) -> str:
    return t.CLI_SUBMISSION.format(executor=result.executor, round=result.round.isoformat(),
                                   year=result.roadmap_year, number=result.decree_number, reported=len(result.rows),
                                   not_reported=len(result.not_reported))


def _validated(args, t) -> tuple[Submission | None, int]:
    loaded = _roadmap(args.data, t)
    if loaded is None:
        return None, 1
    measures, metadata = loaded
    result = validate(args.file, args.file.name, measures, metadata, args.executor, expected_round=args.round)
    if isinstance(result, list):
        for problem in result:
            print(f"{args.file}: {problem.line(t)}")
        return None, 1
    return result, 0


def _check(args) -> int:
    t = i18n.catalogue(args.lang)
    result, code = _validated(args, t)
    if result is not None:
        print(t.CLI_VALID.format(file=args.file, submission=_described(result, t)))
    return code


def _submit(args) -> int:
    t = i18n.catalogue(args.lang)
    result, code = _validated(args, t)
    if result is None:
        return code
    directory = args.reports if args.reports is not None else reports_dir()
    try:
        unreadable: list[Path] = []
        previous = latest_rows(read_log(directory, unreadable), roadmap_year=result.roadmap_year,
                               decree_number=result.decree_number, round=result.round, executor=result.executor)
        for path in unreadable:
            _warn(t, t.CLI_FILE_SKIPPED.format(path=path))
        stored = store(result, directory, submitter_of(args.submitter))
    except (OSError, pa.ArrowException, StoreConflict) as exc:
        _error(t, t.CLI_STORE_FAILED.format(directory=directory, reason=exc))
        return 1
    said = (t.CLI_STORED.format(path=stored.path, rows=stored.rows) if stored.stored else
            t.CLI_ALREADY_STORED.format(path=stored.path, who=stored.submitter,
                                        when=f"{stored.submitted_at:%Y-%m-%d %H:%M:%S}"))
    print(f"{said}: {_described(result, t)}")
    if stored.stored and previous:
        for line in changes(previous, result.rows).lines(t):
            print(f"  {line}")
    return 0


def _one_roadmap(years: list[int], args, t) -> int | None:
    """The one loaded roadmap whose reporting date --round is (narrowed by --year), or None, said why."""
    if len(years) == 1:
        return years[0]
    _error(t, t.CLI_SEVERAL_ROADMAPS.format(round=args.round) if years else t.CLI_NOT_A_ROUND.format(round=args.round))
    return None


def _template(args) -> int:
    t = i18n.catalogue(args.lang)
    loaded = _roadmap(args.data, t)
    if loaded is None:
        return 1
    measures, metadata = loaded
    year = _one_roadmap([y for y, d in decrees(metadata).items() if args.year in (None, y) and args.round in d.rounds],
                        args, t)
    if year is None:
        return 1
    mine = measures_of(measures, args.executor, year)
    if not mine.num_rows:
        _error(t, t.CLI_NO_MEASURES.format(executor=args.executor, year=year))
        return 1
    meta = metadata[year]
    decree = {"year": year, "number": meta.get("decree_number") or "", "date": meta.get("decree_date") or ""}
    try:
        data = template_xlsx(mine.to_pandas(), args.executor, args.round, decree, t)
        args.out.write_bytes(data)
    except ValueError as exc:
        _error(t, t.CLI_TEMPLATE_FAILED.format(reason=exc))
        return 1
    except OSError as exc:
        _error(t, t.CLI_WRITE_FAILED.format(path=args.out, reason=exc.strerror or exc))
        return 1
    print(t.CLI_TEMPLATE_WRITTEN.format(path=args.out, executor=args.executor, measures=mine.num_rows,
                                        round=args.round.isoformat()))
    return 0


def _list(args) -> int:
    t = i18n.catalogue(args.lang)
    directory = args.reports if args.reports is not None else reports_dir()
    decided = review.states(review.read_reviews(directory))
    for path in stored_files(directory):
        try:
            with pq.ParquetFile(path) as parquet:
                first = parquet.read_row_group(0, columns=["executor", "round", "submitted_at", "submitter"])
                rows = parquet.metadata.num_rows
        except (OSError, pa.ArrowException, ValueError, IndexError):
            _warn(t, t.CLI_FILE_SKIPPED.format(path=path))
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

    t = i18n.catalogue(args.lang)
    try:
        dataset = load_dataset(args.data or settings.MEASURES_PARQUET)
    except (OSError, pa.ArrowException, ValueError) as exc:
        _error(t, t.CLI_DATA_UNREADABLE.format(reason=exc))
        return 1
    year = _one_roadmap([y for y, d in dataset.decrees.items() if args.year in (None, y) and args.round in d.rounds],
                        args, t)
    if year is None:
        return 1
    keys = {k: tuple(getattr(args, k)) for k in ("ministry", "akimat", "direction", "funding", "report_to", "status")}
    selection = Selection(**keys, q=args.q.strip())
    link = [("round", args.round.isoformat())] + [(k, v) for k, values in selection.active().items()
                                                   for v in ((values,) if k == "q" else values)]
    if len(dataset.decrees) > 1:
        link.insert(1, ("year", str(year)))
    query = urlencode(link)
    directory = args.reports if args.reports is not None else reports_dir()
    try:
        made = round_report.freeze(directory, dataset, read_log(directory), review.read_reviews(directory), year,
                                   args.round, selection, t, submitter_of(args.made_by),
                                   urlencode([p for p in link if p[0] != "round"]), selection.words(t))
    except (OSError, pa.ArrowException, ValueError) as exc:
        _error(t, t.CLI_FREEZE_FAILED.format(directory=directory, reason=exc))
        return 1
    print(t.CLI_FROZEN.format(number=made.number, year=year, round=args.round.isoformat(), who=made.made_by))
    if made.existing:  # nothing changed since it: no twin was stored
        print(t.HANDOVER_UNCHANGED.format(number=made.number))
    print(f"  {made.docx}\n  {made.xlsx}")
    for kind in ("docx", "xlsx"):
        print(f"  /export/round-report.{kind}?{query}&version={made.number}")
    return 0


def _review(args) -> int:
    t = i18n.catalogue(args.lang)
    directory = args.reports if args.reports is not None else reports_dir()
    decision = "accepted" if args.accept else "returned"
    try:
        made = review.record(args.id, decision, submitter_of(args.reviewer), args.reason, directory)
    except review.ReviewRefused as refused:
        _error(t, {"unknown_submission": t.CLI_UNKNOWN_SUBMISSION.format(id=args.id[:80], directory=directory),
                   "no_reason": t.CLI_NO_REASON,
                   "reason_too_long": t.CLI_REASON_TOO_LONG.format(limit=COMMENT_MAX),
                   }.get(refused.code) or t.CLI_REVIEW_REFUSED.format(reason=refused))
        return 1
    except (OSError, pa.ArrowException) as exc:
        _error(t, t.CLI_REVIEW_STORE_FAILED.format(directory=directory, reason=exc))
        return 1
    print(t.CLI_REVIEWED.format(decision=t.REVIEW_STATES.get(made.decision, made.decision),
                                submission=made.submission, who=made.reviewer, path=made.path))
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
