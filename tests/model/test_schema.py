"""model/schema.py declares every number of the knowledge base once: the catalog's reader checks
each against those bounds, and the Assumptions editor allows exactly the same. A value outside
them is refused by both, with the same problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from model import CatalogError, build_catalog
from model.assumptions import AssumptionError, Cell, apply_edits, assumption_cells, declared_bounds
from model.catalog import Catalog
from model.errors import Problem
from model.rules import KINDS
from model.schema import NUMBERS, PARAM_LOW, SCHEMA, bounds, param_high

ROOT = Path(__file__).resolve().parents[2]


def _cell_number(cell: Cell) -> tuple[str, str] | None:
    """The schema entry of a cell (None: a rule parameter, declared by its kind)."""
    section, _select, *keys = cell.path
    if section == "rules":
        return None
    return section, "terms.hours" if keys[0] == "terms" else keys[0]


def _set(raw: dict[str, Any], cell: Cell, value: Any) -> None:
    """Write `value` where the cell lives in the raw documents (as a hand-edited file would)."""
    section, select, *keys = cell.path
    node: Any = raw[section][section]
    if select is not None:
        node = next(item for item in node if item.get(select[0]) == select[1])
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


def _outside(low: float, high: float) -> list[float]:
    return [low - 1, high + max(1.0, high / 2)]


def _refusals(catalog: Catalog, cell: Cell, value: float) -> tuple[Problem, Problem]:
    """The problem the editor gives `value` in the cell, and the one the reader gives it in a file."""
    with pytest.raises(AssumptionError) as edited:
        apply_edits(catalog, cell.table, {(cell.row, cell.column): value})
    raw = catalog.to_raw()
    _set(raw, cell, int(value) if float(value).is_integer() else value)
    with pytest.raises(CatalogError) as read:
        build_catalog(raw)
    return edited.value.problem, read.value.problem


def test_the_editor_allows_what_the_schema_declares(catalog):
    """Every cell's bounds are the schema's (a rule parameter's: its kind's), no others."""
    settings = catalog.settings
    for cell in assumption_cells(catalog).values():
        number = _cell_number(cell)
        if number is None:
            rule = next(rule for rule in catalog.rules if rule.id == cell.path[1][1])
            param = KINDS[rule.kind].params[cell.path[-1]]
            expected = (PARAM_LOW, param_high(param, rule.params))
        else:
            at_least = settings.min_fit if NUMBERS[number].at_least == "min_fit" else None
            expected = bounds(*number, at_least=at_least)
            assert cell.optional == NUMBERS[number].optional, cell.key
            assert cell.unit == NUMBERS[number].unit or number == ("demand", "terms.hours"), cell.key
        assert declared_bounds(cell) == expected, cell.key
        low, high = expected
        # the table's bounds lie within them (narrower only where another number sets a bound)
        assert low <= cell.low <= cell.high <= high, cell.key
    cells = assumption_cells(catalog)
    assert cells[("settings", "min_fit", "value")].high == settings.primary_fit
    assert cells[("settings", "primary_fit", "value")].low == settings.min_fit


def test_a_value_outside_the_bounds_is_refused_by_editor_and_reader_alike(catalog):
    checked = 0
    for cell in assumption_cells(catalog).values():
        low, high = declared_bounds(cell)
        for value in _outside(low, high):
            edited, read = _refusals(catalog, cell, value)
            assert edited.code == "number.range", (cell.key, value, edited)
            assert edited == read, (cell.key, value)
            assert (edited.get("low"), edited.get("high")) == (low, high), cell.key
            checked += 1
    assert checked > 700


def test_the_bounds_themselves_are_accepted_by_both(catalog):
    for cell in assumption_cells(catalog).values():
        for value in (cell.low, cell.high):
            edited = apply_edits(catalog, cell.table, {(cell.row, cell.column): value})
            assert assumption_cells(edited)[cell.key].value == value, cell.key
            raw = catalog.to_raw()
            _set(raw, cell, value)
            build_catalog(raw)


# Where each number the tables do not show lives in data/settings.yaml: (setting, path in its value).
HIDDEN = {
    ("settings", "priority"): ("priority", ("value", "create")),
    ("settings", "cost_tiebreak"): ("cost_tiebreak", ("value",)),
    ("settings", "spend_weight"): ("spend_weight", ("value",)),
    ("settings", "tranches.share"): ("tranches", ("value", 0, "share")),
    ("settings", "tranches.bonus"): ("tranches", ("value", 0, "bonus")),
    ("settings", "volunteer_fit"): ("volunteer_fit", ("value", "create")),
    ("reply", "check_minutes"): ("check_minutes", ("value",)),
    ("reply", "rota_hours"): ("rota_hours", ("value",)),
    ("reply", "reply_hours"): ("baseline", ("reply_hours",)),
    ("reply", "days"): ("windows", (0, "days")),
    ("reply", "hours"): ("windows", (0, "hours")),
}


@pytest.mark.parametrize("number", [key for key in NUMBERS if key in HIDDEN])
def test_the_reader_checks_the_numbers_no_table_shows_against_the_schema(raw_catalog, number):
    spec = NUMBERS[number]
    setting, path = HIDDEN[number]
    for value, refused in ((spec.low, False), (spec.high, False), (spec.high * 2 + 1, True),
                           (spec.low - 1, True)):
        node = raw_catalog[number[0]][number[0]][setting]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        if not refused:
            build_catalog(raw_catalog)
            continue
        with pytest.raises(CatalogError) as caught:
            build_catalog(raw_catalog)
        problem = caught.value.problem
        assert problem.code in ("number.range", "type.capability_numbers"), problem
        assert (problem.get("low"), problem.get("high")) == (spec.low, spec.high)


def test_every_number_of_the_schema_is_shown_or_checked_above(catalog):
    shown = {_cell_number(cell) for cell in assumption_cells(catalog).values()} - {None}
    assert set(NUMBERS) == shown | set(HIDDEN)
    assert all(spec.kind in ("float", "int") and spec.low < spec.high for spec in SCHEMA)
    assert len(NUMBERS) == len(SCHEMA)  # each declared once


def test_the_reader_writes_no_bound_of_its_own():
    """model/catalog.py takes every bound from the schema: no number literal as a bound."""
    source = (ROOT / "model" / "catalog.py").read_text(encoding="utf-8")
    literal = r"-?\d[\d_.e+-]*"
    calls = re.findall(r"self\.(?:number|per_capability)\((?:[^()]|\([^()]*\))*\)", source)
    assert calls, "the reader's number checks were not found"
    assert [call for call in calls if re.search(rf",\s*{literal}\s*,\s*{literal}\s*[,)]", call)] == []
    assert not re.search(rf"not\s+{literal}\s*<=\s*\w+\s*<=", source)
