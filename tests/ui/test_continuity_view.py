"""The July test and single points in words and a chart (ui/continuity_view.py): tiles, tables, the
heat map and the report section, in English and Swedish, for a solo manager, a team with a backup
and no team at all."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from model import Scenario, build_catalog, continuity, load_catalog, simulate
from ui import continuity_view as view
from ui.fmt import hours, sek

CATALOG = load_catalog()
SOLO = Scenario(team_size=1, budget_sek=800_000)
TEAM = Scenario(team_size=3, budget_sek=2_500_000)  # Seat 1 Social Media Manager, Seat 2 Community Manager
NOBODY = Scenario(team_size=0, budget_sek=500_000)


def _case(scenario, catalog=CATALOG):
    plan = simulate(scenario, catalog)
    return plan, continuity(plan, catalog)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_solo_manager_has_everything_at_risk(lang):
    plan, result = _case(SOLO)
    (away,) = result.absences
    assert not away.covered and away.at_risk == pytest.approx(away.absent_hours)
    risk, points, cost = view.risk_tiles(result, lang)
    assert risk.value.startswith(hours(away.absent_hours, lang))
    assert points.value.startswith(f"{len(result.single_points)} ") and len(result.single_points) >= 4
    assert cost.value == sek(result.cover_cost_sek, lang) and result.cover_cost_sek > 0
    rows = view.absence_rows(result, CATALOG, lang, plan)
    assert rows.shape == (1, 7)
    assert rows.iloc[0, 2] == view._(lang, "nobody")  # nobody covers from spare time
    assert rows.iloc[0, 6] == hours(away.at_risk, lang)
    fig = view.heatmap_figure(result, plan, CATALOG, lang)
    (trace,) = fig.data
    at_risk = view._(lang, "{hours} at risk", hours="").strip()
    cells = [cell for row in trace.text for cell in row if cell]
    assert len(cells) == len(away.absent) and all(at_risk in cell for cell in cells)
    assert view.summary_line(result, lang) == view.n_(
        lang, "July: {hours} h/week at risk; {count} capability rests on one person",
        "July: {hours} h/week at risk; {count} capabilities rest on one person",
        len(result.single_points), hours=hours(away.at_risk, lang))


def test_a_team_names_who_covers_and_the_backup():
    plan, result = _case(TEAM)
    assert [item.seat for item in result.absences] == ["S1", "S2"]
    rows = view.absence_rows(result, CATALOG, "en", plan)
    first, second = rows.iloc[0], rows.iloc[1]
    assert first["Who is away"] == "Seat 1 · Social Media Manager"
    cover = result.absences[0].covered[0]
    assert first["Covered in-house from spare time"].startswith(
        f"Seat 2 · Community Manager: {hours(cover.hours, 'en')} h of administration")
    assert first["Still undone"] == "Project management: 5.0 h"
    assert second["Their work"].startswith("Community & support: 23.5 h")
    assert "Customer service outsourcer: " in second["To buy, and from whom"]
    assert second["Still undone"] == "nothing"
    assert second["Cost of cover"] == sek(result.absences[1].cover_cost_sek, "en")
    points = view.single_point_rows(result, CATALOG, "en", plan)
    assert list(points["Capability"]) == [CATALOG.name(p.capability) for p in result.single_points]
    lead = points[points["Capability"] == "Project management"].iloc[0]
    assert lead["Rests on"] == "Seat 1 · Social Media Manager"
    assert lead["Backup"] == "Head of marketing (outside the team)"
    planning = points[points["Capability"] == "Planning"].iloc[0]
    assert planning["Backup"] == "Freelance social media manager (to buy)"
    # the same names without the plan (from what the result carries)
    assert view.absence_rows(result, CATALOG, "en").equals(rows)


def test_the_heatmap_has_a_row_per_absence_and_a_column_per_capability_with_demand():
    plan, result = _case(TEAM)
    fig = view.heatmap_figure(result, plan, CATALOG, "en")
    go.Figure(fig.to_dict())  # valid for Plotly
    (trace,) = fig.data
    caps = [cap for cap in result.capabilities if plan.demand.get(cap, 0.0) > 0]
    assert list(trace.x) == [html.escape(CATALOG.name(cap)) for cap in caps]  # Plotly reads HTML
    assert list(trace.y) == ["Seat 1<br>Social Media Manager", "Seat 2<br>Community Manager"]
    assert len(trace.z) == 2 and all(len(row) == len(caps) for row in trace.z)
    risk = result.matrix("at_risk")
    community, administer = caps.index("community"), caps.index("administer")
    assert trace.z[1][community] == pytest.approx(risk["S2"]["community"])
    assert trace.z[0][administer] == pytest.approx(1.5, abs=0.05)  # 12 h carried, 10.5 h covered
    assert trace.text[0][administer] == "12.0 h<br>1.5 at risk"
    assert trace.z[0][community] is None and trace.text[0][community] == ""  # Seat 1 does none
    assert fig.layout.title.text and fig.layout.xaxis.title.text == "Capability"
    assert trace.colorbar.title.text == "At risk (h/week)"
    sv = view.heatmap_figure(result, plan, CATALOG, "sv").data[0]
    assert sv.text[0][administer] == (view._("sv", "{hours} h", hours="12,0") + "<br>"
                                      + view._("sv", "{hours} at risk", hours="1,5"))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_team_says_so(lang):
    plan, result = _case(NOBODY)
    assert result.absences == () and result.single_points == ()
    risk, points, cost = view.risk_tiles(result, lang)
    assert risk.value == view._(lang, "{hours} h/week", hours=hours(0, lang))
    assert points.value.startswith("0 ") and cost.value == sek(0, lang)
    assert view.absence_rows(result, CATALOG, lang, plan).empty
    assert len(view.single_point_rows(result, CATALOG, lang, plan).columns) == 4
    fig = view.heatmap_figure(result, plan, CATALOG, lang)
    assert not fig.data and fig.layout.annotations
    section = view.report_html(result, plan, CATALOG, lang)
    assert view._(lang, view.NO_TEAM) in section and "<table>" not in section


def test_the_report_section_holds_tiles_and_tables():
    plan, result = _case(TEAM)
    section = view.report_html(result, plan, CATALOG, "en")
    assert section.startswith("<section>") and section.endswith("</section>")
    assert "Holidays and single points of failure" in section and section.count("<table>") == 3
    assert "Hours at risk in July" in section and "Seat 2 · Community Manager" in section


def test_text_from_data_is_escaped(raw_catalog):
    for role in raw_catalog["roles"]["roles"]:
        if role["id"] == "social_media_manager":
            role["name"] = "<script>alert(1)</script> & co"
    catalog = build_catalog(raw_catalog)
    plan, result = _case(TEAM, catalog)
    section = view.report_html(result, plan, catalog, "en")
    assert "<script>" not in section and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in section
    labels = view.heatmap_figure(result, plan, catalog, "en").data[0].y
    assert all("<script>" not in label for label in labels)
    assert "&lt;script&gt;" in labels[0]


@pytest.mark.parametrize(("scenario", "lang"), [(TEAM, "en"), (NOBODY, "sv")])
def test_render_draws_the_section(scenario, lang):
    script = ("from model import Scenario, load_catalog, simulate\n"
              "from ui import continuity_view\n"
              "catalog = load_catalog()\n"
              f"scenario = Scenario(team_size={scenario.team_size}, budget_sek={scenario.budget_sek})\n"
              f"continuity_view.render(simulate(scenario, catalog), catalog, {lang!r})\n")
    at = AppTest.from_string(script).run(timeout=60)
    assert not at.exception
    assert at.subheader[0].value == view._(lang, "Holidays and single points of failure")
    if scenario.team_size:
        worst = continuity(simulate(scenario, CATALOG), CATALOG).hours_at_risk
        assert len(at.metric) == 3 and at.metric[0].value == view._(lang, "{hours} h/week",
                                                                    hours=hours(worst, lang))
        assert len(at.get("plotly_chart")) == 1 and len(at.dataframe) == 2
    else:
        assert at.info[0].value == view._(lang, view.NO_TEAM)
        assert not at.metric and not at.get("plotly_chart")
