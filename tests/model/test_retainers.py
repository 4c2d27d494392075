"""Retainers in a scenario (model/scenario.py Retainer) and in the plan (model/engine.py), and why an
agency is declined (model/declined.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import (
    PROVIDERS,
    Retainer,
    Scenario,
    ScenarioError,
    declined_agencies,
    least_cost,
    load_catalog,
    simulate,
)

CATALOG = load_catalog()
WEEKS = CATALOG.settings.weeks_per_year
RETAILER = dict(team=("social_media_manager",), budget_sek=2_500_000, channels=4, posts_per_week=15,
                inbound_per_week=400, ad_spend_sek_month=80_000, influencers=3, org_size=250)


def hours_bought(provider: str, fee_month: float) -> float:
    return fee_month * 12 / (CATALOG.providers[provider].rate_sek_hour * WEEKS)


# ---- reading and writing -------------------------------------------------------------------------
def test_a_retainer_round_trips_through_the_link_and_yaml():
    scenario = Scenario(retainers=("community_agency:community+administer:60000",
                                   {"provider": "freelance_designer", "scope": ["create"],
                                    "fee_sek_month": 30000}))
    assert scenario.retainers[0] == Retainer(provider="community_agency", scope=("administer", "community"),
                                             fee_sek_month=60_000)
    params = scenario.to_query_params()
    assert params["retainers"] == ["community_agency:administer+community:60000",
                                   "freelance_designer:create:30000"]
    assert Scenario.from_query_params(params) == scenario
    assert Scenario.from_yaml(scenario.to_yaml()) == scenario


@pytest.mark.parametrize("bad, code", [
    ("community_agency:community", "retainer.format"),
    ("nobody:community:60000", "ids.unknown"),
    ("community_agency:flying:60000", "ids.unknown"),
    ("community_agency::60000", "ids.expected"),
    ("community_agency:community:-5", "number.range"),
    ("community_agency:community:lots", "number.expected"),
    ("community_agency:community:99999999", "number.range"),
])
def test_a_bad_retainer_in_a_link_falls_back_with_a_note(bad, code):
    scenario = Scenario.from_query_params({"retainers": [bad]})
    assert scenario.retainers == ()
    assert [note.code for note in scenario.notes] == [code]
    assert scenario.notes[0].get("key") == "retainers"
    with pytest.raises(ScenarioError):
        Scenario.from_mapping({"retainers": [bad]}, strict=True)


def test_too_many_retainers_are_refused():
    many = [f"{provider}:create:10000" for provider in PROVIDERS[:7]]
    notes = Scenario.from_query_params({"retainers": many}).notes
    assert [note.code for note in notes] == ["retainer.too_many"]


# ---- in the plan -----------------------------------------------------------------------------------
def test_a_retainer_is_in_the_plan_as_given_and_its_fee_counted_once():
    retained = simulate(Scenario(**RETAILER, retainers=("community_agency:community:60000",)), CATALOG)
    lines = [line for line in retained.assignments if line.seat == "R1"]
    assert lines and {line.provider for line in lines} == {"community_agency"}
    assert {line.capability for line in lines} == {"community"}  # scope respected
    bought = hours_bought("community_agency", 60_000)
    assert sum(line.hours for line in lines) == pytest.approx(bought, abs=1e-4)
    assert sum(line.cost_sek for line in lines) == pytest.approx(720_000, abs=1)
    (use,) = retained.retainers
    assert use.hours == pytest.approx(bought) and use.fee_sek_year == 720_000
    # the fee once: the agency total is the retainer plus what else is bought from agencies
    hourly = sum(line.cost_sek for line in retained.assignments
                 if line.provider_type == "agency" and line.seat != "R1")
    assert retained.cost.agency == pytest.approx(720_000 + hourly, abs=1)
    assert retained.cost.total <= RETAILER["budget_sek"] + 0.01


def test_an_unused_retainer_still_costs_its_fee_and_is_reported():
    plan = simulate(Scenario(**RETAILER, retainers=("influencer_agency:lead+influencer:400000",)), CATALOG)
    (use,) = plan.retainers
    assert use.unusable == ("lead",)  # a rule keeps the lead in-house
    assert set(use.used) <= {"influencer"}
    assert use.unused_hours > 0.1 * use.hours
    assert plan.cost.agency >= 4_800_000 - 1
    ids = {finding.rule_id: finding for finding in plan.findings}
    assert "retainer_idle" in ids and ids["retainer_idle"].seat == "R1"
    assert ids["retainers_over_budget"].severity == "critical"  # 4.8 MSEK on a 2.5 MSEK budget


def test_a_retainer_lowers_what_else_is_bought_for_its_scope():
    base = simulate(Scenario(**RETAILER), CATALOG)
    retained = simulate(Scenario(**RETAILER, retainers=("community_agency:community:60000",)), CATALOG)
    def outside(plan, cap):
        return sum(line.hours for line in plan.assignments if line.capability == cap
                   and line.provider_type != "in_house" and line.seat != "R1")
    assert outside(retained, "community") < outside(base, "community")
    assert retained.cost.total <= RETAILER["budget_sek"] + 0.01


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PROVIDERS), st.lists(st.sampled_from(("create", "community", "advertise", "analyze",
                                                             "administer", "influencer")),
                                            min_size=1, max_size=3, unique=True),
       st.integers(1, 20) .map(lambda n: n * 10_000), st.integers(0, 8).map(lambda n: n * 500_000))
def test_retainer_hours_stay_within_scope_and_fee(provider, scope, fee, budget):
    text = f"{provider}:{'+'.join(scope)}:{fee}"
    plan = simulate(Scenario(**{**RETAILER, "budget_sek": budget}, retainers=(text,)), CATALOG)
    lines = [line for line in plan.assignments if line.seat == "R1"]
    assert all(line.capability in scope and line.provider == provider for line in lines)
    assert sum(line.hours for line in lines) <= hours_bought(provider, fee) + 1e-4
    external = sum(line.cost_sek for line in plan.assignments
                   if line.provider_type != "in_house" and line.seat != "R1")
    left = max(0.0, budget - plan.cost.in_house - fee * 12)
    assert external <= left + 0.01  # hourly buying only from what the seats and retainer leave
    assert plan.cost.total == pytest.approx(plan.cost.in_house + fee * 12 + external, abs=1)


def test_a_goal_seek_keeps_the_retainers():
    scenario = Scenario(**RETAILER, retainers=("community_agency:community:60000",))
    found = least_cost(scenario, CATALOG, coverage=0.85, team="free")
    assert found.plan.scenario.retainers == scenario.retainers
    assert found.cost >= 720_000


# ---- declined agencies ------------------------------------------------------------------------------
def test_every_unused_fitting_agency_has_one_reason():
    plan = simulate(Scenario(**RETAILER), CATALOG)
    used = {line.provider for line in plan.assignments}
    declined = declined_agencies(plan, CATALOG)
    assert {item.provider for item in declined} <= {p.id for p in CATALOG.providers.values()
                                                       if p.type == "agency"} - used
    assert len({item.provider for item in declined}) == len(declined)
    for item in declined:
        assert item.code in {"not_needed", "below_minimum", "cheaper", "budget", "in_house"}
        if item.code == "cheaper":
            rival = CATALOG.providers[item.values["rival"]]
            assert rival.rate_sek_hour < CATALOG.providers[item.provider].rate_sek_hour
            assert 0 < item.values["less"] < 1


def test_an_agency_below_its_minimum_says_so():
    small = Scenario(team=("social_media_manager",), budget_sek=5_000_000, inbound_per_week=10,
                     posts_per_week=2, channels=1, insource=("create", "advertise", "analyze"))
    reasons = {item.provider: item for item in declined_agencies(simulate(small, CATALOG), CATALOG)}
    assert any(item.code in ("below_minimum", "not_needed", "in_house") for item in reasons.values())
    for item in reasons.values():
        if item.code == "below_minimum":
            assert item.values["fee"] < item.values["minimum"]


def test_a_team_that_with_the_retainers_exceeds_the_budget_is_over_budget_on_the_map():
    """Trade-offs never names as "most coverage with this budget" a team whose salaries and
    retainers together cost more than the budget."""
    from model import best_mix, sweep

    scenario = Scenario(**RETAILER, retainers=("community_agency:community:60000",))
    column = sweep(scenario, CATALOG, (1, 2, 3), (RETAILER["budget_sek"],))
    points = [row[0] for row in column.points]
    for point in points:
        assert point.retained == 720_000
        assert point.over_budget == (point.in_house + 720_000 > RETAILER["budget_sek"])
    assert any(point.over_budget for point in points)  # three salaries and the retainer
    best = best_mix(column)
    assert not best.over_budget and best.total <= RETAILER["budget_sek"] + 0.01
