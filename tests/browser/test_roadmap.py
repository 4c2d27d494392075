"""Issue 14 in a real browser: the Roadmap page opens from a share link in both languages with its
timeline, and the inputs changed on the page travel in the address to a fresh browser (the share-link
round trip)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_no_exception, open_app, screenshot, wait_ready
from ui.figkit import split_title
from ui.i18n import _, t

TEAM = "team=social_media_manager&team=community_manager&team=content_manager"
LINK = f"{TEAM}&budget_sek=3500000&hires=1&growth_per_quarter=0.1"


def _slider(page, label: str):
    return page.get_by_role("slider", name=label)


def _value(slider) -> float:
    """A slider's value as the browser writes it ('8', '10%', '7.5 %')."""
    return float(re.match(r"-?[\d.,]+", slider.get_attribute("aria-valuetext")).group().replace(",", "."))


def _timeline_title(lang: str) -> str:
    return split_title(_(lang, "Timeline: seats, recruitment and bridges"))[0]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_link_opens_the_roadmap_and_its_inputs_round_trip(page, browser, app_url, lang):
    open_app(page, f"{app_url}/roadmap?{LINK}&lang={lang}")
    page.get_by_role("heading", name=t("page_roadmap", lang)).wait_for()
    gantt = page.locator(".js-plotly-plot").filter(has_text=_timeline_title(lang))
    gantt.wait_for()  # drawn and visible
    assert gantt.count() == 1
    assert gantt.locator(".bars .point").count() >= 4  # the seats, a recruitment and a bridge
    hires = page.get_by_role("spinbutton", name=t("hires", lang), exact=True)
    assert hires.input_value() == "1"
    assert _value(_slider(page, t("horizon_quarters", lang))) == 8
    assert _value(_slider(page, t("growth_per_quarter", lang))) == 10
    page.locator(".js-plotly-plot").nth(2).wait_for()
    assert page.locator(".js-plotly-plot").count() == 3
    assert_no_exception(page)
    page.set_viewport_size({"width": 1400, "height": 3000})  # the whole page (it scrolls inside)
    page.wait_for_timeout(800)
    screenshot(page, f"roadmap-{lang}")
    page.set_viewport_size({"width": 1400, "height": 1000})

    # two seats to recruit and a longer horizon: both go into the address
    hires.fill("2")
    hires.press("Enter")
    page.wait_for_url(re.compile(r"hires=2"))
    wait_ready(page)
    horizon = _slider(page, t("horizon_quarters", lang))
    horizon.focus()
    horizon.press("ArrowRight")
    horizon.press("ArrowRight")
    page.wait_for_url(re.compile(r"horizon_quarters=10"))
    wait_ready(page)
    assert_no_exception(page)
    assert "growth_per_quarter=0.1" in page.url and f"lang={lang}" in page.url

    # the address reopens the same roadmap in a fresh browser
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    other = context.new_page()
    try:
        open_app(other, page.url)
        other.locator(".js-plotly-plot").filter(has_text=_timeline_title(lang)).wait_for()
        assert other.get_by_role("spinbutton", name=t("hires", lang), exact=True).input_value() == "2"
        assert _value(_slider(other, t("horizon_quarters", lang))) == 10
        assert _value(_slider(other, t("growth_per_quarter", lang))) == 10
        assert_no_exception(other)
    finally:
        context.close()
