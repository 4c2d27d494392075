"""Problems with data or input, as codes with values: the model says what is wrong and where, and
ui/problems.py words it in the user's language (the model writes no prose for people).

A `Problem` is a code registered in CODES with the values that code declares, plus any of the
optional values in PLACE (where it is, or what was done about it). Values are plain: str, int,
float, bool, None, or tuples of them. What a user typed is kept as a value (`got` is its repr,
cut short; numbers stay numbers), and so are the names of fields and keys (URL keys, YAML keys),
which are shown as written in every language.

Errors carry problems: ScenarioError (every problem of a scenario read strictly), CatalogError
(one problem, at a file, entry and key, as cfgv/pre-commit name them), YamlProblem (one problem,
usually at a line and column; model/yamlsafe.py) and Invalid (one refused value, raised by the
checks and turned into one of the others by their caller). `str()` of each is a compact,
language-free rendering for logs and developers, such as
`data/roles.yaml: roles[2] (id=analyst): key 'fit.lead': number.range (low=0, high=1, got=2)`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The optional values any problem may carry; ui/problems.py words each around the code's text.
PLACE: tuple[str, ...] = (
    "key",  # the field, URL key or YAML key the problem is about: "budget_sek: ..."
    "line", "column",  # where in a text (1-based)
    "suggestion",  # the known name closest to a misspelt one: "(did you mean 'x'?)"
    "default",  # lenient reading: the default used instead
)

# Every code the model (and storage/, which reads scenario files) can produce, with the values it
# carries. ui/problems.py has one English template per code, with exactly these placeholders.
CODES: dict[str, tuple[str, ...]] = {
    # ---- one value (model/scenario.py, model/catalog.py, model/rules.py) ----------------------
    "number.expected": ("got",),
    "number.not_finite": ("got",),
    "number.not_whole": ("got",),
    "number.range": ("low", "high", "got"),
    "number.low": ("low", "got"),
    "bool.expected": ("got",),
    "text.expected": ("got",),
    "text.one_line": (),
    "text.not_text": ("got",),
    "text.too_long": ("count", "most"),
    "value.unknown": ("got", "expected"),
    "ids.expected": ("got",),
    "ids.too_many": ("count", "most"),
    "ids.unknown": ("got",),
    "seats.too_many": ("count", "most"),
    "retainer.format": ("got",),  # not "provider:cap+cap:fee" nor a mapping of those keys
    "retainer.too_many": ("count", "most"),
    # ---- scenarios (model/scenario.py) --------------------------------------------------------
    "scenario.not_mapping": ("got_type",),
    "scenario.unknown_field": ("name",),  # read strictly: refused
    "scenario.field_ignored": ("name",),  # read leniently: left out
    "link.param_ignored": ("name",),
    "link.unreadable": (),
    # ---- scenario files (storage/files.py) ----------------------------------------------------
    "file.too_large": ("size_bytes", "most_bytes"),
    "file.not_utf8": (),
    "file.empty": (),
    "file.binary": (),
    # ---- YAML text (model/yamlsafe.py) --------------------------------------------------------
    "yaml.too_large": ("most_bytes",),
    "yaml.not_utf8": (),
    "yaml.invalid": (),
    "yaml.unknown_tag": (),
    "yaml.alias": (),
    "yaml.too_many_values": ("most",),
    "yaml.too_deep": ("most",),
    "yaml.too_long": ("most",),
    "yaml.not_bool": ("text",),
    "yaml.not_whole": ("text",),
    "yaml.not_number": ("text",),
    "yaml.too_many_digits": ("digits",),
    "yaml.key_not_scalar": (),
    "yaml.duplicate_key": ("name", "first", "second"),
    # ---- data files (model/catalog.py) --------------------------------------------------------
    "data.file_missing": (),
    "data.file_empty": (),
    "data.not_sections": (),
    "data.section_missing": (),
    "data.section_unknown": ("expected",),
    "data.top_key_missing": ("section",),
    "data.top_key_unknown": ("section",),
    "data.entry_missing": ("id",),
    "type.list": (),
    "type.mapping": (),
    "type.mapping_with": ("keys",),
    "type.mapping_exactly": ("keys",),
    "type.list_of_mappings": ("keys",),
    "type.capability_numbers": ("low", "high"),
    "type.role_list": (),
    "key.missing": (),
    "range.ends": ("got",),
    "key.unknown": ("expected",),
    "id.duplicate": ("id",),
    "provider.is_agency": ("provider",),
    "provider.is_freelancer": ("provider",),
    # ---- rules (model/catalog.py, model/rules.py) ---------------------------------------------
    "rule.guidance": ("low", "high", "got"),
    "param.unknown": ("kind", "expected"),
    "param.missing": (),
    "template.unbalanced": ("kind", "allowed"),
    "template.positional": ("field", "kind", "allowed"),
    "template.not_plain": ("field", "kind", "allowed"),
    "template.conversion": ("field", "kind", "allowed"),
    "template.format_spec": ("field", "kind", "allowed"),
    "template.unknown_placeholder": ("field", "kind", "allowed"),
    "summary.missing": ("kind", "allowed"),
    # ---- the assumption tables (model/assumptions) --------------------------------------------
    "cell.empty": (),
    # ---- the solver (model/solver.py) ---------------------------------------------------------
    "solver.failed": ("status",),
    # ---- what storage/ refuses to save (storage/scenarios.py) ---------------------------------
    "saved.name.not_text": (),
    "saved.name.empty": (),
    "saved.name.too_long": ("length", "limit"),
    "saved.name.control": (),
    "saved.note.not_text": (),
    "saved.note.too_long": ("length", "limit"),
    "saved.note.control": (),
    "saved.assumptions.not_text": (),
    "saved.assumptions.too_long": ("length", "limit"),
    "saved.user.invalid": (),
    "saved.scenario.expected": (),
}

_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(isinstance(item, _PLAIN) for item in value)
    return isinstance(value, _PLAIN)


@dataclass(frozen=True)
class Problem:
    """What is wrong, as a registered code and its values (see CODES and PLACE).

    Problem("number.range", {"low": 0, "high": 30, "got": 31, "key": "team_size"})"""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise KeyError(f"unregistered problem code {self.code!r}: add it to model.errors.CODES "
                           "and a template to ui/problems.py")
        values = {name: tuple(value) if isinstance(value, list) else value
                  for name, value in dict(self.values).items()}
        declared = CODES[self.code]
        wrong = ([name for name in declared if name not in values]
                 + [name for name in values if name not in declared and name not in PLACE])
        if wrong:
            raise KeyError(f"problem {self.code}: values {sorted(values)} do not match "
                           f"{declared} (+ optional {PLACE})")
        for name, value in values.items():
            if not _plain(value):
                raise TypeError(f"problem {self.code}: value {name}={value!r} is not plain")
        object.__setattr__(self, "values", values)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.values.items(), key=lambda item: item[0]))))

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def with_values(self, **values: Any) -> Problem:
        """The same problem with some values added or changed."""
        return Problem(self.code, {**self.values, **values})

    def __str__(self) -> str:
        if not self.values:
            return self.code
        return f"{self.code} ({', '.join(f'{name}={value!r}' for name, value in self.values.items())})"


def shown(value: Any, limit: int = 60) -> Any:
    """A value someone gave, as a problem keeps it: a finite number as it is, anything else as its
    repr cut to `limit` characters (a whole number beyond 18 digits too: it is not converted)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and math.isfinite(value):
            return value
        if isinstance(value, int) and abs(value) < 10**18:
            return value
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        sign = "-" if value < 0 else ""  # str() of it could take long or fail
        return f"~{sign}1e{int(value.bit_length() * math.log10(2))}"
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


class Invalid(ValueError):
    """One value refused by a check; its caller places the problem (a scenario field, a data key)."""

    def __init__(self, code: str, **values: Any):
        self.problem = Problem(code, values)
        super().__init__(str(self.problem))

    def __reduce__(self):
        return (_invalid, (self.problem,))


class CatalogError(ValueError):
    """A data file is missing, malformed or inconsistent: one problem, at a file, an entry (None:
    the file as a whole) and a key (None: the entry as a whole), like cfgv/pre-commit name them."""

    def __init__(self, file: str, entry: str | None, key: str | None, problem: Problem):
        if not isinstance(problem, Problem):
            raise TypeError(f"CatalogError takes a Problem, not {type(problem).__name__}")
        self.file = file
        self.entry = entry
        self.key = key
        self.problem = problem
        where = [file]
        if entry:
            where.append(entry)
        if key:
            where.append(f"key '{key}'")
        super().__init__(f"{': '.join(where)}: {problem}")

    def __reduce__(self):
        return (type(self), (self.file, self.entry, self.key, self.problem))

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)


class ScenarioError(ValueError):
    """A scenario given as YAML or a mapping could not be read (strict reading only): every
    problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        for problem in self.problems:
            if not isinstance(problem, Problem):
                raise TypeError(f"ScenarioError takes Problems, not {type(problem).__name__}")
        super().__init__("; ".join(str(problem) for problem in self.problems))

    def __reduce__(self):
        return (type(self), (self.problems,))


def _invalid(problem: Problem) -> Invalid:
    return Invalid(problem.code, **problem.values)
