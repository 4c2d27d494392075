"""Benchmark of the model: `python bench/bench_model.py` (not a test; prints PASS/FAIL lines).

1. The median time of one `simulate` with an explicit team (target <= 3 ms), over several teams.
2. The median time of one `simulate` with team_size alone, the solver choosing the roles
   (target <= 30 ms).
3. A 1,000-scenario sweep with explicit teams over team sizes x budgets (target <= 3 s).
`--no-limits` leaves out Plan.limits (what sweeps do); by default simulate computes them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, load_catalog, simulate  # noqa: E402
from model.engine import solve  # noqa: E402
from model.scenario import SPECS  # noqa: E402

EXPLICIT_TARGET_S = 0.003
TEAM_SIZE_TARGET_S = 0.030
SWEEP_TARGET_S = 3.0
TEAMS = (
    ("social_media_manager",),
    ("social_media_manager", "community_manager"),
    ("head_of_social", "social_media_manager", "community_manager", "content_manager"),
    ("marketing_coordinator",),
)
LADDER = ("social_media_manager", "community_manager", "content_manager", "paid_media_manager",
          "web_analyst", "head_of_social", "graphic_designer", "video_producer", "customer_support",
          "copywriter", "influencer_manager", "marketing_coordinator")


def median_time(scenarios: list[Scenario], catalog, repeats: int, limits: bool) -> float:
    for scenario in scenarios:
        simulate(scenario, catalog, limits=limits)  # warm up
    samples = []
    for _ in range(repeats):
        for scenario in scenarios:
            start = time.perf_counter()
            simulate(scenario, catalog, limits=limits)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def needs_mip(team, catalog) -> bool:
    """Whether the plan of this team needed HiGHS's MIP (its LP relaxation did not hold)."""
    solved = solve(Scenario(team=team), catalog)
    return bool(any(solved.built.program.integer)) and solved.built.program.ran_mip


def sweep_grid(count: int = 1000) -> list[Scenario]:
    """`count` explicit-team scenarios: team sizes 0..12 (the ladder's roles) x budgets."""
    sizes = range(0, 13)
    per_size = -(-count // len(sizes))
    high = SPECS["budget_sek"].high
    budgets = [int(high * step / (per_size - 1)) for step in range(per_size)]
    return [Scenario(team=LADDER[:size], team_size=size, budget_sek=budget)
            for size in sizes for budget in budgets][:count]


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30, help="runs per scenario for the medians")
    parser.add_argument("--no-limits", action="store_true", help="leave out Plan.limits")
    args = parser.parse_args(argv)
    limits = not args.no_limits
    catalog = load_catalog()
    explicit = median_time([Scenario(team=team) for team in TEAMS], catalog, args.repeats, limits)
    chosen = median_time([Scenario(team_size=size, budget_sek=budget) for size, budget in
                          ((1, 1_200_000), (2, 2_000_000), (4, 4_000_000))],
                         catalog, max(args.repeats // 3, 3), limits)
    grid = sweep_grid(1000)
    start = time.perf_counter()
    for scenario in grid:
        simulate(scenario, catalog, limits=False)
    sweep = time.perf_counter() - start
    print(f"python {sys.version.split()[0]}, catalog {catalog.fingerprint}, limits {limits}")
    print(f"simulate, explicit team: median {explicit * 1e3:.2f} ms "
          f"(target <= {EXPLICIT_TARGET_S * 1e3:g} ms)  {verdict(explicit, EXPLICIT_TARGET_S)}")
    print(f"simulate, team_size alone: median {chosen * 1e3:.2f} ms "
          f"(target <= {TEAM_SIZE_TARGET_S * 1e3:g} ms)  {verdict(chosen, TEAM_SIZE_TARGET_S)}")
    for team in TEAMS:  # per team: whether the relaxation held (an LP) or the MIP ran
        alone = median_time([Scenario(team=team)], catalog, args.repeats, limits)
        print(f"  {', '.join(team)}: {alone * 1e3:.2f} ms ({'MIP' if needs_mip(team, catalog) else 'LP'})")
    print(f"sweep of {len(grid)} explicit-team scenarios: {sweep:.2f} s "
          f"(target <= {SWEEP_TARGET_S:g} s)  {verdict(sweep, SWEEP_TARGET_S)}")
    ok = explicit <= EXPLICIT_TARGET_S and chosen <= TEAM_SIZE_TARGET_S and sweep <= SWEEP_TARGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
