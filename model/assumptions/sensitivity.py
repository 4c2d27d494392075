"""Which assumptions move the plan most: each number of the tables set lower and higher by a
factor in turn (within its bounds), the plan simulated again, and the change in overall coverage
and total cost recorded — the bars of a tornado chart."""

from __future__ import annotations

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
    section, select, *keys = cell.path
    changed: dict[str, Any] = {}
    if section == "settings":
        name = keys[0]
        changed["settings"] = replace(catalog.settings, **{name: value})
        if name == "employer_cost_multiplier":
            own = {entry["id"] for entry in catalog.raw["roles"]["roles"]
                   if "employer_cost_multiplier" in entry}
            changed["roles"] = {rid: role if rid in own else replace(role, employer_cost_multiplier=value)
                                for rid, role in catalog.roles.items()}
    elif section in ("roles", "providers"):
        items = dict(getattr(catalog, section))
        item = items[select[1]]
        if keys[0] == "fit":
            items[item.id] = replace(item, fit={**item.fit, keys[1]: value})
        else:
            items[item.id] = replace(item, **{keys[0]: value})
        changed[section] = items
    elif section == "demand":
        rules = list(catalog.demand)
        index = next(i for i, rule in enumerate(rules) if rule.capability == select[1])
        rule = rules[index]
        if keys[0] == "base_hours":
            rules[index] = replace(rule, base_hours=value)
        else:
            terms = list(rule.terms)
            terms[keys[1]] = replace(terms[keys[1]], hours=value)
            rules[index] = replace(rule, terms=tuple(terms))
        changed["demand"] = tuple(rules)
    elif section == "rules":
        rules = list(catalog.rules)
        index = next(i for i, rule in enumerate(rules) if rule.id == select[1])
        number = int(value) if cell.kind == "count" else float(value)
        rules[index] = replace(rules[index], params={**rules[index].params, keys[1]: number})
        changed["rules"] = tuple(rules)
    else:
        raise ValueError(f"cannot vary {cell.key}")
    return replace(catalog, **changed, fingerprint=f"{catalog.fingerprint}~{'/'.join(cell.key)}={value!r}")


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
