"""Which assumptions move the plan most: each number of the tables set lower and higher by a
factor in turn (within its bounds), the plan simulated again, and the change in overall coverage
and total cost recorded — the bars of a tornado chart."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..catalog import Catalog
from ..engine import simulate
from ..scenario import Scenario
from .tables import Cell, assumption_cells

METRICS: tuple[str, ...] = ("coverage", "cost")


@dataclass(frozen=True)
class Swing:
    """What changing one assumption by -factor and +factor does to the plan."""

    cell: Cell
    low_value: float
    high_value: float
    coverage: tuple[float, float]  # overall coverage at low_value, high_value
    cost: tuple[float, float]  # total cost SEK/year at low_value, high_value
    base_coverage: float
    base_cost: float

    def swing(self, metric: str) -> float:
        """The width of the tornado bar: the range spanned by base, low and high."""
        base, (low, high) = ((self.base_coverage, self.coverage) if metric == "coverage"
                             else (self.base_cost, self.cost))
        return max(base, low, high) - min(base, low, high)


@dataclass(frozen=True)
class Sensitivity:
    factor: float
    base_coverage: float
    base_cost: float
    swings: tuple[Swing, ...]  # in table order

    def ranked(self, metric: str) -> tuple[Swing, ...]:
        """Swings by how much they move `metric` ('coverage' or 'cost'), largest first."""
        if metric not in METRICS:
            raise ValueError(f"unknown metric {metric!r} (expected coverage or cost)")
        order = {swing.cell.key: index for index, swing in enumerate(self.swings)}
        return tuple(sorted(self.swings, key=lambda s: (-round(s.swing(metric), 9), order[s.cell.key])))


def varied_values(cell: Cell, factor: float = 0.2) -> tuple[float, float]:
    """The values tried for a cell: value x (1 - factor) and x (1 + factor), kept within the cell's
    bounds (fractions stay within 0..1), whole for counts."""
    assert cell.value is not None

    def bound(number: float) -> float:
        number = max(cell.low, number)
        if cell.high is not None:
            number = min(cell.high, number)
        return float(round(number)) if cell.kind == "count" else number

    return bound(cell.value * (1 - factor)), bound(cell.value * (1 + factor))


def with_value(catalog: Catalog, cell: Cell, value: float) -> Catalog:
    """A catalog differing from `catalog` in one assumption, built without re-validation.

    The fast path of `sensitivity` (apply_edits gives the same plans; the tests check it). Only
    for values within the cell's bounds."""
    return with_values(catalog, ((cell, value),),
                       fingerprint=f"{catalog.fingerprint}~{'/'.join(cell.key)}={value!r}")


def _copy_with(item: Any, **changes: Any) -> Any:
    """dataclasses.replace for the catalog's plain records (none has an __init__ of its own or a
    __post_init__), without running __init__ again: a tenth of the time, for the Monte Carlo."""
    out = copy.copy(item)
    for name, value in changes.items():
        object.__setattr__(out, name, value)
    return out


def with_values(catalog: Catalog, changes, *, fingerprint: str) -> Catalog:
    """A catalog differing from `catalog` in several assumptions ((cell, value) pairs, each value
    within its cell's bounds), built without re-validation; `fingerprint` names the result (the
    app's caches key on it)."""
    changes = list(changes)
    return catalog_editor(catalog, [cell for cell, _ in changes])(
        [value for _, value in changes], fingerprint=fingerprint)


def catalog_editor(catalog: Catalog, cells) -> Callable[..., Catalog]:
    """`edit(values, fingerprint=...)`: `catalog` with each of `cells` set to the value at its
    index, built without re-validation. Where each cell lives is worked out once, so that the
    Monte Carlo (model/uncertainty.py) makes each draw's catalog in a fraction of a millisecond."""
    settings: list[tuple[str, int]] = []
    items: dict[tuple[str, str], list[tuple[str, str | None, int]]] = {}  # (section, id) -> field, fit key
    demand: dict[str, list[tuple[Any, int]]] = {}  # capability -> "base_hours" or term index
    rules: dict[str, list[tuple[str, bool, int]]] = {}  # rule id -> param, whole, index
    for index, cell in enumerate(cells):
        section, select, *keys = cell.path
        if section == "settings":
            settings.append((keys[0], index))
        elif section in ("roles", "providers"):
            items.setdefault((section, select[1]), []).append(
                ("fit", keys[1], index) if keys[0] == "fit" else (keys[0], None, index))
        elif section == "demand":
            demand.setdefault(select[1], []).append(
                ("base_hours" if keys[0] == "base_hours" else keys[1], index))
        elif section == "rules":
            rules.setdefault(select[1], []).append((keys[1], cell.kind == "count", index))
        else:
            raise ValueError(f"cannot vary {cell.key}")
    own = {entry["id"] for entry in catalog.raw["roles"]["roles"] if "employer_cost_multiplier" in entry}

    def edit(values, *, fingerprint: str) -> Catalog:
        changed: dict[str, Any] = {}
        for (section, ident), where in items.items():
            table = changed.get(section)
            if table is None:
                table = changed[section] = dict(getattr(catalog, section))
            item = table[ident]
            fields: dict[str, Any] = {}
            fit = None
            for name, key, index in where:
                if key is None:
                    fields[name] = values[index]
                else:
                    fit = dict(item.fit) if fit is None else fit
                    fit[key] = values[index]
            if fit is not None:
                fields["fit"] = fit
            table[ident] = _copy_with(item, **fields)
        if demand:
            out = []
            for rule in catalog.demand:
                where = demand.get(rule.capability)
                if where:
                    new = {key: values[index] for key, index in where}
                    terms = tuple(_copy_with(term, hours=new[i]) if i in new else term
                                  for i, term in enumerate(rule.terms))
                    rule = _copy_with(rule, base_hours=new.get("base_hours", rule.base_hours), terms=terms)
                out.append(rule)
            changed["demand"] = tuple(out)
        if rules:
            changed["rules"] = tuple(
                _copy_with(rule, params={**rule.params, **{name: int(values[index]) if whole
                                                            else float(values[index])
                                                            for name, whole, index in rules[rule.id]}})
                if rule.id in rules else rule for rule in catalog.rules)
        if settings:
            new = {name: values[index] for name, index in settings}
            changed["settings"] = replace(catalog.settings, **new)
            if "employer_cost_multiplier" in new:  # roles without their own multiplier follow it
                value = new["employer_cost_multiplier"]
                roles = changed.get("roles", catalog.roles)
                changed["roles"] = {rid: role if rid in own
                                    else _copy_with(role, employer_cost_multiplier=value)
                                    for rid, role in roles.items()}
        return replace(catalog, **changed, fingerprint=fingerprint)

    return edit


def sensitivity(scenario: Scenario, catalog: Catalog, factor: float = 0.2) -> Sensitivity:
    """Change each numeric assumption by -factor and +factor in turn, re-simulate, and report how
    overall coverage and total cost move. Blank and zero cells are skipped (nothing to scale)."""
    base = simulate(scenario, catalog)
    swings = []
    for cell in assumption_cells(catalog).values():
        if not cell.value:
            continue
        low, high = varied_values(cell, factor)
        results = []
        for value in (low, high):
            if value == cell.value:
                results.append((base.overall_coverage, base.cost.total))
                continue
            plan = simulate(scenario, with_value(catalog, cell, value))
            results.append((plan.overall_coverage, plan.cost.total))
        swings.append(Swing(cell, low, high, (results[0][0], results[1][0]), (results[0][1], results[1][1]),
                            base.overall_coverage, base.cost.total))
    return Sensitivity(factor, base.overall_coverage, base.cost.total, tuple(swings))
