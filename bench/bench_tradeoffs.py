"""Benchmark of the Trade-offs page: `python bench/bench_tradeoffs.py` (not a test; prints
PASS/FAIL lines and exits 1 on a FAIL).

1. model.tradeoffs.sweep over the page's default grid (13 team sizes x 41 budgets, 0-12 people,
   0-4 MSEK), median over rounds (target < 0.5 s), beside the same grid by brute force
   (one simulate per point), and the largest grid the page offers (31 x 81).
2. The next best move (every candidate simulated and ranked) and the three strategies.
3. The page itself, run through app.py with Streamlit's AppTest: the first run with empty
   caches, a rerun with nothing changed, a rerun after the sidebar budget moves (the sweep is
   reused: it does not depend on the budget) and after a workload input changes (everything is
   computed again). AppTest runs the script in-process without a browser, so these times are the
   server's share of a rerun (the browser's drawing of the figures is not included).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, load_catalog, simulate  # noqa: E402
from model.tradeoffs import (  # noqa: E402
    DEFAULT_BUDGETS,
    DEFAULT_TEAM_SIZES,
    budget_grid,
    next_moves,
    scenario_at,
    strategies,
    sweep,
)

SWEEP_TARGET_S = 0.5
PAGE_TARGET_S = 1.0  # a warm rerun of the whole page, server side


def median_time(function, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def brute_force(scenario: Scenario, catalog, sizes, budgets) -> None:
    for size in sizes:
        for budget in budgets:
            simulate(scenario_at(scenario, catalog, size, budget), catalog)


def page_times(rounds: int) -> dict[str, float]:
    """Seconds per run of the Trade-offs page through app.py (AppTest, no browser)."""
    import streamlit as st

    from bench.appdriver import new_app, run

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    st.cache_data.clear()
    at = new_app(page="tradeoffs")
    start = time.perf_counter()
    run(at)
    out = {"first run, empty caches": time.perf_counter() - start}
    out["rerun, nothing changed"] = median_time(lambda: run(at), rounds)

    budgets = iter(range(2_050_000, 2_050_000 + 50_000 * (rounds + 1), 50_000))

    def budget_change() -> None:
        at.slider(key="budget_msek").set_value(next(budgets) / 1e6)
        run(at)

    out["rerun after a budget change"] = median_time(budget_change, rounds)
    channels = iter([5, 6, 7, 8, 3, 2, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] * 4)

    def workload_change() -> None:
        at.slider(key="channels").set_value(next(channels))
        run(at)

    out["rerun after a workload change"] = median_time(workload_change, min(rounds, 17))
    other = new_app(page="capabilities")
    run(other)
    out["(for scale: the Capabilities page, rerun)"] = median_time(lambda: run(other), rounds)
    return out


def verdict(value: float, target: float) -> str:
    return "PASS" if value < target else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs to take each median of")
    parser.add_argument("--no-page", action="store_true", help="skip the AppTest page timings")
    args = parser.parse_args(argv)
    rounds = max(args.rounds, 1)

    catalog = load_catalog()
    scenario = Scenario()
    sizes, budgets = DEFAULT_TEAM_SIZES, DEFAULT_BUDGETS
    sweep(scenario, catalog, sizes, budgets)  # warm up
    fast = median_time(lambda: sweep(scenario, catalog, sizes, budgets), rounds)
    slow = median_time(lambda: brute_force(scenario, catalog, sizes, budgets), max(rounds // 3, 1))
    big_sizes, big_budgets = range(31), budget_grid(0, 20_000_000, 81)
    big = median_time(lambda: sweep(scenario, catalog, big_sizes, big_budgets), max(rounds // 3, 1))
    moves = median_time(lambda: next_moves(scenario, catalog), rounds)
    found = median_time(lambda: strategies(scenario, catalog), rounds)
    points = len(sizes) * len(budgets)

    print(f"python {sys.version.split()[0]}, catalog {catalog.fingerprint}, median of {rounds} rounds")
    print(f"sweep, default grid {len(sizes)} x {len(budgets)} = {points} points: {fast * 1e3:.0f} ms "
          f"({fast / points * 1e6:.0f} us a point; target < {SWEEP_TARGET_S:g} s)  "
          f"{verdict(fast, SWEEP_TARGET_S)}")
    print(f"  the same grid by brute force (simulate per point): {slow * 1e3:.0f} ms "
          f"({slow / fast:.1f}x the sweep)")
    print(f"  the largest grid the page offers, 31 x 81 = {31 * 81} points: {big * 1e3:.0f} ms")
    print(f"next best move ({len(next_moves(scenario, catalog))} candidates simulated and ranked): "
          f"{moves * 1e3:.1f} ms")
    print(f"three sourcing strategies: {found * 1e3:.1f} ms")
    ok = fast < SWEEP_TARGET_S
    if not args.no_page:
        times = page_times(rounds)
        for label, seconds in times.items():
            print(f"page {label}: {seconds * 1e3:.0f} ms")
        warm = times["rerun, nothing changed"]
        print(f"page warm rerun target < {PAGE_TARGET_S:g} s  {verdict(warm, PAGE_TARGET_S)}")
        ok = ok and warm < PAGE_TARGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
