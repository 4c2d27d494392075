"""The one YAML reader for everything a user uploads and everything data/ holds.

Guarded while it parses (nothing looks at the whole document first): the size in bytes, the
nesting depth, the number of values and the length of one value are counted as the parser goes,
and the first limit passed stops it with a YamlProblem naming the line (a model.errors.Problem:
a code with values, worded by ui/problems.py). Aliases are refused (a
few hundred bytes of nested aliases can take the server's memory).

Values are read as YAML 1.2's core schema reads them, not as PyYAML's YAML 1.1 does:

- `010` is the number 10 (a decimal; `0o10` is octal 8, `0x10` hexadecimal 16);
- `1:30` is the text "1:30" (no base-60 numbers), `1_000` is text (no digit separators);
- only `true`/`false` (also `True`, `TRUE`, …) are booleans: `yes`, `no`, `on`, `off`, `y`
  and `n` are text;
- `null`, `~` and an empty value are null; dates are text (there is no timestamp type);
- `<<` is an ordinary key (no merge keys).

A key given twice in one mapping is refused with the key and both lines. A whole number with
more digits than any figure of the app has (MAX_INT_DIGITS) is refused before it is converted.
`.inf` and `.nan` are read as floats: every field checks its own range.

libyaml's parser is used when PyYAML has it (about ten times faster); the nesting, counting,
resolving and constructing are this module's Python either way, so both give the same values.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from .errors import Problem

MAX_DEPTH = 40  # data/ nests 5 levels deep
MAX_NODES = 10_000  # data/ as one document holds about 2,000 values
MAX_SCALAR_CHARS = 20_000  # the longest text in data/ is a few hundred characters
MAX_INT_DIGITS = 18  # no figure of the app comes near 10**18
MAX_BYTES = 2_000_000


class YamlProblem(ValueError):
    """The text is not YAML we accept: `problem` says why (and where, when known: `line`, `column`)."""

    def __init__(self, code: str, mark=None, *, column: bool = True, **values: Any):
        if mark is not None:
            values["line"] = mark.line + 1
            if column:
                values["column"] = mark.column + 1
        self.problem = Problem(code, values)
        super().__init__(str(self.problem))

    def __reduce__(self):
        return (_yaml_problem, (self.problem,))

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)


def _yaml_problem(problem: Problem) -> YamlProblem:
    return YamlProblem(problem.code, **problem.values)


def _text(value: str) -> str:
    """A scalar as a problem quotes it: its repr, from its first 40 characters."""
    return repr(value[:40])


def _too_large(node, **values: Any) -> YamlProblem:
    return YamlProblem("yaml.too_many_digits", node.start_mark, column=False,
                       digits=len(node.value.lstrip("+-")), **values)


# ---- YAML 1.2 core schema -----------------------------------------------------------------------
class Resolver12(BaseResolver):
    """Implicit tags of YAML 1.2's core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)."""


Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))

_DECIMAL = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


class Constructor12(SafeConstructor):
    """SafeConstructor with YAML 1.2 core numbers and booleans, and no duplicate keys."""

    def construct_yaml_bool(self, node):
        value = self.construct_scalar(node)
        if value in ("true", "True", "TRUE"):
            return True
        if value in ("false", "False", "FALSE"):
            return False
        raise YamlProblem("yaml.not_bool", node.start_mark, column=False, text=_text(value))

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        digits = value.lstrip("+-")
        if len(digits) > MAX_INT_DIGITS:
            raise _too_large(node)
        try:
            if _DECIMAL.fullmatch(value):
                return int(value, 10)  # 010 is ten, as in YAML 1.2 (YAML 1.1 read it as octal 8)
            if value.startswith("0o"):
                return int(value[2:], 8)
            if value.startswith("0x"):
                return int(value[2:], 16)
        except ValueError:
            pass
        raise YamlProblem("yaml.not_whole", node.start_mark, column=False, text=_text(value))

    def construct_yaml_float(self, node):
        value = self.construct_scalar(node)
        lower = value.lower()
        if lower in (".inf", "+.inf"):
            return math.inf
        if lower == "-.inf":
            return -math.inf
        if lower == ".nan":
            return math.nan
        if len(value) > 100 or not _FLOAT.fullmatch(value):
            raise YamlProblem("yaml.not_number", node.start_mark, column=False, text=_text(value))
        return float(value)  # a huge exponent gives inf, which the field's range check refuses

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if (isinstance(value_node, yaml.ScalarNode) and value_node.tag == "tag:yaml.org,2002:int"
                        and len(value_node.value.lstrip("+-")) > MAX_INT_DIGITS):  # name the key
                    raise _too_large(value_node, key=str(key)[:60])
                try:
                    first = seen.get(key)
                except TypeError:
                    raise YamlProblem("yaml.key_not_scalar", key_node.start_mark, column=False) from None
                if first is not None:
                    raise YamlProblem("yaml.duplicate_key", name=str(key)[:60], first=first.line + 1,
                                      second=key_node.start_mark.line + 1)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def flatten_mapping(self, node):  # YAML 1.2 has no merge keys: '<<' is an ordinary key
        return None


Constructor12.yaml_constructors = dict(SafeConstructor.yaml_constructors)
Constructor12.add_constructor("tag:yaml.org,2002:bool", Constructor12.construct_yaml_bool)
Constructor12.add_constructor("tag:yaml.org,2002:int", Constructor12.construct_yaml_int)
Constructor12.add_constructor("tag:yaml.org,2002:float", Constructor12.construct_yaml_float)
for _tag in ("timestamp", "binary", "omap", "pairs", "set"):  # not in YAML 1.2's core schema
    Constructor12.yaml_constructors.pop(f"tag:yaml.org,2002:{_tag}", None)


# ---- counting while composing -------------------------------------------------------------------
class _Guard(Composer):
    """Composer that counts depth and values as the parser hands it events."""

    def _guard_init(self, max_depth: int, max_nodes: int) -> None:
        self._depth = 0
        self._nodes = 0
        self._max_depth = max_depth
        self._max_nodes = max_nodes

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise YamlProblem("yaml.alias", mark)
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in self.yaml_constructors:  # refused now, not after the rest
            raise YamlProblem("yaml.unknown_tag", event.start_mark)
        self._nodes += 1
        if self._nodes > self._max_nodes:
            raise YamlProblem("yaml.too_many_values", self.peek_event().start_mark, most=self._max_nodes)
        self._depth += 1
        try:
            if self._depth > self._max_depth:
                raise YamlProblem("yaml.too_deep", self.peek_event().start_mark, most=self._max_depth)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_scalar_node(self, anchor):
        event = self.peek_event()
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_SCALAR_CHARS:
            raise YamlProblem("yaml.too_long", event.start_mark, most=MAX_SCALAR_CHARS)
        return super().compose_scalar_node(anchor)


class _PyLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Guard, Constructor12,
                Resolver12):
    """Pure-Python parsing; the scanner stops at the depth limit too (its look-ahead for simple
    keys costs time in proportion to the open flow collections)."""

    def __init__(self, stream, max_depth: int, max_nodes: int):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        Composer.__init__(self)
        Constructor12.__init__(self)
        Resolver12.__init__(self)
        self._guard_init(max_depth, max_nodes)

    def fetch_flow_collection_start(self, TokenClass):
        if self.flow_level >= self._max_depth:
            raise YamlProblem("yaml.too_deep", self.get_mark(), most=self._max_depth)
        super().fetch_flow_collection_start(TokenClass)

    def add_indent(self, column):
        if len(self.indents) >= self._max_depth:
            raise YamlProblem("yaml.too_deep", self.get_mark(), most=self._max_depth)
        return super().add_indent(column)


try:
    from yaml.cyaml import CParser as _CParser  # libyaml's parser, when PyYAML was built with it
except ImportError:  # pragma: no cover
    _CParser = None
if _CParser is not None:
    class _CLoader(_Guard, _CParser, Constructor12, Resolver12):  # the Python composer over libyaml
        def __init__(self, stream, max_depth: int, max_nodes: int):
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            Constructor12.__init__(self)
            Resolver12.__init__(self)
            self._guard_init(max_depth, max_nodes)
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None


def _within(mark, text: str):
    """The mark, or the end of the text when libyaml puts it on a line after the last one."""
    if mark is None or mark.line <= text.count("\n"):
        return mark
    last = text.rfind("\n")
    return yaml.Mark(mark.name, len(text), text.count("\n"), len(text) - last - 1, None, None)


def decode_text(text: str | bytes, max_bytes: int = MAX_BYTES) -> str:
    """The text of an upload: bytes decoded as UTF-8 (a BOM dropped), both within max_bytes."""
    if isinstance(text, bytes | bytearray):
        if len(text) > max_bytes:
            raise YamlProblem("yaml.too_large", most_bytes=max_bytes)
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise YamlProblem("yaml.not_utf8") from None
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise YamlProblem("yaml.too_large", most_bytes=max_bytes)
    return text


def load_text(text: str | bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              max_nodes: int = MAX_NODES, pure: bool = False) -> Any:
    """Parse one YAML document; raise YamlProblem (a code, and where) on anything wrong.

    pure=True uses PyYAML's Python parser even when libyaml is there (the tests compare the two)."""
    text = decode_text(text, max_bytes)
    cls = _PyLoader if pure or _CLoader is None else _CLoader
    loader = None
    try:
        loader = cls(text, max_depth, max_nodes)
        return loader.get_single_data()
    except YamlProblem:
        raise
    except ConstructorError as error:  # a tag such as !!python/object, or !!int on a non-number
        raise YamlProblem("yaml.unknown_tag", error.problem_mark) from None
    except (yaml.YAMLError, ValueError, RecursionError, OverflowError) as error:
        raise YamlProblem("yaml.invalid", _within(getattr(error, "problem_mark", None), text)) from None
    finally:
        if loader is not None:
            loader.dispose()


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


# Text that either YAML 1.1 or 1.2 would read as something else is written quoted, so that any
# YAML reader gives back the same values: the dumper knows 1.1's patterns (yes/no/on/off, 1:30,
# dates) and gets 1.2's here (0E0 is a float in 1.2 only).
for _first, _resolvers in Resolver12.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        _PlainDumper.add_implicit_resolver(_tag, _regexp, [_first] if _first is not None else None)


def dump_text(data: Any) -> str:
    """YAML that load_text accepts again: no anchors or aliases, keys in their given order."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
