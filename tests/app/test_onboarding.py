"""AppTest of the first visit's step "Describe your organisation" (ui/onboarding.py): it opens on a
first visit to the Simulator without scenario parameters, fills the sidebar and the link, closes for
the rest of the session after submit or Skip, and never opens when a link carries a scenario."""

from __future__ import annotations

import pytest

from model import Scenario
from tests.apptest_support import PAGE_FILES, new_app, run
from ui import onboarding
from ui.i18n import t

RETAILER = {"org_size": 250, "channels": 4, "posts_per_week": 15, "inbound_per_week": 400,
            "ad_spend_sek_month": 80_000, "influencers": 3, "team_size": 1}


def step_open(at) -> bool:
    return any(widget.key == "onb_org_size" for widget in at.number_input)


def button(at, label: str):
    found = [b for b in at.get("button") if b.label == label]
    assert len(found) == 1, [b.label for b in at.get("button")]
    return found[0]


def fill(at, values: dict, budget_msek: str, roles: list[str] | None = None) -> None:
    for name, value in values.items():
        at.number_input(key=f"onb_{name}").set_value(value)
    at.text_input(key="onb_budget_msek").set_value(budget_msek)
    if roles is not None:
        at.multiselect(key="onb_roles").set_value(roles)


def link_scenario(at) -> Scenario:
    scenario = Scenario.from_query_params(at.query_params)
    assert not scenario.notes, scenario.notes
    return scenario


def test_the_step_fills_the_sidebar_and_the_link():
    at = run(new_app())
    assert step_open(at)
    fill(at, RETAILER, "2.5", roles=["social_media_manager"])
    button(at, "Show my plan").click()
    run(at)
    assert not step_open(at)
    expected = Scenario(team=("social_media_manager",), budget_sek=2_500_000, org_size=250, channels=4,
                        posts_per_week=15, inbound_per_week=400, ad_spend_sek_month=80_000, influencers=3)
    state = at.session_state
    for name in RETAILER:
        assert state[name] == getattr(expected, name), name
    assert state["budget_sek"] == 2_500_000 and state["budget_msek"] == 2.5
    assert state["team_custom"] and state["seat_role_0"] == "social_media_manager"
    assert at.sidebar.number_input(key="inbound_per_week").value == 400  # the sidebar shows it
    assert at.sidebar.slider(key="budget_msek").value == 2.5
    assert link_scenario(at) == expected  # the address bar is a link to the organisation described
    assert at.query_params["budget_sek"] == "2500000"
    assert "budget_sek=2500000" in at.code[0].value and "team=social_media_manager" in at.code[0].value
    run(at)  # and it stays closed
    assert not step_open(at)


def test_people_without_roles_let_the_plan_choose():
    at = run(new_app())
    fill(at, {"team_size": 2, "posts_per_week": 20}, "3")
    button(at, "Show my plan").click()
    run(at)
    scenario = link_scenario(at)
    assert (scenario.team, scenario.team_size, scenario.budget_sek, scenario.posts_per_week) == (
        (), 2, 3_000_000, 20)
    assert not at.session_state["team_custom"]


def test_skip_starts_from_the_defaults_and_the_step_does_not_return():
    at = run(new_app())
    assert step_open(at)
    fill(at, RETAILER, "2.5")  # typed, then skipped: nothing of it is used
    button(at, "Skip").click()
    run(at)
    assert not step_open(at)
    assert link_scenario(at) == Scenario()
    assert set(at.query_params) == {"lang"}
    for name in ("team_size", "budget_sek", "posts_per_week", "org_size"):
        assert at.session_state[name] == getattr(Scenario(), name)
    at.switch_page(PAGE_FILES["capabilities"])
    run(at)
    at.switch_page(PAGE_FILES["simulator"])
    run(at)
    assert not step_open(at)


@pytest.mark.parametrize("query", [{"budget_sek": "2500000"}, {"team": "community_manager"},
                                   {"team_size": "1", "lang": "sv"}, {"workspace": "abc123"},
                                   {"video_share": "nonsense"}])
def test_a_link_with_parameters_opens_its_scenario_directly(query):
    at = run(new_app(query))
    assert not step_open(at)
    assert at.session_state[onboarding.STATE] == "done"
    run(at)
    assert not step_open(at)
    if "budget_sek" in query:
        assert at.session_state["budget_sek"] == 2_500_000


def test_the_step_opens_only_on_the_start_page():
    at = run(new_app(page="capabilities"))
    assert not step_open(at)
    at.switch_page(PAGE_FILES["simulator"])
    run(at)
    assert not step_open(at)  # the first page opened was another: no step later either


def test_the_step_speaks_the_language_of_the_link():
    at = run(new_app({"lang": "sv"}))
    assert step_open(at)
    assert at.number_input(key="onb_org_size").label == t("org_size", "sv")
    budget = at.text_input(key="onb_budget_msek")
    assert budget.label == t("budget_msek", "sv") == "Årsbudget (mnkr)"
    assert budget.value == "1,2"  # the decimal comma
    labels = {b.label for b in at.get("button")}
    assert "Show my plan" not in labels and "Skip" not in labels
    budget.set_value("2,5")  # as a Swede writes it (a number field would read 25)
    button(at, "Visa min plan").click()
    run(at)
    assert not step_open(at) and at.session_state["lang"] == "sv"
    assert at.session_state["budget_sek"] == 2_500_000 and at.query_params["budget_sek"] == "2500000"


@pytest.mark.parametrize("typed", ["två", "", "2,5,0", "25", "-1"])
def test_a_budget_that_cannot_be_read_keeps_the_step_open_and_says_why(typed):
    at = run(new_app())
    fill(at, {"posts_per_week": 20}, typed)
    button(at, "Show my plan").click()
    run(at)
    assert step_open(at)  # nothing applied, the typed values kept for a second try
    assert at.number_input(key="onb_posts_per_week").value == 20
    assert at.session_state["posts_per_week"] == Scenario().posts_per_week
    assert any("Write the budget in MSEK" in error.value for error in at.error)
    at.text_input(key="onb_budget_msek").set_value("2.5 MSEK")
    button(at, "Show my plan").click()
    run(at)
    assert not step_open(at) and not at.error
    assert at.session_state["budget_sek"] == 2_500_000 and at.session_state["posts_per_week"] == 20


def test_the_form_starts_from_the_defaults():
    at = run(new_app())
    default = Scenario()
    for name in RETAILER:
        assert at.number_input(key=f"onb_{name}").value == getattr(default, name), name
    assert at.text_input(key="onb_budget_msek").value == "1.2"
    assert at.multiselect(key="onb_roles").value == []


def test_described_scenario_keeps_the_budget_in_whole_kronor():
    base = Scenario()
    values = dict(RETAILER, budget_msek=2.3, roles=["social_media_manager", "graphic_designer"])
    scenario = onboarding.described(base, values)
    assert scenario.budget_sek == 2_300_000 and isinstance(scenario.budget_sek, int)
    assert scenario.team == ("social_media_manager", "graphic_designer") and scenario.team_size == 2
    assert onboarding.described(base, dict(values, roles=[])).team_size == 1


@pytest.mark.parametrize(("typed", "value"), [("2,5", 2.5), ("2.5", 2.5), (" 2,15 mnkr ", 2.15), ("4", 4.0),
                                               ("2.5\u00a0MSEK", 2.5), ("", None), ("2,5,0", None),
                                               ("1.2,5", None), ("nan", None), ("inf", None), ("två", None)])
def test_typed_numbers_are_read_in_either_language(typed, value):
    from ui.fmt import read_number

    assert read_number(typed) == value
