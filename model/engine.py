"""simulate: Scenario in, Plan out, through small pure steps.

demand -> team -> routing -> in-house -> purchases -> budget -> stretch -> summary -> rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import fmt
from .catalog import Catalog
from .plan import SEVERITY_ORDER, Assignment, Cost, Finding, Person, Plan
from .rules import KINDS, Policy, build_policy, render
from .scenario import Scenario
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT

POOLS = ("other", "video")
SCOPE_POOLS = {"all": ("other", "video"), "video": ("video",), "non_video": ("other",)}
EPS = 1e-9


# ---- step 1: demand -----------------------------------------------------------------------
def drivers(scenario: Scenario) -> dict[str, float]:
    posts = float(scenario.posts_per_week)
    return {
        "channels": float(scenario.channels),
        "posts_per_week": posts,
        "image_posts": posts * (1 - scenario.video_share),
        "video_posts": posts * scenario.video_share,
        "inbound_per_week": float(scenario.inbound_per_week),
        "ad_spend_10k": scenario.ad_spend_sek_month / 10_000,
        "influencers": float(scenario.influencers),
    }


def compute_demand(scenario: Scenario, catalog: Catalog) -> dict[str, dict[str, float]]:
    """Hours per week per capability, split into pools: 'video' work and 'other' work."""
    values = drivers(scenario)
    pools = {cap: {"other": 0.0, "video": 0.0} for cap in CAPABILITIES}
    for rule in catalog.demand:
        if rule.active_if and values[rule.active_if] <= 0:
            continue
        pool = pools[rule.capability]
        pool["other"] += rule.base_hours
        for term in rule.terms:
            value = values[term.driver]
            hours = term.hours * (math.sqrt(value) if term.transform == "sqrt" else value)
            pool["video" if term.video else "other"] += hours
    return pools


# ---- step 2: the team -----------------------------------------------------------------------
@dataclass(frozen=True)
class Seat:
    seat: str
    role: str
    capacity: float
    annual_cost: float
    fit: dict[str, float]
    scope: str
    in_team: bool


def team_roles(scenario: Scenario, catalog: Catalog) -> tuple[str, ...]:
    """The role of each seat: the explicit team, or the hiring ladder for team_size seats."""
    if scenario.team:
        return scenario.team
    return tuple(catalog.ladder_role(index) for index in range(scenario.team_size))


def build_team(scenario: Scenario, catalog: Catalog) -> tuple[Seat, ...]:
    seats = []
    for index, role_id in enumerate(team_roles(scenario, catalog)):
        role = catalog.roles[role_id]
        seats.append(Seat(f"S{index + 1}", role_id, role.capacity_hours, role.annual_cost_sek,
                          role.fit, role.scope, True))
    if scenario.marketing_lead_hours > 0:
        head = catalog.roles["head_of_marketing"]
        seats.append(Seat(MARKETING_LEAD_SEAT, "head_of_marketing", scenario.marketing_lead_hours,
                          0.0, {"strategy": head.fit.get("strategy", 0.0)}, "all", False))
    return tuple(seats)


# ---- step 3: routing (what goes where first) --------------------------------------------------
@dataclass(frozen=True)
class Routing:
    order: tuple[str, ...]
    in_house_only: frozenset[str]
    external_first: dict[str, str]  # capability -> "rule" | "choice"
    coordination_per_external_hour: float
    rule_limits: dict[str, tuple[float, float]]
    in_house_by_rule: frozenset[str] = frozenset()  # in_house_only because a rule says so
    # Buying first must not swap in-house work for worse-fitting outside work: for capabilities
    # a rule sends outside first, providers must fit at least as well as the team's best.
    fit_floor: dict[str, float] = field(default_factory=dict)


def route(scenario: Scenario, catalog: Catalog, demand: dict, team: tuple[Seat, ...],
          policy: Policy) -> Routing:
    external_first: dict[str, str] = {}
    fit_floor: dict[str, float] = {}
    for cap, (below, unless_fit) in policy.prefer_external.items():
        total = sum(demand[cap].values())
        best = max((seat.fit.get(cap, 0.0) for seat in team if seat.in_team), default=0.0)
        if total < below and best < unless_fit:
            external_first[cap] = "rule"
            fit_floor[cap] = best
    for cap in scenario.outsource:
        external_first[cap] = "choice"
    in_house_only = (policy.in_house_only | set(scenario.insource)) - set(scenario.outsource)
    for cap in scenario.insource:
        external_first.pop(cap, None)
    return Routing(catalog.settings.assignment_order, frozenset(in_house_only), external_first,
                   policy.coordination_per_external_hour, dict(policy.prefer_external),
                   frozenset(policy.in_house_only - set(scenario.outsource)),
                   {cap: floor for cap, floor in fit_floor.items() if external_first.get(cap) == "rule"})


# ---- lines under construction ------------------------------------------------------------------
@dataclass
class Line:
    capability: str
    provider_type: str
    provider: str
    seat: str | None
    hours: float
    fit: float
    reason: dict[str, str]
    cost_per_hour_year: float  # SEK per year for one hour a week


def _candidates(team, cap, spare, low, high=2.0):
    low = max(low - EPS, EPS)  # a fit of 0 (or none) never takes work, whatever the settings say
    found = [(index, seat) for index, seat in enumerate(team)
             if low <= seat.fit.get(cap, 0.0) < high and spare[seat.seat] > EPS]
    return [seat for _, seat in sorted(found, key=lambda pair: (-pair[1].fit[cap], pair[0]))]


def _take(pools: dict, scope: str, limit: float) -> float:
    taken = 0.0
    for pool in SCOPE_POOLS[scope]:
        amount = min(pools[pool], limit - taken)
        if amount > EPS:
            pools[pool] -= amount
            taken += amount
    return taken


def _in_house_reason(seat: Seat, cap: str, catalog: Catalog, kept: str | None,
                     stretch: bool) -> dict[str, str]:
    """kept: "rule" (a rule keeps it in-house), "choice" (the scenario's insource) or None."""
    out = {}
    for lang in ("en", "sv"):
        role, fit = catalog.name(seat.role, lang), fmt.fit(seat.fit[cap], lang)
        if stretch:
            out[lang] = (f"Stretch: nothing better is affordable, so the {role} takes it "
                         f"(fit {fit})" if lang == "en" else
                         f"Nödlösning: inget bättre ryms i budgeten, så {role} tar det "
                         f"(passform {fit})")
        elif kept == "choice":
            out[lang] = (f"Kept in-house as chosen; the {role} fits best (fit {fit})"
                         if lang == "en" else
                         f"Behålls internt enligt val; {role} passar bäst (passform {fit})")
        elif kept:
            out[lang] = (f"Kept in-house: an internal owner must lead the work (guidance 2); "
                         f"the {role} fits best (fit {fit})" if lang == "en" else
                         f"Behålls internt: en intern ägare måste leda arbetet (råd 2); "
                         f"{role} passar bäst (passform {fit})")
        else:
            out[lang] = (f"Best in-house fit with time to spare: the {role} (fit {fit})"
                         if lang == "en" else
                         f"Bäst intern passform med tid över: {role} (passform {fit})")
    return out


def _in_house_line(seat: Seat, cap: str, hours: float, reason: dict[str, str]) -> Line:
    per_hour = seat.annual_cost / seat.capacity if seat.capacity > 0 else 0.0
    return Line(cap, "in_house", seat.role, seat.seat, hours, seat.fit[cap], reason, per_hour)


# ---- step 4: in-house first -----------------------------------------------------------------
def assign_in_house(demand, team, routing: Routing, catalog: Catalog):
    """Seats that fit a capability at primary_fit or better take it, best fit first."""
    need = {cap: dict(pools) for cap, pools in demand.items()}
    spare = {seat.seat: seat.capacity for seat in team}
    lines: list[Line] = []
    low = catalog.settings.primary_fit
    for cap in routing.order:
        if cap in routing.external_first:
            continue
        for seat in _candidates(team, cap, spare, low):
            taken = _take(need[cap], seat.scope, spare[seat.seat])
            if taken > EPS:
                spare[seat.seat] -= taken
                kept = "rule" if cap in routing.in_house_by_rule else \
                    "choice" if cap in routing.in_house_only else None
                reason = _in_house_reason(seat, cap, catalog, kept, False)
                lines.append(_in_house_line(seat, cap, taken, reason))
    return lines, need, spare


# ---- step 5: purchases (planned without regard to budget) -------------------------------------
@dataclass(frozen=True)
class Purchase:
    capability: str
    provider: str
    hours: float
    why: str  # "value" | "rule" | "choice"


def _ranked_providers(cap: str, catalog: Catalog, excluded: set[str], floor: float = 0.0):
    # never a provider with fit 0 (or none), nor one below the floor
    low = max(catalog.settings.primary_fit - EPS, floor - EPS, EPS)
    found = [provider for provider in catalog.providers.values()
             if provider.fit.get(cap, 0.0) >= low and provider.id not in excluded]
    return sorted(found, key=lambda p: (p.rate_sek_hour / p.fit[cap], p.id))


def _plan_once(need, routing: Routing, catalog: Catalog, excluded: set[str]) -> list[Purchase]:
    left = {cap: dict(pools) for cap, pools in need.items()}
    used: dict[str, float] = {}
    purchases = []
    for cap in routing.order:
        if cap in routing.in_house_only:
            continue
        for provider in _ranked_providers(cap, catalog, excluded, routing.fit_floor.get(cap, 0.0)):
            limit = math.inf if provider.max_hours_week is None else \
                provider.max_hours_week - used.get(provider.id, 0.0)
            taken = _take(left[cap], provider.scope, limit)
            if taken > EPS:
                used[provider.id] = used.get(provider.id, 0.0) + taken
                purchases.append(Purchase(cap, provider.id, taken,
                                          routing.external_first.get(cap, "value")))
    return purchases


def plan_purchases(need, routing: Routing, catalog: Catalog) -> tuple[Purchase, ...]:
    """What to buy outside for the work in-house seats cannot take, best value first.

    An agency whose planned fee is below its minimum retainer is left out and the plan redone.
    """
    excluded: set[str] = set()
    weeks = catalog.settings.weeks_per_year
    while True:
        purchases = _plan_once(need, routing, catalog, excluded)
        monthly: dict[str, float] = {}
        for item in purchases:
            rate = catalog.providers[item.provider].rate_sek_hour
            monthly[item.provider] = monthly.get(item.provider, 0.0) + item.hours * rate * weeks / 12
        too_small = {pid for pid, fee in monthly.items()
                     if fee < catalog.providers[pid].min_retainer_sek_month - 1e-6}
        if not too_small:
            return tuple(purchases)
        excluded |= too_small


# ---- step 6: buy what the budget allows -------------------------------------------------------
def _purchase_reason(item: Purchase, catalog: Catalog, bought: float, routing: Routing):
    provider = catalog.providers[item.provider]
    out = {}
    for lang in ("en", "sv"):
        rate = fmt.sek(provider.rate_sek_hour, lang)
        fit = fmt.fit(provider.fit[item.capability], lang)
        if item.why == "rule":
            below = fmt.hours(routing.rule_limits[item.capability][0], lang)
            text = (f"Bought outside first: below {below} h/week this is better value outside "
                    f"(guidance 4); {rate}/h, fit {fit}" if lang == "en" else
                    f"Köps utifrån först: under {below} h/vecka är det prisvärdare externt "
                    f"(råd 4); {rate}/h, passform {fit}")
        elif item.why == "choice":
            text = (f"Outsourced as chosen; {rate}/h, fit {fit}" if lang == "en" else
                    f"Utlagt enligt val; {rate}/h, passform {fit}")
        else:
            text = (f"Bought outside: most coverage per SEK of those who do it; {rate}/h, "
                    f"fit {fit}" if lang == "en" else
                    f"Köps utifrån: mest täckning per krona av dem som gör det; {rate}/h, "
                    f"passform {fit}")
        if bought < item.hours - EPS:
            text += (f" (the budget covers {fmt.hours(bought, lang)} of "
                     f"{fmt.hours(item.hours, lang)} h/week)" if lang == "en" else
                     f" (budgeten räcker till {fmt.hours(bought, lang)} av "
                     f"{fmt.hours(item.hours, lang)} h/vecka)")
        out[lang] = text
    return out


def buy_within_budget(purchases, need, budget_left: float, catalog: Catalog, routing: Routing):
    """Buy the planned purchases in order until the budget left after in-house cost runs out."""
    weeks = catalog.settings.weeks_per_year
    lines: list[Line] = []
    left_budget = max(budget_left, 0.0)
    need = {cap: dict(pools) for cap, pools in need.items()}
    for item in purchases:
        provider = catalog.providers[item.provider]
        per_hour_year = provider.rate_sek_hour * weeks
        hours = min(item.hours, left_budget / per_hour_year)
        if hours <= EPS:
            break
        left_budget -= hours * per_hour_year
        _take(need[item.capability], provider.scope, hours)
        lines.append(Line(item.capability, provider.type, provider.id, None, hours,
                          provider.fit[item.capability],
                          _purchase_reason(item, catalog, hours, routing), per_hour_year))
        if hours < item.hours - EPS:
            break
    return lines, need


# ---- step 7: stretch in-house for what is left ------------------------------------------------
def assign_stretch(need, team, spare, routing: Routing, catalog: Catalog):
    """Seats with spare time take leftover work they fit at min_fit or better (not outsourced
    by choice)."""
    lines: list[Line] = []
    spare = dict(spare)
    for cap in routing.order:
        if routing.external_first.get(cap) == "choice":
            continue
        for seat in _candidates(team, cap, spare, catalog.settings.min_fit):
            taken = _take(need[cap], seat.scope, spare[seat.seat])
            if taken > EPS:
                spare[seat.seat] -= taken
                lines.append(_in_house_line(seat, cap, taken,
                                            _in_house_reason(seat, cap, catalog, None, True)))
    return lines, need, spare


# ---- step 8: summary ----------------------------------------------------------------------------
def merge_lines(lines: list[Line]) -> tuple[Assignment, ...]:
    merged: dict[tuple, Line] = {}
    for line in lines:
        key = (line.capability, line.provider_type, line.provider, line.seat)
        if key in merged:
            merged[key].hours += line.hours
        else:
            merged[key] = Line(**vars(line))
    order = {cap: index for index, cap in enumerate(CAPABILITIES)}
    return tuple(
        Assignment(line.capability, line.provider_type, line.provider, line.seat, line.hours,
                   line.hours * line.cost_per_hour_year, line.fit, line.reason)
        for line in sorted(merged.values(), key=lambda ln: order[ln.capability])
    )


def coverage_of(demand_hours: dict[str, float], assignments) -> tuple[dict[str, float], float]:
    weighted = dict.fromkeys(CAPABILITIES, 0.0)
    for line in assignments:
        weighted[line.capability] += line.hours * line.fit
    coverage = {cap: min(1.0, weighted[cap] / demand_hours[cap]) if demand_hours[cap] > EPS
                else 1.0 for cap in CAPABILITIES}
    total = sum(demand_hours.values())
    overall = sum(coverage[cap] * demand_hours[cap] for cap in CAPABILITIES) / total \
        if total > EPS else 1.0
    return coverage, overall


def coordination_owner(team, assignments) -> str | None:
    """The team seat carrying most in-house lead hours (first seat on a tie)."""
    best, best_hours = None, EPS
    for seat in team:
        hours = sum(line.hours for line in assignments
                    if line.seat == seat.seat and line.capability == "lead" and seat.in_team)
        if hours > best_hours:
            best, best_hours = seat.seat, hours
    return best


def summarise_people(team, assignments, coordination: dict[str, float]) -> tuple[Person, ...]:
    people = []
    for seat in team:
        lines = [line for line in assignments if line.seat == seat.seat]
        extra = coordination.get(seat.seat, 0.0)
        hours = sum(line.hours for line in lines) + extra
        utilisation = hours / seat.capacity if seat.capacity > EPS else 0.0
        caps = tuple(cap for cap in CAPABILITIES if any(ln.capability == cap for ln in lines))
        people.append(Person(seat.seat, seat.role, hours, seat.capacity, utilisation, caps,
                             seat.annual_cost, extra, seat.in_team))
    return tuple(people)


def summarise_cost(team, assignments, budget: float) -> Cost:
    in_house = sum(seat.annual_cost for seat in team)
    agency = sum((line.cost_sek for line in assignments if line.provider_type == "agency"), 0.0)
    freelancer = sum((line.cost_sek for line in assignments if line.provider_type == "freelancer"),
                     0.0)
    total = in_house + agency + freelancer
    return Cost(in_house, agency, freelancer, total, float(budget), float(budget) - total)


# ---- step 9: rules ------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleContext:
    scenario: Scenario
    catalog: Catalog
    demand: dict[str, float]
    assignments: tuple[Assignment, ...]
    coverage: dict[str, float]
    uncovered: dict[str, float]
    people: tuple[Person, ...]
    cost: Cost
    team: tuple[Seat, ...]

    def team_hours(self, cap: str) -> float:
        team_seats = {seat.seat for seat in self.team if seat.in_team}
        return sum(line.hours for line in self.assignments
                   if line.capability == cap and line.seat in team_seats)

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


def check_rules(ctx: RuleContext) -> tuple[Finding, ...]:
    findings = []
    for rule in ctx.catalog.rules:
        for hit in KINDS[rule.kind].check(rule.params, ctx):
            findings.append(_finding(rule, hit, ctx.catalog))
    ranked = sorted(enumerate(findings), key=lambda pair: (SEVERITY_ORDER[pair[1].severity], pair[0]))
    return tuple(finding for _, finding in ranked)


def _finding(rule, hit, catalog: Catalog) -> Finding:
    texts = {}
    for key in ("message", "advice"):
        templates = getattr(rule, key)
        texts[key] = {lang: templates[lang].format(**{
            name: render(value, lang, catalog) for name, value in hit.values.items()})
            for lang in templates}
    return Finding(rule.id, hit.severity or rule.severity, hit.capability, hit.seat, texts["message"],
                   texts["advice"], rule.guidance)


# ---- the whole ------------------------------------------------------------------------------------
def simulate(scenario: Scenario, catalog: Catalog) -> Plan:
    """Pure and deterministic: the same scenario and catalog give the same plan."""
    demand = compute_demand(scenario, catalog)
    team = build_team(scenario, catalog)
    routing = route(scenario, catalog, demand, team, build_policy(catalog.rules))
    first, need, spare = assign_in_house(demand, team, routing, catalog)
    purchases = plan_purchases(need, routing, catalog)
    in_house_cost = sum(seat.annual_cost for seat in team)
    bought, need = buy_within_budget(purchases, need, scenario.budget_sek - in_house_cost,
                                     catalog, routing)
    stretch, need, spare = assign_stretch(need, team, spare, routing, catalog)
    assignments = merge_lines(first + bought + stretch)

    demand_hours = {cap: sum(pools.values()) for cap, pools in demand.items()}
    uncovered = {cap: max(0.0, sum(pools.values())) for cap, pools in need.items()}
    coverage, overall = coverage_of(demand_hours, assignments)
    external = sum(line.hours for line in assignments if line.provider_type != "in_house")
    coordination_hours = external * routing.coordination_per_external_hour
    owner = coordination_owner(team, assignments)
    coordination = {owner: coordination_hours} if owner and coordination_hours > EPS else {}
    people = summarise_people(team, assignments, coordination)
    cost = summarise_cost(team, assignments, scenario.budget_sek)
    ctx = RuleContext(scenario, catalog, demand_hours, assignments, coverage, uncovered,
                      people, cost, team)
    return Plan(scenario=scenario, demand=demand_hours, assignments=assignments,
                coverage=coverage, overall_coverage=overall, people=people, cost=cost,
                findings=check_rules(ctx), uncovered=uncovered,
                coordination_hours=coordination_hours if owner else 0.0)
