"""model.tradeoffs: the sweep equals simulate, budget never lowers coverage, the frontier and the
best mix are what they say, the strategies are built as documented, and the best move is the
best of its candidates (checked against simulate, not against the module's own numbers)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Scenario, load_catalog, simulate
from model.engine import team_roles
from model.tradeoffs import (
    BUDGET_LIMITS,
    BUDGET_STEPS,
    DEFAULT_BUDGETS,
    DEFAULT_TEAM_SIZES,
    PRODUCTION_CAPABILITIES,
    TEAM_LIMITS,
    best_mix,
    budget_amounts,
    budget_grid,
    candidate_moves,
    clean_budgets,
    clean_team_sizes,
    frontier,
    is_production_role,
    move_key,
    next_moves,
    outsourceable,
    point_of,
    scenario_at,
    strategies,
    strategy_scenarios,
    sweep,
    team_for_size,
)
from model.vocab import CAPABILITIES, ROLES

CATALOG = load_catalog()  # module level: hypothesis runs examples without fixtures

SCENARIOS = {
    "default": Scenario(),
    "explicit_team": Scenario(team=("community_manager", "graphic_designer", "web_analyst"),
                              budget_sek=2_400_000),
    "sourcing": Scenario(team_size=3, outsource=("create", "analyze"), insource=("advertise",),
                         influencers=3, video_share=0.6),
    "big_workload": Scenario(team_size=5, channels=9, posts_per_week=60, inbound_per_week=2500,
                             ad_spend_sek_month=400_000, influencers=10, org_size=5000),
    "small_org": Scenario(team_size=1, org_size=12, marketing_lead_hours=0, posts_per_week=3,
                          channels=1, inbound_per_week=10, ad_spend_sek_month=0),
}
PRESETS = {f"preset_{pid}": preset.scenario for pid, preset in CATALOG.presets.items()}


def _outcome(plan):
    """What a sweep point reports, read from a plan."""
    cost = plan.cost
    return (plan.overall_coverage, cost.in_house, cost.agency, cost.freelancer, cost.total,
            plan.count("critical"), plan.count("warning"))


def _point_outcome(point):
    return (point.coverage, point.in_house, point.agency, point.freelancer, point.total,
            point.critical, point.warning)


# ---- the sweep agrees with simulate ------------------------------------------------------------
def test_default_sweep_equals_simulate_at_every_point():
    scenario = SCENARIOS["default"]
    grid = sweep(scenario, CATALOG)
    assert grid.team_sizes == DEFAULT_TEAM_SIZES and len(grid.budgets) == 41
    assert (len(grid.team_sizes), len(grid.budgets)) == (13, 41)
    for i, size in enumerate(grid.team_sizes):
        for j, budget in enumerate(grid.budgets):
            plan = simulate(scenario_at(scenario, CATALOG, size, budget), CATALOG)
            point = grid.points[i][j]
            assert (point.team_size, point.budget) == (size, budget)
            assert _point_outcome(point) == _outcome(plan), (size, budget)  # exactly, not approx


@pytest.mark.parametrize("name", sorted(SCENARIOS | PRESETS))
def test_sweep_equals_simulate_for_other_scenarios(name):
    scenario = (SCENARIOS | PRESETS)[name]
    sizes, budgets = (0, 1, 2, 4, 7, 12), budget_grid(0, 8_000_000, 17)
    grid = sweep(scenario, CATALOG, sizes, budgets)
    for i, size in enumerate(sizes):
        assert grid.in_house_cost[i] == pytest.approx(
            sum(CATALOG.roles[role].annual_cost_sek for role in grid.teams[i]))
        for j, budget in enumerate(budgets):
            plan = simulate(scenario_at(scenario, CATALOG, size, budget), CATALOG)
            assert _point_outcome(grid.points[i][j]) == _outcome(plan), (name, size, budget)


def test_grid_points_are_the_scenario_with_only_team_and_budget_changed():
    scenario = SCENARIOS["sourcing"]
    point = scenario_at(scenario, CATALOG, 5, 1_234_000)
    assert (point.team_size, point.budget_sek, point.team) == (5, 1_234_000, ())
    for name in ("channels", "posts_per_week", "outsource", "insource", "influencers", "video_share"):
        assert getattr(point, name) == getattr(scenario, name)


def test_an_explicit_team_is_grown_by_the_ladder_and_cut_from_the_end():
    scenario = SCENARIOS["explicit_team"]
    assert team_for_size(scenario, CATALOG, 2) == ("community_manager", "graphic_designer")
    grown = team_for_size(scenario, CATALOG, 5)
    assert grown[:3] == scenario.team
    assert grown[3:] == (CATALOG.ladder_role(3), CATALOG.ladder_role(4))
    assert scenario_at(scenario, CATALOG, 0, 100).team == ()
    assert scenario_at(scenario, CATALOG, 0, 100).team_size == 0
    assert scenario_at(scenario, CATALOG, 3, 100).team == scenario.team
    # no explicit team: the roles the solver chose (up to the team size), then the ladder
    chosen = Scenario(team_size=4, budget_sek=4_000_000, posts_per_week=20, inbound_per_week=400)
    roles = team_roles(chosen, CATALOG)
    assert len(roles) == 4
    assert team_for_size(chosen, CATALOG, 6) == roles + (CATALOG.ladder_role(4), CATALOG.ladder_role(5))
    assert team_for_size(chosen, CATALOG, 2) == roles[:2]
    # the default workload on 2.0 MSEK fills two of the four seats
    few = Scenario(team_size=4, budget_sek=2_000_000)
    assert len(team_roles(few, CATALOG)) == 2
    assert team_for_size(few, CATALOG, 3) == team_roles(few, CATALOG) + (CATALOG.ladder_role(2),)


# ---- budget never lowers coverage --------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(SCENARIOS | PRESETS))
def test_coverage_never_drops_along_the_budget_axis(name):
    grid = sweep((SCENARIOS | PRESETS)[name], CATALOG, range(0, 13), budget_grid(0, 6_000_000, 61))
    for row in grid.points:
        for lower, higher in zip(row, row[1:], strict=False):
            assert more_money_holds(lower, higher), (lower, higher)


def more_money_holds(lower, higher) -> bool:
    """More money never makes the plan worse by its own objective, and never lowers coverage
    except where it buys a better plan instead: better-fitting work (the objective weighs each
    hour by its fit) or work a rule asks for (someone in-house who leads)."""
    if higher.objective < lower.objective - 1e-6:
        return False
    return higher.coverage >= lower.coverage - 1e-9 or higher.objective > lower.objective + 1e-6


FIELD_VALUES = {
    "channels": st.integers(0, 12), "posts_per_week": st.integers(0, 80),
    "video_share": st.floats(0, 1), "inbound_per_week": st.integers(0, 3000),
    "ad_spend_sek_month": st.integers(0, 500_000), "influencers": st.integers(0, 20),
    "org_size": st.integers(1, 5000), "marketing_lead_hours": st.floats(0, 20),
    "outsource": st.lists(st.sampled_from(CAPABILITIES), unique=True).map(tuple),
    "insource": st.lists(st.sampled_from(CAPABILITIES), unique=True).map(tuple),
    "team": st.one_of(st.just(()), st.lists(st.sampled_from(ROLES), min_size=1, max_size=8).map(tuple)),
}


@st.composite
def workloads(draw) -> Scenario:
    return Scenario(**{name: draw(values) for name, values in FIELD_VALUES.items()})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workloads(), st.lists(st.integers(*BUDGET_LIMITS), min_size=2, max_size=6),
       st.lists(st.integers(*TEAM_LIMITS), min_size=1, max_size=3))
def test_any_sweep_is_monotone_in_budget_and_equals_simulate(scenario, budgets, sizes):
    grid = sweep(scenario, CATALOG, sizes, budgets)
    assert grid.budgets == tuple(sorted(set(budgets)))
    for i, row in enumerate(grid.points):
        for lower, higher in zip(row, row[1:], strict=False):
            assert more_money_holds(lower, higher), (lower, higher)
        point = row[-1]
        plan = simulate(scenario_at(scenario, CATALOG, grid.team_sizes[i], point.budget), CATALOG)
        # the same optimum; a warm-started solve may land 1e-11 away from a fresh one
        assert _point_outcome(point) == pytest.approx(_outcome(plan), rel=1e-9, abs=1e-9)


# ---- grids, frontier, best mix -----------------------------------------------------------------
def test_grid_values_are_cleaned_and_empty_grids_are_empty():
    assert clean_team_sizes([-3, 0, 2.4, 2, 99, math.nan]) == (0, 2, TEAM_LIMITS[1])
    assert clean_budgets([-1, 5e9, 1_000_000.4, math.inf]) == (0, 1_000_000, BUDGET_LIMITS[1])
    assert budget_grid(1_000_000, 1_000_000, 41) == (1_000_000,)
    assert budget_grid(4_000_000, 0, 5) == (0, 1_000_000, 2_000_000, 3_000_000, 4_000_000)
    assert budget_grid(0, 4_000_000, 41) == DEFAULT_BUDGETS
    for sizes, budgets in (((), DEFAULT_BUDGETS), (DEFAULT_TEAM_SIZES, ()), ((), ())):
        grid = sweep(Scenario(), CATALOG, sizes, budgets)
        assert grid.empty and grid.all_points() == ()
        assert frontier(grid) == () and best_mix(grid) is None


def test_extreme_corners_of_the_ranges():
    grid = sweep(Scenario(), CATALOG, [0, TEAM_LIMITS[1]], [0, BUDGET_LIMITS[1]])
    empty, full = grid.points[0][0], grid.points[1][1]
    assert empty.total == 0 and empty.in_house_share == 0 and not empty.over_budget
    assert full.team_size == 30 and full.budget == BUDGET_LIMITS[1]
    # the solver fills no seat it cannot pay: 30 seats asked at 0 SEK are 0 seats
    assert not grid.points[1][0].over_budget and grid.points[1][0].in_house == 0
    explicit = sweep(Scenario(team=("social_media_manager",)), CATALOG, [TEAM_LIMITS[1]], [0])
    assert explicit.points[0][0].over_budget  # 30 people named at 0 SEK


def test_the_frontier_holds_exactly_the_undominated_points():
    grid = sweep(Scenario(), CATALOG)
    front = frontier(grid)
    points = grid.all_points()
    assert [p.total for p in front] == sorted(p.total for p in front)
    assert all(b.coverage > a.coverage for a, b in zip(front, front[1:], strict=False))
    for f in front:  # nothing gives more coverage for the same or less money
        assert not any(p.total <= f.total and p.coverage > f.coverage + 1e-6 for p in points)
    for p in points:  # everything else is matched or beaten by a frontier point
        assert any(f.total <= p.total and f.coverage >= p.coverage - 1e-6 for f in front)
    clean = frontier(grid, exclude_critical=True)
    assert all(p.critical == 0 for p in clean)


def test_best_mix_is_the_best_affordable_team_at_the_budget():
    scenario = Scenario(budget_sek=2_600_000)
    grid = sweep(scenario, CATALOG, range(13), [scenario.budget_sek])
    best = best_mix(grid)
    column = [row[0] for row in grid.points]
    affordable = [p for p in column if not p.over_budget]
    assert best in affordable
    pool = [p for p in affordable if p.critical == 0] or affordable
    assert best.coverage == pytest.approx(max(p.coverage for p in pool))
    assert best_mix(grid, budget=123) is None  # a budget the sweep does not hold


def test_point_of_a_plan_matches_the_sweep():
    scenario = Scenario(team_size=3, budget_sek=2_500_000)
    grid = sweep(scenario, CATALOG, [3], [2_500_000])
    assert point_of(simulate(scenario, CATALOG)) == grid.points[0][0]


# ---- strategies ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(SCENARIOS | PRESETS))
def test_strategies_are_built_as_documented(name):
    scenario = (SCENARIOS | PRESETS)[name]
    found = {s.id: s for s in strategies(scenario, CATALOG)}
    assert list(found) == ["in_house", "hybrid", "outsourced"]
    for strategy in found.values():
        assert strategy.plan == simulate(strategy.scenario, CATALOG)
        for field in ("budget_sek", "channels", "posts_per_week", "inbound_per_week", "org_size"):
            assert getattr(strategy.scenario, field) == getattr(scenario, field)
        assert strategy.scenario.insource == ()
    in_house = found["in_house"].scenario
    cost = sum(CATALOG.roles[role].annual_cost_sek for role in in_house.team)
    assert in_house.outsource == () and len(in_house.team) >= 1
    if len(in_house.team) > 1:
        assert cost <= scenario.budget_sek + 1
    if len(in_house.team) < TEAM_LIMITS[1]:  # one more seat along the same path would not fit
        grown = team_for_size(scenario, CATALOG, len(in_house.team) + 1)
        assert sum(CATALOG.roles[r].annual_cost_sek for r in grown) > scenario.budget_sek
    hybrid = found["hybrid"].scenario
    assert not any(is_production_role(CATALOG, role) for role in hybrid.team)
    assert set(hybrid.outsource) == set(PRODUCTION_CAPABILITIES) & set(outsourceable(CATALOG))
    outsourced = found["outsourced"].scenario
    assert len(outsourced.team) == 1 and CATALOG.roles[outsourced.team[0]].fit.get("lead", 0) > 0
    assert "lead" not in outsourced.outsource and "strategy" not in outsourced.outsource
    assert {"create", "advertise", "plan", "analyze"} <= set(outsourced.outsource)


def test_production_roles_are_those_whose_best_work_is_content_or_ads():
    production = {role for role in ROLES if is_production_role(CATALOG, role)}
    assert {"copywriter", "video_producer", "graphic_designer", "paid_media_manager",
            "digital_marketer"} <= production
    assert not production & {"social_media_manager", "community_manager", "head_of_social",
                             "web_analyst", "marketing_coordinator"}


def test_lead_is_never_outsourceable():
    buyable = outsourceable(CATALOG)
    assert "lead" not in buyable and "create" in buyable and "community" in buyable
    assert strategy_scenarios(Scenario(team_size=0), CATALOG)["outsourced"].team


# ---- the next best move --------------------------------------------------------------------------
def _independent_candidates(scenario):
    """The candidate scenarios rebuilt here from the issue's definitions, with simulate's plans."""
    roles = team_roles(scenario, CATALOG)
    out = [("hire", r, scenario.replace(team=roles + (r,), team_size=len(roles) + 1)) for r in ROLES]
    out += [("budget", a, scenario.replace(budget_sek=scenario.budget_sek + a))
            for a in budget_amounts(scenario, CATALOG)]
    return [(kind, target, s, simulate(s, CATALOG)) for kind, target, s in out]


def _rank(before, after):
    """The documented order: gains before the rest; among gains, no new critical finding first,
    then free gains by gain, then paid gains by gain per SEK; the rest by least loss."""
    gain = after.overall_coverage - before.overall_coverage
    cost = after.cost.total - before.cost.total
    old = {(f.rule_id, f.capability, f.seat) for f in before.findings}
    new_critical = any(f.severity == "critical" and (f.rule_id, f.capability, f.seat) not in old
                       for f in after.findings)
    if gain <= 1e-6:
        return (True, new_critical, 2, -gain)
    if cost <= 1.0:
        return (False, new_critical, 0, -gain)
    return (False, new_critical, 1, -gain / cost)


@pytest.mark.parametrize("name", sorted(SCENARIOS | PRESETS))
def test_the_best_move_is_the_best_of_its_candidates(name):
    scenario = (SCENARIOS | PRESETS)[name]
    before = simulate(scenario, CATALOG)
    moves = next_moves(scenario, CATALOG)
    assert moves, name
    best = moves[0]
    best_rank = _rank(before, simulate(best.scenario, CATALOG))
    for move in moves:  # every move's numbers are simulate's
        after = simulate(move.scenario, CATALOG)
        assert move.plan == after
        assert move.coverage_gain == pytest.approx(after.overall_coverage - before.overall_coverage)
        assert move.cost_delta == pytest.approx(after.cost.total - before.cost.total)
        assert best_rank <= _rank(before, after)
    for kind, target, _, after in _independent_candidates(scenario):
        assert best_rank <= _rank(before, after), (kind, target)
    assert [move_key(m) for m in moves] == sorted(move_key(m) for m in moves)


def test_a_move_that_gains_coverage_for_free_comes_first():
    # With a generous budget and creation bought outside first, taking creation back out of the
    # outsource list lets the in-house content people do it: more coverage for less money.
    scenario = Scenario(team=("social_media_manager", "content_manager", "graphic_designer"),
                        budget_sek=1_500_000, outsource=("create",))
    moves = next_moves(scenario, CATALOG)
    free = [m for m in moves if m.tier == 0 and not m.adds_critical]
    assert free, [(m.kind, m.target, m.coverage_gain, m.cost_delta) for m in moves[:5]]
    assert moves[0].tier == 0 and not moves[0].adds_critical
    assert moves[0].coverage_gain == max(m.coverage_gain for m in free)


def test_candidates_cover_hires_budget_steps_and_sourcing():
    scenario = Scenario(team_size=2, budget_sek=1_000_000, outsource=("analyze",))
    moves = candidate_moves(scenario, CATALOG)
    kinds = {m.kind for m in moves}
    assert kinds == {"hire", "budget", "insource", "outsource"}
    hires = [m for m in moves if m.kind == "hire"]
    assert {m.target for m in hires} == set(ROLES)
    for move in hires:
        assert move.scenario.team == team_roles(scenario, CATALOG) + (move.target,)
        assert move.scenario.budget_sek == scenario.budget_sek
    for move in (m for m in moves if m.kind == "budget"):
        assert move.scenario.budget_sek == scenario.budget_sek + move.amount
        assert move.scenario.team == scenario.team and move.scenario.team_size == 2
    insourced = next(m for m in moves if m.kind == "insource" and m.target == "analyze")
    assert "analyze" in insourced.scenario.insource and "analyze" not in insourced.scenario.outsource
    assert not any(m.kind == "outsource" and m.target == "lead" for m in moves)


def test_the_last_budget_step_pays_for_everything_planned():
    scenario = Scenario(team_size=1, budget_sek=800_000)
    amounts = budget_amounts(scenario, CATALOG)
    assert set(BUDGET_STEPS) <= set(amounts)
    funded = next(m for m in candidate_moves(scenario, CATALOG) if m.kind == "budget"
                  and m.amount == max(amounts))
    more = simulate(funded.scenario.replace(budget_sek=BUDGET_LIMITS[1]), CATALOG)
    assert funded.plan.overall_coverage == pytest.approx(more.overall_coverage)
    assert max(amounts) % 50_000 == 0


def test_moves_at_the_edges_of_the_ranges():
    full = Scenario(team=("social_media_manager",) * TEAM_LIMITS[1], budget_sek=BUDGET_LIMITS[1])
    moves = next_moves(full, CATALOG)
    assert not any(m.kind in ("hire", "budget") for m in moves)  # no seat or SEK left to add
    broke = next_moves(Scenario(team_size=0, budget_sek=0), CATALOG)
    assert broke and all(math.isfinite(m.coverage_gain) for m in broke)


def test_a_rule_whose_programme_reads_the_budget_makes_the_sweep_solve_every_budget(raw_catalog):
    """The optimum of a higher budget is reused at a lower one only when no rule's programme reads
    the budget (a rule active above some budget may change the optimum below it)."""
    from model import build_catalog
    from model.tradeoffs import _Optima

    for rule in raw_catalog["rules"]["rules"]:
        if rule["id"] == "video_needs_video_people":
            rule["params"].update(active_if="budget_sek", above=1_000_000)
    catalog = build_catalog(raw_catalog)
    scenario = Scenario(team_size=0, posts_per_week=4, video_share=0.6, inbound_per_week=20,
                        channels=1, ad_spend_sek_month=0, marketing_lead_hours=2, volunteer_hours=20)
    budgets = (900_000, 3_000_000)
    optima = _Optima(scenario, catalog, (0,), budgets)
    assert optima.budget_shapes
    assert optima._reused(0, 900_000) is None
    grid = sweep(scenario, catalog, team_sizes=(0,), budgets=budgets)
    for point in (point for row in grid.points for point in row):
        direct = simulate(scenario_at(scenario, catalog, point.team_size, point.budget), catalog,
                          limits=False)
        assert point.coverage == pytest.approx(direct.overall_coverage, abs=1e-9)
        assert point.objective == pytest.approx(direct.objective, abs=1e-9)
