"""Fuzz of everything a user can hand the app: scenario files (Compare page), assumption sets
(Assumptions page) and link parameters (every page).

Every case ends in a correct reading or in the module's own error with a message, never in any
other exception. Three kinds of input per target: a corpus of hostile snippets, structured
documents whose correct reading is known (so the reading is checked, not only the absence of a
crash), and valid files with hostile text spliced in at random places.

The normal run tries FUZZ_EXAMPLES cases per test (100); the dedicated run tries more:

    FUZZ_EXAMPLES=1000 python -m pytest -m fuzz tests/test_fuzz_inputs.py -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import copy
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import CatalogError, Scenario, ScenarioError, build_catalog, load_catalog, simulate
from model.assumptions import AssumptionError, assumption_cells, import_yaml
from model.catalog import SECTIONS
from model.errors import Problem
from model.scenario import FIELD_SPECS, SPECS, check_value
from model.vocab import CAPABILITIES, ROLES
from model.yamlsafe import dump_text
from storage import read_scenario_file
from ui.assumption_texts import refusal_text
from ui.problems import error_lines, problem_text

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
CATALOG = load_catalog()
MERGED_TEXT = CATALOG.to_yaml()

# ---- hostile snippets ---------------------------------------------------------------------------------
HOSTILE: list[str] = [
    "[" * 30_000 + "]" * 30_000,
    "{a: " * 5_000 + "1" + "}" * 5_000,
    "".join("  " * level + "- \n" for level in range(400)),
    "- " * 20_000 + "x",
    "a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(80)),
    "\n".join([f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]),
    "x: " + "9" * 400, "x: -" + "9" * 5000, "x: .inf", "x: -.inf", "x: .nan", "x: 1e999", "x: 0x" + "f" * 300,
    "x: 0o" + "7" * 300, "x: !!int 1:30", "x: !!float .", "x: !!bool yes", "x: !!timestamp 2024-01-01",
    "x: !!python/object/apply:os.system ['true']", "x: !!binary aGk=", "x: !!set {a, b}", "x: !custom 1",
    "a: 1\na: 2\n", "{a: 1, a: 1}", "? [1, 2]\n: x\n", "? {a: 1}\n: x\n", "<<: {a: 1}\n",
    "a: 1\n---\nb: 2\n", "---\n...\n---\n", "%YAML 1.1\n---\na: 010\n", "%TAG ! tag:x,2000:\n---\n!a 1",
    "\ufeffa: 1", "a: \x00", "a: \x07", "a:\t1", "\t- x", "a: 'unclosed", 'a: "\\x', "a: |\n  x\n y",
    "a: " + "x" * 30_000, "[" + "1, " * 25_000 + "1]", "a: b: c", ": :", "- - - -", "? ? ?", "&a", "*a",
    "a: 010", "a: 1:30", "a: yes", "a: off", "a: ~", "a: 1_000", "a: 2024-01-31", "a: 0E0", "a: +.5",
]


def splice(base: str, snippet: str, at: int) -> str:
    index = at % (len(base) + 1)
    return base[:index] + snippet + base[index:]


# ---- targets: the outcome must be a reading or the module's own error ---------------------------------
def scenario_outcome(data: bytes | str):
    try:
        return read_scenario_file(data)
    except ScenarioError as error:
        assert error.problems and all(isinstance(p, Problem) for p in error.problems)
        for lang in ("en", "sv"):  # every problem is worded, in every language
            assert all(line.strip() for line in error_lines(error, lang))
        return error


def assumptions_outcome(text: str):
    try:
        return import_yaml(text, origin="fuzz.yaml", reference=CATALOG)
    except AssumptionError as error:
        assert refusal_text(error, "en").strip() and refusal_text(error, "sv").strip()
        return error


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
    base = Scenario(team=("copywriter",), channels=3).to_yaml()
    outcome = scenario_outcome(snippet if alone else splice(base, snippet, at))
    if isinstance(outcome, Scenario):
        check_scenario(outcome)


TRICKY = (st.none() | st.booleans() | st.integers() | st.integers(-10**30, 10**30).map(lambda n: n * 10**5)
          | st.floats() | st.text(max_size=30)
          | st.sampled_from(["010", "1:30", "yes", "0x10", "1e999", "nan", ".inf", "  3 ", "1_000", "3,5"]))
FIELD_VALUES = st.one_of(
    TRICKY,
    st.lists(st.sampled_from(ROLES + CAPABILITIES + ("astronaut", "")) | TRICKY, max_size=40),
    st.dictionaries(st.text(max_size=5), TRICKY, max_size=3),
)
EDGE_NUMBERS = st.sampled_from([math.inf, -math.inf, math.nan, 10**400, -10**400, 10**18, 2**63, 1e308, -0.0])
PLAUSIBLE = st.integers(0, 200) | st.floats(0, 1) | st.floats(0, 100) | EDGE_NUMBERS  # near the ranges
MAPPINGS = st.dictionaries(st.sampled_from([spec.name for spec in FIELD_SPECS]) | st.text(max_size=12),
                           PLAUSIBLE | FIELD_VALUES, max_size=8)


@FUZZ
@given(MAPPINGS, st.booleans())
def test_scenario_files_are_read_exactly_as_their_mapping(mapping, wrapped):
    """Known reading: the file of a mapping gives what the strict mapping reader gives."""
    text = dump_text({"scenario": mapping} if wrapped else mapping)
    outcome = scenario_outcome(text.encode("utf-8", "surrogatepass"))
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
@given(st.binary(max_size=2_000) | st.text(max_size=2_000))
def test_scenario_files_of_random_bytes_and_text(data):
    outcome = scenario_outcome(data)
    if isinstance(outcome, Scenario):
        check_scenario(outcome)


# ---- assumption sets ------------------------------------------------------------------------------------
def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    yield path


MERGED = {section: CATALOG.raw[section][section] for section in SECTIONS}
PATHS = [path for path in _leaves(MERGED) if path]


def _get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


NUMBER_PATHS = [path for path in PATHS if isinstance(_get(MERGED, path), int | float)
                and not isinstance(_get(MERGED, path), bool)]
# mostly a number where a number is (so that many sets are valid and go on to a plan), sometimes
# anything anywhere
NUMBER_CHANGE = st.tuples(st.sampled_from(NUMBER_PATHS), PLAUSIBLE)
CHANGES = st.one_of(NUMBER_CHANGE, NUMBER_CHANGE, st.tuples(st.sampled_from(PATHS), FIELD_VALUES))


def _set(doc, path, value):
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@FUZZ
@given(st.lists(CHANGES, min_size=1, max_size=3))
def test_assumption_sets_read_as_the_catalog_reads_them(changes):
    """Known reading: importing the file gives what validating the same documents gives."""
    doc = copy.deepcopy(MERGED)
    for path, value in changes:
        with contextlib.suppress(KeyError, IndexError, TypeError):  # a container an earlier change replaced
            _set(doc, path, value)
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
@given(st.text(max_size=3_000))
def test_assumption_sets_of_random_text(text):
    assumptions_outcome(text)


# ---- link parameters ------------------------------------------------------------------------------------
PARAM_VALUES = (st.text(max_size=40) | st.sampled_from(
    ["9" * 400, "-" + "9" * 5000, "1e999", "inf", "-inf", "nan", "NaN", "1:30", "010", "0x10", "1_000",
     "3,5", " 4 ", "\ud800", "\x00", "١٢", "1e-400", "+5", "5.", ".5"]))
PARAMS = st.dictionaries(
    st.sampled_from([spec.name for spec in FIELD_SPECS] + ["lang", "embed"]) | st.text(max_size=20),
    PARAM_VALUES | st.lists(PARAM_VALUES, max_size=40), max_size=10)


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
@given(st.one_of(st.none(), st.integers(), st.text(), st.lists(st.tuples(st.text(), st.text())),
                 st.dictionaries(st.integers() | st.none(), st.integers() | st.floats() | st.none())))
def test_link_parameters_of_any_shape_never_raise(params):
    check_scenario(Scenario.from_query_params(params))
