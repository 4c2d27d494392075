"""The five organisation models side by side for one workload (the Trade-offs page): the plan of
the same scenario under each model (model/orgmodels.py; only `org_model` differs), summarised.

    from model.orgcompare import compare_models
    rows = compare_models(Scenario(team_size=3, budget_sek=3_000_000, business_units=4), catalog)
    [(row.model, row.coverage, row.cost) for row in rows]

A module of its own because it runs the engine, which model/orgmodels.py (imported by the demand
step) cannot import.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .engine import simulate
from .orgmodels import is_spoke_seat, org_models
from .plan import Plan
from .scenario import Scenario


@dataclass(frozen=True)
class ModelPlan:
    """One model's plan of the scenario, summarised. Money SEK a year, hours a week, shares 0..1.

    hub_people: the team's seats (the hub); spokes: the part-time contributors outside it,
    spoke_capacity the hours they may give and spoke_hours what the plan has them give;
    spoke_groups: (role, hours a week each, how many) of the spokes, in seat order;
    coordination_hours: the lead and plan work the model needs (its coordination load);
    demand_hours: all the work it needs; unmet: (field, least, has) for what the model is meant
    for and the organisation does not have (OrgModel.unmet: a distributed model of one unit)."""

    model: str
    coverage: float
    quality: float
    cost: float
    in_house: float
    external: float
    budget: float
    hub_people: int
    spokes: int
    spoke_capacity: float
    spoke_hours: float
    spoke_groups: tuple[tuple[str, float, int], ...]
    coordination_hours: float
    demand_hours: float
    critical: int
    warnings: int
    plan: Plan
    unmet: tuple[tuple[str, int, int], ...] = ()

    @property
    def fits(self) -> bool:
        return not self.unmet

    @property
    def over_budget(self) -> bool:
        return self.cost > self.budget + 0.5


def summarise(model: str, plan: Plan, unmet: tuple = ()) -> ModelPlan:
    spokes = [person for person in plan.people if is_spoke_seat(person.seat) and not person.in_team]
    groups: dict[tuple[str, float], int] = {}
    for person in spokes:
        groups[(person.role, person.capacity)] = groups.get((person.role, person.capacity), 0) + 1
    return ModelPlan(
        model=model, coverage=plan.overall_coverage, quality=plan.overall_quality,
        cost=plan.cost.total, in_house=plan.cost.in_house, external=plan.cost.external,
        budget=plan.cost.budget, hub_people=sum(1 for person in plan.people if person.in_team),
        spokes=len(spokes), spoke_capacity=sum(person.capacity for person in spokes),
        spoke_hours=sum(person.hours for person in spokes),
        spoke_groups=tuple((role, hours, count) for (role, hours), count in groups.items()),
        coordination_hours=plan.demand["lead"] + plan.demand["plan"],
        demand_hours=plan.total_demand, critical=plan.count("critical"),
        warnings=plan.count("warning"), plan=plan, unmet=unmet)


def compare_models(scenario: Scenario, catalog: Catalog) -> tuple[ModelPlan, ...]:
    """Each of the five models (model.scenario.ORG_MODELS order) for the scenario's workload, team, budget,
    units, brands and languages: simulate with only `org_model` changed."""
    return tuple(summarise(model.id, simulate(scenario.replace(org_model=model.id), catalog, limits=False),
                           model.unmet(scenario))
                 for model in org_models())
