"""The Compare page: save scenarios under a name with a note, compare two to four side by side,
and export for meetings (presentation view, HTML report, YAML, RACI)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

import pandas as pd
import streamlit as st

from model import Catalog, Plan, Scenario, ScenarioError
from model.raci import raci_matrix
from storage import (
    InvalidInputError,
    NameTakenError,
    SavedScenario,
    StorageError,
    read_scenario_file,
    scenario_file_text,
)
from ui import compare_charts, planview, saved, uploads
from ui import workspace as workspace_ui
from ui.changes import compare_rows, md_escape, scenario_summary, summarise_changes, unique_labels
from ui.charts import CONFIG, coverage_chart, load_chart
from ui.charts import cost_chart as plan_cost_chart
from ui.exports import csv_text
from ui.i18n import note, t, tr
from ui.report import ReportScenario, comparison_report, esc, raci_table, scenario_report
from ui.state import assumptions_edited, get_context, plan_for

log = logging.getLogger("compare")
CURRENT = "current"
MAX_COMPARE = 4
UNDO_KEY = "cmp_undo"

context = get_context()
lang, catalog, scenario = context.lang, context.catalog, context.scenario


def L(en: str, sv: str) -> str:  # noqa: N802 - short on purpose: every text of the page goes through it
    return tr(lang, en, sv)


# ---- the scenarios on offer: the sidebar's and the saved ones ------------------------------------
@dataclass(frozen=True)
class Option:
    key: str
    label: str
    note: str
    scenario: Scenario
    catalog: Catalog
    plan: Plan
    edited: bool
    saved: SavedScenario | None = None
    problem: str | None = None


def _current_option() -> Option:
    return Option(CURRENT, L("Current (sidebar)", "Nuvarande (sidopanelen)"), "", scenario, catalog,
                  context.plan, assumptions_edited())


def _saved_option(row: SavedScenario) -> Option | None:
    try:
        row_scenario = row.scenario
    except ScenarioError as error:
        log.warning("saved scenario %s is unreadable: %s", row.id, error)
        return None
    row_catalog, problem = saved.catalog_of(row)
    return Option(f"saved:{row.id}", row.name, row.note, row_scenario, row_catalog,
                  plan_for(row_scenario, row_catalog), row.has_assumptions, row, problem)


store, store_error = saved.get_workspace()  # this session's workspace, as its user
rows: list[SavedScenario] = []
if store is not None:
    try:
        rows = store.list()
    except StorageError as error:
        store_error = str(error)
options: dict[str, Option] = {CURRENT: _current_option()}
unreadable = []
for row in rows:
    option = _saved_option(row)
    if option is None:
        unreadable.append(row.name)
    else:
        options[option.key] = option


def label_of(key: str) -> str:
    option = options.get(key)
    return option.label if option else key


def display_name(option: Option) -> str:
    """The name on a report or the big screen ('Current (sidebar)' means nothing in a handout)."""
    return L("Current scenario", "Nuvarande scenario") if option.key == CURRENT else option.label


def _report_item(option: Option) -> ReportScenario:
    return ReportScenario(display_name(option), option.note, option.plan, option.catalog, option.edited)


# ---- callbacks (they run before the page is drawn) -----------------------------------------------
def _save_current(current: Scenario, assumptions: str | None) -> None:
    state = st.session_state
    name, note = state.get("cmp_save_name", ""), state.get("cmp_save_note", "")
    try:
        row = store.save(name, current, note=note, assumptions_yaml=assumptions)
    except NameTakenError:
        saved.flash("error", L(f"A saved scenario is already called “{' '.join(name.split())}”. Choose "
                               "another name, or pick that one under Saved scenarios and use "
                               "‘Update from the sidebar’.",
                               f"Det finns redan ett sparat scenario som heter “{' '.join(name.split())}”. "
                               "Välj ett annat namn, eller välj det under Sparade scenarier och "
                               "använd ‘Uppdatera från sidopanelen’."))
        return
    except InvalidInputError as error:
        saved.flash("error", L(f"Not saved: {error}.", f"Inte sparat: {_sv_problem(str(error))}."))
        return
    except StorageError as error:
        saved.flash("error", L(f"Nothing was saved: {error}", f"Inget sparades: {error}"))
        return
    state["cmp_save_name"] = ""
    state["cmp_save_note"] = ""
    state["cmp_selected"] = row.id
    picks = [key for key in state.get("cmp_pick", []) if key in options]
    if len(picks) < MAX_COMPARE:
        state["cmp_pick"] = [*picks, f"saved:{row.id}"]
    state.pop(UNDO_KEY, None)
    saved.flash("success", L(f"Saved “{row.name}”.", f"Sparade “{row.name}”."))


def _sv_problem(problem: str) -> str:
    translations = {
        "the name is empty": "namnet är tomt",
        "the name contains control characters": "namnet innehåller styrtecken",
        "the note contains control characters": "anteckningen innehåller styrtecken",
    }
    return translations.get(problem, problem)


def _update_from_sidebar(row_id: int, current: Scenario, assumptions: str | None) -> None:
    try:
        before = store.get(row_id)
        after = store.update(row_id, scenario=current, assumptions_yaml=assumptions)
    except StorageError as error:
        saved.flash("error", L(f"Nothing was changed: {error}", f"Inget ändrades: {error}"))
        return
    st.session_state[UNDO_KEY] = ("update", before)
    saved.flash("success", L(f"“{after.name}” now holds the scenario in the sidebar.",
                             f"“{after.name}” innehåller nu scenariot i sidopanelen."))


def _duplicate(row_id: int) -> None:
    try:
        original = store.get(row_id)
        base = f"{original.name[:100]} ({L('copy', 'kopia')})"
        copy = store.duplicate(row_id, store.free_name(base))
    except StorageError as error:
        saved.flash("error", L(f"Not duplicated: {error}", f"Inte kopierat: {error}"))
        return
    st.session_state["cmp_selected"] = copy.id
    st.session_state.pop(UNDO_KEY, None)
    saved.flash("success", L(f"Saved a copy as “{copy.name}”.", f"Sparade en kopia som “{copy.name}”."))


def _delete(row_id: int) -> None:
    try:
        removed = store.delete(row_id)
    except StorageError as error:
        saved.flash("error", L(f"Nothing was deleted: {error}", f"Inget togs bort: {error}"))
        return
    st.session_state[UNDO_KEY] = ("delete", removed)
    saved.flash("success", L(f"Deleted “{removed.name}”: it is in the trash (below) for 30 days.",
                             f"Tog bort “{removed.name}”: det ligger i papperskorgen (nedan) i 30 dagar."))


def _undo() -> None:
    entry = st.session_state.pop(UNDO_KEY, None)
    if not entry:
        return
    kind, row = entry
    try:
        if kind == "delete":
            back = store.restore(row)
            st.session_state["cmp_selected"] = back.id
            saved.flash("success", L(f"Restored “{back.name}”.", f"Återställde “{back.name}”."))
        else:
            back = store.update(row.id, name=row.name, note=row.note, scenario=row.scenario,
                                assumptions_yaml=row.assumptions_yaml)
            saved.flash("success", L(f"“{back.name}” is back as it was.",
                                     f"“{back.name}” är återställt som det var."))
    except (StorageError, ScenarioError) as error:
        saved.flash("error", L(f"Could not undo: {error}", f"Kunde inte ångra: {error}"))


def _edit(row_id: int) -> None:
    state = st.session_state
    try:
        before = store.get(row_id)
        after = store.update(row_id, name=state.get(f"cmp_edit_name_{row_id}", before.name),
                             note=state.get(f"cmp_edit_note_{row_id}", before.note))
    except NameTakenError as error:
        saved.flash("error", L(f"Not renamed: {error}.",
                               f"Inte omdöpt: det finns redan ett sparat scenario som heter “{error.name}”."))
        return
    except InvalidInputError as error:
        saved.flash("error", L(f"Not changed: {error}.", f"Inte ändrat: {_sv_problem(str(error))}."))
        return
    except StorageError as error:
        saved.flash("error", L(f"Nothing was changed: {error}", f"Inget ändrades: {error}"))
        return
    state[UNDO_KEY] = ("update", before)
    saved.flash("success", L(f"Saved the changes to “{after.name}”.",
                             f"Sparade ändringarna i “{after.name}”."))


def _save_upload(uploaded: Scenario) -> None:
    name = st.session_state.get("cmp_upload_name", "")
    try:
        row = store.save(name, uploaded, note=st.session_state.get("cmp_upload_note", ""))
    except NameTakenError as error:
        saved.flash("error", L(f"Not saved: {error}. Choose another name.",
                               f"Inte sparat: det finns redan ett sparat scenario som heter “{error.name}”."))
        return
    except StorageError as error:
        saved.flash("error", L(f"Not saved: {error}.", f"Inte sparat: {_sv_problem(str(error))}."))
        return
    st.session_state["cmp_selected"] = row.id
    saved.flash("success", L(f"Saved the uploaded scenario as “{row.name}”.",
                             f"Sparade det uppladdade scenariot som “{row.name}”."))


# ---- drawing helpers ----------------------------------------------------------------------------
def show_flash() -> None:
    message = saved.take_flash()
    if message:
        kind, text = message
        {"success": st.success, "error": st.error}.get(kind, st.info)(md_escape(text))


def undo_button() -> None:
    entry = st.session_state.get(UNDO_KEY)
    if entry and store is not None:
        kind, row = entry
        label = (L(f"Undo: bring back “{row.name}”", f"Ångra: ta tillbaka “{row.name}”") if kind == "delete"
                 else L(f"Undo the change to “{row.name}”", f"Ångra ändringen av “{row.name}”"))
        st.button(label, on_click=_undo, icon=":material/undo:", key="cmp_undo_button")


def headline_cards(items: list[Option], labels: list[str]) -> None:
    base = items[0].plan
    for index, (column, option) in enumerate(zip(st.columns(len(items)), items, strict=True)):
        with column.container(border=True):
            title = f"**{md_escape(labels[index])}**"
            if index == 0:
                title += " · " + L("baseline", "utgångsläge")
            st.markdown(title)
            if option.note:
                st.caption(md_escape(option.note))
            for headline in planview.headlines(option.plan, option.catalog, lang,
                                               None if index == 0 else base):
                st.metric(headline.label, headline.value, delta=headline.delta,
                          delta_color=headline.delta_color, help=headline.help)


VERDICT_STYLE = {
    "better": "background-color: rgba(4,120,87,0.16); color: #047857; font-weight: 600",
    "worse": "background-color: rgba(185,28,28,0.14); color: #b91c1c; font-weight: 600",
    "changed": "background-color: rgba(37,99,235,0.12)",
}


def differences_table(items: list[Option], labels: list[str]) -> None:
    figure_column = L("Figure", "Nyckeltal")
    compared = compare_rows([option.plan for option in items], lang)
    frame = pd.DataFrame([[row.label, *row.values] for row in compared], columns=[figure_column, *labels])
    styles = pd.DataFrame([["", *[VERDICT_STYLE.get(row.verdict(i), "") for i in range(len(items))]]
                           for row in compared], columns=frame.columns)
    st.dataframe(frame.style.apply(lambda _: styles, axis=None), hide_index=True, width="stretch",
                 height=38 + 35 * len(frame))
    st.caption(L("Green: better than the baseline; red: worse; blue: different without a better or worse.",
                 "Grönt: bättre än utgångsläget; rött: sämre; blått: annorlunda utan att vara bättre "
                 "eller sämre."))


def change_summaries(items: list[Option], labels: list[str]) -> None:
    for label, option in zip(labels[1:], items[1:], strict=True):
        summary = summarise_changes(items[0].plan, option.plan, option.catalog, lang)
        with st.container(border=True):
            st.markdown(f"**{md_escape(labels[0])} → {md_escape(label)}**")
            if summary.same_plan:
                st.caption(L("Same inputs and the same plan.", "Samma indata och samma plan."))
                continue
            for _key, title, lines in summary.sections():
                st.markdown(f"*{md_escape(title)}*  \n" + "\n".join(f"- {md_escape(line)}" for line in lines))


def _safe_report(build, what: str):
    """A deferred download that never fails with a traceback: a short HTML note instead."""
    def run() -> str:
        try:
            return build()
        except Exception:  # noqa: BLE001 - the download must still give the user a page
            log.exception("report failed: %s", what)
            text = L("The report could not be built. Try again or reload the page.",
                     "Rapporten kunde inte skapas. Försök igen eller ladda om sidan.")
            return f"<!DOCTYPE html><meta charset='utf-8'><title>Report</title><p>{esc(text)}</p>"
    return run


def file_stem(text: str) -> str:
    cleaned = "".join(char if char.isalnum() or char in "-_" else "-" for char in text.strip().lower())
    cleaned = "-".join(part for part in cleaned.split("-") if part)
    return cleaned[:60] or "scenario"


def hide_chrome() -> None:
    """The presentation view: no sidebar, no header, wide content."""
    st.html("<style>"
            "section[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
            "header[data-testid='stHeader'], [data-testid='stToolbar'] {display: none !important;}"
            ".block-container, [data-testid='stMainBlockContainer'] {padding-top: 1.2rem !important;"
            " max-width: 100% !important;}"
            "</style>")


def big_figures(option: Option, baseline: Plan | None = None) -> None:
    tiles = []
    for headline in planview.headlines(option.plan, option.catalog, lang, baseline):
        delta = ""
        if headline.delta:
            up = not headline.delta.startswith(("-", "−"))
            tone = ("" if headline.delta_color == "off"
                    else " pv-good" if up == (headline.delta_color == "normal") else " pv-bad")
            delta = f"<div class='pv-delta{tone}'>{esc(headline.delta)}</div>"
        tiles.append(f"<div class='pv-tile'><div class='pv-label'>{esc(headline.label)}</div>"
                     f"<div class='pv-value'>{esc(headline.value)}</div>{delta}</div>")
    st.html("<style>.pv-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:18px;"
            "margin:8px 0 18px}.pv-tile{border:1px solid rgba(128,128,128,.35);border-radius:14px;"
            "padding:18px 22px}.pv-label{font-size:1.25rem;opacity:.75}.pv-value{font-size:2.9rem;"
            "font-weight:700;line-height:1.15;margin-top:6px}.pv-delta{font-size:1.2rem;margin-top:4px;"
            "opacity:.85}.pv-good{color:#15803d;opacity:1}.pv-bad{color:#dc2626;opacity:1}</style>"
            f"<div class='pv-grid'>{''.join(tiles)}</div>")


def big_title(text: str, note: str = "") -> None:
    note_html = f"<div class='pv-note'>{esc(note)}</div>" if note else ""
    st.html("<style>.pv-title{font-size:2.8rem;font-weight:800;line-height:1.1;overflow-wrap:anywhere}"
            ".pv-note{font-size:1.3rem;opacity:.8;margin-top:6px;white-space:pre-line}</style>"
            f"<div class='pv-title'>{esc(text)}</div>{note_html}")


# ---- presentation view ----------------------------------------------------------------------------
def presentation(picks: list[str]) -> None:
    hide_chrome()
    compare_ready = len(picks) >= 2
    modes = {"one": L("One scenario", "Ett scenario"), "compare": L("The comparison", "Jämförelsen")}
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    with left:
        mode = st.segmented_control(L("Show", "Visa"), list(modes), format_func=modes.get,
                                    key="cmp_present_mode", default="one", persist_state="session") or "one"
    if mode == "compare" and not compare_ready:
        st.info(L("Pick two to four scenarios to compare (leave the presentation view to choose them).",
                  "Välj två till fyra scenarier att jämföra (lämna presentationsläget för att välja)."))
        return
    if mode == "compare":
        items = [options[key] for key in picks]
        labels = unique_labels([display_name(option) for option in items])
        big_title(" · ".join(labels))
        for index, (column, option) in enumerate(zip(st.columns(len(items)), items, strict=True)):
            with column:
                st.markdown(f"### {md_escape(labels[index])}")
                big_figures(option, None if index == 0 else items[0].plan)
        pairs = list(zip(labels, [option.plan for option in items], strict=True))
        st.plotly_chart(compare_charts.coverage_compare_chart(pairs, catalog, lang), config=CONFIG,
                        key="pv_cmp_coverage")
        st.plotly_chart(compare_charts.cost_compare_chart(pairs, catalog, lang), config=CONFIG,
                        key="pv_cmp_cost")
        return
    with right:
        key = export_picker()
    option = options[key]
    big_title(display_name(option), option.note)
    big_figures(option)
    st.plotly_chart(coverage_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_coverage")
    st.plotly_chart(plan_cost_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_cost")
    st.plotly_chart(load_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_load")


def export_picker() -> str:
    if st.session_state.get("cmp_export_pick") not in options:
        st.session_state["cmp_export_pick"] = CURRENT
    return st.selectbox(L("Scenario", "Scenario"), list(options), key="cmp_export_pick",
                        format_func=label_of, persist_state="session")


# ---- sections -------------------------------------------------------------------------------------
def save_section() -> None:
    with st.form("cmp_save_form", border=True, enter_to_submit=False):
        st.markdown(f"**{L('Save the current scenario', 'Spara det nuvarande scenariot')}**")
        st.caption(md_escape(scenario_summary(scenario, context.plan, catalog, lang)))
        st.text_input(L("Name", "Namn"), key="cmp_save_name", max_chars=120,
                      placeholder=L("e.g. Two people and an agency", "t.ex. Två personer och en byrå"))
        st.text_area(L("Note (optional): why this option",
                       "Anteckning (valfri): varför det här alternativet"),
                     key="cmp_save_note", max_chars=4000, height=90,
                     placeholder=L("The decision log: what we weighed, what we chose and why.",
                                   "Beslutslogg: vad vi vägde, vad vi valde och varför."))
        if assumptions_edited():
            st.caption(L("The edited assumptions are saved with it.",
                         "De ändrade antagandena sparas med det."))
        st.form_submit_button(L("Save", "Spara"), type="primary", icon=":material/save:",
                              on_click=_save_current, args=(scenario, saved.assumptions_to_save()),
                              disabled=store is None)


def upload_section() -> None:
    with st.expander(L("Open a scenario file (YAML)", "Öppna en scenariofil (YAML)")):
        uploaded_file = st.file_uploader(
            L("Scenario file", "Scenariofil"), type=["yaml", "yml", "txt"], key="cmp_upload",
            max_upload_size=1,
            help=L("A file downloaded from this app (or any YAML with the scenario's fields). "
                   "Nothing is changed until you load or save it.",
                   "En fil som laddats ner från appen (eller YAML med scenariots fält). "
                   "Inget ändras förrän du läser in eller sparar den."))
        if uploaded_file is None:
            return
        try:
            uploaded = uploads.read_once("scenario", uploaded_file.getvalue(), read_scenario_file,
                                         refused=ScenarioError)  # read once, not on every rerun
        except ScenarioError as error:
            st.error(L(f"“{md_escape(uploaded_file.name)}” was not used. Nothing was loaded or saved. "
                       "What is wrong:", f"“{md_escape(uploaded_file.name)}” användes inte. Inget lästes in "
                       "eller sparades. Det här är fel:") + "\n\n" +
                     "\n".join(f"- {md_escape(note(problem, lang))}" for problem in error.problems))
            return
        stem = PurePath(uploaded_file.name).stem[:120] or "scenario"
        plan = plan_for(uploaded, catalog)
        st.success(md_escape(L(f"“{uploaded_file.name}” is a valid scenario: ",
                               f"“{uploaded_file.name}” är ett giltigt scenario: ") +
                             scenario_summary(uploaded, plan, catalog, lang)))
        st.button(L("Load into the sidebar", "Läs in i sidopanelen"), key="cmp_upload_load",
                  icon=":material/input:", on_click=saved.load_scenario_into_sidebar,
                  args=(uploaded, uploaded_file.name, lang))
        if store is not None:
            if st.session_state.get("cmp_upload_for") != uploaded_file.file_id:
                st.session_state["cmp_upload_for"] = uploaded_file.file_id
                st.session_state["cmp_upload_name"] = stem
            st.text_input(L("Save it as", "Spara som"), key="cmp_upload_name", max_chars=120)
            st.text_input(L("Note (optional)", "Anteckning (valfri)"), key="cmp_upload_note", max_chars=4000)
            st.button(L("Save the uploaded scenario", "Spara det uppladdade scenariot"),
                      key="cmp_upload_save", icon=":material/save:", on_click=_save_upload,
                      args=(uploaded,))


def manage_section() -> None:
    if store is None:
        return
    if not rows:
        st.info(L("Nothing saved yet. Save the current scenario to compare it with others later; "
                  "everyone in this workspace sees the same saved scenarios.",
                  "Inget sparat än. Spara det nuvarande scenariot för att jämföra det med andra senare; "
                  "alla i den här arbetsytan ser samma sparade scenarier."))
        workspace_ui.trash_panel(store, lang)
        return
    def status(row: SavedScenario) -> str:
        parts = [L("in the sidebar", "i sidopanelen")] if _same_as_current(row) else []
        if row.has_assumptions:
            parts.append(L("edited assumptions", "ändrade antaganden"))
        return " · ".join(parts)

    name_column, summary_column, note_column = L("Name", "Namn"), L("Summary", "Sammanfattning"), \
        L("Note", "Anteckning")
    table = pd.DataFrame([{
        name_column: row.name,
        summary_column: scenario_summary(options[f"saved:{row.id}"].scenario, options[f"saved:{row.id}"].plan,
                                         catalog, lang)
        if f"saved:{row.id}" in options else L("unreadable", "oläsbart"),
        note_column: " ".join(row.note.split()),
        L("Status", "Status"): status(row),
        L("Updated", "Uppdaterat"): row.updated_at.astimezone().replace(tzinfo=None),
    } for row in rows])
    st.dataframe(table, hide_index=True, width="stretch", height=min(38 + 35 * len(rows), 300),
                 column_config={
                     L("Updated", "Uppdaterat"): st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                     name_column: st.column_config.TextColumn(width="medium"),
                     summary_column: st.column_config.TextColumn(width="large"),
                     note_column: st.column_config.TextColumn(width="medium"),
                 })
    # the table's own CSV, made safe for spreadsheets (the toolbar's download is off in config.toml)
    st.download_button(L("Saved scenarios (CSV)", "Sparade scenarier (CSV)"), key="cmp_download_saved",
                       icon=":material/table:", data=csv_text(table, date_format="%Y-%m-%d %H:%M"),
                       file_name="saved-scenarios.csv", mime="text/csv", on_click="ignore")
    by_id = {row.id: row for row in rows}
    if st.session_state.get("cmp_selected") not in by_id:
        st.session_state["cmp_selected"] = rows[0].id
    selected_id = st.selectbox(L("Saved scenario", "Sparat scenario"), list(by_id), key="cmp_selected",
                               format_func=lambda row_id: by_id[row_id].name)
    row = by_id[selected_id]
    locked = not store.can_change(row)  # someone else's: load and duplicate only
    workspace_ui.owner_note(store, row, lang)
    load, update = st.columns(2)
    duplicate, delete = st.columns(2)
    load.button(L("Load into the sidebar", "Läs in i sidopanelen"), type="primary", icon=":material/input:",
                on_click=saved.load_into_sidebar, args=(store, row.id, lang), key="cmp_load", width="stretch")
    update.button(L("Update from the sidebar", "Uppdatera från sidopanelen"), icon=":material/sync:",
                  on_click=_update_from_sidebar, args=(row.id, scenario, saved.assumptions_to_save()),
                  key="cmp_update", width="stretch", disabled=locked,
                  help=L("Replace this saved scenario's inputs with the sidebar's (you can undo it).",
                         "Ersätt det sparade scenariots indata med sidopanelens (går att ångra)."))
    duplicate.button(L("Duplicate", "Kopiera"), icon=":material/content_copy:", on_click=_duplicate,
                     args=(row.id,), key="cmp_duplicate", width="stretch")
    delete.button(L("Delete", "Ta bort"), icon=":material/delete:", on_click=_delete, args=(row.id,),
                  key="cmp_delete", width="stretch", disabled=locked,
                  help=L("It goes to the trash, where it can be restored for 30 days.",
                         "Det hamnar i papperskorgen, där det kan återställas i 30 dagar."))
    with st.expander(L("Rename or edit the note", "Byt namn eller ändra anteckningen")), \
            st.form(f"cmp_edit_form_{row.id}", border=False, enter_to_submit=False):
        st.text_input(L("Name", "Namn"), value=row.name, key=f"cmp_edit_name_{row.id}", max_chars=120)
        st.text_area(L("Note", "Anteckning"), value=row.note, key=f"cmp_edit_note_{row.id}",
                     max_chars=4000, height=90)
        st.form_submit_button(L("Save the changes", "Spara ändringarna"), on_click=_edit, args=(row.id,),
                              disabled=locked)
    workspace_ui.history_panel(store, row, lang)
    problem = options[f"saved:{row.id}"].problem if f"saved:{row.id}" in options else None
    if problem:
        st.warning(md_escape(L(f"Its saved assumptions could not be read ({problem}); the defaults are used.",
                               f"Dess sparade antaganden kunde inte läsas ({problem}); standard används.")))
    workspace_ui.trash_panel(store, lang)


def _same_as_current(row: SavedScenario) -> bool:
    option = options.get(f"saved:{row.id}")
    return bool(option and option.scenario == scenario and option.catalog.fingerprint == catalog.fingerprint)


def compare_section() -> list[str]:
    st.subheader(L("Compare side by side", "Jämför sida vid sida"))
    keys = list(options)
    if "cmp_pick" not in st.session_state:
        st.session_state["cmp_pick"] = keys[:2]
    else:
        st.session_state["cmp_pick"] = [key for key in st.session_state["cmp_pick"] if key in options]
    picks = st.multiselect(
        L("Scenarios to compare (two to four; the first is the baseline)",
          "Scenarier att jämföra (två till fyra; det första är utgångsläget)"),
        keys, key="cmp_pick", format_func=label_of, max_selections=MAX_COMPARE, persist_state="session",
        placeholder=L("Choose scenarios", "Välj scenarier"))
    if len(picks) < 2:
        st.info(L("Pick at least two scenarios: the current one in the sidebar and saved ones. "
                  "Save a scenario above to have something to compare with.",
                  "Välj minst två scenarier: det nuvarande i sidopanelen och sparade. "
                  "Spara ett scenario ovan för att ha något att jämföra med."))
        return picks
    items = [options[key] for key in picks]
    labels = unique_labels([option.label for option in items])
    headline_cards(items, labels)
    with st.expander(L("All figures, with the differences highlighted",
                       "Alla nyckeltal, med skillnaderna markerade"), expanded=True):
        differences_table(items, labels)
    st.markdown(f"#### {L('What changed', 'Vad som ändrats')}")
    change_summaries(items, labels)
    pairs = list(zip(labels, [option.plan for option in items], strict=True))
    figures = compare_charts.compare_figures(pairs, catalog, lang)
    st.plotly_chart(figures["coverage"], config=CONFIG, key="cmp_chart_coverage")
    cost_column, work_column = st.columns(2, gap="large")
    with cost_column:
        st.plotly_chart(figures["cost"], config=CONFIG, key="cmp_chart_cost")
    with work_column:
        st.plotly_chart(figures["work"], config=CONFIG, key="cmp_chart_work")
    st.plotly_chart(figures["load"], config=CONFIG, key="cmp_chart_load")
    report_items = [_report_item(option) for option in items]
    names = unique_labels([item.name for item in report_items])
    st.download_button(
        L("Download the comparison as an HTML report", "Ladda ner jämförelsen som HTML-rapport"),
        data=_safe_report(lambda: comparison_report(report_items, catalog, lang,
                                                    generated_at=datetime.now(UTC)), "comparison"),
        file_name="comparison-" + file_stem("-".join(names))[:60] + ".html", mime="text/html",
        icon=":material/download:", on_click="ignore", key="cmp_download_comparison", type="primary")
    st.caption(L("One file that opens offline in any browser, with interactive charts.",
                 "En fil som öppnas utan nätverk i alla webbläsare, med interaktiva diagram."))
    return picks


def exports_section() -> None:
    st.subheader(L("Meeting exports", "Underlag för möten"))
    st.caption(L("For one scenario: a report to send, the scenario as a file to share or upload again, "
                 "and who is responsible for what. The presentation view (top right) shows it large.",
                 "För ett scenario: en rapport att skicka, scenariot som fil att dela eller ladda upp "
                 "igen, och vem som ansvarar för vad. Presentationsläget (uppe till höger) visar det stort."))
    key = export_picker()
    option = options[key]
    stem = file_stem(option.label if option.saved else "current-scenario")
    report, yaml_column, assumptions_column = st.columns(3)
    report.download_button(
        L("HTML report", "HTML-rapport"), key="cmp_download_report", icon=":material/description:",
        data=_safe_report(lambda: scenario_report(_report_item(option), lang, generated_at=datetime.now(UTC)),
                          "scenario"),
        file_name=f"{stem}.html", mime="text/html", on_click="ignore", width="stretch")
    yaml_column.download_button(
        L("Scenario (YAML)", "Scenario (YAML)"), key="cmp_download_yaml", icon=":material/download:",
        data=scenario_file_text(option.scenario, name=option.label if option.saved else None,
                                note=option.note or None,
                                exported_at=datetime.now(UTC).replace(microsecond=0)),
        file_name=f"{stem}.yaml", mime="application/x-yaml", on_click="ignore", width="stretch")
    if option.edited:
        assumptions_column.download_button(
            L("Its assumptions (YAML)", "Dess antaganden (YAML)"), key="cmp_download_assumptions",
            icon=":material/tune:", data=option.catalog.to_yaml(), file_name=f"{stem}-assumptions.yaml",
            mime="application/x-yaml", on_click="ignore", width="stretch")
    st.markdown(f"#### {L('Who is responsible for what (RACI)', 'Vem ansvarar för vad (RACI)')}")
    st.caption(L("R does the work (hours per week); A answers for the result, exactly one person in-house "
                 "per capability (leadership for strategy, else whoever carries most in-house hours, else "
                 "the internal orderer who leads the work); C is asked for their know-how; I is kept "
                 "informed.",
                 "R utför arbetet (timmar per vecka); A svarar för resultatet, exakt en person internt per "
                 "kapabilitet (ledningen för strategin, annars den som bär flest interna timmar, annars den "
                 "interna beställaren som leder arbetet); C rådfrågas för sin kunskap; I hålls informerad."))
    grid = st.toggle(L("Show as a grid of letters", "Visa som rutnät med bokstäver"), key="cmp_raci_grid")
    table = raci_table(option.plan, option.catalog, lang)
    if grid:
        st.dataframe(raci_matrix(option.plan, option.catalog, lang), width="stretch")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(L("RACI (CSV)", "RACI (CSV)"), key="cmp_download_raci", icon=":material/table:",
                       data=csv_text(table), file_name=f"{stem}-raci.csv",
                       mime="text/csv", on_click="ignore")


# ---- the page -------------------------------------------------------------------------------------
head_left, head_right = st.columns([4, 1], vertical_alignment="bottom")
with head_left:
    st.title(t("page_compare", lang))
with head_right:
    presenting = st.toggle(L("Presentation view", "Presentationsläge"), key="cmp_present",
                           help=L("Large figures and the charts that matter, without the sidebar.",
                                  "Stora siffror och de viktigaste diagrammen, utan sidopanel."))

if presenting:
    presentation([key for key in st.session_state.get("cmp_pick", []) if key in options])
else:
    st.caption(L("Save scenarios with a note on why, compare two to four side by side, and take them to "
                 "a meeting as a report, a file or a presentation.",
                 "Spara scenarier med en anteckning om varför, jämför två till fyra sida vid sida och ta "
                 "med dem till mötet som rapport, fil eller presentation."))
    st.subheader(L("Saved scenarios", "Sparade scenarier"))
    if store_error:
        st.error(md_escape(L(f"Saved scenarios are not available right now: {store_error}. "
                             "Nothing saved has been changed. You can still compare the current scenario and "
                             "export it.",
                             f"Sparade scenarier går inte att nå just nu: {store_error}. Inget sparat har "
                             "ändrats. Du kan fortfarande jämföra och exportera det nuvarande scenariot.")))
    if unreadable:
        st.warning(md_escape(L("These saved scenarios could not be read and are left out: ",
                               "De här sparade scenarierna kunde inte läsas och visas inte: ")
                             + ", ".join(unreadable)))
    show_flash()
    undo_button()
    workspace_ui.workspace_panel(store, lang)
    left_column, right_column = st.columns([2, 3], gap="large")
    with left_column:
        save_section()
        upload_section()
    with right_column:
        manage_section()
    st.divider()
    compare_section()
    st.divider()
    exports_section()
