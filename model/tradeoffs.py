"""Trade-offs: team size x budget sweeps, sourcing strategies and the next best move.

Pure Python, no Streamlit. Every number here is what `simulate` gives for the scenario it names:
one pipeline, no second copy of the engine (a sweep point is simulate without Plan.limits). A
sweep solves fewer programmes than it has points: an optimum that leaves money or seats unused
is also the optimum with more of them (every plan it could be compared with was possible
before), so it is read again for those points instead of solved again.

    from model.tradeoffs import sweep, frontier, strategies, next_moves
    grid = sweep(scenario, catalog, team_sizes=range(13), budgets=range(0, 4_000_001, 100_000))
    best = next_moves(scenario, catalog)[0]
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .catalog import Catalog
from .engine import EPS, Solved, assemble, simulate, solve, team_roles
from .plan import Finding, Plan
from .rules import KINDS, budget_matters
from .scenario import SPECS, Scenario
from .vocab import CAPABILITIES, ROLES

TEAM_LIMITS: tuple[int, int] = (int(SPECS["team_size"].low), int(SPECS["team_size"].high))
BUDGET_LIMITS: tuple[int, int] = (int(SPECS["budget_sek"].low), int(SPECS["budget_sek"].high))
DEFAULT_TEAM_SIZES: tuple[int, ...] = tuple(range(13))
DEFAULT_BUDGETS: tuple[int, ...] = tuple(range(0, 4_000_001, 100_000))
BUDGET_STEPS: tuple[int, ...] = (100_000, 250_000, 500_000, 1_000_000)
BUDGET_ROUNDING = 50_000  # the "fund what is planned" move rounds up to the sidebar's budget step
GAIN_EPS = 1e-6  # coverage gains below this (0.0001 percentage points) count as none
COST_EPS = 1.0  # SEK per year: cost changes below this count as none
PRODUCTION_CAPABILITIES: tuple[str, ...] = ("create", "advertise")


# ---- grids ----------------------------------------------------------------------------------
def clean_team_sizes(values: Iterable[float]) -> tuple[int, ...]:
    """Whole team sizes within the scenario's range, sorted, without repeats."""
    low, high = TEAM_LIMITS
    return tuple(sorted({min(high, max(low, int(round(v)))) for v in values if math.isfinite(v)}))


def clean_budgets(values: Iterable[float]) -> tuple[int, ...]:
    """Whole SEK budgets within the scenario's range, sorted, without repeats."""
    low, high = BUDGET_LIMITS
    return tuple(sorted({min(high, max(low, int(round(v)))) for v in values if math.isfinite(v)}))


def budget_grid(low: float, high: float, count: int) -> tuple[int, ...]:
    """`count` budgets evenly from `low` to `high` SEK (whole SEK, within range, no repeats)."""
    low, high = sorted((low, high))
    if count <= 1 or high - low < 1:
        return clean_budgets([low])
    return clean_budgets(low + (high - low) * index / (count - 1) for index in range(count))


def team_for_size(scenario: Scenario, catalog: Catalog, size: int) -> tuple[str, ...]:
    """The roles of a team of `size` seats grown or cut from the scenario's team.

    The team (explicit, or the roles the solver chose for the scenario) keeps its first seats and
    adds the hiring ladder's roles after them, as the sidebar's "add a seat" does.
    """
    roles = team_roles(scenario, catalog)
    return roles[:size] + tuple(catalog.ladder_role(index) for index in range(len(roles), size))


def cheapest_team(catalog: Catalog, size: int) -> tuple[str, ...]:
    """The team of `size` that costs least: that many of the cheapest role (below its cost no team
    of the size fits the budget)."""
    cheapest = min(catalog.roles.values(), key=lambda role: (role.annual_cost_sek, ROLES.index(role.id)))
    return (cheapest.id,) * size


def scenario_at(scenario: Scenario, catalog: Catalog, size: int, budget: int) -> Scenario:
    """The scenario at one grid point: same workload and sourcing, `size` seats, `budget` SEK."""
    if scenario.team:
        return scenario.replace(team=team_for_size(scenario, catalog, size), team_size=size,
                                budget_sek=budget)
    return scenario.replace(team_size=size, budget_sek=budget)


@dataclass(frozen=True)
class SweepPoint:
    """One grid point: a team size and a budget, and what simulate makes of it."""

    team_size: int
    budget: int
    coverage: float
    in_house: float
    agency: float
    freelancer: float
    total: float
    critical: int
    warning: int
    quality: float = 0.0  # the hours-weighted fit of the work done
    objective: float = 0.0  # the value the solver maximised (Plan.objective)
    retained: float = 0.0  # the retainers' fees, paid as given (part of agency/freelancer)

    @property
    def external(self) -> float:
        return self.agency + self.freelancer

    @property
    def in_house_share(self) -> float:
        """Share of the total cost that is in-house (0 when nothing is spent)."""
        return self.in_house / self.total if self.total > 0 else 0.0

    @property
    def over_budget(self) -> bool:
        """What is paid whatever the plan (the in-house team and the retainers) costs more than
        the budget."""
        return self.in_house + self.retained > self.budget


def point_of(plan: Plan) -> SweepPoint:
    """A plan as a sweep point (to mark a scenario on the map and the frontier)."""
    cost = plan.cost
    return SweepPoint(plan.scenario.team_size, plan.scenario.budget_sek, plan.overall_coverage,
                      cost.in_house, cost.agency, cost.freelancer, cost.total,
                      plan.count("critical"), plan.count("warning"), plan.overall_quality,
                      plan.objective, sum(use.fee_sek_year for use in plan.retainers))


@dataclass(frozen=True)
class Sweep:
    """simulate over team sizes x budgets for one scenario's workload and sourcing.

    points[i][j] is team size team_sizes[i] at budget budgets[j]; teams[i] are its roles (when
    the solver chooses them, per budget: the cheapest team of the size) and in_house_cost[i]
    their fully loaded cost (the budget below which in-house alone is too much).
    """

    scenario: Scenario
    team_sizes: tuple[int, ...]
    budgets: tuple[int, ...]
    teams: tuple[tuple[str, ...], ...]
    in_house_cost: tuple[float, ...]
    points: tuple[tuple[SweepPoint, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.team_sizes or not self.budgets

    def all_points(self) -> tuple[SweepPoint, ...]:
        return tuple(point for row in self.points for point in row)

    def grid(self, name: str) -> list[list[float]]:
        """One SweepPoint attribute as rows per budget, columns per team size (for a heat map)."""
        return [[getattr(self.points[i][j], name) for i in range(len(self.team_sizes))]
                for j in range(len(self.budgets))]


def sweep(scenario: Scenario, catalog: Catalog, team_sizes: Iterable[float] = DEFAULT_TEAM_SIZES,
          budgets: Iterable[float] = DEFAULT_BUDGETS) -> Sweep:
    """Evaluate every team size x budget for the scenario's workload and sourcing.

    Team sizes and budgets are cleaned to whole numbers within the scenario's ranges (empty input
    gives an empty sweep). Each point equals simulate(scenario_at(scenario, catalog, size, budget)).
    """
    sizes, money = clean_team_sizes(team_sizes), clean_budgets(budgets)
    optima = _Optima(scenario, catalog, sizes, money)
    teams, costs, rows = [], [], []
    for size in sizes:
        rows.append(tuple(point_of(optima.plan(size, budget)) for budget in money))
        # an explicit team grows along the ladder; a team the solver chooses varies with the
        # budget, and its line is the cheapest team of the size
        team = team_for_size(scenario, catalog, size) if scenario.team else cheapest_team(catalog, size)
        teams.append(team)
        costs.append(sum(catalog.roles[role].annual_cost_sek for role in team))
    return Sweep(scenario, sizes, money, tuple(teams), tuple(costs), tuple(rows))


class _Optima:
    """The solved programme of each grid point, solving as few as possible.

    The optimum at budget B costs T. At any budget of T or more it is still possible, and every
    plan possible there that was not possible at B costs more than B: so when it is also the
    optimum at the largest budget (T <= B), it is the optimum at every budget between. In the
    same way, when the solver chooses the roles, the optimum of the largest team size fills K
    seats and is the optimum of every size from K up.
    """

    def __init__(self, scenario: Scenario, catalog: Catalog, sizes: tuple[int, ...],
                 budgets: tuple[int, ...]) -> None:
        self.scenario, self.catalog = scenario, catalog
        self.top_budget = max(budgets, default=0)
        self.top_size = max(sizes, default=0)
        self.cache: dict[tuple[int, int], tuple[Solved, Plan]] = {}
        # a rule whose programme reads the budget makes the optimum of one budget no optimum of
        # another: then every budget is solved where it stands
        self.budget_shapes = any(budget_matters(rule, "shape") for rule in catalog.rules)

    def _solve(self, size: int, budget: int) -> tuple[Solved, Plan]:
        key = (size, budget)
        if key not in self.cache:
            point = scenario_at(self.scenario, self.catalog, size, budget)
            solved = solve(point, self.catalog)
            self.cache[key] = (solved, assemble(point, self.catalog, solved, limits=False))
        return self.cache[key]

    def _reused(self, size: int, budget: int) -> tuple[Solved, Plan] | None:
        if not self.scenario.team and 0 < size < self.top_size:
            widest = self._solve(self.top_size, budget)  # a team the solver chooses
            if sum(1 for person in widest[1].people if person.in_team) <= size:
                return widest
        if budget < self.top_budget and not self.budget_shapes:
            richest = self._reused(size, self.top_budget) or self._solve(size, self.top_budget)
            if richest[1].cost.total <= budget + 1e-6:
                return richest
        return None

    def plan(self, size: int, budget: int) -> Plan:
        """The plan of the grid point: solved there, or an optimum read again for it."""
        if (size, budget) in self.cache:
            return self.cache[(size, budget)][1]
        found = self._reused(size, budget)
        if found is None:
            return self._solve(size, budget)[1]
        return assemble(scenario_at(self.scenario, self.catalog, size, budget), self.catalog,
                        found[0], limits=False)


def frontier(grid: Sweep, *, exclude_critical: bool = False) -> tuple[SweepPoint, ...]:
    """The efficient points: no other point gives more coverage for the same or less cost.

    Sorted by cost. Among points with the same cost and coverage the smallest team and then the
    smallest budget is kept. exclude_critical leaves out plans with a critical finding.
    """
    points = [p for p in grid.all_points() if not (exclude_critical and p.critical)]
    points.sort(key=lambda p: (p.total, -p.coverage, p.team_size, p.budget))
    best, out = -math.inf, []
    for point in points:
        if point.coverage > best + GAIN_EPS:
            out.append(point)
            best = point.coverage
    return tuple(out)


def best_mix(grid: Sweep, budget: int | None = None) -> SweepPoint | None:
    """The team size giving most coverage at one budget of the sweep (the scenario's budget by
    default; None when that budget is not in the sweep). Teams the budget pays for first, then
    plans without critical findings, then most coverage, least cost, the smallest team."""
    budget = grid.scenario.budget_sek if budget is None else budget
    if budget not in grid.budgets or not grid.team_sizes:
        return None
    column = grid.budgets.index(budget)
    candidates = [row[column] for row in grid.points]
    return min(candidates, key=lambda p: (p.over_budget, p.critical > 0, -round(p.coverage, 9),
                                          round(p.total), p.team_size))


# ---- sourcing strategies -----------------------------------------------------------------------
@dataclass(frozen=True)
class Strategy:
    id: str  # in_house | hybrid | outsourced
    scenario: Scenario
    plan: Plan


def outsourceable(catalog: Catalog) -> tuple[str, ...]:
    """Capabilities some provider does at primary fit or better, and no rule keeps in-house."""
    kept = {rule.params["capability"] for rule in catalog.rules
            if "in_house_only" in KINDS[rule.kind].steers}
    low = catalog.settings.primary_fit
    return tuple(cap for cap in CAPABILITIES
                 if cap not in kept
                 and any(p.fit.get(cap, 0.0) >= max(low - EPS, EPS) for p in catalog.providers.values()))


def owned_in_house(catalog: Catalog) -> frozenset[str]:
    """Capabilities a rule says someone in-house must own (lead; strategy by leadership)."""
    return frozenset(rule.params["capability"] for rule in catalog.rules if KINDS[rule.kind].owner)


def is_production_role(catalog: Catalog, role_id: str) -> bool:
    """A role whose best work is creating content or running ads (guidance 4 and 7)."""
    fit = catalog.roles[role_id].fit
    production = max((fit.get(cap, 0.0) for cap in PRODUCTION_CAPABILITIES), default=0.0)
    other = max((v for cap, v in fit.items() if cap not in PRODUCTION_CAPABILITIES), default=0.0)
    return production > 0 and production >= other


def _in_budget(roles: tuple[str, ...], catalog: Catalog, budget: float) -> tuple[str, ...]:
    """The longest prefix of `roles` whose fully loaded cost fits the budget (at least one)."""
    total, kept = 0.0, []
    for role in roles:
        total += catalog.roles[role].annual_cost_sek
        if total > budget + COST_EPS and kept:
            break
        kept.append(role)
        if total > budget + COST_EPS:
            break
    return tuple(kept)


def strategy_scenarios(scenario: Scenario, catalog: Catalog) -> dict[str, Scenario]:
    """The three ways of sourcing the same workload with the same budget.

    in_house: the scenario's team (as given or as the solver chose it) grown by the hiring
        ladder (or cut) to as many seats as the budget pays for; whatever money is left buys what
        the team cannot do.
    hybrid: the team's core (seats whose best work is not creation or ads), creation and ads
        bought outside first.
    outsourced: one in-house seat that leads the work (the team's best lead, or the ladder's);
        everything that can be bought and that no rule keeps in-house is bought outside first.
    """
    budget = scenario.budget_sek
    current = team_roles(scenario, catalog)
    grown = team_for_size(scenario, catalog, TEAM_LIMITS[1])
    in_house = _in_budget(grown, catalog, budget)

    core = tuple(role for role in current if not is_production_role(catalog, role))
    if not core:
        core = tuple(role for role in grown if not is_production_role(catalog, role))[:1]
    hybrid = _in_budget(core, catalog, budget)
    buyable = outsourceable(catalog)
    production = tuple(cap for cap in PRODUCTION_CAPABILITIES if cap in buyable)

    pool = current if any(catalog.roles[r].fit.get("lead", 0.0) > 0 for r in current) else grown
    lead = max(pool, key=lambda r: (catalog.roles[r].fit.get("lead", 0.0), -pool.index(r)))
    kept = owned_in_house(catalog)
    bought = tuple(cap for cap in buyable if cap not in kept)

    return {
        "in_house": scenario.replace(team=in_house, team_size=len(in_house), outsource=(),
                                     insource=()),
        "hybrid": scenario.replace(team=hybrid, team_size=len(hybrid), outsource=production,
                                   insource=()),
        "outsourced": scenario.replace(team=(lead,), team_size=1, outsource=bought, insource=()),
    }


def strategies(scenario: Scenario, catalog: Catalog) -> tuple[Strategy, ...]:
    return tuple(Strategy(sid, s, simulate(s, catalog))
                 for sid, s in strategy_scenarios(scenario, catalog).items())


# ---- the next best move ------------------------------------------------------------------------
MOVE_KINDS: tuple[str, ...] = ("hire", "budget", "insource", "outsource")


def peak_load(plan: Plan) -> float:
    """The highest utilisation of a team seat (0 without a team)."""
    return max((p.utilisation for p in plan.people if p.in_team), default=0.0)


def _finding_key(finding: Finding) -> tuple:
    return (finding.rule_id, finding.capability, finding.seat)


@dataclass(frozen=True)
class Move:
    """One single change to the scenario and what it does to the plan.

    kind: hire (target a role id), budget (amount SEK added; target "fund" when the amount is the
    one that pays for everything planned), insource (target a capability: do it in-house, never
    buy it outside), outsource (target a capability: buy it outside first).
    """

    kind: str
    target: str
    amount: int
    scenario: Scenario
    plan: Plan
    coverage_gain: float
    cost_delta: float
    peak_load_before: float
    peak_load_after: float
    new_findings: tuple[Finding, ...]
    resolved_findings: tuple[Finding, ...]

    @property
    def gain_per_sek(self) -> float | None:
        """Coverage gained per SEK of extra yearly cost; None when the move costs nothing more."""
        return self.coverage_gain / self.cost_delta if self.cost_delta > COST_EPS else None

    @property
    def tier(self) -> int:
        """0: gains coverage at no extra cost; 1: gains coverage for money; 2: gains nothing."""
        if self.coverage_gain <= GAIN_EPS:
            return 2
        return 0 if self.cost_delta <= COST_EPS else 1

    @property
    def adds_critical(self) -> bool:
        """The move brings a critical finding the scenario does not have."""
        return any(finding.severity == "critical" for finding in self.new_findings)


def move_key(move: Move) -> tuple:
    """The ranking: moves that gain coverage before those that do not; among the gaining ones,
    those that add no critical finding first; then those that gain at no extra cost (most gain,
    then most saved) before those that gain for money (most coverage per SEK); the rest last
    (least loss, then most saved)."""
    if move.tier == 0:
        score = -move.coverage_gain
    elif move.tier == 1:
        score = -move.gain_per_sek
    else:
        score = -move.coverage_gain
    return (move.tier == 2, move.adds_critical, move.tier, score, move.cost_delta,
            MOVE_KINDS.index(move.kind), move.target, move.amount)


def _make_move(kind: str, target: str, amount: int, scenario: Scenario, before: Plan,
               catalog: Catalog) -> Move:
    after = simulate(scenario, catalog)
    old = {_finding_key(f) for f in before.findings}
    new = {_finding_key(f) for f in after.findings}
    return Move(
        kind=kind, target=target, amount=amount, scenario=scenario, plan=after,
        coverage_gain=after.overall_coverage - before.overall_coverage,
        cost_delta=after.cost.total - before.cost.total,
        peak_load_before=peak_load(before), peak_load_after=peak_load(after),
        new_findings=tuple(f for f in after.findings if _finding_key(f) not in old),
        resolved_findings=tuple(f for f in before.findings if _finding_key(f) not in new),
    )


def planned_purchase_cost(scenario: Scenario, catalog: Catalog,
                          team: tuple[str, ...] | None = None) -> float:
    """SEK per year of everything the plan would buy outside if the budget allowed it (the plan
    at the largest budget). `team`: the scenario's roles, when already known."""
    team = team_roles(scenario, catalog) if team is None else team  # only the money grows
    plan = simulate(scenario.replace(budget_sek=BUDGET_LIMITS[1], team=team, team_size=len(team)),
                    catalog, limits=False)
    return plan.cost.external


def funding_amount(scenario: Scenario, catalog: Catalog, team: tuple[str, ...] | None = None) -> int:
    """The budget increase that pays for the in-house team and everything the plan would buy
    outside, rounded up to 50,000 SEK (0 when the budget already does). `team`: the scenario's
    roles, when already known."""
    team = team_roles(scenario, catalog) if team is None else team
    in_house = sum(catalog.roles[r].annual_cost_sek for r in team)
    shortfall = in_house + planned_purchase_cost(scenario, catalog, team) - scenario.budget_sek
    if shortfall <= COST_EPS:
        return 0
    return int(math.ceil(shortfall / BUDGET_ROUNDING) * BUDGET_ROUNDING)


def budget_amounts(scenario: Scenario, catalog: Catalog,
                   steps: Iterable[int] = BUDGET_STEPS, funding: int | None = None) -> tuple[int, ...]:
    """The budget increases to try: the fixed steps and the funding amount (when already known,
    `funding`), within range."""
    room = BUDGET_LIMITS[1] - scenario.budget_sek
    amounts = set(steps) | {funding_amount(scenario, catalog) if funding is None else funding}
    return tuple(sorted({min(a, room) for a in amounts if a > 0 and room > 0}))


def candidate_moves(scenario: Scenario, catalog: Catalog, before: Plan | None = None,
                    steps: Iterable[int] = BUDGET_STEPS) -> tuple[Move, ...]:
    """Every single change considered, unranked: hire each role, add budget in steps, move each
    capability in or out."""
    before = before or simulate(scenario, catalog)
    moves: list[Move] = []
    roles = scenario.team or tuple(person.role for person in before.people if person.in_team)
    if len(roles) < TEAM_LIMITS[1]:
        for role in ROLES:
            team = roles + (role,)
            moves.append(_make_move("hire", role, 0, scenario.replace(team=team, team_size=len(team)),
                                    before, catalog))
    seen: set[tuple[float, float]] = set()
    funding = funding_amount(scenario, catalog, roles)
    for amount in budget_amounts(scenario, catalog, steps, funding):
        move = _make_move("budget", "fund" if amount == funding else "", amount,
                          scenario.replace(budget_sek=scenario.budget_sek + amount), before, catalog)
        outcome = (round(move.plan.overall_coverage, 9), round(move.plan.cost.total))
        if outcome not in seen:  # a larger step that buys nothing more is left out
            seen.add(outcome)
            moves.append(move)
    buyable = set(outsourceable(catalog))
    hours = before.hours_by_type()
    for cap in CAPABILITIES:
        if before.demand[cap] <= EPS:
            continue
        external = hours[cap]["agency"] + hours[cap]["freelancer"]
        if cap not in scenario.insource and (cap in scenario.outsource or external > EPS):
            changed = scenario.replace(
                outsource=tuple(c for c in scenario.outsource if c != cap),
                insource=scenario.insource + (cap,))
            moves.append(_make_move("insource", cap, 0, changed, before, catalog))
        if cap in buyable and cap not in scenario.outsource and (
                cap in scenario.insource or hours[cap]["in_house"] > EPS):
            changed = scenario.replace(
                outsource=scenario.outsource + (cap,),
                insource=tuple(c for c in scenario.insource if c != cap))
            moves.append(_make_move("outsource", cap, 0, changed, before, catalog))
    return tuple(moves)


def next_moves(scenario: Scenario, catalog: Catalog,
               steps: Iterable[int] = BUDGET_STEPS) -> tuple[Move, ...]:
    """The candidate moves ranked by move_key, best first."""
    return tuple(sorted(candidate_moves(scenario, catalog, steps=steps), key=move_key))
