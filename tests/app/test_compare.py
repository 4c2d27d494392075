"""AppTest of the Compare page through app.py: save, list, rename, duplicate, delete and undo,
load into the sidebar, uploads good and bad, the comparison, the presentation view, RACI, and a
database that cannot be reached. Each test has its own database: a SQLite file, and a PostgreSQL
database when SOCIAL_SIM_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import re

import pytest

from model import Scenario, build_catalog, load_catalog, simulate
from storage import ENV_VAR, ScenarioStore
from tests.apptest_support import new_app, run
from ui.state import CATALOG_KEY


def compare_page(query: dict | None = None):
    return run(new_app(query, page="compare"))


def button(at, label: str):
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, [b.label for b in at.button]
    return found[0]


def click(at, label: str):
    button(at, label).click()
    return run(at)


def texts(elements) -> str:
    """The texts of the elements, with the page's markdown escapes (md_escape) undone."""
    return re.sub(r"\\(.)", r"\1", "\n".join(str(element.value) for element in elements))


def save(at, name: str, note: str = ""):
    at.text_input(key="cmp_save_name").input(name)
    at.text_area(key="cmp_save_note").input(note)
    return click(at, "Save")


def test_the_page_opens_with_nothing_saved(db_url):
    at = compare_page()
    assert [title.value for title in at.title] == ["Compare"]
    assert [header.value for header in at.subheader] == ["Saved scenarios", "Compare side by side",
                                                         "Meeting exports"]
    assert "Nothing saved yet" in texts(at.info)
    assert at.multiselect(key="cmp_pick").value == ["current"]
    assert len(at.get("plotly_chart")) == 0
    assert len(at.dataframe) == 1  # the RACI table of the current scenario


def test_save_two_and_compare_them(db_url, db):
    at = compare_page({"team_size": "2"})
    at = save(at, "Lean", "Cheapest: freelancers make the content.")
    assert "Saved “Lean”" in texts(at.success)
    assert at.text_input(key="cmp_save_name").value == ""  # cleared for the next one
    at.slider(key="team_size").set_value(5)
    at = save(run(at), "Big team")
    rows = {row.name: row for row in db.list()}
    assert set(rows) == {"Lean", "Big team"}
    assert rows["Lean"].scenario.team_size == 2 and rows["Big team"].scenario.team_size == 5
    assert rows["Lean"].note == "Cheapest: freelancers make the content."
    # the sidebar holds "Big team" now, so it is offered once, by its saved name
    assert "Current (sidebar)" not in at.multiselect(key="cmp_pick").options
    picks = at.multiselect(key="cmp_pick").value
    assert picks == [f"saved:{rows['Lean'].id}", f"saved:{rows['Big team'].id}"]
    assert at.selectbox(key="cmp_baseline").value == f"saved:{rows['Lean'].id}"
    assert len(at.get("plotly_chart")) == 4
    assert len([m for m in at.metric if m.label == "Coverage"]) == 2
    summary = texts(at.markdown)
    assert "Lean → Big team" in summary
    assert "In-house team (people): 2 → 5" in summary
    downloads = [button.label for button in at.get("download_button")]
    assert "Download the comparison as an HTML report" in downloads


def test_a_taken_name_is_refused_and_the_typed_text_kept(db_url, db):
    at = save(compare_page(), "Plan", "first")
    at = save(at, " plan ", "second try")
    assert "already called “plan”" in texts(at.error)
    assert at.text_area(key="cmp_save_note").value == "second try"
    assert [(row.name, row.note) for row in db.list()] == [("Plan", "first")]


def test_an_empty_name_is_refused(db_url, db):
    at = save(compare_page(), "   ")
    assert "the name is empty" in texts(at.error)
    assert db.list() == []


def test_rename_note_duplicate_delete_and_undo(db_url, db):
    at = save(compare_page(), "Plan", "why")
    row = db.list()[0]
    at.text_input(key=f"cmp_edit_name_{row.id}").input("Plan A")
    at.text_area(key=f"cmp_edit_note_{row.id}").input("because it is cheap")
    at = click(at, "Save the changes")
    assert [(r.name, r.note) for r in db.list()] == [("Plan A", "because it is cheap")]
    at = click(at, "Duplicate")
    assert sorted(r.name for r in db.list()) == ["Plan A", "Plan A (copy)"]
    assert "Saved a copy as “Plan A (copy)”" in texts(at.success)
    copy = db.find("Plan A (copy)")
    assert at.selectbox(key="cmp_selected").value == copy.id
    at = click(at, "Delete")
    assert [r.name for r in db.list()] == ["Plan A"]
    assert [r.name for r in db.trash()] == ["Plan A (copy)"]
    assert "Deleted “Plan A (copy)”: it is in the trash" in texts(at.success)
    at = click(at, "Undo: bring back “Plan A (copy)”")
    assert sorted(r.name for r in db.list()) == ["Plan A", "Plan A (copy)"]
    assert "Restored" in texts(at.success)


def test_update_from_the_sidebar_can_be_undone(db_url, db):
    at = save(compare_page({"team_size": "2"}), "Plan")
    at.slider(key="team_size").set_value(6)
    at = run(at)
    at = click(at, "Update from the sidebar")
    assert db.list()[0].scenario.team_size == 6
    at = click(at, "Undo the change to “Plan”")
    assert db.list()[0].scenario.team_size == 2


def test_load_a_saved_scenario_into_the_sidebar(db_url, db):
    saved = db.save("Seven", Scenario(team_size=7, budget_sek=4_000_000, channels=6))
    at = compare_page({"team_size": "1"})
    assert at.slider(key="team_size").value == 1
    at = click(at, "Load into the sidebar")
    assert at.slider(key="team_size").value == 7
    assert at.slider(key="budget_msek").value == 4.0
    assert at.session_state["channels"] == 6
    assert "Loaded “Seven” into the sidebar" in texts(at.success)
    assert at.selectbox(key="cmp_selected").value == saved.id


def test_edited_assumptions_are_saved_and_loaded_back(db_url, db, catalog):
    raw = catalog.to_raw()
    raw["roles"]["roles"][0]["pay_sek_month"] = 88_000
    edited = build_catalog(raw, origin="edited")
    at = new_app(page="compare")
    at.session_state[CATALOG_KEY] = edited
    at = save(run(at), "Dear staff")
    row = db.find("Dear staff")
    assert row.assumptions_yaml is not None
    at.session_state[CATALOG_KEY] = None
    at = run(at)
    at = click(at, "Load into the sidebar")
    assert at.session_state[CATALOG_KEY].fingerprint == edited.fingerprint
    assert "edited assumptions are in force" in texts(at.success)


def test_loading_a_default_scenario_resets_edited_assumptions(db_url, db, catalog):
    db.save("Defaults", Scenario(team_size=3))
    raw = catalog.to_raw()
    raw["roles"]["roles"][0]["pay_sek_month"] = 88_000
    at = new_app(page="compare")
    at.session_state[CATALOG_KEY] = build_catalog(raw, origin="edited")
    at = click(run(at), "Load into the sidebar")
    assert CATALOG_KEY not in at.session_state
    assert "default assumptions" in texts(at.success)


@pytest.mark.parametrize("content, expected", [
    (b"scenario: [unclosed", "not valid YAML at line 1"),
    (b"- a\n- list\n", "expected a mapping of scenario fields, got list"),
    (b"team_size: 99\nbudget_sek: -1\n", "team_size: expected a number from 0 to 30, got 99"),
    (b"colour: blue", "unknown field 'colour' (not a scenario field)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
    (b"# padding\n" * 7000, "a scenario file is at most 64 KB"),
])
def test_bad_uploads_say_what_is_wrong_and_change_nothing(db_url, db, content, expected):
    kept = db.save("Kept", Scenario(team_size=3), note="untouched")
    at = compare_page({"team_size": "4"})
    at.file_uploader(key="cmp_upload").set_value(("upload.yaml", content, "application/x-yaml"))
    at = run(at)
    errors = texts(at.error)
    assert "was not used. Nothing was loaded or saved." in errors
    assert expected in errors
    assert db.list() == [kept]
    assert at.slider(key="team_size").value == 4


def test_a_good_upload_can_be_loaded_and_saved(db_url, db):
    at = compare_page({"team_size": "1"})
    data = Scenario(team_size=6, channels=7).to_yaml().encode()
    at.file_uploader(key="cmp_upload").set_value(("big team.yaml", data, "application/x-yaml"))
    at = run(at)
    assert "is a valid scenario" in texts(at.success)
    assert at.text_input(key="cmp_upload_name").value == "big team"
    at = click(at, "Save the uploaded scenario")
    assert db.find("big team").scenario == Scenario(team_size=6, channels=7)
    at.button(key="cmp_upload_load").click()
    at = run(at)
    assert at.slider(key="team_size").value == 6


def test_presentation_view(db_url, db):
    first = db.save("Agency", Scenario(team_size=2, budget_sek=800_000), note="Buy it all in.")
    second = db.save("In-house", Scenario(team_size=4, budget_sek=3_000_000))
    at = compare_page()
    at.toggle(key="cmp_present").set_value(True)
    at = run(at)
    html = texts(at.get("html"))
    assert "section[data-testid='stSidebar']" in html and "display: none" in html
    assert not at.title  # no page title: the option's name is the title
    # it opens on the saved options compared, the baseline first, under their saved names
    assert at.segmented_control(key="pv_screen").value == f"saved:{first.id}"
    assert "class='pv-title'>Agency<" in html and "Buy it all in." in html
    assert "Current scenario" not in html
    assert html.count("class='pv-value'") == 5
    more = len(simulate(Scenario(team_size=2, budget_sek=800_000), load_catalog()).findings) - 3
    assert html.count("<li class=") == 3 and f"{more} more in the report" in html  # the 3 most severe
    assert len(at.get("plotly_chart")) == 2
    assert not at.get("dataframe")
    at.segmented_control(key="pv_screen").set_value(f"saved:{second.id}")
    at = run(at)
    html = texts(at.get("html"))
    assert "class='pv-title'>In-house<" in html and "Against the baseline: Agency" in html
    assert "class='pv-delta" in html
    at.segmented_control(key="cmp_present_mode").set_value("compare")
    at = run(at)
    assert len(at.get("plotly_chart")) == 2
    html = texts(at.get("html"))
    assert html.count("class='pv-value'") == 10 and html.count("class='pv-row'") == 2
    at.toggle(key="cmp_present").set_value(False)
    at = run(at)
    assert len(at.get("plotly_chart")) == 4


def test_raci_table_and_downloads(db_url, db):
    at = compare_page({"team_size": "3"})
    labels = [b.label for b in at.get("download_button")]
    assert {"HTML report", "Scenario (YAML)", "RACI (CSV)"} <= set(labels)
    table = at.dataframe[-1].value
    assert list(table.columns)[:3] == ["Capability", "Responsible (does the work)", "Accountable (one)"]
    assert len(table) == 9
    at.toggle(key="cmp_raci_grid").set_value(True)
    at = run(at)
    grid = at.dataframe[-1].value
    assert list(grid.index)[0] == "Strategy"
    for cap in grid.index:
        assert sum("A" in cell.split("/") for cell in grid.loc[cap]) == 1


def test_swedish(db_url, db):
    db.save("Ett", Scenario(team_size=5, budget_sek=4_000_000))
    at = compare_page({"lang": "sv"})
    assert [title.value for title in at.title] == ["Jämför"]
    assert "Jämför sida vid sida" in [header.value for header in at.subheader]
    assert len(at.get("plotly_chart")) == 4  # current and the saved one, compared by default


def test_an_unreachable_database_leaves_the_rest_of_the_page_working(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "nosuchdialect://host/db")
    at = compare_page()
    assert "Saved scenarios are not available right now" in texts(at.error)
    assert button(at, "Save").disabled
    assert any(b.label == "HTML report" for b in at.get("download_button"))


def test_the_secret_is_used_when_no_environment_variable_is_set(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    url = f"sqlite:///{tmp_path / 'from-secret.sqlite'}"
    at = new_app(page="compare")
    at.secrets["database_url"] = url
    save(run(at), "Via the secret")
    assert [row.name for row in ScenarioStore(url).list()] == ["Via the secret"]
