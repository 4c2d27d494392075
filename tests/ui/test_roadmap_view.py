"""The Roadmap's figures, tables and words (ui/roadmap_charts.py) and its section of the HTML report:
quarters named from the next quarter, charts that hold what the roadmap says, labels in both
languages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import plotly.graph_objects as go
import pytest

from model import Scenario, load_catalog
from model.roadmap import roadmap
from ui.figkit import split_title
from ui.i18n import _, t
from ui.report import ROADMAP_CHARTS, ReportScenario, scenario_report
from ui.roadmap_charts import (
    cost_chart,
    coverage_chart,
    first_quarter,
    gantt_chart,
    hire_table,
    objective_text,
    quarter_label,
    quarter_labels,
    quarter_table,
    roadmap_figures,
)

CATALOG = load_catalog()
TODAY = date(2026, 5, 10)  # in Q2 2026: the roadmap starts in Q3 2026
TRIO = ("social_media_manager", "community_manager", "content_manager")
SCENARIO = Scenario(team=TRIO, hires=2, growth_per_quarter=0.08, budget_sek=3_500_000)
LANGS = ("en", "sv")


@pytest.fixture(scope="module")
def road():
    return roadmap(SCENARIO, CATALOG)


def test_quarters_are_named_from_the_next_quarter():
    assert first_quarter(date(2026, 5, 10)) == (2026, 3)
    assert first_quarter(date(2026, 1, 1)) == (2026, 2)
    assert first_quarter(date(2026, 12, 31)) == (2027, 1)
    assert quarter_labels(4, TODAY, "en") == ["Q3 2026", "Q4 2026", "Q1 2027", "Q2 2027"]
    assert quarter_label(9, TODAY, "en") == "Q4 2028"
    assert quarter_label(0, TODAY, "sv") == _("sv", "Q{quarter} {year}", quarter=3, year="2026")
    assert "2\u00a0026" not in quarter_label(0, TODAY, "sv")  # a year is not a grouped number


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_valid_plotly(road, lang):
    figures = roadmap_figures(road, CATALOG, lang, TODAY)
    assert set(figures) == {"gantt", "cost", "coverage"}
    for figure in figures.values():
        go.Figure(figure.to_dict())  # Plotly's own validation accepts it


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_shows_seats_recruitment_and_bridges(road, lang):
    fig = gantt_chart(road, CATALOG, lang, TODAY)
    traces = {trace.name: trace for trace in fig.data}
    on_board, recruiting = traces[_(lang, "On board")], traces[_(lang, "Recruiting")]
    rows = list(fig.layout.yaxis.categoryarray)
    assert len(rows) == len(road.team) + len({b.capability for q in road.quarters for b in q.bridges})
    starts = dict(zip(on_board.y, on_board.base, strict=True))
    lengths = dict(zip(on_board.y, on_board.x, strict=True))
    assert len(starts) == len(road.team)
    for hire in road.hires:
        seat = _(lang, "Seat {number}", number=hire.seat[1:])
        row = next(label for label in rows if label.startswith(seat))
        assert starts[row] == hire.start and lengths[row] == road.horizon - hire.start
        index = list(recruiting.y).index(row)
        assert recruiting.base[index] == hire.recruiting_from
        assert recruiting.base[index] + recruiting.x[index] == hire.start
    bridged = [trace for name, trace in traces.items()
               if name in (_(lang, "Bridged by an agency"), _(lang, "Bridged by a freelancer"))]
    assert bridged
    assert all(base + width <= max(h.start for h in road.hired)
               for trace in bridged for base, width in zip(trace.base, trace.x, strict=True))
    assert list(fig.layout.xaxis.ticktext) == quarter_labels(road.horizon, TODAY, lang)
    head, sub = split_title(_(lang, "Timeline: seats, recruitment and bridges"))
    assert (fig.layout.title.text, fig.layout.title.subtitle.text) == (head, sub)


@pytest.mark.parametrize("lang", LANGS)
def test_the_cost_chart_stacks_to_each_quarters_total(road, lang):
    fig = cost_chart(road, lang, TODAY)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert {trace.name for trace in bars} <= {t(kind, lang) for kind in ("in_house", "agency", "freelancer")}
    for index, quarter in enumerate(road.quarters):
        assert sum(trace.y[index] for trace in bars) * 1e6 == pytest.approx(quarter.total)
    budget = next(trace for trace in fig.data if trace.name == _(lang, "Budget per quarter"))
    assert list(budget.y) == [quarter.budget / 1e6 for quarter in road.quarters]


@pytest.mark.parametrize("lang", LANGS)
def test_the_coverage_chart_follows_the_quarters(road, lang):
    fig = coverage_chart(road, CATALOG, lang, TODAY)
    coverage = next(trace for trace in fig.data if trace.name == _(lang, "Coverage"))
    quality = next(trace for trace in fig.data if trace.name == _(lang, "Quality"))
    assert list(coverage.y) == [quarter.coverage for quarter in road.quarters]
    assert list(quality.y) == [quarter.quality for quarter in road.quarters]
    assert len(fig.layout.shapes) == len({hire.start for hire in road.hired})  # a line where seats start


@pytest.mark.parametrize("lang", LANGS)
def test_the_tables_have_a_row_per_quarter_and_per_hire(road, lang):
    table = quarter_table(road, CATALOG, lang, TODAY)
    assert len(table) == road.horizon
    assert list(table.columns)[:3] == [_(lang, "Quarter"), _(lang, "On board"), _(lang, "Recruiting")]
    assert t("in_house", lang) in table.columns and t("budget", lang) in table.columns
    assert table.iloc[0, 0] == quarter_label(0, TODAY, lang)
    hires = hire_table(road, CATALOG, lang, TODAY)
    assert len(hires) == len(road.hires)
    assert set(hires[_(lang, "Starts")]) == {quarter_label(h.start, TODAY, lang) for h in road.hires}


def test_a_flat_roadmap_has_no_recruitment_nor_bridges():
    flat = roadmap(Scenario(team=TRIO, budget_sek=3_000_000), CATALOG)
    fig = gantt_chart(flat, CATALOG, "en", TODAY)
    assert [trace.name for trace in fig.data] == ["On board"]
    assert list(fig.data[0].base) == [0, 0, 0]
    never = roadmap(Scenario(team=("social_media_manager", "video_producer"), hires=1, posts_per_week=2,
                             video_share=0.1, budget_sek=5_000_000), CATALOG)
    fig = gantt_chart(never, CATALOG, "en", TODAY)
    assert any("Not hired within the horizon" in note.text for note in fig.layout.annotations)
    assert hire_table(never, CATALOG, "en", TODAY)["Starts"].tolist() == ["Not hired within the horizon"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_objective_is_stated_with_its_sources(road, lang):
    text = objective_text(road, lang, TODAY)
    assert "SCB" in text and "LAS" in text
    assert quarter_label(2, TODAY, lang) in text  # recruited now: 5.6 months, so the third quarter
    assert ("2.6" if lang == "en" else "2,6") in text


def test_swedish_labels_are_translated(road):
    """The page's words have Swedish translations (locale/sv), not the English msgids."""
    for msgid in ("Timeline: seats, recruitment and bridges", "On board", "Recruiting",
                  "Cost per quarter (SEK)", "Coverage and quality per quarter", "Quarter", "Hiring roadmap",
                  "First new seat starts"):
        assert _("sv", msgid) != msgid, msgid
    assert t("page_roadmap", "sv") != "Roadmap"


def _report(scenario: Scenario, lang: str) -> str:
    from model import simulate

    item = ReportScenario("Roadmap <b>A</b>", "", simulate(scenario, CATALOG), CATALOG)
    return scenario_report(item, lang, generated_at=datetime(2026, 5, 10, 9, 0, tzinfo=UTC))


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_holds_the_roadmap_when_there_is_one(lang):
    text = _report(SCENARIO, lang)
    for name in ROADMAP_CHARTS:
        assert f'id="chart-{name}"' in text
    assert _(lang, "Hiring roadmap") in text and quarter_label(0, TODAY, lang) in text
    assert text.count("plotly.js v") == 1  # still inlined once
    assert "<b>A</b>" not in text


def test_the_report_leaves_the_roadmap_out_without_hires_or_growth():
    text = _report(Scenario(team=TRIO, budget_sek=3_000_000), "en")
    assert "chart-roadmap" not in text and "Hiring roadmap" not in text
    growing = Scenario(team=TRIO, budget_sek=3_000_000, growth_per_quarter=0.05)
    assert "chart-roadmap-gantt" in _report(growing, "en")
