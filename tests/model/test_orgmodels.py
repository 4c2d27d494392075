"""Organisation models (model/orgmodels.py, model/orgcompare.py; data/orgmodels.yaml; issue 14):
each of Altimeter's five models loads and gives a valid plan, more units, brands and languages are
more work, the default scenario is exactly as before, spokes are part-time people doing only what
their model lets them, and a bad data file names its file, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from model import CatalogError, Scenario, load_catalog, raci, simulate
from model.demand import compute_demand
from model.orgcompare import compare_models
from model.orgmodels import (
    DATA_DIR,
    SPOKE_CAPABILITIES,
    demand_factors,
    extra_hours,
    is_spoke_seat,
    load_org_models,
    org_models,
    spoke_seats,
)
from model.scenario import ORG_MODELS
from model.vocab import CAPABILITIES, ROLES

CATALOG = load_catalog()
TOL = 1e-4
REALISTIC = dict(team_size=3, budget_sek=3_000_000, business_units=4, brands=2, languages=2,
                 posts_per_week=20, inbound_per_week=400)


def _hours(scenario: Scenario, *caps: str) -> float:
    pools = compute_demand(scenario, CATALOG)
    return sum(sum(pools[cap].values()) for cap in caps)


# ---- the data -------------------------------------------------------------------------------------
def test_the_five_models_load_with_their_texts_and_sources():
    models = org_models()
    assert tuple(model.id for model in models) == ORG_MODELS
    for model in models:
        assert model.name and model.description and model.fits_when and "Altimeter" in model.source
        for scale in ("per_unit", "per_brand", "per_language"):
            assert model.sources[scale], (model.id, scale)
            assert set(getattr(model, scale)) <= set(CAPABILITIES)
        for group in model.spokes:
            assert group.role in ROLES and group.source
            assert set(group.capabilities) <= set(SPOKE_CAPABILITIES) and "strategy" not in group.capabilities
            assert 0 < group.hours_week < CATALOG.roles[group.role].capacity_hours  # partial hours
    by_id = {model.id: model for model in models}
    assert by_id["centralized"].spokes == ()
    assert all(by_id[model].spokes for model in ORG_MODELS if model != "centralized")
    assert "41 %" in by_id["hub_and_spoke"].source and "29 %" in by_id["centralized"].source


def test_the_default_scenario_is_exactly_as_before():
    assert demand_factors(Scenario()) == dict.fromkeys(CAPABILITIES, 1.0)
    assert extra_hours(Scenario()) == {}
    assert spoke_seats(Scenario(), CATALOG) == ()
    plan = simulate(Scenario(), CATALOG)
    assert all(person.in_team or not is_spoke_seat(person.seat) for person in plan.people)
    assert not any(is_spoke_seat(line.seat) for line in plan.assignments)


# ---- valid plans ----------------------------------------------------------------------------------
@pytest.mark.parametrize("model", ORG_MODELS)
@pytest.mark.parametrize("shape", [{}, REALISTIC, dict(REALISTIC, team_size=0, budget_sek=400_000),
                                   dict(REALISTIC, team=("social_media_manager",), business_units=12)])
def test_each_model_gives_a_valid_plan(model, shape):
    scenario = Scenario(**shape).replace(org_model=model)
    plan = simulate(scenario, CATALOG)
    for cap in CAPABILITIES:
        assigned = sum(line.hours for line in plan.assignments if line.capability == cap)
        assert assigned <= plan.demand[cap] + TOL
        assert abs(assigned + plan.uncovered[cap] - plan.demand[cap]) <= TOL
    assert 0.0 <= plan.overall_coverage <= 1.0
    retained = sum(use.fee_sek_year for use in plan.retainers)
    # the model's spokes are paid whole, as the structure sets them: the solver chooses the team
    # and buys within what the budget leaves, never beyond it (the spokes alone may be)
    spokes_cost = sum(seat.annual_cost for seat in spoke_seats(scenario, CATALOG))
    if not scenario.team:
        assert plan.cost.total <= max(scenario.budget_sek, retained + spokes_cost) + 0.01
    if spokes_cost > scenario.budget_sek:
        assert "in_house_over_budget" in {finding.rule_id for finding in plan.findings}
    assert abs(plan.cost.total - plan.cost.in_house - plan.cost.external) <= TOL
    for person in plan.people:
        assert person.hours - person.coordination_hours <= person.capacity + TOL
    assert len(raci(plan, CATALOG)) == len(CAPABILITIES)  # every line's party is known
    spokes = [person for person in plan.people if is_spoke_seat(person.seat)]
    assert len(spokes) == len(spoke_seats(scenario, CATALOG))
    assert (model == "centralized") == (not spokes)


def test_spokes_are_part_time_people_outside_the_team_doing_only_their_capabilities():
    scenario = Scenario(**REALISTIC, org_model="hub_and_spoke")
    seats = spoke_seats(scenario, CATALOG)
    # a content contributor per unit and a support contributor per language
    assert [seat.role for seat in seats] == ["content_manager"] * 4 + ["customer_support"] * 2
    assert [seat.seat for seat in seats] == [f"SP{i}" for i in range(1, 7)]
    allowed = {seat.seat: set(seat.capabilities) for seat in seats}
    plan = simulate(scenario, CATALOG)
    people = {person.seat: person for person in plan.people}
    weeks = CATALOG.settings.weeks_per_year
    for seat in seats:
        role = CATALOG.roles[seat.role]
        person = people[seat.seat]
        assert not person.in_team and person.role == seat.role
        assert person.capacity == seat.capacity < role.capacity_hours
        assert seat.annual_cost == pytest.approx(seat.capacity / role.capacity_hours * role.annual_cost_sek)
        lines = [line for line in plan.assignments if line.seat == seat.seat]
        assert {line.capability for line in lines} <= allowed[seat.seat]
        assert all(line.provider_type == "in_house" and line.provider == seat.role for line in lines)
        # the social budget pays for the hours given, at the role's cost per hour
        per_hour = role.annual_cost_sek / (role.capacity_hours * weeks)
        assert person.cost_sek == pytest.approx(person.hours * per_hour * weeks)
        assert sum(line.cost_sek for line in lines) == pytest.approx(person.cost_sek)
    assert sum(person.hours for person in plan.people if is_spoke_seat(person.seat)) > 0
    in_team = sum(person.cost_sek for person in plan.people if person.in_team)
    spokes = sum(person.cost_sek for person in plan.people if is_spoke_seat(person.seat))
    assert plan.cost.in_house == pytest.approx(in_team + spokes)
    assert sum(1 for person in plan.people if person.in_team) <= scenario.team_size


def test_spokes_never_do_strategy_and_the_team_still_leads():
    for model in ORG_MODELS:
        plan = simulate(Scenario(**REALISTIC, org_model=model), CATALOG)
        assert not any(is_spoke_seat(line.seat) for line in plan.assignments if line.capability == "strategy")


def test_a_group_of_spokes_is_capped():
    many = Scenario(org_model="holistic", business_units=50)
    groups = {model.id: model for model in org_models()}["holistic"].spokes
    assert len(spoke_seats(many, CATALOG)) == sum(group.most for group in groups)


# ---- more units, brands and languages are more work ----------------------------------------------
@pytest.mark.parametrize("model", ORG_MODELS)
def test_more_units_increase_the_coordination_load(model):
    loads = [_hours(Scenario(org_model=model, business_units=units), "lead", "plan")
             for units in (1, 2, 3, 5, 8, 20, 50)]
    assert all(later > earlier for earlier, later in zip(loads, loads[1:], strict=False))
    factors = [demand_factors(Scenario(org_model=model, business_units=units)) for units in (1, 4)]
    assert all(factors[1][cap] >= factors[0][cap] for cap in CAPABILITIES)


@pytest.mark.parametrize("model", ORG_MODELS)
def test_more_languages_and_brands_increase_community_and_creation(model):
    for field, values in (("languages", (1, 2, 4, 20)), ("brands", (1, 2, 4, 50))):
        for cap in ("community", "create"):
            hours = [_hours(Scenario(org_model=model, **{field: value}), cap) for value in values]
            pairs = zip(hours, hours[1:], strict=False)
            assert all(later > earlier for earlier, later in pairs), (field, cap)


def test_more_units_make_the_centralized_plan_more_coordination_and_its_coverage_no_better():
    plans = [simulate(Scenario(budget_sek=2_500_000, business_units=units), CATALOG) for units in (1, 4)]
    assert plans[1].demand["lead"] > plans[0].demand["lead"]
    assert plans[1].demand["plan"] > plans[0].demand["plan"]
    assert plans[1].overall_coverage <= plans[0].overall_coverage + TOL


# ---- the comparison -------------------------------------------------------------------------------
def test_compare_models_summarises_each_model_for_the_same_workload():
    scenario = Scenario(**REALISTIC)
    rows = compare_models(scenario, CATALOG)
    assert tuple(row.model for row in rows) == ORG_MODELS
    for row in rows:
        plan = simulate(scenario.replace(org_model=row.model), CATALOG, limits=False)
        assert row.coverage == pytest.approx(plan.overall_coverage)
        assert row.cost == pytest.approx(plan.cost.total)
        assert row.hub_people == sum(1 for person in plan.people if person.in_team) <= 3
        assert row.spokes == len(spoke_seats(scenario.replace(org_model=row.model), CATALOG))
        assert 0 <= row.spoke_hours <= row.spoke_capacity + TOL
        assert row.coordination_hours == pytest.approx(plan.demand["lead"] + plan.demand["plan"])
        assert row.critical == plan.count("critical")
        assert not row.over_budget
    by_id = {row.model: row for row in rows}
    assert by_id["centralized"].spokes == 0 and by_id["holistic"].spokes > by_id["hub_and_spoke"].spokes


# ---- bad data -------------------------------------------------------------------------------------
TEXT = (DATA_DIR / "orgmodels.yaml").read_text(encoding="utf-8")
HUB = "orgmodels[2] (id=hub_and_spoke)"


def _write(folder: Path, text: str) -> Path:
    (folder / "orgmodels.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("old", "new", "entry", "key", "code"), [
    ("capabilities: [create, administer]\n        counts_in_budget: true\n        lead_hours: 0.5",
     "capabilities: [create, strategy]\n        counts_in_budget: true\n        lead_hours: 0.5",
     HUB, "spokes[0].capabilities[1]", "value.unknown"),
    ("needs: {business_units: 2}\n    source: \"Altimeter Group, Social Business Models (2010): hub",
     "needs: {business_unit: 2}\n    source: \"Altimeter Group, Social Business Models (2010): hub",
     HUB, "needs.business_unit", "key.unknown"),
    ("needs: {business_units: 2}\n    source: \"Altimeter Group, Social Business Models (2010): hub",
     "needs: {business_units: 0}\n    source: \"Altimeter Group, Social Business Models (2010): hub",
     HUB, "needs.business_units", "number.range"),
    ("  - role: customer_support\n        hours_week: 4", "  - role: customer_suport\n        hours_week: 4",
     HUB, "spokes[1].role", "value.unknown"),
    ("hours_week: 6", "hours_week: 60", HUB, "spokes[0].hours_week", "number.range"),
    ("hours_week: 6", "hours_week: six", HUB, "spokes[0].hours_week", "number.expected"),
    ("per: language", "per: country", HUB, "spokes[1].per", "value.unknown"),
    ("count: 1\n        most: 20", "count: 1.5\n        most: 20", HUB, "spokes[1].count",
     "number.not_whole"),
    ("values: {strategy: 0.05, lead: 0.20,", "values: {strategy: 0.05, leed: 0.20,", HUB,
     "per_unit.values.leed", "value.unknown"),
    ("values: {strategy: 0.05, lead: 0.20,", "values: {strategy: 0.05, lead: -0.20,", HUB,
     "per_unit.values.lead", "number.range"),
    ("  - id: hub_and_spoke\n", "  - id: hub_and_spoke\n    colour: blue\n", HUB, "colour", "key.unknown"),
    ("  - id: dandelion\n", "  - id: hub_and_spoke\n", "orgmodels[3] (id=hub_and_spoke)", "id",
     "id.duplicate"),
    ("  - id: holistic\n", "  - id: holistik\n", "orgmodels[4] (id=holistik)", "id", "value.unknown"),
])
def test_a_bad_data_file_names_file_entry_and_key(tmp_path, old, new, entry, key, code):
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    with pytest.raises(CatalogError) as caught:
        load_org_models(_write(tmp_path, text))
    error = caught.value
    assert error.file == f"{tmp_path.resolve()}/orgmodels.yaml"
    assert (error.entry, error.key, error.problem.code) == (entry, key, code)


def test_a_missing_model_file_or_entry_is_named(tmp_path):
    with pytest.raises(CatalogError) as caught:
        load_org_models(tmp_path)
    assert caught.value.problem.code == "data.file_missing"
    start = TEXT.index("  - id: holistic")
    with pytest.raises(CatalogError) as caught:
        load_org_models(_write(tmp_path, TEXT[:start]))
    assert (caught.value.entry, caught.value.problem.code) == (None, "data.entry_missing")
    assert caught.value.problem.get("id") == "holistic"
    with pytest.raises(CatalogError) as caught:
        load_org_models(_write(tmp_path, "models: []\n"))
    assert (caught.value.key, caught.value.problem.code) == ("orgmodels", "data.top_key_missing")


def test_a_good_copy_loads_and_an_unpaid_spoke_costs_nothing(tmp_path):
    folder = _write(tmp_path, TEXT.replace("counts_in_budget: true", "counts_in_budget: false"))
    assert [model.id for model in load_org_models(folder)] == list(ORG_MODELS)
    seats = spoke_seats(Scenario(org_model="hub_and_spoke", business_units=3), CATALOG, folder)
    assert len(seats) == 4 and all(seat.annual_cost == 0 for seat in seats)


def test_a_model_says_what_organisation_it_is_meant_for():
    """Distributed and hub and spoke need two business units or more, dandelion two brands: the
    comparison says so rather than ranking a one-unit "distributed" model beside the others."""
    one = Scenario(team_size=2, budget_sek=1_500_000)
    rows = {row.model: row for row in compare_models(one, CATALOG)}
    assert rows["centralized"].fits and rows["holistic"].fits
    assert rows["distributed"].unmet == (("business_units", 2, 1),)
    assert rows["dandelion"].unmet == (("brands", 2, 1),)
    many = one.replace(business_units=3, brands=2)
    assert all(row.fits for row in compare_models(many, CATALOG))


def test_spokes_are_paid_for_the_hours_set_aside_for_them():
    """A spoke's hours are taken from their unit whether the plan uses them or not: the plan pays
    them whole, as it pays a seat, and they are in the in-house cost."""
    scenario = Scenario(team=("social_media_manager",), budget_sek=3_000_000, org_model="hub_and_spoke",
                        business_units=3, posts_per_week=1, inbound_per_week=10)
    plan = simulate(scenario, CATALOG)
    seats = spoke_seats(scenario, CATALOG)
    spokes = {person.seat: person for person in plan.people if is_spoke_seat(person.seat)}
    assert spokes and set(spokes) == {seat.seat for seat in seats}
    for seat in seats:
        assert spokes[seat.seat].cost_sek == pytest.approx(seat.annual_cost)
    team = sum(person.cost_sek for person in plan.people if person.in_team)
    assert plan.cost.in_house == pytest.approx(team + sum(seat.annual_cost for seat in seats))


@pytest.mark.parametrize("model", ["distributed", "hub_and_spoke", "dandelion", "holistic"])
def test_a_spoke_backs_up_or_covers_only_what_its_model_lets_it_do(model):
    """The July test and the single points give a spoke only its model's capabilities."""
    from model import continuity
    from model.orgmodels import spoke_seats

    scenario = Scenario(team=("social_media_manager", "community_manager"), budget_sek=2_500_000,
                        org_model=model, business_units=3, brands=2, languages=2)
    catalog = load_catalog()
    allowed = {spoke.seat: set(spoke.capabilities) for spoke in spoke_seats(scenario, catalog)}
    result = continuity(simulate(scenario, catalog), catalog)
    for point in result.single_points:
        if point.backup in allowed:
            assert point.capability in allowed[point.backup]
    for absence in result.absences:
        for cover in absence.covered:
            if cover.seat in allowed:
                assert cover.capability in allowed[cover.seat]


@pytest.mark.parametrize("model", ORG_MODELS)
def test_a_message_is_answered_once_whatever_the_brands_and_languages(model):
    """The workload inputs are the whole organisation's volume: more brands, languages or units do
    not multiply the time spent handling its messages (they do its inbox upkeep and outreach)."""
    one = Scenario(org_model=model, inbound_per_week=400, handling_minutes=5)
    many = one.replace(business_units=4, brands=3, languages=2)
    handling = 400 * 5 / 60
    quiet_one, quiet_many = (compute_demand(s.replace(inbound_per_week=0), CATALOG)["community"]
                             for s in (one, many))
    busy_one, busy_many = (compute_demand(s, CATALOG)["community"] for s in (one, many))
    for pool in ("other", "video"):
        assert busy_many[pool] - quiet_many[pool] == pytest.approx(busy_one[pool] - quiet_one[pool])
    assert sum(busy_many.values()) - sum(quiet_many.values()) == pytest.approx(handling, rel=0.01)
    assert sum(quiet_many.values()) > sum(quiet_one.values())  # the rest of community work grows
