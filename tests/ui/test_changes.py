"""What changed between plans (ui/changes) and the comparison figures (ui/compare_charts)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import Scenario, simulate
from ui.changes import compare_rows, scenario_summary, summarise_changes, unique_labels
from ui.compare_charts import SCENARIO_COLORS, compare_figures, safe
from ui.feedback import md_escape

SOLO = Scenario(team_size=1, budget_sek=1_200_000, inbound_per_week=300)
TEAM = Scenario(team=("social_media_manager", "community_manager", "content_manager"), budget_sek=3_000_000,
                inbound_per_week=300)


@pytest.fixture(scope="module")
def plans(catalog):
    return simulate(SOLO, catalog), simulate(TEAM, catalog)


def test_the_same_scenario_has_nothing_to_report(catalog, plans):
    summary = summarise_changes(plans[0], plans[0], catalog, "en")
    assert summary.same_plan and summary.sections() == []


def test_a_bigger_team_reports_inputs_doers_cover_and_findings(catalog, plans):
    solo, team = plans
    summary = summarise_changes(solo, team, catalog, "en")
    assert not summary.same_plan
    expected = "Team composition: the hiring ladder → Social Media Manager, Community Manager"
    assert any(line.startswith(expected) for line in summary.inputs)
    assert "Annual budget (SEK): 1.2\u00a0MSEK → 3.0\u00a0MSEK" in summary.inputs
    community = next(line for line in summary.who if line.startswith("Community & support"))
    assert "now Community Manager (in-house)" in community
    assert "before: Social Media Manager (in-house)" in community
    assert any(line.startswith("Community & support:") for line in summary.gained)
    solo_rules = {finding.rule_id for finding in solo.findings}
    team_rules = {finding.rule_id for finding in team.findings}
    assert len(summary.gone) >= len(solo_rules - team_rules) > 0
    assert [title for _, title, _ in summary.sections()][:2] == ["Figures", "What was changed"]
    back = summarise_changes(team, solo, catalog, "sv")
    assert len(back.lost) == len(summary.gained) and len(back.appeared) == len(summary.gone)
    assert back.titles["who"] == "Vem gör vad nu"


def test_compare_rows_say_better_worse_or_changed(plans):
    rows = {row.key: row for row in compare_rows(list(plans), "en")}
    assert rows["coverage"].verdict(0) == "base"
    assert rows["coverage"].verdict(1) == "better"
    assert rows["cost"].verdict(1) == "worse"
    assert rows["people"].verdict(1) == "changed"
    assert rows["agency"].verdict(1) in ("same", "changed")
    same = compare_rows([plans[0], plans[0]], "en")
    assert {row.verdict(1) for row in same} == {"same"}


def test_differences_too_small_to_show_are_no_differences(catalog):
    base = simulate(Scenario(budget_sek=2_000_000), catalog)
    nudged = simulate(Scenario(budget_sek=2_000_000, ad_spend_sek_month=30_005), catalog)
    rows = {row.key: row for row in compare_rows([base, nudged], "en")}
    for key in ("cost", "agency", "freelancer"):
        if rows[key].values[0] == rows[key].values[1]:
            assert rows[key].verdict(1) == "same"


def test_scenario_summary_line(catalog, plans):
    assert scenario_summary(SOLO, plans[0], catalog, "en").startswith("Team of 1 · budget 1.2")
    assert scenario_summary(TEAM, plans[1], catalog, "sv").startswith("Team om 3 · budget 3,0")


def test_unique_labels():
    assert unique_labels(["a", "a", "a (2)", "b"]) == ["a", "a (2)", "a (2) (2)", "b"]


@given(st.text())
def test_md_escape_leaves_no_markdown_character_unescaped(text):
    escaped = md_escape(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.S) == text
    unescaped = re.sub(r"\\.", "", escaped, flags=re.S)
    assert not set(unescaped) & set("*_[]()<>`$:&#|~\\")


def test_comparison_figures(catalog, plans):
    items = [("<b>Solo</b>", plans[0]), ("Team & co", plans[1])]
    figures = compare_figures(items, catalog, "en")
    assert set(figures) == {"coverage", "cost", "load", "work"}
    coverage = figures["coverage"]
    assert [trace.name for trace in coverage.data] == ["&lt;b&gt;Solo&lt;/b&gt;", "Team &amp; co"]
    assert [trace.marker.color for trace in coverage.data] == list(SCENARIO_COLORS[:2])
    assert len(coverage.data[0].x) == 9
    cost = figures["cost"]
    budget = next(trace for trace in cost.data if trace.name == "Budget")
    assert list(budget.x) == [1.2, 3.0]
    bars = [trace for trace in cost.data if trace.type == "bar"]
    assert sum(trace.x[1] for trace in bars) == pytest.approx(plans[1].cost.total / 1e6)
    load = figures["load"]
    dots = sum(len(trace.x) for trace in load.data if trace.mode == "markers")
    assert dots == sum(1 for plan in (plans[0], plans[1]) for person in plan.people if person.capacity > 0)
    work = figures["work"]
    total = sum(p.total_demand for p in plans)
    assert sum(sum(trace.x) for trace in work.data) == pytest.approx(total, abs=0.2)
    assert safe("a<b>&") == "a&lt;b&gt;&amp;"
