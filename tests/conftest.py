"""Shared fixtures: the real catalog, and small editable worlds built from a copy of it.

    def test_something(catalog):                 # data/*.yaml, loaded once per session
    def test_edit(raw_catalog):                  # a deep copy of the raw YAML documents
        raw_catalog["roles"]["roles"][0]["capacity_hours"] = 10
        small = build_catalog(raw_catalog)
    def test_files(raw_catalog, data_dir):       # the same documents as files on disk
        load_catalog(data_dir(raw_catalog))

Helpers for test modules: `from tests.conftest import write_data, entry, entry_index`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from model import load_catalog
from model.catalog import SECTIONS, Catalog


@pytest.fixture(scope="session", autouse=True)
def private_database(tmp_path_factory):
    """No test touches the saved scenarios of the checkout (saved/scenarios.sqlite): every app
    run in the tests saves to a database file of the test session's own."""
    key = "SOCIAL_SIM_DATABASE_URL"
    before = os.environ.get(key)
    os.environ[key] = f"sqlite:///{tmp_path_factory.mktemp('db') / 'scenarios.sqlite'}"
    yield os.environ[key]
    if before is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = before


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The knowledge base in data/, validated (shared: never mutate it)."""
    return load_catalog()


@pytest.fixture
def raw_catalog(catalog: Catalog) -> dict[str, Any]:
    """A fresh deep copy of the raw documents, one per section (raw['roles']['roles'] is a list)."""
    return catalog.to_raw()


def write_data(raw: dict[str, Any], folder: Path, *, skip: tuple[str, ...] = ()) -> Path:
    """Write raw documents as data/-style YAML files (one per section) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for section in SECTIONS:
        if section in skip:
            continue
        text = yaml.safe_dump(raw[section], sort_keys=False, allow_unicode=True)
        (folder / f"{section}.yaml").write_text(text, encoding="utf-8")
    return folder


def entry(raw: dict[str, Any], section: str, ident: str, id_key: str = "id") -> dict[str, Any]:
    """The mapping in raw[section][section] whose `id_key` is `ident` (to edit in place)."""
    return next(item for item in raw[section][section] if item.get(id_key) == ident)


def entry_index(raw: dict[str, Any], section: str, ident: str, id_key: str = "id") -> int:
    """The list index of that entry (for the 'roles[3]' part of error messages)."""
    return next(index for index, item in enumerate(raw[section][section])
                if item.get(id_key) == ident)


@pytest.fixture
def data_dir(raw_catalog: dict[str, Any], tmp_path: Path):
    """A function writing (possibly edited) raw documents to a fresh folder and returning it."""

    def write(raw: dict[str, Any] | None = None, **kwargs: Any) -> Path:
        return write_data(raw if raw is not None else raw_catalog, tmp_path / "data", **kwargs)

    return write
