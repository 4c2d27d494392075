"""The words and the chart of the Monte Carlo's ranges (ui/uncertainty_view.py)."""

from __future__ import annotations

import pytest

from model import Scenario, load_catalog, uncertainty
from ui.i18n import _
from ui.uncertainty_view import band_text, bands_figure, explanation, ranges_table, tiles, win_lines

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def pair():
    a = uncertainty(Scenario(team=("social_media_manager",), budget_sek=1_500_000), CATALOG, draws=30)
    b = uncertainty(Scenario(team=("social_media_manager", "community_manager"), budget_sek=1_500_000),
                    CATALOG, draws=30)
    return a, b


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_tiles_show_the_band_and_the_single_number(pair, lang):
    a, _ = pair
    shown = tiles(a, 1_500_000, lang)
    assert len(shown) == 4
    assert "P10" in shown[0].label and "P90" in shown[0].label
    assert "–" in shown[0].value  # a range
    assert all(tile.help for tile in shown)


def test_a_band_of_one_value_is_shown_once(pair):
    a, _ = pair
    assert "–" not in band_text(a.coverage.__class__(0.5, 0.5, 0.5, 0.5), "en")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_chart_has_whiskers_per_capability_and_person(pair, lang):
    _, b = pair
    figure = bands_figure(b, CATALOG, lang)
    medians = [trace for trace in figure.data if trace.error_x and trace.error_x.array is not None]
    assert len(medians) == 2  # coverage per capability, load per person
    assert len(medians[0].y) == len(b.capability)
    assert len(medians[1].y) == len(b.load)
    for trace in medians:
        for low, mid, high, x in zip(trace.error_x.arrayminus, trace.x, trace.error_x.array, trace.x,
                                     strict=True):
            assert low >= 0 and high >= 0 and x == mid


def test_the_win_lines_say_how_often_b_beats_a(pair):
    a, b = pair
    lines = win_lines([a, b], ["Solo *manager*", "Pair"], "en")
    assert len(lines) == 3
    assert lines[0].startswith("Pair covers more of the work than Solo \\*manager\\* in ")
    assert "100%" in lines[0]  # a second person with the same money never covers less
    swedish = win_lines([a, b], ["Ensam", "Par"], "sv")
    assert "Par" in swedish[0] and "dragningar" in swedish[0]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_ranges_table_names_every_entry_and_its_source(lang):
    frame = ranges_table(CATALOG, lang)
    assert len(frame) >= 10
    assert frame.iloc[:, 3].str.len().min() > 10
    assert explanation(uncertainty(Scenario(), CATALOG, draws=5), lang)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_reading_says_when_the_budget_binds_and_where_the_single_numbers_sit(lang):
    from dataclasses import replace

    from model import Band
    from ui.uncertainty_view import reading

    result = uncertainty(Scenario(team_size=1, budget_sek=900_000), CATALOG, draws=20)
    bound = replace(result, cost=Band(900_000, 900_000, 900_000, 900_000),
                    coverage=Band(0.70, 0.75, 0.80, 0.79))
    text = reading(bound, 900_000, lang)
    assert _(lang, "The plan spends its budget in every draw, so its cost does not move: what the "
                   "assumptions change shows in coverage and quality instead.") in text
    assert "79" in text and "75" in text
    loose = replace(result, cost=Band(800_000, 850_000, 899_000, 850_000),
                    coverage=Band(0.7, 0.75, 0.8, 0.75))
    assert reading(loose, 900_000, lang) == ""
    cautious = replace(loose, coverage=Band(0.7, 0.75, 0.8, 0.72))
    assert "72" in reading(cautious, 900_000, lang) and reading(cautious, 900_000, lang) != text
    assert reading(bound, 900_000, lang) in explanation(bound, lang, 900_000)
