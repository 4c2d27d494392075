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

from ui import palette
from ui.i18n import locale_of

# The colours and their meanings live in ui/palette.py (one colour, one meaning, on every chart).
COLORS: dict[str, str] = palette.COLORS
TYPES: tuple[str, ...] = palette.TYPES
HATCH: dict[str, dict] = {kind: palette.hatch(kind) for kind in palette.HATCH_SHAPES}
INK = palette.INK
BACKGROUND = palette.BACKGROUND

FONT_SIZE = 18
TITLE_SIZE = 20
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

# Room above the title for Plotly's toolbar (the modebar, 26 px high at the top right of every
# chart), so that on a phone, where the title runs under it, the two never overlap.
MODEBAR_BAND = 40
# Legend placements. The shared one is below the plot, anchored to the bottom of the figure so that
# it never runs into the axis labels however many rows it wraps to on a narrow screen.
LEGEND_BELOW: dict = {"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0,
                      "xanchor": "left", "x": 0, "title": {"text": ""}, "traceorder": "normal"}
LEGEND_TOP = LEGEND_BELOW  # kept for callers of the old placement: every legend is below now
LEGEND_RIGHT = LEGEND_BELOW  # a legend beside the plot takes half a phone's width


rgba = palette.rgba
GRID: dict = {"showgrid": True, "gridcolor": "rgba(140,140,140,0.25)"}  # merge into an axis


def legend_on_top(margin_top: int = 0) -> dict:
    """The old placement between the title and the plot; now the shared one below (a legend
    above the plot ran into the title when it wrapped on a phone)."""
    return {"legend": LEGEND_BELOW}


def split_title(text: str) -> tuple[str, str]:
    """A chart title as (title, subtitle): what follows the first colon, or else the unit in
    brackets at the end, goes to a smaller second line, so that titles fit a phone's width:
    'Cost against budget (SEK per year)' -> ('Cost against budget', 'SEK per year')."""
    text = text.strip()
    if ": " in text:
        head, _, tail = text.partition(": ")
        if head and tail:
            return head, tail[:1].upper() + tail[1:]
    if text.endswith(")") and " (" in text:
        head, _, tail = text.rpartition(" (")
        if head and "(" not in tail:
            return head, tail[:-1]
    return text, ""


def title_layout(text: str) -> dict:
    """The layout's `title`: a title and its subtitle, below the toolbar's band."""
    head, sub = split_title(text)
    title: dict = {"text": head}
    if sub:
        title["subtitle"] = {"text": sub, "font": {"size": FONT_SIZE - 2, "color": INK}}
    return title


def style_layout(lang: str = "en", *, height: int | None = None, axes: bool = True) -> dict:
    """The shared look as a layout dict: large fonts for a projector, transparent background
    (light and dark themes), the language's number separators, every text in the theme's ink
    (palette.INK: Streamlit's own chart text is grey at 3.7:1 on white). `axes=False` for figures
    without x/y axes (Sankey)."""
    layout: dict = {
        "font": {"size": FONT_SIZE, "color": INK},
        "title": {"font": {"size": TITLE_SIZE, "color": INK}, "x": 0, "xanchor": "left", "xref": "container",
                  "y": 1, "yanchor": "top", "yref": "container", "pad": {"t": MODEBAR_BAND, "l": 10},
                  "automargin": True},
        "legend": LEGEND_BELOW | {"font": {"size": FONT_SIZE - 2, "color": INK}},
        "hoverlabel": {"font": {"size": FONT_SIZE - 2, "color": INK}, "bgcolor": BACKGROUND,
                       "bordercolor": INK},
        "margin": {"l": 10, "r": 30, "t": MODEBAR_BAND + 40, "b": 10},
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
    return {"tickfont": {"size": FONT_SIZE - 2, "color": INK},
            "title": {"font": {"size": FONT_SIZE, "color": INK}},
            "automargin": True}


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
    title = layout.get("title", {})
    if isinstance(title.get("text"), str) and "subtitle" not in title:
        layout["title"] = merge(title, title_layout(title["text"]))
    return go.Figure({"data": data, "layout": layout}, skip_invalid=False, _validate=False)


def nothing_note(text: str) -> dict:
    """The empty-state text as an annotation in the middle of the plot."""
    return {"text": text, "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
            "font": {"size": FONT_SIZE, "color": INK}}


def empty(title: str, text: str, lang: str, height: int) -> go.Figure:
    """A 'nothing to show' figure: the chart's title and why it is empty, no axes."""
    layout = {"title": {"text": title}, "annotations": [nothing_note(text)],
              "xaxis": {"visible": False}, "yaxis": {"visible": False}}
    return figure([], layout, lang, height=height)


def colorbar_below(title: str, **more) -> dict:
    """A horizontal colour bar under the plot (beside it, it takes a phone's width and its title
    ran into the chart's title), its texts in the theme's ink."""
    return {"orientation": "h", "x": 0.04, "xanchor": "left", "xref": "container", "y": 0,
            "yanchor": "bottom",
            "yref": "container", "len": 0.7, "thickness": 14, "ypad": 4,
            "title": {"text": title, "side": "right", "font": {"size": FONT_SIZE - 2, "color": INK}},
            "tickfont": {"size": FONT_SIZE - 4, "color": INK}} | more


def vline(x: float, color: str, label: str | None = None, *, width: int = 3) -> tuple[dict, list[dict]]:
    """A dashed vertical line across the plot at x, and its label above the plot (if any)."""
    shape = {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
             "line": {"color": color, "width": width, "dash": "dash"}}
    notes = [] if label is None else [{
        "x": x, "y": 1, "xref": "x", "yref": "paper", "text": label, "showarrow": False,
        "xanchor": "left", "yanchor": "bottom", "font": {"size": FONT_SIZE - 2, "color": INK}}]
    return shape, notes


__all__ = ["BACKGROUND", "COLORS", "CONFIG", "colorbar_below", "FONT_SIZE", "GRID", "HATCH", "INK",
           "LEGEND_BELOW", "LEGEND_RIGHT", "LEGEND_TOP", "MODEBAR_BAND", "separators", "TITLE_SIZE", "TYPES",
           "empty", "figure", "legend_on_top",
           "merge", "nothing_note", "rgba", "split_title", "style", "style_layout", "title_layout", "vline"]
