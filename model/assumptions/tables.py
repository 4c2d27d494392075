"""What the assumption tables hold: one table per concept, one cell per number of the catalog, each
with its unit, its bounds, its source and where it lives in the raw documents of data/.

Nothing here is worded: tables, columns and units are codes, and a row names what it is about by
an id and the English name the data gives it (`Catalog.name`), which ui/ translates. Bounds come
from the one declaration of every number (model/schema.py), so the tables allow exactly what the
catalog's reader accepts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog
from ..rules import FIELD, KINDS, Param
from ..scenario import SPECS
from ..schema import NUMBERS, PARAM_LOW, param_high
from ..vocab import CAPABILITIES
from .labels import PARAM_LABELS

CellKey = tuple[str, str, str]  # (table, row, column)
TABLE_IDS: tuple[str, ...] = ("pay", "providers", "demand", "settings", "role_fit", "provider_fit", "rules")
VALUE = "value"  # the one value column of a long table

# Sources the model gives where the data names none (ui/ words them). Any other source is the
# data's own text (a citation, in English: ui/ translates it as it translates the data's names).
ESTIMATE = "estimate"
CAPACITY_ESTIMATE = "estimate.capacity"  # 40 h less about 15 % for meetings, admin and training
ROLE_FIT_ESTIMATE = "estimate.role_fit"  # after the seed post's role lists
GUIDANCE_ESTIMATE = "estimate.guidance."  # + the guidance item the rule encodes: "estimate.guidance.3"
SOURCE_CODES: tuple[str, ...] = (ESTIMATE, CAPACITY_ESTIMATE, ROLE_FIT_ESTIMATE)

# The kind of each cell: how it is varied (count: whole) and shown.
PAY_COLUMNS: dict[str, str] = {"pay_sek_month": "money", "capacity_hours": "hours",
                               "employer_cost_multiplier": "factor"}
PROVIDER_COLUMNS: dict[str, str] = {"rate_sek_hour": "rate", "min_retainer_sek_month": "money",
                                    "max_hours_week": "hours"}
SETTINGS: dict[str, str] = {  # the settings in the table -> cell kind
    "employer_cost_multiplier": "factor", "weeks_per_year": "weeks", "min_fit": "fraction",
    "primary_fit": "fraction", "strong_fit": "fraction",
}
# The unit of a demand term's hours, by its driver (and transform): codes.
DRIVER_UNITS: dict[str, str] = {
    "channels": "h_week_per_channel", "posts_per_week": "h_per_post", "image_posts": "h_per_image_post",
    "video_posts": "h_per_video_post", "inbound_per_week": "h_per_message",
    "inbound_hours": "h_per_handling_hour",
    "ad_spend_10k": "h_week_per_10k_sek_month", "influencers": "h_week_per_influencer",
}
SQRT_DRIVER_UNITS: dict[str, str] = {"ad_spend_10k": "h_week_sqrt_10k_sek_month"}
BASE = "base"  # the detail of a demand row for the base hours
SQRT = "sqrt."  # the detail of a demand row for a square-root term: "sqrt.<driver>"
# A rule parameter that is a threshold on a scenario field is in that field's unit.
FIELD_UNITS: dict[str, str] = {
    "team_size": "people", "budget_sek": "sek_year", "marketing_lead_hours": "h_week",
    "volunteer_hours": "h_week", "channels": "channels", "posts_per_week": "posts_week",
    "video_share": "share", "inbound_per_week": "messages_week", "ad_spend_sek_month": "sek_month",
    "influencers": "influencers", "org_size": "employees",
}
PARAM_KINDS = {"fraction": "fraction", "hours": "hours", "count": "count", "number": "number",
               "penalty": "number"}  # the cell kind of a numeric rule parameter by its type
# Every unit code a cell or a column can have (ui/ has a text for each).
UNIT_CODES: tuple[str, ...] = tuple(dict.fromkeys((
    "sek_month", "sek_hour", "sek_year", "h_week", "fit", "share", "factor", "weeks", "count",
    "h_per_h", "employees", "utilisation", "points_h", "value",
    *DRIVER_UNITS.values(), *SQRT_DRIVER_UNITS.values(), *FIELD_UNITS.values(),
)))


@dataclass(frozen=True)
class Column:
    """A value column: its key (a YAML key, a capability id, or VALUE), its unit code (None in
    long tables, where each row has its own unit) and, for a capability, the English name the data
    gives it ("" otherwise: ui/ names the column by its key)."""

    key: str
    unit: str | None = None
    name: str = ""


@dataclass(frozen=True)
class Row:
    """What a row is about: `subject` is an id (a role, provider or capability, a setting, a rule),
    `name` the English name the data gives it ("" where ui/ names it by its id: settings, and rules
    while data/rules.yaml gives them no name),
    `detail` which of its numbers (a demand row: BASE, a driver or SQRT + driver; a rule row: the
    English label of the parameter)."""

    id: str
    subject: str
    name: str
    source: str
    detail: str | None = None
    unit: str | None = None  # long tables only


@dataclass(frozen=True)
class Cell:
    """One assumption: a number of the catalog, where it lives and what it may be."""

    table: str
    row: str
    column: str
    value: float | None  # None: not set (an optional cell left blank)
    unit: str  # a unit code
    source: str  # a source code (SOURCE_CODES, GUIDANCE_ESTIMATE) or the data's own text
    kind: str  # money | rate | hours | fraction | factor | weeks | count | number
    low: float
    high: float | None
    optional: bool  # blank allowed: the key is then left out of the YAML
    path: tuple  # (section, (id_key, ident) or None, *keys) into the raw documents
    subject: str = ""  # as the cell's Row
    name: str = ""
    detail: str | None = None
    column_name: str = ""  # as the cell's Column

    @property
    def key(self) -> CellKey:
        return (self.table, self.row, self.column)


@dataclass(frozen=True)
class Table:
    id: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: dict[tuple[str, str], Cell]  # (row, column) -> cell
    long: bool  # one value per row, with a unit column
    source_columns: tuple[str, ...] = ()  # value columns whose cell sources get their own column

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[(row, column)]

    def edits_from_frame(self, frame) -> dict[tuple[str, str], Any]:
        """The cells whose value in `frame` (a pandas DataFrame with a column per value column, as a
        data editor returns it) differs from the table.

        Rows are matched by position (the editor keeps the row count fixed). Values are passed on
        as given (text, NaN, None): `apply_edits` judges them.
        """
        edits: dict[tuple[str, str], Any] = {}
        if frame is None or len(frame) != len(self.rows):
            return edits
        for position, row in enumerate(self.rows):
            for column in self.columns:
                if column.key not in frame.columns:
                    continue
                cell = self.cells.get((row.id, column.key))
                if cell is None:
                    continue
                new = frame[column.key].iloc[position]
                if not same(new, cell.value):
                    edits[(row.id, column.key)] = new
        return edits


def is_blank(value: Any) -> bool:
    """None, NaN (float or pandas' NA) or text of spaces: an empty cell."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    if isinstance(value, str | bytes):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError, ImportError):
        return False


def same(new: Any, old: float | None) -> bool:
    if is_blank(new):
        return old is None
    if old is None or isinstance(new, bool | str | bytes):
        return False
    try:
        return float(new) == float(old)
    except (TypeError, ValueError, OverflowError):
        return False


def demand_row_ids(capability: str, terms: Any) -> list[str]:
    """Row ids of a demand entry's terms: '<capability>.<driver>', numbered when repeated."""
    ids: list[str] = []
    for index, term in enumerate(terms if isinstance(terms, list) else []):
        driver = term.get("driver") if isinstance(term, dict) else None
        ident = f"{capability}.{driver}"
        ids.append(ident if ident not in ids else f"{ident}.{index + 1}")
    return ids


def param_unit(param: Param, params: dict[str, Any]) -> tuple[str, str]:
    """(unit code, cell kind) of a numeric rule parameter, from its kind's declaration."""
    if param.unit == FIELD:  # a threshold on a scenario field: in that field's unit
        driver = params.get(param.of or "")
        spec = SPECS.get(driver) if isinstance(driver, str) else None
        if spec is not None and spec.kind == "float" and spec.high == 1:
            return "share", "fraction"
        return (FIELD_UNITS.get(driver, VALUE) if isinstance(driver, str) else VALUE), "number"
    return param.unit or VALUE, PARAM_KINDS[param.type]


def param_label(param: Param, name: str) -> str:
    """The English label of a rule parameter (data/rule_labels.yaml), or its name when none."""
    return PARAM_LABELS.get(param.label or "") or name


# ---- building the tables --------------------------------------------------------------------------
class _Builder:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.raw = catalog.raw

    @staticmethod
    def table(table_id: str, columns: list[Column], rows: list[Row], cells: list[Cell], long: bool = False,
              source_columns: tuple[str, ...] = ()) -> Table:
        return Table(table_id, tuple(columns), tuple(rows), {(cell.row, cell.column): cell for cell in cells},
                     long, source_columns)

    @staticmethod
    def cell(table: str, row: Row, column: str, value: Any, *, number: tuple[str, str] | None = None,
             unit: str | None = None, source: str, kind: str, path: tuple, low: float | None = None,
             high: float | None = None, column_name: str = "") -> Cell:
        """A cell; its bounds, unit and whether it may be blank from the schema entry `number`
        (low and high given: a rule parameter, or a bound another cell sets)."""
        spec = NUMBERS[number] if number is not None else None
        low = low if low is not None else spec.low
        high = high if high is not None else (spec.high if spec is not None else None)
        return Cell(table, row.id, column, None if value is None else float(value), unit or spec.unit, source,
                    kind, low, high, spec.optional if spec is not None else False, path, row.subject,
                    row.name, row.detail, column_name)

    def pay(self) -> Table:
        settings = self.raw["settings"]["settings"]
        mult_source = str(settings["employer_cost_multiplier"].get("source", ESTIMATE))
        columns = [Column(key, NUMBERS[("roles", key)].unit) for key in PAY_COLUMNS]
        rows, cells = [], []
        for entry in self.raw["roles"]["roles"]:
            role = self.catalog.roles[entry["id"]]
            row = Row(role.id, role.id, role.name, role.pay_source)
            rows.append(row)
            select = ("roles", ("id", role.id))
            own = entry.get("employer_cost_multiplier")
            values = {"pay_sek_month": (role.pay_sek_month, role.pay_source),
                      "capacity_hours": (role.capacity_hours, CAPACITY_ESTIMATE),
                      "employer_cost_multiplier": (role.employer_cost_multiplier if own is not None else None,
                                                   mult_source)}
            for key, kind in PAY_COLUMNS.items():
                value, source = values[key]
                cells.append(self.cell("pay", row, key, value, number=("roles", key), source=source,
                                       kind=kind, path=(*select, key)))
        return self.table("pay", columns, rows, cells)

    def providers(self) -> Table:
        columns = [Column(key, NUMBERS[("providers", key)].unit) for key in PROVIDER_COLUMNS]
        rows, cells = [], []
        for entry in self.raw["providers"]["providers"]:
            provider = self.catalog.providers[entry["id"]]
            row = Row(provider.id, provider.id, provider.name, provider.rate_source)
            rows.append(row)
            select = ("providers", ("id", provider.id))
            retainer_source = entry.get("retainer_source")
            if not isinstance(retainer_source, str) or not retainer_source.strip():
                retainer_source = ESTIMATE
            values = {"rate_sek_hour": (provider.rate_sek_hour, provider.rate_source),
                      "min_retainer_sek_month": (provider.min_retainer_sek_month, retainer_source),
                      "max_hours_week": (provider.max_hours_week, ESTIMATE)}
            for key, kind in PROVIDER_COLUMNS.items():
                value, source = values[key]
                cells.append(self.cell("providers", row, key, value, number=("providers", key), source=source,
                                       kind=kind, path=(*select, key)))
        return self.table("providers", columns, rows, cells, source_columns=("min_retainer_sek_month",))

    def demand(self) -> Table:
        rows, cells = [], []
        for entry, rule in zip(self.raw["demand"]["demand"], self.catalog.demand, strict=True):
            cap = rule.capability
            name = self.catalog.name(cap)
            select = ("demand", ("capability", cap))
            row = Row(f"{cap}.base_hours", cap, name, rule.source, BASE,
                      NUMBERS[("demand", "base_hours")].unit)
            rows.append(row)
            cells.append(self.cell("demand", row, VALUE, rule.base_hours, number=("demand", "base_hours"),
                                   source=rule.source, kind="hours", path=(*select, "base_hours")))
            ids = demand_row_ids(cap, entry.get("terms", []))
            for index, (ident, term) in enumerate(zip(ids, rule.terms, strict=True)):
                sqrt = term.transform == "sqrt"
                units = SQRT_DRIVER_UNITS if sqrt else DRIVER_UNITS
                unit = units.get(term.driver, NUMBERS[("demand", "terms.hours")].unit)
                row = Row(ident, cap, name, rule.source, (SQRT if sqrt else "") + term.driver, unit)
                rows.append(row)
                cells.append(self.cell("demand", row, VALUE, term.hours, number=("demand", "terms.hours"),
                                       unit=unit, source=rule.source, kind="hours",
                                       path=(*select, "terms", index, "hours")))
        return self.table("demand", [Column(VALUE)], rows, cells, long=True)

    def settings(self) -> Table:
        body = self.raw["settings"]["settings"]
        values = {key: getattr(self.catalog.settings, key) for key in SETTINGS}
        # a number that is another's lower bound is bounded above by it: min_fit <= primary_fit
        above = {spec.at_least: spec.key for spec in NUMBERS.values()
                 if spec.section == "settings" and spec.at_least}
        rows, cells = [], []
        for key, kind in SETTINGS.items():
            spec = NUMBERS[("settings", key)]
            source = str(body[key].get("source", ESTIMATE))
            row = Row(key, key, "", source, None, spec.unit)
            rows.append(row)
            low = max(spec.low, values[spec.at_least]) if spec.at_least else spec.low
            high = min(spec.high, values[above[key]]) if key in above else spec.high
            cells.append(self.cell("settings", row, VALUE, values[key], number=("settings", key),
                                   source=source, kind=kind, low=low, high=high,
                                   path=("settings", None, key, "value")))
        return self.table("settings", [Column(VALUE)], rows, cells, long=True)

    def fits(self, table_id: str) -> Table:
        section = "roles" if table_id == "role_fit" else "providers"
        items = self.catalog.roles if section == "roles" else self.catalog.providers
        source = ROLE_FIT_ESTIMATE if section == "roles" else ESTIMATE
        spec = NUMBERS[(section, "fit")]
        columns = [Column(cap, spec.unit, self.catalog.name(cap)) for cap in CAPABILITIES]
        rows, cells = [], []
        for entry in self.raw[section][section]:
            item = items[entry["id"]]
            row = Row(item.id, item.id, item.name, source)
            rows.append(row)
            for column in columns:
                cells.append(self.cell(table_id, row, column.key, item.fit.get(column.key),
                                       number=(section, "fit"), source=source, kind="fraction",
                                       path=(section, ("id", item.id), "fit", column.key),
                                       column_name=column.name))
        return self.table(table_id, columns, rows, cells)

    def rules(self) -> Table:
        rows, cells = [], []
        for rule in self.catalog.rules:
            kind = KINDS[rule.kind]
            source = f"{GUIDANCE_ESTIMATE}{rule.guidance}" if rule.guidance else ESTIMATE
            for name, param in kind.params.items():
                if not param.numeric:
                    continue
                unit, cell_kind = param_unit(param, rule.params)
                row = Row(f"{rule.id}.{name}", rule.id, getattr(rule, "name", "") or "", source,
                          param_label(param, name), unit)
                rows.append(row)
                cells.append(self.cell("rules", row, VALUE, rule.params[name], unit=unit, source=source,
                                       kind=cell_kind, low=PARAM_LOW, high=param_high(param, rule.params),
                                       path=("rules", ("id", rule.id), "params", name)))
        return self.table("rules", [Column(VALUE)], rows, cells, long=True)


def assumption_tables(catalog: Catalog) -> dict[str, Table]:
    """Every numeric assumption of the catalog, as tables in TABLE_IDS order."""
    build = _Builder(catalog)
    made = {"pay": build.pay(), "providers": build.providers(), "demand": build.demand(),
            "settings": build.settings(), "role_fit": build.fits("role_fit"),
            "provider_fit": build.fits("provider_fit"), "rules": build.rules()}
    return {table_id: made[table_id] for table_id in TABLE_IDS}


def assumption_cells(catalog: Catalog) -> dict[CellKey, Cell]:
    """Every cell of every table by (table, row, column)."""
    return {cell.key: cell for table in assumption_tables(catalog).values() for cell in table.cells.values()}
