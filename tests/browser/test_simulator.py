"""The Simulator and Capabilities pages in a real browser: a slider moves the URL and the headline
figures, the language switches, no exception box on any page; screenshots in artifacts/."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_no_exception, open_app, screenshot, skip_first_visit, wait_ready

TALL = {"width": 1400, "height": 3300}


def headline(page) -> dict[str, str]:
    """The five headline figures as label -> value (waits until all five are drawn; the July tiles
    further down are not headlines)."""
    page.wait_for_function("() => document.querySelectorAll(\"[data-testid='stMetric'] "
                           "[data-testid='stMetricValue']\").length >= 5")
    out = {}
    for metric in page.locator("[data-testid='stMetric']").all()[:5]:
        label = metric.locator("[data-testid='stMetricLabel']").inner_text().strip()
        out[label] = metric.locator("[data-testid='stMetricValue']").inner_text().strip()
    return out


def nudge(page, label: str, key: str = "ArrowRight", times: int = 1) -> None:
    """Move a sidebar slider with the keyboard, then wait for the rerun."""
    thumb = page.locator("[data-testid='stSidebar']").get_by_role("slider", name=label)
    for _ in range(times):
        thumb.focus()
        thumb.press(key)
        wait_ready(page)


def test_slider_changes_url_and_headline(page, app_url):
    # a workload and budget that keep a third person busy (the solver fills up to team_size seats)
    open_app(page, f"{app_url}/?team_size=2&budget_sek=4000000&posts_per_week=20&inbound_per_week=400")
    before = headline(page)
    assert before["Over capacity"].endswith("of 2")
    nudge(page, "In-house team (people)")
    page.wait_for_url(re.compile(r"team_size=3"))
    page.wait_for_function("() => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
                           ".some(e => e.innerText.trim().endsWith('of 3'))")
    after = headline(page)
    assert after["Over capacity"].endswith("of 3")
    assert after["Cost / least cost"] != before["Cost / least cost"] or \
        after["Coverage"] != before["Coverage"]
    assert "team_size=3" in page.locator("[data-testid='stCode'] code").inner_text()
    assert_no_exception(page)


def test_language_switch(page, app_url):
    open_app(page, app_url)
    skip_first_visit(page)
    page.locator("[data-testid='stSidebar']").get_by_text("Svenska", exact=True).click()
    wait_ready(page)
    page.wait_for_url(re.compile(r"lang=sv"))
    page.get_by_text("Täckning", exact=True).wait_for()
    labels = set(headline(page))
    assert {"Täckning", "Kvalitet", "Över kapacitet"} <= labels
    assert page.get_by_text("Iakttagelser och råd").count() == 1
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.get_by_role("slider", name="Internt team (personer)").count() == 1
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("path", ["", "capabilities"])
def test_page_screenshots(browser, app_url, path, lang):
    context = browser.new_context(viewport=TALL, locale="en-US")
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/{path}?lang={lang}")
        if not path:
            skip_first_visit(page)
        page.locator("[data-testid='stHeading'] h1").first.wait_for()
        if not path:
            page.locator(".js-plotly-plot").nth(4).wait_for()
            assert page.locator(".js-plotly-plot").count() == 5  # with the July heatmap
        else:
            assert page.locator("[data-testid='stHeading'] h3").count() == 9
        wait_ready(page)
        page.wait_for_timeout(800)  # let Plotly finish drawing
        assert_no_exception(page)
        screenshot(page, f"{path or 'simulator'}-{lang}")
    finally:
        context.close()


def test_language_defaults_from_the_browser_locale(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/capabilities")
        page.get_by_text("Kapabiliteter", exact=True).first.wait_for()
        page.locator("[data-testid='stSidebar']").get_by_text("Årsbudget (mnkr)").wait_for()
        assert page.locator("[data-testid='stSidebar']").get_by_text("Årsbudget (mnkr)").count() == 1
        assert_no_exception(page)
    finally:
        context.close()
