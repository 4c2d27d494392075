"""model.assumptions: the tables, edits and their validation, YAML import/export, sensitivity.

The model words nothing: tables, units and sources are codes, rows name what they are about by an
id and the data's English name, and a refused edit is a model.errors.Problem (ui/ words them:
tests/ui/test_assumption_texts.py)."""

from __future__ import annotations

import math
import pickle

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import CatalogError, Scenario, build_catalog, simulate
from model.assumptions import (
    SOURCE_CODES,
    TABLE_IDS,
    UNIT_CODES,
    AssumptionError,
    apply_edits,
    assumption_cells,
    assumption_tables,
    differences,
    import_yaml,
    parse_number,
    read_param_labels,
    reset_table,
    sensitivity,
    varied_values,
    with_value,
)
from model.errors import Problem
from model.vocab import CAPABILITIES, PROVIDERS, ROLES
from tests.conftest import entry

SMM = ("social_media_manager", "pay_sek_month")


def solo(**fields) -> Scenario:
    """One social media manager with budget to spare, so in-house cost changes show in the total."""
    return Scenario(**{"team": ("social_media_manager",), "budget_sek": 6_000_000, **fields})


# ---- the tables ---------------------------------------------------------------------------------
def test_every_table_in_order_with_units_and_sources(catalog):
    tables = assumption_tables(catalog)
    assert tuple(tables) == TABLE_IDS
    names = {catalog.name(ident) for ident in (*ROLES, *PROVIDERS, *CAPABILITIES)}
    rule_names = {rule.id: getattr(rule, "name", "") or "" for rule in catalog.rules}  # none in data yet
    for table in tables.values():
        assert table.rows, table.id
        for row in table.rows:
            # what the row is about: the data's English name, or (settings) an id ui/ words
            expected = {"settings": "", "rules": rule_names.get(row.subject)}.get(table.id, row.name)
            assert row.name == expected and (row.name in names or table.id in ("settings", "rules")), row
            assert (row.unit in UNIT_CODES) == table.long, row
        for cell in table.cells.values():
            assert cell.unit in UNIT_CODES, cell.key
            assert cell.source.strip(), cell.key
            assert (cell.subject, cell.name, cell.detail) == next(
                (row.subject, row.name, row.detail) for row in table.rows if row.id == cell.row)
    fits = [cell for cell in tables["role_fit"].cells.values() if cell.column == "create"]
    assert {cell.column_name for cell in fits} == {catalog.name("create")}


def test_tables_hold_every_number_the_issue_names(catalog):
    tables = assumption_tables(catalog)
    assert {row.id for row in tables["pay"].rows} == set(ROLES)
    assert {row.id for row in tables["providers"].rows} == set(PROVIDERS)
    assert [column.key for column in tables["role_fit"].columns] == list(CAPABILITIES)
    for role_id, role in catalog.roles.items():
        assert tables["pay"].cell(role_id, "pay_sek_month").value == role.pay_sek_month
        assert tables["pay"].cell(role_id, "capacity_hours").value == role.capacity_hours
        assert tables["pay"].cell(role_id, "pay_sek_month").source == role.pay_source
        for cap in CAPABILITIES:
            assert tables["role_fit"].cell(role_id, cap).value == role.fit.get(cap)
    for provider_id, provider in catalog.providers.items():
        row = tables["providers"]
        assert row.cell(provider_id, "rate_sek_hour").value == provider.rate_sek_hour
        assert row.cell(provider_id, "min_retainer_sek_month").value == provider.min_retainer_sek_month
        assert row.cell(provider_id, "max_hours_week").value == provider.max_hours_week
    assert tables["settings"].cell("employer_cost_multiplier", "value").value == \
        catalog.settings.employer_cost_multiplier
    demand_values = sorted(cell.value for cell in tables["demand"].cells.values())
    expected = sorted([rule.base_hours for rule in catalog.demand]
                      + [term.hours for rule in catalog.demand for term in rule.terms])
    assert demand_values == expected
    params = {row.id for row in tables["rules"].rows}
    assert "lead_in_house.min_share" in params and "over_capacity.max_utilisation" in params


@pytest.mark.parametrize(("row", "label", "unit"), [
    ("seat_underused.min_utilisation", "minimum utilisation", "utilisation"),
    ("over_capacity.critical_above", "critical above", "utilisation"),
    ("analysis_two_kinds.bonus", "bonus per hour", "points_h"),
    ("orderer_has_no_time.min_unspent_sek", "unspent budget from", "sek_year"),
    ("video_needs_video_people.above", "applies above", "share"),  # a threshold on video_share
    ("ads_by_specialist.above", "applies above", "sek_month"),  # ... on ad_spend_sek_month
])
def test_rule_parameters_are_labelled_and_in_units_from_their_kind(catalog, row, label, unit):
    """Labels by the label key the kind declares (data/rule_labels.yaml: English msgids), units
    by its unit key (a threshold on a scenario field: that field's)."""
    [found] = [item for item in assumption_tables(catalog)["rules"].rows if item.id == row]
    assert (found.subject, found.detail, found.unit) == (row.split(".")[0], label, unit)


def test_the_label_texts_are_checked_when_read(tmp_path):
    path = tmp_path / "rule_labels.yaml"
    path.write_text("labels:\n  min_share: minimum share\n  target: ' target share '\n", encoding="utf-8")
    assert read_param_labels(path) == {"min_share": "minimum share", "target": "target share"}
    path.write_text("labels:\n  min_share: {en: minimum share, sv: minsta andel}\n", encoding="utf-8")
    assert read_param_labels(path) == {"min_share": "minimum share"}  # the older form: its English
    for text, code, where in (("labels:\n  min_share: ''\n", "text.expected", "min_share"),
                              ("labels:\n  min_share: [a]\n", "text.expected", "min_share"),
                              ("labels:\n  min_share: {sv: minsta andel}\n", "text.expected", "min_share"),
                              ("labels: [min_share]\n", "type.mapping", None),
                              ("labels: {a: b\n", "yaml.invalid", None)):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CatalogError) as caught:
            read_param_labels(path)
        assert (caught.value.problem.code, caught.value.entry) == (code, where), text
    with pytest.raises(CatalogError) as caught:
        read_param_labels(tmp_path / "none.yaml")
    assert caught.value.problem.code == "data.file_missing"


def test_sources_say_estimate_when_there_is_no_outside_figure(catalog):
    tables = assumption_tables(catalog)
    assert tables["pay"].cell("web_analyst", "pay_sek_month").source == "estimate"
    assert tables["providers"].cell("video_production_agency", "min_retainer_sek_month").source == "estimate"
    assert "Akavia" in tables["pay"].cell("social_media_manager", "pay_sek_month").source
    assert tables["pay"].cell("copywriter", "capacity_hours").source == "estimate.capacity"
    assert tables["role_fit"].cell("copywriter", "create").source == "estimate.role_fit"
    assert tables["rules"].cell("lead_in_house.min_share", "value").source == "estimate.guidance.2"
    codes = {cell.source for cell in assumption_cells(catalog).values()
             if cell.source.startswith("estimate.")}
    assert codes <= {*SOURCE_CODES, *(f"estimate.guidance.{item}" for item in range(1, 10))}


def frame_of(table) -> pd.DataFrame:
    """The table's values as the data editor holds them (ui/assumption_texts.table_frame adds names)."""
    return pd.DataFrame({column.key: [math.nan if table.cells[(row.id, column.key)].value is None
                                      else table.cells[(row.id, column.key)].value for row in table.rows]
                         for column in table.columns}, dtype="float64")


def test_unchanged_frame_means_no_edits(catalog):
    for table in assumption_tables(catalog).values():
        frame = frame_of(table)
        assert table.edits_from_frame(frame) == {}
        assert table.edits_from_frame(frame.copy()) == {}
        assert table.edits_from_frame(None) == {}


def test_frame_edits_found_by_cell(catalog):
    table = assumption_tables(catalog)["pay"]
    frame = frame_of(table)
    frame.insert(0, "id", [row.id for row in table.rows])
    row = list(frame["id"]).index("social_media_manager")
    frame.loc[row, "pay_sek_month"] = 50_000.0
    frame.loc[0, "employer_cost_multiplier"] = math.nan  # was blank: still no edit
    assert table.edits_from_frame(frame) == {SMM: 50_000.0}
    frame.loc[row, "capacity_hours"] = math.nan
    assert math.isnan(table.edits_from_frame(frame)[("social_media_manager", "capacity_hours")])
    assert table.edits_from_frame(frame.iloc[:3]) == {}  # a frame of other rows is not read as edits


# ---- edits change the plan as expected ------------------------------------------------------------
def test_pay_edit_changes_in_house_cost_by_the_loaded_difference(catalog):
    before = simulate(solo(), catalog)
    edited = apply_edits(catalog, "pay", {SMM: 50_000})
    after = simulate(solo(), edited)
    multiplier = catalog.settings.employer_cost_multiplier
    assert after.cost.in_house - before.cost.in_house == pytest.approx(5_000 * 12 * multiplier)
    assert after.cost.total > before.cost.total
    assert edited.roles["social_media_manager"].pay_sek_month == 50_000
    assert catalog.roles["social_media_manager"].pay_sek_month == 45_000  # the old set is untouched


def test_capacity_edit_changes_the_person(catalog):
    edited = apply_edits(catalog, "pay", {("social_media_manager", "capacity_hours"): 20})
    person = simulate(solo(), edited).people[0]
    assert person.capacity == 20
    assert person.hours <= simulate(solo(), catalog).people[0].hours


def test_employer_multiplier_setting_and_own_multiplier(catalog):
    base = simulate(solo(), catalog).cost.in_house
    setting = apply_edits(catalog, "settings", {("employer_cost_multiplier", "value"): 1.0})
    multiplier = catalog.settings.employer_cost_multiplier
    assert simulate(solo(), setting).cost.in_house == pytest.approx(base / multiplier)
    own = apply_edits(catalog, "pay", {("social_media_manager", "employer_cost_multiplier"): 2.0})
    assert simulate(solo(), own).cost.in_house == pytest.approx(45_000 * 12 * 2.0)
    assert own.raw["roles"]["roles"][4]["employer_cost_multiplier"] == 2
    blank = apply_edits(own, "pay", {("social_media_manager", "employer_cost_multiplier"): None})
    assert blank.fingerprint == catalog.fingerprint  # blank leaves the key out again


def test_rate_edit_changes_external_cost(catalog):
    scenario = solo()
    before = simulate(scenario, catalog)
    bought = {line.provider for line in before.assignments if line.provider_type == "freelancer"}
    assert bought, "the scenario should buy from a freelancer"
    provider = sorted(bought)[0]
    rate = catalog.providers[provider].rate_sek_hour
    edited = apply_edits(catalog, "providers", {(provider, "rate_sek_hour"): rate * 2})
    after = simulate(scenario, edited)
    weeks = catalog.settings.weeks_per_year
    for line in after.assignments:
        if line.provider == provider:
            assert line.cost_sek == pytest.approx(line.hours * rate * 2 * weeks)


def test_demand_coefficient_edit_changes_demand(catalog):
    scenario = solo(inbound_per_week=300)
    before = simulate(scenario, catalog).demand["community"]
    term = assumption_tables(catalog)["demand"].cell("community.inbound_hours", "value")
    edited = apply_edits(catalog, "demand", {("community.inbound_hours", "value"): term.value * 2})
    assert simulate(scenario, edited).demand["community"] - before == pytest.approx(term.value * 300 * 5 / 60)


def test_fit_blank_removes_a_capability_from_a_role(catalog):
    edited = apply_edits(catalog, "role_fit", {("social_media_manager", "administer"): None})
    assert "administer" not in edited.roles["social_media_manager"].fit
    plan = simulate(solo(), edited)
    assert not [line for line in plan.assignments
                if line.seat == "S1" and line.capability == "administer"]


def test_freelancer_limit_blank_means_no_limit(catalog):
    edited = apply_edits(catalog, "providers", {("freelance_designer", "max_hours_week"): float("nan")})
    assert edited.providers["freelance_designer"].max_hours_week is None


def test_rule_parameter_edit_changes_findings(catalog):
    scenario = solo(budget_sek=800_000)  # the manager alone carries five capabilities
    plan = simulate(scenario, catalog)
    assert any(finding.rule_id == "one_person_cannot_do_everything" for finding in plan.findings)
    key = ("one_person_cannot_do_everything.max_capabilities", "value")
    relaxed = apply_edits(catalog, "rules", {key: 9})
    assert not any(finding.rule_id == "one_person_cannot_do_everything"
                   for finding in simulate(scenario, relaxed).findings)
    key = ("one_person_cannot_do_everything.max_capabilities", "value")
    count = apply_edits(catalog, "rules", {key: 7.0})
    params = next(rule.params for rule in count.rules if rule.id == "one_person_cannot_do_everything")
    assert params["max_capabilities"] == 7 and isinstance(params["max_capabilities"], int)


def test_text_with_separators_is_read_as_a_number(catalog):
    edited = apply_edits(catalog, "pay", {SMM: "50 000"})
    assert edited.roles["social_media_manager"].pay_sek_month == 50_000
    edited = apply_edits(catalog, "settings", {("employer_cost_multiplier", "value"): "1,5"})
    assert edited.settings.employer_cost_multiplier == 1.5
    typed_numbers = (("1,500", 1500), ("61,000", 61_000), ("123,456.5", 123_456.5), ("48\u00a0000", 48_000))
    for typed, number in typed_numbers:
        assert apply_edits(catalog, "pay", {SMM: typed}).roles["social_media_manager"].pay_sek_month == number
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, "pay", {SMM: "4 5 x"})
    assert caught.value.problem == Problem("number.expected", {"got": "'4 5 x'"})


def test_editing_back_gives_the_shipped_catalog(catalog):
    edited = apply_edits(catalog, "pay", {SMM: 50_000})
    assert differences(catalog, edited)[0].cell.key == ("pay", *SMM)
    back = apply_edits(edited, "pay", {SMM: 45_000.0})
    assert back.fingerprint == catalog.fingerprint
    assert differences(catalog, back) == ()
    fit = apply_edits(catalog, "role_fit", {("head_of_marketing", "strategy"): 0.5})
    back = apply_edits(fit, "role_fit", {("head_of_marketing", "strategy"): 1})
    assert back.fingerprint == catalog.fingerprint


def test_no_change_returns_the_same_catalog(catalog):
    assert apply_edits(catalog, "pay", {SMM: 45_000}) is catalog
    assert apply_edits(catalog, "pay", {}) is catalog


# ---- invalid edits are refused and leave the set in force --------------------------------------------
def out_of(low: float, high: float, got) -> Problem:
    return Problem("number.range", {"low": low, "high": high, "got": got})


BAD_EDITS = [
    ("pay", SMM, -5, out_of(0, 1_000_000, -5)),
    ("pay", SMM, 5_000_000, out_of(0, 1_000_000, 5_000_000)),
    ("pay", ("social_media_manager", "capacity_hours"), 200, out_of(0, 80, 200)),
    ("pay", ("social_media_manager", "capacity_hours"), -1, out_of(0, 80, -1)),
    ("pay", ("social_media_manager", "employer_cost_multiplier"), 0.5, out_of(1, 3, 0.5)),
    ("role_fit", ("social_media_manager", "create"), 1.5, out_of(0, 1, 1.5)),
    ("provider_fit", ("social_media_agency", "create"), -0.1, out_of(0, 1, -0.1)),
    ("rules", ("lead_in_house.min_share", "value"), 1.2, out_of(0, 1, 1.2)),
    ("rules", ("one_person_cannot_do_everything.max_capabilities", "value"), 2.5,
     Problem("number.not_whole", {"got": 2.5})),
    ("settings", ("weeks_per_year", "value"), 60, out_of(1, 52, 60)),
    ("providers", ("social_media_agency", "rate_sek_hour"), 0, out_of(1, 100_000, 0)),
    ("providers", ("social_media_agency", "min_retainer_sek_month"), -100, out_of(0, 5_000_000, -100)),
    ("providers", ("freelance_designer", "max_hours_week"), 169, out_of(0, 168, 169)),
    ("demand", ("community.inbound_hours", "value"), -0.1, out_of(0, 100, -0.1)),
    ("demand", ("strategy.base_hours", "value"), 169, out_of(0, 168, 169)),
    ("pay", SMM, math.nan, Problem("cell.empty")),
    ("pay", SMM, None, Problem("cell.empty")),
    ("pay", SMM, "", Problem("cell.empty")),
    ("pay", SMM, "abc", Problem("number.expected", {"got": "'abc'"})),
    ("pay", SMM, True, Problem("number.expected", {"got": "True"})),
    ("pay", SMM, math.inf, Problem("number.not_finite", {"got": "inf"})),
    ("pay", SMM, 1e308, out_of(0, 1_000_000, 1e308)),
    ("pay", SMM, 10 ** 400, Problem("number.expected", {"got": "~1e400"})),
    ("providers", ("social_media_agency", "min_retainer_sek_month"), -math.inf,
     Problem("number.not_finite", {"got": "-inf"})),
]


@pytest.mark.parametrize(("table", "cell", "value", "problem"), BAD_EDITS)
def test_invalid_edit_is_refused_with_table_row_and_column(catalog, table, cell, value, problem):
    raw_before = catalog.to_raw()
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, table, {cell: value})
    error = caught.value
    assert (error.table, error.row, error.column) == (table, *cell)
    assert error.problem == problem
    assert error.cell == assumption_tables(catalog)[table].cell(*cell) and error.other is None
    assert "/".join((table, *cell)) in str(error) and problem.code in str(error)  # for logs: no prose
    assert catalog.to_raw() == raw_before  # the previous set is still in force, untouched


def test_one_bad_cell_refuses_the_whole_edit(catalog):
    with pytest.raises(AssumptionError):
        apply_edits(catalog, "pay", {SMM: 60_000, ("content_manager", "pay_sek_month"): -1})
    assert catalog.roles["social_media_manager"].pay_sek_month == 45_000


def test_an_edit_that_breaks_another_cell_names_both(catalog):
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, "settings", {("min_fit", "value"): 0.9})
    error = caught.value
    assert error.row == "min_fit" and error.other.row == "primary_fit"
    assert error.problem == out_of(0.9, 1, 0.5)  # the primary fit (0.5) is below the minimum now


def test_an_assumption_error_survives_pickling(catalog):
    """Refusals are kept (ui/uploads.py read_once) and may cross a process: they pickle whole."""
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, "settings", {("min_fit", "value"): 0.9})
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.problem, again.cell, again.other, str(again)) == (
        caught.value.problem, caught.value.cell, caught.value.other, str(caught.value))


def test_unknown_table_or_cell(catalog):
    for table, key, got in (("salaries", SMM, "'salaries'"), ("pay", ("ceo", "pay_sek_month"), "'ceo'"),
                            ("pay", ("copywriter", "wage"), "'wage'")):
        with pytest.raises(AssumptionError) as caught:
            apply_edits(catalog, table, {key: 1})
        assert caught.value.problem.code == "value.unknown" and caught.value.problem.get("got") == got
        assert caught.value.cell is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(TABLE_IDS),
    pick=st.integers(min_value=0, max_value=10_000),
    value=st.one_of(
        st.none(), st.booleans(), st.integers(min_value=-10 ** 30, max_value=10 ** 30),
        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    ),
)
def test_any_edit_applies_exactly_or_is_refused(catalog, table, pick, value):
    cells = list(assumption_tables(catalog)[table].cells.values())
    cell = cells[pick % len(cells)]
    try:
        edited = apply_edits(catalog, table, {(cell.row, cell.column): value})
    except AssumptionError as error:
        assert error.table == table and isinstance(error.problem, Problem)
        return
    now = assumption_tables(edited)[table].cell(cell.row, cell.column).value
    if value is None or (isinstance(value, float) and math.isnan(value)) or \
            (isinstance(value, str) and not value.strip()):
        assert now is None and cell.optional
    elif isinstance(value, str):
        assert now == pytest.approx(parse_number(value.strip()))
    else:
        assert now == pytest.approx(float(value))
        assert cell.low <= now <= (cell.high if cell.high is not None else math.inf)
    simulate(Scenario(), edited)


# ---- reset ------------------------------------------------------------------------------------------
def test_reset_one_table_keeps_the_others(catalog):
    edited = apply_edits(catalog, "pay", {SMM: 60_000})
    edited = apply_edits(edited, "providers", {("freelance_designer", "rate_sek_hour"): 900})
    edited = apply_edits(edited, "role_fit", {("social_media_manager", "create"): None})
    back = reset_table(edited, catalog, "pay")
    assert back.roles["social_media_manager"].pay_sek_month == 45_000
    assert back.providers["freelance_designer"].rate_sek_hour == 900
    back = reset_table(back, catalog, "role_fit")
    assert back.roles["social_media_manager"].fit == catalog.roles["social_media_manager"].fit
    back = reset_table(back, catalog, "providers")
    assert back.fingerprint == catalog.fingerprint


def test_reset_demand_puts_back_terms_an_upload_added(raw_catalog, catalog):
    entry(raw_catalog, "demand", "create", id_key="capability")["terms"].append(
        {"driver": "channels", "hours": 1.0})
    entry(raw_catalog, "demand", "lead", id_key="capability")["base_hours"] = 9
    uploaded = build_catalog(raw_catalog)
    assert "create.channels" in {row.id for row in assumption_tables(uploaded)["demand"].rows}
    back = reset_table(uploaded, catalog, "demand")
    assert back.fingerprint == catalog.fingerprint
    assert reset_table(back, catalog, "demand") is back


# ---- YAML import and export ----------------------------------------------------------------------------
def test_yaml_round_trip_of_the_shipped_set(catalog):
    again = import_yaml(catalog.to_yaml())
    assert again.fingerprint == catalog.fingerprint


def test_yaml_round_trip_of_an_edited_set(catalog):
    edited = apply_edits(catalog, "pay", {SMM: 52_500, ("copywriter", "capacity_hours"): 30.5})
    edited = apply_edits(edited, "demand", {("create.video_posts", "value"): 2.75})
    edited = apply_edits(edited, "provider_fit", {("freelance_consultant", "strategy"): None})
    text = edited.to_yaml()
    again = import_yaml(text, reference=catalog)
    assert again.fingerprint == edited.fingerprint
    assert again.to_yaml() == text
    assert {change.cell.key for change in differences(catalog, again)} == {
        ("pay", *SMM), ("pay", "copywriter", "capacity_hours"), ("demand", "create.video_posts", "value"),
        ("provider_fit", "freelance_consultant", "strategy")}
    scenario = solo(video_share=0.5)
    assert simulate(scenario, again).to_dict() == simulate(scenario, edited).to_dict()


def _uploaded(catalog, change) -> str:
    merged = yaml.safe_load(catalog.to_yaml())
    change(merged)
    return yaml.safe_dump(merged, sort_keys=False, allow_unicode=True)


def test_import_error_names_table_row_and_column(catalog):
    def negative_pay(doc):
        next(role for role in doc["roles"] if role["id"] == "copywriter")["pay_sek_month"] = -1

    with pytest.raises(AssumptionError) as caught:
        import_yaml(_uploaded(catalog, negative_pay), origin="mine.yaml", reference=catalog)
    error = caught.value
    assert (error.table, error.row, error.column) == ("pay", "copywriter", "pay_sek_month")
    assert error.problem == out_of(0, 1_000_000, -1)
    # and where in the file, as the catalog's reader names it
    assert (error.file, error.entry, error.key) == ("mine.yaml/roles.yaml", "roles[6] (id=copywriter)",
                                                    "pay_sek_month")


@pytest.mark.parametrize(("change", "cell"), [
    (lambda doc: doc["demand"][3]["terms"][1].update(hours="lots"),
     ("demand", "create.video_posts", "value")),
    (lambda doc: doc["demand"][0].update(base_hours=-2), ("demand", "strategy.base_hours", "value")),
    (lambda doc: doc["settings"]["weeks_per_year"].update(value=99),
     ("settings", "weeks_per_year", "value")),
    (lambda doc: doc["providers"][0]["fit"].update(create=2),
     ("provider_fit", "social_media_agency", "create")),
    (lambda doc: doc["rules"][1]["params"].update(min_share=3),
     ("rules", "lead_in_house.min_share", "value")),
    (lambda doc: doc["roles"][0]["fit"].update(strategy=None),
     ("role_fit", "head_of_marketing", "strategy")),
])
def test_import_errors_in_other_tables(catalog, change, cell):
    with pytest.raises(AssumptionError) as caught:
        import_yaml(_uploaded(catalog, change), reference=catalog)
    assert (caught.value.table, caught.value.row, caught.value.column) == cell


def test_import_error_in_a_row_the_reference_lacks_still_names_the_cell(catalog):
    def new_term(doc):
        doc["demand"][3]["terms"].append({"driver": "channels", "hours": 500})

    with pytest.raises(AssumptionError) as caught:
        import_yaml(_uploaded(catalog, new_term), reference=catalog)
    error = caught.value
    assert error.cell.key == ("demand", "create.channels", "value") and error.cell.subject == "create"
    assert error.problem == out_of(0, 100, 500)


@pytest.mark.parametrize(("text", "problem"), [
    ("- just\n- a list\n", Problem("data.not_sections")),
    ("", Problem("data.not_sections")),
    ("42", Problem("data.not_sections")),
    ("settings: [unclosed\n", Problem("yaml.invalid", {"line": 2, "column": 1})),
    ("a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(80)),
     Problem("yaml.alias", {"line": 2, "column": 5})),
    ("x: " + "[" * 5000 + "]" * 5000, Problem("yaml.too_deep", {"most": 40, "line": 1, "column": 43})),
    ("x:\n" + "- " * 5000 + "1\n", Problem("yaml.too_deep", {"most": 40, "line": 2, "column": 79})),
    ("settings: 1" + "0" * 5000,
     Problem("yaml.too_many_digits", {"digits": 5001, "key": "settings", "line": 1})),
    (b"\xff\xfe\x00binary", Problem("yaml.not_utf8")),
    ("x" * (1024 * 1024 + 1), Problem("yaml.too_large", {"most_bytes": 1024 * 1024})),
    (12, Problem("text.expected", {"got": "'int'"})),
])
def test_bad_uploads_are_refused_with_the_problem_of_the_file(text, problem):
    with pytest.raises(AssumptionError) as caught:
        import_yaml(text, origin="bad.yaml")
    error = caught.value
    assert error.problem == problem
    assert (error.cell, error.file, error.entry, error.key) == (None, "bad.yaml", None, None)


def test_a_missing_section_is_named(catalog):
    with pytest.raises(AssumptionError) as caught:
        import_yaml("settings: {}\n", origin="bad.yaml")
    assert (caught.value.problem.code, caught.value.file, caught.value.key) == (
        "data.section_missing", "bad.yaml", "capabilities")


# ---- issue 10: hostile imports end in an AssumptionError, never another exception ------------------
def _rule(doc, rule_id):
    return next(rule for rule in doc["rules"] if rule["id"] == rule_id)


def test_a_400_digit_integer_is_refused_without_overflow(catalog):
    text = _uploaded(catalog, lambda doc: _rule(doc, "analysis_two_kinds")["params"].update(
        min_hours=10**400))
    with pytest.raises(AssumptionError) as caught:  # was OverflowError (float() of the int)
        import_yaml(text, origin="huge.yaml", reference=catalog)
    problem = caught.value.problem
    assert (problem.code, problem.get("digits"), problem.get("key")) == (
        "yaml.too_many_digits", 401, "min_hours")
    assert caught.value.file == "huge.yaml"


def test_inf_in_a_whole_number_rule_parameter_is_refused_without_overflow(catalog):
    text = _uploaded(catalog, lambda doc: _rule(doc, "one_person_cannot_do_everything")["params"].update(
        max_capabilities=math.inf))
    assert ": .inf" in text
    with pytest.raises(AssumptionError) as caught:  # was OverflowError (int() of inf)
        import_yaml(text, reference=catalog)
    error = caught.value
    assert (error.table, error.row, error.column) == (
        "rules", "one_person_cannot_do_everything.max_capabilities", "value")
    assert error.problem == Problem("number.not_finite", {"got": "inf"})


def test_a_template_with_a_format_spec_is_refused_on_import(catalog):
    text = _uploaded(catalog, lambda doc: _rule(doc, "community_half_of_activity").update(
        message="{share:>1000000000}"))
    with pytest.raises(AssumptionError) as caught:  # was accepted, and a report of 1 GB made from it
        import_yaml(text, origin="big.yaml", reference=catalog)
    error = caught.value
    assert (error.cell, error.file, error.key) == (None, "big.yaml/rules.yaml", "message")
    assert (error.problem.code, error.problem.get("field")) == ("template.format_spec", "{share:>1000000000}")


def test_a_misspelt_optional_key_is_refused_on_import(catalog):
    def misspelt(doc):
        next(p for p in doc["providers"] if p["id"] == "freelance_designer")["max_hour_week"] = 5

    with pytest.raises(AssumptionError) as caught:  # was dropped: the limit silently not applied
        import_yaml(_uploaded(catalog, misspelt), origin="up.yaml", reference=catalog)
    error = caught.value
    assert (error.key, error.problem.code, error.problem.get("suggestion")) == (
        "max_hour_week", "key.unknown", "max_hours_week")


def test_a_key_given_twice_is_refused_on_import(catalog):
    text = catalog.to_yaml().replace("ladder:\n", "ladder:\n  seats: [copywriter]\n", 1)
    with pytest.raises(AssumptionError) as caught:
        import_yaml(text, reference=catalog)
    assert (caught.value.problem.code, caught.value.problem.get("name")) == ("yaml.duplicate_key", "seats")


def test_every_assumption_has_an_upper_bound(catalog):
    unbounded = [cell.key for cell in assumption_cells(catalog).values() if cell.high is None]
    assert unbounded == []


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 10**400, 1e300, "1e999", "nan"])
def test_edits_beyond_any_bound_are_refused(catalog, value):
    for table, key in [("providers", ("social_media_agency", "min_retainer_sek_month")),
                       ("rules", ("one_person_cannot_do_everything.max_capabilities", "value")),
                       ("rules", ("analysis_two_kinds.min_hours", "value"))]:
        with pytest.raises(AssumptionError):
            apply_edits(catalog, table, {key: value})


def test_import_error_outside_the_tables_names_file_entry_and_key(catalog):
    def no_name(doc):
        doc["roles"][2]["name"] = ""

    with pytest.raises(AssumptionError) as caught:
        import_yaml(_uploaded(catalog, no_name), origin="up.yaml", reference=catalog)
    error = caught.value
    assert error.table is None and error.problem.code == "text.expected"
    assert (error.file, error.entry, error.key) == (
        "up.yaml/roles.yaml", "roles[2] (id=communications_manager)", "name")


# ---- sensitivity --------------------------------------------------------------------------------------
SCENARIOS = [
    Scenario(),
    solo(),
    Scenario(team=("social_media_manager", "community_manager", "video_producer"), budget_sek=4_000_000,
             video_share=0.6, influencers=3, ad_spend_sek_month=80_000),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_sensitivity_matches_re_simulating_each_change(catalog, scenario):
    report = sensitivity(scenario, catalog)
    base = simulate(scenario, catalog)
    assert report.base_coverage == base.overall_coverage and report.base_cost == base.cost.total
    assert len(report.swings) > 100
    recomputed = {}
    for swing in report.swings:
        cell = swing.cell
        results = []
        for value in (swing.low_value, swing.high_value):
            plan = simulate(scenario, apply_edits(catalog, cell.table, {(cell.row, cell.column): value}))
            results.append((plan.overall_coverage, plan.cost.total))
        assert swing.coverage == pytest.approx((results[0][0], results[1][0]), abs=1e-12), cell.key
        assert swing.cost == pytest.approx((results[0][1], results[1][1]), abs=1e-6), cell.key
        recomputed[cell.key] = {
            metric: max(level, *pair) - min(level, *pair)
            for metric, level, pair in (("coverage", base.overall_coverage, (results[0][0], results[1][0])),
                                        ("cost", base.cost.total, (results[0][1], results[1][1])))}
    for metric in ("coverage", "cost"):
        ranked = report.ranked(metric)
        swings = [recomputed[swing.cell.key][metric] for swing in ranked]
        assert all(first >= second - 1e-9 for first, second in zip(swings, swings[1:], strict=False))
        assert [swing.swing(metric) for swing in ranked] == pytest.approx(swings, abs=1e-6)


def test_sensitivity_ranks_pay_of_the_team_above_pay_of_others(catalog):
    report = sensitivity(solo(), catalog)
    by_key = {swing.cell.key: swing for swing in report.swings}
    team_pay = by_key[("pay", *SMM)]
    assert team_pay.cost[0] < report.base_cost < team_pay.cost[1]
    loaded = 45_000 * 12 * catalog.settings.employer_cost_multiplier
    assert team_pay.swing("cost") == pytest.approx(0.4 * loaded)
    for role in ROLES:
        if role not in ("social_media_manager",):
            assert by_key[("pay", role, "pay_sek_month")].swing("cost") == 0
    assert report.ranked("cost")[0].swing("cost") >= team_pay.swing("cost")


def test_varied_values_stay_within_bounds(catalog):
    cells = assumption_cells(catalog)
    assert varied_values(cells[("role_fit", "head_of_marketing", "strategy")]) == (0.8, 1.0)
    assert varied_values(cells[("settings", "weeks_per_year", "value")]) == (pytest.approx(36.8), 52.0)
    count = cells[("rules", "one_person_cannot_do_everything.max_capabilities", "value")]
    assert varied_values(count) == (3, 5)
    for cell in cells.values():
        if cell.value:
            low, high = varied_values(cell)
            assert cell.low <= low <= high and (cell.high is None or high <= cell.high)
            # every value tried is one the catalog itself accepts
            apply_edits(catalog, cell.table, {(cell.row, cell.column): low})
            apply_edits(catalog, cell.table, {(cell.row, cell.column): high})


def test_fast_variant_leaves_the_catalog_alone(catalog):
    cell = assumption_cells(catalog)[("settings", "employer_cost_multiplier", "value")]
    variant = with_value(catalog, cell, 2.0)
    assert all(role.employer_cost_multiplier == 2.0 for role in variant.roles.values())
    assert catalog.settings.employer_cost_multiplier == 1.47
    assert variant.fingerprint != catalog.fingerprint


def test_sensitivity_respects_a_role_own_multiplier(raw_catalog, catalog):
    entry(raw_catalog, "roles", "social_media_manager")["employer_cost_multiplier"] = 1.2
    own = build_catalog(raw_catalog)
    report = sensitivity(solo(), own)
    swing = next(s for s in report.swings if s.cell.key == ("settings", "employer_cost_multiplier", "value"))
    assert swing.swing("cost") == 0  # the only seat has its own multiplier
    by_hand = simulate(solo(), apply_edits(own, "settings", {("employer_cost_multiplier", "value"): 1.764}))
    assert by_hand.cost.total == pytest.approx(swing.cost[1])


def test_sensitivity_ranked_rejects_unknown_metric(catalog):
    with pytest.raises(ValueError):
        sensitivity(Scenario(), catalog).ranked("speed")


def test_frame_round_trip_through_pandas_types(catalog):
    table = assumption_tables(catalog)["providers"]
    frame = frame_of(table)
    frame["rate_sek_hour"] = frame["rate_sek_hour"].astype("Float64")  # nullable dtype
    frame.loc[0, "rate_sek_hour"] = pd.NA
    edits = table.edits_from_frame(frame)
    assert list(edits) == [("social_media_agency", "rate_sek_hour")]
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, "providers", edits)
    assert caught.value.problem == Problem("cell.empty")
