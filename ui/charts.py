"""Chart builders: a Plan in, a Plotly Figure out. Pure functions, no Streamlit calls, so the
pages, the HTML report and the tests can all use them.

    from ui.charts import load_chart, coverage_chart, cost_chart, flow_chart, style, COLORS
    fig = coverage_chart(plan, catalog, "sv")

Every figure is built by ui.figkit with the shared look (large fonts for a projector, transparent
background so it works on a light and a dark theme, number separators of the language); the
colours, CONFIG and `style` are re-exported from there for the pages that import them here.
"""

from __future__ import annotations

import plotly.graph_objects as go

from model import CAPABILITIES, MARKETING_LEAD_SEAT, VOLUNTEER_SEAT, Catalog, Plan
from ui.figkit import (
    BACKGROUND,
    COLORS,
    CONFIG,
    FONT_SIZE,
    GRID,
    HATCH,
    INK,
    TYPES,
    colorbar_below,
    empty,
    figure,
    rgba,
    separators,
    style,
    vline,
)
from ui.findings import seat_label
from ui.fmt import NBSP, msek, pct, sek
from ui.fmt import fit as fmt_fit
from ui.fmt import hours as fmt_hours
from ui.i18n import _, t
from ui.palette import CAPABILITY_COLORS, FIT_SCALE, FIT_TEXT, ink_on


def pct_ticks(lang: str, top: float = 1.0) -> dict:
    """Axis keys for a share axis from 0 to `top`, its ticks written by ui.fmt.pct ('50 %' in
    Swedish; Plotly's own tickformat '.0%' writes '50%' in every language)."""
    step = 0.25 if top <= 1.5 else 0.5
    values = [round(index * step, 6) for index in range(int(top / step + 1e-9) + 1)]
    return {"tickvals": values, "ticktext": [pct(value, lang) for value in values]}


def person_label(seat: str, role: str, catalog: Catalog, lang: str) -> str:
    """'Seat 1 · Social Media Manager'; the head of marketing and the unpaid hours by their seat
    label alone."""
    if seat in (MARKETING_LEAD_SEAT, VOLUNTEER_SEAT):
        return seat_label(seat, lang)
    return f"{seat_label(seat, lang)} · {_(lang, catalog.name(role))}"


def provider_label(provider_type: str, provider: str, seat: str | None, catalog: Catalog, lang: str) -> str:
    """The display name of whoever carries an assignment line."""
    if provider_type == "in_house" and seat:
        return person_label(seat, provider, catalog, lang)
    return _(lang, catalog.name(provider))


def _two_lines(label: str) -> str:
    """'Seat 1 · Social Media Manager' -> 'Seat 1<br>Social Media Manager' (narrower ticks)."""
    if " · " in label:
        return label.replace(" · ", "<br>", 1)
    return label.replace(" (", "<br>(", 1)


# ---- load per person --------------------------------------------------------------------------
def load_chart(plan: Plan, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Hours per week of each person, split by capability, with supplier coordination as its own
    segment, capacity as a tick and anything over capacity shaded red with the utilisation."""
    people = list(plan.people)
    title = t("chart_load", lang)
    if not people:
        return empty(title, t("no_people", lang), lang, 260)
    labels = [_two_lines(person_label(p.seat, p.role, catalog, lang)) for p in people]
    seat_hours: dict[tuple[str, str], float] = {}
    for line in plan.assignments:
        if line.provider_type == "in_house" and line.seat:
            key = (line.seat, line.capability)
            seat_hours[key] = seat_hours.get(key, 0.0) + line.hours
    unit = _(lang, "h/week")
    data: list[dict] = []
    for cap in CAPABILITIES:
        values = [seat_hours.get((p.seat, cap), 0.0) for p in people]
        if not any(value > 1e-9 for value in values):
            continue
        name = _(lang, catalog.name(cap))
        data.append({
            "type": "bar", "y": labels, "x": values, "orientation": "h", "name": name,
            "marker": {"color": CAPABILITY_COLORS[cap], "line": {"color": BACKGROUND, "width": 1}},
            "customdata": [fmt_hours(v, lang) for v in values],
            "hovertemplate": f"%{{y}}<br>{name}: %{{customdata}} {unit}<extra></extra>",
        })
    coordination = [p.coordination_hours for p in people]
    if any(value > 1e-9 for value in coordination):
        name = t("coordination", lang)
        data.append({
            "type": "bar", "y": labels, "x": coordination, "orientation": "h", "name": name,
            "marker": {"color": COLORS["coordination"], "pattern": HATCH["coordination"]},
            "customdata": [fmt_hours(v, lang) for v in coordination],
            "hovertemplate": f"%{{y}}<br>{name}: %{{customdata}} {unit}<extra></extra>",
        })
    data.append({
        "type": "scatter", "y": labels, "x": [p.capacity for p in people], "mode": "markers",
        "name": t("capacity", lang),
        "marker": {"symbol": "line-ns", "size": 34, "line": {"width": 5, "color": INK}},
        "customdata": [fmt_hours(p.capacity, lang) for p in people],
        "hovertemplate": f"%{{y}}<br>{t('capacity', lang)}: %{{customdata}} {unit}<extra></extra>",
    })
    over = [index for index, p in enumerate(people) if p.hours > p.capacity + 1e-9]
    shapes = [
        {"type": "rect", "xref": "x", "yref": "y", "x0": people[i].capacity, "x1": people[i].hours,
         "y0": i - 0.45, "y1": i + 0.45, "line": {"color": COLORS["over"], "width": 3},
         "fillcolor": rgba(COLORS["over"], 0.30), "layer": "above"}
        for i in over
    ]
    normal = [i for i in range(len(people)) if i not in over]
    for indices, beyond in ((normal, False), (over, True)):
        if not indices:
            continue
        texts = [pct(people[i].utilisation, lang) for i in indices]
        if beyond:  # in bold ink beside the red shading (red text is below 4.5:1 on a dark theme)
            texts = [f"<b>{text} · {t('over_capacity', lang).lower()}</b>" for text in texts]
        data.append({
            "type": "scatter", "y": [labels[i] for i in indices],
            "x": [max(people[i].hours, people[i].capacity) for i in indices], "mode": "text",
            "text": [f"  {text}" for text in texts], "textposition": "middle right",
            "textfont": {"size": FONT_SIZE - 1, "color": INK},
            "showlegend": False, "hoverinfo": "skip",
        })
    longest = max(max(p.hours, p.capacity) for p in people)
    layout = {
        "title": {"text": title}, "barmode": "stack", "bargap": 0.3, "shapes": shapes,
        "xaxis": {"range": [0, max(longest * 1.35, 5)]} | GRID,
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
    }
    # room for the legend too when a phone stacks it one entry a row under the bars
    entries = sum(1 for trace in data if trace.get("showlegend", True))
    height = max(260 + 70 * len(people), 200 + 70 * len(people) + 24 * entries)
    return figure(data, layout, lang, height=height)


# ---- coverage per capability ------------------------------------------------------------------
def coverage_parts(plan: Plan) -> dict[str, dict[str, float]]:
    """capability -> in_house/agency/freelancer/quality_gap/uncovered as shares of its demand.

    The provider types give quality-weighted coverage (hours x fit); `quality_gap` is the hours
    done at less than a perfect fit; `uncovered` the hours nobody does. The five add up to 1
    for a capability with demand (and are all 0 without demand)."""
    by_type = plan.coverage_by_type()
    hours = plan.hours_by_type()
    out: dict[str, dict[str, float]] = {}
    for cap in CAPABILITIES:
        demand = plan.demand.get(cap, 0.0)
        if demand <= 1e-9:
            out[cap] = dict.fromkeys((*TYPES, "quality_gap", "uncovered"), 0.0)
            continue
        parts = {kind: by_type[cap][kind] for kind in TYPES}
        assigned = sum(hours[cap].values()) / demand
        parts["quality_gap"] = max(0.0, assigned - sum(parts.values()))
        parts["uncovered"] = max(0.0, plan.uncovered.get(cap, 0.0) / demand)
        out[cap] = parts
    return out


def coverage_chart(plan: Plan, catalog: Catalog, lang: str = "en") -> go.Figure:
    """Coverage of each capability split by in-house, agency and freelancer, with the part done
    at a lower fit and the part not done at all shown beside it."""
    parts = coverage_parts(plan)
    labels = [_(lang, catalog.name(cap)) for cap in CAPABILITIES]
    unit = _(lang, "h/week")
    data: list[dict] = []
    for kind in (*TYPES, "quality_gap", "uncovered"):
        values = [parts[cap][kind] for cap in CAPABILITIES]
        name = t("not_done" if kind == "uncovered" else kind, lang)
        marker: dict = {"color": COLORS[kind]} | ({"pattern": HATCH[kind]} if kind in HATCH else {})
        data.append({
            "type": "bar", "y": labels, "x": values, "orientation": "h", "name": name, "marker": marker,
            "customdata": [[pct(v, lang), fmt_hours(v * plan.demand.get(cap, 0.0), lang)]
                           for v, cap in zip(values, CAPABILITIES, strict=True)],
            "hovertemplate": (f"%{{y}}<br>{name}: %{{customdata[0]}} (%{{customdata[1]}} {unit})"
                              "<extra></extra>"),
        })
    annotations = []
    for label, cap in zip(labels, CAPABILITIES, strict=True):
        if plan.demand.get(cap, 0.0) > 1e-9:
            annotations.append({"x": 1.01, "y": label, "xref": "x", "yref": "y", "showarrow": False,
                                "text": pct(plan.coverage.get(cap, 0.0), lang), "xanchor": "left",
                                "font": {"size": FONT_SIZE - 1, "color": INK}})
        else:
            annotations.append({"x": 0.01, "y": label, "xref": "x", "yref": "y", "showarrow": False,
                                "text": f"<i>{t('no_demand', lang)}</i>", "xanchor": "left",
                                "font": {"size": FONT_SIZE - 2, "color": INK}})
    layout = {
        "title": {"text": t("chart_coverage", lang)}, "barmode": "stack", "bargap": 0.3,
        "annotations": annotations,
        "xaxis": {"range": [0, 1.2], **pct_ticks(lang)} | GRID,
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
    }
    return figure(data, layout, lang, height=620)


# ---- cost against budget ----------------------------------------------------------------------
def cost_chart(plan: Plan, catalog: Catalog, lang: str = "en") -> go.Figure:
    """The plan's cost per year by in-house, agency and freelancer, the part of the budget left,
    and the budget as a line (anything beyond it shaded red)."""
    cost = plan.cost
    providers: dict[str, dict[str, float]] = {kind: {} for kind in TYPES}
    for line in plan.assignments:
        if line.provider_type != "in_house":
            name = _(lang, catalog.name(line.provider))
            providers[line.provider_type][name] = providers[line.provider_type].get(name, 0.0) + line.cost_sek
    for person in plan.people:  # the team's seats, and the organisation model's paid spokes
        if person.in_team or person.cost_sek > 0.5:
            name = person_label(person.seat, person.role, catalog, lang)
            providers["in_house"][name] = person.cost_sek
    row = [t("plan_cost", lang)]
    amounts = {"in_house": cost.in_house, "agency": cost.agency, "freelancer": cost.freelancer}
    data: list[dict] = []
    for kind in TYPES:
        amount = amounts[kind]
        if amount <= 0.5:
            continue
        detail = "<br>".join(f"{name}: {sek(value, lang)}" for name, value in providers[kind].items())
        data.append({
            "type": "bar", "y": row, "x": [amount / 1e6], "orientation": "h", "name": t(kind, lang),
            "marker": {"color": COLORS[kind]}, "text": [msek(amount, lang)], "textposition": "inside",
            "insidetextanchor": "middle", "textangle": 0,
            "textfont": {"size": FONT_SIZE, "color": ink_on(COLORS[kind])},
            "hovertemplate": f"<b>{t(kind, lang)}: {sek(amount, lang)}</b><br>{detail}<extra></extra>",
        })
    if cost.remaining > 0.5:
        data.append({
            "type": "bar", "y": row, "x": [cost.remaining / 1e6], "orientation": "h",
            "name": t("remaining", lang),  # an empty box drawn in the ink of the budget line
            "marker": {"color": "rgba(0,0,0,0)", "line": {"color": INK, "width": 2}},
            "text": [msek(cost.remaining, lang)], "textposition": "inside", "insidetextanchor": "middle",
            "textangle": 0, "textfont": {"size": FONT_SIZE, "color": INK},
            "hovertemplate": f"{t('remaining', lang)}: {sek(cost.remaining, lang)}<extra></extra>",
        })
    top = max(cost.total, cost.budget, 100_000.0) / 1e6  # never a micro-SEK axis (budget 0)
    budget = cost.budget / 1e6
    over = cost.total > cost.budget + 0.5
    label = f"{t('budget', lang)} {msek(cost.budget, lang)}"
    shapes = [vline(budget, COLORS["over"] if over else INK, width=4)[0]]
    if over:  # the overrun
        label += f" · {t('over_budget', lang).lower()} {msek(cost.total - cost.budget, lang)}"
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": budget, "x1": cost.total / 1e6,
                       "y0": 0, "y1": 1, "line": {"width": 0},
                       "fillcolor": rgba(COLORS["over"], 0.25), "layer": "below"})
    layout = {
        "title": {"text": t("chart_cost", lang)}, "barmode": "stack", "bargap": 0.25, "shapes": shapes,
        "annotations": [{"x": budget, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                         "xanchor": "right" if budget > top * 0.5 else "left", "text": label,
                         "showarrow": False, "font": {"size": FONT_SIZE - 1, "color": INK}}],
        "xaxis": {"range": [0, top * 1.05], "ticksuffix": NBSP + _(lang, "MSEK")} | GRID,
        "yaxis": {"showticklabels": False},
    }
    return figure(data, layout, lang, height=300)


# ---- capability -> provider flow ----------------------------------------------------------------
def flow_chart(plan: Plan, catalog: Catalog, lang: str = "en") -> go.Figure:
    """A Sankey diagram: hours per week flowing from each capability to whoever carries it,
    with the hours nobody does flowing to 'Not done'."""
    title = t("chart_flow", lang)
    caps = [cap for cap in CAPABILITIES if plan.demand.get(cap, 0.0) > 1e-9]
    if not caps:
        return empty(title, t("no_work", lang), lang, 300)
    unit = _(lang, "h/week")
    nodes: list[str] = [f"{_(lang, catalog.name(cap))} ({fmt_hours(plan.demand[cap], lang)})" for cap in caps]
    colors: list[str] = [CAPABILITY_COLORS[cap] for cap in caps]
    index: dict[tuple[str, str], int] = {}
    flows: dict[tuple[int, int], float] = {}
    kinds: dict[tuple[int, int], str] = {}

    def node(key: tuple[str, str], label: str, kind: str) -> int:
        if key not in index:
            index[key] = len(nodes)
            nodes.append(label)
            colors.append(COLORS[kind])
        return index[key]

    for line in plan.assignments:
        if line.hours <= 1e-9 or line.capability not in caps:
            continue
        key = ("seat", line.seat or line.provider) if line.provider_type == "in_house" \
            else ("provider", line.provider)
        target = node(key, provider_label(line.provider_type, line.provider, line.seat, catalog, lang),
                      line.provider_type)
        link = (caps.index(line.capability), target)
        flows[link] = flows.get(link, 0.0) + line.hours
        kinds[link] = line.provider_type
    for cap in caps:
        left = plan.uncovered.get(cap, 0.0)
        if left > 1e-6:
            target = node(("uncovered", ""), t("not_done", lang), "uncovered")
            link = (caps.index(cap), target)
            flows[link] = flows.get(link, 0.0) + left
            kinds[link] = "uncovered"
    links = list(flows)
    data = [{
        "type": "sankey", "arrangement": "snap", "valueformat": ".1f", "valuesuffix": f" {unit}",
        "node": {"label": nodes, "color": colors, "pad": 14, "thickness": 22, "line": {"width": 0},
                 "hovertemplate": "%{label}<br>%{value}<extra></extra>"},
        "link": {"source": [s for s, _ in links], "target": [d for _, d in links],
                 "value": [flows[link] for link in links],
                 "color": [rgba(COLORS[kinds[link]], 0.35) for link in links],
                 "hovertemplate": "%{source.label} → %{target.label}<br>%{value}<extra></extra>"},
        "textfont": {"size": FONT_SIZE - 2, "color": INK, "shadow": "none"},
    }]
    height = max(420, 46 * max(len(caps), len(nodes) - len(caps)) + 140)
    return figure(data, {"title": {"text": title}}, lang, height=height, axes=False)


# ---- who fits what (the knowledge base) ---------------------------------------------------
def fit_matrix_chart(catalog: Catalog, lang: str = "en") -> go.Figure:
    """Heat map of fit (0..1) of every in-house role and outside provider for each capability."""
    rows = [(role_id, _(lang, catalog.name(role_id))) for role_id in catalog.roles]
    rows += [(provider_id, f"{_(lang, catalog.name(provider_id))} ({t(provider.type, lang).lower()})")
             for provider_id, provider in catalog.providers.items()]
    columns = [_(lang, catalog.name(cap)) for cap in CAPABILITIES]

    def fit_of(item_id: str, cap: str) -> float:
        table = catalog.roles if item_id in catalog.roles else catalog.providers
        return table[item_id].fit.get(cap, 0.0)

    values = [[fit_of(item_id, cap) for cap in CAPABILITIES] for item_id, _ in rows]
    text = [[fmt_fit(value, lang) if value > 0 else "" for value in row] for row in values]
    data = [{  # no fit is an empty cell; every filled cell is light enough for black text
        "type": "heatmap", "z": [[value if value > 0 else None for value in row] for row in values],
        "x": columns, "y": [label for _, label in rows], "text": text,
        "texttemplate": "%{text}", "textfont": {"size": FONT_SIZE - 4, "color": FIT_TEXT},
        "zmin": 0, "zmax": 1,
        "xgap": 2, "ygap": 2, "colorscale": FIT_SCALE, "hoverongaps": False,
        "colorbar": colorbar_below(t("fit", lang)),
        "hovertemplate": "%{y} · %{x}<br>" + t("fit", lang) + ": %{text}<extra></extra>",
    }]
    layout = {"title": {"text": t("chart_fit", lang)}, "margin": {"b": 90},
              "xaxis": {"side": "top", "tickangle": -30}, "yaxis": {"autorange": "reversed"}}
    return figure(data, layout, lang, height=160 + 34 * len(rows))


__all__ = ["CAPABILITY_COLORS", "COLORS", "CONFIG", "FONT_SIZE", "separators", "TYPES", "colorbar_below",
           "coverage_chart",
           "coverage_parts", "cost_chart", "fit_matrix_chart", "flow_chart", "load_chart", "person_label",
           "provider_label", "style"]
