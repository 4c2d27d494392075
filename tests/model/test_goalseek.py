"""Goal seek: the least cost of a coverage (model/goalseek.py)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import ROLES, Scenario, for_plan, least_cost, load_catalog, simulate
from model.goalseek import rule_floors

CATALOG = load_catalog()
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RETAILER = Scenario(team=("social_media_manager",), budget_sek=2_500_000, channels=4,
                    posts_per_week=15, inbound_per_week=400, ad_spend_sek_month=80_000,
                    influencers=3, org_size=250)
TINY = Scenario(team_size=1, channels=1, posts_per_week=3, video_share=0.0, inbound_per_week=20,
                ad_spend_sek_month=0, influencers=0, org_size=20, marketing_lead_hours=2.0)

scenarios = st.builds(
    lambda posts, inbound, ads, infl, video: Scenario(
        team=("social_media_manager",), posts_per_week=posts, inbound_per_week=inbound,
        ad_spend_sek_month=ads, influencers=infl, video_share=video),
    st.integers(0, 40), st.integers(0, 600), st.sampled_from([0, 20_000, 100_000]),
    st.integers(0, 5), st.sampled_from([0.0, 0.3]))


@pytest.mark.parametrize("team", ["free", "keep"])
@pytest.mark.parametrize("target", [0.5, 0.7, 0.85, 1.0])
def test_the_plan_reaches_the_target_and_its_budget_is_its_cost(team, target):
    found = least_cost(RETAILER, CATALOG, coverage=target, quality=0.7, team=team)
    assert found.reached
    plan = found.plan
    assert plan.overall_coverage >= target - 1e-6
    assert plan.overall_quality >= 0.7 - 1e-6
    assert plan.scenario.team == found.roles and len(found.roles) == plan.scenario.team_size
    assert plan.cost.total <= plan.scenario.budget_sek + 0.01  # the solver's tolerance
    if team == "keep":
        assert found.roles == RETAILER.team
    # adopting the answer (its team, budget and target) in the sidebar gives the same coverage
    again = simulate(plan.scenario, CATALOG)
    assert again.overall_coverage >= target - 1e-4


def test_no_capability_is_left_at_nothing_to_reach_a_target():
    """85 % overall is not bought by leaving the ads or the replies undone."""
    floors = rule_floors(CATALOG)
    assert floors["plan"] == floors["administer"] == floors["community"] == 0.8 and floors["create"] == 0.5
    for team in ("free", "keep"):
        plan = least_cost(RETAILER, CATALOG, coverage=0.85, team=team).plan
        for cap, share in plan.coverage.items():
            if plan.demand[cap] > 0:  # what the coverage rules ask, up to the target
                assert share >= min(0.85, floors[cap]) - 1e-6, (team, cap)
        assert not {f.rule_id for f in plan.findings} & {"plan_covered", "administer_covered",
                                                         "messages_unanswered", "work_uncovered"}


def test_no_team_is_cheaper_than_the_one_chosen():
    """Brute force on a small organisation: the team the solver chooses scores (its least cost,
    with the rules' penalties and rewards in kronor) no worse than any team of up to two seats,
    each with its own least-cost plan; and it needs fewer than two."""
    free = least_cost(TINY, CATALOG, coverage=0.9, team="free")
    assert free.reached and len(free.roles) <= 1
    tried = 0
    for size in (0, 1, 2):
        for team in itertools.combinations_with_replacement(ROLES, size):
            tried += 1
            kept = least_cost(TINY.replace(team=team), CATALOG, coverage=0.9, team="keep")
            assert not kept.reached or kept.score >= free.score - 1.0, team
    assert tried == 1 + len(ROLES) + len(ROLES) * (len(ROLES) + 1) // 2
    own = least_cost(TINY.replace(team=free.roles), CATALOG, coverage=0.9, team="keep")
    assert own.score == pytest.approx(free.score, abs=1.0)
    assert own.cost == pytest.approx(free.cost, abs=1.0)


@PROPERTY
@given(scenarios, st.floats(0.3, 0.95), st.floats(0.01, 0.1))
def test_a_higher_target_never_costs_less(scenario, low, step):
    cheaper = least_cost(scenario, CATALOG, coverage=low, team="keep")
    dearer = least_cost(scenario, CATALOG, coverage=min(1.0, low + step), team="keep")
    assert dearer.score >= cheaper.score - 1.0


@PROPERTY
@given(scenarios)
def test_the_least_cost_of_a_plan_reaches_what_the_plan_achieves(scenario):
    plan = simulate(scenario, CATALOG)
    for team in ("keep", "free"):
        found = for_plan(plan, CATALOG, team=team)
        assert found.plan.overall_coverage >= plan.overall_coverage - 1e-3
        assert found.plan.overall_quality >= plan.overall_quality - 1e-3 or not found.reached
        assert found.cost <= found.plan.scenario.budget_sek + 0.01


@PROPERTY
@given(scenarios, st.floats(0.3, 0.95))
def test_any_team_never_costs_more_than_keeping_the_current_one(scenario, target):
    free = least_cost(scenario, CATALOG, coverage=target, team="free")
    kept = least_cost(scenario, CATALOG, coverage=target, team="keep")
    assert free.reached >= kept.reached
    if free.reached == kept.reached:
        assert free.cost <= kept.cost + 0.5


def test_a_target_out_of_reach_of_the_budget_leaves_the_plan_as_it_is():
    """A target the budget cannot meet would only trade fit for cheap hours: the plan stays the
    one without a target (the Simulator says what the target costs)."""
    base = simulate(RETAILER, CATALOG)
    aimed = simulate(RETAILER.replace(team=RETAILER.team, target_coverage=0.95), CATALOG)
    assert aimed.assignments == base.assignments and aimed.scenario.target_coverage == 0.95


def test_a_goal_seek_with_a_retainer_counts_its_fee_and_reaches_the_target():
    scenario = RETAILER.replace(team=RETAILER.team, retainers=("community_agency:community:60000",))
    for team in ("free", "keep"):
        found = least_cost(scenario, CATALOG, coverage=0.85, quality=0.74, team=team)
        assert found.reached and found.plan.overall_coverage >= 0.85 - 1e-4
        assert found.cost <= found.plan.scenario.budget_sek + 0.01
        assert "retainers_over_budget" not in {f.rule_id for f in found.plan.findings}


def test_an_unreachable_target_says_so_and_gives_the_most():
    walled = RETAILER.replace(team=("social_media_manager",),
                              insource=("create", "community", "administer", "influencer"))
    found = least_cost(walled, CATALOG, coverage=1.0, quality=0.9, team="keep")
    assert not found.reached
    assert found.most is not None and 0 < found.most < 1.0
    assert found.plan.overall_coverage == pytest.approx(found.most, abs=1e-3)
    assert least_cost(walled, CATALOG, coverage=found.most - 0.01, quality=0.9, team="keep").reached


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        least_cost(RETAILER, CATALOG, coverage=1.5)
    with pytest.raises(ValueError):
        least_cost(RETAILER, CATALOG, coverage=0.5, team="some")


def test_a_target_in_the_scenario_comes_first_within_the_budget():
    base = simulate(RETAILER, CATALOG)
    aimed = simulate(RETAILER.replace(team=RETAILER.team, target_coverage=0.75), CATALOG)
    assert base.overall_coverage < 0.75
    assert aimed.overall_coverage == pytest.approx(0.75, abs=1e-4)
    assert aimed.cost.total <= RETAILER.budget_sek + 1e-6
