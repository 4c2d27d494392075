"""The Assumptions page: every number behind a plan in editable tables with its unit and source,
import and export as YAML, and which assumptions move coverage and cost the most.

The parts are drawn by ui/assumptions_view.py (and worded by ui/assumption_texts.py); the tables
and their edits are model/assumptions.
"""

from __future__ import annotations

import streamlit as st

from model import TABLE_IDS, assumption_tables, differences
from ui.assumption_texts import table_title
from ui.assumptions_view import import_export, sensitivity_view, status, table_editor
from ui.feedback import show_flash
from ui.i18n import _
from ui.state import current_catalog, default_catalog, get_context


def main() -> None:
    context = get_context()
    lang = context.lang
    catalog, default = current_catalog(), default_catalog()
    changes = differences(default, catalog)
    tables, defaults = assumption_tables(catalog), assumption_tables(default)

    st.title(_(lang, "Assumptions"))
    st.write(_(lang, "Every number behind the plan is an assumption: pay, capacity, rates, retainers, how "
                     "much work the workload makes, and the thresholds of the guidance. Change a cell and "
                     "the change is checked at once; if it is valid, every page uses it."))
    show_flash("top", lang)
    status(catalog, default, changes, lang)
    import_export(catalog, bool(changes), lang)
    tabs = st.tabs([table_title(table_id, lang) for table_id in TABLE_IDS], key="assume_tab")
    for tab, table_id in zip(tabs, TABLE_IDS, strict=True):
        with tab:
            table_editor(tables[table_id], catalog, defaults[table_id], lang)
    sensitivity_view(catalog, context.scenario, lang)


main()
