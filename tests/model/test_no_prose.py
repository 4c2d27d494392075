"""model/ speaks in codes and numbers: no text for people in it (issue 11). The texts are English
msgids in ui/ and data/, translated by the catalogs in locale/.

Allowed: docstrings and comments, and the messages of exceptions raised for programming mistakes
(a `raise` of a builtin exception; what users see is a model.errors Problem, worded by ui/)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL_FILES = sorted((ROOT / "model").rglob("*.py"))
WORDS = re.compile(r"[A-Za-zÅÄÖåäö]{2,}[,;:]? +[A-Za-zÅÄÖåäö]{2,}")  # two words: a phrase
PROGRAMMING_ERRORS = {"TypeError", "ValueError", "KeyError", "AssertionError", "NotImplementedError",
                      "RuntimeError", "AttributeError"}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _raised(tree: ast.AST) -> set[int]:
    """The nodes inside `raise SomeBuiltinError(...)`."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            call = node.exc
            name = call.func.id if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) else None
            if name in PROGRAMMING_ERRORS or name == "_bad":
                out.update(id(inner) for inner in ast.walk(call))
    return out


def prose(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _docstrings(tree) | _raised(tree)
    return [f"{path.name}:{node.lineno}: {node.value[:70]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in allowed
            and WORDS.search(node.value)]


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_text_for_people_in_the_model(path):
    assert prose(path) == []


def test_the_check_finds_prose(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docs are fine."""\nLABEL = "Seat number"\nCODE = "seat.number"\n\n\n'
                      'def f():\n    raise ValueError("a programming mistake")\n', encoding="utf-8")
    assert prose(sample) == ["sample.py:2: 'Seat number'"]
