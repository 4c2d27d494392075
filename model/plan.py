"""The Plan that simulate returns: plain values, with table and dict views."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .scenario import Scenario
from .vocab import CAPABILITIES, SEVERITIES


@dataclass(frozen=True)
class Assignment:
    """Hours per week of one capability carried by one provider.

    provider_type is in_house, agency or freelancer; provider is a role id (in-house) or a
    provider id; seat is the in-house seat id (None outside). cost_sek is per year: external
    fees, or for in-house the seat's cost in proportion to the hours it gives this line.
    """

    capability: str
    provider_type: str
    provider: str
    seat: str | None
    hours: float
    cost_sek: float
    fit: float
    reason: dict[str, str]


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


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    capability: str | None
    seat: str | None
    message: dict[str, str]
    advice: dict[str, str]
    guidance: int | None

    def text(self, lang: str = "en") -> tuple[str, str]:
        return self.message.get(lang, self.message["en"]), self.advice.get(lang, self.advice["en"])


@dataclass(frozen=True)
class Plan:
    scenario: Scenario
    demand: dict[str, float]
    assignments: tuple[Assignment, ...]
    coverage: dict[str, float]
    overall_coverage: float
    people: tuple[Person, ...]
    cost: Cost
    findings: tuple[Finding, ...]
    uncovered: dict[str, float]
    coordination_hours: float

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
        """capability -> provider type -> the part of coverage (0..1) that type gives."""
        out = {cap: {"in_house": 0.0, "agency": 0.0, "freelancer": 0.0} for cap in CAPABILITIES}
        for line in self.assignments:
            demand = self.demand[line.capability]
            if demand > 0:
                out[line.capability][line.provider_type] += line.hours * line.fit / demand
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
            "people": [asdict(person) | {"capabilities": list(person.capabilities)}
                       for person in self.people],
            "cost": asdict(self.cost),
            "findings": [asdict(finding) for finding in self.findings],
            "uncovered": dict(self.uncovered),
            "coordination_hours": self.coordination_hours,
        }

    def to_frame(self, lang: str = "en"):
        """The assignment table as a pandas DataFrame, with uncovered hours as their own rows."""
        import pandas as pd

        rows = [
            {
                "capability": line.capability, "provider_type": line.provider_type,
                "provider": line.provider, "seat": line.seat or "", "hours_week": line.hours,
                "cost_sek_year": line.cost_sek, "fit": line.fit,
                "reason": line.reason.get(lang, line.reason["en"]),
            }
            for line in self.assignments
        ]
        uncovered_reason = {"en": "Nobody in the plan can take it", "sv": "Ingen i planen kan ta det"}
        rows += [
            {
                "capability": cap, "provider_type": "uncovered", "provider": "", "seat": "",
                "hours_week": hours, "cost_sek_year": 0.0, "fit": 0.0,
                "reason": uncovered_reason.get(lang, uncovered_reason["en"]),
            }
            for cap, hours in self.uncovered.items() if hours > 1e-9
        ]
        columns = ["capability", "provider_type", "provider", "seat", "hours_week",
                   "cost_sek_year", "fit", "reason"]
        return pd.DataFrame(rows, columns=columns)


SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}
