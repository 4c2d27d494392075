"""AppTest of what a coverage costs (the sidebar's coverage target, the Simulator's and Trade-offs'
answer), of retainers in a link, and of the agencies the plan declines."""

from __future__ import annotations

import pytest

from model import Scenario, least_cost, load_catalog, simulate
from tests.apptest_support import metrics, new_app, run
from ui.fmt import msek, pct, sek
from ui.goalseek_view import quality_floor

CATALOG = load_catalog()
RETAILER = {"team": ["social_media_manager"], "budget_sek": "2500000", "channels": "4",
            "posts_per_week": "15", "inbound_per_week": "400", "ad_spend_sek_month": "80000",
            "influencers": "3", "org_size": "250"}


def all_of(at, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def scenario_of(query: dict) -> Scenario:
    return Scenario.from_query_params(query)


def test_without_a_target_the_page_says_how_to_ask():
    at = run(new_app(RETAILER))
    assert any("Set a coverage target in the sidebar" in caption.value for caption in at.caption)
    assert not [button for button in at.button if button.label == "Use this team and budget"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_target_is_answered_with_the_least_cost_and_the_team(lang):
    query = {**RETAILER, "target_coverage": "0.85", "lang": lang}
    at = run(new_app(query))
    scenario = scenario_of(query)
    quality = quality_floor(simulate(scenario.replace(target_coverage=0.0), CATALOG))
    free = least_cost(scenario, CATALOG, coverage=0.85, quality=quality, team="free")
    keep = least_cost(scenario, CATALOG, coverage=0.85, quality=quality, team="keep")
    answers = [box.value for box in at.success]
    assert len(answers) == 2
    assert msek(free.cost, lang) in answers[0] and pct(0.85, lang) in answers[0]
    assert msek(keep.cost, lang) in answers[1]
    # the headline shows the coverage against the target
    coverage = metrics(at)["Coverage" if lang == "en" else "Täckning"]
    assert pct(0.85, lang) in coverage


def test_using_the_answer_puts_its_team_budget_and_target_into_the_sidebar_and_link():
    at = run(new_app({**RETAILER, "target_coverage": "0.85"}))
    scenario = scenario_of({**RETAILER, "target_coverage": "0.85"})
    quality = quality_floor(simulate(scenario.replace(target_coverage=0.0), CATALOG))
    free = least_cost(scenario, CATALOG, coverage=0.85, quality=quality, team="free")
    button = next(button for button in at.button if button.key == "goal_apply_free")
    button.click()
    run(at)
    assert at.session_state["budget_sek"] == free.plan.scenario.budget_sek
    assert all_of(at, "team") == list(free.roles)
    plan = simulate(free.plan.scenario, CATALOG)
    assert plan.overall_coverage >= 0.85 - 1e-4
    assert metrics(at)["Coverage"].startswith(pct(plan.overall_coverage))


def test_an_unreachable_target_says_so():
    query = {**RETAILER, "target_coverage": "1", "insource": ["create", "community", "administer",
                                                              "influencer", "advertise"]}
    at = run(new_app(query))
    assert any("cannot be reached" in box.value for box in at.warning)


def test_a_retainer_in_the_link_is_in_the_plan_and_said():
    query = {**RETAILER, "retainers": ["community_agency:community+lead:60000"]}
    at = run(new_app(query))
    text = "\n".join(block.value for block in at.markdown)
    assert "Community management agency" in text and f"on a retainer of {sek(60_000)} a month" in text
    assert "not for it to do: project management" in text
    assert all_of(at, "retainers") == ["community_agency:lead+community:60000"]
    plan = simulate(scenario_of(query), CATALOG)
    assert any(line.seat == "R1" for line in plan.assignments)


def test_a_retainer_added_in_the_sidebar_reaches_the_link():
    at = run(new_app(RETAILER))
    at.selectbox(key="ret_provider").set_value("community_agency")
    run(at)
    at.multiselect(key="ret_scope").set_value(["community"])
    at.number_input(key="ret_fee").set_value(50_000)
    at.button(key="ret_add").click()
    run(at)
    assert all_of(at, "retainers") == ["community_agency:community:50000"]
    at.button(key="ret_remove_0").click()
    run(at)
    assert all_of(at, "retainers") == []


def test_declined_agencies_are_explained():
    at = run(new_app(RETAILER))
    expander = next(item for item in at.expander if item.label == "Agencies not in the plan, and why")
    text = "\n".join(block.value for block in expander.markdown)
    assert "less an hour" in text or "minimum fee" in text
