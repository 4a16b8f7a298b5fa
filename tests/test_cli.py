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
