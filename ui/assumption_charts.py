"""Charts of the Assumptions page: the sensitivity tornado."""

from __future__ import annotations

import plotly.graph_objects as go

from model import Sensitivity
from ui import fmt
from ui.assumption_texts import cell_label, cell_value_text
from ui.feedback import html_escape
from ui.figkit import BACKGROUND, INK, MODEBAR_BAND, separators
from ui.i18n import _
from ui.palette import alternative

# The two tries are plans side by side (ui/palette.py): the -x % try a wide light-grey bar, the
# +x % try a narrow dark-grey one drawn over it, so both show where they overlap.
LOW_COLOUR = alternative(2)
HIGH_COLOUR = alternative(0)
MINUS = "\u2212"


def step_label(factor: float, sign: int, lang: str) -> str:
    """The change tried, as the language writes a percentage: '−20%' / '+20 %'."""
    return f"{MINUS if sign < 0 else '+'}{fmt.pct(factor, lang)}"


def _delta_text(metric: str, delta: float, lang: str) -> str:
    if metric == "coverage":
        return fmt.points(delta, lang, 1, signed=True)
    return f"{'+' if delta >= 0 else MINUS}{fmt.sek(abs(delta), lang)}"


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
    labels = [html_escape(cell_label(swing.cell, lang)) for swing in ranked]  # names may come from an upload
    figure = go.Figure()
    for index, (sign, colour, width) in enumerate(((-1, LOW_COLOUR, 0.8), (1, HIGH_COLOUR, 0.45))):
        deltas, hovers = [], []
        for swing in ranked:
            level = (swing.coverage if metric == "coverage" else swing.cost)[index]
            value = swing.low_value if sign < 0 else swing.high_value
            deltas.append((level - base) * scale)
            hovers.append(
                f"<b>{html_escape(cell_label(swing.cell, lang))}</b><br>"
                f"{step_label(report.factor, sign, lang)}: {cell_value_text(swing.cell, value, lang)} "
                f"({_(lang, 'now')} {cell_value_text(swing.cell, swing.cell.value, lang)})<br>"
                f"{_level_text(metric, level, lang)} ({_delta_text(metric, level - base, lang)})")
        figure.add_trace(go.Bar(
            y=labels, x=deltas, orientation="h", name=step_label(report.factor, sign, lang),
            marker={"color": colour}, width=width, hovertext=hovers,
            hoverinfo="text",
        ))
    title = (_(lang, "Overall coverage, percentage points")
             if metric == "coverage" else _(lang, "Total cost, SEK per year"))
    text = {"color": INK}
    figure.update_layout(  # every text in the theme's ink; the toolbar gets a band above the title
        barmode="overlay", height=150 + 30 * len(ranked),
        margin={"l": 10, "r": 10, "t": MODEBAR_BAND + 34, "b": 10},
        font=text,
        title={"text": title, "font": {"size": 15, **text}, "x": 0, "xanchor": "left", "xref": "container",
               "y": 1, "yanchor": "top", "yref": "container", "pad": {"t": MODEBAR_BAND, "l": 10},
               "automargin": True},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "xanchor": "left",
                "x": 0, "font": text},
        hoverlabel={"font": text, "bgcolor": BACKGROUND, "bordercolor": INK},
        separators=separators(lang),
        xaxis={"zeroline": True, "zerolinewidth": 2, "zerolinecolor": "#888", "tickfont": text,
               "title": {"font": text}, "tickformat": ",.0f" if metric == "cost" else ",.1f"},
        yaxis={"automargin": True, "tickfont": text, "title": {"font": text}},
    )
    return figure
