"""AppTest of what the Compare page compares by default and against what: every saved scenario
(the four most recently updated if there are more) is preselected, the sidebar's scenario is
offered once (by its saved name when it is one of the saved ones), the baseline is chosen in its
own selectbox, and the HTML reports name every option, the baseline too, by its saved name.
Each test has its own database (SQLite, and PostgreSQL when SOCIAL_SIM_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import re

import pytest

from model import Scenario
from tests.apptest_support import new_app, run
from ui import compare_view

OPTIONS = {  # five different scenarios, none of them the sidebar's default
    "Agency": Scenario(team_size=1, budget_sek=2_000_000),
    "Hybrid": Scenario(team_size=3, budget_sek=2_500_000),
    "In-house": Scenario(team_size=5, budget_sek=4_000_000),
    "Freelancers": Scenario(team_size=1, budget_sek=1_200_000, outsource=("create",)),
    "Big studio": Scenario(team_size=7, budget_sek=6_000_000),
}


@pytest.fixture
def reports(monkeypatch) -> dict[str, str]:
    """The HTML of the page's report downloads, built as the page builds them (on every run)."""
    built: dict[str, str] = {}

    def build_now(build, what, lang):
        built[what] = build()
        return built[what]

    monkeypatch.setattr(compare_view, "_safe_report", build_now)
    return built


def save(db, *names: str) -> dict[str, str]:
    """Save the named options in this order; their option keys by name."""
    return {name: f"saved:{db.save(name, OPTIONS[name]).id}" for name in names}


def compare_page(query: dict | None = None):
    return run(new_app(query, page="compare"))


def texts(elements) -> str:
    return re.sub(r"\\(.)", r"\1", "\n".join(str(element.value) for element in elements))


def card_titles(at) -> list[str]:
    """The titles of the headline cards, in order (the baseline's ends in '· baseline')."""
    return [text for text in (str(m.value).replace("\\", "") for m in at.markdown)
            if re.fullmatch(r"\*\*([^*]+)\*\*( · baseline)?", text)
            and text.split("**")[1] in {*OPTIONS, "Current (sidebar)"}]


def test_every_saved_option_is_preselected_and_the_first_saved_is_the_baseline(db):
    keys = save(db, "Agency", "Hybrid", "In-house")
    at = compare_page()
    assert at.multiselect(key="cmp_pick").value == [keys["Agency"], keys["Hybrid"], keys["In-house"]]
    assert at.selectbox(key="cmp_baseline").value == keys["Agency"]
    assert card_titles(at) == ["**Agency** · baseline", "**Hybrid**", "**In-house**"]


def test_with_more_than_four_the_four_most_recently_updated_are_preselected(db):
    keys = save(db, *OPTIONS)
    db.update(int(keys["Agency"].split(":")[1]), note="updated last")  # now the most recent
    at = compare_page()
    # "Hybrid" is the least recently updated; the rest keep the order they were saved in
    assert at.multiselect(key="cmp_pick").value == [keys[name] for name in (
        "Agency", "In-house", "Freelancers", "Big studio")]
    assert at.selectbox(key="cmp_baseline").value == keys["Agency"]


def test_one_saved_option_is_compared_with_the_sidebar(db):
    keys = save(db, "In-house")
    at = compare_page({"team_size": "2", "budget_sek": "1500000"})
    assert at.multiselect(key="cmp_pick").value == [keys["In-house"], "current"]
    assert at.selectbox(key="cmp_baseline").value == keys["In-house"]


def test_the_sidebar_equal_to_a_saved_option_is_not_offered_twice(db, reports):
    keys = save(db, "Agency", "Hybrid")
    at = compare_page(OPTIONS["Hybrid"].to_query_params())  # the sidebar holds "Hybrid"
    for widget in (at.multiselect(key="cmp_pick"), at.selectbox(key="cmp_baseline"),
                   at.selectbox(key="cmp_export_pick")):
        assert "Current (sidebar)" not in widget.options, widget.options
        assert widget.options.count("Hybrid") == 1
    assert at.multiselect(key="cmp_pick").value == [keys["Agency"], keys["Hybrid"]]
    # the exports start from the sidebar's scenario, which is "Hybrid": the report says so
    assert at.selectbox(key="cmp_export_pick").value == keys["Hybrid"]
    assert "<h1>Hybrid</h1>" in reports["scenario"] and "Current scenario" not in reports["scenario"]
    # a sidebar that differs from every saved option is offered, as the baseline too, not compared
    at.slider(key="team_size").set_value(9)
    at = run(at)
    assert "Current (sidebar)" in at.multiselect(key="cmp_pick").options
    assert "Current (sidebar)" in at.selectbox(key="cmp_baseline").options
    assert at.multiselect(key="cmp_pick").value == [keys["Agency"], keys["Hybrid"]]


def test_the_baseline_selector_reorders_the_comparison_and_the_report(db, reports):
    keys = save(db, "Agency", "Hybrid", "In-house")
    at = compare_page()
    report = reports["comparison"]
    assert "Baseline: Agency" in report and "<h1>Agency · Hybrid · In-house</h1>" in report
    at.selectbox(key="cmp_baseline").set_value(keys["Hybrid"])
    at = run(at)
    assert card_titles(at) == ["**Hybrid** · baseline", "**Agency**", "**In-house**"]
    assert "Hybrid → Agency" in texts(at.markdown) and "Hybrid → In-house" in texts(at.markdown)
    figures = next(frame.value for frame in at.dataframe if list(frame.value.columns)[0] == "Figure")
    assert list(figures.columns)[1:] == ["Hybrid", "Agency", "In-house"]
    report = reports["comparison"]
    assert "Baseline: Hybrid" in report and "<h1>Hybrid · Agency · In-house</h1>" in report
    assert "<h3>Hybrid → Agency</h3>" in report
    assert "Current scenario" not in report and "Current (sidebar)" not in report
    # the sidebar's unsaved scenario as the baseline: compared first, "Current scenario" in the report
    at.selectbox(key="cmp_baseline").set_value("current")
    at = run(at)
    assert card_titles(at)[0] == "**Current (sidebar)** · baseline" and len(card_titles(at)) == 4
    report = reports["comparison"]
    assert "Baseline: Current scenario" in report
    assert "<h1>Current scenario · Agency · Hybrid · In-house</h1>" in report
    # the choice is kept while it is on offer, and the default comes back when it is not
    at.multiselect(key="cmp_pick").set_value([keys["Agency"], keys["In-house"]])
    at = run(at)
    assert at.selectbox(key="cmp_baseline").value == "current"
    at.selectbox(key="cmp_baseline").set_value(keys["In-house"])
    at = run(at)
    at.multiselect(key="cmp_pick").set_value([keys["Agency"], keys["Hybrid"]])
    at = run(at)
    assert at.selectbox(key="cmp_baseline").value == keys["Agency"]


def test_four_picks_and_the_sidebar_as_baseline_leave_one_out(db):
    keys = save(db, "Agency", "Hybrid", "In-house", "Freelancers")
    at = compare_page()
    at.selectbox(key="cmp_baseline").set_value("current")
    at = run(at)
    assert len(card_titles(at)) == 4
    assert "so “Freelancers” is left out" in texts(at.caption)
    assert keys["Freelancers"] in at.multiselect(key="cmp_pick").value


def test_swedish_report_names_the_baseline_by_its_saved_name(db, reports):
    db.save("Byrå", OPTIONS["Agency"])
    db.save("Egen avdelning", OPTIONS["In-house"])
    at = run(new_app({"lang": "sv"}, page="compare"))
    assert at.selectbox(key="cmp_baseline").label == "Utgångsläge"
    assert "Utgångsläge: Byrå" in reports["comparison"]
