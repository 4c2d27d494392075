"""The knowledge base in data/*.yaml, read with safe_load and validated into plain dataclasses.

Every problem raises CatalogError naming the file, the entry and the key, with a model.errors
Problem (a code and values; ui/problems.py words it).
"""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
import json
import math
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CatalogError, Invalid, Problem, ScenarioError, shown
from .scenario import SPECS, Scenario
from .schema import PARAM_LOW, bounds, param_high
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
    "rules": ("id", "name", "kind", "guidance", "severity", "params", "summary", "message", "advice",
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


def nearest(key: Any, known: tuple[str, ...] | list[str]) -> dict[str, str]:
    """{"suggestion": the known key closest to a misspelt one} (a problem's value), else {}."""
    if not isinstance(key, str):
        return {}
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return {"suggestion": close[0]} if close else {}


# ---- message templates --------------------------------------------------------------------------
def template_problem(template: str, allowed: tuple[str, ...], kind: str) -> Problem | None:
    """Why a message template of a rule of `kind` is refused, or None. Only plain named fields
    ({share}) are allowed: no format spec ({share:>9}), no conversion ({share!r}), no attribute or
    index ({a.b}, {a[0]}), no positional field ({} or {0}); braces meant as text are doubled ({{ and }})."""
    values: dict[str, Any] = {"kind": kind, "allowed": tuple(allowed)}
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None]
    except ValueError:
        return Problem("template.unbalanced", values)
    for name, spec, conv in fields:
        written = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
        values["field"] = written if len(written) <= 40 else written[:37] + "..."
        if not name or name.isdigit():
            return Problem("template.positional", values)
        if not name.isidentifier():
            return Problem("template.not_plain", values)
        if conv:
            return Problem("template.conversion", values)
        if spec:
            return Problem("template.format_spec", values)
        if name not in allowed:
            return Problem("template.unknown_placeholder", values)
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
    name: str  # English; ui/ translates it
    description: str  # English; ui/ translates it
    optional: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    name: str  # English; ui/ translates it
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
    name: str  # English; ui/ translates it
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
    # The texts are English msgids (templates with the {placeholders} of the kind); ui/ translates
    # them and fills them in (ui/findings.py, ui/guidance.py).
    message: str
    advice: str
    advice_budget_left: str | None = None  # advice when money is left unspent
    summary: str = ""  # what the rule checks, in one line
    name: str = ""  # what the rule asks for, in a few words (the Assumptions tables' row name)


@dataclass(frozen=True)
class Preset:
    id: str
    name: str  # English; ui/ translates it
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
    volunteer_name: str  # English; ui/ translates it


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

    def name(self, item_id: str) -> str:
        """The name of a capability, role or provider id as the data gives it (the English msgid
        that ui/ translates), or the id itself when nothing has that id."""
        for table in (self.roles, self.providers):
            if item_id in table:
                return table[item_id].name
        if item_id == VOLUNTEER_ROLE:
            return self.settings.volunteer_name
        for cap in self.capabilities:
            if cap.id == item_id:
                return cap.name
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
            raise CatalogError(label, None, None, Problem("data.file_missing"))
        try:
            raw[section] = load_text(file.read_bytes())
        except YamlProblem as problem:
            raise CatalogError(label, None, None, problem.problem) from None
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
        raise CatalogError(origin, None, None, problem.problem) from None
    if not isinstance(merged, dict):
        raise CatalogError(origin, None, None, Problem("data.not_sections"))
    raw = {}
    for section in SECTIONS:
        if section not in merged:
            raise CatalogError(origin, None, section, Problem("data.section_missing"))
        raw[section] = {section: merged[section]}
    unknown = sorted(set(merged) - set(SECTIONS))
    if unknown:
        raise CatalogError(origin, None, str(unknown[0])[:60],
                           Problem("data.section_unknown",
                                   {"expected": SECTIONS, **nearest(unknown[0], SECTIONS)}))
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

    def fail(self, key: str | None, code: str | Problem, **values: Any) -> None:
        """Raise CatalogError at the current file and entry and `key`: the problem `code` (one of
        model.errors.CODES) with `values`, or a Problem as it is."""
        problem = code if isinstance(code, Problem) else Problem(code, values)
        raise CatalogError(self.file, self.entry, key, problem)

    # ---- generic checks -------------------------------------------------------------
    def section(self, doc: Any, section: str, kind: type) -> Any:
        self.file, self.entry = f"{self.origin}/{section}.yaml", None
        if doc is None:
            self.fail(None, "data.file_empty")
        if not isinstance(doc, dict) or section not in doc:
            self.fail(section, "data.top_key_missing", section=section)
        for key in doc:
            if key != section:
                self.fail(str(key)[:60], "data.top_key_unknown", section=section)
        body = doc[section]
        if not isinstance(body, kind):
            self.fail(section, "type.list" if kind is list else "type.mapping")
        return body

    def entries(self, body: list, section: str, id_key: str = "id"):
        seen: set[str] = set()
        for index, item in enumerate(body):
            self.entry = f"{section}[{index}]"
            if not isinstance(item, dict):
                self.fail(None, "type.mapping")
            ident = item.get(id_key)
            if isinstance(ident, str):  # anything else fails the entry's own id check
                self.entry = f"{section}[{index}] ({id_key}={ident[:60]})"
                if ident in seen:
                    self.fail(id_key, "id.duplicate", id=ident[:60])
                seen.add(ident)
            self.known(item, KEYS[section])
            yield item

    def known(self, item: dict, allowed: tuple[str, ...], prefix: str = "") -> None:
        """Refuse a key that is not one of `allowed`, naming it and the nearest known key."""
        for key in item:
            if key not in allowed:
                self.fail(f"{prefix}{str(key)[:60]}", "key.unknown", expected=allowed,
                          **nearest(key, allowed))

    def need(self, item: dict, key: str) -> Any:
        if key not in item:
            self.fail(key, "key.missing")
        return item[key]

    def number(self, item: dict, key: str, low: float = 0.0, high: float | None = None,
               default: Any = ...) -> float:
        value = item.get(key, default) if default is not ... else self.need(item, key)
        if value is None and default is None:
            return None
        number = real_number(value)
        if number is None:
            self.fail(key, _not_number(value), got=_short(value))
        if number < low or (high is not None and number > high):
            if high is None:
                self.fail(key, "number.low", low=low, got=_short(value))
            self.fail(key, "number.range", low=low, high=high, got=_short(value))
        return number

    def text(self, item: dict, key: str, default: Any = ...) -> str:
        value = item.get(key, default) if default is not ... else self.need(item, key)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "text.expected", got=_short(value))
        return value

    def msgid(self, item: dict, key: str) -> str:
        """A text for people: English, translated by the catalogs in locale/. A mapping of
        languages (the form of files saved before the catalogs) gives its English text."""
        value = self.need(item, key)
        if isinstance(value, dict) and "en" in value:
            self.known(value, LANGUAGES, f"{key}.")
            value, key = value["en"], f"{key}.en"
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "text.expected", got=_short(value))
        return value

    def one_of(self, value: Any, allowed: tuple[str, ...], key: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            self.fail(key, "value.unknown", got=_short(value), expected=allowed, **nearest(value, allowed))
        return value

    def fits(self, item: dict, section: str) -> dict[str, float]:
        low, high = bounds(section, "fit")
        value = self.need(item, "fit")
        if not isinstance(value, dict):
            self.fail("fit", "type.capability_numbers", low=low, high=high)
        for cap in value:
            self.one_of(cap, CAPABILITIES, f"fit.{cap}")
        return {cap: self.number(value, cap, low, high) for cap in value}

    def scope(self, item: dict) -> str:
        return self.one_of(item.get("scope", "all"), SCOPES, "scope")

    def ident(self, item: dict, allowed: tuple[str, ...]) -> str:
        return self.one_of(self.need(item, "id"), allowed, "id")

    def complete(self, found: list[str], allowed: tuple[str, ...]) -> None:
        self.entry = None
        missing = [name for name in allowed if name not in found]
        if missing:
            self.fail(None, "data.entry_missing", id=missing[0])

    # ---- sections ------------------------------------------------------------------------
    def settings(self, doc: Any) -> Settings:
        body = self.section(doc, "settings", dict)
        values: dict[str, Any] = {}
        names = ("employer_cost_multiplier", "weeks_per_year", "min_fit", "primary_fit",
                 "strong_fit", "priority", "cost_tiebreak", "spend_weight", "tranches", "volunteer_fit")
        for key in body:
            if key not in names:
                self.fail(str(key)[:60], "key.unknown", expected=names, **nearest(key, names))
        for key in names:
            self.entry = key
            entry = self.need(body, key)
            if not isinstance(entry, dict):
                self.fail("value", "type.mapping_with", keys=("value", "unit", "source"))
            self.known(entry, KEYS["volunteer_fit" if key == "volunteer_fit" else "setting"])
            self.text(entry, "source")
            values[key] = entry
        self.entry = "employer_cost_multiplier"
        mult = self.number(values["employer_cost_multiplier"], "value",
                           *bounds("settings", "employer_cost_multiplier"))
        self.entry = "weeks_per_year"
        weeks = self.number(values["weeks_per_year"], "value", *bounds("settings", "weeks_per_year"))
        self.entry = "min_fit"
        min_fit = self.number(values["min_fit"], "value", *bounds("settings", "min_fit"))
        self.entry = "primary_fit"
        primary_fit = self.number(values["primary_fit"], "value",
                                  *bounds("settings", "primary_fit", at_least=min_fit))
        self.entry = "strong_fit"
        strong_fit = self.number(values["strong_fit"], "value", *bounds("settings", "strong_fit"))
        self.entry = "priority"
        priority = self.per_capability(values["priority"], *bounds("settings", "priority"), complete=True)
        self.entry = "cost_tiebreak"
        tiebreak = self.number(values["cost_tiebreak"], "value", *bounds("settings", "cost_tiebreak"))
        self.entry = "spend_weight"
        spend = self.number(values["spend_weight"], "value", *bounds("settings", "spend_weight"))
        self.entry = "tranches"
        tranches = self.tranches(values["tranches"])
        self.entry = "volunteer_fit"
        volunteer_fit = self.per_capability(values["volunteer_fit"], *bounds("settings", "volunteer_fit"),
                                            complete=False)
        volunteer_name = self.msgid(values["volunteer_fit"], "name")
        return Settings(mult, weeks, min_fit, primary_fit, strong_fit, priority, tiebreak, spend,
                        tranches, volunteer_fit, volunteer_name)

    def tranches(self, entry: dict) -> tuple[tuple[float, float], ...]:
        value = self.need(entry, "value")
        if not isinstance(value, list):
            self.fail("value", "type.list_of_mappings", keys=("share", "bonus"))
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != {"share", "bonus"}:
                self.fail(f"value[{index}]", "type.mapping_exactly", keys=("share", "bonus"))
            out.append((self.number(item, "share", *bounds("settings", "tranches.share")),
                        self.number(item, "bonus", *bounds("settings", "tranches.bonus"))))
        return tuple(out)

    def per_capability(self, entry: dict, low: float, high: float, *, complete: bool) -> dict[str, float]:
        value = entry.get("value")
        if not isinstance(value, dict):
            self.fail("value", "type.capability_numbers", low=low, high=high)
        for cap in value:
            self.one_of(cap, CAPABILITIES, f"value.{cap}")
        if complete:
            missing = [cap for cap in CAPABILITIES if cap not in value]
            if missing:
                self.fail(f"value.{missing[0]}", "key.missing")
        out = {}
        for cap in value:
            number = real_number(value[cap])
            if number is None or not low <= number <= high:
                self.fail(f"value.{cap}", "number.range", low=low, high=high, got=_short(value[cap]))
            out[cap] = number
        return out

    def capabilities(self, doc: Any) -> tuple[Capability, ...]:
        body = self.section(doc, "capabilities", list)
        out = []
        for item in self.entries(body, "capabilities"):
            cap_id = self.ident(item, CAPABILITIES)
            optional = item.get("optional", False)
            if not isinstance(optional, bool):
                self.fail("optional", "bool.expected", got=_short(optional))
            out.append(Capability(cap_id, self.msgid(item, "name"),
                                  self.msgid(item, "description"), optional))
        self.complete([cap.id for cap in out], CAPABILITIES)
        return tuple(out)

    def roles(self, doc: Any, settings: Settings) -> dict[str, Role]:
        body = self.section(doc, "roles", list)
        out: dict[str, Role] = {}
        for item in self.entries(body, "roles"):
            role_id = self.ident(item, ROLES)
            out[role_id] = Role(
                id=role_id, name=self.msgid(item, "name"),
                pay_sek_month=self.number(item, "pay_sek_month", *bounds("roles", "pay_sek_month")),
                pay_source=self.text(item, "pay_source"),
                capacity_hours=self.number(item, "capacity_hours", *bounds("roles", "capacity_hours")),
                employer_cost_multiplier=self.number(
                    item, "employer_cost_multiplier", *bounds("roles", "employer_cost_multiplier"),
                    default=settings.employer_cost_multiplier),
                fit=self.fits(item, "roles"),
                scope=self.scope(item),
            )
        self.complete(list(out), ROLES)
        return out

    def providers(self, doc: Any) -> dict[str, Provider]:
        body = self.section(doc, "providers", list)
        out: dict[str, Provider] = {}
        for item in self.entries(body, "providers"):
            provider_id = self.ident(item, PROVIDERS)
            kind = self.one_of(self.need(item, "type"), ("agency", "freelancer"), "type")
            expected = "agency" if provider_id in AGENCIES else "freelancer"
            if kind != expected:
                self.fail("type", "provider.is_agency" if expected == "agency" else "provider.is_freelancer",
                          provider=provider_id)
            out[provider_id] = Provider(
                id=provider_id, type=kind, name=self.msgid(item, "name"),
                rate_sek_hour=self.number(item, "rate_sek_hour", *bounds("providers", "rate_sek_hour")),
                rate_source=self.text(item, "rate_source"),
                min_retainer_sek_month=self.number(item, "min_retainer_sek_month",
                                                   *bounds("providers", "min_retainer_sek_month"), default=0),
                max_hours_week=self.number(item, "max_hours_week", *bounds("providers", "max_hours_week"),
                                           default=None),
                scope=self.scope(item),
                fit=self.fits(item, "providers"),
            )
        self.complete(list(out), AGENCIES + FREELANCERS)
        return out

    def demand(self, doc: Any) -> tuple[DemandRule, ...]:
        body = self.section(doc, "demand", list)
        out = []
        for item in self.entries(body, "demand", id_key="capability"):
            cap = self.one_of(self.need(item, "capability"), CAPABILITIES, "capability")
            active_if = item.get("active_if")
            if active_if is not None:
                self.one_of(active_if, DRIVERS, "active_if")
            terms = item.get("terms", [])
            if not isinstance(terms, list):
                self.fail("terms", "type.list")
            out.append(DemandRule(
                capability=cap, base_hours=self.number(item, "base_hours", *bounds("demand", "base_hours")),
                active_if=active_if, terms=tuple(self.term(term, n) for n, term in enumerate(terms)),
                source=self.text(item, "source"),
            ))
        self.complete([rule.capability for rule in out], CAPABILITIES)
        return tuple(out)

    def term(self, term: Any, index: int) -> DemandTerm:
        if not isinstance(term, dict):
            self.fail(f"terms[{index}]", "type.mapping_with", keys=("driver", "hours"))
        self.known(term, KEYS["term"], f"terms[{index}].")
        driver = self.one_of(term.get("driver"), DRIVERS, f"terms[{index}].driver")
        if "hours" not in term:
            self.fail(f"terms[{index}].hours", "key.missing")
        hours = real_number(term["hours"])
        low, high = bounds("demand", "terms.hours")
        if hours is None or not low <= hours <= high:
            self.fail(f"terms[{index}].hours", "number.range", low=low, high=high, got=_short(term["hours"]))
        transform = term.get("transform", "linear")
        self.one_of(transform, ("linear", "sqrt"), f"terms[{index}].transform")
        video = term.get("video", False)
        if not isinstance(video, bool):
            self.fail(f"terms[{index}].video", "bool.expected", got=_short(video))
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
                self.fail(key, "type.role_list")
            for index, role in enumerate(seats):
                self.one_of(role, ROLES, f"{key}[{index}]")
            out.append(tuple(seats))
        return out[0], out[1]

    def presets(self, doc: Any) -> dict[str, Preset]:
        body = self.section(doc, "presets", list)
        out: dict[str, Preset] = {}
        for item in self.entries(body, "presets"):
            preset_id = self.text(item, "id")
            mapping = self.need(item, "scenario")
            if not isinstance(mapping, dict):
                self.fail("scenario", "scenario.not_mapping", got_type=type(mapping).__name__)
            for key, value in mapping.items():
                if key not in SPECS:
                    self.fail(f"scenario.{str(key)[:60]}", "scenario.unknown_field", name=_short(key),
                              **nearest(key, tuple(SPECS)))
                try:
                    Scenario.from_mapping({key: value}, strict=True)
                except ScenarioError as error:  # one field: one problem, its key the field
                    problem = error.problems[0]
                    self.fail(f"scenario.{key}", Problem(problem.code, {
                        name: value for name, value in problem.values.items() if name != "key"}))
            out[preset_id] = Preset(preset_id, self.msgid(item, "name"), Scenario(**{
                key: tuple(value) if isinstance(value, list) else value
                for key, value in mapping.items()}))
        return out

    def rules(self, doc: Any) -> tuple[Rule, ...]:
        from .rules import KINDS, check_params  # the registry imports this module's types

        body = self.section(doc, "rules", list)
        out = []
        for item in self.entries(body, "rules"):
            rule_id = self.text(item, "id")
            kind_name = self.one_of(self.need(item, "kind"), tuple(KINDS), "kind")
            guidance = item.get("guidance")
            if guidance is not None and (isinstance(guidance, bool) or guidance not in range(1, 10)):
                self.fail("guidance", "rule.guidance", low=1, high=9, got=_short(guidance))
            severity = self.one_of(self.need(item, "severity"), SEVERITIES, "severity")
            params = item.get("params", {})
            if not isinstance(params, dict):
                self.fail("params", "type.mapping")
            kind = KINDS[kind_name]
            for key in params:
                if key not in kind.params:
                    self.fail(f"params.{str(key)[:60]}", "param.unknown", kind=kind_name,
                              expected=tuple(kind.params), **nearest(key, tuple(kind.params)))
                high = param_high(kind.params[key], params)
                if high is None:
                    continue
                number = real_number(params[key])
                if number is None:
                    self.fail(f"params.{key}", _not_number(params[key]), got=_short(params[key]))
                if not PARAM_LOW <= number <= high:
                    self.fail(f"params.{key}", "number.range", low=PARAM_LOW, high=high,
                              got=_short(params[key]))
            try:
                params = check_params(KINDS[kind_name], params)
            except Invalid as error:  # its `key` is the parameter
                problem = error.problem
                self.fail(f"params.{problem.get('key')}", Problem(problem.code, {
                    name: value for name, value in problem.values.items() if name != "key"}))
            message, advice = self.msgid(item, "message"), self.msgid(item, "advice")
            extra = self.msgid(item, "advice_budget_left") if "advice_budget_left" in item else None
            for key, template in (("message", message), ("advice", advice), ("advice_budget_left", extra)):
                problem = (template_problem(template, kind.placeholders, kind_name)
                           if template is not None else None)
                if problem:
                    self.fail(key, problem)
            summary = self.summary(item, rule_id, kind)
            name = self.msgid(item, "name") if "name" in item else ""
            out.append(Rule(rule_id, kind_name, guidance, severity, params, message, advice, extra,
                            summary, name))
        return tuple(out)

    def summary(self, item: dict, rule_id: str, kind: Any) -> str:
        """The rule's one-line summary (an English msgid), with the placeholders its kind fills.
        A document written before rules had summaries (saved or exported assumptions) gets the
        shipped rule's of the same id and kind, which then goes into the catalog's documents."""
        if "summary" not in item:
            shipped = _shipped_summaries().get((rule_id, kind.name))
            if shipped is None:
                self.fail("summary", "summary.missing", kind=kind.name,
                          allowed=tuple(kind.summary_placeholders))
            item["summary"] = shipped
        summary = self.msgid(item, "summary")
        if "\n" in summary:
            self.fail("summary", "text.one_line")
        problem = template_problem(summary, kind.summary_placeholders, kind.name)
        if problem:
            self.fail("summary", problem)
        return summary


@functools.cache
def _shipped_summaries() -> dict[tuple[str, str], str]:
    """(rule id, kind) -> summary of the rules in data/rules.yaml as shipped (read as plain YAML)."""
    try:
        doc = load_text((DATA_DIR / "rules.yaml").read_bytes())
    except (OSError, YamlProblem):
        return {}
    items = doc.get("rules") if isinstance(doc, dict) else None
    return {(item["id"], item["kind"]): item["summary"] for item in items or ()
            if isinstance(item, dict) and isinstance(item.get("id"), str)
            and isinstance(item.get("kind"), str) and isinstance(item.get("summary"), str)}



def _not_number(value: Any) -> str:
    """The problem with a value that is not a finite number: an infinite float is a number, but not
    a finite one (its type is not the problem)."""
    return "number.not_finite" if isinstance(value, float) and value == value else "number.expected"


def _short(value: Any) -> Any:
    """A value as a problem keeps it (model.errors.shown): a number, or its repr cut short."""
    return shown(value)
