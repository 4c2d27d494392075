"""The RACI view: exactly one Accountable per capability, always in-house; R is who carries the
hours; C and I never repeat someone already named; the documented rules pick A."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Scenario, simulate
from model.raci import FLOWS, RULES, raci, raci_frame, raci_matrix
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT, ROLES

scenarios = st.builds(
    Scenario,
    team=st.lists(st.sampled_from(ROLES), max_size=8).map(tuple),
    budget_sek=st.integers(0, 8_000_000),
    marketing_lead_hours=st.sampled_from([0.0, 2.0, 6.0]),
    posts_per_week=st.integers(0, 40),
    video_share=st.sampled_from([0.0, 0.3, 0.8]),
    inbound_per_week=st.integers(0, 1500),
    ad_spend_sek_month=st.sampled_from([0, 30_000, 200_000]),
    influencers=st.sampled_from([0, 5]),
    outsource=st.lists(st.sampled_from(CAPABILITIES), unique=True, max_size=3).map(tuple),
)


def check_invariants(plan, catalog):
    lines = raci(plan, catalog)
    assert [line.capability for line in lines] == list(CAPABILITIES)
    team_seats = {person.seat for person in plan.people if person.in_team}
    for line in lines:
        # R: exactly who carries hours, with those hours, most first
        carried: dict[str, float] = {}
        for assignment in plan.assignments:
            if assignment.capability == line.capability and assignment.hours > 1e-9:
                who = assignment.seat if assignment.provider_type == "in_house" else assignment.provider
                carried[who] = carried.get(who, 0.0) + assignment.hours
        assert {party.ident: hours for party, hours in line.responsible} == pytest.approx(carried)
        hours = [h for _, h in line.responsible]
        assert hours == sorted(hours, reverse=True)
        # A: one party, in-house (a team seat, or the head of marketing)
        assert line.accountable.kind == "seat"
        assert line.accountable.ident in team_seats | {MARKETING_LEAD_SEAT}
        assert line.accountable_rule in RULES
        # C and I: no one twice
        named = {party for party, _ in line.responsible} | {line.accountable}
        assert not named & set(line.consulted)
        assert not (named | set(line.consulted)) & set(line.informed)
        assert all(party.kind == "seat" for party in line.consulted)
        primary = catalog.settings.primary_fit - 1e-9
        for party in line.consulted:
            assert catalog.roles[party.role].fit.get(line.capability, 0) >= primary
    matrix = raci_matrix(plan, catalog)
    assert list((matrix.map(lambda cell: "A" in cell.split("/"))).sum(axis=1)) == [1] * len(CAPABILITIES)
    return lines


def test_presets_have_exactly_one_accountable_per_capability(catalog):
    for preset in catalog.presets.values():
        check_invariants(simulate(preset.scenario, catalog), catalog)


@settings(max_examples=120, deadline=None)
@given(scenarios)
def test_any_scenario_has_exactly_one_accountable_per_capability(catalog, scenario):
    check_invariants(simulate(scenario, catalog), catalog)


def line_of(lines, cap):
    return next(line for line in lines if line.capability == cap)


def test_strategy_is_owned_by_the_head_of_marketing_when_they_give_hours(catalog):
    lines = raci(simulate(Scenario(team_size=3, marketing_lead_hours=4), catalog), catalog)
    strategy = line_of(lines, "strategy")
    assert strategy.accountable.ident == MARKETING_LEAD_SEAT
    assert strategy.accountable_rule == "leadership"


def test_without_marketing_hours_a_head_of_social_in_the_team_owns_strategy(catalog):
    team = ("social_media_manager", "head_of_social", "community_manager")
    lines = raci(simulate(Scenario(team=team, marketing_lead_hours=0), catalog), catalog)
    strategy = line_of(lines, "strategy")
    assert (strategy.accountable.ident, strategy.accountable.role) == ("S2", "head_of_social")
    assert strategy.accountable_rule == "leadership"


def test_the_seat_with_most_in_house_hours_is_accountable(catalog):
    plan = simulate(Scenario(team=("social_media_manager", "community_manager"), inbound_per_week=600),
                    catalog)
    community = line_of(raci(plan, catalog), "community")
    in_house = [(party, hours) for party, hours in community.responsible if party.kind == "seat"]
    assert community.accountable == max(in_house, key=lambda item: item[1])[0]
    assert community.accountable_rule == "most_hours"


def test_work_bought_outside_is_owned_by_the_internal_orderer(catalog):
    plan = simulate(Scenario(team=("marketing_coordinator",), budget_sek=3_000_000, outsource=("create",)),
                    catalog)
    create = line_of(raci(plan, catalog), "create")
    assert create.responsible and all(party.kind == "provider" for party, _ in create.responsible)
    assert create.accountable.ident == "S1" and create.accountable_rule == "lead_owner"


def test_with_no_team_the_head_of_marketing_stays_accountable(catalog):
    plan = simulate(Scenario(team_size=0, marketing_lead_hours=0, budget_sek=3_000_000), catalog)
    lines = raci(plan, catalog)
    assert {line.accountable.ident for line in lines} == {MARKETING_LEAD_SEAT}
    assert {line.accountable_rule for line in lines} == {"marketing_lead"}


def test_the_analyst_is_informed_of_administration(catalog):
    team = ("social_media_manager", "community_manager", "content_manager", "web_analyst")
    plan = simulate(Scenario(team=team, marketing_lead_hours=2), catalog)
    lines = raci(plan, catalog)
    analysts = {party for party, _ in line_of(lines, "analyze").responsible}
    administer = line_of(lines, "administer")
    named = {party for party, _ in administer.responsible} | {administer.accountable, *administer.consulted}
    assert analysts - named <= set(administer.informed)
    assert "analyze" in FLOWS["administer"]


def test_the_table_and_its_csv(catalog):
    plan = simulate(catalog.presets["small_team_agency"].scenario, catalog)
    frame = raci_frame(plan, catalog, "sv")
    assert len(frame) == 9
    assert list(frame.columns) == ["capability", "responsible", "accountable", "consulted", "informed",
                                   "why_accountable", "demand_hours_week", "uncovered_hours_week"]
    assert frame.loc[0, "capability"] == catalog.name("strategy", "sv")
    assert frame["accountable"].str.len().min() > 0
    assert "Tjänst 1" in " ".join(frame["accountable"])
    back = pd.read_csv(io.StringIO(frame.to_csv(index=False)), keep_default_na=False)
    assert back["accountable"].tolist() == frame["accountable"].tolist()
    assert back["demand_hours_week"].tolist() == pytest.approx(frame["demand_hours_week"].tolist())
