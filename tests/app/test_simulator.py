"""AppTest of the Simulator page through app.py: headline figures, charts, findings, the table,
the downloads and the share link, in both languages and for every preset, with deltas."""

from __future__ import annotations

import io
import json
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from model import Scenario, for_plan, load_catalog, simulate
from tests.apptest_support import metrics, new_app, run
from ui.findings import finding_text
from ui.fmt import msek, pct
from ui.planview import ordered_findings

CATALOG = load_catalog()
PRESETS = list(CATALOG.presets)
HEADLINES_EN = ["Coverage", "Quality", "Not done a week", "Cost / least cost", "Over capacity"]
HEADLINES_SV = ["Täckning", "Kvalitet", "Ogjort per vecka", "Kostnad / lägsta kostnad",
                "Över kapacitet"]


def chart_specs(at) -> dict[str, dict]:
    return {spec["layout"]["title"]["text"]: spec
            for chart in at.get("plotly_chart") for spec in [json.loads(chart.proto.spec)]}


def share_query(at) -> dict[str, list[str]]:
    link = at.code[0].value
    return parse_qs(urlsplit(link).query)


def test_default_page_shows_the_plan():
    at = run(new_app())
    plan = simulate(Scenario(), CATALOG)
    shown = metrics(at)
    assert list(shown) == HEADLINES_EN + ["Hours at risk in July", "Resting on one person",
                                          "Cover for the holidays"]
    assert shown["Coverage"] == pct(plan.overall_coverage)
    least = for_plan(plan, CATALOG).cost
    assert shown["Cost / least cost"] == f"{plan.cost.total / 1e6:.1f} / {msek(least)}"
    assert shown["Over capacity"] == "0 of 1"  # a solo manager by default
    assert shown["Not done a week"] == f"{sum(plan.uncovered.values()):.1f} h"
    assert shown["Quality"] == f"{plan.overall_quality:.2f}"
    titles = list(chart_specs(at))
    assert titles == ["Coverage per capability", "Who is missed in July", "Cost against budget",
                      "Load per person against capacity", "Who does what"]
    # (the units and the rest on a second line: ui.figkit.split_title)
    # the findings, most severe first, each with its advice
    alerts = [box for box in at.main if box.type in ("error", "warning", "info")]
    boxes = [box.value for box in alerts if "Advice:" in box.value]
    ordered = ordered_findings(plan)
    assert len(boxes) == len(plan.findings) > 0
    for box, finding in zip(boxes, ordered, strict=True):
        message, advice = finding_text(finding, CATALOG, "en")
        assert message in box and advice in box and finding.severity.capitalize() in box
    ranks = [["critical", "warning", "info"].index(finding.severity) for finding in ordered]
    assert ranks == sorted(ranks)
    # the assignment table: one row per line plus the uncovered hours, with the reasons
    table = at.table[-1].value  # the assignments (the limits table comes before it)
    assert len(table) == len(plan.assignments) + sum(1 for v in plan.uncovered.values() if v > 1e-9)
    assert list(table.columns) == ["Capability", "Who", "Type", "h/week", "Cost per year", "Fit", "Why"]
    assert any("Kept in-house" in reason for reason in table["Why"])
    assert "Seat 1 · Social Media Manager" in set(table["Who"])
    # downloads and the share link (no URL is known under AppTest: a relative link)
    assert [button.label for button in at.get("download_button")] == [
        "Download the plan (CSV)", "Download the scenario (YAML)"]
    assert at.code[0].value == "?lang=en"


def test_load_chart_marks_coordination_and_capacity():
    at = run(new_app({"team_size": "1", "budget_sek": "1500000"}))
    spec = chart_specs(at)["Load per person against capacity"]
    person = simulate(Scenario(team_size=1, budget_sek=1_500_000), CATALOG).people[0]
    assert person.coordination_hours > 0 and person.utilisation <= 1 + 1e-9  # capacity is hard
    names = [trace.get("name") for trace in spec["data"]]
    assert "Coordinating suppliers" in names and "Capacity" in names
    assert not any(shape["type"] == "rect" for shape in spec["layout"].get("shapes", []))


def test_load_chart_marks_over_capacity():
    """The plan never overloads anyone; a plan that did (a guard) would show the overrun red."""
    from dataclasses import replace

    from ui.charts import load_chart

    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=1_500_000), CATALOG)
    over = replace(plan.people[0], hours=40.8, utilisation=1.2)
    spec = load_chart(replace(plan, people=(over,)), CATALOG, "en").to_dict()
    assert any(shape["type"] == "rect" for shape in spec["layout"]["shapes"])  # the red overrun
    texts = [text for trace in spec["data"] if trace.get("mode") == "text" for text in trace["text"]]
    assert any("over capacity" in text for text in texts)


def test_coverage_chart_shows_uncovered_part():
    at = run(new_app({"team_size": "1", "budget_sek": "700000"}))
    spec = chart_specs(at)["Coverage per capability"]
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["In-house", "Agency", "Freelancer", "Done at lower fit", "Not done"]
    not_done = spec["data"][-1]["x"]
    plan = simulate(Scenario(team_size=1, budget_sek=700_000), CATALOG)
    assert sum(not_done) > 0
    for value, cap in zip(not_done, plan.demand, strict=True):
        expected = plan.uncovered[cap] / plan.demand[cap] if plan.demand[cap] > 0 else 0
        assert value == pytest.approx(expected)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_in_both_languages(preset, lang):
    at = run(new_app({"lang": lang}))
    at.sidebar.selectbox(key="preset_choice").set_value(preset)
    run(at)
    scenario = CATALOG.presets[preset].scenario
    plan = simulate(scenario, CATALOG)
    shown = metrics(at)
    assert list(shown)[:5] == (HEADLINES_SV if lang == "sv" else HEADLINES_EN) and len(shown) == 8
    assert list(shown.values())[0] == pct(plan.overall_coverage, lang)
    assert list(shown.values())[4].endswith(str(len([p for p in plan.people if p.in_team])))
    assert len(at.get("plotly_chart")) == 5  # coverage, July, cost, load, who does what
    query = share_query(at)
    assert query["lang"] == [lang]
    assert Scenario.from_query_params(query) == scenario
    if lang == "sv":
        assert at.title[0].value == "Simulator"
        table = at.table[-1].value  # the assignments (the limits table comes before it)
        assert list(table.columns) == ["Kapabilitet", "Vem", "Typ", "h/vecka", "Kostnad per år",
                                       "Matchning", "Varför"]
        text = " ".join(str(value) for value in table.to_numpy().ravel())
        assert "Seat " not in text and "In-house" not in text
        specs = chart_specs(at)
        assert "Täckning per kapabilitet" in specs
        assert all(spec["layout"]["separators"] == ",\u00a0" for spec in specs.values())


def test_deltas_against_the_preset_and_the_previous_scenario():
    at = run(new_app())
    assert all(metric.delta in ("", None) for metric in at.metric)  # nothing to compare with yet
    at.sidebar.selectbox(key="preset_choice").set_value("solo_manager")
    run(at)
    at.sidebar.slider(key="budget_msek").set_value(3.0)
    run(at)
    at.sidebar.slider(key="team_size").set_value(2)
    run(at)
    coverage = next(metric for metric in at.metric if metric.label == "Coverage")
    assert coverage.delta.startswith("+")  # against the preset's single seat and smaller budget
    assert "against the preset" in coverage.proto.delta_description
    assert next(metric for metric in at.metric if metric.label == "Over capacity").value.endswith("of 2")
    cost = next(metric for metric in at.metric if metric.label.startswith("Cost"))
    assert cost.delta.startswith("+") and cost.proto.color == MetricProto.MetricColor.RED  # inverse
    at.segmented_control(key="delta_against").set_value("previous")
    run(at)
    coverage = next(metric for metric in at.metric if metric.label == "Coverage")
    assert coverage.delta in ("", None) or "previous scenario" in coverage.proto.delta_description
    at.sidebar.slider(key="team_size").set_value(4)
    run(at)
    # the workload keeps two people busy: the third and fourth seats stay empty, and say so
    assert next(metric for metric in at.metric if metric.label == "Over capacity").value.endswith("of 2")
    assert any("fills 2 of the 4 seats" in box.value for box in at.info)


def test_csv_download_holds_the_plan():
    at = run(new_app({"team_size": "3"}))
    csv = at.get("download_button")[0].proto
    plan = simulate(Scenario(team_size=3), CATALOG)
    assert csv.label == "Download the plan (CSV)"
    from ui.planview import plan_csv  # the bytes the button serves

    text = plan_csv(plan, CATALOG, "en")
    header = list(pd.read_csv(io.StringIO(text), nrows=0).columns)  # the BOM is not part of the first name
    assert header[:5] == ["capability", "capability_name", "provider_type", "provider", "provider_name"]
    frame, expected = pd.read_csv(io.StringIO(text)), plan.to_frame()  # the model's own table view
    assert len(frame) == len(expected)
    for column in ("capability", "provider_type"):
        assert list(frame[column]) == list(expected[column])
    from ui.reasons import line_reason, reason_text  # the model's reason codes, in words

    reasons = [line_reason(line, CATALOG, "en") for line in plan.assignments]
    reasons += [reason_text("uncovered", {}, CATALOG, "en")] * (len(expected) - len(reasons))
    assert list(frame["reason"]) == reasons
    assert frame["hours_week"].to_numpy() == pytest.approx(expected["hours_week"].to_numpy(), abs=0.005)
    assert frame["cost_sek_year"].sum() == pytest.approx(expected["cost_sek_year"].sum(), abs=len(frame))


def test_share_link_reopens_the_same_figures():
    first = run(new_app({"lang": "sv"}))
    first.sidebar.slider(key="team_size").set_value(4)
    run(first)
    first.sidebar.slider(key="budget_msek").set_value(3.5)
    run(first)
    query = share_query(first)
    assert query["team_size"] == ["4"] and query["budget_sek"] == ["3500000"] and query["lang"] == ["sv"]
    second = run(new_app({key: values if len(values) > 1 else values[0] for key, values in query.items()}))
    assert metrics(second) == metrics(first)
    assert second.table[0].value.equals(first.table[0].value)


def test_simulator_says_when_assumptions_differ_from_the_defaults(raw_catalog):
    from model import build_catalog
    from ui.state import CATALOG_KEY

    at = run(new_app())
    assert not [w for w in at.warning if "Assumptions differ" in str(w.value)]
    raw_catalog["roles"]["roles"][4]["pay_sek_month"] = 60000  # the Social Media Manager
    at.session_state[CATALOG_KEY] = build_catalog(raw_catalog)
    run(at)
    banners = [w.value for w in at.warning if "Assumptions differ" in str(w.value)]
    assert banners and "1 value changed" in banners[0]


@pytest.mark.parametrize(("lang", "title", "money"), [
    ("en", "What limits this plan", "Money binds this plan most: SEK 100,000 more a year"),
    ("sv", "Vad som begränsar planen", "Det är budgeten som begränsar planen mest: 100 000 kr mer per år"),
])
def test_the_page_says_what_limits_the_plan(lang, title, money):
    at = run(new_app({"lang": lang, "team": "social_media_manager", "budget_sek": "800000"}))
    assert title in [header.value for header in at.subheader]
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=800_000), CATALOG)
    assert plan.limits.budget_gain > 0 and plan.overall_coverage < 1
    text = next(m.value for m in at.markdown if m.value.startswith(money.split(":")[0]))
    assert text.replace("\u00a0", " ").startswith(money)
    gain = f"{plan.limits.budget_gain * 100:.1f}".replace(".", "," if lang == "sv" else ".")
    assert gain in text  # the same figure as Plan.limits
    [table] = [t for t in at.table if len(t.value.columns) == 2]
    assert len(table.value) == 1 + len(plan.limits.seat_gain)


def test_a_plan_with_all_work_done_says_nothing_binds_it():
    at = run(new_app({"team": "social_media_manager", "budget_sek": "20000000"}))
    assert any(m.value.startswith("All the work is done: neither money nor time limits this plan")
               for m in at.markdown)


def test_a_plan_that_small_steps_do_not_help_says_so_without_guessing_why():
    from ui.planview import limits_summary

    plan = simulate(Scenario(team_size=2, budget_sek=1_500_000), CATALOG)
    assert plan.overall_coverage < 1 and plan.limits.budget_gain <= 1e-6
    assert all(gain <= 1e-6 for gain in plan.limits.seat_gain.values())
    assert limits_summary(plan, CATALOG, "en").startswith("Neither a little more money nor one more hour")
    assert "Avvägningar" in limits_summary(plan, CATALOG, "sv")
