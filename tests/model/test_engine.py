"""The engine: demand from the workload, and the plan as the optimum of the stated objective."""

from __future__ import annotations

import json
import math

import pytest

from model import Scenario, build_catalog, simulate
from model.engine import compute_demand, drivers, team_roles
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT, VOLUNTEER_SEAT
from tests.conftest import entry

DEFAULT = Scenario()


def total(pools: dict[str, float]) -> float:
    return sum(pools.values())


def lines_for(plan, cap: str, provider_type: str | None = None):
    return [line for line in plan.assignments if line.capability == cap
            and (provider_type is None or line.provider_type == provider_type)]


# ---- step 1: demand ------------------------------------------------------------------------
def test_drivers_of_the_default_scenario():
    assert drivers(DEFAULT) == {
        "channels": 4.0, "posts_per_week": 10.0, "image_posts": pytest.approx(7.0),
        "video_posts": pytest.approx(3.0), "inbound_per_week": 150.0, "inbound_hours": 12.5,
        "ad_spend_10k": 3.0,
        "influencers": 0.0,
    }


def test_default_demand_by_hand(catalog):
    demand = compute_demand(DEFAULT, catalog)
    assert total(demand["strategy"]) == pytest.approx(2 + 0.4 * 4)
    assert total(demand["lead"]) == pytest.approx(2 + 0.5 * 4 + 0.1 * 10)
    assert total(demand["plan"]) == pytest.approx(1 + 0.5 * 4 + 0.3 * 10)
    assert demand["create"]["other"] == pytest.approx(1 + 1.2 * 7)
    assert demand["create"]["video"] == pytest.approx(2.0 * 3)
    assert total(demand["administer"]) == pytest.approx(2.5 * 4 + 0.2 * 10)
    assert total(demand["community"]) == pytest.approx(150 * 5 / 60 + 1.5 * 4 + 0.5 * 10)
    assert total(demand["influencer"]) == 0.0
    assert total(demand["advertise"]) == pytest.approx(0.9 * math.sqrt(3) + 0.05 * 3)
    assert total(demand["analyze"]) == pytest.approx(1.5 + 0.5 * 4 + 0.5 * math.sqrt(3))
    # the comment in demand.yaml: about 70 h/week for the default scenario
    assert 65 < sum(total(pools) for pools in demand.values()) < 80


def _formula(raw_demand: list[dict], scenario: Scenario) -> dict[str, float]:
    """An independent reading of data/demand.yaml's formula, straight from the raw document."""
    values = {
        "channels": scenario.channels, "posts_per_week": scenario.posts_per_week,
        "image_posts": scenario.posts_per_week * (1 - scenario.video_share),
        "video_posts": scenario.posts_per_week * scenario.video_share,
        "inbound_per_week": scenario.inbound_per_week,
        "inbound_hours": scenario.inbound_per_week * scenario.handling_minutes / 60,
        "ad_spend_10k": scenario.ad_spend_sek_month / 10_000, "influencers": scenario.influencers,
    }
    out = dict.fromkeys(CAPABILITIES, 0.0)
    for item in raw_demand:
        if item.get("active_if") and values[item["active_if"]] <= 0:
            continue
        hours = item["base_hours"]
        for term in item.get("terms", []):
            value = values[term["driver"]]
            hours += term["hours"] * (math.sqrt(value) if term.get("transform") == "sqrt" else value)
        out[item["capability"]] += hours
    return out


@pytest.mark.parametrize("scenario", [
    DEFAULT,
    Scenario(channels=0, posts_per_week=0, inbound_per_week=0, ad_spend_sek_month=0),
    Scenario(channels=9, posts_per_week=55, video_share=0.8, inbound_per_week=4000,
             ad_spend_sek_month=250_000, influencers=7),
], ids=["default", "no-workload", "heavy"])
def test_demand_equals_the_formula_in_data(catalog, scenario):
    demand = compute_demand(scenario, catalog)
    expected = _formula(catalog.raw["demand"]["demand"], scenario)
    assert {cap: total(pools) for cap, pools in demand.items()} == pytest.approx(expected)


def test_active_if_switches_a_capability_off(catalog):
    none = compute_demand(Scenario(influencers=0, ad_spend_sek_month=0), catalog)
    assert total(none["influencer"]) == 0 and total(none["advertise"]) == 0
    some = compute_demand(Scenario(influencers=4, ad_spend_sek_month=40_000), catalog)
    assert total(some["influencer"]) == pytest.approx(2 + 3 * 4)
    assert total(some["advertise"]) == pytest.approx(0.9 * math.sqrt(4) + 0.05 * 4)


def test_video_hours_go_to_the_video_pool(catalog):
    demand = compute_demand(Scenario(posts_per_week=10, video_share=1.0), catalog)
    assert demand["create"]["video"] == pytest.approx(20.0)
    assert demand["create"]["other"] == pytest.approx(1.0)  # the base hours only
    for cap in CAPABILITIES:
        if cap != "create":
            assert demand[cap]["video"] == 0.0


# ---- the team ----------------------------------------------------------------------------------
def test_team_size_alone_lets_the_solver_choose_the_roles(catalog):
    scenario = Scenario(team_size=3, budget_sek=3_000_000, posts_per_week=20, inbound_per_week=400)
    plan = simulate(scenario, catalog)
    team = [p for p in plan.people if p.in_team]
    assert len(team) == 3 and [p.seat for p in team] == ["S1", "S2", "S3"]
    assert all(p.role in catalog.roles for p in team)
    assert plan.cost.in_house <= 3_000_000
    # the choice is what the workload needs: someone leads, community has its person
    assert plan.coverage["lead"] == pytest.approx(1.0)
    assert team_roles(scenario, catalog) == tuple(p.role for p in team)


@pytest.mark.parametrize(("budget", "posts", "why"), [
    (1_000_000, 10, "budget"),  # two seats cost more than 1 MSEK
    (20_000_000, 2, "work"),  # 30 seats for two posts a week: most would sit idle
])
def test_a_team_size_is_filled_only_as_far_as_money_and_work_reach(catalog, budget, posts, why):
    size = 4 if why == "budget" else 30
    plan = simulate(Scenario(team_size=size, budget_sek=budget, posts_per_week=posts), catalog)
    team = [p for p in plan.people if p.in_team]
    assert 0 < len(team) < size
    assert plan.cost.total <= budget + 0.01  # a team the solver chooses is never over budget
    assert all(p.utilisation >= 0.25 for p in team)
    [finding] = [f for f in plan.findings if f.rule_id == "team_not_filled"]
    assert finding.values["filled"] == len(team) and finding.values["asked"] == size
    assert finding.values["why"] == ("code", f"short_of_{why}")


def test_a_workload_heavy_on_messages_gets_people_for_the_messages(catalog):
    plan = simulate(Scenario(team_size=6, budget_sek=6_000_000, inbound_per_week=3000), catalog)
    roles = [p.role for p in plan.people if p.in_team]
    assert sum(role in ("community_manager", "customer_support") for role in roles) >= 3
    assert not [p for p in plan.people if p.in_team and p.utilisation < 0.25]


def test_explicit_team_is_respected(catalog):
    team = ("copywriter", "web_analyst")
    plan = simulate(Scenario(team=team, team_size=7), catalog)
    assert tuple(p.role for p in plan.people if p.in_team) == team


def test_marketing_lead_and_unpaid_hours_are_people_outside_the_team(catalog):
    plan = simulate(Scenario(team=(), team_size=0, marketing_lead_hours=3, volunteer_hours=10,
                             budget_sek=0), catalog)
    seats = {p.seat: p for p in plan.people}
    assert set(seats) == {MARKETING_LEAD_SEAT, VOLUNTEER_SEAT}
    assert not any(p.in_team for p in plan.people)
    assert seats[VOLUNTEER_SEAT].hours > 9 and plan.cost.total == 0
    assert all(line.cost_sek == 0 for line in plan.assignments)


# ---- hard constraints ----------------------------------------------------------------------------
SCENARIOS = [
    DEFAULT,
    Scenario(team=("social_media_manager",), budget_sek=1_200_000),
    Scenario(team=("marketing_coordinator",), budget_sek=2_000_000, inbound_per_week=400),
    Scenario(team=("head_of_social", "social_media_manager", "community_manager", "video_producer"),
             budget_sek=5_000_000, posts_per_week=25, video_share=0.6, influencers=5),
    Scenario(team_size=0, budget_sek=3_000_000, marketing_lead_hours=4),
    Scenario(team_size=4, budget_sek=4_000_000, ad_spend_sek_month=400_000),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_hard_constraints_hold(catalog, scenario):
    plan = simulate(scenario, catalog)
    weeks = catalog.settings.weeks_per_year
    for person in plan.people:
        assert person.hours <= person.capacity + 1e-6
    bought = sum(line.hours for line in plan.assignments if line.provider_type != "in_house")
    assert plan.coordination_hours == pytest.approx(0.1 * bought, abs=1e-6)
    assert plan.cost.external <= max(0.0, plan.cost.budget - plan.cost.in_house) + 1.0
    for cap in CAPABILITIES:
        done = sum(line.hours for line in plan.assignments if line.capability == cap)
        assert done <= plan.demand[cap] + 1e-6
        assert plan.uncovered[cap] == pytest.approx(plan.demand[cap] - done, abs=1e-6)
    fees: dict[str, float] = {}
    for line in plan.assignments:
        assert line.fit >= catalog.settings.min_fit
        if line.provider_type == "agency":
            fees[line.provider] = fees.get(line.provider, 0.0) + line.cost_sek
        if line.provider_type != "in_house":
            assert line.cost_sek == pytest.approx(line.hours * catalog.providers[line.provider].rate_sek_hour * weeks)  # noqa: E501
    for provider, fee in fees.items():
        assert fee >= catalog.providers[provider].min_retainer_sek_month * 12 - 1.0
    assert not [line for line in plan.assignments if line.capability == "lead" and line.provider_type != "in_house"]  # noqa: E501


def test_freelancers_are_capped_at_their_weekly_hours(catalog):
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=20_000_000, posts_per_week=80,
                             video_share=0.0, outsource=("create",)), catalog)
    for provider in catalog.providers.values():
        hours = sum(line.hours for line in plan.assignments if line.provider == provider.id)
        if provider.max_hours_week is not None:
            assert hours <= provider.max_hours_week + 1e-6


def test_an_agency_is_used_at_its_minimum_or_not_at_all(raw_catalog):
    for item in raw_catalog["providers"]["providers"]:
        if item["id"] != "community_agency":
            item["fit"] = {cap: fit for cap, fit in item["fit"].items() if cap != "community"}
    entry(raw_catalog, "providers", "community_agency")["min_retainer_sek_month"] = 60_000
    small = build_catalog(raw_catalog)
    for budget in (900_000, 1_200_000, 1_600_000, 2_500_000):
        plan = simulate(Scenario(team=("social_media_manager",), budget_sek=budget,
                                 inbound_per_week=600), small)
        fee = sum(line.cost_sek for line in plan.assignments if line.provider == "community_agency")
        assert fee == 0 or fee >= 60_000 * 12 - 1


def test_nothing_is_bought_without_budget(catalog):
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=0), catalog)
    assert plan.cost.external == 0
    assert any(f.rule_id == "in_house_over_budget" for f in plan.findings)


def test_nothing_is_bought_without_an_orderer(catalog):
    plan = simulate(Scenario(team_size=0, marketing_lead_hours=0, budget_sek=3_000_000), catalog)
    assert plan.cost.external == 0
    assert any(f.rule_id == "orderer_has_no_time" for f in plan.findings)


def test_outsource_and_insource_are_honoured(catalog):
    plan = simulate(Scenario(team=("social_media_manager", "content_manager"), budget_sek=3_000_000,
                             outsource=("create",), insource=("advertise",)), catalog)
    assert not [line for line in plan.assignments if line.capability == "create" and line.provider_type == "in_house"]  # noqa: E501
    assert sum(line.hours for line in plan.assignments if line.capability == "create") > 0
    assert not [line for line in plan.assignments if line.capability == "advertise" and line.provider_type != "in_house"]  # noqa: E501
    reasons = {line.reason for line in plan.assignments if line.capability in ("create", "advertise")}
    assert reasons <= {"outsourced_choice", "kept_in_house_choice"}


def test_a_fit_of_zero_never_takes_work_whatever_the_thresholds(raw_catalog):
    raw_catalog["settings"]["settings"]["min_fit"]["value"] = 0.0
    raw_catalog["settings"]["settings"]["primary_fit"]["value"] = 0.0
    small = build_catalog(raw_catalog)
    plan = simulate(Scenario(team=("copywriter",), budget_sek=0), small)
    assert {line.capability for line in plan.assignments if line.seat == "S1"} <= {"create"}


# ---- the objective ---------------------------------------------------------------------------------
def test_specialists_work_on_their_specialty(catalog):
    plan = simulate(Scenario(team=("social_media_manager", "influencer_manager"), influencers=10,
                             budget_sek=4_000_000), catalog)
    assert plan.coverage["influencer"] > 0.9
    s2 = sum(line.hours for line in plan.assignments if line.seat == "S2" and line.capability == "influencer")
    assert s2 >= 0.8 * min(34, plan.demand["influencer"])
    assert not [f for f in plan.findings if f.rule_id == "influencer_relationship_person"]


def test_the_head_of_social_leads_rather_than_idles(catalog):
    plan = simulate(Scenario(team=("head_of_social", "social_media_manager"), budget_sek=5_000_000), catalog)
    head = next(p for p in plan.people if p.seat == "S1")
    assert head.utilisation > 0.25
    assert {"strategy", "lead"} & set(head.capabilities)
    assert max(p.utilisation for p in plan.people) <= 1 + 1e-6


def test_a_solo_manager_gets_content_made(catalog):
    plan = simulate(catalog.presets["solo_manager"].scenario, catalog)
    assert plan.coverage["create"] > 0.5
    bought_strategy = sum(line.hours for line in plan.assignments
                          if line.capability == "strategy" and line.provider_type != "in_house")
    assert bought_strategy == 0 or plan.coverage["create"] == pytest.approx(1.0)


def test_money_relieves_a_solo_manager(catalog):
    plan = simulate(catalog.presets["solo_manager"].scenario.replace(budget_sek=20_000_000,
                                                                     team=("social_media_manager",)), catalog)
    assert plan.overall_coverage > 0.95
    assert max(p.utilisation for p in plan.people) <= 1 + 1e-6


def test_small_ad_spend_gets_a_proportionate_fee(catalog):
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=3_000_000,
                             ad_spend_sek_month=5_000), catalog)
    fee = sum(line.cost_sek for line in plan.assignments if line.capability == "advertise")
    assert fee / 12 < 5_000


def test_coverage_is_work_done_and_quality_the_fit(catalog):
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=793_800), catalog)
    lead = [line for line in plan.assignments if line.capability == "lead"]
    assert plan.coverage["lead"] == pytest.approx(sum(line.hours for line in lead) / plan.demand["lead"])
    assert plan.coverage["lead"] == pytest.approx(1.0)
    assert plan.quality["lead"] == pytest.approx(catalog.roles["social_media_manager"].fit["lead"])


def test_one_more_hire_with_its_cost_never_lowers_coverage_issue_example(catalog):
    base = Scenario(team=(), team_size=0, budget_sek=3_000_000, channels=1, posts_per_week=6,
                    video_share=0.8, inbound_per_week=0, ad_spend_sek_month=0, org_size=10)
    hired = base.replace(team=("paid_media_manager",), team_size=1,
                         budget_sek=3_000_000 + round(catalog.roles["paid_media_manager"].annual_cost_sek))
    assert simulate(hired, catalog).overall_coverage >= simulate(base, catalog).overall_coverage - 1e-9


def test_the_same_input_gives_the_same_plan(catalog):
    scenario = Scenario(team_size=4, budget_sek=3_500_000, influencers=3)
    assert simulate(scenario, catalog).to_dict() == simulate(scenario, catalog).to_dict()


# ---- reasons and limits ------------------------------------------------------------------------------
REASONS = {"kept_in_house_rule", "kept_in_house_choice", "best_fit", "in_house_time_paid", "unpaid_time",
           "stretch",
           "outsourced_choice", "bought_nobody_in_house", "bought_team_busy", "bought_better_fit", "retained"}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_line_has_a_reason_code_and_the_next_best_option(catalog, scenario):
    for line in simulate(scenario, catalog).assignments:
        assert line.reason in REASONS
        values = line.reason_values
        assert values["fit"] == line.fit
        if values["alternative"] is not None:
            assert values["alternative_fit"] is not None and values["alternative_cost_per_hour"] is not None


def test_limits_report_what_binds(catalog):
    tight = simulate(Scenario(team=("social_media_manager",), budget_sek=900_000), catalog)
    assert tight.limits.budget_gain > 0
    assert tight.limits.seat_gain["S1"] > 0
    loose = simulate(Scenario(team=("social_media_manager",), budget_sek=20_000_000, posts_per_week=2,
                              channels=1, inbound_per_week=10), catalog)
    assert loose.limits.budget_gain == pytest.approx(0.0, abs=1e-9)
    assert simulate(DEFAULT, catalog, limits=False).limits is None


def test_plan_views(catalog):
    plan = simulate(DEFAULT, catalog)
    data = plan.to_dict()
    json.dumps(data)
    assert data["overall_quality"] == plan.overall_quality and "limits" in data
    frame = plan.to_frame()
    assert set(frame["reason"]) <= REASONS | {"uncovered"}
    assert frame["hours_week"].sum() == pytest.approx(plan.total_demand)


@pytest.mark.parametrize("scenario", [Scenario(), Scenario(team_size=3, budget_sek=3_000_000),
                                      Scenario(team_size=1, budget_sek=1_500_000)])
def test_the_chosen_team_made_explicit_gives_the_same_plan(catalog, scenario):
    """What "choose the role of each seat" starts from: the roles the solver chose."""
    chosen = simulate(scenario, catalog)
    explicit = simulate(scenario.replace(team=team_roles(scenario, catalog)), catalog)
    assert [(a.capability, a.provider, a.seat, round(a.hours, 6), a.reason) for a in chosen.assignments] == \
        [(a.capability, a.provider, a.seat, round(a.hours, 6), a.reason) for a in explicit.assignments]
