"""The layering of the code, read from the import statements of every module (no module is run):

    pages/ -> ui/ -> model/, storage/        storage/ -> model/
    model/ imports neither Streamlit nor ui/, pages/ or storage/
    ui/ never imports pages/; pages/ reach storage/ only through ui/saved.py
    no circle of imports inside a package
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("model", "storage", "ui", "pages")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, name: str | None = None) -> set[str]:
    """The absolute names a module imports (relative imports resolved), at any depth of the file."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module or not node.level:  # `from . import x` names x, not the package
                out.add(target)
            out.update(f"{target}.{alias.name}" for alias in node.names)
    return out


MODULES = {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def _top(name: str) -> str:
    return name.split(".")[0]


def _offending(package: str, forbidden: set[str]) -> list[str]:
    return [f"{name} imports {target}" for name, path in MODULES.items()
            if _top(name) == package and name != "model.__main__"  # the command line: see below
            for target in sorted(imports(path)) if _top(target) in forbidden]


def _reached(start: str) -> set[str]:
    """The modules of this project that `start` imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for target in imports(MODULES[name]):
            module = target if target in MODULES else target.rsplit(".", 1)[0]
            if module in MODULES:
                todo.append(module)
    return seen


def test_the_command_line_renders_through_ui_modules_that_import_no_streamlit():
    """`python -m model` is a presentation of its own (ui/cli.py): it renders texts through ui/ (as
    the pages do), but only through modules that need no Streamlit, directly or indirectly."""
    assert "ui.cli" in _reached("model.__main__")
    reached = _reached("model.__main__")
    assert not [name for name in reached for target in imports(MODULES[name])
                if _top(target) in ("streamlit", "pages", "storage")]


@pytest.mark.parametrize("package, forbidden", [
    ("model", {"streamlit", "ui", "pages", "storage"}),
    ("storage", {"streamlit", "ui", "pages"}),
    ("ui", {"pages"}),
])
def test_a_layer_never_imports_the_layers_above_it(package, forbidden):
    assert not _offending(package, forbidden)


def test_pages_reach_saved_scenarios_only_through_ui_saved():
    assert not _offending("pages", {"storage"})
    others = [name for name, path in MODULES.items() if _top(name) == "ui" and name != "ui.saved"
              and any(_top(target) == "storage" for target in imports(path))]
    assert not others, f"only ui/saved.py may import storage/: {others}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_circle_of_imports_inside_a_package(package):
    names = {name for name in MODULES if _top(name) == package}
    graph = {name: {target for target in imports(MODULES[name]) if target in names and target != name}
             for name in names}
    # a package's __init__ re-exporting its modules is no circle: its modules never import it back
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in sorted(names):
        if name not in state:
            visit(name, [name])
    assert not circles, circles


def test_the_reader_sees_imports_of_every_form(tmp_path):
    """The reader is not blind: plain, from, relative and nested imports are all found."""
    module = tmp_path / "probe.py"
    module.write_text("import streamlit as st\nfrom . import fmt\nfrom .plan import Plan\n"
                      "def late():\n    from ui.state import x\n", encoding="utf-8")
    found = imports(module, "model.probe")
    assert {"streamlit", "model.fmt", "model.plan", "ui.state"} <= found
    assert "model" not in found


def test_bench_never_imports_tests():
    """bench/ is shared with the tests (the AppTest driver, the server starter, the fuzz cases), never
    the other way round: no module under bench/ imports tests/ (issue 11)."""
    modules = sorted((ROOT / "bench").rglob("*.py"))
    assert modules
    offending = [f"{module_name(path)} imports {target}" for path in modules
                 for target in sorted(imports(path)) if _top(target) == "tests"]
    assert not offending, offending


def test_ui_and_pages_use_the_public_api_of_the_model():
    """model/__init__.py is the model's whole public API: ui/, pages/ and app.py import from `model`
    only. (ui/assumptions_view.py keeps a reference to the module model.assumptions, so tests can
    count its imports of a file.)"""
    allowed = {("ui.assumptions_view", "model.assumptions")}
    users = {name: path for name, path in MODULES.items() if _top(name) in ("ui", "pages")}
    users["app"] = ROOT / "app.py"
    deep = sorted(f"{name} imports {target}" for name, path in users.items()
                  for target in imports(path, name)
                  if target.startswith("model.") and target.rsplit(".", 1)[0] != "model"
                  and (name, target) not in allowed)
    assert deep == []
