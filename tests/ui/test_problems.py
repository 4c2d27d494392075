"""ui/problems.py words every problem the model can report (model.errors.CODES), in every language:
one template per code, with exactly that code's values, rendered without a placeholder left over."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path

import pytest

from model import CatalogError, Scenario, ScenarioError, load_catalog_text
from model.errors import CODES, PLACE, Invalid, Problem
from model.solver import SolverError
from model.yamlsafe import YamlProblem, load_text
from ui.fmt import NBSP
from ui.i18n import LANGS, PSEUDO, gettext
from ui.problems import TEMPLATES, error_lines, error_text, problem_text

LANGUAGES = [*LANGS, PSEUDO]
# A sample of each kind of value, by the value's name (else a name as written).
SAMPLES = {
    "got": "'abc'", "low": 0, "high": 20_000_000, "count": 31, "most": 30, "digits": 400, "first": 1,
    "second": 3, "size_bytes": 3 * 1024 * 1024, "most_bytes": 64 * 1024, "expected": ("all", "video"),
    "keys": ("share", "bonus"), "allowed": ("share", "capability"), "languages": ("en", "sv"),
    "got_type": "list", "text": "'yes'", "field": "{0}", "kind": "share_at_least", "status": "Infeasible",
}


def _sample(code: str) -> Problem:
    return Problem(code, {name: SAMPLES.get(name, "budget_sek") for name in CODES[code]})


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_one_template_and_every_template_a_code():
    assert set(TEMPLATES) == set(CODES)


def test_every_registered_code_is_raised_somewhere():
    """The registry holds what the model (and storage/, reading scenario files) reports, no more:
    each code is written out where it is raised."""
    root = Path(__file__).resolve().parents[2]
    source = "".join(path.read_text(encoding="utf-8") for folder in ("model", "storage")
                     for path in sorted((root / folder).rglob("*.py")) if path.name != "errors.py")
    unused = [code for code in CODES if f'"{code}"' not in source and f"'{code}'" not in source]
    assert not unused


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_template_has_exactly_the_values_of_its_code(code):
    assert _fields(TEMPLATES[code]) == set(CODES[code])
    assert not set(CODES[code]) & set(PLACE)  # a place is worded around the text, not inside it


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_renders_in_each_language_without_a_placeholder_left(code, lang):
    text = problem_text(_sample(code), lang)
    assert text and "{" not in text.replace("{0}", "") and "}" not in text.replace("{0}", "")
    if lang == "sv":
        assert text != problem_text(_sample(code), "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_place_and_the_fallback_are_worded_around_the_problem(lang):
    problem = Problem("number.expected", {"got": "'x'", "key": "budget_sek", "line": 3, "column": 7,
                                          "suggestion": "budget_sek", "default": 2_000_000})
    text = problem_text(problem, lang)
    assert text.startswith("budget_sek: ") and "'x'" in text and "3" in text and "7" in text
    assert ("2,000,000" if lang != "sv" else f"2{NBSP}000{NBSP}000") in text or lang == PSEUDO


def test_english_wording():
    assert problem_text(Problem("number.range", {"low": 0, "high": 20_000_000, "got": -5, "key": "budget_sek",
                                                 "default": 2_000_000})) == (
        "budget_sek: expected a number from 0 to 20,000,000, got -5; default 2,000,000 used")
    assert problem_text(Problem("value.unknown", {"got": "'x'", "expected": ("all", "video", "non_video"),
                                                  "suggestion": "all"})) == (
        "unknown value 'x' (expected all, video or non_video) (did you mean 'all'?)")
    assert problem_text(Problem("type.mapping_with", {"keys": ("value", "unit", "source")})) == (
        "expected a mapping with value, unit and source")
    assert problem_text(Problem("param.unknown", {"kind": "k", "expected": ()})) == (
        "unknown parameter for kind k (expected none)")
    assert problem_text(Problem("ids.unknown", {"got": "'x'", "key": "team", "default": ()})) == (
        "team: unknown id 'x'; left empty")
    assert problem_text(Problem("yaml.alias", {"line": 2, "column": 4})) == (
        "aliases (*name) are not accepted at line 2, column 4")
    assert problem_text(Problem("yaml.not_bool", {"text": "'yes'", "line": 5})) == (
        "'yes' is not true or false (line 5)")
    assert problem_text(Problem("file.too_large", {"size_bytes": 3 * 1024 * 1024, "most_bytes": 65536})) == (
        "the file is 3.0 MB; a scenario file is at most 64 KB")


def test_swedish_wording():
    assert problem_text(Problem("number.not_whole", {"got": 2.5, "key": "channels", "default": 4}), "sv") == (
        "channels: förväntade ett heltal, fick 2,5; standardvärdet 4 används")
    assert problem_text(Problem("number.range", {"low": 0, "high": 20_000_000, "got": -5}), "sv") == (
        f"förväntade ett tal från 0 till 20{NBSP}000{NBSP}000, fick -5")
    assert problem_text(Problem("value.unknown", {"got": "'x'", "expected": ("all", "video", "non_video")}),
                        "sv") == "okänt värde 'x' (förväntade all, video eller non_video)"
    assert problem_text(Problem("yaml.duplicate_key", {"name": "budget", "first": 1, "second": 3}), "sv") == (
        "nyckeln 'budget' finns två gånger (rad 1 och 3); behåll en")
    assert problem_text(Problem("link.param_ignored", {"name": "'foo'"}), "sv") == (
        "okänd parameter 'foo' i länken ignoreras")


def test_numbers_keep_their_decimals_and_huge_ones_are_written_as_python_does():
    assert problem_text(Problem("number.range", {"low": 0.0, "high": 1e-05, "got": 0.5})) == (
        "expected a number from 0 to 0.00001, got 0.5")
    assert "1e+28" in problem_text(Problem("number.expected", {"got": 1e28}))
    assert "inf" in problem_text(Problem("number.expected", {"got": float("inf")}))
    assert "~1e400" in problem_text(Problem("number.expected", {"got": 10**400}))


# ---- the errors of the model ------------------------------------------------------------------
def test_a_catalog_error_names_file_entry_and_key_in_each_language():
    error = CatalogError("data/roles.yaml", "roles[2] (id=copywriter)", "fit.lead",
                         Problem("number.range", {"low": 0.0, "high": 1.0, "got": 1.5}))
    assert error_text(error) == (
        "data/roles.yaml: roles[2] (id=copywriter): key 'fit.lead': expected a number from 0 to 1, got 1.5")
    assert error_text(error, "sv") == (
        "data/roles.yaml: roles[2] (id=copywriter): nyckeln 'fit.lead': "
        "förväntade ett tal från 0 till 1, fick 1,5")
    # str() is for logs: the same place, the code and its values, no prose
    assert str(error) == ("data/roles.yaml: roles[2] (id=copywriter): key 'fit.lead': number.range "
                          "(low=0.0, high=1.0, got=1.5)")


def test_a_catalog_error_from_an_upload_renders():
    with pytest.raises(CatalogError) as caught:
        load_catalog_text("settings: {}\n")
    assert error_text(caught.value).startswith("upload: key 'capabilities': section is missing")
    assert error_text(caught.value, "sv").startswith("upload: nyckeln 'capabilities': avsnittet saknas")


def test_every_problem_of_a_scenario_error_is_a_line():
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_yaml("team_size: -1\nchannels: many\nzzz: 1\n")
    assert error_lines(caught.value, "sv") == [
        "team_size: förväntade ett tal från 0 till 30, fick -1",
        "channels: förväntade ett tal, fick 'many'",
        "okänt fält 'zzz' (inte ett fält i ett scenario)"]
    assert error_text(caught.value, "sv") == "; ".join(error_lines(caught.value, "sv"))


def test_yaml_problems_invalid_values_and_the_solver_render():
    with pytest.raises(YamlProblem) as caught:
        load_text("a: *x\n")
    assert error_text(caught.value, "sv").startswith("alias (*namn) godtas inte på rad 1")
    assert error_text(Invalid("bool.expected", got="3", key="optional")) == (
        "optional: expected true or false, got 3")
    assert error_text(SolverError("Infeasible"), "sv") == (
        "optimeringen hittade ingen plan (HiGHS: Infeasible)")
    assert error_text(RuntimeError("disk full")) == "disk full"  # not the model's: as it is


@pytest.mark.parametrize("error", [
    Invalid("number.expected", got="'x'", key="team_size"),
    CatalogError("data/x.yaml", None, "k", Problem("key.missing")),
    ScenarioError([Problem("file.empty"), Problem("link.unreadable")]),
    SolverError("Infeasible"),
])
def test_errors_survive_pickling(error):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    assert error_text(again, "sv") == error_text(error, "sv")


# ---- the Problem type ------------------------------------------------------------------------
def test_a_problem_refuses_an_unregistered_code_and_values_its_code_does_not_declare():
    with pytest.raises(KeyError, match="unregistered problem code"):
        Problem("number.weird")
    with pytest.raises(KeyError):
        Problem("number.expected", {})  # `got` is required
    with pytest.raises(KeyError):
        Problem("number.expected", {"got": 1, "colour": "red"})
    with pytest.raises(TypeError):
        Problem("number.expected", {"got": object()})
    with pytest.raises(TypeError):
        CatalogError("data/x.yaml", None, None, "file is missing")  # prose is not a problem


def test_problems_are_values():
    one = Problem("ids.unknown", {"got": "'x'", "key": "team"})
    assert one == Problem("ids.unknown", {"key": "team", "got": "'x'"})
    assert hash(one) == hash(Problem("ids.unknown", {"key": "team", "got": "'x'"}))
    assert one.with_values(default=()).get("default") == () and one.get("default") is None
    assert str(one) == "ids.unknown (got=\"'x'\", key='team')"


def test_the_templates_are_in_the_catalog_of_every_language():
    for lang in LANGS:
        if lang == "en":
            continue
        for code, template in TEMPLATES.items():
            assert gettext(lang, template) != template, (lang, code)
            assert not re.search(r"\bplats\b", gettext(lang, template))
