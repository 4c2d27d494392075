"""Compare's ranking by cost for the same coverage (ui/compare_rank.py)."""

from __future__ import annotations

from model import Scenario, least_cost, load_catalog, simulate
from ui.compare_options import Option
from ui.compare_rank import common_level, ranking
from ui.fmt import msek

CATALOG = load_catalog()
WORK = dict(budget_sek=2_500_000, channels=4, posts_per_week=15, inbound_per_week=400,
            ad_spend_sek_month=80_000, influencers=3, org_size=250)


def option(key: str, scenario: Scenario) -> Option:
    return Option(key, key, "", scenario, CATALOG, simulate(scenario, CATALOG), False)


def test_options_are_ranked_by_their_least_cost_of_the_same_coverage():
    in_house = option("In-house", Scenario(team=("social_media_manager", "community_manager"), **WORK))
    agency = option("Agency", Scenario(team=("social_media_manager",), **WORK,
                                       retainers=("community_agency:community:60000",)))
    items = [agency, in_house]
    coverage, quality = common_level(items)
    assert coverage <= min(item.plan.overall_coverage for item in items)
    frame, sentence = ranking(items, ["Agency", "In-house"], "en")
    costs = {item.label: min(least_cost(item.scenario, CATALOG, coverage=coverage, quality=quality,
                                        team="keep").cost, item.plan.cost.total) for item in items}
    assert costs["In-house"] < costs["Agency"]  # the retailer's answer: the community manager in-house
    cheapest = min(costs, key=costs.get)
    assert list(frame["Scenario"])[0] == cheapest
    assert f"**{cheapest}** costs the least: {msek(costs[cheapest])}" in sentence
    assert list(frame["Rank"]) == ["1", "2"]
