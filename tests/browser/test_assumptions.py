"""The Assumptions page in a real browser: edit a salary in the data editor and see the Simulator's
cost change; an invalid edit is refused on screen; the page in Swedish with its tornado charts."""

from __future__ import annotations

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from model import Scenario, load_catalog, simulate
from model.assumptions import apply_edits
from tests.browser.conftest import assert_no_exception, open_app, screenshot, wait_ready

SOLO = "team=social_media_manager&budget_sek=6000000"
TIGHT = "team=social_media_manager&budget_sek=1500000"  # work left undone: coverage moves too
PAIR = "team=social_media_manager&team=community_manager"
PAIR_TEAM = ("social_media_manager", "community_manager")
SMM_ROW = 4  # social_media_manager in the pay table
ROW_PX = 35


def cost_msek(page) -> str:
    """The total of the Simulator's headline 'Cost / least cost' ('2.1 / 1.8 MSEK' -> '2.1')."""
    metric = page.locator("[data-testid='stMetric']", has_text="Cost / least cost")
    text = metric.locator("[data-testid='stMetricValue']").inner_text()
    return re.match(r"\s*([\d.]+)\s*/", text).group(1)


def expected_msek(catalog) -> str:
    return f"{simulate(Scenario(team=PAIR_TEAM), catalog).cost.total / 1e6:.1f}"


def go_to(page, title: str) -> None:
    """Navigate inside the session (a new URL would start a new session without the edits)."""
    page.get_by_role("link", name=title, exact=True).first.click()
    wait_ready(page)


def edit_cell(page, grid: int, row: int, right: int, value: str) -> None:
    """Type `value` into a data editor cell: select the first cell, move with the arrow keys (the
    grid is drawn on a canvas), open the cell's editor, replace its text and confirm."""
    table = page.locator("[data-testid='stDataFrame']").nth(grid)
    editor = page.locator("#portal input.gdg-input")
    for _attempt in range(3):  # the canvas may still be laying out right after a run
        table.wait_for()
        box = table.bounding_box()
        page.mouse.click(box["x"] + 40, box["y"] + ROW_PX + ROW_PX / 2)
        for _ in range(right):
            page.keyboard.press("ArrowRight")
        for _ in range(row):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_ready(page)
    editor.fill(value)
    editor.press("Enter")
    page.wait_for_timeout(300)
    wait_ready(page)


def expect_alert(page, *parts: str) -> None:
    """Wait (retrying) for a message box holding every one of `parts`."""
    box = page.locator("[data-testid='stAlert']")
    for part in parts:
        box = box.filter(has_text=part)
    expect(box.first).to_be_visible(timeout=20_000)


def test_edit_a_salary_and_see_the_simulator_cost_change(page, app_url):
    # A social media manager and a community manager on the default budget of 2.0 MSEK. A social
    # media manager at 120,000 SEK/month puts the in-house team alone over the budget.
    shipped = load_catalog()
    edited = apply_edits(shipped, "pay", {("social_media_manager", "pay_sek_month"): 120_000})
    assert expected_msek(shipped) != expected_msek(edited)
    open_app(page, f"{app_url}/?{PAIR}")
    assert cost_msek(page) == expected_msek(shipped)
    go_to(page, "Assumptions")
    assert page.get_by_text("All assumptions are the defaults shipped with the app.").count() == 1
    edit_cell(page, 0, SMM_ROW, 1, "120000")
    expect_alert(page, "Social Media Manager · Pay: 45,000 SEK/month → 120,000 SEK/month")
    assert_no_exception(page)
    screenshot(page, "assumptions-edited")
    go_to(page, "Simulator")
    expect(page.locator("[data-testid='stMetric']", has_text="Cost / least cost")).to_contain_text(
        f"{expected_msek(edited)} /")
    assert cost_msek(page) == expected_msek(edited)
    assert_no_exception(page)
    screenshot(page, "assumptions-simulator-after-edit")


def test_invalid_edit_is_refused_on_screen(page, app_url):
    open_app(page, f"{app_url}/assumptions?{SOLO}")
    edit_cell(page, 0, SMM_ROW, 1, "-5")
    expect_alert(page, "Table “Pay and capacity”, row “Social Media Manager”, column “Pay”",
                 "from 0 to 1,000,000", "The previous value is still in force")
    assert page.get_by_text("All assumptions are the defaults shipped with the app.").count() == 1
    assert_no_exception(page)


def test_swedish_page_with_tornado(page, app_url):
    open_app(page, f"{app_url}/assumptions?{TIGHT}&lang=sv")
    assert page.get_by_role("heading", name="Antaganden").count() >= 1
    page.wait_for_selector(".js-plotly-plot")
    assert page.locator(".js-plotly-plot").count() == 2
    assert page.get_by_text("Vilka antaganden betyder mest").count() == 1
    assert_no_exception(page)
    page.set_viewport_size({"width": 1400, "height": 2600})
    screenshot(page, "assumptions-sv")


def test_upload_a_set_and_a_broken_file(page, app_url, tmp_path):
    shipped = load_catalog()
    edited = apply_edits(shipped, "providers", {("freelance_designer", "rate_sek_hour"): 800})
    good, bad = tmp_path / "client.yaml", tmp_path / "broken.yaml"
    good.write_text(edited.to_yaml(), encoding="utf-8")
    bad.write_text(edited.to_yaml().replace("rate_sek_hour: 800", "rate_sek_hour: -800"), encoding="utf-8")
    open_app(page, f"{app_url}/assumptions")
    page.get_by_text("Import and export (YAML)").click()
    uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    uploader.set_input_files(str(good))
    expect_alert(page, "Imported client.yaml: 1 assumption differs from the defaults.")
    wait_ready(page)
    expect(uploader).to_have_count(1)  # the run that replaces the used uploader has finished
    uploader.set_input_files(str(bad))  # the expander stays open after an upload
    expect_alert(page, "broken.yaml was not imported; the assumptions in force are unchanged.",
                 "row “Freelance graphic designer”, column “Rate”")
    expect_alert(page, "1 assumption differs from the defaults")
    assert_no_exception(page)
