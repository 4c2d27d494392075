"""Every page opens in a real browser without an exception box."""

import pytest

from tests.browser.conftest import assert_no_exception, open_app, screenshot, skip_first_visit

PATHS = ["", "compare", "tradeoffs", "capabilities", "assumptions"]


@pytest.mark.parametrize("path", PATHS)
def test_page_opens(page, app_url, path):
    open_app(page, f"{app_url}/{path}")
    if not path:  # the Simulator without a scenario in the link opens the first visit's step
        skip_first_visit(page)
    assert_no_exception(page)
    screenshot(page, f"smoke-{path or 'simulator'}")
