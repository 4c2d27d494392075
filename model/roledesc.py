"""Role descriptions: one per seat of the in-house team, from the plan and its RACI view.

A RoleDescription lists the seat's duties as codes and numbers (ui/ words them):

- a capability duty for each capability the seat carries hours of, or is the RACI Accountable
  for, or is Consulted on, among the capabilities with demand (model/raci.py):
  part "owns" when the seat is the Accountable (with or without hours: a seat that orders bought
  work answers for it), "contributes" otherwise: hours without being accountable, or 0 hours as
  Consulted (guidance 1: the social media manager contributes platform knowledge to strategy, the
  head of marketing owns it). kpis: the catalog's kpi ids of the capability;
- a coordination duty (code "coordination", no capability, part "owns") when the seat spends
  time briefing and following up bought work (Person.coordination_hours); `orders` lists the
  capabilities bought outside that the seat is accountable for.

The duties' hours add up to the seat's assigned hours, Person.hours, which counts its
coordination hours (model/engine.py summarise_people). share is a duty's part of those hours
(0 when the seat has none). cost_sek_year is the seat's fully loaded cost a year (Person.cost_sek,
the role's annual_cost_sek); pay_sek_month and pay_band are the role's in the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .plan import Plan
from .raci import RaciLine, raci
from .vocab import CAPABILITIES

EPS = 1e-9
PARTS: tuple[str, ...] = ("owns", "contributes")
DUTY_CODES: tuple[str, ...] = ("capability", "coordination")


@dataclass(frozen=True)
class Duty:
    code: str  # "capability" | "coordination"
    capability: str | None  # None for coordination
    hours: float  # a week
    share: float  # of the seat's assigned hours (0..1)
    part: str  # "owns" | "contributes"
    kpis: tuple[str, ...] = ()
    orders: tuple[str, ...] = ()  # coordination: bought capabilities the seat is accountable for


@dataclass(frozen=True)
class RoleDescription:
    seat: str
    role: str  # a role id of the catalog (its title: Catalog.name)
    duties: tuple[Duty, ...]
    hours: float  # assigned hours a week, coordination included (= the duties' sum)
    capacity: float
    utilisation: float
    cost_sek_year: float  # fully loaded
    pay_sek_month: float  # gross
    pay_band: tuple[float, float] | None  # the role's usual gross pay (low, high)

    @property
    def owns(self) -> tuple[str, ...]:
        return tuple(duty.capability for duty in self.duties
                     if duty.code == "capability" and duty.part == "owns")

    @property
    def contributes(self) -> tuple[str, ...]:
        return tuple(duty.capability for duty in self.duties
                     if duty.code == "capability" and duty.part == "contributes")


def _is(line_party, seat: str) -> bool:
    return line_party.kind == "seat" and line_party.ident == seat


def _duties(plan: Plan, catalog: Catalog, person, lines: dict[str, RaciLine]) -> tuple[Duty, ...]:
    hours_of = dict.fromkeys(CAPABILITIES, 0.0)
    for line in plan.assignments:
        if line.provider_type == "in_house" and line.seat == person.seat:
            hours_of[line.capability] += line.hours
    total = person.hours

    def share(hours: float) -> float:
        return hours / total if total > EPS else 0.0

    duties = []
    for cap in CAPABILITIES:
        line = lines[cap]
        hours = hours_of[cap]
        owns = _is(line.accountable, person.seat)
        consulted = any(_is(party, person.seat) for party in line.consulted)
        if hours <= 0.0 and not ((owns or consulted) and plan.demand.get(cap, 0.0) > EPS):
            continue
        duties.append(Duty("capability", cap, hours, share(hours), "owns" if owns else "contributes",
                           catalog.capability(cap).kpis))
    if person.coordination_hours > 0.0:
        bought = {line.capability for line in plan.assignments
                  if line.provider_type != "in_house" and line.hours > EPS}
        orders = tuple(cap for cap in CAPABILITIES
                       if cap in bought and _is(lines[cap].accountable, person.seat))
        duties.append(Duty("coordination", None, person.coordination_hours,
                           share(person.coordination_hours), "owns", (), orders))
    return tuple(duties)


def role_descriptions(plan: Plan, catalog: Catalog) -> tuple[RoleDescription, ...]:
    """One description per seat of the in-house team (Person.in_team), in seat order; the head
    of marketing's hours and the unpaid hours are no seat of the team and get none."""
    lines = {line.capability: line for line in raci(plan, catalog)}
    out = []
    for person in plan.people:
        if not person.in_team:
            continue
        role = catalog.roles[person.role]
        out.append(RoleDescription(
            seat=person.seat, role=person.role, duties=_duties(plan, catalog, person, lines),
            hours=person.hours, capacity=person.capacity, utilisation=person.utilisation,
            cost_sek_year=person.cost_sek, pay_sek_month=role.pay_sek_month, pay_band=role.pay_band))
    return tuple(out)
