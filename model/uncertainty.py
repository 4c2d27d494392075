"""Ranges instead of single numbers: a Monte Carlo over the plausible ranges of the assumptions.

Every assumption the sensitivity tornado varies (model/assumptions, the cells with a value) gets a
range from data/ranges.yaml. Each draw sets every such number from a triangular distribution
between its range's ends, most likely at the value in force, and finds the plan again with the
same team, the same agencies engaged and the same people carrying the same capabilities (the
integer decisions of the single-number plan, model/solver.Program.fix_integers): what varies is
how many hours the work takes, what people and providers cost, and so how far the money and the
hours reach. A draw whose numbers make that plan impossible (the budget no longer pays an agency's
minimum, say) is planned afresh. Draws are seeded (numpy's PCG64) and so the same every time;
two scenarios given the same catalog and seed see the same draws, which makes "B beats A in 87 %
of draws" a paired comparison.

    result = uncertainty(scenario, catalog)     # 500 draws by default (data/ranges.yaml)
    result.coverage.p10, result.coverage.p90    # P10-P90 band of overall coverage
    wins(result_a, result_b, "coverage")        # share of draws where B beats A, ties, A beats B
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .assumptions.sensitivity import catalog_editor
from .assumptions.tables import TABLE_IDS, Cell, assumption_cells
from .catalog import DATA_DIR, Catalog, _Reader
from .engine import Solved, assemble, build, figures
from .errors import CatalogError
from .scenario import Scenario
from .solver import SolverError
from .vocab import CAPABILITIES
from .yamlsafe import YamlProblem, load_text

RANGES_FILE = DATA_DIR / "ranges.yaml"
METRICS = ("coverage", "quality", "cost")  # cost: lower is better
MAX_DRAWS = 5_000
ENTRY_KEYS = ("table", "column", "row", "relative", "plus", "together", "source")


# ---- the ranges ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Range:
    """One entry of data/ranges.yaml: the cells it matches and how far they may move."""

    table: str
    column: str | None
    row: str | None
    mode: str  # "relative" (shares of the value) or "plus" (added to it)
    low: float
    high: float
    together: bool
    source: str

    def matches(self, cell: Cell) -> bool:
        return (cell.table == self.table and self.column in (None, cell.column)
                and self.row in (None, cell.row))

    def ends(self, value: float) -> tuple[float, float]:
        if self.mode == "relative":
            return value * (1 + self.low), value * (1 + self.high)
        return value + self.low, value + self.high


@dataclass(frozen=True)
class Ranges:
    draws: int
    seed: int
    percentiles: tuple[float, float, float]
    entries: tuple[Range, ...]

    def for_cell(self, cell: Cell) -> Range | None:
        return next((entry for entry in self.entries if entry.matches(cell)), None)

    def zero(self) -> Ranges:
        """The same ranges with no width at all: every draw is the single-number plan."""
        return replace(self, entries=tuple(replace(e, low=0.0, high=0.0) for e in self.entries))


def read_ranges(text: str | bytes, *, file: str = "data/ranges.yaml") -> Ranges:
    """Ranges from YAML text; CatalogError names file, entry and key of anything wrong."""
    reader = _Reader("data")
    reader.file, reader.entry = file, None
    try:
        doc = load_text(text)
    except YamlProblem as problem:
        raise CatalogError(file, None, None, problem.problem) from None
    if not isinstance(doc, dict):
        reader.fail(None, "type.mapping")
    reader.known(doc, ("uncertainty", "ranges"))
    head = reader.need(doc, "uncertainty")
    if not isinstance(head, dict):
        reader.fail("uncertainty", "type.mapping")
    reader.entry = "uncertainty"
    reader.known(head, ("draws", "seed", "percentiles"))
    draws = reader.number(head, "draws", 1, MAX_DRAWS)
    seed = reader.number(head, "seed", 0, 2**32 - 1)
    percentiles = reader.need(head, "percentiles")
    if (not isinstance(percentiles, list) or len(percentiles) != 3
            or any(not isinstance(p, int | float) or isinstance(p, bool) for p in percentiles)
            or not 0 <= percentiles[0] <= percentiles[1] <= percentiles[2] <= 100):
        reader.fail("percentiles", "number.range", low=0, high=100, got=str(percentiles)[:60])
    reader.entry = None
    body = reader.need(doc, "ranges")
    if not isinstance(body, list):
        reader.fail("ranges", "type.list")
    entries = []
    for index, item in enumerate(body):
        reader.entry = f"ranges[{index}]"
        if not isinstance(item, dict):
            reader.fail(None, "type.mapping")
        reader.known(item, ENTRY_KEYS)
        table = reader.one_of(reader.need(item, "table"), TABLE_IDS, "table")
        reader.entry = f"ranges[{index}] (table={table})"
        column = item.get("column")
        row = item.get("row")
        for key, value in (("column", column), ("row", row)):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                reader.fail(key, "text.expected", got=str(value)[:60])
        modes = [mode for mode in ("relative", "plus") if mode in item]
        if len(modes) != 1:
            reader.fail("relative", "key.missing")
        mode = modes[0]
        pair = item[mode]
        if (not isinstance(pair, list) or len(pair) != 2
                or any(not isinstance(v, int | float) or isinstance(v, bool) or not math.isfinite(v)
                       for v in pair)):
            reader.fail(mode, "type.list")
        low, high = float(pair[0]), float(pair[1])
        if not low <= 0 <= high or (mode == "relative" and low < -1):  # the value in force lies
            # within its range, and a share cannot take more than all of it
            reader.fail(mode, "range.ends", got=str(pair)[:60])
        together = item.get("together", False)
        if not isinstance(together, bool):
            reader.fail("together", "value.unknown", got=str(together)[:60], expected=("true", "false"))
        entries.append(Range(table, column, row, mode, low, high, together, reader.text(item, "source")))
    return Ranges(int(draws), int(seed), tuple(float(p) for p in percentiles), tuple(entries))


@functools.lru_cache(maxsize=4)
def load_ranges(path: str | Path | None = None) -> Ranges:
    """data/ranges.yaml (or another file), read and checked once per process (data, not plans)."""
    path = Path(path) if path is not None else RANGES_FILE
    return read_ranges(path.read_bytes(), file=f"data/{path.name}")


# ---- the draws ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Varied:
    """A cell the Monte Carlo varies: its value in force and the ends of its range."""

    cell: Cell
    low: float
    high: float
    group: int  # cells of the same `together` entry share a draw


def varied_cells(catalog: Catalog, ranges: Ranges) -> tuple[tuple[Varied, ...], tuple[Cell, ...]]:
    """(the cells that move, with their ends; the cells the tornado varies that no entry ranges)."""
    out, missing = [], []
    for cell in assumption_cells(catalog).values():
        if not cell.value:  # blank and zero cells: the tornado skips them too
            continue
        entry = ranges.for_cell(cell)
        if entry is None:
            missing.append(cell)
            continue
        low, high = (_bounded(cell, end) for end in entry.ends(cell.value))
        if high - low <= 1e-12:
            continue
        group = ranges.entries.index(entry) if entry.together else -1
        out.append(Varied(cell, low, high, group))
    return tuple(out), tuple(missing)


def _bounded(cell: Cell, number: float) -> float:
    number = max(cell.low, number)
    if cell.high is not None:
        number = min(cell.high, number)
    return number


def draw_values(varied: tuple[Varied, ...], draws: int, seed: int) -> np.ndarray:
    """draws x cells: triangular between each cell's ends, most likely at its value (inverse CDF
    of one seeded uniform per cell, or per `together` entry)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    groups = sorted({v.group for v in varied if v.group >= 0})
    shared = rng.random((draws, len(groups)))
    own = rng.random((draws, len(varied)))
    column = {group: index for index, group in enumerate(groups)}
    u = np.column_stack([shared[:, column[v.group]] if v.group >= 0 else own[:, i]
                         for i, v in enumerate(varied)]) if varied else np.zeros((draws, 0))
    a = np.array([v.low for v in varied])
    b = np.array([v.high for v in varied])
    c = np.clip(np.array([v.cell.value for v in varied], dtype=float), a, b)
    width = b - a
    safe = np.where(width > 0, width, 1.0)
    split = (c - a) / safe
    lower = a + np.sqrt(u * width * (c - a))
    upper = b - np.sqrt((1 - u) * width * (b - c))
    values = np.where(u < split, lower, upper)
    counts = np.array([v.cell.kind == "count" for v in varied], dtype=bool)
    if counts.any():
        values[:, counts] = np.round(values[:, counts])
    return values


# ---- the result ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Band:
    """A P-low, median and P-high of one figure over the draws, and the single-number plan's."""

    low: float
    median: float
    high: float
    base: float

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Uncertainty:
    draws: int
    seed: int
    percentiles: tuple[float, float, float]
    varied: int  # assumptions that moved
    unranged: tuple[str, ...]  # "table/row/column" of assumptions without a range (held)
    replanned: int  # draws planned afresh (the single-number plan's decisions did not hold)
    failed: int  # draws with no plan at all (left out of the bands)
    coverage: Band
    quality: Band
    cost: Band
    over_budget: float  # share of draws whose cost is above the budget
    capability: dict[str, Band]  # coverage per capability
    load: dict[str, Band]  # utilisation per seat (hours / capacity)
    seat_roles: dict[str, str]
    samples: dict[str, tuple[float, ...]]  # metric -> its value in each draw (failed draws: nan)


def _band(values: np.ndarray, percentiles, base: float) -> Band:
    good = values[~np.isnan(values)]
    if good.size == 0:
        return Band(base, base, base, base)
    low, median, high = (float(x) for x in np.percentile(good, percentiles))
    return Band(low, median, high, base)


def _base_solved(scenario: Scenario, catalog: Catalog) -> tuple[Scenario, Solved]:
    """The single-number plan as model.engine.solve finds it, and the scenario it was solved for
    (a coverage target out of reach is dropped there; the draws drop it too)."""
    demand, units, policy, built = build(scenario, catalog)
    solved = Solved(demand, units, policy, built, built.program.solve())
    short = built.target_short
    if short is not None and solved.solution.values[short] > 1e-6:
        scenario = replace(scenario, target_coverage=0.0)
        demand, units, policy, built = build(scenario, catalog)
        solved = Solved(demand, units, policy, built, built.program.solve())
    return scenario, solved


def _solve_fixed(scenario: Scenario, catalog: Catalog, integers: dict) -> tuple[Solved, bool]:
    """The plan of a draw with the single-number plan's integer decisions; (solved, replanned)."""
    demand, units, policy, built = build(scenario, catalog)
    if built.program.fix_integers(integers):
        try:
            return Solved(demand, units, policy, built, built.program.solve()), False
        except SolverError:
            demand, units, policy, built = build(scenario, catalog)
    return Solved(demand, units, policy, built, built.program.solve()), True


def uncertainty(scenario: Scenario, catalog: Catalog, *, draws: int | None = None,
                seed: int | None = None, ranges: Ranges | None = None) -> Uncertainty:
    """P10-P90 bands (data/ranges.yaml's percentiles) of coverage, quality, cost and each
    person's load over `draws` seeded draws of the assumptions. Deterministic: the same scenario,
    catalog, ranges, draws and seed give the same result."""
    ranges = ranges or load_ranges()
    draws = ranges.draws if draws is None else int(draws)
    seed = ranges.seed if seed is None else int(seed)
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be 1..{MAX_DRAWS}, not {draws}")
    varied, missing = varied_cells(catalog, ranges)
    if not scenario.team and scenario.team_size > 0:  # the roles the plan chose, as an explicit team:
        # the same plan (the sidebar's "choose the role of each seat" relies on it), and a programme
        # without a column for every role the draws would never use
        solved_for, base_solved = _base_solved(scenario, catalog)
        chosen = tuple(p.role for p in assemble(solved_for, catalog, base_solved, limits=False,
                                                 rules=False).people if p.in_team)
        scenario = replace(scenario, team=chosen, team_size=len(chosen))
    solved_for, base_solved = _base_solved(scenario, catalog)
    base = assemble(solved_for, catalog, base_solved, limits=False)
    integers = base_solved.built.program.integer_values(base_solved.solution)
    values = draw_values(varied, draws, seed)
    rows = values.tolist()  # plain floats in the catalogs
    edit = catalog_editor(catalog, [v.cell for v in varied])
    seats = [person.seat for person in base.people]
    series = {name: np.full(draws, np.nan) for name in ("coverage", "quality", "cost")}
    caps = {cap: np.full(draws, np.nan) for cap in CAPABILITIES}
    loads = {seat: np.full(draws, np.nan) for seat in seats}
    replanned = failed = 0
    for index in range(draws):
        drawn = edit(rows[index], fingerprint=f"{catalog.fingerprint}~draw{seed}.{index}")
        try:
            solved, fresh = _solve_fixed(solved_for, drawn, integers)
            plan = figures(solved_for, drawn, solved)
        except SolverError:
            failed += 1
            continue
        replanned += fresh
        series["coverage"][index] = plan.overall_coverage
        series["quality"][index] = plan.overall_quality
        series["cost"][index] = plan.cost.total
        for cap in CAPABILITIES:
            caps[cap][index] = plan.coverage.get(cap, 0.0)
        for person in plan.people:
            if person.seat in loads:
                loads[person.seat][index] = person.utilisation
    pct = ranges.percentiles
    cost = series["cost"]
    good = ~np.isnan(cost)
    over = float(np.mean(cost[good] > scenario.budget_sek + 0.5)) if good.any() else 0.0
    return Uncertainty(
        draws=draws, seed=seed, percentiles=pct, varied=len(varied),
        unranged=tuple("/".join(cell.key) for cell in missing), replanned=replanned, failed=failed,
        coverage=_band(series["coverage"], pct, base.overall_coverage),
        quality=_band(series["quality"], pct, base.overall_quality),
        cost=_band(cost, pct, base.cost.total), over_budget=over,
        capability={cap: _band(caps[cap], pct, base.coverage.get(cap, 0.0)) for cap in CAPABILITIES
                    if base.demand.get(cap, 0.0) > 0},
        load={person.seat: _band(loads[person.seat], pct, person.utilisation) for person in base.people},
        seat_roles={person.seat: person.role for person in base.people},
        samples={name: tuple(float(x) for x in array) for name, array in series.items()},
    )


@dataclass(frozen=True)
class Wins:
    """How often B beats A over the same draws: shares of the draws both planned."""

    metric: str
    b_better: float
    tie: float
    a_better: float
    draws: int


def wins(a: Uncertainty, b: Uncertainty, metric: str, *, tolerance: float | None = None) -> Wins:
    """The share of draws in which B beats A on `metric` (coverage and quality: higher; cost:
    lower), ties within `tolerance` (0.1 percentage point, or 1,000 SEK a year). Both results must
    come from the same draws (the same catalog, ranges, seed and number of draws)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    if (a.draws, a.seed) != (b.draws, b.seed):
        raise ValueError("the two results come from different draws")
    tolerance = tolerance if tolerance is not None else (1_000.0 if metric == "cost" else 0.001)
    xa = np.asarray(a.samples[metric])
    xb = np.asarray(b.samples[metric])
    both = ~np.isnan(xa) & ~np.isnan(xb)
    if not both.any():
        return Wins(metric, 0.0, 0.0, 0.0, 0)
    diff = (xb - xa)[both] * (-1 if metric == "cost" else 1)
    count = int(both.sum())
    better = float(np.sum(diff > tolerance)) / count
    worse = float(np.sum(diff < -tolerance)) / count
    return Wins(metric, better, 1.0 - better - worse, worse, count)
