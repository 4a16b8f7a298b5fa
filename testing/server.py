"""A real `streamlit run` of the app on a free port, for the browser tests, the HTTP tests of the export
routes and the benchmark."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_SCRIPT = "server.py"  # the dashboard with its export routes, as `make run` serves it
# Debian's chromium as the browser tests and the benchmark launch it (NOTES.md: without the networking flags
# it tries to reach Google's hosts, which this machine refuses).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(workdir: Path, script: str = SERVER_SCRIPT, expect_traceback: bool = False, *,
                     port: int | None = None, options: tuple[str, ...] = (), **env: str):
    """`streamlit run` on a free port (or `port`) from the project root (so .streamlit/config.toml applies, as
    with `make run`), with more command-line `options` if given; yields the Server.  Unless a crash is the
    point, the server log must hold no traceback."""
    port = port or free_port()
    log = workdir / "streamlit.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *options],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise ServerError(f"streamlit exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise ServerError(f"streamlit did not become healthy: {log.read_text()}")
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
    if not expect_traceback and "Traceback" in server_log:
        raise ServerError(f"the server logged an error:\n{server_log}")


class ServerError(RuntimeError):
    """The server did not start, or logged an error it should not have."""


@dataclass(frozen=True)
class Server:
    url: str
    log: Path
    process: subprocess.Popen

    def rss_mb(self) -> float:
        """The server process's resident memory now."""
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise ServerError("no VmRSS for the server process")
