"""A real `streamlit run` on a free port and Debian's headless Chromium driven by Playwright."""
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from testing.server import CHROMIUM_ARGS, streamlit_server
from tests.browser.shared import AXE_JS
from tests.conftest import ROOT

ARTIFACTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    system = shutil.which("chromium") or "/usr/bin/chromium"
    if Path(system).exists():  # elsewhere Playwright's own managed browser is used
        args["executable_path"] = system
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1000}, "accept_downloads": True,
            "locale": "ru-RU"}


@pytest.fixture(scope="session")
def _shared_contexts(browser, browser_context_args):
    made: dict[str, BrowserContext] = {}

    def for_kind(extra: dict) -> BrowserContext:
        kind = repr(sorted(extra.items()))
        if kind not in made:
            made[kind] = browser.new_context(**{**browser_context_args, **extra})
        return made[kind]

    yield for_kind
    for context in made.values():
        context.close()


@pytest.fixture
def context(request, _shared_contexts):
    """One browser context per kind of browser (the desktop's, or what a browser_context_args mark asks for, such
    as a phone's) shared by the tests: a new tab per test keeps each test its own Streamlit session, and the
    shared HTTP cache spares every visit after the first the download and compiling of Streamlit's and
    Plotly's scripts.  Whatever else a test leaves in the context (a sign-in's cookies, other tabs, routes) is
    cleared after it."""
    mark = next(request.node.iter_markers("browser_context_args"), None)
    shared = _shared_contexts(mark.kwargs if mark else {})
    yield shared
    for tab in shared.pages:
        tab.close()
    shared.clear_cookies()
    shared.clear_permissions()
    shared.unroute_all(behavior="ignoreErrors")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """A freshly started server, so the first request of every test run is a cold deep link."""
    with streamlit_server(tmp_path_factory.mktemp("server")) as server:
        yield server


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing ({AXE_JS.relative_to(ROOT)}): run `make setup-dev` (or `make axe`)")
    return AXE_JS


@pytest.fixture(scope="session")
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


LOCAL = "http://127.0.0.1:"


@pytest.fixture
def expected_off_machine() -> tuple[str, ...]:
    """Requests off this machine a module expects (and still refuses): none of the app's own."""
    return ()


@pytest.fixture(autouse=True)
def offline(context, expected_off_machine):
    """Every request off the test's own servers is refused, and none may even be tried: charts and the
    map draw without a network, and nothing (usage statistics included) leaves the machine."""
    refused: list[str] = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(LOCAL), refuse)
    yield refused
    assert [url for url in refused if url not in expected_off_machine] == []
