"""The presentation view for a board meeting in a real browser, at 1280×720 and 1920×1080, in
English and Swedish: it opens on the saved options (under their names), the five headline tiles of
an option sit on one row inside the window and no tile text wraps or is cut, the side-by-side view
keeps each option's tiles on one row too, and chart titles and ticks are large. Screenshots of each
go to artifacts/presentation-*.png."""

from __future__ import annotations

import pytest

from model import Scenario, load_catalog, simulate
from tests.browser.conftest import ARTIFACTS, assert_no_exception, open_app, wait_ready

OPTIONS = (  # (name, link parameters): an in-house versus agency decision
    ("Byrån sköter det mesta", "team_size=1&budget_sek=1500000"),
    ("Hybrid: två internt och byrå", "team_size=2&budget_sek=1800000"),
    ("Egen avdelning", "team_size=4&budget_sek=3500000"),
)
SIZES = ((1280, 720), (1920, 1080))
LABELS = {"en": {"present": "Presentation view", "side": "Side by side", "one": "One at a time"},
          "sv": {"present": "Presentationsläge", "side": "Sida vid sida", "one": "Ett i taget"}}

# Every tile row and, per tile, the box of the tile and of each of its lines.
MEASURE = """() => [...document.querySelectorAll('.pv-tiles, .pv-row:not(.pv-head)')].map(row => ({
  tiles: [...row.querySelectorAll('.pv-tile')].map(tile => {
    const box = tile.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
      lines: [...tile.children].map(line => {
        const style = getComputedStyle(line);
        return {text: line.textContent, height: line.getBoundingClientRect().height,
                lineHeight: parseFloat(style.lineHeight), scroll: line.scrollWidth,
                width: line.clientWidth};
      })};
  })}))"""
FONT_SIZES = """(selector) => [...document.querySelectorAll(selector)].map(
  node => parseFloat(getComputedStyle(node).fontSize))"""


@pytest.fixture(scope="module")
def workspace(browser, app_url) -> str:
    """A private workspace with the three options saved in it; its link."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
    page.set_default_timeout(60_000)
    open_app(page, f"{app_url}/compare")
    page.get_by_role("button", name="New private workspace").click()
    wait_ready(page)
    link = page.get_by_test_id("stCode").inner_text().strip()
    for name, params in OPTIONS:
        open_app(page, f"{link}&{params}")
        form = page.get_by_test_id("stForm").first
        form.get_by_label("Name").fill(name)
        form.get_by_role("button", name="Save").click()
        wait_ready(page)
        assert page.get_by_test_id("stAlertContentSuccess").filter(has_text="Saved").count() == 1
    page.context.close()
    return link


def _check_tiles(page, rows: int, width: int, height: int) -> None:
    measured = page.evaluate(MEASURE)
    assert len(measured) == rows, measured
    for row in measured:
        tiles = row["tiles"]
        assert len(tiles) == 5
        assert max(t["top"] for t in tiles) - min(t["top"] for t in tiles) < 1, tiles  # one row
        assert all(a["right"] <= b["left"] for a, b in zip(tiles, tiles[1:], strict=False)), tiles
        assert tiles[0]["left"] >= 0 and tiles[-1]["right"] <= width, tiles
        for tile in tiles:
            for line in tile["lines"]:
                if not line["text"]:
                    continue
                assert line["height"] < 1.5 * line["lineHeight"], line  # one line: nothing wraps
                assert line["scroll"] <= line["width"], line  # and nothing is cut off
    if rows == 1:  # one option per screen: its tiles are on the first screen
        assert measured[0]["tiles"][0]["bottom"] <= height, measured


def _check_charts(page) -> None:
    page.locator(".js-plotly-plot .gtitle").first.wait_for()
    titles = page.evaluate(FONT_SIZES, ".js-plotly-plot .gtitle")
    ticks = page.evaluate(FONT_SIZES, ".js-plotly-plot .xtick text, .js-plotly-plot .ytick text")
    assert titles and min(titles) >= 20, titles
    assert ticks and min(ticks) >= 16, ticks


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / f"presentation-{name}.png"))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_presentation_view_fits_a_board_room_screen(browser, workspace, lang):
    labels = LABELS[lang]
    findings = len(simulate(Scenario(team_size=1, budget_sek=1_500_000), load_catalog()).findings)
    for width, height in SIZES:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(60_000)
        try:
            open_app(page, f"{workspace}&lang={lang}")
            page.get_by_text(labels["present"], exact=True).click()
            wait_ready(page)
            assert_no_exception(page)
            assert not page.get_by_test_id("stSidebar").is_visible()
            # it opens on the first saved option, under its saved name, with its top findings
            assert page.locator(".pv-title").inner_text() == OPTIONS[0][0]
            assert page.locator(".pv-findings li").count() == min(3, max(1, findings))
            _check_tiles(page, 1, width, height)
            _check_charts(page)
            _shot(page, f"{lang}-{width}x{height}-one")
            page.get_by_text(OPTIONS[2][0], exact=True).click()
            wait_ready(page)
            assert page.locator(".pv-title").inner_text() == OPTIONS[2][0]
            assert OPTIONS[0][0] in page.locator(".pv-kicker").inner_text()
            assert page.locator(".pv-delta").count() == 5  # the changes against the baseline
            _check_tiles(page, 1, width, height)
            _shot(page, f"{lang}-{width}x{height}-one-last")
            page.get_by_text(labels["side"], exact=True).click()
            wait_ready(page)
            assert_no_exception(page)
            assert [name.inner_text() for name in page.locator(".pv-option").all()] == [
                name for name, _params in OPTIONS]
            _check_tiles(page, len(OPTIONS), width, height)
            _check_charts(page)
            _shot(page, f"{lang}-{width}x{height}-side")
        finally:
            context.close()
