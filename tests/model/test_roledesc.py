"""Role descriptions (issue 13, part 4): one per team seat, duties that add up to the seat's hours,
owns/contributes as the RACI view says, and pay from the catalog."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings

from model import Scenario, load_catalog, raci, simulate
from model.roledesc import DUTY_CODES, PARTS, role_descriptions
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT, ROLES
from tests.model.test_properties import scenarios

CATALOG = load_catalog()
TOL = 1e-6
SCENARIOS = {
    "solo manager": Scenario(team_size=1),
    "no team": Scenario(team_size=0, budget_sek=1_500_000),
    "manager and head of marketing": Scenario(team=("social_media_manager", "head_of_marketing")),
    "manager and community manager": Scenario(team=("social_media_manager", "community_manager"),
                                              inbound_per_week=3000, budget_sek=4_000_000),
    "big team": Scenario(team_size=8, budget_sek=6_000_000, influencers=3),
    "every role": Scenario(team=ROLES, budget_sek=20_000_000, influencers=5, volunteer_hours=10),
    "retainer": Scenario(team=("social_media_manager",), retainers=("community_agency:community:60000",)),
    "over-full": Scenario(team=("copywriter",), posts_per_week=200, inbound_per_week=5000, budget_sek=0),
    **{f"preset {key}": preset.scenario for key, preset in CATALOG.presets.items()},
}


def check_descriptions(plan, catalog=CATALOG):
    """The invariants of role descriptions for any plan."""
    items = role_descriptions(plan, catalog)
    team = [person for person in plan.people if person.in_team]
    assert [d.seat for d in items] == [p.seat for p in team]
    lines = {line.capability: line for line in raci(plan, catalog)}
    for desc, person in zip(items, team, strict=True):
        assert desc.role == person.role
        # the duties cover exactly the seat's assigned hours, coordination included
        assert math.isclose(sum(d.hours for d in desc.duties), person.hours, abs_tol=TOL)
        assert desc.hours == person.hours and desc.capacity == person.capacity
        assert desc.utilisation == person.utilisation
        if person.hours > 0:
            assert math.isclose(sum(d.share for d in desc.duties), 1.0, abs_tol=TOL)
        role = catalog.roles[person.role]
        assert desc.cost_sek_year == person.cost_sek == pytest.approx(role.annual_cost_sek)
        assert desc.pay_sek_month == role.pay_sek_month and desc.pay_band == role.pay_band
        for duty in desc.duties:
            assert duty.code in DUTY_CODES and duty.part in PARTS and duty.hours >= 0
        coordination = [d for d in desc.duties if d.code == "coordination"]
        if person.coordination_hours > 0:
            (duty,) = coordination
            assert duty.capability is None and duty.hours == person.coordination_hours
        else:
            assert not coordination
        # owns / contributes follow the RACI view
        caps = [d.capability for d in desc.duties if d.code == "capability"]
        assert caps == [cap for cap in CAPABILITIES if cap in caps]  # each once, in order
        for cap in CAPABILITIES:
            line = lines[cap]
            party = next((p for p, _ in line.responsible
                          if p.ident == person.seat and p.kind == "seat"), None)
            hours = sum(ln.hours for ln in plan.assignments
                        if ln.seat == person.seat and ln.capability == cap and ln.provider_type == "in_house")
            accountable = line.accountable.kind == "seat" and line.accountable.ident == person.seat
            consulted = any(p.kind == "seat" and p.ident == person.seat for p in line.consulted)
            listed = next((d for d in desc.duties if d.capability == cap), None)
            expected = party is not None or ((accountable or consulted) and plan.demand[cap] > 0)
            assert (listed is not None) == expected, cap
            if listed is not None:
                assert listed.part == ("owns" if accountable else "contributes"), cap
                assert math.isclose(listed.hours, hours, abs_tol=1e-9)
                assert listed.kpis == catalog.capability(cap).kpis
    return items


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_role_descriptions_cover_each_seats_hours(name):
    items = check_descriptions(simulate(SCENARIOS[name], CATALOG))
    assert all(d.seat not in (MARKETING_LEAD_SEAT, "volunteers") for d in items)
    if name == "no team":
        assert items == ()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_role_descriptions_hold_for_any_scenario(scenario):
    check_descriptions(simulate(scenario, CATALOG))


def test_a_seat_that_orders_bought_work_has_a_coordination_duty():
    plan = simulate(SCENARIOS["retainer"], CATALOG)
    (desc,) = role_descriptions(plan, CATALOG)
    duty = next(d for d in desc.duties if d.code == "coordination")
    assert duty.hours > 0 and duty.part == "owns" and duty.orders == ("community",)
    community = next(d for d in desc.duties if d.capability == "community")
    assert community.hours == 0 and community.part == "owns"  # answers for the agency's work
    assert "community" in desc.owns


def test_a_seat_full_of_its_own_capability_owns_it():
    plan = simulate(SCENARIOS["manager and community manager"], CATALOG)
    manager, community = role_descriptions(plan, CATALOG)
    assert community.role == "community_manager" and "community" in community.owns
    assert "community" not in manager.owns
    assert all(d.code != "coordination" for d in community.duties)  # the manager orders


def test_the_social_media_manager_does_not_own_strategy_beside_a_head_of_marketing():
    """Guidance 1: marketing leadership owns strategy."""
    for scenario in (SCENARIOS["manager and head of marketing"],
                     Scenario(team=("head_of_marketing", "social_media_manager"), marketing_lead_hours=0),
                     Scenario(team=("social_media_manager", "head_of_marketing"), channels=12)):
        plan = simulate(scenario, CATALOG)
        manager = next(d for d in role_descriptions(plan, CATALOG) if d.role == "social_media_manager")
        assert "strategy" not in manager.owns
        strategy = next(line for line in raci(plan, CATALOG) if line.capability == "strategy")
        assert strategy.accountable.role == "head_of_marketing"


def test_the_social_media_manager_contributes_to_strategy_beside_a_head_of_marketing():
    plan = simulate(Scenario(team=("head_of_marketing", "social_media_manager"), marketing_lead_hours=0),
                    CATALOG)
    manager = next(d for d in role_descriptions(plan, CATALOG) if d.role == "social_media_manager")
    assert "strategy" in manager.contributes


def test_pay_band_contains_the_pay():
    for role in CATALOG.roles.values():
        low, high = role.pay_band
        assert low <= role.pay_sek_month <= high and role.pay_in_band, role.id
        assert role.pay_band_source.strip()
    plan = simulate(SCENARIOS["big team"], CATALOG)
    for desc in role_descriptions(plan, CATALOG):
        assert desc.pay_band[0] <= desc.pay_sek_month <= desc.pay_band[1]
