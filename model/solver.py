"""A small builder for mixed-integer programmes, solved by HiGHS (highspy).

The engine states its variables and rows here by name-free indices; `Program.solve` hands the
whole model to HiGHS in one call (row-wise sparse matrix) and returns the column values. After a
solve, `relax_fixed` turns the programme into an LP with every integer fixed at its value, so
that bounds can be moved and re-solved cheaply (what `Plan.limits` reports).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import highspy
import numpy as np

from .errors import Problem

INF = highspy.kHighsInf
# Small programmes: HiGHS's primal heuristics cost more than they save, and a single thread
# with a fixed seed keeps every run identical.
OPTIONS = {
    "output_flag": False, "threads": 1, "random_seed": 0,
    "mip_rel_gap": 1e-7, "mip_abs_gap": 1e-9, "mip_heuristic_effort": 0.0,
    "mip_heuristic_run_feasibility_jump": False, "mip_heuristic_run_rins": False,
    "mip_heuristic_run_rens": False, "mip_heuristic_run_root_reduced_cost": False,
    "mip_allow_restart": False, "mip_detect_symmetry": False,
}


_QUIET = False


def _new_highs() -> highspy.Highs:
    """A HiGHS instance. The first one in a process prints a banner on the C level's standard
    output (before any option can be set): it goes to /dev/null, so `python -m model --json`
    prints JSON only."""
    global _QUIET
    if _QUIET:
        return highspy.Highs()
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 1)
            highs = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _QUIET = True
    return highs


class SolverError(RuntimeError):
    """HiGHS did not find an optimum (never expected: every programme has the zero plan).
    `problem` is solver.failed with HiGHS's model status (its own words, as HiGHS names it)."""

    def __init__(self, status: str):
        self.problem = Problem("solver.failed", {"status": status})
        super().__init__(str(self.problem))

    def __reduce__(self):
        return (type(self), (self.problem.get("status"),))

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)


class Infeasible(SolverError):
    """No plan meets the programme's rows (only a goal seek's floors can make it so)."""


@dataclass(frozen=True)
class Solution:
    values: np.ndarray
    objective: float


class Program:
    """Maximise cost·x subject to row bounds, column bounds and integrality."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.cost: list[float] = []
        self.integer: list[bool] = []
        # what each integer column stands for, as a key that holds across catalogs with other numbers
        # (("heads", unit), ("used", provider), ("carries", unit, capability)); see fix_integers
        self.meaning: dict[int, tuple] = {}
        self.row_lower: list[float] = []
        self.row_upper: list[float] = []
        self.row_index: list[list[int]] = []
        self.row_value: list[list[float]] = []
        self._highs: highspy.Highs | None = None
        # LP values -> the same plan with its integers set (same objective), or None (see solve)
        self.integral = None
        self.ran_mip = False  # whether the last solve needed the MIP (the relaxation did not hold)

    # ---- building ----------------------------------------------------------------------
    def var(self, *, low: float = 0.0, high: float = INF, cost: float = 0.0,
            integer: bool = False) -> int:
        self.lower.append(low)
        self.upper.append(high)
        self.cost.append(cost)
        self.integer.append(integer)
        return len(self.cost) - 1

    def add_cost(self, col: int, amount: float) -> None:
        self.cost[col] += amount

    def row(self, terms: dict[int, float], *, low: float = -INF, high: float = INF) -> int:
        cols = [col for col, coef in terms.items() if coef != 0.0]
        self.row_index.append(cols)
        self.row_value.append([terms[col] for col in cols])
        self.row_lower.append(low)
        self.row_upper.append(high)
        return len(self.row_lower) - 1

    @property
    def has_integers(self) -> bool:
        return any(self.integer)

    # ---- solving -----------------------------------------------------------------------
    def solve(self) -> Solution:
        self.ran_mip = False
        lp = highspy.HighsLp()
        lp.num_col_ = len(self.cost)
        lp.num_row_ = len(self.row_lower)
        lp.col_cost_ = np.asarray(self.cost, dtype=float)
        lp.col_lower_ = np.asarray(self.lower, dtype=float)
        lp.col_upper_ = np.asarray(self.upper, dtype=float)
        lp.row_lower_ = np.asarray(self.row_lower, dtype=float)
        lp.row_upper_ = np.asarray(self.row_upper, dtype=float)
        starts = np.zeros(len(self.row_index) + 1, dtype=np.int32)
        starts[1:] = np.cumsum([len(cols) for cols in self.row_index])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = np.fromiter((c for cols in self.row_index for c in cols), dtype=np.int32,
                                          count=int(starts[-1]))
        lp.a_matrix_.value_ = np.fromiter((v for vals in self.row_value for v in vals), dtype=float,
                                          count=int(starts[-1]))
        lp.sense_ = highspy.ObjSense.kMaximize
        if self.has_integers:
            lp.integrality_ = [highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous
                               for flag in self.integer]
        highs = _new_highs()
        for name, value in OPTIONS.items():
            highs.setOptionValue(name, value)
        highs.passModel(lp)
        self._highs = highs
        if not self.has_integers:
            return self._run()
        # The LP relaxation first: when its integers already hold (checked by the caller's
        # `integral`), it is the optimum of the whole programme; else solve the MIP.
        index = np.asarray([i for i, flag in enumerate(self.integer) if flag], dtype=np.int32)
        highs.changeColsIntegrality(len(index), index,
                                    np.full(len(index), highspy.HighsVarType.kContinuous))
        relaxed = self._run()
        repaired = self.integral(relaxed.values) if self.integral is not None else None
        if repaired is not None:
            return Solution(repaired, relaxed.objective)
        highs.changeColsIntegrality(len(index), index,
                                    np.full(len(index), highspy.HighsVarType.kInteger))
        # HiGHS would take the relaxed values as a partial start and solve a sub-MIP to complete
        # it (as long again as the MIP itself): start the MIP clean
        highs.clearSolver()
        self.ran_mip = True
        return self._run()

    def _run(self) -> Solution:
        highs = self._highs
        highs.run()
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kModelEmpty:  # nothing to decide: the zero plan
            return Solution(np.zeros(len(self.cost)), 0.0)
        if status == highspy.HighsModelStatus.kInfeasible:
            raise Infeasible(highs.modelStatusToString(status))
        if status != highspy.HighsModelStatus.kOptimal:
            raise SolverError(highs.modelStatusToString(status))
        # solver noise below 1e-9 is snapped off: the same plan reads the same however it was found
        values = np.round(np.asarray(highs.getSolution().col_value, dtype=float), 9)
        return Solution(values, round(float(highs.getInfo().objective_function_value), 9))

    def integer_values(self, solution: Solution) -> dict[tuple, float]:
        """The solved value of each integer column, by what it stands for."""
        return {key: float(round(solution.values[col])) for col, key in self.meaning.items()}

    def fix_integers(self, values: dict[tuple, float]) -> bool:
        """Fix the integer columns at `values` (by what they stand for, from `integer_values` of a
        programme of the same scenario), leaving an LP; before `solve`. False, and nothing
        changed, when a column's meaning is not among them."""
        cols = [col for col, flag in enumerate(self.integer) if flag]
        if any(self.meaning.get(col) not in values for col in cols):
            return False
        for col in cols:
            value = values[self.meaning[col]]
            self.lower[col] = self.upper[col] = value
            self.integer[col] = False
        return True

    def relax_fixed(self, solution: Solution) -> None:
        """Fix every integer column at its solved value and solve the rest as an LP from now on."""
        cols = [index for index, flag in enumerate(self.integer) if flag]
        if not cols:
            return
        highs = self._highs
        fixed = np.round(solution.values[cols])
        index = np.asarray(cols, dtype=np.int32)
        highs.changeColsIntegrality(len(cols), index,
                                    np.full(len(cols), highspy.HighsVarType.kContinuous))
        highs.changeColsBounds(len(cols), index, fixed, fixed)

    def resolve_with_row_upper(self, row: int, upper: float) -> Solution:
        """Re-solve with one row's upper bound moved, then put it back."""
        highs = self._highs
        old = self.row_upper[row]
        highs.changeRowBounds(row, self.row_lower[row], upper)
        try:
            return self._run()
        finally:
            highs.changeRowBounds(row, self.row_lower[row], old)
