"""The Trade-offs page's section on organisation models (issue 14): Altimeter's five social
business models side by side for the current workload, team size and budget (model/orgcompare.py),
as a table, a grouped bar chart of coverage and cost, and a card per model with its description,
when it fits, the spokes it brings and a button that applies it to the scenario (and so the URL).

    from ui import orgmodels_view
    orgmodels_view.render(scenario, catalog, lang)       # on the Trade-offs page

The model's texts are English in data/orgmodels.yaml and translated through the catalog (`_`), as
every name from data/ is.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from model import Catalog, Scenario, compare_models, org_models
from ui.charts import pct_ticks
from ui.figkit import CONFIG, FONT_SIZE, GRID, INK, figure, vline
from ui.fmt import hours, msek, number, pct, sek
from ui.i18n import _, n_, t
from ui.palette import alternative
from ui.state import apply_scenario, plan_cache

APPLIED_KEY = "to_applied"  # the Trade-offs page shows (and clears) the message of what was applied
COVERAGE_COLOR = alternative(0)
COST_COLOR = alternative(2)


# ---- the comparison (cached: it ignores the scenario's own model) --------------------------------
@plan_cache(max_entries=64, copies=True)
def _comparison(scenario: Scenario, catalog: Catalog) -> tuple:
    return compare_models(scenario, catalog)


def comparison(scenario: Scenario, catalog: Catalog) -> tuple:
    """The five models' plans of the scenario's workload (model.orgcompare.ModelPlan, one per
    model; the same whatever model the scenario has)."""
    return _comparison(scenario.replace(org_model="centralized"), catalog)


# ---- texts and the table -------------------------------------------------------------------------
def model_name(model: str, lang: str) -> str:
    return t(f"org_{model}", lang)


def spokes_line(row, catalog: Catalog, lang: str) -> str:
    """'Spokes: 4 × Content Manager, 6 h a week each; 2 × …' (or that there are none)."""
    if not row.spoke_groups:
        return _(lang, "No spokes: the team does all the in-house work.")
    parts = [_(lang, "{count} × {role}, {hours} h a week each", count=count,
               role=_(lang, catalog.name(role)), hours=hours(capacity, lang))
             for role, capacity, count in row.spoke_groups]
    return _(lang, "Spokes: {list}", list="; ".join(parts))


def unmet_text(row, lang: str) -> str:
    """What the model is meant for that this organisation does not have, in words ('' when it fits)."""
    parts = []
    for key, least, has in row.unmet:
        if key == "business_units":
            parts.append(n_(lang, "it is meant for {count} business unit or more, and there is {has}",
                            "it is meant for {count} business units or more, and there is {has}", least,
                            has=number(has, lang)))
        elif key == "brands":
            parts.append(n_(lang, "it is meant for {count} brand or market or more, and there is {has}",
                            "it is meant for {count} brands or markets or more, and there is {has}", least,
                            has=number(has, lang)))
        else:
            parts.append(n_(lang, "it is meant for {count} language or more, and there is {has}",
                            "it is meant for {count} languages or more, and there is {has}", least,
                            has=number(has, lang)))
    return "; ".join(parts)


def table(rows: tuple, current: str, lang: str) -> pd.DataFrame:
    """One row per model: coverage, quality, cost, the hub's people, the spokes and their hours,
    the coordination load and the critical findings; the model in use is named so."""
    records = []
    for row in rows:
        name = model_name(row.model, lang)
        records.append({
            t("organisation", lang): _(lang, "{name} (in use)", name=name) if row.model == current else name,
            _(lang, "Fits this organisation"): _(lang, "Yes") if row.fits else
            _(lang, "No: {why}", why=unmet_text(row, lang)),
            _(lang, "Coverage"): pct(row.coverage, lang),
            _(lang, "Quality"): pct(row.quality, lang),
            _(lang, "Cost per year"): sek(row.cost, lang),
            _(lang, "People in the hub"): number(row.hub_people, lang),
            _(lang, "Spokes"): number(row.spokes, lang),
            _(lang, "Spokes' hours a week"): _(lang, "{used} of {most}", used=hours(row.spoke_hours, lang),
                                               most=hours(row.spoke_capacity, lang)),
            _(lang, "Coordination (lead and plan, h a week)"): hours(row.coordination_hours, lang),
            _(lang, "Critical findings"): number(row.critical, lang),
        })
    return pd.DataFrame(records)


def chart(rows: tuple, current: str, lang: str) -> go.Figure:
    """Coverage (left) and cost per year (right) of each model side by side, the model in use in
    bold and outlined, the budget a dashed line on the cost side."""
    names = [f"<b>{model_name(row.model, lang)}</b>" if row.model == current else model_name(row.model, lang)
             for row in rows]
    outline = {"color": INK, "width": [3 if row.model == current else 0 for row in rows]}
    coverage_name, cost_name = _(lang, "Coverage"), _(lang, "Cost per year")
    data = [
        {"type": "bar", "orientation": "h", "y": names, "x": [row.coverage for row in rows],
         "name": coverage_name, "xaxis": "x", "yaxis": "y",
         "marker": {"color": COVERAGE_COLOR, "line": outline},
         "customdata": [pct(row.coverage, lang) for row in rows],
         "hovertemplate": f"%{{y}}<br>{coverage_name}: %{{customdata}}<extra></extra>"},
        {"type": "bar", "orientation": "h", "y": names, "x": [row.cost / 1e6 for row in rows],
         "name": cost_name, "xaxis": "x2", "yaxis": "y",
         "marker": {"color": COST_COLOR, "line": outline},
         "customdata": [msek(row.cost, lang) for row in rows],
         "hovertemplate": f"%{{y}}<br>{cost_name}: %{{customdata}}<extra></extra>"},
    ]
    # the values beside the bars' ends, in ink on the background (text on a bar is hard to read in
    # a dark theme): text traces, as ui/charts.py's load chart does
    for axis, values, texts in (("x", [row.coverage for row in rows], [pct(r.coverage, lang) for r in rows]),
                                ("x2", [row.cost / 1e6 for row in rows], [msek(r.cost, lang) for r in rows])):
        data.append({"type": "scatter", "mode": "text", "y": names, "x": values, "xaxis": axis, "yaxis": "y",
                     "text": [f"  {text}" for text in texts], "textposition": "middle right",
                     "textfont": {"size": FONT_SIZE - 1, "color": INK}, "cliponaxis": False,
                     "showlegend": False, "hoverinfo": "skip"})
    budget = rows[0].budget / 1e6 if rows else 0.0
    top = max([row.cost / 1e6 for row in rows] + [budget, 0.1]) * 1.5  # room for the values' labels
    shape, notes = vline(budget, INK, f"{_(lang, 'Budget')} {msek(budget * 1e6, lang)}")
    shape["xref"], notes[0]["xref"], notes[0]["xanchor"] = "x2", "x2", "right"
    layout = {
        "title": {"text": _(lang, "Organisation models: coverage and cost per year")},
        "barmode": "overlay", "bargap": 0.35, "shapes": [shape], "annotations": notes,
        "xaxis": {"domain": [0, 0.44], "range": [0, 1.2], "title": {"text": coverage_name},
                  **pct_ticks(lang)} | GRID,
        "xaxis2": {"domain": [0.56, 1], "anchor": "y", "range": [0, top], "automargin": True,
                   "title": {"text": _(lang, "MSEK per year"), "font": {"size": FONT_SIZE, "color": INK}},
                   "tickfont": {"size": FONT_SIZE - 2, "color": INK}} | GRID,
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": names},
    }
    return figure(data, layout, lang, height=460)


# ---- the section ---------------------------------------------------------------------------------
def _use(scenario: Scenario, message: str) -> None:
    """Callback: put the scenario with another model into the sidebar (and the URL)."""
    apply_scenario(scenario)
    st.session_state[APPLIED_KEY] = message


def _card(model, row, scenario: Scenario, catalog: Catalog, lang: str) -> None:
    """One model (model.orgmodels.OrgModel) and its plan's summary as a card."""
    name = model_name(model.id, lang)
    current = model.id == scenario.org_model
    with st.container(border=True):
        st.markdown(f"**{name}**")
        st.caption(_(lang, model.description))
        st.markdown(f"*{_(lang, 'When it fits')}:* {_(lang, model.fits_when)}")
        st.markdown(spokes_line(row, catalog, lang))
        if not row.fits:
            st.warning(_(lang, "Not this organisation's model: {why}.", why=unmet_text(row, lang)),
                       icon=":material/warning:")
        if current:
            st.success(_(lang, "The model in use"), icon=":material/check_circle:")
        else:
            st.button(_(lang, "Use this model"), key=f"org_use_{model.id}", on_click=_use,
                      width="stretch",
                      args=(scenario.replace(org_model=model.id),
                            _(lang, "Organisation model now: {name}.", name=name)))


def render(scenario: Scenario, catalog: Catalog, lang: str) -> None:
    """The section: what each model gives for this workload, side by side, and how to switch."""
    st.subheader(_(lang, "Organisation models for this workload"))
    st.caption(n_(lang, "The same workload, team and budget under each of Altimeter's five social business "
                        "models, for {count} business unit, {brands} and {languages}. More units, brands "
                        "and languages add coordination and adaptation work; every model but the "
                        "centralized one has part-time contributors outside the team (spokes), paid for "
                        "the hours set aside for them, used or not.",
                  "The same workload, team and budget under each of Altimeter's five social business "
                  "models, for {count} business units, {brands} and {languages}. More units, brands "
                  "and languages add coordination and adaptation work; every model but the "
                  "centralized one has part-time contributors outside the team (spokes), paid for "
                  "the hours set aside for them, used or not.", scenario.business_units,
                  brands=n_(lang, "{count} brand or market", "{count} brands or markets", scenario.brands),
                  languages=n_(lang, "{count} language", "{count} languages", scenario.languages)))
    rows = comparison(scenario, catalog)
    st.dataframe(table(rows, scenario.org_model, lang), hide_index=True, width="stretch")
    st.plotly_chart(chart(rows, scenario.org_model, lang), config=CONFIG, key="chart_orgmodels")
    by_id = {row.model: row for row in rows}
    models = org_models()
    for column, model in zip(st.columns(len(models)), models, strict=True):
        with column:
            _card(model, by_id[model.id], scenario, catalog, lang)
