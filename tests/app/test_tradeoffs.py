"""AppTest of the Trade-offs page through app.py: both languages, applying a move and a strategy,
and extreme inputs and ranges (never an exception on screen)."""

from __future__ import annotations

import json

import pytest

from model import Scenario, load_catalog, sweep
from model.tradeoffs import next_moves, strategy_scenarios
from tests.apptest_support import metrics, new_app, run

CATALOG = load_catalog()
ENGLISH_ONLY = ("Cost against coverage", "Coverage by team size", "Most coverage", "Apply this move",
                "Use this strategy", "bought outside", "Team sizes on the map", "Next best move",
                "Every candidate move", "Sourcing strategies", "Per SEK\u00a0100,000", "Peak load",
                "people in-house", "Efficient mixes", "Current scenario", "Hire a ")


def _chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _texts(at) -> str:
    """Every text on the page a reader sees: markdown, captions, metrics, buttons, tables, charts."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.title, *at.subheader, *at.info,
                               *at.success, *at.warning)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [b.label for b in at.button]
    parts += [w.label for w in (*at.slider, *at.selectbox, *at.select_slider, *at.toggle)]
    parts += list(at.selectbox(key="to_move_choice").options)  # as shown (formatted)
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return "\n".join(str(part) for part in parts)


def test_page_in_english():
    at = run(new_app(page="tradeoffs"))
    assert [title.value for title in at.title] == ["Trade-offs"]
    assert {"Now", "Most coverage with this budget", "Next best move"} <= set(metrics(at))
    specs = _chart_specs(at)
    titles = [spec["layout"]["title"]["text"] for spec in specs]
    assert titles == ["Coverage by team size and budget", "Cost against coverage",
                      "Coverage per capability", "Cost per year", "Every candidate move",
                      "Organisation models"]
    heatmap = specs[0]["data"][0]
    assert heatmap["type"] == "heatmap" and len(heatmap["x"]) == 13 and len(heatmap["y"]) == 41
    assert "Coverage" in heatmap["text"][0][0] and "In-house share" in heatmap["text"][0][0]
    labels = [b.label for b in at.button]
    assert labels.count("Use this strategy") == 3 and "Apply this move" in labels
    moves = next_moves(Scenario(), CATALOG)
    assert at.dataframe[0].value.shape[0] == len(moves)
    assert at.selectbox(key="to_move_choice").value == f"{moves[0].kind}:{moves[0].target}:{moves[0].amount}"
    text = _texts(at)  # the phrases the Swedish test looks for are really on the English page
    assert [phrase for phrase in ENGLISH_ONLY if phrase not in text] == []


def test_page_in_swedish_has_no_english_left():
    at = run(new_app({"lang": "sv"}, page="tradeoffs"))
    assert [title.value for title in at.title] == ["Avvägningar"]
    assert {"Nu", "Mest täckning med den här budgeten", "Nästa bästa drag"} <= set(metrics(at))
    titles = [spec["layout"]["title"]["text"] for spec in _chart_specs(at)]
    assert titles[0] == "Täckning efter teamstorlek och budget"
    assert [b.label for b in at.button].count("Använd strategin") == 3
    text = _texts(at)
    leaks = [phrase for phrase in ENGLISH_ONLY if phrase in text]
    assert not leaks, leaks
    assert "mnkr" in text and "\u00a0kr" in text and "procentenheter" in text  # Swedish number formats


def test_applying_the_best_move_changes_the_scenario():
    at = run(new_app(page="tradeoffs"))
    best = next_moves(Scenario(), CATALOG)[0]
    at.button(key="to_apply_move").click()
    run(at)
    scenario = at.session_state["_context"].scenario
    assert scenario == best.scenario
    assert at.session_state["budget_sek"] == best.scenario.budget_sek
    assert at.success and "Applied" in at.success[0].value
    # the page now ranks moves from the new scenario
    again = next_moves(best.scenario, CATALOG)[0]
    assert at.selectbox(key="to_move_choice").value == f"{again.kind}:{again.target}:{again.amount}"


def test_applying_a_chosen_hire_sets_an_explicit_team():
    at = run(new_app({"team_size": "2", "budget_sek": "3000000"}, page="tradeoffs"))
    at.selectbox(key="to_move_choice").set_value("hire:paid_media_manager:0")
    run(at)
    at.button(key="to_apply_move").click()
    run(at)
    scenario = at.session_state["_context"].scenario
    ladder = (CATALOG.ladder_role(0), CATALOG.ladder_role(1))
    assert scenario.team == (*ladder, "paid_media_manager") and scenario.team_size == 3
    assert at.session_state["team_custom"] is True


def test_using_a_strategy_loads_its_scenario():
    at = run(new_app({"lang": "sv"}, page="tradeoffs"))
    at.button(key="to_use_hybrid").click()
    run(at)
    expected = strategy_scenarios(Scenario(), CATALOG)["hybrid"]
    assert at.session_state["_context"].scenario == expected
    assert "Hybrid" in at.success[0].value


@pytest.mark.parametrize("query", [
    {"team_size": "0", "budget_sek": "0"},
    {"team_size": "30", "budget_sek": "20000000"},
    {"team": ["video_producer"], "budget_sek": "0", "outsource": ["create", "lead", "community"]},
    {"channels": "0", "posts_per_week": "0", "inbound_per_week": "0", "ad_spend_sek_month": "0",
     "marketing_lead_hours": "0"},
    {"budget_sek": "not a number", "team_size": "-4"},
])
def test_extreme_scenarios_never_break_the_page(query):
    at = run(new_app(query, page="tradeoffs"))
    assert len(at.get("plotly_chart")) == 6


@pytest.mark.parametrize("team_range, budget_range, points", [
    ((5, 5), (1.0, 1.0), 41),     # a single cell
    ((0, 30), (0.0, 20.0), 81),   # the largest grid
    ((20, 30), (12.0, 20.0), 2),  # the scenario is off the map
])
def test_extreme_ranges_never_break_the_page(team_range, budget_range, points):
    at = run(new_app(page="tradeoffs"))
    at.slider(key="to_team_range").set_value(team_range)
    at.slider(key="to_budget_range").set_value(budget_range)
    at.select_slider(key="to_budget_points").set_value(points)
    run(at)
    heatmap = _chart_specs(at)[0]["data"][0]
    assert len(heatmap["x"]) == team_range[1] - team_range[0] + 1
    assert len(heatmap["y"]) == (1 if budget_range[0] == budget_range[1] else points)
    off_map = any("outside the map" in w.value for w in at.warning)
    assert off_map == (team_range[0] > 2)


def test_moving_the_sidebar_budget_reruns_the_page():
    at = run(new_app({"budget_sek": "1500000"}, page="tradeoffs"))  # short of money: more helps
    before = metrics(at)["Now"]
    at.slider(key="budget_msek").set_value(3.5)
    run(at)
    assert at.session_state["_context"].scenario.budget_sek == 3_500_000
    assert metrics(at)["Now"] != before


HEADLINE_CASES = [
    {},
    {"team": ["social_media_manager"], "budget_sek": "2500000", "inbound_per_week": "400",
     "posts_per_week": "15", "ad_spend_sek_month": "80000", "influencers": "3", "org_size": "250"},
    {"team_size": "0", "budget_sek": "600000"},
    {"team_size": "3", "budget_sek": "1500000"},
    {"team_size": "5", "budget_sek": "8000000", "posts_per_week": "60", "inbound_per_week": "3000"},
    {"team": ["community_manager", "community_manager"], "budget_sek": "2000000"},
    {"team_size": "1", "budget_sek": "300000", "posts_per_week": "20", "inbound_per_week": "300"},
    {"team_size": "2", "budget_sek": "4000000", "insource": ["create", "community"]},
    {"team_size": "2", "budget_sek": "3000000", "outsource": ["create", "advertise", "analyze"]},
    {"team": ["head_of_social", "social_media_manager", "community_manager", "graphic_designer"],
     "budget_sek": "4000000", "influencers": "5", "ad_spend_sek_month": "150000"},
    {"team_size": "1", "budget_sek": "1200000", "video_share": "0.8", "posts_per_week": "25"},
    {"team_size": "4", "budget_sek": "2500000", "marketing_lead_hours": "0", "volunteer_hours": "20"},
]


def _share(text: str) -> float:
    return float(text.replace("%", "").replace("\xa0", "").strip()) / 100


@pytest.mark.parametrize("query", HEADLINE_CASES, ids=[str(i) for i in range(len(HEADLINE_CASES))])
def test_the_most_coverage_headline_is_never_beaten_on_the_page(query):
    """"Most coverage with this budget" is at least every strategy card and every team size of the
    map at the current budget (the page never contradicts its own headline)."""
    at = run(new_app(query, page="tradeoffs", timeout=120))
    shown = {metric.label: metric.value for metric in at.metric}
    most = _share(shown["Most coverage with this budget"])
    cards = [_share(metric.value) for metric in at.metric if metric.label == "Coverage"]
    over = [metric for metric in at.metric if metric.label == "Coverage (over budget)"]
    assert len(cards) + len(over) == 4
    assert all(card <= most + 0.005 for card in cards), (most, cards)
    scenario = Scenario.from_query_params(query)
    assert _share(shown["Now"]) <= most + 0.005
    budget = scenario.budget_sek
    lows, highs = at.session_state["to_team_range"]
    column = sweep(scenario, CATALOG, tuple(range(lows, highs + 1)), (budget,))
    affordable = [row[0].coverage for row in column.points if not row[0].over_budget]
    assert all(cell <= most + 0.005 for cell in affordable)
