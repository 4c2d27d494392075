"""The presentation view's pieces (ui/board.py): the headline tiles with short money and the
change against the baseline, the most severe findings, the HTML of a screen and of the side by
side (escaped, with the goal-seek answer's place), and the large chart text."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from model import SEVERITY_ORDER, Scenario, simulate
from ui import charts, compare_charts
from ui.board import (
    CHART_TICKS,
    CHART_TITLE,
    BoardItem,
    large,
    screen_html,
    side_by_side_html,
    tiles,
    top_findings,
)

NASTY = '<script>alert("x")</script> & <b>bold</b>'


@pytest.fixture(scope="module")
def plans(catalog):
    return {"agency": simulate(Scenario(team_size=1, budget_sek=1_500_000), catalog),
            "in_house": simulate(Scenario(team_size=4, budget_sek=3_500_000), catalog),
            "starved": simulate(Scenario(team_size=1, budget_sek=500_000), catalog)}


def test_tiles_are_five_short_figures(plans, catalog):
    english = tiles(plans["agency"], catalog, "en")
    assert [tile.key for tile in english] == ["coverage", "quality", "cost", "in_house_share",
                                              "over_capacity"]
    values = {tile.key: tile.value for tile in english}
    assert values["cost"] == "1.5\u00a0MSEK" and values["coverage"] == "76%"
    assert {tile.key: tile.sub for tile in english}["cost"] == "budget 1.5\u00a0MSEK"
    assert all(tile.delta == "" and tile.tone == "" for tile in english)  # no baseline, no change
    swedish = {tile.key: tile for tile in tiles(plans["agency"], catalog, "sv")}
    assert swedish["cost"].value == "1,5\u00a0mnkr" and swedish["coverage"].value == "76\u00a0%"
    assert swedish["over_capacity"].label == "Över kapacitet"
    assert swedish["over_capacity"].value == "0 av 1"
    least = {tile.key: tile.sub for tile in tiles(plans["agency"], catalog, "en", least=1_100_000)}
    assert least["cost"] == "least 1.1 MSEK"
    assert max(len(tile.value) for tile in swedish.values()) <= 10  # short enough for one line


def test_tiles_show_the_change_against_the_baseline(plans, catalog):
    changed = {tile.key: tile for tile in tiles(plans["in_house"], catalog, "en", plans["agency"])}
    assert changed["coverage"].delta == "+24\u00a0pp" and changed["coverage"].tone == "good"
    assert changed["cost"].delta.startswith("+") and changed["cost"].tone == "bad"  # costs more
    assert changed["in_house_share"].tone == ""  # neither better nor worse
    assert changed["over_capacity"].delta == "±0" and changed["over_capacity"].tone == ""
    back = {tile.key: tile for tile in tiles(plans["agency"], catalog, "en", plans["in_house"])}
    assert back["coverage"].delta == "−24\u00a0pp" and back["coverage"].tone == "bad"
    assert back["cost"].delta.startswith("−") and back["cost"].tone == "good"


def test_a_plan_over_budget_says_by_how_much(catalog):
    plan = simulate(Scenario(team_size=4, team=("social_media_manager",) * 4, budget_sek=500_000), catalog)
    assert plan.cost.total > plan.cost.budget
    cost = {tile.key: tile for tile in tiles(plan, catalog, "sv")}["cost"]
    assert cost.sub.endswith("över budget")


def test_top_findings_are_the_three_most_severe(plans, catalog):
    found = top_findings(plans["starved"], catalog, "en")
    assert len(found) == 3 and len(plans["starved"].findings) > 3
    ranks = sorted(SEVERITY_ORDER[finding.severity] for finding in plans["starved"].findings)
    assert [SEVERITY_ORDER[severity] for severity, *_ in found] == ranks[:3]
    assert found[0][0] == "critical"
    severity, subject, message, advice = found[0]
    assert subject and message and advice and "{" not in message + advice
    in_house = min(SEVERITY_ORDER[finding.severity] for finding in plans["in_house"].findings)
    assert SEVERITY_ORDER[top_findings(plans["in_house"], catalog, "sv")[0][0]] == in_house


def test_a_screen_escapes_names_and_notes_and_has_the_answer_line(plans, catalog):
    base = BoardItem("Byrå", "", plans["agency"], catalog)
    item = BoardItem(NASTY, NASTY, plans["starved"], catalog, answer="85 % täckning kostar minst 2,1 mnkr")
    html = screen_html(item, "sv", baseline=base)
    assert "<script>alert" not in html and "<b>bold" not in html and "&lt;b&gt;bold" in html
    assert "Mot utgångsläget: Byrå" in html
    assert html.count("class='pv-tile'") == 5 and html.count("class='pv-delta") == 5
    assert "<div class='pv-answer'>85 % täckning kostar minst 2,1 mnkr</div>" in html
    assert html.count("<li class=") == 3 and "till i rapporten" in html
    plain = screen_html(base, "en")
    assert "pv-answer" not in plain.split("</style>")[1] and "class='pv-delta" not in plain
    assert "Baseline" in plain


def test_a_plan_without_findings_says_so(catalog):
    # two people with a light load who cover each other's holidays
    plan = simulate(Scenario(team=("social_media_manager", "social_media_manager"), channels=2,
                             posts_per_week=0, inbound_per_week=60, ad_spend_sek_month=0,
                             budget_sek=2_000_000), catalog)
    assert not plan.findings
    html = screen_html(BoardItem("Clean", "", plan, catalog), "en")
    assert "The plan breaks none of the guidance." in html


def test_side_by_side_has_one_row_of_tiles_per_option(plans, catalog):
    items = [BoardItem(name, "", plan, catalog, answer=f"answer {name}") for name, plan in
             (("Agency", plans["agency"]), ("In-house", plans["in_house"]), (NASTY, plans["starved"]))]
    html = side_by_side_html(items, "en")
    assert html.count("class='pv-row'") == 3 and html.count("class='pv-tile'") == 15
    assert html.count("class='pv-delta") == 10  # the baseline's row has no change
    assert "Baseline: Agency" in html and "<script>alert" not in html
    assert all(f"answer {name}" in html for name in ("Agency", "In-house"))
    assert "repeat(3,minmax(0,1fr))" in html


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_large_chart_text(plans, catalog, lang):
    pairs = [("A", plans["agency"]), ("B", plans["in_house"])]
    figures = [charts.coverage_chart(plans["agency"], catalog, lang),
               charts.cost_chart(plans["agency"], catalog, lang),
               compare_charts.coverage_compare_chart(pairs, catalog, lang),
               compare_charts.cost_compare_chart(pairs, catalog, lang)]
    for fig in figures:
        fig = large(fig)
        go.Figure(fig.to_dict())  # still a valid figure
        layout = fig.layout
        assert layout.title.font.size == CHART_TITLE >= 20
        assert layout.xaxis.tickfont.size >= 16 and layout.yaxis.tickfont.size >= 16
        assert layout.legend.font.size >= 16
        sizes = [trace.textfont.size for trace in fig.data if trace.textfont.size is not None]
        assert all(size >= CHART_TICKS for size in sizes), sizes
        assert all(note.font.size >= CHART_TICKS for note in layout.annotations)
        if layout.legend.y is not None and layout.legend.y < 0:  # below the plot: clear of the ticks
            plot = layout.height - layout.margin.t - layout.margin.b
            assert -layout.legend.y * plot >= 59

