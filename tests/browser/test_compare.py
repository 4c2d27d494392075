"""The Compare page in a real browser: save two scenarios, compare them, download the HTML
report and open it offline; the presentation view; a bad upload."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.conftest import ARTIFACTS, assert_no_exception, open_app, screenshot, wait_ready

NAME_A = "Lean <team> & freelancers"
NAME_B = "In-house studio"


def _save(page, name: str, note: str) -> None:
    form = page.get_by_test_id("stForm").first
    form.get_by_label("Name").fill(name)
    form.get_by_label(re.compile("^Note")).fill(note)
    form.get_by_role("button", name="Save").click()
    wait_ready(page)
    assert page.get_by_test_id("stAlertContentSuccess").filter(has_text="Saved").count() == 1


def _compare_select(page):
    select = page.get_by_test_id("stMultiSelect").filter(has_text="Scenarios to compare")
    return select.locator(".react-aria-ComboBox")


def _chips(page) -> list[str]:
    tags = _compare_select(page).locator("[data-tag]")
    return [tags.nth(i).get_attribute("aria-label") for i in range(tags.count())]


def _tall_screenshot(page, name: str, height: int = 5200) -> None:
    """The page scrolls inside its own container, so make the window as tall as the page."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(800)
    screenshot(page, name)
    page.set_viewport_size({"width": 1400, "height": 1000})


def _open_offline(browser, path: Path, shot: str):
    """Open a downloaded file with every network request refused; return (page, context)."""
    context = browser.new_context(viewport={"width": 1300, "height": 7000}, offline=True)
    requests: list[str] = []
    context.route(re.compile(r"^https?://"),
                  lambda route: (requests.append(route.request.url), route.abort()))
    report = context.new_page()
    errors: list[str] = []
    report.on("pageerror", lambda error: errors.append(str(error)))
    report.goto(path.as_uri())
    report.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    report.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    report.wait_for_timeout(1500)  # a full-page shot would resize the page and catch charts mid-redraw
    report.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    assert errors == [], errors
    assert requests == [], requests
    return report, context


def test_save_two_compare_and_open_the_report(page, app_url, browser, tmp_path):
    open_app(page, f"{app_url}/compare?team_size=2&budget_sek=1500000")
    assert_no_exception(page)
    _save(page, NAME_A, "Cheapest option.\nFreelancers for content.")

    open_app(page, f"{app_url}/compare?team_size=6&budget_sek=5000000")
    _save(page, NAME_B, "Everything in-house <b>except</b> ads")
    assert_no_exception(page)
    # both saved options are compared, the first saved as the baseline; the sidebar holds the
    # second, so it is not offered a second time as "Current (sidebar)"
    assert _chips(page) == [NAME_A, NAME_B]
    assert page.get_by_role("combobox", name="Baseline").input_value() == NAME_A
    assert_no_exception(page)

    # the user's names are shown as typed, not as markup
    assert page.get_by_text(NAME_A, exact=True).count() >= 1
    assert page.get_by_text("What changed").count() == 1
    assert page.locator(".js-plotly-plot").count() >= 4
    _tall_screenshot(page, "compare-two-saved")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison as an HTML report").click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert "Lean &lt;team&gt; &amp; freelancers" in text and NAME_A not in text
    assert "&lt;b&gt;except&lt;/b&gt;" in text

    report, context = _open_offline(browser, path, "compare-report")
    try:
        assert report.locator(".js-plotly-plot").count() == 4
        assert report.locator("h1").inner_text().startswith(NAME_A)
        assert report.locator("img").count() == 0 and report.locator("main b").count() == 0
    finally:
        context.close()

    # load the first one back: the sidebar and so the address bar follow
    page.bring_to_front()  # the report opened in another window
    wait_ready(page)
    box = page.get_by_role("combobox", name="Saved scenario")
    box.click()
    box.press_sequentially("Lean", delay=50)
    page.locator("[role=option]").filter(has_text=NAME_A).click()
    wait_ready(page)
    page.get_by_role("button", name="Load into the sidebar").click()
    wait_ready(page)
    assert_no_exception(page)
    assert "budget_sek=1500000" in page.url and "team_size=2" in page.url
    team_size = page.get_by_test_id("stSidebar").get_by_test_id("stSliderThumbValue").first
    assert team_size.inner_text() == "2"
    assert page.get_by_test_id("stAlertContentSuccess").filter(has_text="into the sidebar").count() == 1


def test_scenario_report_and_presentation_view(page, app_url, browser, tmp_path):
    open_app(page, f"{app_url}/compare?team_size=3")
    with page.expect_download() as info:
        page.get_by_role("button", name="HTML report", exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    report, context = _open_offline(browser, path, "scenario-report")
    try:
        # coverage, cost, ranges, load, who does what, July
        assert report.locator(".js-plotly-plot").count() == 6
    finally:
        context.close()

    page.get_by_text("Presentation view", exact=True).click()
    wait_ready(page)
    assert_no_exception(page)
    assert not page.get_by_test_id("stSidebar").is_visible()
    assert page.locator(".pv-value").count() == 5
    _tall_screenshot(page, "compare-presentation", 2600)
    page.get_by_text("Side by side", exact=True).click()
    wait_ready(page)
    assert_no_exception(page)
    _tall_screenshot(page, "compare-presentation-comparison", 2600)
    page.get_by_text("Presentation view", exact=True).click()
    wait_ready(page)
    assert page.get_by_test_id("stSidebar").is_visible()


def test_bad_upload_shows_what_is_wrong(page, app_url, tmp_path):
    open_app(page, f"{app_url}/compare")
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario:\n  team_size: 99\n  colour: blue\n", encoding="utf-8")
    page.get_by_text("Open a scenario file (YAML)").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    wait_ready(page)
    error = page.get_by_test_id("stAlertContentError")
    error.first.wait_for()
    assert "team_size: expected a number from 0 to 30, got 99" in error.inner_text()
    assert "colour" in error.inner_text()
    assert_no_exception(page)
    screenshot(page, "compare-bad-upload")


def test_a_private_workspace_link_opens_it_and_leaves_the_address_bar(page, app_url, browser):
    open_app(page, f"{app_url}/compare?team_size=3")
    page.get_by_role("button", name="New private workspace").click()
    wait_ready(page)
    link = page.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(re.escape(app_url) + r"/compare\?workspace=[A-Za-z0-9_-]{32}", link), link
    key = link.split("workspace=", 1)[1]
    assert key not in page.url
    _save(page, "Only in the private workspace", "private")
    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
    other.set_default_timeout(60_000)
    open_app(other, f"{link}&team_size=4")
    assert "workspace=" not in other.url and "team_size=4" in other.url  # a clean scenario link again
    assert other.get_by_text("Workspace: private").count() == 1
    assert other.get_by_text("Only in the private workspace").count() >= 1
    share = other.get_by_test_id("stCode")
    share.wait_for()  # the code block is drawn a moment after the run ends
    assert share.count() == 1 and share.inner_text().strip() == link
    assert_no_exception(other)
    other.context.close()
    shared = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
    shared.set_default_timeout(60_000)
    open_app(shared, f"{app_url}/compare")
    assert shared.get_by_text("Workspace: shared").count() == 1
    assert shared.get_by_text("Only in the private workspace").count() == 0
    shared.context.close()
