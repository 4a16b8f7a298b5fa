"""The loader CLI as a user runs it: a summary on success; on bad input one line naming the file,
the line and the fault, exit 1, no traceback, the previous output untouched and no temp file left."""
import re
import shutil
import subprocess

import pytest

from roadmap.queries import RoadmapDB
from tests.conftest import RAW_2021, ROOT, run_build

SOURCE = RAW_2021.read_text(encoding="utf-8")
LINES = SOURCE.split("\n")


def test_default_run_prints_a_summary(tmp_path):
    out = tmp_path / "out.parquet"
    result = run_build("--out", out)
    assert result.returncode == 0, result.stderr
    assert "measures: 67 (numbered 1–67)" in result.stdout
    assert "total planned cost: 2 088 000,0 thousand tenge in 15 measures" in result.stdout
    assert "direction 2: 1 671 733,0" in result.stdout
    assert "budget_amount 15" in result.stdout
    assert out.exists() and (tmp_path / "out_legend.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "out_legend.parquet"]


def _replace_line(pattern: str, replacement: str) -> str:
    lines = list(LINES)
    index = next(i for i, line in enumerate(lines) if re.fullmatch(pattern, line))
    lines[index] = replacement
    return "\n".join(lines)


def _drop_block(start_pattern: str, stop_pattern: str) -> str:
    lines = list(LINES)
    start = next(i for i, line in enumerate(lines) if re.fullmatch(start_pattern, line))
    stop = next(i for i in range(start + 1, len(lines)) if re.fullmatch(stop_pattern, lines[i]))
    return "\n".join(lines[:start] + lines[stop:])


BAD_INPUTS = [
    # id, how to make the file, expected fragment of the message, whether a line number is named
    ("empty", lambda p: p.write_bytes(b""), "empty", False),
    ("only blank lines", lambda p: p.write_text("\n \n\n"), "empty", False),
    ("binary junk", lambda p: p.write_bytes(bytes(range(256)) * 8), "binary", True),
    ("cp1251", lambda p: p.write_bytes(SOURCE.encode("cp1251", errors="replace")), "not UTF-8", True),
    ("truncated in the table", lambda p: p.write_text("\n".join(LINES[:700]), encoding="utf-8"), "truncated", True),
    ("truncated in the legend", lambda p: p.write_text("\n".join(LINES[:1384]), encoding="utf-8"),
     "'АП' is not in the abbreviation legend", True),
    ("no table", lambda p: p.write_text("\n".join(LINES[:36]), encoding="utf-8"), "no table", True),
    ("duplicated measure", lambda p: p.write_text(_replace_line(r"14\.", "13."), encoding="utf-8"), "13 repeats", True),
    ("skipped measure", lambda p: p.write_text(_drop_block(r"14\.", r"15\."), encoding="utf-8"),
     "14 was expected", True),
    ("directory", lambda p: p.mkdir(), "is a directory", False),
    ("missing path", lambda p: None, "no such file", False),
]


@pytest.mark.parametrize(("make", "fragment", "has_line"), [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_input(tmp_path, make, fragment, has_line):
    source = tmp_path / "decree.txt"
    make(source)
    out_dir = tmp_path / "data"
    out_dir.mkdir()
    out = out_dir / "roadmap.parquet"
    shutil.copy(ROOT / "data" / "roadmap.parquet", out)
    shutil.copy(ROOT / "data" / "roadmap_legend.parquet", out_dir / "roadmap_legend.parquet")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}

    result = run_build(source, "--out", out)

    assert result.returncode == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"error: {source}")
    if has_line:
        assert re.match(rf"error: {re.escape(str(source))}:\d+: ", message), message
    assert fragment in message
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before  # untouched, no temp file


def test_unwritable_output_is_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_build(RAW_2021, "--out", blocker / "roadmap.parquet")
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot write") and "Traceback" not in result.stderr


def test_other_roadmap_builds(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "roadmap_2023_other.txt"
    result = run_build(fixture, "--out", tmp_path / "other.parquet")
    assert result.returncode == 0, result.stderr
    assert "measures:" in result.stdout


def test_make_data_rebuilds_a_missing_parquet_and_leaves_a_present_one(tmp_path):
    """`make run` depends on `make data`: with the parquet gone, the app starts on a fresh build."""
    out = tmp_path / "roadmap.parquet"
    make = ["make", "--no-print-directory", "-C", str(ROOT), "data", f"DATA={out}"]
    built = subprocess.run(make, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert "measures: 67" in built.stdout
    assert RoadmapDB.open(out).options.total_measures == 67
    stamp = out.stat().st_mtime_ns
    again = subprocess.run(make, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "loaders.build" not in again.stdout
    assert out.stat().st_mtime_ns == stamp


def _with_lines_replaced(*changes: tuple[str, str]) -> str:
    """The 2021 text with the first line matching each pattern (in turn, from the previous one) replaced."""
    lines = list(LINES)
    start = 0
    for pattern, replacement in changes:
        index = next(i for i in range(start, len(lines)) if re.fullmatch(pattern, lines[i]))
        lines[index] = replacement
        start = index + 1
    return "\n".join(lines)


FIVE_FAULTS = [
    # (line pattern, damaged replacement, fragment of the message for that line)
    (r"МИОР в течение года", "МЮ в течение года", "executor 'МЮ'"),
    (r"14\.", "13.", "number 13 repeats"),
    (r"І  к в а р т а л", "V  к в а р т а л", "names no existing квартал"),
    (r"в течение года 32 500,0", "в течение года 32 500,0 долларов", "after the deadline and funding"),
    (r"до 15 января 2021 года не требуется", "до 32 января 2021 года не требуется", "does not exist"),
]


def test_every_fault_is_reported_at_once(tmp_path):
    """Five faults in five measures: five located lines in source order, exit 1, nothing written."""
    source = tmp_path / "decree.txt"
    source.write_text(_with_lines_replaced(*[(p, r) for p, r, _ in FIVE_FAULTS]), encoding="utf-8")
    damaged = source.read_text(encoding="utf-8").split("\n")
    out = tmp_path / "out" / "roadmap.parquet"

    result = run_build(source, "--out", out)

    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 5, result.stderr
    numbers = []
    for line, (_, replacement, fragment) in zip(lines, FIVE_FAULTS):
        match = re.match(rf"error: {re.escape(str(source))}:(\d+): (.+)$", line)
        assert match, line
        assert fragment in match.group(2), line
        numbers.append(int(match.group(1)))
        assert damaged[numbers[-1] - 1] == replacement or fragment == "after the deadline and funding", line
    assert numbers == sorted(numbers)
    assert not out.parent.exists()


def test_one_cause_in_many_measures_is_one_line(tmp_path):
    """An abbreviation missing from the legend is one problem however many measures use it."""
    text = "\n".join(line for line in LINES if not line.startswith("АП –"))
    source = tmp_path / "decree.txt"
    source.write_text(text, encoding="utf-8")
    result = run_build(source, "--check")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "report recipient 'АП' is not in the abbreviation legend" in line
    assert "'АП' on lines" in line and "and 17 more" in line  # 23 measures report to АП


def test_at_most_fifty_problems_are_listed(tmp_path):
    """The 62 deadlines "в течение года" made impossible: 62 problems, 50 shown and a count of the rest."""
    text = SOURCE.replace("в течение года", "до 31 февраля")
    source = tmp_path / "decree.txt"
    source.write_text(text, encoding="utf-8")
    result = run_build(source, "--check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 51, result.stderr
    assert all(re.match(rf"error: {re.escape(str(source))}:\d+: measure \d+: deadline", line) for line in lines[:50])
    assert lines[50] == f"error: {source}: 12 more problems not shown"


def test_check_validates_without_writing(tmp_path):
    out = tmp_path / "out.parquet"
    result = run_build(RAW_2021, "--out", out, "--check")
    assert result.returncode == 0, result.stderr
    assert "measures: 67 (numbered 1–67)" in result.stdout
    assert "valid; nothing written" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_check_reports_a_fault_and_writes_nothing(tmp_path):
    source = tmp_path / "decree.txt"
    source.write_text(_replace_line(r"14\.", "13."), encoding="utf-8")
    result = run_build(source, "--check")
    assert result.returncode == 1 and result.stdout == ""
    assert re.fullmatch(rf"error: {re.escape(str(source))}:\d+: measure number 13 repeats: .*\n", result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decree.txt"]
