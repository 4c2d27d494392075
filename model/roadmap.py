"""The hiring roadmap by quarter (issue 14): when each seat still to be recruited should start, what
outside work bridges the gap meanwhile, and the team, coverage, quality and cost of every quarter.

    from model.roadmap import roadmap
    road = roadmap(Scenario(team=("social_media_manager", "community_manager"), hires=1,
                            growth_per_quarter=0.08), catalog)
    [hire.start for hire in road.hires]      # quarter indices, 0 = the coming quarter; None = never

The target team is the scenario's team (its explicit `team`, or else the roles its plan chooses for
`team_size`). Its last `scenario.hires` seats are still to be recruited; the others are on board
from quarter 0. A seat's lead time is the months to hire plus the new hire's notice period
(data/roadmap.yaml, with its sources); recruited from the start of a quarter, it works from the first
whole quarter after its lead time: quarter ceil(lead / 3) at the earliest (5.6 months -> quarter 2).

Workload of quarter q: posts_per_week, inbound_per_week and ad_spend_sek_month scaled by
(1 + growth_per_quarter)^q, rounded to whole numbers and kept within their fields' ranges; channels,
influencers, video share and everything else stay as they are.

Each quarter's plan is `simulate` of that quarter's scenario with the seats on board as its explicit
team (the same optimum as on the Simulator). Which seats are on board in which quarter is chosen by
a mixed-integer programme solved by HiGHS (model/solver.py): one state per quarter (how many of the
pending seats of each role are on board; seats of one role are interchangeable), a hired seat stays
(no count ever falls), no seat before its earliest quarter, and the objective

    maximise  sum over quarters of  the quarter's plan objective / the price of money - seat salaries

the Simulator's own weighing (work done by fit and priority, less outside spend and the rules'
penalties, at settings.spend_weight points per SEK), with the team seats' salaries, fixed in each
quarter's plan, counted at the same price: a seat is hired in the first quarter from which the
Simulator would fill it, because its better-fitted work (a lead in-house, a specialist on their
craft) is worth its salary. With more than MAX_STATES combinations of pending seats, the pending
seats are hired in their order in the team (`Roadmap.ordered`), the quarters still chosen by the programme.

Pure and deterministic; no dates (quarter indices only: the pages write "Q1 2027"); no caching.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import DATA_DIR, Catalog, _Reader
from .engine import simulate, team_roles
from .errors import CatalogError, Problem
from .plan import Plan
from .scenario import SPECS, Scenario
from .solver import Program
from .vocab import ROLES
from .yamlsafe import YamlProblem, load_text

FILE = "roadmap"
MONTHS_PER_QUARTER = 3
MAX_STATES = 32  # combinations of pending seats on board; beyond it, seats are hired in team order
GROWN = ("posts_per_week", "inbound_per_week", "ad_spend_sek_month")  # the volumes growth scales
MONTH_LIMITS = {"hiring_months": (0.0, 24.0), "notice_months": (0.0, 12.0)}
SETTING_KEYS = ("value", "unit", "source")
ROLE_KEYS = ("id", "hiring_months", "notice_months", "source")
TOP_KEYS = ("hiring_months", "notice_months", "roles")


# ---- lead times (data/roadmap.yaml) ---------------------------------------------------------------
@dataclass(frozen=True)
class LeadTimes:
    """Months from the start of a recruitment to the first working day: hiring plus notice, with a
    default and optional overrides per role (role -> (hiring, notice) months). Sources are data."""

    hiring_months: float
    notice_months: float
    roles: dict[str, tuple[float, float]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "hiring_months" | "notice_months" | role

    def hiring(self, role: str) -> float:
        return self.roles.get(role, (self.hiring_months, self.notice_months))[0]

    def notice(self, role: str) -> float:
        return self.roles.get(role, (self.hiring_months, self.notice_months))[1]

    def months(self, role: str) -> float:
        return self.hiring(role) + self.notice(role)

    def quarters(self, role: str) -> int:
        """The first quarter a seat recruited from quarter 0 works in full: ceil(months / 3)."""
        return math.ceil(round(self.months(role) / MONTHS_PER_QUARTER, 9))


def load_lead_times(folder: str | Path | None = None) -> LeadTimes:
    """Read and validate roadmap.yaml in `folder` (data/ by default). Raises CatalogError naming
    the file, the entry and the key."""
    folder = Path(folder) if folder is not None else DATA_DIR
    origin = "data" if folder.resolve() == DATA_DIR else str(folder)
    file = folder / f"{FILE}.yaml"
    if not file.is_file():
        raise CatalogError(f"{origin}/{FILE}.yaml", None, None, Problem("data.file_missing"))
    try:
        doc = load_text(file.read_bytes())
    except YamlProblem as problem:
        raise CatalogError(f"{origin}/{FILE}.yaml", None, None, problem.problem) from None
    return lead_times_from(doc, origin=origin)


def lead_times_from(doc: Any, *, origin: str = "data") -> LeadTimes:
    """Validate a parsed roadmap.yaml (`{"roadmap": {...}}`) into LeadTimes. Raises CatalogError."""
    reader = _Reader(origin)
    body = reader.section(doc, FILE, dict)
    reader.known(body, TOP_KEYS)
    defaults: dict[str, float] = {}
    sources: dict[str, str] = {}
    for key in ("hiring_months", "notice_months"):
        reader.entry = None
        item = reader.need(body, key)
        reader.entry = key
        if not isinstance(item, dict):
            reader.fail(None, "type.mapping_with", keys=SETTING_KEYS)
        reader.known(item, SETTING_KEYS)
        low, high = MONTH_LIMITS[key]
        defaults[key] = reader.number(item, "value", low, high)
        sources[key] = reader.text(item, "source")
    reader.entry = None
    roles: dict[str, tuple[float, float]] = {}
    listed = body.get("roles", [])
    if listed is None:
        listed = []
    if not isinstance(listed, list):
        reader.fail("roles", "type.list")
    for index, item in enumerate(listed):
        reader.entry = f"roles[{index}]"
        if not isinstance(item, dict):
            reader.fail(None, "type.mapping")
        ident = item.get("id")
        if isinstance(ident, str):
            reader.entry = f"roles[{index}] (id={ident[:60]})"
        reader.known(item, ROLE_KEYS)
        role = reader.one_of(reader.need(item, "id"), ROLES, "id")
        if role in roles:
            reader.fail("id", "id.duplicate", id=role)
        values = {key: reader.number(item, key, *MONTH_LIMITS[key], default=None) for key in MONTH_LIMITS}
        if all(value is None for value in values.values()):
            reader.fail("hiring_months", "key.missing")
        sources[role] = reader.text(item, "source")
        roles[role] = tuple(defaults[key] if values[key] is None else values[key] for key in MONTH_LIMITS)
    return LeadTimes(defaults["hiring_months"], defaults["notice_months"], roles, sources)


# ---- the roadmap ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hire:
    """A seat still to be recruited. earliest: the first quarter it can work (recruited from quarter
    0); start: the quarter it starts in the roadmap (None: not worth hiring within the horizon);
    recruiting_from: start - lead quarters (None with start). Quarters are 0-based indices."""

    seat: str
    role: str
    lead_months: float
    lead_quarters: int
    earliest: int
    start: int | None
    recruiting_from: int | None
    carries: tuple[str, ...] = ()  # the capabilities it works on in its first quarter on board

    def recruiting_in(self, quarter: int) -> bool:
        return self.start is not None and self.recruiting_from <= quarter < self.start

    def on_board_in(self, quarter: int) -> bool:
        return self.start is not None and quarter >= self.start


@dataclass(frozen=True)
class Bridge:
    """Outside work in a quarter on a capability that a seat not yet on board carries in its first
    quarter on board: the provider, hours a week, cost SEK in the quarter, and the seats it bridges."""

    capability: str
    provider: str
    provider_type: str  # agency | freelancer
    hours: float
    cost_sek: float
    seats: tuple[str, ...]


@dataclass(frozen=True)
class Quarter:
    """One quarter of the roadmap (index 0 = the coming quarter). Money is SEK for the quarter (a
    quarter of the year's plan); hours are per week; coverage and quality 0..1."""

    index: int
    team: tuple[tuple[str, str], ...]  # (seat, role) on board
    recruiting: tuple[str, ...]  # seats being recruited this quarter
    bridges: tuple[Bridge, ...]
    gaps: dict[str, float]  # capability a seat not yet on board will carry -> hours a week not done
    workload: dict[str, int]  # the grown volumes (GROWN)
    demand_hours: float
    hours_done: float
    coverage: float
    quality: float
    in_house: float
    agency: float
    freelancer: float
    total: float
    budget: float
    critical: int
    plan: Plan = field(compare=False, repr=False)
    seat_ids: dict[str, str] = field(compare=False, repr=False)  # the plan's seat -> the team's seat

    @property
    def external(self) -> float:
        return self.agency + self.freelancer

    def person(self, seat: str):
        """The plan's Person of a team seat on board this quarter (None when not on board)."""
        own = {team: plan_seat for plan_seat, team in self.seat_ids.items()}
        return next((p for p in self.plan.people if p.seat == own.get(seat)), None)

    def seat_hours(self) -> dict[str, float]:
        """Team seat -> hours a week it works this quarter (seats on board only)."""
        return {self.seat_ids[p.seat]: p.hours for p in self.plan.people if p.seat in self.seat_ids}


@dataclass(frozen=True)
class Roadmap:
    """Quarters, the seats still to recruit, and totals over the horizon (SEK; each the plain sum of
    the quarters in order). hour_value: SEK a year one point of a plan's objective is worth."""

    quarters: tuple[Quarter, ...]
    hires: tuple[Hire, ...]
    team: tuple[tuple[str, str], ...]  # the target team: (seat, role)
    in_house: float
    agency: float
    freelancer: float
    total: float
    budget: float
    hour_value: float
    objective: float
    states: int  # states the programme chose among
    ordered: bool  # True: too many combinations, pending seats hired in team order
    lead_times: LeadTimes | None = field(default=None, compare=False, repr=False)  # what it used

    @property
    def horizon(self) -> int:
        return len(self.quarters)

    @property
    def first_start(self) -> int | None:
        starts = [hire.start for hire in self.hires if hire.start is not None]
        return min(starts) if starts else None

    @property
    def end_coverage(self) -> float:
        return self.quarters[-1].coverage if self.quarters else 0.0

    @property
    def hired(self) -> tuple[Hire, ...]:
        return tuple(hire for hire in self.hires if hire.start is not None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain values (without the quarter plans)."""
        return {
            "team": [list(seat) for seat in self.team],
            "hires": [vars(hire) | {"carries": list(hire.carries)} for hire in self.hires],
            "quarters": [{
                "index": q.index, "team": [list(seat) for seat in q.team], "recruiting": list(q.recruiting),
                "bridges": [vars(b) | {"seats": list(b.seats)} for b in q.bridges], "gaps": dict(q.gaps),
                "workload": dict(q.workload), "demand_hours": q.demand_hours, "hours_done": q.hours_done,
                "coverage": q.coverage, "quality": q.quality, "in_house": q.in_house, "agency": q.agency,
                "freelancer": q.freelancer, "total": q.total, "budget": q.budget, "critical": q.critical,
            } for q in self.quarters],
            "in_house": self.in_house, "agency": self.agency, "freelancer": self.freelancer,
            "total": self.total, "budget": self.budget, "hour_value": self.hour_value,
            "objective": self.objective, "states": self.states, "ordered": self.ordered,
        }


def grown_workload(scenario: Scenario, quarter: int) -> dict[str, int]:
    """The volumes of quarter `quarter`: each scaled by (1 + growth)^quarter, rounded, in range."""
    factor = (1.0 + scenario.growth_per_quarter) ** quarter
    out = {}
    for name in GROWN:
        spec = SPECS[name]
        out[name] = int(min(spec.high, max(spec.low, round(getattr(scenario, name) * factor))))
    return out


@dataclass(frozen=True)
class _Outcome:
    plan: Plan
    seat_ids: dict[str, str]
    hours: float
    in_house: float
    agency: float
    freelancer: float


def roadmap(scenario: Scenario, catalog: Catalog, lead_times: LeadTimes | None = None) -> Roadmap:
    """The hiring roadmap of a scenario over its horizon (see the module's docstring)."""
    lead = lead_times if lead_times is not None else load_lead_times()
    roles = tuple(team_roles(scenario, catalog))
    seats = tuple(f"S{index + 1}" for index in range(len(roles)))
    pending_count = min(scenario.hires, len(roles))
    first_pending = len(roles) - pending_count
    pending_roles: list[str] = []  # roles with pending seats, in team order
    pending_of: dict[str, list[int]] = {}  # role -> its pending seats' indices, in team order
    for index in range(first_pending, len(roles)):
        role = roles[index]
        if role not in pending_of:
            pending_roles.append(role)
            pending_of[role] = []
        pending_of[role].append(index)
    earliest = {role: lead.quarters(role) for role in pending_roles}

    # states: how many pending seats of each role are on board
    combinations = math.prod(len(pending_of[role]) + 1 for role in pending_roles)
    ordered = combinations > MAX_STATES
    if ordered:
        states = []
        for count in range(pending_count + 1):
            hired = [roles[index] for index in range(first_pending, first_pending + count)]
            states.append(tuple(hired.count(role) for role in pending_roles))
    else:
        states = list(itertools.product(*(range(len(pending_of[role]) + 1) for role in pending_roles)))

    def on_board(state: tuple[int, ...]) -> tuple[int, ...]:
        chosen = set(range(first_pending))
        for role, count in zip(pending_roles, state, strict=True):
            chosen.update(pending_of[role][:count])
        return tuple(sorted(chosen))

    def allowed(quarter: int, state: tuple[int, ...]) -> bool:
        return all(count == 0 or quarter >= earliest[role]
                   for role, count in zip(pending_roles, state, strict=True))

    horizon = scenario.horizon_quarters
    workloads = [grown_workload(scenario, quarter) for quarter in range(horizon)]
    outcomes: dict[tuple, _Outcome] = {}

    def outcome(quarter: int, state: tuple[int, ...]) -> _Outcome:
        key = (tuple(workloads[quarter].values()), state)
        if key not in outcomes:
            board = on_board(state)
            team = tuple(roles[index] for index in board)
            plan = simulate(scenario.replace(team=team, team_size=len(team), **workloads[quarter]), catalog,
                            limits=False)
            cost = plan.cost
            outcomes[key] = _Outcome(plan, {f"S{n + 1}": seats[index] for n, index in enumerate(board)},
                                     sum(line.hours for line in plan.assignments),
                                     cost.in_house / 4, cost.agency / 4, cost.freelancer / 4)
        return outcomes[key]

    settings = catalog.settings
    money = settings.cost_tiebreak + settings.spend_weight  # points per SEK a year
    hour_value = 1.0 / money  # SEK a year that one point of the plan's objective is worth

    def value(result: _Outcome) -> float:
        """The quarter's plan as the Simulator weighs it, in thousands of SEK: its objective (work
        done weighted by fit and priority, less the price of outside work and the rules' penalties)
        at the plan's own price of money, less the team seats' salaries (fixed in that plan, so
        not in its objective). A seat is worth hiring exactly when the Simulator would fill it."""
        seats = sum(person.cost_sek for person in result.plan.people if person.in_team)
        return (result.plan.objective * hour_value - seats) / 4 / 1000.0

    chosen, objective = _choose(horizon, states, pending_roles, allowed, lambda q, s: value(outcome(q, s)))

    starts: dict[int, int | None] = {}
    for position, role in enumerate(pending_roles):
        for rank, index in enumerate(pending_of[role]):
            starts[index] = next((q for q in range(horizon) if chosen[q][position] > rank), None)
    # what each hired seat carries in its first quarter on board
    carries: dict[str, tuple[str, ...]] = {}
    for index in range(first_pending, len(roles)):
        start = starts[index]
        if start is None:
            continue
        result = outcome(start, chosen[start])
        own = {team: plan_seat for plan_seat, team in result.seat_ids.items()}
        person = next((p for p in result.plan.people if p.seat == own[seats[index]]), None)
        carries[seats[index]] = person.capabilities if person is not None else ()
    hires = []
    for index in range(first_pending, len(roles)):
        role, start = roles[index], starts[index]
        quarters = lead.quarters(role)
        hires.append(Hire(seats[index], role, lead.months(role), quarters, quarters, start,
                          None if start is None else start - quarters, carries.get(seats[index], ())))

    quarters = []
    for quarter in range(horizon):
        result = outcome(quarter, chosen[quarter])
        plan = result.plan
        waiting = [hire for hire in hires if hire.start is not None and quarter < hire.start]
        bridges: dict[tuple[str, str], list] = {}
        for line in plan.assignments:
            if line.provider_type == "in_house" or line.hours <= 1e-9:
                continue
            bridged = tuple(hire.seat for hire in waiting if line.capability in carries[hire.seat])
            if not bridged:
                continue
            entry = bridges.setdefault((line.capability, line.provider),
                                       [line.provider_type, 0.0, 0.0, bridged])
            entry[1] += line.hours
            entry[2] += line.cost_sek / 4
        waited = {cap for hire in waiting for cap in carries[hire.seat]}
        gaps = {cap: plan.uncovered[cap] for cap in plan.uncovered if cap in waited}
        team = tuple((seats[index], roles[index]) for index in on_board(chosen[quarter]))
        quarters.append(Quarter(
            index=quarter, team=team,
            recruiting=tuple(hire.seat for hire in hires if hire.recruiting_in(quarter)),
            bridges=tuple(Bridge(cap, provider, kind, hours, cost, bridged)
                          for (cap, provider), (kind, hours, cost, bridged) in bridges.items()),
            gaps=gaps,
            workload=dict(workloads[quarter]), demand_hours=plan.total_demand, hours_done=result.hours,
            coverage=plan.overall_coverage, quality=plan.overall_quality,
            in_house=result.in_house, agency=result.agency, freelancer=result.freelancer,
            total=result.in_house + result.agency + result.freelancer, budget=scenario.budget_sek / 4,
            critical=plan.count("critical"), plan=plan, seat_ids=dict(result.seat_ids)))
    return Roadmap(
        quarters=tuple(quarters), hires=tuple(hires), team=tuple(zip(seats, roles, strict=True)),
        in_house=sum(q.in_house for q in quarters), agency=sum(q.agency for q in quarters),
        freelancer=sum(q.freelancer for q in quarters), total=sum(q.total for q in quarters),
        budget=sum(q.budget for q in quarters), hour_value=hour_value, objective=objective,
        states=len(states), ordered=ordered, lead_times=lead)


def _choose(horizon: int, states: list[tuple[int, ...]], roles: list[str], allowed, value,
            ) -> tuple[list[tuple[int, ...]], float]:
    """The state of each quarter: the optimum of the programme described in the module's docstring
    (binary y[q, s], one state a quarter, no role's count falling from one quarter to the next)."""
    if len(states) == 1:
        return [states[0]] * horizon, sum(value(q, states[0]) for q in range(horizon))
    program = Program()
    cols: dict[tuple[int, int], int] = {}
    for quarter in range(horizon):
        for number, state in enumerate(states):
            if allowed(quarter, state):
                # a hair of a point for each seat on board: equal quarters keep the seat unhired
                cols[quarter, number] = program.var(high=1.0, integer=True,
                                                    cost=value(quarter, state) - 1e-6 * sum(state))
        program.row({cols[quarter, n]: 1.0 for n in range(len(states)) if (quarter, n) in cols},
                    low=1.0, high=1.0)
    for position in range(len(roles)):
        for quarter in range(1, horizon):
            terms: dict[int, float] = {}
            for number, state in enumerate(states):
                count = float(state[position])
                if count and (quarter, number) in cols:
                    terms[cols[quarter, number]] = terms.get(cols[quarter, number], 0.0) + count
                if count and (quarter - 1, number) in cols:
                    terms[cols[quarter - 1, number]] = terms.get(cols[quarter - 1, number], 0.0) - count
            if terms:
                program.row(terms, low=0.0)
    solution = program.solve()
    chosen = []
    for quarter in range(horizon):
        picked = max((n for n in range(len(states)) if (quarter, n) in cols),
                     key=lambda n: solution.values[cols[quarter, n]])
        chosen.append(states[picked])
    return chosen, float(solution.objective)


__all__ = ["Bridge", "Hire", "LeadTimes", "Quarter", "Roadmap", "grown_workload", "lead_times_from",
           "load_lead_times", "roadmap"]
