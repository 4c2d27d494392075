"""The databases the storage tests run against: a SQLite file, and PostgreSQL when
SOCIAL_SIM_TEST_POSTGRES_URL points at a server (.ci/run starts a throwaway one and sets it; the
PostgreSQL variants are skipped only when it is unset). Each test gets a database of its own.

    from tests.db_support import BACKENDS, fresh_database
    @pytest.fixture(params=BACKENDS)
    def db_url(request, tmp_path):
        with fresh_database(request.param, tmp_path) as url:
            yield url
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

POSTGRES_ENV = "SOCIAL_SIM_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_ENV, "").strip()
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.skipif(
        not POSTGRES_URL, reason=f"{POSTGRES_ENV} is not set (.ci/run sets it)")),
]


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of that backend, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
        return
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"social_sim_test_{uuid.uuid4().hex[:16]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def raw_rows(url: str) -> list[tuple]:
    """Every saved row (live and in the trash) as the database has it, read with plain SQL."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(
                "SELECT id, name, note, scenario_yaml, created_at, updated_at "
                "FROM social_sim_scenarios ORDER BY id")]
    finally:
        engine.dispose()
