"""Benchmark of the Monte Carlo: `python bench/bench_uncertainty.py` (not a test; prints PASS/FAIL).

The time of `model.uncertainty.uncertainty` with 500 draws (data/ranges.yaml's default) for a few
teams (target <= 1 s each, the issue's bar for an interactive page), the same 500 draws with every
range of zero width (what the loop itself costs), and 500 full `simulate` calls of the
single-number plan for comparison: the draws hold the plan's integer decisions and leave out the
findings, so a draw is cheaper than a plan.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, load_catalog, simulate  # noqa: E402
from model.uncertainty import load_ranges, uncertainty  # noqa: E402

TARGET_S = 1.0
CASES = (
    ("solo manager", Scenario(team=("social_media_manager",), budget_sek=1_200_000)),
    ("SMM + CM", Scenario(team=("social_media_manager", "community_manager"), budget_sek=2_500_000)),
    ("four seats", Scenario(team=("head_of_social", "social_media_manager", "community_manager",
                                  "content_manager"), budget_sek=4_000_000, posts_per_week=25)),
    ("team size 3, roles chosen", Scenario(team_size=3, budget_sek=3_000_000)),
)


def timed(function, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--draws", type=int, default=500)
    args = parser.parse_args(argv)
    catalog = load_catalog()
    flat = load_ranges().zero()
    failed = False
    for name, scenario in CASES:
        uncertainty(scenario, catalog, draws=20)  # warm up
        full = timed(lambda s=scenario: uncertainty(s, catalog, draws=args.draws), args.repeats)
        zero = timed(lambda s=scenario: uncertainty(s, catalog, draws=args.draws, ranges=flat), 1)
        plans = timed(lambda s=scenario: [simulate(s, catalog, limits=False) for _ in range(args.draws)], 1)
        result = uncertainty(scenario, catalog, draws=args.draws)
        verdict = "PASS" if full <= TARGET_S else "FAIL"
        failed |= full > TARGET_S
        print(f"{verdict} {name}: {args.draws} draws {full:.2f} s (target {TARGET_S:.1f} s); zero-width "
              f"ranges {zero:.2f} s; {args.draws} x simulate {plans:.2f} s (ratio draws/simulate "
              f"{full / plans:.2f}); planned afresh {result.replanned}, failed {result.failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
