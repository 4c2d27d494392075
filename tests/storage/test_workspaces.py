"""Workspaces, owners, the trash and the history of saved scenarios, and what makes them safe to
host: concurrent first use, names of any valid length, keys that are never stored. Each test runs
on a SQLite file and on PostgreSQL (when SOCIAL_SIM_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

import storage.scenarios as store_module
from model import Scenario
from storage import (
    ANONYMOUS,
    TRASH_DAYS,
    NameTakenError,
    NotAllowedError,
    NotFoundError,
    ScenarioStore,
    StorageError,
    WorkspaceNotFoundError,
)
from storage.scenarios import MAX_NAME, key_hash
from tests.db_support import BACKENDS, fresh_database, raw_rows

ROOT = Path(__file__).resolve().parents[2]
TEAM = Scenario(team=("social_media_manager", "community_manager"), budget_sek=2_600_000, channels=5)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path) -> str:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str):
    opened = ScenarioStore(db_url)
    yield opened
    opened.close()


def dump(url: str) -> str:
    """Every value of every table, as text."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        tables = sa.inspect(conn).get_table_names()
        text = json.dumps({table: [[str(value) for value in row] for row in
                                   conn.exec_driver_sql(f"SELECT * FROM {table}")] for table in tables})
    engine.dispose()
    return text


# ---- workspaces --------------------------------------------------------------------------------------
def test_a_workspace_sees_only_its_own_scenarios(store):
    key_a, key_b = store.new_workspace(), store.new_workspace()
    space_a, space_b, default = store.workspace(key_a), store.workspace(key_b), store.workspace()
    mine = space_a.save("Plan", TEAM, note="a")
    theirs = space_b.save("plan", Scenario(team_size=3), note="b")  # the same name elsewhere is fine
    assert default.list() == [] and store.list() == []
    assert space_a.list() == [mine] and space_b.list() == [theirs]
    assert store.workspace(key_a).find("PLAN") == mine
    for action in (lambda: space_b.get(mine.id), lambda: space_b.rename(mine.id, "x"),
                   lambda: space_b.delete(mine.id), lambda: default.duplicate(mine.id),
                   lambda: space_b.history(mine.id) or space_b.restore(mine.id)):
        with pytest.raises(NotFoundError):
            action()
    assert space_a.get(mine.id) == mine
    space_a.delete(mine.id)
    assert space_b.trash() == [] and default.trash() == []
    with pytest.raises(NotFoundError):
        space_b.restore(mine.id)


def test_workspace_keys_are_unguessable_and_only_their_hash_is_stored(store, db_url):
    keys = {store.new_workspace() for _ in range(20)}
    assert len(keys) == 20
    for key in keys:
        assert len(key) >= 22 and len(key.encode()) * 6 // 8 >= 16  # at least 128 random bits
    for key in keys:
        store.workspace(key).save("Secret plan", TEAM)
    stored = dump(db_url)
    assert not any(key in stored for key in keys)
    assert all(key_hash(key) in stored for key in keys)


@pytest.mark.parametrize("key", ["", "short", "x" * 300, "has spaces in it and is long enough",
                                 "a" * 32, "../../etc/passwd-but-long-enough", None.__class__.__name__ * 8])
def test_an_unknown_or_malformed_key_opens_nothing(store, key):
    with pytest.raises(WorkspaceNotFoundError, match="no workspace has this link"):
        store.workspace(key)


def test_rows_saved_before_workspaces_belong_to_the_default_workspace(store):
    saved = store.save("Old", TEAM)
    assert store.workspace().list() == [saved]
    assert store.workspace(None, user="ann@example.org").get(saved.id) == saved


# ---- owners ---------------------------------------------------------------------------------------------
def test_only_the_owner_may_rename_overwrite_or_delete(store):
    key = store.new_workspace()
    ann, bob, anyone = (store.workspace(key, user="ann@example.org"), store.workspace(key, user="bob-sub-42"),
                        store.workspace(key))
    saved = ann.save("Ann's plan", TEAM, note="mine")
    assert saved.owner == "ann@example.org"
    assert not bob.can_change(saved) and not anyone.can_change(saved) and ann.can_change(saved)
    for other in (bob, anyone):
        for action, args in ((other.rename, ("Taken over",)), (other.set_note, ("x",)),
                             (other.delete, ()), (other.update, ())):
            with pytest.raises(NotAllowedError, match=r"only its owner \(ann@example.org\) may change"):
                action(saved.id, *args)
        with pytest.raises(NotAllowedError):
            other.update(saved.id, scenario=Scenario(team_size=9))
    assert ann.get(saved.id) == saved and ann.trash() == []
    copy = bob.duplicate(saved.id)  # anyone may copy it; the copy is theirs
    assert copy.owner == "bob-sub-42" and bob.rename(copy.id, "Bob's version").name == "Bob's version"
    assert ann.rename(saved.id, "Ann's final plan").name == "Ann's final plan"
    assert ann.delete(saved.id).deleted_at is not None
    assert bob.restore(saved.id).name == "Ann's final plan"  # the trash is open to the workspace


def test_without_login_anyone_may_change_what_was_saved_without_login(store):
    anonymous = store.workspace()
    saved = anonymous.save("Shared", TEAM)
    assert saved.owner is None
    logged_in = store.workspace(user="ann@example.org")
    assert logged_in.can_change(saved)
    assert logged_in.rename(saved.id, "Shared, renamed").name == "Shared, renamed"
    assert anonymous.delete(saved.id).name == "Shared, renamed"


# ---- trash ----------------------------------------------------------------------------------------------
def test_deleting_moves_to_the_trash_and_frees_the_name(store):
    space = store.workspace(store.new_workspace())
    saved = space.save("Plan", TEAM, note="keep", assumptions_yaml="a: 1\n")
    removed = space.delete(saved.id)
    assert space.list() == [] and space.trash() == [removed]
    assert removed.purge_at == removed.deleted_at + timedelta(days=TRASH_DAYS)
    with pytest.raises(NotFoundError):
        space.get(saved.id)
    with pytest.raises(NotFoundError):
        space.delete(saved.id)  # already in the trash
    newer = space.save("plan", Scenario(team_size=4))  # the name is free while the old one is in the trash
    back = space.restore(saved.id)
    assert back.id == saved.id and back.name == "Plan (2)" and back.deleted_at is None
    assert (back.note, back.scenario_yaml, back.assumptions_yaml, back.created_at) == \
        (saved.note, saved.scenario_yaml, saved.assumptions_yaml, saved.created_at)
    assert {row.id for row in space.list()} == {newer.id, saved.id} and space.trash() == []
    with pytest.raises(NotFoundError):
        space.restore(saved.id)  # no longer in the trash


def test_the_trash_is_emptied_after_thirty_days(store, db_url, monkeypatch):
    space = store.workspace(store.new_workspace())
    old, recent = space.save("Old", TEAM), space.save("Recent", TEAM)
    space.delete(old.id)
    start = store_module._now()
    monkeypatch.setattr(store_module, "_now", lambda: start + timedelta(days=TRASH_DAYS - 1))
    space.delete(recent.id)
    assert [row.name for row in space.trash()] == ["Recent", "Old"]  # 29 days: still there
    monkeypatch.setattr(store_module, "_now", lambda: start + timedelta(days=TRASH_DAYS, minutes=1))
    assert [row.name for row in space.trash()] == ["Recent"]
    with pytest.raises(NotFoundError):
        space.restore(old.id)
    assert space.history(old.id) == []
    assert [row[1] for row in raw_rows(db_url)] == ["Recent"]
    assert space.restore(recent.id).name == "Recent"


# ---- history --------------------------------------------------------------------------------------------
def test_every_change_is_recorded_with_who_and_when(store):
    key = store.new_workspace()
    ann, anyone = store.workspace(key, user="ann@example.org"), store.workspace(key)
    before = store_module._now()
    saved = anyone.save("Plan", TEAM)
    anyone.rename(saved.id, "Plan A")
    anyone.set_note(saved.id, "because")
    anyone.update(saved.id, scenario=Scenario(team_size=6))
    anyone.update(saved.id, note="because")  # nothing changed: nothing recorded
    copy = ann.duplicate(saved.id)
    anyone.delete(saved.id)
    ann.restore(saved.id)
    history = anyone.history(saved.id)
    assert [(entry.action, entry.actor) for entry in history] == [
        ("restore", "ann@example.org"), ("delete", ANONYMOUS), ("duplicate", "ann@example.org"),
        ("overwrite", ANONYMOUS), ("note", ANONYMOUS), ("rename", ANONYMOUS), ("save", ANONYMOUS)]
    details = {entry.action: entry.detail for entry in history}
    assert details["rename"] == "Plan → Plan A" and details["note"] == "because"
    assert details["overwrite"] == "scenario" and details["duplicate"] == f"copied as {copy.name}"
    assert all(before.replace(tzinfo=None) <= entry.at.replace(tzinfo=None) for entry in history)
    assert [(entry.action, entry.actor, entry.detail) for entry in ann.history(copy.id)] == \
        [("duplicate", "ann@example.org", "copy of Plan A")]


def test_a_refused_change_is_not_recorded(store):
    key = store.new_workspace()
    ann, bob = store.workspace(key, user="ann"), store.workspace(key, user="bob")
    saved = ann.save("Plan", TEAM)
    other = ann.save("Other", TEAM)
    with pytest.raises(NotAllowedError):
        bob.delete(saved.id)
    with pytest.raises(NameTakenError):
        ann.rename(other.id, "plan")
    assert [entry.action for entry in ann.history(saved.id)] == ["save"]
    assert [entry.action for entry in ann.history(other.id)] == ["save"]


# ---- names of every valid length -------------------------------------------------------------------------
def test_a_name_whose_case_folded_form_is_longer_than_the_limit_is_saved(store):
    long_name = "ß" * MAX_NAME  # folds to "ss" * 120: 240 characters
    saved = store.save(long_name, TEAM)
    assert store.get(saved.id).name == long_name
    assert store.find("ẞ" * MAX_NAME) == store.get(saved.id)  # capital sharp s folds the same
    with pytest.raises(NameTakenError):
        store.save("ẞ" * MAX_NAME, TEAM)
    assert len(store.duplicate(saved.id).name) == MAX_NAME
    renamed = store.rename(saved.id, "Å" * MAX_NAME)
    assert store.find("å" * MAX_NAME) == renamed


# ---- many processes at once ------------------------------------------------------------------------------
WORKER = """
import json, sys, time
from model import Scenario
from storage import ScenarioStore
url, index, start = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
store = ScenarioStore(url)
saved = store.save(f"Worker {index}", Scenario(team_size=index))
print(json.dumps([saved.id, store.schema_version(), len(store.list()) >= 1]))
"""


def test_many_processes_touching_an_empty_database_at_once_all_succeed(db_url):
    workers = 8
    start = time.time() + 3.0  # every worker imports first, then they all open the database together
    processes = [subprocess.Popen([sys.executable, "-c", WORKER, db_url, str(index), str(start)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for index in range(workers)]
    results = [process.communicate(timeout=120) for process in processes]
    failures = [(process.returncode, err.strip().splitlines()[-1:]) for process, (_out, err)
                in zip(processes, results, strict=True) if process.returncode != 0]
    assert failures == []
    outcomes = [json.loads(out) for out, _err in results]
    assert all(version == 3 and listed for _id, version, listed in outcomes)
    assert len({row_id for row_id, _version, _listed in outcomes}) == workers
    opened = ScenarioStore(db_url)
    assert sorted(row.name for row in opened.list()) == sorted(f"Worker {index}" for index in range(workers))
    opened.close()


def test_a_bad_user_is_refused(store):
    for user in ("", "   ", 42):
        with pytest.raises(StorageError):
            store.workspace(user=user)
