"""Briefs for bought work (issue 13, part 3): one per capability bought outside, fees apart from ad
spend, the RACI accountable as orderer, and readiness from the scenario's brief texts."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings

from model import Scenario, build_catalog, load_catalog, raci, simulate
from model.briefs import CHECKS, DRIVER_FIELDS, briefs, coordination_per_external_hour, readiness
from model.catalog import DRIVERS
from model.vocab import CAPABILITIES
from tests.conftest import entry
from tests.model.test_properties import scenarios

CATALOG = load_catalog()
TOL = 1e-6
FILLED = {"brief_goal": "Grow the newsletter by 20 % this year",
          "brief_audience": "Parents of small children in Sweden",
          "brief_kpis": "Cost per sign-up under 40 SEK",
          "brief_approvals": "Head of marketing approves within 2 working days"}
SCENARIOS = {
    "solo manager with budget": Scenario(team_size=1, budget_sek=1_500_000),
    "no team, budget only": Scenario(team_size=0, budget_sek=1_500_000),
    "no team, no marketing lead": Scenario(team_size=0, budget_sek=1_500_000, marketing_lead_hours=0),
    "big team": Scenario(team_size=8, budget_sek=6_000_000, influencers=3, ad_spend_sek_month=120_000),
    "named team": Scenario(team=("social_media_manager", "community_manager"), inbound_per_week=3000,
                           budget_sek=4_000_000),
    "retainer": Scenario(team=("social_media_manager",), retainers=("community_agency:community:60000",)),
    "two retainers": Scenario(team=("social_media_manager",), budget_sek=2_000_000, retainers=(
        "social_media_agency:create+advertise:40000", "freelance_consultant:analyze:20000")),
    "outsourced": Scenario(team_size=1, budget_sek=3_000_000, outsource=("create", "community")),
    "nothing to buy": Scenario(team_size=1, budget_sek=0),
    **{f"preset {key}": preset.scenario for key, preset in CATALOG.presets.items()},
}


def bought(plan) -> dict[str, list]:
    out: dict[str, list] = {}
    for line in plan.assignments:
        if line.provider_type != "in_house" and line.hours > 0:
            out.setdefault(line.capability, []).append(line)
    return out


def check_briefs(plan, catalog=CATALOG):
    """The invariants of briefs for any plan."""
    items = briefs(plan, catalog)
    lines = bought(plan)
    assert tuple(brief.capability for brief in items) == tuple(cap for cap in CAPABILITIES if cap in lines)
    accountable = {line.capability: line.accountable for line in raci(plan, catalog)}
    factor = coordination_per_external_hour(catalog)
    for brief in items:
        mine = lines[brief.capability]
        assert math.isclose(brief.hours, sum(line.hours for line in mine), abs_tol=TOL)
        assert math.isclose(sum(s.hours for s in brief.providers), brief.hours, abs_tol=TOL)
        assert math.isclose(brief.fee_sek_year, sum(line.cost_sek for line in mine), abs_tol=1e-3)
        assert {(s.provider, s.retainer) for s in brief.providers} == {(ln.provider, ln.seat) for ln in mine}
        assert all(s.provider_type in ("agency", "freelancer") and s.hours > 0 for s in brief.providers)
        assert brief.orderer == accountable[brief.capability]
        assert brief.orderer.provider_type == "in_house"
        assert math.isclose(brief.orderer_hours, brief.hours * factor, abs_tol=TOL)
        assert set(brief.missing) <= set(brief.checks) <= set(CHECKS)
        assert 0.0 <= brief.readiness <= 1.0
        cap = catalog.capability(brief.capability)
        assert brief.kpis == cap.kpis and brief.deliverables == cap.deliverables
    assert 0.0 <= readiness(items) <= 1.0
    return items


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_brief_for_every_bought_capability_and_no_other(name):
    plan = simulate(SCENARIOS[name], CATALOG)
    items = check_briefs(plan)
    if name == "nothing to buy":
        assert items == () and readiness(items) == 1.0
    if name.startswith(("solo", "no team, budget", "big", "retainer", "two", "outsourced")):
        assert items, "the scenario is meant to buy something"


def test_the_orderer_time_of_all_briefs_is_the_plans_coordination_time():
    for scenario in SCENARIOS.values():
        plan = simulate(scenario, CATALOG)
        total = sum(brief.orderer_hours for brief in briefs(plan, CATALOG))
        assert math.isclose(total, plan.coordination_hours, abs_tol=1e-5)


def test_a_retainers_hours_are_briefed_as_the_retainers():
    plan = simulate(SCENARIOS["retainer"], CATALOG)
    (brief,) = briefs(plan, CATALOG)
    assert brief.capability == "community"
    (supplier,) = brief.providers
    assert (supplier.provider, supplier.provider_type, supplier.retainer) == (
        "community_agency", "agency", "R1")
    assert brief.orderer.ident == "S1"  # the social media manager leads, so orders


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_briefs_hold_for_any_scenario(scenario):
    check_briefs(simulate(scenario, CATALOG))


# ---- money: fees only --------------------------------------------------------------------
def test_the_fee_leaves_out_the_ad_spend():
    scenario = SCENARIOS["no team, budget only"]
    weeks = CATALOG.settings.weeks_per_year
    for spend in (30_000, 300_000):
        plan = simulate(scenario.replace(ad_spend_sek_month=spend), CATALOG)
        ads = next(brief for brief in briefs(plan, CATALOG) if brief.capability == "advertise")
        assert ads.ad_spend_sek_month == spend
        rates = sum(s.hours * CATALOG.providers[s.provider].rate_sek_hour * weeks for s in ads.providers)
        assert math.isclose(ads.fee_sek_year, rates, rel_tol=1e-9)  # hours at the rate, nothing more
        assert ads.fee_sek_year < spend * 12
        assert all(b.ad_spend_sek_month == 0 for b in briefs(plan, CATALOG) if b.capability != "advertise")


# ---- what drives the work ----------------------------------------------------------------------
def test_every_demand_driver_names_its_scenario_fields():
    assert set(DRIVER_FIELDS) == set(DRIVERS)
    fields = set(Scenario().to_dict())
    assert all(set(names) <= fields for names in DRIVER_FIELDS.values())


def test_volumes_are_the_fields_that_drive_the_capability():
    scenario = Scenario(team_size=0, budget_sek=3_000_000, influencers=2, ad_spend_sek_month=50_000)
    items = {b.capability: b for b in briefs(simulate(scenario, CATALOG), CATALOG)}
    assert items["advertise"].volumes == {"ad_spend_sek_month": 50_000.0}
    assert items["create"].volumes == {"posts_per_week": 10.0, "video_share": 0.3}
    assert set(items["community"].volumes) == {
        "channels", "posts_per_week", "inbound_per_week", "reply_hours"}
    assert items["analyze"].volumes == {"channels": 4.0, "ad_spend_sek_month": 50_000.0}


def test_volumes_follow_the_demand_data(raw_catalog):
    """Read from catalog.demand, not hard-coded: a new term brings its field."""
    entry(raw_catalog, "demand", "advertise", "capability")["terms"].append(
        {"driver": "channels", "hours": 0.1})
    world = build_catalog(raw_catalog)
    plan = simulate(Scenario(team_size=0, budget_sek=3_000_000), world)
    ads = next(b for b in briefs(plan, world) if b.capability == "advertise")
    assert set(ads.volumes) == {"channels", "ad_spend_sek_month"}


# ---- the orderer ------------------------------------------------------------------------------
def test_the_orderer_time_comes_from_the_rules_data(raw_catalog):
    entry(raw_catalog, "rules", "lead_in_house")["params"]["coordination_per_external_hour"] = 0.25
    world = build_catalog(raw_catalog)
    assert coordination_per_external_hour(world) == 0.25
    for brief in check_briefs(simulate(SCENARIOS["solo manager with budget"], world), world):
        assert math.isclose(brief.orderer_hours, 0.25 * brief.hours, abs_tol=TOL)


def test_an_accountable_without_time_is_no_orderer():
    """The community manager answers for community, but is full with it and orders nothing: the
    agency's community work has no orderer with time."""
    plan = simulate(SCENARIOS["named team"], CATALOG)
    community = next(b for b in briefs(plan, CATALOG) if b.capability == "community")
    assert community.orderer.role == "community_manager"
    assert "orderer" in community.missing
    others = [b for b in briefs(plan, CATALOG) if b.capability != "community"]
    assert others and all("orderer" not in b.missing for b in others)


def test_without_a_team_the_head_of_marketing_orders():
    plan = simulate(SCENARIOS["no team, budget only"], CATALOG)
    items = briefs(plan, CATALOG)
    assert items and all(b.orderer.ident == "marketing_lead" for b in items)
    assert all("orderer" not in b.missing for b in items)  # their hours hold the ordering
    ads = next(b for b in items if b.capability == "advertise")
    assert "briefer" in ads.missing  # guidance 7: nobody in the team can brief the ads
    assert all("briefer" not in b.checks for b in items if b.capability != "advertise")


def test_a_team_that_knows_ads_can_brief_them():
    plan = simulate(SCENARIOS["solo manager with budget"], CATALOG)
    ads = next(b for b in briefs(plan, CATALOG) if b.capability == "advertise")
    assert "briefer" in ads.checks and "briefer" not in ads.missing


# ---- readiness -------------------------------------------------------------------------------
def test_readiness_lists_the_empty_texts_and_drops_them_when_filled():
    empty = simulate(SCENARIOS["solo manager with budget"], CATALOG)
    before = briefs(empty, CATALOG)
    assert before
    for brief in before:
        assert {"goal", "audience", "kpis", "approvals"} <= set(brief.missing)
        assert brief.goal == brief.audience == brief.kpi_targets == brief.approvals == ""
    filled = simulate(SCENARIOS["solo manager with budget"].replace(**FILLED), CATALOG)
    after = briefs(filled, CATALOG)
    assert [b.capability for b in after] == [b.capability for b in before]
    for brief in after:
        assert not {"goal", "audience", "kpis", "approvals"} & set(brief.missing)
        assert brief.goal == FILLED["brief_goal"] and brief.audience == FILLED["brief_audience"]
        assert brief.kpi_targets == FILLED["brief_kpis"] and brief.approvals == FILLED["brief_approvals"]
        assert brief.missing == () and brief.readiness == 1.0 and brief.ready
    assert readiness(after) == 1.0 > readiness(before)
    # one text filled: that one goes, the rest stay
    one = briefs(simulate(SCENARIOS["solo manager with budget"].replace(brief_audience="Parents"),
                          CATALOG), CATALOG)
    assert all(b.missing == ("goal", "kpis", "approvals") for b in one)
    assert readiness(before) < readiness(one) < readiness(after)


def test_whitespace_is_no_text():
    plan = simulate(SCENARIOS["solo manager with budget"].replace(brief_goal=" \n\t "), CATALOG)
    assert all("goal" in b.missing for b in briefs(plan, CATALOG))


def test_user_text_is_passed_on_as_typed():
    text = "<b>Grow</b> & {share} \"quoted\""
    plan = simulate(SCENARIOS["solo manager with budget"].replace(brief_goal=text), CATALOG)
    assert all(b.goal == text and "goal" not in b.missing for b in briefs(plan, CATALOG))


def test_readiness_is_the_share_of_checks_met():
    plan = simulate(SCENARIOS["no team, budget only"].replace(brief_goal="x", brief_kpis="y"), CATALOG)
    items = briefs(plan, CATALOG)
    for brief in items:
        assert math.isclose(brief.readiness, 1 - len(brief.missing) / len(brief.checks))
    checks = sum(len(b.checks) for b in items)
    assert math.isclose(readiness(items), 1 - sum(len(b.missing) for b in items) / checks)


def test_every_kpi_and_deliverable_has_a_name():
    for brief in briefs(simulate(SCENARIOS["big team"], CATALOG), CATALOG):
        for kpi in brief.kpis:
            assert CATALOG.kpi_name(brief.capability, kpi) != kpi
        for item in brief.deliverables:
            assert CATALOG.deliverable_name(brief.capability, item) != item
