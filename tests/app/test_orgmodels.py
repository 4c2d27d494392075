"""AppTest of the organisation models section of the Trade-offs page (ui/orgmodels_view.py, issue
14): in English and Swedish it shows the five models side by side in a table, a chart and a card
each, and "Use this model" puts the model into the scenario, the session and the link."""

from __future__ import annotations

import json

import pytest

from model import Scenario
from model.scenario import ORG_MODELS
from tests.apptest_support import new_app, run
from ui.figkit import split_title
from ui.i18n import _, t

LINK = {"team_size": "3", "budget_sek": "3000000", "business_units": "4", "brands": "2",
        "languages": "2", "posts_per_week": "20", "inbound_per_week": "400"}


def _models_table(at, lang: str):
    names = {t(f"org_{model}", lang) for model in ORG_MODELS}
    for frame in at.dataframe:
        first = frame.value.iloc[:, 0].tolist()
        if any(name in str(cell) for cell in first for name in names):
            return frame.value
    raise AssertionError("no table of the organisation models")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_section_shows_the_five_models_side_by_side(lang):
    at = run(new_app({**LINK, "lang": lang, "org_model": "hub_and_spoke"}, page="tradeoffs"))
    assert _(lang, "Organisation models for this workload") in [s.value for s in at.subheader]
    frame = _models_table(at, lang)
    assert len(frame) == len(ORG_MODELS)
    names = [t(f"org_{model}", lang) for model in ORG_MODELS]
    for cell, name, model in zip(frame.iloc[:, 0], names, ORG_MODELS, strict=True):
        assert cell.startswith(name)
        assert (cell != name) == (model == "hub_and_spoke")  # the model in use is named so
    assert _(lang, "People in the hub") in frame.columns
    spokes = frame[_(lang, "Spokes")].tolist()
    assert spokes[0] == "0" and spokes[ORG_MODELS.index("hub_and_spoke")] == "6"
    title = split_title(_(lang, "Organisation models: coverage and cost per year"))[0]
    chart = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                 if json.loads(c.proto.spec)["layout"]["title"]["text"] == title)
    assert [trace["name"] for trace in chart["data"] if trace["type"] == "bar"] == [_(lang, "Coverage"),
                                                                                _(lang, "Cost per year")]
    assert all(len(trace["y"]) == len(ORG_MODELS) for trace in chart["data"])
    buttons = [b for b in at.button if b.key and b.key.startswith("org_use_")]
    others = [f"org_use_{model}" for model in ORG_MODELS if model != "hub_and_spoke"]
    assert sorted(b.key for b in buttons) == sorted(others)
    assert {b.label for b in buttons} == {_(lang, "Use this model")}


def test_use_this_model_applies_it_to_the_scenario_and_the_link():
    at = run(new_app(LINK, page="tradeoffs"))
    assert at.session_state["org_model"] == "centralized"
    at.button(key="org_use_dandelion").click()
    run(at)
    assert at.session_state["org_model"] == "dandelion"
    scenario = at.session_state["_context"].scenario
    assert scenario == Scenario.from_query_params(LINK).replace(org_model="dandelion")
    assert at.query_params["org_model"] in ("dandelion", ["dandelion"])  # the link follows
    assert any("dandelion" in box.value for box in at.success)
    assert not any(b.key == "org_use_dandelion" for b in at.button)  # now the model in use
    assert any(b.key == "org_use_centralized" for b in at.button)


def test_the_simulator_shows_the_spokes_of_the_model():
    at = run(new_app({**LINK, "org_model": "hub_and_spoke"}))
    text = "\n".join(c.proto.spec for c in at.get("plotly_chart"))
    assert "Spoke 1" in text and "Spoke 6" in text  # the spokes' load beside the team's


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_model_the_organisation_does_not_match_says_so(lang):
    """One business unit and one brand: distributed and hub and spoke (two units or more) and
    dandelion (two brands or more) are marked as not this organisation's model, in the table and on
    their cards; with four units and two brands every model fits."""
    at = run(new_app({"team_size": "2", "budget_sek": "2000000", "lang": lang}, page="tradeoffs"))
    frame = _models_table(at, lang)
    fits = frame[_(lang, "Fits this organisation")].tolist()
    meant = [model in ("centralized", "holistic") for model in ORG_MODELS]
    assert [cell == _(lang, "Yes") for cell in fits] == meant
    assert all(cell.startswith(_(lang, "No: {why}", why="")) for cell in fits if cell != _(lang, "Yes"))
    start = _(lang, "Not this organisation's model: {why}.", why="")[:20]
    warnings = [w.value for w in at.warning if w.value.startswith(start)]
    assert len(warnings) == 3
    at = run(new_app({**LINK, "lang": lang}, page="tradeoffs"))
    assert set(_models_table(at, lang)[_(lang, "Fits this organisation")]) == {_(lang, "Yes")}
