"""Step 1 of a plan: the hours a week each capability needs, from the scenario's workload and the
coefficients of data/demand.yaml (and a reply-time promise, model/reply.py), scaled by the
organisation model's factors for its business units, brands and languages (model/orgmodels.py)."""

from __future__ import annotations

import math
from typing import Any

from .orgmodels import demand_factors
from .orgmodels import extra_hours as org_extra_hours
from .reply import extra_hours as reply_extra_hours
from .scenario import Scenario
from .vocab import CAPABILITIES

# Drivers whose hours the organisation model's factors leave as they are: the workload inputs are
# the whole organisation's volume, and a message is answered once, whatever the number of business
# units, brands or languages (each brand's own inbox and outreach are scaled with the rest).
DONE_ONCE = frozenset({"inbound_hours"})


def drivers(scenario: Scenario) -> dict[str, float]:
    posts = float(scenario.posts_per_week)
    return {
        "channels": float(scenario.channels),
        "posts_per_week": posts,
        "image_posts": posts * (1 - scenario.video_share),
        "video_posts": posts * scenario.video_share,
        "inbound_per_week": float(scenario.inbound_per_week),
        "inbound_hours": scenario.inbound_per_week * scenario.handling_minutes / 60.0,
        "ad_spend_10k": scenario.ad_spend_sek_month / 10_000,
        "influencers": float(scenario.influencers),
    }


def compute_demand(scenario: Scenario, catalog: Any) -> dict[str, dict[str, float]]:
    """Hours per week per capability, split into pools: 'video' work and 'other' work."""
    values = drivers(scenario)
    pools = {cap: {"other": 0.0, "video": 0.0} for cap in CAPABILITIES}
    once = {cap: {"other": 0.0, "video": 0.0} for cap in CAPABILITIES}  # hours no org factor scales
    for rule in catalog.demand:
        if rule.active_if and values[rule.active_if] <= 0:
            continue
        pool = pools[rule.capability]
        pool["other"] += rule.base_hours
        for term in rule.terms:
            value = values[term.driver]
            hours = term.hours * (math.sqrt(value) if term.transform == "sqrt" else value)
            pool["video" if term.video else "other"] += hours
            if term.driver in DONE_ONCE:
                once[rule.capability]["video" if term.video else "other"] += hours
    # a reply-time promise beyond the baseline's needs more check-ins (model/reply.py)
    pools["community"]["other"] += reply_extra_hours(scenario, catalog)
    # more business units, brands and languages are more work, as the organisation model says
    # (data/orgmodels.yaml); every factor is 1 in the centralized model with one of each
    for cap, factor in demand_factors(scenario).items():
        if factor != 1.0:
            pools[cap] = {pool: once[cap][pool] + (hours - once[cap][pool]) * factor
                          for pool, hours in pools[cap].items()}
    # and the hub briefs, trains and reviews the model's spokes, if it has any
    for cap, hours in org_extra_hours(scenario).items():
        pools[cap]["other"] += hours
    return pools
