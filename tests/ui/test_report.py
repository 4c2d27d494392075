"""The HTML reports: one self-contained file with every chart, plotly.js inlined once, nothing
loaded from outside, and every text a user typed escaped."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from model import Scenario, build_catalog, simulate
from ui.report import (
    COMPARE_CHARTS,
    SCENARIO_CHARTS,
    ReportScenario,
    comparison_report,
    raci_table,
    scenario_report,
)

NASTY_NAME = '<script>alert("name")</script> & "Plan" <b>bold</b>'
NASTY_NOTE = "Why: <img src=x onerror=alert(1)>\n</p><a href='javascript:alert(2)'>click</a> &amp; more"
RAW_FRAGMENTS = ("<script>alert", "<b>bold", "<img src=x", "<a href='javascript", "</p><a href")
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
                "h1", "h2", "h3", "h4", "p", "div", "figure", "script", "table", "thead", "tbody", "tr",
                "th", "td", "ul", "li", "span", "em", "br", "article", "h5", "strong", "ol"}
WHEN = datetime(2025, 5, 1, 9, 30, tzinfo=UTC)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def parse(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def items(catalog):
    presets = list(catalog.presets.values())
    return [ReportScenario(name, note, simulate(preset.scenario, catalog), catalog)
            for name, note, preset in ((NASTY_NAME, NASTY_NOTE, presets[0]), ("Second", "", presets[1]),
                                       ("Third <i>", "x < y", presets[2]))]


@pytest.fixture(scope="module")
def single(items):
    return scenario_report(items[0], "en", generated_at=WHEN)


@pytest.fixture(scope="module")
def compared(items, catalog):
    return comparison_report(items, catalog, "sv", generated_at=WHEN)


def check_self_contained(text: str, chart_ids: list[str]) -> Tags:
    assert text.startswith("<!DOCTYPE html>")
    parsed = parse(text)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert all("src" not in attrs for attrs in scripts)  # nothing fetched from outside
    assert not any(tag in ("link", "img", "iframe") for tag, _ in parsed.tags)
    assert text.count("plotly.js v") == 1  # the library, inlined exactly once
    assert len(re.findall(r"window\.PlotlyConfig", text)) == 1
    ids = [attrs["id"] for tag, attrs in parsed.tags
           if tag == "div" and attrs.get("class") == "plotly-graph-div"]
    assert ids == chart_ids
    for chart_id in chart_ids:
        assert re.search(r'Plotly\.newPlot\(\s*"' + re.escape(chart_id) + '"', text), chart_id
    return parsed


def test_the_scenario_report_holds_every_chart_and_opens_offline(single):
    parsed = check_self_contained(single, [f"chart-{name}" for name in SCENARIO_CHARTS])
    text = " ".join(parsed.text)
    for heading in ("Findings and advice", "Roles: RACI", "Who does what, and why", "The scenario",
                    "How sure is this plan?", "Coverage, P10–P90", "Single-number plan"):
        assert heading in text
    assert "Generated 2025-05-01 09:30 UTC" in text


def test_the_comparison_report_holds_every_chart_and_opens_offline(compared):
    parsed = check_self_contained(compared, [f"chart-compare-{name}" for name in COMPARE_CHARTS])
    text = " ".join(parsed.text)
    for heading in ("Nyckeltal", "Sida vid sida", "Vad som ändrats", "Iakttagelser och råd", "Scenarierna"):
        assert heading in text
    assert 'lang="sv"' in compared


@pytest.mark.parametrize("which", ["single", "compared"])
def test_user_text_is_escaped_everywhere(request, which):
    text = request.getfixturevalue(which)
    for fragment in RAW_FRAGMENTS:
        assert fragment not in text, fragment
    parsed = parse(text)
    visible = "\n".join(parsed.text)
    assert NASTY_NAME in visible  # shown as typed, as text
    assert "Why: <img src=x onerror=alert(1)>" in visible
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; &quot;Plan&quot;" in text


HOSTILE_NAMES = ("</script><script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<b>bold</b> & 'q'",
                 '=HYPERLINK("http://x")')


@pytest.fixture(scope="module")
def hostile_catalog(catalog):
    """Every role, provider and capability renamed (as an imported assumptions file may do)."""
    raw = catalog.to_raw()
    entries = raw["roles"]["roles"] + raw["providers"]["providers"] + raw["capabilities"]["capabilities"]
    for number, item in enumerate(entries):
        name = f"{HOSTILE_NAMES[number % len(HOSTILE_NAMES)]} {number}"
        item["name"] = {"en": name, "sv": name}
    return build_catalog(raw, origin="hostile")


@pytest.mark.parametrize("kind", ["scenario", "comparison"])
def test_names_from_imported_assumptions_are_escaped(hostile_catalog, kind):
    plans = [simulate(hostile_catalog.presets[preset].scenario, hostile_catalog)
             for preset in ("small_team_agency", "solo_manager")]
    items = [ReportScenario(f"Plan {number}", "", plan, hostile_catalog) for number, plan in enumerate(plans)]
    if kind == "scenario":
        text = scenario_report(items[0], "en", generated_at=WHEN)
        parsed = check_self_contained(text, [f"chart-{name}" for name in SCENARIO_CHARTS])
    else:
        text = comparison_report(items, hostile_catalog, "en", generated_at=WHEN)
        parsed = check_self_contained(text, [f"chart-compare-{name}" for name in COMPARE_CHARTS])
    for fragment in ("<script>alert", "<img src=x", "<b>bold"):
        assert fragment not in text, fragment
    for fragment in ("&lt;/script&gt;&lt;script&gt;alert(1)", "&lt;img src=x onerror=alert(2)&gt;"):
        assert fragment in text, fragment  # the names are in it, escaped
    if kind == "scenario":  # its tables show every capability's name as typed, as text
        visible = "\n".join(parsed.text)
        assert all(hostile_catalog.name(cap) in visible for cap in plans[0].demand)


def test_names_in_charts_are_escaped_for_plotly(compared):
    figures = re.findall(r'Plotly\.newPlot\(\s*"chart-compare-coverage",\s*(\[.*?\]),\s*\{', compared, re.S)
    traces = json.loads(figures[0])
    assert traces[0]["name"] == ('&lt;script&gt;alert("name")&lt;/script&gt; &amp; "Plan" '
                                 "&lt;b&gt;bold&lt;/b&gt;")


def test_the_note_keeps_its_lines(single):
    assert "Why: &lt;img src=x onerror=alert(1)&gt;<br>&lt;/p&gt;&lt;a href=&#x27;javascript" in single


def test_the_comparison_marks_better_and_worse(catalog):
    lean = simulate(Scenario(team_size=1, budget_sek=800_000), catalog)
    rich = simulate(Scenario(team_size=5, budget_sek=6_000_000), catalog)
    text = comparison_report([ReportScenario("Lean", "", lean, catalog),
                              ReportScenario("Rich", "", rich, catalog)], catalog, "en", generated_at=WHEN)
    assert '<td class="num better">' in text and '<td class="num worse">' in text
    assert "Lean → Rich" in text


def test_a_comparison_needs_two_scenarios(items, catalog):
    with pytest.raises(ValueError, match="two"):
        comparison_report(items[:1], catalog, "en")


def test_repeated_names_are_kept_apart(catalog):
    plan = simulate(Scenario(), catalog)
    text = comparison_report([ReportScenario("Same", "", plan, catalog)] * 2, catalog, "en")
    assert "Same (2)" in text


def test_the_raci_table_is_in_the_report_in_the_language(single, catalog, items):
    table = raci_table(items[0].plan, catalog, "en")
    assert list(table.columns)[:3] == ["Capability", "Responsible (does the work)", "Accountable (one)"]
    for accountable in table["Accountable (one)"]:
        assert accountable.replace("&", "&amp;") in single
