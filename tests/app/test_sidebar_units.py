"""AppTest of the sidebar's inputs in the units people think in: the budget slider in MSEK (0.1 MSEK a
step) and the video share in per cent, while the scenario and the link keep SEK and a 0..1 share, so
that every old link opens exactly the scenario it named."""

from __future__ import annotations

import pytest

from model import Scenario, load_catalog
from tests.apptest_support import new_app, run
from ui.fmt import NBSP

CATALOG = load_catalog()


def budget_slider(at):
    return at.sidebar.slider(key="budget_msek")


def video_slider(at):
    return at.sidebar.slider(key="video_pct")


def test_the_msek_slider_writes_whole_kronor_into_the_link():
    at = run(new_app({"team_size": "1"}))
    slider = budget_slider(at)
    assert (slider.value, slider.min, slider.max, slider.step) == (1.2, 0.0, 20.0, 0.1)
    slider.set_value(2.5)
    run(at)
    assert at.session_state["budget_sek"] == 2_500_000 and isinstance(at.session_state["budget_sek"], int)
    assert at.query_params["budget_sek"] == "2500000"
    assert Scenario.from_query_params(at.query_params).budget_sek == 2_500_000
    budget_slider(at).set_value(2.3)  # 2.3 MSEK is not exactly 2_300_000 / 1e6 in binary
    run(at)
    assert at.query_params["budget_sek"] == "2300000"
    budget_slider(at).set_value(1.2)  # the default: left out of the link, as a bound widget does
    run(at)
    assert "budget_sek" not in at.query_params and at.session_state["budget_sek"] == 1_200_000


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_old_link_in_sek_opens_the_same_budget(lang):
    at = run(new_app({"budget_sek": "2500000", "lang": lang}))
    assert budget_slider(at).value == 2.5
    assert at.session_state["budget_sek"] == 2_500_000
    assert at.query_params["budget_sek"] == "2500000"
    caption = "2\u00a0500\u00a0000\u00a0kr" if lang == "sv" else "SEK\u00a02,500,000"
    assert any(caption in c.value for c in at.sidebar.caption)


def test_a_budget_off_the_steps_is_kept_exactly_until_the_slider_moves():
    """2,150,000 SEK is not a whole number of 0.1 MSEK: opening the link must not round it."""
    at = run(new_app({"budget_sek": "2150000"}))
    assert budget_slider(at).value == 2.15
    for _ in range(2):
        run(at)
        assert at.session_state["budget_sek"] == 2_150_000
        assert at.query_params["budget_sek"] == "2150000"
    assert any("SEK\u00a02,150,000" in c.value for c in at.sidebar.caption)  # the exact amount shows
    budget_slider(at).set_value(2.2)
    run(at)
    assert at.session_state["budget_sek"] == 2_200_000 and at.query_params["budget_sek"] == "2200000"


def test_a_budget_set_elsewhere_moves_the_slider():
    at = run(new_app({"team_size": "1"}))
    preset = next(iter(CATALOG.presets))
    at.sidebar.selectbox(key="preset_choice").set_value(preset)
    run(at)
    expected = CATALOG.presets[preset].scenario
    assert at.session_state["budget_sek"] == expected.budget_sek
    assert budget_slider(at).value == pytest.approx(expected.budget_sek / 1e6)
    assert video_slider(at).value == pytest.approx(expected.video_share * 100)


def test_the_video_share_is_set_in_per_cent_and_kept_as_a_share():
    at = run(new_app({"video_share": "0.45"}))
    slider = video_slider(at)
    assert (slider.value, slider.min, slider.max, slider.step) == (45.0, 0.0, 100.0, 5.0)
    slider.set_value(60.0)
    run(at)
    assert at.session_state["video_share"] == 0.6
    assert at.query_params["video_share"] == "0.6"
    video_slider(at).set_value(30.0)  # the default 0.3: 30 / 100 is exactly 0.3 again
    run(at)
    assert at.session_state["video_share"] == 0.3 and "video_share" not in at.query_params


def test_an_odd_share_in_a_link_is_kept():
    at = run(new_app({"video_share": "0.333"}))
    assert video_slider(at).value == pytest.approx(33.3)
    run(at)
    assert at.session_state["video_share"] == 0.333 and at.query_params["video_share"] == "0.333"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_sliders_write_numbers_the_languages_way(lang):
    at = run(new_app({"team_size": "1", "lang": lang}))
    # sprintf.js cannot write a decimal comma: Swedish MSEK and hours use the browser's "localized"
    assert budget_slider(at).proto.format == ("%g" if lang == "en" else "localized")
    assert at.sidebar.slider(key="marketing_lead_hours").proto.format == budget_slider(at).proto.format
    assert video_slider(at).proto.format == ("%g%%" if lang == "en" else f"%g{NBSP}%%")
    assert budget_slider(at).label == ("Annual budget (MSEK)" if lang == "en" else "Årsbudget (mnkr)")


def test_the_workload_is_open_with_what_matters_most_first():
    at = run(new_app({"team_size": "1"}))
    workload = at.sidebar.expander[0]
    assert workload.proto.expanded
    keys = [w.key for w in workload.children.values() if getattr(w, "key", None)]
    assert keys[:5] == ["posts_per_week", "inbound_per_week", "ad_spend_sek_month", "org_size", "channels"]
    influencers = at.sidebar.number_input(key="influencers")
    assert "ongoing programme" in influencers.label and "0 = no influencer programme" in influencers.help
