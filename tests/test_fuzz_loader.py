"""The loader under fuzzing: the 2021 text mangled the way copying from a PDF mangles it (lines dropped,
duplicated or swapped, spaces inside words, the text cut anywhere).  Whatever comes in, the CLI either
writes a dataset that passes validation or exits 1 with one line per problem, each naming the file —
never a traceback, never a half-written or replaced output.  (A swap or a drop can make two faults at
once, and the CLI reports every fault it finds, so the lines are counted only against the limit.)"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pyarrow.parquet as pq
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loaders import build
from loaders.errors import MAX_REPORTED, LoadError
from loaders.schema import check_measures
from tests.conftest import RAW_2021, run_build

LINES = RAW_2021.read_text(encoding="utf-8").split("\n")
EXAMPLES = int(os.environ.get("LOADER_FUZZ_EXAMPLES", "300"))  # `make fuzz` runs more


@st.composite
def mangled_lines(draw) -> list[str]:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["drop", "duplicate", "swap", "space", "cut"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "drop":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "space" and lines[i]:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + " " + lines[i][at:]
        elif kind == "cut":
            text = "\n".join(lines)
            at = draw(st.integers(0, len(text)))
            lines = text[:at].split("\n")
        if not lines:
            lines = [""]
    return lines


def run_cli_in_process(source: Path, out: Path) -> tuple[int, str]:
    """build.main exactly as `python -m loaders.build` runs it, minus the interpreter start-up."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = build.main([str(source), "--out", str(out)])
    return code, stderr.getvalue()


def assert_valid_dataset(out: Path) -> None:
    measures = pq.read_table(out)
    legend = pq.read_table(build.legend_path(out))
    assert measures.num_rows > 0
    assert check_measures(measures, legend) == []


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=mangled_lines())
def test_parser_either_parses_valid_data_or_names_the_line(lines):
    text = "\n".join(lines)
    try:
        measures, legend, _ = build.parse_text(text)
    except LoadError as exc:
        event("rejected with a located message")
        assert exc.message and "\n" not in exc.message
        assert exc.line is None or 1 <= exc.line <= len(lines)
    else:
        event("parsed")
        assert check_measures(measures, legend) == []


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=mangled_lines())
def test_cli_never_leaves_a_half_written_or_replaced_output(tmp_path, lines):
    workdir = Path(tmp_path)
    source = workdir / "mangled.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = workdir / "out" / "roadmap.parquet"
    previous = _previous_build(out)

    code, stderr = run_cli_in_process(source, out)

    leftovers = sorted(p.name for p in out.parent.iterdir())
    assert leftovers == ["roadmap.parquet", "roadmap_legend.parquet"], leftovers
    if code == 0:
        assert stderr == ""
        assert_valid_dataset(out)
    else:
        assert code == 1
        assert_located_lines(stderr, source)
        assert {p: p.read_bytes() for p in out.parent.iterdir()} == previous


def assert_located_lines(stderr: str, source: Path | str) -> None:
    """Every line of the report names the file (and the line where one is known); at most 50 and a count."""
    lines = stderr.splitlines()
    assert stderr.endswith("\n") and 1 <= len(lines) <= MAX_REPORTED + 1, stderr
    assert all(line.startswith(f"error: {source}") for line in lines), stderr
    assert "Traceback" not in stderr


_PREVIOUS: dict[str, bytes] = {}


def _previous_build(out: Path) -> dict[Path, bytes]:
    """Put a known good build where the mangled one will be written, to prove a failure leaves it alone."""
    if not _PREVIOUS:
        stage = Path(build.DEFAULT_OUT).parent
        _PREVIOUS["m"] = (stage / "roadmap.parquet").read_bytes()
        _PREVIOUS["l"] = (stage / "roadmap_legend.parquet").read_bytes()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_PREVIOUS["m"])
    build.legend_path(out).write_bytes(_PREVIOUS["l"])
    return {out: _PREVIOUS["m"], build.legend_path(out): _PREVIOUS["l"]}


def test_cli_process_reports_a_mangled_text_in_located_lines(tmp_path):
    """One run through the real interpreter: what a user sees is the located lines, nothing more."""
    lines = list(LINES)
    cut = next(i for i, line in enumerate(lines) if line.strip().startswith("3") and i > len(lines) // 2)
    source = tmp_path / "cut.txt"
    source.write_text("\n".join(lines[:cut] + lines[cut + 3:]), encoding="utf-8")
    result = run_build(source, "--out", tmp_path / "x.parquet")
    if result.returncode == 0:
        assert_valid_dataset(tmp_path / "x.parquet")
    else:
        assert result.returncode == 1
        assert_located_lines(result.stderr, source)
        assert not list(tmp_path.glob("*.parquet")) and not list(tmp_path.glob(".*tmp"))
