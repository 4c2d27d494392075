"""simulate: Scenario in, Plan out. The plan is the optimum of an explicit objective.

    demand -> units (seats, the head of marketing's hours, unpaid hours, the organisation model's
              spokes, providers)
           -> policy (what the rules of data/rules.yaml constrain and penalise)
           -> a mixed-integer programme, solved by HiGHS -> lines, people, cost, limits -> rules

The objective (README, "How a plan is found"): maximise the hours of work done, each weighted by
how well it is done (fit) and by its capability's priority (data/settings.yaml), less the price
of outside work (settings.spend_weight: money has a value, so time already paid for comes first
where it fits nearly as well), minus the soft penalties that rules declare; then, as a
tie-break, the least cost. Hard constraints: demand,
every person's capacity including the in-house orderer's time for everything bought, provider
capacity, the budget, agency minimum fees (an agency is used at or above its minimum, or not at
all), what the rules make absolute (lead in-house, strategy with marketing leadership) and the
user's insource/outsource choices. A fit below settings.min_fit never works.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from . import continuity  # noqa: F401 - registers the continuity rule kinds
from .catalog import Catalog
from .demand import compute_demand, drivers  # noqa: F401 - part of the engine's steps
from .orgmodels import spoke_seats
from .plan import SEVERITY_ORDER, Assignment, Cost, Finding, Limits, Person, Plan, RetainerUse
from .rules import KINDS, Policy, build_policy
from .scenario import Scenario
from .solver import INF, Program, Solution
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT, ROLES, VOLUNTEER_ROLE, VOLUNTEER_SEAT

EPS = 1e-7
POOLS = ("other", "video")
BUDGET_STEP = 100_000.0
# Equal plans are told apart the same way every time: a capability earlier in CAPABILITIES
# wins a tie by a millionth of a point an hour (so more budget never reshuffles equal work).
TIE = {cap: 1e-6 * (len(CAPABILITIES) - index) for index, cap in enumerate(CAPABILITIES)}
ORDERER_RANK = {"seat": 0, "group": 0, "lead": 1, "volunteer": 2, "spoke": 3}
FLOOR_PENALTY = 10.0  # points per hour a rule's floor is missed (only when nothing can meet it)
LIMIT_HOUR = 1.0


# ---- step 1: demand (model/demand.py) ------------------------------------------------------------


# ---- step 2: who can work -------------------------------------------------------------------
@dataclass(frozen=True)
class Seat:
    """One person (or the head of marketing's hours, or the unpaid hours) in the plan."""

    seat: str
    role: str
    capacity: float
    annual_cost: float
    fit: dict[str, float]
    scope: str
    in_team: bool
    unit: str = ""  # the key of the unit it belongs to when several seats share one (spokes)


@dataclass(frozen=True)
class Unit:
    """What the programme assigns work to: a seat, a group of seats of one role (when the
    solver chooses the team), or an outside provider."""

    key: str
    kind: str  # "seat" | "group" | "lead" | "volunteer" | "spoke" | "provider" | "retainer"
    ident: str  # role id, provider id, or VOLUNTEER_ROLE
    provider_type: str  # in_house | agency | freelancer
    fit: dict[str, float]
    scope: str
    capacity: float  # per head for a group; all the spokes' for spokes; inf for a provider without a limit
    annual_cost: float  # per head; all the spokes' (at full capacity) for spokes
    rate: float  # SEK per hour paid from the budget for work done (providers; 0 in-house)
    orders: bool  # may brief and follow up bought work
    members: tuple[str, ...] = ()  # spokes: the seats that share the unit's hours evenly

    @property
    def in_house(self) -> bool:
        return self.provider_type == "in_house"


def team_roles(scenario: Scenario, catalog: Catalog) -> tuple[str, ...]:
    """The role of each seat: the scenario's team, or for team_size alone the solver's choice."""
    if scenario.team or scenario.team_size == 0:
        return scenario.team
    plan = simulate(scenario, catalog, limits=False)
    return tuple(person.role for person in plan.people if person.in_team)


def _seat_unit(seat: str, role_id: str, catalog: Catalog, kind: str = "seat") -> Unit:
    role = catalog.roles[role_id]
    return Unit(seat, kind, role_id, "in_house", role.fit, role.scope, role.capacity_hours,
                role.annual_cost_sek, 0.0, True)


def build_units(scenario: Scenario, catalog: Catalog) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
    """(in-house units, providers)."""
    units: list[Unit] = []
    if scenario.team:
        units += [_seat_unit(f"S{i + 1}", role, catalog) for i, role in enumerate(scenario.team)]
    elif scenario.team_size > 0:
        units += [_seat_unit(f"role:{role}", role, catalog, "group") for role in ROLES]
    if scenario.marketing_lead_hours > 0:
        head = catalog.roles["head_of_marketing"]
        units.append(Unit(MARKETING_LEAD_SEAT, "lead", "head_of_marketing", "in_house",
                          {cap: head.fit.get(cap, 0.0) for cap in ("strategy", "lead", "analyze")}, "all",
                          scenario.marketing_lead_hours, 0.0, 0.0, True))
    if scenario.volunteer_hours > 0:
        units.append(Unit(VOLUNTEER_SEAT, "volunteer", VOLUNTEER_ROLE, "in_house",
                          catalog.settings.volunteer_fit, "all", scenario.volunteer_hours, 0.0, 0.0,
                          True))
    units += spoke_units(scenario, catalog)
    providers = tuple(
        Unit(p.id, "provider", p.id, p.type, p.fit, p.scope,
             INF if p.max_hours_week is None else p.max_hours_week, 0.0, p.rate_sek_hour, False)
        for p in catalog.providers.values())
    return tuple(units), providers + retainer_units(scenario, catalog)


def spoke_units(scenario: Scenario, catalog: Catalog) -> list[Unit]:
    """The organisation model's part-time contributors outside the team (model/orgmodels.py), one
    unit per group of spokes: their role's fit for the group's capabilities only, the hours of all
    its spokes, and what the social budget pays for the hours set aside for them, used or not, as
    it pays a seat (0 when the model does not count it). Their seats (SP1, ...) share the group's
    hours evenly."""
    groups: dict[int, list] = {}
    for spoke in spoke_seats(scenario, catalog):
        groups.setdefault(spoke.group, []).append(spoke)
    out = []
    for index, spokes in groups.items():
        first = spokes[0]
        role = catalog.roles[first.role]
        fit = {cap: role.fit.get(cap, 0.0) for cap in first.capabilities}
        capacity = sum(spoke.capacity for spoke in spokes)
        cost = sum(spoke.annual_cost for spoke in spokes)
        out.append(Unit(f"spokes:{index}", "spoke", first.role, "in_house", fit, role.scope, capacity,
                        cost, 0.0, False, tuple(spoke.seat for spoke in spokes)))
    return out


def retainer_units(scenario: Scenario, catalog: Catalog) -> tuple[Unit, ...]:
    """The scenario's retainers as paid-for outside time: the hours the fee buys at the provider's
    rate, for the capabilities in scope only (a retainer of a provider the catalog lacks is left
    out; its RetainerUse says so by having no hours)."""
    weeks = catalog.settings.weeks_per_year
    out = []
    for index, retainer in enumerate(scenario.retainers):
        provider = catalog.providers.get(retainer.provider)
        if provider is None or provider.rate_sek_hour <= 0:
            continue
        fee = retainer.fee_sek_month * 12.0
        fit = {cap: (provider.fit.get(cap, 0.0) if cap in retainer.scope else 0.0) for cap in CAPABILITIES}
        out.append(Unit(f"R{index + 1}", "retainer", provider.id, provider.type, fit, provider.scope,
                        fee / (provider.rate_sek_hour * weeks), fee, 0.0, False))
    return tuple(out)


def paid_per_hour(unit: Unit) -> bool:
    """Whether the budget pays for each hour of the unit's work: outside providers (in-house seats
    and spokes are paid whole, in the offset)."""
    return not unit.in_house


def _pools_for(unit: Unit, cap: str) -> tuple[str, ...]:
    if cap != "create" or unit.scope == "all":
        return POOLS
    return ("video",) if unit.scope == "video" else ("other",)


# ---- step 3: the programme ------------------------------------------------------------------
@dataclass
class Built:
    program: Program
    work: list[tuple[Unit, str, str, int]]  # unit, capability, pool, column

    @property
    def work_cols(self) -> list[int]:
        return [col for _, _, _, col in self.work]
    order: dict[str, int]  # unit key -> orderer-time column
    heads: dict[str, int]  # group key -> head-count column
    capacity_rows: dict[str, int]
    budget_row: int | None
    coordination_row: int | None
    budget_offset: float  # the bought-work budget is max(0, budget - budget_offset)
    penalty: dict[int, float]  # work column -> the rules' penalty in points an hour
    value_cols: set[int]  # reward columns of the work's value (tranches) and the user's target
    target_short: int | None = None  # hours short of the user's coverage target


def _allowed(unit: Unit, cap: str, scenario: Scenario, policy: Policy, settings) -> bool:
    """In-house people may stretch down to min_fit; what is bought must fit at primary_fit."""
    low = settings.min_fit if unit.in_house else settings.primary_fit
    if unit.fit.get(cap, 0.0) < max(low, EPS):
        return False
    if unit.in_house:
        return cap not in scenario.outsource
    return cap not in scenario.insource and cap not in policy.in_house_only


def build_program(scenario: Scenario, catalog: Catalog, demand: dict, units, providers,
                  policy: Policy) -> Built:
    settings = catalog.settings
    weeks = settings.weeks_per_year
    tiebreak = settings.cost_tiebreak
    program = Program()
    work: list[tuple[Unit, str, str, int]] = []
    by_pool: dict[tuple[str, str], list[int]] = {}
    by_unit: dict[str, list[int]] = {}
    by_unit_cap: dict[tuple[str, str], list[int]] = {}
    groups = [unit for unit in units if unit.kind == "group"]
    agencies: list[tuple[int, list[int], float, float]] = []  # used flag, columns, SEK/h-year, min
    penalty: dict[int, float] = {}
    value_cols: set[int] = set()

    for unit in units + providers:
        for cap in CAPABILITIES:
            if not _allowed(unit, cap, scenario, policy, settings):
                continue
            for pool in _pools_for(unit, cap):
                need = demand[cap][pool]
                if need <= EPS:
                    continue
                fit = unit.fit[cap]
                value = (settings.priority[cap] * fit - policy.penalty(unit, cap, pool)
                         + TIE[cap])
                if paid_per_hour(unit):  # outside work
                    value -= (tiebreak + settings.spend_weight) * unit.rate * weeks
                col = program.var(high=need, cost=value)
                penalty[col] = policy.penalty(unit, cap, pool)
                work.append((unit, cap, pool, col))
                by_pool.setdefault((cap, pool), []).append(col)
                by_unit.setdefault(unit.key, []).append(col)
                by_unit_cap.setdefault((unit.key, cap), []).append(col)

    for (cap, pool), cols in by_pool.items():  # demand
        program.row(dict.fromkeys(cols, 1.0), high=demand[cap][pool])

    heads: dict[str, int] = {}
    if groups:
        for unit in groups:
            # a seat the solver adds costs what the same money would cost paid outside
            heads[unit.key] = program.var(high=scenario.team_size, integer=True,
                                          cost=-(tiebreak + settings.spend_weight) * unit.annual_cost)
            program.meaning[heads[unit.key]] = ("heads", unit.key)
        # up to team_size seats: a seat is filled when the budget pays for it and its work is worth
        # its salary (an idle seat, or one the money cannot pay, is left empty and reported)
        program.row(dict.fromkeys(heads.values(), 1.0), high=scenario.team_size)

    # orderer time: in-house people brief and follow up what is bought
    bought = [col for unit, _, _, col in work if not unit.in_house]
    order: dict[str, int] = {}
    coordination_row = None
    if policy.coordination_per_external_hour > 0 and bought:
        for unit in units:
            if unit.orders:  # the best lead fit orders first, team seats before others
                rank = ORDERER_RANK[unit.kind]
                order[unit.key] = program.var(cost=-1e-6 * (1.01 - unit.fit.get("lead", 0.0))
                                              - 1e-7 * rank)
        terms = dict.fromkeys(order.values(), 1.0)
        for col in bought:
            terms[col] = -policy.coordination_per_external_hour
        coordination_row = program.row(terms, low=0.0)

    capacity_rows: dict[str, int] = {}
    for unit in units:  # capacity, including orderer time
        terms = dict.fromkeys(by_unit.get(unit.key, []), 1.0)
        if unit.key in order:
            terms[order[unit.key]] = 1.0
        if unit.kind == "group":
            terms[heads[unit.key]] = -unit.capacity
            capacity_rows[unit.key] = program.row(terms, high=0.0)
        elif terms:
            capacity_rows[unit.key] = program.row(terms, high=unit.capacity)

    retained: dict[str, float] = {}  # provider id -> the retainers' fees a year
    for unit in providers:
        if unit.kind == "retainer":
            retained[unit.ident] = retained.get(unit.ident, 0.0) + unit.annual_cost
    for unit in providers:  # provider capacity and agency minimums (a retainer is paid as given)
        cols = by_unit.get(unit.key, [])
        if not cols:
            continue
        if unit.capacity < INF:
            program.row(dict.fromkeys(cols, 1.0), high=unit.capacity)
        if unit.kind == "retainer":
            continue
        minimum = max(0.0, catalog.providers[unit.ident].min_retainer_sek_month * 12
                      - retained.get(unit.ident, 0.0))
        if minimum > 0:
            used = program.var(high=1.0, integer=True)
            program.meaning[used] = ("used", unit.key)
            top = sum(program.upper[col] for col in cols)  # each column is capped at its demand
            program.row({**dict.fromkeys(cols, 1.0), used: -top}, high=0.0)
            program.row({**dict.fromkeys(cols, unit.rate * weeks), used: -minimum}, low=0.0)
            agencies.append((used, cols, unit.rate * weeks, minimum))

    # the budget: fees (and the team's cost when the solver chooses it)
    fees = sum(unit.annual_cost for unit in providers if unit.kind == "retainer")  # paid as given
    spokes = sum(unit.annual_cost for unit in units if unit.kind == "spoke")  # paid whole, like seats
    offset = fees + spokes + sum(unit.annual_cost for unit in units if unit.kind == "seat")
    budget_row = None
    if bought or groups:
        terms = {col: unit.rate * weeks for unit, _, _, col in work if paid_per_hour(unit)}
        if groups:  # the team the solver chooses, the fees and the spokes share the budget
            terms.update({heads[unit.key]: unit.annual_cost for unit in groups})
            offset = fees + spokes
        budget_row = program.row(terms, high=max(0.0, scenario.budget_sek - offset))

    def floor_target(floor):
        need = demand[floor.capability]["other"] + demand[floor.capability]["video"]
        fits = [unit for unit in units if unit.fit.get(floor.capability, 0.0) > 0
                and (floor.roles is None or unit.ident in floor.roles)]
        # the solver may hire someone to carry a team floor (lead), never to meet a role's floor
        # (it does not hire a head of social for strategy): those reach as far as present hours
        hired = floor.roles is None and any(unit.kind == "group" for unit in fits)
        reach = INF if hired else sum(u.capacity for u in fits if u.kind != "group")
        return fits, reach, min(floor.min_share * need, reach)

    # a team floor beyond one full seat's hours (the lead of many units, model/orgmodels.py) reaches
    # only as far as the hours a role's own floor (strategy of marketing leadership) leaves its
    # people: one more such person then never raises the floors beyond what their hours can meet
    full_seat = max((role.capacity_hours for role in catalog.roles.values()), default=0.0)
    owned = [(floor.capability, {unit.key for unit in fits}, target) for floor in policy.share_floors
             if floor.roles is not None for fits, _, target in [floor_target(floor)]]
    for floor in policy.share_floors:  # near-hard: a floor short of hours pays 10 points an hour
        fits, reach, target = floor_target(floor)
        keys = {unit.key for unit in fits}
        if floor.roles is None and reach < INF and target > full_seat:
            for cap, people, claim in owned:
                if cap != floor.capability:
                    reach -= min(claim, sum(unit.capacity for unit in fits if unit.key in people))
            target = max(0.0, min(target, reach))
        cols = [col for unit, cap, _, col in work if cap == floor.capability and unit.key in keys]
        if target > EPS and cols:
            short = program.var(cost=-FLOOR_PENALTY)
            program.row({**dict.fromkeys(cols, 1.0), short: 1.0}, low=target)

    total = sum(pools["other"] + pools["video"] for pools in demand.values())
    target_short = None
    if scenario.target_coverage > 0 and total > EPS and work:  # the user's coverage target comes
        # first (10 points an hour short of it), as far as the budget and the people allow
        target_short = program.var(cost=-FLOOR_PENALTY)
        value_cols.add(target_short)
        program.row({**dict.fromkeys((col for _, _, _, col in work), 1.0), target_short: 1.0},
                    low=scenario.target_coverage * total)

    for cap in CAPABILITIES:  # concave value: the first parts of each capability count more
        need = demand[cap]["other"] + demand[cap]["video"]
        cols = [col for _, c, _, col in work if c == cap]
        for share, bonus in settings.tranches if cols else ():
            if share > 0 and bonus > 0:
                reward = program.var(high=share * need, cost=bonus * settings.priority[cap])
                value_cols.add(reward)
                program.row({**dict.fromkeys(cols, 1.0), reward: -1.0}, low=0.0)
    for bonus in policy.bonuses:  # concave rewards: the first hours of a kind of person
        cols = [col for unit, cap, _, col in work if cap == bonus.capability and bonus.who(unit)]
        if cols and bonus.up_to > EPS:
            reward = program.var(high=bonus.up_to, cost=bonus.per_hour)
            program.row({**dict.fromkeys(cols, 1.0), reward: -1.0}, low=0.0)

    spread: list[tuple[int | None, list[int], list[list[int]]]] = []  # heads, flags, columns
    if policy.spread is not None:  # one person cannot do everything: a count of capabilities
        rule = policy.spread
        for unit in units:
            if unit.kind not in ("seat", "group"):
                continue
            held = [cap for cap in CAPABILITIES if by_unit_cap.get((unit.key, cap))]
            carried = [by_unit_cap[(unit.key, cap)] for cap in held]
            if len(carried) <= rule.most:
                continue
            flags = []
            for cap, cols in zip(held, carried, strict=True):  # a flag per capability: hours beyond
                # min_hours need it set
                flag = program.var(high=1.0, integer=True)
                program.meaning[flag] = ("carries", unit.key, cap)
                reach = min(unit.capacity * (scenario.team_size if unit.kind == "group" else 1),
                            sum(program.upper[col] for col in cols))  # a tight bound: the demand
                program.row({**dict.fromkeys(cols, 1.0), flag: -reach}, high=rule.min_hours)
                if unit.kind == "group":  # nobody of the role, no capability carried (a cut)
                    program.row({flag: 1.0, heads[unit.key]: -1.0}, high=0.0)
                flags.append(flag)
            extra = program.var(cost=-rule.per_extra)
            most = {heads[unit.key]: -float(rule.most)} if unit.kind == "group" else {}
            program.row({**dict.fromkeys(flags, 1.0), **most, extra: -1.0},
                        high=0.0 if most else float(rule.most))
            spread.append((heads.get(unit.key), flags, carried))

    def carried_count(values, carried) -> int:
        return sum(1 for cols in carried if sum(values[col] for col in cols) > rule.min_hours + 1e-7)

    def integral(values):
        """An LP plan holds as it is when every agency is unused or at its minimum and every
        head count is whole: set the flags and return the values (else None)."""
        # whole to the solver's own rounding (1e-9): a millionth of a seat is still 34 h x 1e-6 of
        # work that no seat would carry
        if any(abs(values[col] - round(values[col])) > 1e-9 for col in heads.values()):
            return None
        out = values.copy()
        for used, cols, per_hour, minimum in agencies:
            fee = per_hour * sum(values[col] for col in cols)
            if fee <= 1e-3:
                out[used] = 0.0
            elif fee >= minimum - 1e-3:
                out[used] = 1.0
            else:
                return None
        for col in heads.values():
            out[col] = round(values[col])
        for head_col, flags, carried in spread:
            most = rule.most * (round(values[head_col]) if head_col is not None else 1)
            if carried_count(values, carried) > most:
                return None
            for flag, cols in zip(flags, carried, strict=True):
                out[flag] = float(sum(values[col] for col in cols) > rule.min_hours + 1e-7)
        return out

    program.integral = integral
    return Built(program, work, order, heads, capacity_rows, budget_row, coordination_row, offset,
                 penalty, value_cols, target_short)


# ---- step 4: from the solution to seats and lines ------------------------------------------------
def _group_seats(built: Built, values, units) -> tuple[list[Seat], dict[str, list]]:
    """Seats and their (capability, hours) lines. A group of k seats of one role is filled seat by
    seat, capability by capability, so that each person carries as few capabilities as possible."""
    seats: list[Seat] = []
    loads: dict[str, list] = {}  # seat -> [(unit, cap, hours)], plus ("order", hours)
    hours_of: dict[tuple[str, str], float] = {}
    for unit, cap, _, col in built.work:
        if unit.in_house and values[col] > EPS:
            hours_of[(unit.key, cap)] = hours_of.get((unit.key, cap), 0.0) + values[col]
    order_hours = {key: values[col] for key, col in built.order.items() if values[col] > EPS}

    explicit = [unit for unit in units if unit.kind == "seat"]
    groups = [(unit, int(round(values[built.heads[unit.key]]))) for unit in units
              if unit.kind == "group"]
    groups = [(unit, count) for unit, count in groups if count > 0]
    lead_hours = {unit.key: hours_of.get((unit.key, "lead"), 0.0) for unit, _ in groups}
    groups.sort(key=lambda pair: (-lead_hours[pair[0].key], ROLES.index(pair[0].ident)))
    number = len(explicit)
    for unit in explicit:
        seats.append(Seat(unit.key, unit.ident, unit.capacity, unit.annual_cost, unit.fit,
                          unit.scope, True))
        loads[unit.key] = [(unit, cap, hours_of[(unit.key, cap)]) for cap in CAPABILITIES
                           if (unit.key, cap) in hours_of]
        if unit.key in order_hours:
            loads[unit.key].append((unit, "order", order_hours[unit.key]))
    for unit, count in groups:
        items = ([(cap, hours_of[(unit.key, cap)]) for cap in CAPABILITIES
                  if (unit.key, cap) in hours_of])
        if unit.key in order_hours:
            items.insert(0, ("order", order_hours[unit.key]))
        keys = []
        for _ in range(count):
            number += 1
            key = f"S{number}"
            keys.append(key)
            seats.append(Seat(key, unit.ident, unit.capacity, unit.annual_cost, unit.fit,
                              unit.scope, True))
            loads[key] = []
        index, room = 0, unit.capacity
        for cap, hours in items:
            while hours > EPS:
                if room <= EPS and index < count - 1:
                    index, room = index + 1, unit.capacity
                take = hours if index == count - 1 else min(hours, room)
                loads[keys[index]].append((unit, cap, take))
                hours -= take
                room -= take
    for unit in units:
        if unit.kind in ("lead", "volunteer"):
            seats.append(Seat(unit.key, unit.ident, unit.capacity, 0.0, unit.fit, unit.scope, False))
            loads[unit.key] = [(unit, cap, hours_of[(unit.key, cap)]) for cap in CAPABILITIES
                               if (unit.key, cap) in hours_of]
            if unit.key in order_hours:
                loads[unit.key].append((unit, "order", order_hours[unit.key]))
        elif unit.kind == "spoke":  # each spoke of the group gives an even share of its hours
            share = 1.0 / len(unit.members)
            items = [(unit, cap, hours_of[(unit.key, cap)] * share) for cap in CAPABILITIES
                     if (unit.key, cap) in hours_of]
            for key in unit.members:
                seats.append(Seat(key, unit.ident, unit.capacity * share, unit.annual_cost * share,
                                  unit.fit, unit.scope, False, unit.key))
                loads[key] = list(items)
    return seats, loads


@dataclass
class Line:
    capability: str
    unit: Unit
    seat: str | None
    hours: float
    cost: float


def _lines(built: Built, values, seats, loads, catalog: Catalog) -> list[Line]:
    weeks = catalog.settings.weeks_per_year
    lines: list[Line] = []
    cost_of = {seat.seat: seat for seat in seats}
    for seat_id, items in loads.items():
        seat = cost_of[seat_id]
        for unit, cap, hours in items:
            if cap == "order":
                continue
            per_hour = seat.annual_cost / seat.capacity if seat.capacity > 0 else 0.0
            lines.append(Line(cap, unit, seat_id, hours, hours * per_hour))
    bought: dict[tuple[str, str], float] = {}
    for unit, cap, _, col in built.work:
        if not unit.in_house and values[col] > EPS:
            bought[(unit.key, cap)] = bought.get((unit.key, cap), 0.0) + values[col]
    providers = {unit.key: unit for unit, _, _, _ in built.work if not unit.in_house}
    for (key, cap), hours in bought.items():
        unit = providers[key]
        if unit.kind == "retainer":  # its share of the fee
            lines.append(Line(cap, unit, key, hours, hours * unit.annual_cost / unit.capacity))
        else:
            lines.append(Line(cap, unit, None, hours, hours * unit.rate * weeks))
    order = {cap: index for index, cap in enumerate(CAPABILITIES)}
    lines.sort(key=lambda ln: (order[ln.capability], ln.unit.provider_type != "in_house",
                               ln.seat or "", ln.unit.key))
    return lines


# ---- step 5: why each line, and what the next best option was ----------------------------------
def _cost_per_hour(unit: Unit, weeks: float) -> float:
    if unit.kind == "retainer":
        return unit.annual_cost / (unit.capacity * weeks) if unit.capacity > 0 else 0.0
    if not unit.in_house:
        return unit.rate
    return unit.annual_cost / (unit.capacity * weeks) if unit.capacity > 0 else 0.0


def _options(built: Built, values, weeks: float) -> dict[str, list[Unit]]:
    """Per capability, who in the plan could do it, best fit first (then cheapest per hour): the
    team's seats, the head of marketing's and the unpaid hours, and the providers. A role the
    solver left out of the team (no heads) is no option."""
    absent = {key for key, col in built.heads.items() if round(values[col]) == 0}
    out: dict[str, dict[str, Unit]] = {}
    for unit, cap, _, _ in built.work:
        if unit.key not in absent:
            out.setdefault(cap, {})[unit.key] = unit
    return {cap: sorted(units.values(), key=lambda u: (-u.fit[cap], _cost_per_hour(u, weeks), u.key))
            for cap, units in out.items()}


def _reason(line: Line, options: dict[str, list[Unit]], built: Built, scenario: Scenario,
            policy: Policy, catalog: Catalog, spare: dict[str, float],
            short: dict[str, float], money_left: float) -> tuple[str, dict]:
    weeks = catalog.settings.weeks_per_year
    cap, unit = line.capability, line.unit
    pools = set(_pools_for(unit, cap))  # a video house is no alternative to a designer
    alternative = next((u for u in options.get(cap, ())
                        if u.key != unit.key and pools & set(_pools_for(u, cap))), None)
    values = {"fit": unit.fit[cap], "cost_per_hour": _cost_per_hour(unit, weeks),
              "role" if unit.in_house else "provider": unit.ident,
              "alternative": alternative.ident if alternative else None,
              "alternative_type": alternative.provider_type if alternative else None,
              "alternative_fit": alternative.fit[cap] if alternative else None,
              "alternative_cost_per_hour": _cost_per_hour(alternative, weeks) if alternative else None}
    if unit.in_house:
        if cap in policy.in_house_only and cap not in scenario.insource:
            return "kept_in_house_rule", values
        if cap in scenario.insource:
            return "kept_in_house_choice", values
        if unit.fit[cap] < catalog.settings.primary_fit:
            return "stretch", values
        if alternative is None or alternative.fit[cap] <= unit.fit[cap] + EPS:
            return "best_fit", values
        return "in_house_time_paid" if unit.annual_cost > 0 else "unpaid_time", values
    if unit.kind == "retainer":
        values["fee_sek_month"] = unit.annual_cost / 12
        return "retained", values
    # "the budget allows no more": work is left undone and what is left would not buy another
    # hour a week of it for a year
    values["budget_limited"] = (short.get(cap, 0.0) > EPS and built.budget_row is not None
                                and money_left < unit.rate * weeks)
    if cap in scenario.outsource:
        return "outsourced_choice", values
    in_house = [u for u in options.get(cap, ()) if u.in_house]
    if not in_house:
        return "bought_nobody_in_house", values
    if all(spare.get(u.key, 0.0) <= EPS for u in in_house):
        return "bought_team_busy", values
    return "bought_better_fit", values


def retainer_uses(scenario: Scenario, catalog: Catalog, units, assignments, policy: Policy):
    """Each retainer of the scenario: what its fee buys and what the plan does with it."""
    by_key = {unit.key: unit for unit in units}
    out = []
    for index, retainer in enumerate(scenario.retainers):
        key = f"R{index + 1}"
        unit = by_key.get(key)
        provider = catalog.providers.get(retainer.provider)
        used: dict[str, float] = {}
        for line in assignments:
            if line.seat == key:
                used[line.capability] = used.get(line.capability, 0.0) + line.hours
        unusable = tuple(cap for cap in retainer.scope if unit is None
                         or not _allowed(unit, cap, scenario, policy, catalog.settings))
        out.append(RetainerUse(key, retainer.provider, provider.type if provider else "agency",
                               retainer.scope, retainer.fee_sek_month * 12.0,
                               unit.capacity if unit else 0.0, used, unusable))
    return tuple(out)


# ---- step 6: summary ----------------------------------------------------------------------------
def coverage_of(demand_hours: dict[str, float], done: dict[str, float]) -> tuple[dict[str, float], float]:
    """Coverage is work done: hours done / hours needed, per capability and demand-weighted."""
    coverage = {cap: min(1.0, done[cap] / demand_hours[cap]) if demand_hours[cap] > EPS else 1.0
                for cap in CAPABILITIES}
    total = sum(demand_hours.values())
    overall = min(1.0, sum(done.values()) / total) if total > EPS else 1.0
    return coverage, overall


def quality_of(assignments) -> tuple[dict[str, float], float]:
    """Quality is the hours-weighted fit of the work done (0 where nothing is done)."""
    hours = dict.fromkeys(CAPABILITIES, 0.0)
    weighted = dict.fromkeys(CAPABILITIES, 0.0)
    for line in assignments:
        hours[line.capability] += line.hours
        weighted[line.capability] += line.hours * line.fit
    quality = {cap: weighted[cap] / hours[cap] if hours[cap] > EPS else 0.0 for cap in CAPABILITIES}
    total = sum(hours.values())
    return quality, (sum(weighted.values()) / total if total > EPS else 0.0)


def summarise_people(seats, loads) -> tuple[Person, ...]:
    people = []
    for seat in seats:
        items = loads.get(seat.seat, [])
        extra = sum(hours for _, cap, hours in items if cap == "order")
        hours = sum(hours for _, _, hours in items)
        utilisation = hours / seat.capacity if seat.capacity > EPS else 0.0
        caps = tuple(cap for cap in CAPABILITIES if any(c == cap for _, c, _ in items))
        people.append(Person(seat.seat, seat.role, hours, seat.capacity, utilisation, caps,
                             seat.annual_cost, extra, seat.in_team))
    return tuple(people)


def summarise_cost(seats, assignments, budget: float, retainers=()) -> Cost:
    """The cost a year; a retainer's fee counts in full, the part its lines do not use too."""
    in_house = sum(seat.annual_cost for seat in seats)
    agency = sum((line.cost_sek for line in assignments if line.provider_type == "agency"), 0.0)
    freelancer = sum((line.cost_sek for line in assignments if line.provider_type == "freelancer"),
                     0.0)
    for unit in retainers:
        idle = max(0.0, unit.annual_cost - sum(line.cost_sek for line in assignments
                                               if line.seat == unit.key))
        if unit.provider_type == "agency":
            agency += idle
        else:
            freelancer += idle
    total = in_house + agency + freelancer
    return Cost(in_house, agency, freelancer, total, float(budget), float(budget) - total)


def _covered(built: Built, solution: Solution, total: float) -> float:
    if total <= EPS:
        return 1.0
    return float(min(1.0, solution.values[built.work_cols].sum() / total))


def compute_limits(built: Built, solution: Solution, total: float, seats, units,
                   budget: float) -> Limits:
    """What binds the plan: the coverage 100,000 SEK more budget, or one more hour of each
    seat, would add (re-solved as an LP with the same agencies and team as the plan)."""
    program = built.program
    base = _covered(built, solution, total)
    program.relax_fixed(solution)
    budget_gain = 0.0
    if built.budget_row is not None:
        upper = max(0.0, budget + BUDGET_STEP - built.budget_offset)
        budget_gain = max(0.0, _covered(built, program.resolve_with_row_upper(built.budget_row, upper),
                                        total) - base)
    gains: dict[str, float] = {}
    present = ({seat.seat for seat in seats} | {f"role:{seat.role}" for seat in seats}
               | {seat.unit for seat in seats if seat.unit})
    for unit in units:
        row = built.capacity_rows.get(unit.key)
        if row is None or unit.key not in present:  # a role the solver left out has no seat
            continue
        upper = program.row_upper[row] + LIMIT_HOUR
        gains[unit.key] = max(0.0, _covered(built, program.resolve_with_row_upper(row, upper), total)
                              - base)
    seat_gain = {}
    for seat in seats:
        key = seat.unit or (seat.seat if seat.seat in gains else f"role:{seat.role}")
        seat_gain[seat.seat] = gains.get(key, gains.get(seat.seat, 0.0))
    return Limits(BUDGET_STEP, budget_gain, LIMIT_HOUR, seat_gain)


# ---- step 7: rules ------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleContext:
    scenario: Scenario
    catalog: Catalog
    demand: dict[str, float]
    demand_pools: dict[str, dict[str, float]]
    assignments: tuple[Assignment, ...]
    coverage: dict[str, float]
    quality: dict[str, float]
    uncovered: dict[str, float]
    people: tuple[Person, ...]
    cost: Cost
    team: tuple[Seat, ...]
    orderer_bound: bool = False
    buyable_undone: float = 0.0
    retainers: tuple[RetainerUse, ...] = ()

    def in_house_hours(self, cap: str) -> float:
        return sum(line.hours for line in self.assignments
                   if line.capability == cap and line.provider_type == "in_house")

    def seat_hours(self, seat: str, cap: str) -> float:
        return sum(line.hours for line in self.assignments
                   if line.seat == seat and line.capability == cap)

    def external_hours(self, cap: str | None = None) -> float:
        return sum(line.hours for line in self.assignments if line.provider_type != "in_house"
                   and (cap is None or line.capability == cap))

    def best_team_fit(self, cap: str) -> float:
        return max((seat.fit.get(cap, 0.0) for seat in self.team if seat.in_team), default=0.0)

    def provider_fees(self) -> dict[str, float]:
        fees: dict[str, float] = {}
        for line in self.assignments:
            if line.provider_type == "agency":
                fees[line.provider] = fees.get(line.provider, 0.0) + line.cost_sek
        return fees


BUDGET_LEFT = 50_000.0  # SEK a year: below this, no advice speaks of money being left


def check_rules(ctx: RuleContext) -> tuple[Finding, ...]:
    findings = []
    money_left = ctx.cost.remaining >= BUDGET_LEFT
    for rule in ctx.catalog.rules:
        for hit in KINDS[rule.kind].check(rule.params, ctx):
            findings.append(_finding(rule, hit, money_left))
    ranked = sorted(enumerate(findings), key=lambda pair: (SEVERITY_ORDER[pair[1].severity], pair[0]))
    return tuple(finding for _, finding in ranked)


def _finding(rule, hit, money_left: bool) -> Finding:
    """A hit of `rule` as a finding: codes and values; ui/findings.py words it."""
    advice = "advice_budget_left" if money_left and rule.advice_budget_left else "advice"
    return Finding(rule.id, hit.severity or rule.severity, hit.capability, hit.seat, rule.guidance,
                   dict(hit.values), advice)


# ---- the whole ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Solved:
    """A scenario's programme and its optimum, before it is read as a plan (see `assemble`)."""

    demand: dict[str, dict[str, float]]
    units: tuple[Unit, ...]
    policy: Policy
    built: Built
    solution: Solution


def solve(scenario: Scenario, catalog: Catalog) -> Solved:
    """The programme of a scenario, solved. A coverage target shapes the plan only where the
    budget and the people can meet it in full: one out of reach would only trade fit for cheap
    hours without reaching it, so the plan is then the one without a target (and the Simulator
    says what the target costs)."""
    solved = _solve(scenario, catalog)
    short = solved.built.target_short
    if short is not None and solved.solution.values[short] > 1e-6:
        return _solve(replace(scenario, target_coverage=0.0), catalog)
    return solved


def build(scenario: Scenario, catalog: Catalog):
    """A scenario's programme, not yet solved: (demand pools, in-house units, policy, Built)."""
    demand = compute_demand(scenario, catalog)
    demand_hours = {cap: sum(pools.values()) for cap, pools in demand.items()}
    units, providers = build_units(scenario, catalog)
    policy = build_policy(catalog.rules, scenario, demand_hours, catalog)
    return demand, units, policy, build_program(scenario, catalog, demand, units, providers, policy)


def _solve(scenario: Scenario, catalog: Catalog) -> Solved:
    demand, units, policy, built = build(scenario, catalog)
    return Solved(demand, units, policy, built, built.program.solve())


def simulate(scenario: Scenario, catalog: Catalog, *, limits: bool = True) -> Plan:
    """Pure and deterministic: the same scenario and catalog give the same plan.

    limits=False leaves out Plan.limits (re-solves that sweeps do not need)."""
    return assemble(scenario, catalog, solve(scenario, catalog), limits=limits)


@dataclass(frozen=True)
class Figures:
    """The plan's numbers without its lines' reasons, findings and limits: what the Monte Carlo's
    draws need (model/uncertainty.py), computed by the same steps as `assemble`."""

    coverage: dict[str, float]
    overall_coverage: float
    overall_quality: float
    cost: Cost
    people: tuple[Person, ...]


class _Priced(NamedTuple):  # what summarise_cost and quality_of read of an Assignment
    capability: str
    provider_type: str
    seat: str | None
    hours: float
    cost_sek: float
    fit: float


def figures(scenario: Scenario, catalog: Catalog, solved: Solved) -> Figures:
    """Coverage, quality, cost and people of a solved programme; the same numbers as
    `assemble(...)` gives in its Plan (the tests hold them equal), in about half the time."""
    demand_hours = {cap: sum(pools.values()) for cap, pools in solved.demand.items()}
    values = solved.solution.values.tolist()
    seats, loads = _group_seats(solved.built, values, solved.units)
    lines = _lines(solved.built, values, seats, loads, catalog)
    done = dict.fromkeys(CAPABILITIES, 0.0)
    for line in lines:
        done[line.capability] += line.hours
    priced = [_Priced(line.capability, line.unit.provider_type, line.seat, line.hours, line.cost,
                      line.unit.fit[line.capability]) for line in lines]
    coverage, overall = coverage_of(demand_hours, done)
    _quality, overall_quality = quality_of(priced)
    cost = summarise_cost(seats, priced, scenario.budget_sek, retainer_units(scenario, catalog))
    return Figures(coverage, overall, overall_quality, cost, summarise_people(seats, loads))


def assemble(scenario: Scenario, catalog: Catalog, solved: Solved, *, limits: bool = True,
             rules: bool = True) -> Plan:
    """The plan of a solved programme, for `scenario`. A sweep passes the optimum of a scenario
    that differs only in a budget or team size that did not bind it (the same optimum holds).
    rules=False leaves out the findings (the Monte Carlo's draws need only the numbers)."""
    demand, units, policy, built, solution = (solved.demand, solved.units, solved.policy,
                                              solved.built, solved.solution)
    demand_hours = {cap: sum(pools.values()) for cap, pools in demand.items()}
    values = solution.values.tolist()  # plain floats in the plan

    seats, loads = _group_seats(built, values, units)
    lines = _lines(built, values, seats, loads, catalog)
    done = dict.fromkeys(CAPABILITIES, 0.0)
    for line in lines:
        done[line.capability] += line.hours
    uncovered = {cap: max(0.0, demand_hours[cap] - done[cap]) for cap in CAPABILITIES}
    used = {seat.seat: sum(h for _, _, h in loads.get(seat.seat, [])) for seat in seats}
    spare = {}
    for unit in units:
        if unit.kind == "group":
            members = [s for s in seats if s.role == unit.ident and s.in_team]
            spare[unit.key] = sum(s.capacity - used[s.seat] for s in members)
        elif unit.kind == "spoke":
            spare[unit.key] = unit.capacity - sum(used[key] for key in unit.members)
        else:
            spare[unit.key] = unit.capacity - used.get(unit.key, 0.0)
    options = _options(built, values, catalog.settings.weeks_per_year)
    retainers = retainer_units(scenario, catalog)
    money_left = scenario.budget_sek - sum(seat.annual_cost for seat in seats) - sum(
        line.cost for line in lines if not line.unit.in_house and line.unit.kind != "retainer") - sum(
        unit.annual_cost for unit in retainers)
    assignments = tuple(
        Assignment(line.capability, line.unit.provider_type, line.unit.ident, line.seat, line.hours,
                   line.cost, line.unit.fit[line.capability], *_reason(
                       line, options, built, scenario, policy, catalog, spare, uncovered, money_left))
        for line in lines)
    coverage, overall = coverage_of(demand_hours, done)
    quality, overall_quality = quality_of(assignments)
    people = summarise_people(seats, loads)
    cost = summarise_cost(seats, assignments, scenario.budget_sek, retainers)
    uses = retainer_uses(scenario, catalog, retainers, assignments, policy)
    coordination_hours = sum(person.coordination_hours for person in people)
    orderers = [unit.key for unit in units if unit.orders]
    orderer_bound = all(spare.get(key, 0.0) <= EPS for key in orderers)
    buyable = {cap for unit, cap, _, _ in built.work if not unit.in_house}
    buyable_undone = sum(uncovered[cap] for cap in buyable)
    ctx = RuleContext(scenario, catalog, demand_hours, demand, assignments, coverage, quality,
                      uncovered, people, cost, tuple(seats), orderer_bound, buyable_undone, uses)
    plan_limits = (compute_limits(built, solution, sum(demand_hours.values()), seats, units,
                                  scenario.budget_sek)
                   if limits else None)
    return Plan(scenario=scenario, demand=demand_hours, assignments=assignments,
                coverage=coverage, overall_coverage=overall, quality=quality,
                overall_quality=overall_quality, people=people, cost=cost,
                findings=check_rules(ctx) if rules else (), uncovered=uncovered,
                coordination_hours=coordination_hours, limits=plan_limits,
                objective=solution.objective, retainers=uses)
