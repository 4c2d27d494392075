"""Plans as digests, to show that a change which must not change any plan (a renovation of the
code around the engine) changes none: `python -m tests.model.same_plans` writes the digests of the
presets and a few hundred random scenarios to `tests/model/same_plans.json`;
`tests/model/test_same_plans.py` checks that today's engine gives the same ones.

A digest holds what a plan decides, as codes and rounded numbers: every assignment line (who does
what, how many hours, at what cost, for which reason), the findings (rule, severity, where), the
coverage and cost figures and what limits the plan. It holds no text for people, so the wording
and the translations may change freely. Write the file again only when a plan is meant to change,
and say why in the commit.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from model import Plan, Scenario, load_catalog, simulate
from model.scenario import SPECS
from model.vocab import CAPABILITIES, ROLES

PATH = Path(__file__).with_name("same_plans.json")
RANDOM_COUNT = 300
SEED = 20261203


def random_scenarios(count: int = RANDOM_COUNT, seed: int = SEED) -> list[Scenario]:
    """`count` scenarios over every field, the same ones every time."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        explicit = rng.random() < 0.6
        size = rng.randint(0, 6)
        team = tuple(rng.choice(ROLES) for _ in range(size)) if explicit else ()
        picks = [cap for cap in CAPABILITIES if rng.random() < 0.12]
        half = len(picks) // 2
        out.append(Scenario(
            team_size=size, team=team,
            budget_sek=rng.choice((0, 300_000, 900_000, 1_500_000, 2_500_000, 4_000_000, 8_000_000,
                                   SPECS["budget_sek"].high)),
            marketing_lead_hours=rng.choice((0.0, 2.0, 4.0, 10.0)),
            volunteer_hours=rng.choice((0.0, 0.0, 0.0, 8.0, 30.0)),
            channels=rng.randint(0, 10), posts_per_week=rng.choice((0, 3, 7, 15, 40, 120)),
            video_share=rng.choice((0.0, 0.3, 0.6, 1.0)),
            inbound_per_week=rng.choice((0, 50, 150, 600, 3000, 12000)),
            ad_spend_sek_month=rng.choice((0, 5_000, 30_000, 200_000, 1_500_000)),
            influencers=rng.choice((0, 0, 3, 12, 60)), org_size=rng.choice((5, 40, 200, 2000, 50_000)),
            outsource=tuple(picks[:half]), insource=tuple(picks[half:])))
    return out


def scenarios() -> dict[str, Scenario]:
    catalog = load_catalog()
    named = {f"preset:{key}": preset.scenario for key, preset in catalog.presets.items()}
    named.update({f"random:{index}": scenario for index, scenario in enumerate(random_scenarios())})
    return named


def _number(value, digits: int = 3):
    return None if value is None else round(float(value), digits)


def digest(plan: Plan) -> dict:
    return {
        "assignments": [
            [line.capability, line.provider_type, line.provider, line.seat, _number(line.hours),
             _number(line.cost_sek, 0), line.reason]
            for line in plan.assignments],
        "findings": [[f.rule_id, f.severity, f.capability, f.seat] for f in plan.findings],
        "coverage": _number(plan.overall_coverage, 5),
        "quality": _number(plan.overall_quality, 5),
        "cost": [_number(plan.cost.in_house, 0), _number(plan.cost.agency, 0),
                 _number(plan.cost.freelancer, 0)],
        "people": [[p.seat, p.role, _number(p.hours)] for p in plan.people],
        "limits": None if plan.limits is None else [
            _number(plan.limits.budget_gain, 5),
            sorted([seat, _number(gain, 5)] for seat, gain in plan.limits.seat_gain.items())],
    }


def digests() -> dict[str, dict]:
    catalog = load_catalog()
    return {key: digest(simulate(scenario, catalog)) for key, scenario in scenarios().items()}


def main() -> int:
    PATH.write_text(json.dumps(digests(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
