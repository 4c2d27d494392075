"""The July test and single points of failure (model/continuity.py): each team seat away for the
summer holiday in turn; its work covered in-house where others have time and fit, else bought,
else left undone; capabilities that rest on one person, with a backup."""

from __future__ import annotations

import pytest

from model import Scenario, build_catalog, load_catalog, simulate
from model.continuity import (
    BACKUP_KIND,
    HOLIDAY_KIND,
    Absence,
    Continuity,
    continuity,
    holiday_absences,
    july_test,
    rule_params,
    single_points,
)
from model.plan import Assignment, Person
from model.rules import KINDS
from model.vocab import CAPABILITIES, MARKETING_LEAD_SEAT
from tests.conftest import entry

SOLO = Scenario(team=("social_media_manager",))
PAIR = Scenario(team=("social_media_manager", "social_media_manager"), channels=2, posts_per_week=0,
                inbound_per_week=60, ad_spend_sek_month=0, budget_sek=2_000_000)
TRIO = Scenario(team=("social_media_manager", "content_manager", "community_manager"))


def july(scenario: Scenario, catalog) -> Continuity:
    return continuity(simulate(scenario, catalog), catalog)


def carried(plan, seat: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in plan.assignments:
        if line.seat == seat and line.provider_type == "in_house":
            out[line.capability] = out.get(line.capability, 0.0) + line.hours
    return out


def check_balance(result: Continuity, plan, catalog) -> None:
    """Every absent hour is covered in-house, bought or left undone, and no more than that."""
    spare = {person.seat: max(0.0, person.capacity - person.hours) for person in plan.people}
    min_fit = rule_params(catalog, HOLIDAY_KIND)["min_fit"]
    for absence in result.absences:
        assert absence.absent == pytest.approx(carried(plan, absence.seat))
        covered, bought = absence.covered_by_capability(), absence.bought_by_capability()
        for cap, hours in absence.absent.items():
            assert covered[cap] + bought[cap] + absence.undone.get(cap, 0.0) == pytest.approx(hours)
        assert absence.at_risk == pytest.approx(absence.absent_hours - absence.covered_hours)
        used: dict[str, float] = {}
        for cover in absence.covered:
            assert cover.seat != absence.seat
            used[cover.seat] = used.get(cover.seat, 0.0) + cover.hours
            fit = (catalog.roles["head_of_marketing"].fit if cover.seat == MARKETING_LEAD_SEAT
                   else catalog.roles[cover.role].fit if cover.role in catalog.roles
                   else catalog.settings.volunteer_fit)
            assert fit.get(cover.capability, 0.0) >= min_fit
        for seat, hours in used.items():
            assert hours <= spare[seat] + 1e-6
        for item in absence.bought:
            provider = catalog.providers[item.provider]
            assert provider.fit.get(item.capability, 0.0) >= catalog.settings.primary_fit
            assert item.capability != "lead"


# ---- the July test -------------------------------------------------------------------------------
def test_a_solo_social_media_manager_leaves_everything_at_risk(catalog):
    plan = simulate(SOLO, catalog)
    result = continuity(plan, catalog)
    [absence] = result.absences
    assert (absence.seat, absence.role, absence.weeks) == ("S1", "social_media_manager", 4)
    assert absence.covered == ()  # nobody else in-house fits anything they do
    assert absence.absent_hours == pytest.approx(plan.people[0].hours - plan.people[0].coordination_hours)
    assert absence.at_risk == pytest.approx(absence.absent_hours)
    assert result.hours_at_risk == pytest.approx(absence.at_risk)
    assert absence.undone == {"lead": pytest.approx(carried(plan, "S1")["lead"])}  # never bought
    assert {item.capability for item in absence.bought} == set(absence.absent) - {"lead"}
    check_balance(result, plan, catalog)


def test_with_a_colleague_only_the_gaps_are_at_risk(catalog):
    plan = simulate(PAIR, catalog)
    result = continuity(plan, catalog)
    assert [a.seat for a in result.absences] == ["S1", "S2"]
    for absence in result.absences:  # each has time and fit for the other's work
        assert absence.covered_hours == pytest.approx(absence.absent_hours)
        assert absence.at_risk == pytest.approx(0.0) and absence.bought == ()
    assert result.hours_at_risk == pytest.approx(0.0) and result.cover_cost_sek == 0.0
    check_balance(result, plan, catalog)


def test_a_bigger_team_covers_some_and_buys_the_rest(catalog):
    plan = simulate(TRIO, catalog)
    result = continuity(plan, catalog)
    check_balance(result, plan, catalog)
    community = result.absence("S3")  # the community manager
    assert community.role == "community_manager"
    covered = community.covered_by_capability()["community"]
    spare = next(p.capacity - p.hours for p in plan.people if p.seat == "S1")
    assert covered == pytest.approx(min(spare, community.absent["community"]))  # the SMM's spare time
    assert 0 < community.at_risk < community.absent_hours
    assert {c.seat for c in community.covered} == {"S1"}  # the content manager fits community at 0.4


def _person(seat, role, hours, capacity=34.0):
    return Person(seat, role, hours, capacity, hours / capacity, (), 0.0, 0.0, True)


def _line(seat, role, cap, hours):
    return Assignment(cap, "in_house", role, seat, hours, 0.0, 0.8, "best_fit", {})


HAND_MADE = dict(
    people=(_person("S1", "social_media_manager", 30.0), _person("S2", "social_media_manager", 29.0)),
    assignments=(_line("S1", "social_media_manager", "community", 10.0),
                 _line("S1", "social_media_manager", "lead", 10.0),
                 _line("S1", "social_media_manager", "administer", 10.0),
                 _line("S2", "social_media_manager", "plan", 29.0)),
    demand={**dict.fromkeys(CAPABILITIES, 0.0), "community": 10.0, "lead": 10.0, "administer": 10.0,
            "plan": 29.0},
)


def test_community_is_covered_first(catalog):
    # S2 has 5 spare hours; lead (1.2 x 0.8) and administer (1.0 x 0.9) would be worth more than
    # community (1.0 x 0.6) by priority and fit, but customers keep writing in July
    [absence, _] = holiday_absences(scenario=Scenario(team=("social_media_manager",) * 2),
                                    catalog=catalog, weeks=4, min_fit=0.6, first="community",
                                    **HAND_MADE)
    assert absence.seat == "S1"
    assert absence.covered_by_capability() == {"community": pytest.approx(5.0), "lead": 0.0,
                                               "administer": 0.0}
    assert list(absence.absent) == ["community", "lead", "administer"]  # `first` first
    assert absence.undone == {"lead": pytest.approx(10.0)}
    # another `first`: it is covered first instead
    [absence, _] = holiday_absences(scenario=Scenario(team=("social_media_manager",) * 2),
                                    catalog=catalog, weeks=4, min_fit=0.6, first="administer",
                                    **HAND_MADE)
    assert absence.covered_by_capability()["administer"] == pytest.approx(5.0)
    # without the bonus the priorities decide: lead
    [absence, _] = holiday_absences(scenario=Scenario(team=("social_media_manager",) * 2),
                                    catalog=catalog, weeks=4, min_fit=0.6, first="strategy",
                                    **HAND_MADE)
    assert absence.covered_by_capability()["lead"] == pytest.approx(5.0)


def test_nobody_below_the_useful_fit_covers(catalog):
    [absence, _] = holiday_absences(scenario=Scenario(team=("social_media_manager",) * 2),
                                    catalog=catalog, weeks=4, min_fit=0.95, first="community",
                                    **HAND_MADE)
    assert absence.covered == ()
    assert absence.at_risk == pytest.approx(30.0)


def test_cover_cost_is_hours_times_rate_times_weeks(catalog, raw_catalog):
    plan = simulate(SOLO, catalog)
    result = continuity(plan, catalog)
    [absence] = result.absences
    for item in absence.bought:
        provider = catalog.providers[item.provider]
        assert item.cost_sek == pytest.approx(item.hours * provider.rate_sek_hour * 4)
        assert item.provider_type == provider.type
    assert result.cover_cost_sek == pytest.approx(sum(item.cost_sek for item in absence.bought))
    # community from the cheapest provider per fit-hour (600 SEK/h at fit 0.55)
    community = next(item for item in absence.bought if item.capability == "community")
    assert community.provider == "customer_service_outsourcer"
    # two weeks of holiday cost half as much; the hours at risk a week stay the same
    entry(raw_catalog, "rules", "holiday_cover")["params"]["weeks"] = 2
    world = build_catalog(raw_catalog)
    short = continuity(simulate(SOLO, world), world)
    assert short.weeks == 2 and short.absences[0].weeks == 2
    assert short.cover_cost_sek == pytest.approx(result.cover_cost_sek / 2)
    assert short.hours_at_risk == pytest.approx(result.hours_at_risk)


def test_lead_is_never_bought(catalog):
    scenarios = [SOLO, TRIO, Scenario(team_size=3, budget_sek=5_000_000),
                 Scenario(team=("communications_manager", "social_media_manager"), budget_sek=4_000_000)]
    scenarios += [preset.scenario for preset in catalog.presets.values()]
    for scenario in scenarios:
        plan = simulate(scenario, catalog)
        result = continuity(plan, catalog)
        check_balance(result, plan, catalog)
        assert not [item for a in result.absences for item in a.bought if item.capability == "lead"]


def test_work_the_user_keeps_in_house_is_not_bought(catalog):
    result = july(SOLO.replace(insource=("community",)), catalog)
    [absence] = result.absences
    assert absence.undone["community"] == pytest.approx(absence.absent["community"])
    assert "community" not in absence.bought_by_capability() or \
        absence.bought_by_capability()["community"] == 0.0


def test_a_video_producer_is_covered_by_video_people(catalog):
    scenario = Scenario(team=("video_producer", "social_media_manager"), video_share=0.5,
                        budget_sek=3_000_000)
    result = july(scenario, catalog)
    absence = result.absence("S1")
    assert absence.absent["create"] > 0
    for item in absence.bought:
        assert catalog.providers[item.provider].scope in ("all", "video")
    assert {item.provider for item in absence.bought} == {"freelance_video_producer"}


def test_the_views_for_a_tile_and_a_heatmap(catalog):
    result = july(TRIO, catalog)
    assert result.capabilities[0] == "community" and set(result.capabilities) == set(CAPABILITIES)
    matrix = result.matrix()
    assert list(matrix) == ["S1", "S2", "S3"]
    for seat, row in matrix.items():
        assert list(row) == list(result.capabilities)
        assert sum(row.values()) == pytest.approx(result.absence(seat).at_risk)
    assert result.hours_at_risk == pytest.approx(max(sum(row.values()) for row in matrix.values()))
    assert result.worst.at_risk == pytest.approx(result.hours_at_risk)
    absent = result.matrix("absent")
    assert sum(absent["S3"].values()) == pytest.approx(result.absence("S3").absent_hours)
    assert result.max_hours_at_risk == rule_params(catalog, HOLIDAY_KIND)["max_hours_at_risk"]
    assert not result.within_limit
    with pytest.raises(ValueError):
        result.matrix("nonsense")


def test_nobody_away_and_no_team(catalog, raw_catalog):
    empty = july(Scenario(team_size=0, budget_sek=3_000_000), catalog)
    assert empty.absences == () and empty.single_points == ()
    assert empty.hours_at_risk == 0.0 and empty.worst is None and empty.cover_cost_sek == 0.0
    entry(raw_catalog, "rules", "holiday_cover")["params"]["weeks"] = 0
    world = build_catalog(raw_catalog)
    assert july(SOLO, world).absences == ()


def test_the_same_plan_gives_the_same_result(catalog):
    plan = simulate(TRIO, catalog)
    first, second = continuity(plan, catalog), continuity(plan, catalog)
    assert first == second
    assert continuity(simulate(TRIO, catalog), catalog) == first


def test_the_core_works_from_the_rule_context(catalog):
    plan = simulate(TRIO, catalog)
    from model.engine import compute_demand

    from_context = july_test(scenario=plan.scenario, catalog=catalog, demand=plan.demand,
                             assignments=plan.assignments, people=plan.people,
                             demand_pools=compute_demand(plan.scenario, catalog))
    assert from_context == continuity(plan, catalog)


def test_a_catalog_without_the_rules_uses_the_defaults(raw_catalog):
    raw_catalog["rules"]["rules"] = [rule for rule in raw_catalog["rules"]["rules"]
                                     if rule["kind"] not in (HOLIDAY_KIND, BACKUP_KIND)]
    world = build_catalog(raw_catalog)
    assert rule_params(world, HOLIDAY_KIND) == {
        key: param.default for key, param in KINDS[HOLIDAY_KIND].params.items()}
    plan = simulate(SOLO, world)
    assert not [f for f in plan.findings if f.rule_id in ("holiday_cover", "backup_for_single_holder")]
    result = continuity(plan, world)
    assert result.weeks == 4 and result.first == "community"
    assert result.hours_at_risk == pytest.approx(july(SOLO, load_catalog()).hours_at_risk)
    assert {point.capability for point in result.single_points} >= {"lead", "community"}


# ---- single points of failure --------------------------------------------------------------------
def test_a_solo_team_is_a_single_point_for_what_it_carries(catalog):
    plan = simulate(SOLO, catalog)
    points = {point.capability: point for point in continuity(plan, catalog).single_points}
    assert list(points)[0] == "community"
    assert set(points) == {cap for cap, hours in carried(plan, "S1").items()
                           if hours > 0.05 and plan.demand[cap] >= 1.0}
    for point in points.values():
        assert (point.holder_seat, point.holder_role) == ("S1", "social_media_manager")
        assert point.demand == pytest.approx(plan.demand[point.capability])
    # the head of marketing's hours back up lead (fit 0.5); planning is bought from the freelancer
    assert (points["lead"].backup_kind, points["lead"].backup) == ("seat", MARKETING_LEAD_SEAT)
    assert points["lead"].backup_fit == 0.5
    assert (points["plan"].backup_kind, points["plan"].backup) == (
        "provider", "freelance_social_media_manager")
    assert points["community"].backup == "customer_service_outsourcer"


def test_no_backup_for_lead_without_the_head_of_marketing(catalog):
    points = july(SOLO.replace(marketing_lead_hours=0), catalog).single_points
    lead = next(point for point in points if point.capability == "lead")
    assert (lead.backup_kind, lead.backup, lead.backup_fit) == (None, None, None)


def test_two_people_who_fit_are_no_single_point(catalog):
    plan = simulate(PAIR, catalog)
    assert continuity(plan, catalog).single_points == ()
    trio = {point.capability: point for point in july(TRIO, catalog).single_points}
    assert "community" not in trio  # the SMM (0.6) and the community manager (1.0) both fit it
    assert "administer" not in trio  # the SMM and the content manager
    assert trio["create"].holder_seat == "S2"  # only the content manager fits creation at 0.6
    assert (trio["create"].backup_kind, trio["create"].backup) == ("seat", "S1")  # SMM at 0.5


def test_work_done_wholly_outside_is_no_single_point_of_the_team(catalog):
    plan = simulate(Scenario(team=("community_manager",), budget_sek=4_000_000, outsource=("create",)),
                    catalog)
    assert not any(line.capability == "create" and line.provider_type == "in_house"
                   for line in plan.assignments)
    points = continuity(plan, catalog).single_points
    assert "create" not in {point.capability for point in points}
    assert "community" in {point.capability for point in points}


def test_single_points_follow_their_parameters(catalog):
    plan = simulate(SOLO, catalog)
    kwargs = dict(scenario=plan.scenario, catalog=catalog, demand=plan.demand,
                  assignments=plan.assignments, people=plan.people)
    assert single_points(**kwargs, min_fit=0.6, min_hours=1000.0) == ()
    low = single_points(**kwargs, min_fit=0.6, min_hours=0.0)
    assert {p.capability for p in low} >= {p.capability for p in single_points(**kwargs, min_fit=0.6,
                                                                                 min_hours=1.0)}


def test_absence_totals(catalog):
    absence = Absence("S1", "social_media_manager", 4, {"community": 3.0, "lead": 2.0}, (), (), {"lead": 2.0})
    assert absence.at_risk == 2.0 and absence.cover_cost_sek == 0.0 and absence.undone_hours == 2.0
    assert absence.at_risk_by_capability() == {"community": 0.0, "lead": 2.0}


# ---- the two rules -------------------------------------------------------------------------------
def findings(scenario: Scenario, catalog, rule_id: str):
    return [f for f in simulate(scenario, catalog).findings if f.rule_id == rule_id]


def test_the_holiday_rule_reports_the_worst_absence_and_how_many_count(catalog):
    result = july(TRIO, catalog)
    [finding] = findings(TRIO, catalog, "holiday_cover")
    limit = rule_params(catalog, HOLIDAY_KIND)["max_hours_at_risk"]
    counted = [a for a in result.absences if a.at_risk > limit]
    worst = max(counted, key=lambda a: a.at_risk)
    assert finding.seat == worst.seat and finding.severity == "warning" and finding.guidance == 9
    assert finding.values["hours"] == ("hours", pytest.approx(worst.at_risk))
    assert finding.values["cost"] == ("sek", pytest.approx(worst.cover_cost_sek))
    assert finding.values["weeks"] == 4 and finding.values["seat"] == ("seat", worst.seat)
    assert finding.values["undone"] == ("names_and", tuple(worst.undone))
    assert finding.values["people"] == len(counted) and finding.values["team"] == 3


def test_community_left_undone_in_july_is_critical(catalog):
    [finding] = findings(SOLO.replace(insource=("community",)), catalog, "holiday_cover")
    assert finding.severity == "critical"
    assert "community" in finding.values["undone"][1]


def test_the_holiday_rule_follows_its_threshold(raw_catalog):
    entry(raw_catalog, "rules", "holiday_cover")["params"]["max_hours_at_risk"] = 100.0
    assert findings(SOLO, build_catalog(raw_catalog), "holiday_cover") == []
    # community left undone is reported whatever the threshold
    assert findings(SOLO.replace(insource=("community",)), build_catalog(raw_catalog), "holiday_cover")


def test_the_backup_rule_names_the_holder_and_what_rests_on_them(catalog):
    [finding] = findings(SOLO.replace(marketing_lead_hours=0), catalog, "backup_for_single_holder")
    points = july(SOLO.replace(marketing_lead_hours=0), catalog).single_points
    assert finding.seat == "S1" and finding.values["role"] == ("name", "social_media_manager")
    assert finding.values["capabilities"] == ("names_and", tuple(p.capability for p in points))
    assert finding.values["count"] == len(points) > 1 and finding.capability is None
    assert {p.backup for p in points if p.capability == "lead"} == {None}  # nobody sells leading
