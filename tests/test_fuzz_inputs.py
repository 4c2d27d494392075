"""Fuzz of everything a user can hand the app: scenario files (Compare page), assumption sets
(Assumptions page) and link parameters (every page).

Every case ends in a correct reading or in the module's own error with a message, never in any
other exception. Three kinds of input per target: a corpus of hostile snippets, structured
documents whose correct reading is known (so the reading is checked, not only the absence of a
crash), and valid files with hostile text spliced in at random places. The cases (snippets,
strategies, readers) are in bench/fuzz_cases.py, shared with bench/bench_uploads.py; the checks are here.

The normal run tries FUZZ_EXAMPLES cases per test (100); the dedicated run tries more:

    FUZZ_EXAMPLES=1000 python -m pytest -m fuzz tests/test_fuzz_inputs.py -p no:cacheprovider
"""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import fuzz_cases
from bench.fuzz_cases import (
    ANY_PARAMS,
    CHANGES,
    HOSTILE,
    MAPPINGS,
    MERGED_TEXT,
    PARAMS,
    RANDOM_FILES,
    RANDOM_TEXT,
    SCENARIO_TEXT,
    changed_document,
    mapping_file,
    splice,
)
from model import CatalogError, Scenario, ScenarioError, build_catalog, simulate
from model.assumptions import AssumptionError, assumption_cells
from model.catalog import SECTIONS
from model.errors import Problem
from model.scenario import FIELD_SPECS, SPECS, check_value
from model.yamlsafe import dump_text
from ui.assumption_texts import refusal_text
from ui.problems import error_lines, problem_text

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


# ---- targets: the outcome must be a reading or the module's own error ---------------------------------
def scenario_outcome(data: bytes | str):
    outcome = fuzz_cases.scenario_outcome(data)
    if isinstance(outcome, ScenarioError):
        error = outcome
        assert error.problems and all(isinstance(p, Problem) for p in error.problems)
        for lang in ("en", "sv"):  # every problem is worded, in every language
            assert all(line.strip() for line in error_lines(error, lang))
    return outcome


def assumptions_outcome(text: str):
    outcome = fuzz_cases.assumptions_outcome(text)
    if isinstance(outcome, AssumptionError):
        error = outcome
        assert refusal_text(error, "en").strip() and refusal_text(error, "sv").strip()
    return outcome


def check_scenario(scenario: Scenario) -> None:
    for spec in FIELD_SPECS:
        value = getattr(scenario, spec.name)
        assert check_value(spec.name, value) == value  # every field within its range


def check_catalog(catalog) -> None:
    for cell in assumption_cells(catalog).values():
        if cell.value is not None:
            assert math.isfinite(cell.value) and cell.low <= cell.value <= cell.high, cell.key
    simulate(Scenario(), catalog, limits=False)  # and a plan can be made of it


# ---- scenario files -----------------------------------------------------------------------------------
@FUZZ
@given(st.sampled_from(HOSTILE), st.integers(0, 10**6), st.booleans())
def test_scenario_files_with_hostile_snippets(snippet, at, alone):
    outcome = scenario_outcome(snippet if alone else splice(SCENARIO_TEXT, snippet, at))
    if isinstance(outcome, Scenario):
        check_scenario(outcome)


@FUZZ
@given(MAPPINGS, st.booleans())
def test_scenario_files_are_read_exactly_as_their_mapping(mapping, wrapped):
    """Known reading: the file of a mapping gives what the strict mapping reader gives."""
    outcome = scenario_outcome(mapping_file(mapping, wrapped))
    try:
        expected = Scenario.from_mapping(mapping, strict=True)
    except ScenarioError:
        assert isinstance(outcome, ScenarioError)
        return
    if isinstance(outcome, ScenarioError) and not mapping:
        return  # an empty mapping dumps as '{}': fine either way
    assert outcome == expected
    check_scenario(outcome)


@FUZZ
@given(RANDOM_FILES)
def test_scenario_files_of_random_bytes_and_text(data):
    outcome = scenario_outcome(data)
    if isinstance(outcome, Scenario):
        check_scenario(outcome)


# ---- assumption sets ------------------------------------------------------------------------------------
@FUZZ
@given(st.lists(CHANGES, min_size=1, max_size=3))
def test_assumption_sets_read_as_the_catalog_reads_them(changes):
    """Known reading: importing the file gives what validating the same documents gives."""
    doc = changed_document(changes)
    outcome = assumptions_outcome(dump_text(doc))
    try:
        expected = build_catalog({section: {section: doc[section]} for section in SECTIONS})
    except CatalogError:
        assert isinstance(outcome, AssumptionError)
        return
    if isinstance(outcome, AssumptionError):  # only what the reader refuses before the catalog sees it
        message = refusal_text(outcome, "en")
        assert any(word in message for word in ("far too large", "given twice", "longer than")), message
        return
    assert outcome.fingerprint == expected.fingerprint
    check_catalog(outcome)


@FUZZ
@given(st.sampled_from(HOSTILE), st.integers(0, 10**6))
def test_assumption_sets_with_hostile_snippets(snippet, at):
    outcome = assumptions_outcome(splice(MERGED_TEXT, snippet, at))
    if not isinstance(outcome, AssumptionError):
        check_catalog(outcome)


@FUZZ
@given(RANDOM_TEXT)
def test_assumption_sets_of_random_text(text):
    assumptions_outcome(text)


# ---- link parameters ------------------------------------------------------------------------------------
@FUZZ
@given(PARAMS)
def test_link_parameters_never_raise_and_give_a_valid_scenario(params):
    scenario = Scenario.from_query_params(params)
    check_scenario(scenario)
    for key, raw in params.items():  # a value that is not used is noted; one that is, is the value
        if key in SPECS and SPECS[key].kind in ("int", "float") and not isinstance(raw, list):
            try:
                value = check_value(key, raw)
            except ValueError:
                assert any(note.get("key") == key for note in scenario.notes)
            else:
                assert getattr(scenario, key) == value
    for note in scenario.notes:
        assert problem_text(note, "en").strip() and problem_text(note, "sv").strip()


@FUZZ
@given(ANY_PARAMS)
def test_link_parameters_of_any_shape_never_raise(params):
    check_scenario(Scenario.from_query_params(params))
