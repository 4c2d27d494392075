"""The fuzz cases of everything a user can hand the app: scenario files (Compare page), assumption
sets (Assumptions page) and link parameters (every page).

Shared by the fuzz tests (tests/test_fuzz_inputs.py, which check every outcome) and the upload
benchmark (bench/bench_uploads.py, which times every case): the hostile snippets, the hypothesis
strategies, and the pure functions that turn a drawn case into an input and read it. No test code
and no assertions here; bench/ imports nothing from tests/.
"""

from __future__ import annotations

import contextlib
import copy
import math

from hypothesis import strategies as st

from model import Scenario, ScenarioError, load_catalog
from model.assumptions import AssumptionError, import_yaml
from model.catalog import SECTIONS
from model.scenario import FIELD_SPECS
from model.vocab import CAPABILITIES, ROLES
from model.yamlsafe import dump_text
from storage import read_scenario_file

CATALOG = load_catalog()
MERGED_TEXT = CATALOG.to_yaml()  # a valid assumption set: the shipped one
SCENARIO_TEXT = Scenario(team=("copywriter",), channels=3).to_yaml()  # a valid scenario file

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


# ---- the readers: the outcome is a reading or the module's own error ----------------------------------
def scenario_outcome(data: bytes | str) -> Scenario | ScenarioError:
    """The scenario a file reads as, or the reader's ScenarioError."""
    try:
        return read_scenario_file(data)
    except ScenarioError as error:
        return error


def assumptions_outcome(text: str):
    """The catalog an assumption set reads as (against the shipped one), or the AssumptionError."""
    try:
        return import_yaml(text, origin="fuzz.yaml", reference=CATALOG)
    except AssumptionError as error:
        return error


# ---- scenario files -----------------------------------------------------------------------------------
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
RANDOM_FILES = st.binary(max_size=2_000) | st.text(max_size=2_000)


def mapping_file(mapping, wrapped: bool) -> bytes:
    """The scenario file of a mapping, under a `scenario:` key or not."""
    text = dump_text({"scenario": mapping} if wrapped else mapping)
    return text.encode("utf-8", "surrogatepass")


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
RANDOM_TEXT = st.text(max_size=3_000)


def _set(doc, path, value):
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def changed_document(changes) -> dict:
    """The shipped documents (section -> its document) with the changes made, in order."""
    doc = copy.deepcopy(MERGED)
    for path, value in changes:
        with contextlib.suppress(KeyError, IndexError, TypeError):  # a container an earlier change replaced
            _set(doc, path, value)
    return doc


# ---- link parameters ------------------------------------------------------------------------------------
PARAM_VALUES = (st.text(max_size=40) | st.sampled_from(
    ["9" * 400, "-" + "9" * 5000, "1e999", "inf", "-inf", "nan", "NaN", "1:30", "010", "0x10", "1_000",
     "3,5", " 4 ", "\ud800", "\x00", "١٢", "1e-400", "+5", "5.", ".5"]))
PARAMS = st.dictionaries(
    st.sampled_from([spec.name for spec in FIELD_SPECS] + ["lang", "embed"]) | st.text(max_size=20),
    PARAM_VALUES | st.lists(PARAM_VALUES, max_size=40), max_size=10)
ANY_PARAMS = st.one_of(st.none(), st.integers(), st.text(), st.lists(st.tuples(st.text(), st.text())),
                       st.dictionaries(st.integers() | st.none(), st.integers() | st.floats() | st.none()))
