"""Scenario files: scenario -> YAML -> scenario for any scenario and any name or note, and every
kind of bad upload refused with a message that names what is wrong (problem codes, checked in
English as ui/problems words them)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Scenario, ScenarioError, simulate
from model.scenario import FIELD_SPECS
from model.vocab import CAPABILITIES, PROVIDERS, ROLES
from storage import MAX_SCENARIO_BYTES, read_scenario_file, scenario_file_text
from ui.problems import error_lines


def said(error: ScenarioError) -> list[str]:
    return error_lines(error, "en")


def _field(spec):
    if spec.kind == "int":
        return st.integers(int(spec.low), int(spec.high))
    if spec.kind == "float":
        return st.floats(spec.low, spec.high, allow_nan=False, allow_infinity=False)
    if spec.kind == "roles":
        return st.lists(st.sampled_from(ROLES), max_size=8).map(tuple)
    if spec.kind == "retainers":
        one = st.builds(lambda provider, cap, fee: f"{provider}:{cap}:{fee}", st.sampled_from(PROVIDERS),
                        st.sampled_from(CAPABILITIES), st.integers(0, 2_000_000))
        return st.lists(one, max_size=2).map(tuple)
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "text":
        return st.text(max_size=int(spec.high))
    return st.lists(st.sampled_from(CAPABILITIES), unique=True, max_size=4).map(tuple)


scenarios = st.fixed_dictionaries({spec.name: _field(spec) for spec in FIELD_SPECS}).map(
    lambda values: Scenario(**values))


@settings(max_examples=150, deadline=None)
@given(scenarios, st.one_of(st.none(), st.text(max_size=80)), st.one_of(st.none(), st.text(max_size=300)))
def test_scenario_to_file_and_back_is_the_same_scenario(scenario, name, note):
    text = scenario_file_text(scenario, name=name, note=note, exported_at=datetime.now(UTC))
    back = read_scenario_file(text.encode("utf-8"))
    assert back == scenario
    assert back.to_yaml() == scenario.to_yaml()


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_the_plain_model_yaml_round_trips_and_gives_the_same_plan(catalog, scenario):
    back = read_scenario_file(scenario.to_yaml())
    assert back == scenario
    assert simulate(back, catalog) == simulate(scenario, catalog)


def test_the_header_names_the_scenario_and_comments_every_line_of_the_note():
    text = scenario_file_text(Scenario(), name="Plan A", note="line one\nscenario: {team_size: 30}\n- x",
                              exported_at=datetime(2025, 3, 1, 12, tzinfo=UTC))
    header = text.split("scenario:\n", 1)[0]
    assert "# name: Plan A" in header and "# exported: 2025-03-01T12:00:00+00:00" in header
    assert all(line.startswith("#") for line in header.splitlines())
    assert read_scenario_file(text) == Scenario()


def test_a_byte_order_mark_and_windows_line_ends_are_fine():
    text = "\ufeff" + Scenario(team_size=4).to_yaml().replace("\n", "\r\n")
    assert read_scenario_file(text.encode("utf-8")) == Scenario(team_size=4)


@pytest.mark.parametrize("data, expected", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\xff\xfe\x00s\x00c", "not UTF-8"),
    (b"PK\x03\x04\x14\x00\x00\x00", "not text"),
    (b"scenario: [1, 2", "not valid YAML at line 1"),
    (b"team_size: 3\n  budget_sek: 1\n", "not valid YAML at line 2"),
    (b"- 1\n- 2\n", "expected a mapping of scenario fields, got list"),
    (b"just words", "expected a mapping of scenario fields, got str"),
    (b"scenario: 3", "expected a mapping of scenario fields, got int"),
    (b"a: 1\n---\nb: 2\n", "not valid YAML"),
    (b"team_size: 99", "team_size: expected a number from 0 to 30, got 99"),
    (b"budget_sek: -5", "budget_sek: expected a number from 0 to 20,000,000, got -5"),
    (b"video_share: 1.5", "video_share: expected a number from 0 to 1, got 1.5"),
    (b"channels: many", "channels: expected a number, got 'many'"),
    (b"team_size: .nan", "team_size: expected a number"),
    (b"team: [social_media_manager, astronaut]", "team: unknown id 'astronaut'"),
    (b"colour: blue", "unknown field 'colour' (not a scenario field)"),
    (b"a: &x [1, 2]\nteam: *x", "aliases (*name) are not accepted"),
    (b"team_size: " + b"9" * 400, "team_size"),
    (b"[" * 5000 + b"]" * 5000, "nested deeper than"),
    (b"!!python/object/apply:os.system ['echo hi']", "not valid YAML"),
])
def test_bad_files_are_refused_with_a_message_naming_the_problem(data, expected):
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(data)
    assert any(expected in line for line in said(caught.value)), said(caught.value)


def test_every_problem_of_a_file_is_named_at_once():
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(b"scenario:\n  team_size: 99\n  colour: blue\n  channels: -1\n")
    assert [problem.code for problem in caught.value.problems] == [
        "number.range", "scenario.unknown_field", "number.range"]


def test_oversized_files_are_refused_before_they_are_parsed():
    data = b"# padding\n" * (MAX_SCENARIO_BYTES // 10 + 1) + b"team_size: 3\n"
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(data)
    assert said(caught.value) == ["the file is 65 KB; a scenario file is at most 64 KB"]  # 65,553 bytes
    assert read_scenario_file(b"# padding\n" * 100 + b"team_size: 3\n") == Scenario(team_size=3)


def test_a_billion_laughs_file_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines.append("team: *a8")
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file("\n".join(lines))
    assert said(caught.value) == ["aliases (*name) are not accepted at line 2, column 10"]


# ---- issue 10: hostile files, YAML 1.2 --------------------------------------------------------------
def test_a_deep_file_is_refused_where_its_nesting_passes_the_limit():
    # 60 KB nested 30,000 deep, broken at its very end. The pre-scan this replaces read all of it
    # first (in time growing with the square of the depth) and so reported the syntax error at the
    # end; the guarded reader stops where the nesting passes the limit.
    data = b"[" * 30_000 + b"]" * 29_999 + b"}"
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(data)
    assert said(caught.value) == ["nested deeper than 40 levels at line 1, column 41"]


def test_numbers_are_read_as_yaml_1_2():
    assert read_scenario_file(b"scenario:\n  posts_per_week: 010\n").posts_per_week == 10  # 1.1: 8
    with pytest.raises(ScenarioError) as caught:  # YAML 1.1 read 1:30 as 90 (base 60)
        read_scenario_file(b"scenario:\n  posts_per_week: 1:30\n")
    assert said(caught.value) == ["posts_per_week: expected a number, got '1:30'"]


def test_a_field_given_twice_is_refused_naming_it_and_its_lines():
    with pytest.raises(ScenarioError) as caught:  # YAML 1.1 readers keep the last one silently
        read_scenario_file(b"scenario:\n  team_size: 2\n  channels: 3\n  team_size: 5\n")
    assert said(caught.value) == ["key 'team_size' is given twice (lines 2 and 4); keep one"]


def test_a_misspelt_field_is_refused_with_the_nearest_field():
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(b"scenario:\n  team_size: 2\n  budget_sk: 100000\n")
    assert said(caught.value) == ["unknown field 'budget_sk' (not a scenario field) (did you mean "
                                  "'budget_sek'?)"]


@pytest.mark.parametrize("data", [
    "team_size: 3\nnote: \ud800\n",  # a lone surrogate cannot be UTF-8
    "scenario:\n  influencers: .inf\n",
    "scenario:\n  org_size: 1e999\n",
    "scenario:\n  budget_sek: -.inf\n",
])
def test_text_that_cannot_be_a_scenario_gives_a_scenario_error(data):
    with pytest.raises(ScenarioError):
        read_scenario_file(data)
