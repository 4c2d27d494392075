"""Notes about refused input read in Swedish on the Swedish pages."""

import pytest

from model import Scenario, ScenarioError
from tests.apptest_support import new_app, run
from ui.i18n import note


@pytest.mark.parametrize("query", [
    {"team_size": "abc"}, {"budget_sek": "-1"}, {"team": ["astronaut"]}, {"colour": "red"},
    {"video_share": "2"}, {"channels": "1.5"},
])
def test_every_link_note_is_swedish(query):
    notes = Scenario.from_query_params(query).notes or Scenario.from_mapping(query).notes
    assert notes
    for text in notes:
        swedish = note(text, "sv")
        assert swedish != text
        for english in ("expected", "outside", "default", "unknown", "used", "ignored"):
            assert english not in swedish, swedish
        assert note(text, "en") == text


@pytest.mark.parametrize("text", ["a: [1", "a: &x 1\nb: *x", "[" * 100 + "]" * 100, "- 1"])
def test_upload_problems_are_swedish(text):
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml(text)
    for problem in caught.value.problems:
        swedish = note(problem, "sv")
        assert "expected" not in swedish and "not valid" not in swedish and "nested" not in swedish


def test_sidebar_shows_the_notes_in_swedish():
    at = run(new_app({"team_size": "abc", "lang": "sv"}))
    warnings = [str(w.value) for w in at.sidebar.warning]
    assert any("förväntade ett tal, fick 'abc'; standardvärdet 2 används" in w for w in warnings), warnings


def test_unknown_link_parameter_note_in_swedish():
    (text,) = Scenario.from_query_params({"foo": "bar"}).notes
    assert note(text, "sv") == "okänd parameter 'foo' i länken ignoreras"
