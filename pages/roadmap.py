"""The Roadmap page: when to hire the seats still to be recruited, quarter by quarter (issue 14). The
team on board, who is being recruited, which work agencies and freelancers bridge meanwhile, and
coverage, quality and cost per quarter, from model/roadmap.py (the quarters' plans, and a HiGHS
programme choosing when each seat starts). The parts are in ui/roadmap_view.py, the figures and words
in ui/roadmap_charts.py."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.i18n import _, t
from ui.roadmap_view import compute, render_roadmap, roadmap_inputs
from ui.state import get_context

context = get_context()
lang, catalog, scenario = context.lang, context.catalog, context.scenario

st.title(t("page_roadmap", lang))
st.caption(_(lang, "When to recruit the seats of the team that are not yet on board, and what agencies and "
                   "freelancers bridge until they start, quarter by quarter as the workload grows. The team "
                   "is the sidebar's; its last seats are the ones still to recruit."))
roadmap_inputs(scenario, lang)
road = compute(scenario, catalog, lang)
if road is not None:
    if not road.hires and scenario.hires:
        st.info(_(lang, "The team has no in-house seats, so there is nobody to recruit: choose a team size "
                        "(and a budget that pays for it) in the sidebar."), icon=":material/info:")
    render_roadmap(road, scenario, catalog, lang, date.today())
