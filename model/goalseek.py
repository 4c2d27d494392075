"""Goal seek: the least cost of a coverage (and quality), solved by HiGHS.

`least_cost(scenario, catalog, coverage=0.85)` answers "what does 85 % cost?" in two solves of
the same programme `simulate` builds (same demand, rules, capacities, agency minimums and
sourcing choices):

1. minimise the cost a year (the team's seats and every fee) subject to the hours done being at
   least `coverage` of the demand and, when asked, the hours-weighted fit at least `quality`;
   the budget is open up to the scenario's upper bound (20 MSEK);
2. with the team of step 1 as explicit seats and that least cost as the budget, the plan
   `simulate`'s own objective prefers among those reaching the same coverage and quality.

team="free" lets the solver choose any team of up to MAX_TEAM seats ("the team to have");
team="keep" keeps the scenario's seats (its explicit team, or the roles `simulate` chose for its
team size) and varies only what is bought. When the coverage cannot be reached, `reached` is
False and `plan` is the least-cost plan of the most coverage that can (`most`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .catalog import Catalog
from .engine import (
    EPS,
    FLOOR_PENALTY,
    Solved,
    assemble,
    build,
    paid_per_hour,
    retainer_units,
    team_roles,
)
from .plan import Plan
from .scenario import MAX_TEAM, SPECS, Scenario
from .solver import Infeasible
from .vocab import CAPABILITIES

TEAM_MODES = ("free", "keep")
MAX_BUDGET = float(SPECS["budget_sek"].high)
SLACK = 1e-6  # a target a hair above what a solve reached still counts as reached
BALANCE = 0.5  # each capability's share kept done where it can (below it is a warning)
SHORT_SEK = 1e8  # SEK an hour short of that share: met wherever the people and providers allow


@dataclass(frozen=True)
class GoalSeek:
    """The least-cost plan that reaches a coverage (and quality), as plain values.

    target and quality: what was asked (shares 0–1; quality 0 asks nothing of fit).
    team: "free" or "keep". reached: whether `target` can be reached at all; most: the most
    coverage this team mode can reach (equal to the plan's coverage when not reached, else
    None: not computed). plan: the least-cost plan (of `target`, or of `most`); its scenario has
    the team as explicit seats and its least cost as the budget. cost: that plan's cost a year.
    score: what step 1 minimised (SEK a year: the cost, plus the rules' penalties in kronor).
    """

    target: float
    quality: float
    team: str
    reached: bool
    most: float | None
    plan: Plan
    cost: float
    score: float

    @property
    def roles(self) -> tuple[str, ...]:
        return self.plan.scenario.team


def _setup(scenario: Scenario, catalog: Catalog, team: str) -> Scenario:
    """The scenario whose programme step 1 solves: the budget open, the team free or kept."""
    open_budget = {"budget_sek": int(MAX_BUDGET)}
    if team == "free":
        return replace(scenario, team=(), team_size=MAX_TEAM, **open_budget)
    roles = team_roles(scenario, catalog)
    return replace(scenario, team=roles, team_size=len(roles), **open_budget)


def _build(scenario: Scenario, catalog: Catalog):
    """engine.build, with the total demand (hours a week) the floors are shares of."""
    demand, units, policy, built = build(scenario, catalog)
    return demand, units, policy, built, sum(sum(pools.values()) for pools in demand.values())


def _floor_rows(built, total: float, coverage: float, quality: float) -> None:
    """Hours done >= coverage x demand; sum of (fit - quality) x hours >= 0."""
    program = built.program
    cols = built.work_cols
    if coverage > 0:
        program.row(dict.fromkeys(cols, 1.0), low=coverage * total - SLACK)
    if quality > 0:
        program.row({col: unit.fit[cap] - quality for unit, cap, _, col in built.work}, low=-SLACK)


def rule_floors(catalog: Catalog) -> dict[str, float]:
    """Per capability, the coverage the catalog's coverage rules ask of it (min_coverage rules:
    planning, administration and the replies at 0.8 as shipped), else BALANCE."""
    floors = dict.fromkeys(CAPABILITIES, BALANCE)
    for rule in catalog.rules:
        if rule.kind != "min_coverage":
            continue
        caps = (tuple(c for c in CAPABILITIES if c not in rule.params.get("except", ()))
                if rule.params["capability"] == "all" else (rule.params["capability"],))
        for cap in caps:
            floors[cap] = max(floors[cap], rule.params["min_coverage"])
    return floors


def _balance_rows(built, demand, coverage: float, balance: dict[str, float] | None,
                  penalty: float, floors: dict[str, float]) -> None:
    """Each capability with work keeps min(coverage, what the coverage rules ask of it, its
    balance) of it done where it can: `penalty` (in the objective's unit) an hour short. A
    target is not met by leaving planning, publishing or the replies below what the guidance asks
    while other work soaks up the hours."""
    program = built.program
    for cap, pools in demand.items():
        need = pools["other"] + pools["video"]
        cols = [col for _, c, _, col in built.work if c == cap]
        floor = min(coverage, floors[cap], (balance or {}).get(cap, 1.0))
        if need > EPS and cols and floor > 0:
            short = program.var(cost=-penalty)
            program.row({**dict.fromkeys(cols, 1.0), short: 1.0}, low=floor * need)


def _min_cost(scenario: Scenario, catalog: Catalog, coverage: float, quality: float,
              balance: dict[str, float] | None = None):
    """Step 1: the least score (SEK a year: the cost and the rules' penalties in kronor), the cost
    of that plan and the seats' roles, or None when out of reach.

    A cheap plan is not a sound one: the rules' penalties count in kronor at the rate `simulate`
    trades them against money (1 / settings.spend_weight SEK a point), and every capability
    with work keeps at least min(coverage, BALANCE) of it done where it can (a shortfall costs
    SHORT_SEK an hour): "85 %" never means the ads or the replies left at nothing."""
    settings = catalog.settings
    weeks, per_point = settings.weeks_per_year, 1.0 / settings.spend_weight
    demand, units, policy, built, total = _build(scenario, catalog)
    program = built.program
    heads = set(built.heads.values())
    work = set(built.work_cols)
    program.cost = [0.0 if col in built.value_cols or col in heads or col in work else cost * per_point
                    for col, cost in enumerate(program.cost)]
    for unit, _, _, col in built.work:
        price = unit.rate * weeks if paid_per_hour(unit) else 0.0  # seats and spokes are paid whole
        program.cost[col] = -price - built.penalty[col] * per_point
    groups = {unit.key: unit for unit in units if unit.kind == "group"}
    for key, col in built.heads.items():
        program.cost[col] = -groups[key].annual_cost
    _balance_rows(built, demand, coverage, balance, SHORT_SEK, rule_floors(catalog))
    _floor_rows(built, total, coverage, quality)
    try:
        solution = program.solve()
    except Infeasible:
        return None
    seats = sum(unit.annual_cost for unit in units if unit.kind in ("seat", "spoke"))  # paid whole
    retained = sum(unit.annual_cost for unit in retainer_units(scenario, catalog))  # as given
    roles = [unit.ident for unit in units if unit.kind == "seat"]
    for key, col in built.heads.items():
        roles += [groups[key].ident] * int(round(solution.values[col]))
    cost = seats + retained + sum(groups[key].annual_cost * round(solution.values[col])
                                  for key, col in built.heads.items())
    cost += sum(unit.rate * weeks * solution.values[col] for unit, _, _, col in built.work
                if paid_per_hour(unit))
    return seats + retained - solution.objective, cost, tuple(roles)


def _most(scenario: Scenario, catalog: Catalog, quality: float) -> float:
    """The most coverage the setup can reach (budget and team at their upper bounds)."""
    demand, units, policy, built, total = _build(scenario, catalog)
    program = built.program
    program.cost = [0.0] * len(program.cost)
    for col in built.work_cols:
        program.cost[col] = 1.0
    _floor_rows(built, total, 0.0, quality)
    try:
        solution = program.solve()
    except Infeasible:  # the quality asked cannot be met by any work: no coverage at all
        return 0.0
    return min(1.0, solution.objective / total) if total > EPS else 1.0


def _plan(scenario: Scenario, catalog: Catalog, roles: tuple[str, ...], cost: float, coverage: float,
          quality: float, balance: dict[str, float] | None) -> Plan:
    """Step 2: the team as explicit seats and the cost of step 1's plan as the budget (that plan
    fits in it, guidance kept), simulate's objective among the plans reaching the coverage and
    quality."""
    budget = min(int(MAX_BUDGET), math.ceil(cost - 1e-6))
    chosen = replace(scenario, team=roles, team_size=len(roles), budget_sek=budget,
                     target_coverage=math.floor(coverage * 1e4) / 1e4)
    demand, units, policy, built, total = _build(chosen, catalog)
    _balance_rows(built, demand, coverage, balance, FLOOR_PENALTY, rule_floors(catalog))
    _floor_rows(built, total, coverage, quality)
    try:
        solution = built.program.solve()
    except Infeasible:  # (rounding) the same programme without the floors: simulate's own plan
        demand, units, policy, built, total = _build(chosen, catalog)
        solution = built.program.solve()
    return assemble(chosen, catalog, Solved(demand, units, policy, built, solution))


def least_cost(scenario: Scenario, catalog: Catalog, *, coverage: float, quality: float = 0.0,
               team: str = "free", balance: dict[str, float] | None = None) -> GoalSeek:
    """The least-cost plan reaching `coverage` (0–1) of the demand at a hours-weighted fit of at
    least `quality` (0–1), with any team (team="free") or the scenario's (team="keep").

    balance: capability -> the most of each capability's share that must be kept done (default
    1: min(coverage, BALANCE) each); `for_plan` passes a plan's own, so that the plan itself
    is one of the answers."""
    if team not in TEAM_MODES:
        raise ValueError(f"team must be one of {TEAM_MODES}, not {team!r}")
    if not (0.0 <= coverage <= 1.0 and 0.0 <= quality <= 1.0):
        raise ValueError("coverage and quality are shares from 0 to 1")
    found = _seek(scenario, catalog, coverage, quality, team, balance)
    if team == "free":  # any team includes the current one: never dearer than keeping it
        kept = _seek(scenario, catalog, coverage, quality, "keep", balance)
        if (kept.reached and not found.reached) or (kept.reached == found.reached
                                                     and kept.cost < found.cost - 0.5):
            found = replace(kept, team="free")
    return found


def _seek(scenario: Scenario, catalog: Catalog, coverage: float, quality: float, team: str,
          balance: dict[str, float] | None) -> GoalSeek:
    setup = _setup(scenario, catalog, team)
    found = _min_cost(setup, catalog, coverage, quality, balance)
    most = None
    target = coverage
    if found is None:
        most = _most(setup, catalog, quality)
        target = max(0.0, most - 1e-6)
        found = _min_cost(setup, catalog, target, quality if most > 0 else 0.0, balance)
        if found is None:  # nothing can be done at that fit: the least-cost empty plan
            found = _min_cost(setup, catalog, 0.0, 0.0)
    score, cost, roles = found
    plan = _plan(scenario, catalog, roles, cost, target, quality if most is None or most > 0 else 0.0,
                 balance)
    reached = most is None and plan.overall_coverage >= coverage - 1e-4
    if most is None and not reached:  # (solver tolerance) the plan says what it reaches
        most = plan.overall_coverage
    return GoalSeek(coverage, quality, team, reached, most, plan, plan.cost.total, score)

def for_plan(plan: Plan, catalog: Catalog, *, team: str = "free") -> GoalSeek:
    """The least cost of what `plan` achieves: its coverage at its quality, each capability kept
    at its share (up to BALANCE), with any team or the plan's own."""
    quality = math.floor(plan.overall_quality * 1e4) / 1e4
    coverage = math.floor(plan.overall_coverage * 1e4) / 1e4
    return least_cost(plan.scenario, catalog, coverage=coverage, quality=quality, team=team,
                      balance=dict(plan.coverage))


__all__ = ["BALANCE", "GoalSeek", "TEAM_MODES", "for_plan", "least_cost"]
