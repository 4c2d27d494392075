"""Figures and texts of the Trade-offs page: the coverage map over team size x budget, the
cost-coverage frontier, the sourcing strategies side by side and the candidate moves.

Pure functions (model values in, Plotly figures or text out), no Streamlit calls. Every label,
title and hover text goes through the catalog (ui.i18n); numbers go through ui.fmt.
"""

from __future__ import annotations

import plotly.graph_objects as go

from model import CAPABILITIES, Catalog, Move, Plan, Sweep, SweepPoint
from ui.figkit import BACKGROUND, COLORS, GRID, INK, colorbar_below, empty, figure, rgba, vline
from ui.fmt import money as fmt_money
from ui.fmt import msek, pct, points, sek
from ui.i18n import _, n_, t
from ui.palette import LEVEL_SCALE, alternative

# The strategies are plans side by side: greys from dark to light, the current scenario darkest
# (ui/palette.py). The candidate moves too: a move's kind is the shape of its marker, the moves in
# the second grey, the chosen one ringed in the theme's ink.
STRATEGY_ORDER = ("current", "in_house", "hybrid", "outsourced")
STRATEGY_COLORS = {sid: alternative(index) for index, sid in enumerate(STRATEGY_ORDER)}
MOVE_COLOR = alternative(1)
MOVE_SYMBOLS = {"hire": "circle", "budget": "square", "insource": "triangle-up", "outsource": "triangle-down"}
FRONTIER_COLOR = COLORS["frontier"]
OVER_BUDGET_COLOR = COLORS["over"]
MAP_SCALE = LEVEL_SCALE
MAP_HEIGHT = 700
COLORBAR_ROOM = 84  # px: a horizontal colour bar with its title and ticks
PCT_TICKS = (0, 0.25, 0.5, 0.75, 1)


# ---- texts -------------------------------------------------------------------------------------
def people(count: int, lang: str) -> str:
    """'1 person', '3 people' / '1 person', '3 personer'."""
    return n_(lang, "{count} person", "{count} people", count)


def strategy_name(strategy_id: str, lang: str) -> str:
    names = {
        "current": _(lang, "Current scenario"),
        "in_house": _(lang, "Mostly in-house"),
        "hybrid": _(lang, "Hybrid"),
        "outsourced": _(lang, "Mostly outsourced"),
    }
    return names[strategy_id]


def strategy_description(strategy_id: str, lang: str) -> str:
    texts = {
        "current": _(lang, "The team and sourcing in the sidebar."),
        "in_house": _(lang, "As many people as the budget pays for (grown from the current team along the "
                            "hiring ladder); what money is left buys what they cannot do."),
        "hybrid": _(lang, "An in-house core (the current team without its production and ads seats); "
                          "content and ads are bought from agencies and freelancers first."),
        "outsourced": _(lang, "One in-house person who leads the work; everything that can be bought and "
                              "that no guidance keeps in-house is bought outside first."),
    }
    return texts[strategy_id]


def signed_pp(value: float, lang: str) -> str:
    """A change in coverage as signed percentage points: +4.2 pp / +4,2 procentenheter."""
    return points(value, lang, 1, signed=True)


def signed_sek(value: float, lang: str) -> str:
    sign = "+" if value > 0.5 else "-" if value < -0.5 else "±"
    return f"{sign}{sek(abs(value), lang)}"


def move_label(move: Move, catalog: Catalog, lang: str) -> str:
    """What the move does, in a few words."""
    if move.kind == "hire":
        return _(lang, "Hire a {role}", role=_(lang, catalog.name(move.target)))
    if move.kind == "budget" and move.target == "fund":
        return _(lang, "Add {amount} to the budget (pays for all planned purchases)",
                 amount=sek(move.amount, lang))
    if move.kind == "budget":
        return _(lang, "Add {amount} to the budget", amount=sek(move.amount, lang))
    cap = _(lang, catalog.name(move.target))
    if move.kind == "insource":
        return _(lang, "In-house: {cap} (never bought outside)", cap=cap)
    return _(lang, "Outside: {cap} (bought outside first)", cap=cap)


def gain_per_100k(move: Move, lang: str) -> str:
    """Coverage gained per 100,000 SEK, or why there is no such number."""
    if move.tier == 0:
        return _(lang, "free gain")
    if move.tier == 2:
        return "—"
    return signed_pp(move.gain_per_sek * 100_000, lang)


def what_it_buys(move: Move, before: Plan, lang: str) -> str:
    """How the money changes hands: in-house, agency and freelancer cost deltas."""
    parts = []
    for kind, old, new in (("in_house", before.cost.in_house, move.plan.cost.in_house),
                           ("agency", before.cost.agency, move.plan.cost.agency),
                           ("freelancer", before.cost.freelancer, move.plan.cost.freelancer)):
        if abs(new - old) > 0.5:
            parts.append(f"{t(kind, lang)} {signed_sek(new - old, lang)}")
    return ", ".join(parts) or _(lang, "no change in spend")


def verdict(now: SweepPoint, best: SweepPoint, budget: float, lang: str) -> str:
    """The answer to the page's question in one sentence: the best mix at this budget against
    the current scenario (numbers already written for `lang`)."""
    money, who, bought = fmt_money(budget, lang), people(best.team_size, lang), fmt_money(best.external, lang)
    cov, cov_now, team = pct(best.coverage, lang), pct(now.coverage, lang), people(now.team_size, lang)
    if best.over_budget:
        return _(lang, "None of the team sizes on the map fits in **{money}** a year: the in-house team "
                       "alone costs more. Widen the map or raise the budget.", money=money)
    if best.team_size == now.team_size:
        now_bought = fmt_money(now.external, lang)
        return _(lang, "With **{money}** a year, the current **{team}** in-house and **{now_bought}** "
                       "bought outside already give the most coverage of the team sizes on the map.",
                       money=money, team=team, now_bought=now_bought)
    if now.over_budget and best.coverage < now.coverage:
        return _(lang, "Within **{money}** a year, **{who}** in-house and **{bought}** bought outside give "
                       "the most coverage: **{cov}**. The current {team} give {cov_now}, but the in-house "
                       "team alone costs more than the budget.",
                       money=money, who=who, bought=bought, cov=cov, team=team, cov_now=cov_now)
    if abs(best.coverage - now.coverage) <= 5e-5:
        saved = now.total - best.total
        cheaper = (_(lang, "for **{msek}** less a year", msek=fmt_money(saved, lang)) if saved > 0.5 else
                   _(lang, "at the same cost"))
        return _(lang, "With **{money}** a year, **{who}** in-house and **{bought}** bought outside give "
                       "the same coverage as now ({cov}) {cheaper}.",
                       money=money, who=who, bought=bought, cov=cov, cheaper=cheaper)
    return _(lang, "With **{money}** a year, **{who}** in-house and **{bought}** bought outside give the "
                   "most coverage: **{cov}** (now {cov_now} with {team}).",
                   money=money, who=who, bought=bought, cov=cov, cov_now=cov_now, team=team)


# ---- figures ---------------------------------------------------------------------------------
def _no_ranges(title: str, lang: str, height: int) -> go.Figure:
    return empty(title, _(lang, "Nothing to show: the ranges are empty."), lang, height)


def _star(point: SweepPoint, x: float, y: float, lang: str) -> dict:
    return {"type": "scatter", "x": [x], "y": [y], "mode": "markers",  # in ink, like its strategy bars
            "marker": {"symbol": "star", "size": 26, "color": INK, "line": {"color": BACKGROUND, "width": 2}},
            "name": _(lang, "Current scenario"),
            "text": [point_hover(point, lang)], "hovertemplate": "%{text}<extra></extra>"}


def _pct_axis(lang: str, **more) -> dict:
    return {"tickvals": list(PCT_TICKS), "ticktext": [pct(v, lang) for v in PCT_TICKS], **more}


# ---- the map -----------------------------------------------------------------------------------
def _edges(values: list[float]) -> list[float]:
    """Cell edges around sorted centre values (half-way between neighbours)."""
    if len(values) == 1:
        return [values[0] - 0.5, values[0] + 0.5]
    middles = [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)]
    return [values[0] - (middles[0] - values[0])] + middles + [values[-1] + (values[-1] - middles[-1])]


def point_hover(point: SweepPoint, lang: str) -> str:
    lines = [
        f"<b>{people(point.team_size, lang)} · {_(lang, 'budget')} {msek(point.budget, lang)}</b>",
        f"{_(lang, 'Coverage')}: {pct(point.coverage, lang)}",
        f"{_(lang, 'Cost')}: {sek(point.total, lang)}",
        f"{_(lang, 'In-house share of cost')}: "
        f"{pct(point.in_house_share, lang)}",
        f"{_(lang, 'Bought outside')}: {sek(point.external, lang)}",
        f"{_(lang, 'Critical findings')}: {point.critical}",
    ]
    if point.over_budget:
        lines.append(_(lang, "⚠ In-house cost alone exceeds the budget"))
    return "<br>".join(lines)


def coverage_map(grid: Sweep, lang: str = "en", *, current: SweepPoint | None = None,
                 best: SweepPoint | None = None) -> go.Figure:
    """Overall coverage over team size x budget, the line below which the in-house team alone
    costs more than the budget, the current scenario and the best mix at its budget."""
    title = _(lang, "Coverage by team size and budget")
    if grid.empty:
        return _no_ranges(title, lang, 520)
    sizes = list(grid.team_sizes)
    budgets = [b / 1e6 for b in grid.budgets]
    hover = [[point_hover(grid.points[i][j], lang) for i in range(len(sizes))]
             for j in range(len(budgets))]
    x_edges, y_edges = _edges(sizes), _edges(budgets)
    # The in-house cost as a step over each team size's column: below it, in-house alone is
    # more than the budget.
    line_x, line_y = [], []
    for index, cost in enumerate(grid.in_house_cost):
        line_x += [x_edges[index], x_edges[index + 1]]
        line_y += [cost / 1e6, cost / 1e6]
    bottom = min(y_edges[0], min(line_y))
    traces = [
        {"type": "heatmap", "x": sizes, "y": budgets, "z": grid.grid("coverage"), "zmin": 0,
         "zmax": 1, "colorscale": MAP_SCALE, "text": hover, "hovertemplate": "%{text}<extra></extra>",
         "name": _(lang, "Coverage"),
         "colorbar": colorbar_below(_(lang, "Coverage"), **_pct_axis(lang))},
        # the shade, closed along the bottom edge so that it covers whole cells
        {"type": "scatter", "x": line_x + [x_edges[-1], x_edges[0]], "y": line_y + [bottom, bottom],
         "mode": "none", "fill": "toself", "fillcolor": "rgba(255,255,255,0.45)",
         "hoverinfo": "skip", "showlegend": False},
        {"type": "scatter", "x": line_x, "y": line_y, "mode": "lines",
         "line": {"color": OVER_BUDGET_COLOR, "width": 4}, "hoverinfo": "skip",
         "name": _(lang, "In-house cost = budget (below: over budget)")},
    ]
    if best is not None:
        traces.append({
            "type": "scatter", "x": [best.team_size], "y": [best.budget / 1e6], "mode": "markers",
            "marker": {"symbol": "diamond", "size": 20, "color": FRONTIER_COLOR,
                       "line": {"color": "#FFFFFF", "width": 2}},
            "name": _(lang, "Most coverage at this budget"),
            "text": [point_hover(best, lang)], "hovertemplate": "%{text}<extra></extra>"})
    if current is not None:
        traces.append(_star(current, current.team_size, current.budget / 1e6, lang))
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": _(lang, "In-house team (people)")},
                  "range": [x_edges[0], x_edges[-1]], "dtick": 1 if len(sizes) <= 16 else 2,
                  "showgrid": False, "zeroline": False},
        "yaxis": {"title": {"text": _(lang, "Budget (MSEK per year)")},
                  "range": [y_edges[0], y_edges[-1]], "showgrid": False, "zeroline": False},
    }
    # the colour bar along the bottom of the figure, the legend just above it (both below the axis)
    legend = {"y": COLORBAR_ROOM / MAP_HEIGHT}
    return figure(traces, layout | {"legend": legend}, lang, height=MAP_HEIGHT)


# ---- the frontier ------------------------------------------------------------------------------
def frontier_chart(grid: Sweep, front: tuple[SweepPoint, ...], lang: str = "en", *,
                   current: SweepPoint | None = None, budget: float | None = None,
                   goal: tuple[float, float, str] | None = None) -> go.Figure:
    """Total cost against coverage: one curve per team size (as the budget grows), the
    efficient mixes (no point gives more coverage for less), the current scenario and budget."""
    title = _(lang, "Cost against coverage: the efficient mixes")
    if grid.empty:
        return _no_ranges(title, lang, 560)
    traces: list[dict] = []
    if front:  # drawn first, as a wide band under the team curves
        traces.append({
            "type": "scatter", "x": [p.total / 1e6 for p in front], "y": [p.coverage for p in front],
            "mode": "lines+markers",
            "line": {"color": rgba(FRONTIER_COLOR, 0.45), "width": 12, "shape": "hv"},
            "marker": {"size": 9, "color": FRONTIER_COLOR},
            "name": _(lang, "Efficient mixes (frontier)"),
            "text": [point_hover(p, lang) for p in front], "hovertemplate": "%{text}<extra></extra>"})
    count = len(grid.team_sizes)
    for index, size in enumerate(grid.team_sizes):
        seen, xs, ys, texts = set(), [], [], []
        for point in grid.points[index]:
            key = (round(point.total), round(point.coverage, 9))
            if key in seen:  # budgets that buy nothing more draw the same point
                continue
            seen.add(key)
            xs.append(point.total / 1e6)
            ys.append(point.coverage)
            texts.append(point_hover(point, lang))
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines+markers",
                       "name": people(size, lang),
                       "line": {"color": alternative(count - 1 - index, max(count, 5)), "width": 2.5},
                       "marker": {"size": 5}, "text": texts,
                       "hovertemplate": "%{text}<extra></extra>"})
    shapes, notes = [], []
    if budget is not None:
        shape, notes = vline(budget / 1e6, INK, f"{_(lang, 'Budget')} {msek(budget, lang)}")
        shapes.append(shape)
    if current is not None:
        traces.append(_star(current, current.total / 1e6, current.coverage, lang))
    if goal is not None:  # the goal seek's answer: (cost SEK a year, coverage, its words)
        traces.append({"type": "scatter", "x": [goal[0] / 1e6], "y": [goal[1]], "mode": "markers",
                       "marker": {"symbol": "diamond-open", "size": 22, "color": INK,
                                  "line": {"color": INK, "width": 3}},
                       "name": _(lang, "Least cost of the target"), "text": [goal[2]],
                       "hovertemplate": "%{text}<extra></extra>"})
    layout = {
        "title": {"text": title}, "shapes": shapes, "annotations": notes,
        "xaxis": {"title": {"text": _(lang, "Total cost (MSEK per year)")},
                  "rangemode": "tozero", **GRID},
        "yaxis": _pct_axis(lang, title={"text": _(lang, "Coverage")}, range=[0, 1.08],
                           **GRID),
    }
    return figure(traces, layout, lang, height=600 + 26 * ((count + 3) // 3))


# ---- strategies --------------------------------------------------------------------------------
def strategy_coverage_chart(plans: dict[str, Plan], catalog: Catalog, lang: str = "en") -> go.Figure:
    """Coverage of each capability under each strategy (grouped bars), overall in the legend.
    A capability no plan has demand for (influencers at 0) is left out, not shown as 100 %."""
    caps = [cap for cap in CAPABILITIES if any(plan.demand[cap] > 0 for plan in plans.values())]
    labels = [_(lang, catalog.name(cap)) for cap in caps]
    traces = []
    for sid, plan in plans.items():
        values = [plan.coverage[cap] for cap in caps]
        traces.append({
            "type": "bar", "y": labels, "x": values, "orientation": "h",
            "name": f"{strategy_name(sid, lang)} ({pct(plan.overall_coverage, lang)})",
            "marker": {"color": STRATEGY_COLORS[sid]},
            "customdata": [[pct(v, lang)] for v in values],
            "hovertemplate": f"%{{y}}<br>{strategy_name(sid, lang)}: %{{customdata[0]}}<extra></extra>"})
    layout = {
        "title": {"text": _(lang, "Coverage per capability")},
        "barmode": "group", "bargap": 0.25, "bargroupgap": 0.05,
        "xaxis": _pct_axis(lang, range=[0, 1.02], **GRID),
        "yaxis": {"autorange": "reversed"},
    }
    return figure(traces, layout, lang, height=880)


def strategy_cost_chart(plans: dict[str, Plan], lang: str = "en") -> go.Figure:
    """Cost per year of each strategy, split in-house / agency / freelancer, against the budget."""
    names = [strategy_name(sid, lang) for sid in plans]
    traces = []
    for kind in ("in_house", "agency", "freelancer"):
        values = [getattr(plan.cost, kind) for plan in plans.values()]
        traces.append({
            "type": "bar", "y": names, "x": [v / 1e6 for v in values], "name": t(kind, lang),
            "orientation": "h", "marker": {"color": COLORS[kind]},
            "customdata": [[sek(v, lang)] for v in values],
            "hovertemplate": f"%{{y}}<br>{t(kind, lang)}: %{{customdata[0]}}<extra></extra>"})
    shapes, notes = [], []
    budgets = {plan.cost.budget for plan in plans.values()}
    if len(budgets) == 1:
        budget = budgets.pop()
        shape, notes = vline(budget / 1e6, INK, f"{_(lang, 'Budget')} {msek(budget, lang)}")
        shapes.append(shape)
    layout = {
        "title": {"text": _(lang, "Cost per year")}, "barmode": "stack",
        "bargap": 0.35, "shapes": shapes, "annotations": notes,
        "xaxis": {"title": {"text": _(lang, "MSEK per year")}, "rangemode": "tozero",
                  **GRID},
        "yaxis": {"autorange": "reversed"},
    }
    return figure(traces, layout, lang, height=500)


# ---- moves -------------------------------------------------------------------------------------
def moves_chart(moves: tuple[Move, ...], catalog: Catalog, lang: str = "en",
                highlight: int | None = 0) -> go.Figure:
    """Each candidate move as a point: extra cost per year against coverage gained. Up and to
    the left is better; the ranked best (or the chosen) move is ringed."""
    title = _(lang, "Every candidate move")
    if not moves:
        return empty(title, _(lang, "No moves to try."), lang, 420)
    kinds = {
        "hire": _(lang, "Hire"), "budget": _(lang, "More budget"),
        "insource": _(lang, "Move in-house"),
        "outsource": _(lang, "Buy outside"),
    }
    critical = _(lang, "⚠ adds a critical finding")
    traces = []
    for kind, name in kinds.items():
        chosen = [m for m in moves if m.kind == kind]
        if not chosen:
            continue
        traces.append({
            "type": "scatter", "x": [m.cost_delta / 1e6 for m in chosen],
            "y": [m.coverage_gain * 100 for m in chosen], "mode": "markers", "name": name,
            "marker": {"size": 14, "color": MOVE_COLOR, "line": {"color": MOVE_COLOR, "width": 1},
                       "symbol": [MOVE_SYMBOLS[kind] + ("-open" if m.adds_critical else "") for m in chosen]},
            "text": [f"<b>{move_label(m, catalog, lang)}</b><br>"
                     f"{_(lang, 'Coverage')}: {signed_pp(m.coverage_gain, lang)}<br>"
                     f"{_(lang, 'Cost')}: {signed_sek(m.cost_delta, lang)}"
                     + (f"<br>{critical}" if m.adds_critical else "") for m in chosen],
            "hovertemplate": "%{text}<extra></extra>"})
    if highlight is not None and 0 <= highlight < len(moves):
        move = moves[highlight]
        traces.append({"type": "scatter", "x": [move.cost_delta / 1e6], "y": [move.coverage_gain * 100],
                       "mode": "markers", "hoverinfo": "skip",
                       "marker": {"size": 30, "color": "rgba(0,0,0,0)",
                                  "line": {"color": INK, "width": 3}},
                       "name": _(lang, "Chosen move")})
    axis_line = {"color": INK, "width": 1}
    unit = _(lang, "pp")
    layout = {
        "title": {"text": title},
        "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": 0, "y1": 0,
                    "line": axis_line},
                   {"type": "line", "xref": "x", "x0": 0, "x1": 0, "yref": "paper", "y0": 0, "y1": 1,
                    "line": axis_line}],
        "xaxis": {"title": {"text": _(lang, "Change in cost (MSEK per year)")},
                  **GRID},
        "yaxis": {"title": {"text": _(lang, "Coverage gained ({unit})", unit=unit)},
                  **GRID},
    }
    return figure(traces, layout, lang, height=520)
