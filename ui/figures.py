"""Cached views for the pages: the four Plan figures, the assignment table and the CSV of a
scenario are built once per (scenario, catalog, language) and reused on every rerun that did not
change them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from model import Catalog, Scenario
from ui import charts, planview
from ui.state import plan_cache, plan_for

BUILDERS = {
    "load": charts.load_chart,
    "coverage": charts.coverage_chart,
    "cost": charts.cost_chart,
    "flow": charts.flow_chart,
}


# 32 scenarios x languages: each set of four figures keeps about 1,000 objects alive, which the
# garbage collection Streamlit runs after every rerun walks (128 sets: some 25 ms a rerun); a set
# not kept is rebuilt from the cached plan in a few milliseconds.
@plan_cache(max_entries=32)
def plan_figures(scenario: Scenario, catalog: Catalog, lang: str) -> dict[str, go.Figure]:
    """{'load', 'coverage', 'cost', 'flow'} -> Figure, cached. Treat the figures as read-only."""
    plan = plan_for(scenario, catalog)
    return {name: build(plan, catalog, lang) for name, build in BUILDERS.items()}


@plan_cache(max_entries=128)
def plan_tables(scenario: Scenario, catalog: Catalog, lang: str) -> tuple[pd.DataFrame, str]:
    """(the assignment table for display, the plan as CSV), cached. Treat them as read-only."""
    plan = plan_for(scenario, catalog)
    return planview.assignment_table(plan, catalog, lang), planview.plan_csv(plan, catalog, lang)
