"""ui/charts.py: every figure is valid Plotly (the builders skip Plotly's per-call validation for
speed, so this is where it is checked), and the figures say what the plan says."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from model import Scenario, load_catalog, simulate
from model.vocab import CAPABILITIES
from ui import charts
from ui.i18n import _

CATALOG = load_catalog()
SCENARIOS = {
    "default": Scenario(),
    "nobody": Scenario(team_size=0, budget_sek=0, marketing_lead_hours=0),
    "no work": Scenario(channels=0, posts_per_week=0, inbound_per_week=0, ad_spend_sek_month=0,
                        marketing_lead_hours=0, team_size=0),
    "over budget": Scenario(team=("social_media_manager",) * 6, budget_sek=500_000),
    "big": Scenario(team_size=30, budget_sek=20_000_000, influencers=50, posts_per_week=300),
    **{name: preset.scenario for name, preset in CATALOG.presets.items()},
}
BUILDERS = [charts.load_chart, charts.coverage_chart, charts.cost_chart, charts.flow_chart]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_figure_is_valid_plotly(name, lang):
    plan = simulate(SCENARIOS[name], CATALOG)
    for build in BUILDERS:
        figure = build(plan, CATALOG, lang)
        checked = go.Figure(figure.to_dict())  # validating: raises on any bad property
        assert checked.layout.title.text
        assert checked.layout.font.size == charts.FONT_SIZE
        assert checked.layout.separators == charts.separators(lang)
    go.Figure(charts.fit_matrix_chart(CATALOG, lang).to_dict())


def test_coverage_parts_add_up_to_one():
    for scenario in SCENARIOS.values():
        plan = simulate(scenario, CATALOG)
        for cap, parts in charts.coverage_parts(plan).items():
            total = sum(parts.values())
            assert total == pytest.approx(1.0 if plan.demand[cap] > 1e-9 else 0.0)
            if plan.demand[cap] > 1e-9:
                in_types = sum(parts[kind] for kind in charts.TYPES)
                assert in_types == pytest.approx(plan.coverage[cap], abs=1e-9)


def test_flow_chart_carries_every_hour():
    plan = simulate(Scenario(team_size=1, budget_sek=700_000), CATALOG)
    sankey = charts.flow_chart(plan, CATALOG).data[0]
    assert sum(sankey.link.value) == pytest.approx(plan.total_demand)
    assert "Not done" in sankey.node.label


def test_load_chart_segments_match_the_people():
    plan = simulate(SCENARIOS["default"], CATALOG)
    figure = charts.load_chart(plan, CATALOG, "sv")
    bars = [trace for trace in figure.data if trace.type == "bar"]
    for index, person in enumerate(plan.people):
        assert sum(bar.x[index] for bar in bars) == pytest.approx(person.hours)
    assert {bar.name for bar in bars} >= {_("sv", CATALOG.name(cap)) for cap in ("lead", "community")}
    assert charts.t("coordination", "sv") in {bar.name for bar in bars}


def test_cost_chart_shows_the_overrun():
    plan = simulate(SCENARIOS["over budget"], CATALOG)
    assert plan.cost.total > plan.cost.budget
    figure = charts.cost_chart(plan, CATALOG)
    assert any(shape.type == "rect" for shape in figure.layout.shapes)
    assert "over budget" in figure.layout.annotations[0].text
    assert sum(bar.x[0] for bar in figure.data) == pytest.approx(plan.cost.total / 1e6)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_cost_chart_hover_names_every_paid_in_house_person_and_adds_up(lang):
    """The in-house bar's hover lists the team's seats and the organisation model's spokes, whose
    pay is part of the in-house cost, and the amounts it lists add up to that cost."""
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=3_000_000, org_model="hub_and_spoke",
                             business_units=3, languages=2), CATALOG)
    figure = charts.cost_chart(plan, CATALOG, lang)
    in_house = next(bar for bar in figure.data if bar.name == charts.t("in_house", lang))
    details = in_house.hovertemplate.split("<br>")[1:]
    spokes = [person for person in plan.people if person.seat.startswith("SP")]
    assert spokes and len(details) == 1 + len(spokes)
    spoke_word = charts.seat_label("SP1", lang).split(" ")[0]  # "Spoke" / "Eker"
    assert sum(1 for line in details if line.startswith(spoke_word)) == len(spokes)
    assert sum(person.cost_sek for person in plan.people if person.in_team or person.cost_sek > 0.5) == \
        pytest.approx(plan.cost.in_house)


def test_capabilities_in_the_coverage_chart_order():
    figure = charts.coverage_chart(simulate(Scenario(), CATALOG), CATALOG, "en")
    assert list(figure.data[0].y) == [CATALOG.name(cap) for cap in CAPABILITIES]


def test_cost_chart_with_no_budget_keeps_a_readable_axis():
    from model import Scenario, load_catalog, simulate
    from ui.charts import cost_chart

    catalog = load_catalog()
    figure = cost_chart(simulate(Scenario(team_size=0, budget_sek=0), catalog), catalog, "en")
    assert figure.layout.xaxis.range[1] >= 0.1  # MSEK: tenths at least, never micro-SEK ticks


def _other_figures(lang: str) -> dict[str, go.Figure]:
    """The trade-off and comparison figures of a few plans, empty states included."""
    from model.tradeoffs import frontier, next_moves, point_of, strategies, sweep
    from ui import compare_charts, tradeoff_charts

    scenario = Scenario(team_size=2, budget_sek=900_000)
    plan = simulate(scenario, CATALOG)
    grid, empty = sweep(scenario, CATALOG, range(3), (0, 1_000_000)), sweep(scenario, CATALOG, (), ())
    now = point_of(plan)
    plans = {"current": plan} | {s.id: s.plan for s in strategies(scenario, CATALOG)}
    items = [("A <b>", plan), ("B", simulate(SCENARIOS["over budget"], CATALOG)),
             ("C", simulate(SCENARIOS["nobody"], CATALOG))]
    alone = [("x", simulate(SCENARIOS["no work"], CATALOG))]
    figures = {
        "map": tradeoff_charts.coverage_map(grid, lang, current=now, best=now),
        "frontier": tradeoff_charts.frontier_chart(grid, frontier(grid), lang, current=now, budget=9e5),
        "empty map": tradeoff_charts.coverage_map(empty, lang),
        "strategy coverage": tradeoff_charts.strategy_coverage_chart(plans, CATALOG, lang),
        "strategy cost": tradeoff_charts.strategy_cost_chart(plans, lang),
        "moves": tradeoff_charts.moves_chart(next_moves(scenario, CATALOG), CATALOG, lang),
        "no moves": tradeoff_charts.moves_chart((), CATALOG, lang),
    }
    for prefix, compared in (("compare", items), ("compare one", alone)):
        for name, figure in compare_charts.compare_figures(compared, CATALOG, lang).items():
            figures[f"{prefix} {name}"] = figure
    return figures


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_trade_off_and_comparison_figures_are_valid_plotly_with_the_shared_look(lang):
    for name, figure in _other_figures(lang).items():
        checked = go.Figure(figure.to_dict())  # validating: raises on any bad property
        assert checked.layout.title.text, name
        assert checked.layout.font.size == charts.FONT_SIZE, name
        assert checked.layout.separators == charts.separators(lang), name
        assert checked.layout.paper_bgcolor == "rgba(0,0,0,0)", name

