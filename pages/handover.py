"""The Briefs and roles page: what to hand over to the people who do the work (issue 13). Briefs for
the agencies and freelancers the plan buys, with the client's own texts and a readiness checklist,
and role descriptions for the in-house team's seats; each as Markdown and HTML to download. The
parts are in ui/handover_view.py, the documents in ui/handover_docs.py."""

from __future__ import annotations

import streamlit as st

from ui.handover_view import brief_inputs, render_briefs, render_roles
from ui.i18n import _
from ui.state import get_context

context = get_context()
lang, catalog = context.lang, context.catalog
plan = context.plan

st.title(_(lang, "Briefs and roles"))
st.caption(_(lang, "About three quarters of disappointment with agencies starts in the client's own brief: "
                   "say what the work is for, who it is for, how it is followed up and who approves it. "
                   "The role descriptions are the start of a job advert for each seat of the team."))

briefs_tab, roles_tab = st.tabs([_(lang, "Agency and freelancer briefs"), _(lang, "Role descriptions")])
with briefs_tab:
    st.subheader(_(lang, "What every brief says"))
    st.caption(_(lang, "These four texts go into every brief below, and into the share link."))
    brief_inputs(lang)
    st.subheader(_(lang, "Briefs for the work the plan buys"))
    render_briefs(plan, catalog, lang)
with roles_tab:
    st.caption(_(lang, "One description per seat of the in-house team: its duties with hours and share of "
                       "the time, what it answers for and what it contributes to, and its pay."))
    render_roles(plan, catalog, lang)
