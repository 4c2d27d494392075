"""Saved scenarios against real databases (a SQLite file, and PostgreSQL when
SOCIAL_SIM_TEST_POSTGRES_URL is set): save, load, rename, duplicate, delete and restore,
concurrent writers, a restart, migrations, and failures that must leave every row untouched."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

import storage.scenarios as store_module
import storage.schema as schema_module
from model import Scenario, load_catalog_text, simulate
from storage import (
    ENV_VAR,
    SCHEMA_VERSION,
    InvalidInputError,
    NameTakenError,
    NotFoundError,
    ScenarioStore,
    StorageError,
    resolve_database_url,
)
from storage.scenarios import DEFAULT_DATABASE_PATH, MAX_NAME, MAX_NOTE, name_key
from tests.db_support import BACKENDS, fresh_database, raw_rows

ROOT = Path(__file__).resolve().parents[2]
TEAM = Scenario(team=("social_media_manager", "community_manager"), budget_sek=2_600_000, channels=5)


def url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "scenarios.sqlite"


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path) -> str:
    with fresh_database(request.param, tmp_path) as database_url:
        yield database_url


@pytest.fixture
def store(db_url: str):
    opened = ScenarioStore(db_url)
    yield opened
    opened.close()


def rows_on_disk(path: Path) -> list[tuple]:
    """Every row as SQLite has it, read without SQLAlchemy."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, name, note, scenario_yaml, created_at, updated_at "
                            "FROM social_sim_scenarios ORDER BY id").fetchall()


# ---- where the database is ---------------------------------------------------------------------
def test_the_url_comes_from_the_environment_then_the_secret_then_the_default():
    assert resolve_database_url({ENV_VAR: "postgresql://h/db"}, "sqlite:///s.db") == "postgresql://h/db"
    assert resolve_database_url({ENV_VAR: "  "}, " sqlite:///s.db ") == "sqlite:///s.db"
    assert resolve_database_url({}, None) == f"sqlite:///{DEFAULT_DATABASE_PATH}"
    assert DEFAULT_DATABASE_PATH == ROOT / "saved" / "scenarios.sqlite"


def test_schema_and_folder_are_created_on_first_use(tmp_path):
    path = tmp_path / "not" / "yet" / "there.sqlite"
    opened = ScenarioStore(url(path))
    assert path.parent.is_dir()
    assert opened.list() == []
    assert opened.schema_version() == SCHEMA_VERSION
    inspector = sa.inspect(sa.create_engine(url(path)))
    assert {"social_sim_schema", "social_sim_scenarios", "social_sim_workspaces", "social_sim_history",
            "social_sim_alembic_version"} <= set(inspector.get_table_names())
    columns = {column["name"] for column in inspector.get_columns("social_sim_scenarios")}
    assert columns == {"id", "workspace_id", "name", "name_digest", "owner", "note", "scenario_yaml",
                       "assumptions_yaml", "created_at", "updated_at", "deleted_at"}
    opened.close()


# ---- save and load ---------------------------------------------------------------------------------
def test_save_and_load_back_every_field(store):
    before = datetime.now(UTC)
    saved = store.save("Two people and an agency", TEAM, note="Why: cheaper than hiring.\nSecond line")
    assert saved.id > 0
    assert saved.name == "Two people and an agency"
    assert saved.note == "Why: cheaper than hiring.\nSecond line"
    assert saved.assumptions_yaml is None and not saved.has_assumptions
    assert saved.scenario == TEAM
    assert saved.created_at == saved.updated_at
    assert before <= saved.created_at <= datetime.now(UTC)
    assert saved.created_at.tzinfo is UTC
    assert store.get(saved.id) == saved
    assert store.list() == [saved]
    assert store.find("  TWO people and an AGENCY ") == saved
    assert store.find("someone else") is None


def test_saved_then_loaded_gives_the_same_plan(store, catalog):
    for preset in catalog.presets.values():
        saved = store.save(preset.name, preset.scenario)
        loaded = store.get(saved.id).scenario
        assert loaded == preset.scenario
        assert simulate(loaded, catalog) == simulate(preset.scenario, catalog)


def test_saved_assumptions_come_back_and_give_the_same_plan(store, raw_catalog):
    from model import build_catalog

    raw_catalog["roles"]["roles"][0]["pay_sek_month"] = 99_000
    edited = build_catalog(raw_catalog, origin="edited")
    saved = store.save("Dearer staff", TEAM, assumptions_yaml=edited.to_yaml())
    loaded = store.get(saved.id)
    assert loaded.has_assumptions
    catalog_back = load_catalog_text(loaded.assumptions_yaml)
    assert catalog_back.fingerprint == edited.fingerprint
    assert simulate(loaded.scenario, catalog_back) == simulate(TEAM, edited)


def test_names_are_unique_regardless_of_case_and_spacing(store):
    first = store.save("Lean team", TEAM)
    for clash in ("lean team", "  Lean   TEAM "):
        with pytest.raises(NameTakenError):
            store.save(clash, Scenario(team_size=9))
    assert store.list() == [first]


@pytest.mark.parametrize("name, note, problem", [
    ("", "", "saved.name.empty"),
    ("   ", "", "saved.name.empty"),
    ("x" * (MAX_NAME + 1), "", "saved.name.too_long"),
    ("escape\x1b[31m", "", "saved.name.control"),
    ("bell\x07", "", "saved.name.control"),
    ("ok", "n" * (MAX_NOTE + 1), "saved.note.too_long"),
    ("ok", "nul\x00", "saved.note.control"),
    ("ok", "c1\x85c1", "saved.note.control"),
])
def test_bad_names_and_notes_are_refused_and_nothing_is_saved(store, name, note, problem):
    kept = store.save("Kept", TEAM)
    with pytest.raises(InvalidInputError) as refused:
        store.save(name, TEAM, note=note)
    assert refused.value.problem.code == problem
    assert store.list() == [kept]


def test_names_are_stored_with_white_space_collapsed(store):
    assert store.save("  A   name  ", TEAM).name == "A name"
    assert store.save("tab\tand\nnewline", TEAM).name == "tab and newline"


# ---- rename, note, update, duplicate -----------------------------------------------------------------
def test_rename_keeps_the_content_and_creation_time(store):
    saved = store.save("Old name", TEAM, note="n")
    time.sleep(0.002)
    renamed = store.rename(saved.id, "New name")
    assert renamed.name == "New name" and renamed.note == "n"
    assert renamed.scenario_yaml == saved.scenario_yaml
    assert renamed.created_at == saved.created_at
    assert renamed.updated_at > saved.updated_at
    assert store.rename(saved.id, "NEW NAME").name == "NEW NAME"  # its own name in another case


def test_rename_to_a_taken_name_changes_nothing(store):
    first, second = store.save("First", TEAM), store.save("Second", TEAM)
    with pytest.raises(NameTakenError):
        store.rename(second.id, " first ")
    assert store.get(second.id) == second and store.get(first.id) == first


def test_update_note_scenario_and_assumptions(store):
    saved = store.save("Plan", TEAM)
    assert store.set_note(saved.id, "because").note == "because"
    changed = store.update(saved.id, scenario=Scenario(team_size=5), assumptions_yaml="settings: {}\n")
    assert changed.scenario == Scenario(team_size=5)
    assert changed.note == "because" and changed.assumptions_yaml == "settings: {}\n"
    assert store.update(saved.id, note="again").assumptions_yaml == "settings: {}\n"  # kept
    assert store.update(saved.id, assumptions_yaml=None).assumptions_yaml is None  # cleared


def test_missing_rows_are_reported(store):
    for action in (lambda: store.get(404), lambda: store.rename(404, "x"), lambda: store.delete(404),
                   lambda: store.duplicate(404), lambda: store.set_note(404, "x")):
        with pytest.raises(NotFoundError, match="404"):
            action()


def test_duplicate_copies_content_under_a_free_name(store):
    saved = store.save("Plan", TEAM, note="why", assumptions_yaml="a: 1\n")
    copy = store.duplicate(saved.id)
    assert copy.id != saved.id and copy.name == "Plan (2)"
    assert (copy.note, copy.scenario_yaml, copy.assumptions_yaml) == \
        (saved.note, saved.scenario_yaml, saved.assumptions_yaml)
    assert store.duplicate(saved.id).name == "Plan (3)"
    assert store.duplicate(saved.id, "Plan B").name == "Plan B"
    with pytest.raises(NameTakenError):
        store.duplicate(saved.id, "plan b")
    assert store.free_name("Plan") == "Plan (4)"
    assert store.free_name("Unused") == "Unused"
    long = store.save("y" * MAX_NAME, TEAM)
    assert len(store.duplicate(long.id).name) == MAX_NAME


# ---- delete (to the trash) and restore ------------------------------------------------------------------
def test_delete_returns_the_row_and_restore_brings_it_back(store):
    saved = store.save("Plan", TEAM, note="keep me", assumptions_yaml="a: 1\n")
    other = store.save("Other", Scenario())
    removed = store.delete(saved.id)
    assert removed.deleted_at is not None
    assert dataclasses.replace(removed, deleted_at=None) == saved
    assert store.list() == [other]
    assert store.trash() == [removed]
    with pytest.raises(NotFoundError):
        store.get(saved.id)
    back = store.restore(removed)
    assert (back.name, back.note, back.scenario_yaml, back.assumptions_yaml, back.created_at) == \
        (saved.name, saved.note, saved.scenario_yaml, saved.assumptions_yaml, saved.created_at)


def test_restore_under_a_taken_name_picks_a_free_one(store):
    removed = store.delete(store.save("Plan", TEAM).id)
    store.save("plan", Scenario())
    assert store.restore(removed).name == "Plan (2)"


# ---- concurrency -----------------------------------------------------------------------------------------
def test_concurrent_saves_from_two_connections(db_url):
    one, two = ScenarioStore(db_url), ScenarioStore(db_url)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(opened: ScenarioStore, prefix: str) -> None:
        try:
            start.wait()
            for index in range(25):
                opened.save(f"{prefix} {index}", Scenario(team_size=index % 30))
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(one, "one")),
               threading.Thread(target=work, args=(two, "two"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    names = {row.name for row in one.list()}
    assert names == {f"{prefix} {i}" for prefix in ("one", "two") for i in range(25)}
    assert len(raw_rows(db_url)) == 50
    one.close()
    two.close()


def test_the_same_name_saved_at_once_from_two_connections_is_saved_once(db_url):
    stores = [ScenarioStore(db_url) for _ in range(2)]
    stores[0].list()  # the schema exists; both now race only for the name
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def work(opened: ScenarioStore, team_size: int) -> None:
        start.wait()
        try:
            opened.save("Shared name", Scenario(team_size=team_size))
            outcomes.append("saved")
        except NameTakenError:
            outcomes.append("taken")

    threads = [threading.Thread(target=work, args=(opened, size))
               for opened, size in zip(stores, (3, 4), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "taken"]
    assert [row[1] for row in raw_rows(db_url)] == ["Shared name"]
    for opened in stores:
        opened.close()


def test_a_writer_waits_for_another_connection_holding_the_lock(db_path):
    store = ScenarioStore(url(db_path))
    store.list()
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("INSERT INTO social_sim_scenarios (workspace_id, name, name_digest, note, scenario_yaml, "
                    "created_at, updated_at) VALUES (1, 'Other', 'other', '', 'scenario: {}', '2024-01-01', "
                    "'2024-01-01')")
    threading.Timer(0.4, blocker.execute, args=("COMMIT",)).start()
    started = time.monotonic()
    saved = store.save("Mine", TEAM)
    assert time.monotonic() - started >= 0.3
    assert {row.name for row in store.list()} == {"Other", saved.name}
    blocker.close()


def test_a_locked_database_gives_a_clear_error_and_loses_nothing(db_path, monkeypatch):
    ScenarioStore(url(db_path)).save("Kept", TEAM)
    before = rows_on_disk(db_path)
    monkeypatch.setattr(store_module, "SQLITE_TIMEOUT_S", 0.2)
    impatient = ScenarioStore(url(db_path))
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked"):
            impatient.save("New", TEAM)
        with pytest.raises(StorageError, match="locked"):
            impatient.delete(1)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert rows_on_disk(db_path) == before


# ---- restart -------------------------------------------------------------------------------------------
def test_rows_survive_closing_and_reopening_the_database(db_url):
    first = ScenarioStore(db_url)
    saved = [first.save(f"Plan {i}", Scenario(team_size=i), note=f"note {i}") for i in range(3)]
    first.close()
    again = ScenarioStore(db_url)
    assert sorted(again.list(), key=lambda row: row.id) == saved
    again.close()


def test_rows_survive_a_new_process(db_url):
    ScenarioStore(db_url).save("Across processes", TEAM, note="still here")
    script = ("import json, sys; from storage import ScenarioStore; "
              "rows = ScenarioStore(sys.argv[1]).list(); "
              "print(json.dumps([[r.name, r.note, r.scenario_yaml] for r in rows]))")
    result = subprocess.run([sys.executable, "-c", script, db_url], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert json.loads(result.stdout) == [["Across processes", "still here", TEAM.to_yaml()]]


# ---- migrations -----------------------------------------------------------------------------------------
# The schema as versions 1 and 2 of the app created it (hand-written migrations, before Alembic);
# written out here so a later change to the code's idea of them cannot hide a broken migration.
SCHEMA_V1 = """
CREATE TABLE social_sim_schema (id INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (id));
INSERT INTO social_sim_schema (id, version) VALUES (1, 1);
CREATE TABLE social_sim_scenarios (
    id INTEGER NOT NULL, name VARCHAR(120) NOT NULL, name_key VARCHAR(120) NOT NULL,
    note TEXT NOT NULL, scenario_yaml TEXT NOT NULL, created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL, PRIMARY KEY (id), UNIQUE (name_key));
"""
SCHEMA_V2 = SCHEMA_V1 + """
ALTER TABLE social_sim_scenarios ADD COLUMN assumptions_yaml TEXT;
UPDATE social_sim_schema SET version = 2;
"""


def make_old_anywhere(database_url: str, schema: str) -> list[tuple]:
    """The old layout through SQLAlchemy on any backend, with the types the old app got there
    (PostgreSQL: SERIAL ids and TIMESTAMP), and two rows; returns the rows as stored."""
    engine = sa.create_engine(database_url)
    if engine.dialect.name == "postgresql":
        schema = schema.replace("id INTEGER NOT NULL,", "id SERIAL NOT NULL,")
        schema = schema.replace("DATETIME", "TIMESTAMP")
    with engine.begin() as conn:
        for statement in filter(str.strip, schema.split(";")):
            conn.exec_driver_sql(statement)
        for index, name in enumerate(("Old one", "Old two")):
            conn.execute(sa.text("INSERT INTO social_sim_scenarios (name, name_key, note, scenario_yaml, "
                                 "created_at, updated_at) "
                                 "VALUES (:name, :key, :note, :yaml, :created, :updated)"),
                         {"name": name, "key": name_key(name), "note": f"note {index}",
                          "yaml": Scenario(team_size=index + 1).to_yaml(),
                          "created": datetime(2024, index + 1, 1, 10),
                          "updated": datetime(2024, index + 1, 2, 10)})
        if "assumptions_yaml" in schema:
            conn.exec_driver_sql("UPDATE social_sim_scenarios SET assumptions_yaml = 'a: 1' WHERE id = 2")
    engine.dispose()
    return raw_rows(database_url)


def make_v1(path: Path) -> list[tuple]:
    make_old_anywhere(url(path), SCHEMA_V1)
    return rows_on_disk(path)


@pytest.mark.parametrize("schema, assumptions", [(SCHEMA_V1, None), (SCHEMA_V2, "a: 1")], ids=["v1", "v2"])
def test_an_old_database_is_upgraded_in_place_without_losing_rows(db_url, schema, assumptions):
    before = make_old_anywhere(db_url, schema)
    opened = ScenarioStore(db_url)
    rows = sorted(opened.list(), key=lambda row: row.id)
    assert opened.schema_version() == SCHEMA_VERSION == 3
    assert raw_rows(db_url) == before
    assert [(row.name, row.note, row.assumptions_yaml, row.owner) for row in rows] == \
        [("Old one", "note 0", None, None), ("Old two", "note 1", assumptions, None)]
    assert rows[0].scenario == Scenario(team_size=1)
    assert rows[0].created_at == datetime(2024, 1, 1, 10, tzinfo=UTC)
    new = opened.save("New", TEAM, assumptions_yaml="a: 1\n")  # new ids follow the old ones
    assert new.assumptions_yaml == "a: 1\n" and new.id > rows[-1].id
    with pytest.raises(NameTakenError):
        opened.save("old ONE", TEAM)  # the unique name from before still holds
    opened.delete(rows[0].id)  # the old rows take part in trash and history like new ones
    assert [entry.action for entry in opened.history(rows[0].id)] == ["delete"]
    assert opened.restore(rows[0].id).name == "Old one"
    opened.close()
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:  # an app of version 1 or 2 now refuses the database
        assert conn.exec_driver_sql("SELECT version FROM social_sim_schema").all() == [(3,)]
        assert conn.exec_driver_sql("SELECT version_num FROM social_sim_alembic_version").all() == [("v3",)]
    engine.dispose()
    again = ScenarioStore(db_url)
    assert again.schema_version() == 3  # a second open does not migrate again
    again.close()


def test_a_failing_migration_rolls_back_and_keeps_version_1(db_path, monkeypatch):
    before = make_v1(db_path)

    def broken(conn):  # every step has run ... and then the migration fails
        raise sa.exc.OperationalError("ALTER", {}, Exception("disk I/O error"))

    monkeypatch.setattr(schema_module, "after_migration", broken)
    with pytest.raises(StorageError, match="disk I/O error"):
        ScenarioStore(url(db_path)).list()
    with sqlite3.connect(db_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(social_sim_scenarios)")]
        assert "assumptions_yaml" not in columns and "workspace_id" not in columns
        assert conn.execute("SELECT version FROM social_sim_schema").fetchall() == [(1,)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"social_sim_schema", "social_sim_scenarios"}
    assert rows_on_disk(db_path) == before
    monkeypatch.undo()
    assert len(ScenarioStore(url(db_path)).list()) == 2


@pytest.mark.parametrize("newer", [
    "UPDATE social_sim_schema SET version = 99",
    "CREATE TABLE social_sim_alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); "
    "INSERT INTO social_sim_alembic_version VALUES ('v99_from_the_future')",
], ids=["legacy-version", "alembic-revision"])
def test_a_database_from_a_newer_app_is_refused_untouched(db_path, newer):
    make_v1(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.executescript(newer)
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match="newer"):
        ScenarioStore(url(db_path)).list()
    assert db_path.read_bytes() == before


def test_migrating_an_empty_database_step_by_step_matches_a_fresh_one(tmp_path):
    stepwise = tmp_path / "stepwise.sqlite"
    engine = sa.create_engine(url(stepwise))
    for target in (1, 2, 3):
        with engine.begin() as conn:
            assert schema_module.migrate(conn, target=target) == target - 1
        with engine.begin() as conn:
            assert schema_module.read_schema_version(conn) == target
    engine.dispose()
    fresh = tmp_path / "fresh.sqlite"
    ScenarioStore(url(fresh)).list()

    def shape(path: Path):
        inspector = sa.inspect(sa.create_engine(url(path)))
        return {table: (sorted((c["name"], str(c["type"]), c["nullable"])
                               for c in inspector.get_columns(table)),
                        sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)))
                for table in inspector.get_table_names()}

    assert shape(stepwise) == shape(fresh)


# ---- configuration problems -------------------------------------------------------------------------------
@pytest.mark.parametrize("bad_url, problem", [
    ("not a url at all", "could not be read"),
    ("nosuchdialect://host/db", "no database engine"),
])
def test_bad_urls_give_a_storage_error(bad_url, problem):
    with pytest.raises(StorageError, match=problem):
        ScenarioStore(bad_url)


def test_an_unreachable_file_gives_a_storage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError):
        ScenarioStore(url(blocker / "db.sqlite")).list()


def test_a_file_that_is_not_a_database_gives_a_storage_error(tmp_path):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="could not be used"):
        ScenarioStore(url(path)).list()
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_the_password_never_appears_in_messages():
    try:
        opened = ScenarioStore("postgresql+nosuchdriver://user:s3cret@localhost/db")
    except StorageError as error:
        assert "s3cret" not in str(error)
    else:  # pragma: no cover - the dialect plugin does not exist
        assert "s3cret" not in opened.url_display
