"""The share link round trip in a real browser: change the scenario, open the address bar (and the
link the page offers to copy) in a fresh browser context, and see the same figures, on any page.
A bad link shows a note and the defaults, never an exception."""

from __future__ import annotations

import re

from tests.browser.conftest import (
    assert_no_exception,
    open_app,
    skip_first_visit,
    streamlit_server,
    wait_ready,
)
from tests.browser.test_simulator import headline, nudge


def fresh(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    return context, context.new_page()


def test_address_bar_and_copy_link_reopen_the_same_scenario(page, browser, app_url):
    open_app(page, app_url)
    skip_first_visit(page)
    nudge(page, "In-house team (people)", times=3)
    page.wait_for_url(re.compile(r"team_size=4"))
    nudge(page, "Annual budget (MSEK)", times=3)  # +3 x 0.1 MSEK
    page.wait_for_url(re.compile(r"budget_sek=1500000"))
    wait_ready(page)
    figures = headline(page)
    address = page.url
    offered = page.locator("[data-testid='stCode'] code").inner_text().strip()
    assert offered.startswith(app_url) and "team_size=4" in offered and "budget_sek=1500000" in offered

    for link in (address, offered):
        context, other = fresh(browser)
        try:
            open_app(other, link)
            other.get_by_text("Findings and advice").wait_for()
            assert headline(other) == figures
            assert_no_exception(other)
        finally:
            context.close()

    # the same link opened on another page restores the scenario in the shared sidebar
    context, other = fresh(browser)
    try:
        open_app(other, offered.replace(app_url + "/", app_url + "/capabilities", 1)
                 if "/?" in offered else offered.replace("?", "/capabilities?", 1))
        sidebar = other.locator("[data-testid='stSidebar']")
        team = sidebar.get_by_role("slider", name="In-house team (people)")
        budget = sidebar.get_by_role("slider", name="Annual budget (MSEK)")
        assert team.get_attribute("aria-valuetext") == "4"
        assert budget.get_attribute("aria-valuetext") == "1.5"  # MSEK, with the decimals it has
        assert sidebar.get_by_text("SEK\u00a01,500,000", exact=False).count() == 1  # the exact amount
        other.get_by_text("Capabilities", exact=True).first.wait_for()
        assert_no_exception(other)
    finally:
        context.close()


def test_bad_link_shows_a_note_not_an_error(page, app_url):
    open_app(page, f"{app_url}/?team_size=many&inbound_per_week=inf&budget_sek=-1&lang=sv")
    wait_ready(page)
    note = page.locator("[data-testid='stSidebar'] [data-testid='stAlert']")
    note.first.wait_for()
    text = note.first.inner_text()
    assert "team_size" in text and "inbound_per_week" in text and "budget_sek" in text
    team = page.get_by_test_id("stSidebar").get_by_role("slider", name="Internt team (personer)")
    assert team.get_attribute("aria-valuetext") == "1"  # the default team size
    assert_no_exception(page)
    assert "inf" not in page.url and "many" not in page.url


def test_minimum_values_stay_in_the_link(page, browser, app_url):
    """A slider at its minimum is not the scenario's default: the link must keep it."""
    open_app(page, app_url)
    skip_first_visit(page)
    nudge(page, "In-house team (people)", key="Home")
    page.wait_for_url(re.compile(r"team_size=0"))
    context, other = fresh(browser)
    try:
        open_app(other, page.url)
        assert headline(other) == headline(page)
    finally:
        context.close()


def test_first_request_of_a_fresh_server_on_a_sub_page(browser, tmp_path):
    """A fresh server (Community Cloud waking up, say) whose first visitor opens a share link to a
    sub-page: Streamlit starts in its legacy pages/ mode and would run the page file without
    app.py (no sidebar, default scenario). ui.state reruns through app.py instead."""
    with streamlit_server(tmp_path) as url:
        context, page = fresh(browser)
        try:
            open_app(page, f"{url}/capabilities?team_size=7&lang=sv")
            slider = page.locator("[data-testid='stSidebar']").get_by_role(
                "slider", name="Internt team (personer)")
            slider.wait_for()
            assert slider.get_attribute("aria-valuetext") == "7"
            page.get_by_text("Kapabiliteter", exact=True).first.wait_for()
            assert_no_exception(page)
        finally:
            context.close()


def test_first_session_of_a_fresh_server_keeps_the_scenario_across_pages(browser, tmp_path):
    """The first visitor after a start opens a link to the Simulator and switches page: the
    scenario must travel along (app.py leaves the legacy pages/ mode before drawing anything)."""
    with streamlit_server(tmp_path) as url:
        context, page = fresh(browser)
        try:
            open_app(page, f"{url}/?team_size=2&budget_sek=6000000")
            page.get_by_role("link", name="Capabilities").click()
            page.wait_for_url("**/capabilities**")
            wait_ready(page)
            # the bound team size may come back into the address on the page's second run (a busy
            # machine shows the first): wait for it, then check nothing else was lost
            page.wait_for_url(re.compile(r"team_size=2"))
            assert "team_size=2" in page.url and "budget_sek=6000000" in page.url
            assert_no_exception(page)
        finally:
            context.close()


def test_a_link_with_a_team_or_a_refused_value_stays_on_its_page(page, app_url):
    """The sidebar reruns to put right what it read from the link; the page the link named stays."""
    for path, title in (("tradeoffs?team=social_media_manager&team=community_manager", "Trade-offs"),
                        ("capabilities?team_size=abc", "Capabilities")):
        open_app(page, f"{app_url}/{path}")
        wait_ready(page)
        assert page.url.split("?")[0].endswith(path.split("?")[0]), page.url
        page.locator("h1").filter(has_text=title).first.wait_for()
        assert_no_exception(page)
