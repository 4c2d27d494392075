"""The hiring roadmap in figures, tables and words (model/roadmap.py), for the Roadmap page and the
HTML report. Pure: no Streamlit calls.

    figs = roadmap_figures(road, catalog, "sv", date.today())   # {"gantt", "cost", "coverage"}

Quarters are indices in the model; here they are named from the quarter after `today`: a roadmap
made on 2026-05-10 starts in "Q3 2026". Colours keep their meanings (ui/palette.py): in-house blue for
seats on board (paler while recruited), orange and green for what agencies and freelancers bridge,
hatched vermillion for work not done.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from model import CAPABILITIES, Catalog
from model import roadmap as roadmap_model
from ui.charts import pct_ticks, person_label
from ui.figkit import COLORS, FONT_SIZE, GRID, HATCH, INK, figure, rgba, vline
from ui.fmt import NBSP, names_list, pct, sek
from ui.fmt import hours as fmt_hours
from ui.i18n import _, n_, t
from ui.palette import ALTERNATIVES

Roadmap = roadmap_model.Roadmap
QUALITY_COLOR = ALTERNATIVES[1]  # quality beside coverage: a grey, dashed (no provider hue)
GAP_HOURS = 0.05  # h/week: less work not done than this is not drawn


# ---- quarters as dates ------------------------------------------------------------------------------
def first_quarter(today: date) -> tuple[int, int]:
    """(year, quarter 1..4) of the quarter after the one `today` falls in: quarter index 0."""
    current = (today.month - 1) // 3 + 1
    return (today.year + 1, 1) if current == 4 else (today.year, current + 1)


def quarter_label(index: int, today: date, lang: str) -> str:
    """Quarter index 0, 1, ... as 'Q3 2026', 'Q4 2026', ... from the quarter after `today`."""
    year, quarter = first_quarter(today)
    position = quarter - 1 + index
    return _(lang, "Q{quarter} {year}", quarter=position % 4 + 1, year=str(year + position // 4))


def quarter_labels(count: int, today: date, lang: str) -> list[str]:
    return [quarter_label(index, today, lang) for index in range(count)]


def start_text(hire, today: date, lang: str) -> str:
    """When a seat starts, or that it is not worth hiring within the horizon."""
    if hire.start is None:
        return _(lang, "Not hired within the horizon")
    return quarter_label(hire.start, today, lang)


# ---- the timeline ---------------------------------------------------------------------------------
def _runs(quarters: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 5] -> [(1, 4), (5, 6)]: consecutive quarters as (first, end) ranges."""
    runs: list[tuple[int, int]] = []
    for quarter in sorted(quarters):
        if runs and runs[-1][1] == quarter:
            runs[-1] = (runs[-1][0], quarter + 1)
        else:
            runs.append((quarter, quarter + 1))
    return runs


def _span(first: int, end: int, labels: list[str], lang: str) -> str:
    return labels[first] if end - first == 1 else _(lang, "{first} to {last}", first=labels[first],
                                                      last=labels[end - 1])


def _bar(name: str, color: str, bars: list[tuple[str, int, int, str]], legend: bool = True, **marker) -> dict:
    """One trace of horizontal bars: (row, first quarter, end quarter, hover text) each."""
    return {
        "type": "bar", "orientation": "h", "name": name, "showlegend": legend,
        "y": [row for row, _, _, _ in bars], "base": [first for _, first, _, _ in bars],
        "x": [end - first for _, first, end, _ in bars],
        "marker": {"color": color, "line": {"color": marker.pop("line", color), "width": 2}, **marker},
        "hovertext": [text for _, _, _, text in bars], "hovertemplate": "%{hovertext}<extra></extra>",
    }


def gantt_chart(road: Roadmap, catalog: Catalog, lang: str, today: date) -> go.Figure:
    """Seats on board from their start to the horizon's end, the quarters each seat is recruited
    (paler), and per capability the quarters agencies and freelancers bridge a seat not yet on board
    (or the work left undone meanwhile)."""
    horizon = road.horizon
    labels = quarter_labels(horizon, today, lang)
    hires = {hire.seat: hire for hire in road.hires}
    rows: list[str] = []
    on_board, recruiting = [], []
    notes = []
    for seat, role in road.team:
        row = person_label(seat, role, catalog, lang)
        rows.append(row)
        hire = hires.get(seat)
        start = 0 if hire is None else hire.start
        if start is None:
            notes.append({"x": 0.05, "y": row, "xref": "x", "yref": "y", "xanchor": "left",
                          "showarrow": False, "text": f"<i>{_(lang, 'Not hired within the horizon')}</i>",
                          "font": {"size": FONT_SIZE - 2, "color": INK}})
            continue
        text = (_(lang, "{seat}: on board from the start", seat=row) if hire is None
                else _(lang, "{seat}: starts {quarter}", seat=row, quarter=labels[start]))
        on_board.append((row, start, horizon, text))
        if hire is not None and hire.start > hire.recruiting_from:
            recruiting.append((row, hire.recruiting_from, hire.start, _(
                lang, "{seat}: recruited {span} ({months} months to hire and notice)", seat=row,
                span=_span(hire.recruiting_from, hire.start, labels, lang),
                months=_number(hire.lead_months, lang))))
    bridged: dict[str, dict[int, list]] = {}  # capability -> quarter -> its bridges
    gaps: dict[str, dict[int, float]] = {}
    for quarter in road.quarters:
        for bridge in quarter.bridges:
            bridged.setdefault(bridge.capability, {}).setdefault(quarter.index, []).append(bridge)
        for cap, left in quarter.gaps.items():
            if left > GAP_HOURS:
                gaps.setdefault(cap, {})[quarter.index] = left
    unit = _(lang, "h/week")
    by_kind: dict[str, list] = {"agency": [], "freelancer": [], "uncovered": []}
    for cap in [cap for cap in CAPABILITIES if cap in bridged or cap in gaps]:
        row = _(lang, "Bridge: {capability}", capability=_(lang, catalog.name(cap)))
        rows.append(row)
        per_quarter = bridged.get(cap, {})
        for kind in ("agency", "freelancer"):
            quarters = [q for q, items in per_quarter.items()
                        if _main_kind(items) == kind]
            for first, end in _runs(quarters):
                lines = []
                for q in range(first, end):
                    for bridge in per_quarter[q]:
                        lines.append(f"{labels[q]}: {_(lang, catalog.name(bridge.provider))} "
                                     f"{fmt_hours(bridge.hours, lang)} {unit}, {sek(bridge.cost_sek, lang)}")
                head = _(lang, "{capability} bridged {span}", capability=_(lang, catalog.name(cap)),
                         span=_span(first, end, labels, lang))
                by_kind[kind].append((row, first, end, "<br>".join([f"<b>{head}</b>", *lines])))
        undone = [q for q in gaps.get(cap, {}) if q not in per_quarter]
        for first, end in _runs(undone):
            lines = [f"{labels[q]}: {fmt_hours(gaps[cap][q], lang)} {unit}" for q in range(first, end)]
            head = _(lang, "{capability} not done meanwhile", capability=_(lang, catalog.name(cap)))
            by_kind["uncovered"].append((row, first, end, "<br>".join([f"<b>{head}</b>", *lines])))
    data = []
    if on_board:
        data.append(_bar(_(lang, "On board"), COLORS["in_house"], on_board))
    if recruiting:
        data.append(_bar(_(lang, "Recruiting"), rgba(COLORS["in_house"], 0.3), recruiting,
                         line=COLORS["in_house"]))
    names = {"agency": _(lang, "Bridged by an agency"), "freelancer": _(lang, "Bridged by a freelancer"),
             "uncovered": t("not_done", lang)}
    for kind, bars in by_kind.items():
        if bars:
            extra = {"pattern": HATCH[kind]} if kind in HATCH else {}
            data.append(_bar(names[kind], COLORS[kind], bars, **extra))
    layout = {
        "title": {"text": _(lang, "Timeline: seats, recruitment and bridges")},
        "barmode": "overlay", "bargap": 0.35, "annotations": notes,
        "xaxis": {"range": [0, horizon], "tickvals": [q + 0.5 for q in range(horizon)], "ticktext": labels,
                  "showgrid": False, "zeroline": False,
                  "minor": {"tickvals": list(range(horizon + 1)), "showgrid": True,
                            "gridcolor": GRID["gridcolor"], "ticks": ""}},
        "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": rows,
                  "type": "category"},
    }
    if not rows:
        layout["annotations"] = [{"text": t("no_people", lang), "showarrow": False, "x": 0.5, "y": 0.5,
                                  "xref": "paper", "yref": "paper",
                                  "font": {"size": FONT_SIZE, "color": INK}}]
    height = 230 + 52 * max(len(rows), 1) + 26 * len(data)
    return figure(data, layout, lang, height=height)


def _main_kind(bridges) -> str:
    hours = {"agency": 0.0, "freelancer": 0.0}
    for bridge in bridges:
        hours[bridge.provider_type] = hours.get(bridge.provider_type, 0.0) + bridge.hours
    return max(("agency", "freelancer"), key=lambda kind: hours[kind])


def _number(value: float, lang: str) -> str:
    from ui.fmt import decimal

    return decimal(value, lang, 1)


# ---- cost per quarter -------------------------------------------------------------------------------
def cost_chart(road: Roadmap, lang: str, today: date) -> go.Figure:
    """Cost per quarter stacked by in-house, agency and freelancer, against the quarter's budget."""
    labels = quarter_labels(road.horizon, today, lang)
    data = []
    for kind in ("in_house", "agency", "freelancer"):
        values = [getattr(quarter, kind) for quarter in road.quarters]
        if not any(value > 0.5 for value in values):
            continue
        data.append({
            "type": "bar", "x": labels, "y": [value / 1e6 for value in values], "name": t(kind, lang),
            "marker": {"color": COLORS[kind]}, "customdata": [sek(value, lang) for value in values],
            "hovertemplate": f"{t(kind, lang)}: %{{customdata}}<extra></extra>",
        })
    data.append({  # the quarter's total, in the hover only
        "type": "scatter", "x": labels, "y": [quarter.total / 1e6 for quarter in road.quarters],
        "mode": "markers", "marker": {"size": 1, "color": "rgba(0,0,0,0)"}, "showlegend": False,
        "customdata": [sek(quarter.total, lang) for quarter in road.quarters],
        "hovertemplate": f"<b>{_(lang, 'Total')}: %{{customdata}}</b><extra></extra>",
    })
    budget = [quarter.budget / 1e6 for quarter in road.quarters]
    data.append({
        "type": "scatter", "x": labels, "y": budget, "mode": "lines", "name": _(lang, "Budget per quarter"),
        "line": {"color": INK, "width": 3, "dash": "dash", "shape": "hvh"},
        "customdata": [sek(quarter.budget, lang) for quarter in road.quarters],
        "hovertemplate": f"{_(lang, 'Budget per quarter')}: %{{customdata}}<extra></extra>",
    })
    top = max([quarter.total for quarter in road.quarters] + [quarter.budget for quarter in road.quarters]
              + [100_000.0]) / 1e6
    over = [quarter.index for quarter in road.quarters if quarter.total > quarter.budget + 0.5]
    if over:  # quarters over budget, marked in the colour of anything over a limit
        data.append({
            "type": "scatter", "x": [labels[q] for q in over],
            "y": [road.quarters[q].total / 1e6 for q in over], "mode": "markers",
            "name": t("over_budget", lang), "hoverinfo": "skip",
            "marker": {"symbol": "triangle-down", "size": 16, "color": COLORS["over"]},
        })
    layout = {
        "title": {"text": _(lang, "Cost per quarter (SEK)")}, "barmode": "stack", "bargap": 0.3,
        "hovermode": "x unified",
        "xaxis": {"type": "category"},
        "yaxis": {"range": [0, top * 1.15], "ticksuffix": NBSP + _(lang, "MSEK"),
                  "tickformat": ".2~f"} | GRID,
    }
    return figure(data, layout, lang, height=440)


# ---- coverage and quality per quarter ------------------------------------------------------------------
def coverage_chart(road: Roadmap, catalog: Catalog, lang: str, today: date) -> go.Figure:
    """Coverage and quality per quarter, with a dashed line where seats start."""
    labels = quarter_labels(road.horizon, today, lang)
    positions = list(range(road.horizon))
    data = []
    for name, key, color, dash in ((_(lang, "Coverage"), "coverage", INK, "solid"),
                                   (_(lang, "Quality"), "quality", QUALITY_COLOR, "dash")):
        values = [getattr(quarter, key) for quarter in road.quarters]
        data.append({
            "type": "scatter", "x": positions, "y": values, "mode": "lines+markers", "name": name,
            "line": {"color": color, "width": 4, "dash": dash}, "marker": {"size": 10, "color": color},
            "customdata": [[labels[q], pct(value, lang)] for q, value in enumerate(values)],
            "hovertemplate": f"%{{customdata[0]}}<br>{name}: %{{customdata[1]}}<extra></extra>",
        })
    shapes, notes = [], []
    starts: dict[int, list[str]] = {}
    for hire in road.hired:
        starts.setdefault(hire.start, []).append(person_label(hire.seat, hire.role, catalog, lang))
    for start, seats in sorted(starts.items()):
        shape, note = vline(start - 0.5, COLORS["in_house"],
                            n_(lang, "{count} seat starts", "{count} seats start", len(seats)), width=2)
        shapes.append(shape)
        notes += note
    layout = {
        "title": {"text": _(lang, "Coverage and quality per quarter")}, "shapes": shapes,
        "annotations": notes,
        "xaxis": {"tickvals": positions, "ticktext": labels, "range": [-0.5, road.horizon - 0.5]},
        "yaxis": {"range": [0, 1.08], **pct_ticks(lang)} | GRID,
    }
    return figure(data, layout, lang, height=400)


def roadmap_figures(road: Roadmap, catalog: Catalog, lang: str, today: date) -> dict[str, go.Figure]:
    """{"gantt", "cost", "coverage"} -> Figure."""
    return {"gantt": gantt_chart(road, catalog, lang, today), "cost": cost_chart(road, lang, today),
            "coverage": coverage_chart(road, catalog, lang, today)}


# ---- tables and words ---------------------------------------------------------------------------------
def quarter_table(road: Roadmap, catalog: Catalog, lang: str, today: date) -> pd.DataFrame:
    """One row per quarter: the team on board, who is recruited, what is bridged, coverage, quality,
    cost by kind against the budget, and the plan's critical findings. Every cell is text."""
    labels = quarter_labels(road.horizon, today, lang)
    unit = _(lang, "h/week")
    rows = []
    for quarter in road.quarters:
        bridges = [f"{_(lang, catalog.name(b.capability))}: {_(lang, catalog.name(b.provider))} "
                   f"{fmt_hours(b.hours, lang)} {unit}" for b in quarter.bridges]
        team = [person_label(seat, role, catalog, lang) for seat, role in quarter.team]
        waiting = [_seat_name(road, seat, catalog, lang) for seat in quarter.recruiting]
        rows.append({
            _(lang, "Quarter"): labels[quarter.index],
            _(lang, "On board"): names_list(team, lang) or "–",
            _(lang, "Recruiting"): names_list(waiting, lang) or "–",
            _(lang, "Bridges"): "; ".join(bridges) or "–",
            _(lang, "Coverage"): pct(quarter.coverage, lang),
            _(lang, "Quality"): pct(quarter.quality, lang),
            t("in_house", lang): sek(quarter.in_house, lang),
            t("agency", lang): sek(quarter.agency, lang),
            t("freelancer", lang): sek(quarter.freelancer, lang),
            _(lang, "Total"): sek(quarter.total, lang),
            t("budget", lang): sek(quarter.budget, lang),
            t("critical", lang): str(quarter.critical),
        })
    return pd.DataFrame(rows)


def _seat_name(road: Roadmap, seat: str, catalog: Catalog, lang: str) -> str:
    role = dict(road.team)[seat]
    return person_label(seat, role, catalog, lang)


def hire_table(road: Roadmap, catalog: Catalog, lang: str, today: date) -> pd.DataFrame:
    """One row per seat still to recruit: its lead time, when recruitment starts, when it starts,
    and the work it takes over."""
    rows = []
    for hire in road.hires:
        rows.append({
            _(lang, "Seat"): person_label(hire.seat, hire.role, catalog, lang),
            _(lang, "Lead time (months)"): _number(hire.lead_months, lang),
            _(lang, "Recruit from"): "–" if hire.recruiting_from is None
            else quarter_label(hire.recruiting_from, today, lang),
            _(lang, "Starts"): start_text(hire, today, lang),
            _(lang, "Takes over"): names_list([_(lang, catalog.name(cap)) for cap in hire.carries],
                                              lang) or "–",
        })
    return pd.DataFrame(rows)


def objective_text(road: Roadmap, lang: str, today: date) -> str:
    """The objective and the lead time in plain words, with their sources."""
    text = _(lang, "The roadmap hires a seat from the first quarter in which the Simulator would fill it: "
                   "when the work it does better than the alternatives (leading in-house, a specialist on "
                   "their craft) is worth its salary. Until then, agencies and freelancers bridge its work.")
    lead = road.lead_times
    if lead is not None:
        text += " " + _(lang, "A seat starts {months} months after its recruitment starts: {hiring} months "
                              "to hire (SCB, information and communication) and {notice} months' notice "
                              "(LAS), counted in whole quarters: recruited now, it starts in {quarter} at "
                              "the earliest.",
                        months=_number(lead.hiring_months + lead.notice_months, lang),
                        hiring=_number(lead.hiring_months, lang), notice=_number(lead.notice_months, lang),
                        quarter=quarter_label(lead.quarters(""), today, lang))
    if road.ordered:
        text += " " + _(lang, "With this many seats to recruit, they are hired in their order in the team.")
    return text


def workload_text(road: Roadmap, lang: str) -> str:
    """What grows with the workload, and what does not."""
    return _(lang, "Posts, comments and messages, and ad spend grow by the growth rate each quarter; "
                   "channels and influencers stay as they are. Cost per quarter is a quarter of the year's "
                   "plan.")


__all__ = ["cost_chart", "coverage_chart", "first_quarter", "gantt_chart", "hire_table", "objective_text",
           "quarter_label", "quarter_labels", "quarter_table", "roadmap_figures", "start_text",
           "workload_text"]
