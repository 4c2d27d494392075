"""The knowledge base: it loads, it matches the fixed vocabulary, and a broken copy fails with a
message that names the file, the entry and the key."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import CatalogError, Scenario, build_catalog, load_catalog, load_catalog_text, simulate
from model.catalog import DATA_DIR, SECTIONS
from model.vocab import AGENCIES, CAPABILITIES, FREELANCERS, ROLES
from tests.conftest import entry, entry_index, write_data


# ---- the real data -------------------------------------------------------------------------
def test_the_data_matches_the_vocabulary(catalog):
    assert tuple(cap.id for cap in catalog.capabilities) == CAPABILITIES
    assert set(catalog.roles) == set(ROLES)
    assert {pid for pid, p in catalog.providers.items() if p.type == "agency"} == set(AGENCIES)
    assert {pid for pid, p in catalog.providers.items() if p.type == "freelancer"} == set(FREELANCERS)
    assert {rule.capability for rule in catalog.demand} == set(CAPABILITIES)
    assert catalog.capability("influencer").optional


def test_every_default_states_its_source(catalog):
    for role in catalog.roles.values():
        assert role.pay_source.strip()
    for provider in catalog.providers.values():
        assert provider.rate_source.strip()
    for rule in catalog.demand:
        assert rule.source.strip()
    for key, value in catalog.raw["settings"]["settings"].items():
        assert value["source"].strip(), key


def test_every_guidance_item_has_a_rule(catalog):
    assert {rule.guidance for rule in catalog.rules} >= set(range(1, 10))


def test_presets_are_valid_scenarios(catalog):
    assert {"solo_manager", "small_team_agency", "in_house_studio", "fully_outsourced"} <= set(
        catalog.presets)
    for preset in catalog.presets.values():
        assert preset.name["en"] and preset.name["sv"]
        simulate(preset.scenario, catalog)


def test_names_and_views(catalog):
    assert catalog.name("social_media_agency", "sv") == "Sociala medier-byrå"
    assert catalog.name("strategy", "sv") == "Strategi"
    assert catalog.name("unknown_thing") == "unknown_thing"
    assert catalog.ladder_role(0) == "social_media_manager"
    raw = catalog.to_raw()
    raw["roles"]["roles"].clear()
    assert catalog.raw["roles"]["roles"]  # to_raw is a copy
    assert catalog.origin == "data"


def test_round_trips_through_files_and_one_document(catalog, data_dir):
    again = load_catalog(data_dir())
    assert again.fingerprint == catalog.fingerprint
    assert again.origin != "data"
    merged = load_catalog_text(catalog.to_yaml())
    assert merged.fingerprint == catalog.fingerprint
    scenario = Scenario(team_size=3)
    assert simulate(scenario, merged).to_dict() == simulate(scenario, catalog).to_dict()
    for section in SECTIONS:
        assert yaml.safe_load(catalog.section_yaml(section)) == catalog.raw[section]


def test_build_catalog_does_not_keep_the_callers_documents(raw_catalog):
    world = build_catalog(raw_catalog)
    raw_catalog["roles"]["roles"][0]["capacity_hours"] = 1
    assert world.raw["roles"]["roles"][0]["capacity_hours"] != 1


def test_edits_change_the_plan(raw_catalog, catalog):
    entry(raw_catalog, "roles", "social_media_manager")["capacity_hours"] = 60
    world = build_catalog(raw_catalog)
    assert world.fingerprint != catalog.fingerprint
    solo = Scenario(team=("social_media_manager",), budget_sek=1_000_000)
    assert simulate(solo, world).overall_coverage > simulate(solo, catalog).overall_coverage


# ---- broken copies: the error names file, entry and key --------------------------------------------
def _break(raw, section, ident, key, value, id_key="id"):
    item = entry(raw, section, ident, id_key)
    if value is _DELETE:
        del item[key]
    else:
        item[key] = value


_DELETE = object()


def _role_fit(raw):
    entry(raw, "roles", "copywriter")["fit"]["cooking"] = 0.5


def _ladder(raw):
    raw["ladder"]["ladder"]["seats"][2] = "astronaut"


def _placeholder(raw):
    entry(raw, "rules", "over_capacity")["message"]["sv"] = "{seat} är {tired}"


def _format_spec(raw):
    entry(raw, "rules", "over_capacity")["message"]["en"] = "{seat} at {utilisation:.1f}"


def _duplicate(raw):
    entry(raw, "roles", "web_analyst")["id"] = "copywriter"


def _settings_priority(raw):
    raw["settings"]["settings"]["priority"]["value"]["lead"] = "high"


def _demand_term(raw):
    entry(raw, "demand", "create", "capability")["terms"][1]["driver"] = "likes"


def _preset(raw):
    entry(raw, "presets", "solo_manager")["scenario"]["team_size"] = 99


def _missing_section(raw):
    raw["roles"] = {"people": []}


BROKEN = {
    # name: (edit, file, entry (None: none), key, words in the problem)
    "unknown capability in a role's fit": (
        _role_fit, "roles.yaml", ("roles", "copywriter"), "fit.cooking", "unknown capability 'cooking'"),
    "unknown role in the ladder": (
        _ladder, "ladder.yaml", "seats", "seats[2]", "unknown role 'astronaut'"),
    "unknown rule kind": (
        lambda raw: _break(raw, "rules", "lead_in_house", "kind", "wishful_thinking"),
        "rules.yaml", ("rules", "lead_in_house"), "kind", "unknown rule kind 'wishful_thinking'"),
    "negative rate": (
        lambda raw: _break(raw, "providers", "freelance_designer", "rate_sek_hour", -5),
        "providers.yaml", ("providers", "freelance_designer"), "rate_sek_hour", "got -5"),
    "rate as text": (
        lambda raw: _break(raw, "providers", "freelance_designer", "rate_sek_hour", "cheap"),
        "providers.yaml", ("providers", "freelance_designer"), "rate_sek_hour", "expected a number"),
    "NaN pay": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_sek_month", math.nan),
        "roles.yaml", ("roles", "copywriter"), "pay_sek_month", "expected a number"),
    "missing key": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_source", _DELETE),
        "roles.yaml", ("roles", "copywriter"), "pay_source", "missing required key"),
    "missing translation": (
        lambda raw: entry(raw, "capabilities", "plan")["name"].pop("sv"),
        "capabilities.yaml", ("capabilities", "plan"), "name.sv", "missing text"),
    "unknown placeholder": (
        _placeholder, "rules.yaml", ("rules", "over_capacity"), "message.sv", "unknown placeholder {tired}"),
    "placeholder with a format spec": (
        _format_spec, "rules.yaml", ("rules", "over_capacity"), "message.en", "cannot be filled in"),
    "duplicate id": (
        _duplicate, "roles.yaml", ("roles", "copywriter", "web_analyst"), "id", "duplicate id 'copywriter'"),
    "bad rule param": (
        lambda raw: entry(raw, "rules", "lead_in_house")["params"].update(min_share=1.5),
        "rules.yaml", ("rules", "lead_in_house"), "params.min_share", "within 0..1"),
    "unknown rule param": (
        lambda raw: entry(raw, "rules", "lead_in_house")["params"].update(colour="red"),
        "rules.yaml", ("rules", "lead_in_house"), "params.colour", "unknown parameter"),
    "unknown capability in a rule param": (
        lambda raw: entry(raw, "rules", "plan_covered")["params"].update(capability="planning"),
        "rules.yaml", ("rules", "plan_covered"), "params.capability", "unknown capability 'planning'"),
    "bad severity": (
        lambda raw: _break(raw, "rules", "plan_covered", "severity", "fatal"),
        "rules.yaml", ("rules", "plan_covered"), "severity", "unknown severity 'fatal'"),
    "priority that is not a number": (
        _settings_priority, "settings.yaml", "priority", "value.lead", "expected a number"),
    "unknown demand driver": (
        _demand_term, "demand.yaml", ("demand", "create"), "terms[1].driver",
        "unknown driver 'likes'"),
    "preset out of range": (
        _preset, "presets.yaml", ("presets", "solo_manager"), "scenario.team_size", "outside 0..30"),
    "wrong top-level key": (
        _missing_section, "roles.yaml", None, "roles", "expected a top-level key 'roles'"),
    "provider of the wrong type": (
        lambda raw: _break(raw, "providers", "freelance_designer", "type", "agency"),
        "providers.yaml", ("providers", "freelance_designer"), "type", "is a freelancer"),
    "id as a list": (
        lambda raw: _break(raw, "roles", "copywriter", "id", ["copywriter"]),
        "roles.yaml", "roles[6]", "id", "unknown role ['copywriter']"),
}


def _entry_label(raw, spec):
    """None, a literal label, or (section, id[, id that finds the entry before the edit])."""
    if spec is None or isinstance(spec, str):
        return spec
    section, ident, *before = spec
    id_key = "capability" if section == "demand" else "id"
    index = entry_index(raw, section, before[0] if before else ident, id_key)
    return f"{section}[{index}] ({id_key}={ident})"


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_file_names_file_entry_and_key(raw_catalog, data_dir, name):
    edit, file, where, key, problem = BROKEN[name]
    label = _entry_label(raw_catalog, where)  # computed before the edit renames anything
    edit(raw_catalog)
    folder = data_dir(raw_catalog)
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    error = caught.value
    message = str(error)
    assert error.file == f"{folder}/{file}" and message.startswith(f"{folder}/{file}: ")
    assert error.entry == label
    if label:
        assert f": {label}: " in message
    assert error.key == key and f"key '{key}'" in message
    assert problem in error.problem and message.endswith(error.problem)


def test_invalid_yaml_names_file_and_line(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    text = (folder / "providers.yaml").read_text().splitlines()
    text[3] = text[3] + " ]["
    (folder / "providers.yaml").write_text("\n".join(text))
    with pytest.raises(CatalogError, match=r"providers\.yaml: not valid YAML at line \d+, column \d+"):
        load_catalog(folder)


@pytest.mark.parametrize("content", ["x: " + "9" * 5000, "[" * 5000, b"\xff\xfe\x00\xd8bad"])
def test_unreadable_yaml_is_a_catalog_error(raw_catalog, data_dir, content):
    folder = data_dir(raw_catalog)
    path = folder / "rules.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CatalogError, match=r"rules\.yaml"):
        load_catalog(folder)


def test_missing_file(raw_catalog, data_dir):
    folder = data_dir(raw_catalog, skip=("ladder",))
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert str(caught.value) == f"{folder}/ladder.yaml: file is missing"


def test_empty_file(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    (folder / "presets.yaml").write_text("# nothing here\n")
    with pytest.raises(CatalogError, match=r"presets\.yaml: file is missing or empty"):
        load_catalog(folder)


def test_missing_entry(raw_catalog, data_dir):
    raw_catalog["providers"]["providers"] = [
        p for p in raw_catalog["providers"]["providers"] if p["id"] != "freelance_consultant"]
    with pytest.raises(CatalogError, match=r"providers\.yaml: provider 'freelance_consultant' is missing"):
        load_catalog(data_dir(raw_catalog))


def test_the_default_folder_is_labelled_data():
    assert DATA_DIR.name == "data" and load_catalog(DATA_DIR).origin == "data"


def test_load_catalog_text_errors(catalog):
    with pytest.raises(CatalogError, match="^upload: not valid YAML"):
        load_catalog_text("roles: [")
    with pytest.raises(CatalogError, match="^upload: expected a mapping"):
        load_catalog_text("- 1")
    document = yaml.safe_load(catalog.to_yaml())
    del document["ladder"]
    with pytest.raises(CatalogError, match="^upload: key 'ladder': section is missing"):
        load_catalog_text(yaml.safe_dump(document))
    document = yaml.safe_load(catalog.to_yaml()) | {"extra": 1}
    with pytest.raises(CatalogError, match="key 'extra': unknown section"):
        load_catalog_text(yaml.safe_dump(document))
    document = yaml.safe_load(catalog.to_yaml())
    document["roles"][0]["capacity_hours"] = 500
    with pytest.raises(CatalogError, match=r"^mine/roles\.yaml: roles\[0\] \(id=head_of_marketing\): "
                                           r"key 'capacity_hours'"):
        load_catalog_text(yaml.safe_dump(document), origin="mine")


# ---- fuzz: any edit either loads and simulates, or fails with a CatalogError ---------------------------
def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


RAW = load_catalog().to_raw()
PATHS = [path for path in _paths(RAW) if len(path) >= 1]
JUNK = [None, -1, 0, 0.0, 1, 0.5, 1e9, -1e9, math.nan, math.inf, True, "", "x", "strategy", "lead",
        "copywriter", "social_media_agency", "all", "video", [], {}, [1, "a"], ["lead"], {"a": 1},
        {"en": "x {y}", "sv": "x"}, {"en": "{", "sv": "}"}]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(range(len(JUNK) + 1))),
                min_size=1, max_size=3))
def test_any_edit_loads_or_fails_with_a_catalog_error(edits):
    raw = copy.deepcopy(RAW)
    for path, choice in edits:
        parent = raw
        try:
            for key in path[:-1]:
                parent = parent[key]
            if choice == len(JUNK):
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(JUNK[choice])
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed the way there
    try:
        world = build_catalog(raw)
    except CatalogError as error:
        assert error.file and error.problem
        return
    for scenario in (Scenario(), Scenario(team_size=0, budget_sek=0),
                     Scenario(team_size=12, influencers=3, outsource=("create",))):
        plan = simulate(scenario, world)
        for finding in plan.findings:
            assert "{" not in finding.message["en"] or "{" in str(world.raw["rules"])


def test_write_data_helper(tmp_path, raw_catalog):
    folder = write_data(raw_catalog, tmp_path / "copy")
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{s}.yaml" for s in SECTIONS)
    assert isinstance(folder, Path)
