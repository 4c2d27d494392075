"""The rule kinds that data/rules.yaml may use, each declared once, here.

A kind declares:

- its parameters (`Param`: type, default, unit and label key; an upper bound where it means more
  than its type's), which the catalog checks and the Assumptions page shows;
- what it asks of the programme: a `shape` that adds to the `Policy` (what it constrains or
  penalises, named in `steers`), for example keep `lead` in-house;
- what it reports: a `check` that finds where a plan breaks the rule, and the values its findings
  give their message and advice (`placeholders`);
- the values a rule's one-line summary may show (`summary_placeholders`: its parameters, and
  what the kind adds in `summary`);
- whether the budget matters to it (`budget`) and whether it names the in-house owner of a
  capability (`owner`).

The declarations hold no English or Swedish: labels and units are keys (their texts:
data/rule_labels.yaml and ui/assumption_texts.py UNITS), a rule's summary, message and advice come
from data/rules.yaml, and the values of findings are numbers, ids and codes (model/plan.py Finding)
that ui/findings.py words. The `description` of a kind (its check function's docstring) is
documentation for developers.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import Invalid, shown
from .scenario import SPECS
from .vocab import CAPABILITIES, PROVIDERS, ROLES

REQUIRED = object()
NUMERIC_FIELDS = tuple(name for name, spec in SPECS.items() if spec.kind in ("int", "float"))
PARAM_TYPES: tuple[str, ...] = (
    "fraction", "hours", "number", "count", "penalty", "flag", "capability", "capability_or_all",
    "driver", "driver_or_none", "capabilities", "roles", "providers",
)
NUMERIC_TYPES: tuple[str, ...] = ("fraction", "hours", "number", "count", "penalty")
FIELD = "field"  # a unit: that of the scenario field named by the parameter `of` (a threshold on it)
# The units a numeric parameter may declare, each with how a summary shows its value (a tag of a
# value, model/plan.py Finding). Their texts: ui/assumption_texts.py UNITS.
UNIT_FORMATS: dict[str, str] = {
    "share": "pct", "utilisation": "pct", "fit": "fit", "h_week": "hours", "sek_year": "sek",
    "sek_month": "sek", "count": "number", "employees": "number", "points_h": "number",
    "h_per_h": "number",
}
BUDGET_PARTS: tuple[str, ...] = ("check", "shape")


@dataclass(frozen=True)
class Param:
    """One parameter of a rule kind, as data/rules.yaml writes it.

    type: how it is written and checked (PARAM_TYPES). A numeric one (NUMERIC_TYPES) declares a
    unit (a key of UNIT_FORMATS, or FIELD with `of` naming the parameter that holds the scenario
    field it is a threshold on) and a label key (texts: data/rule_labels.yaml); `high` is its
    largest value where that is not its type's (model/catalog.py PARAM_HIGH).
    """

    type: str
    default: Any = REQUIRED
    unit: str | None = None
    label: str | None = None
    high: float | None = None
    of: str | None = None

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def in_summary(self) -> bool:
        """Whether a rule's summary may show it ({name}): numbers, capabilities, roles, providers.
        Flags and scenario fields are said in the summary's own words."""
        return self.numeric or self.type in ("capability", "capability_or_all", "capabilities",
                                             "roles", "providers")


@dataclass(frozen=True)
class HourPenalty:
    """A soft rule: each hour of `capability` done by a unit for which `who(unit)` holds costs
    `per_hour` points of the objective (a point is one hour of work at fit 1, priority 1)."""

    capability: str
    per_hour: float
    who: Callable[[Any], bool]
    pool: str | None = None  # "video": only the video part of the capability


@dataclass(frozen=True)
class HourBonus:
    """A soft rule: the first `up_to` hours of `capability` done by units for which `who(unit)`
    holds earn `per_hour` points more (a concave reward: a little of it matters most)."""

    capability: str
    per_hour: float
    up_to: float
    who: Callable[[Any], bool]


@dataclass(frozen=True)
class ShareFloor:
    """A near-hard rule: in-house people in `roles` (anyone in-house when None) carry at least
    min_share of the capability's demand, as far as their hours reach."""

    capability: str
    roles: frozenset[str] | None  # None: anyone in-house
    min_share: float


@dataclass(frozen=True)
class Spread:
    """A soft count: each capability a team member carries beyond `most` (more than `min_hours`
    of it) costs `per_extra` points."""

    most: int
    per_extra: float
    min_hours: float


@dataclass
class Policy:
    """What the rules ask of the programme (model/engine.py builds it from this)."""

    in_house_only: set[str] = field(default_factory=set)
    coordination_per_external_hour: float = 0.0
    penalties: list[HourPenalty] = field(default_factory=list)
    share_floors: list[ShareFloor] = field(default_factory=list)
    bonuses: list[HourBonus] = field(default_factory=list)
    spread: Spread | None = None

    def penalty(self, unit: Any, capability: str, pool: str) -> float:
        return sum(item.per_hour for item in self.penalties
                   if item.capability == capability and (item.pool is None or item.pool == pool)
                   and item.who(unit))


POLICY_FIELDS: tuple[str, ...] = tuple(item.name for item in fields(Policy))


@dataclass(frozen=True)
class ShapeContext:
    """What a rule may look at when it shapes the programme (before anything is solved)."""

    scenario: Any
    demand: dict[str, float]
    catalog: Any


@dataclass(frozen=True)
class Hit:
    """One place a plan breaks a rule, with the values its message needs."""

    capability: str | None = None
    seat: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None  # overrides the rule's severity (a kind may escalate)


@dataclass(frozen=True)
class Kind:
    """A rule kind as declared with `register` (see the module's docstring)."""

    name: str
    params: dict[str, Param]
    placeholders: tuple[str, ...]  # what it reports: the values of its findings (message, advice)
    check: Callable[[dict[str, Any], Any], list[Hit]]
    shape: Callable[[dict[str, Any], Policy, ShapeContext], None] | None = None
    description: str = ""  # for developers: what it asks and when it reports (its check's docstring)
    steers: frozenset[str] = frozenset()  # the Policy fields its shape may add to
    budget: frozenset[str] = frozenset()  # "check": its findings read the budget (or what is
    # left of it); "shape": the programme it asks for does (an optimum at one budget is then not
    # one at another)
    owner: bool = False  # its `capability` must be owned in-house (lead; strategy by leadership)
    summary: dict[str, Callable[[dict[str, Any]], Any]] = field(default_factory=dict)  # summary
    # placeholders beyond its parameters (or shown otherwise than a parameter is), from the params

    @property
    def summary_placeholders(self) -> tuple[str, ...]:
        """The {names} a rule's summary may use."""
        names = [name for name, param in self.params.items() if param.in_summary]
        return tuple(names + [name for name in self.summary if name not in names])


KINDS: dict[str, Kind] = {}


def register(name: str, *, params: dict[str, Param], reports: tuple[str, ...],
             shape: Callable | None = None, steers: tuple[str, ...] = (), budget: tuple[str, ...] = (),
             owner: bool = False, summary: dict[str, Callable] | None = None):
    """Register a rule kind: `@register(...)` over its check function. A declaration that is
    incomplete or inconsistent (a number without unit or label, a shape without what it steers)
    raises ValueError here, when the module is imported."""

    def wrap(check: Callable) -> Callable:
        kind = Kind(name, dict(params), tuple(reports), check, shape, inspect.getdoc(check) or "",
                    frozenset(steers), frozenset(budget), owner, dict(summary or {}))
        check_declaration(kind)
        KINDS[name] = kind
        return check

    return wrap


def _bad(kind: Kind, text: str) -> ValueError:
    return ValueError(f"{kind.name}: {text}")


def check_declaration(kind: Kind) -> None:
    """Raise ValueError (a programming mistake, at import) when a kind's declaration is incomplete or
    inconsistent; the message is for the developer who wrote it."""
    for key, param in kind.params.items():
        if not isinstance(param, Param) or param.type not in PARAM_TYPES:
            raise _bad(kind, f"parameter {key}: expected a Param of a type in "
                             f"{', '.join(PARAM_TYPES)}")
        if not param.numeric:
            if param.unit or param.label or param.high is not None or param.of:
                raise _bad(kind, f"parameter {key}: only a number has a unit, a label, a bound "
                                 "or `of`")
            continue
        if not param.label:
            raise _bad(kind, f"parameter {key}: a number needs a label key")
        if param.unit == FIELD:
            driver = kind.params.get(param.of or "")
            if driver is None or driver.type not in ("driver", "driver_or_none"):
                raise _bad(kind, f"parameter {key}: unit {FIELD} needs `of` naming a "
                                 "scenario-field parameter")
        elif param.unit not in UNIT_FORMATS:
            raise _bad(kind, f"parameter {key}: unit {param.unit!r} is not one of "
                             f"{', '.join(UNIT_FORMATS)}, {FIELD}")
    unknown = sorted(kind.steers - set(POLICY_FIELDS))
    if unknown:
        raise _bad(kind, f"steers {unknown[0]!r}, not a Policy field ({', '.join(POLICY_FIELDS)})")
    if bool(kind.steers) != (kind.shape is not None):
        raise _bad(kind, "a shape and what it steers go together")
    if not kind.budget <= set(BUDGET_PARTS):
        raise _bad(kind, f"budget is a set of {', '.join(BUDGET_PARTS)}")
    if kind.owner and getattr(kind.params.get("capability"), "type", None) != "capability":
        raise _bad(kind, "an owner kind names the capability it keeps in a `capability` "
                         "parameter")


def budget_matters(rule, part: str) -> bool:
    """Whether the budget matters to a rule's `part`: "check" (its findings) or "shape" (the
    programme it asks for). Its kind says so, or a parameter names budget_sek as the scenario field
    it reads."""
    kind = KINDS[rule.kind]
    return part in kind.budget or any(
        param.type in ("driver", "driver_or_none") and rule.params.get(key) == "budget_sek"
        for key, param in kind.params.items())


# ---- parameter checking -------------------------------------------------------------------
def _check_param(kind: str, value: Any) -> Any:
    """The value of a parameter of type `kind`, or Invalid (a model.errors problem) saying why not."""
    if kind == "flag":
        if not isinstance(value, bool):
            raise Invalid("bool.expected", got=shown(value))
        return value
    if kind in ("fraction", "hours", "number", "count", "penalty"):
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise Invalid("number.expected", got=shown(value))
        if value < 0 or (kind == "fraction" and value > 1):
            if kind == "fraction":
                raise Invalid("number.range", low=0, high=1, got=shown(value))
            raise Invalid("number.low", low=0, got=shown(value))
        if kind == "count" and value != int(value):
            raise Invalid("number.not_whole", got=shown(value))
        return int(value) if kind == "count" else float(value)
    if kind in ("capability", "capability_or_all"):
        allowed = CAPABILITIES + (("all",) if kind == "capability_or_all" else ())
        if value not in allowed:
            raise Invalid("value.unknown", got=shown(value), expected=allowed)
        return value
    if kind in ("driver", "driver_or_none"):
        if kind == "driver_or_none" and value is None:
            return None
        if value not in NUMERIC_FIELDS:
            raise Invalid("value.unknown", got=shown(value), expected=tuple(NUMERIC_FIELDS))
        return value
    allowed = {"capabilities": CAPABILITIES, "roles": ROLES, "providers": PROVIDERS}[kind]
    if not isinstance(value, list):
        raise Invalid("ids.expected", got=shown(value))
    for item in value:
        if item not in allowed:
            raise Invalid("value.unknown", got=shown(item), expected=allowed)
    return tuple(value)


def check_params(kind: Kind, params: dict[str, Any]) -> dict[str, Any]:
    """Validate a rule's params against its kind; raise Invalid with the parameter as its `key`."""
    out: dict[str, Any] = {}
    for key in params:
        if key not in kind.params:
            raise Invalid("param.unknown", kind=kind.name, expected=tuple(kind.params), key=str(key)[:60])
    for key, param in kind.params.items():
        if key not in params:
            if param.default is REQUIRED:
                raise Invalid("param.missing", key=key)
            out[key] = param.default
            continue
        try:
            out[key] = _check_param(param.type, params[key])
        except Invalid as error:
            raise Invalid(error.problem.code, **error.problem.values, key=key) from None
    return out


def build_policy(rules, scenario, demand: dict[str, float], catalog) -> Policy:
    """What the rules constrain and penalise, for one scenario."""
    policy = Policy()
    ctx = ShapeContext(scenario, demand, catalog)
    for rule in rules:
        kind = KINDS[rule.kind]
        if kind.shape is not None:
            kind.shape(rule.params, policy, ctx)
    return policy


# ---- values of findings -------------------------------------------------------------------------
# The tags of the (tag, payload) values that kinds give their findings and summaries (model/plan.py
# Finding), and the codes a ("code", c) or ("codes", (c, ...)) value may hold: ui/findings.py words
# each of them.
VALUE_TAGS: tuple[str, ...] = ("pct", "hours", "sek", "number", "fit", "seat", "name", "names",
                               "names_or", "names_and", "code", "codes")
VALUE_CODES: tuple[str, ...] = (
    "asker",  # two_roles_required: someone who asks the questions (market, strategy)
    "producer",  # two_roles_required: someone who produces the data with the answers
    "short_of_budget",  # team_size_filled: the budget pays for no more seats
    "short_of_work",  # team_size_filled: the workload keeps no more seats busy enough
    "no_backup",  # backup_required: nobody in-house or outside can step in
)


def driver_value(field_name: str, value: float) -> tuple[str, float]:
    return ("pct", value) if SPECS[field_name].kind == "float" and SPECS[field_name].high == 1 \
        else ("number", value)


# ---- summaries ------------------------------------------------------------------------------
def summary_values(kind: Kind, params: dict[str, Any]) -> dict[str, Any]:
    """The values a rule's summary shows ({name} -> a (tag, payload) value as findings give it,
    worded by ui/findings.py): each parameter it may show, a number in its unit's format (a
    threshold on a scenario field in that field's), capabilities, roles and providers by name
    ("names_or": any of them; "names_and": all), then what the kind adds. `params` are checked
    ones (every parameter is there)."""
    out: dict[str, Any] = {}
    for key, param in kind.params.items():
        if not param.in_summary or key not in params:
            continue
        value = params[key]
        if param.unit == FIELD:
            driver = params.get(param.of or "")
            out[key] = driver_value(driver, value) if driver in SPECS else ("number", value)
        elif param.numeric:
            out[key] = (UNIT_FORMATS[param.unit or "count"], value)
        elif param.type == "capability_or_all":
            out[key] = ("names_and", CAPABILITIES) if value == "all" else ("name", value)
        elif param.type == "capability":
            out[key] = ("name", value)
        else:
            out[key] = ("names_and" if param.type == "capabilities" else "names_or", tuple(value))
    for key, build in kind.summary.items():
        out[key] = build(params)
    return out


# ---- the kinds --------------------------------------------------------------------------
def _shape_internal(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    policy.share_floors.append(ShareFloor(params["capability"], None, params["min_share"]))
    policy.in_house_only.add(params["capability"])
    policy.coordination_per_external_hour += params["coordination_per_external_hour"]


@register("internal_owner_required",
          params={"capability": Param("capability"),
                  "min_share": Param("fraction", 1.0, unit="share", label="min_share"),
                  "coordination_per_external_hour": Param("number", 0.0, unit="h_per_h",
                                                          label="coordination_per_external_hour",
                                                          high=10.0)},
          reports=("capability", "share", "external_hours"),
          shape=_shape_internal, steers=("in_house_only", "share_floors", "coordination_per_external_hour"),
          owner=True,
          summary={"coordination_minutes": lambda p: ("number", p["coordination_per_external_hour"] * 60)})
def check_internal_owner(params: dict, ctx) -> list[Hit]:
    """Hard: the capability is never bought outside, people in-house (the team, the head of marketing's
    hours and unpaid hours) carry at least min_share of it as far as their hours reach, and
    every hour bought outside needs coordination_per_external_hour of an in-house orderer's time
    (within capacity). Reported when people in-house carry less than min_share of its demand."""
    cap = params["capability"]
    demand = ctx.demand[cap]
    if demand <= 0:
        return []
    share = ctx.in_house_hours(cap) / demand
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "share": ("pct", share),
        "external_hours": ("hours", ctx.external_hours())})]


@register("owner_role_required",
          params={"capability": Param("capability"), "roles": Param("roles"),
                  "min_share": Param("fraction", 0.5, unit="share", label="min_share")},
          reports=("capability", "share", "roles"),
          shape=lambda params, policy, ctx: policy.share_floors.append(ShareFloor(
              params["capability"], frozenset(params["roles"]), params["min_share"])),
          steers=("share_floors",), owner=True)
def check_owner_role(params: dict, ctx) -> list[Hit]:
    """Hard, as far as their hours reach: people in one of `roles` (the head of marketing's hours
    included) carry at least min_share of the capability's demand. Reported when they carry
    less."""
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
          params={"capability": Param("capability_or_all"),
                  "min_coverage": Param("fraction", unit="share", label="min_coverage"),
                  "critical_below": Param("fraction", 0.0, unit="share", label="critical_below"),
                  "except": Param("capabilities", ())},
          reports=("capability", "coverage", "uncovered"),
          summary={"capability": lambda p: (
              ("names_and", tuple(cap for cap in CAPABILITIES if cap not in p["except"]))
              if p["capability"] == "all" else ("name", p["capability"]))})
def check_min_coverage(params: dict, ctx) -> list[Hit]:
    """The capability (or each one, with 'all', but those in `except`) must be covered at least at
    min_coverage; below critical_below the finding is critical whatever the rule's severity."""
    caps = (tuple(cap for cap in CAPABILITIES if cap not in params["except"])
            if params["capability"] == "all" else (params["capability"],))
    return [
        Hit(capability=cap, severity=_critical_below(ctx.coverage[cap], params), values={
            "capability": ("name", cap), "coverage": ("pct", ctx.coverage[cap]),
            "uncovered": ("hours", ctx.uncovered[cap])})
        for cap in caps
        if ctx.demand[cap] > 0 and ctx.coverage[cap] + 1e-9 < params["min_coverage"]
    ]


def _critical_below(coverage: float, params: dict) -> str | None:
    return "critical" if coverage + 1e-9 < params["critical_below"] else None


@register("min_overall_coverage",
          params={"min_coverage": Param("fraction", unit="share", label="min_coverage"),
                  "critical_below": Param("fraction", 0.0, unit="share", label="critical_below")},
          reports=("coverage", "uncovered"))
def check_overall_coverage(params: dict, ctx) -> list[Hit]:
    """The work as a whole (hours done over hours needed) must be covered at least at
    min_coverage; below critical_below the finding is critical whatever the rule's severity."""
    total = sum(ctx.demand.values())
    if total <= 0:
        return []
    coverage = min(1.0, sum(ctx.demand[cap] - ctx.uncovered[cap] for cap in CAPABILITIES) / total)
    if coverage + 1e-9 >= params["min_coverage"]:
        return []
    return [Hit(severity=_critical_below(coverage, params), values={
        "coverage": ("pct", coverage), "uncovered": ("hours", sum(ctx.uncovered.values()))})]


def _shape_prefer_external(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    cap = params["capability"]
    if not 0 < ctx.demand[cap] < params["below_hours"] or params["penalty"] <= 0:
        return
    unless = params["unless_in_house_fit"]
    policy.penalties.append(HourPenalty(
        cap, params["penalty"],
        lambda unit: unit.in_house and unit.fit.get(cap, 0.0) < unless))


@register("prefer_external_below",
          params={"capability": Param("capability"),
                  "below_hours": Param("hours", unit="h_week", label="below_hours"),
                  "unless_in_house_fit": Param("fraction", 0.7, unit="fit", label="unless_in_house_fit"),
                  "penalty": Param("penalty", 0.2, unit="points_h", label="penalty")},
          reports=("capability", "hours", "below_hours"),
          shape=_shape_prefer_external, steers=("penalties",))
def check_prefer_external(params: dict, ctx) -> list[Hit]:
    """Soft: while the capability's demand is below below_hours, each hour of it done in-house by
    someone who fits it below unless_in_house_fit costs `penalty`, so it is bought outside when
    the budget allows. Reported when generalists still carry it."""
    cap = params["capability"]
    if not 0 < ctx.demand[cap] < params["below_hours"]:
        return []
    hours = sum(line.hours for line in ctx.assignments if line.capability == cap
                and line.provider_type == "in_house" and line.fit < params["unless_in_house_fit"])
    if hours <= 0.05:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "hours": ("hours", hours),
        "below_hours": ("hours", params["below_hours"])})]


def _specialists(params: dict) -> frozenset[str]:
    return frozenset(params["roles"]) | frozenset(params["providers"])


def _specialist_active(params: dict, scenario) -> bool:
    if getattr(scenario, params["active_if"]) <= params["above"]:
        return False
    return params["requires"] is None or getattr(scenario, params["requires"]) > 0


def _shape_specialist(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    if params["penalty"] <= 0 or not _specialist_active(params, ctx.scenario):
        return
    specialists = _specialists(params)
    policy.penalties.append(HourPenalty(
        params["capability"], params["penalty"], lambda unit: unit.ident not in specialists,
        "video" if params["video_only"] else None))


@register("specialist_required",
          params={"capability": Param("capability"), "active_if": Param("driver"),
                  "above": Param("number", 0.0, unit=FIELD, of="active_if", label="above"),
                  "requires": Param("driver_or_none", None),
                  "roles": Param("roles", ()), "providers": Param("providers", ()),
                  "min_share": Param("fraction", 0.5, unit="share", label="min_share"),
                  "video_only": Param("flag", False),
                  "penalty": Param("penalty", 0.15, unit="points_h", label="penalty")},
          reports=("capability", "share", "driver_value", "coverage", "quality"),
          shape=_shape_specialist, steers=("penalties",),
          summary={"specialists": lambda p: ("names_or", tuple(p["roles"]) + tuple(p["providers"]))})
def check_specialist(params: dict, ctx) -> list[Hit]:
    """Soft: when the scenario field active_if is above `above` (and `requires`, if named, is above 0),
    each hour of the capability (its video part with video_only) done by others than the
    specialists (in-house `roles`, outside `providers`) costs `penalty`. Reported when
    specialists carry less than min_share of that demand."""
    cap = params["capability"]
    demand = ctx.demand_pools[cap]["video"] if params["video_only"] else ctx.demand[cap]
    if not _specialist_active(params, ctx.scenario) or demand <= 1e-6:
        return []
    specialists = _specialists(params)
    hours = sum(line.hours for line in ctx.assignments
                if line.capability == cap and line.provider in specialists)
    if not params["video_only"]:
        # the share of the work done (work left undone is the coverage rules' concern); the video
        # pool is not told apart in the lines, so video is measured against its demand
        demand = sum(line.hours for line in ctx.assignments if line.capability == cap)
        if demand <= 1e-6:
            return []
    share = min(1.0, hours / demand)
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "share": ("pct", share),
        "driver_value": driver_value(params["active_if"], getattr(ctx.scenario, params["active_if"])),
        "coverage": ("pct", ctx.coverage[cap]), "quality": ("fit", ctx.quality[cap])})]


@register("min_activity_share",
          params={"capabilities": Param("capabilities"),
                  "min_share": Param("fraction", unit="share", label="min_share"),
                  "target": Param("fraction", 0.5, unit="share", label="target"),
                  "met_coverage": Param("fraction", 0.95, unit="share", label="met_coverage")},
          reports=("share", "target", "coverage"))
def check_activity_share(params: dict, ctx) -> list[Hit]:
    """Reported when the capabilities together get less than min_share of all the hours the plan
    carries (the platforms' view is `target`) while their own demand is not met (covered below
    met_coverage): a broadcast-only plan is flagged, a plan that answers everyone who writes is
    not."""
    total = sum(line.hours for line in ctx.assignments)
    caps = params["capabilities"]
    need = sum(ctx.demand[cap] for cap in caps)
    if total <= 0 or need <= 1e-6:
        return []
    done = sum(line.hours for line in ctx.assignments if line.capability in caps)
    share, coverage = done / total, min(1.0, done / need)
    if share + 1e-9 >= params["min_share"] or coverage + 1e-9 >= params["met_coverage"]:
        return []
    return [Hit(capability=caps[0], values={
        "share": ("pct", share), "target": ("pct", params["target"]),
        "coverage": ("pct", coverage)})]


def _shape_role_excluded(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    if ctx.scenario.org_size < params["unless_org_size_below"] or params["penalty"] <= 0:
        return
    roles = frozenset(params["roles"])
    policy.penalties.append(HourPenalty(
        params["capability"], params["penalty"], lambda unit: unit.in_house and unit.ident in roles))


@register("role_excluded_unless",
          params={"capability": Param("capability"), "roles": Param("roles"),
                  "unless_org_size_below": Param("count", 0, unit="employees",
                                                 label="unless_org_size_below",
                                                 high=float(SPECS["org_size"].high)),
                  "min_hours": Param("hours", 1.0, unit="h_week", label="min_hours"),
                  "penalty": Param("penalty", 0.3, unit="points_h", label="penalty")},
          reports=("seat", "role", "hours", "capability"),
          shape=_shape_role_excluded, steers=("penalties",))
def check_role_excluded(params: dict, ctx) -> list[Hit]:
    """Soft: unless the organisation has fewer than unless_org_size_below employees, each hour of the
    capability carried by seats in `roles` costs `penalty`. Reported for a seat carrying
    min_hours or more of it."""
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
          params={"capability": Param("capability"),
                  "min_fit": Param("fraction", 0.4, unit="fit", label="min_fit")},
          reports=("capability", "external_hours"))
def check_briefer(params: dict, ctx) -> list[Hit]:
    """When the capability is bought outside, someone in the team must fit it at min_fit or better, so
    that they can brief and follow up the supplier."""
    cap = params["capability"]
    external = ctx.external_hours(cap)
    if external <= 1e-9 or ctx.best_team_fit(cap) >= params["min_fit"]:
        return []
    return [Hit(capability=cap, values={
        "capability": ("name", cap), "external_hours": ("hours", external)})]


def _shape_two_roles(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    cap = params["capability"]
    if ctx.demand[cap] <= 0 or params["bonus"] <= 0:
        return
    up_to = min(params["min_hours"], ctx.demand[cap] / 2)
    askers, producers = frozenset(params["askers"]), frozenset(params["producers"])
    providers = frozenset(params["producer_providers"])
    policy.bonuses.append(HourBonus(cap, params["bonus"], up_to,
                                    lambda unit: unit.in_house and unit.ident in askers))
    policy.bonuses.append(HourBonus(cap, params["bonus"], up_to, lambda unit: (
        unit.ident in producers if unit.in_house else unit.ident in providers)))


@register("two_roles_required",
          params={"capability": Param("capability"), "askers": Param("roles"),
                  "producers": Param("roles"), "producer_providers": Param("providers", ()),
                  "min_hours": Param("hours", 1.0, unit="h_week", label="min_hours"),
                  "bonus": Param("penalty", 0.3, unit="points_h", label="bonus")},
          reports=("capability", "missing"),
          shape=_shape_two_roles, steers=("bonuses",),
          summary={"all_producers": lambda p: ("names_or",
                                               tuple(p["producers"]) + tuple(p["producer_providers"]))})
def check_two_roles(params: dict, ctx) -> list[Hit]:
    """Soft: the first min_hours of the capability from a question-asker (an in-house person in
    `askers`, the head of marketing's hours included), and as many from a data-producer (an in-
    house person in `producers`, or one of `producer_providers`), each earn `bonus` points an
    hour. Reported when one of the two kinds gives no hours at all."""
    cap = params["capability"]
    if ctx.demand[cap] <= 0:
        return []
    asker = sum(line.hours for line in ctx.assignments if line.capability == cap
                and line.provider_type == "in_house" and line.provider in params["askers"])
    producer = sum(line.hours for line in ctx.assignments if line.capability == cap and (
        (line.provider_type == "in_house" and line.provider in params["producers"])
        or line.provider in params["producer_providers"]))
    # reported when a kind of person is missing altogether (the bonus asks for min_hours of each)
    missing = tuple(code for code, hours in (("asker", asker), ("producer", producer)) if hours <= 1e-6)
    if not missing:
        return []
    return [Hit(capability=cap, values={"capability": ("name", cap), "missing": ("codes", missing)})]


def _shape_spread(params: dict, policy: Policy, ctx: ShapeContext) -> None:
    if params["penalty"] > 0:
        policy.spread = Spread(params["max_capabilities"], params["penalty"], params["min_hours"])


@register("max_capabilities_per_person",
          params={"max_capabilities": Param("count", unit="count", label="max_capabilities",
                                            high=1000.0),
                  "min_hours": Param("hours", 0.0, unit="h_week", label="min_hours"),
                  "penalty": Param("penalty", 0.75, unit="points_h", label="penalty")},
          reports=("seat", "role", "count", "max"),
          shape=_shape_spread, steers=("spread",))
def check_max_capabilities(params: dict, ctx) -> list[Hit]:
    """Soft: each capability a team member carries beyond max_capabilities (more than min_hours of it)
    costs `penalty` points, so with money left the work goes to others (a seat the solver
    chooses may carry max_capabilities per head). Reported for each team member carrying more
    than max_capabilities capabilities."""
    hits = []
    for person in ctx.people:
        if not person.in_team:
            continue
        count = sum(1 for cap in CAPABILITIES
                    if ctx.seat_hours(person.seat, cap) > params["min_hours"] + 1e-6)
        if count > params["max_capabilities"]:
            hits.append(Hit(seat=person.seat, values={
                "seat": ("seat", person.seat), "role": ("name", person.role),
                "count": count, "max": params["max_capabilities"]}))
    return hits


@register("max_utilisation",
          params={"max_utilisation": Param("number", 1.0, unit="utilisation", label="max_utilisation",
                                           high=10.0),
                  "critical_above": Param("number", 1.15, unit="utilisation", label="critical_above",
                                          high=10.0)},
          reports=("seat", "role", "utilisation"))
def check_utilisation(params: dict, ctx) -> list[Hit]:
    """Nobody may be loaded beyond max_utilisation of their capacity; beyond critical_above the finding
    is critical whatever the rule's severity."""
    return [
        _load_hit(person, "critical" if person.utilisation > params["critical_above"] + 1e-9 else None)
        for person in ctx.people if person.utilisation > params["max_utilisation"] + 1e-9
    ]


def _load_hit(person, severity: str | None = None) -> Hit:
    return Hit(seat=person.seat, severity=severity, values={
        "seat": ("seat", person.seat), "role": ("name", person.role),
        "utilisation": ("pct", person.utilisation)})


@register("min_utilisation",
          params={"min_utilisation": Param("fraction", 0.25, unit="utilisation", label="min_utilisation")},
          reports=("seat", "role", "utilisation"))
def check_underused(params: dict, ctx) -> list[Hit]:
    """A team seat loaded below min_utilisation of its capacity is reported: the plan has little for
    that role to do, yet its full cost counts."""
    return [
        _load_hit(person)
        for person in ctx.people
        if person.in_team and person.capacity > 0 and person.utilisation + 1e-9 < params["min_utilisation"]
    ]


@register("in_house_within_budget", params={}, reports=("in_house_cost", "budget"),
          budget=("check",))
def check_budget(params: dict, ctx) -> list[Hit]:
    """The fully loaded in-house cost must fit in the budget."""
    if ctx.cost.in_house <= ctx.cost.budget + 0.5:  # the solver's rounding is not an overrun
        return []
    return [Hit(values={"in_house_cost": ("sek", ctx.cost.in_house),
                        "budget": ("sek", ctx.cost.budget)})]


@register("retainers_within_budget", params={}, reports=("fees", "in_house_cost", "budget"),
          budget=("check",))
def check_retainer_budget(params: dict, ctx) -> list[Hit]:
    """The retainers' fees, paid as given, must fit in what the budget leaves after the in-house
    team (a team that alone is over budget has a rule of its own)."""
    fees = sum(use.fee_sek_year for use in ctx.retainers)
    if fees <= 0 or ctx.cost.in_house > ctx.cost.budget or ctx.cost.in_house + fees <= ctx.cost.budget + 0.5:
        return []
    return [Hit(values={"fees": ("sek", fees), "in_house_cost": ("sek", ctx.cost.in_house),
                        "budget": ("sek", ctx.cost.budget)})]


@register("retainer_used",
          params={"max_unused_share": Param("fraction", 0.1, unit="share", label="max_unused_share")},
          reports=("provider", "fee", "hours", "unused", "unusable"))
def check_retainer_used(params: dict, ctx) -> list[Hit]:
    """A retainer's fee counts in full: more than max_unused_share of the hours it buys left
    unused (its scope holds too little work, or work that a rule or the user keeps in-house, or
    that the provider does not fit) is reported."""
    hits = []
    for use in ctx.retainers:
        if use.hours > 0 and use.unused_hours <= params["max_unused_share"] * use.hours + 1e-6:
            continue
        hits.append(Hit(seat=use.seat, values={
            "provider": ("name", use.provider), "fee": ("sek", use.fee_sek_year / 12),
            "hours": ("hours", use.hours), "unused": ("hours", use.unused_hours),
            "unusable": ("names_and", use.unusable)}))
    return hits


@register("in_house_share_required",
          params={"capability": Param("capability"),
                  "min_share": Param("fraction", unit="share", label="min_share"),
                  "min_hours": Param("hours", 0.0, unit="h_week", label="min_hours")},
          reports=("capability", "share", "external_hours"))
def check_in_house_share(params: dict, ctx) -> list[Hit]:
    """Reported when people in-house (the team, the head of marketing's and unpaid hours) do less than
    min_share of the capability's work that is done, while more than min_hours of it is done (a
    report: the plan is not steered by it)."""
    cap = params["capability"]
    done = sum(line.hours for line in ctx.assignments if line.capability == cap)
    if done <= max(params["min_hours"], 1e-6):
        return []
    share = ctx.in_house_hours(cap) / done
    if share + 1e-9 >= params["min_share"]:
        return []
    return [Hit(capability=cap, values={"capability": ("name", cap), "share": ("pct", share),
                                        "external_hours": ("hours", ctx.external_hours(cap))})]


@register("team_size_filled", params={}, reports=("filled", "asked", "why"),
          budget=("check",))
def check_team_filled(params: dict, ctx) -> list[Hit]:
    """When the solver chooses the roles, it fills up to team_size seats: a seat stays empty when the
    budget cannot pay for it or its work is not worth a salary. Reported when it fills fewer
    seats than team_size, saying which of the two holds."""
    scenario = ctx.scenario
    filled = sum(1 for person in ctx.people if person.in_team)
    if scenario.team or filled >= scenario.team_size:
        return []
    cheapest = min(role.annual_cost_sek for role in ctx.catalog.roles.values())
    undone = sum(ctx.uncovered.values()) > 0.05
    why = "short_of_budget" if undone and ctx.cost.remaining < cheapest else "short_of_work"
    return [Hit(values={"filled": filled, "asked": scenario.team_size, "why": ("code", why)})]


@register("provider_minimum_fee", params={}, reports=("provider", "monthly_fee", "minimum"))
def check_minimum_fee(params: dict, ctx) -> list[Hit]:
    """An agency bought for less than its minimum monthly retainer is reported."""
    hits = []
    for provider_id, yearly in ctx.provider_fees().items():
        provider = ctx.catalog.providers[provider_id]
        monthly = yearly / 12
        if 0 < monthly < provider.min_retainer_sek_month - 1e-6:
            hits.append(Hit(values={
                "provider": ("name", provider_id), "monthly_fee": ("sek", monthly),
                "minimum": ("sek", provider.min_retainer_sek_month)}))
    return hits


@register("orderer_time_binds",
          params={"min_unspent_sek": Param("number", 50_000.0, unit="sek_year", label="min_unspent_sek",
                                           high=float(SPECS["budget_sek"].high)),
                  "min_hours": Param("hours", 0.5, unit="h_week", label="min_hours")},
          reports=("unspent", "hours"),
          budget=("check",))
def check_orderer_time(params: dict, ctx) -> list[Hit]:
    """Reported when at least min_unspent_sek of the budget is left and min_hours or more of work that
    could be bought is undone, because nobody in-house has time left to order and follow up more
    outside work."""
    if ctx.cost.remaining < params["min_unspent_sek"] or ctx.buyable_undone < params["min_hours"]:
        return []
    if not ctx.orderer_bound:
        return []
    return [Hit(values={"unspent": ("sek", ctx.cost.remaining),
                        "hours": ("hours", ctx.buyable_undone)})]
