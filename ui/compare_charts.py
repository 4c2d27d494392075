"""Comparison figures: two to four plans side by side. Pure: a list of (label, plan) in, a Plotly
Figure out, built by ui.figkit like every chart (large fonts, transparent background, the
language's numbers), with the legend on top.

Scenario names are typed by users: they are HTML-escaped before they reach Plotly (which renders
a subset of HTML in labels and decodes entities, so they still read as typed).
"""

from __future__ import annotations

import plotly.graph_objects as go

from model import CAPABILITIES, Catalog, Plan
from ui.charts import pct_ticks, person_label
from ui.feedback import html_escape
from ui.figkit import BACKGROUND, COLORS, FONT_SIZE, GRID, HATCH, INK, TYPES, figure, nothing_note, vline
from ui.fmt import NBSP, msek, pct
from ui.fmt import hours as fmt_hours
from ui.i18n import _, t
from ui.palette import ALTERNATIVES, alternative, ink_on

# The compared scenarios are plans side by side: greys from dark to light, in their order
# (ui/palette.py), so that no hue of theirs can be read as a provider or a capability.
SCENARIO_COLORS: tuple[str, ...] = ALTERNATIVES
Items = list[tuple[str, Plan]]


def safe(label: str) -> str:
    """A user's text as Plotly shows it literally."""
    return html_escape(label)


def _compare_figure(data: list[dict], layout: dict, lang: str, height: int) -> go.Figure:
    """The shared look, the legend below the plot (figkit.LEGEND_BELOW)."""
    return figure(data, layout, lang, height=height)


def coverage_compare_chart(items: Items, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Coverage of each capability, one bar per scenario, grouped by capability."""
    caps = list(CAPABILITIES)
    names = [_(lang, catalog.name(cap)) for cap in caps]
    data = []
    for index, (label, plan) in enumerate(items):
        values = [plan.coverage.get(cap, 0.0) if plan.demand.get(cap, 0.0) > 1e-9 else None
                  for cap in caps]
        data.append({
            "type": "bar", "y": names, "x": [v or 0.0 for v in values], "orientation": "h",
            "name": safe(label),
            "marker": {"color": alternative(index, len(items))},
            "text": [pct(v, lang) if v is not None else t("no_demand", lang) for v in values],
            "textposition": "outside", "cliponaxis": False, "textfont": {"size": FONT_SIZE - 4, "color": INK},
            "hovertemplate": f"{safe(label)}<br>%{{y}}: %{{text}}<extra></extra>",
        })
    layout = {
        "title": {"text": _(lang, "Coverage per capability")},
        "barmode": "group", "bargap": 0.25, "bargroupgap": 0.05,
        "xaxis": {"range": [0, 1.18], **pct_ticks(lang),
                  "title": {"text": t("share_of_demand", lang)}, **GRID},
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": names},
    }
    return _compare_figure(data, layout, lang, 300 + len(caps) * (22 * len(items) + 18))


def cost_compare_chart(items: Items, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Cost per year of each scenario split into in-house, agency and freelancer, with its budget."""
    labels = [safe(label) for label, _ in items]
    data = []
    for kind in TYPES:
        values = [getattr(plan.cost, kind) for _, plan in items]
        if not any(value >= 1000 for value in values):  # a few SEK a year is no real cost
            continue
        data.append({
            "type": "bar", "y": labels, "x": [value / 1e6 for value in values], "orientation": "h",
            "name": t(kind, lang), "marker": {"color": COLORS[kind]},
            "text": [msek(value, lang) if value > 0.5 else "" for value in values],
            "textposition": "inside", "insidetextanchor": "middle", "textangle": 0,
            "textfont": {"size": FONT_SIZE - 2, "color": ink_on(COLORS[kind])},
            "hovertemplate": f"%{{y}}<br>{t(kind, lang)}: %{{text}}<extra></extra>",
        })
    budgets = [plan.cost.budget for _, plan in items]
    totals = [plan.cost.total for _, plan in items]
    data += [{
        "type": "scatter", "y": labels, "x": [budget / 1e6 for budget in budgets], "mode": "markers",
        "name": t("budget", lang),
        "marker": {"symbol": "line-ns", "size": 46, "line": {"width": 5, "color": INK}},
        "text": [msek(budget, lang) for budget in budgets],
        "hovertemplate": f"%{{y}}<br>{t('budget', lang)}: %{{text}}<extra></extra>",
    }, {
        "type": "scatter", "y": labels,
        "x": [max(total, budget) / 1e6 for total, budget in zip(totals, budgets, strict=True)],
        "mode": "text", "text": [f"  {msek(total, lang)}" for total in totals],
        "textposition": "middle right", "textfont": {"size": FONT_SIZE - 1, "color": INK},
        "showlegend": False,
        "hoverinfo": "skip", "cliponaxis": False,
    }]
    top = max([*totals, *budgets, 1.0]) / 1e6
    layout = {
        "title": {"text": _(lang, "Cost per year against budget")},
        "barmode": "stack", "bargap": 0.35,
        "xaxis": {"range": [0, top * 1.25], "ticksuffix": NBSP + _(lang, "MSEK"), **GRID},
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
    }
    return _compare_figure(data, layout, lang, 290 + 80 * len(items))


def load_compare_chart(items: Items, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Each in-house person's load as a share of their capacity, one row of dots per scenario;
    dots past 100 % are over capacity."""
    unit = _(lang, "h/week")
    labels = [safe(label) for label, _ in items]
    normal: dict[str, list] = {"x": [], "y": [], "text": [], "custom": []}
    over: dict[str, list] = {"x": [], "y": [], "text": [], "custom": []}
    top = 1.0
    for row, (label, plan) in enumerate(items):
        people = [person for person in plan.people if person.capacity > 1e-9]
        count = len(people)
        for index, person in enumerate(people):
            offset = 0.0 if count == 1 else (index / (count - 1) - 0.5) * 0.5
            target = over if person.utilisation > 1 + 1e-9 else normal
            target["x"].append(person.utilisation)
            target["y"].append(row + offset)
            target["text"].append(person_label(person.seat, person.role, catalog, lang))
            target["custom"].append([safe(label), pct(person.utilisation, lang),
                                     fmt_hours(person.hours, lang), fmt_hours(person.capacity, lang)])
            top = max(top, person.utilisation)
    template = ("%{customdata[0]}<br>%{text}<br>%{customdata[1]}: %{customdata[2]} / "
                f"%{{customdata[3]}} {unit}<extra></extra>")
    groups = ((normal, _(lang, "Within capacity"), COLORS["in_house"]),
              (over, t("over_capacity", lang), COLORS["over"]))
    data = [{"type": "scatter", "x": dots["x"], "y": dots["y"], "text": dots["text"],
             "customdata": dots["custom"], "mode": "markers", "name": name, "hovertemplate": template,
             "marker": {"size": 20, "color": color, "opacity": 0.85,
                        "line": {"width": 1.5, "color": BACKGROUND}}}
            for dots, name, color in groups if dots["x"]]
    notes = [] if data else [nothing_note(t("no_people", lang))]
    notes.append({"x": 1.0, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom", "showarrow": False,
                  "text": t("capacity", lang), "font": {"size": FONT_SIZE - 2, "color": INK}})
    layout = {
        "title": {"text": _(lang, "Load of each person in-house (share of capacity)")},
        "shapes": [vline(1.0, INK)[0]],
        "annotations": notes,
        "xaxis": {"range": [0, max(1.2, top * 1.1)], **pct_ticks(lang, max(1.2, top * 1.1)), **GRID},
        "yaxis": {"tickvals": list(range(len(items))), "ticktext": labels, "range": [len(items) - 0.4, -0.6],
                  "showgrid": False, "zeroline": False},
    }
    return _compare_figure(data, layout, lang, 310 + 90 * len(items))


def work_compare_chart(items: Items, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Who carries the weekly workload in each scenario: hours in-house, at agencies, at
    freelancers, and not done."""
    labels = [safe(label) for label, _ in items]
    unit = _(lang, "h/week")
    data = []
    for kind in (*TYPES, "uncovered"):
        if kind == "uncovered":
            values = [sum(plan.uncovered.values()) for _, plan in items]
            name = t("not_done", lang)
            marker = {"color": COLORS["uncovered"], "pattern": HATCH["uncovered"]}
        else:
            values = [sum(line.hours for line in plan.assignments if line.provider_type == kind)
                      for _, plan in items]
            name = t(kind, lang)
            marker = {"color": COLORS[kind]}
        if not any(value > 0.05 for value in values):  # less than shows as 0.0 h
            continue
        data.append({
            "type": "bar", "y": labels, "x": values, "orientation": "h", "name": name, "marker": marker,
            "text": [fmt_hours(value, lang) if value > 0.05 else "" for value in values],
            "textposition": "inside", "insidetextanchor": "middle", "textangle": 0,
            "textfont": {"size": FONT_SIZE - 2, "color": ink_on(marker["color"])},
            "hovertemplate": f"%{{y}}<br>{name}: %{{text}} {unit}<extra></extra>",
        })
    layout = {
        "title": {"text": _(lang, "Who carries the workload (h/week)")},
        "barmode": "stack", "bargap": 0.35, "xaxis": GRID,
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
    }
    return _compare_figure(data, layout, lang, 290 + 80 * len(items))


BUILDERS = {
    "coverage": coverage_compare_chart,
    "cost": cost_compare_chart,
    "load": load_compare_chart,
    "work": work_compare_chart,
}


def compare_figures(items: Items, catalog: Catalog, lang: str = "en") -> dict[str, go.Figure]:
    """Every comparison figure, by name (coverage, cost, load, work)."""
    return {name: build(items, catalog, lang) for name, build in BUILDERS.items()}


__all__ = ["BUILDERS", "SCENARIO_COLORS", "compare_figures", "cost_compare_chart",
           "coverage_compare_chart", "load_compare_chart", "safe", "work_compare_chart"]
