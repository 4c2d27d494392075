"""The guarded YAML reader: YAML 1.2 core-schema values, duplicate keys, and limits checked while
parsing (with libyaml's parser and with PyYAML's Python one alike). Refusals are problem codes
with the line and column (model.errors); what they say is checked as ui/problems words them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import Problem
from model.yamlsafe import MAX_DEPTH, YamlProblem, dump_text, load_text
from ui.problems import error_text

PARSERS = [pytest.param(False, id="libyaml"), pytest.param(True, id="python")]


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("text", "value"), [
    ("010", 10),  # YAML 1.1 (PyYAML's safe_load) reads 8
    ("-007", -7),
    ("0o10", 8),
    ("0x1F", 31),
    ("1:30", "1:30"),  # YAML 1.1 reads 90 (base 60)
    ("1_000", "1_000"),  # YAML 1.1 reads 1000
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("N", "N"),
    ("true", True), ("False", False), ("TRUE", True),
    ("~", None), ("null", None), ("NULL", None),
    ("2024-01-31", "2024-01-31"),  # no timestamps in the core schema
    ("1.5", 1.5), ("1e3", 1000.0), (".5", 0.5), ("-2.", -2.0), ("+5", 5),
    ("1e999", math.inf),  # a finite-looking float too large for a double: every field checks its range
    ("0b101", "0b101"),
    ("'010'", "010"),
])
def test_values_are_read_as_yaml_1_2_core_schema(pure, text, value):
    assert load_text(f"a: {text}\n", pure=pure) == {"a": value}


@pytest.mark.parametrize("pure", PARSERS)
def test_inf_and_nan_are_floats_for_the_fields_to_judge(pure):
    data = load_text("a: .inf\nb: -.Inf\nc: .nan\n", pure=pure)
    assert data["a"] == math.inf and data["b"] == -math.inf and math.isnan(data["c"])


@pytest.mark.parametrize("pure", PARSERS)
def test_merge_keys_are_ordinary_keys(pure):
    assert load_text("<<: 1\na: 2\n", pure=pure) == {"<<": 1, "a": 2}


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("text", "says"), [
    ("budget: 1\nteam: 2\nbudget: 3\n", "key 'budget' is given twice (lines 1 and 3); keep one"),
    ("a:\n  b: 1\n  b: 1\n", "key 'b' is given twice (lines 2 and 3)"),
    ("{x: 1, x: 2}", "key 'x' is given twice"),
    ("1: a\n1.0: b\n", "is given twice"),
])
def test_a_key_given_twice_is_refused_naming_key_and_lines(pure, text, says):
    with pytest.raises(YamlProblem) as caught:
        load_text(text, pure=pure)
    assert caught.value.problem.code == "yaml.duplicate_key"
    assert says in error_text(caught.value)


@pytest.mark.parametrize("pure", PARSERS)
def test_depth_is_checked_while_parsing(pure):
    # 60 KB nested 30,000 deep, broken at its very end: a reader that looked at the whole document
    # first would report the syntax error; this one stops where the nesting passes the limit.
    text = "[" * 30_000 + "]" * 29_999 + "}"
    with pytest.raises(YamlProblem) as caught:
        load_text(text, pure=pure)
    column = MAX_DEPTH + 1
    assert caught.value.problem == Problem("yaml.too_deep", {"most": MAX_DEPTH, "line": 1, "column": column})
    assert error_text(caught.value) == f"nested deeper than {MAX_DEPTH} levels at line 1, column {column}"


@pytest.mark.parametrize("pure", PARSERS)
def test_block_nesting_is_checked_while_parsing(pure):
    text = "".join("  " * level + "- \n" for level in range(200)) + "\t!bad"
    with pytest.raises(YamlProblem) as caught:
        load_text(text, pure=pure)
    assert error_text(caught.value).startswith(f"nested deeper than {MAX_DEPTH} levels at line")


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize(("text", "says"), [
    ("a: &x [1]\nb: *x\n", "aliases (*name) are not accepted at line 2, column 4"),
    ("a: " + "9" * 400, "a: a number with 400 digits is far too large (line 1)"),
    ("- " + "9" * 30, "a number with 30 digits is far too large (line 1)"),
    ("a: !!python/object/apply:os.system ['true']", "not valid YAML: unknown tag at line 1, column 4"),
    ("a: !!int 1:30", "'1:30' is not a whole number (line 1)"),
    ("a: !!bool yes", "'yes' is not true or false (line 1)"),
    ("a: !!float 1,5", "'1,5' is not a number (line 1)"),
    ("a: 1\n---\nb: 2\n", "not valid YAML at line 2"),
    ("? [1]\n: 2\n", "a list or mapping cannot be a key (line 1)"),
    ("[" + "1, " * 30_000 + "1]", "more than 10,000 values"),
    ("a: " + "x" * 30_000, "a value longer than 20,000 characters"),
])
def test_refusals_say_why(pure, text, says):
    with pytest.raises(YamlProblem) as caught:
        load_text(text, pure=pure)
    assert says in error_text(caught.value)
    assert error_text(caught.value, "sv") != error_text(caught.value, "en")  # and in Swedish


def test_size_and_encoding_are_checked_before_parsing():
    for data in (b"a: 1\n" * 500, "å" * 1500):  # 3,000 bytes in UTF-8
        with pytest.raises(YamlProblem) as caught:
            load_text(data, max_bytes=2048)
        assert caught.value.problem == Problem("yaml.too_large", {"most_bytes": 2048})
        assert error_text(caught.value) == "larger than 2 KB"
    with pytest.raises(YamlProblem) as caught:
        load_text(b"\xff\xfe")
    assert error_text(caught.value) == "not UTF-8 text"


def test_a_refusal_survives_pickling():
    import pickle

    with pytest.raises(YamlProblem) as caught:
        load_text("a: 1\na: 2\n")
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, YamlProblem) and again.problem == caught.value.problem


def test_the_shipped_data_reads_the_same_as_before(catalog):
    """data/ relies on nothing that YAML 1.1 and 1.2 read differently (dumped, read back)."""
    raw = catalog.to_raw()
    assert load_text(dump_text(raw)) == raw


words = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20)  # NEL: PyYAML's own quirk
json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-10**15, 10**15)
    | st.floats(allow_nan=False, allow_infinity=False) | words
    | st.sampled_from(["010", "1:30", "yes", "off", "0E0", "0o7", "0x1F", "2024-01-31", "1_000", "~"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(words, children, max_size=4),
    max_leaves=20)


@settings(max_examples=100, deadline=None)
@given(json_like)
def test_what_dump_text_writes_load_text_reads_back_with_both_parsers(data):
    text = dump_text({"x": data})
    assert load_text(text) == {"x": data}
    assert load_text(text, pure=True) == {"x": data}
