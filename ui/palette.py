"""Every colour the charts use, each with its one meaning, and the colour arithmetic that proves
the text readable (WCAG 2.x contrast) and the meanings apart (distance in OKLab).

One colour, one meaning, on every chart:

| meaning | colour | where |
|---|---|---|
| in-house (the team's people, work and cost) | blue `#0072B2` | coverage, cost, flow, Compare, Trade-offs |
| agency | orange `#E69F00` | coverage, cost, flow, Compare, Trade-offs |
| freelancer | bluish green `#009E73` | coverage, cost, flow, Compare, Trade-offs |
| not done | vermillion `#D55E00`, hatched `/` | coverage, flow, Compare |
| done at a lower fit | sand `#DEC770`, dotted | coverage |
| coordinating suppliers | reddish purple `#CC79A7`, cross-hatched | load |
| over a limit (over capacity, over budget) | red `#B2182B` | load, cost, Compare, the Trade-offs map |
| the efficient mixes (the frontier, the best mix) | brown `#8C510A` | Trade-offs |
| each capability | its own colour, CAPABILITY_COLORS | load, flow |
| text, and the limits (capacity, budget, what is left of it) | INK: the theme's text | every chart |
| plans side by side (see below) | greys, dark to light | Compare, Trade-offs, Assumptions |
| a level from 0 to 1 on a colour bar (fit, coverage) | LEVEL_SCALE, FIT_SCALE | the two heat maps |

Plans side by side: the current scenario first in the darkest grey, then the alternatives in their
order (ALTERNATIVES); a candidate move's kind is its marker's shape, the chosen one ringed in INK.

No hue stands for two things: the capability colours keep clear of the provider and status
colours, and the plans side by side are told apart by lightness of a neutral grey, not by a hue.
Hatching stays on what matters most (not done, lower fit, coordination), so the charts read
without telling colours apart.

INK and BACKGROUND are Streamlit's own theme placeholders for Plotly (the colours its "streamlit"
chart theme writes, `streamlit/elements/lib/streamlit_plotly_theme.py`): the browser replaces
them with the text and background colour of the theme the viewer sees, light or dark, before
Plotly draws (st.plotly_chart's default theme="streamlit"). Outside Streamlit (the HTML report)
`resolve(fig, "light")` writes the real colours in. THEMES holds what they become, measured in
the browser, so the tests can compute every contrast in both themes.
"""

from __future__ import annotations

import json
import math
import re

import plotly.graph_objects as go

from model import CAPABILITIES

AA = 4.5  # WCAG 2.x level AA: the least contrast for normal text

# ---- the theme -----------------------------------------------------------------------------------
INK = "#000037"  # Streamlit's GRAY_90 placeholder: gray90 on a light theme, gray10 on a dark one
BACKGROUND = "#000038"  # Streamlit's BG_COLOR placeholder: the app's background
THEMES: dict[str, dict[str, str]] = {
    # Streamlit 1.67: the app's background, and what INK becomes (read from the rendered charts)
    "light": {"background": "#FFFFFF", "ink": "#262730"},
    "dark": {"background": "#171614", "ink": "#FAFAFA"},
}
PLACEHOLDERS: dict[str, str] = {INK: "ink", BACKGROUND: "background"}
# What Streamlit's chart theme gives chart text we leave uncoloured (gray70 on light: 3.8:1)
STREAMLIT_TEXT: dict[str, str] = {"light": "#808495", "dark": "#E6EAF1"}

# ---- meanings ------------------------------------------------------------------------------------
COLORS: dict[str, str] = {
    "in_house": "#0072B2",
    "agency": "#E69F00",
    "freelancer": "#009E73",
    "uncovered": "#D55E00",  # not done
    "quality_gap": "#DEC770",  # done at a lower fit
    "coordination": "#CC79A7",  # coordinating suppliers
    "over": "#B2182B",  # over capacity, over budget
    "frontier": "#8C510A",  # the efficient mixes, and the best mix at a budget
}
CAPABILITY_COLORS: dict[str, str] = dict(zip(CAPABILITIES, (
    # OKLCh (lightness, chroma, hue) in the comments: the hues keep 25 degrees or more from every
    # provider and status colour they share a chart with; three families, told apart by lightness.
    "#6D398E",  # strategy: plum (0.45, 0.14, 310)
    "#8273E0",  # lead (project management): violet (0.62, 0.16, 287)
    "#7AD4E6",  # plan: light cyan (0.82, 0.09, 212)
    "#7FC851",  # create: green (0.76, 0.17, 135)
    "#076B6F",  # administer: dark teal (0.48, 0.08, 200)
    "#47782C",  # community: forest green (0.52, 0.12, 136)
    "#E2ADF3",  # influencer: orchid (0.82, 0.11, 318)
    "#8B8318",  # advertise: olive (0.60, 0.12, 105)
    "#90A7F1",  # analyze: periwinkle (0.74, 0.11, 270)
), strict=True))
TYPES: tuple[str, ...] = ("in_house", "agency", "freelancer")

# Plans side by side: neutral greys from dark to light, in their order (the current scenario
# first). Solid colours, not the ink at an opacity: a legend shows a bar's colour but not its
# marker's opacity, and text on a faded trace fades too.
ALTERNATIVES: tuple[str, ...] = ("#4A4A4A", "#777777", "#A3A3A3", "#CFCFCF")


def alternative(index: int, count: int = len(ALTERNATIVES)) -> str:
    """The grey of the index-th of `count` plans side by side; more plans than the four steps are
    spread evenly from the darkest to the lightest."""
    if count <= len(ALTERNATIVES):
        return ALTERNATIVES[index]
    low, high = parse(ALTERNATIVES[0])[0], parse(ALTERNATIVES[-1])[0]
    level = round(low + (high - low) * index / (count - 1))
    return f"#{level:02X}{level:02X}{level:02X}"


# A level from 0 to 1 read on a colour bar. Coverage over team size x budget: Viridis (no text on
# its cells). Fit: light enough everywhere for black cell text (>= 4.5:1 on every cell).
LEVEL_SCALE: list[list] = [[0.0, "#440154"], [0.1111, "#482878"], [0.2222, "#3E4989"], [0.3333, "#31688E"],
                           [0.4444, "#26828E"], [0.5556, "#1F9E89"], [0.6667, "#35B779"], [0.7778, "#6ECE58"],
                           [0.8889, "#B5DE2B"], [1.0, "#FDE725"]]
FIT_SCALE: list[list] = [[0.0, "#F4F9E9"], [0.5, "#A8DDB5"], [1.0, "#4EB3D3"]]
FIT_TEXT = "#000000"

# Hatching on top of the colour, so that the parts that matter most read without telling colours
# apart. The pattern is white on the stronger fills (at least 3:1, the bar for graphics; black
# text on them stays clear of it) and black on the pale one.
HATCH_SHAPES: dict[str, dict] = {
    "uncovered": {"shape": "/", "solidity": 0.3, "fgcolor": "#FFFFFF"},
    "quality_gap": {"shape": ".", "solidity": 0.2, "fgcolor": "#000000"},
    "coordination": {"shape": "x", "fgcolor": "#FFFFFF"},
}


def meanings() -> dict[str, str]:
    """Every categorical meaning -> its colour (for the test that no two meanings look alike)."""
    return COLORS | {f"capability:{cap}": color for cap, color in CAPABILITY_COLORS.items()}


# ---- colour arithmetic -----------------------------------------------------------------------------
_RGBA = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def parse(color: str, theme: str = "light") -> tuple[float, float, float, float]:
    """'#RRGGBB', '#RGB', 'rgb(...)', 'rgba(...)' or a theme placeholder -> (r, g, b, alpha),
    channels 0..255, alpha 0..1."""
    color = color.strip()
    if color.upper() in PLACEHOLDERS:
        color = THEMES[theme][PLACEHOLDERS[color.upper()]]
    if color.startswith("#"):
        digits = color[1:]
        if len(digits) == 3:
            digits = "".join(char * 2 for char in digits)
        return (*(float(int(digits[i:i + 2], 16)) for i in (0, 2, 4)), 1.0)
    match = _RGBA.fullmatch(color)
    if not match:
        raise ValueError(f"not a colour: {color!r}")
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha) if alpha is not None else 1.0


def rgba(hex_color: str, alpha: float) -> str:
    """'#8C8C8C', 0.25 -> 'rgba(140,140,140,0.25)'."""
    red, green, blue, _ = parse(hex_color)
    return f"rgba({red:.0f},{green:.0f},{blue:.0f},{alpha})"


def over(color: str, background: str, theme: str = "light", opacity: float = 1.0) -> str:
    """`color` (its own alpha times `opacity`) laid on an opaque `background`, as '#RRGGBB'."""
    *top, alpha = parse(color, theme)
    *bottom, _ = parse(background, theme)
    alpha *= opacity
    mixed = [alpha * a + (1 - alpha) * b for a, b in zip(top, bottom, strict=True)]
    return "#" + "".join(f"{round(channel):02X}" for channel in mixed)


def luminance(color: str, theme: str = "light") -> float:
    """WCAG 2.x relative luminance (0 black .. 1 white) of an opaque colour."""
    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue, _ = parse(color, theme)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str, theme: str = "light") -> float:
    """WCAG contrast ratio (1..21) of text in `foreground` on `background` (a translucent
    foreground is first laid on the background); AA asks 4.5 for normal text."""
    solid_bg = over(background, THEMES[theme]["background"], theme)
    solid_fg = over(foreground, solid_bg, theme)
    light, dark = sorted((luminance(solid_fg), luminance(solid_bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on an opaque `fill` (text inside a bar)."""
    return "#000000" if contrast("#000000", fill) >= contrast("#FFFFFF", fill) else "#FFFFFF"


def oklab(color: str, theme: str = "light") -> tuple[float, float, float]:
    """The colour in OKLab (perceptual: equal distances look about equally different)."""
    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(channel) for channel in parse(color, theme)[:3])
    l_ = (0.4122214708 * red + 0.5363325363 * green + 0.0514459929 * blue) ** (1 / 3)
    m_ = (0.2119034982 * red + 0.6806995451 * green + 0.1073969566 * blue) ** (1 / 3)
    s_ = (0.0883024619 * red + 0.2817188376 * green + 0.6299787005 * blue) ** (1 / 3)
    return (0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
            1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
            0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_)


def distance(first: str, second: str, theme: str = "light") -> float:
    """How different two colours look (OKLab distance; about 0.02 is just noticeable, 0.1 is
    clearly another colour)."""
    return math.dist(oklab(first, theme), oklab(second, theme))


# ---- building blocks --------------------------------------------------------------------------------
def hatch(kind: str) -> dict:
    """The hatching of `kind` ('uncovered', 'quality_gap', 'coordination') as a marker pattern."""
    return HATCH_SHAPES[kind] | {"fillmode": "overlay"}


def resolve(fig: go.Figure, theme: str = "light") -> go.Figure:
    """A copy of `fig` with the theme placeholders replaced by the colours of `theme`, for showing
    it outside Streamlit (the HTML report)."""
    text = json.dumps(fig.to_plotly_json(), default=str)
    for placeholder, role in PLACEHOLDERS.items():
        text = text.replace(f'"{placeholder}"', f'"{THEMES[theme][role]}"')
        text = text.replace(f'"{placeholder.lower()}"', f'"{THEMES[theme][role]}"')
    return go.Figure(json.loads(text), skip_invalid=False, _validate=False)


__all__ = ["AA", "ALTERNATIVES", "BACKGROUND", "CAPABILITY_COLORS", "COLORS", "FIT_SCALE", "FIT_TEXT",
           "HATCH_SHAPES", "INK", "LEVEL_SCALE", "PLACEHOLDERS", "STREAMLIT_TEXT", "THEMES", "TYPES",
           "alternative", "contrast", "distance", "hatch", "ink_on", "luminance", "meanings",
           "oklab", "over", "parse", "resolve", "rgba"]
