"""Scenario: defaults, the URL and YAML round trips, and untrusted input that must never raise.
Problems are codes with values (model.errors); what they say is checked in English as ui/problems
renders them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import FIELD_SPECS, Scenario, ScenarioError
from model.errors import Invalid, Problem
from model.scenario import MAX_TEAM, SPECS, field_names
from model.vocab import CAPABILITIES, ROLES
from tests.model.test_properties import scenarios
from ui.problems import error_text, problem_text

FUZZ = settings(max_examples=200, deadline=None)


def test_every_field_has_a_spec_and_a_default():
    assert [spec.name for spec in FIELD_SPECS] == list(field_names())
    default = Scenario()
    for spec in FIELD_SPECS:
        assert getattr(default, spec.name) == spec.default
        if spec.kind in ("int", "float"):
            assert spec.low <= spec.default <= spec.high


def test_design_fields_exist():
    for name in ("team_size", "team", "budget_sek", "marketing_lead_hours", "channels",
                 "posts_per_week", "video_share", "inbound_per_week", "ad_spend_sek_month",
                 "influencers", "org_size"):
        assert name in SPECS


def test_scenario_is_keyword_only_and_validates():
    with pytest.raises(TypeError):
        Scenario(3)  # type: ignore[misc]
    with pytest.raises(ValueError, match="team_size") as caught:
        Scenario(team_size=MAX_TEAM + 1)
    assert isinstance(caught.value, Invalid)
    assert caught.value.problem == Problem("number.range", {"low": 0, "high": MAX_TEAM, "got": MAX_TEAM + 1,
                                                            "key": "team_size"})
    with pytest.raises(Invalid) as caught:
        Scenario(team=("astronaut",))
    assert problem_text(caught.value.problem) == "team: unknown id 'astronaut'"


def test_replace_clears_the_explicit_team_when_team_size_changes():
    scenario = Scenario(team=("copywriter",), budget_sek=1)
    assert scenario.replace(team_size=4).team == ()
    assert scenario.replace(team_size=4).team_size == 4
    assert scenario.replace(budget_sek=2).team == ("copywriter",)


def test_capability_lists_are_canonical():
    assert Scenario(outsource=("create", "lead", "create")).outsource == ("lead", "create")


# ---- round trips --------------------------------------------------------------------------
@FUZZ
@given(scenarios())
def test_query_params_round_trip(scenario):
    params = scenario.to_query_params()
    assert set(params) == set(SPECS)
    for value in params.values():
        assert isinstance(value, str) or all(isinstance(item, str) for item in value)
    again = Scenario.from_query_params(params)
    assert again == scenario and again.notes == ()


@FUZZ
@given(scenarios())
def test_query_params_round_trip_through_a_url(scenario):
    from urllib.parse import parse_qs, urlencode

    query = urlencode(scenario.to_query_params(), doseq=True)
    again = Scenario.from_query_params(parse_qs(query))
    assert again == scenario


@FUZZ
@given(scenarios())
def test_yaml_round_trip(scenario):
    assert Scenario.from_yaml(scenario.to_yaml()) == scenario
    assert Scenario.from_mapping(scenario.to_dict(), strict=True) == scenario


def test_query_params_from_streamlit_style_mapping():
    scenario = Scenario.from_query_params({
        "team_size": "5", "budget_sek": ["100", "3000000"], "team": ["copywriter", "web_analyst"],
        "outsource": "create,analyze", "lang": "sv", "video_share": "0.5",
    })
    assert scenario == Scenario(team=("copywriter", "web_analyst"), budget_sek=3_000_000,
                                outsource=("create", "analyze"), video_share=0.5)
    assert scenario.notes == ()  # lang is not a scenario field but is no mistake either


# ---- garbage never raises ---------------------------------------------------------------------
JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**300),
    st.floats(), st.just(math.nan), st.just(math.inf), st.just(-math.inf),
    st.text(max_size=30), st.sampled_from(["nan", "inf", "-1", "1e999", "", " ", "1_000", "0x10",
                                           "astronaut", "lead,astronaut", "3.5", "∞"]),
    st.sampled_from(ROLES + CAPABILITIES),
)
JUNK_VALUES = st.one_of(JUNK, st.lists(JUNK, max_size=40), st.dictionaries(st.text(max_size=5), JUNK,
                                                                           max_size=3))
KEYS = st.one_of(st.sampled_from(list(SPECS) + ["lang", "notes", "__class__"]), st.text(max_size=12))


@FUZZ
@given(st.dictionaries(KEYS, JUNK_VALUES, max_size=15))
def test_from_query_params_never_raises(params):
    scenario = Scenario.from_query_params(params)
    assert isinstance(scenario, Scenario)
    for spec in FIELD_SPECS:  # whatever came in, every field is valid
        value = getattr(scenario, spec.name)
        if spec.kind in ("int", "float"):
            assert spec.low <= value <= spec.high
    # a field that fell back to its default is always reported
    for key in set(params) & set(SPECS):
        if key == "team" or (key == "team_size" and scenario.team):
            continue
        if getattr(scenario, key) == SPECS[key].default and params[key] not in ([], ()):
            good = Scenario.from_mapping({key: _last(params[key], SPECS[key].kind)}).notes == ()
            assert good or any(note.get("key") == key for note in scenario.notes), (key, scenario.notes)


def _last(value, kind):
    """The value from_query_params hands on for a field of this kind."""
    if kind == "retainers":
        items = value if isinstance(value, list | tuple) else [value]
        return [str(item) for item in items if str(item).strip()]
    if kind in ("roles", "capabilities"):
        items = value if isinstance(value, list | tuple) else [value]
        return [part for item in items for part in str(item).split(",") if part]
    return value[-1] if isinstance(value, list | tuple) else value


@FUZZ
@given(st.dictionaries(KEYS, JUNK_VALUES, max_size=15))
def test_from_mapping_lenient_never_raises(mapping):
    scenario = Scenario.from_mapping(mapping)
    unknown = [key for key in mapping if key not in SPECS]
    assert sum(1 for note in scenario.notes if note.code == "scenario.field_ignored") == len(unknown)
    for note in scenario.notes:  # every note renders, in both languages, whatever it holds
        assert problem_text(note, "en") and problem_text(note, "sv")


@pytest.mark.parametrize("params", [None, 42, "team_size=3", ["team_size", "3"], object(), b"x"])
def test_non_mappings_give_the_default_with_a_note(params):
    scenario = Scenario.from_query_params(params)
    assert scenario == Scenario() and scenario.notes


@pytest.mark.parametrize(("key", "value"), [
    ("team_size", "nan"), ("team_size", "inf"), ("team_size", "-3"), ("team_size", "2.5"),
    ("team_size", "99"), ("budget_sek", "1e400"), ("budget_sek", 10**400), ("budget_sek", "-1"),
    ("video_share", "1.5"), ("video_share", math.nan), ("channels", "four"), ("org_size", "0"),
    ("team", "astronaut"), ("team", ["copywriter"] * (MAX_TEAM + 1)), ("outsource", "marketing"),
    ("marketing_lead_hours", [math.inf]),
])
def test_bad_values_fall_back_with_a_note(key, value):
    scenario = Scenario.from_query_params({key: value, "channels": "7"} if key != "channels"
                                          else {key: value})
    assert getattr(scenario, key) == SPECS[key].default
    assert len(scenario.notes) == 1 and scenario.notes[0].get("key") == key
    assert scenario.notes[0].get("default") == SPECS[key].default
    text = problem_text(scenario.notes[0], "en")
    if SPECS[key].kind in ("roles", "capabilities"):  # the default of a list is empty
        assert text.startswith(f"{key}: ") and text.endswith("; left empty")
    else:
        assert text.startswith(f"{key}: ") and "; default " in text and text.endswith(" used")
    if key != "channels":
        assert scenario.channels == 7  # the good value next to it is kept


def test_unknown_keys_are_noted_in_mappings_and_in_urls():
    assert Scenario.from_query_params({"colour": "red"}).notes == (
        Problem("link.param_ignored", {"name": "'colour'"}),)
    assert Scenario.from_mapping({"colour": "red"}).notes == (
        Problem("scenario.field_ignored", {"name": "'colour'"}),)
    (note,) = Scenario.from_mapping({"chanels": 3}).notes
    assert note == Problem("scenario.field_ignored", {"name": "'chanels'", "suggestion": "channels"})
    assert problem_text(note) == "unknown field 'chanels' ignored (did you mean 'channels'?)"
    assert [problem_text(note) for note in Scenario.from_query_params({"colour": "red"}).notes] == [
        "unknown link parameter 'colour' ignored"]


@pytest.mark.parametrize("value", ["9" * 400, "-" + "9" * 5000, "1e999", "inf", "-Infinity", "nan",
                                   "1" * 100 + ".5", "0x10", "1:30", "\ud800", "9" * 400 + "e400"])
def test_numbers_a_link_cannot_hold_fall_back_without_overflow(value):
    for name in ("team_size", "budget_sek", "video_share", "org_size"):
        scenario = Scenario.from_query_params({name: value})
        assert getattr(scenario, name) == SPECS[name].default
        assert scenario.notes and scenario.notes[0].get("key") == name
        assert problem_text(scenario.notes[0]).startswith(f"{name}: ")


@pytest.mark.parametrize("value", [10**400, -10**400, math.inf, -math.inf, math.nan, 1e308, 2**63])
def test_numbers_a_mapping_cannot_hold_are_refused_without_overflow(value):
    for name in ("team_size", "marketing_lead_hours", "video_share", "inbound_per_week"):
        with pytest.raises(ScenarioError) as caught:
            Scenario.from_mapping({name: value}, strict=True)
        assert error_text(caught.value).startswith(f"{name}: ")


def test_yaml_is_read_as_1_2():
    assert Scenario.from_yaml("channels: 010").channels == 10  # YAML 1.1: 8
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml("posts_per_week: 1:30")  # YAML 1.1: 90
    assert error_text(caught.value) == "posts_per_week: expected a number, got '1:30'"
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml("channels: 3\nchannels: 4\n")
    assert error_text(caught.value) == "key 'channels' is given twice (lines 1 and 2); keep one"


# ---- YAML, strict ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("team_size: [1, 2", "not valid YAML at line"),
    ("a: !!python/object/apply:os.system ['true']", "not valid YAML"),
    ("- 1\n- 2\n", "expected a mapping of scenario fields, got list"),
    ("just text", "expected a mapping of scenario fields, got str"),
    ("", "expected a mapping of scenario fields, got NoneType"),
    ("scenario: 5", "expected a mapping of scenario fields, got int"),
    ("scenario: {team_size: 99}", "team_size: expected a number from 0 to 30, got 99"),
    ("budget_sek: -5", "budget_sek: expected a number from 0 to 20,000,000, got -5"),
    ("video_share: .nan", "video_share: expected a number, got nan"),
    ("budget_sek: " + "9" * 500, "budget_sek: a number with 500 digits is far too large (line 1)"),
    ("budget_sek: " + "9" * 5000, "budget_sek: a number with 5,000 digits is far too large (line 1)"),
    ("[" * 5000 + "]" * 5000, "nested deeper than"),
    ("a: &a [x, x, x]\nteam: [*a, *a]\n", "aliases (*name) are not accepted at line 2"),
    ("note: " + "x" * 70_000, "larger than 64 KB"),
    ("team: [copywriter, astronaut]", "team: unknown id 'astronaut'"),
    ("colour: red", "unknown field 'colour' (not a scenario field)"),
    ("chanels: 3", "unknown field 'chanels' (not a scenario field) (did you mean 'channels'?)"),
])
def test_from_yaml_strict_names_the_problem(text, expected):
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml(text)
    assert expected in error_text(caught.value, "en")
    assert all("default" not in problem.values for problem in caught.value.problems)  # strict: no fallback
    assert "default" not in error_text(caught.value, "en")


def test_from_yaml_lists_every_problem():
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml("team_size: -1\nchannels: many\nzzz: 1\n")
    assert [problem.code for problem in caught.value.problems] == [
        "number.range", "number.expected", "scenario.unknown_field"]
    assert error_text(caught.value) == (
        "team_size: expected a number from 0 to 30, got -1; channels: expected a number, got 'many'; "
        "unknown field 'zzz' (not a scenario field)")


def test_from_yaml_lenient_falls_back():
    scenario = Scenario.from_yaml("scenario: {team_size: -1, channels: 6}", strict=False)
    assert scenario.team_size == SPECS["team_size"].default and scenario.channels == 6
    assert scenario.notes


def test_to_yaml_is_the_scenario_document():
    import yaml

    data = yaml.safe_load(Scenario(team=("copywriter",)).to_yaml())
    assert list(data) == ["scenario"] and data["scenario"]["team"] == ["copywriter"]
    assert "notes" not in data["scenario"]


def test_a_capability_in_both_sourcing_lists_is_outsourced():
    scenario = Scenario(outsource=("create",), insource=("create", "analyze"))
    assert scenario.outsource == ("create",) and scenario.insource == ("analyze",)
    parsed = Scenario.from_query_params({"outsource": ["create"], "insource": ["create"]})
    assert parsed.insource == () and Scenario.from_query_params(parsed.to_query_params()) == parsed


def test_unknown_link_parameters_are_reported_but_the_apps_own_are_not():
    scenario = Scenario.from_query_params({"foo": "bar", "lang": "sv", "embed": "true", "team_size": "3"})
    assert scenario.team_size == 3
    assert scenario.notes == (Problem("link.param_ignored", {"name": "'foo'"}),)
