"""Edits of the assumption tables applied to a catalog, put back to the defaults, compared, and a
whole set of assumptions read from YAML (the one document `Catalog.to_yaml` writes).

An edit is checked against the bounds its cell declares (model/schema.py, the same the catalog's
reader uses), then written into a copy of the raw documents and read by `build_catalog`, so the
catalog's own validation has the last word. Anything refused raises `AssumptionError`: a
model.errors.Problem and the cell it is about (ui/ words both), and the catalog is left as it was.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog, build_catalog, load_catalog_text
from ..errors import CatalogError, Problem, shown
from ..schema import NUMBERS
from ..vocab import CAPABILITIES
from ..yamlsafe import YamlProblem, decode_text, load_text
from .tables import (
    SETTINGS,
    TABLE_IDS,
    VALUE,
    Cell,
    Table,
    assumption_cells,
    assumption_tables,
    demand_row_ids,
    is_blank,
)

ORIGIN = "assumptions"  # the origin of a catalog made by edits
MAX_IMPORT_BYTES = 1024 * 1024  # data/ as one document is about 35 KB


class AssumptionError(ValueError):
    """An edit or an import was refused.

    problem: what is wrong (a model.errors.Problem). cell: the table cell it is about (None when
    the problem is not in one of the numbers); other: a cell that the edit of `cell` made invalid.
    file, entry, key: where in the YAML the catalog's reader found it, when it did (as a
    CatalogError names it); for a problem of the uploaded text as a whole, file is its name.
    """

    def __init__(self, problem: Problem, cell: Cell | None = None, *, other: Cell | None = None,
                 file: str | None = None, entry: str | None = None, key: str | None = None):
        self.problem = problem
        self.cell = cell
        self.other = other if other is None or cell is None or other.key != cell.key else None
        self.file, self.entry, self.key = file, entry, key
        where = [part for part in (file, entry, f"key '{key}'" if key else None) if part]
        if cell is not None:
            where.insert(0, "/".join(cell.key) + (f" (makes {'/'.join(self.other.key)} invalid)"
                                                  if self.other is not None else ""))
        super().__init__(": ".join([*where, str(problem)]))

    @classmethod
    def from_catalog(cls, error: CatalogError, cell: Cell | None = None, *, other: Cell | None = None):
        return cls(error.problem, cell, other=other, file=error.file, entry=error.entry, key=error.key)

    def __reduce__(self):
        return (_rebuild, (self.problem, self.cell, self.other, self.file, self.entry, self.key))

    @property
    def table(self) -> str | None:
        return self.cell.table if self.cell else None

    @property
    def row(self) -> str | None:
        return self.cell.row if self.cell else None

    @property
    def column(self) -> str | None:
        return self.cell.column if self.cell else None


def _rebuild(problem, cell, other, file, entry, key) -> AssumptionError:
    return AssumptionError(problem, cell, other=other, file=file, entry=entry, key=key)


# ---- one value ----------------------------------------------------------------------------------
def parse_number(typed: str) -> float:
    """A number as people type it: '50 000', '1,5' (decimal comma), '1,500,000' or '1,234.5'."""
    cleaned = typed.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("_", "")
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1 and \
            not re.fullmatch(r"-?\d{1,3},\d{3}", cleaned):
        cleaned = cleaned.replace(",", ".")
    return float(cleaned.replace(",", ""))


def declared_bounds(cell: Cell) -> tuple[float, float | None]:
    """The bounds the catalog's reader checks the cell's number against: the schema's
    (model/schema.py; a rule parameter's from its kind), with the lower bound another number sets
    (`at_least`: the primary fit is at least the minimum fit). The cell's own high may be lower:
    the minimum fit is at most the primary fit, which the reader checks on the primary fit."""
    section, _select, *keys = cell.path
    if section == "rules":
        return cell.low, cell.high
    spec = NUMBERS[(section, "terms.hours" if keys[0] == "terms" else keys[0])]
    return (cell.low if spec.at_least else spec.low), spec.high


def _whole(number: float) -> int | float:
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def coerce(cell: Cell, value: Any) -> float | None:
    """The edited value as a number within the cell's declared bounds (None: blank, on an optional
    cell), or AssumptionError with the problem the catalog's reader gives the same value."""
    if is_blank(value):
        if cell.optional:
            return None
        raise AssumptionError(Problem("cell.empty"), cell)
    if isinstance(value, bool):
        raise AssumptionError(Problem("number.expected", {"got": shown(value)}), cell)
    if isinstance(value, str | bytes):
        typed = (value.decode("utf-8", "replace") if isinstance(value, bytes) else value).strip()
        try:
            value = parse_number(typed)
        except ValueError:
            raise AssumptionError(Problem("number.expected", {"got": shown(typed, 40)}), cell) from None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise AssumptionError(Problem("number.expected", {"got": shown(value, 40)}), cell) from None
    if not math.isfinite(number):
        raise AssumptionError(Problem("number.not_finite", {"got": shown(number)}), cell)
    low, high = declared_bounds(cell)
    if number < low or (high is not None and number > high):
        problem = (Problem("number.low", {"low": low, "got": _whole(number)}) if high is None else
                   Problem("number.range", {"low": low, "high": high, "got": _whole(number)}))
        raise AssumptionError(problem, cell)
    return number


# ---- editing ------------------------------------------------------------------------------------
def _locate(raw: dict[str, Any], path: tuple) -> tuple[Any, Any]:
    """(container, key) of the value at `path` in the raw documents."""
    section, select, *keys = path
    node: Any = raw[section][section]
    if select is not None:
        id_key, ident = select
        node = next(item for item in node if isinstance(item, dict) and item.get(id_key) == ident)
    for key in keys[:-1]:
        node = node[key]
    return node, keys[-1]


def _yaml_number(number: float, original: Any) -> int | float:
    """Keep the YAML's type: an int stays an int when the new value is whole (so that editing a
    value back gives the same document, and the same fingerprint, as before)."""
    if isinstance(original, float) and not isinstance(original, bool):
        return number
    return _whole(number)


def _write(raw: dict[str, Any], cell: Cell, number: float | None) -> None:
    container, key = _locate(raw, cell.path)
    if number is None:
        if isinstance(container, dict):
            container.pop(key, None)
        return
    original = container.get(key) if isinstance(container, dict) else container[key]
    container[key] = _yaml_number(number, original)


def apply_edits(catalog: Catalog, table_id: str, edits: Mapping[tuple[str, str], Any]) -> Catalog:
    """A new Catalog with `edits` ((row, column) -> value) made to one table.

    Raises AssumptionError (with the cell) and leaves `catalog` untouched on any problem.
    """
    if table_id not in TABLE_IDS:
        raise AssumptionError(Problem("value.unknown", {"got": shown(table_id), "expected": TABLE_IDS}))
    table = assumption_tables(catalog)[table_id]
    return _apply(catalog, [(table, key, value) for key, value in edits.items()])


def _apply(catalog: Catalog, changes: list[tuple[Table, tuple[str, str], Any]]) -> Catalog:
    raw = catalog.to_raw()
    touched: list[Cell] = []
    for table, (row, column), value in changes:
        cell = table.cells.get((row, column))
        if cell is None:
            rows = tuple(item.id for item in table.rows)
            got, expected = ((row, rows) if row not in rows else
                             (column, tuple(item.key for item in table.columns)))
            raise AssumptionError(Problem("value.unknown", {"got": shown(got), "expected": expected}))
        number = coerce(cell, value)
        if (number is None and cell.value is None) or (number is not None and number == cell.value):
            continue
        _write(raw, cell, number)
        touched.append(cell)
    if not touched:
        return catalog
    try:
        return build_catalog(raw, origin=ORIGIN)
    except CatalogError as error:
        raise _explain(error, touched, catalog) from None


# ---- where a catalog error points ----------------------------------------------------------------
ENTRY = re.compile(r"^(?P<section>\w+)\[(?P<index>\d+)\]")


def _key_text(keys: Iterable[Any]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _error_spot(error: CatalogError) -> tuple[str, Any, str | None] | None:
    """(section, entry index or setting name, key) of a CatalogError."""
    section = error.file.rsplit("/", 1)[-1].removesuffix(".yaml")
    if not error.entry:
        return None
    if section == "settings":
        return section, error.entry, error.key
    match = ENTRY.match(error.entry)
    if not match:
        return None
    return section, int(match["index"]), error.key


def _cell_spot(cell: Cell, raw: dict[str, Any]) -> tuple[str, Any, str]:
    section, select, *keys = cell.path
    if select is None:  # settings: the entry is the setting, the key is 'value'
        return section, keys[0], _key_text(keys[1:])
    id_key, ident = select
    if keys[0] == "fit":  # the catalog names a fit's value by the bare capability id
        keys = keys[1:]
    body = raw[section][section]
    index = next((i for i, item in enumerate(body)
                  if isinstance(item, dict) and item.get(id_key) == ident), -1)
    return section, index, _key_text(keys)


def _explain(error: CatalogError, touched: list[Cell], catalog: Catalog) -> AssumptionError:
    """The catalog's error (file, entry, key) as one naming the cell edited and, when the edit made
    another cell invalid, that one."""
    spot = _error_spot(error)
    if spot is not None:
        for cell in touched:
            if _cell_spot(cell, catalog.raw) == spot:
                return AssumptionError(error.problem, cell)
        for cell in assumption_cells(catalog).values():
            if _cell_spot(cell, catalog.raw) == spot:
                return AssumptionError(error.problem, touched[0], other=cell)
    return AssumptionError.from_catalog(error, touched[0])


# ---- back to the defaults, and what differs from them ------------------------------------------------
def reset_table(catalog: Catalog, default: Catalog, table_id: str) -> Catalog:
    """The catalog with one table's values put back to those of `default` (rows that only one of
    the two has are left as they are)."""
    if table_id == "demand":  # terms have no ids: put back each capability's terms as shipped
        return _reset_demand(catalog, default)
    current = assumption_tables(catalog)[table_id]
    shipped = assumption_tables(default)[table_id]
    changes = [(current, key, shipped.cells[key].value) for key in current.cells if key in shipped.cells]
    return _apply(catalog, changes)


def _reset_demand(catalog: Catalog, default: Catalog) -> Catalog:
    raw = catalog.to_raw()
    shipped = {entry.get("capability"): entry for entry in default.raw["demand"]["demand"]}
    for entry in raw["demand"]["demand"]:
        source = shipped.get(entry.get("capability"))
        if source is not None:
            entry["base_hours"] = source["base_hours"]
            entry["terms"] = copy.deepcopy(source.get("terms", []))
    if raw == catalog.raw:
        return catalog
    try:
        return build_catalog(raw, origin=ORIGIN)
    except CatalogError as error:
        raise AssumptionError.from_catalog(error) from None


@dataclass(frozen=True)
class Change:
    cell: Cell  # as in the catalog compared against
    old: float | None
    new: float | None


def differences(base: Catalog, other: Catalog) -> tuple[Change, ...]:
    """The assumptions whose value in `other` differs from `base` (cells only one has included)."""
    if base.fingerprint == other.fingerprint:
        return ()
    before, after = assumption_cells(base), assumption_cells(other)
    changes = []
    for key, cell in after.items():
        old = before[key].value if key in before else None
        if key not in before or old != cell.value:
            changes.append(Change(cell, old, cell.value))
    changes += [Change(cell, cell.value, None) for key, cell in before.items() if key not in after]
    return tuple(changes)


# ---- import ---------------------------------------------------------------------------------------
def import_yaml(text_in: str | bytes, *, origin: str = "upload", reference: Catalog | None = None) -> Catalog:
    """Read a whole set of assumptions (the one-document YAML `Catalog.to_yaml` writes).

    Raises AssumptionError: with the table cell when the problem is in one of the numbers (as the
    tables of `reference`, the shipped catalog, hold it), always with the file, entry and key.
    """
    if not isinstance(text_in, str | bytes | bytearray):
        raise AssumptionError(Problem("text.expected", {"got": shown(type(text_in).__name__)}), file=origin)
    try:
        text_in = decode_text(text_in, MAX_IMPORT_BYTES)
    except YamlProblem as problem:
        raise AssumptionError(problem.problem, file=origin) from None
    try:  # one guarded pass (model.yamlsafe): depth, size, aliases and duplicates checked as it parses
        return load_catalog_text(text_in, origin=origin)
    except CatalogError as error:
        raise AssumptionError.from_catalog(error, _import_cell(error, text_in, reference)) from None


def _import_cell(error: CatalogError, text_in: str, reference: Catalog | None) -> Cell | None:
    """The table cell a CatalogError in an uploaded document points at, when it is one."""
    spot = _error_spot(error)
    if spot is None or spot[2] is None:
        return None
    section, entry, key = spot
    try:
        merged = load_text(text_in)  # it was read once already: this cannot fail on size or depth
        item = merged[section][entry] if section != "settings" else None
    except Exception:  # noqa: BLE001 - best effort: without it the error still names file and key
        return None
    spot_cell = _spot_to_cell(section, entry, key, item)
    if spot_cell is None:
        return None
    table_id, row, column = spot_cell
    known = assumption_tables(reference)[table_id].cells.get((row, column)) if reference else None
    if known is not None:
        return known
    subject = row if section != "demand" else row.split(".")[0]
    return Cell(table_id, row, column, None, "value", "", "number", 0.0, None, False, (), subject, "", None)


def _spot_to_cell(section: str, entry: Any, key: str, item: Any) -> tuple[str, str, str] | None:
    if section == "settings":
        return ("settings", entry, VALUE) if entry in SETTINGS and key == "value" else None
    if not isinstance(item, dict):
        return None
    if section in ("roles", "providers"):
        ident = item.get("id")
        if not isinstance(ident, str):
            return None
        if key in CAPABILITIES or key.startswith("fit."):
            return ("role_fit" if section == "roles" else "provider_fit"), ident, key.removeprefix("fit.")
        wide = {"roles": ("pay_sek_month", "capacity_hours", "employer_cost_multiplier"),
                "providers": ("rate_sek_hour", "min_retainer_sek_month", "max_hours_week")}[section]
        return ("pay" if section == "roles" else "providers", ident, key) if key in wide else None
    if section == "demand":
        cap = item.get("capability")
        if not isinstance(cap, str):
            return None
        if key == "base_hours":
            return "demand", f"{cap}.base_hours", VALUE
        match = re.fullmatch(r"terms\[(\d+)\]\.hours", key)
        if match:
            ids = demand_row_ids(cap, item.get("terms"))
            index = int(match[1])
            return ("demand", ids[index], VALUE) if index < len(ids) else None
        return None
    if section == "rules" and key.startswith("params.") and isinstance(item.get("id"), str):
        return "rules", f"{item['id']}.{key[7:]}", VALUE
    return None
