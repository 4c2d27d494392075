"""Ranges instead of single numbers (model.uncertainty, issue 14): P10-P90 bands on the Simulator
and "B beats A in 87 % of draws" on Compare.

Pure functions (tiles, the bands chart, the win lines, the ranges table) for the pages, the report
and the tests, and `render` / `wins_section` that draw them in Streamlit. The Monte Carlo is run
in the app layer's one cache (ui.state.plan_cache), behind a spinner, when the user asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from model import CAPABILITIES, Band, Catalog, Plan, Scenario, Uncertainty, load_ranges, uncertainty, wins
from ui.charts import person_label
from ui.feedback import md_escape
from ui.figkit import COLORS, FONT_SIZE, GRID, INK, empty, figure
from ui.fmt import pct, sek
from ui.i18n import N_, _, n_
from ui.palette import CAPABILITY_COLORS
from ui.state import plan_cache

TOGGLE_KEY = "show_ranges"
COMPARE_KEY = "cmp_ranges"
TABLE_NAMES = {
    "pay": N_("Pay and capacity"),
    "providers": N_("Agencies and freelancers"),
    "demand": N_("Hours the work takes"),
    "settings": N_("General settings"),
    "role_fit": N_("Fit of roles"),
    "provider_fit": N_("Fit of agencies and freelancers"),
    "rules": N_("Guidance rules"),
}
WIN_TEXTS = {
    "coverage": N_("{b} covers more of the work than {a} in {share} of the draws (as much in {ties}, less in "
                   "{worse})"),
    "quality": N_("{b} does the work better than {a} in {share} of the draws (as well in {ties}, worse in "
                  "{worse})"),
    "cost": N_("{b} costs less than {a} in {share} of the draws (the same in {ties}, more in {worse})"),
}
COLUMN_NAMES = {
    "pay_sek_month": N_("Pay"), "capacity_hours": N_("Hours a week"), "rate_sek_hour": N_("Hourly rate"),
    "min_retainer_sek_month": N_("Minimum monthly fee"), "max_hours_week": N_("Most hours a week"),
}
ROW_NAMES = {
    "employer_cost_multiplier": N_("Employer's cost on top of pay"),
    "weeks_per_year": N_("Working weeks a year"),
    "community.inbound_hours": N_("Community & support: handling time of messages"),
}


class Tile(NamedTuple):
    label: str
    value: str
    help: str


@plan_cache(max_entries=16)
def ranges_of(scenario: Scenario, catalog: Catalog) -> Uncertainty:
    """The Monte Carlo of a scenario (data/ranges.yaml's draws and seed), cached."""
    return uncertainty(scenario, catalog)


def band_text(band: Band, lang: str, kind: str = "pct") -> str:
    show = (lambda v: pct(v, lang)) if kind == "pct" else (lambda v: sek(v, lang))
    low, high = show(band.low), show(band.high)
    return low if low == high else f"{low}–{high}"


def tiles(result: Uncertainty, budget: float, lang: str) -> list[Tile]:
    low, _mid, high = (round(p) for p in result.percentiles)
    spread = _(lang, "P{low}–P{high}: in {share} of the draws the figure lies in this range.", low=low,
               high=high, share=pct((high - low) / 100, lang))
    def single(value: str) -> str:
        return spread + " " + _(lang, "The single-number plan: {value}.", value=value)

    return [
        Tile(_(lang, "Coverage, P{low}–P{high}", low=low, high=high), band_text(result.coverage, lang),
             single(pct(result.coverage.base, lang))),
        Tile(_(lang, "Quality, P{low}–P{high}", low=low, high=high), band_text(result.quality, lang),
             single(pct(result.quality.base, lang))),
        Tile(_(lang, "Cost, P{low}–P{high}", low=low, high=high), band_text(result.cost, lang, "sek"),
             single(sek(result.cost.base, lang))),
        Tile(_(lang, "Chance of going over budget"), pct(result.over_budget, lang),
             _(lang, "The share of draws in which the plan costs more than the budget of {budget}: the "
                     "team's pay is fixed, so higher pay or a smaller team budget can push it over.",
               budget=sek(budget, lang))),
    ]


STEADY_SEK = 1_000.0  # a cost band narrower than this, at the budget, is the budget binding
AHEAD = 0.01  # the single-number coverage this far from the median is said to be so


def reading(result: Uncertainty, budget: float, lang: str) -> str:
    """What the bands say that their numbers do not: a cost that cannot move because the plan spends
    its budget in every draw, and a single-number plan on the hopeful (or cautious) side."""
    notes = []
    cost = result.cost
    if cost.width < STEADY_SEK and abs(cost.median - budget) < STEADY_SEK:
        notes.append(_(lang, "The plan spends its budget in every draw, so its cost does not move: what the "
                             "assumptions change shows in coverage and quality instead."))
    coverage = result.coverage
    if coverage.base > coverage.median + AHEAD:
        notes.append(_(lang, "The single-number plan's coverage ({base}) is above the median of the draws "
                             "({median}): the single numbers are on the hopeful side.",
                       base=pct(coverage.base, lang), median=pct(coverage.median, lang)))
    elif coverage.base < coverage.median - AHEAD:
        notes.append(_(lang, "The single-number plan's coverage ({base}) is below the median of the draws "
                             "({median}): the single numbers are on the cautious side.",
                       base=pct(coverage.base, lang), median=pct(coverage.median, lang)))
    return " ".join(notes)


def explanation(result: Uncertainty, lang: str, budget: float | None = None) -> str:
    text = _(lang, "Each of {draws} draws sets {count} assumptions (pay, rates, hours per post, fits, "
                   "the guidance's thresholds) somewhere in their plausible ranges and finds the plan again "
                   "with the same team, the same agencies and the same people on the same work. The bands "
                   "show where the middle {share} of the draws land; the dot is the median and the ring "
                   "the single-number plan.", draws=result.draws, count=result.varied,
             share=pct((result.percentiles[2] - result.percentiles[0]) / 100, lang))
    if result.replanned:
        text += " " + n_(lang, "In {count} draw the plan's decisions no longer held: it was planned afresh.",
                         "In {count} draws the plan's decisions no longer held: they were planned afresh.",
                         result.replanned)
    if result.failed:
        text += " " + n_(lang, "{count} draw had no plan and is left out.",
                         "{count} draws had no plan and are left out.", result.failed)
    if budget is not None:
        note = reading(result, budget, lang)
        if note:
            text += " " + note
    return text


def _whiskers(name: str, labels: list[str], bands: list[Band], color: str, lang: str,
              axes: tuple[str, str], marks: tuple[int, int, int]) -> list[dict]:
    low, mid, high = marks
    base_name = _(lang, "Single-number plan")
    return [
        {"type": "scatter", "y": labels, "x": [b.median for b in bands], "mode": "markers", "name": name,
         "xaxis": axes[0], "yaxis": axes[1],
         "marker": {"color": color, "size": 12, "line": {"color": INK, "width": 1}},
         "error_x": {"type": "data", "symmetric": False, "array": [b.high - b.median for b in bands],
                     "arrayminus": [b.median - b.low for b in bands], "color": color, "thickness": 3,
                     "width": 8},
         "customdata": [[pct(b.low, lang), pct(b.median, lang), pct(b.high, lang)] for b in bands],
         "hovertemplate": (f"%{{y}}<br>P{low} %{{customdata[0]}} · P{mid} %{{customdata[1]}} · "
                           f"P{high} %{{customdata[2]}}<extra></extra>")},
        {"type": "scatter", "y": labels, "x": [b.base for b in bands], "mode": "markers",
         "name": base_name, "xaxis": axes[0], "yaxis": axes[1],
         "showlegend": axes[1] == "y", "legendgroup": "base",
         "marker": {"symbol": "circle-open", "color": INK, "size": 14, "line": {"width": 2}},
         "customdata": [pct(b.base, lang) for b in bands],
         "hovertemplate": f"%{{y}}<br>{base_name}: %{{customdata}}<extra></extra>"},
    ]


def bands_figure(result: Uncertainty, catalog: Catalog, lang: str) -> go.Figure:
    """Coverage per capability (above) and each person's load (below): P10-P90 whiskers, the median
    as a dot and the single-number plan as a ring; a line at full capacity."""
    title = _(lang, "How sure the plan is: P10–P90 over the draws")
    caps = [cap for cap in CAPABILITIES if cap in result.capability]
    seats = list(result.load)
    if not caps and not seats:
        return empty(title, _(lang, "No work to plan."), lang, 260)
    cap_labels = [_(lang, catalog.name(cap)) for cap in caps]
    seat_labels = [person_label(seat, result.seat_roles[seat], catalog, lang) for seat in seats]
    marks = tuple(round(p) for p in result.percentiles)
    data = _whiskers(_(lang, "Coverage"), cap_labels, [result.capability[c] for c in caps],
                     CAPABILITY_COLORS["plan"], lang, ("x", "y"), marks)
    if seats:
        data += _whiskers(_(lang, "Load (share of capacity)"), seat_labels, [result.load[s] for s in seats],
                          COLORS["in_house"], lang, ("x2", "y2"), marks)
    top_load = max([result.load[s].high for s in seats] + [1.0]) if seats else 1.0
    # coverage on top, load below: each with its own names at the left and its own axis
    rows_cap, rows_load = len(caps), len(seats)
    gap = 0.16 if seats else 0.0
    share = rows_cap / max(rows_cap + rows_load, 1)
    split = (1 - gap) * (1 - share)  # the load's panel ends here; the coverage panel starts above
    layout = {
        "title": {"text": title},
        "xaxis": {"domain": [0.0, 1.0], "range": [0, 1.05], "tickformat": ".0%", "anchor": "y",
                  "title": {"text": _(lang, "Coverage")}} | GRID,
        "yaxis": {"domain": [split + gap if seats else 0.0, 1.0], "autorange": "reversed", "anchor": "x"},
    }
    look = {"tickfont": {"size": FONT_SIZE - 2, "color": INK}, "automargin": True}  # as ui.figkit's axes
    if seats:
        layout |= {
            "xaxis2": look | {"domain": [0.0, 1.0], "range": [0, max(1.1, top_load * 1.1)],
                              "tickformat": ".0%", "anchor": "y2",
                              "title": {"text": _(lang, "Load (share of capacity)"),
                                        "font": {"size": FONT_SIZE, "color": INK}}} | GRID,
            "yaxis2": look | {"domain": [0.0, split], "autorange": "reversed", "anchor": "x2"},
            "shapes": [{"type": "line", "xref": "x2", "yref": "y2 domain", "x0": 1.0, "x1": 1.0, "y0": 0,
                        "y1": 1, "line": {"color": COLORS["over"], "width": 2, "dash": "dot"}}],
        }
    height = 300 + 40 * (rows_cap + rows_load)
    return figure(data, layout, lang, height=height)


def win_lines(results: Sequence[Uncertainty], labels: Sequence[str], lang: str) -> list[str]:
    """For each scenario after the first: how often it beats the first on coverage, quality and
    cost over the same draws."""
    lines = []
    base, base_label = results[0], labels[0]
    for result, label in zip(results[1:], labels[1:], strict=True):
        parts = []
        for metric in ("coverage", "quality", "cost"):
            won = wins(base, result, metric)
            if not won.draws:
                continue
            parts.append(_(lang, WIN_TEXTS[metric], b=md_escape(label), a=md_escape(base_label),
                           share=pct(won.b_better, lang), ties=pct(won.tie, lang),
                           worse=pct(won.a_better, lang)))
        lines.extend(parts)
    return lines


def ranges_table(catalog: Catalog, lang: str) -> pd.DataFrame:
    """The ranges of data/ranges.yaml as the page shows them: what, how far, where from."""
    rows = []
    for entry in load_ranges().entries:
        what = _(lang, TABLE_NAMES.get(entry.table, entry.table))
        detail = [_(lang, names[part]) if part in names else part
                  for part, names in ((entry.row, ROW_NAMES), (entry.column, COLUMN_NAMES)) if part]
        if detail:
            what += " · " + " · ".join(detail)
        if entry.mode == "relative":
            span = f"{pct(entry.low, lang)} … +{pct(entry.high, lang)}"
        else:
            span = f"{entry.low:+g} … {entry.high:+g}"
        rows.append({_(lang, "Assumptions"): what, _(lang, "Range"): span,
                     _(lang, "Drawn"): _(lang, "together") if entry.together else _(lang, "each on its own"),
                     _(lang, "Source"): _(lang, entry.source)})
    return pd.DataFrame(rows)


# ---- Streamlit ----------------------------------------------------------------------------------
def render(scenario: Scenario, plan: Plan, catalog: Catalog, lang: str) -> None:
    """The Simulator's section: a toggle, then the bands as tiles and a chart."""
    st.subheader(_(lang, "How sure is this plan?"))
    ranges = load_ranges()
    shown = st.toggle(_(lang, "Show ranges instead of single numbers ({draws} draws)", draws=ranges.draws),
                      key=TOGGLE_KEY,
                      help=_(lang, "A Monte Carlo over the plausible range of every assumption: about a "
                                   "second, then kept for this scenario."))
    if not shown:
        st.caption(_(lang, "Every figure above is a single number from single assumptions. Turn on the "
                           "ranges to see how far coverage, cost and each person's load move when pay, "
                           "rates and hours per task vary within what is plausible."))
        return
    with st.spinner(_(lang, "Drawing {draws} versions of the assumptions…", draws=ranges.draws)):
        result = ranges_of(scenario, catalog)
    for column, tile in zip(st.columns(4), tiles(result, scenario.budget_sek, lang), strict=True):
        column.metric(tile.label, tile.value, help=tile.help, border=True)
    st.plotly_chart(bands_figure(result, catalog, lang), key="chart_ranges",
                    config={"displaylogo": False, "responsive": True})
    st.caption(explanation(result, lang, scenario.budget_sek))
    with st.expander(_(lang, "The ranges and where they come from")):
        st.dataframe(ranges_table(catalog, lang), hide_index=True, width="stretch")


def wins_section(items, labels: Sequence[str], lang: str) -> None:
    """Compare: how often each scenario beats the baseline over the same draws."""
    shown = st.toggle(_(lang, "Compare under uncertainty (same draws for every scenario)"), key=COMPARE_KEY,
                      help=_(lang, "Each scenario is planned again in the same draws of the assumptions, so "
                                   "the comparison is fair: about a second per scenario."))
    if not shown:
        return
    with st.spinner(_(lang, "Drawing the assumptions for {count} scenarios…", count=len(items))):
        results = [ranges_of(option.scenario, option.catalog) for option in items]
    same = len({(r.draws, r.seed) for r in results}) == 1
    if not same:
        st.caption(_(lang, "The scenarios were drawn differently and cannot be compared draw by draw."))
        return
    for line in win_lines(results, labels, lang):
        st.markdown(f"- {line}")
    low, _mid, high = (round(p) for p in results[0].percentiles)
    frame = pd.DataFrame([{
        _(lang, "Scenario"): label,
        _(lang, "Coverage, P{low}–P{high}", low=low, high=high): band_text(r.coverage, lang),
        _(lang, "Quality, P{low}–P{high}", low=low, high=high): band_text(r.quality, lang),
        _(lang, "Cost, P{low}–P{high}", low=low, high=high): band_text(r.cost, lang, "sek"),
        _(lang, "Chance of going over budget"): pct(r.over_budget, lang),
    } for label, r in zip(labels, results, strict=True)])
    st.dataframe(frame, hide_index=True, width="stretch")
