"""Errors the model raises on bad data or bad input, each naming where the problem is."""

from __future__ import annotations


class CatalogError(ValueError):
    """A data file is missing, malformed or inconsistent.

    The message names the file, the entry and the key, like cfgv/pre-commit do.
    """

    def __init__(self, file: str, entry: str | None, key: str | None, problem: str):
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


class ScenarioError(ValueError):
    """A scenario given as YAML or a mapping could not be read (strict reading only)."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))
