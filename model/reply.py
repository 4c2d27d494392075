"""A reply-time promise and what it asks of community work; what a plan actually delivers.

The promise (scenario: `reply_hours`, `reply_window`, `handling_minutes`) is held by checking the
inbox at least every `reply_hours` while the window is open, and at least once on each of its days:

    checks a week = days x max(1, ceil(hours a day / reply_hours))

Each check-in costs `check_minutes` (data/reply.yaml). The demand coefficients of data/demand.yaml
already hold the baseline promise (an answer by the next working day, in office hours), so only
the check-in hours beyond the baseline's are added to the community demand (`extra_hours`): a
default scenario keeps its plan. Handling is `inbound_per_week x handling_minutes / 60` hours,
a demand term of its own (driver `inbound_hours`).

A window longer than one person's week on duty (`rota_hours`) needs a rota: `rota_people` people
doing community work in the team, or an outside provider of `window_providers` doing it.

What a plan delivers (`delivery`): the community hours done go first to replying (handling the
messages and the check-ins they are handled in), then to outreach. With fewer hours than replying
needs, the same share of messages is answered and of check-ins made (`answered_share` < 1: the
rest wait in a backlog). The check-ins made are spread evenly over the window the plan can hold
(the promised one when a rota or a window provider holds it, else office hours):

- `open_wait`: the longest a message written while the window is open waits (the gap between
  check-ins; a day or more when there is not one check a day);
- `overnight_wait`: the longest a message written after the last check of a day waits for the
  first check of the next (24 h less the day's open hours, plus the gap);
- `weekend_wait`: for a weekday window, a message written on Friday after the last check waits
  until Monday's first (72 h less the day's open hours, plus the gap); None for a 7-day window.

Codes and numbers only (ui/ words them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .scenario import Scenario

EPS = 1e-9
MIN_SEAT_HOURS = 1.0  # h/week of community work from which a team seat counts on the rota


def checks_per_week(promise_hours: float, window: Any) -> float:
    """Check-ins a week that hold a promise of `promise_hours` during `window`."""
    per_day = max(1, math.ceil(window.hours / promise_hours - EPS))
    return float(window.days * per_day)


def check_hours(promise_hours: float, window: Any, settings: Any) -> float:
    return checks_per_week(promise_hours, window) * settings.check_minutes / 60.0


def baseline_check_hours(settings: Any) -> float:
    return check_hours(settings.baseline_hours, settings.windows[settings.baseline_window], settings)


def extra_hours(scenario: Scenario, catalog: Any) -> float:
    """Community hours a week the scenario's promise needs beyond the baseline's check-ins
    (0 for the baseline promise and any weaker one)."""
    settings = catalog.reply
    if settings is None or scenario.reply_window not in settings.windows:
        return 0.0
    window = settings.windows[scenario.reply_window]
    return max(0.0, check_hours(scenario.reply_hours, window, settings) - baseline_check_hours(settings))


@dataclass(frozen=True)
class ReplyNeed:
    """What the scenario's promise asks for, a week: hours and people."""

    promise_hours: float
    window: str
    window_hours: float  # hours a week the window is open
    messages: int
    handling_minutes: float
    handling_hours: float
    checks: float  # check-ins a week
    check_hours: float  # all check-ins' hours (the baseline's included)
    extra_hours: float  # community hours added to the demand for the promise
    community_hours: float  # the community demand with the promise
    rota_people: int  # people doing community work the window needs (1 for office hours)
    cost_sek_year: float  # the extra hours a year at the cheapest way to do community work
    cheapest: str  # the role or provider id that price is of


def need(scenario: Scenario, catalog: Any, demand: dict[str, float]) -> ReplyNeed:
    settings = catalog.reply
    window = settings.windows[scenario.reply_window]
    extra = extra_hours(scenario, catalog)
    weeks = catalog.settings.weeks_per_year
    options = [(role.annual_cost_sek / (role.capacity_hours * weeks), role.id)
               for role in catalog.roles.values()
               if role.capacity_hours > 0 and role.fit.get("community", 0.0) >= catalog.settings.strong_fit]
    options += [(provider.rate_sek_hour, provider.id) for provider in catalog.providers.values()
                if provider.fit.get("community", 0.0) >= catalog.settings.primary_fit]
    rate, cheapest = min(options) if options else (0.0, "")
    return ReplyNeed(
        promise_hours=scenario.reply_hours, window=window.id, window_hours=window.week_hours,
        messages=scenario.inbound_per_week, handling_minutes=scenario.handling_minutes,
        handling_hours=scenario.inbound_per_week * scenario.handling_minutes / 60.0,
        checks=checks_per_week(scenario.reply_hours, window),
        check_hours=check_hours(scenario.reply_hours, window, settings),
        extra_hours=extra, community_hours=demand.get("community", 0.0),
        rota_people=max(1, math.ceil(window.week_hours / settings.rota_hours - EPS)),
        cost_sek_year=extra * weeks * rate, cheapest=cheapest)


@dataclass(frozen=True)
class ReplyDelivery:
    """What a plan delivers against the promise (hours are clock hours)."""

    need: ReplyNeed
    done_hours: float  # community hours a week the plan does
    answered_share: float  # share of the messages answered (0..1)
    checks: float  # check-ins a week the plan's hours allow, in the window it holds
    held_window: str  # the window the plan holds: the promised one, or office hours without a rota
    rota_people: int  # team seats doing community work (an outside window provider counts as a rota)
    window_provider: str | None  # the outside provider that holds the window, if any
    open_wait: float | None  # None: some messages are never answered
    overnight_wait: float | None
    weekend_wait: float | None  # None: no weekend closure (or never answered)
    meets: bool


def delivery(plan, catalog: Any) -> ReplyDelivery:
    """What `plan` delivers against its scenario's promise (see the module's docstring)."""
    scenario = plan.scenario
    settings = catalog.reply
    wanted = need(scenario, catalog, plan.demand)
    community = [line for line in plan.assignments if line.capability == "community" and line.hours > EPS]
    done = sum(line.hours for line in community)
    seats = {line.seat for line in community
             if line.provider_type == "in_house" and line.seat and line.hours >= MIN_SEAT_HOURS
             and any(person.seat == line.seat and person.in_team for person in plan.people)}
    provider = next((line.provider for line in sorted(community, key=lambda ln: -ln.hours)
                     if line.provider_type != "in_house" and line.provider in settings.window_providers
                     and line.hours >= MIN_SEAT_HOURS), None)
    promised = settings.windows[scenario.reply_window]
    held = promised if (provider is not None or len(seats) >= wanted.rota_people) else \
        settings.windows["office"]
    if held.week_hours > promised.week_hours:
        held = promised
    handling = wanted.handling_hours
    each = settings.check_minutes / 60.0
    needed = checks_per_week(scenario.reply_hours, held)
    replying = handling + needed * each  # answering and the check-ins it is done in
    share = 1.0 if replying <= EPS else min(1.0, done / replying)
    answered = share if handling > EPS else 1.0
    checks = needed * share
    if checks <= EPS:
        open_wait = overnight = weekend = None
    else:
        per_day = checks / held.days
        if per_day >= 1.0 - 1e-9:
            gap = held.hours / per_day
            open_wait = gap
            overnight = 24.0 - held.hours + gap
            weekend = 72.0 - held.hours + gap if held.days < 7 else None
        else:  # fewer check-ins than days: a day or more between them
            gap_days = held.days / checks
            open_wait = overnight = 24.0 * gap_days
            weekend = 24.0 * gap_days + 48.0 if held.days < 7 else None
    meets = (open_wait is not None and held.id == promised.id and answered >= 1.0 - 1e-6
             and open_wait <= scenario.reply_hours + 1e-6)
    return ReplyDelivery(need=wanted, done_hours=done, answered_share=answered, checks=checks,
                         held_window=held.id, rota_people=len(seats), window_provider=provider,
                         open_wait=open_wait, overnight_wait=overnight, weekend_wait=weekend,
                         meets=meets)
