"""Submitting reports in a real browser, signed in through a real OpenID Connect provider running locally
(PyPI's oidc-provider-mock): who sees the upload, an executor's template filled and uploaded and then
shown on every page, another executor's template refused, every bad file refused with nothing stored, and
ten sessions submitting at once."""
from __future__ import annotations

import io
import json
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from playwright.sync_api import Browser, Page, expect

from i18n import ru
from reporting import review, versions
from reporting.decrees import executors, load_roadmap, rounds
from reporting.fileformat import HEADER_ROW, META_SHEET
from reporting.log import latest_rows, read_log
from testing.naive import assigned, coverage, round_status
from testing.server import free_port, streamlit_server
from tests.browser.shared import blocking, describe_violations, run_axe, settled
from tests.helpers import DATA

MEASURES, DECREES = load_roadmap(DATA)
ROUND1, ROUND2 = rounds(DECREES[2021])
EXECUTOR = "МКС"
MINE = [no for _, no in assigned(MEASURES, EXECUTOR)]
NOT_MINE = next(no for no in MEASURES["measure_no"].to_pylist() if no not in MINE)
USERS = {
    "mks1": {"sub": "mks1", "name": "Асанова Д.", "email": "mks1@example.kz", "roadmap_executor": EXECUTOR},
    "reader1": {"sub": "reader1", "name": "Читатель"},
    "editor1": {"sub": "editor1", "name": "Редактор", "roadmap_role": "editor"},
    "reviewer1": {"sub": "reviewer1", "name": "Проверяющий П.", "roadmap_role": "reviewer"},
}
UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'


# The mock provider's own sign-in page (not ours) links a stylesheet from a CDN; it is refused like every
# request off this machine (tests/browser/conftest.py `offline`), and only it is expected.
PROVIDER_STYLESHEET = "https://cdn.jsdelivr.net/npm/@picocss/pico@2/css/pico.min.css"


@pytest.fixture
def expected_off_machine() -> tuple[str, ...]:
    return (PROVIDER_STYLESHEET,)


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    """oidc-provider-mock on a free port with our three predefined users."""
    port = free_port()
    log = tmp_path_factory.mktemp("provider") / "provider.log"
    args = [sys.executable, "-m", "oidc_provider_mock", "--port", str(port)]
    for claims in USERS.values():
        args += ["--user-claims", json.dumps(claims, ensure_ascii=False)]
    with open(log, "w") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the OpenID provider did not start: {log.read_text()}") from None
            time.sleep(0.1)  # polling a server's start-up; the tests themselves never sleep
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def signin_app(provider, tmp_path_factory):
    """The app with sign-in configured against the provider and a reports directory of its own."""
    work = tmp_path_factory.mktemp("signin")
    port = free_port()
    secrets_file = work / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(16)}"\n'
        'client_id = "roadmap-dashboard"\n'
        f'client_secret = "{secrets.token_hex(16)}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n', encoding="utf-8")
    directory = work / "reports"
    directory.mkdir()
    with streamlit_server(work, port=port, options=("--secrets.files", str(secrets_file)),
                          ROADMAP_REPORTS=str(directory), ROADMAP_REPORTS_POLL_SECONDS="5") as server:
        yield SigninApp(server.url, directory)


@dataclass(frozen=True)
class SigninApp:
    url: str
    reports: Path


def stored(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.parquet"))


def reports_page(page: Page, url: str) -> None:
    page.goto(f"{url}/reports")
    reports_page_shown(page)


def reports_page_shown(page: Page) -> None:
    expect(page.get_by_role("heading", name=ru.REPORTS_TITLE, level=1)).to_be_visible(timeout=60_000)
    settled(page)


def sign_in(page: Page, url: str, provider: str, user: str) -> None:
    """The way a user signs in: the app's button, the provider's page, back to the app."""
    reports_page(page, url)
    page.get_by_role("button", name=ru.REPORTS_SIGN_IN).click()
    page.wait_for_url(f"{provider}/**", timeout=30_000)
    page.get_by_role("button", name=user, exact=True).click()
    page.wait_for_url(f"{url}/**", timeout=30_000)
    reports_page(page, url)
    expect(page.get_by_text(ru.REPORTS_SIGNED_IN.split("{")[0].strip(), exact=False)).to_be_visible()


def choose(page: Page, label: str, option: str) -> None:
    box = page.locator('[data-testid="stMain"]').get_by_role("combobox", name=label)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)
    settled(page)


def upload(page: Page, name: str, data: bytes) -> None:
    mime = "text/csv" if name.endswith(".csv") else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    page.locator(UPLOAD_INPUT).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])
    chip = page.get_by_test_id("stFileChip")  # the file as the uploader lists it (its name shortened on screen)
    expect(chip).to_have_count(1)
    # Sent to the server (no spinner) and accepted by the uploader (no error): only then may the form go.
    expect(chip.get_by_test_id("stFileChipIconSpinner")).to_have_count(0, timeout=30_000)
    expect(chip.get_by_test_id("stFileChipIconError")).to_have_count(0)


def submit(page: Page, name: str) -> None:
    """Send the form and wait for this file's result: the result names its file, so an earlier result still
    on screen (the previous case's) is never taken for it."""
    page.get_by_role("button", name=ru.REPORTS_SUBMIT).click()
    expect(page.locator(".st-key-report_result")).to_contain_text(f"«{name}»", timeout=60_000)
    settled(page)


def template_via_link(page: Page, round_: date) -> bytes:
    link = page.locator(".st-key-report_template a")
    # The rerun after choosing the round may not have started yet: wait for the link it draws.
    expect(link).to_have_attribute("href", re.compile(rf"round={round_.isoformat()}"))
    with page.expect_download() as info:
        page.locator(".st-key-report_template a").click()
    assert info.value.failure() is None
    return info.value.path().read_bytes()


def fill(data: bytes, statuses: dict[int, str], spent: dict[int, object] | None = None,
         cells: dict[str, object] | None = None, meta: dict[str, str] | None = None) -> bytes:
    """Type into the template as a user does in Excel (openpyxl, as the issue asks); `meta` rewrites the hidden
    sheet's record of whose template it is, as a tampered or mixed-up file would have it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for row in book[META_SHEET].iter_rows():
        if row[0].value in (meta or {}):
            row[1].value = meta[row[0].value]
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    for no, status in statuses.items():
        sheet.cell(rows[no], 5).value = status
    for no, amount in (spent or {}).items():
        sheet.cell(rows[no], 6).value = amount
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_anonymous_and_plain_users_see_no_upload(page: Page, signin_app, provider):
    reports_page(page, signin_app.url)
    expect(page.get_by_role("button", name=ru.REPORTS_SIGN_IN)).to_be_visible()
    expect(page.locator(UPLOAD_INPUT)).to_have_count(0)
    sign_in(page, signin_app.url, provider, "reader1")
    expect(page.get_by_text(ru.REPORTS_NO_RIGHTS.split("«")[0].strip())).to_be_visible()
    expect(page.locator(UPLOAD_INPUT)).to_have_count(0)
    expect(page.locator(".st-key-report_template")).to_have_count(0)


def test_an_executor_fills_its_template_and_every_page_shows_the_status(page: Page, signin_app, provider,
                                                                         screenshots):
    sign_in(page, signin_app.url, provider, "mks1")
    choices = page.get_by_role("combobox", name=ru.REPORTS_EXECUTOR)
    choices.click()
    assert [o.inner_text() for o in page.get_by_role("option").all()] == [
        f"{EXECUTOR} — Министерство культуры и спорта Республики Казахстан"]
    page.keyboard.press("Escape")
    choose(page, ru.REPORTS_ROUND, ru.day(ROUND1))
    template = template_via_link(page, ROUND1)
    meta = {row[0].value: row[1].value for row in openpyxl.load_workbook(io.BytesIO(template))
            [META_SHEET].iter_rows()}
    assert (meta["executor"], meta["round"]) == (EXECUTOR, ROUND1.isoformat())

    labels = ru.REPORT_STATUS_LABELS
    statuses = {no: labels["done"] if i % 2 == 0 else labels["in_progress"] for i, no in enumerate(MINE)}
    before = stored(signin_app.reports)
    upload(page, "отчёт МКС.xlsx", fill(template, statuses, {MINE[0]: 1250.5}))
    submit(page, "отчёт МКС.xlsx")
    expect(page.locator(".st-key-report_result")).to_contain_text(ru.REPORTS_STORED.split(":")[0])
    expect(page.locator(".st-key-report_result")).to_contain_text(ru.REPORTS_FIRST)
    page.screenshot(path=str(screenshots / "reports_submitted.png"), full_page=True)
    failing = blocking(run_axe(page))  # the signed-in form, its result and the history
    assert not failing, describe_violations(failing)
    assert len(stored(signin_app.reports)) == len(before) + 1

    expected = round_status(latest_rows(read_log(signin_app.reports), round=ROUND1),
                                    MEASURES, 2021)
    done = sum(1 for s in expected.values() if s == "done")
    assert done > 0
    # Every page, opened afresh with the round in its link, shows the new status.
    for path in ("", "funding", "executors", "timeline", "measures", "execution"):
        page.goto(f"{signin_app.url}/{path}?round={ROUND1.isoformat()}")
        expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=60_000)
        settled(page)
        main = page.locator('[data-testid="stMain"]')
        if path in ("", "execution"):
            label = page.get_by_test_id("stMetricLabel").get_by_text(ru.STATUS_NAMES["done"], exact=True)
            metric = page.get_by_test_id("stMetric").filter(has=label)
            expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text(str(done))
        else:
            expect(main).to_contain_text(f"{ru.STATUS_NAMES['done'].lower()} {done}")
        expect(main).to_contain_text(ru.STATUS_COVERAGE.format(
            reported=1, expected=len(executors(MEASURES, 2021))))
    page.screenshot(path=str(screenshots / "execution.png"), full_page=True)
    failing = blocking(run_axe(page))  # the Execution page with its charts and tables drawn
    assert not failing, describe_violations(failing)


def test_another_executors_template_is_refused_and_nothing_stored(page: Page, signin_app, provider):
    sign_in(page, signin_app.url, provider, "mks1")
    choose(page, ru.REPORTS_ROUND, ru.day(ROUND1))
    query = urllib.parse.urlencode({"executor": "МОН", "round": ROUND1.isoformat()})
    with urllib.request.urlopen(f"{signin_app.url}/export/report-template.xlsx?{query}") as response:
        theirs = response.read()
    mon = [no for _, no in assigned(MEASURES, "МОН")]
    before = stored(signin_app.reports)
    upload(page, "отчёт МОН.xlsx", fill(theirs, {mon[0]: ru.REPORT_STATUS_LABELS["done"]}))
    submit(page, "отчёт МОН.xlsx")
    result = page.locator(".st-key-report_result")
    expect(result).to_contain_text(ru.REPORTS_REFUSED)
    expect(result).to_contain_text(ru.REPORT_PROBLEMS["identity"])
    assert stored(signin_app.reports) == before


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


LONG = "я" * 100_000
BAD_FILES = {
    "empty file": ("report.csv", b"", "empty"),
    "neither XLSX nor CSV": ("report.xlsx", b"PK\x03\x04 not really a zip" * 20, "not_xlsx"),
    "password-protected workbook": ("report.xlsx", (Path(__file__).parent.parent / "fixtures" /
                                                    "report_encrypted.xlsx").read_bytes(), "encrypted"),
    "unknown measure": ("report.csv", _csv("measure_no,status\n9999,done\n"), "unknown_measure"),
    "measure of another executor": ("report.csv", _csv(f"measure_no,status\n{NOT_MINE},done\n"), "not_assigned"),
    "duplicate row": ("report.csv", _csv(f"measure_no,status\n{MINE[0]},done\n{MINE[0]},done\n"), "duplicate"),
    "unknown status": ("report.csv", _csv(f"measure_no,status\n{MINE[0]},сделано\n"), "status"),
    "negative amount": ("report.csv", _csv(f"measure_no,status,spent_thousand_kzt\n{MINE[0]},done,-5\n"),
                        "negative_amount"),
    "non-numeric amount": ("report.csv", _csv(f"measure_no,status,spent_thousand_kzt\n{MINE[0]},done,много\n"),
                           "amount"),
    "100,000-character comment": ("report.csv", _csv(f"measure_no,status,comment\n{MINE[0]},done,{LONG}\n"),
                                  "cell_too_long"),
    "cp1251 CSV": ("report.csv", _csv(f"measure_no;status\n{MINE[0]};выполнено\n", "cp1251"), "not_utf8"),
    "10,000 rows": ("report.csv", _csv("measure_no,status\n" + "".join(f"{MINE[0]},done\n" for _ in range(10_000))),
                    "rows_limit"),
    "not done without its reasons": ("report.csv", _csv(f"measure_no,status\n{MINE[0]},не выполнено\n"),
                                     "reason_required"),
}


def test_every_bad_file_is_refused_with_its_problem_and_nothing_stored(page: Page, signin_app, provider):
    sign_in(page, signin_app.url, provider, "mks1")
    choose(page, ru.REPORTS_ROUND, ru.day(ROUND1))
    template = template_via_link(page, ROUND1)
    files = dict(BAD_FILES)
    done = {MINE[0]: ru.REPORT_STATUS_LABELS["done"]}
    files["formula in a cell"] = ("report.xlsx", fill(template, done, {MINE[0]: "=100+1"}), "formula")
    files["template of another decree"] = ("report.xlsx", fill(template, done, meta={"decree_number": "49"}),
                                           "identity")
    query = urllib.parse.urlencode({"executor": EXECUTOR, "round": ROUND2.isoformat()})
    with urllib.request.urlopen(f"{signin_app.url}/export/report-template.xlsx?{query}") as response:
        files["template of another round"] = ("report.xlsx", fill(response.read(), done), "identity")
    before = stored(signin_app.reports)
    for number, (case, (name, data, code)) in enumerate(files.items()):
        name = f"{number:02d} {name}"  # each case's own name: its result is told from the previous one's
        upload(page, name, data)
        submit(page, name)
        result = page.locator(".st-key-report_result")
        expect(result, case).to_contain_text(ru.REPORTS_REFUSED)
        expect(result, case).to_contain_text(ru.REPORT_PROBLEMS[code])
        assert stored(signin_app.reports) == before, case
    # Over the upload limit: the uploader refuses it before the server ever reads it.
    big = b"measure_no,status\n" + b"0" * (20 * 1024 * 1024)
    page.locator(UPLOAD_INPUT).set_input_files(files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": big}])
    expect(page.get_by_test_id("stFileChip").get_by_test_id("stFileChipIconError")).to_be_visible()
    expect(page.get_by_role("button", name=ru.REPORTS_SUBMIT)).to_be_visible()
    assert stored(signin_app.reports) == before


def test_ten_sessions_submitting_at_once_are_all_stored_and_shown(browser: Browser, signin_app, provider):
    names = [e for e in executors(MEASURES, 2021) if e != EXECUTOR][:10]
    # One sign-in through the provider; its cookie then opens ten sessions of the same editor, each its own.
    first = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    sign_in(first.new_page(), signin_app.url, provider, "editor1")
    signed_in = first.storage_state()
    first.close()
    # A reader who opened the Overview before the submissions and then does nothing at all.
    watcher_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    watcher = watcher_context.new_page()
    watcher.goto(f"{signin_app.url}/?round={ROUND2.isoformat()}")
    settled(watcher)
    # The ten sessions open at once, as ten executors would: each page loads while the ones before it are filled.
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU", storage_state=signed_in)
                for _ in names]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        page.goto(f"{signin_app.url}/reports", wait_until="commit")
    for executor, page in zip(names, pages, strict=True):
        reports_page_shown(page)
        choose(page, ru.REPORTS_ROUND, ru.day(ROUND2))
        expect(page.locator(".st-key-report_template a")).to_have_attribute(
            "href", re.compile(rf"round={ROUND2.isoformat()}"))
        box = page.get_by_test_id("stMain").get_by_role("combobox", name=ru.REPORTS_EXECUTOR)
        box.click()
        box.fill(executor)  # the list is long and drawn lazily: typing narrows it to the one wanted
        page.get_by_role("option", name=executor).first.click()
        # The rerun for the executor chosen has drawn its template link: the form below is that run's.
        expect(page.locator(".st-key-report_template a")).to_have_attribute(
            "href", re.compile(re.escape(urllib.parse.urlencode({"executor": executor}))))
        settled(page)
        mine = [no for _, no in assigned(MEASURES, executor)]
        text = "measure_no,status,comment\n" + "".join(f"{no},in_progress,{executor} {no}\n" for no in mine)
        upload(page, f"{executor}.csv", text.encode())
    before = stored(signin_app.reports)
    for page in pages:  # every click sent before any answer is awaited: ten reruns at once on the server
        page.get_by_role("button", name=ru.REPORTS_SUBMIT).click(no_wait_after=True)
    for page in pages:
        expect(page.locator(".st-key-report_result")).to_contain_text(ru.REPORTS_STORED.split(":")[0],
                                                                        timeout=60_000)
    new = [p for p in stored(signin_app.reports) if p not in before]
    assert len(new) == 10
    log = read_log(signin_app.reports)
    for executor in names:
        rows = [r for r in log.to_pylist() if r["executor"] == executor and r["round"] == ROUND2]
        assert sorted(r["measure_no"] for r in rows) == sorted(no for _, no in assigned(MEASURES, executor))
        assert all(r["comment"] == f"{executor} {r['measure_no']}" for r in rows), executor  # none mixed
        assert {r["submitter"] for r in rows} == {"Редактор [sub editor1]"}
    # Every one of them is in the history, and the idle reader's page followed without a click.
    reports_page(pages[0], signin_app.url)
    history = pages[0].get_by_test_id("stDataFrame").last
    for executor in names:
        expect(history).to_contain_text(executor)
    for context in contexts:
        context.close()
    covered = coverage(log, MEASURES, 2021, DECREES[2021]["decree_number"], ROUND2)
    assert set(names) <= set(covered.reported)
    expect(watcher.get_by_test_id("stMain")).to_contain_text(
        ru.STATUS_COVERAGE.format(reported=len(covered.reported), expected=len(covered.expected)), timeout=30_000)
    watcher_context.close()


def _as(browser: Browser, signin_app, provider, user: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    sign_in(page, signin_app.url, provider, user)
    return page


def _decide(page: Page, button: str, reason: str = "") -> None:
    panel = page.locator(".st-key-review_panel")
    expect(panel.get_by_role("combobox", name=ru.REVIEW_ROUND)).to_have_value(ru.day(ROUND2))
    if reason:
        panel.get_by_role("textbox", name=ru.REVIEW_REASON).fill(reason)
    panel.get_by_role("button", name=button).click()
    settled(page)


def test_a_report_is_returned_with_its_reason_corrected_and_accepted(browser: Browser, signin_app, provider,
                                                                      screenshots):
    """The round's work: the executor submits, the reviewer returns it with a reason, the executor reads the
    reason and sends a corrected file, the reviewer accepts it; a reader sees the states but cannot review,
    and neither can the executor."""
    measure = MINE[1]
    executor = _as(browser, signin_app, provider, "mks1")
    expect(executor.locator(".st-key-review_panel")).to_have_count(0)  # an executor does not review
    choose(executor, ru.REPORTS_ROUND, ru.day(ROUND2))
    template = template_via_link(executor, ROUND2)
    first = fill(template, {measure: ru.REPORT_STATUS_LABELS["in_progress"]},
                 cells={f"G{HEADER_ROW + 1 + MINE.index(measure)}": "Работа идёт"})
    upload(executor, "первый.xlsx", first)
    submit(executor, "первый.xlsx")
    expect(executor.locator(".st-key-report_result")).to_contain_text(ru.REPORTS_STORED.split(":")[0])
    [submitted] = [p.stem for p in stored(signin_app.reports) if _whose(p) == (ROUND2, EXECUTOR)]

    reviewer = _as(browser, signin_app, provider, "reviewer1")
    expect(reviewer.locator(UPLOAD_INPUT)).to_have_count(0)  # a reviewer submits nothing
    expect(reviewer.get_by_text(ru.REPORTS_NO_RIGHTS.split("«")[0].strip())).to_have_count(0)
    reason = "Укажите источник сведений и приложите ссылку на публикацию"
    # Returning without a reason is refused on the page, and nothing is recorded.
    _decide(reviewer, ru.REVIEW_RETURN)
    expect(reviewer.locator(".st-key-review_panel")).to_contain_text(ru.REVIEW_REASON_REQUIRED)
    assert _decisions(signin_app) == {}
    _decide(reviewer, ru.REVIEW_RETURN, reason)
    expect(reviewer.locator(".st-key-review_panel")).to_contain_text(
        ru.REVIEW_DONE["returned"].format(executor=EXECUTOR))
    assert _decisions(signin_app) == {submitted: "returned"}
    reviewer.screenshot(path=str(screenshots / "review_returned.png"), full_page=True)

    reports_page(executor, signin_app.url)  # the executor comes back: the reason is on its page
    expect(executor.get_by_text(reason, exact=False)).to_be_visible()
    choose(executor, ru.REPORTS_ROUND, ru.day(ROUND2))
    corrected = fill(template, {measure: ru.REPORT_STATUS_LABELS["in_progress"]},
                     cells={f"G{HEADER_ROW + 1 + MINE.index(measure)}": "Работа идёт; публикация: egov.kz/1"})
    upload(executor, "исправленный.xlsx", corrected)
    submit(executor, "исправленный.xlsx")
    expect(executor.locator(".st-key-report_result")).to_contain_text(ru.REPORTS_STORED.split(":")[0])

    reports_page(reviewer, signin_app.url)  # the newest submission of the round is the one opened first
    # What changed against the returned file: only that measure's comment, said in the page's language.
    expect(reviewer.locator(".st-key-review_panel")).to_contain_text(
        ru.REVIEW_CHANGES.format(changes=f"{ru.measure(measure)}: {ru.REPORTS_CHANGE_COMMENT}"))
    _decide(reviewer, ru.REVIEW_ACCEPT)
    expect(reviewer.locator(".st-key-review_panel")).to_contain_text(
        ru.REVIEW_DONE["accepted"].format(executor=EXECUTOR))
    decisions = _decisions(signin_app)
    assert decisions[submitted] == "returned" and sorted(decisions.values()) == ["accepted", "returned"]

    # A reader sees no review panel and no decision to make (the states in the history table, without the
    # reviewer's name, are checked in tests/test_execution_pages.py: the table is drawn on a canvas).
    reader = _as(browser, signin_app, provider, "reader1")
    expect(reader.get_by_role("heading", name=ru.REPORTS_HISTORY)).to_be_visible()
    expect(reader.locator(".st-key-review_panel")).to_have_count(0)
    expect(reader.get_by_role("button", name=ru.REVIEW_ACCEPT)).to_have_count(0)
    for page in (executor, reviewer, reader):
        page.context.close()


def _whose(path: Path) -> tuple[date, str]:
    first = pq.read_table(path, columns=["round", "executor"]).slice(0, 1).to_pylist()[0]
    return first["round"], first["executor"]


def _decisions(signin_app) -> dict[str, str]:
    return {s: r["decision"] for s, r in review.states(review.read_reviews(signin_app.reports)).items()}


def test_a_reviewer_freezes_the_round_and_a_reader_downloads_the_version(browser: Browser, signin_app, provider):
    """«Зафиксировать и выгрузить» on the Execution page stores a numbered version; a reader sees the versions
    and downloads one, byte for byte what was stored, but has no button to freeze."""
    reviewer = _as(browser, signin_app, provider, "reviewer1")
    reviewer.goto(f"{signin_app.url}/execution?round={ROUND2.isoformat()}")
    expect(reviewer.get_by_role("heading", name=ru.EXEC_TITLE, level=1)).to_be_visible(timeout=60_000)
    settled(reviewer)
    before = versions.versions(signin_app.reports, 2021, ROUND2)
    reviewer.get_by_role("button", name=ru.HANDOVER_FREEZE).click()
    expect(reviewer.get_by_text(ru.HANDOVER_FROZEN.format(number=len(before) + 1))).to_be_visible(timeout=60_000)
    made = versions.versions(signin_app.reports, 2021, ROUND2)
    assert len(made) == len(before) + 1 and made[-1].made_by.startswith("Проверяющий П.")
    # Pressed again with nothing changed: the same version, said so, and no twin stored.
    settled(reviewer)
    reviewer.get_by_role("button", name=ru.HANDOVER_FREEZE).click()
    expect(reviewer.get_by_text(ru.HANDOVER_UNCHANGED.format(number=made[-1].number))).to_be_visible(timeout=60_000)
    assert versions.versions(signin_app.reports, 2021, ROUND2) == made

    reader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU").new_page()
    reader.goto(f"{signin_app.url}/execution?round={ROUND2.isoformat()}")
    expect(reader.get_by_role("heading", name=ru.EXEC_TITLE, level=1)).to_be_visible(timeout=60_000)
    settled(reader)
    expect(reader.get_by_role("button", name=ru.HANDOVER_FREEZE)).to_have_count(0)
    live = reader.locator(".st-key-handover_live_2021 a").first
    expect(live).to_have_attribute("href", re.compile(r"round-report\.docx\?round=2021-12-05"))
    with reader.expect_download() as info:
        live.click()
    assert info.value.failure() is None and info.value.path().read_bytes()[:2] == b"PK"
    # The version, at its stable link: exactly the bytes stored.
    query = urllib.parse.urlencode({"round": ROUND2.isoformat(), "version": made[-1].number})
    with urllib.request.urlopen(f"{signin_app.url}/export/round-report.docx?{query}") as response:
        assert response.read() == made[-1].docx.read_bytes()
    for page in (reviewer, reader):
        page.context.close()
