"""The July test and single points of failure (issue 13; guidance 9: one person cannot do everything).

Swedish law (Semesterlagen §12) gives every employee at least four consecutive weeks of holiday in
June–August. A plan that only works while everyone is at their desk fails every summer. This module
takes each person of the team out in turn and says what happens to their work, and which
capabilities rest on one person. Pure: codes and numbers (ui/ words them).

    result = continuity(plan, catalog)           # or july_test(scenario=..., ...) from a RuleContext
    result.hours_at_risk, result.cover_cost_sek, result.matrix(), result.single_points

In-house people
    The team's seats (Person.in_team; fit and creation scope of their role, catalog.roles), the head
    of marketing's hours (seat 'marketing_lead': head_of_marketing's fit for strategy, lead and
    analyze only) and the unpaid hours (seat 'volunteers': settings.volunteer_fit), as
    model/engine.py build_units has them. Only people in the plan (Plan.people) count.

The July test (rule kind holiday_cover; `weeks`, `min_fit`, `first` are its parameters)
    Each team seat that carries work in the plan is, in turn, away for `weeks` weeks (a seat with
    no capability hours is skipped; weeks = 0: nobody is away).
    1. absent: the hours a week it carries of each capability. Creation is split into its two
       crafts (model/engine.py pools): a seat of scope video does video work, non_video the rest,
       and an all-round seat's creation hours are split in proportion to the creation work of each
       craft that no one-craft seat or provider does in the plan (the craft's demand less the
       hours those do; the whole demand when that leaves nothing).
    2. covered: from the spare time (capacity less hours, at least 0) of the other in-house
       people, each only where they fit the capability at `min_fit` or better (useful fit; never
       below settings.min_fit), only the craft their scope takes, and never a capability the user
       outsources. A linear programme (HiGHS, model.solver) maximises Σ weight·fit·hours with
       weight = the capability's settings.priority, plus FIRST_WEIGHT for `first` (community:
       customers keep writing in July), so `first` is covered before anything else; equal plans
       are told apart the same way every time (earlier capability, then earlier seat). Nothing is
       solved when nobody has spare time at a useful fit, nor when no row can bind (then every
       column at its bound is the optimum).
    3. bought: what is left, per capability and craft, from the provider that fits it at
       settings.primary_fit or better at the lowest rate per fit-hour (rate / fit; then rate, then
       id), as far as its max_hours_week leaves after the plan's own use of it, then from the next.
       Never a capability the user keeps in-house (Scenario.insource) or the rules do
       (Policy.in_house_only: lead), nor one no provider fits; a one-craft provider only takes its
       craft. Agency minimum fees are not counted: a few weeks of cover are priced by the hour.
       cost_sek = hours a week × rate × weeks.
    4. undone: what is still left (it cannot be bought, or nobody sells enough of it).
    at_risk = bought + undone: the hours a week of the absent person's work that nobody in-house
    covers. Continuity.hours_at_risk is the worst absence's; cover_cost_sek the sum over absences.

Single points of failure (rule kind backup_required; `min_fit`, `min_hours` its parameters)
    A capability with demand of at least `min_hours` a week is a single point when the team carries
    some of it in-house (team seats together more than HOURS_EPS a week; a capability done wholly
    outside the team, or only by the head of marketing or unpaid hours, is none of the team's) and
        - exactly one team seat's role fits it at `min_fit` or better: that seat is the holder; or
        - no team seat fits it so, and one in-house person alone carries it in the plan, a team
          seat: that seat is the holder.
    Two one-craft seats (a video producer and a graphic designer) both count as fitting creation.
    The backup is the other in-house person (team seat, head of marketing's hours, unpaid hours)
    who fits the capability best, at settings.min_fit or better (ties: team seats first, then seat
    order; for creation a scope that takes the holder's craft); else the provider that would be
    bought (as in 3., its scope taking the holder's craft); else none.

Parameters come from the first rule of the catalog with the kind (Catalog.rules); a catalog without
such a rule uses the kind's defaults (model/rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .demand import compute_demand
from .orgmodels import spoke_seats
from .rules import KINDS, Hit, Param, build_policy, register
from .solver import Program
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT, VOLUNTEER_ROLE, VOLUNTEER_SEAT

HOLIDAY_KIND = "holiday_cover"
BACKUP_KIND = "backup_required"
EPS = 1e-7
HOURS_EPS = 0.05  # h/week: less than this of a capability is noise, not work someone carries
FIRST_WEIGHT = 100.0  # points an hour at fit 1 on top of `first`'s priority: it is covered first
LEAD_CAPABILITIES = ("strategy", "lead", "analyze")  # what the head of marketing's hours do
OTHER, VIDEO = "other", "video"  # the crafts of creation (model/engine.py POOLS)
CRAFT_OF_SCOPE = {"video": VIDEO, "non_video": OTHER}  # a one-craft scope -> its craft


# ---- results --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cover:
    """Hours a week of the absent person's `capability` that `seat` (in-house) takes over."""

    capability: str
    seat: str
    role: str
    hours: float


@dataclass(frozen=True)
class Bought:
    """Hours a week of the absent person's `capability` bought from a provider while they are away;
    cost_sek for the whole absence (hours × rate × weeks)."""

    capability: str
    provider: str
    provider_type: str
    hours: float
    cost_sek: float


@dataclass(frozen=True)
class Absence:
    """One team seat away for `weeks` weeks. absent and undone: capability -> hours a week
    (`first` first, then the fixed capability order; only capabilities with hours)."""

    seat: str
    role: str
    weeks: int
    absent: dict[str, float]
    covered: tuple[Cover, ...]
    bought: tuple[Bought, ...]
    undone: dict[str, float]

    @property
    def absent_hours(self) -> float:
        return sum(self.absent.values())

    @property
    def covered_hours(self) -> float:
        return sum(item.hours for item in self.covered)

    @property
    def bought_hours(self) -> float:
        return sum(item.hours for item in self.bought)

    @property
    def undone_hours(self) -> float:
        return sum(self.undone.values())

    @property
    def at_risk(self) -> float:
        """Hours a week of the absent person's work that nobody in-house covers (bought + undone)."""
        return self.bought_hours + self.undone_hours

    @property
    def cover_cost_sek(self) -> float:
        return sum(item.cost_sek for item in self.bought)

    def covered_by_capability(self) -> dict[str, float]:
        return _sum_by(self.absent, ((item.capability, item.hours) for item in self.covered))

    def bought_by_capability(self) -> dict[str, float]:
        return _sum_by(self.absent, ((item.capability, item.hours) for item in self.bought))

    def at_risk_by_capability(self) -> dict[str, float]:
        """capability -> hours a week not covered in-house (every capability of `absent`)."""
        bought = self.bought_by_capability()
        return {cap: bought[cap] + self.undone.get(cap, 0.0) for cap in self.absent}


def _sum_by(keys: dict[str, float], pairs) -> dict[str, float]:
    out = dict.fromkeys(keys, 0.0)
    for cap, hours in pairs:
        out[cap] = out.get(cap, 0.0) + hours
    return out


@dataclass(frozen=True)
class SinglePoint:
    """A capability that rests on one team seat (see the module's docstring). backup_kind is
    "seat" (backup: a seat id, the head of marketing's or the unpaid hours included), "provider"
    (backup: a provider id) or None (no backup). demand: the capability's hours a week; hours: what
    the holder carries of it in the plan."""

    capability: str
    holder_seat: str
    holder_role: str
    backup_kind: str | None
    backup: str | None
    demand: float
    hours: float = 0.0
    backup_fit: float | None = None


@dataclass(frozen=True)
class Continuity:
    """The July test of a plan (one Absence per team seat that carries work, in seat order) and its
    single points of failure (`first` first, then the fixed capability order)."""

    absences: tuple[Absence, ...]
    single_points: tuple[SinglePoint, ...]
    weeks: int
    first: str = "community"
    max_hours_at_risk: float = 0.0  # the holiday rule's threshold (h/week), for a tile to compare

    @property
    def capabilities(self) -> tuple[str, ...]:
        """The capability order of the views: `first`, then the fixed order."""
        return _ordered(self.first)

    @property
    def worst(self) -> Absence | None:
        """The absence with the most hours at risk (the first such seat on a tie)."""
        return max(self.absences, key=lambda item: item.at_risk, default=None) if self.absences else None

    @property
    def hours_at_risk(self) -> float:
        """Hours a week not covered in-house in the worst absence (0 with nobody away)."""
        worst = self.worst
        return worst.at_risk if worst is not None else 0.0

    @property
    def cover_cost_sek(self) -> float:
        """What buying the cover costs, all absences together."""
        return sum(item.cover_cost_sek for item in self.absences)

    @property
    def undone_hours(self) -> float:
        """Hours a week left undone in the absence that leaves the most undone."""
        return max((item.undone_hours for item in self.absences), default=0.0)

    @property
    def within_limit(self) -> bool:
        return self.hours_at_risk <= self.max_hours_at_risk + 1e-9

    def absence(self, seat: str) -> Absence | None:
        return next((item for item in self.absences if item.seat == seat), None)

    def single_point(self, capability: str) -> SinglePoint | None:
        return next((item for item in self.single_points if item.capability == capability), None)

    def matrix(self, part: str = "at_risk") -> dict[str, dict[str, float]]:
        """seat -> capability -> hours a week, for a person × capability heatmap: every absence
        (seat order) and every capability (`capabilities` order, 0 where none). part: "at_risk"
        (not covered in-house), "absent", "covered", "bought" or "undone"."""
        views = {
            "at_risk": Absence.at_risk_by_capability, "absent": lambda a: a.absent,
            "covered": Absence.covered_by_capability, "bought": Absence.bought_by_capability,
            "undone": lambda a: a.undone,
        }
        if part not in views:
            raise ValueError(f"part is one of {', '.join(views)}")
        caps = self.capabilities
        out = {}
        for item in self.absences:
            values = views[part](item)
            out[item.seat] = {cap: values.get(cap, 0.0) for cap in caps}
        return out


# ---- parameters ----------------------------------------------------------------------------------
def rule_params(catalog, kind: str) -> dict[str, Any]:
    """The parameters of the catalog's first rule of `kind`, or the kind's defaults without one."""
    rule = next((rule for rule in catalog.rules if rule.kind == kind), None)
    if rule is not None:
        return dict(rule.params)
    return {key: param.default for key, param in KINDS[kind].params.items()}


def _ordered(first: str) -> tuple[str, ...]:
    return (first,) + tuple(cap for cap in CAPABILITIES if cap != first)


# ---- who is in-house -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Helper:
    index: int  # seat order in Plan.people
    seat: str
    role: str
    fit: dict[str, float]
    scope: str
    spare: float
    in_team: bool


def _helpers(people, catalog, scenario=None) -> list[_Helper]:
    """Every in-house person of the plan with their fit, scope and spare time. A spoke of the
    organisation model fits only the capabilities its model lets it do (model/orgmodels.py)."""
    allowed = ({spoke.seat: spoke.capabilities for spoke in spoke_seats(scenario, catalog)}
               if scenario is not None else {})
    out = []
    for index, person in enumerate(people):
        if person.seat == MARKETING_LEAD_SEAT:
            head = catalog.roles.get("head_of_marketing")
            fit = {cap: head.fit.get(cap, 0.0) for cap in LEAD_CAPABILITIES} if head else {}
            scope = "all"
        elif person.seat == VOLUNTEER_SEAT or person.role == VOLUNTEER_ROLE:
            fit, scope = dict(catalog.settings.volunteer_fit), "all"
        else:
            role = catalog.roles.get(person.role)
            fit, scope = (dict(role.fit), role.scope) if role else ({}, "all")
            if person.seat in allowed:
                fit = {cap: value for cap, value in fit.items() if cap in allowed[person.seat]}
        out.append(_Helper(index, person.seat, person.role, fit, scope,
                           max(0.0, person.capacity - person.hours), person.in_team))
    return out


def _takes(scope: str, craft: str | None) -> bool:
    """Whether a scope ("all", "video", "non_video") takes a craft (None: not creation)."""
    return craft is None or scope == "all" or CRAFT_OF_SCOPE.get(scope) == craft


def _compatible(scope: str, other: str) -> bool:
    """Whether two creation scopes share a craft."""
    return scope == "all" or other == "all" or scope == other


def _line_scope(line, catalog) -> str:
    if line.provider_type == "in_house":
        role = catalog.roles.get(line.provider)
        return role.scope if role else "all"
    provider = catalog.providers.get(line.provider)
    return provider.scope if provider else "all"


def _craft_shares(scenario, catalog, assignments, demand_pools) -> dict[str, float]:
    """craft -> the share of an all-round seat's creation hours in it (see the docstring)."""
    if demand_pools is None:
        demand_pools = compute_demand(scenario, catalog)
    pools = demand_pools.get("create", {})
    left = {craft: float(pools.get(craft, 0.0)) for craft in (OTHER, VIDEO)}
    for line in assignments:
        craft = CRAFT_OF_SCOPE.get(_line_scope(line, catalog)) if line.capability == "create" else None
        if craft is not None:
            left[craft] -= line.hours
    left = {craft: max(0.0, hours) for craft, hours in left.items()}
    if sum(left.values()) <= EPS:
        left = {craft: float(pools.get(craft, 0.0)) for craft in (OTHER, VIDEO)}
    total = sum(left.values())
    if total <= EPS:
        return {OTHER: 1.0, VIDEO: 0.0}
    return {craft: hours / total for craft, hours in left.items()}


# ---- buying --------------------------------------------------------------------------------------
def _not_buyable(scenario, catalog, demand) -> set[str]:
    """Capabilities never bought: the user's insource, and what the rules keep in-house."""
    policy = build_policy(catalog.rules, scenario, demand, catalog)
    return set(scenario.insource) | set(policy.in_house_only)


def _sellers(catalog, cap: str, craft: str | None, blocked: set[str]) -> list:
    """Providers that may sell `cap` (and craft), cheapest per fit-hour first."""
    if cap in blocked:
        return []
    primary = catalog.settings.primary_fit
    found = [provider for provider in catalog.providers.values()
             if provider.fit.get(cap, 0.0) >= max(primary, EPS) and provider.rate_sek_hour > 0
             and _takes(provider.scope, craft)]
    return sorted(found, key=lambda p: (p.rate_sek_hour / p.fit[cap], p.rate_sek_hour, p.id))


def _cheapest_seller(catalog, cap: str, scope: str, blocked: set[str]):
    """The provider bought for `cap` from a holder of creation `scope` (its craft, or either)."""
    crafts = [CRAFT_OF_SCOPE[scope]] if scope in CRAFT_OF_SCOPE else [None]
    found = [seller for craft in crafts for seller in _sellers(catalog, cap, craft, blocked)
             if cap != "create" or _compatible(seller.scope, scope)]
    return min(found, key=lambda p: (p.rate_sek_hour / p.fit[cap], p.rate_sek_hour, p.id), default=None)


# ---- the July test -------------------------------------------------------------------------------
def july_test(*, scenario, catalog, demand: dict[str, float], assignments, people,
              demand_pools: dict[str, dict[str, float]] | None = None) -> Continuity:
    """The July test and single points of a plan, with the parameters of the catalog's rules
    (usable from a Plan and from model/engine.py RuleContext alike; demand_pools: the engine's
    demand per creation craft, computed from the scenario when not given)."""
    holiday = rule_params(catalog, HOLIDAY_KIND)
    backup = rule_params(catalog, BACKUP_KIND)
    absences = holiday_absences(
        scenario=scenario, catalog=catalog, demand=demand, assignments=assignments, people=people,
        weeks=holiday["weeks"], min_fit=holiday["min_fit"], first=holiday["first"],
        demand_pools=demand_pools)
    points = single_points(
        scenario=scenario, catalog=catalog, demand=demand, assignments=assignments, people=people,
        min_fit=backup["min_fit"], min_hours=backup["min_hours"], first=holiday["first"])
    return Continuity(absences, points, holiday["weeks"], holiday["first"],
                      holiday["max_hours_at_risk"])


def continuity(plan, catalog) -> Continuity:
    """The July test and single points of a Plan (made with `catalog`)."""
    return july_test(scenario=plan.scenario, catalog=catalog, demand=plan.demand,
                     assignments=plan.assignments, people=plan.people)


def holiday_absences(*, scenario, catalog, demand: dict[str, float], assignments, people,
                     weeks: int, min_fit: float, first: str,
                     demand_pools: dict[str, dict[str, float]] | None = None) -> tuple[Absence, ...]:
    """One Absence per team seat that carries work, each away for `weeks` weeks (module docstring)."""
    if weeks <= 0:
        return ()
    helpers = _helpers(people, catalog, scenario)
    carried: dict[str, dict[str, float]] = {}
    for line in assignments:
        if line.provider_type == "in_house" and line.seat and line.hours > EPS:
            hours = carried.setdefault(line.seat, {})
            hours[line.capability] = hours.get(line.capability, 0.0) + line.hours
    order = _ordered(first)
    blocked: set[str] | None = None
    shares: dict[str, float] | None = None
    used: dict[str, float] = {}  # provider id -> hours a week the plan already buys of it
    for line in assignments:
        if line.provider_type != "in_house":
            used[line.provider] = used.get(line.provider, 0.0) + line.hours
    useful = max(min_fit, catalog.settings.min_fit, EPS)
    out = []
    for person in helpers:
        hours = carried.get(person.seat, {})
        if not person.in_team or sum(hours.values()) <= EPS:
            continue
        items: list[tuple[str, str | None, float]] = []  # (capability, craft, hours a week)
        for cap in order:
            if hours.get(cap, 0.0) <= EPS:
                continue
            if cap != "create":
                items.append((cap, None, hours[cap]))
            elif person.scope in CRAFT_OF_SCOPE:
                items.append((cap, CRAFT_OF_SCOPE[person.scope], hours[cap]))
            else:
                if shares is None:
                    shares = _craft_shares(scenario, catalog, assignments, demand_pools)
                items += [(cap, craft, hours[cap] * shares[craft]) for craft in (OTHER, VIDEO)
                          if hours[cap] * shares[craft] > EPS]
        others = [h for h in helpers if h.seat != person.seat and h.spare > EPS]
        covers = _cover(items, others, scenario, catalog, first, useful)
        if blocked is None:
            blocked = _not_buyable(scenario, catalog, demand)
        out.append(_absence(person, weeks, items, covers, others, blocked, used, catalog, order))
    return tuple(out)


def _cover(items, others: list[_Helper], scenario, catalog, first: str,
           useful: float) -> dict[tuple[int, int], float]:
    """(item index, helper index) -> hours a week covered: the small LP of the docstring (no LP
    when nobody has spare time at a useful fit)."""
    settings = catalog.settings
    program = Program()
    cols: list[tuple[int, int, int]] = []
    for i, (cap, craft, need) in enumerate(items):
        if cap in scenario.outsource:
            continue
        weight = settings.priority.get(cap, 1.0) + (FIRST_WEIGHT if cap == first else 0.0)
        tie = 1e-6 * (len(CAPABILITIES) - CAPABILITIES.index(cap))
        for j, helper in enumerate(others):
            fit = helper.fit.get(cap, 0.0)
            if fit < useful or not _takes(helper.scope, craft):
                continue
            value = weight * fit + tie + 1e-7 * (len(others) - j) / len(others)
            cols.append((i, j, program.var(high=min(need, helper.spare), cost=value)))
    if not cols:
        return {}
    binds = False
    for j, helper in enumerate(others):  # each helper's spare time
        mine = [col for _, jj, col in cols if jj == j]
        if len(mine) > 1:
            program.row(dict.fromkeys(mine, 1.0), high=helper.spare)
            binds |= sum(program.upper[col] for col in mine) > helper.spare + EPS
    for i, (_, _, need) in enumerate(items):  # no more than is absent
        mine = [col for ii, _, col in cols if ii == i]
        if len(mine) > 1:
            program.row(dict.fromkeys(mine, 1.0), high=need)
            binds |= sum(program.upper[col] for col in mine) > need + EPS
    # no row can bind: every column at its bound is the optimum (every value is positive)
    values = program.solve().values if binds else program.upper
    return {(i, j): float(values[col]) for i, j, col in cols if values[col] > EPS}


def _absence(person: _Helper, weeks: int, items, covers, others: list[_Helper], blocked: set[str],
             used: dict[str, float], catalog, order: tuple[str, ...]) -> Absence:
    absent: dict[str, float] = {}
    covered: dict[tuple[str, int], float] = {}
    left: list[tuple[str, str | None, float]] = []
    for i, (cap, craft, need) in enumerate(items):
        absent[cap] = absent.get(cap, 0.0) + need
        taken = 0.0
        for j in range(len(others)):
            hours = covers.get((i, j), 0.0)
            if hours > EPS:
                covered[(cap, j)] = covered.get((cap, j), 0.0) + hours
                taken += hours
        if need - taken > EPS:
            left.append((cap, craft, need - taken))
    bought: dict[str, dict[str, float]] = {}  # capability -> provider -> hours a week
    undone: dict[str, float] = {}
    room = {provider: (p.max_hours_week - used.get(provider, 0.0) if p.max_hours_week is not None
                       else float("inf")) for provider, p in catalog.providers.items()}
    for cap, craft, need in left:
        for seller in _sellers(catalog, cap, craft, blocked):
            take = min(need, max(0.0, room[seller.id]))
            if take <= EPS:
                continue
            per = bought.setdefault(cap, {})
            per[seller.id] = per.get(seller.id, 0.0) + take
            room[seller.id] -= take
            need -= take
            if need <= EPS:
                break
        if need > EPS:
            undone[cap] = undone.get(cap, 0.0) + need
    rank = {cap: index for index, cap in enumerate(order)}
    covers_out = tuple(
        Cover(cap, others[j].seat, others[j].role, hours)
        for (cap, j), hours in sorted(covered.items(), key=lambda kv: (rank[kv[0][0]], kv[0][1])))
    bought_out = tuple(
        Bought(cap, provider, catalog.providers[provider].type, hours,
               hours * catalog.providers[provider].rate_sek_hour * weeks)
        for cap in order for provider, hours in bought.get(cap, {}).items())
    return Absence(person.seat, person.role, weeks,
                   {cap: absent[cap] for cap in order if cap in absent},
                   covers_out, bought_out,
                   {cap: undone[cap] for cap in order if cap in undone})


# ---- single points -------------------------------------------------------------------------------
def single_points(*, scenario, catalog, demand: dict[str, float], assignments, people,
                  min_fit: float, min_hours: float, first: str | None = None) -> tuple[SinglePoint, ...]:
    """The capabilities that rest on one team seat, with a backup each (module docstring)."""
    first = first or rule_params(catalog, HOLIDAY_KIND)["first"]
    helpers = _helpers(people, catalog, scenario)
    team = [h for h in helpers if h.in_team]
    carried: dict[str, dict[str, float]] = {}  # capability -> seat -> hours a week (in-house)
    for line in assignments:
        if line.provider_type == "in_house" and line.seat and line.hours > EPS:
            per = carried.setdefault(line.capability, {})
            per[line.seat] = per.get(line.seat, 0.0) + line.hours
    team_seats = {h.seat for h in team}
    blocked: set[str] | None = None
    out = []
    for cap in _ordered(first):
        need = demand.get(cap, 0.0)
        hours = carried.get(cap, {})
        if need < max(min_hours, EPS) or sum(hours.get(seat, 0.0) for seat in team_seats) <= HOURS_EPS:
            continue
        fitters = [h for h in team if h.fit.get(cap, 0.0) >= min_fit - 1e-9]
        carriers = [seat for seat, h in hours.items() if h > HOURS_EPS]
        if len(fitters) == 1:
            holder = fitters[0]
        elif not fitters and len(carriers) == 1 and carriers[0] in team_seats:
            holder = next(h for h in team if h.seat == carriers[0])
        else:
            continue
        if blocked is None:
            blocked = _not_buyable(scenario, catalog, demand)
        kind, backup, fit = _backup(holder, cap, helpers, blocked, catalog)
        out.append(SinglePoint(cap, holder.seat, holder.role, kind, backup, need,
                               hours.get(holder.seat, 0.0), fit))
    return tuple(out)


def _backup(holder: _Helper, cap: str, helpers: list[_Helper], blocked: set[str],
            catalog) -> tuple[str | None, str | None, float | None]:
    floor = max(catalog.settings.min_fit, EPS)
    scope = holder.scope if cap == "create" else "all"
    candidates = [h for h in helpers if h.seat != holder.seat and h.fit.get(cap, 0.0) >= floor
                  and (cap != "create" or _compatible(h.scope, scope))]
    if candidates:
        best = min(candidates, key=lambda h: (-h.fit[cap], not h.in_team, h.index))
        return "seat", best.seat, best.fit[cap]
    seller = _cheapest_seller(catalog, cap, scope, blocked)
    if seller is not None:
        return "provider", seller.id, seller.fit[cap]
    return None, None, None


# ---- its rule kinds (in model/rules.py's registry; model/catalog.py and engine.py import this) ----
@register("holiday_cover",
          params={"weeks": Param("count", 4, unit="count", label="holiday_weeks", high=13.0),
                  "min_fit": Param("fraction", 0.6, unit="fit", label="min_fit"),
                  "first": Param("capability", "community"),
                  "max_hours_at_risk": Param("hours", 2.0, unit="h_week", label="max_hours_at_risk")},
          reports=("seat", "role", "weeks", "hours", "covered", "bought", "undone", "undone_hours",
                   "cost", "first", "people", "team"))
def check_holiday_cover(params: dict, ctx) -> list[Hit]:
    """The July test (Semesterlagen: four consecutive weeks of holiday in June-August): each team
    seat that carries work is, in turn, away for `weeks` weeks; its work is covered from the spare
    time of the other in-house people who fit it at min_fit or better (`first` before anything
    else), what is left is priced from the cheapest fitting provider, and what cannot be bought is
    left undone (model/continuity.py). An absence counts when it leaves more than max_hours_at_risk
    hours a week without in-house cover (bought or undone), or leaves any of `first` undone. One
    finding for the plan: the absence with the most hours at risk among those that count, with how
    many people of the team count (`people` of `team`); critical when any leaves `first` work
    undone (nobody in-house covers it and it cannot be bought: the user or a rule keeps it
    in-house, or nobody sells enough of it)."""
    first = params["first"]
    absences = holiday_absences(
        scenario=ctx.scenario, catalog=ctx.catalog, demand=ctx.demand,
        assignments=ctx.assignments, people=ctx.people, weeks=params["weeks"],
        min_fit=params["min_fit"], first=first, demand_pools=ctx.demand_pools)
    undone_first = [item for item in absences if item.undone.get(first, 0.0) > HOURS_EPS]
    counted = [item for item in absences
               if item.at_risk > params["max_hours_at_risk"] + 1e-9 or item in undone_first]
    if not counted:
        return []
    worst = max(counted, key=lambda item: (item in undone_first, item.at_risk))
    team = sum(1 for person in ctx.people if person.in_team)
    return [Hit(seat=worst.seat, severity="critical" if undone_first else None, values={
        "seat": ("seat", worst.seat), "role": ("name", worst.role), "weeks": worst.weeks,
        "hours": ("hours", worst.at_risk), "covered": ("hours", worst.covered_hours),
        "bought": ("hours", worst.bought_hours), "undone": ("names_and", tuple(worst.undone)),
        "undone_hours": ("hours", worst.undone_hours), "cost": ("sek", worst.cover_cost_sek),
        "first": ("name", first), "people": len(counted), "team": team})]


@register("backup_required",
          params={"min_fit": Param("fraction", 0.6, unit="fit", label="min_fit"),
                  "min_hours": Param("hours", 1.0, unit="h_week", label="min_hours")},
          reports=("capabilities", "seat", "role", "hours", "count"))
def check_backup(params: dict, ctx) -> list[Hit]:
    """Single points of failure: a capability with at least min_hours a week of work, which the team
    carries in-house, while only one team seat fits it at min_fit or better (or none does and one
    seat alone carries it) (model/continuity.py, which also names a backup for each). One finding
    per holder: the capabilities that rest on that seat alone and the hours it carries of them;
    the finding names the capability when there is one."""
    points = single_points(
        scenario=ctx.scenario, catalog=ctx.catalog, demand=ctx.demand,
        assignments=ctx.assignments, people=ctx.people, min_fit=params["min_fit"],
        min_hours=params["min_hours"])
    hits = []
    for seat in dict.fromkeys(point.holder_seat for point in points):
        held = [point for point in points if point.holder_seat == seat]
        caps = tuple(point.capability for point in held)
        hits.append(Hit(capability=caps[0] if len(caps) == 1 else None, seat=seat, values={
            "capabilities": ("names_and", caps), "seat": ("seat", seat),
            "role": ("name", held[0].holder_role), "hours": ("hours", sum(p.hours for p in held)),
            "count": len(caps)}))
    return hits
