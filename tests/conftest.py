import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# No test reads or writes the developer's own data/reports/: the app (in-process and in every server the
# tests start, which inherit this environment) gets an empty reports directory of its own.  Tests that need
# reports point ROADMAP_REPORTS (or RoadmapDB's reports_dir) at a directory of their own.
os.environ["ROADMAP_REPORTS"] = tempfile.mkdtemp(prefix="roadmap-reports-empty-")
# A session left idle follows new submissions every few seconds (ui/status.follow_reports); the browser
# tests that check that set the period themselves, the rest run without the timer.
os.environ.setdefault("ROADMAP_REPORTS_POLL_SECONDS", "0")
RAW_2021 = ROOT / "data" / "raw" / "roadmap_2021_decree_50.txt"



def run_build(*args: str) -> subprocess.CompletedProcess:
    """Run the loader CLI the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "loaders.build", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture(scope="session")
def fresh_parquet(tmp_path_factory) -> Path:
    """A fresh build of the bundled 2021 text through the CLI."""
    out = tmp_path_factory.mktemp("build") / "roadmap.parquet"
    result = run_build(RAW_2021, "--out", out)
    assert result.returncode == 0, result.stderr
    return out
