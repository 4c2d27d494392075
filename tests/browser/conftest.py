"""Browser tests: a real `streamlit run app.py` on 127.0.0.1 driven by Playwright in Debian's
headless Chromium (/usr/bin/chromium). The server is started once per session with its own
database file, and stopped at the end."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.server import streamlit_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "artifacts"

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app, started once for the session's browser tests."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with streamlit_server(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US",
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def wait_ready(page, timeout: float = 60_000) -> None:
    """Wait until the app has finished its run (the script state is notRunning)."""
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached",
                           timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached",
                           timeout=timeout)


def open_app(page, url: str) -> None:
    page.goto(url)
    wait_ready(page)


def skip_first_visit(page) -> None:
    """Close the first visit's step ("Describe your organisation", shown when the Simulator opens
    without a scenario in the link) with its Skip button."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    dialog.get_by_role("button", name=re.compile(r"^(Skip|Hoppa över)$")).click()
    dialog.wait_for(state="detached")
    wait_ready(page)


def assert_no_exception(page) -> None:
    """No Streamlit exception box and no error text from our own guard."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Something went wrong on this page").count() == 0


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
