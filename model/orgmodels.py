"""Altimeter's five social business models (issue 14; data/orgmodels.yaml): how each one scales
the work with the organisation's business units, brands (or markets) and languages, and the
part-time contributors outside the central team (the spokes) it brings.

    from model.orgmodels import demand_factors, spoke_seats
    demand_factors(Scenario(org_model="hub_and_spoke", business_units=4))  # capability -> multiplier
    spoke_seats(Scenario(org_model="hub_and_spoke", business_units=4), catalog)  # SP1..SP5

Demand (model/demand.py multiplies each capability's hours by its factor):

    factor = base + per_unit x (units - 1) + per_brand x (brands - 1) + per_language x (languages - 1)

with base 1 and the per-driver coefficients 0 where the data lists none, so the centralized model
with one unit, one brand and one language leaves every capability at exactly 1.0.

Spokes (model/engine.py build_units adds each group as an in-house unit of kind "spoke"): a group
is `count` people per unit, brand or language, at most `most`, each giving `hours_week` hours a
week with their role's fit for the listed capabilities only. With counts_in_budget the social
budget pays for the hours set aside for them at the role's cost per hour (annual cost / capacity
hours), used or not, as it pays a seat.

The file is read once per process for data/, once per path and version for another folder
(functools caches on its path, mtime and size; data loading, not plan caching). It is
validated here rather than by model/catalog.py's reader: model/demand.py imports this module, and
model/catalog.py reaches model/demand.py (through the rule kinds of model/continuity.py), so an
import of model/catalog.py here would close a circle. Errors are CatalogErrors naming the file,
the entry and the key, with the problem codes model/catalog.py uses.
"""

from __future__ import annotations

import difflib
import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CatalogError, Problem, shown
from .scenario import ORG_MODELS, Scenario
from .vocab import CAPABILITIES, ROLES
from .yamlsafe import YamlProblem, load_text

FILE = "orgmodels"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DRIVERS: tuple[str, ...] = ("unit", "brand", "language")  # what a spoke group is counted per
SCALES: tuple[str, ...] = ("base", "per_unit", "per_brand", "per_language")
MODEL_KEYS: tuple[str, ...] = ("id", "name", "description", "fits_when", "needs", "source", *SCALES, "spokes")
# what a model may need of the organisation to be what its name says (an optional key `needs`)
NEEDS: tuple[str, ...] = ("business_units", "brands", "languages")
SCALE_KEYS: tuple[str, ...] = ("values", "source")
SPOKE_KEYS: tuple[str, ...] = ("role", "hours_week", "per", "count", "most", "capabilities",
                               "counts_in_budget", "lead_hours", "source")
SPOKE_CAPABILITIES: tuple[str, ...] = tuple(cap for cap in CAPABILITIES if cap != "strategy")
LIMITS: dict[str, tuple[float, float]] = {  # the bounds of each number of the file
    "base": (0.5, 5.0), "per_unit": (0.0, 2.0), "per_brand": (0.0, 2.0), "per_language": (0.0, 2.0),
    "hours_week": (0.5, 40.0), "count": (1, 20), "most": (1, 100), "lead_hours": (0.0, 10.0),
}
SPOKE_PREFIX = "SP"  # spoke seats are SP1, SP2, ... in the order of the model's groups


@dataclass(frozen=True)
class SpokeGroup:
    """Part-time contributors of one role: `count` per unit, brand or language (`per`), at most
    `most` people, each `hours_week` hours a week on `capabilities` only; each needs `lead_hours`
    a week of the hub's project management (briefing, training, review)."""

    role: str
    hours_week: float
    per: str  # one of DRIVERS
    count: int
    most: int
    capabilities: tuple[str, ...]
    counts_in_budget: bool
    lead_hours: float
    source: str

    def people(self, scenario: Scenario) -> int:
        times = {"unit": scenario.business_units, "brand": scenario.brands,
                 "language": scenario.languages}[self.per]
        return min(self.most, self.count * times)


@dataclass(frozen=True)
class OrgModel:
    """One social business model: its English name, description, when it fits and its source (ui/
    translates the texts); base and per_* map capability -> coefficient (missing: base 1, per 0),
    each set with its source in `sources` (scale name -> text)."""

    id: str
    name: str
    description: str
    fits_when: str
    source: str
    base: dict[str, float]
    per_unit: dict[str, float]
    per_brand: dict[str, float]
    per_language: dict[str, float]
    spokes: tuple[SpokeGroup, ...]
    sources: dict[str, str]
    needs: dict[str, int] = field(default_factory=dict)  # NEEDS field -> the least it is meant for

    def unmet(self, scenario: Scenario) -> tuple[tuple[str, int, int], ...]:
        """(field, the least the model is meant for, what the scenario has) for each need the
        scenario does not meet: a distributed model of one business unit is not distributed."""
        return tuple((key, least, getattr(scenario, key)) for key, least in self.needs.items()
                     if getattr(scenario, key) < least)

    def factor(self, cap: str, units: int, brands: int, languages: int) -> float:
        return (self.base.get(cap, 1.0) + self.per_unit.get(cap, 0.0) * (units - 1)
                + self.per_brand.get(cap, 0.0) * (brands - 1)
                + self.per_language.get(cap, 0.0) * (languages - 1))


@dataclass(frozen=True)
class SpokeSeat:
    """One part-time contributor in a plan: seat id (SP1, ...), role, the hours a week they give
    at most (capacity), what a year of those hours costs the social budget (hours / the role's
    capacity x its annual cost; 0 when the model does not count it), and the capabilities they
    may do. group: the index of its SpokeGroup in the model (seats of a group share one unit)."""

    seat: str
    role: str
    capacity: float
    annual_cost: float
    capabilities: tuple[str, ...]
    group: int


# ---- reading ----------------------------------------------------------------------------------------
class _Reader:
    """Validation of data/orgmodels.yaml; every error names file, entry and key."""

    def __init__(self, file: str):
        self.file = file
        self.entry: str | None = None

    def fail(self, key: str | None, code: str, **values: Any) -> None:
        raise CatalogError(self.file, self.entry, key, Problem(code, values))

    def known(self, item: dict, allowed: tuple[str, ...], prefix: str = "") -> None:
        for key in item:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
                self.fail(f"{prefix}{str(key)[:60]}", "key.unknown", expected=allowed,
                          **({"suggestion": close[0]} if close else {}))

    def need(self, item: dict, key: str) -> Any:
        if key not in item:
            self.fail(key, "key.missing")
        return item[key]

    def number(self, value: Any, key: str, low: float, high: float, *, whole: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                isinstance(value, int) and abs(value) > 1e15):
            self.fail(key, "number.expected", got=shown(value))
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(key, "number.not_finite" if value == value else "number.expected", got=shown(value))
        if whole and value != int(value):
            self.fail(key, "number.not_whole", got=shown(value))
        if not low <= value <= high:
            self.fail(key, "number.range", low=low, high=high, got=shown(value))
        return float(value)

    def text(self, item: dict, key: str) -> str:
        value = self.need(item, key)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "text.expected", got=shown(value))
        return value.strip()

    def one_of(self, value: Any, allowed: tuple[str, ...], key: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6) \
                if isinstance(value, str) else []
            self.fail(key, "value.unknown", got=shown(value), expected=allowed,
                      **({"suggestion": close[0]} if close else {}))
        return value

    # ---- the file ---------------------------------------------------------------------------------
    def models(self, doc: Any) -> tuple[OrgModel, ...]:
        if doc is None:
            self.fail(None, "data.file_empty")
        if not isinstance(doc, dict) or FILE not in doc:
            self.fail(FILE, "data.top_key_missing", section=FILE)
        for key in doc:
            if key != FILE:
                self.fail(str(key)[:60], "data.top_key_unknown", section=FILE)
        body = doc[FILE]
        if not isinstance(body, list):
            self.fail(FILE, "type.list")
        out: list[OrgModel] = []
        for index, item in enumerate(body):
            self.entry = f"{FILE}[{index}]"
            if not isinstance(item, dict):
                self.fail(None, "type.mapping")
            if isinstance(item.get("id"), str):
                self.entry = f"{FILE}[{index}] (id={item['id'][:60]})"
            self.known(item, MODEL_KEYS)
            model_id = self.one_of(self.need(item, "id"), ORG_MODELS, "id")
            if any(model.id == model_id for model in out):
                self.fail("id", "id.duplicate", id=model_id)
            out.append(self.model(item, model_id))
        self.entry = None
        missing = [model_id for model_id in ORG_MODELS if all(m.id != model_id for m in out)]
        if missing:
            self.fail(None, "data.entry_missing", id=missing[0])
        return tuple(sorted(out, key=lambda model: ORG_MODELS.index(model.id)))

    def model(self, item: dict, model_id: str) -> OrgModel:
        texts = {key: self.text(item, key) for key in ("name", "description", "fits_when", "source")}
        scales: dict[str, dict[str, float]] = {}
        sources: dict[str, str] = {}
        for scale in SCALES:
            if scale not in item and scale == "base":
                scales[scale], sources[scale] = {}, ""
                continue
            entry = self.need(item, scale)
            if not isinstance(entry, dict):
                self.fail(scale, "type.mapping_with", keys=SCALE_KEYS)
            self.known(entry, SCALE_KEYS, f"{scale}.")
            values = self.need(entry, "values") if "values" in entry else self.need({}, f"{scale}.values")
            low, high = LIMITS[scale]
            if not isinstance(values, dict):
                self.fail(f"{scale}.values", "type.capability_numbers", low=low, high=high)
            for cap in values:
                self.one_of(cap, CAPABILITIES, f"{scale}.values.{cap}")
            scales[scale] = {cap: self.number(value, f"{scale}.values.{cap}", low, high)
                             for cap, value in values.items()}
            sources[scale] = self.text({f"{scale}.source": entry.get("source", "")}, f"{scale}.source")
        spokes = self.need(item, "spokes")
        if not isinstance(spokes, list):
            self.fail("spokes", "type.list_of_mappings", keys=SPOKE_KEYS)
        groups = tuple(self.spoke(group, index) for index, group in enumerate(spokes))
        needs = item.get("needs", {})
        if not isinstance(needs, dict):
            self.fail("needs", "type.mapping_with", keys=NEEDS)
        self.known(needs, NEEDS, "needs.")
        least = {key: int(self.number(value, f"needs.{key}", 1, 50, whole=True))
                 for key, value in needs.items()}
        return OrgModel(model_id, texts["name"], texts["description"], texts["fits_when"],
                        texts["source"], scales["base"], scales["per_unit"], scales["per_brand"],
                        scales["per_language"], groups, sources, least)

    def spoke(self, group: Any, index: int) -> SpokeGroup:
        where = f"spokes[{index}]"
        if not isinstance(group, dict):
            self.fail(where, "type.mapping_with", keys=SPOKE_KEYS)
        self.known(group, SPOKE_KEYS, f"{where}.")
        placed = {f"{where}.{key}": value for key, value in group.items() if isinstance(key, str)}
        role = self.one_of(self.need(placed, f"{where}.role"), ROLES, f"{where}.role")
        numbers = {key: self.number(self.need(placed, f"{where}.{key}"), f"{where}.{key}", *LIMITS[key],
                                    whole=key in ("count", "most"))
                   for key in ("hours_week", "count", "most", "lead_hours")}
        per = self.one_of(self.need(placed, f"{where}.per"), DRIVERS, f"{where}.per")
        caps = self.need(placed, f"{where}.capabilities")
        if not isinstance(caps, list) or not caps:
            self.fail(f"{where}.capabilities", "type.list")
        for number, cap in enumerate(caps):
            self.one_of(cap, SPOKE_CAPABILITIES, f"{where}.capabilities[{number}]")
        paid = self.need(placed, f"{where}.counts_in_budget")
        if not isinstance(paid, bool):
            self.fail(f"{where}.counts_in_budget", "bool.expected", got=shown(paid))
        return SpokeGroup(role, numbers["hours_week"], per, int(numbers["count"]), int(numbers["most"]),
                          tuple(cap for cap in CAPABILITIES if cap in caps), paid,
                          numbers["lead_hours"], self.text(placed, f"{where}.source"))


@functools.lru_cache(maxsize=8)
def _load(folder: Path, label: str, stamp: tuple[int, int]) -> tuple[OrgModel, ...]:
    """The models of folder/orgmodels.yaml as it was at `stamp` (its mtime and size)."""
    try:
        doc = load_text((folder / f"{FILE}.yaml").read_bytes())
    except YamlProblem as problem:
        raise CatalogError(label, None, None, problem.problem) from None
    return _Reader(label).models(doc)


def load_org_models(folder: str | Path | None = None) -> tuple[OrgModel, ...]:
    """Read and validate orgmodels.yaml in `folder` (data/ by default), once per folder (and, for
    a folder other than data/, per version of the file). Raises CatalogError naming the file, the
    entry and the key."""
    if folder is None:
        return _shipped()
    folder = Path(folder).resolve()
    label = f"{'data' if folder == DATA_DIR else folder}/{FILE}.yaml"
    try:
        stat = (folder / f"{FILE}.yaml").stat()
    except OSError:
        raise CatalogError(label, None, None, Problem("data.file_missing")) from None
    return _load(folder, label, (stat.st_mtime_ns, stat.st_size))


@functools.cache
def _shipped() -> tuple[OrgModel, ...]:
    """data/orgmodels.yaml, read once per process (as the app reads data/ once)."""
    return load_org_models(DATA_DIR)


def org_models(folder: str | Path | None = None) -> tuple[OrgModel, ...]:
    """The five models in ORG_MODELS order."""
    return load_org_models(folder)


def org_model(model_id: str, folder: str | Path | None = None) -> OrgModel:
    return next(model for model in load_org_models(folder) if model.id == model_id)


def is_spoke_seat(seat: str | None) -> bool:
    """Whether a seat id is a spoke's (SP1, SP2, ...)."""
    return bool(seat) and seat.startswith(SPOKE_PREFIX) and seat[len(SPOKE_PREFIX):].isdigit()


# ---- what a scenario's model does -------------------------------------------------------------------
def demand_factors(scenario: Scenario, folder: str | Path | None = None) -> dict[str, float]:
    """capability -> the multiplier of its hours for the scenario's model, units, brands and
    languages (exactly 1.0 for every capability in the default scenario)."""
    model = org_model(scenario.org_model, folder)
    return {cap: model.factor(cap, scenario.business_units, scenario.brands, scenario.languages)
            for cap in CAPABILITIES}


def extra_hours(scenario: Scenario, folder: str | Path | None = None) -> dict[str, float]:
    """capability -> hours a week the model's spokes add to the hub's work: the lead hours of
    briefing, training and reviewing each of them (nothing without spokes)."""
    model = org_model(scenario.org_model, folder)
    lead = sum(group.people(scenario) * group.lead_hours for group in model.spokes)
    return {"lead": lead} if lead > 0 else {}


def spoke_seats(scenario: Scenario, catalog: Any, folder: str | Path | None = None) -> tuple[SpokeSeat, ...]:
    """The scenario's part-time contributors outside the team, SP1, SP2, ... (none in the
    centralized model). A spoke gives at most its role's capacity; a role the catalog lacks
    gives no spokes."""
    model = org_model(scenario.org_model, folder)
    out: list[SpokeSeat] = []
    for index, group in enumerate(model.spokes):
        role = catalog.roles.get(group.role)
        if role is None or role.capacity_hours <= 0:
            continue
        hours = min(group.hours_week, role.capacity_hours)
        cost = hours / role.capacity_hours * role.annual_cost_sek if group.counts_in_budget else 0.0
        for _ in range(group.people(scenario)):
            out.append(SpokeSeat(f"{SPOKE_PREFIX}{len(out) + 1}", group.role, hours, cost,
                                 group.capabilities, index))
    return tuple(out)
