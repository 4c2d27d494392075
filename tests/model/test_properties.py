"""Property tests of the invariants shared/DESIGN.md states, over scenarios built from FIELD_SPECS."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import FIELD_SPECS, Scenario, load_catalog, simulate, spoke_seats
from model.vocab import CAPABILITIES, PROVIDERS, ROLES

CATALOG = load_catalog()  # module level: hypothesis runs each example without fixtures
TOL = 1e-4  # the solver's own tolerances: 0.01 percentage points
PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def value_strategy(spec) -> st.SearchStrategy:
    if spec.kind == "int":
        low, high = int(spec.low), int(spec.high)
        # half the time near the low end, where most real scenarios are
        return st.one_of(st.integers(low, high), st.integers(low, min(high, low + 12)))
    if spec.kind == "float":
        return st.floats(spec.low, spec.high, allow_nan=False, allow_infinity=False)
    if spec.kind == "roles":
        return st.one_of(st.just(()), st.lists(st.sampled_from(ROLES), min_size=1, max_size=12)
                         .map(tuple))
    if spec.kind == "retainers":
        return st.one_of(st.just(()), st.lists(retainers, max_size=2).map(tuple))
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "text":
        return st.text(max_size=int(spec.high))
    return st.lists(st.sampled_from(CAPABILITIES), unique=True).map(tuple)


retainers = st.builds(
    lambda provider, scope, fee: f"{provider}:{'+'.join(scope)}:{fee}",
    st.sampled_from(PROVIDERS), st.lists(st.sampled_from(CAPABILITIES), min_size=1, max_size=3, unique=True),
    st.integers(0, 200_000))


@st.composite
def scenarios(draw) -> Scenario:
    """Any valid scenario: every field drawn from its spec's kind and range."""
    return Scenario(**{spec.name: draw(value_strategy(spec)) for spec in FIELD_SPECS})


BUDGET = next(spec for spec in FIELD_SPECS if spec.name == "budget_sek")
budgets = st.integers(int(BUDGET.low), int(BUDGET.high))


@PROPERTY
@given(scenarios())
def test_assigned_hours_never_exceed_demand(scenario):
    plan = simulate(scenario, CATALOG)
    for cap in CAPABILITIES:
        assigned = sum(line.hours for line in plan.assignments if line.capability == cap)
        assert assigned <= plan.demand[cap] + TOL
        assert plan.uncovered[cap] >= 0
        assert math.isclose(assigned + plan.uncovered[cap], plan.demand[cap], abs_tol=TOL)
    for line in plan.assignments:
        assert line.hours > 0 and line.cost_sek >= 0


@PROPERTY
@given(scenarios())
def test_external_spend_stays_within_what_the_budget_leaves(scenario):
    plan = simulate(scenario, CATALOG)
    retained = sum(use.fee_sek_year for use in plan.retainers)  # paid as given, whatever the budget
    left = max(scenario.budget_sek - plan.cost.in_house - retained, 0.0)
    assert plan.cost.external <= retained + left + TOL
    assert math.isclose(plan.cost.total, plan.cost.in_house + plan.cost.external, abs_tol=TOL)
    if plan.cost.in_house + retained > scenario.budget_sek:
        assert plan.cost.external <= retained + TOL
        said = {f.rule_id for f in plan.findings}
        assert ("in_house_over_budget" if plan.cost.in_house > scenario.budget_sek
                else "retainers_over_budget") in said


@PROPERTY
@given(scenarios())
def test_a_person_over_capacity_always_has_a_finding(scenario):
    plan = simulate(scenario, CATALOG)
    flagged = {f.seat for f in plan.findings if f.rule_id == "over_capacity"}
    for person in plan.people:
        if person.hours > person.capacity + TOL:
            assert person.seat in flagged, person
        # work handed out never overloads anyone: only coordination can push a seat over
        assert person.hours - person.coordination_hours <= person.capacity + TOL
    assert flagged <= {person.seat for person in plan.people}


@PROPERTY
@given(scenarios(), budgets, budgets)
def test_more_budget_never_lowers_coverage(scenario, first, second):
    low, high = sorted((first, second))
    poor = simulate(scenario.replace(budget_sek=low), CATALOG)
    rich = simulate(scenario.replace(budget_sek=high), CATALOG)
    # more money never makes the plan worse by its own objective (the old plan is still possible)
    assert rich.objective >= poor.objective - TOL
    if rich.objective > poor.objective + TOL:
        # it may buy a better plan instead of more hours: better-fitting work, or a team the
        # solver chooses that now includes someone who leads; then coverage may give way
        return
    assert rich.overall_coverage >= poor.overall_coverage - TOL
    # a capability can lose in-house hours only to the orderer's time for what more money buys
    ordering = max(0.0, rich.coordination_hours - poor.coordination_hours)
    for cap in CAPABILITIES:
        lost = (poor.coverage[cap] - rich.coverage[cap]) * rich.demand[cap]
        assert lost <= ordering + TOL, cap
    assert rich.cost.external >= poor.cost.external - TOL


@PROPERTY
@given(scenarios())
def test_same_input_same_plan(scenario):
    again = Scenario.from_query_params(scenario.to_query_params())
    assert simulate(scenario, CATALOG).to_dict() == simulate(again, CATALOG).to_dict()
    assert simulate(scenario, CATALOG) == simulate(scenario, CATALOG)


@PROPERTY
@given(scenarios())
def test_coverage_is_a_share(scenario):
    plan = simulate(scenario, CATALOG)
    assert 0.0 <= plan.overall_coverage <= 1.0
    for cap in CAPABILITIES:
        assert 0.0 <= plan.coverage[cap] <= 1.0
        if plan.demand[cap] <= 0:
            assert plan.coverage[cap] == 1.0
    for person in plan.people:
        assert person.utilisation >= 0


@PROPERTY
@given(scenarios())
def test_choices_and_rules_are_honoured(scenario):
    plan = simulate(scenario, CATALOG)
    kept_in = set(scenario.insource) - set(scenario.outsource)
    for line in plan.assignments:
        if line.provider_type != "in_house":
            assert line.capability not in kept_in
            assert line.capability != "lead" or "lead" in scenario.outsource
            assert line.fit >= CATALOG.settings.primary_fit - 1e-9
        else:
            assert line.fit >= CATALOG.settings.min_fit - 1e-9
            if line.capability in scenario.outsource and line.capability not in scenario.insource:
                raise AssertionError(f"{line.capability} was outsourced but done in-house")
    team = scenario.team or None
    if team:
        assert [p.role for p in plan.people if p.in_team] == list(team)
    else:  # the solver fills up to team_size seats, never beyond the budget, and says so
        filled = sum(1 for p in plan.people if p.in_team)
        assert filled <= scenario.team_size
        retained = sum(use.fee_sek_year for use in plan.retainers)  # paid as given
        # the organisation model's spokes are paid whole, as its structure sets them
        spokes = sum(seat.annual_cost for seat in spoke_seats(scenario, CATALOG))
        assert plan.cost.total <= max(scenario.budget_sek, retained + spokes) + 0.01
        assert (filled < scenario.team_size) == ("team_not_filled" in {f.rule_id for f in plan.findings})


@PROPERTY
@given(scenarios(), st.sampled_from(ROLES))
def test_one_more_hire_with_its_cost_never_makes_the_plan_worse(scenario, role):
    team = scenario.team or ("social_media_manager",)
    if len(team) >= 30:
        return
    before = scenario.replace(team=team, team_size=len(team))
    cost = CATALOG.roles[role].annual_cost_sek
    if before.budget_sek + cost > BUDGET.high:
        return
    after = before.replace(team=team + (role,), team_size=len(team) + 1,
                           budget_sek=before.budget_sek + round(cost))
    poor, rich = simulate(before, CATALOG, limits=False), simulate(after, CATALOG, limits=False)
    # the old plan is still possible (the new seat idle, the same money for fees), so the optimum
    # never falls; coverage gives way only to a plan better by the objective (better-fitting work)
    assert rich.objective >= poor.objective - TOL
    if rich.objective <= poor.objective + TOL:
        assert rich.overall_coverage >= poor.overall_coverage - TOL


@PROPERTY
@given(scenarios())
def test_a_plan_without_warnings_has_most_work_done_and_nobody_over_capacity(scenario):
    """The headline "0 critical, 0 warnings" never stands beside less than 60 % of the work done
    or anyone over capacity; a capability below a quarter done, or less than 40 % of all work,
    is critical."""
    plan = simulate(scenario, CATALOG)
    severities = {finding.severity for finding in plan.findings}
    if not severities & {"warning", "critical"}:
        assert plan.overall_coverage >= 0.6 - TOL
        assert all(person.utilisation <= 1.0 + TOL for person in plan.people)
    if plan.overall_coverage < 0.4 - TOL or any(
            plan.coverage[cap] < 0.25 - TOL for cap in CAPABILITIES if plan.demand[cap] > 0):
        assert "critical" in severities
