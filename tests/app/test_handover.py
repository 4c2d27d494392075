"""AppTest of the Briefs and roles page through app.py (issue 13): the brief's four texts go into
the session and the share link, a link's texts come back into the text areas and raise readiness,
and every brief and role description can be downloaded."""

from __future__ import annotations

import pytest

from model import Scenario, briefs, load_catalog, role_descriptions, simulate
from tests.apptest_support import new_app, run

CATALOG = load_catalog()
PAGE = "pages/handover.py"
INPUTS = ("brief_goal", "brief_audience", "brief_kpis", "brief_approvals")


def handover(query: dict[str, str] | None = None):
    at = new_app(query)
    at.switch_page(PAGE)
    return run(at)


def progress(at) -> tuple[int, str]:
    bar = at.get("progress")[0].proto
    return bar.value, bar.text


def downloads(at) -> dict[str, object]:
    return {button.key: button for button in at.get("download_button")}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_page_renders_briefs_and_roles(lang):
    at = handover({"lang": lang})
    plan = simulate(Scenario(), CATALOG)
    assert [area.key for area in at.text_area] == [f"{name}_input" for name in ("brief_goal", "brief_kpis",
                                                                              "brief_audience",
                                                                              "brief_approvals")]
    assert all(area.max_chars == 500 and area.placeholder for area in at.text_area)
    bought, seats = briefs(plan, CATALOG), role_descriptions(plan, CATALOG)
    assert bought and seats
    keys = set(downloads(at))
    for brief in bought:
        assert {f"handover_brief_{brief.capability}_md", f"handover_brief_{brief.capability}_html"} <= keys
    for desc in seats:
        assert {f"handover_role_{desc.seat}_md", f"handover_role_{desc.seat}_html"} <= keys
    assert len(at.tabs) == 2
    value, text = progress(at)
    assert 0 <= value < 100 and text
    previews = [element.value for element in at.markdown if str(element.value).startswith("# ")]
    assert len(previews) == len(bought) + len(seats)


def test_typing_a_goal_goes_into_the_session_and_the_share_link():
    at = handover({"lang": "en"})
    before, _text = progress(at)
    at.text_area(key="brief_goal_input").input("More <b>bookings</b> from social").run()
    assert not at.exception
    assert at.session_state["brief_goal"] == "More <b>bookings</b> from social"
    assert at.query_params["brief_goal"] == "More <b>bookings</b> from social"
    after, text = progress(at)
    assert after > before and text.startswith("Brief readiness: ")
    markdown = "\n".join(str(element.value) for element in at.markdown)
    assert r"More \<b\>bookings\</b\> from social" in markdown and "<b>bookings" not in markdown
    run(at)  # another run keeps it
    assert at.text_area(key="brief_goal_input").value == "More <b>bookings</b> from social"


def test_a_link_with_brief_texts_fills_the_text_areas_and_raises_readiness():
    empty = progress(handover({"lang": "en"}))[0]
    at = handover({"lang": "en", "brief_goal": "Grow bookings", "brief_audience": "Young families"})
    assert at.text_area(key="brief_goal_input").value == "Grow bookings"
    assert at.text_area(key="brief_audience_input").value == "Young families"
    assert at.text_area(key="brief_kpis_input").value == ""
    assert progress(at)[0] > empty
    full = handover({"lang": "en", **{name: "Filled in" for name in INPUTS}})
    assert progress(full)[0] > progress(at)[0]
    assert not any("[to fill in" in str(element.value) for element in full.markdown)


def test_downloads_hold_the_documents():
    at = handover({"lang": "en", "brief_goal": "<script>alert(1)</script>"})
    buttons = downloads(at)
    brief = buttons["handover_brief_create_html"]
    assert brief.proto.label and brief.proto.url  # the file is served from the media store
    assert all(button.proto.url for button in buttons.values())


def test_no_bought_work_and_no_team_say_so():
    at = handover({"lang": "en", "team_size": "0", "budget_sek": "0"})
    infos = [str(element.value) for element in at.info]
    assert any("nothing to brief" in info for info in infos)
    assert any("no in-house team" in info for info in infos)
    assert not at.get("download_button")
