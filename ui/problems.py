"""What the model's problems say, in the user's language (pure Python, no Streamlit).

The model reports refused input and bad data as model.errors.Problem: a code and its values.
Here each code has one English template (a msgid, translated by the catalogs in locale/), and
its values are written for the language: numbers by Babel (ui/fmt.py), lists as "a, b and c" (or
"a, b or c" where one of them is expected). Names of fields and keys (URL keys, YAML keys) and what
the user typed are shown as written in every language.

- `problem_text(problem, lang)`: one problem, as a clause without a full stop.
- `error_lines(error, lang)`: every problem of an error (ScenarioError, CatalogError with its file,
  entry and key, YamlProblem, Invalid, SolverError); other exceptions give `str(error)`.
- `error_text(error, lang)`: the same joined by "; ".
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from model import PLACE, CatalogError, Problem
from ui import fmt
from ui.i18n import N_, _, gettext

# One template per code of model.errors.CODES, with exactly that code's values as placeholders.
TEMPLATES: dict[str, str] = {
    # ---- one value ----------------------------------------------------------------------------
    "number.expected": N_("expected a number, got {got}"),
    "number.not_finite": N_("expected a finite number, got {got}"),
    "number.not_whole": N_("expected a whole number, got {got}"),
    "number.range": N_("expected a number from {low} to {high}, got {got}"),
    "number.low": N_("expected a number of at least {low}, got {got}"),
    "bool.expected": N_("expected true or false, got {got}"),
    "text.expected": N_("expected non-empty text, got {got}"),
    "text.one_line": N_("expected one line"),
    "text.not_text": N_("expected text, got {got}"),
    "text.too_long": N_("too long: {count} characters, at most {most}"),
    "value.unknown": N_("unknown value {got} (expected {expected})"),
    "ids.expected": N_("expected a list of ids, got {got}"),
    "ids.too_many": N_("too many ids: {count}, at most {most}"),
    "ids.unknown": N_("unknown id {got}"),
    "seats.too_many": N_("too many seats: {count}, at most {most}"),
    "retainer.format": N_("a retainer is written provider:capability+capability:SEK a month, not {got}"),
    "retainer.too_many": N_("too many retainers: {count}, at most {most}"),
    # ---- scenarios ----------------------------------------------------------------------------
    "scenario.not_mapping": N_("expected a mapping of scenario fields, got {got_type}"),
    "scenario.unknown_field": N_("unknown field {name} (not a scenario field)"),
    "scenario.field_ignored": N_("unknown field {name} ignored"),
    "link.param_ignored": N_("unknown link parameter {name} ignored"),
    "link.unreadable": N_("the link's parameters could not be read"),
    # ---- scenario files -----------------------------------------------------------------------
    "file.too_large": N_("the file is {size_bytes}; a scenario file is at most {most_bytes}"),
    "file.not_utf8": N_("the file is not UTF-8 text (is it a YAML file?)"),
    "file.empty": N_("the file is empty"),
    "file.binary": N_("the file is not text (it holds NUL bytes)"),
    # ---- YAML text ----------------------------------------------------------------------------
    "yaml.too_large": N_("larger than {most_bytes}"),
    "yaml.not_utf8": N_("not UTF-8 text"),
    "yaml.invalid": N_("not valid YAML"),
    "yaml.unknown_tag": N_("not valid YAML: unknown tag"),
    "yaml.alias": N_("aliases (*name) are not accepted"),
    "yaml.too_many_values": N_("more than {most} values"),
    "yaml.too_deep": N_("nested deeper than {most} levels"),
    "yaml.too_long": N_("a value longer than {most} characters"),
    "yaml.not_bool": N_("{text} is not true or false"),
    "yaml.not_whole": N_("{text} is not a whole number"),
    "yaml.not_number": N_("{text} is not a number"),
    "yaml.too_many_digits": N_("a number with {digits} digits is far too large"),
    "yaml.key_not_scalar": N_("a list or mapping cannot be a key"),
    "yaml.duplicate_key": N_("key '{name}' is given twice (lines {first} and {second}); keep one"),
    # ---- data files ---------------------------------------------------------------------------
    "data.file_missing": N_("file is missing"),
    "data.file_empty": N_("file is missing or empty"),
    "data.not_sections": N_("expected a mapping with one key per section"),
    "data.section_missing": N_("section is missing"),
    "data.section_unknown": N_("unknown section (expected {expected})"),
    "data.top_key_missing": N_("expected a top-level key '{section}'"),
    "data.top_key_unknown": N_("unknown top-level key (expected only '{section}')"),
    "data.entry_missing": N_("'{id}' is missing"),
    "type.list": N_("expected a list"),
    "type.mapping": N_("expected a mapping"),
    "type.mapping_with": N_("expected a mapping with {keys}"),
    "type.mapping_exactly": N_("expected a mapping with exactly {keys}"),
    "type.list_of_mappings": N_("expected a list of mappings with {keys}"),
    "type.capability_numbers": N_("expected a mapping of capability to a number from {low} to {high}"),
    "type.role_list": N_("expected a non-empty list of role ids"),
    "key.missing": N_("missing required key"),
    "range.ends": N_("expected two numbers, the low end at most 0 and the high end at least 0 (a share "
                     "no lower than -1), got {got}"),
    "key.unknown": N_("unknown key (expected {expected})"),
    "id.duplicate": N_("'{id}' is given twice"),
    "provider.is_agency": N_("'{provider}' is an agency"),
    "provider.is_freelancer": N_("'{provider}' is a freelancer"),
    # ---- rules --------------------------------------------------------------------------------
    "rule.guidance": N_("expected a guidance item from {low} to {high}, got {got}"),
    "param.unknown": N_("unknown parameter for kind {kind} (expected {expected})"),
    "param.missing": N_("missing required parameter"),
    "template.unbalanced": N_("has a brace without its pair (a brace meant as text is written twice); "
                              "kind {kind} gives: {allowed}"),
    "template.positional": N_("has a placeholder without a name, {field}; kind {kind} gives: {allowed}"),
    "template.not_plain": N_("placeholder {field} is not a plain name; kind {kind} gives: {allowed}"),
    "template.conversion": N_("placeholder {field} has a conversion; write the plain name in braces; "
                              "kind {kind} gives: {allowed}"),
    "template.format_spec": N_("placeholder {field} has a format spec; write the plain name in braces; "
                               "kind {kind} gives: {allowed}"),
    "template.unknown_placeholder": N_("unknown placeholder {field}; kind {kind} gives: {allowed}"),
    "summary.missing": N_("missing: a one-line statement of the rule (kind {kind} gives: {allowed})"),
    # ---- the assumption tables ----------------------------------------------------------------
    "cell.empty": N_("a number is required (the cell is empty)"),
    # ---- the solver ---------------------------------------------------------------------------
    "solver.failed": N_("the solver found no plan (HiGHS: {status})"),
    # ---- what storage/ refuses to save ------------------------------------------------------
    "saved.name.not_text": N_("the name must be text"),
    "saved.name.empty": N_("the name is empty"),
    "saved.name.too_long": N_("the name is {length} characters long; at most {limit}"),
    "saved.name.control": N_("the name contains control characters"),
    "saved.note.not_text": N_("the note must be text"),
    "saved.note.too_long": N_("the note is {length} characters long; at most {limit}"),
    "saved.note.control": N_("the note contains control characters"),
    "saved.assumptions.not_text": N_("the assumptions must be YAML text"),
    "saved.assumptions.too_long": N_("the assumptions are {length} characters; at most {limit}"),
    "saved.user.invalid": N_("the user must be a non-empty text"),
    "saved.scenario.expected": N_("expected a scenario"),
}

# The optional values of model.errors.PLACE, worded around a problem's text.
_KEY = N_("{key}: {text}")
_AT = N_("{text} at line {line}, column {column}")
_LINE = N_("{text} (line {line})")
_SUGGESTION = N_("{text} (did you mean '{suggestion}'?)")
_DEFAULT = N_("{text}; default {default} used")
_DEFAULT_EMPTY = N_("{text}; left empty")
_WHERE_KEY = N_("key '{key}'")
_NONE = N_("none")
_KB = N_("{size} KB")
_MB = N_("{size} MB")
# Values that name a choice among several ("expected one of …") are joined with "or".
_CHOICES = ("expected",)
# Values worded for the language: the rest (names, keys, ids, what was typed) are shown as written.
_BYTES = "_bytes"


def _number(value: float, lang: str) -> str:
    """A number as the locale writes it, with as many decimals as it has (1e-05 -> 0.00001)."""
    if isinstance(value, int) and abs(value) >= 10**15:  # beyond any figure of the app: as written
        if value.bit_length() <= 128:
            return str(value)
        return f"~{'-' if value < 0 else ''}1e{int(value.bit_length() * math.log10(2))}"
    if not math.isfinite(value) or abs(value) >= 1e15:
        return repr(value)  # as Python writes it (1e+28, inf)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    decimals = 0
    if isinstance(value, float):
        decimals = min(12, max(0, -Decimal(repr(value)).as_tuple().exponent))
    return fmt.number(value, lang, decimals)


def _size(count: int, lang: str) -> str:
    """Bytes in KB (or MB with a decimal), rounded up: a file one byte over 64 KB is not "64 KB"."""
    if count >= 1024 * 1024:
        return _(lang, _MB, size=fmt.number(math.ceil(count / 1024 / 1024 * 10) / 10, lang, 1))
    return _(lang, _KB, size=fmt.number(math.ceil(count / 1024), lang))


def _value(name: str, value: Any, lang: str) -> str:
    """One value of a problem, written for the language."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _size(int(value), lang) if name.endswith(_BYTES) else _number(value, lang)
    if isinstance(value, tuple):
        if not value:
            return gettext(lang, _NONE)
        items = [_value(name, item, lang) for item in value]
        return fmt.names_list(items, lang, style="or" if name in _CHOICES else "standard")
    if value is None:
        return "null"
    return str(value)


def problem_text(problem: Problem, lang: str = "en") -> str:
    """One problem in `lang`: its code's template with its values, and where it is (a key, a line)
    and what was done (a default used) around it. A clause, without a full stop."""
    values = problem.values
    shown = {name: _value(name, value, lang) for name, value in values.items()}
    text = _(lang, TEMPLATES[problem.code], **{name: shown[name] for name in values if name not in PLACE})
    if "line" in values and "column" in values:
        text = _(lang, _AT, text=text, line=shown["line"], column=shown["column"])
    elif "line" in values:
        text = _(lang, _LINE, text=text, line=shown["line"])
    if "suggestion" in values:
        text = _(lang, _SUGGESTION, text=text, suggestion=shown["suggestion"])
    if "key" in values:
        text = _(lang, _KEY, key=shown["key"], text=text)
    if values.get("default") == ():
        text = _(lang, _DEFAULT_EMPTY, text=text)
    elif "default" in values:
        text = _(lang, _DEFAULT, text=text, default=shown["default"])
    return text


def problems_of(error: BaseException) -> tuple[Problem, ...]:
    """The problems an error of the model carries (none for other exceptions)."""
    problems = getattr(error, "problems", None)
    if isinstance(problems, tuple) and all(isinstance(item, Problem) for item in problems):
        return problems
    problem = getattr(error, "problem", None)
    return (problem,) if isinstance(problem, Problem) else ()


def catalog_error_text(error: CatalogError, lang: str = "en") -> str:
    """A data error as cfgv names it: file, entry and key, then the problem."""
    where = [error.file]
    if error.entry:
        where.append(error.entry)
    if error.key:
        where.append(_(lang, _WHERE_KEY, key=error.key))
    return ": ".join([*where, problem_text(error.problem, lang)])


def error_lines(error: BaseException, lang: str = "en") -> list[str]:
    """Every problem of an error, one clause each (a CatalogError's with its file, entry and key)."""
    if isinstance(error, CatalogError):
        return [catalog_error_text(error, lang)]
    problems = problems_of(error)
    if not problems:
        return [str(error)]
    return [problem_text(problem, lang) for problem in problems]


def error_text(error: BaseException, lang: str = "en") -> str:
    """An error of the model in `lang`: its problems joined by "; " (a clause, no full stop)."""
    return "; ".join(error_lines(error, lang))
