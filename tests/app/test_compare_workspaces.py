"""AppTest of the Compare page's workspace pieces: a workspace link is taken out of the address
bar into the session, a new private workspace, a link that opens nothing, the trash with Restore,
the history, and owners with Streamlit's login (AppTest.user). Each test runs on a SQLite file and
on PostgreSQL (when SOCIAL_SIM_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import re

from model import Scenario
from tests.apptest_support import new_app, run
from ui.saved import WORKSPACE_KEY

ANN = {"is_logged_in": True, "email": "ann@example.org", "sub": "ann-sub", "name": "Ann"}


def compare_page(query: dict | None = None, user: dict | None = None):
    at = new_app(query, page="compare")
    if user is not None:
        at.user = user
    return run(at)


def texts(elements) -> str:
    return re.sub(r"\\(.)", r"\1", "\n".join(str(element.value) for element in elements))


def buttons(at, label: str) -> list:
    return [b for b in at.button if b.label == label]


def click(at, label: str):
    found = buttons(at, label)
    assert len(found) == 1, [b.label for b in at.button]
    found[0].click()
    return run(at)


def save(at, name: str):
    at.text_input(key="cmp_save_name").input(name)
    return click(at, "Save")


def test_a_workspace_link_opens_it_and_leaves_the_address_bar(db):
    key = db.new_workspace()
    db.workspace(key).save("Private plan", Scenario(team_size=4))
    db.save("Shared plan", Scenario(team_size=2))
    at = compare_page({"workspace": key, "team_size": "3"})
    assert "workspace" not in at.query_params  # the address bar is a clean scenario link again
    assert at.query_params["team_size"] == "3"
    assert at.session_state[WORKSPACE_KEY] == key
    assert not at.session_state["url_notes"]  # the sidebar never saw it as a scenario field
    assert "**Workspace:** private" in texts(at.markdown)
    assert [code.value for code in at.code] == [f"compare?workspace={key}"]
    assert "anyone with this link can see and change the scenarios saved here" in texts(at.caption).lower()
    assert at.selectbox(key="cmp_selected").options == ["Private plan"]
    at = save(at, "Saved in private")
    assert sorted(row.name for row in db.workspace(key).list()) == ["Private plan", "Saved in private"]
    assert [row.name for row in db.list()] == ["Shared plan"]
    at = click(at, "Back to the shared workspace")
    assert WORKSPACE_KEY not in at.session_state
    assert at.selectbox(key="cmp_selected").options == ["Shared plan"]


def test_a_new_private_workspace_starts_empty_and_keeps_its_key_out_of_links(db):
    db.save("Shared plan", Scenario(team_size=2))
    at = compare_page({"team_size": "3"})
    assert "**Workspace:** shared" in texts(at.markdown)
    at = click(at, "New private workspace")
    key = at.session_state[WORKSPACE_KEY]
    assert len(key) >= 22
    assert "Nothing saved yet" in texts(at.info)
    assert [code.value for code in at.code] == [f"compare?workspace={key}"]
    assert all(key not in str(values) for values in at.query_params.values())
    at = save(at, "Mine")
    assert [row.name for row in db.workspace(key).list()] == ["Mine"]
    assert [row.name for row in db.list()] == ["Shared plan"]


def test_a_link_that_opens_nothing_says_so_and_uses_the_shared_workspace(db):
    db.save("Shared plan", Scenario(team_size=2))
    at = compare_page({"workspace": "NoSuchWorkspaceKeyAtAllXYZ"})
    assert "That workspace link opens nothing" in texts(at.error)
    assert WORKSPACE_KEY not in at.session_state
    assert at.selectbox(key="cmp_selected").options == ["Shared plan"]


def test_delete_goes_to_the_trash_and_restore_brings_it_back(db):
    saved = db.save("Plan", Scenario(team_size=2), note="why")
    db.save("Other", Scenario(team_size=3))
    at = compare_page()
    at.selectbox(key="cmp_selected").set_value(saved.id)
    at = click(run(at), "Delete")
    assert [row.name for row in db.trash()] == ["Plan"]
    assert "Trash (1)" in [expander.label for expander in at.expander]
    at.button(key=f"cmp_restore_{saved.id}").click()
    at = run(at)
    assert "Restored “Plan”" in texts(at.success)
    assert db.trash() == [] and db.get(saved.id).note == "why"
    assert at.selectbox(key="cmp_selected").value == saved.id


def test_the_history_of_the_selected_scenario(db):
    at = save(compare_page(), "Plan")
    row = db.find("Plan")
    at.text_input(key=f"cmp_edit_name_{row.id}").input("Plan A")
    at = click(at, "Save the changes")
    history = next(frame.value for frame in at.dataframe if "What" in frame.value.columns)
    assert list(history["What"]) == ["Renamed", "Saved"]
    assert list(history["Who"]) == ["anonymous", "anonymous"]
    assert list(history["Detail"]) == ["Plan → Plan A", ""]


def test_with_login_what_you_save_is_yours_and_others_cannot_change_it(db):
    theirs = db.workspace(user="bob@example.org").save("Bob's plan", Scenario(team_size=5))
    at = compare_page(user=ANN)
    assert "Logged in as ann@example.org" in texts(at.caption)
    at = save(at, "Ann's plan")
    mine = db.find("Ann's plan")
    assert mine.owner == "ann@example.org"
    assert [entry.actor for entry in db.history(mine.id)] == ["ann@example.org"]
    at.selectbox(key="cmp_selected").set_value(theirs.id)
    at = run(at)
    assert "Saved by bob@example.org: only they can rename, update or delete it" in texts(at.info)
    assert buttons(at, "Delete")[0].disabled and buttons(at, "Update from the sidebar")[0].disabled
    assert buttons(at, "Duplicate")[0].disabled is False
    at = click(at, "Duplicate")
    copy = db.find("Bob's plan (copy)")
    assert copy.owner == "ann@example.org"
    at.selectbox(key="cmp_selected").set_value(mine.id)
    at = run(at)
    assert not buttons(at, "Delete")[0].disabled
    at = click(at, "Delete")
    assert [row.name for row in db.trash()] == ["Ann's plan"]
    assert db.get(theirs.id) == theirs


def test_without_login_someone_elses_scenario_cannot_be_deleted(db):
    theirs = db.workspace(user="bob@example.org").save("Bob's plan", Scenario(team_size=5))
    at = compare_page()
    assert buttons(at, "Delete")[0].disabled
    assert at.selectbox(key="cmp_selected").value == theirs.id
    assert db.get(theirs.id) == theirs
