"""The saved-scenario schema as the app uses it, and bringing a database up to it with Alembic.

Migrations are Alembic revisions in storage/migrations/versions (v1, v2, v3), run from code: no
alembic.ini, nothing for a user to set up. `migrate(conn)` runs inside the caller's transaction,
so a failed step leaves the rows and the version as they were, and it is safe when many processes
touch an empty database at once: on PostgreSQL it first takes a transaction-level advisory lock
(pg_advisory_xact_lock), on SQLite the caller's BEGIN IMMEDIATE holds the write lock.

Databases from before Alembic carry their version in `social_sim_schema` (1 or 2); they are
stamped at that revision and upgraded in place. Alembic's own version table is
`social_sim_alembic_version`. A database newer than the app (an unknown revision, or a
`social_sim_schema` version above ours) is refused before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.dialects import mysql

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SCHEMA_VERSION = 3
REVISIONS = {1: "v1", 2: "v2", 3: "v3"}
VERSION_TABLE = "social_sim_schema"
ALEMBIC_VERSION_TABLE = "social_sim_alembic_version"
SCENARIO_TABLE = "social_sim_scenarios"
WORKSPACE_TABLE = "social_sim_workspaces"
HISTORY_TABLE = "social_sim_history"
DEFAULT_WORKSPACE_ID = 1
DEFAULT_WORKSPACE_HASH = "default"
MAX_NAME = 120
MAX_ACTOR = 320
# pg_advisory_xact_lock key shared by every process of the app ("social_s" as a big-endian int64)
ADVISORY_LOCK_KEY = int.from_bytes(b"social_s", "big")


class SchemaError(Exception):
    """The database cannot be brought up to this app's schema (e.g. it is newer)."""


def _long_text() -> sa.types.TypeEngine:
    return sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


METADATA = sa.MetaData()
VERSIONS = sa.Table(VERSION_TABLE, METADATA,
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("version", sa.Integer, nullable=False))
WORKSPACES = sa.Table(WORKSPACE_TABLE, METADATA,
                      sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                      sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
                      sa.Column("created_at", sa.DateTime, nullable=False))
SCENARIOS = sa.Table(SCENARIO_TABLE, METADATA,
                     sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                     sa.Column("workspace_id", sa.Integer, nullable=False),
                     sa.Column("name", sa.String(MAX_NAME), nullable=False),
                     sa.Column("name_digest", sa.String(64), nullable=True),
                     sa.Column("owner", sa.String(MAX_ACTOR), nullable=True),
                     sa.Column("note", sa.Text, nullable=False),
                     sa.Column("scenario_yaml", sa.Text, nullable=False),
                     sa.Column("assumptions_yaml", _long_text(), nullable=True),
                     sa.Column("created_at", sa.DateTime, nullable=False),
                     sa.Column("updated_at", sa.DateTime, nullable=False),
                     sa.Column("deleted_at", sa.DateTime, nullable=True))
HISTORY = sa.Table(HISTORY_TABLE, METADATA,
                   sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                   sa.Column("workspace_id", sa.Integer, nullable=False),
                   sa.Column("scenario_id", sa.Integer, nullable=False),
                   sa.Column("scenario_name", sa.String(MAX_NAME), nullable=False),
                   sa.Column("action", sa.String(20), nullable=False),
                   sa.Column("actor", sa.String(MAX_ACTOR), nullable=False),
                   sa.Column("at", sa.DateTime, nullable=False),
                   sa.Column("detail", sa.Text, nullable=False))


def _config() -> Config:
    """Alembic's configuration, made in code (there is no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _migration_context(conn: sa.Connection) -> MigrationContext:
    return MigrationContext.configure(conn, opts={"version_table": ALEMBIC_VERSION_TABLE})


def _legacy_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return 0
    return conn.execute(sa.select(VERSIONS.c.version).where(VERSIONS.c.id == 1)).scalar() or 0


def read_schema_version(conn: sa.Connection) -> int:
    """0 for an empty database; else its schema version (above SCHEMA_VERSION: newer than the app)."""
    legacy = _legacy_version(conn)
    heads = _migration_context(conn).get_current_heads()
    if not heads:
        return legacy
    known = {revision: number for number, revision in REVISIONS.items()}
    numbers = [known.get(head, SCHEMA_VERSION + 1) for head in heads]
    return max([legacy, *numbers])


def _newer(version: int) -> SchemaError:
    return SchemaError(f"the database has schema version {version}, newer than this app understands "
                       f"({SCHEMA_VERSION}); upgrade the app. Nothing was changed.")


def migrate(conn: sa.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to `target` inside the caller's transaction; return the old version."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
    current = read_schema_version(conn)
    if current > SCHEMA_VERSION:
        raise _newer(current)
    if current >= target:
        return current
    config = _config()
    script = ScriptDirectory.from_config(config)
    context = _migration_context(conn)
    if current and not context.get_current_heads():  # written before Alembic: stamp, then go on
        context.stamp(script, REVISIONS[current])
    destination = REVISIONS[target]

    def upgrade(revision, _context):
        return script._upgrade_revs(destination, revision)  # as alembic.command.upgrade does

    with EnvironmentContext(config, script, fn=upgrade, destination_rev=destination) as environment:
        environment.configure(connection=conn, version_table=ALEMBIC_VERSION_TABLE)
        with environment.begin_transaction():
            environment.run_migrations()
    after_migration(conn)
    return current


def after_migration(conn: sa.Connection) -> None:
    """A hook run in the migration's transaction once every step is done (tests break it to check
    that a failure rolls everything back)."""
