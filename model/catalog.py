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
from .scenario import REPLY_WINDOWS, SPECS, Scenario
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
    "settings", "capabilities", "roles", "providers", "demand", "ladder", "presets", "rules", "reply",
)
OPTIONAL_SECTIONS: tuple[str, ...] = ("reply",)  # an uploaded set without it takes data/'s
SCOPES: tuple[str, ...] = ("all", "video", "non_video")
DRIVERS: tuple[str, ...] = (
    "channels", "posts_per_week", "image_posts", "video_posts",
    "inbound_per_week", "inbound_hours", "ad_spend_10k", "influencers",
)
LARGEST = 1e15  # no figure of the app comes near; a number beyond it is refused before any conversion
# The keys each kind of entry may have (anything else is refused: a misspelt optional key is not
# dropped without a word).
KEYS: dict[str, tuple[str, ...]] = {
    "capabilities": ("id", "name", "description", "optional", "goal", "kpis", "deliverables"),
    "measure": ("id", "name"),  # one of a capability's kpis or deliverables
    "roles": ("id", "name", "pay_sek_month", "pay_source", "pay_band_sek_month", "pay_band_source",
              "capacity_hours", "employer_cost_multiplier", "fit", "scope"),
    "providers": ("id", "type", "name", "rate_sek_hour", "rate_source", "min_retainer_sek_month",
                  "retainer_source", "max_hours_week", "scope", "fit"),
    "demand": ("capability", "base_hours", "active_if", "terms", "source"),
    "term": ("driver", "hours", "transform", "video"),
    "ladder": ("seats", "repeat"),
    "presets": ("id", "name", "scenario"),
    "rules": ("id", "name", "kind", "guidance", "severity", "params", "summary", "message", "advice",
              "advice_budget_left"),
    "setting": ("value", "unit", "source"),
    "reply": ("check_minutes", "baseline", "rota_hours", "window_providers", "promises", "windows",
              "expectations"),
    "windows": ("id", "name", "days", "hours", "source"),
    "reply_baseline": ("reply_hours", "window", "source"),
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
    goal: str = ""  # what the capability is for, in one line (English; ui/ translates it)
    kpis: tuple[str, ...] = ()  # ids of what it is followed up on (names: Catalog.kpi_name)
    deliverables: tuple[str, ...] = ()  # ids of what a supplier hands back (Catalog.deliverable_name)
    kpi_names: tuple[tuple[str, str], ...] = ()  # (id, English name) of each kpi, in order
    deliverable_names: tuple[tuple[str, str], ...] = ()  # (id, English name) of each deliverable


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
    # the usual range of gross monthly pay for the role (low, high), and where it is from; the
    # catalog does not make pay_sek_month lie in it (an edited pay may leave the usual range)
    pay_band: tuple[float, float] | None = None
    pay_band_source: str = ""

    @property
    def pay_in_band(self) -> bool:
        """Whether pay_sek_month lies within the pay band (False without a band)."""
        return self.pay_band is not None and self.pay_band[0] <= self.pay_sek_month <= self.pay_band[1]

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


@dataclass(frozen=True)
class ReplyWindow:
    """The hours a reply-time promise holds: `days` a week, `hours` a day."""

    id: str
    name: str  # English; ui/ translates it
    days: int
    hours: float

    @property
    def week_hours(self) -> float:
        return self.days * self.hours


@dataclass(frozen=True)
class ReplySettings:
    """data/reply.yaml: what a reply-time promise asks of the community work (model/reply.py)."""

    check_minutes: float
    baseline_hours: float  # the promise today's demand coefficients already hold
    baseline_window: str
    rota_hours: float  # hours a week one person can be on duty
    window_providers: tuple[str, ...]  # outside providers that hold any window on their own
    promises: tuple[float, ...]  # the promises the sidebar offers, in hours
    windows: dict[str, ReplyWindow]
    source: str  # of the customers' expectations


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
    reply: ReplySettings | None = None

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

    def kpi_name(self, cap_id: str, kpi_id: str) -> str:
        """The name of one of a capability's kpis as the data gives it (an English msgid), or the
        id itself when the capability has no kpi of that id."""
        return dict(self.capability(cap_id).kpi_names).get(kpi_id, kpi_id)

    def deliverable_name(self, cap_id: str, deliverable_id: str) -> str:
        """The name of one of a capability's deliverables (an English msgid), or the id itself."""
        return dict(self.capability(cap_id).deliverable_names).get(deliverable_id, deliverable_id)

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
        if section not in merged and section in OPTIONAL_SECTIONS:  # a set saved before it existed
            raw[section] = load_text((DATA_DIR / f"{section}.yaml").read_bytes())
            continue
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
    if raw.get("reply") is None and "reply" not in raw:  # a raw set made before data/reply.yaml
        raw["reply"] = load_text((DATA_DIR / "reply.yaml").read_bytes())
    reply = reader.reply(raw.get("reply"), providers)
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()
    return Catalog(
        settings=settings, capabilities=capabilities, roles=roles, providers=providers,
        demand=demand, ladder_seats=seats, ladder_repeat=repeat, presets=presets, rules=rules,
        raw=raw, fingerprint=digest[:16], origin=origin, reply=reply,
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

    def reply(self, doc: Any, providers: dict) -> ReplySettings:
        body = self.section(doc, "reply", dict)
        self.known(body, KEYS["reply"])
        self.entry = "check_minutes"
        check = self.need(body, "check_minutes")
        if not isinstance(check, dict):
            self.fail("check_minutes", "type.mapping_with", keys=("value", "source"))
        check_minutes = self.number(check, "value", *bounds("reply", "check_minutes"))
        self.entry = "rota_hours"
        rota = self.need(body, "rota_hours")
        if not isinstance(rota, dict):
            self.fail("rota_hours", "type.mapping_with", keys=("value", "source"))
        rota_hours = self.number(rota, "value", *bounds("reply", "rota_hours"))
        self.entry = "windows"
        windows_body = self.need(body, "windows")
        if not isinstance(windows_body, list):
            self.fail("windows", "type.list")
        windows: dict[str, ReplyWindow] = {}
        for item in self.entries(windows_body, "windows"):
            window_id = self.one_of(self.need(item, "id"), REPLY_WINDOWS, "id")
            days = self.number(item, "days", *bounds("reply", "days"))
            if days != int(days):
                self.fail("days", "number.not_whole", got=_short(item["days"]))
            windows[window_id] = ReplyWindow(window_id, self.msgid(item, "name"), int(days),
                                             self.number(item, "hours", *bounds("reply", "hours")))
        self.entry = "windows"
        self.complete(list(windows), REPLY_WINDOWS)
        self.entry = "baseline"
        baseline = self.need(body, "baseline")
        if not isinstance(baseline, dict):
            self.fail("baseline", "type.mapping_with", keys=("reply_hours", "window", "source"))
        self.known(baseline, KEYS["reply_baseline"])
        baseline_hours = self.number(baseline, "reply_hours", *bounds("reply", "reply_hours"))
        baseline_window = self.one_of(self.need(baseline, "window"), REPLY_WINDOWS, "window")
        self.entry = None
        offered = body.get("window_providers", [])
        if not isinstance(offered, list):
            self.fail("window_providers", "type.list")
        for provider in offered:
            self.one_of(provider, tuple(providers), "window_providers")
        promises = body.get("promises", [])
        if not isinstance(promises, list) or not promises:
            self.fail("promises", "type.list")
        hours = tuple(self.number({"promises": value}, "promises", *bounds("reply", "reply_hours"))
                      for value in promises)
        expectations = body.get("expectations") or {}
        source = expectations.get("source", "") if isinstance(expectations, dict) else ""
        return ReplySettings(check_minutes, baseline_hours, baseline_window, rota_hours,
                             tuple(offered), hours, windows, str(source))

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
            for key in ("goal", "kpis", "deliverables"):
                _shipped_default(item, "capabilities", cap_id, (key,))
            kpis, deliverables = self.measures(item, "kpis"), self.measures(item, "deliverables")
            out.append(Capability(
                cap_id, self.msgid(item, "name"), self.msgid(item, "description"), optional,
                goal=self.msgid(item, "goal"),
                kpis=tuple(ident for ident, _ in kpis),
                deliverables=tuple(ident for ident, _ in deliverables),
                kpi_names=kpis, deliverable_names=deliverables))
        self.complete([cap.id for cap in out], CAPABILITIES)
        return tuple(out)

    def measures(self, item: dict, key: str) -> tuple[tuple[str, str], ...]:
        """A capability's `kpis` or `deliverables`: a non-empty list of {id, name}, the ids unique
        within the list, as (id, English name) pairs. Keys of problems: `kpis[1].name`, ..."""
        value = self.need(item, key)
        if not isinstance(value, list) or not value:
            self.fail(key, "type.list_of_mappings", keys=KEYS["measure"])
        out: list[tuple[str, str]] = []
        for index, entry in enumerate(value):
            where = f"{key}[{index}]"
            if not isinstance(entry, dict):
                self.fail(where, "type.mapping_with", keys=KEYS["measure"])
            self.known(entry, KEYS["measure"], f"{where}.")
            placed = {f"{where}.{name}": entry[name] for name in entry if isinstance(name, str)}
            ident = self.text(placed, f"{where}.id")
            if any(ident == seen for seen, _ in out):
                self.fail(f"{where}.id", "id.duplicate", id=ident[:60])
            out.append((ident, self.msgid(placed, f"{where}.name")))
        return tuple(out)

    def pay_band(self, item: dict) -> tuple[float, float]:
        """`pay_band_sek_month: [low, high]`: two gross monthly pays within the bounds of a pay,
        low <= high. Keys of problems: `pay_band_sek_month[1]`, ..."""
        key = "pay_band_sek_month"
        value = self.need(item, key)
        if not isinstance(value, list):
            self.fail(key, "type.list")
        if len(value) < 2:
            self.fail(f"{key}[{len(value)}]", "key.missing")
        if len(value) > 2:
            self.fail(f"{key}[2]", "key.unknown", expected=(f"{key}[0]", f"{key}[1]"))
        low_bound, high_bound = bounds("roles", "pay_sek_month")
        low = self.number({f"{key}[0]": value[0]}, f"{key}[0]", low_bound, high_bound)
        high = self.number({f"{key}[1]": value[1]}, f"{key}[1]", low, high_bound)
        return low, high

    def roles(self, doc: Any, settings: Settings) -> dict[str, Role]:
        body = self.section(doc, "roles", list)
        out: dict[str, Role] = {}
        for item in self.entries(body, "roles"):
            role_id = self.ident(item, ROLES)
            _shipped_default(item, "roles", role_id, ("pay_band_sek_month", "pay_band_source"))
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
                pay_band=self.pay_band(item),
                pay_band_source=self.text(item, "pay_band_source"),
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
        from . import continuity  # noqa: F401 - registers its rule kinds
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



@functools.cache
def _shipped_entries(section: str) -> dict[str, dict]:
    """id -> entry of data/<section>.yaml as shipped (read as plain YAML; {} when unreadable)."""
    try:
        doc = load_text((DATA_DIR / f"{section}.yaml").read_bytes())
    except (OSError, YamlProblem):
        return {}
    items = doc.get(section) if isinstance(doc, dict) else None
    return {item["id"]: item for item in items or ()
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _shipped_default(item: dict, section: str, ident: str, keys: tuple[str, ...]) -> None:
    """A document written before capabilities had goals, kpis and deliverables, or roles pay bands
    (saved or exported assumptions), gets the shipped entry's of the same id when it lacks all of
    `keys`; they then go into the catalog's documents. With some of `keys` given, the rest are
    required (a capability's goal, kpis and deliverables are taken one by one; a role's pay band
    and its source together: a band without its source is refused, not given data/'s source)."""
    if any(key in item for key in keys):
        return
    shipped = _shipped_entries(section).get(ident, {})
    if all(key in shipped for key in keys):
        for key in keys:
            item[key] = copy.deepcopy(shipped[key])


def _not_number(value: Any) -> str:
    """The problem with a value that is not a finite number: an infinite float is a number, but not
    a finite one (its type is not the problem)."""
    return "number.not_finite" if isinstance(value, float) and value == value else "number.expected"


def _short(value: Any) -> Any:
    """A value as a problem keeps it (model.errors.shown): a number, or its repr cut short."""
    return shown(value)
