"""Build the roadmap dataset from a decree text.

    python -m loaders.build [SOURCE] [--out PATH] [--check]

Writes PATH (default data/roadmap.parquet) and the abbreviation legend beside it
(<stem>_legend.parquet).  Each file is replaced atomically (written whole beside its target, then renamed
over it: a reader sees the old file or the new one, never a part), but the two renames are two steps, not
one: a crash between them leaves the new legend beside the old measures.  Both are written in full before
either is renamed, so a failed write (a full disk) leaves both old files as they were.
A damaged text is reported in full, one located line per problem (at most 50), and nothing is
written; --check reads and validates without writing anything.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .calendar import reporting_calendar
from .cells import split_cells
from .errors import LoadError, Problems
from .files import legend_path
from .layout import parse_document
from .normalise import to_record
from .notes import decree_notes
from .regions import regions_date
from .schema import LEGEND_SCHEMA, MEASURES_SCHEMA, check_measures
from .source import Line, decode_lines, read_source
from .vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "data" / "raw" / "roadmap_2021_decree_50.txt"
DEFAULT_OUT = ROOT / "data" / "roadmap.parquet"


def parse_lines(lines: list[Line]) -> tuple[pa.Table, pa.Table, dict]:
    """Parse, normalise and validate.

    Raises LoadError naming the line at fault; when the text has several faults, a LoadErrors
    naming each of them (every measure is read even after one has failed).
    """
    doc = parse_document(lines)
    problems: Problems = doc.problems
    as_of = regions_date(doc.decree_date, doc.roadmap_year)
    vocab = Vocabulary(doc.legend, doc.roadmap_year, as_of)
    raw_lines = [ln.raw for ln in lines]
    records = []
    for block in doc.measures:
        cells = problems.attempt(split_cells, block, vocab)
        record = cells and problems.attempt(to_record, doc, block, cells, vocab, raw_lines)
        if record:
            records.append(record)
    # The contract is checked on a complete reading only: a measure left out above would only be
    # reported again as a gap in the data.
    problems.raise_any()
    measures = pa.Table.from_pylist(records, schema=MEASURES_SCHEMA)
    legend = pa.Table.from_pylist(
        [{"abbreviation": e.abbreviation, "full_name": e.full_name, "kind": e.kind} for e in doc.legend],
        schema=LEGEND_SCHEMA,
    )
    for problem in check_measures(measures, legend, as_of):
        problems.add(LoadError(f"the parsed data fails validation: {problem}"))
    problems.raise_any()
    metadata = {
        "title": doc.title,
        "roadmap_year": str(doc.roadmap_year),
        "decree_number": doc.decree_number or "",
        "decree_date": doc.decree_date or "",
        "reporting_calendar": reporting_calendar(doc.preamble, doc.legend),
        "notes": decree_notes(doc.notes, {r["measure_no"]: r["source_text"] for r in records}),
    }
    return measures, legend, metadata


def parse_text(text: str) -> tuple[pa.Table, pa.Table, dict[str, str]]:
    return parse_lines(decode_lines(text.encode("utf-8")))


def parse_file(path: Path) -> tuple[pa.Table, pa.Table, dict[str, str]]:
    lines = read_source(path)
    measures, legend, metadata = parse_lines(lines)
    metadata["source_file"] = path.name
    metadata["source_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return measures, legend, metadata


def write_atomically(tables: dict[Path, pa.Table]) -> None:
    """Write every table to a temporary file beside its target, then rename them into place one by one, in
    the order given: each rename is atomic, the set of them is not."""
    temps: list[tuple[Path, Path]] = []
    try:
        for target, table in tables.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            os.close(fd)
            temps.append((Path(name), target))
            pq.write_table(table, name, compression="zstd")
        for temp, target in temps:
            os.replace(temp, target)
    finally:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)


def summary(measures: pa.Table, metadata: dict[str, str]) -> str:
    rows = measures.to_pylist()
    total = sum(r["cost_thousand_kzt"] or 0 for r in rows)
    by_group: dict[str, float] = defaultdict(float)
    classes: dict[str, int] = defaultdict(int)
    for r in rows:
        group = f"direction {r['direction']}" if r["direction"] is not None else f"section {r['section']}"
        by_group[group] += r["cost_thousand_kzt"] or 0
        classes[r["funding_class"]] += 1
    lines = [
        f"{metadata['title']}",
        f"measures: {len(rows)} (numbered {rows[0]['measure_no']}–{rows[-1]['measure_no']})",
        (
            f"total planned cost: {_money(total)} thousand tenge in "
            f"{sum(1 for r in rows if r['cost_thousand_kzt'])} measures"
        ),
    ]
    lines += [f"  {group}: {_money(value)}" for group, value in by_group.items()]
    lines.append("funding classes: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    return "\n".join(lines)


def _money(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.build", description=__doc__.splitlines()[1])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="decree text (UTF-8)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="parquet file to write")
    parser.add_argument("--check", action="store_true", help="read and validate only; write nothing")
    args = parser.parse_args(argv)
    try:
        measures, legend, metadata = parse_file(args.source)
        if args.check:
            print(summary(measures, metadata))
            print(f"{args.source}: valid; nothing written (--check)")
            return 0
        schema_meta = {b"roadmap": json.dumps(metadata, ensure_ascii=False).encode("utf-8")}
        write_atomically(
            {  # the legend first: the docstring says which pair a crash between the renames leaves
                legend_path(args.out): legend.replace_schema_metadata(schema_meta),
                args.out: measures.replace_schema_metadata(schema_meta),
            }
        )
    except LoadError as exc:
        for line in exc.located_lines(str(args.source)):
            print(f"error: {line}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(summary(measures, metadata))
    print(f"wrote {args.out} and {legend_path(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
