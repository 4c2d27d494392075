"""The renovation of the code changes no plan: the presets and 300 random scenarios give the plans
recorded in same_plans.json (see tests/model/same_plans.py for what a digest holds and how to
write the file again when a plan is meant to change)."""

from __future__ import annotations

import json
import math

import pytest

from model import simulate
from tests.model.same_plans import PATH, digest, scenarios

RECORDED = json.loads(PATH.read_text(encoding="utf-8"))
SCENARIOS = scenarios()


def _close(a, b, where: str) -> list[str]:
    """Differences between two digests, allowing float noise (not another optimum)."""
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or not math.isclose(a, b, rel_tol=1e-6, abs_tol=2e-3):
            return [f"{where}: recorded {a!r}, now {b!r}"]
        return []
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: recorded {len(a)} items, now {len(b)}: {a!r} / {b!r}"]
        return [problem for index, (x, y) in enumerate(zip(a, b, strict=True))
                for problem in _close(x, y, f"{where}[{index}]")]
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{where}: keys {sorted(a)} / {sorted(b)}"]
        return [problem for key in a for problem in _close(a[key], b[key], f"{where}.{key}")]
    return [] if a == b else [f"{where}: recorded {a!r}, now {b!r}"]


def test_the_recorded_scenarios_are_the_ones_built_today():
    assert set(RECORDED) == set(SCENARIOS)


@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_the_plan_is_the_one_recorded(key, catalog):
    now = json.loads(json.dumps(digest(simulate(SCENARIOS[key], catalog))))
    problems = _close(RECORDED[key], now, key)
    assert not problems, "\n".join(problems[:12])
