"""The knowledge base in data/*.yaml, read with safe_load and validated into plain dataclasses.

Every problem raises CatalogError naming the file, the entry and the key.
"""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
import json
import math
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CatalogError
from .scenario import SPECS, Scenario
from .vocab import (
    AGENCIES,
    CAPABILITIES,
    FREELANCERS,
    LANGUAGES,
    PROVIDERS,
    ROLES,
    SEVERITIES,
    VOLUNTEER_ROLE,
)
from .yamlsafe import YamlProblem, dump_text, load_text

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SECTIONS: tuple[str, ...] = (
    "settings", "capabilities", "roles", "providers", "demand", "ladder", "presets", "rules",
)
SCOPES: tuple[str, ...] = ("all", "video", "non_video")
DRIVERS: tuple[str, ...] = (
    "channels", "posts_per_week", "image_posts", "video_posts",
    "inbound_per_week", "ad_spend_10k", "influencers",
)
MAX_RETAINER_SEK_MONTH = 5_000_000.0  # a quarter of the largest budget a year, every month
LARGEST = 1e15  # no figure of the app comes near; a number beyond it is refused before any conversion
# The keys each kind of entry may have (anything else is refused: a misspelt optional key is not
# dropped without a word).
KEYS: dict[str, tuple[str, ...]] = {
    "capabilities": ("id", "name", "description", "optional"),
    "roles": ("id", "name", "pay_sek_month", "pay_source", "capacity_hours", "employer_cost_multiplier",
              "fit", "scope"),
    "providers": ("id", "type", "name", "rate_sek_hour", "rate_source", "min_retainer_sek_month",
                  "retainer_source", "max_hours_week", "scope", "fit"),
    "demand": ("capability", "base_hours", "active_if", "terms", "source"),
    "term": ("driver", "hours", "transform", "video"),
    "ladder": ("seats", "repeat"),
    "presets": ("id", "name", "scenario"),
    "rules": ("id", "kind", "guidance", "severity", "params", "summary", "message", "advice",
              "advice_budget_left"),
    "setting": ("value", "unit", "source"),
    "volunteer_fit": ("value", "unit", "source", "name"),
}


def real_number(value: Any) -> float | None:
    """`value` as a float when it is a finite number (bools are not numbers; an int beyond +-LARGEST
    is not either: it is compared before it is converted, so nothing can overflow), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        return float(value) if -LARGEST <= value <= LARGEST else None
    return value if math.isfinite(value) else None


PARAM_HIGH: dict[str, float] = {  # numeric rule parameters by type, where the kind declares no bound
    "fraction": 1.0, "hours": 168.0, "penalty": 100.0, "count": 1_000_000.0, "number": 1e9,
}


def param_high(param: Any, params: dict[str, Any]) -> float | None:
    """The largest value a numeric rule parameter (a model.rules.Param) may take (None: not a number).
    A threshold on a scenario field takes that field's range; else the kind's bound or its type's."""
    if param.type not in PARAM_HIGH:
        return None
    if param.of:
        driver = params.get(param.of)
        spec = SPECS.get(driver) if isinstance(driver, str) else None
        if spec is not None and spec.high is not None:
            return float(spec.high)
    return param.high if param.high is not None else PARAM_HIGH[param.type]


def nearest(key: Any, known: tuple[str, ...] | list[str]) -> str:
    """' (did you mean 'x'?)' for the known key closest to a misspelt one, else ''."""
    if not isinstance(key, str):
        return ""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# ---- message templates --------------------------------------------------------------------------
def template_problem(template: str, allowed: tuple[str, ...]) -> str | None:
    """Why a message template is refused, or None. Only plain named fields ({share}) are allowed:
    no format spec ({share:>9}), no conversion ({share!r}), no attribute or index ({a.b}, {a[0]}),
    no positional field ({} or {0}); braces meant as text are doubled ({{ and }})."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None]
    except ValueError:
        return "has an unbalanced { or } (write {{ or }} for a brace as text)"
    for name, spec, conv in fields:
        shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        if not name or name.isdigit():
            return f"has a positional placeholder {shown}; name it, as in {{share}}"
        if not name.isidentifier():
            return f"placeholder {shown} is not a plain name; write it as {{name}}"
        if conv:
            return f"placeholder {shown} has a conversion (!{conv}); write it as {{{name}}}"
        if spec:
            return f"placeholder {shown} has a format spec; write it as {{{name}}}"
        if name not in allowed:
            return f"unknown placeholder {{{name}}}"
    return None


def fill_template(template: str, values: dict[str, str]) -> str:
    """The template with each plain {name} replaced by values[name]. Anything else in braces (a
    format spec, a conversion, an unknown name) is left as written: nothing is expanded."""
    out: list[str] = []
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return template
    for literal, name, spec, conv in parts:
        out.append(literal)
        if name is None:
            continue
        if not spec and not conv and name in values:
            out.append(str(values[name]))
        else:
            out.append("{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


@dataclass(frozen=True)
class Capability:
    id: str
    name: dict[str, str]
    description: dict[str, str]
    optional: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    name: dict[str, str]
    pay_sek_month: float
    pay_source: str
    capacity_hours: float
    employer_cost_multiplier: float
    fit: dict[str, float]
    scope: str = "all"  # "all" | "video" | "non_video": which part of creation work it can do

    @property
    def annual_cost_sek(self) -> float:
        """Fully loaded cost per year: gross monthly pay x 12 x employer cost multiplier."""
        return self.pay_sek_month * 12 * self.employer_cost_multiplier


@dataclass(frozen=True)
class Provider:
    id: str
    type: str  # "agency" | "freelancer"
    name: dict[str, str]
    rate_sek_hour: float
    rate_source: str
    min_retainer_sek_month: float
    max_hours_week: float | None  # None: no limit (agencies)
    scope: str  # "all" | "video" | "non_video"
    fit: dict[str, float]


@dataclass(frozen=True)
class DemandTerm:
    driver: str
    hours: float
    transform: str = "linear"  # "linear" | "sqrt"
    video: bool = False


@dataclass(frozen=True)
class DemandRule:
    capability: str
    base_hours: float
    active_if: str | None
    terms: tuple[DemandTerm, ...]
    source: str


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    guidance: int | None
    severity: str
    params: dict[str, Any]
    message: dict[str, str]
    advice: dict[str, str]
    advice_budget_left: dict[str, str] | None = None  # advice when money is left unspent
    summary: dict[str, str] = field(default_factory=dict)  # what the rule checks, in one line


@dataclass(frozen=True)
class Preset:
    id: str
    name: dict[str, str]
    scenario: Scenario


@dataclass(frozen=True)
class Settings:
    employer_cost_multiplier: float
    weeks_per_year: float
    min_fit: float
    primary_fit: float
    strong_fit: float
    priority: dict[str, float]  # points per hour of work at fit 1, per capability
    cost_tiebreak: float  # points per SEK a year: only breaks ties between equal plans
    spend_weight: float  # points per SEK a year paid outside: the value of money
    # (share, bonus): the hours up to `share` of each capability's demand earn `bonus` points an
    # hour more, times its priority (several tranches add up: a concave value of coverage)
    tranches: tuple[tuple[float, float], ...]
    volunteer_fit: dict[str, float]
    volunteer_name: dict[str, str]


@dataclass(frozen=True, eq=False)
class Catalog:
    """Everything simulate needs from data/, plus the raw documents for export and editing."""

    settings: Settings
    capabilities: tuple[Capability, ...]
    roles: dict[str, Role]
    providers: dict[str, Provider]
    demand: tuple[DemandRule, ...]
    ladder_seats: tuple[str, ...]
    ladder_repeat: tuple[str, ...]
    presets: dict[str, Preset]
    rules: tuple[Rule, ...]
    raw: dict[str, Any]
    fingerprint: str
    origin: str

    def capability(self, cap_id: str) -> Capability:
        return next(cap for cap in self.capabilities if cap.id == cap_id)

    def ladder_role(self, seat_index: int) -> str:
        """The role of seat `seat_index` (0-based) when the team follows the hiring ladder."""
        if seat_index < len(self.ladder_seats):
            return self.ladder_seats[seat_index]
        return self.ladder_repeat[(seat_index - len(self.ladder_seats)) % len(self.ladder_repeat)]

    def name(self, item_id: str, lang: str = "en") -> str:
        """The display name of a capability, role or provider id in a language."""
        for table in (self.roles, self.providers):
            if item_id in table:
                return table[item_id].name.get(lang, table[item_id].name["en"])
        if item_id == VOLUNTEER_ROLE:
            return self.settings.volunteer_name.get(lang, self.settings.volunteer_name["en"])
        for cap in self.capabilities:
            if cap.id == item_id:
                return cap.name.get(lang, cap.name["en"])
        return item_id

    def to_raw(self) -> dict[str, Any]:
        """A deep copy of the raw documents, one per section (same schema as data/)."""
        return copy.deepcopy(self.raw)

    def section_yaml(self, section: str) -> str:
        return dump_text(self.raw[section])

    def to_yaml(self) -> str:
        """All sections in one YAML document (the schema of data/, one top-level key each)."""
        merged = {section: self.raw[section][section] for section in SECTIONS}
        return dump_text(merged)


# ---- reading ------------------------------------------------------------------------------
def load_catalog(path: str | Path | None = None) -> Catalog:
    """Read and validate data/*.yaml (or the folder `path`). Raises CatalogError."""
    folder = Path(path) if path is not None else DATA_DIR
    raw: dict[str, Any] = {}
    for section in SECTIONS:
        file = folder / f"{section}.yaml"
        label = _label(folder, section)
        if not file.is_file():
            raise CatalogError(label, None, None, "file is missing")
        try:
            raw[section] = load_text(file.read_bytes())
        except YamlProblem as problem:
            raise CatalogError(label, None, None, str(problem)) from None
    return build_catalog(raw, origin=_origin(folder))


def _origin(folder: Path) -> str:
    return "data" if folder.resolve() == DATA_DIR else str(folder)


def _label(folder: Path | str, section: str) -> str:
    origin = _origin(Path(folder)) if isinstance(folder, Path) else folder
    return f"{origin}/{section}.yaml"


def load_catalog_text(text: str, *, origin: str = "upload") -> Catalog:
    """Read one YAML document holding every section (as `Catalog.to_yaml` writes it)."""
    try:
        merged = load_text(text)
    except YamlProblem as problem:
        raise CatalogError(origin, None, None, str(problem)) from None
    if not isinstance(merged, dict):
        raise CatalogError(origin, None, None, "expected a mapping with one key per section")
    raw = {}
    for section in SECTIONS:
        if section not in merged:
            raise CatalogError(origin, None, section, "section is missing")
        raw[section] = {section: merged[section]}
    unknown = sorted(set(merged) - set(SECTIONS))
    if unknown:
        raise CatalogError(origin, None, unknown[0], f"unknown section (expected {', '.join(SECTIONS)})")
    return build_catalog(raw, origin=origin)


def build_catalog(raw: dict[str, Any], *, origin: str = "data") -> Catalog:
    """Validate raw documents (section -> parsed YAML) into a Catalog. Raises CatalogError."""
    raw = copy.deepcopy(raw)
    reader = _Reader(origin)
    settings = reader.settings(raw.get("settings"))
    capabilities = reader.capabilities(raw.get("capabilities"))
    roles = reader.roles(raw.get("roles"), settings)
    providers = reader.providers(raw.get("providers"))
    demand = reader.demand(raw.get("demand"))
    seats, repeat = reader.ladder(raw.get("ladder"))
    presets = reader.presets(raw.get("presets"))
    rules = reader.rules(raw.get("rules"))
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()
    return Catalog(
        settings=settings, capabilities=capabilities, roles=roles, providers=providers,
        demand=demand, ladder_seats=seats, ladder_repeat=repeat, presets=presets, rules=rules,
        raw=raw, fingerprint=digest[:16], origin=origin,
    )


class _Reader:
    """Validation helpers; every error names file, entry and key."""

    def __init__(self, origin: str):
        self.origin = origin
        self.file = ""
        self.entry: str | None = None

    def fail(self, key: str | None, problem: str) -> None:
        raise CatalogError(self.file, self.entry, key, problem)

    # ---- generic checks -------------------------------------------------------------
    def section(self, doc: Any, section: str, kind: type) -> Any:
        self.file, self.entry = f"{self.origin}/{section}.yaml", None
        if doc is None:
            self.fail(None, "file is missing or empty")
        if not isinstance(doc, dict) or section not in doc:
            self.fail(section, f"expected a top-level key '{section}'")
        for key in doc:
            if key != section:
                self.fail(str(key)[:60], f"unknown top-level key (expected only '{section}')")
        body = doc[section]
        if not isinstance(body, kind):
            self.fail(section, f"expected a {'list' if kind is list else 'mapping'}")
        return body

    def entries(self, body: list, section: str, id_key: str = "id"):
        seen: set[str] = set()
        for index, item in enumerate(body):
            self.entry = f"{section}[{index}]"
            if not isinstance(item, dict):
                self.fail(None, "expected a mapping")
            ident = item.get(id_key)
            if isinstance(ident, str):  # anything else fails the entry's own id check
                self.entry = f"{section}[{index}] ({id_key}={ident[:60]})"
                if ident in seen:
                    self.fail(id_key, f"duplicate {id_key} {ident!r}")
                seen.add(ident)
            self.known(item, KEYS[section])
            yield item

    def known(self, item: dict, allowed: tuple[str, ...], prefix: str = "") -> None:
        """Refuse a key that is not one of `allowed`, naming it and the nearest known key."""
        for key in item:
            if key not in allowed:
                self.fail(f"{prefix}{str(key)[:60]}",
                          f"unknown key{nearest(key, allowed)} (expected one of: {', '.join(allowed)})")

    def need(self, item: dict, key: str) -> Any:
        if key not in item:
            self.fail(key, "missing required key")
        return item[key]

    def number(self, item: dict, key: str, low: float = 0.0, high: float | None = None,
               default: Any = ...) -> float:
        value = item.get(key, default) if default is not ... else self.need(item, key)
        if value is None and default is None:
            return None
        number = real_number(value)
        if number is None:
            self.fail(key, f"expected a {_finite(value)}number, got {_short(value)}")
        if number < low or (high is not None and number > high):
            bounds = f">= {low:g}" if high is None else f"within {low:g}..{high:g}"
            self.fail(key, f"expected a number {bounds}, got {_short(value)}")
        return number

    def text(self, item: dict, key: str, default: Any = ...) -> str:
        value = item.get(key, default) if default is not ... else self.need(item, key)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"expected non-empty text, got {_short(value)}")
        return value

    def texts(self, item: dict, key: str) -> dict[str, str]:
        value = self.need(item, key)
        if not isinstance(value, dict):
            self.fail(key, "expected a mapping with 'en' and 'sv' texts")
        self.known(value, LANGUAGES, f"{key}.")
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail(f"{key}.{lang}", "missing text in this language")
        return {lang: value[lang] for lang in LANGUAGES}

    def one_of(self, value: Any, allowed: tuple[str, ...], key: str, what: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            self.fail(key, f"unknown {what} {_short(value)}{nearest(value, allowed)} "
                      f"(expected one of: {', '.join(allowed)})")
        return value

    def fits(self, item: dict) -> dict[str, float]:
        value = self.need(item, "fit")
        if not isinstance(value, dict):
            self.fail("fit", "expected a mapping of capability to fit 0..1")
        for cap in value:
            self.one_of(cap, CAPABILITIES, f"fit.{cap}", "capability")
        return {cap: self.number(value, cap, 0.0, 1.0) for cap in value}

    def scope(self, item: dict) -> str:
        return self.one_of(item.get("scope", "all"), SCOPES, "scope", "scope")

    def ident(self, item: dict, allowed: tuple[str, ...], what: str) -> str:
        return self.one_of(self.need(item, "id"), allowed, "id", what)

    def complete(self, found: list[str], allowed: tuple[str, ...], what: str) -> None:
        self.entry = None
        missing = [name for name in allowed if name not in found]
        if missing:
            self.fail(None, f"{what} {missing[0]!r} is missing")

    # ---- sections ------------------------------------------------------------------------
    def settings(self, doc: Any) -> Settings:
        body = self.section(doc, "settings", dict)
        values: dict[str, Any] = {}
        names = ("employer_cost_multiplier", "weeks_per_year", "min_fit", "primary_fit",
                 "strong_fit", "priority", "cost_tiebreak", "spend_weight", "tranches", "volunteer_fit")
        for key in body:
            if key not in names:
                self.fail(str(key)[:60], f"unknown setting{nearest(key, names)} "
                          f"(expected one of: {', '.join(names)})")
        for key in names:
            self.entry = key
            entry = self.need(body, key)
            if not isinstance(entry, dict):
                self.fail("value", "expected a mapping with value, unit and source")
            self.known(entry, KEYS["volunteer_fit" if key == "volunteer_fit" else "setting"])
            self.text(entry, "source")
            values[key] = entry
        self.entry = "employer_cost_multiplier"
        mult = self.number(values["employer_cost_multiplier"], "value", 1.0, 3.0)
        self.entry = "weeks_per_year"
        weeks = self.number(values["weeks_per_year"], "value", 1.0, 52.0)
        self.entry = "min_fit"
        min_fit = self.number(values["min_fit"], "value", 0.0, 1.0)
        self.entry = "primary_fit"
        primary_fit = self.number(values["primary_fit"], "value", min_fit, 1.0)
        self.entry = "strong_fit"
        strong_fit = self.number(values["strong_fit"], "value", 0.0, 1.0)
        self.entry = "priority"
        priority = self.per_capability(values["priority"], 0.0, 10.0, complete=True)
        self.entry = "cost_tiebreak"
        tiebreak = self.number(values["cost_tiebreak"], "value", 0.0, 1e-5)
        self.entry = "spend_weight"
        spend = self.number(values["spend_weight"], "value", 0.0, 1e-4)
        self.entry = "tranches"
        tranches = self.tranches(values["tranches"])
        self.entry = "volunteer_fit"
        volunteer_fit = self.per_capability(values["volunteer_fit"], 0.0, 1.0, complete=False)
        volunteer_name = self.texts(values["volunteer_fit"], "name")
        return Settings(mult, weeks, min_fit, primary_fit, strong_fit, priority, tiebreak, spend,
                        tranches, volunteer_fit, volunteer_name)

    def tranches(self, entry: dict) -> tuple[tuple[float, float], ...]:
        value = self.need(entry, "value")
        if not isinstance(value, list):
            self.fail("value", "expected a list of {share, bonus} mappings")
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != {"share", "bonus"}:
                self.fail(f"value[{index}]", "expected a mapping with exactly 'share' and 'bonus'")
            out.append((self.number(item, "share", 0.0, 1.0), self.number(item, "bonus", 0.0, 10.0)))
        return tuple(out)

    def per_capability(self, entry: dict, low: float, high: float, *, complete: bool) -> dict[str, float]:
        value = entry.get("value")
        if not isinstance(value, dict):
            self.fail("value", "expected a mapping of capability to number")
        for cap in value:
            self.one_of(cap, CAPABILITIES, f"value.{cap}", "capability")
        if complete:
            missing = [cap for cap in CAPABILITIES if cap not in value]
            if missing:
                self.fail(f"value.{missing[0]}", "missing: every capability needs a value")
        out = {}
        for cap in value:
            number = real_number(value[cap])
            if number is None or not low <= number <= high:
                self.fail(f"value.{cap}", f"expected a number within {low:g}..{high:g}, "
                          f"got {_short(value[cap])}")
            out[cap] = number
        return out

    def capabilities(self, doc: Any) -> tuple[Capability, ...]:
        body = self.section(doc, "capabilities", list)
        out = []
        for item in self.entries(body, "capabilities"):
            cap_id = self.ident(item, CAPABILITIES, "capability")
            optional = item.get("optional", False)
            if not isinstance(optional, bool):
                self.fail("optional", f"expected true or false, got {optional!r}")
            out.append(Capability(cap_id, self.texts(item, "name"),
                                  self.texts(item, "description"), optional))
        self.complete([cap.id for cap in out], CAPABILITIES, "capability")
        return tuple(out)

    def roles(self, doc: Any, settings: Settings) -> dict[str, Role]:
        body = self.section(doc, "roles", list)
        out: dict[str, Role] = {}
        for item in self.entries(body, "roles"):
            role_id = self.ident(item, ROLES, "role")
            out[role_id] = Role(
                id=role_id, name=self.texts(item, "name"),
                pay_sek_month=self.number(item, "pay_sek_month", 0.0, 1_000_000.0),
                pay_source=self.text(item, "pay_source"),
                capacity_hours=self.number(item, "capacity_hours", 0.0, 80.0),
                employer_cost_multiplier=self.number(
                    item, "employer_cost_multiplier", 1.0, 3.0,
                    default=settings.employer_cost_multiplier),
                fit=self.fits(item),
                scope=self.scope(item),
            )
        self.complete(list(out), ROLES, "role")
        return out

    def providers(self, doc: Any) -> dict[str, Provider]:
        body = self.section(doc, "providers", list)
        out: dict[str, Provider] = {}
        for item in self.entries(body, "providers"):
            provider_id = self.ident(item, PROVIDERS, "provider")
            kind = self.one_of(self.need(item, "type"), ("agency", "freelancer"), "type", "type")
            expected = "agency" if provider_id in AGENCIES else "freelancer"
            if kind != expected:
                self.fail("type", f"{provider_id} is a{'n' if expected == 'agency' else ''} {expected}")
            out[provider_id] = Provider(
                id=provider_id, type=kind, name=self.texts(item, "name"),
                rate_sek_hour=self.number(item, "rate_sek_hour", 1.0, 100_000.0),
                rate_source=self.text(item, "rate_source"),
                min_retainer_sek_month=self.number(item, "min_retainer_sek_month", 0.0,
                                                   MAX_RETAINER_SEK_MONTH, default=0),
                max_hours_week=self.number(item, "max_hours_week", 0.0, 168.0, default=None),
                scope=self.scope(item),
                fit=self.fits(item),
            )
        self.complete(list(out), AGENCIES + FREELANCERS, "provider")
        return out

    def demand(self, doc: Any) -> tuple[DemandRule, ...]:
        body = self.section(doc, "demand", list)
        out = []
        for item in self.entries(body, "demand", id_key="capability"):
            cap = self.one_of(self.need(item, "capability"), CAPABILITIES, "capability", "capability")
            active_if = item.get("active_if")
            if active_if is not None:
                self.one_of(active_if, DRIVERS, "active_if", "driver")
            terms = item.get("terms", [])
            if not isinstance(terms, list):
                self.fail("terms", "expected a list")
            out.append(DemandRule(
                capability=cap, base_hours=self.number(item, "base_hours", 0.0, 168.0),
                active_if=active_if, terms=tuple(self.term(term, n) for n, term in enumerate(terms)),
                source=self.text(item, "source"),
            ))
        self.complete([rule.capability for rule in out], CAPABILITIES, "demand for capability")
        return tuple(out)

    def term(self, term: Any, index: int) -> DemandTerm:
        if not isinstance(term, dict):
            self.fail(f"terms[{index}]", "expected a mapping with driver and hours")
        self.known(term, KEYS["term"], f"terms[{index}].")
        driver = self.one_of(term.get("driver"), DRIVERS, f"terms[{index}].driver", "driver")
        if "hours" not in term:
            self.fail(f"terms[{index}].hours", "missing required key")
        hours = real_number(term["hours"])
        if hours is None or not 0 <= hours <= 100:
            self.fail(f"terms[{index}].hours",
                      f"expected a number within 0..100, got {_short(term['hours'])}")
        transform = term.get("transform", "linear")
        self.one_of(transform, ("linear", "sqrt"), f"terms[{index}].transform", "transform")
        video = term.get("video", False)
        if not isinstance(video, bool):
            self.fail(f"terms[{index}].video", f"expected true or false, got {video!r}")
        return DemandTerm(driver, hours, transform, video)

    def ladder(self, doc: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
        body = self.section(doc, "ladder", dict)
        self.entry = None
        self.known(body, KEYS["ladder"])
        out = []
        for key in ("seats", "repeat"):
            self.entry = key
            seats = self.need(body, key)
            if not isinstance(seats, list) or not seats:
                self.fail(key, "expected a non-empty list of role ids")
            for index, role in enumerate(seats):
                self.one_of(role, ROLES, f"{key}[{index}]", "role")
            out.append(tuple(seats))
        return out[0], out[1]

    def presets(self, doc: Any) -> dict[str, Preset]:
        body = self.section(doc, "presets", list)
        out: dict[str, Preset] = {}
        for item in self.entries(body, "presets"):
            preset_id = self.text(item, "id")
            mapping = self.need(item, "scenario")
            if not isinstance(mapping, dict):
                self.fail("scenario", "expected a mapping of scenario fields")
            for key, value in mapping.items():
                if key not in SPECS:
                    self.fail(f"scenario.{str(key)[:60]}",
                              f"unknown scenario field{nearest(key, tuple(SPECS))}")
                try:
                    Scenario.from_mapping({key: value}, strict=True)
                except ValueError as error:
                    self.fail(f"scenario.{key}", str(error))
            out[preset_id] = Preset(preset_id, self.texts(item, "name"), Scenario(**{
                key: tuple(value) if isinstance(value, list) else value
                for key, value in mapping.items()}))
        return out

    def rules(self, doc: Any) -> tuple[Rule, ...]:
        from .rules import KINDS, check_params  # the registry imports this module's types

        body = self.section(doc, "rules", list)
        out = []
        for item in self.entries(body, "rules"):
            rule_id = self.text(item, "id")
            kind_name = self.one_of(self.need(item, "kind"), tuple(KINDS), "kind", "rule kind")
            guidance = item.get("guidance")
            if guidance is not None and (isinstance(guidance, bool) or guidance not in range(1, 10)):
                self.fail("guidance", f"expected a guidance item 1..9, got {guidance!r}")
            severity = self.one_of(self.need(item, "severity"), SEVERITIES, "severity", "severity")
            params = item.get("params", {})
            if not isinstance(params, dict):
                self.fail("params", "expected a mapping")
            kind = KINDS[kind_name]
            for key in params:
                if key not in kind.params:
                    self.fail(f"params.{str(key)[:60]}",
                              f"unknown parameter for kind {kind_name}{nearest(key, tuple(kind.params))} "
                              f"(expected: {', '.join(kind.params) or 'none'})")
                high = param_high(kind.params[key], params)
                if high is None:
                    continue
                number = real_number(params[key])
                if number is None:
                    self.fail(f"params.{key}", f"expected a {_finite(params[key])}number, "
                              f"got {_short(params[key])}")
                if not 0 <= number <= high:
                    self.fail(f"params.{key}", f"expected a number within 0..{high:g}, "
                              f"got {_short(params[key])}")
            try:
                params = check_params(KINDS[kind_name], params)
            except ValueError as error:
                key, _, problem = str(error).partition(": ")
                self.fail(f"params.{key}", problem)
            message, advice = self.texts(item, "message"), self.texts(item, "advice")
            extra = self.texts(item, "advice_budget_left") if "advice_budget_left" in item else None
            for key, texts in (("message", message), ("advice", advice),
                               ("advice_budget_left", extra or {})):
                for lang, template in texts.items():
                    problem = template_problem(template, kind.placeholders)
                    if problem:
                        self.fail(f"{key}.{lang}", f"{problem} (kind {kind_name} gives: "
                                  f"{', '.join(kind.placeholders) or 'none'})")
            summary = self.summary(item, rule_id, kind)
            out.append(Rule(rule_id, kind_name, guidance, severity, params, message, advice, extra,
                            summary))
        return tuple(out)

    def summary(self, item: dict, rule_id: str, kind: Any) -> dict[str, str]:
        """The rule's one-line summary in each language, with the placeholders its kind fills.
        A document written before rules had summaries (saved or exported assumptions) gets the
        shipped rule's of the same id and kind, which then goes into the catalog's documents."""
        if "summary" not in item:
            shipped = _shipped_summaries().get((rule_id, kind.name))
            if shipped is None:
                self.fail("summary", "missing: a one-line statement of the rule in en and sv "
                          f"(kind {kind.name} gives: {', '.join(kind.summary_placeholders) or 'none'})")
            item["summary"] = dict(shipped)
        summary = self.texts(item, "summary")
        for lang, template in summary.items():
            if "\n" in template.strip():
                self.fail(f"summary.{lang}", "expected one line")
            problem = template_problem(template, kind.summary_placeholders)
            if problem:
                self.fail(f"summary.{lang}", f"{problem} (kind {kind.name} gives: "
                          f"{', '.join(kind.summary_placeholders) or 'none'})")
        return {lang: template.strip() for lang, template in summary.items()}


@functools.cache
def _shipped_summaries() -> dict[tuple[str, str], dict[str, str]]:
    """(rule id, kind) -> summary of the rules in data/rules.yaml as shipped (read as plain YAML)."""
    try:
        doc = load_text((DATA_DIR / "rules.yaml").read_bytes())
    except (OSError, YamlProblem):
        return {}
    items = doc.get("rules") if isinstance(doc, dict) else None
    return {(item["id"], item["kind"]): item["summary"] for item in items or ()
            if isinstance(item, dict) and isinstance(item.get("id"), str)
            and isinstance(item.get("kind"), str) and isinstance(item.get("summary"), dict)}



def _finite(value: Any) -> str:
    """'finite ' for an infinite float (the problem is not its type), else ''."""
    return "finite " if isinstance(value, float) and value == value else ""


def _short(value: Any) -> str:
    """A value as a message shows it: repr, cut to 60 characters."""
    shown = repr(value) if not isinstance(value, int) or abs(value) < 10**18 else "a huge number"
    return shown if len(shown) <= 60 else shown[:57] + "..."
