"""Benchmark of the model: `python bench/bench_model.py` (not a test; prints PASS/FAIL lines).

1. The median time of one `simulate` on the default scenario, over many repeats (target < 1 ms).
2. The time of a 1,000-scenario sweep of team sizes x budgets, as the Trade-offs page runs it
   (target < 1 s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, load_catalog, simulate  # noqa: E402
from model.scenario import SPECS  # noqa: E402

SINGLE_TARGET_S = 0.001
SWEEP_TARGET_S = 1.0


def sweep_grid(count: int = 1000) -> list[tuple[int, int]]:
    """`count` (team size, budget) pairs: team sizes 0..24 x budgets evenly over the range."""
    sizes = range(0, 25)
    per_size = -(-count // len(sizes))
    high = SPECS["budget_sek"].high
    budgets = [int(high * step / (per_size - 1)) for step in range(per_size)]
    return [(size, budget) for size in sizes for budget in budgets][:count]


def time_single(catalog, repeats: int, batch: int = 50) -> float:
    """Median seconds per simulate, measured in batches to keep the clock's cost out."""
    scenario = Scenario()
    simulate(scenario, catalog)  # warm up
    samples = []
    for _ in range(repeats // batch):
        start = time.perf_counter()
        for _ in range(batch):
            simulate(scenario, catalog)
        samples.append((time.perf_counter() - start) / batch)
    return statistics.median(samples)


def time_sweep(catalog, grid: list[tuple[int, int]], rounds: int) -> float:
    """The median over `rounds` of the time to build and simulate every scenario of the grid."""
    base = Scenario()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for size, budget in grid:
            simulate(base.replace(team_size=size, budget_sek=budget), catalog)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(value: float, target: float) -> str:
    return "PASS" if value < target else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5000, help="simulate calls for the median")
    parser.add_argument("--rounds", type=int, default=5, help="sweeps to take the median of")
    args = parser.parse_args(argv)

    catalog = load_catalog()
    single = time_single(catalog, max(args.repeats, 50))
    grid = sweep_grid(1000)
    sweep = time_sweep(catalog, grid, max(args.rounds, 1))

    print(f"python {sys.version.split()[0]}, catalog {catalog.fingerprint}")
    print(f"simulate, default scenario: median {single * 1e3:.3f} ms over {args.repeats} runs "
          f"(target < {SINGLE_TARGET_S * 1e3:g} ms)  {verdict(single, SINGLE_TARGET_S)}")
    print(f"sweep of {len(grid)} scenarios (team 0-24 x budget 0-{SPECS['budget_sek'].high:,.0f} "
          f"SEK): {sweep * 1e3:.0f} ms, median of {args.rounds} (target < {SWEEP_TARGET_S:g} s)  "
          f"{verdict(sweep, SWEEP_TARGET_S)}")
    return 0 if single < SINGLE_TARGET_S and sweep < SWEEP_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
