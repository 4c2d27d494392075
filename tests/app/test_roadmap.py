"""AppTest of the Roadmap page through app.py (issue 14): it renders in both languages with its three
charts, its inputs go into the session and the share link, and a link's values come back into them."""

from __future__ import annotations

import pytest

from model import Scenario, load_catalog
from model.roadmap import roadmap
from tests.apptest_support import metrics, new_app, run
from ui.i18n import _, t

CATALOG = load_catalog()
PAGE = "pages/roadmap.py"
TEAM = ["social_media_manager", "community_manager", "content_manager"]
LINK = {"team": TEAM, "hires": "1", "growth_per_quarter": "0.1", "budget_sek": "3500000"}
CHARTS = ("chart_roadmap_gantt", "chart_roadmap_cost", "chart_roadmap_coverage")


def page(query: dict | None = None):
    at = new_app(query)
    at.switch_page(PAGE)
    return run(at)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_page_renders_in_both_languages(lang):
    at = page({"lang": lang, **LINK})
    assert at.title[0].value == t("page_roadmap", lang)
    assert [chart.key for chart in at.get("plotly_chart")] == list(CHARTS)
    labels = {widget.label for widget in (*at.slider, *at.number_input)}
    assert {t("horizon_quarters", lang), t("growth_per_quarter", lang), t("hires", lang)} <= labels
    shown = metrics(at)
    assert set(shown) == {_(lang, "First new seat starts"), _(lang, "Seats recruited"),
                          _(lang, "Cost over the horizon"), _(lang, "Coverage at the end")}
    assert shown[_(lang, "Seats recruited")] == _(lang, "{count} of {total}", count=1, total=1)
    tables = at.dataframe
    assert len(tables) == 2  # the seats to recruit, the quarters
    captions = " ".join(str(caption.value) for caption in at.caption)
    assert "SCB" in captions and "LAS" in captions


def test_a_link_opens_with_its_values_in_the_inputs():
    at = page({"lang": "en", **LINK})
    assert at.slider(key="growth_per_quarter_input").value == 10.0
    assert at.number_input(key="hires_input").value == 1
    assert at.slider(key="horizon_quarters_input").value == 8
    assert at.session_state["hires"] == 1 and at.session_state["growth_per_quarter"] == 0.1
    road = roadmap(Scenario(team=tuple(TEAM), hires=1, growth_per_quarter=0.1, budget_sek=3_500_000), CATALOG)
    quarters = at.dataframe[-1].value
    assert len(quarters) == road.horizon


def test_changing_the_inputs_writes_them_into_the_link():
    at = page({"lang": "en", "team": TEAM, "budget_sek": "3500000"})
    assert "horizon_quarters" not in at.query_params and "hires" not in at.query_params
    at.slider(key="horizon_quarters_input").set_value(10)
    run(at)
    assert at.session_state["horizon_quarters"] == 10
    assert at.query_params["horizon_quarters"] == "10"
    assert len(at.dataframe[-1].value) == 10
    at.number_input(key="hires_input").set_value(2)
    run(at)
    assert at.session_state["hires"] == 2 and at.query_params["hires"] == "2"
    at.slider(key="growth_per_quarter_input").set_value(7.5)
    run(at)
    assert at.session_state["growth_per_quarter"] == 0.075
    assert at.query_params["growth_per_quarter"] == "0.075"
    run(at)  # another run keeps them
    assert at.slider(key="horizon_quarters_input").value == 10
    assert at.number_input(key="hires_input").value == 2
    at.number_input(key="hires_input").set_value(0)
    run(at)
    assert "hires" not in at.query_params  # back at the default: left out of the link


def test_seats_to_recruit_are_capped_at_the_team_size():
    at = page({"lang": "en", "team": TEAM[:2], "hires": "5"})
    widget = at.number_input(key="hires_input")
    assert widget.value == 2 and widget.max == 2


def test_no_team_says_there_is_nobody_to_recruit():
    at = page({"lang": "en", "team_size": "0", "hires": "1"})
    assert any("nobody to recruit" in str(info.value) for info in at.info)
    assert at.number_input(key="hires_input").proto.disabled
