"""ui/palette.py: every text of every chart the app draws reads at WCAG AA (4.5:1) on what it is
drawn on, in the light and the dark theme, and no two meanings share a colour."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import plotly.graph_objects as go
import pytest

from model import Scenario, load_catalog, simulate
from ui import assumption_charts, charts, compare_charts, palette, tradeoff_charts
from ui.palette import AA, ALTERNATIVES, INK, THEMES, contrast, distance, over

CATALOG = load_catalog()
THEME_NAMES = tuple(THEMES)


# ---- the arithmetic -----------------------------------------------------------------------------------
def test_contrast_ratios_match_wcag():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    # what the review measured: Streamlit's chart text on a light theme
    assert contrast(palette.STREAMLIT_TEXT["light"], "#FFFFFF") == pytest.approx(3.72, abs=0.01)
    # a translucent colour is laid on what is under it first
    assert palette.over("rgba(0,0,0,0.5)", "#FFFFFF") == "#808080"


def test_the_placeholders_are_streamlits_own():
    theme = pytest.importorskip("streamlit.elements.lib.streamlit_plotly_theme")
    assert INK == theme.GRAY_90
    assert palette.BACKGROUND == theme.BG_COLOR


def test_resolve_writes_the_themes_colours_in():
    plan = simulate(Scenario(team_size=1, budget_sek=600_000), CATALOG)
    figure = charts.coverage_chart(plan, CATALOG)
    resolved = palette.resolve(figure, "light").to_plotly_json()
    assert INK not in repr(resolved) and palette.BACKGROUND not in repr(resolved)
    assert resolved["layout"]["font"]["color"] == THEMES["light"]["ink"]
    assert INK in repr(figure.to_plotly_json())  # the original is left as it was


# ---- one colour, one meaning ----------------------------------------------------------------------------
def _hue(color: str) -> tuple[float, float]:
    _, a, b = palette.oklab(color)
    return math.degrees(math.atan2(b, a)) % 360, math.hypot(a, b)


def test_no_two_meanings_look_alike():
    meanings = palette.meanings()
    assert len(set(meanings.values())) == len(meanings)
    close = [(a, b, round(distance(meanings[a], meanings[b]), 3))
             for a, b in itertools.combinations(meanings, 2) if distance(meanings[a], meanings[b]) < 0.09]
    assert not close


def test_plans_side_by_side_look_like_no_other_meaning():
    meanings = palette.meanings()
    steps = [palette.alternative(index, 13) for index in range(13)]  # the most team sizes drawn
    assert steps[0] == ALTERNATIVES[0] and steps[-1] == ALTERNATIVES[-1]
    assert min(distance(a, b) for a, b in itertools.combinations(ALTERNATIVES, 2)) >= 0.12
    close = [(step, name) for step in ALTERNATIVES for name, color in meanings.items()
             if distance(step, color) < 0.09]
    assert not close


@pytest.mark.parametrize("status", ["in_house", "agency", "freelancer", "uncovered", "coordination", "over"])
def test_a_capability_never_shares_a_hue_with_what_it_is_drawn_beside(status):
    """The flow chart puts capabilities beside the provider types and 'Not done'; the load chart
    beside coordination and over capacity: their hues stay 25 degrees or more apart."""
    hue, chroma = _hue(palette.COLORS[status])
    assert chroma > 0.05
    for cap, color in palette.CAPABILITY_COLORS.items():
        other, _ = _hue(color)
        gap = min(abs(hue - other), 360 - abs(hue - other))
        assert gap >= 25, (status, cap, round(gap))


def test_every_chart_module_takes_its_colours_from_the_palette():
    """No chart module writes a hex colour of its own (black and white text aside)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    for name in ("figkit", "charts", "compare_charts", "tradeoff_charts", "assumption_charts"):
        source = (root / f"{name}.py").read_text(encoding="utf-8")
        own = set(re.findall(r"#[0-9A-Fa-f]{6}\b", source)) - {"#FFFFFF", "#ffffff", "#000000"}
        assert not own, (name, own)


# ---- every text of every figure ---------------------------------------------------------------------------
def _figures(lang: str) -> dict[str, go.Figure]:
    """Every figure the app draws, for a few small scenarios, empty states included."""
    from model.assumptions import sensitivity
    from model.tradeoffs import frontier, next_moves, point_of, strategies, sweep

    scenario = Scenario(team_size=1, budget_sek=600_000)
    plans = {
        "small": simulate(scenario, CATALOG),
        "over": simulate(Scenario(team=("social_media_manager",) * 3, budget_sek=400_000), CATALOG),
        "nobody": simulate(Scenario(team_size=0, budget_sek=0, marketing_lead_hours=0), CATALOG),
        "no work": simulate(Scenario(channels=0, posts_per_week=0, inbound_per_week=0, ad_spend_sek_month=0,
                                     marketing_lead_hours=0, team_size=0), CATALOG),
    }
    figures: dict[str, go.Figure] = {}
    for name, plan in plans.items():
        for build in (charts.load_chart, charts.coverage_chart, charts.cost_chart, charts.flow_chart):
            figures[f"{build.__name__} {name}"] = build(plan, CATALOG, lang)
    figures["fit matrix"] = charts.fit_matrix_chart(CATALOG, lang)
    items = [(label, plans[name]) for label, name in (("A", "small"), ("B", "over"), ("C", "nobody"),
                                                      ("D", "no work"))]
    for name, figure in compare_charts.compare_figures(items, CATALOG, lang).items():
        figures[f"compare {name}"] = figure
    grid = sweep(scenario, CATALOG, range(3), (0, 800_000))
    now = point_of(plans["small"])
    strategy_plans = {"current": plans["small"]} | {s.id: s.plan for s in strategies(scenario, CATALOG)}
    figures |= {
        "map": tradeoff_charts.coverage_map(grid, lang, current=now, best=now),
        "empty map": tradeoff_charts.coverage_map(sweep(scenario, CATALOG, (), ()), lang),
        "frontier": tradeoff_charts.frontier_chart(grid, frontier(grid), lang, current=now, budget=6e5),
        "strategy coverage": tradeoff_charts.strategy_coverage_chart(strategy_plans, CATALOG, lang),
        "strategy cost": tradeoff_charts.strategy_cost_chart(strategy_plans, lang),
        "moves": tradeoff_charts.moves_chart(next_moves(scenario, CATALOG), CATALOG, lang),
        "no moves": tradeoff_charts.moves_chart((), CATALOG, lang),
    }
    report = _sensitivity_report(sensitivity, scenario)
    for metric in ("coverage", "cost"):
        figure = assumption_charts.tornado(report, metric, lang)
        if figure is not None:
            figures[f"tornado {metric}"] = figure
    assert any(name.startswith("tornado") for name in figures)
    return figures


_REPORTS: dict = {}


def _sensitivity_report(sensitivity, scenario: Scenario):
    if "report" not in _REPORTS:  # about ten seconds: once for both languages
        _REPORTS["report"] = sensitivity(scenario, CATALOG)
    return _REPORTS["report"]


def _listed(value, index: int):
    return value[index % len(value)] if isinstance(value, (list, tuple)) else value


def _scale_color(scale: list, level: float) -> str:
    """The colour a Plotly colour scale gives a level 0..1 (linear in RGB, as Plotly draws it)."""
    for (low, low_color), (high, high_color) in itertools.pairwise(scale):
        if low <= level <= high:
            share = 0.0 if high == low else (level - low) / (high - low)
            a, b = palette.parse(low_color)[:3], palette.parse(high_color)[:3]
            return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))
    raise AssertionError(f"level {level} outside the scale")


def _texts(fig: go.Figure) -> Iterator[tuple[str, str | None, list[str]]]:
    """(where, text colour, what it is drawn on) for every text of the figure; the colour is None
    when the figure leaves it to the theme (Streamlit's grey)."""
    spec = fig.to_plotly_json()
    layout, page = spec["layout"], "page"
    font = lambda node: (node or {}).get("font", {}).get("color")  # noqa: E731
    if layout.get("title", {}).get("text"):
        yield "title", font(layout["title"]), [page]
        if layout["title"].get("subtitle", {}).get("text"):
            yield "subtitle", font(layout["title"]["subtitle"]), [page]
    if any(trace.get("showlegend", True) and trace.get("name") for trace in spec["data"]):
        yield "legend", font(layout.get("legend")), [page]
    hover = layout.get("hoverlabel", {})
    yield "hover label", font(hover), [hover.get("bgcolor") or "#000000"]
    for key, axis in layout.items():
        if not key.startswith(("xaxis", "yaxis")) or axis.get("visible") is False:
            continue
        if axis.get("showticklabels", True):
            yield f"{key} ticks", axis.get("tickfont", {}).get("color"), [page]
        if axis.get("title", {}).get("text"):
            yield f"{key} title", font(axis["title"]), [page]
    for index, note in enumerate(layout.get("annotations", ())):
        yield f"annotation {index}", font(note), [note.get("bgcolor") or page]
    for index, trace in enumerate(spec["data"]):
        where, kind = f"trace {index} ({trace['type']})", trace["type"]
        color = trace.get("textfont", {}).get("color")
        if kind == "bar" and trace.get("text") is not None and any(trace["text"]):
            marker = trace.get("marker", {})
            position = trace.get("textposition", "auto")
            if position in ("inside", "auto"):  # on the bar (opaque fills are laid on nothing)
                fills = [_listed(marker.get("color"), i)
                         for i in range(len(trace["text"])) if trace["text"][i]]
                yield f"{where} inside", color, [("bar", fill, marker.get("opacity", 1.0)) for fill in fills]
            if position in ("outside", "auto"):
                yield f"{where} outside", color, [page]
        elif kind == "scatter" and "text" in trace.get("mode", ""):
            yield where, color, [page]
        elif kind == "sankey":
            bands = [("band", band, 1.0) for band in trace["link"]["color"]]
            yield f"{where} node labels", color, [page, *bands]
        elif kind == "heatmap":
            if trace.get("texttemplate"):
                scale = trace["colorscale"]
                cells = {_scale_color(scale, (value - trace["zmin"]) / (trace["zmax"] - trace["zmin"]))
                         for row in trace["z"] for value in row if value is not None}
                yield f"{where} cells", color, [("bar", cell, 1.0) for cell in sorted(cells)]
            bar = trace.get("colorbar", {})
            yield f"{where} colour bar ticks", bar.get("tickfont", {}).get("color"), [page]
            if bar.get("title", {}).get("text"):
                yield f"{where} colour bar title", font(bar["title"]), [page]


def _ground(under, theme: str) -> str:
    """What a text is drawn on, as one opaque colour in `theme`."""
    background = THEMES[theme]["background"]
    if under == "page":
        return background
    if isinstance(under, tuple):
        _, fill, opacity = under
        return over(fill, background, theme, opacity)
    return over(under, background, theme)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_chart_text_reads_at_aa_in_both_themes(lang):
    figures = _figures(lang)
    failures, checked = [], 0
    for name, figure in figures.items():
        go.Figure(figure.to_dict())  # still valid Plotly
        for where, color, grounds in _texts(figure):
            if color is None:
                failures.append(f"{name}: {where} has no colour of its own (Streamlit's grey, 3.7:1)")
                continue
            for theme in THEME_NAMES:
                for under in grounds:
                    ground = _ground(under, theme)
                    ratio = contrast(color, ground, theme)
                    checked += 1
                    if ratio < AA:
                        failures.append(f"{name}: {where} {color} on {ground} ({theme}) {ratio:.2f}:1")
    assert checked > 500
    assert not failures, "\n".join(failures)


def test_the_check_catches_streamlits_grey():
    """A figure whose tick labels are left to the theme fails the check above."""
    figure = charts.cost_chart(simulate(Scenario(), CATALOG), CATALOG)
    figure.layout.xaxis.tickfont.color = None
    missing = [where for where, color, _ in _texts(figure) if color is None]
    assert missing == ["xaxis ticks"]
    figure.layout.xaxis.tickfont.color = palette.STREAMLIT_TEXT["light"]
    assert contrast(figure.layout.xaxis.tickfont.color, THEMES["light"]["background"]) < AA
