"""The figure toolkit: the one look of every chart and the one way to build it.

Every chart module (ui/charts.py, ui/tradeoff_charts.py, ui/compare_charts.py) writes its traces
and its layout as plain dicts and hands them to `figure`, which lays the shared look under them
(large fonts for a projector, transparent background for light and dark themes, the language's
number separators, the legend below the plot) and builds the Figure without Plotly's
per-property validation (tens of milliseconds a figure on every rerun; the tests validate every
figure instead: go.Figure(fig.to_dict()) must accept it). The chart's own layout wins over the
shared look, key by key.

    from ui.figkit import COLORS, GRID, figure, empty
    fig = figure([{"type": "bar", "x": [1], "y": ["a"]}], {"title": {"text": "…"}}, "sv", height=300)

Pass CONFIG to st.plotly_chart for the PNG download at projector scale.
"""

from __future__ import annotations

import plotly.graph_objects as go
from babel.numbers import get_decimal_symbol, get_group_symbol

from ui.i18n import locale_of

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and readable
# on both a white and a dark background.
COLORS: dict[str, str] = {
    "in_house": "#0072B2",
    "agency": "#E69F00",
    "freelancer": "#009E73",
    "uncovered": "#D55E00",
    "quality_gap": "#999999",
    "coordination": "#CC79A7",
    "over_capacity": "#D62728",
    "capacity": "#8C8C8C",
    "remaining": "#BBBBBB",
    "capability": "#56748F",
}
TYPES: tuple[str, ...] = ("in_house", "agency", "freelancer")
# Hatching on top of the colour, so that the parts that matter most (work not done, work done at
# a lower fit, coordinating suppliers) read without telling colours apart.
HATCH: dict[str, dict] = {
    "uncovered": {"shape": "/", "fgcolor": "#ffffff", "solidity": 0.3, "fillmode": "overlay"},
    "quality_gap": {"shape": ".", "fgcolor": "#ffffff", "solidity": 0.2, "fillmode": "overlay"},
    "coordination": {"shape": "x", "fgcolor": "#ffffff", "fillmode": "overlay"},
}

FONT_SIZE = 18
TITLE_SIZE = 22
def separators(lang: str) -> str:
    """Plotly's `separators` for the language: its decimal mark, then its thousands separator
    (Babel's locale data: ".," in English, ",\u00a0" in Swedish)."""
    locale = locale_of(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)
CONFIG: dict = {  # pass as st.plotly_chart(..., config=CONFIG): PNG download at projector scale
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}

# Legend placements other than the shared one (below the plot). Short charts and maps have no
# room below the axis: the legend goes between the title and the plot, with a taller top margin.
LEGEND_TOP: dict = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0}
LEGEND_RIGHT: dict = {"orientation": "v", "yanchor": "top", "y": 1, "xanchor": "left", "x": 1.02}


def rgba(hex_color: str, alpha: float) -> str:
    """'#8C8C8C', 0.25 -> 'rgba(140,140,140,0.25)'."""
    red, green, blue = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


GRID: dict = {"showgrid": True, "gridcolor": rgba(COLORS["capacity"], 0.25)}  # merge into an axis


def legend_on_top(margin_top: int = 110) -> dict:
    """Layout keys that put the legend between the title and the plot."""
    return {"legend": LEGEND_TOP, "margin": {"t": margin_top}}


def style_layout(lang: str = "en", *, height: int | None = None, axes: bool = True) -> dict:
    """The shared look as a layout dict: large fonts for a projector, transparent background
    (light and dark themes), the language's number separators. Text colours are left to the
    theme. `axes=False` for figures without x/y axes (Sankey)."""
    layout: dict = {
        "font": {"size": FONT_SIZE},
        "title": {"font": {"size": TITLE_SIZE}, "x": 0, "xanchor": "left"},
        "legend": {"font": {"size": FONT_SIZE - 2}, "orientation": "h", "yanchor": "top", "y": -0.12,
                   "xanchor": "left", "x": 0, "title": {"text": ""}, "traceorder": "normal"},
        "hoverlabel": {"font": {"size": FONT_SIZE - 2}},
        "margin": {"l": 10, "r": 30, "t": 60, "b": 10},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "separators": separators(lang),
    }
    if axes:
        for axis in ("xaxis", "yaxis"):
            layout[axis] = _axis_look()
    if height:
        layout["height"] = height
    return layout


def _axis_look() -> dict:
    return {"tickfont": {"size": FONT_SIZE - 2}, "title": {"font": {"size": FONT_SIZE}}, "automargin": True}


def style(fig: go.Figure, lang: str = "en", *, height: int | None = None) -> go.Figure:
    """Apply the shared look to a figure made some other way (in place) and return it."""
    fig.update_layout(style_layout(lang, height=height, axes=False))
    fig.update_xaxes(_axis_look())
    fig.update_yaxes(_axis_look())
    return fig


def merge(base: dict, extra: dict) -> dict:
    """Deep merge into a new dict: `extra` wins, nested dicts are merged."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        out[key] = merge(old, value) if isinstance(value, dict) and isinstance(old, dict) else value
    return out


def figure(data: list[dict], layout: dict, lang: str, *, height: int, axes: bool = True) -> go.Figure:
    """One Figure from plain dicts: the shared look with the chart's `layout` on top."""
    layout = merge(style_layout(lang, height=height, axes=axes), layout)
    return go.Figure({"data": data, "layout": layout}, skip_invalid=False, _validate=False)


def nothing_note(text: str) -> dict:
    """The empty-state text as an annotation in the middle of the plot."""
    return {"text": text, "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
            "font": {"size": FONT_SIZE}}


def empty(title: str, text: str, lang: str, height: int) -> go.Figure:
    """A 'nothing to show' figure: the chart's title and why it is empty, no axes."""
    layout = {"title": {"text": title}, "annotations": [nothing_note(text)],
              "xaxis": {"visible": False}, "yaxis": {"visible": False}}
    return figure([], layout, lang, height=height)


def vline(x: float, color: str, label: str | None = None, *, width: int = 3) -> tuple[dict, list[dict]]:
    """A dashed vertical line across the plot at x, and its label above the plot (if any)."""
    shape = {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
             "line": {"color": color, "width": width, "dash": "dash"}}
    notes = [] if label is None else [{
        "x": x, "y": 1, "xref": "x", "yref": "paper", "text": label, "showarrow": False,
        "xanchor": "left", "yanchor": "bottom", "font": {"size": FONT_SIZE - 2}}]
    return shape, notes


__all__ = ["COLORS", "CONFIG", "FONT_SIZE", "GRID", "HATCH", "LEGEND_RIGHT", "LEGEND_TOP", "separators",
           "TITLE_SIZE", "TYPES", "empty", "figure", "legend_on_top", "merge", "nothing_note", "rgba",
           "style", "style_layout", "vline"]
