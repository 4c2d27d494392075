"""Briefs and role descriptions as documents (issue 13, parts 3 and 4, ui/handover_docs.py): one
brief per bought capability in Markdown and HTML, the user's texts escaped, placeholders where they
are missing, ad spend apart from the fee, role duties that add up to the seat's hours."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from model import CAPABILITIES, Scenario, briefs, load_catalog, role_descriptions, simulate
from ui.fmt import hours, number, sek
from ui.handover_docs import (
    brief_file,
    brief_html,
    brief_markdown,
    briefs_report_html,
    overall_items,
    readiness_items,
    readiness_label,
    role_file,
    role_html,
    role_markdown,
    roles_report_html,
)
from ui.i18n import _, t

CATALOG = load_catalog()
NASTY = '<script>alert(1)</script> *bold* [link](javascript:alert(2)) & "q" :red[x] # head'
FILLED = {"brief_goal": "Grow the newsletter by 20 % this year",
          "brief_audience": "Parents of small children in Sweden",
          "brief_kpis": "Cost per sign-up under 40 SEK",
          "brief_approvals": "Head of marketing approves within 2 working days"}
ALL_BOUGHT = Scenario(team_size=0, budget_sek=3_000_000)  # no team: everything with demand is bought
SOLO = Scenario(team_size=1, budget_sek=1_500_000)
LEAD_AND_MANAGER = Scenario(team=("head_of_marketing", "social_media_manager"), marketing_lead_hours=0)
FILLED_CODES = ("goal", "audience", "kpis", "approvals")
RETAINED = Scenario(team_size=1, budget_sek=2_000_000, retainers=("community_agency:community:60000",))


def plan_of(scenario: Scenario):
    return simulate(scenario, CATALOG)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.mark.parametrize("scenario", [ALL_BOUGHT, SOLO, RETAINED], ids=["all bought", "solo", "retainer"])
def test_a_brief_for_every_bought_capability_in_markdown_and_html(scenario):
    plan = plan_of(scenario)
    items = briefs(plan, CATALOG)
    assert items
    for brief in items:
        name = _("en", CATALOG.name(brief.capability))
        markdown = brief_markdown(brief, plan, CATALOG, "en")
        page = brief_html(brief, plan, CATALOG, "en")
        assert markdown.startswith("# Brief: ")
        assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
        text = "".join(parsed(page).text)
        assert "<h1>Brief: " in page and f"Brief: {name} for " in text
        for item in brief.providers:
            assert _("en", CATALOG.name(item.provider)) in text
        for kpi in brief.kpis:
            assert _("en", CATALOG.kpi_name(brief.capability, kpi)) in text
        for deliverable in brief.deliverables:
            assert _("en", CATALOG.deliverable_name(brief.capability, deliverable)) in text
        assert _("en", CATALOG.capability(brief.capability).goal) in text
        assert sek(brief.fee_sek_year, "en") in markdown
        assert hours(brief.orderer_hours, "en") in markdown
        assert len(readiness_items(brief, "en")) == len(brief.checks)
        assert brief_file(brief, "md") == f"brief-{brief.capability}.md"
    if scenario is RETAINED:
        assert "retainer" in brief_markdown(next(b for b in items if b.capability == "community"),
                                            plan, CATALOG, "en")


def test_the_users_texts_appear_and_are_escaped():
    plan = plan_of(Scenario(team_size=0, budget_sek=3_000_000, brief_goal=NASTY,
                            brief_audience="Line one\n- not a list\n# not a heading",
                            brief_kpis=FILLED["brief_kpis"], brief_approvals=FILLED["brief_approvals"]))
    for brief in briefs(plan, CATALOG):
        page = brief_html(brief, plan, CATALOG, "en")
        assert "<script" not in page and "<a " not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert NASTY in "".join(parsed(page).text)  # reads as typed
        assert set(parsed(page).tags) <= {"html", "head", "meta", "title", "style", "body", "main", "h1",
                                          "h2", "p", "ul", "li", "br"}
        markdown = brief_markdown(brief, plan, CATALOG, "en")
        assert "<script>" not in markdown and "*bold*" not in markdown and "[link](" not in markdown
        assert r"\<script\>alert\(1\)\</script\> \*bold\* \[link\]" in markdown
        assert r"\:red\[x\]" in markdown and r"\# head" in markdown
        assert "\n\\- not a list" in markdown and "\n\\# not a heading" in markdown
        assert FILLED["brief_approvals"] in markdown and FILLED["brief_kpis"] in markdown
    report = briefs_report_html(plan, CATALOG, "en")
    assert "<script" not in report and "&lt;script&gt;" in report


def test_placeholders_when_the_texts_are_empty_and_readiness_counts_them():
    plan = plan_of(SOLO)
    brief = briefs(plan, CATALOG)[0]
    markdown = brief_markdown(brief, plan, CATALOG, "en")
    for placeholder in ("[to fill in: goal]", "[to fill in: target audience]", "[to fill in: KPI targets]",
                        "[to fill in: approvals]"):
        assert placeholder in markdown and placeholder in brief_html(brief, plan, CATALOG, "en")
    done = {code: ok for code, _label, ok in readiness_items(brief, "en")}
    assert not any(done[code] for code in ("goal", "audience", "kpis", "approvals"))
    filled = plan_of(Scenario(team_size=1, budget_sek=1_500_000, **FILLED))
    brief = briefs(filled, CATALOG)[0]
    markdown = brief_markdown(brief, filled, CATALOG, "en")
    assert "[to fill in" not in markdown
    assert all(ok for code, _label, ok in readiness_items(brief, "en") if code in FILLED_CODES)
    overall = overall_items(briefs(filled, CATALOG), CATALOG, "en")
    assert readiness_label(overall, "en") == (
        f"Brief readiness: {sum(item[2] for item in overall)} of {len(overall)} checks")


def test_ad_spend_is_kept_apart_from_the_fee_in_the_advertising_brief():
    plan = plan_of(Scenario(team_size=0, budget_sek=3_000_000, ad_spend_sek_month=80_000))
    items = {brief.capability: brief for brief in briefs(plan, CATALOG)}
    brief = items["advertise"]
    markdown = brief_markdown(brief, plan, CATALOG, "en")
    assert (f"Ad media spend: {sek(80_000, 'en')} a month, paid to the platforms, not part of the fee."
            in markdown)
    assert (f"Fee budget: {sek(brief.fee_sek_year, 'en')} a year ({sek(brief.fee_sek_year / 12, 'en')} "
            f"a month)") in markdown
    assert brief.fee_sek_year != 80_000 * 12
    for other in items.values():
        if other.capability != "advertise":
            assert "Ad media spend" not in brief_markdown(other, plan, CATALOG, "en")


def test_volumes_from_the_scenario_are_labelled():
    plan = plan_of(ALL_BOUGHT)
    items = {brief.capability: brief for brief in briefs(plan, CATALOG)}
    markdown = brief_markdown(items["create"], plan, CATALOG, "en")
    assert f"{t('posts_per_week', 'en')}: {number(ALL_BOUGHT.posts_per_week, 'en')}" in markdown


def test_role_duties_add_up_to_the_seats_hours():
    plan = plan_of(SOLO)
    for desc in role_descriptions(plan, CATALOG):
        assert sum(duty.hours for duty in desc.duties) == pytest.approx(desc.hours)
        markdown = role_markdown(desc, plan, CATALOG, "en")
        assert markdown.startswith(f"# {_('en', CATALOG.name(desc.role))} · Seat {desc.seat[1:]}")
        for duty in desc.duties:
            assert f"{hours(duty.hours, 'en')} h/week" in markdown
        assert f"Hours: {hours(desc.hours, 'en')} of {hours(desc.capacity, 'en')} h/week" in markdown
        assert t("coordination", "en") in markdown  # the solo manager orders bought work
        assert "Briefs and follows up the agencies and freelancers doing" in markdown
        assert f"Fully loaded cost: {sek(desc.cost_sek_year, 'en')} a year" in markdown
        assert "start of a job advert" in markdown
        assert role_file(desc, "html") == f"role-{desc.seat.lower()}-social-media-manager.html"


def test_owns_and_contributes_beside_a_head_of_marketing():
    plan = plan_of(LEAD_AND_MANAGER)
    descs = {desc.role: desc for desc in role_descriptions(plan, CATALOG)}
    manager = descs["social_media_manager"]
    assert "strategy" in manager.contributes and "strategy" in descs["head_of_marketing"].owns
    markdown = role_markdown(manager, plan, CATALOG, "en")
    owns, contributes = markdown.split("## Contributes to")
    assert "## Owns" in owns and "### Strategy" not in owns and "### Strategy" in contributes
    head = role_markdown(descs["head_of_marketing"], plan, CATALOG, "en")
    assert "### Strategy" in head.split("## Contributes to")[0]


def test_the_pay_band_is_shown():
    plan = plan_of(SOLO)
    desc = role_descriptions(plan, CATALOG)[0]
    assert desc.pay_band == (35_000, 50_000)
    page = role_html(desc, plan, CATALOG, "en")
    assert "Usual pay: 35,000–50,000 SEK a month" in page
    assert f"Gross pay: {sek(45_000, 'en')} a month" in page.replace("&nbsp;", "\u00a0")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_both_languages_render(lang):
    for scenario in (ALL_BOUGHT, SOLO, LEAD_AND_MANAGER):
        plan = plan_of(scenario)
        for brief in briefs(plan, CATALOG):
            page = brief_html(brief, plan, CATALOG, lang)
            assert f'<html lang="{lang}">' in page and page.count("<h1>") == 1
            assert brief_markdown(brief, plan, CATALOG, lang).count("\n# ") == 0
        for desc in role_descriptions(plan, CATALOG):
            assert role_html(desc, plan, CATALOG, lang).count("<h1>") == 1
            assert seat_word(lang) in role_markdown(desc, plan, CATALOG, lang)
        report = briefs_report_html(plan, CATALOG, lang) + roles_report_html(plan, CATALOG, lang)
        assert report.count("<section") == 2 and "<h1>" not in report
        assert report.count('<article class="brief">') == len(briefs(plan, CATALOG))
        assert report.count('<article class="role">') == len(role_descriptions(plan, CATALOG))


def seat_word(lang: str) -> str:
    return _(lang, "Seat {number}", number=1).split(" ")[0]


def test_the_report_sections_say_when_there_is_nothing():
    plan = plan_of(Scenario(team_size=2, insource=tuple(CAPABILITIES)))  # never buy outside
    assert not briefs(plan, CATALOG) and role_descriptions(plan, CATALOG)
    assert "nothing to brief" in briefs_report_html(plan, CATALOG, "en")
    empty = plan_of(Scenario(team_size=0, budget_sek=0))
    assert not role_descriptions(empty, CATALOG)
    assert t("no_team", "en") in roles_report_html(empty, CATALOG, "en")
