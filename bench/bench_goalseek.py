"""Benchmark of the goal seek: `python bench/bench_goalseek.py` (not a test).

What "what does 85 % cost?" costs against one `simulate` of the same scenario, measured in one
run: the median time of `least_cost` with the current team kept and with any team, over the
retailer of issue 12 and the presets, each as a ratio to `simulate`. Prints the medians and the
ratios (the Simulator caches every answer in the app layer, so a page pays it once per scenario).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from model import Scenario, least_cost, load_catalog, simulate  # noqa: E402

REPEATS = 5
RETAILER = Scenario(team=("social_media_manager",), budget_sek=2_500_000, channels=4, posts_per_week=15,
                    inbound_per_week=400, ad_spend_sek_month=80_000, influencers=3, org_size=250)


def median_time(call) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    catalog = load_catalog()
    scenarios = {"retailer": RETAILER} | {name: preset.scenario for name, preset in catalog.presets.items()}
    print(f"{'scenario':<22}{'simulate':>10}{'keep':>10}{'free':>10}{'keep/sim':>10}{'free/sim':>10}")
    ratios = {"keep": [], "free": []}
    for name, scenario in scenarios.items():
        base = median_time(lambda s=scenario: simulate(s, catalog))
        keep = median_time(lambda s=scenario: least_cost(s, catalog, coverage=0.85, quality=0.7, team="keep"))
        free = median_time(lambda s=scenario: least_cost(s, catalog, coverage=0.85, quality=0.7, team="free"))
        ratios["keep"].append(keep / base)
        ratios["free"].append(free / base)
        print(f"{name:<22}{base * 1e3:>8.1f}ms{keep * 1e3:>8.1f}ms{free * 1e3:>8.1f}ms"
              f"{keep / base:>10.1f}{free / base:>10.1f}")
    print(f"median ratio to simulate: keep {statistics.median(ratios['keep']):.1f}x, "
          f"free {statistics.median(ratios['free']):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
