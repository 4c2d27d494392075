"""The knowledge base: it loads, it matches the fixed vocabulary, and a broken copy fails with a
message that names the file, the entry and the key (a CatalogError with a problem code; the words
are checked in English as ui/problems renders them)."""

from __future__ import annotations

import copy
import math
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import CatalogError, Scenario, build_catalog, load_catalog, load_catalog_text, simulate
from model.catalog import DATA_DIR, SECTIONS, fill_template
from model.vocab import AGENCIES, CAPABILITIES, FREELANCERS, ROLES
from tests.conftest import entry, entry_index, write_data
from ui.findings import finding_text
from ui.i18n import _
from ui.problems import error_text, problem_text


def said(error: CatalogError, lang: str = "en") -> str:
    """The error as a person reads it: file, entry, key and the problem."""
    return error_text(error, lang)


@contextmanager
def refused(pattern: str):
    """Like pytest.raises(CatalogError, match=pattern), on the rendered English."""
    with pytest.raises(CatalogError) as caught:
        yield caught
    assert re.search(pattern, said(caught.value)), said(caught.value)


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
        assert preset.name and _("sv", preset.name) != preset.name
        simulate(preset.scenario, catalog)


def test_names_and_views(catalog):
    assert catalog.name("social_media_agency") == "Social media agency"
    assert _("sv", catalog.name("social_media_agency")) == "Byrå för sociala medier"
    assert _("sv", catalog.name("strategy")) == "Strategi"
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
    entry(raw, "rules", "over_capacity")["message"] = "{seat} is {tired}"


def _format_spec(raw):
    entry(raw, "rules", "over_capacity")["message"] = "{seat} at {utilisation:.1f}"


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
        _role_fit, "roles.yaml", ("roles", "copywriter"), "fit.cooking",
        "unknown value 'cooking' (expected strategy, lead, "),
    "unknown role in the ladder": (
        _ladder, "ladder.yaml", "seats", "seats[2]", "unknown value 'astronaut'"),
    "unknown rule kind": (
        lambda raw: _break(raw, "rules", "lead_in_house", "kind", "wishful_thinking"),
        "rules.yaml", ("rules", "lead_in_house"), "kind", "unknown value 'wishful_thinking'"),
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
    "empty name": (
        lambda raw: _break(raw, "capabilities", "plan", "name", " "),
        "capabilities.yaml", ("capabilities", "plan"), "name", "expected non-empty text, got ' '"),
    "unknown placeholder": (
        _placeholder, "rules.yaml", ("rules", "over_capacity"), "message",
        "unknown placeholder {tired}; kind max_utilisation gives: seat, role and utilisation"),
    "placeholder with a format spec": (
        _format_spec, "rules.yaml", ("rules", "over_capacity"), "message",
        "placeholder {utilisation:.1f} has a format spec"),
    "duplicate id": (
        _duplicate, "roles.yaml", ("roles", "copywriter", "web_analyst"), "id",
        "'copywriter' is given twice"),
    "bad rule param": (
        lambda raw: entry(raw, "rules", "lead_in_house")["params"].update(min_share=1.5),
        "rules.yaml", ("rules", "lead_in_house"), "params.min_share",
        "expected a number from 0 to 1, got 1.5"),
    "unknown rule param": (
        lambda raw: entry(raw, "rules", "lead_in_house")["params"].update(colour="red"),
        "rules.yaml", ("rules", "lead_in_house"), "params.colour", "unknown parameter"),
    "unknown capability in a rule param": (
        lambda raw: entry(raw, "rules", "plan_covered")["params"].update(capability="planning"),
        "rules.yaml", ("rules", "plan_covered"), "params.capability",
        "unknown value 'planning' (expected strategy, "),
    "bad severity": (
        lambda raw: _break(raw, "rules", "plan_covered", "severity", "fatal"),
        "rules.yaml", ("rules", "plan_covered"), "severity",
        "unknown value 'fatal' (expected info, warning or critical)"),
    "priority that is not a number": (
        _settings_priority, "settings.yaml", "priority", "value.lead",
        "expected a number from 0 to 10, got 'high'"),
    "unknown demand driver": (
        _demand_term, "demand.yaml", ("demand", "create"), "terms[1].driver",
        "unknown value 'likes'"),
    "preset out of range": (
        _preset, "presets.yaml", ("presets", "solo_manager"), "scenario.team_size",
        "expected a number from 0 to 30, got 99"),
    "wrong top-level key": (
        _missing_section, "roles.yaml", None, "roles", "expected a top-level key 'roles'"),
    "provider of the wrong type": (
        lambda raw: _break(raw, "providers", "freelance_designer", "type", "agency"),
        "providers.yaml", ("providers", "freelance_designer"), "type",
        "'freelance_designer' is a freelancer"),
    "id as a list": (
        lambda raw: _break(raw, "roles", "copywriter", "id", ["copywriter"]),
        "roles.yaml", "roles[6]", "id", "unknown value ['copywriter']"),
    # issue 10: misspelt optional keys are refused (they were dropped without a word)
    "misspelt optional key of a role": (
        lambda raw: _break(raw, "roles", "copywriter", "employer_cost_multiplyer", 1.6),
        "roles.yaml", ("roles", "copywriter"), "employer_cost_multiplyer",
        "unknown key (expected id, name, "),
    "misspelt optional key of a provider": (
        lambda raw: _break(raw, "providers", "freelance_designer", "max_hour_week", 10),
        "providers.yaml", ("providers", "freelance_designer"), "max_hour_week",
        " or fit) (did you mean 'max_hours_week'?)"),
    "misspelt optional key of a capability": (
        lambda raw: _break(raw, "capabilities", "influencer", "optinal", True),
        "capabilities.yaml", ("capabilities", "influencer"), "optinal", "did you mean 'optional'?"),
    "misspelt optional key of a rule": (
        lambda raw: _break(raw, "rules", "orderer_has_no_time", "advice_budget_lef", "x"),
        "rules.yaml", ("rules", "orderer_has_no_time"), "advice_budget_lef",
        "did you mean 'advice_budget_left'?"),
    "misspelt optional key of a demand term": (
        lambda raw: entry(raw, "demand", "create", "capability")["terms"][0].update(transfrom="sqrt"),
        "demand.yaml", ("demand", "create"), "terms[0].transfrom", "did you mean 'transform'?"),
    "misspelt key of a setting": (
        lambda raw: raw["settings"]["settings"]["min_fit"].update(sorce="x"),
        "settings.yaml", "min_fit", "sorce", "did you mean 'source'?"),
    "unknown setting": (
        lambda raw: raw["settings"]["settings"].update(weeks_per_yaer={"value": 40, "source": "x"}),
        "settings.yaml", None, "weeks_per_yaer", "unknown key (expected employer_cost_multiplier, "),
    "unknown language of a text": (
        lambda raw: _break(raw, "capabilities", "plan", "name", {"en": "Planning", "sw": "Planera"}),
        "capabilities.yaml", ("capabilities", "plan"), "name.sw", "unknown key (expected en or sv)"),
    "unknown key in the ladder": (
        lambda raw: raw["ladder"]["ladder"].update(repaet=["copywriter"]),
        "ladder.yaml", None, "repaet", "did you mean 'repeat'?"),
    "second top-level key": (
        lambda raw: raw["ladder"].update(extra=1), "ladder.yaml", None, "extra", "unknown top-level key"),
    "misspelt preset field": (
        lambda raw: entry(raw, "presets", "solo_manager")["scenario"].update(budget_sk=1),
        "presets.yaml", ("presets", "solo_manager"), "scenario.budget_sk",
        "unknown field 'budget_sk' (not a scenario field) (did you mean 'budget_sek'?)"),
    # issue 10: numbers that overflowed a conversion, or had no upper bound
    "infinite whole-number rule parameter": (
        lambda raw: entry(raw, "rules", "one_person_cannot_do_everything")["params"].update(
            max_capabilities=math.inf),
        "rules.yaml", ("rules", "one_person_cannot_do_everything"), "params.max_capabilities",
        "expected a finite number, got inf"),
    "rule parameter beyond its bound": (
        lambda raw: entry(raw, "rules", "analysis_two_kinds")["params"].update(min_hours=1e300),
        "rules.yaml", ("rules", "analysis_two_kinds"), "params.min_hours",
        "expected a number from 0 to 168, got 1e+300"),
    "infinite retainer": (
        lambda raw: _break(raw, "providers", "social_media_agency", "min_retainer_sek_month", math.inf),
        "providers.yaml", ("providers", "social_media_agency"), "min_retainer_sek_month",
        "expected a finite number, got inf"),
    "retainer beyond its bound": (
        lambda raw: _break(raw, "providers", "social_media_agency", "min_retainer_sek_month", 10**12),
        "providers.yaml", ("providers", "social_media_agency"), "min_retainer_sek_month",
        "expected a number from 0 to 5,000,000, got 1,000,000,000,000"),
}

# issue 10: a 400-digit number is refused by the reader (naming key and line) in a file, and by
# the catalog's checks (naming file, entry and key) in documents built some other way
HUGE = {
    "rule parameter": (lambda raw: entry(raw, "rules", "analysis_two_kinds")["params"].update(
        min_hours=10**400), "rules.yaml", ("rules", "analysis_two_kinds"), "params.min_hours"),
    "fit": (lambda raw: entry(raw, "roles", "copywriter")["fit"].update(create=10**400),
            "roles.yaml", ("roles", "copywriter"), "create"),
    "priority": (lambda raw: raw["settings"]["settings"]["priority"]["value"].update(lead=-10**400),
                 "settings.yaml", "priority", "value.lead"),
    "demand term": (lambda raw: entry(raw, "demand", "create", "capability")["terms"][0].update(
        hours=10**400), "demand.yaml", ("demand", "create"), "terms[0].hours"),
    "pay": (lambda raw: _break(raw, "roles", "copywriter", "pay_sek_month", 10**400),
            "roles.yaml", ("roles", "copywriter"), "pay_sek_month"),
}


@pytest.mark.parametrize("name", list(HUGE))
def test_a_400_digit_number_is_refused_without_overflow(raw_catalog, data_dir, name):
    edit, file, where, key = HUGE[name]
    label = _entry_label(raw_catalog, where)
    edit(raw_catalog)
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    assert (caught.value.file, caught.value.entry, caught.value.key) == (f"data/{file}", label, key)
    assert caught.value.problem.get("got") in ("~1e400", "~-1e400")
    assert re.search(r"got ~-?1e400$", said(caught.value))
    folder = data_dir(raw_catalog)
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    last = key.rsplit(".", 1)[-1]
    assert caught.value.problem.code == "yaml.too_many_digits" and caught.value.problem.get("key") == last
    assert re.fullmatch(rf"{last}: a number with 401 digits is far too large \(line \d+\)",
                        problem_text(caught.value.problem))


# issue 10: message templates allow plain named fields only
TEMPLATES = {
    "{share:>1000000000}": "placeholder {share:>1000000000} has a format spec; write the plain name",
    "{share!r}": "placeholder {share!r} has a conversion; write the plain name in braces",
    "{share.real}": "placeholder {share.real} is not a plain name",
    "{capability[0]}": "placeholder {capability[0]} is not a plain name",
    "{}": "has a placeholder without a name, {}",
    "{0}": "has a placeholder without a name, {0}",
    "{share:{share}}": "has a format spec",
    "50 % {": "has a brace without its pair",
    "{tired}": "unknown placeholder {tired}",
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
    message = said(error)
    assert error.file == f"{folder}/{file}" and message.startswith(f"{folder}/{file}: ")
    assert error.entry == label
    if label:
        assert f": {label}: " in message
    assert error.key == key and f"key '{key}'" in message
    text = problem_text(error.problem)
    assert problem in text and message.endswith(f": {text}")
    # the same place in Swedish, and a compact form for logs that names it too
    assert said(error, "sv").startswith(f"{folder}/{file}: ") and f"nyckeln '{key}'" in said(error, "sv")
    assert str(error).startswith(f"{folder}/{file}: ") and f"key '{key}': {error.problem.code}" in str(error)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_a_template_with_more_than_plain_names_is_refused(raw_catalog, template):
    # community_half_of_activity gives capability, share and target
    index = entry_index(raw_catalog, "rules", "community_half_of_activity")
    raw_catalog["rules"]["rules"][index]["advice"] = f"Text {template} text"
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    error = caught.value
    assert (error.file, error.entry, error.key) == (
        "data/rules.yaml", f"rules[{index}] (id=community_half_of_activity)", "advice")
    assert TEMPLATES[template] in problem_text(error.problem)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_a_summary_with_more_than_plain_names_is_refused(raw_catalog, template):
    # the summary of community_half_of_activity may use capabilities, min_share, target, met_coverage
    index = entry_index(raw_catalog, "rules", "community_half_of_activity")
    raw_catalog["rules"]["rules"][index]["summary"] = f"Text {template} text"
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    error = caught.value
    assert (error.file, error.entry, error.key) == (
        "data/rules.yaml", f"rules[{index}] (id=community_half_of_activity)", "summary")
    assert TEMPLATES[template] in problem_text(error.problem)


def test_a_summary_may_use_only_what_its_kind_fills(raw_catalog):
    # {utilisation} is what an over-capacity finding reports, not a parameter of the rule
    rule = entry(raw_catalog, "rules", "over_capacity")
    rule["summary"] = "Nobody beyond {utilisation}."
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    assert caught.value.key == "summary"
    assert caught.value.problem.code == "template.unknown_placeholder"
    assert problem_text(caught.value.problem) == ("unknown placeholder {utilisation}; kind max_utilisation "
                                                  "gives: max_utilisation and critical_above")


def test_a_summary_is_one_line(raw_catalog):
    entry(raw_catalog, "rules", "seat_underused")["summary"] = "Every seat\n\nis used."
    with refused("key 'summary': expected one line$"):
        build_catalog(raw_catalog)
    entry(raw_catalog, "rules", "seat_underused")["summary"] = ""
    with refused("key 'summary': expected non-empty text, got ''$"):
        build_catalog(raw_catalog)


def test_a_new_rule_without_a_summary_is_refused(raw_catalog):
    rule = copy.deepcopy(entry(raw_catalog, "rules", "seat_underused"))
    rule["id"] = "seat_idle"
    del rule["summary"]
    raw_catalog["rules"]["rules"].append(rule)
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    assert caught.value.entry.endswith("(id=seat_idle)") and caught.value.key == "summary"
    assert caught.value.problem.code == "summary.missing"
    assert "missing" in said(caught.value) and "min_utilisation" in said(caught.value)


def test_assumptions_saved_before_rules_had_summaries_still_load(catalog):
    """A document without summaries (an older export or saved scenario) takes the shipped rule's
    summary for a rule of the same id and kind, and carries it from then on."""
    raw = catalog.to_raw()
    for rule in raw["rules"]["rules"]:
        del rule["summary"]
    old = yaml.safe_dump({section: raw[section][section] for section in SECTIONS}, allow_unicode=True)
    loaded = load_catalog_text(old, origin="saved assumptions")
    assert [rule.summary for rule in loaded.rules] == [rule.summary for rule in catalog.rules]
    assert loaded.fingerprint == catalog.fingerprint  # nothing else differs from the defaults
    assert "summary:" in loaded.to_yaml()
    # a rule of another kind under a shipped id gets no summary that is not its own
    entry(raw, "rules", "seat_underused")["kind"] = "max_utilisation"
    entry(raw, "rules", "seat_underused")["params"] = {}
    with refused("key 'summary': missing"):
        build_catalog(raw)


def test_doubled_braces_stay_text(raw_catalog):
    entry(raw_catalog, "rules", "community_half_of_activity")["message"] = "{{share}} is {share}"
    rule = next(r for r in build_catalog(raw_catalog).rules if r.id == "community_half_of_activity")
    assert fill_template(rule.message, {"share": "40 %"}) == "{share} is 40 %"


def test_findings_never_expand_a_template_that_bypassed_the_checks(catalog):
    """A catalog changed without build_catalog still cannot make a finding allocate: its words
    (ui/findings.py) fill plain {name} fields only and leave anything else as written."""
    plan = simulate(Scenario(team_size=1, budget_sek=0), catalog)
    finding = plan.findings[0]
    name = next(iter(finding.values))
    template = f"{{{name}:>1000000}} {{{name}!r}} {{{name}}} {{0}} {{x.y}}"
    rules = tuple(replace(rule, message=template) if rule.id == finding.rule_id else rule
                  for rule in catalog.rules)
    world = replace(catalog, rules=rules)
    bypassed = simulate(Scenario(team_size=1, budget_sek=0), world)
    found = next(f for f in bypassed.findings if f.rule_id == finding.rule_id)
    for lang in ("en", "sv"):
        message = finding_text(found, world, lang)[0]
        assert message.startswith(f"{{{name}:>1000000}} {{{name}!r}} ") and message.endswith(" {0} {x.y}")
        assert len(message) < 200


def test_a_key_given_twice_in_a_data_file_is_refused(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    path = folder / "ladder.yaml"
    path.write_text(path.read_text() + "ladder:\n  seats: [copywriter]\n  repeat: [copywriter]\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert said(caught.value).startswith(f"{folder}/ladder.yaml: key 'ladder' is given twice (lines 1 and ")


def test_data_files_are_read_as_yaml_1_2(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    path = folder / "capabilities.yaml"
    path.write_text(path.read_text().replace("optional: true", "optional: yes"))  # YAML 1.1: true
    with refused("key 'optional': expected true or false, got 'yes'"):
        load_catalog(folder)


def test_invalid_yaml_names_file_and_line(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    text = (folder / "providers.yaml").read_text().splitlines()
    text[3] = text[3] + " ][" if text[3].rstrip().endswith(":") else text[3] + ": ]["
    (folder / "providers.yaml").write_text("\n".join(text))
    with refused(r"providers\.yaml: not valid YAML at line \d+, column \d+"):
        load_catalog(folder)


@pytest.mark.parametrize("content", ["x: " + "9" * 5000, "[" * 5000, b"\xff\xfe\x00\xd8bad"])
def test_unreadable_yaml_is_a_catalog_error(raw_catalog, data_dir, content):
    folder = data_dir(raw_catalog)
    path = folder / "rules.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with refused(r"^\S*rules\.yaml: "):
        load_catalog(folder)


def test_missing_file(raw_catalog, data_dir):
    folder = data_dir(raw_catalog, skip=("ladder",))
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert said(caught.value) == f"{folder}/ladder.yaml: file is missing"
    assert said(caught.value, "sv") == f"{folder}/ladder.yaml: filen saknas"


def test_empty_file(raw_catalog, data_dir):
    folder = data_dir(raw_catalog)
    (folder / "presets.yaml").write_text("# nothing here\n")
    with refused(r"presets\.yaml: file is missing or empty$"):
        load_catalog(folder)


def test_missing_entry(raw_catalog, data_dir):
    raw_catalog["providers"]["providers"] = [
        p for p in raw_catalog["providers"]["providers"] if p["id"] != "freelance_consultant"]
    with refused(r"providers\.yaml: 'freelance_consultant' is missing$"):
        load_catalog(data_dir(raw_catalog))


def test_the_default_folder_is_labelled_data():
    assert DATA_DIR.name == "data" and load_catalog(DATA_DIR).origin == "data"


def test_load_catalog_text_errors(catalog):
    with refused("^upload: not valid YAML"):
        load_catalog_text("roles: [")
    with refused("^upload: expected a mapping"):
        load_catalog_text("- 1")
    document = yaml.safe_load(catalog.to_yaml())
    del document["ladder"]
    with refused("^upload: key 'ladder': section is missing$"):
        load_catalog_text(yaml.safe_dump(document))
    document = yaml.safe_load(catalog.to_yaml()) | {"extra": 1}
    with refused("key 'extra': unknown section \\(expected settings, capabilities, "):
        load_catalog_text(yaml.safe_dump(document))
    document = yaml.safe_load(catalog.to_yaml())
    document["roles"][0]["capacity_hours"] = 500
    with refused(r"^mine/roles\.yaml: roles\[0\] \(id=head_of_marketing\): key 'capacity_hours': "
                 r"expected a number from 0 to 80, got 500$"):
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
        assert said(error).startswith(error.file) and said(error, "sv").startswith(error.file)
        return
    for scenario in (Scenario(), Scenario(team_size=0, budget_sek=0),
                     Scenario(team_size=12, influencers=3, outsource=("create",))):
        plan = simulate(scenario, world)
        for finding in plan.findings:
            assert "{" not in finding_text(finding, world, "en")[0] or "{" in str(world.raw["rules"])


def test_write_data_helper(tmp_path, raw_catalog):
    folder = write_data(raw_catalog, tmp_path / "copy")
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{s}.yaml" for s in SECTIONS)
    assert isinstance(folder, Path)


# ---- issue 13: capabilities' goals, kpis and deliverables; roles' pay bands ------------------------
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def test_every_capability_has_a_goal_kpis_and_deliverables(catalog):
    for cap in catalog.capabilities:
        assert cap.goal.strip() and "\n" not in cap.goal, cap.id
        assert 2 <= len(cap.kpis) <= 3 and cap.deliverables, cap.id
        for ids, names in ((cap.kpis, cap.kpi_names), (cap.deliverables, cap.deliverable_names)):
            assert tuple(ident for ident, _ in names) == ids and len(set(ids)) == len(ids)
            assert all(SNAKE.fullmatch(ident) for ident in ids), ids
            assert all(name.strip() for _, name in names)
        for kpi, name in cap.kpi_names:
            assert catalog.kpi_name(cap.id, kpi) == name
        for item, name in cap.deliverable_names:
            assert catalog.deliverable_name(cap.id, item) == name
    assert catalog.kpi_name("community", "no_such_kpi") == "no_such_kpi"
    # an id shared between capabilities has one name (one text to translate)
    names: dict[str, set[str]] = {}
    for cap in catalog.capabilities:
        for ident, name in cap.kpi_names + cap.deliverable_names:
            names.setdefault(ident, set()).add(name)
    assert all(len(found) == 1 for found in names.values()), names


def test_every_role_has_a_pay_band_around_its_pay(catalog):
    for role in catalog.roles.values():
        low, high = role.pay_band
        assert 0 < low <= role.pay_sek_month <= high and role.pay_in_band, role.id
        assert role.pay_band_source.strip(), role.id


def _kpis(raw):
    return entry(raw, "capabilities", "community")["kpis"]


BROKEN_ISSUE_13 = {
    "pay band as text": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_sek_month", "35000-50000"),
        "roles.yaml", ("roles", "copywriter"), "pay_band_sek_month", "expected a list"),
    "pay band of one number": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_sek_month", [35000]),
        "roles.yaml", ("roles", "copywriter"), "pay_band_sek_month[1]", "missing required key"),
    "pay band of three numbers": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_sek_month", [1, 2, 3]),
        "roles.yaml", ("roles", "copywriter"), "pay_band_sek_month[2]", "unknown key"),
    "pay band upside down": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_sek_month", [50000, 35000]),
        "roles.yaml", ("roles", "copywriter"), "pay_band_sek_month[1]",
        "expected a number from 50,000 to 1,000,000, got 35,000"),
    "pay band with a word": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_sek_month", ["low", 50000]),
        "roles.yaml", ("roles", "copywriter"), "pay_band_sek_month[0]", "expected a number, got 'low'"),
    "pay band without its source": (
        lambda raw: _break(raw, "roles", "copywriter", "pay_band_source", _DELETE),
        "roles.yaml", ("roles", "copywriter"), "pay_band_source", "missing required key"),
    "misspelt pay band": (
        lambda raw: entry(raw, "roles", "copywriter").update(pay_bnad_sek_month=[1, 2]),
        "roles.yaml", ("roles", "copywriter"), "pay_bnad_sek_month", "did you mean 'pay_band_sek_month'?"),
    "kpis as text": (
        lambda raw: _break(raw, "capabilities", "community", "kpis", "reply time"),
        "capabilities.yaml", ("capabilities", "community"), "kpis",
        "expected a list of mappings with id and name"),
    "no kpis": (
        lambda raw: _break(raw, "capabilities", "community", "kpis", []),
        "capabilities.yaml", ("capabilities", "community"), "kpis",
        "expected a list of mappings with id and name"),
    "kpi that is not a mapping": (
        lambda raw: _kpis(raw).__setitem__(1, "sentiment"),
        "capabilities.yaml", ("capabilities", "community"), "kpis[1]", "expected a mapping with id and name"),
    "kpi without a name": (
        lambda raw: _kpis(raw)[2].pop("name"),
        "capabilities.yaml", ("capabilities", "community"), "kpis[2].name", "missing required key"),
    "kpi with an empty name": (
        lambda raw: _kpis(raw)[0].update(name=" "),
        "capabilities.yaml", ("capabilities", "community"), "kpis[0].name", "expected non-empty text"),
    "kpi id as a number": (
        lambda raw: _kpis(raw)[0].update(id=7),
        "capabilities.yaml", ("capabilities", "community"), "kpis[0].id", "expected non-empty text, got 7"),
    "kpi given twice": (
        lambda raw: _kpis(raw)[1].update(id="reply_time"),
        "capabilities.yaml", ("capabilities", "community"), "kpis[1].id", "'reply_time' is given twice"),
    "misspelt key of a kpi": (
        lambda raw: _kpis(raw)[0].update(nmae="x"),
        "capabilities.yaml", ("capabilities", "community"), "kpis[0].nmae", "did you mean 'name'?"),
    "deliverable without an id": (
        lambda raw: entry(raw, "capabilities", "advertise")["deliverables"][0].pop("id"),
        "capabilities.yaml", ("capabilities", "advertise"), "deliverables[0].id", "missing required key"),
    "empty goal": (
        lambda raw: _break(raw, "capabilities", "plan", "goal", ""),
        "capabilities.yaml", ("capabilities", "plan"), "goal", "expected non-empty text, got ''"),
}


@pytest.mark.parametrize("name", list(BROKEN_ISSUE_13))
def test_a_broken_goal_kpi_or_pay_band_names_file_entry_and_key(raw_catalog, data_dir, name):
    BROKEN.setdefault(name, BROKEN_ISSUE_13[name])
    test_a_broken_file_names_file_entry_and_key(raw_catalog, data_dir, name)


def test_a_400_digit_pay_band_is_refused_without_overflow(raw_catalog):
    _break(raw_catalog, "roles", "copywriter", "pay_band_sek_month", [30000, 10**400])
    with pytest.raises(CatalogError) as caught:
        build_catalog(raw_catalog)
    assert caught.value.key == "pay_band_sek_month[1]" and caught.value.problem.get("got") == "~1e400"


def test_the_catalog_leaves_an_edited_pay_outside_its_band(raw_catalog):
    """The band is the usual pay for the role; an edited pay (the Assumptions page) may leave it."""
    _break(raw_catalog, "roles", "copywriter", "pay_sek_month", 80000)
    role = build_catalog(raw_catalog).roles["copywriter"]
    assert role.pay_sek_month == 80000 and not role.pay_in_band


def test_documents_from_before_goals_and_pay_bands_take_the_shipped_ones(catalog, raw_catalog):
    """Saved or exported assumptions written before issue 13 still load, with data/'s values."""
    for item in raw_catalog["capabilities"]["capabilities"]:
        for key in ("goal", "kpis", "deliverables"):
            del item[key]
    for item in raw_catalog["roles"]["roles"]:
        del item["pay_band_sek_month"], item["pay_band_source"]
    old = load_catalog_text(yaml.safe_dump({s: raw_catalog[s][s] for s in SECTIONS}), origin="old")
    assert old.capabilities == catalog.capabilities
    assert {r.id: (r.pay_band, r.pay_band_source) for r in old.roles.values()} == {
        r.id: (r.pay_band, r.pay_band_source) for r in catalog.roles.values()}
    assert old.raw["capabilities"] == catalog.raw["capabilities"]  # and they are exported with it
