"""The RACI view: exactly one Accountable per capability, always in-house; R is who carries the
hours; C and I never repeat someone already named; the documented rules pick A."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Scenario, simulate
from model.continuity import continuity
from model.raci import ACCOUNTABLE_RULES, FLOWS, parties, raci
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT, ROLES, VOLUNTEER_SEAT
from ui.i18n import _
from ui.report import RACI_HEADERS, WHY_ACCOUNTABLE, raci_grid, raci_table

scenarios = st.builds(
    Scenario,
    team=st.lists(st.sampled_from(ROLES), max_size=8).map(tuple),
    budget_sek=st.integers(0, 8_000_000),
    marketing_lead_hours=st.sampled_from([0.0, 2.0, 6.0]),
    volunteer_hours=st.sampled_from([0.0, 0.0, 10.0]),
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
    points = continuity(plan, catalog).single_points
    assert {line.capability for line in lines if line.single_point} == {p.capability for p in points}
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
        assert line.accountable_rule in ACCOUNTABLE_RULES
        # C and I: no one twice
        named = {party for party, _ in line.responsible} | {line.accountable}
        assert not named & set(line.consulted)
        assert not (named | set(line.consulted)) & set(line.informed)
        assert all(party.kind == "seat" for party in line.consulted)
        # the primary fit, or for strategy the least fit (guidance 1: platform knowledge contributes)
        least = (catalog.settings.min_fit if line.capability == "strategy"
                 else catalog.settings.primary_fit) - 1e-9
        for party in line.consulted:
            assert catalog.roles[party.role].fit.get(line.capability, 0) >= least
        # a backup only for a single point, never its holder
        assert line.single_point or line.backup is None
        if line.backup is not None:
            assert line.backup.kind in ("seat", "provider")
            holder = [line.backup.ident != point.holder_seat for point in points
                      if point.capability == line.capability]
            assert holder == [True]
    everyone = parties(lines)
    assert [sum("A" in line.letters(party).split("/") for party in everyone) for line in lines] == \
        [1] * len(CAPABILITIES)
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


def test_every_reason_for_accountability_has_words():
    assert set(WHY_ACCOUNTABLE) == set(ACCOUNTABLE_RULES)


def test_the_table_and_its_csv(catalog):
    plan = simulate(catalog.presets["small_team_agency"].scenario, catalog)
    frame = raci_table(plan, catalog, "sv")
    assert len(frame) == 9
    assert list(frame.columns) == [_("sv", msgid) for msgid in RACI_HEADERS.values()]
    frame.columns = list(RACI_HEADERS)
    assert frame.loc[0, "capability"] == _("sv", catalog.name("strategy")) != catalog.name("strategy")
    assert frame["accountable"].str.len().min() > 0
    assert "Tjänst 1" in " ".join(frame["accountable"])
    assert frame.loc[0, "why_accountable"] == "Strategin ägs av marknadsledningen"
    back = pd.read_csv(io.StringIO(frame.to_csv(index=False)), keep_default_na=False)
    assert back["accountable"].tolist() == frame["accountable"].tolist()
    assert back["demand_hours_week"].tolist() == pytest.approx(frame["demand_hours_week"].tolist())


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_grid_has_one_accountable_per_capability_in_the_language(catalog, lang):
    plan = simulate(catalog.presets["small_team_agency"].scenario, catalog)
    grid = raci_grid(plan, catalog, lang)
    assert list(grid.index) == [_(lang, catalog.name(cap)) for cap in CAPABILITIES]
    assert list(grid.map(lambda cell: "A" in cell.split("/")).sum(axis=1)) == [1] * len(CAPABILITIES)
    seat = "Tjänst 1" if lang == "sv" else "Seat 1"
    assert any(column.startswith(seat + " · ") for column in grid.columns)


def test_unpaid_hours_are_responsible_for_what_they_do_and_never_accountable(catalog):
    plan = simulate(Scenario(team_size=1, volunteer_hours=8), catalog)
    unpaid = {line.capability for line in plan.assignments if line.seat == VOLUNTEER_SEAT}
    assert unpaid  # the plan gives the unpaid hours some work
    lines = check_invariants(plan, catalog)
    for line in lines:
        named = {party.ident for party, _ in line.responsible}
        assert (VOLUNTEER_SEAT in named) == (line.capability in unpaid)
        assert line.accountable.ident != VOLUNTEER_SEAT
    frame = raci_table(plan, catalog, "en")
    responsible = " ".join(frame[_("en", RACI_HEADERS["responsible"])])
    assert "Unpaid hours (founder, volunteers, colleagues) (" in responsible


# ---- backups of single points (model/continuity.py) ----------------------------------------------
def test_a_solo_teams_single_points_have_backups(catalog):
    lines = raci(simulate(Scenario(team=("social_media_manager",)), catalog), catalog)
    lead, plan, strategy = (line_of(lines, cap) for cap in ("lead", "plan", "strategy"))
    assert lead.single_point and lead.backup.ident == MARKETING_LEAD_SEAT
    assert lead.backup == line_of(lines, "strategy").accountable  # the same party as elsewhere
    assert plan.single_point and (plan.backup.kind, plan.backup.ident, plan.backup.provider_type) == (
        "provider", "freelance_social_media_manager", "freelancer")
    assert not strategy.single_point and strategy.backup is None  # the head of marketing carries it


def test_a_single_point_without_backup(catalog):
    lines = raci(simulate(Scenario(team=("social_media_manager",), marketing_lead_hours=0), catalog),
                 catalog)
    lead = line_of(lines, "lead")
    assert lead.single_point and lead.backup is None


def test_a_team_seat_backs_up_a_colleague(catalog):
    team = ("social_media_manager", "content_manager", "community_manager")
    lines = raci(simulate(Scenario(team=team), catalog), catalog)
    create = line_of(lines, "create")
    assert create.single_point and (create.backup.kind, create.backup.ident, create.backup.role) == (
        "seat", "S1", "social_media_manager")
    assert not line_of(lines, "community").single_point


def test_a_backup_is_no_raci_letter(catalog):
    lines = raci(simulate(Scenario(team=("social_media_manager",)), catalog), catalog)
    provider = line_of(lines, "plan").backup
    assert all(line.letters(provider) == "" for line in lines)  # not bought in the plan
    assert provider not in parties(lines)
