"""A real `streamlit run` on a free port and Debian's headless Chromium driven by Playwright."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    system = shutil.which("chromium") or "/usr/bin/chromium"
    if Path(system).exists():  # elsewhere Playwright's own managed browser is used
        args["executable_path"] = system
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1000}, "accept_downloads": True, "locale": "ru-RU"}


@contextmanager
def streamlit_server(workdir: Path, script: str = "dashboard.py", expect_traceback: bool = False, **env: str):
    """`streamlit run` on a free port from the project root (so .streamlit/config.toml applies, as with
    `make run`); yields the Server.  Unless a crash is the point, the server log must hold no traceback."""
    port = _free_port()
    log = workdir / "streamlit.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"streamlit did not become healthy: {log.read_text()}")
        time.sleep(0.2)  # polling a server's start-up; the tests themselves never sleep
    try:
        yield Server(url, log, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    server_log = log.read_text()
    assert expect_traceback or "Traceback" not in server_log, server_log


@dataclass(frozen=True)
class Server:
    url: str
    log: Path
    process: subprocess.Popen


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """A freshly started server, so the first request of every test run is a cold deep link."""
    with streamlit_server(tmp_path_factory.mktemp("server")) as server:
        yield server


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


LOCAL = "http://127.0.0.1:"


@pytest.fixture(autouse=True)
def offline(context):
    """Every request off the test's own servers is refused, and none may even be tried: charts and the
    map draw without a network, and nothing (usage statistics included) leaves the machine."""
    refused: list[str] = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(LOCAL), refuse)
    yield refused
    assert refused == []
