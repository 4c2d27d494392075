"""Why the plan uses no time of an agency: one code per agency, with the values to word it.

An agency is declined when its work is done already (`not_needed`), when the work there is for it
would not pay its minimum fee (`below_minimum`), when someone in the plan does the same work for
less at a fit close to its own (`cheaper`), when the budget left is below its minimum fee
(`budget`), or when people in-house do it at least as well with time already paid for
(`in_house`). Only agencies that fit some capability with work in the scenario are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .plan import Plan
from .vocab import CAPABILITIES

CLOSE_FIT = 0.1  # a provider within this fit of the agency's does "the same work"
EPS = 1e-6


@dataclass(frozen=True)
class Declined:
    """An agency the plan does not use: code (see the module) and values for the text."""

    provider: str
    code: str
    capabilities: tuple[str, ...]
    values: dict[str, Any]


def _same_work(scope: str, other: str) -> bool:
    """Whether two providers' scopes (all | video | non_video) share work: a video house is no
    rival of a designer."""
    return "all" in (scope, other) or scope == other


def declined_agencies(plan: Plan, catalog: Catalog) -> tuple[Declined, ...]:
    settings = catalog.settings
    weeks = settings.weeks_per_year
    used = {line.provider for line in plan.assignments if line.provider_type != "in_house"}
    out = []
    for provider in catalog.providers.values():
        if provider.type != "agency" or provider.id in used:
            continue
        caps = tuple(cap for cap in CAPABILITIES if plan.demand[cap] > EPS
                     and provider.fit.get(cap, 0.0) >= settings.primary_fit
                     and cap not in plan.scenario.insource)
        if not caps:
            continue
        bought = {cap: sum(line.hours for line in plan.assignments if line.capability == cap
                           and line.provider_type != "in_house") for cap in caps}
        open_hours = sum(plan.uncovered[cap] + bought[cap] for cap in caps)
        if open_hours <= EPS:
            out.append(Declined(provider.id, "not_needed", caps, {}))
            continue
        reach = open_hours if provider.max_hours_week is None else min(open_hours, provider.max_hours_week)
        fee = reach * provider.rate_sek_hour * weeks / 12
        if fee < provider.min_retainer_sek_month - EPS:
            out.append(Declined(provider.id, "below_minimum", caps, {
                "fee": fee, "minimum": provider.min_retainer_sek_month, "hours": reach}))
            continue
        rivals = [line for line in plan.assignments if line.capability in caps
                  and line.provider_type != "in_house" and line.provider != provider.id
                  and line.fit >= provider.fit.get(line.capability, 0.0) - CLOSE_FIT]
        cheaper = [(catalog.providers[line.provider].rate_sek_hour, line.provider, line.capability)
                   for line in rivals
                   if line.provider in catalog.providers
                   and _same_work(catalog.providers[line.provider].scope, provider.scope)
                   and catalog.providers[line.provider].rate_sek_hour < provider.rate_sek_hour - EPS]
        if cheaper:
            rate, rival, cap = min(cheaper)
            out.append(Declined(provider.id, "cheaper", caps, {
                "rival": rival, "capability": cap, "less": 1.0 - rate / provider.rate_sek_hour}))
            continue
        undone = sum(plan.uncovered[cap] for cap in caps)
        if undone > EPS and plan.cost.remaining < provider.min_retainer_sek_month * 12:
            out.append(Declined(provider.id, "budget", caps, {
                "left": max(0.0, plan.cost.remaining), "minimum": provider.min_retainer_sek_month}))
            continue
        out.append(Declined(provider.id, "in_house", caps, {}))
    return tuple(out)


__all__ = ["Declined", "declined_agencies"]
