"""Fixtures of the app tests: the saved-scenarios database on each backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import ENV_VAR, ScenarioStore
from tests.db_support import BACKENDS, fresh_database


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path, monkeypatch) -> str:
    """A fresh database on each backend, the app's for the test (through the environment)."""
    with fresh_database(request.param, tmp_path) as url:
        monkeypatch.setenv(ENV_VAR, url)
        yield url


@pytest.fixture
def db(db_url):
    """The store of that database, to set up and check what the app saved."""
    opened = ScenarioStore(db_url)
    yield opened
    opened.close()
