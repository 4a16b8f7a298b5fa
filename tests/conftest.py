import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
