"""The Assumptions page: every number behind a plan in editable tables with its unit and source,
import and export as YAML, and which assumptions move coverage and cost the most.

An edit is checked as soon as it is made: a valid one becomes the catalog in force for every page
(st.session_state[CATALOG_KEY]); an invalid one is refused with a message and the table shows the
values in force again. Each editor's key carries a version that is bumped whenever the values
behind it change, so that an editor never re-applies stale edits.
"""

from __future__ import annotations

import streamlit as st

from model import Catalog, Scenario, fmt
from model.assumptions import (
    TABLE_IDS,
    AssumptionError,
    Sensitivity,
    Table,
    apply_edits,
    assumption_tables,
    differences,
    import_yaml,
    reset_table,
    sensitivity,
    text,
)
from ui.assumption_charts import cell_value_text, step_label, tornado, value_text
from ui.feedback import flash, has_flash, show_flash
from ui.i18n import tr
from ui.state import CATALOG_KEY, current_catalog, default_catalog, get_context, plan_cache
from ui.uploads import read_once

VERSIONS = "assume_versions"  # table id (or "upload") -> version of its widget key
MAX_UPLOAD_MB = 1
ROW_PX = 35  # the data editor's row height
MAX_ROWS_SHOWN = 25  # taller tables scroll
SOURCE_COLUMN = "source"


# ---- state --------------------------------------------------------------------------------------
def _version(name: str) -> int:
    return st.session_state.setdefault(VERSIONS, {}).get(name, 0)


def _bump(*names: str) -> None:
    versions = st.session_state.setdefault(VERSIONS, {})
    for name in names:
        versions[name] = versions.get(name, 0) + 1


def _commit(new: Catalog) -> None:
    """Make `new` the catalog in force on every page (none kept when it equals the shipped one)."""
    if new.fingerprint == default_catalog().fingerprint:
        st.session_state.pop(CATALOG_KEY, None)
    else:
        st.session_state[CATALOG_KEY] = new


def _changes_text(old: Catalog, new: Catalog, lang: str, limit: int = 4) -> str:
    changes = differences(old, new)
    parts = [f"{change.cell.label(lang)}: {cell_value_text(change.cell, change.old, lang)} → "
             f"{cell_value_text(change.cell, change.new, lang)}" for change in changes[:limit]]
    if len(changes) > limit:
        parts.append(tr(lang, f"and {len(changes) - limit} more", f"och {len(changes) - limit} till"))
    return "; ".join(parts)


def _both(build) -> dict[str, str]:
    return {lang: build(lang) for lang in ("en", "sv")}


def _refusal(en: str, sv: str, error: AssumptionError, en_end: str = "", sv_end: str = "") -> dict[str, str]:
    return {"en": en + error.message("en") + en_end, "sv": sv + error.message("sv") + sv_end}


# ---- callbacks (run before the next script run, so every page sees the result at once) -----------
def _reset_all() -> None:
    old = current_catalog()
    st.session_state.pop(CATALOG_KEY, None)
    _bump(*TABLE_IDS)
    if old.fingerprint != default_catalog().fingerprint:
        flash("top", "success", {"en": "All assumptions are back to the defaults.",
                                 "sv": "Alla antaganden är återställda till standard."})


def _reset_table(table_id: str) -> None:
    old = current_catalog()
    try:
        new = reset_table(old, default_catalog(), table_id)
    except AssumptionError as error:
        flash(table_id, "error", _refusal("The table could not be reset: ",
                                          "Tabellen kunde inte återställas: ", error))
    else:
        _commit(new)
        flash(table_id, "success", _both(lambda lang: tr(lang, "Back to the defaults: ", "Återställt: ")
                                         + (_changes_text(old, new, lang) or "–")))
    _bump(table_id)


def _upload() -> None:
    key = f"assume_upload_{_version('upload')}"
    file = st.session_state.get(key)
    _bump("upload")  # a fresh uploader next run: the file is used once
    if file is None:
        return
    name = getattr(file, "name", "upload") or "upload"
    refused = {"en": f"{name} was not imported; the assumptions in force are unchanged. ",
               "sv": f"{name} importerades inte; antagandena som gäller är oförändrade. "}
    data = file.getvalue()
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        flash("io", "error", {"en": refused["en"] + f"The file is larger than {MAX_UPLOAD_MB} MB.",
                               "sv": refused["sv"] + f"Filen är större än {MAX_UPLOAD_MB} MB."})
        return
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        flash("io", "error", {"en": refused["en"] + "It is not UTF-8 text.",
                               "sv": refused["sv"] + "Den är inte UTF-8-text."})
        return
    try:
        new = read_once("assumptions", data,  # read once: the same file again gives the same answer
                        lambda _: import_yaml(content, origin=name, reference=default_catalog()),
                        refused=AssumptionError, extra=(name, default_catalog().fingerprint))
    except AssumptionError as error:
        flash("io", "error", _refusal(refused["en"], refused["sv"], error))
        return
    _commit(new)
    _bump(*TABLE_IDS)
    changed = len(differences(default_catalog(), new))
    flash("io", "success", {
        "en": f"Imported {name}: {changed} assumption{'s differ' if changed != 1 else ' differs'} "
              "from the defaults.",
        "sv": f"Importerade {name}: {changed} antagande{'n' if changed != 1 else ''} skiljer sig från "
              "standard."})


# ---- the tables -------------------------------------------------------------------------------------
def _column_config(table: Table, lang: str) -> dict:
    config: dict = {
        "id": st.column_config.TextColumn("Id", disabled=True, width="small",
                                          help=tr(lang, "The id in the YAML files", "Id i YAML-filerna")),
        "name": st.column_config.TextColumn(tr(lang, "Assumption", "Antagande") if table.long
                                            else tr(lang, "Name", "Namn"), disabled=True, pinned=True,
                                            width="large" if table.long else "medium"),
        "unit": st.column_config.TextColumn(tr(lang, "Unit", "Enhet"), disabled=True, width="medium"),
        SOURCE_COLUMN: st.column_config.TextColumn(tr(lang, "Source", "Källa"), disabled=True, width="large"),
        "annual_cost": st.column_config.NumberColumn(
            tr(lang, "Fully loaded cost (SEK/year)", "Fullt belastad kostnad (kr/år)"), disabled=True,
            format="localized", help=tr(lang, "Pay × 12 × the employer cost multiplier; not editable.",
                                        "Lön × 12 × arbetsgivarpåslaget; går inte att ändra.")),
    }
    for key in table.source_columns:
        label = next(text(column.label, lang) for column in table.columns if column.key == key)
        config[f"{key}_source"] = st.column_config.TextColumn(
            tr(lang, f"Source ({label.lower()})", f"Källa ({label.lower()})"), disabled=True, width="large")
    for column in table.columns:
        label = text(column.label, lang)
        if column.unit is not None:
            label = f"{label} ({text(column.unit, lang)})"
        if table.id.endswith("fit"):
            label = text(column.label, lang)
        money = table.id in ("pay", "providers")
        config[column.key] = st.column_config.NumberColumn(
            label, help=text(column.note, lang) or None, format="localized" if money else None)
    return config


def _frame(table: Table, catalog: Catalog, lang: str):
    frame = table.to_frame(lang)
    if table.id == "pay":
        frame.insert(len(table.columns) + 2, "annual_cost",
                     [catalog.roles[role_id].annual_cost_sek for role_id in frame["id"]])
    return frame


def _table_editor(table: Table, catalog: Catalog, default: Table, lang: str) -> None:
    st.caption(text(table.description, lang))
    for column in table.columns:
        if column.note is not None:
            st.caption(f"**{text(column.label, lang)}**: {text(column.note, lang)}")
    show_flash(table.id, lang)
    frame = _frame(table, catalog, lang)
    values = [column.key for column in table.columns]
    disabled = [name for name in frame.columns if name not in values]
    order = ["name", *values, *(name for name in frame.columns if name not in values and name not in
                                ("name", "id")), "id"]
    edited = st.data_editor(
        frame, key=f"assume_edit_{table.id}_{_version(table.id)}", hide_index=True, num_rows="fixed",
        disabled=disabled, column_config=_column_config(table, lang), width="stretch", column_order=order,
        height=ROW_PX * (min(len(table.rows), MAX_ROWS_SHOWN) + 1) + 3, placeholder="—",
    )
    edits = table.edits_from_frame(edited)
    if edits:
        try:
            new = apply_edits(catalog, table.id, edits)
        except AssumptionError as error:
            flash(table.id, "error", _refusal("Not applied: ", "Inte ändrat: ", error,
                                              ". The previous value is still in force.",
                                              ". Det tidigare värdet gäller fortfarande."))
        else:
            _commit(new)
            flash(table.id, "success", _both(lambda code: tr(code, "Applied on every page: ",
                                                             "Gäller nu på alla sidor: ")
                                             + _changes_text(catalog, new, code)))
        _bump(table.id)
        st.rerun()
    changed = [key for key, cell in table.cells.items()
               if key not in default.cells or default.cells[key].value != cell.value]
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left:
        if changed:
            count = len(changed)
            st.caption(tr(lang, f"{count} value{'s' if count != 1 else ''} in this table "
                                f"differ{'s' if count == 1 else ''} from the defaults.",
                          f"{count} värde{'n' if count != 1 else ''} i tabellen skiljer sig från standard."))
        else:
            st.caption(tr(lang, "All values in this table are the defaults.",
                          "Alla värden i tabellen är standardvärden."))
    with right:
        st.button(tr(lang, "Reset this table", "Återställ tabellen"), key=f"assume_reset_{table.id}",
                  on_click=_reset_table, args=(table.id,), disabled=not changed, icon=":material/undo:",
                  width="stretch")


# ---- sensitivity --------------------------------------------------------------------------------------
@plan_cache(max_entries=64, copies=True)
def _sensitivity(scenario: Scenario, catalog: Catalog) -> Sensitivity:
    return sensitivity(scenario, catalog)


def _sensitivity_view(catalog: Catalog, scenario: Scenario, lang: str) -> None:
    st.subheader(tr(lang, "Which assumptions matter most", "Vilka antaganden betyder mest"))
    report = _sensitivity(scenario, catalog)
    low, high = step_label(report.factor, -1, lang), step_label(report.factor, 1, lang)
    st.caption(tr(
        lang,
        f"For the scenario in the sidebar, each assumption is set {low} and {high} in turn (fits and shares "
        "stay within 0–1) and the plan is simulated again. The longest bars are the numbers worth arguing "
        f"about. {len(report.swings)} assumptions tested.",
        f"För scenariot i sidopanelen sätts varje antagande i tur och ordning {low} och {high} (matchning "
        "och andelar håller sig inom 0–1) och planen simuleras på nytt. De längsta staplarna är de siffror "
        f"som är värda att diskutera. {len(report.swings)} antaganden prövade."))
    first, second = st.columns(2)
    first.metric(tr(lang, "Overall coverage now", "Total täckning nu"), fmt.pct(report.base_coverage, lang))
    second.metric(tr(lang, "Total cost now", "Total kostnad nu"), fmt.sek(report.base_cost, lang))
    for metric in ("coverage", "cost"):
        with st.container():
            figure = tornado(report, metric, lang)
            if figure is not None:
                st.plotly_chart(figure, key=f"assume_tornado_{metric}", config={"displaylogo": False})
            elif metric == "cost":
                st.info(tr(lang, "No assumption moves the total cost here: the budget is spent in full in "
                                 "every variant, so the assumptions show up in coverage instead.",
                           "Inget antagande ändrar den totala kostnaden här: budgeten används fullt ut i "
                           "alla varianter, så antagandena syns i täckningen i stället."))
            else:
                st.info(tr(lang, "No assumption moves the overall coverage in this scenario.",
                           "Inget antagande ändrar den totala täckningen i det här scenariot."))
    with st.expander(tr(lang, "The whole ranking", "Hela rangordningen")):
        rows = []
        for swing in report.ranked("coverage"):
            rows.append({
                tr(lang, "Assumption", "Antagande"): swing.cell.label(lang),
                tr(lang, "Table", "Tabell"): text(swing.cell.table_title, lang),
                tr(lang, "Now", "Nu"): cell_value_text(swing.cell, swing.cell.value, lang),
                low: value_text(swing.low_value, lang),
                high: value_text(swing.high_value, lang),
                tr(lang, "Coverage swing (pp)", "Täckning, utslag (p.e.)"):
                    round(swing.swing("coverage") * 100, 2),
                tr(lang, "Cost swing (SEK)", "Kostnad, utslag (kr)"): round(swing.swing("cost")),
            })
        st.dataframe(rows, hide_index=True, width="stretch")


# ---- the page ---------------------------------------------------------------------------------------
def main() -> None:
    context = get_context()
    lang = context.lang
    catalog = current_catalog()
    default = default_catalog()
    st.title(tr(lang, "Assumptions", "Antaganden"))
    st.write(tr(
        lang,
        "Every number behind the plan is an assumption: pay, capacity, rates, retainers, how much work "
        "the workload makes, and the thresholds of the guidance. Change a cell and the change is checked "
        "at once; if it is valid, every page uses it.",
        "Varje siffra bakom planen är ett antagande: lön, kapacitet, priser, månadsarvoden, hur mycket "
        "arbete arbetsmängden ger och gränsvärdena i vägledningen. Ändra en cell så kontrolleras ändringen "
        "direkt; är den giltig används den på alla sidor."))
    show_flash("top", lang)

    changes = differences(default, catalog)
    status, action = st.columns([4, 1], vertical_alignment="center")
    with status:
        if catalog.fingerprint == default.fingerprint:
            st.info(tr(lang, "All assumptions are the defaults shipped with the app.",
                       "Alla antaganden är de som följer med appen."), icon=":material/verified:")
        elif changes:
            count = len(changes)
            st.warning(tr(lang, f"{count} assumption{'s differ' if count != 1 else ' differs'} from the "
                                "defaults; every page uses "
                                f"{'them' if count != 1 else 'it'}.",
                          f"{count} antagande{'n' if count != 1 else ''} skiljer sig från standard; alla "
                          f"sidor använder {'dem' if count != 1 else 'det'}."),
                       icon=":material/edit_note:")
        else:
            st.warning(tr(lang, "The knowledge base differs from the defaults outside these tables "
                                "(texts, hiring ladder, presets or rules).",
                          "Kunskapsbasen skiljer sig från standard utanför tabellerna "
                          "(texter, rekryteringsstege, förval eller regler)."), icon=":material/edit_note:")
    with action:
        st.button(tr(lang, "Reset all", "Återställ allt"), key="assume_reset_all", on_click=_reset_all,
                  disabled=catalog.fingerprint == default.fingerprint, icon=":material/restart_alt:",
                  width="stretch", type="primary" if changes else "secondary")
    if changes:
        with st.expander(tr(lang, "What differs from the defaults", "Vad som skiljer sig från standard")):
            st.dataframe([{
                tr(lang, "Table", "Tabell"): text(change.cell.table_title, lang),
                tr(lang, "Assumption", "Antagande"): change.cell.label(lang),
                tr(lang, "Default", "Standard"): cell_value_text(change.cell, change.old, lang),
                tr(lang, "Now", "Nu"): cell_value_text(change.cell, change.new, lang),
            } for change in changes], hide_index=True, width="stretch")

    pending = has_flash("io")
    with st.expander(tr(lang, "Import and export (YAML)", "Importera och exportera (YAML)"),
                     icon=":material/swap_vert:", expanded=pending):
        show_flash("io", lang)
        st.caption(tr(lang, "One YAML document with every section of data/ (the same schema). An uploaded "
                            "file is checked in full; if anything is wrong nothing changes.",
                      "Ett YAML-dokument med alla avsnitt i data/ (samma schema). En uppladdad fil "
                      "kontrolleras helt; är något fel ändras ingenting."))
        download, upload = st.columns([1, 2])
        with download:
            st.download_button(
                tr(lang, "Download the assumptions", "Ladda ned antagandena"), data=catalog.to_yaml(),
                file_name="assumptions.yaml" if not changes else "assumptions-edited.yaml",
                mime="application/x-yaml", icon=":material/download:", key="assume_download",
                on_click="ignore")
        with upload:
            st.file_uploader(tr(lang, "Import assumptions (YAML)", "Importera antaganden (YAML)"),
                             type=["yaml", "yml"], key=f"assume_upload_{_version('upload')}",
                             on_change=_upload, max_upload_size=MAX_UPLOAD_MB)

    tables = assumption_tables(catalog)
    defaults = assumption_tables(default)
    tabs = st.tabs([text(tables[table_id].title, lang) for table_id in TABLE_IDS], key="assume_tab")
    for tab, table_id in zip(tabs, TABLE_IDS, strict=True):
        with tab:
            _table_editor(tables[table_id], catalog, defaults[table_id], lang)

    _sensitivity_view(catalog, context.scenario, lang)


main()
