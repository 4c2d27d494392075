"""Issue 14 in a real browser: the Simulator's P10-P90 bands in both languages, and the
organisation model with its units, brands and languages carried by a share link to a fresh
browser and compared on Trade-offs."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_exception, open_app, screenshot, wait_ready

WORDS = {
    "en": {"section": "How sure is this plan?", "toggle": "Show ranges instead of single numbers (500 draws)",
           "tile": "Coverage, P10–P90", "models": "Organisation models for this workload",
           "use": "Use this model", "in_use": "The model in use"},
    "sv": {"section": "Hur säker är den här planen?",
           "toggle": "Visa spann i stället för enskilda tal (500 dragningar)",
           "tile": "Täckning, P10–P90", "models": "Organisationsmodeller för den här arbetsmängden",
           "use": "Använd den här modellen", "in_use": "Modellen som används"},
}
SCENARIO = "team=social_media_manager&team=community_manager&budget_sek=2500000&inbound_per_week=400"


@pytest.fixture(autouse=True)
def _translated():
    from ui.i18n import _

    for key, english in WORDS["en"].items():
        expected = WORDS["sv"][key]
        if key == "toggle":
            assert _("sv", "Show ranges instead of single numbers ({draws} draws)", draws=500) == expected
        elif key == "tile":
            assert _("sv", "Coverage, P{low}–P{high}", low=10, high=90) == expected
        else:
            assert _("sv", english) == expected, english


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_simulator_shows_p10_to_p90_bands(page, app_url, lang):
    words = WORDS[lang]
    open_app(page, f"{app_url}/?{SCENARIO}&lang={lang}")
    heading = page.get_by_role("heading", name=words["section"])
    heading.wait_for()
    assert page.locator(".st-key-chart_ranges").count() == 0
    page.get_by_text(words["toggle"]).click()
    page.get_by_text(words["tile"]).wait_for(timeout=60_000)
    wait_ready(page)
    chart = page.locator(".st-key-chart_ranges .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    chart.wait_for()
    tile = page.get_by_test_id("stMetric").filter(has_text=words["tile"])
    assert "–" in tile.inner_text()  # a range, not a single number
    assert_no_exception(page)
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    screenshot(page, f"simulator-ranges-{lang}")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_organisation_model_travels_in_the_link(page, browser, app_url, lang):
    words = WORDS[lang]
    open_app(page, f"{app_url}/tradeoffs?{SCENARIO}&business_units=4&brands=2&languages=2&lang={lang}")
    heading = page.get_by_role("heading", name=words["models"])
    heading.wait_for(timeout=60_000)
    heading.scroll_into_view_if_needed()
    # the model in use (centralized) has no button: the first is the second model, distributed
    page.get_by_role("button", name=words["use"]).first.click()
    page.wait_for_url("**org_model=distributed**")
    wait_ready(page)
    assert "business_units=4" in page.url and "languages=2" in page.url
    assert_no_exception(page)
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    screenshot(page, f"tradeoffs-orgmodels-{lang}")

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    other = context.new_page()
    try:
        open_app(other, page.url)
        other.get_by_role("heading", name=words["models"]).wait_for(timeout=60_000)
        wait_ready(other)
        assert "org_model=distributed" in other.url
        sidebar = other.get_by_test_id("stSidebar")
        assert sidebar.get_by_test_id("stNumberInput").filter(has=other.get_by_text(
            "Business units" if lang == "en" else "Affärsenheter")).locator("input").input_value() == "4"
        assert_no_exception(other)
    finally:
        context.close()
