"""Briefs for the work a plan buys outside: one per capability that agencies or freelancers do.

Guidance 2 and 7: bought work needs an internal orderer, and most disappointing agency work starts
in the client's brief. A Brief gathers what a supplier needs to be told, as codes, ids and numbers
(ui/ words them; the scenario's free texts are passed on as the user typed them, unescaped):

- capability: what is bought (the catalog's goal for it says what it is for: Capability.goal);
- providers: who does it (Supplier: provider id and type, hours a week, fee SEK a year, the
  retainer's seat id when the hours are a retainer's); fee_sek_year their sum. Fees only: the ad
  media spend is never part of a fee, it is `ad_spend_sek_month` (advertising's brief only);
- kpis and deliverables: ids of the catalog's capability (names: Catalog.kpi_name,
  Catalog.deliverable_name);
- goal, audience, kpi_targets, approvals: the scenario's brief_goal, brief_audience, brief_kpis and
  brief_approvals, the same for every brief of the plan;
- volumes: the scenario fields that drive the capability's demand (the drivers of its terms and
  active_if in data/demand.yaml, mapped to their fields by DRIVER_FIELDS), field -> value; a
  community brief also carries the reply-time promise (reply_hours), which model/reply.py turns
  into community hours;
- orderer: the capability's RACI accountable (model/raci.py), always in-house; orderer_hours the
  coordination time the bought hours take: external hours x the coordination an external hour
  needs, the sum of `coordination_per_external_hour` over the catalog's rules of kind
  internal_owner_required (as the engine's policy sums it);
- missing: the codes of CHECKS that are not met, readiness the share that is (0..1).

Readiness checks (a code is in `missing` when):
- goal, audience, kpis, approvals: the scenario's text is empty or only whitespace;
- orderer: nobody in-house has time to order it: the accountable is not a person of the plan
  (a team seat, or the head of marketing giving hours), or the work takes orderer time and they
  have none: no coordination hours in the plan and no spare hours. (The engine pools orderer
  time: whoever orders best within capacity takes it, so the accountable may share it with
  others; that is fine as long as they have some. The rule kind orderer_time_binds reports
  when orderer time binds the plan as a whole.)
- fee: the fee is 0 (nothing paid for the bought hours);
- briefer: only for a capability a rule of kind internal_briefer_required names (advertising:
  guidance 7): no team seat fits it at the rule's min_fit, so nobody in-house can brief it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .plan import Plan
from .raci import Party, raci
from .scenario import FIELD_SPECS
from .vocab import CAPABILITIES

EPS = 1e-9
TIME_TOL = 1e-6  # hours a week: the solver's own tolerance, with room
ADVERTISING = "advertise"  # the capability whose brief carries the ad media spend
COORDINATION_KIND = "internal_owner_required"  # rules whose coordination_per_external_hour adds up
BRIEFER_KIND = "internal_briefer_required"
TEXT_CHECKS: tuple[tuple[str, str], ...] = (  # (code, scenario field)
    ("goal", "brief_goal"), ("audience", "brief_audience"), ("kpis", "brief_kpis"),
    ("approvals", "brief_approvals"),
)
CHECKS: tuple[str, ...] = tuple(code for code, _ in TEXT_CHECKS) + ("orderer", "fee", "briefer")
# The scenario fields behind each demand driver (model/engine.py `drivers`).
DRIVER_FIELDS: dict[str, tuple[str, ...]] = {
    "channels": ("channels",),
    "posts_per_week": ("posts_per_week",),
    "image_posts": ("posts_per_week", "video_share"),
    "video_posts": ("posts_per_week", "video_share"),
    "inbound_per_week": ("inbound_per_week",),
    "inbound_hours": ("inbound_per_week",),
    "ad_spend_10k": ("ad_spend_sek_month",),
    "influencers": ("influencers",),
}
# Service levels a capability's brief carries besides its drivers (model/reply.py adds the hours
# of a reply-time promise to community).
SERVICE_FIELDS: dict[str, tuple[str, ...]] = {"community": ("reply_hours",)}


@dataclass(frozen=True)
class Supplier:
    """One provider's part in a brief: hours a week and the fee a year (SEK) for them."""

    provider: str
    provider_type: str  # agency | freelancer
    hours: float
    fee_sek_year: float
    retainer: str | None = None  # the retainer's seat id ("R1", ...) for a retainer's hours


@dataclass(frozen=True)
class Brief:
    capability: str
    providers: tuple[Supplier, ...]
    hours: float  # bought hours a week, all providers
    fee_sek_year: float
    ad_spend_sek_month: float  # the media spend (advertising only, else 0): not part of the fee
    kpis: tuple[str, ...]
    deliverables: tuple[str, ...]
    goal: str  # the scenario's texts, as typed
    audience: str
    kpi_targets: str
    approvals: str
    volumes: dict[str, float]
    orderer: Party
    orderer_rule: str  # why they are accountable (model/raci.py ACCOUNTABLE_RULES)
    orderer_hours: float  # a week
    checks: tuple[str, ...]  # the codes of CHECKS that apply to this brief
    missing: tuple[str, ...]  # the checks not met, in CHECKS order

    @property
    def readiness(self) -> float:
        """The share of the brief's checks that are met (0..1)."""
        return 1.0 - len(self.missing) / len(self.checks) if self.checks else 1.0

    @property
    def ready(self) -> bool:
        return not self.missing


def coordination_per_external_hour(catalog: Catalog) -> float:
    """Hours of in-house orderer time each bought hour takes (the catalog's rules, summed)."""
    return sum(float(rule.params.get("coordination_per_external_hour", 0.0))
               for rule in catalog.rules if rule.kind == COORDINATION_KIND)


def driving_fields(catalog: Catalog, capability: str) -> tuple[str, ...]:
    """The scenario fields that drive a capability's demand (data/demand.yaml), in field order."""
    drivers: set[str] = set()
    for rule in catalog.demand:
        if rule.capability == capability:
            drivers |= {term.driver for term in rule.terms}
            if rule.active_if:
                drivers.add(rule.active_if)
    named = {field for driver in drivers for field in DRIVER_FIELDS[driver]}
    named |= set(SERVICE_FIELDS.get(capability, ()))
    return tuple(spec.name for spec in FIELD_SPECS if spec.name in named)


def _suppliers(plan: Plan, capability: str) -> tuple[Supplier, ...]:
    parts: dict[tuple[str, str | None], list[float]] = {}
    kinds: dict[tuple[str, str | None], str] = {}
    for line in plan.assignments:
        if line.capability != capability or line.provider_type == "in_house" or line.hours <= EPS:
            continue
        key = (line.provider, line.seat)
        totals = parts.setdefault(key, [0.0, 0.0])
        totals[0] += line.hours
        totals[1] += line.cost_sek
        kinds[key] = line.provider_type
    return tuple(Supplier(provider, kinds[(provider, seat)], hours, fee, seat)
                 for (provider, seat), (hours, fee) in parts.items())


def _briefer_missing(plan: Plan, catalog: Catalog, capability: str) -> bool | None:
    """None when no rule asks for an in-house briefer of the capability; else whether no team
    seat fits it at the rule's min_fit (the strictest such rule)."""
    needs = [float(rule.params.get("min_fit", 0.0)) for rule in catalog.rules
             if rule.kind == BRIEFER_KIND and rule.params.get("capability") == capability]
    if not needs:
        return None
    best = max((catalog.roles[person.role].fit.get(capability, 0.0)
                for person in plan.people if person.in_team and person.role in catalog.roles),
               default=0.0)
    return best < max(needs)


def briefs(plan: Plan, catalog: Catalog) -> tuple[Brief, ...]:
    """One brief per capability the plan buys outside (hours of an agency or freelancer, retainers
    included), in capability order; none for work done in-house or left undone."""
    factor = coordination_per_external_hour(catalog)
    lines = {line.capability: line for line in raci(plan, catalog)}
    scenario = plan.scenario
    drafts = []
    for cap in CAPABILITIES:
        suppliers = _suppliers(plan, cap)
        if not suppliers:
            continue
        hours = sum(item.hours for item in suppliers)
        drafts.append((cap, suppliers, hours, hours * factor, lines[cap]))
    people = {person.seat: person for person in plan.people}
    out = []
    for cap, suppliers, hours, orderer_hours, line in drafts:
        capability = catalog.capability(cap)
        fee = sum(item.fee_sek_year for item in suppliers)
        texts = {code: getattr(scenario, name) for code, name in TEXT_CHECKS}
        missing = [code for code, text in texts.items() if not text.strip()]
        person = people.get(line.accountable.ident) if line.accountable.kind == "seat" else None
        available = (person.coordination_hours + max(0.0, person.capacity - person.hours)
                     if person is not None else 0.0)
        if person is None or (orderer_hours > TIME_TOL and available <= TIME_TOL):
            missing.append("orderer")
        if fee <= EPS:
            missing.append("fee")
        checks = [code for code in CHECKS if code != "briefer"]
        briefer = _briefer_missing(plan, catalog, cap)
        if briefer is not None:
            checks.append("briefer")
            if briefer:
                missing.append("briefer")
        out.append(Brief(
            capability=cap, providers=suppliers, hours=hours, fee_sek_year=fee,
            ad_spend_sek_month=float(scenario.ad_spend_sek_month) if cap == ADVERTISING else 0.0,
            kpis=capability.kpis, deliverables=capability.deliverables,
            goal=texts["goal"], audience=texts["audience"], kpi_targets=texts["kpis"],
            approvals=texts["approvals"],
            volumes={field: float(getattr(scenario, field)) for field in driving_fields(catalog, cap)},
            orderer=line.accountable, orderer_rule=line.accountable_rule, orderer_hours=orderer_hours,
            checks=tuple(checks), missing=tuple(code for code in CHECKS if code in missing)))
    return tuple(out)


def readiness(items: tuple[Brief, ...]) -> float:
    """The share of all the briefs' checks that are met (0..1); 1 when nothing is bought."""
    total = sum(len(brief.checks) for brief in items)
    return 1.0 - sum(len(brief.missing) for brief in items) / total if total else 1.0
