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
from ui.i18n import note, tr
from ui.saved import SavedScenario, Workspace
from ui.state import assumptions_edited, plan_for

UNDO_KEY = "cmp_undo"


# ---- callbacks (they run before the page is drawn) -----------------------------------------------
def _save_current(shelf: Shelf, assumptions: str | None) -> None:
    state, lang = st.session_state, shelf.lang
    row = saved.attempt(lang, ("Not saved", "Inte sparat"), lambda: shelf.space.save(
        state.get("cmp_save_name", ""), shelf.context.scenario, note=state.get("cmp_save_note", ""),
        assumptions_yaml=assumptions),
        if_taken=("Choose another name, or pick that one under Saved scenarios and use ‘Update from the "
                  "sidebar’.", "Välj ett annat namn, eller välj det under Sparade scenarier och använd "
                  "‘Uppdatera från sidopanelen’."))
    if row is None:
        return
    state["cmp_save_name"] = ""
    state["cmp_save_note"] = ""
    state["cmp_selected"] = row.id
    picks = [key for key in state.get("cmp_pick", []) if key in shelf.options]
    if len(picks) < MAX_COMPARE:
        state["cmp_pick"] = [*picks, f"saved:{row.id}"]
    state.pop(UNDO_KEY, None)
    saved.flash("success", tr(lang, f"Saved “{row.name}”.", f"Sparade “{row.name}”."))


def _update_from_sidebar(space: Workspace, row_id: int, current: Scenario, assumptions: str | None,
                         lang: str) -> None:
    done = saved.attempt(lang, ("Nothing was changed", "Inget ändrades"), lambda: (
        space.get(row_id), space.update(row_id, scenario=current, assumptions_yaml=assumptions)))
    if done is None:
        return
    before, after = done
    st.session_state[UNDO_KEY] = ("update", before)
    saved.flash("success", tr(lang, f"“{after.name}” now holds the scenario in the sidebar.",
                              f"“{after.name}” innehåller nu scenariot i sidopanelen."))


def _duplicate(space: Workspace, row_id: int, lang: str) -> None:
    def duplicate() -> SavedScenario:
        name = f"{space.get(row_id).name[:100]} ({tr(lang, 'copy', 'kopia')})"
        return space.duplicate(row_id, space.free_name(name))

    copy = saved.attempt(lang, ("Not duplicated", "Inte kopierat"), duplicate)
    if copy is None:
        return
    st.session_state["cmp_selected"] = copy.id
    st.session_state.pop(UNDO_KEY, None)
    saved.flash("success", tr(lang, f"Saved a copy as “{copy.name}”.",
                              f"Sparade en kopia som “{copy.name}”."))


def _delete(space: Workspace, row_id: int, lang: str) -> None:
    removed = saved.attempt(lang, ("Nothing was deleted", "Inget togs bort"), lambda: space.delete(row_id))
    if removed is None:
        return
    st.session_state[UNDO_KEY] = ("delete", removed)
    saved.flash("success", tr(lang, f"Deleted “{removed.name}”: it is in the trash (below) for 30 days.",
                              f"Tog bort “{removed.name}”: det ligger i papperskorgen (nedan) i 30 dagar."))


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

    back = saved.attempt(lang, ("Could not undo", "Kunde inte ångra"), undo)
    if back is None:
        return
    if kind == "delete":
        st.session_state["cmp_selected"] = back.id
        saved.flash("success", tr(lang, f"Restored “{back.name}”.", f"Återställde “{back.name}”."))
    else:
        saved.flash("success", tr(lang, f"“{back.name}” is back as it was.",
                                  f"“{back.name}” är återställt som det var."))


def _edit(space: Workspace, row_id: int, lang: str) -> None:
    state = st.session_state

    def change() -> tuple[SavedScenario, SavedScenario]:
        before = space.get(row_id)
        return before, space.update(row_id, name=state.get(f"cmp_edit_name_{row_id}", before.name),
                                    note=state.get(f"cmp_edit_note_{row_id}", before.note))

    done = saved.attempt(lang, ("Not changed", "Inte ändrat"), change)
    if done is None:
        return
    before, after = done
    state[UNDO_KEY] = ("update", before)
    saved.flash("success", tr(lang, f"Saved the changes to “{after.name}”.",
                              f"Sparade ändringarna i “{after.name}”."))


def _save_upload(space: Workspace, uploaded: Scenario, lang: str) -> None:
    state = st.session_state
    row = saved.attempt(lang, ("Not saved", "Inte sparat"), lambda: space.save(
        state.get("cmp_upload_name", ""), uploaded, note=state.get("cmp_upload_note", "")))
    if row is None:
        return
    state["cmp_selected"] = row.id
    saved.flash("success", tr(lang, f"Saved the uploaded scenario as “{row.name}”.",
                              f"Sparade det uppladdade scenariot som “{row.name}”."))


# ---- sections -------------------------------------------------------------------------------------
def undo_button(shelf: Shelf) -> None:
    entry = st.session_state.get(UNDO_KEY)
    if entry and shelf.space is not None:
        kind, row = entry
        label = (tr(shelf.lang, f"Undo: bring back “{row.name}”", f"Ångra: ta tillbaka “{row.name}”")
                 if kind == "delete" else
                 tr(shelf.lang, f"Undo the change to “{row.name}”", f"Ångra ändringen av “{row.name}”"))
        st.button(label, on_click=_undo, args=(shelf.space, shelf.lang), icon=":material/undo:",
                  key="cmp_undo_button")


def save_section(shelf: Shelf) -> None:
    lang, context = shelf.lang, shelf.context
    with st.form("cmp_save_form", border=True, enter_to_submit=False):
        st.markdown(f"**{tr(lang, 'Save the current scenario', 'Spara det nuvarande scenariot')}**")
        st.caption(md_escape(scenario_summary(context.scenario, context.plan, context.catalog, lang)))
        st.text_input(tr(lang, "Name", "Namn"), key="cmp_save_name", max_chars=120,
                      placeholder=tr(lang, "e.g. Two people and an agency", "t.ex. Två personer och en byrå"))
        st.text_area(tr(lang, "Note (optional): why this option",
                        "Anteckning (valfri): varför det här alternativet"),
                     key="cmp_save_note", max_chars=4000, height=90,
                     placeholder=tr(lang, "The decision log: what we weighed, what we chose and why.",
                                    "Beslutslogg: vad vi vägde, vad vi valde och varför."))
        if assumptions_edited():
            st.caption(tr(lang, "The edited assumptions are saved with it.",
                          "De ändrade antagandena sparas med det."))
        st.form_submit_button(tr(lang, "Save", "Spara"), type="primary", icon=":material/save:",
                              on_click=_save_current, args=(shelf, saved.assumptions_to_save()),
                              disabled=shelf.space is None)


def upload_section(shelf: Shelf) -> None:
    lang, catalog = shelf.lang, shelf.context.catalog
    with st.expander(tr(lang, "Open a scenario file (YAML)", "Öppna en scenariofil (YAML)")):
        uploaded_file = st.file_uploader(
            tr(lang, "Scenario file", "Scenariofil"), type=["yaml", "yml", "txt"], key="cmp_upload",
            max_upload_size=1,
            help=tr(lang, "A file downloaded from this app (or any YAML with the scenario's fields). "
                          "Nothing is changed until you load or save it.",
                    "En fil som laddats ner från appen (eller YAML med scenariots fält). "
                    "Inget ändras förrän du läser in eller sparar den."))
        if uploaded_file is None:
            return
        name = md_escape(uploaded_file.name)
        try:
            uploaded = uploads.read_once("scenario", uploaded_file.getvalue(), saved.read_scenario_file,
                                         refused=ScenarioError)  # read once, not on every rerun
        except ScenarioError as error:
            st.error(tr(lang, f"“{name}” was not used. Nothing was loaded or saved. What is wrong:",
                        f"“{name}” användes inte. Inget lästes in eller sparades. Det här är fel:") + "\n\n" +
                     "\n".join(f"- {md_escape(note(problem, lang))}" for problem in error.problems))
            return
        plan = plan_for(uploaded, catalog)
        st.success(md_escape(tr(lang, f"“{uploaded_file.name}” is a valid scenario: ",
                                f"“{uploaded_file.name}” är ett giltigt scenario: ") +
                             scenario_summary(uploaded, plan, catalog, lang)))
        st.button(tr(lang, "Load into the sidebar", "Läs in i sidopanelen"), key="cmp_upload_load",
                  icon=":material/input:", on_click=saved.load_scenario_into_sidebar,
                  args=(uploaded, uploaded_file.name, lang))
        if shelf.space is not None:
            if st.session_state.get("cmp_upload_for") != uploaded_file.file_id:
                st.session_state["cmp_upload_for"] = uploaded_file.file_id
                st.session_state["cmp_upload_name"] = PurePath(uploaded_file.name).stem[:120] or "scenario"
            st.text_input(tr(lang, "Save it as", "Spara som"), key="cmp_upload_name", max_chars=120)
            st.text_input(tr(lang, "Note (optional)", "Anteckning (valfri)"), key="cmp_upload_note",
                          max_chars=4000)
            st.button(tr(lang, "Save the uploaded scenario", "Spara det uppladdade scenariot"),
                      key="cmp_upload_save", icon=":material/save:", on_click=_save_upload,
                      args=(shelf.space, uploaded, lang))


def _saved_table(shelf: Shelf) -> None:
    """The saved scenarios as a table, with its CSV."""
    lang = shelf.lang

    def status(row: SavedScenario) -> str:
        parts = [tr(lang, "in the sidebar", "i sidopanelen")] if shelf.in_sidebar(row) else []
        if row.has_assumptions:
            parts.append(tr(lang, "edited assumptions", "ändrade antaganden"))
        return " · ".join(parts)

    def summary(row: SavedScenario) -> str:
        option = shelf.of_row(row)
        if option is None:
            return tr(lang, "unreadable", "oläsbart")
        return scenario_summary(option.scenario, option.plan, shelf.context.catalog, lang)

    name, summary_column = tr(lang, "Name", "Namn"), tr(lang, "Summary", "Sammanfattning")
    note_column, updated = tr(lang, "Note", "Anteckning"), tr(lang, "Updated", "Uppdaterat")
    table = pd.DataFrame([{
        name: row.name, summary_column: summary(row), note_column: " ".join(row.note.split()),
        tr(lang, "Status", "Status"): status(row), updated: row.updated_at.astimezone().replace(tzinfo=None),
    } for row in shelf.rows])
    st.dataframe(table, hide_index=True, width="stretch", height=min(38 + 35 * len(shelf.rows), 300),
                 column_config={
                     updated: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                     name: st.column_config.TextColumn(width="medium"),
                     summary_column: st.column_config.TextColumn(width="large"),
                     note_column: st.column_config.TextColumn(width="medium"),
                 })
    # the table's own CSV, made safe for spreadsheets (the toolbar's download is off in config.toml)
    st.download_button(tr(lang, "Saved scenarios (CSV)", "Sparade scenarier (CSV)"), key="cmp_download_saved",
                       icon=":material/table:", data=csv_text(table, date_format="%Y-%m-%d %H:%M"),
                       file_name="saved-scenarios.csv", mime="text/csv", on_click="ignore")


def manage_section(shelf: Shelf) -> None:
    space, lang = shelf.space, shelf.lang
    if space is None:
        return
    if not shelf.rows:
        st.info(tr(lang, "Nothing saved yet. Save the current scenario to compare it with others later; "
                         "everyone in this workspace sees the same saved scenarios.",
                   "Inget sparat än. Spara det nuvarande scenariot för att jämföra det med andra senare; "
                   "alla i den här arbetsytan ser samma sparade scenarier."))
        workspace_ui.trash_panel(space, lang)
        return
    _saved_table(shelf)
    by_id = {row.id: row for row in shelf.rows}
    if st.session_state.get("cmp_selected") not in by_id:
        st.session_state["cmp_selected"] = shelf.rows[0].id
    selected_id = st.selectbox(tr(lang, "Saved scenario", "Sparat scenario"), list(by_id), key="cmp_selected",
                               format_func=lambda row_id: by_id[row_id].name)
    row = by_id[selected_id]
    locked = not space.can_change(row)  # someone else's: load and duplicate only
    workspace_ui.owner_note(space, row, lang)
    load, update = st.columns(2)
    duplicate, delete = st.columns(2)
    load.button(tr(lang, "Load into the sidebar", "Läs in i sidopanelen"), type="primary",
                icon=":material/input:", on_click=saved.load_into_sidebar, args=(space, row.id, lang),
                key="cmp_load", width="stretch")
    update.button(tr(lang, "Update from the sidebar", "Uppdatera från sidopanelen"), icon=":material/sync:",
                  on_click=_update_from_sidebar,
                  args=(space, row.id, shelf.context.scenario, saved.assumptions_to_save(), lang),
                  key="cmp_update", width="stretch", disabled=locked,
                  help=tr(lang, "Replace this saved scenario's inputs with the sidebar's (you can undo it).",
                          "Ersätt det sparade scenariots indata med sidopanelens (går att ångra)."))
    duplicate.button(tr(lang, "Duplicate", "Kopiera"), icon=":material/content_copy:", on_click=_duplicate,
                     args=(space, row.id, lang), key="cmp_duplicate", width="stretch")
    delete.button(tr(lang, "Delete", "Ta bort"), icon=":material/delete:", on_click=_delete,
                  args=(space, row.id, lang), key="cmp_delete", width="stretch", disabled=locked,
                  help=tr(lang, "It goes to the trash, where it can be restored for 30 days.",
                          "Det hamnar i papperskorgen, där det kan återställas i 30 dagar."))
    with st.expander(tr(lang, "Rename or edit the note", "Byt namn eller ändra anteckningen")), \
            st.form(f"cmp_edit_form_{row.id}", border=False, enter_to_submit=False):
        st.text_input(tr(lang, "Name", "Namn"), value=row.name, key=f"cmp_edit_name_{row.id}", max_chars=120)
        st.text_area(tr(lang, "Note", "Anteckning"), value=row.note, key=f"cmp_edit_note_{row.id}",
                     max_chars=4000, height=90)
        st.form_submit_button(tr(lang, "Save the changes", "Spara ändringarna"), on_click=_edit,
                              args=(space, row.id, lang), disabled=locked)
    workspace_ui.history_panel(space, row, lang)
    option = shelf.of_row(row)
    if option is not None and option.problem:
        st.warning(md_escape(tr(lang, f"Its saved assumptions could not be read ({option.problem}); the "
                                      "defaults are used.",
                                f"Dess sparade antaganden kunde inte läsas ({option.problem}); standard "
                                "används.")))
    workspace_ui.trash_panel(space, lang)
