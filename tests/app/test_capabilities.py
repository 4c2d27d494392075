"""AppTest of the Capabilities page through app.py: the nine capabilities with their roles,
outside options and guidance from data/, in both languages, and where the scenario stands."""

from __future__ import annotations

import json

import pytest

from model import Scenario, load_catalog, simulate
from model.vocab import CAPABILITIES
from tests.apptest_support import new_app, run
from ui.guidance import GUIDANCE, general_rules, guidance_text, rule_advice, rule_summary, rules_for
from ui.i18n import _

CATALOG = load_catalog()


def name(item: str, lang: str) -> str:
    return _(lang, CATALOG.name(item))


def page_text(at) -> str:
    return "\n".join(str(element.value) for element in (*at.markdown, *at.caption, *at.subheader, *at.header))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_nine_capabilities_with_roles_options_and_guidance(lang):
    at = run(new_app({"lang": lang}, page="capabilities"))
    headings = [element.value for element in at.subheader]
    assert [heading.split(" :")[0] for heading in headings] == [
        f"{index}. {name(cap, lang)}" for index, cap in enumerate(CAPABILITIES, start=1)]
    text = page_text(at)
    for cap in CAPABILITIES:
        description = _(lang, CATALOG.capability(cap).description)
        assert description in text
        for rule in rules_for(CATALOG, cap):
            assert rule_summary(rule, CATALOG, lang) in text
            assert rule_advice(rule, CATALOG, lang) in text
    for rule in general_rules(CATALOG):
        assert rule_summary(rule, CATALOG, lang) in text
    assert "{" not in text and "}" not in text  # every summary rendered: no raw template
    # roles with their fit, in the language's number format
    fit = "0,90" if lang == "sv" else "0.90"
    assert f"**{fit}** {name('communications_manager', lang)}" in text
    # lead has no outside option: it must be in-house (guidance 2)
    must = "Inga: detta måste göras internt." if lang == "sv" else "None: this must be done in-house."
    assert must in text
    assert name("digital_media_agency", lang) in text
    # each rule names the guidance it follows by its words, not by its number
    for number in GUIDANCE:
        assert f"{number}. {guidance_text(number, lang)}" in text
    for rule in CATALOG.rules:
        if rule.guidance:
            source = guidance_text(rule.guidance, lang)
            assert _(lang, "From the guidance: {guidance}", guidance=source) in text, rule.id
    assert "Guidance 2 ·" not in text and "Råd 2 ·" not in text
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["type"] == "heatmap"
    assert len(spec["data"][0]["y"]) == len(CATALOG.roles) + len(CATALOG.providers)


def test_swedish_page_has_no_english_headings():
    at = run(new_app({"lang": "sv"}, page="capabilities"))
    text = page_text(at)
    for english in ("In-house roles", "Outside options", "Guidance for the whole plan", "met now",
                    "broken now", "Advice:", "of work, covered at", "Content creation", "Analysis"):
        assert english not in text, english


def test_scenario_line_follows_the_sidebar():
    at = run(new_app({"team_size": "1", "budget_sek": "600000", "influencers": "3"}, page="capabilities"))
    plan = simulate(Scenario(team_size=1, budget_sek=600_000, influencers=3), CATALOG)
    text = page_text(at)
    assert plan.uncovered["create"] > 0
    assert "is not done" in text
    assert "No work of this kind in your scenario." not in text  # influencers > 0: there is work
    broken = sum(1 for element in at.markdown if "broken now" in element.value)
    assert broken > 0
    at.sidebar.slider(key="team_size").set_value(8)
    at.sidebar.slider(key="budget_msek").set_value(8.0)
    run(at)
    assert sum(1 for element in at.markdown if "broken now" in element.value) <= broken
    assert page_text(at) != text


def test_no_influencer_work_is_said():
    at = run(new_app(page="capabilities"))
    assert "No work of this kind in your scenario." in page_text(at)


@pytest.mark.parametrize(("lang", "summary"), [
    ("en", "Every team seat is loaded to at least 25% of its capacity."),
    ("sv", "Varje tjänst i teamet är belastad till minst 25\u00a0% av sin kapacitet."),
])
def test_the_newest_rule_reads_as_a_rule_not_as_its_message(lang, summary):
    at = run(new_app({"lang": lang}, page="capabilities"))
    text = page_text(at)
    rule = next(rule for rule in CATALOG.rules if rule.id == "seat_underused")
    assert rule_summary(rule, CATALOG, lang) == summary and summary in text
    assert _(lang, rule.message).split("{utilisation}")[1] not in text
