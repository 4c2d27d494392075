"""AppTest of the shared sidebar through app.py: every page in both languages and for every preset,
every input changes the plan shown, the link restores a scenario, and garbage in the link never
raises but falls back to defaults with a visible note."""

from __future__ import annotations

import json

import pytest

from model import Scenario, load_catalog
from model.scenario import SPECS
from tests.apptest_support import PAGE_FILES, metrics, new_app, run
from ui.sidebar import SHOWN_AS, WIDGETS, to_widget, widget_key

CATALOG = load_catalog()
PAGES = list(PAGE_FILES)


def plan_view(at) -> str:
    """What the Simulator shows of the plan (not the share link, which always follows the inputs)."""
    parts = [f"{m.label}={m.value}" for m in at.metric]
    parts += [box.value for box in (*at.error, *at.warning, *at.info) if "Advice" in box.value]
    parts += [table.value.to_csv() for table in at.table]
    parts += [json.dumps(json.loads(chart.proto.spec)["data"]) for chart in at.get("plotly_chart")]
    return "\n".join(parts)


@pytest.mark.parametrize("preset", [None, *CATALOG.presets])
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_both_languages_for_every_preset(page, lang, preset):
    at = run(new_app({"lang": lang}, page=page))
    if preset:
        at.sidebar.selectbox(key="preset_choice").set_value(preset)
        run(at)
        expected = CATALOG.presets[preset].scenario
        assert at.session_state["team_size"] == expected.team_size
        assert at.session_state["budget_sek"] == expected.budget_sek
    assert at.session_state["lang"] == lang
    assert at.title, "the page drew nothing"


# field -> (starting link, new value): the start is chosen so that the field matters to the plan
CHANGES = {
    "team_size": ({}, 4),
    "budget_sek": ({}, 3_000_000),
    "channels": ({}, 8),
    "posts_per_week": ({}, 25),
    "video_share": ({}, 0.6),
    "inbound_per_week": ({}, 600),
    "ad_spend_sek_month": ({}, 0),
    "influencers": ({}, 5),
    # a coordinator carrying community work is only fine in a small organisation
    "org_size": ({"team": "marketing_coordinator", "inbound_per_week": "400"}, 20),
    "marketing_lead_hours": ({}, 0.0),
    # unpaid hours matter where money is short
    "volunteer_hours": ({"team": "social_media_manager", "budget_sek": "800000"}, 20.0),
    # a target above what the plan reaches on its own makes it reach further first
    "target_coverage": ({"team": "social_media_manager", "budget_sek": "2500000",
                         "inbound_per_week": "400"}, 0.9),
    # a longer handling time is more community work
    "handling_minutes": ({"inbound_per_week": "400", "budget_sek": "2500000"}, 10.0),
    # more units, brands and languages are more work (data/orgmodels.yaml)
    "business_units": ({"budget_sek": "2500000"}, 4),
    "brands": ({"budget_sek": "2500000"}, 3),
    "languages": ({"budget_sek": "2500000"}, 2),
}


def test_every_scalar_input_is_covered():
    assert set(CHANGES) == set(WIDGETS)


@pytest.mark.parametrize("name", list(CHANGES))
def test_moving_each_input_changes_the_plan(name):
    start, value = CHANGES[name]
    at = run(new_app(start))
    before = plan_view(at)
    sidebar = at.sidebar
    key = widget_key(name)
    widget = sidebar.slider(key=key) if WIDGETS[name][0] == "slider" else sidebar.number_input(key=key)
    shown = to_widget(name, value) if name in SHOWN_AS else value  # MSEK, per cent
    assert widget.value != shown
    widget.set_value(shown)
    run(at)
    assert at.session_state[name] == value
    assert plan_view(at) != before
    assert f"{name}=" in at.code[0].value  # and the link follows


def test_team_composition_change_add_and_remove_seats():
    at = run(new_app({"team_size": "2", "budget_sek": "2000000"}))  # the plan fills both seats
    before = plan_view(at)
    at.sidebar.toggle(key="team_custom").set_value(True)
    run(at)
    assert [at.sidebar.selectbox(key=f"seat_role_{i}").value for i in range(2)] == [
        "social_media_manager", "community_manager"]
    assert plan_view(at) == before  # the ladder's roles, now explicit: the same plan
    at.sidebar.selectbox(key="seat_role_1").set_value("paid_media_manager")
    run(at)
    changed = plan_view(at)
    assert changed != before and "Paid Media Manager" in changed
    assert "team=social_media_manager&team=paid_media_manager" in at.code[0].value
    add = next(button for button in at.sidebar.button if button.label == "Add a seat")
    add.click()
    run(at)
    assert at.session_state["team_size"] == 3
    assert metrics(at)["Over capacity"].endswith("of 3")
    at.sidebar.button(key="seat_remove_0").click()
    run(at)
    assert at.session_state["team_size"] == 2
    assert at.sidebar.selectbox(key="seat_role_0").value == "paid_media_manager"
    assert "team=paid_media_manager" in at.code[0].value and "social_media_manager" not in at.code[0].value


def test_sourcing_inputs_change_the_plan():
    at = run(new_app())
    before = plan_view(at)
    at.sidebar.multiselect(key="outsource").set_value(["administer"])
    run(at)
    outsourced = plan_view(at)
    assert outsourced != before and "outsource=administer" in at.code[0].value
    at.sidebar.multiselect(key="outsource").set_value([])
    at.sidebar.multiselect(key="insource").set_value(["advertise"])
    run(at)
    assert plan_view(at) not in (before, outsourced)


def test_language_switch():
    at = run(new_app())
    assert "Coverage" in metrics(at)
    at.sidebar.radio(key="lang").set_value("sv")
    run(at)
    assert "Täckning" in metrics(at)
    assert at.sidebar.slider(key="team_size").label == "Internt team (personer)"
    assert "lang=sv" in at.code[0].value


def test_query_parameters_restore_the_scenario():
    query = {"team": ["head_of_social", "community_manager", "video_producer"], "budget_sek": "4200000",
             "channels": "7", "video_share": "0.55", "influencers": "3", "outsource": "create",
             "lang": "sv"}
    at = run(new_app(query, page="capabilities"))
    expected = Scenario.from_query_params(query)
    assert not expected.notes
    state = at.session_state
    assert (state["budget_sek"], state["channels"], state["video_share"], state["influencers"]) == (
        4_200_000, 7, 0.55, 3)
    assert state["team_size"] == 3 and state["lang"] == "sv"
    assert [state[f"seat_role_{i}"] for i in range(3)] == list(expected.team)
    assert state["outsource"] == ["create"]
    assert at.title[0].value == "Kapabiliteter"
    at.switch_page(PAGE_FILES["simulator"])
    run(at)
    assert metrics(at)["Över kapacitet"].endswith("av 3")
    assert Scenario.from_query_params(_query_of(at.code[0].value)) == expected
    assert not at.sidebar.warning  # a clean link gives no note


def _query_of(link: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(link).query)


GARBAGE = [
    {"team_size": "abc"},
    {"team_size": "-3", "budget_sek": "1e400"},
    {"budget_sek": "99999999999999999999999999", "video_share": "2"},
    {"channels": "", "posts_per_week": "nan", "inbound_per_week": "inf"},
    {"team": ["social_media_manager", "ceo"], "outsource": "everything"},
    {"team": ["community_manager"] * 40},
    {"lang": "xx", "ad_spend_sek_month": "12,5", "org_size": "0"},
    {"unknown": "1", "marketing_lead_hours": "<script>alert(1)</script>"},
]


@pytest.mark.parametrize("query", GARBAGE, ids=[",".join(q) for q in GARBAGE])
@pytest.mark.parametrize("page", ["simulator", "capabilities"])
def test_garbage_in_the_link_falls_back_with_a_note(query, page):
    at = run(new_app(query, page=page))
    scenario = Scenario.from_query_params(query)
    for name in WIDGETS:
        assert at.session_state[name] == getattr(scenario, name)
    bad = [key for key in query if key in SPECS]
    if bad:
        notes = [warning.value for warning in at.sidebar.warning]
        assert notes and all(key in notes[0] for key in bad if key != "team_size" or "team" not in query)
    assert at.session_state["lang"] in ("en", "sv")
