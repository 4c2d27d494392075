"""The goal seek's answer in words (ui/goalseek_words.py), the declined agencies' lines
(ui/declined_view.py) and the retainers' summary (ui/retainers_view.py), in both languages."""

from __future__ import annotations

import pytest

from model import Scenario, least_cost, load_catalog, simulate
from ui.declined_view import declined_lines
from ui.fmt import msek, pct
from ui.goalseek_words import answer, bought_text, quality_floor, team_text
from ui.retainers_view import summary_lines

CATALOG = load_catalog()
RETAILER = Scenario(team=("social_media_manager",), budget_sek=2_500_000, channels=4, posts_per_week=15,
                    inbound_per_week=400, ad_spend_sek_month=80_000, influencers=3, org_size=250)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("team", ["free", "keep"])
def test_the_answer_names_the_target_the_cost_the_team_and_the_comparison(lang, team):
    current = simulate(RETAILER, CATALOG)
    found = least_cost(RETAILER, CATALOG, coverage=0.85, quality=quality_floor(current), team=team)
    words = answer(found, current, CATALOG, lang)
    assert words.reached
    assert pct(0.85, lang) in words.headline and msek(found.cost, lang) in words.headline
    assert team_text(found.roles, CATALOG, lang) in words.headline
    assert msek(current.cost.total, lang) in words.details[-1]
    bought = bought_text(found.plan, CATALOG, lang)
    assert (bought in words.details[0]) if bought else len(words.details[0]) > 0


def test_team_text_counts_repeated_roles():
    text = team_text(("customer_support", "customer_support", "social_media_manager"), CATALOG, "en")
    assert text == "2 × Customer Support and Social Media Manager"
    assert team_text((), CATALOG, "sv") == "inget internt team"


def test_an_unreachable_answer_gives_the_most():
    walled = RETAILER.replace(team=RETAILER.team,
                              insource=("create", "community", "administer", "influencer"))
    current = simulate(walled, CATALOG)
    found = least_cost(walled, CATALOG, coverage=1.0, quality=0.9, team="keep")
    words = answer(found, current, CATALOG, "en")
    assert not words.reached
    assert "cannot be reached" in words.headline and pct(found.most) in words.headline


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_declined_and_retainer_lines_are_worded(lang):
    plan = simulate(RETAILER.replace(team=RETAILER.team,
                                     retainers=("community_agency:community+lead:60000",)), CATALOG)
    lines = declined_lines(plan, CATALOG, lang)
    assert lines and all(line.startswith("**") and "{" not in line for line in lines)
    (summary,) = summary_lines(plan, CATALOG, lang)
    assert "{" not in summary and ("project management" in summary or "projektledning" in summary)
