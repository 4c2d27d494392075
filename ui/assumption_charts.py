"""Charts and number texts for the Assumptions page: the sensitivity tornado."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from model import fmt
from model.assumptions import Cell, Sensitivity, text
from ui.figkit import SEPARATORS
from ui.i18n import tr

LOW_COLOUR = "#4C78A8"
HIGH_COLOUR = "#F58518"


def value_text(value: float | None, lang: str = "en", blank: str = "–") -> str:
    """A number as written in `lang`, with as many decimals as it needs (at most four)."""
    if value is None:
        return blank
    if float(value).is_integer() and abs(value) < 1e15:
        return fmt.number(value, lang)
    decimals = len(f"{abs(value):.4f}".rstrip("0").split(".")[1])
    return fmt.number(value, lang, max(decimals, 1))


def cell_value_text(cell: Cell, value: float | None, lang: str = "en") -> str:
    if value is None:
        return tr(lang, "blank", "tomt")
    return f"{value_text(value, lang)} {text(cell.unit, lang)}"


def step_label(factor: float, sign: int, lang: str) -> str:
    number = fmt.number(factor * 100, lang)
    percent = f"{fmt.NBSP}%" if lang == "sv" else " %"
    return f"{'−' if sign < 0 else '+'}{number}{percent}"


def _delta_text(metric: str, delta: float, lang: str) -> str:
    if metric == "coverage":
        unit = tr(lang, "pp", "p.e.")
        return f"{'+' if delta >= 0 else '−'}{fmt.number(abs(delta) * 100, lang, 1)} {unit}"
    return f"{'+' if delta >= 0 else '−'}{fmt.sek(abs(delta), lang)}"


def _level_text(metric: str, level: float, lang: str) -> str:
    return fmt.pct(level, lang) if metric == "coverage" else fmt.sek(level, lang)


def tornado(report: Sensitivity, metric: str, lang: str = "en", top: int = 12) -> go.Figure | None:
    """Horizontal bars for the `top` assumptions that move `metric` most: how far the plan's overall
    coverage (percentage points) or total cost (SEK/year) moves when each is set -x % and +x %.
    None when no assumption moves it at all."""
    ranked = [swing for swing in report.ranked(metric) if swing.swing(metric) > 1e-9][:top]
    if not ranked:
        return None
    ranked.reverse()  # plotly draws the first category at the bottom; the largest goes on top
    base = report.base_coverage if metric == "coverage" else report.base_cost
    scale = 100.0 if metric == "coverage" else 1.0
    labels = [html.escape(swing.cell.label(lang)) for swing in ranked]  # names may come from an upload
    figure = go.Figure()
    for index, (sign, colour, width) in enumerate(((-1, LOW_COLOUR, 0.8), (1, HIGH_COLOUR, 0.45))):
        deltas, hovers = [], []
        for swing in ranked:
            level = (swing.coverage if metric == "coverage" else swing.cost)[index]
            value = swing.low_value if sign < 0 else swing.high_value
            deltas.append((level - base) * scale)
            hovers.append(
                f"<b>{html.escape(swing.cell.label(lang))}</b><br>"
                f"{step_label(report.factor, sign, lang)}: {cell_value_text(swing.cell, value, lang)} "
                f"({tr(lang, 'now', 'nu')} {cell_value_text(swing.cell, swing.cell.value, lang)})<br>"
                f"{_level_text(metric, level, lang)} ({_delta_text(metric, level - base, lang)})")
        figure.add_trace(go.Bar(
            y=labels, x=deltas, orientation="h", name=step_label(report.factor, sign, lang),
            marker_color=colour, width=width, hovertext=hovers, hoverinfo="text",
        ))
    title = (tr(lang, "Overall coverage, percentage points", "Total täckning, procentenheter")
             if metric == "coverage" else tr(lang, "Total cost, SEK per year", "Total kostnad, kr per år"))
    figure.update_layout(
        barmode="overlay", height=90 + 30 * len(ranked), margin={"l": 10, "r": 10, "t": 40, "b": 40},
        title={"text": title, "font": {"size": 15}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0},
        separators=SEPARATORS.get(lang, SEPARATORS["en"]),
        xaxis={"zeroline": True, "zerolinewidth": 2, "zerolinecolor": "#888",
               "tickformat": ",.0f" if metric == "cost" else ",.1f"},
        yaxis={"automargin": True},
    )
    return figure
