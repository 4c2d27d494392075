"""The Compare page's saved scenarios: save the sidebar's scenario with a note, open a scenario file,
and manage the saved ones (load, update, duplicate, delete with undo, rename, history, trash).
Storage is reached through `ui.saved`, which turns its errors into one message (`saved.attempt`)."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd
import streamlit as st

from model import Scenario, ScenarioError
from ui import saved, uploads
from ui import workspace as workspace_ui
from ui.changes import scenario_summary
from ui.compare_options import MAX_COMPARE, Shelf
from ui.exports import csv_text
from ui.feedback import md_escape
from ui.i18n import N_, _
from ui.problems import error_lines, error_text
from ui.saved import SavedScenario, Workspace
from ui.state import assumptions_edited, plan_for

UNDO_KEY = "cmp_undo"


# ---- callbacks (they run before the page is drawn) -----------------------------------------------
def _save_current(shelf: Shelf, assumptions: str | None) -> None:
    state, lang = st.session_state, shelf.lang
    row = saved.attempt(lang, N_("Not saved"), lambda: shelf.space.save(
        state.get("cmp_save_name", ""), shelf.context.scenario, note=state.get("cmp_save_note", ""),
        assumptions_yaml=assumptions),
        if_taken=N_("Choose another name, or pick that one under Saved scenarios and use ‘Update from "
                    "the sidebar’."))
    if row is None:
        return
    state["cmp_save_name"] = ""
    state["cmp_save_note"] = ""
    state["cmp_selected"] = row.id
    picks = [key for key in state.get("cmp_pick", []) if key in shelf.options]
    if len(picks) < MAX_COMPARE:
        state["cmp_pick"] = [*picks, f"saved:{row.id}"]
    state.pop(UNDO_KEY, None)
    saved.flash("success", _(lang, "Saved “{name}”.", name=row.name))


def _update_from_sidebar(space: Workspace, row_id: int, current: Scenario, assumptions: str | None,
                         lang: str) -> None:
    done = saved.attempt(lang, N_("Nothing was changed"), lambda: (
        space.get(row_id), space.update(row_id, scenario=current, assumptions_yaml=assumptions)))
    if done is None:
        return
    before, after = done
    st.session_state[UNDO_KEY] = ("update", before)
    saved.flash("success", _(lang, "“{name}” now holds the scenario in the sidebar.", name=after.name))


def _duplicate(space: Workspace, row_id: int, lang: str) -> None:
    def duplicate() -> SavedScenario:
        name = f"{space.get(row_id).name[:100]} ({_(lang, 'copy')})"
        return space.duplicate(row_id, space.free_name(name))

    copy = saved.attempt(lang, N_("Not duplicated"), duplicate)
    if copy is None:
        return
    st.session_state["cmp_selected"] = copy.id
    st.session_state.pop(UNDO_KEY, None)
    saved.flash("success", _(lang, "Saved a copy as “{name}”.", name=copy.name))


def _delete(space: Workspace, row_id: int, lang: str) -> None:
    removed = saved.attempt(lang, N_("Nothing was deleted"), lambda: space.delete(row_id))
    if removed is None:
        return
    st.session_state[UNDO_KEY] = ("delete", removed)
    saved.flash("success", _(lang, "Deleted “{name}”: it is in the trash (below) for 30 days.",
                             name=removed.name))


def _undo(space: Workspace, lang: str) -> None:
    entry = st.session_state.pop(UNDO_KEY, None)
    if not entry:
        return
    kind, row = entry

    def undo() -> SavedScenario:
        if kind == "delete":
            return space.restore(row)
        return space.update(row.id, name=row.name, note=row.note, scenario=row.scenario,
                            assumptions_yaml=row.assumptions_yaml)

    back = saved.attempt(lang, N_("Could not undo"), undo)
    if back is None:
        return
    if kind == "delete":
        st.session_state["cmp_selected"] = back.id
        saved.flash("success", _(lang, "Restored “{name}”.", name=back.name))
    else:
        saved.flash("success", _(lang, "“{name}” is back as it was.", name=back.name))


def _edit(space: Workspace, row_id: int, lang: str) -> None:
    state = st.session_state

    def change() -> tuple[SavedScenario, SavedScenario]:
        before = space.get(row_id)
        return before, space.update(row_id, name=state.get(f"cmp_edit_name_{row_id}", before.name),
                                    note=state.get(f"cmp_edit_note_{row_id}", before.note))

    done = saved.attempt(lang, N_("Not changed"), change)
    if done is None:
        return
    before, after = done
    state[UNDO_KEY] = ("update", before)
    saved.flash("success", _(lang, "Saved the changes to “{name}”.", name=after.name))


def _save_upload(space: Workspace, uploaded: Scenario, lang: str) -> None:
    state = st.session_state
    row = saved.attempt(lang, N_("Not saved"), lambda: space.save(
        state.get("cmp_upload_name", ""), uploaded, note=state.get("cmp_upload_note", "")))
    if row is None:
        return
    state["cmp_selected"] = row.id
    saved.flash("success", _(lang, "Saved the uploaded scenario as “{name}”.", name=row.name))


# ---- sections -------------------------------------------------------------------------------------
def undo_button(shelf: Shelf) -> None:
    entry = st.session_state.get(UNDO_KEY)
    if entry and shelf.space is not None:
        kind, row = entry
        label = (_(shelf.lang, "Undo: bring back “{name}”", name=row.name)
                 if kind == "delete" else
                 _(shelf.lang, "Undo the change to “{name}”", name=row.name))
        st.button(label, on_click=_undo, args=(shelf.space, shelf.lang), icon=":material/undo:",
                  key="cmp_undo_button")


def save_section(shelf: Shelf) -> None:
    lang, context = shelf.lang, shelf.context
    with st.form("cmp_save_form", border=True, enter_to_submit=False):
        st.markdown(f"**{_(lang, 'Save the current scenario')}**")
        st.caption(md_escape(scenario_summary(context.scenario, context.plan, context.catalog, lang)))
        st.text_input(_(lang, "Name"), key="cmp_save_name", max_chars=120,
                      placeholder=_(lang, "e.g. Two people and an agency"))
        st.text_area(_(lang, "Note (optional): why this option"),
                     key="cmp_save_note", max_chars=4000, height=90,
                     placeholder=_(lang, "The decision log: what we weighed, what we chose and why."))
        if assumptions_edited():
            st.caption(_(lang, "The edited assumptions are saved with it."))
        st.form_submit_button(_(lang, "Save"), type="primary", icon=":material/save:",
                              on_click=_save_current, args=(shelf, saved.assumptions_to_save()),
                              disabled=shelf.space is None)


def upload_section(shelf: Shelf) -> None:
    lang, catalog = shelf.lang, shelf.context.catalog
    with st.expander(_(lang, "Open a scenario file (YAML)")):
        uploaded_file = st.file_uploader(
            _(lang, "Scenario file"), type=["yaml", "yml", "txt"], key="cmp_upload",
            max_upload_size=1,
            help=_(lang, "A file downloaded from this app (or any YAML with the scenario's fields). Nothing "
                         "is changed until you load or save it."))
        if uploaded_file is None:
            return
        name = md_escape(uploaded_file.name)
        try:
            uploaded = uploads.read_once("scenario", uploaded_file.getvalue(), saved.read_scenario_file,
                                         refused=ScenarioError)  # read once, not on every rerun
        except ScenarioError as error:
            st.error(_(lang, "“{name}” was not used. Nothing was loaded or saved. What is wrong:",
                       name=name) + "\n\n" +
                     "\n".join(f"- {md_escape(line)}" for line in error_lines(error, lang)))
            return
        plan = plan_for(uploaded, catalog)
        st.success(md_escape(_(lang, "“{name}” is a valid scenario: ", name=uploaded_file.name) +
                             scenario_summary(uploaded, plan, catalog, lang)))
        st.button(_(lang, "Load into the sidebar"), key="cmp_upload_load",
                  icon=":material/input:", on_click=saved.load_scenario_into_sidebar,
                  args=(uploaded, uploaded_file.name, lang))
        if shelf.space is not None:
            if st.session_state.get("cmp_upload_for") != uploaded_file.file_id:
                st.session_state["cmp_upload_for"] = uploaded_file.file_id
                st.session_state["cmp_upload_name"] = PurePath(uploaded_file.name).stem[:120] or "scenario"
            st.text_input(_(lang, "Save it as"), key="cmp_upload_name", max_chars=120)
            st.text_input(_(lang, "Note (optional)"), key="cmp_upload_note",
                          max_chars=4000)
            st.button(_(lang, "Save the uploaded scenario"),
                      key="cmp_upload_save", icon=":material/save:", on_click=_save_upload,
                      args=(shelf.space, uploaded, lang))


def _saved_table(shelf: Shelf) -> None:
    """The saved scenarios as a table, with its CSV."""
    lang = shelf.lang

    def status(row: SavedScenario) -> str:
        parts = [_(lang, "in the sidebar")] if shelf.in_sidebar(row) else []
        if row.has_assumptions:
            parts.append(_(lang, "edited assumptions"))
        return " · ".join(parts)

    def summary(row: SavedScenario) -> str:
        option = shelf.of_row(row)
        if option is None:
            return _(lang, "unreadable")
        return scenario_summary(option.scenario, option.plan, shelf.context.catalog, lang)

    name, summary_column = _(lang, "Name"), _(lang, "Summary")
    note_column, updated = _(lang, "Note"), _(lang, "Updated")
    table = pd.DataFrame([{
        name: row.name, summary_column: summary(row), note_column: " ".join(row.note.split()),
        _(lang, "Status"): status(row), updated: row.updated_at.astimezone().replace(tzinfo=None),
    } for row in shelf.rows])
    st.dataframe(table, hide_index=True, width="stretch", height=min(38 + 35 * len(shelf.rows), 300),
                 column_config={
                     updated: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                     name: st.column_config.TextColumn(width="medium"),
                     summary_column: st.column_config.TextColumn(width="large"),
                     note_column: st.column_config.TextColumn(width="medium"),
                 })
    # the table's own CSV, made safe for spreadsheets (the toolbar's download is off in config.toml)
    st.download_button(_(lang, "Saved scenarios (CSV)"), key="cmp_download_saved",
                       icon=":material/table:", data=csv_text(table, date_format="%Y-%m-%d %H:%M"),
                       file_name="saved-scenarios.csv", mime="text/csv", on_click="ignore")


def manage_section(shelf: Shelf) -> None:
    space, lang = shelf.space, shelf.lang
    if space is None:
        return
    if not shelf.rows:
        st.info(_(lang, "Nothing saved yet. Save the current scenario to compare it with others later; "
                        "everyone in this workspace sees the same saved scenarios."))
        workspace_ui.trash_panel(space, lang)
        return
    _saved_table(shelf)
    by_id = {row.id: row for row in shelf.rows}
    if st.session_state.get("cmp_selected") not in by_id:
        st.session_state["cmp_selected"] = shelf.rows[0].id
    selected_id = st.selectbox(_(lang, "Saved scenario"), list(by_id), key="cmp_selected",
                               format_func=lambda row_id: by_id[row_id].name)
    row = by_id[selected_id]
    locked = not space.can_change(row)  # someone else's: load and duplicate only
    workspace_ui.owner_note(space, row, lang)
    load, update = st.columns(2)
    duplicate, delete = st.columns(2)
    load.button(_(lang, "Load into the sidebar"), type="primary",
                icon=":material/input:", on_click=saved.load_into_sidebar, args=(space, row.id, lang),
                key="cmp_load", width="stretch")
    update.button(_(lang, "Update from the sidebar"), icon=":material/sync:",
                  on_click=_update_from_sidebar,
                  args=(space, row.id, shelf.context.scenario, saved.assumptions_to_save(), lang),
                  key="cmp_update", width="stretch", disabled=locked,
                  help=_(lang, "Replace this saved scenario's inputs with the sidebar's (you can undo it)."))
    duplicate.button(_(lang, "Duplicate"), icon=":material/content_copy:", on_click=_duplicate,
                     args=(space, row.id, lang), key="cmp_duplicate", width="stretch")
    delete.button(_(lang, "Delete"), icon=":material/delete:", on_click=_delete,
                  args=(space, row.id, lang), key="cmp_delete", width="stretch", disabled=locked,
                  help=_(lang, "It goes to the trash, where it can be restored for 30 days."))
    with st.expander(_(lang, "Rename or edit the note")), \
            st.form(f"cmp_edit_form_{row.id}", border=False, enter_to_submit=False):
        st.text_input(_(lang, "Name"), value=row.name, key=f"cmp_edit_name_{row.id}", max_chars=120)
        st.text_area(_(lang, "Note"), value=row.note, key=f"cmp_edit_note_{row.id}",
                     max_chars=4000, height=90)
        st.form_submit_button(_(lang, "Save the changes"), on_click=_edit,
                              args=(space, row.id, lang), disabled=locked)
    workspace_ui.history_panel(space, row, lang)
    option = shelf.of_row(row)
    if option is not None and option.problem:
        st.warning(md_escape(_(lang, "Its saved assumptions could not be read ({problem}); the defaults are "
                                     "used.", problem=error_text(option.problem, lang))))
    workspace_ui.trash_panel(space, lang)
