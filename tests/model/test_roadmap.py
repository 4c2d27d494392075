"""The hiring roadmap by quarter (model/roadmap.py, issue 14): seats start no earlier than their lead
time allows and never work before their start, bridges cover the gap while a seat is recruited, the
quarters' costs add up to the total, zero growth with everyone on board is flat, and a seat is hired
when it pays (and not when it never does). data/roadmap.yaml is validated like every data file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from model import CatalogError, Scenario, load_catalog, simulate
from model.roadmap import (
    MAX_STATES,
    LeadTimes,
    grown_workload,
    lead_times_from,
    load_lead_times,
    roadmap,
)

CATALOG = load_catalog()
TRIO = ("social_media_manager", "community_manager", "content_manager")
REALISTIC = Scenario(team=TRIO, hires=2, growth_per_quarter=0.08, budget_sek=3_500_000)


@pytest.fixture(scope="module")
def realistic():
    return roadmap(REALISTIC, CATALOG)


def test_lead_times_from_data_have_their_sources():
    lead = load_lead_times()
    assert lead.hiring_months == 2.6 and lead.notice_months == 3
    assert "SCB" in lead.sources["hiring_months"] and "LAS" in lead.sources["notice_months"]
    assert lead.months("community_manager") == pytest.approx(5.6)
    assert lead.quarters("community_manager") == 2  # ceil(5.6 / 3)
    assert lead.months("head_of_social") > lead.months("community_manager")
    assert all(lead.sources[role] for role in lead.roles)
    assert LeadTimes(3.0, 3.0).quarters("copywriter") == 2  # exactly 6 months: two whole quarters
    assert LeadTimes(0.0, 0.0).quarters("copywriter") == 0


def test_no_seat_works_before_its_start_quarter(realistic):
    hires = {hire.seat: hire for hire in realistic.hires}
    assert set(hires) == {"S2", "S3"}
    for quarter in realistic.quarters:
        seats = {seat for seat, _role in quarter.team}
        assert "S1" in seats
        for seat, hire in hires.items():
            assert (seat in seats) == hire.on_board_in(quarter.index)
        # every hour done in-house in the quarter's plan is done by a seat on board
        worked = {quarter.seat_ids[line.seat] for line in quarter.plan.assignments
                  if line.provider_type == "in_house" and line.seat in quarter.seat_ids}
        assert worked <= seats
        team_people = [p for p in quarter.plan.people if p.in_team]
        assert sorted(quarter.seat_ids[p.seat] for p in team_people) == sorted(seats)
        for seat, hire in hires.items():
            if not hire.on_board_in(quarter.index):
                assert quarter.person(seat) is None
                assert seat not in quarter.seat_hours()


def test_starts_respect_the_lead_time_and_recruitment_comes_first(realistic):
    for hire in realistic.hires:
        assert hire.lead_months == pytest.approx(5.6) and hire.lead_quarters == 2 and hire.earliest == 2
        assert hire.start is not None and hire.start >= hire.earliest
        assert hire.recruiting_from == hire.start - hire.lead_quarters >= 0
        for quarter in realistic.quarters:
            assert (hire.seat in quarter.recruiting) == (hire.recruiting_from <= quarter.index < hire.start)


def test_a_longer_lead_time_from_data_delays_the_earliest_start():
    slow = LeadTimes(6.0, 3.0)  # nine months: three quarters
    road = roadmap(REALISTIC, CATALOG, slow)
    assert all(hire.earliest == 3 and hire.start is not None and hire.start >= 3 for hire in road.hires)
    assert all(len(quarter.team) == 1 for quarter in road.quarters[:3])
    head = roadmap(Scenario(team=("social_media_manager", "head_of_social"), hires=1, budget_sek=3_000_000),
                   CATALOG)
    (hire,) = head.hires
    lead = load_lead_times()
    assert hire.lead_months == lead.months("head_of_social")
    assert hire.earliest == lead.quarters("head_of_social")


def test_a_bridge_covers_the_gap_while_the_seat_is_recruited(realistic):
    for hire in realistic.hired:
        assert hire.carries
        for quarter in realistic.quarters[:hire.start]:
            bridges = [bridge for bridge in quarter.bridges if hire.seat in bridge.seats]
            assert bridges, (hire.seat, quarter.index)
            assert all(bridge.capability in hire.carries and bridge.provider_type in ("agency", "freelancer")
                       and bridge.hours > 0 and bridge.cost_sek > 0 for bridge in bridges)
            # together with the team on board, the bridges do the seat's work: nothing is left undone
            assert all(quarter.plan.uncovered[cap] < 1e-6 for cap in hire.carries)
            assert set(quarter.gaps) <= set(hire.carries) | {c for h in realistic.hired for c in h.carries}
        for quarter in realistic.quarters[hire.start:]:
            assert not any(hire.seat in bridge.seats for bridge in quarter.bridges)


def test_bridges_are_the_plans_outside_work_on_the_seats_capabilities(realistic):
    quarter = realistic.quarters[0]
    carried = {cap for hire in realistic.hired for cap in hire.carries}
    outside = {(line.capability, line.provider): line for line in quarter.plan.assignments
               if line.provider_type != "in_house" and line.capability in carried}
    assert {(bridge.capability, bridge.provider) for bridge in quarter.bridges} == set(outside)
    for bridge in quarter.bridges:
        assert bridge.cost_sek == pytest.approx(outside[bridge.capability, bridge.provider].cost_sek / 4)


def test_cost_per_quarter_adds_up_to_the_total(realistic):
    assert realistic.total == sum(quarter.total for quarter in realistic.quarters)
    assert realistic.in_house == sum(quarter.in_house for quarter in realistic.quarters)
    external = sum(quarter.external for quarter in realistic.quarters)
    assert realistic.agency + realistic.freelancer == pytest.approx(external)
    for quarter in realistic.quarters:
        assert quarter.total == quarter.in_house + quarter.agency + quarter.freelancer
        assert quarter.total == pytest.approx(quarter.plan.cost.total / 4)
        assert quarter.budget == REALISTIC.budget_sek / 4
    assert realistic.budget == REALISTIC.budget_sek / 4 * REALISTIC.horizon_quarters


def test_zero_growth_and_everyone_on_board_gives_a_flat_roadmap():
    road = roadmap(Scenario(team=TRIO, budget_sek=2_500_000, horizon_quarters=6), CATALOG)
    assert len(road.quarters) == 6 and road.hires == () and road.states == 1
    first = road.quarters[0]
    assert all(dataclasses.replace(quarter, index=0) == first for quarter in road.quarters)
    assert all(quarter.plan is first.plan for quarter in road.quarters)  # one plan, reused
    assert not any(quarter.recruiting or quarter.bridges for quarter in road.quarters)
    plan = simulate(Scenario(team=TRIO, budget_sek=2_500_000), CATALOG)
    assert first.coverage == plan.overall_coverage and first.total == pytest.approx(plan.cost.total / 4)


def test_zero_growth_with_a_hire_is_flat_once_the_seat_is_on_board():
    road = roadmap(Scenario(team=("social_media_manager", "community_manager"), hires=1,
                            budget_sek=1_200_000), CATALOG)
    (hire,) = road.hires
    assert hire.start == hire.earliest  # the seat gets more work done: as soon as it can
    before, after = road.quarters[:hire.start], road.quarters[hire.start:]
    assert len({(q.coverage, q.total) for q in before}) == 1
    assert len({(q.coverage, q.total) for q in after}) == 1
    assert after[0].coverage > before[0].coverage


def test_workload_grows_per_quarter():
    scenario = Scenario(posts_per_week=10, inbound_per_week=150, ad_spend_sek_month=30_000,
                        growth_per_quarter=0.1)
    assert grown_workload(scenario, 0) == {"posts_per_week": 10, "inbound_per_week": 150,
                                           "ad_spend_sek_month": 30_000}
    assert grown_workload(scenario, 2) == {"posts_per_week": 12, "inbound_per_week": 182,
                                           "ad_spend_sek_month": 36_300}
    big = Scenario(posts_per_week=300, growth_per_quarter=0.5)
    assert grown_workload(big, 11)["posts_per_week"] == 300  # kept within the field's range
    shrinking = grown_workload(Scenario(posts_per_week=10, growth_per_quarter=-0.25), 3)
    assert shrinking["posts_per_week"] == 4


def _value(scenario, team, quarter, hour_value) -> float:
    """A quarter's plan as the roadmap weighs it: the plan's objective in SEK less the seats' pay."""
    plan = simulate(scenario.replace(team=team, **grown_workload(scenario, quarter)), CATALOG, limits=False)
    seats = sum(person.cost_sek for person in plan.people if person.in_team)
    return (plan.objective * hour_value - seats) / 4


def test_with_growth_a_seat_is_hired_from_the_first_quarter_it_pays(realistic):
    community = next(hire for hire in realistic.hires if hire.role == "community_manager")
    assert community.start is not None and community.start >= community.earliest
    scenario = REALISTIC
    without = ("social_media_manager", "content_manager")
    pays = [quarter for quarter in range(community.earliest, scenario.horizon_quarters)
            if all(_value(scenario, TRIO, later, realistic.hour_value)
                   >= _value(scenario, without, later, realistic.hour_value) - 1.0
                   for later in range(quarter, scenario.horizon_quarters))]
    assert pays and community.start <= pays[0]
    # and before it starts, the seat was worth less than the outside work it replaces
    for quarter in range(community.earliest, community.start):
        assert _value(scenario, TRIO, quarter, realistic.hour_value) < _value(scenario, without, quarter,
                                                                               realistic.hour_value)


def test_the_only_central_seat_is_hired_though_spokes_give_as_many_hours():
    """A distributed municipality whose one central seat is still to recruit: the six units' spokes
    give many hours, but nobody leads the work without the seat. Counting raw hours, the first
    roadmap never hired such a seat; weighed as the Simulator weighs (fit, the lead rule), it
    starts as soon as it can."""
    scenario = Scenario(org_model="distributed", business_units=6, team_size=2, budget_sek=2_500_000,
                        inbound_per_week=800, org_size=3000, hires=1, growth_per_quarter=0.03)
    road = roadmap(scenario, CATALOG)
    (hire,) = road.hires
    assert hire.start == hire.earliest
    before, after = road.quarters[0].plan, road.quarters[hire.start].plan
    before_lead, after_lead = (sum(line.hours * line.fit for line in plan.assignments
                                   if line.capability == "lead") for plan in (before, after))
    assert after_lead > before_lead


def test_a_seat_that_never_pays_is_not_hired():
    scenario = Scenario(team=("social_media_manager", "video_producer"), hires=1, posts_per_week=2,
                        video_share=0.1, budget_sek=5_000_000)
    road = roadmap(scenario, CATALOG)
    (hire,) = road.hires
    assert hire.start is None and hire.recruiting_from is None and not hire.carries
    assert road.first_start is None and road.hired == ()
    assert all(len(quarter.team) == 1 and not quarter.recruiting and not quarter.bridges
               for quarter in road.quarters)


def test_the_team_the_plan_chooses_is_the_target_without_an_explicit_team():
    scenario = Scenario(team_size=3, hires=1, budget_sek=2_500_000)
    chosen = [p.role for p in simulate(scenario, CATALOG).people if p.in_team]
    road = roadmap(scenario, CATALOG)
    assert [role for _seat, role in road.team] == chosen
    assert [hire.role for hire in road.hires] == chosen[-1:]


def test_more_hires_than_seats_means_the_whole_team_and_a_hired_seat_stays():
    road = roadmap(Scenario(team=TRIO, hires=30, budget_sek=3_000_000, growth_per_quarter=0.1), CATALOG)
    assert [hire.seat for hire in road.hires] == ["S1", "S2", "S3"]
    assert road.quarters[0].team == ()
    for before, after in zip(road.quarters, road.quarters[1:], strict=False):
        assert {seat for seat, _ in before.team} <= {seat for seat, _ in after.team}


def test_many_pending_seats_are_hired_in_team_order(monkeypatch):
    import model.roadmap as module

    monkeypatch.setattr(module, "MAX_STATES", 3)
    road = module.roadmap(Scenario(team=TRIO, hires=3, budget_sek=3_000_000), CATALOG)
    assert road.ordered and road.states == 4 and MAX_STATES > 3
    starts = [hire.start if hire.start is not None else 99 for hire in road.hires]
    assert starts == sorted(starts)


def test_to_dict_is_plain(realistic):
    import json

    data = json.loads(json.dumps(realistic.to_dict()))
    assert len(data["quarters"]) == 8 and data["total"] == realistic.total
    assert data["hires"][0]["seat"] == "S2"


def _write(folder: Path, text: str) -> Path:
    (folder / "roadmap.yaml").write_text(text, encoding="utf-8")
    return folder


GOOD = """roadmap:
  hiring_months: {value: 2.6, unit: months, source: "SCB"}
  notice_months: {value: 3, unit: months, source: "LAS"}
"""


@pytest.mark.parametrize(("text", "entry", "key", "code"), [
    (GOOD + "  roles:\n    - {id: head_of_socail, hiring_months: 4, source: x}\n",
     "roles[0] (id=head_of_socail)", "id", "value.unknown"),
    (GOOD + "  roles:\n    - {id: copywriter, hiring_months: 40, source: x}\n",
     "roles[0] (id=copywriter)", "hiring_months", "number.range"),
    (GOOD + "  roles:\n    - {id: copywriter, source: x}\n", "roles[0] (id=copywriter)", "hiring_months",
     "key.missing"),
    (GOOD + "  roles:\n    - {id: copywriter, hiring_months: 3, source: x}\n"
            "    - {id: copywriter, notice_months: 1, source: y}\n",
     "roles[1] (id=copywriter)", "id", "id.duplicate"),
    (GOOD + "  roles:\n    - {id: copywriter, hiring_months: 3, sorce: x}\n",
     "roles[0] (id=copywriter)", "sorce", "key.unknown"),
    (GOOD.replace("value: 2.6", "value: -1"), "hiring_months", "value", "number.range"),
    (GOOD.replace('source: "LAS"', 'source: ""'), "notice_months", "source", "text.expected"),
    ("roadmap:\n  notice_months: {value: 3, unit: months, source: LAS}\n", None, "hiring_months",
     "key.missing"),
    (GOOD + "  extra: 1\n", None, "extra", "key.unknown"),
    (GOOD + "  roles: {id: copywriter}\n", None, "roles", "type.list"),
    ("other: {}\n", None, "roadmap", "data.top_key_missing"),
])
def test_a_bad_data_file_names_file_entry_and_key(tmp_path, text, entry, key, code):
    with pytest.raises(CatalogError) as caught:
        load_lead_times(_write(tmp_path, text))
    error = caught.value
    assert error.file == f"{tmp_path}/roadmap.yaml"
    assert (error.entry, error.key, error.problem.code) == (entry, key, code)
    if code == "value.unknown":
        assert error.problem.get("suggestion") == "head_of_social"


def test_a_missing_or_unreadable_file_is_named(tmp_path):
    with pytest.raises(CatalogError) as caught:
        load_lead_times(tmp_path)
    assert caught.value.problem.code == "data.file_missing" and caught.value.file.endswith("roadmap.yaml")
    with pytest.raises(CatalogError) as caught:
        load_lead_times(_write(tmp_path, "roadmap: [\n"))
    assert caught.value.problem.code.startswith("yaml.")
    lead = lead_times_from({"roadmap": {"hiring_months": {"value": 1, "source": "s"},
                                        "notice_months": {"value": 1, "source": "s"},
                                        "roles": [{"id": "copywriter", "notice_months": 2, "source": "t"}]}})
    assert lead.months("copywriter") == 3 and lead.months("community_manager") == 2
