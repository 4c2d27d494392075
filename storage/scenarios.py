"""Saved scenarios in a database through SQLAlchemy (Core): a SQLite file by default, or any
SQLAlchemy URL, so a hosted deployment can point it at a server database.

Where the database is: `resolve_database_url()` takes the environment variable
SOCIAL_SIM_DATABASE_URL, else a URL the caller read elsewhere (the app passes the Streamlit secret
`database_url`), else the SQLite file saved/scenarios.sqlite beside the app (folder created on
demand).

Schema: two tables, prefixed so they can live in a shared server database:
`social_sim_schema` (one row: the schema version) and `social_sim_scenarios` (one row per saved
scenario). The schema is created on first use and brought up to date by numbered migrations, each
run in one transaction together with the version bump, so a failed migration leaves the rows and
the version as they were. A database written by a newer version of the app is refused, untouched.

    version 1: id, name, name_key (unique, case-folded name), note, scenario_yaml,
               created_at, updated_at (naive UTC)
    version 2: + assumptions_yaml (nullable): the edited assumptions (catalog YAML) in force
               when the scenario was saved; NULL means the shipped defaults.

Every public method raises StorageError (or a subclass) with a plain message, never a driver
exception; a failed write changes nothing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import make_url

from model import Scenario

ENV_VAR = "SOCIAL_SIM_DATABASE_URL"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = ROOT / "saved" / "scenarios.sqlite"
SCHEMA_VERSION = 2
SCENARIO_TABLE = "social_sim_scenarios"
VERSION_TABLE = "social_sim_schema"
MAX_NAME = 120
MAX_NOTE = 4000
MAX_ASSUMPTIONS = 2_000_000
SQLITE_TIMEOUT_S = 30.0
KEEP = object()  # update(): leave this field as it is


class StorageError(Exception):
    """The database could not do what was asked; the message says why in plain words."""


class NameTakenError(StorageError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"a saved scenario is already called {name!r}")


class NotFoundError(StorageError):
    def __init__(self, scenario_id: int):
        self.scenario_id = scenario_id
        super().__init__(f"saved scenario {scenario_id} does not exist (it may have been deleted)")


class InvalidInputError(StorageError):
    """A name or note that cannot be saved (empty, too long, control characters)."""


def resolve_database_url(env: Mapping[str, str] | None = None, secret: object = None) -> str:
    """The database URL: env var SOCIAL_SIM_DATABASE_URL, else `secret`, else the SQLite file."""
    env = os.environ if env is None else env
    for candidate in (env.get(ENV_VAR), secret):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return f"sqlite:///{DEFAULT_DATABASE_PATH}"


def name_key(name: str) -> str:
    """What makes two names the same: case and runs of white space do not count."""
    return " ".join(name.split()).casefold()


def _long_text() -> sa.types.TypeEngine:
    return sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


def _now() -> datetime:
    """Naive UTC with microseconds (stored as such on every backend)."""
    return datetime.now(UTC).replace(tzinfo=None)


# ---- schema ---------------------------------------------------------------------------------
def _scenario_columns(version: int) -> list[sa.Column]:
    columns = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(MAX_NAME), nullable=False),
        sa.Column("name_key", sa.String(MAX_NAME), nullable=False, unique=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("scenario_yaml", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]
    if version >= 2:
        columns.append(sa.Column("assumptions_yaml", _long_text(), nullable=True))
    return columns


def schema_tables(version: int = SCHEMA_VERSION) -> tuple[sa.Table, sa.Table]:
    """(version table, scenario table) as they are at schema `version`."""
    metadata = sa.MetaData()
    versions = sa.Table(VERSION_TABLE, metadata,
                        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                        sa.Column("version", sa.Integer, nullable=False))
    scenarios = sa.Table(SCENARIO_TABLE, metadata, *_scenario_columns(version))
    return versions, scenarios


VERSIONS, SCENARIOS = schema_tables()


def _migrate_to_1(conn: sa.Connection) -> None:
    versions, scenarios = schema_tables(1)
    versions.metadata.create_all(conn, tables=[scenarios], checkfirst=True)


def _migrate_to_2(conn: sa.Connection) -> None:
    preparer = conn.dialect.identifier_preparer
    column_type = _long_text().compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {preparer.quote(SCENARIO_TABLE)} "
                         f"ADD COLUMN {preparer.quote('assumptions_yaml')} {column_type}")


MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _migrate_to_1, 2: _migrate_to_2}


def read_schema_version(conn: sa.Connection) -> int:
    """0 for an empty database; else the version recorded in the version table."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return 0
    return conn.execute(sa.select(VERSIONS.c.version).where(VERSIONS.c.id == 1)).scalar() or 0


def migrate(conn: sa.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to `target` inside the caller's transaction; return the old version."""
    VERSIONS.metadata.create_all(conn, tables=[VERSIONS], checkfirst=True)
    current = read_schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StorageError(
            f"the database has schema version {current}, newer than this app understands "
            f"({SCHEMA_VERSION}); upgrade the app. Nothing was changed.")
    for version in range(current + 1, target + 1):
        MIGRATIONS[version](conn)
        if version == 1 and current == 0:
            conn.execute(sa.insert(VERSIONS).values(id=1, version=1))
        else:
            conn.execute(sa.update(VERSIONS).where(VERSIONS.c.id == 1).values(version=version))
    return current


# ---- rows -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedScenario:
    """One saved row. Times are timezone-aware UTC."""

    id: int
    name: str
    note: str
    scenario_yaml: str
    assumptions_yaml: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def scenario(self) -> Scenario:
        """The scenario, read leniently (a field a later version dropped is noted, not fatal).

        Raises model.ScenarioError if the stored text is not YAML at all."""
        return Scenario.from_yaml(self.scenario_yaml, strict=False)

    @property
    def has_assumptions(self) -> bool:
        return self.assumptions_yaml is not None


def _row(row: sa.Row) -> SavedScenario:
    def aware(value: datetime) -> datetime:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    return SavedScenario(row.id, row.name, row.note, row.scenario_yaml, row.assumptions_yaml,
                         aware(row.created_at), aware(row.updated_at))


def clean_name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidInputError("the name must be text")
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("the name is empty")
    if len(name) > MAX_NAME:
        raise InvalidInputError(f"the name is {len(name)} characters long; at most {MAX_NAME}")
    if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in name):
        raise InvalidInputError("the name contains control characters")
    return name


def clean_note(note: object) -> str:
    if note is None:
        return ""
    if not isinstance(note, str):
        raise InvalidInputError("the note must be text")
    note = note.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInputError(f"the note is {len(note)} characters long; at most {MAX_NOTE}")
    if any((ord(char) < 32 and char not in "\n\t") or 127 <= ord(char) < 160 for char in note):
        raise InvalidInputError("the note contains control characters")
    return note


def clean_assumptions(text: object) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError("the assumptions must be YAML text")
    if len(text) > MAX_ASSUMPTIONS:
        raise InvalidInputError(f"the assumptions are {len(text)} characters; at most {MAX_ASSUMPTIONS}")
    return text


# ---- the store -----------------------------------------------------------------------------------
class ScenarioStore:
    """Saved scenarios in the database at `url`. Thread-safe; one engine (and pool) per store."""

    def __init__(self, url: str):
        try:
            parsed = make_url(url)
        except Exception as error:  # noqa: BLE001 - any parse failure is a configuration problem
            raise StorageError(f"the database URL could not be read ({type(error).__name__})") from None
        self.url_display = parsed.render_as_string(hide_password=True)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict = {}
        if self.is_sqlite:
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                try:
                    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise StorageError(f"the folder for {database} could not be created: "
                                       f"{error.strerror or error}") from None
            kwargs["connect_args"] = {"timeout": SQLITE_TIMEOUT_S, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = sa.create_engine(parsed, **kwargs)
        except Exception as error:  # noqa: BLE001 - missing driver, bad options
            raise StorageError(f"no database engine for {self.url_display}: {error}") from None
        if self.is_sqlite:
            self._sqlite_transactions()
        self._ready = False
        self._lock = threading.Lock()

    def _sqlite_transactions(self) -> None:
        """Let SQLAlchemy emit BEGIN (so DDL is transactional too), and take the write lock at the
        start of a write transaction (BEGIN IMMEDIATE) so concurrent writers queue for the busy
        timeout instead of failing half-way."""

        @sa.event.listens_for(self.engine, "connect")
        def _connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
            dbapi_connection.isolation_level = None

        @sa.event.listens_for(self.engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    # ---- transactions -------------------------------------------------------------------------
    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except StorageError:
            raise
        except sa.exc.IntegrityError as error:
            raise StorageError(f"the database refused the change: {_short(error)}") from None
        except sa.exc.SQLAlchemyError as error:
            raise StorageError(f"the database at {self.url_display} could not be used: "
                               f"{_short(error)}") from None

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        self._ensure_schema()
        with self._errors(), self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        self._ensure_schema()
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            with self._errors(), self.engine.connect() as conn:
                conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
                with conn.begin():
                    migrate(conn)
            self._ready = True

    # ---- reading --------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self._read() as conn:
            return read_schema_version(conn)

    def list(self) -> list[SavedScenario]:
        """Every saved scenario, most recently updated first."""
        with self._read() as conn:
            rows = conn.execute(sa.select(SCENARIOS).order_by(
                SCENARIOS.c.updated_at.desc(), SCENARIOS.c.id.desc())).all()
        return [_row(row) for row in rows]

    def get(self, scenario_id: int) -> SavedScenario:
        with self._read() as conn:
            row = conn.execute(sa.select(SCENARIOS).where(SCENARIOS.c.id == scenario_id)).first()
        if row is None:
            raise NotFoundError(scenario_id)
        return _row(row)

    def find(self, name: str) -> SavedScenario | None:
        with self._read() as conn:
            row = conn.execute(sa.select(SCENARIOS).where(
                SCENARIOS.c.name_key == name_key(name))).first()
        return _row(row) if row is not None else None

    def free_name(self, base: str) -> str:
        """`base`, or `base (2)`, `base (3)`, … whichever is not taken yet."""
        base = clean_name(base)
        with self._read() as conn:
            return _free_name(conn, base)

    # ---- writing ---------------------------------------------------------------------------------
    def save(self, name: str, scenario: Scenario, *, note: str = "",
             assumptions_yaml: str | None = None) -> SavedScenario:
        """A new saved scenario. NameTakenError if the name is in use (case-insensitively)."""
        values = self._values(name, scenario, note, assumptions_yaml)
        now = _now()
        with self._write() as conn:
            self._check_free(conn, values["name"])
            with _unique(values["name"]):
                new_id = conn.execute(sa.insert(SCENARIOS).values(
                    **values, created_at=now, updated_at=now)).inserted_primary_key[0]
        return self.get(new_id)

    def update(self, scenario_id: int, *, name: str | None = None, note: str | None = None,
               scenario: Scenario | None = None, assumptions_yaml: object = KEEP) -> SavedScenario:
        """Change some fields of a saved scenario (`assumptions_yaml=None` clears them)."""
        changes: dict = {}
        if name is not None:
            changes["name"] = clean_name(name)
            changes["name_key"] = name_key(changes["name"])
        if note is not None:
            changes["note"] = clean_note(note)
        if scenario is not None:
            changes["scenario_yaml"] = _scenario_yaml(scenario)
        if assumptions_yaml is not KEEP:
            changes["assumptions_yaml"] = clean_assumptions(assumptions_yaml)
        with self._write() as conn:
            if conn.execute(sa.select(SCENARIOS.c.id).where(
                    SCENARIOS.c.id == scenario_id)).first() is None:
                raise NotFoundError(scenario_id)
            if "name" in changes:
                self._check_free(conn, changes["name"], except_id=scenario_id)
            if changes:
                with _unique(changes.get("name", "")):
                    conn.execute(sa.update(SCENARIOS).where(SCENARIOS.c.id == scenario_id)
                                 .values(**changes, updated_at=_now()))
        return self.get(scenario_id)

    def rename(self, scenario_id: int, name: str) -> SavedScenario:
        return self.update(scenario_id, name=name)

    def set_note(self, scenario_id: int, note: str) -> SavedScenario:
        return self.update(scenario_id, note=note)

    def duplicate(self, scenario_id: int, name: str | None = None) -> SavedScenario:
        """A copy under `name` (default: the first free `<name> (2)`, `(3)`, …)."""
        original = self.get(scenario_id)
        with self._write() as conn:
            new_name = clean_name(name) if name is not None else _free_name(conn, original.name)
            self._check_free(conn, new_name)
            now = _now()
            with _unique(new_name):
                new_id = conn.execute(sa.insert(SCENARIOS).values(
                    name=new_name, name_key=name_key(new_name), note=original.note,
                    scenario_yaml=original.scenario_yaml, assumptions_yaml=original.assumptions_yaml,
                    created_at=now, updated_at=now)).inserted_primary_key[0]
        return self.get(new_id)

    def delete(self, scenario_id: int) -> SavedScenario:
        """Remove a saved scenario and return it as it was (hand it to `restore` to undo)."""
        with self._write() as conn:
            row = conn.execute(sa.select(SCENARIOS).where(SCENARIOS.c.id == scenario_id)).first()
            if row is None:
                raise NotFoundError(scenario_id)
            conn.execute(sa.delete(SCENARIOS).where(SCENARIOS.c.id == scenario_id))
        return _row(row)

    def restore(self, saved: SavedScenario) -> SavedScenario:
        """Put a deleted scenario back (a new id; its name, or the first free `name (2)` …)."""
        with self._write() as conn:
            new_name = _free_name(conn, saved.name)
            new_id = conn.execute(sa.insert(SCENARIOS).values(
                name=new_name, name_key=name_key(new_name), note=saved.note,
                scenario_yaml=saved.scenario_yaml, assumptions_yaml=saved.assumptions_yaml,
                created_at=saved.created_at.astimezone(UTC).replace(tzinfo=None),
                updated_at=_now())).inserted_primary_key[0]
        return self.get(new_id)

    def close(self) -> None:
        self.engine.dispose()

    # ---- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _values(name: str, scenario: Scenario, note: str, assumptions_yaml: str | None) -> dict:
        name = clean_name(name)
        return {"name": name, "name_key": name_key(name), "note": clean_note(note),
                "scenario_yaml": _scenario_yaml(scenario),
                "assumptions_yaml": clean_assumptions(assumptions_yaml)}

    @staticmethod
    def _check_free(conn: sa.Connection, name: str, except_id: int | None = None) -> None:
        query = sa.select(SCENARIOS.c.id).where(SCENARIOS.c.name_key == name_key(name))
        if except_id is not None:
            query = query.where(SCENARIOS.c.id != except_id)
        if conn.execute(query).first() is not None:
            raise NameTakenError(name)


@contextmanager
def _unique(name: str) -> Iterator[None]:
    """A unique-name violation (a concurrent writer on a server database) as NameTakenError."""
    try:
        yield
    except sa.exc.IntegrityError:
        raise NameTakenError(name) from None


def _scenario_yaml(scenario: Scenario) -> str:
    if not isinstance(scenario, Scenario):
        raise InvalidInputError("expected a Scenario")
    return scenario.to_yaml()


def _free_name(conn: sa.Connection, base: str) -> str:
    taken = set(conn.execute(sa.select(SCENARIOS.c.name_key)).scalars())
    if name_key(base) not in taken:
        return base
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[:MAX_NAME - len(suffix)] + suffix
        if name_key(candidate) not in taken:
            return candidate
        number += 1


def _short(error: sa.exc.SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]
