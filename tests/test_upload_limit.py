"""Streamlit's own upload endpoint takes no file larger than a report can be: .streamlit/config.toml's
server.maxUploadSize is reporting.limits.MAX_FILE_MB, and a real server refuses an anonymous PUT past it
before any page sees the bytes (before this, an anonymous session could PUT 30 MB and get 204).

The endpoint is ``PUT /_stcore/upload_file/<session id>/<file id>``, multipart, with the XSRF cookie echoed in
``X-Xsrftoken``; the session must be live, so the test opens the app's websocket as a browser does and
reads its session id from the first ForwardMsg."""
from __future__ import annotations

import asyncio
import http.client
import json
import tomllib
import urllib.parse
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from reporting import limits
from testing.server import streamlit_server
from tests.conftest import ROOT

MB = 1024 * 1024


def test_the_servers_upload_limit_is_the_report_files_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == limits.MAX_FILE_MB
    assert limits.MAX_FILE_BYTES == limits.MAX_FILE_MB * MB


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("upload")
    with streamlit_server(workdir, ROADMAP_REPORTS=str(workdir / "reports")) as running:
        yield running


def _xsrf_cookie(host: str, port: int) -> str:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/_stcore/health")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie") or ""
    connection.close()
    name, _, rest = cookie.partition("=")
    assert name == "_streamlit_xsrf", cookie
    return rest.split(";")[0]


async def _session_id(url: str, xsrf: str) -> tuple[str, object]:
    """A live session: the websocket open, a rerun asked for, the session id read from the new-session message."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    socket = await websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream",
                                      subprotocols=["streamlit", xsrf],
                                      additional_headers={"Cookie": f"_streamlit_xsrf={xsrf}", "Origin": url},
                                      max_size=None)
    back = BackMsg()
    back.rerun_script.query_string = ""
    back.rerun_script.page_script_hash = ""
    await socket.send(back.SerializeToString())
    async with asyncio.timeout(60):
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket.recv())
            if message.WhichOneof("type") == "new_session":
                return message.new_session.initialize.session_id, socket


def _multipart() -> tuple[str, bytes, bytes]:
    boundary = uuid.uuid4().hex
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n").encode()
    return boundary, head, f"\r\n--{boundary}--\r\n".encode()


def _put(url: str, session: str, xsrf: str, size: int, *, chunked: bool = False) -> int:
    """The status of a PUT of a `size`-byte file; chunked: without a Content-Length, the body streamed."""
    parts = urllib.parse.urlsplit(url)
    boundary, head, tail = _multipart()
    headers = {"X-Xsrftoken": xsrf, "Cookie": f"_streamlit_xsrf={xsrf}",
               "Content-Type": f"multipart/form-data; boundary={boundary}"}

    def body() -> Iterator[bytes]:
        yield head
        for start in range(0, size, MB):
            yield b"1" * min(MB, size - start)
        yield tail

    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        if chunked:
            connection.request("PUT", f"/_stcore/upload_file/{session}/{uuid.uuid4()}", body=body(),
                               headers=headers, encode_chunked=True)
        else:
            connection.request("PUT", f"/_stcore/upload_file/{session}/{uuid.uuid4()}", body=b"".join(body()),
                               headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (BrokenPipeError, ConnectionResetError):
        return 413  # the server stopped reading and closed: refused while streaming
    finally:
        connection.close()


def test_an_anonymous_upload_over_the_limit_is_refused_by_the_server(server):
    parts = urllib.parse.urlsplit(server.url)
    xsrf = _xsrf_cookie(parts.hostname, parts.port)

    async def scenario() -> dict[str, int]:
        session, socket = await _session_id(server.url, xsrf)
        try:
            loop = asyncio.get_running_loop()

            def put(size: int, chunked: bool = False) -> int:
                return _put(server.url, session, xsrf, size, chunked=chunked)

            return {
                "small": await loop.run_in_executor(None, put, 10_000),
                # Streamlit 1.67 holds the Content-Length, framing included, to maxUploadSize: a file of
                # exactly 5 MB is refused for its ~200 bytes of multipart framing; 4 KB less passes.
                "near the limit": await loop.run_in_executor(None, put, limits.MAX_FILE_BYTES - 4096),
                "6 MB": await loop.run_in_executor(None, put, 6 * MB),
                "6 MB chunked": await loop.run_in_executor(None, put, 6 * MB, True),
                "30 MB chunked": await loop.run_in_executor(None, put, 30 * MB, True),
            }
        finally:
            await socket.close()

    # In a thread of its own: after the browser tests, Playwright's event loop runs in this one, and asyncio.run
    # refuses to start a second loop in a thread that has one (seen in the full suite, not alone).
    with ThreadPoolExecutor(1) as thread:
        status = thread.submit(asyncio.run, scenario()).result(timeout=300)
    assert status["small"] == 204 and status["near the limit"] == 204, json.dumps(status)
    assert all(status[k] == 413 for k in ("6 MB", "6 MB chunked", "30 MB chunked")), json.dumps(status)
