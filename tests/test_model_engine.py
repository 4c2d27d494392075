"""Unit tests of each engine step (model/engine.py) with small, hand-checkable expectations."""

from __future__ import annotations

import json
import math

import pytest

from model import Scenario, build_catalog, simulate
from model.engine import (
    EPS,
    Line,
    Purchase,
    Routing,
    Seat,
    assign_in_house,
    assign_stretch,
    build_team,
    buy_within_budget,
    compute_demand,
    coordination_owner,
    coverage_of,
    drivers,
    merge_lines,
    plan_purchases,
    route,
    summarise_cost,
    summarise_people,
    team_roles,
)
from model.rules import build_policy
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT
from tests.conftest import entry

DEFAULT = Scenario()


def total(pools: dict[str, float]) -> float:
    return sum(pools.values())


def steps(scenario: Scenario, catalog):
    """Run the first steps of simulate and hand back what each produced."""
    demand = compute_demand(scenario, catalog)
    team = build_team(scenario, catalog)
    routing = route(scenario, catalog, demand, team, build_policy(catalog.rules))
    first, need, spare = assign_in_house(demand, team, routing, catalog)
    return demand, team, routing, first, need, spare


def lines_for(plan, cap: str, provider_type: str | None = None):
    return [line for line in plan.assignments if line.capability == cap
            and (provider_type is None or line.provider_type == provider_type)]


# ---- step 1: demand ------------------------------------------------------------------------
def test_drivers_of_the_default_scenario():
    assert drivers(DEFAULT) == {
        "channels": 4.0, "posts_per_week": 10.0, "image_posts": pytest.approx(7.0),
        "video_posts": pytest.approx(3.0), "inbound_per_week": 150.0, "ad_spend_10k": 3.0,
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
    assert total(demand["community"]) == pytest.approx(0.0833 * 150 + 1.5 * 4 + 0.5 * 10)
    assert total(demand["influencer"]) == 0.0
    assert total(demand["advertise"]) == pytest.approx(3 + 2 * math.sqrt(3))
    assert total(demand["analyze"]) == pytest.approx(1.5 + 0.5 * 4 + 0.5 * math.sqrt(3))
    # the comment in demand.yaml: about 75 h/week for the default scenario
    assert 70 < sum(total(pools) for pools in demand.values()) < 85


def _formula(raw_demand: list[dict], scenario: Scenario) -> dict[str, float]:
    """An independent reading of data/demand.yaml's formula, straight from the raw document."""
    values = {
        "channels": scenario.channels, "posts_per_week": scenario.posts_per_week,
        "image_posts": scenario.posts_per_week * (1 - scenario.video_share),
        "video_posts": scenario.posts_per_week * scenario.video_share,
        "inbound_per_week": scenario.inbound_per_week,
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
    assert total(some["advertise"]) == pytest.approx(3 + 2 * math.sqrt(4))


def test_video_hours_go_to_the_video_pool(catalog):
    demand = compute_demand(Scenario(posts_per_week=10, video_share=1.0), catalog)
    assert demand["create"]["video"] == pytest.approx(20.0)
    assert demand["create"]["other"] == pytest.approx(1.0)  # the base hours only
    for cap in CAPABILITIES:
        if cap != "create":
            assert demand[cap]["video"] == 0.0


# ---- step 2: the team --------------------------------------------------------------------------
def test_team_size_follows_the_ladder(catalog):
    ladder = catalog.raw["ladder"]["ladder"]
    assert team_roles(Scenario(team_size=3), catalog) == tuple(ladder["seats"][:3])
    assert team_roles(Scenario(team_size=0), catalog) == ()
    thirty = team_roles(Scenario(team_size=30), catalog)
    seats, repeat = ladder["seats"], ladder["repeat"]
    assert thirty[:len(seats)] == tuple(seats)
    assert thirty[len(seats):] == tuple(repeat[i % len(repeat)] for i in range(30 - len(seats)))


def test_explicit_team_wins_over_team_size(catalog):
    scenario = Scenario(team_size=5, team=("copywriter", "web_analyst"))
    assert scenario.team_size == 2
    assert team_roles(scenario, catalog) == ("copywriter", "web_analyst")
    seats = [seat for seat in build_team(scenario, catalog) if seat.in_team]
    assert [(seat.seat, seat.role) for seat in seats] == [("S1", "copywriter"), ("S2", "web_analyst")]


def test_build_team_seats_and_the_marketing_lead(catalog):
    team = build_team(Scenario(team=("social_media_manager",), marketing_lead_hours=6), catalog)
    assert len(team) == 2
    seat, lead = team
    role = catalog.roles["social_media_manager"]
    assert seat == Seat("S1", "social_media_manager", role.capacity_hours,
                        role.pay_sek_month * 12 * role.employer_cost_multiplier, role.fit,
                        role.scope, True)
    assert seat.annual_cost == pytest.approx(45_000 * 12 * 1.47)
    assert lead.seat == MARKETING_LEAD_SEAT and not lead.in_team
    assert lead.capacity == 6 and lead.annual_cost == 0.0
    assert lead.fit == {"strategy": catalog.roles["head_of_marketing"].fit["strategy"]}
    no_lead = build_team(Scenario(team=("social_media_manager",), marketing_lead_hours=0), catalog)
    assert [seat.seat for seat in no_lead] == ["S1"]


# ---- step 3: routing ---------------------------------------------------------------------------
def test_routing_of_the_default_scenario(catalog):
    _, _, routing, *_ = steps(DEFAULT, catalog)
    assert routing.order == catalog.settings.assignment_order
    assert "lead" in routing.in_house_only
    # create: 15.4 h/week is below 30 and the best in-house fit (SMM 0.5) is below 0.7
    assert routing.external_first == {"create": "rule"}


def test_a_strong_in_house_creator_keeps_creation_in_house(catalog):
    _, _, routing, *_ = steps(Scenario(team=("social_media_manager", "graphic_designer")), catalog)
    assert "create" not in routing.external_first


def test_outsource_and_insource_in_routing(catalog):
    scenario = Scenario(outsource=("analyze",), insource=("create", "advertise"))
    _, _, routing, *_ = steps(scenario, catalog)
    assert routing.external_first == {"analyze": "choice"}
    assert {"lead", "create", "advertise"} <= routing.in_house_only
    assert "analyze" not in routing.in_house_only
    assert routing.in_house_by_rule == {"lead"}  # the rest is the user's choice


# ---- step 4: in-house first ----------------------------------------------------------------------
def test_assign_in_house_default(catalog):
    demand, team, routing, first, need, spare = steps(DEFAULT, catalog)
    taken = {(line.capability, line.seat): line.hours for line in first}
    assert taken == pytest.approx({
        ("lead", "S1"): 5.0, ("strategy", MARKETING_LEAD_SEAT): 3.6, ("plan", "S1"): 6.0,
        ("community", "S2"): total(demand["community"]), ("administer", "S1"): 12.0,
        ("analyze", "S1"): total(demand["analyze"]),
    })
    assert spare["S1"] == pytest.approx(34 - 5 - 6 - 12 - total(demand["analyze"]))
    assert spare[MARKETING_LEAD_SEAT] == pytest.approx(0.4)
    # creation is external first, advertising fits nobody at primary_fit: both still needed
    assert total(need["create"]) == pytest.approx(total(demand["create"]))
    assert total(need["advertise"]) == pytest.approx(total(demand["advertise"]))
    for line in first:
        assert line.fit >= catalog.settings.primary_fit


def test_best_fit_takes_first_and_capacity_is_respected(catalog):
    # administer: SMM fits 0.9, the community manager 0.7; the SMM must go first
    scenario = Scenario(team=("community_manager", "social_media_manager"), channels=8,
                        posts_per_week=20, inbound_per_week=300)
    demand, team, routing, first, need, spare = steps(scenario, catalog)
    admin = [line for line in first if line.capability == "administer"]
    assert admin[0].provider == "social_media_manager"
    for seat in team:
        used = sum(line.hours for line in first if line.seat == seat.seat)
        assert used <= seat.capacity + EPS
        assert spare[seat.seat] == pytest.approx(seat.capacity - used)


def test_scope_limits_what_a_seat_takes(catalog):
    demand, team, routing, first, need, spare = steps(
        Scenario(team=("video_producer", "graphic_designer"), posts_per_week=10, video_share=0.5),
        catalog)
    by_role = {line.provider: line.hours for line in first if line.capability == "create"}
    assert by_role["video_producer"] == pytest.approx(demand["create"]["video"])
    assert by_role["graphic_designer"] == pytest.approx(demand["create"]["other"])


# ---- step 5: purchases -------------------------------------------------------------------------------
def test_plan_purchases_default(catalog):
    demand, team, routing, first, need, spare = steps(DEFAULT, catalog)
    purchases = plan_purchases(need, routing, catalog)
    assert [(p.capability, p.provider, p.why) for p in purchases] == [
        ("advertise", "freelance_consultant", "value"),
        ("create", "freelance_designer", "rule"),
        ("create", "freelance_video_producer", "rule"),
    ]
    assert purchases[0].hours == pytest.approx(total(demand["advertise"]))
    assert purchases[1].hours == pytest.approx(demand["create"]["other"])
    assert purchases[2].hours == pytest.approx(demand["create"]["video"])


def test_freelancers_are_capped_at_their_weekly_hours(catalog):
    demand, team, routing, first, need, spare = steps(Scenario(team_size=0, posts_per_week=60),
                                                      catalog)
    used: dict[str, float] = {}
    for item in plan_purchases(need, routing, catalog):
        used[item.provider] = used.get(item.provider, 0.0) + item.hours
    for provider_id, hours in used.items():
        limit = catalog.providers[provider_id].max_hours_week
        if limit is not None:
            assert hours <= limit + EPS
    assert used["freelance_designer"] == pytest.approx(20.0)


def _ads_only_world(raw_catalog):
    """A catalog in which only the two agencies do advertising."""
    entry(raw_catalog, "providers", "freelance_consultant")["fit"].pop("advertise")
    return build_catalog(raw_catalog)


def _routing(catalog, **kwargs) -> Routing:
    base = dict(order=catalog.settings.assignment_order, in_house_only=frozenset(),
                external_first={}, coordination_per_external_hour=0.0, rule_limits={})
    return Routing(**(base | kwargs))


def _need(**hours: float) -> dict[str, dict[str, float]]:
    out = {cap: {"other": 0.0, "video": 0.0} for cap in CAPABILITIES}
    for cap, value in hours.items():
        out[cap]["other"] = value
    return out


def test_an_agency_below_its_minimum_retainer_is_not_used(raw_catalog):
    world = _ads_only_world(raw_catalog)
    # 1 h/week: digital media agency 1,500 x 46 / 12 = 5,750 SEK/month < 10,000 minimum;
    # social media agency 1,400 x 46 / 12 = 5,367 SEK/month < 20,000 minimum: nobody
    assert plan_purchases(_need(advertise=1.0), _routing(world), world) == ()
    # 3 h/week: digital media agency 17,250 SEK/month >= 10,000: taken
    purchases = plan_purchases(_need(advertise=3.0), _routing(world), world)
    assert [(p.provider, p.hours) for p in purchases] == [("digital_media_agency", 3.0)]


def test_in_house_only_capabilities_are_not_planned_outside(catalog):
    routing = _routing(catalog, in_house_only=frozenset({"plan"}))
    purchases = plan_purchases(_need(plan=10.0, analyze=2.0), routing, catalog)
    assert {p.capability for p in purchases} == {"analyze"}


@pytest.mark.parametrize("scenario", [
    DEFAULT, Scenario(team_size=0), Scenario(team_size=0, budget_sek=20_000_000),
    Scenario(team=("copywriter",), budget_sek=20_000_000, channels=12, posts_per_week=80),
    Scenario(team_size=0, budget_sek=20_000_000, insource=("strategy",)),
], ids=["default", "no-team", "no-team-rich", "copywriter-rich", "insource-other"])
def test_lead_is_never_bought_outside(catalog, raw_catalog, scenario):
    assert not lines_for(simulate(scenario, catalog), "lead", "agency")
    assert not lines_for(simulate(scenario, catalog), "lead", "freelancer")
    # even when an agency could do it, the lead_in_house rule keeps it in-house
    entry(raw_catalog, "providers", "social_media_agency")["fit"]["lead"] = 1.0
    world = build_catalog(raw_catalog)
    plan = simulate(scenario, world)
    assert all(line.provider_type == "in_house" for line in lines_for(plan, "lead"))


# ---- step 6: buying within the budget -----------------------------------------------------------
def test_buy_within_budget_truncates_and_stops(catalog):
    routing = _routing(catalog, rule_limits={})
    purchases = (Purchase("plan", "freelance_consultant", 10.0, "value"),
                 Purchase("analyze", "freelance_consultant", 5.0, "value"),
                 Purchase("create", "freelance_designer", 5.0, "value"))
    need = _need(plan=10.0, analyze=5.0, create=5.0)
    per_hour = 1150 * 46  # consultant, SEK per year for one hour a week
    budget = per_hour * 12  # enough for the 10 h of plan and 2 h of analysis
    lines, left = buy_within_budget(purchases, need, budget, catalog, routing)
    assert [line.capability for line in lines] == ["plan", "analyze"]
    assert [line.hours for line in lines] == pytest.approx([10.0, 2.0])
    assert sum(line.hours * line.cost_per_hour_year for line in lines) == pytest.approx(budget)
    assert total(left["analyze"]) == pytest.approx(3.0)
    # the designer's line is not bought although it is cheaper: the order is the plan's order
    assert total(left["create"]) == pytest.approx(5.0)
    assert "budget covers 2.0 of 5.0" in lines[1].reason["en"]
    assert "budgeten räcker till 2,0 av 5,0" in lines[1].reason["sv"]
    assert need == _need(plan=10.0, analyze=5.0, create=5.0)  # input not mutated


@pytest.mark.parametrize("budget", [0.0, -1_000_000.0])
def test_nothing_is_bought_without_budget(catalog, budget):
    purchases = (Purchase("plan", "freelance_consultant", 10.0, "value"),)
    lines, left = buy_within_budget(purchases, _need(plan=10.0), budget, catalog, _routing(catalog))
    assert lines == [] and total(left["plan"]) == 10.0


def test_default_scenario_spends_exactly_the_budget(catalog):
    plan = simulate(DEFAULT, catalog)
    assert plan.cost.in_house == pytest.approx((45_000 + 40_000) * 12 * 1.47)
    assert plan.cost.external == pytest.approx(DEFAULT.budget_sek - plan.cost.in_house)
    assert plan.cost.remaining == pytest.approx(0.0, abs=1e-6)
    designer = lines_for(plan, "create", "freelancer")
    assert [line.provider for line in designer] == ["freelance_designer"]
    assert designer[0].hours < total(compute_demand(DEFAULT, catalog)["create"])


# ---- step 7: stretch ---------------------------------------------------------------------------------
def test_stretch_takes_leftovers_at_min_fit(catalog):
    team = (Seat("S1", "social_media_manager", 10.0, 1.0, {"advertise": 0.4, "strategy": 0.2},
                 "all", True),)
    need = _need(advertise=6.0, strategy=2.0)
    lines, left, spare = assign_stretch(need, team, {"S1": 10.0}, _routing(catalog), catalog)
    assert [(line.capability, line.hours) for line in lines] == [("advertise", 6.0)]
    assert lines[0].reason["en"].startswith("Stretch")
    assert total(left["strategy"]) == 2.0  # fit 0.2 is below min_fit 0.3
    assert spare == {"S1": 4.0}


def test_stretch_skips_what_was_outsourced_by_choice(catalog):
    team = (Seat("S1", "social_media_manager", 10.0, 1.0, {"advertise": 0.4}, "all", True),)
    routing = _routing(catalog, external_first={"advertise": "choice"})
    lines, left, _ = assign_stretch(_need(advertise=6.0), team, {"S1": 10.0}, routing, catalog)
    assert lines == [] and total(left["advertise"]) == 6.0


def test_outsource_is_honoured(catalog):
    plan = simulate(Scenario(outsource=("analyze",)), catalog)
    analyze = lines_for(plan, "analyze")
    assert analyze and all(line.provider_type != "in_house" for line in analyze)
    assert all(line.reason["en"].startswith("Outsourced as chosen") for line in analyze)
    # nobody outside does community: outsourcing it leaves it undone rather than in-house
    plan = simulate(Scenario(outsource=("community",)), catalog)
    assert not lines_for(plan, "community")
    assert plan.uncovered["community"] == pytest.approx(plan.demand["community"])


def test_insource_is_honoured(catalog):
    # advertising: nobody fits it at primary_fit, so it is bought; insourced, the SMM stretches
    rich = Scenario(team_size=3, budget_sek=20_000_000)
    assert lines_for(simulate(rich, catalog), "advertise", "freelancer")
    plan = simulate(rich.replace(insource=("advertise",)), catalog)
    advertise = lines_for(plan, "advertise")
    assert [(line.provider_type, line.provider) for line in advertise] == [
        ("in_house", "social_media_manager")]
    assert advertise[0].reason["en"].startswith("Stretch")
    # creation: external first by rule in the default scenario; insourced, the SMM takes it first
    plan = simulate(DEFAULT.replace(insource=("create",), budget_sek=20_000_000), catalog)
    create = lines_for(plan, "create")
    assert [line.provider for line in create] == ["social_media_manager"]
    assert create[0].reason["en"].startswith("Kept in-house as chosen")
    assert create[0].reason["sv"].startswith("Behålls internt enligt val")
    # lead stays in-house because of the lead_in_house rule, and says so
    lead = lines_for(plan, "lead")
    assert lead[0].reason["en"].startswith("Kept in-house: an internal owner must lead")


# ---- step 8: summary -------------------------------------------------------------------------------
def _line(cap, hours, provider="x", seat="S1", provider_type="in_house", fit=0.5, per_hour=100.0):
    return Line(cap, provider_type, provider, seat, hours, fit, {"en": "r", "sv": "r"}, per_hour)


def test_merge_lines_sums_equal_keys_in_capability_order(catalog):
    merged = merge_lines([_line("create", 2.0), _line("lead", 1.0), _line("create", 3.0),
                          _line("create", 1.0, seat="S2")])
    assert [(a.capability, a.seat, a.hours, a.cost_sek) for a in merged] == [
        ("lead", "S1", 1.0, 100.0), ("create", "S1", 5.0, 500.0), ("create", "S2", 1.0, 100.0)]


def test_merge_lines_does_not_mutate_its_input():
    first = _line("create", 2.0)
    merge_lines([first, _line("create", 3.0)])
    assert first.hours == 2.0


def test_coverage_of_by_hand():
    demand = dict.fromkeys(CAPABILITIES, 0.0) | {"create": 10.0, "lead": 5.0}
    lines = merge_lines([_line("create", 5.0, fit=0.8), _line("lead", 5.0, fit=1.0),
                         _line("lead", 5.0, seat="S2", fit=1.0)])
    coverage, overall = coverage_of(demand, lines)
    assert coverage["create"] == pytest.approx(0.4)
    assert coverage["lead"] == 1.0  # capped
    assert coverage["strategy"] == 1.0  # no demand, nothing missing
    assert overall == pytest.approx((0.4 * 10 + 1.0 * 5) / 15)
    assert coverage_of(dict.fromkeys(CAPABILITIES, 0.0), ())[1] == 1.0


def test_summarise_cost_by_hand():
    team = (Seat("S1", "copywriter", 34, 800_000.0, {}, "all", True),
            Seat(MARKETING_LEAD_SEAT, "head_of_marketing", 4, 0.0, {}, "all", False))
    lines = merge_lines([
        _line("create", 1.0, provider="social_media_agency", seat=None, provider_type="agency",
              per_hour=50_000.0),
        _line("create", 2.0, provider="freelance_designer", seat=None, provider_type="freelancer",
              per_hour=46_000.0),
    ])
    cost = summarise_cost(team, lines, 1_000_000)
    assert (cost.in_house, cost.agency, cost.freelancer) == (800_000.0, 50_000.0, 92_000.0)
    assert cost.total == 942_000.0 and cost.external == 142_000.0
    assert (cost.budget, cost.remaining) == (1_000_000.0, 58_000.0)


def test_people_and_coordination():
    team = (Seat("S1", "social_media_manager", 20, 1.0, {}, "all", True),
            Seat("S2", "communications_manager", 10, 1.0, {}, "all", True))
    lines = merge_lines([_line("lead", 2.0), _line("lead", 3.0, seat="S2"),
                         _line("plan", 10.0)])
    assert coordination_owner(team, lines) == "S2"
    people = summarise_people(team, lines, {"S2": 8.0})
    s1, s2 = people
    assert (s1.hours, s1.utilisation, s1.capabilities) == (12.0, 0.6, ("lead", "plan"))
    assert (s2.hours, s2.coordination_hours, s2.utilisation) == (11.0, 8.0, 1.1)
    assert coordination_owner(team, merge_lines([_line("plan", 1.0)])) is None


def test_coordination_lands_on_the_lead_owner(catalog):
    plan = simulate(DEFAULT, catalog)
    external = sum(line.hours for line in plan.assignments if line.provider_type != "in_house")
    assert plan.coordination_hours == pytest.approx(0.1 * external)  # lead_in_house's parameter
    owner = next(person for person in plan.people if person.coordination_hours > 0)
    assert owner.seat == "S1"
    assert owner.hours == pytest.approx(sum(
        line.hours for line in plan.assignments if line.seat == "S1") + plan.coordination_hours)


# ---- the plan's views --------------------------------------------------------------------------------
def test_plan_views(catalog):
    plan = simulate(DEFAULT, catalog)
    data = plan.to_dict()
    assert json.loads(json.dumps(data)) == data
    frame = plan.to_frame("sv")
    assert list(frame.columns) == ["capability", "provider_type", "provider", "seat", "hours_week",
                                   "cost_sek_year", "fit", "reason"]
    uncovered = frame[frame.provider_type == "uncovered"]
    assert set(uncovered.capability) == {cap for cap, hours in plan.uncovered.items() if hours > 1e-9}
    assert frame.hours_week.sum() == pytest.approx(plan.total_demand)
    by_type = plan.hours_by_type()
    for cap in CAPABILITIES:
        assert sum(by_type[cap].values()) + plan.uncovered[cap] == pytest.approx(plan.demand[cap])
        assert sum(plan.coverage_by_type()[cap].values()) == pytest.approx(
            plan.coverage[cap] if plan.demand[cap] else 0.0)
    assert plan.count("critical") == sum(1 for f in plan.findings if f.severity == "critical")
    assert 0 < plan.in_house_share < 1


def test_findings_are_ordered_by_severity(catalog):
    rank = {"critical": 0, "warning": 1, "info": 2}
    for scenario in (DEFAULT, Scenario(team_size=0, budget_sek=0), Scenario(team_size=6, budget_sek=0)):
        severities = [rank[f.severity] for f in simulate(scenario, catalog).findings]
        assert severities == sorted(severities)


def test_a_fit_of_zero_never_takes_work_whatever_the_thresholds(raw_catalog):
    for key in ("min_fit", "primary_fit"):
        raw_catalog["settings"]["settings"][key]["value"] = 0.0
    entry(raw_catalog, "providers", "freelance_designer")["fit"]["plan"] = 0.0
    world = build_catalog(raw_catalog)
    for scenario in (DEFAULT, Scenario(team_size=0), Scenario(team_size=6, budget_sek=0)):
        plan = simulate(scenario, world)
        assert all(line.fit > 0 for line in plan.assignments)


def test_a_solo_manager_does_the_core_job_before_community(catalog):
    """Guidance 3: planning and administration are the social media manager's main role, so a
    solo manager covers them before spending the rest of the week on community."""
    plan = simulate(Scenario(team_size=1, budget_sek=1_200_000), catalog)
    assert plan.coverage["administer"] >= 0.9 and plan.coverage["plan"] >= 0.9
    assert plan.uncovered["administer"] == 0.0
