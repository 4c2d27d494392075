"""The Plan that simulate returns: plain values, with table and dict views."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .scenario import Scenario
from .vocab import CAPABILITIES, SEVERITIES


@dataclass(frozen=True)
class Assignment:
    """Hours per week of one capability carried by one provider.

    provider_type is in_house, agency or freelancer; provider is a role id (in-house) or a
    provider id; seat is the in-house seat id (None outside). cost_sek is per year: external
    fees, or for in-house the seat's cost in proportion to the hours it gives this line.
    reason is a code (ui/ renders it) and reason_values what the text needs: this option's fit
    and cost per hour, and the next best option's (alternative, alternative_fit,
    alternative_cost_per_hour), plus budget_limited for bought lines.
    """

    capability: str
    provider_type: str
    provider: str
    seat: str | None
    hours: float
    cost_sek: float
    fit: float
    reason: str
    reason_values: dict[str, Any]


@dataclass(frozen=True)
class Person:
    """One in-house seat (or the head of marketing's hours, seat 'marketing_lead')."""

    seat: str
    role: str
    hours: float
    capacity: float
    utilisation: float
    capabilities: tuple[str, ...]
    cost_sek: float
    coordination_hours: float
    in_team: bool


@dataclass(frozen=True)
class Cost:
    """SEK per year. Ad media spend is not part of it."""

    in_house: float
    agency: float
    freelancer: float
    total: float
    budget: float
    remaining: float

    @property
    def external(self) -> float:
        return self.agency + self.freelancer


ADVICE_KEYS: tuple[str, ...] = ("advice", "advice_budget_left")


@dataclass(frozen=True)
class Finding:
    """One place a plan breaks a rule of the catalog, as codes and values (no text): ui/findings.py
    words it from the rule's templates (Catalog.rules: `message`, and the advice named by `advice`).

    values: what the rule's templates fill in, each a (tag, payload) pair that says how to show
    it: ("pct", share), ("hours", h), ("sek", amount), ("number", n), ("fit", f), ("seat", seat id),
    ("name", id), ("names" | "names_or" | "names_and", ids), ("code", code), ("codes", codes);
    a bare int is a count.
    advice: which advice of the rule applies, "advice" or "advice_budget_left" (money is left
    unspent and the rule has advice for that case).
    """

    rule_id: str
    severity: str
    capability: str | None
    seat: str | None
    guidance: int | None
    values: dict[str, Any] = field(default_factory=dict)
    advice: str = "advice"


@dataclass(frozen=True)
class Limits:
    """What binds a plan: the overall coverage (0..1) that budget_step SEK more a year, or
    hour_step more hours a week of each seat, would add."""

    budget_step: float
    budget_gain: float
    hour_step: float
    seat_gain: dict[str, float]

    def binding_seats(self, tolerance: float = 1e-6) -> tuple[str, ...]:
        return tuple(seat for seat, gain in self.seat_gain.items() if gain > tolerance)


@dataclass(frozen=True)
class RetainerUse:
    """A retainer of the scenario in the plan: what its fee buys and what that time does.

    seat: its id in the assignments ("R1", ...). hours: what the fee buys a week (the fee over the
    provider's rate); used: capability -> hours a week of it in the plan; fee_sek_year: counted in
    full whatever is used. unusable: capabilities in its scope it may not or cannot do (a rule
    keeps them in-house, the user's insource, or the provider does not fit them)."""

    seat: str
    provider: str
    provider_type: str
    scope: tuple[str, ...]
    fee_sek_year: float
    hours: float
    used: dict[str, float]
    unusable: tuple[str, ...]

    @property
    def unused_hours(self) -> float:
        return max(0.0, self.hours - sum(self.used.values()))


@dataclass(frozen=True)
class Plan:
    """coverage is work done (hours done / hours needed); quality the hours-weighted fit of
    the work done."""

    scenario: Scenario
    demand: dict[str, float]
    assignments: tuple[Assignment, ...]
    coverage: dict[str, float]
    overall_coverage: float
    quality: dict[str, float]
    overall_quality: float
    people: tuple[Person, ...]
    cost: Cost
    findings: tuple[Finding, ...]
    uncovered: dict[str, float]
    coordination_hours: float
    limits: Limits | None = None
    objective: float = 0.0
    retainers: tuple[RetainerUse, ...] = ()

    # ---- derived views --------------------------------------------------------------
    @property
    def total_demand(self) -> float:
        return sum(self.demand.values())

    def hours_by_type(self) -> dict[str, dict[str, float]]:
        """capability -> provider type -> hours per week."""
        out = {cap: {"in_house": 0.0, "agency": 0.0, "freelancer": 0.0} for cap in CAPABILITIES}
        for line in self.assignments:
            out[line.capability][line.provider_type] += line.hours
        return out

    def coverage_by_type(self) -> dict[str, dict[str, float]]:
        """capability -> provider type -> the part of coverage (0..1, hours done) that type gives."""
        out = {cap: {"in_house": 0.0, "agency": 0.0, "freelancer": 0.0} for cap in CAPABILITIES}
        for line in self.assignments:
            demand = self.demand[line.capability]
            if demand > 0:
                out[line.capability][line.provider_type] += line.hours / demand
        return out

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def in_house_share(self) -> float:
        """Share of the total cost that is in-house (0..1; 0 when nothing is spent)."""
        return self.cost.in_house / self.cost.total if self.cost.total > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready plain values."""
        return {
            "scenario": self.scenario.to_dict(),
            "demand": dict(self.demand),
            "assignments": [asdict(line) for line in self.assignments],
            "coverage": dict(self.coverage),
            "overall_coverage": self.overall_coverage,
            "quality": dict(self.quality),
            "overall_quality": self.overall_quality,
            "people": [asdict(person) | {"capabilities": list(person.capabilities)}
                       for person in self.people],
            "cost": asdict(self.cost),
            "findings": [asdict(finding) for finding in self.findings],
            "uncovered": dict(self.uncovered),
            "coordination_hours": self.coordination_hours,
            "limits": asdict(self.limits) if self.limits else None,
            "retainers": [asdict(use) | {"scope": list(use.scope), "unusable": list(use.unusable)}
                          for use in self.retainers],
        }

    def to_frame(self):
        """The assignment table as a pandas DataFrame (codes, not text), with uncovered hours as
        their own rows (reason "uncovered")."""
        import pandas as pd

        rows = [
            {
                "capability": line.capability, "provider_type": line.provider_type,
                "provider": line.provider, "seat": line.seat or "", "hours_week": line.hours,
                "cost_sek_year": line.cost_sek, "fit": line.fit, "reason": line.reason,
            }
            for line in self.assignments
        ]
        rows += [
            {
                "capability": cap, "provider_type": "uncovered", "provider": "", "seat": "",
                "hours_week": hours, "cost_sek_year": 0.0, "fit": 0.0, "reason": "uncovered",
            }
            for cap, hours in self.uncovered.items() if hours > 1e-6
        ]
        columns = ["capability", "provider_type", "provider", "seat", "hours_week",
                   "cost_sek_year", "fit", "reason"]
        return pd.DataFrame(rows, columns=columns)


SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}
