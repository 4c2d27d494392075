"""The rule kinds that data/rules.yaml may use.

A kind declares its parameters (type and default), the placeholders its messages may use,
a `check` that finds where a plan breaks the rule, and optionally a `shape` that tells the
assignment step what the rule asks of it (for example: keep `lead` in-house).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import fmt
from .scenario import SPECS
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT, PROVIDERS, ROLES

REQUIRED = object()
NUMERIC_FIELDS = tuple(name for name, spec in SPECS.items() if spec.kind in ("int", "float"))


@dataclass
class Policy:
    """What the rules ask of the assignment step."""

    in_house_only: set[str] = field(default_factory=set)
    coordination_per_external_hour: float = 0.0
    prefer_external: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """One place a plan breaks a rule, with the values its message needs."""

    capability: str | None = None
    seat: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None  # overrides the rule's severity (a kind may escalate)


@dataclass(frozen=True)
class Kind:
    name: str
    params: dict[str, tuple[str, Any]]
    placeholders: tuple[str, ...]
    check: Callable[[dict[str, Any], Any], list[Hit]]
    shape: Callable[[dict[str, Any], Policy], None] | None = None
    description: str = ""


KINDS: dict[str, Kind] = {}


def register(name: str, params: dict[str, tuple[str, Any]], placeholders: tuple[str, ...],
             description: str, shape: Callable | None = None):
    """Register a rule kind: `@register(...)` over its check function."""

    def wrap(check: Callable) -> Callable:
        KINDS[name] = Kind(name, params, placeholders, check, shape, description)
        return check

    return wrap


# ---- parameter checking -------------------------------------------------------------------
def _check_param(kind: str, value: Any) -> Any:
    if kind in ("fraction", "hours", "number", "count"):
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise ValueError(f"expected a number, got {value!r}")
        if value < 0 or (kind == "fraction" and value > 1):
            raise ValueError(f"expected a number {'within 0..1' if kind == 'fraction' else '>= 0'}, "
                             f"got {value!r}")
        if kind == "count" and value != int(value):
            raise ValueError(f"expected a whole number, got {value!r}")
        return int(value) if kind == "count" else float(value)
    if kind == "capability":
        if value not in CAPABILITIES:
            raise ValueError(f"unknown capability {value!r}")
        return value
    if kind == "capability_or_all":
        if value != "all" and value not in CAPABILITIES:
            raise ValueError(f"unknown capability {value!r} (or 'all')")
        return value
    if kind == "driver":
        if value not in NUMERIC_FIELDS:
            raise ValueError(f"unknown scenario field {value!r}")
        return value
    allowed = {"capabilities": CAPABILITIES, "roles": ROLES, "providers": PROVIDERS}[kind]
    if not isinstance(value, list):
        raise ValueError(f"expected a list of {kind}, got {value!r}")
    for item in value:
        if item not in allowed:
            raise ValueError(f"unknown {kind[:-1] if kind != 'capabilities' else 'capability'} {item!r}")
    return tuple(value)


def check_params(kind: Kind, params: dict[str, Any]) -> dict[str, Any]:
    """Validate a rule's params against its kind; raise ValueError('key: problem')."""
    out: dict[str, Any] = {}
    for key in params:
        if key not in kind.params:
            raise ValueError(f"{key}: unknown parameter for kind {kind.name} "
                             f"(expected: {', '.join(kind.params) or 'none'})")
    for key, (param_kind, default) in kind.params.items():
        if key not in params:
            if default is REQUIRED:
                raise ValueError(f"{key}: missing required parameter")
            out[key] = default
            continue
        try:
            out[key] = _check_param(param_kind, params[key])
        except ValueError as error:
            raise ValueError(f"{key}: {error}") from None
    return out


def build_policy(rules) -> Policy:
    policy = Policy()
    for rule in rules:
        kind = KINDS[rule.kind]
        if kind.shape is not None:
            kind.shape(rule.params, policy)
    return policy


# ---- formatting findings --------------------------------------------------------------------
SEAT_WORD = {"en": "Seat", "sv": "Plats"}
MARKETING_LEAD_NAME = {"en": "Head of marketing (outside the team)",
                       "sv": "Marknadsansvarig (utanför teamet)"}


def seat_label(seat: str, lang: str = "en") -> str:
    """'S3' -> 'Seat 3' / 'Plats 3'; the marketing lead by name."""
    if seat == MARKETING_LEAD_SEAT:
        return MARKETING_LEAD_NAME.get(lang, MARKETING_LEAD_NAME["en"])
    if seat.startswith("S") and seat[1:].isdigit():
        return f"{SEAT_WORD.get(lang, 'Seat')} {seat[1:]}"
    return seat


def render(value: Any, lang: str, catalog) -> str:
    if not isinstance(value, tuple):
        return str(value)
    tag, payload = value
    if tag == "pct":
        return fmt.pct(payload, lang)
    if tag == "hours":
        return fmt.hours(payload, lang)
    if tag == "sek":
        return fmt.sek(payload, lang)
    if tag == "number":
        return fmt.number(payload, lang)
    if tag == "seat":
        return seat_label(payload, lang)
    if tag == "name":
        return catalog.name(payload, lang)
    if tag == "names":
        return ", ".join(catalog.name(item, lang) for item in payload)
    if tag == "text":
        return payload.get(lang, payload["en"])
    return str(payload)


def driver_value(field_name: str, value: float) -> tuple[str, float]:
    return ("pct", value) if SPECS[field_name].kind == "float" and SPECS[field_name].high == 1 \
        else ("number", value)


# ---- the kinds --------------------------------------------------------------------------
def _shape_internal(params: dict, policy: Policy) -> None:
    policy.in_house_only.add(params["capability"])
    policy.coordination_per_external_hour += params["coordination_per_external_hour"]


@register("internal_owner_required",
          {"capability": ("capability", REQUIRED), "min_share": ("fraction", 1.0),
           "coordination_per_external_hour": ("number", 0.0)},
          ("capability", "share", "external_hours"),
          "The capability is never bought outside; in-house team members must carry at least "
          "min_share of its demand. Each externally bought hour adds "
          "coordination_per_external_hour of in-house coordination to its owner.",
          shape=_shape_internal)
def check_internal_owner(params: dict, ctx) -> list[Hit]:
    cap = params["capability"]
    demand = ctx.demand[cap]
    if demand <= 0:
        return []
    share = ctx.team_hours(cap) / demand
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "share": ("pct", share),
        "external_hours": ("hours", ctx.external_hours())})]


@register("owner_role_required",
          {"capability": ("capability", REQUIRED), "roles": ("roles", REQUIRED),
           "min_share": ("fraction", 0.5)},
          ("capability", "share", "roles"),
          "People in one of `roles` (including the head of marketing's hours) must carry at "
          "least min_share of the capability's demand.")
def check_owner_role(params: dict, ctx) -> list[Hit]:
    cap = params["capability"]
    demand = ctx.demand[cap]
    if demand <= 0:
        return []
    hours = sum(line.hours for line in ctx.assignments
                if line.capability == cap and line.provider_type == "in_house"
                and line.provider in params["roles"])
    share = hours / demand
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "share": ("pct", share), "roles": ("names", params["roles"])})]


@register("min_coverage",
          {"capability": ("capability_or_all", REQUIRED), "min_coverage": ("fraction", REQUIRED)},
          ("capability", "coverage", "uncovered"),
          "The capability (or each one, with 'all') must be covered at least at min_coverage.")
def check_min_coverage(params: dict, ctx) -> list[Hit]:
    caps = CAPABILITIES if params["capability"] == "all" else (params["capability"],)
    return [
        Hit(capability=cap, values={
            "capability": ("name", cap), "coverage": ("pct", ctx.coverage[cap]),
            "uncovered": ("hours", ctx.uncovered[cap])})
        for cap in caps
        if ctx.demand[cap] > 0 and ctx.coverage[cap] + 1e-9 < params["min_coverage"]
    ]


def _shape_prefer_external(params: dict, policy: Policy) -> None:
    policy.prefer_external[params["capability"]] = (
        params["below_hours"], params["unless_in_house_fit"])


@register("prefer_external_below",
          {"capability": ("capability", REQUIRED), "below_hours": ("hours", REQUIRED),
           "unless_in_house_fit": ("fraction", 0.7)},
          ("capability", "hours", "below_hours"),
          "While the capability's demand is below below_hours and nobody in the team fits it at "
          "unless_in_house_fit or better, it is bought outside first; in-house generalists take "
          "it only when the budget runs out (and the rule then reports it).",
          shape=_shape_prefer_external)
def check_prefer_external(params: dict, ctx) -> list[Hit]:
    cap = params["capability"]
    if not 0 < ctx.demand[cap] < params["below_hours"]:
        return []
    if ctx.best_team_fit(cap) >= params["unless_in_house_fit"]:
        return []
    hours = ctx.team_hours(cap)
    if hours <= 1e-9:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "hours": ("hours", hours),
        "below_hours": ("hours", params["below_hours"])})]


@register("specialist_required",
          {"capability": ("capability", REQUIRED), "active_if": ("driver", REQUIRED),
           "above": ("number", 0.0), "roles": ("roles", ()), "providers": ("providers", ()),
           "min_share": ("fraction", 0.5)},
          ("capability", "share", "driver_value"),
          "When the scenario field active_if is above `above`, specialists (in-house `roles` or "
          "external `providers`) must carry at least min_share of the capability's demand.")
def check_specialist(params: dict, ctx) -> list[Hit]:
    cap, driver = params["capability"], params["active_if"]
    value = getattr(ctx.scenario, driver)
    demand = ctx.demand[cap]
    if value <= params["above"] or demand <= 0:
        return []
    specialists = set(params["roles"]) | set(params["providers"])
    hours = sum(line.hours for line in ctx.assignments
                if line.capability == cap and line.provider in specialists)
    share = hours / demand
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "share": ("pct", share),
        "driver_value": driver_value(driver, value)})]


@register("min_activity_share",
          {"capabilities": ("capabilities", REQUIRED), "min_share": ("fraction", REQUIRED),
           "target": ("fraction", 0.5)},
          ("share", "target"),
          "The capabilities together must be at least min_share of all the hours the plan "
          "carries (the platforms' view is `target`).")
def check_activity_share(params: dict, ctx) -> list[Hit]:
    total = sum(line.hours for line in ctx.assignments)
    if total <= 0:
        return []
    share = sum(line.hours for line in ctx.assignments
                if line.capability in params["capabilities"]) / total
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=params["capabilities"][0], values={
        "share": ("pct", share), "target": ("pct", params["target"])})]


@register("role_excluded_unless",
          {"capability": ("capability", REQUIRED), "roles": ("roles", REQUIRED),
           "unless_org_size_below": ("count", 0), "min_hours": ("hours", 1.0)},
          ("seat", "role", "hours", "capability"),
          "Seats in `roles` should not carry min_hours or more of the capability, unless the "
          "organisation has fewer than unless_org_size_below employees.")
def check_role_excluded(params: dict, ctx) -> list[Hit]:
    if ctx.scenario.org_size < params["unless_org_size_below"]:
        return []
    cap = params["capability"]
    return [
        Hit(capability=cap, seat=line.seat, values={
            "seat": ("seat", line.seat), "role": ("name", line.provider),
            "hours": ("hours", line.hours), "capability": ("name", cap)})
        for line in ctx.assignments
        if line.capability == cap and line.provider_type == "in_house"
        and line.provider in params["roles"] and line.hours >= params["min_hours"]
    ]


@register("internal_briefer_required",
          {"capability": ("capability", REQUIRED), "min_fit": ("fraction", 0.4)},
          ("capability", "external_hours"),
          "When the capability is bought outside, someone in the team must fit it at min_fit or "
          "better, so that they can brief and follow up the supplier.")
def check_briefer(params: dict, ctx) -> list[Hit]:
    cap = params["capability"]
    external = ctx.external_hours(cap)
    if external <= 1e-9 or ctx.best_team_fit(cap) >= params["min_fit"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "external_hours": ("hours", external)})]


ASKER = {"en": "someone who asks the questions (market, strategy)",
         "sv": "någon som ställer frågorna (marknad, strategi)"}
PRODUCER = {"en": "someone who produces the data with the answers",
            "sv": "någon som tar fram datan med svaren"}


@register("two_roles_required",
          {"capability": ("capability", REQUIRED), "askers": ("roles", REQUIRED),
           "producers": ("roles", REQUIRED), "producer_providers": ("providers", ())},
          ("capability", "missing"),
          "The capability needs both a question-asker (someone in `askers` in the plan, the head "
          "of marketing's hours included) and a data-producer (a seat in `producers`, or one of "
          "`producer_providers` working on the capability).")
def check_two_roles(params: dict, ctx) -> list[Hit]:
    cap = params["capability"]
    if ctx.demand[cap] <= 0:
        return []
    has_asker = any(person.role in params["askers"] for person in ctx.people)
    has_producer = any(person.role in params["producers"] for person in ctx.people) or any(
        line.capability == cap and line.provider in params["producer_providers"]
        for line in ctx.assignments)
    missing = [text for text, present in ((ASKER, has_asker), (PRODUCER, has_producer))
               if not present]
    if not missing:
        return []
    joined = {lang: (" and " if lang == "en" else " och ").join(text[lang] for text in missing)
              for lang in ("en", "sv")}
    return [Hit(capability=cap, values={"capability": ("name", cap), "missing": ("text", joined)})]


@register("max_capabilities_per_person",
          {"max_capabilities": ("count", REQUIRED), "min_hours": ("hours", 1.0)},
          ("seat", "role", "count", "max"),
          "No team member may carry more than max_capabilities capabilities of min_hours or more.")
def check_max_capabilities(params: dict, ctx) -> list[Hit]:
    hits = []
    for person in ctx.people:
        if not person.in_team:
            continue
        count = sum(1 for cap in CAPABILITIES
                    if ctx.seat_hours(person.seat, cap) >= params["min_hours"])
        if count > params["max_capabilities"]:
            hits.append(Hit(seat=person.seat, values={
                "seat": ("seat", person.seat), "role": ("name", person.role),
                "count": count, "max": params["max_capabilities"]}))
    return hits


@register("max_utilisation",
          {"max_utilisation": ("number", 1.0), "critical_above": ("number", 1.15)},
          ("seat", "role", "utilisation"),
          "Nobody may be loaded beyond max_utilisation of their capacity; beyond critical_above the "
          "finding is critical whatever the rule's severity.")
def check_utilisation(params: dict, ctx) -> list[Hit]:
    return [
        _load_hit(person, "critical" if person.utilisation > params["critical_above"] + 1e-9 else None)
        for person in ctx.people if person.utilisation > params["max_utilisation"] + 1e-9
    ]


def _load_hit(person, severity: str | None = None) -> Hit:
    return Hit(seat=person.seat, severity=severity, values={
        "seat": ("seat", person.seat), "role": ("name", person.role),
        "utilisation": ("pct", person.utilisation)})


@register("min_utilisation",
          {"min_utilisation": ("fraction", 0.25)},
          ("seat", "role", "utilisation"),
          "A team seat loaded below min_utilisation of its capacity is reported: the plan has "
          "little for that role to do, yet its full cost counts.")
def check_underused(params: dict, ctx) -> list[Hit]:
    return [
        _load_hit(person)
        for person in ctx.people
        if person.in_team and person.capacity > 0 and person.utilisation + 1e-9 < params["min_utilisation"]
    ]


@register("in_house_within_budget", {}, ("in_house_cost", "budget"),
          "The fully loaded in-house cost must fit in the budget.")
def check_budget(params: dict, ctx) -> list[Hit]:
    if ctx.cost.in_house <= ctx.cost.budget:
        return []
    return [Hit(values={"in_house_cost": ("sek", ctx.cost.in_house),
                        "budget": ("sek", ctx.cost.budget)})]


@register("provider_minimum_fee", {}, ("provider", "monthly_fee", "minimum"),
          "An agency bought for less than its minimum monthly retainer is reported.")
def check_minimum_fee(params: dict, ctx) -> list[Hit]:
    hits = []
    for provider_id, yearly in ctx.provider_fees().items():
        provider = ctx.catalog.providers[provider_id]
        monthly = yearly / 12
        if 0 < monthly < provider.min_retainer_sek_month - 1e-6:
            hits.append(Hit(values={
                "provider": ("name", provider_id), "monthly_fee": ("sek", monthly),
                "minimum": ("sek", provider.min_retainer_sek_month)}))
    return hits
