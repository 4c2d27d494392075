"""Benchmark of the hiring roadmap: `python bench/bench_roadmap.py` (not a test).

The median time of `model.roadmap.roadmap` for a 3-seat team with 2 seats still to recruit over 8
quarters at 10 % growth a quarter (aim: under 1 s), then the same at zero growth (the quarters
share their plans), a 12-quarter horizon, and the worst case the inputs allow (30 seats all still
to recruit, 12 quarters, 50 % growth), which the page shows behind a spinner and caches.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, load_catalog  # noqa: E402
from model.roadmap import load_lead_times, roadmap  # noqa: E402

REPEATS = 7
TEAM = ("social_media_manager", "community_manager", "content_manager")
CASES = {
    "3 seats, 2 hires, 8 q, +10 %": Scenario(team=TEAM, hires=2, horizon_quarters=8, growth_per_quarter=0.1,
                                             budget_sek=3_500_000),
    "3 seats, 2 hires, 8 q, 0 %": Scenario(team=TEAM, hires=2, horizon_quarters=8, budget_sek=3_500_000),
    "3 seats, 3 hires, 12 q, +10 %": Scenario(team=TEAM, hires=3, horizon_quarters=12, growth_per_quarter=0.1,
                                              budget_sek=3_500_000),
    "30 seats, 30 hires, 12 q, +50 %": Scenario(team=TEAM * 10, hires=30, horizon_quarters=12,
                                                growth_per_quarter=0.5, budget_sek=20_000_000,
                                                posts_per_week=100, inbound_per_week=3000),
}


def median_time(call, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    catalog = load_catalog()
    lead = load_lead_times()
    for name, scenario in CASES.items():
        repeats = 3 if "30 seats" in name else REPEATS
        seconds = median_time(lambda s=scenario: roadmap(s, catalog, lead), repeats)
        print(f"{name:<34}{seconds:>8.3f} s median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
