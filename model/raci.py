"""The RACI view of a plan: for each capability who is Responsible, who Accountable (exactly one),
who Consulted and who Informed. Pure; derived from the Plan and the Catalog only.

Responsible: everyone who carries hours of the capability in the plan (in-house seats, the head
of marketing's hours, the unpaid hours, agencies, freelancers), most hours first.

Accountable, exactly one per capability, always someone in-house (accountability cannot be bought:
guidance 2 and 7), chosen by the first rule that applies:
  1. strategy: the head of marketing when they give hours to social, else a head of marketing or
     head of social in the team (guidance 1: strategy is owned by marketing leadership);
  2. the team seat carrying the most hours of the capability (ties: better fit, then seat order);
  3. work bought outside or left undone: the team seat that owns `lead` (most lead hours), the
     internal orderer who briefs and follows up suppliers (guidance 2);
  4. nobody in the team leads: the team seat that fits the capability best (ties: seat order);
  5. no team at all: the head of marketing (outside the team), with or without hours.

Consulted: in-house people (team seats, and the head of marketing when in the plan) who are not R
or A but whose role fits the capability at the catalog's primary fit or better: they have the
knowledge to contribute; for strategy, at the catalog's min_fit or better (guidance 1: the social
media manager contributes platform knowledge to strategy but does not own it).

Informed: for a capability with demand, the people downstream of its output (FLOWS, from the
knowledge base: strategy feeds the plan, the plan feeds creation and administration,
administration collects statistics for analysis, analysis feeds strategy), the owner of `lead`
(who coordinates social with the rest of marketing) and the head of marketing when in the plan,
leaving out whoever is already R, A or C.

Backup: for a capability that is a single point of failure (model/continuity.py: one team seat
alone fits it, or carries it when nobody fits it), who steps in when the holder is away: the other
in-house person who fits it best (the seat's party; the head of marketing's or the unpaid hours
included), else the provider that would be bought (a provider party), else None (single_point
still says it is one). Capabilities that are no single point have no backup. A backup is not one
of the RACI letters: `parties` and `letters` leave it out unless it is R, A, C or I anyway.

The view is codes: parties are seat, role and provider ids, and why someone is accountable is a
code of ACCOUNTABLE_RULES; ui/report.py words them (raci_table, raci_grid).
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .continuity import BACKUP_KIND, rule_params, single_points
from .plan import Plan
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT, PROVIDERS, VOLUNTEER_ROLE, VOLUNTEER_SEAT

EPS = 1e-9
LEADERSHIP = ("head_of_marketing", "head_of_social")
FLOWS: dict[str, tuple[str, ...]] = {
    "strategy": ("plan",),
    "plan": ("create", "administer"),
    "administer": ("analyze",),
    "analyze": ("strategy",),
}
# Why a party is accountable: the rules of the module's docstring, in order (ui/report.py words them).
ACCOUNTABLE_RULES: tuple[str, ...] = ("leadership", "most_hours", "lead_owner", "best_fit", "marketing_lead")


@dataclass(frozen=True, order=True)
class Party:
    """Someone in the RACI view: an in-house seat (seat id, role id) or an external provider."""

    order: int
    kind: str  # "seat" | "provider"
    ident: str  # seat id or provider id
    role: str  # role id, or the provider id again
    provider_type: str  # in_house | agency | freelancer


@dataclass(frozen=True)
class RaciLine:
    capability: str
    demand: float
    uncovered: float
    responsible: tuple[tuple[Party, float], ...]  # (party, hours per week), most hours first
    accountable: Party
    accountable_rule: str  # a code of ACCOUNTABLE_RULES
    consulted: tuple[Party, ...]
    informed: tuple[Party, ...]
    backup: Party | None = None  # who steps in for the holder of a single point (module docstring)
    single_point: bool = False  # the capability rests on one team seat

    def letters(self, party: Party) -> str:
        """'R', 'A', 'R/A', … : this party's part in the capability ('' when none)."""
        parts = [
            "R" if any(p == party for p, _ in self.responsible) else "",
            "A" if self.accountable == party else "",
            "C" if party in self.consulted else "",
            "I" if party in self.informed else "",
        ]
        return "/".join(part for part in parts if part)


def _seat_party(index: int, seat: str, role: str) -> Party:
    return Party(index, "seat", seat, role, "in_house")


def _parties(plan: Plan) -> tuple[list[Party], Party | None, Party, dict[str, Party]]:
    """(team seats in seat order, the marketing lead if in the plan, the marketing lead as a
    party in any case, every party by key 'seat id' / 'provider id'; the unpaid hours are a party
    of their own, responsible for what they do and never accountable)."""
    team = [_seat_party(index, person.seat, person.role)
            for index, person in enumerate(plan.people) if person.in_team]
    lead_person = next((p for p in plan.people if p.seat == MARKETING_LEAD_SEAT), None)
    marketing_lead = _seat_party(len(plan.people), MARKETING_LEAD_SEAT, "head_of_marketing")
    present_lead = marketing_lead if lead_person is not None else None
    by_key = {party.ident: party for party in team}
    by_key[MARKETING_LEAD_SEAT] = marketing_lead
    by_key[VOLUNTEER_SEAT] = _seat_party(len(plan.people) + 1, VOLUNTEER_SEAT, VOLUNTEER_ROLE)
    for index, person in enumerate(plan.people):  # the organisation model's spokes (SP1, ...):
        if not person.in_team and person.seat not in by_key:  # responsible, never accountable
            by_key[person.seat] = _seat_party(len(plan.people) + 2 + index, person.seat, person.role)
    for offset, provider in enumerate(PROVIDERS):
        line = next((ln for ln in plan.assignments if ln.provider == provider
                     and ln.provider_type != "in_house"), None)
        if line is not None:
            by_key[provider] = Party(1000 + offset, "provider", provider, provider,
                                     line.provider_type)
    return team, present_lead, marketing_lead, by_key


def _responsible(plan: Plan, cap: str, by_key: dict[str, Party]) -> tuple[tuple[Party, float], ...]:
    hours: dict[Party, float] = {}
    for line in plan.assignments:
        if line.capability != cap or line.hours <= EPS:
            continue
        party = by_key[line.seat if line.provider_type == "in_house" else line.provider]
        hours[party] = hours.get(party, 0.0) + line.hours
    return tuple(sorted(hours.items(), key=lambda item: (-item[1], item[0])))


def _seat_hours(plan: Plan, cap: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in plan.assignments:
        if line.capability == cap and line.provider_type == "in_house" and line.seat:
            out[line.seat] = out.get(line.seat, 0.0) + line.hours
    return out


def lead_owner(plan: Plan) -> str | None:
    """The team seat carrying the most `lead` hours (first seat on a tie), if any."""
    hours = _seat_hours(plan, "lead")
    team = [person.seat for person in plan.people if person.in_team]
    best = [seat for seat in team if hours.get(seat, 0.0) > EPS]
    return max(best, key=lambda seat: (hours[seat], -team.index(seat))) if best else None


def _accountable(plan: Plan, catalog: Catalog, cap: str, team: list[Party],
                 present_lead: Party | None, marketing_lead: Party) -> tuple[Party, str]:
    if cap == "strategy":
        if present_lead is not None:
            return present_lead, "leadership"
        leaders = [party for party in team if party.role in LEADERSHIP]
        if leaders:
            return leaders[0], "leadership"
    hours = _seat_hours(plan, cap)
    carrying = [party for party in team if hours.get(party.ident, 0.0) > EPS]
    if carrying:
        def rank(party: Party) -> tuple:
            return (-hours[party.ident], -catalog.roles[party.role].fit.get(cap, 0.0), party.order)
        return min(carrying, key=rank), "most_hours"
    owner = lead_owner(plan)
    if owner is not None:
        return next(party for party in team if party.ident == owner), "lead_owner"
    if team:
        return min(team, key=lambda p: (-catalog.roles[p.role].fit.get(cap, 0.0), p.order)), "best_fit"
    return marketing_lead, "marketing_lead"


def raci(plan: Plan, catalog: Catalog) -> tuple[RaciLine, ...]:
    """One line per capability, in the fixed capability order."""
    team, present_lead, marketing_lead, by_key = _parties(plan)
    in_house = team + ([present_lead] if present_lead is not None else [])
    responsible = {cap: _responsible(plan, cap, by_key) for cap in CAPABILITIES}
    owner_seat = lead_owner(plan)
    owner = by_key.get(owner_seat) if owner_seat else None
    primary = catalog.settings.primary_fit
    backups = _backups(plan, catalog, by_key)
    lines = []
    for cap in CAPABILITIES:
        accountable, rule = _accountable(plan, catalog, cap, team, present_lead, marketing_lead)
        r_parties = {party for party, _ in responsible[cap]}
        taken = r_parties | {accountable}
        consulted = tuple(sorted(
            party for party in in_house
            if party not in taken and catalog.roles[party.role].fit.get(cap, 0.0)
            >= (catalog.settings.min_fit if cap == "strategy" else primary) - EPS))
        taken |= set(consulted)
        informed: set[Party] = set()
        if plan.demand.get(cap, 0.0) > EPS:
            for downstream in FLOWS.get(cap, ()):
                informed |= {party for party, _ in responsible[downstream]}
            informed |= {party for party in (owner, present_lead) if party is not None}
        lines.append(RaciLine(
            capability=cap, demand=plan.demand.get(cap, 0.0),
            uncovered=max(0.0, plan.uncovered.get(cap, 0.0)),
            responsible=responsible[cap], accountable=accountable, accountable_rule=rule,
            consulted=consulted, informed=tuple(sorted(informed - taken)),
            backup=backups.get(cap), single_point=cap in backups))
    return tuple(lines)


def _backups(plan: Plan, catalog: Catalog, by_key: dict[str, Party]) -> dict[str, Party | None]:
    """capability -> the backup party of each single point of the plan (None: no backup)."""
    params = rule_params(catalog, BACKUP_KIND)
    points = single_points(scenario=plan.scenario, catalog=catalog, demand=plan.demand,
                           assignments=plan.assignments, people=plan.people,
                           min_fit=params["min_fit"], min_hours=params["min_hours"])
    out: dict[str, Party | None] = {}
    for point in points:
        if point.backup_kind == "seat":
            out[point.capability] = by_key.get(point.backup)
        elif point.backup_kind == "provider":
            out[point.capability] = by_key.get(point.backup) or _provider_party(point.backup, catalog)
        else:
            out[point.capability] = None
    return out


def _provider_party(provider: str, catalog: Catalog) -> Party:
    """A provider the plan does not buy from, as a party (ordered as _parties orders providers)."""
    order = 1000 + (PROVIDERS.index(provider) if provider in PROVIDERS else len(PROVIDERS))
    return Party(order, "provider", provider, provider, catalog.providers[provider].type)


def parties(lines: tuple[RaciLine, ...]) -> tuple[Party, ...]:
    """Everyone who appears anywhere in the view, in seat order, providers last."""
    found: set[Party] = set()
    for line in lines:
        found |= {party for party, _ in line.responsible} | {line.accountable}
        found |= set(line.consulted) | set(line.informed)
    return tuple(sorted(found))
