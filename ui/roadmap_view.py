"""The Roadmap page's parts in Streamlit (pages/roadmap.py): its three inputs, the cached roadmap and
its figures, the headline figures, the charts and the tables. Figures and words are
ui/roadmap_charts.py's; the model is model/roadmap.py.

The three inputs are scenario fields (ui/state.PAGE_FIELDS: horizon_quarters, growth_per_quarter,
hires) kept in st.session_state under their own names, which the sidebar reads on every run and
writes into the share link. Each widget has its own key ("hires_input"), seeded from the field on
every run (a link, a preset or a saved scenario may have changed it), and copies its value into the
field when it changes (growth is shown in per cent and kept as a share).
"""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from model import SPECS, Catalog, CatalogError, Scenario
from model import roadmap as roadmap_model
from ui.figkit import CONFIG
from ui.fmt import money, pct, points, slider_format
from ui.i18n import _, t
from ui.problems import error_text
from ui.roadmap_charts import (
    hire_table,
    objective_text,
    quarter_label,
    quarter_table,
    roadmap_figures,
    workload_text,
)
from ui.state import keep_widget, plan_cache

INPUT_SUFFIX = "_input"
PERCENT = 100.0  # growth: a share in the scenario, per cent on the page
CHART_KEYS = {"gantt": "chart_roadmap_gantt", "cost": "chart_roadmap_cost",
              "coverage": "chart_roadmap_coverage"}


# ---- cached model calls ----------------------------------------------------------------------------
@plan_cache(max_entries=32)
def cached_roadmap(scenario: Scenario, catalog: Catalog) -> roadmap_model.Roadmap:
    """The roadmap of a scenario, cached (every caller gets the same object: read-only)."""
    return roadmap_model.roadmap(scenario, catalog)


@plan_cache(max_entries=16)
def cached_figures(scenario: Scenario, catalog: Catalog, lang: str, today: str) -> dict[str, go.Figure]:
    """{"gantt", "cost", "coverage"} -> Figure for a scenario, language and day (ISO), cached."""
    return roadmap_figures(cached_roadmap(scenario, catalog), catalog, lang, date.fromisoformat(today))


# ---- inputs ---------------------------------------------------------------------------------------------
def _copy(name: str, scale: float) -> None:
    value = st.session_state[name + INPUT_SUFFIX]
    st.session_state[name] = round(value / scale, 4) if scale != 1 else int(value)


def _seed(name: str, value, low) -> None:
    keep_widget(name + INPUT_SUFFIX, value, default=low)  # on every run (ui.state.keep_widget says why)


def roadmap_inputs(scenario: Scenario, lang: str) -> None:
    """Horizon (quarters), workload growth per quarter (per cent) and seats still to recruit."""
    horizon, growth, hires = st.columns(3)
    spec = SPECS["horizon_quarters"]
    horizon_value = int(st.session_state.get("horizon_quarters", scenario.horizon_quarters))
    _seed("horizon_quarters", horizon_value, int(spec.low))
    horizon.slider(t("horizon_quarters", lang), min_value=int(spec.low), max_value=int(spec.high), step=1,
                   key="horizon_quarters_input", on_change=_copy, args=("horizon_quarters", 1))
    spec = SPECS["growth_per_quarter"]
    share = float(st.session_state.get("growth_per_quarter", scenario.growth_per_quarter))
    _seed("growth_per_quarter", round(share * PERCENT, 1), spec.low * PERCENT)
    growth.slider(t("growth_per_quarter", lang), min_value=spec.low * PERCENT, max_value=spec.high * PERCENT,
                  step=0.5, format=slider_format(lang, "percent100"), key="growth_per_quarter_input",
                  on_change=_copy, args=("growth_per_quarter", PERCENT),
                  help=_(lang, "How much the posts, the comments and messages and the ad spend grow each "
                               "quarter; negative when they shrink."))
    seats = scenario.team_size
    wanted = int(st.session_state.get("hires", scenario.hires))
    _seed("hires", min(wanted, seats), 0)
    hires.number_input(t("hires", lang), min_value=0, max_value=max(seats, 0), step=1, key="hires_input",
                       on_change=_copy, args=("hires", 1), disabled=seats == 0,
                       help=_(lang, "The last seats of the team are not yet on board: the roadmap says when "
                                    "to recruit them. 0 = everyone is on board."))


# ---- the roadmap -------------------------------------------------------------------------------------------
def compute(scenario: Scenario, catalog: Catalog, lang: str):
    """The cached roadmap, or None after showing why it could not be made (a broken data file)."""
    try:
        with st.spinner(_(lang, "Planning the quarters…")):
            return cached_roadmap(scenario, catalog)
    except CatalogError as error:
        st.error(_(lang, "The knowledge base in data/ could not be read:\n\n`{error}`",
                   error=error_text(error, lang)))
        return None


def headlines(road: roadmap_model.Roadmap, lang: str, today: date) -> None:
    """First start, seats recruited, cost over the horizon against the budget, coverage at the end."""
    first, hired, cost, coverage = st.columns(4)
    start = road.first_start
    first.metric(_(lang, "First new seat starts"),
                 "–" if start is None else quarter_label(start, today, lang),
                 help=_(lang, "The first quarter in which a seat still to be recruited works. Its "
                              "recruitment starts as many quarters earlier as its lead time takes."))
    hired.metric(_(lang, "Seats recruited"),
                 _(lang, "{count} of {total}", count=len(road.hired), total=len(road.hires)),
                 help=_(lang, "Seats still to recruit that the roadmap hires within the horizon."))
    over = road.total - road.budget
    cost.metric(_(lang, "Cost over the horizon"), money(road.total, lang),
                delta=(_(lang, "{amount} over budget", amount=money(over, lang)) if over > 0.5 else
                       _(lang, "{amount} under budget", amount=money(-over, lang))),
                delta_color="inverse" if over > 0.5 else "off", delta_arrow="auto" if over > 0.5 else "off")
    change = road.end_coverage - road.quarters[0].coverage
    coverage.metric(_(lang, "Coverage at the end"), pct(road.end_coverage, lang),
                    delta=points(change, lang, signed=True) if abs(change) >= 0.005 else None)


def render_roadmap(road: roadmap_model.Roadmap, scenario: Scenario, catalog: Catalog, lang: str,
                   today: date) -> None:
    """The headline figures, the objective, the three charts and the tables."""
    headlines(road, lang, today)
    st.caption(objective_text(road, lang, today))
    figures = cached_figures(scenario, catalog, lang, today.isoformat())
    st.plotly_chart(figures["gantt"], config=CONFIG, key=CHART_KEYS["gantt"])
    if road.hires:
        st.dataframe(hire_table(road, catalog, lang, today), hide_index=True, width="stretch")
    st.plotly_chart(figures["cost"], config=CONFIG, key=CHART_KEYS["cost"])
    st.plotly_chart(figures["coverage"], config=CONFIG, key=CHART_KEYS["coverage"])
    st.caption(workload_text(road, lang))
    st.subheader(_(lang, "Quarter by quarter"))
    st.dataframe(quarter_table(road, catalog, lang, today), hide_index=True, width="stretch")


__all__ = ["CHART_KEYS", "cached_figures", "cached_roadmap", "compute", "headlines", "render_roadmap",
           "roadmap_inputs"]
