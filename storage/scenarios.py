"""Saved scenarios in a database through SQLAlchemy (Core): a SQLite file by default, or any
SQLAlchemy URL (PostgreSQL when hosted), scoped to workspaces.

Where the database is: `resolve_database_url()` takes the environment variable
SOCIAL_SIM_DATABASE_URL, else a URL the caller read elsewhere (the app passes the Streamlit secret
`database_url`), else the SQLite file saved/scenarios.sqlite beside the app (folder created on
demand). The schema (storage/schema.py) is created and upgraded by Alembic on first use.

Workspaces: every saved scenario belongs to one. `store.workspace(key, user=...)` opens one by its
key (an unguessable `new_workspace()` token; only its sha256 is stored), or the default workspace
without a key. Names are unique within a workspace, case-insensitively. In a workspace:

- owners: a scenario saved by a logged-in user records them as its owner, and only the owner may
  rename it, change its note, overwrite or delete it (NotAllowedError); a scenario saved without
  login may be changed by anyone in the workspace;
- trash: `delete` moves a scenario to the trash, where anyone in the workspace can `restore` it
  for TRASH_DAYS days; older ones are purged (lazily, on the next delete, restore or trash listing);
- history: every change is recorded (who: the user or "anonymous"; when; what).

`ScenarioStore`'s own scenario methods act in the default workspace as an anonymous user, as the
app did before workspaces existed.

Every public method raises StorageError (or a subclass) with a plain message, never a driver
exception; a failed write changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from model import Scenario
from model.errors import Problem

from .schema import (
    DEFAULT_WORKSPACE_ID,
    HISTORY,
    MAX_ACTOR,
    MAX_NAME,
    SCENARIOS,
    WORKSPACES,
    SchemaError,
    migrate,
    read_schema_version,
)

ENV_VAR = "SOCIAL_SIM_DATABASE_URL"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = ROOT / "saved" / "scenarios.sqlite"
MAX_NOTE = 4000
MAX_ASSUMPTIONS = 2_000_000
SQLITE_TIMEOUT_S = 30.0
TRASH_DAYS = 30
WORKSPACE_KEY_BYTES = 24  # secrets.token_urlsafe(24): 192 random bits, 32 characters
ANONYMOUS = "anonymous"
KEEP = object()  # update(): leave this field as it is
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{22,100}")



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
    """A name or note that cannot be saved (empty, too long, control characters): a Problem
    (model.errors), which ui/problems.py words in the user's language."""

    def __init__(self, code: str, **values: int):
        self.problem = Problem(code, values)
        super().__init__(" ".join([code, *(f"{key}={value}" for key, value in values.items())]))


class NotAllowedError(StorageError):
    """Someone other than a scenario's owner tried to change it."""

    def __init__(self, name: str, owner: str):
        self.name, self.owner = name, owner
        super().__init__(f"only its owner ({owner}) may change or delete {name!r}; "
                         "you can duplicate it and change the copy")


class WorkspaceNotFoundError(StorageError):
    def __init__(self) -> None:
        super().__init__("no workspace has this link (check that it was copied whole)")


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


def name_digest(name: str) -> str:
    """The unique key of a name: sha256 (hex, 64 characters) of its name_key, whatever its length."""
    return hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()


def key_hash(key: str) -> str:
    """What the database keeps of a workspace key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _now() -> datetime:
    """Naive UTC with microseconds (stored as such on every backend)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# ---- rows -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedScenario:
    """One saved row. Times are timezone-aware UTC; `deleted_at` is set while it is in the trash."""

    id: int
    name: str
    note: str
    scenario_yaml: str
    assumptions_yaml: str | None
    created_at: datetime
    updated_at: datetime
    owner: str | None = None
    deleted_at: datetime | None = None

    @property
    def scenario(self) -> Scenario:
        """The scenario, read leniently (a field a later version dropped is noted, not fatal).

        Raises model.ScenarioError if the stored text is not YAML at all."""
        return Scenario.from_yaml(self.scenario_yaml, strict=False)

    @property
    def has_assumptions(self) -> bool:
        return self.assumptions_yaml is not None

    @property
    def purge_at(self) -> datetime | None:
        """When a scenario in the trash is removed for good."""
        return None if self.deleted_at is None else self.deleted_at + timedelta(days=TRASH_DAYS)


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a saved scenario: what (`action`), by whom, when, and a short detail."""

    scenario_id: int
    scenario_name: str
    action: str  # save, rename, note, overwrite, duplicate, delete, restore
    actor: str
    at: datetime
    detail: str


def _row(row: sa.Row) -> SavedScenario:
    return SavedScenario(row.id, row.name, row.note, row.scenario_yaml, row.assumptions_yaml,
                         _aware(row.created_at), _aware(row.updated_at), row.owner, _aware(row.deleted_at))


def clean_name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidInputError("saved.name.not_text")
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("saved.name.empty")
    if len(name) > MAX_NAME:
        raise InvalidInputError("saved.name.too_long", length=len(name), limit=MAX_NAME)
    if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in name):
        raise InvalidInputError("saved.name.control")
    return name


def clean_note(note: object) -> str:
    if note is None:
        return ""
    if not isinstance(note, str):
        raise InvalidInputError("saved.note.not_text")
    note = note.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInputError("saved.note.too_long", length=len(note), limit=MAX_NOTE)
    if any((ord(char) < 32 and char not in "\n\t") or 127 <= ord(char) < 160 for char in note):
        raise InvalidInputError("saved.note.control")
    return note


def clean_assumptions(text: object) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError("saved.assumptions.not_text")
    if len(text) > MAX_ASSUMPTIONS:
        raise InvalidInputError("saved.assumptions.too_long", length=len(text), limit=MAX_ASSUMPTIONS)
    return text


def clean_user(user: object) -> str | None:
    """The logged-in user (email or OIDC `sub`), or None without login."""
    if user is None:
        return None
    if not isinstance(user, str) or not user.strip():
        raise InvalidInputError("saved.user.invalid")
    return user.strip()[:MAX_ACTOR]


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
        except SchemaError as error:
            raise StorageError(str(error)) from None
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

    def schema_version(self) -> int:
        with self._read() as conn:
            return read_schema_version(conn)

    # ---- workspaces ------------------------------------------------------------------------------
    def new_workspace(self) -> str:
        """A new, empty workspace; returns its key (keep it: the database only has its hash)."""
        key = secrets.token_urlsafe(WORKSPACE_KEY_BYTES)
        with self._write() as conn:
            conn.execute(sa.insert(WORKSPACES).values(key_hash=key_hash(key), created_at=_now()))
        return key

    def workspace(self, key: str | None = None, *, user: str | None = None) -> Workspace:
        """The workspace with this key (None: the default one), acting as `user` (None: no login).

        WorkspaceNotFoundError if no workspace has the key."""
        user = clean_user(user)
        if key is None:
            self._ensure_schema()
            return Workspace(self, DEFAULT_WORKSPACE_ID, user)
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            raise WorkspaceNotFoundError()
        with self._read() as conn:
            found = conn.execute(sa.select(WORKSPACES.c.id).where(
                WORKSPACES.c.key_hash == key_hash(key))).scalar()
        if found is None:
            raise WorkspaceNotFoundError()
        return Workspace(self, found, user)

    # ---- the default workspace, anonymously (as before workspaces) ---------------------------------
    @property
    def default(self) -> Workspace:
        return Workspace(self, DEFAULT_WORKSPACE_ID, None)

    def list(self) -> list[SavedScenario]:
        return self.default.list()

    def get(self, scenario_id: int) -> SavedScenario:
        return self.default.get(scenario_id)

    def find(self, name: str) -> SavedScenario | None:
        return self.default.find(name)

    def free_name(self, base: str) -> str:
        return self.default.free_name(base)

    def save(self, name: str, scenario: Scenario, *, note: str = "",
             assumptions_yaml: str | None = None) -> SavedScenario:
        return self.default.save(name, scenario, note=note, assumptions_yaml=assumptions_yaml)

    def update(self, scenario_id: int, **changes) -> SavedScenario:
        return self.default.update(scenario_id, **changes)

    def rename(self, scenario_id: int, name: str) -> SavedScenario:
        return self.default.rename(scenario_id, name)

    def set_note(self, scenario_id: int, note: str) -> SavedScenario:
        return self.default.set_note(scenario_id, note)

    def duplicate(self, scenario_id: int, name: str | None = None) -> SavedScenario:
        return self.default.duplicate(scenario_id, name)

    def delete(self, scenario_id: int) -> SavedScenario:
        return self.default.delete(scenario_id)

    def restore(self, item: int | SavedScenario) -> SavedScenario:
        return self.default.restore(item)

    def trash(self) -> list[SavedScenario]:
        return self.default.trash()

    def history(self, scenario_id: int) -> list[HistoryEntry]:
        return self.default.history(scenario_id)

    def close(self) -> None:
        self.engine.dispose()


class Workspace:
    """The saved scenarios of one workspace, as seen and changed by one user (None: no login)."""

    def __init__(self, store: ScenarioStore, workspace_id: int, user: str | None):
        self.store, self.id, self.user = store, workspace_id, user

    @property
    def actor(self) -> str:
        return self.user or ANONYMOUS

    @property
    def is_default(self) -> bool:
        return self.id == DEFAULT_WORKSPACE_ID

    def can_change(self, saved: SavedScenario) -> bool:
        """Whether this user may rename, overwrite or delete it (its owner, or anyone if it has none)."""
        return saved.owner is None or saved.owner == self.user

    # ---- reading --------------------------------------------------------------------------------
    def _live(self):
        return sa.and_(SCENARIOS.c.workspace_id == self.id, SCENARIOS.c.deleted_at.is_(None))

    def list(self) -> list[SavedScenario]:
        """Every saved scenario of the workspace (not the trash), most recently updated first."""
        with self.store._read() as conn:
            rows = conn.execute(sa.select(SCENARIOS).where(self._live()).order_by(
                SCENARIOS.c.updated_at.desc(), SCENARIOS.c.id.desc())).all()
        return [_row(row) for row in rows]

    def get(self, scenario_id: int) -> SavedScenario:
        with self.store._read() as conn:
            row = self._get_row(conn, scenario_id)
        return _row(row)

    def find(self, name: str) -> SavedScenario | None:
        with self.store._read() as conn:
            row = conn.execute(sa.select(SCENARIOS).where(
                self._live(), SCENARIOS.c.name_digest == name_digest(name))).first()
        return _row(row) if row is not None else None

    def free_name(self, base: str) -> str:
        """`base`, or `base (2)`, `base (3)`, … whichever is not taken yet."""
        base = clean_name(base)
        with self.store._read() as conn:
            return self._free_name(conn, base)

    def trash(self) -> list[SavedScenario]:
        """The deleted scenarios that can still be restored, most recently deleted first."""
        query = sa.select(SCENARIOS).where(
            SCENARIOS.c.workspace_id == self.id, SCENARIOS.c.deleted_at.is_not(None)).order_by(
            SCENARIOS.c.deleted_at.desc(), SCENARIOS.c.id.desc())
        with self.store._read() as conn:
            rows = [_row(row) for row in conn.execute(query).all()]
        if any(row.deleted_at <= _aware(self._cutoff()) for row in rows):  # purge only when due
            with self.store._write() as conn:
                self._purge(conn)
                rows = [_row(row) for row in conn.execute(query).all()]
        return rows

    def history(self, scenario_id: int) -> list[HistoryEntry]:
        """Every recorded change of a scenario (live or in the trash), newest first."""
        with self.store._read() as conn:
            rows = conn.execute(sa.select(HISTORY).where(
                HISTORY.c.workspace_id == self.id, HISTORY.c.scenario_id == scenario_id).order_by(
                HISTORY.c.at.desc(), HISTORY.c.id.desc())).all()
        return [HistoryEntry(row.scenario_id, row.scenario_name, row.action, row.actor, _aware(row.at),
                             row.detail) for row in rows]

    # ---- writing ---------------------------------------------------------------------------------
    def save(self, name: str, scenario: Scenario, *, note: str = "",
             assumptions_yaml: str | None = None) -> SavedScenario:
        """A new saved scenario. NameTakenError if the name is in use (case-insensitively)."""
        name = clean_name(name)
        values = {"name": name, "name_digest": name_digest(name), "note": clean_note(note),
                  "scenario_yaml": _scenario_yaml(scenario),
                  "assumptions_yaml": clean_assumptions(assumptions_yaml)}
        now = _now()
        with self.store._write() as conn:
            self._check_free(conn, name)
            with _unique(name):
                new_id = conn.execute(sa.insert(SCENARIOS).values(
                    **values, workspace_id=self.id, owner=self.user, created_at=now,
                    updated_at=now)).inserted_primary_key[0]
            self._record(conn, new_id, name, "save", "", now)
        return self.get(new_id)

    def update(self, scenario_id: int, *, name: str | None = None, note: str | None = None,
               scenario: Scenario | None = None, assumptions_yaml: object = KEEP) -> SavedScenario:
        """Change some fields of a saved scenario (`assumptions_yaml=None` clears them)."""
        changes: dict = {}
        if name is not None:
            changes["name"] = clean_name(name)
            changes["name_digest"] = name_digest(changes["name"])
        if note is not None:
            changes["note"] = clean_note(note)
        if scenario is not None:
            changes["scenario_yaml"] = _scenario_yaml(scenario)
        if assumptions_yaml is not KEEP:
            changes["assumptions_yaml"] = clean_assumptions(assumptions_yaml)
        with self.store._write() as conn:
            before = self._changeable(conn, scenario_id)
            if "name" in changes:
                self._check_free(conn, changes["name"], except_id=scenario_id)
            events = []
            if "name" in changes and changes["name"] != before.name:
                events.append(("rename", f"{before.name} → {changes['name']}"))
            if "note" in changes and changes["note"] != before.note:
                events.append(("note", changes["note"]))
            if ("scenario_yaml" in changes and changes["scenario_yaml"] != before.scenario_yaml) or (
                    "assumptions_yaml" in changes and changes["assumptions_yaml"] != before.assumptions_yaml):
                events.append(("overwrite", _overwrite_detail(before, changes)))
            if changes:
                now = _now()
                with _unique(changes.get("name", "")):
                    conn.execute(sa.update(SCENARIOS).where(SCENARIOS.c.id == scenario_id)
                                 .values(**changes, updated_at=now))
                for action, detail in events:
                    self._record(conn, scenario_id, changes.get("name", before.name), action, detail, now)
        return self.get(scenario_id)

    def rename(self, scenario_id: int, name: str) -> SavedScenario:
        return self.update(scenario_id, name=name)

    def set_note(self, scenario_id: int, note: str) -> SavedScenario:
        return self.update(scenario_id, note=note)

    def duplicate(self, scenario_id: int, name: str | None = None) -> SavedScenario:
        """A copy under `name` (default: the first free `<name> (2)`, `(3)`, …), owned by this user."""
        with self.store._write() as conn:
            original = _row(self._get_row(conn, scenario_id))
            new_name = clean_name(name) if name is not None else self._free_name(conn, original.name)
            self._check_free(conn, new_name)
            now = _now()
            with _unique(new_name):
                new_id = conn.execute(sa.insert(SCENARIOS).values(
                    workspace_id=self.id, name=new_name, name_digest=name_digest(new_name), owner=self.user,
                    note=original.note, scenario_yaml=original.scenario_yaml,
                    assumptions_yaml=original.assumptions_yaml, created_at=now,
                    updated_at=now)).inserted_primary_key[0]
            self._record(conn, new_id, new_name, "duplicate", f"copy of {original.name}", now)
            self._record(conn, original.id, original.name, "duplicate", f"copied as {new_name}", now)
        return self.get(new_id)

    def delete(self, scenario_id: int) -> SavedScenario:
        """Move a saved scenario to the trash and return it (restore it within TRASH_DAYS days)."""
        with self.store._write() as conn:
            self._purge(conn)
            before = self._changeable(conn, scenario_id)
            now = _now()
            conn.execute(sa.update(SCENARIOS).where(SCENARIOS.c.id == scenario_id)
                         .values(deleted_at=now, name_digest=None))
            self._record(conn, scenario_id, before.name, "delete", "", now)
            row = conn.execute(sa.select(SCENARIOS).where(SCENARIOS.c.id == scenario_id)).one()
        return _row(row)

    def restore(self, item: int | SavedScenario) -> SavedScenario:
        """Take a scenario out of the trash (anyone in the workspace may): under its name, or the
        first free `name (2)`, … if the name was taken meanwhile."""
        scenario_id = item.id if isinstance(item, SavedScenario) else item
        with self.store._write() as conn:
            self._purge(conn)
            row = conn.execute(sa.select(SCENARIOS).where(
                SCENARIOS.c.id == scenario_id, SCENARIOS.c.workspace_id == self.id,
                SCENARIOS.c.deleted_at.is_not(None))).first()
            if row is None:
                raise NotFoundError(scenario_id)
            new_name = self._free_name(conn, row.name)
            now = _now()
            with _unique(new_name):
                conn.execute(sa.update(SCENARIOS).where(SCENARIOS.c.id == scenario_id).values(
                    name=new_name, name_digest=name_digest(new_name), deleted_at=None, updated_at=now))
            self._record(conn, scenario_id, new_name, "restore",
                         "" if new_name == row.name else f"as {new_name} ({row.name} was taken)", now)
        return self.get(scenario_id)

    # ---- helpers --------------------------------------------------------------------------------
    def _get_row(self, conn: sa.Connection, scenario_id: int) -> sa.Row:
        row = conn.execute(sa.select(SCENARIOS).where(self._live(), SCENARIOS.c.id == scenario_id)).first()
        if row is None:
            raise NotFoundError(scenario_id)
        return row

    def _changeable(self, conn: sa.Connection, scenario_id: int) -> SavedScenario:
        saved = _row(self._get_row(conn, scenario_id))
        if not self.can_change(saved):
            raise NotAllowedError(saved.name, saved.owner or "")
        return saved

    def _check_free(self, conn: sa.Connection, name: str, except_id: int | None = None) -> None:
        query = sa.select(SCENARIOS.c.id).where(self._live(), SCENARIOS.c.name_digest == name_digest(name))
        if except_id is not None:
            query = query.where(SCENARIOS.c.id != except_id)
        if conn.execute(query).first() is not None:
            raise NameTakenError(name)

    def _free_name(self, conn: sa.Connection, base: str) -> str:
        taken = set(conn.execute(sa.select(SCENARIOS.c.name_digest).where(self._live())).scalars())
        if name_digest(base) not in taken:
            return base
        number = 2
        while True:
            suffix = f" ({number})"
            candidate = base[:MAX_NAME - len(suffix)] + suffix
            if name_digest(candidate) not in taken:
                return candidate
            number += 1

    def _record(self, conn: sa.Connection, scenario_id: int, name: str, action: str, detail: str,
                at: datetime) -> None:
        conn.execute(sa.insert(HISTORY).values(
            workspace_id=self.id, scenario_id=scenario_id, scenario_name=name, action=action,
            actor=self.actor, at=at, detail=detail))

    @staticmethod
    def _cutoff() -> datetime:
        return _now() - timedelta(days=TRASH_DAYS)

    def _purge(self, conn: sa.Connection) -> None:
        """Remove for good what has been in the trash longer than TRASH_DAYS (with its history)."""
        old = sa.select(SCENARIOS.c.id).where(SCENARIOS.c.workspace_id == self.id,
                                              SCENARIOS.c.deleted_at <= self._cutoff())
        expired = list(conn.execute(old).scalars())
        if expired:
            conn.execute(sa.delete(HISTORY).where(HISTORY.c.workspace_id == self.id,
                                                  HISTORY.c.scenario_id.in_(expired)))
            conn.execute(sa.delete(SCENARIOS).where(SCENARIOS.c.id.in_(expired)))


def _overwrite_detail(before: SavedScenario, changes: dict) -> str:
    parts = []
    if "scenario_yaml" in changes and changes["scenario_yaml"] != before.scenario_yaml:
        parts.append("scenario")
    if "assumptions_yaml" in changes and changes["assumptions_yaml"] != before.assumptions_yaml:
        parts.append("assumptions")
    return " and ".join(parts)


@contextmanager
def _unique(name: str) -> Iterator[None]:
    """A unique-name violation (a concurrent writer on a server database) as NameTakenError."""
    try:
        yield
    except sa.exc.IntegrityError:
        raise NameTakenError(name) from None


def _scenario_yaml(scenario: Scenario) -> str:
    if not isinstance(scenario, Scenario):
        raise InvalidInputError("saved.scenario.expected")
    return scenario.to_yaml()


def _short(error: sa.exc.SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]

