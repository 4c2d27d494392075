"""The July test and single points of failure in words and a chart (model.continuity, issue 13).

Pure functions for the Simulator, the HTML report and the Compare page, and `render` for the
Simulator's section:

    result = continuity(plan, catalog)
    risk_tiles(result, lang)  absence_rows(result, catalog, lang)  heatmap_figure(result, plan, catalog, lang)
    report_html(result, plan, catalog, lang)  summary_line(result, lang)
"""

from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from model import Catalog, Continuity, Plan, continuity
from ui.charts import person_label
from ui.continuity_words import continuity_line as summary_line  # noqa: F401 - part of this view
from ui.figkit import COLORS, FONT_SIZE, colorbar_below, empty, figure
from ui.findings import seat_label
from ui.fmt import hours, sek
from ui.i18n import N_, _, n_
from ui.palette import FIT_TEXT, over

EPS = 0.05  # h/week: less is noise (model.continuity.HOURS_EPS)
# hours at risk, light (covered in-house) to the vermillion of "not done": black text reads on every cell
RISK_SCALE = [[0.0, "#F4F1EA"], [0.5, over(COLORS["uncovered"], "#FFFFFF", opacity=0.4)],
              [1.0, over(COLORS["uncovered"], "#FFFFFF", opacity=0.8)]]

ABSENCE_HEADERS = {
    "away": N_("Who is away"),
    "work": N_("Their work"),
    "covered": N_("Covered in-house from spare time"),
    "bought": N_("To buy, and from whom"),
    "cost": N_("Cost of cover"),
    "undone": N_("Still undone"),
    "at_risk": N_("At risk (h/week)"),
}
POINT_HEADERS = {
    "capability": N_("Capability"),
    "holder": N_("Rests on"),
    "hours": N_("Their hours (h/week)"),
    "backup": N_("Backup"),
}
EXPLANATION = N_(
    "Swedish law gives every employee four consecutive weeks of holiday in June–August. Each person "
    "in the team is taken out in turn: their work goes to the spare time of the others who can do it, "
    "community first because customers keep writing in July, then to the cheapest provider; what "
    "nobody sells stays undone. A single point of failure is a capability that rests on one person.")
NO_TEAM = N_("No in-house team: nobody is away in July, and nothing rests on one person in the team.")
NOTHING_CARRIED = N_("Nobody in the team carries work to cover.")
NO_POINTS = N_("No capability rests on one person.")


class Tile(NamedTuple):
    label: str
    value: str
    help: str


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cap(cap: str, catalog: Catalog, lang: str) -> str:
    return _(lang, catalog.name(cap))


def _roles(result: Continuity, plan: Plan | None) -> dict[str, str]:
    """seat -> role, from the plan's people (else from what the result names)."""
    if plan is not None:
        return {person.seat: person.role for person in plan.people}
    roles = {item.seat: item.role for item in result.absences}
    roles.update({cover.seat: cover.role for item in result.absences for cover in item.covered})
    roles.update({point.holder_seat: point.holder_role for point in result.single_points})
    return roles


def _person(seat: str, roles: dict[str, str], catalog: Catalog, lang: str) -> str:
    return person_label(seat, roles[seat], catalog, lang) if seat in roles else seat_label(seat, lang)


# ---- words --------------------------------------------------------------------------------------
def risk_tiles(result: Continuity, lang: str) -> list[Tile]:
    """Three figures: hours at risk in the worst absence, capabilities resting on one person, and
    what buying the cover costs."""
    worst = result.worst
    risk_help = _(lang, "The hours a week of one person's work that nobody in-house covers while they "
                        "are on holiday (bought or left undone), in the worst case. The guidance asks "
                        "for at most {limit} h/week.", limit=hours(result.max_hours_at_risk, lang))
    if worst is not None:
        risk_help += " " + _(lang, "Worst case: {person} away.", person=seat_label(worst.seat, lang))
    total = len(result.capabilities)
    return [
        Tile(_(lang, "Hours at risk in July"),
             _(lang, "{hours} h/week", hours=hours(result.hours_at_risk, lang)), risk_help),
        Tile(_(lang, "Resting on one person"),
             n_(lang, "{points} of {count} capability", "{points} of {count} capabilities", total,
                points=len(result.single_points)),
             _(lang, "Capabilities only one person in the team can do well, or that one person alone "
                     "carries. Each needs a backup: someone else in-house, or a provider to call.")),
        Tile(_(lang, "Cover for the holidays"), sek(result.cover_cost_sek, lang),
             n_(lang, "What buying the work nobody in-house covers costs while each person is away "
                      "{count} week, all absences together (by the hour, without agency minimum fees).",
                "What buying the work nobody in-house covers costs while each person is away "
                "{count} weeks, all absences together (by the hour, without agency minimum fees).",
                result.weeks)),
    ]


def _amounts(items: dict[str, float], catalog: Catalog, lang: str) -> str:
    return "; ".join(_(lang, "{what}: {hours} h", what=_cap(cap, catalog, lang), hours=hours(value, lang))
                     for cap, value in items.items() if value > EPS)


def _grouped(pairs, catalog: Catalog, lang: str) -> str:
    """[(who, capability, hours)] -> 'who: 5.0 h of community, 2.0 h of planning; other: ...'."""
    groups: dict[str, list[str]] = {}
    for who, cap, value in pairs:
        if value > EPS:
            groups.setdefault(who, []).append(_(lang, "{hours} h of {what}", hours=hours(value, lang),
                                                what=_cap(cap, catalog, lang).lower()))
    return "; ".join(f"{who}: {', '.join(parts)}" for who, parts in groups.items())


def absence_rows(result: Continuity, catalog: Catalog, lang: str, plan: Plan | None = None) -> pd.DataFrame:
    """One row per absence: who is away, their work (community first), who covers what from spare
    time, what to buy from whom, the cost, what stays undone and the hours at risk."""
    roles = _roles(result, plan)
    rows = []
    for item in result.absences:
        covered = _grouped(((_person(c.seat, roles, catalog, lang), c.capability, c.hours)
                            for c in item.covered), catalog, lang)
        bought = _grouped(((_(lang, catalog.name(b.provider)), b.capability, b.hours) for b in item.bought),
                          catalog, lang)
        rows.append({
            "away": _person(item.seat, roles, catalog, lang),
            "work": _amounts(item.absent, catalog, lang),
            "covered": covered or _(lang, "nobody"),
            "bought": bought or _(lang, "nothing"),
            "cost": sek(item.cover_cost_sek, lang),
            "undone": _amounts(item.undone, catalog, lang) or _(lang, "nothing"),
            "at_risk": hours(item.at_risk, lang),
        })
    headers = {key: _(lang, msgid) for key, msgid in ABSENCE_HEADERS.items()}
    return pd.DataFrame(rows, columns=list(headers)).rename(columns=headers)


def single_point_rows(result: Continuity, catalog: Catalog, lang: str,
                      plan: Plan | None = None) -> pd.DataFrame:
    """One row per single point: the capability, who it rests on, their hours, and the backup."""
    roles = _roles(result, plan)
    rows = []
    for point in result.single_points:
        if point.backup_kind == "seat" and point.backup:
            backup = _person(point.backup, roles, catalog, lang)
        elif point.backup_kind == "provider" and point.backup:
            backup = _(lang, "{provider} (to buy)", provider=_(lang, catalog.name(point.backup)))
        else:
            backup = _(lang, "nobody")
        rows.append({"capability": _cap(point.capability, catalog, lang),
                     "holder": _person(point.holder_seat, roles, catalog, lang),
                     "hours": hours(point.hours, lang), "backup": backup})
    headers = {key: _(lang, msgid) for key, msgid in POINT_HEADERS.items()}
    return pd.DataFrame(rows, columns=list(headers)).rename(columns=headers)


# ---- the chart ----------------------------------------------------------------------------------
def heatmap_figure(result: Continuity, plan: Plan, catalog: Catalog, lang: str) -> go.Figure:
    """Person (rows) × capability (columns): the hours each person carries, coloured by the hours
    nobody in-house covers while that person is away (empty cell: the person does none of it)."""
    title = _(lang, "Who is missed in July: hours carried and at risk (h/week)")
    if not result.absences:
        return empty(title, _(lang, NOTHING_CARRIED), lang, 260)
    caps = [cap for cap in result.capabilities if plan.demand.get(cap, 0.0) > 1e-9]
    roles = _roles(result, plan)
    rows = [_esc(_person(item.seat, roles, catalog, lang)).replace(" · ", "<br>", 1)
            for item in result.absences]
    columns = [_esc(_cap(cap, catalog, lang)) for cap in caps]
    carried, risk = result.matrix("absent"), result.matrix("at_risk")
    covered, bought, undone = result.matrix("covered"), result.matrix("bought"), result.matrix("undone")
    z, text, custom = [], [], []
    for item in result.absences:
        seat = item.seat
        z.append([risk[seat][cap] if carried[seat][cap] > EPS else None for cap in caps])
        text.append([
            "" if carried[seat][cap] <= EPS else
            _(lang, "{hours} h", hours=hours(carried[seat][cap], lang)) + "<br>" + (
                _(lang, "{hours} at risk", hours=hours(risk[seat][cap], lang)) if risk[seat][cap] > EPS
                else _(lang, "covered"))
            for cap in caps])
        custom.append([[hours(part[seat][cap], lang) for part in (carried, covered, bought, undone)]
                       for cap in caps])
    unit = _(lang, "h/week")
    hover = ("%{y} · %{x}<br>" + _(lang, "Carries") + ": %{customdata[0]} " + unit + "<br>"
             + _(lang, "Covered in-house") + ": %{customdata[1]} " + unit + "<br>"
             + _(lang, "Bought") + ": %{customdata[2]} " + unit + "<br>"
             + _(lang, "Undone") + ": %{customdata[3]} " + unit + "<extra></extra>")
    top = max((value for row in z for value in row if value is not None), default=0.0)
    data = [{
        "type": "heatmap", "z": z, "x": columns, "y": rows, "text": text, "customdata": custom,
        "texttemplate": "%{text}", "textfont": {"size": FONT_SIZE - 4, "color": FIT_TEXT},
        "zmin": 0, "zmax": max(top, 1.0), "xgap": 2, "ygap": 2, "colorscale": RISK_SCALE,
        "hoverongaps": False, "hovertemplate": hover,
        "colorbar": colorbar_below(_(lang, "At risk (h/week)")),
    }]
    layout = {"title": {"text": title}, "margin": {"b": 90},
              "xaxis": {"side": "top", "tickangle": -30, "title": {"text": _(lang, "Capability")}},
              "yaxis": {"autorange": "reversed", "title": {"text": _(lang, "Away in July")}}}
    return figure(data, layout, lang, height=360 + 90 * len(rows))


# ---- the report ---------------------------------------------------------------------------------
def _html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{_esc(column)}</th>" for column in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(value)}</td>" for value in row) + "</tr>"
                   for row in frame.astype(str).itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(result: Continuity, plan: Plan, catalog: Catalog, lang: str) -> str:
    """The section of the self-contained report (every text escaped)."""
    parts = [f"<h2>{_esc(_(lang, 'Holidays and single points of failure'))}</h2>",
             f'<p class="meta">{_esc(_(lang, EXPLANATION))}</p>']
    if not any(person.in_team for person in plan.people):
        parts.append(f"<p>{_esc(_(lang, NO_TEAM))}</p>")
        return "<section>" + "".join(parts) + "</section>"
    tiles = "".join(f"<tr><th>{_esc(tile.label)}</th><td class=\"num\">{_esc(tile.value)}</td>"
                    f"<td>{_esc(tile.help)}</td></tr>" for tile in risk_tiles(result, lang))
    parts.append(f"<table><tbody>{tiles}</tbody></table>")
    parts.append(f"<h3>{_esc(_(lang, 'Who covers whom, and what to buy'))}</h3>")
    parts.append(_html_table(absence_rows(result, catalog, lang, plan)) if result.absences
                 else f"<p>{_esc(_(lang, NOTHING_CARRIED))}</p>")
    parts.append(f"<h3>{_esc(_(lang, 'Single points of failure'))}</h3>")
    parts.append(_html_table(single_point_rows(result, catalog, lang, plan)) if result.single_points
                 else f"<p>{_esc(_(lang, NO_POINTS))}</p>")
    return "<section>" + "".join(parts) + "</section>"


# ---- the Simulator's section --------------------------------------------------------------------
def render(plan: Plan, catalog: Catalog, lang: str) -> None:
    """Holidays and single points of failure: explanation, tiles, heat map, tables."""
    import streamlit as st

    from ui.figkit import CONFIG

    st.subheader(_(lang, "Holidays and single points of failure"))
    st.caption(_(lang, EXPLANATION))
    if not any(person.in_team for person in plan.people):
        st.info(_(lang, NO_TEAM))
        return
    result = continuity(plan, catalog)
    for column, tile in zip(st.columns(3), risk_tiles(result, lang), strict=True):
        column.metric(tile.label, tile.value, help=tile.help, border=True)
    if not result.absences:
        st.info(_(lang, NOTHING_CARRIED))
        return
    st.plotly_chart(heatmap_figure(result, plan, catalog, lang), config=CONFIG, key="chart_continuity")
    with st.expander(_(lang, "Who covers whom, and what to buy")):
        st.dataframe(absence_rows(result, catalog, lang, plan), hide_index=True, width="stretch")
        st.markdown("**" + _(lang, "Single points of failure") + "**")
        if result.single_points:
            st.dataframe(single_point_rows(result, catalog, lang, plan), hide_index=True, width="stretch")
        else:
            st.caption(_(lang, NO_POINTS))


__all__ = ["Tile", "absence_rows", "heatmap_figure", "render", "report_html", "risk_tiles",
           "single_point_rows", "summary_line"]
