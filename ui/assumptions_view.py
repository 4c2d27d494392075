"""The parts of the Assumptions page (Streamlit): the status and reset of the assumptions in force,
YAML import and export, one editable table, and the sensitivity of the plan to each assumption.

An edit is checked as soon as it is made: a valid one becomes the catalog in force for every page
(st.session_state[CATALOG_KEY]); an invalid one is refused with a message and the table shows the
values in force again. Each editor's key carries a version that is bumped whenever the values
behind it change, so that an editor never re-applies stale edits. Callbacks run before the next
run of the page; they leave their messages with ui.feedback.flash.
"""

from __future__ import annotations

import streamlit as st

import model.assumptions as assumptions  # looked up on each call: tests count import_yaml
from model import TABLE_IDS, AssumptionError, Catalog, Change, Scenario, Sensitivity, Table, differences
from ui import fmt
from ui.assumption_charts import step_label, tornado
from ui.assumption_texts import (
    cell_label,
    cell_value_text,
    changes_text,
    column_label,
    column_note,
    imported_text,
    refusal_text,
    table_description,
    table_frame,
    table_title,
    unit_text,
    value_text,
)
from ui.feedback import flash, has_flash, show_flash
from ui.i18n import LANGS, PSEUDO, _, n_
from ui.state import CATALOG_KEY, current_catalog, default_catalog, plan_cache
from ui.uploads import read_once

VERSIONS = "assume_versions"  # table id (or "upload") -> version of its widget key
MAX_UPLOAD_MB = 1
ROW_PX = 35  # the data editor's row height
MAX_ROWS_SHOWN = 25  # taller tables scroll
MONEY_TABLES = ("pay", "providers")


# ---- state --------------------------------------------------------------------------------------
def version(name: str) -> int:
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


def _in_every_language(build) -> dict[str, str]:
    """A message kept for the next run, in every language (the language may change before it)."""
    return {lang: build(lang) for lang in (*LANGS, PSEUDO)}


# ---- callbacks ------------------------------------------------------------------------------------
def _reset_all() -> None:
    old = current_catalog()
    st.session_state.pop(CATALOG_KEY, None)
    _bump(*TABLE_IDS)
    if old.fingerprint != default_catalog().fingerprint:
        flash("top", "success", _in_every_language(
            lambda lang: _(lang, "All assumptions are back to the defaults.")))


def _reset_table(table_id: str) -> None:
    old = current_catalog()
    try:
        new = assumptions.reset_table(old, default_catalog(), table_id)
    except AssumptionError as error:
        flash(table_id, "error", _in_every_language(lambda lang, error=error: _(
            lang, "The table could not be reset: {reason}", reason=refusal_text(error, lang))))
    else:
        _commit(new)
        changes = differences(old, new)
        flash(table_id, "success", _in_every_language(lambda lang: _(
            lang, "Back to the defaults: {changes}", changes=changes_text(changes, lang) or "–")))
    _bump(table_id)


def _upload() -> None:
    key = f"assume_upload_{version('upload')}"
    file = st.session_state.get(key)
    _bump("upload")  # a fresh uploader next run: the file is used once
    if file is None:
        return
    name = getattr(file, "name", "upload") or "upload"

    def refused(reason) -> None:
        flash("io", "error", _in_every_language(lambda lang: _(
            lang, "{name} was not imported; the assumptions in force are unchanged. {reason}", name=name,
            reason=reason(lang))))

    data = file.getvalue()
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        refused(lambda lang: _(lang, "The file is larger than {size}.",
                               size=_(lang, "{size} MB", size=fmt.number(MAX_UPLOAD_MB, lang))))
        return
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        refused(lambda lang: _(lang, "It is not UTF-8 text."))
        return
    default = default_catalog()
    try:
        new = read_once("assumptions", data,  # read once: the same file again gives the same answer
                        lambda _data: assumptions.import_yaml(content, origin=name, reference=default),
                        refused=AssumptionError, extra=(name, default.fingerprint))
    except AssumptionError as error:
        refused(lambda lang, error=error: refusal_text(error, lang))
        return
    _commit(new)
    _bump(*TABLE_IDS)
    changed = len(differences(default_catalog(), new))
    flash("io", "success", _in_every_language(lambda lang: imported_text(name, changed, lang)))


# ---- status, import and export ----------------------------------------------------------------------
def status(catalog: Catalog, default: Catalog, changes: tuple[Change, ...], lang: str) -> None:
    """Whether the assumptions in force are the defaults, with Reset all, and what differs."""
    left, right = st.columns([4, 1], vertical_alignment="center")
    with left:
        if catalog.fingerprint == default.fingerprint:
            st.info(_(lang, "All assumptions are the defaults shipped with the app."),
                    icon=":material/verified:")
        elif changes:
            st.warning(n_(lang, "{count} assumption differs from the defaults; every page uses it.",
                          "{count} assumptions differ from the defaults; every page uses them.",
                          len(changes)), icon=":material/edit_note:")
        else:
            st.warning(_(lang, "The knowledge base differs from the defaults outside these tables (texts, "
                               "hiring ladder, presets or rules)."), icon=":material/edit_note:")
    with right:
        st.button(_(lang, "Reset all"), key="assume_reset_all", on_click=_reset_all,
                  disabled=catalog.fingerprint == default.fingerprint, icon=":material/restart_alt:",
                  width="stretch", type="primary" if changes else "secondary")
    if changes:
        with st.expander(_(lang, "What differs from the defaults")):
            st.dataframe([{
                _(lang, "Table"): table_title(change.cell.table, lang),
                _(lang, "Assumption"): cell_label(change.cell, lang),
                _(lang, "Default"): cell_value_text(change.cell, change.old, lang),
                _(lang, "Now"): cell_value_text(change.cell, change.new, lang),
            } for change in changes], hide_index=True, width="stretch")


def import_export(catalog: Catalog, edited: bool, lang: str) -> None:
    with st.expander(_(lang, "Import and export (YAML)"), icon=":material/swap_vert:",
                     expanded=has_flash("io")):
        show_flash("io", lang)
        st.caption(_(lang, "One YAML document with every section of data/ (the same schema). An uploaded "
                           "file is checked in full; if anything is wrong nothing changes."))
        download, upload = st.columns([1, 2])
        with download:
            st.download_button(
                _(lang, "Download the assumptions"), data=catalog.to_yaml(),
                file_name="assumptions-edited.yaml" if edited else "assumptions.yaml",
                mime="application/x-yaml", icon=":material/download:", key="assume_download",
                on_click="ignore")
        with upload:
            st.file_uploader(_(lang, "Import assumptions (YAML)"), type=["yaml", "yml"],
                             key=f"assume_upload_{version('upload')}", on_change=_upload,
                             max_upload_size=MAX_UPLOAD_MB)


# ---- one table ----------------------------------------------------------------------------------------
def _column_config(table: Table, lang: str) -> dict:
    config: dict = {
        "id": {**st.column_config.TextColumn(_(lang, "Id"), disabled=True, width="small",
                                             help=_(lang, "The id in the YAML files")),
               "hidden": True},  # shown from the table's column menu, for those who write the YAML
        "name": st.column_config.TextColumn(_(lang, "Assumption") if table.long else _(lang, "Name"),
                                            disabled=True, pinned=True,
                                            width="large" if table.long else "medium"),
        "unit": st.column_config.TextColumn(_(lang, "Unit"), disabled=True, width="medium"),
        "source": st.column_config.TextColumn(_(lang, "Source"), disabled=True, width="large"),
        "annual_cost": st.column_config.NumberColumn(
            _(lang, "Fully loaded cost (SEK/year)"), disabled=True, format="localized",
            help=_(lang, "Pay × 12 × the employer cost multiplier; not editable.")),
    }
    for key in table.source_columns:
        config[f"{key}_source"] = st.column_config.TextColumn(
            _(lang, "Source ({lower})", lower=column_label(key, lang).lower()), disabled=True, width="large")
    for column in table.columns:
        label = column_label(column.key, lang, column.name)
        if column.unit is not None and not table.id.endswith("fit"):
            label = f"{label} ({unit_text(column.unit, lang)})"
        config[column.key] = st.column_config.NumberColumn(
            label, help=column_note(column.key, lang) or None,
            format="localized" if table.id in MONEY_TABLES else None)
    return config


def table_editor(table: Table, catalog: Catalog, default: Table, lang: str) -> None:
    """One table in a data editor: an edit is applied at once (or refused), with Reset this table."""
    st.caption(table_description(table.id, lang))
    for column in table.columns:
        if column_note(column.key, lang):
            st.caption(f"**{column_label(column.key, lang)}**: {column_note(column.key, lang)}")
    show_flash(table.id, lang)
    frame = table_frame(table, catalog, lang)
    values = [column.key for column in table.columns]
    order = ["name", *values, *(name for name in frame.columns if name not in (*values, "name", "id")), "id"]
    edited = st.data_editor(
        frame, key=f"assume_edit_{table.id}_{version(table.id)}", hide_index=True, num_rows="fixed",
        disabled=[name for name in frame.columns if name not in values],
        column_config=_column_config(table, lang), width="stretch", column_order=order, placeholder="—",
        height=ROW_PX * (min(len(table.rows), MAX_ROWS_SHOWN) + 1) + 3,
    )
    edits = table.edits_from_frame(edited)
    if edits:
        try:
            new = assumptions.apply_edits(catalog, table.id, edits)
        except AssumptionError as error:
            flash(table.id, "error", _in_every_language(lambda code, error=error: _(
                code, "Not applied: {reason}. The previous value is still in force.",
                reason=refusal_text(error, code))))
        else:
            _commit(new)
            changes = differences(catalog, new)
            flash(table.id, "success", _in_every_language(lambda code: _(
                code, "Applied on every page: {changes}", changes=changes_text(changes, code))))
        _bump(table.id)
        st.rerun()
    changed = [key for key, cell in table.cells.items()
               if key not in default.cells or default.cells[key].value != cell.value]
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left:
        if changed:
            st.caption(n_(lang, "{count} value in this table differs from the defaults.",
                          "{count} values in this table differ from the defaults.", len(changed)))
        else:
            st.caption(_(lang, "All values in this table are the defaults."))
    with right:
        st.button(_(lang, "Reset this table"), key=f"assume_reset_{table.id}", on_click=_reset_table,
                  args=(table.id,), disabled=not changed, icon=":material/undo:", width="stretch")


# ---- sensitivity --------------------------------------------------------------------------------------
@plan_cache(max_entries=64, copies=True)
def _sensitivity(scenario: Scenario, catalog: Catalog) -> Sensitivity:
    return assumptions.sensitivity(scenario, catalog)


def sensitivity_view(catalog: Catalog, scenario: Scenario, lang: str) -> None:
    """The tornado charts of coverage and cost, and the whole ranking as a table."""
    st.subheader(_(lang, "Which assumptions matter most"))
    report = _sensitivity(scenario, catalog)
    low, high = step_label(report.factor, -1, lang), step_label(report.factor, 1, lang)
    st.caption(n_(lang, "For the scenario in the sidebar, each assumption is set {low} and {high} in turn "
                        "(fits and shares stay within 0–1) and the plan is simulated again. The longest bars "
                        "are the numbers worth arguing about. {count} assumption tested.",
                  "For the scenario in the sidebar, each assumption is set {low} and {high} in turn "
                  "(fits and shares stay within 0–1) and the plan is simulated again. The longest bars "
                  "are the numbers worth arguing about. {count} assumptions tested.",
                  len(report.swings), low=low, high=high))
    first, second = st.columns(2)
    first.metric(_(lang, "Overall coverage now"), fmt.pct(report.base_coverage, lang))
    second.metric(_(lang, "Total cost now"), fmt.sek(report.base_cost, lang))
    for metric in ("coverage", "cost"):
        with st.container():
            figure = tornado(report, metric, lang)
            if figure is not None:
                st.plotly_chart(figure, key=f"assume_tornado_{metric}", config={"displaylogo": False})
            elif metric == "cost":
                st.info(_(lang, "No assumption moves the total cost here: the budget is spent in full in "
                                "every variant, so the assumptions show up in coverage instead."))
            else:
                st.info(_(lang, "No assumption moves the overall coverage in this scenario."))
    with st.expander(_(lang, "The whole ranking")):
        st.dataframe([{
            _(lang, "Assumption"): cell_label(swing.cell, lang),
            _(lang, "Table"): table_title(swing.cell.table, lang),
            _(lang, "Now"): cell_value_text(swing.cell, swing.cell.value, lang),
            low: value_text(swing.low_value, lang),
            high: value_text(swing.high_value, lang),
            _(lang, "Coverage swing (pp)"): round(swing.swing("coverage") * 100, 2),
            _(lang, "Cost swing (SEK)"): round(swing.swing("cost")),
        } for swing in report.ranked("coverage")], hide_index=True, width="stretch")
