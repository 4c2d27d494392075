"""AppTest of the ranges (issue 14): the Simulator's P10-P90 bands and Compare's "B beats A in
N % of draws", in both languages."""

from __future__ import annotations

import json
import re

import pytest

from tests.apptest_support import new_app, run

LABELS = {"en": ("Show ranges instead of single numbers", "Coverage, P10–P90", "How sure the plan is"),
          "sv": ("Visa spann i stället för enskilda tal", "Täckning, P10–P90", "Hur säker är planen")}


def titles(at) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_simulator_shows_bands_when_asked(lang):
    toggle_label, tile, chart = LABELS[lang]
    at = run(new_app({"lang": lang, "team": ["social_media_manager", "community_manager"],
                      "budget_sek": "2000000"}))
    toggle = at.toggle(key="show_ranges")
    assert toggle.label.startswith(toggle_label)
    assert not any(m.label == tile for m in at.metric)
    before = len(at.get("plotly_chart"))
    toggle.set_value(True)
    run(at)
    shown = {m.label: m.value for m in at.metric}
    assert tile in shown and re.search(r"\d.*–.*\d", shown[tile])
    assert len(at.get("plotly_chart")) == before + 1
    assert any(title.startswith(chart) for title in titles(at))
    assert not at.exception


def _save(at, name: str):
    at.text_input(key="cmp_save_name").input(name)
    next(b for b in at.button if b.label == "Save").click()
    return run(at)


def test_compare_says_how_often_b_beats_a(db_url, db):
    at = run(new_app({"team_size": "1", "budget_sek": "1500000"}, page="compare"))
    at = _save(at, "Solo")
    at.slider(key="team_size").set_value(2)
    at = _save(run(at), "Pair")
    at.toggle(key="cmp_ranges").set_value(True)
    run(at)
    text = "\n".join(str(m.value) for m in at.markdown)
    assert re.search(r"Pair covers more of the work than Solo in \d+%", text), text[-2000:]
    assert "costs less than" in text
    assert not at.exception
