"""The Trade-offs page's texts and figures (ui/tradeoff_charts.py): the one-sentence answer in
each case, labels in both languages, and figures that hold what they claim."""

from __future__ import annotations

import pytest

from model import Scenario, load_catalog, simulate
from model.tradeoffs import SweepPoint, frontier, next_moves, point_of, strategies, sweep
from ui.tradeoff_charts import (
    coverage_map,
    frontier_chart,
    gain_per_100k,
    move_label,
    moves_chart,
    people,
    signed_pp,
    signed_sek,
    strategy_cost_chart,
    strategy_coverage_chart,
    verdict,
)

CATALOG = load_catalog()


def _point(size, coverage, total, in_house, budget=2_000_000):
    return SweepPoint(size, budget, coverage, in_house, 0.0, total - in_house, total, 0, 0)


def test_verdict_says_when_the_current_team_is_already_best():
    now = _point(2, 0.81, 2_000_000, 1_500_000)
    text = verdict(now, now, 2_000_000, "en")
    assert "already give the most coverage" in text and "2 people" in text
    assert "redan mest täckning" in verdict(now, now, 2_000_000, "sv")


def test_verdict_names_a_better_mix():
    now, best = _point(1, 0.60, 2_000_000, 800_000), _point(2, 0.81, 2_000_000, 1_500_000)
    assert verdict(now, best, 2_000_000, "en") == (
        "With **2.0\u00a0MSEK** a year, **2 people** in-house and **SEK\u00a0500,000** bought outside "
        "give the most coverage: **81%** (now 60% with 1 person).")
    assert "2,0\u00a0mnkr" in verdict(now, best, 2_000_000, "sv")


def test_verdict_names_the_same_coverage_for_less():
    now = _point(30, 0.94, 22_000_000, 22_000_000, budget=25_000_000)
    best = _point(8, 0.94, 6_300_000, 6_300_000, budget=25_000_000)
    text = verdict(now, best, 25_000_000, "en")
    assert "same coverage as now (94%)" in text and "15.7\u00a0MSEK" in text and "less a year" in text


def test_verdict_when_the_current_team_is_over_budget_or_nothing_fits():
    now = _point(12, 0.94, 9_000_000, 9_000_000, budget=2_000_000)
    best = _point(2, 0.81, 2_000_000, 1_500_000)
    assert "costs more than the budget" in verdict(now, best, 2_000_000, "en")
    nothing = _point(3, 0.85, 2_300_000, 2_300_000, budget=2_000_000)
    assert "None of the team sizes" in verdict(now, nothing, 2_000_000, "en")
    assert "Ingen av teamstorlekarna" in verdict(now, nothing, 2_000_000, "sv")


def test_numbers_and_labels_in_both_languages():
    assert people(1, "en") == "1 person" and people(3, "sv") == "3 personer"
    assert signed_pp(0.0234, "en") == "+2.3\u00a0pp"
    assert signed_pp(-0.0234, "sv") == "-2,3\u00a0procentenheter"
    assert signed_pp(0.0, "en").startswith("±")
    assert signed_sek(-1500, "sv") == "-1\u00a0500\u00a0kr"
    moves = next_moves(Scenario(budget_sek=1_500_000), CATALOG)  # money short: budget moves gain
    for move in moves:
        en, sv = move_label(move, CATALOG, "en"), move_label(move, CATALOG, "sv")
        assert en and sv and en != sv
    budget = next(m for m in moves if m.kind == "budget" and m.target != "fund")
    assert move_label(budget, CATALOG, "en") == f"Add SEK\u00a0{budget.amount:,} to the budget"
    assert gain_per_100k(budget, "en").startswith("+")


def test_the_map_holds_the_grid_the_line_and_the_markers():
    scenario = Scenario()
    grid = sweep(scenario, CATALOG)
    now = point_of(simulate(scenario, CATALOG))
    fig = coverage_map(grid, "sv", current=now, best=now)
    heat, shade, line, best, star = fig.data
    assert list(heat.x) == list(grid.team_sizes) and len(heat.y) == len(grid.budgets)
    assert heat.z[3][2] == grid.points[2][3].coverage  # rows are budgets, columns team sizes
    assert "Täckning" in heat.text[0][0] and "Intern andel" in heat.text[0][0]
    # the line is the in-house cost of each team size, one step per column
    assert [round(y * 1e6) for y in line.y[::2]] == [round(c) for c in grid.in_house_cost]
    assert (star.x[0], star.y[0]) == (now.team_size, now.budget / 1e6)
    assert fig.layout.title.text == "Täckning efter teamstorlek och budget"
    assert fig.layout.font.size == 18  # the shared look of ui.figkit


def test_the_frontier_chart_draws_the_frontier_and_one_curve_per_team_size():
    grid = sweep(Scenario(), CATALOG, range(5))
    front = frontier(grid)
    fig = frontier_chart(grid, front, "en", budget=2_000_000)
    names = [trace.name for trace in fig.data]
    assert names[0] == "Efficient mixes (frontier)"
    assert names[1:] == ["0 people", "1 person", "2 people", "3 people", "4 people"]
    assert list(fig.data[0].y) == [p.coverage for p in front]
    assert fig.layout.shapes[0].x0 == 2.0


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_empty_inputs_give_a_figure_with_a_message(lang):
    empty = sweep(Scenario(), CATALOG, [], [])
    for fig in (coverage_map(empty, lang), frontier_chart(empty, (), lang), moves_chart((), CATALOG, lang)):
        assert fig.layout.annotations and not fig.data


def test_strategy_figures_have_one_series_per_strategy():
    scenario = Scenario()
    plans = {"current": simulate(scenario, CATALOG)} | {s.id: s.plan for s in strategies(scenario, CATALOG)}
    coverage = strategy_coverage_chart(plans, CATALOG, "en")
    assert len(coverage.data) == 4 and len(coverage.data[0].x) == 8  # influencers: no demand
    cost = strategy_cost_chart(plans, "sv")
    assert [trace.name for trace in cost.data] == ["Internt", "Byrå", "Frilans"]
    assert cost.layout.shapes[0].x0 == 1.2  # the budget line at the default budget, MSEK


def test_strategy_coverage_leaves_out_capabilities_without_demand():
    scenario = Scenario(influencers=0)
    plan = simulate(scenario, CATALOG)
    figure = strategy_coverage_chart({"current": plan}, CATALOG, "en")
    labels = list(figure.data[0].y)
    assert "Influencer management" not in labels and "Strategy" in labels
    with_programme = simulate(Scenario(influencers=3), CATALOG)
    assert "Influencer management" in list(
        strategy_coverage_chart({"current": with_programme}, CATALOG, "en").data[0].y)
