"""Notes about refused input read in Swedish on the Swedish pages: the model reports codes with
values (model.errors.Problem), ui/problems words them through the catalogs."""

import re

import pytest

from model import Scenario, ScenarioError
from storage import read_scenario_file
from tests.apptest_support import new_app, run
from ui.problems import error_lines, problem_text

ENGLISH = ("expected", "outside", "default", "unknown", "used", "ignored", "not valid", "nested", "larger",
           "file", "empty", "aliases")


@pytest.mark.parametrize("query", [
    {"team_size": "abc"}, {"budget_sek": "-1"}, {"team": ["astronaut"]}, {"colour": "red"},
    {"video_share": "2"}, {"channels": "1.5"}, {"team": ["copywriter"] * 31},
])
def test_every_link_note_is_swedish(query):
    notes = Scenario.from_query_params(query).notes + Scenario.from_mapping(query).notes
    assert notes
    for problem in notes:
        swedish, english = problem_text(problem, "sv"), problem_text(problem, "en")
        assert swedish != english
        for word in ENGLISH:
            assert not re.search(rf"\b{word}\b", swedish), swedish


@pytest.mark.parametrize("text", ["a: [1", "a: &x 1\nb: *x", "[" * 100 + "]" * 100, "- 1", "",
                                  "colour: red", b"\xff\xfe", b"a: 1\x00", "x: " + "y" * 70_000])
def test_upload_problems_are_swedish(text):
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(text)
    for swedish in error_lines(caught.value, "sv"):
        for word in ENGLISH:
            assert not re.search(rf"\b{word}\b", swedish), swedish


def test_sidebar_shows_the_notes_in_swedish():
    at = run(new_app({"team_size": "abc", "lang": "sv"}))
    warnings = [str(w.value) for w in at.sidebar.warning]
    expected = "team_size: förväntade ett tal, fick 'abc'; standardvärdet 1 används"
    assert any(expected in w for w in warnings), warnings


def test_unknown_link_parameter_note_in_swedish():
    (problem,) = Scenario.from_query_params({"foo": "bar"}).notes
    assert problem_text(problem, "sv") == "okänd parameter 'foo' i länken ignoreras"
    assert problem_text(problem, "en") == "unknown link parameter 'foo' ignored"
