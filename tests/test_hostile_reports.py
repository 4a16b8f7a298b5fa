"""No uploaded file can hurt the server: every hostile kind of the issue, built small here, validated in a
child process, and held against a valid template validated the same way (testing/hostile.py): refused with
its problem kind, or, where the content is valid and the junk empty, accepted with the template's rows;
within +150 MB of peak memory and +3 s of CPU of the valid template; every quoted value short.

The operator's CLI given a device or a pipe answers at once with one line; Streamlit's own upload endpoint
refuses a file over the limit before any page sees it (tests/test_upload_limit.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

import i18n
from reporting.problems import Problem
from testing import hostile
from tests.conftest import ROOT

KEYS = [kind.key for kind in hostile.KINDS]


@pytest.fixture(scope="module")
def runs(request) -> dict[str, Future]:
    """The valid template's run and every selected kind's, two children at a time (CPU time and peak memory
    are each child's own, so running two at once changes neither)."""
    selected = {item.callspec.params["key"] for item in request.session.items
                if getattr(item, "callspec", None) is not None and item.module is request.module
                and "key" in item.callspec.params}
    pool = ThreadPoolExecutor(max_workers=2)
    futures = {"": pool.submit(hostile.measure_valid)}
    futures.update({key: pool.submit(hostile.measure_kind, hostile.BY_KEY[key]) for key in KEYS if key in selected})
    yield futures
    pool.shutdown(cancel_futures=True)


def test_the_valid_template_is_accepted_with_its_rows(runs):
    valid = runs[""].result()
    assert valid.verdict == "accepted", valid.summary
    assert len(valid.rows) == 7 and all(status == "done" for _, status, _ in valid.rows), valid.rows


@pytest.mark.parametrize("key", KEYS)
def test_a_hostile_file_is_refused_or_read_within_bounds(key, runs):
    valid = runs[""].result()
    run = runs[key].result()
    verdict = hostile.Verdict(hostile.BY_KEY[key], run, valid)
    assert not verdict.failures(), (
        f"{verdict.kind.label}: {verdict.failures()} (peak {run.rss_mb:.0f} MB against {valid.rss_mb:.0f} MB, "
        f"CPU {run.cpu_s:.2f} s against {valid.cpu_s:.2f} s)")
    if run.verdict == "refused":
        assert run.line_max <= 600 and run.text_chars <= hostile.TEXT_LIMIT


def test_the_kinds_cover_the_issue():
    """(a)–(j) of the issue each have at least one file."""
    covered = {kind.label[1] for kind in hostile.KINDS if kind.label.startswith("(")}
    assert covered >= set("abcdefghij")


# --- the operator's CLI ---------------------------------------------------------------------------------------


def _cli_check(path: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run([sys.executable, "-m", "reporting", "check", path, "--executor", hostile.EXECUTOR,
                           "--round", hostile.ROUND.isoformat(), "--data", str(hostile.DATA)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.timeout(90)
@pytest.mark.parametrize("what", ["/dev/zero", "fifo"])
def test_cli_refuses_a_device_or_a_pipe_at_once_with_one_line(what, tmp_path):
    if what == "fifo":
        path = tmp_path / "report.csv"
        os.mkfifo(path)  # nobody writes to it: an ordinary open would wait for ever
        what = str(path)
    done = _cli_check(what)
    expected = Problem("not_a_file", params={"value": os.path.basename(what)}).line(i18n.catalogue(i18n.DEFAULT))
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout.splitlines() == [f"{what}: {expected}"]
    assert "Traceback" not in done.stderr
