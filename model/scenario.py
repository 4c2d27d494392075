"""The scenario a user describes: team, budget and workload.

Every field has a default and a range; `Scenario.from_query_params` and `from_mapping` read
untrusted input and fall back to defaults (with a note) instead of raising. Notes and errors are
model.errors.Problem codes with values (the field's name as `key`); ui/problems.py words them.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

import yaml

from .errors import Invalid, Problem, ScenarioError, shown
from .vocab import CAPABILITIES, PROVIDERS, ROLES
from .yamlsafe import YamlProblem, load_text

MAX_TEAM = 30
MAX_RETAINERS = 6
MAX_RETAINER_FEE = 2_000_000  # SEK a month
MAX_TEXT = 500  # characters of a free-text field (a brief's goal, audience, ...)
REPLY_WINDOWS = ("office", "extended", "always")  # the hours a reply-time promise holds (data/reply.yaml)
ORG_MODELS = ("centralized", "distributed", "hub_and_spoke", "dandelion", "holistic")  # Altimeter's five
# social business models (data/orgmodels.yaml); centralized is one team doing the work, as before
MAX_YAML_BYTES = 64 * 1024  # a scenario is well under 1 KB
MAX_YAML_VALUES = 1_000  # a scenario holds about 80 values
APP_KEYS = ("lang", "embed", "embed_options")  # link parameters of the app, not of the scenario


@dataclass(frozen=True)
class FieldSpec:
    """How one scenario field is typed, bounded and defaulted."""

    name: str
    kind: str  # "int" | "float" | "choice" | "text" | "roles" | "capabilities" | "retainers"
    default: Any
    low: float | None = None
    high: float | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()  # a choice's allowed values


FIELD_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec("team_size", "int", 1, 0, MAX_TEAM, "people"),
    FieldSpec("team", "roles", ()),
    FieldSpec("budget_sek", "int", 1_200_000, 0, 20_000_000, "SEK/year"),
    FieldSpec("marketing_lead_hours", "float", 4.0, 0, 40, "h/week"),
    FieldSpec("volunteer_hours", "float", 0.0, 0, 80, "h/week"),
    FieldSpec("channels", "int", 4, 0, 20, "channels"),
    FieldSpec("posts_per_week", "int", 10, 0, 300, "posts/week"),
    FieldSpec("video_share", "float", 0.3, 0, 1, "share"),
    FieldSpec("inbound_per_week", "int", 150, 0, 20_000, "messages/week"),
    FieldSpec("ad_spend_sek_month", "int", 30_000, 0, 5_000_000, "SEK/month"),
    FieldSpec("influencers", "int", 0, 0, 100, "influencers"),
    FieldSpec("org_size", "int", 200, 1, 1_000_000, "employees"),
    FieldSpec("target_coverage", "float", 0.0, 0, 1, "share"),
    FieldSpec("reply_hours", "float", 24.0, 0.25, 168, "h"),
    FieldSpec("reply_window", "choice", "office", choices=REPLY_WINDOWS),
    FieldSpec("handling_minutes", "float", 5.0, 0.5, 60, "min/message"),
    FieldSpec("org_model", "choice", "centralized", choices=ORG_MODELS),
    FieldSpec("business_units", "int", 1, 1, 50, "units"),
    FieldSpec("brands", "int", 1, 1, 50, "brands"),
    FieldSpec("languages", "int", 1, 1, 20, "languages"),
    FieldSpec("horizon_quarters", "int", 8, 4, 12, "quarters"),
    FieldSpec("growth_per_quarter", "float", 0.0, -0.25, 0.5, "share"),
    FieldSpec("hires", "int", 0, 0, MAX_TEAM, "people"),
    FieldSpec("outsource", "capabilities", ()),
    FieldSpec("insource", "capabilities", ()),
    FieldSpec("retainers", "retainers", ()),
    FieldSpec("brief_goal", "text", "", 0, MAX_TEXT, "characters"),
    FieldSpec("brief_audience", "text", "", 0, MAX_TEXT, "characters"),
    FieldSpec("brief_kpis", "text", "", 0, MAX_TEXT, "characters"),
    FieldSpec("brief_approvals", "text", "", 0, MAX_TEXT, "characters"),
)
BRIEF_FIELDS = ("brief_goal", "brief_audience", "brief_kpis", "brief_approvals")
LIST_KINDS = ("roles", "capabilities", "retainers")


@dataclass(frozen=True, kw_only=True)
class Retainer:
    """An agency or freelancer the organisation retains: the provider, the capabilities in scope
    and a fixed fee a month. The plan uses it as given: the fee counts in full, and the hours it
    buys (the fee over the provider's hourly rate) go to the work in scope.

    As text (URL, command line): `provider:capability+capability:fee`, e.g.
    `community_agency:community+administer:60000`."""

    provider: str
    scope: tuple[str, ...]
    fee_sek_month: int

    @property
    def text(self) -> str:
        return f"{self.provider}:{'+'.join(self.scope)}:{self.fee_sek_month}"

    def to_dict(self) -> dict[str, Any]:
        return {"provider": self.provider, "scope": list(self.scope), "fee_sek_month": self.fee_sek_month}


def _retainer(value: Any) -> Retainer:
    """One retainer from its text or mapping; Invalid says why not."""
    if isinstance(value, Retainer):
        value = value.to_dict()
    if isinstance(value, str):
        parts = value.strip().split(":")
        if len(parts) != 3:
            raise Invalid("retainer.format", got=shown(value))
        value = {"provider": parts[0], "scope": [cap for cap in parts[1].split("+") if cap],
                 "fee_sek_month": parts[2]}
    if not isinstance(value, Mapping) or set(value) != {"provider", "scope", "fee_sek_month"}:
        raise Invalid("retainer.format", got=shown(value))
    provider = str(value["provider"]).strip()
    if provider not in PROVIDERS:
        raise Invalid("ids.unknown", got=shown(provider), **_suggest(provider, PROVIDERS))
    scope = _check_ids(FieldSpec("scope", "capabilities", ()), value["scope"])
    if not scope:
        raise Invalid("ids.expected", got=shown(value["scope"]))
    fee = _check_number(FieldSpec("fee_sek_month", "int", 0, 0, MAX_RETAINER_FEE), value["fee_sek_month"])
    return Retainer(provider=provider, scope=scope, fee_sek_month=fee)


def _check_retainers(spec: FieldSpec, value: Any) -> tuple[Retainer, ...]:
    if isinstance(value, str | Mapping | Retainer):
        value = [value]
    if not isinstance(value, list | tuple):
        raise Invalid("ids.expected", got=shown(value), key=spec.name)
    if len(value) > MAX_RETAINERS:
        raise Invalid("retainer.too_many", count=len(value), most=MAX_RETAINERS, key=spec.name)
    out = []
    for item in value:
        try:
            out.append(_retainer(item))
        except Invalid as error:
            raise Invalid(error.problem.code, **{**dict(error.problem.values), "key": spec.name}) from None
    return tuple(out)
SPECS: dict[str, FieldSpec] = {spec.name: spec for spec in FIELD_SPECS}


def _check_number(spec: FieldSpec, value: Any) -> int | float:
    """Return `value` as the spec's number type, or raise Invalid saying why not."""
    if isinstance(value, bool):
        raise Invalid("number.expected", got=shown(value), key=spec.name)
    if isinstance(value, str):
        value = value.strip().replace("_", "").replace(" ", "")
        try:
            value = float(value)
        except ValueError:
            raise Invalid("number.expected", got=shown(value), key=spec.name) from None
    if not isinstance(value, int | float) or not (isinstance(value, int) or math.isfinite(value)):
        raise Invalid("number.expected", got=shown(value), key=spec.name)
    if isinstance(value, int) and not spec.low <= value <= spec.high:  # ints beyond float range
        raise Invalid("number.range", low=spec.low, high=spec.high, got=shown(value), key=spec.name)
    if spec.kind == "int":
        if value != int(value):
            raise Invalid("number.not_whole", got=shown(value), key=spec.name)
        value = int(value)
    else:
        value = float(value)
    if not spec.low <= value <= spec.high:
        raise Invalid("number.range", low=spec.low, high=spec.high, got=shown(value), key=spec.name)
    return value


def _check_ids(spec: FieldSpec, value: Any) -> tuple[str, ...]:
    allowed = ROLES if spec.kind == "roles" else CAPABILITIES
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple):
        raise Invalid("ids.expected", got=shown(value), key=spec.name)
    most = MAX_TEAM + len(CAPABILITIES)
    if len(value) > most:  # before any conversion: no list is this long
        raise Invalid("ids.too_many", count=len(value), most=most, key=spec.name)
    items = tuple(str(item).strip() for item in value)
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise Invalid("ids.unknown", got=shown(unknown[0]), key=spec.name, **_suggest(unknown[0], allowed))
    if spec.kind == "roles" and len(items) > MAX_TEAM:
        raise Invalid("seats.too_many", count=len(items), most=MAX_TEAM, key=spec.name)
    if spec.kind == "capabilities":
        items = tuple(cap for cap in CAPABILITIES if cap in items)  # canonical order, no repeats
    return items


def _suggest(name: Any, known: tuple[str, ...] | list[str]) -> dict[str, str]:
    """{"suggestion": the known name closest to a misspelt one}, or {} when none is close."""
    if not isinstance(name, str):
        return {}
    close = difflib.get_close_matches(name, list(known), n=1)
    return {"suggestion": close[0]} if close else {}


def _check_choice(spec: FieldSpec, value: Any) -> str:
    plain = isinstance(value, str | int | float) and not isinstance(value, bool)
    text = str(value).strip() if plain else None
    if text not in spec.choices:
        raise Invalid("value.unknown", got=shown(value), expected=", ".join(spec.choices), key=spec.name,
                      **_suggest(text, spec.choices))
    return text


def _check_text(spec: FieldSpec, value: Any) -> str:
    """Free text a person typed: kept as typed (escaping is the page's job), stripped at the ends,
    at most spec.high characters; control characters other than line breaks and tabs removed."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Invalid("text.not_text", got=shown(value), key=spec.name)
    text = "".join(ch for ch in str(value) if ch in "\n\t" or ch.isprintable()).strip()
    if len(text) > spec.high:
        raise Invalid("text.too_long", count=len(text), most=int(spec.high), key=spec.name)
    return text


def check_value(name: str, value: Any) -> Any:
    """Validate and normalise one field's value; raise Invalid (a ValueError) with the problem,
    its `key` the field's name."""
    spec = SPECS[name]
    if spec.kind in ("int", "float"):
        return _check_number(spec, value)
    if spec.kind == "choice":
        return _check_choice(spec, value)
    if spec.kind == "text":
        return _check_text(spec, value)
    if spec.kind == "retainers":
        return _check_retainers(spec, value)
    return _check_ids(spec, value)


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """What the user describes. Keyword-only; every field has a default.

    `team` (role ids, one per seat) wins over `team_size` when given: team_size is then len(team).
    `outsource` lists capabilities to buy outside first; `insource` those never to buy outside
    (a capability in both is outsourced).
    Organisation model (Altimeter; data/orgmodels.yaml): `org_model`, and the `business_units`,
    `brands` (or markets) and `languages` that scale the work. Hiring roadmap (model/roadmap.py):
    `horizon_quarters`, `growth_per_quarter` (workload volumes grow by this share a quarter) and
    `hires` (the last `hires` seats of the team are still to be recruited; 0: all on board).
    `notes` carries what was wrong with the input it was read from, as Problems (not part of
    equality).
    """

    team_size: int = SPECS["team_size"].default
    team: tuple[str, ...] = ()
    budget_sek: int = SPECS["budget_sek"].default
    marketing_lead_hours: float = SPECS["marketing_lead_hours"].default
    volunteer_hours: float = SPECS["volunteer_hours"].default
    channels: int = SPECS["channels"].default
    posts_per_week: int = SPECS["posts_per_week"].default
    video_share: float = SPECS["video_share"].default
    inbound_per_week: int = SPECS["inbound_per_week"].default
    ad_spend_sek_month: int = SPECS["ad_spend_sek_month"].default
    influencers: int = SPECS["influencers"].default
    org_size: int = SPECS["org_size"].default
    target_coverage: float = SPECS["target_coverage"].default
    reply_hours: float = SPECS["reply_hours"].default
    reply_window: str = SPECS["reply_window"].default
    handling_minutes: float = SPECS["handling_minutes"].default
    org_model: str = SPECS["org_model"].default
    business_units: int = SPECS["business_units"].default
    brands: int = SPECS["brands"].default
    languages: int = SPECS["languages"].default
    horizon_quarters: int = SPECS["horizon_quarters"].default
    growth_per_quarter: float = SPECS["growth_per_quarter"].default
    hires: int = SPECS["hires"].default
    outsource: tuple[str, ...] = ()
    insource: tuple[str, ...] = ()
    retainers: tuple[Retainer, ...] = ()
    brief_goal: str = ""
    brief_audience: str = ""
    brief_kpis: str = ""
    brief_approvals: str = ""
    notes: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        for spec in FIELD_SPECS:
            object.__setattr__(self, spec.name, check_value(spec.name, getattr(self, spec.name)))
        if self.team:
            object.__setattr__(self, "team_size", len(self.team))
        # a capability cannot be both bought outside first and never bought: outsource wins
        object.__setattr__(self, "insource", tuple(c for c in self.insource if c not in self.outsource))
        object.__setattr__(self, "notes", tuple(self.notes))

    # ---- plain views -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Every field as plain values (lists for the id tuples), notes left out."""
        out: dict[str, Any] = {}
        for spec in FIELD_SPECS:
            value = getattr(self, spec.name)
            if spec.kind == "retainers":
                value = [retainer.to_dict() for retainer in value]
            out[spec.name] = list(value) if isinstance(value, tuple) else value
        return out

    def replace(self, **changes: Any) -> Scenario:
        """A copy with some fields changed (and no notes)."""
        if "team_size" in changes and "team" not in changes:
            changes["team"] = ()
        return replace(self, notes=(), **changes)

    # ---- reading untrusted input -------------------------------------------------------
    @classmethod
    def from_mapping(cls, mapping: Any, *, strict: bool = False) -> Scenario:
        """Read a scenario from a mapping of field names to values.

        Lenient (default): unknown keys and bad values fall back to defaults, noted in `notes`.
        Strict: any problem raises ScenarioError listing every problem.
        """
        if not isinstance(mapping, Mapping):
            problem = Problem("scenario.not_mapping", {"got_type": type(mapping).__name__})
            if strict:
                raise ScenarioError([problem])
            return cls(notes=(problem,))
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for key, raw in mapping.items():
            if key not in SPECS:
                code = "scenario.unknown_field" if strict else "scenario.field_ignored"
                problems.append(Problem(code, {"name": shown(key), **_suggest(key, tuple(SPECS))}))
                continue
            try:
                values[key] = check_value(key, raw)
            except Invalid as error:
                problems.append(error.problem if strict else
                                error.problem.with_values(default=SPECS[key].default))
        if strict and problems:
            raise ScenarioError(problems)
        return cls(**values, notes=tuple(problems))

    @classmethod
    def from_query_params(cls, params: Any) -> Scenario:
        """Read URL query parameters (values as strings or lists of strings). Never raises.

        The app's own keys (`lang`, Streamlit's `embed`) are ignored without a note; other
        unknown keys are ignored with a note; bad values fall back to their defaults, noted.
        """
        mapping: dict[str, Any] = {}
        unknown: list[Problem] = []
        try:
            items = list(params.items())
        except Exception:  # noqa: BLE001 - anything not mapping-like gives the default scenario
            return cls(notes=(Problem("link.unreadable"),))
        for key, raw in items:
            if key not in SPECS:
                if key not in APP_KEYS:
                    unknown.append(Problem("link.param_ignored", {"name": repr(str(key)[:40])}))
                continue
            spec = SPECS[key]
            many = raw if isinstance(raw, list | tuple) else [raw]
            if spec.kind == "retainers":
                mapping[key] = [str(item) for item in many if str(item).strip()]
            elif spec.kind in ("roles", "capabilities"):
                mapping[key] = [part for item in many for part in str(item).split(",") if part]
            elif many:
                mapping[key] = many[-1]
        scenario = cls.from_mapping(mapping)
        return replace(scenario, notes=scenario.notes + tuple(unknown[:5]))

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Every field as URL query parameters: numbers as text, id lists as repeated values."""
        out: dict[str, str | list[str]] = {}
        for spec in FIELD_SPECS:
            value = getattr(self, spec.name)
            if spec.kind == "retainers":
                out[spec.name] = [retainer.text for retainer in value]
            elif spec.kind in ("roles", "capabilities"):
                out[spec.name] = list(value)
            else:
                out[spec.name] = _show(value)
        return out

    # ---- YAML --------------------------------------------------------------------------
    def to_yaml(self) -> str:
        """The scenario as YAML; free text is always quoted, so that what a person typed ("0E0",
        "yes", "1:30") reads back as the same text."""
        data = self.to_dict()
        for spec in FIELD_SPECS:
            if spec.kind == "text":
                data[spec.name] = _Quoted(data[spec.name])
        return yaml.dump({"scenario": data}, Dumper=_Dumper, sort_keys=False, allow_unicode=True)

    @classmethod
    def from_yaml(cls, text: str | bytes, *, strict: bool = True,
                  max_bytes: int = MAX_YAML_BYTES) -> Scenario:
        """Read YAML as written by `to_yaml` (or the bare mapping). Strict by default:
        ScenarioError names every problem; lenient mode falls back like query params.

        Read as YAML 1.2 (model.yamlsafe): `010` is 10, `1:30` and `yes` are text, a key given
        twice is refused."""
        try:
            data = load_text(text, max_bytes=max_bytes, max_nodes=MAX_YAML_VALUES)
        except YamlProblem as problem:
            raise ScenarioError([problem.problem]) from None
        if isinstance(data, Mapping) and set(data) == {"scenario"}:
            data = data["scenario"]
        return cls.from_mapping(data, strict=strict)


class _Quoted(str):
    """Text written in double quotes in YAML."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Quoted, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", str(value), style='"'))


def _show(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Scenario) if f.name != "notes")
