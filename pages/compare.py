"""The Compare page: save scenarios under a name with a note, compare two to four side by side,
and export for meetings (presentation view, HTML report, YAML, RACI). The pieces are in ui/:
compare_options (what is on offer), compare_saved (save, open, manage), compare_view (the
comparison and the exports) and presentation (the view for meetings)."""

from __future__ import annotations

import streamlit as st

from ui import saved
from ui import workspace as workspace_ui
from ui.compare_options import open_shelf
from ui.compare_saved import manage_section, save_section, undo_button, upload_section
from ui.compare_view import compare_section, exports_section
from ui.feedback import md_escape, show_flash
from ui.i18n import _, t
from ui.presentation import presentation
from ui.state import get_context

context = get_context()
lang = context.lang
shelf = open_shelf(context)

head_left, head_right = st.columns([5, 2], vertical_alignment="bottom")
with head_right:
    presenting = st.toggle(_(lang, "Presentation view"), key="cmp_present",
                           help=_(lang, "The compared scenarios for a meeting: large figures, the main "
                                        "findings and the charts that matter, without the sidebar."))

if presenting:
    presentation(shelf, controls=head_left)
else:
    head_left.title(t("page_compare", lang))
    st.caption(_(lang, "Save scenarios with a note on why, compare two to four side by side, and take them "
                       "to a meeting as a report, a file or a presentation."))
    st.subheader(_(lang, "Saved scenarios"))
    if shelf.problem:
        st.error(md_escape(_(lang, "Saved scenarios are not available right now: {problem}. Nothing saved "
                                   "has been changed. You can still compare the current scenario and export "
                                   "it.", problem=shelf.problem)))
    if shelf.unreadable:
        st.warning(md_escape(_(lang, "These saved scenarios could not be read and are left out: ")
                             + ", ".join(shelf.unreadable)))
    show_flash(saved.FLASH_SPOT, lang)
    undo_button(shelf)
    workspace_ui.workspace_panel(shelf.space, lang)
    left_column, right_column = st.columns([2, 3], gap="large")
    with left_column:
        save_section(shelf)
        upload_section(shelf)
    with right_column:
        manage_section(shelf)
    st.divider()
    compare_section(shelf)
    st.divider()
    exports_section(shelf)
