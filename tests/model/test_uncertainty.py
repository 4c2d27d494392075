"""The Monte Carlo over the assumptions' ranges (model/uncertainty.py, data/ranges.yaml)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model import CatalogError, Scenario, load_catalog, simulate
from model.assumptions import assumption_cells
from model.uncertainty import (
    RANGES_FILE,
    draw_values,
    load_ranges,
    read_ranges,
    uncertainty,
    varied_cells,
    wins,
)

CATALOG = load_catalog()
DRAWS = 40
SCENARIOS = {
    "solo": Scenario(team=("social_media_manager",), budget_sek=1_200_000),
    "pair": Scenario(team=("social_media_manager", "community_manager"), budget_sek=2_500_000),
    "chosen": Scenario(team_size=3, budget_sek=3_000_000, posts_per_week=20),
    "tight": Scenario(team=("marketing_coordinator",), budget_sek=700_000, inbound_per_week=600),
}


@pytest.fixture(scope="module")
def results():
    return {name: uncertainty(scenario, CATALOG, draws=DRAWS) for name, scenario in SCENARIOS.items()}


def test_every_assumption_the_tornado_varies_has_a_range():
    """Each cell with a value (what the sensitivity tornado varies) is matched by an entry."""
    varied, missing = varied_cells(CATALOG, load_ranges())
    assert missing == ()
    with_value = [cell for cell in assumption_cells(CATALOG).values() if cell.value]
    assert len(varied) == len(with_value) > 150


def test_every_range_names_its_source_or_says_estimate():
    for entry in load_ranges().entries:
        assert entry.source.strip()
        assert entry.low <= 0 <= entry.high


def test_the_same_seed_gives_the_same_result_and_another_seed_another():
    scenario = SCENARIOS["pair"]
    first = uncertainty(scenario, CATALOG, draws=25, seed=7)
    again = uncertainty(scenario, CATALOG, draws=25, seed=7)
    other = uncertainty(scenario, CATALOG, draws=25, seed=8)
    assert first == again
    assert first.samples["cost"] != other.samples["cost"]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_p10_is_at_most_the_median_and_the_median_at_most_p90(results, name):
    result = results[name]
    bands = [result.coverage, result.quality, result.cost, *result.capability.values(), *result.load.values()]
    for band in bands:
        assert band.low <= band.median + 1e-12 <= band.high + 2e-12
    assert result.coverage.low >= 0.0 and result.coverage.high <= 1.0 + 1e-9
    assert result.failed == 0
    assert 0.0 <= result.over_budget <= 1.0


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_ranges_of_zero_width_give_the_single_number_plan(name):
    scenario = SCENARIOS[name]
    plan = simulate(scenario, CATALOG)
    result = uncertainty(scenario, CATALOG, draws=5, ranges=load_ranges().zero())
    assert result.varied == 0 and result.replanned == 0
    for band, value in ((result.coverage, plan.overall_coverage), (result.quality, plan.overall_quality),
                        (result.cost, plan.cost.total)):
        assert band.low == band.median == band.high == pytest.approx(value, abs=1e-6)
        assert band.base == pytest.approx(value, abs=1e-9)
    for person in plan.people:
        band = result.load[person.seat]
        assert band.low == band.high == pytest.approx(person.utilisation, abs=1e-6)
    for cap, band in result.capability.items():
        assert band.low == band.high == pytest.approx(plan.coverage[cap], abs=1e-6)


def test_drawn_values_stay_within_their_ranges_and_bounds():
    varied, _ = varied_cells(CATALOG, load_ranges())
    values = draw_values(varied, 200, 3)
    lows = np.array([v.low for v in varied])
    highs = np.array([v.high for v in varied])
    assert (values >= lows - 1e-9).all() and (values <= highs + 1e-9).all()
    for index, v in enumerate(varied):
        assert v.cell.low <= values[:, index].min()
        if v.cell.high is not None:
            assert values[:, index].max() <= v.cell.high
        if v.cell.kind == "count":
            assert all(float(x).is_integer() for x in values[:, index])


def test_cells_drawn_together_move_together():
    """Pay levels move with the market: all salaries are high or low in the same draw."""
    varied, _ = varied_cells(CATALOG, load_ranges())
    values = draw_values(varied, 50, 5)
    pay = [i for i, v in enumerate(varied) if v.cell.table == "pay" and v.cell.column == "pay_sek_month"]
    shares = (values[:, pay] - np.array([varied[i].cell.value for i in pay]))
    signs = np.sign(np.round(shares, 6))
    assert all(len(set(row) - {0.0}) <= 1 for row in signs)
    fits = [i for i, v in enumerate(varied) if v.cell.table == "role_fit"]
    assert len({tuple(np.sign(values[:, i] - varied[i].cell.value)) for i in fits}) > 1


def test_the_triangle_is_most_likely_at_the_value_in_force():
    varied, _ = varied_cells(CATALOG, load_ranges())
    values = draw_values(varied, 4000, 11)
    index = next(i for i, v in enumerate(varied) if v.cell.table == "demand")
    v = varied[index]
    mean = values[:, index].mean()
    assert mean == pytest.approx((v.low + v.high + v.cell.value) / 3, rel=0.03)


def test_a_scenario_against_itself_ties_in_every_draw(results):
    same = wins(results["pair"], results["pair"], "coverage")
    assert (same.b_better, same.tie, same.a_better) == (0.0, 1.0, 0.0)
    assert same.draws == DRAWS


def test_more_budget_never_covers_less_in_the_same_draws():
    """Paired draws: the same assumptions for both scenarios, so B with more money is never worse."""
    small = uncertainty(SCENARIOS["solo"], CATALOG, draws=DRAWS)
    large = uncertainty(SCENARIOS["solo"].replace(team=("social_media_manager",), budget_sek=2_400_000),
                        CATALOG, draws=DRAWS)
    won = wins(small, large, "coverage")
    assert won.a_better == 0.0 and won.b_better > 0.5
    shares = wins(small, large, "cost")
    assert math.isclose(shares.b_better + shares.tie + shares.a_better, 1.0)


def test_results_from_different_draws_cannot_be_paired(results):
    other = uncertainty(SCENARIOS["pair"], CATALOG, draws=DRAWS, seed=99)
    with pytest.raises(ValueError):
        wins(results["pair"], other, "coverage")
    with pytest.raises(ValueError):
        wins(results["pair"], results["pair"], "speed")


def test_wider_ranges_give_wider_bands():
    ranges = load_ranges()
    narrow = uncertainty(SCENARIOS["tight"], CATALOG, draws=60, ranges=ranges)
    wide = uncertainty(SCENARIOS["tight"], CATALOG, draws=60, ranges=type(ranges)(
        ranges.draws, ranges.seed, ranges.percentiles,
        tuple(type(e)(e.table, e.column, e.row, e.mode, e.low * 2, e.high * 2, e.together, e.source)
              if e.mode == "plus" or e.low * 2 >= -1 else e for e in ranges.entries)))
    assert wide.coverage.width >= narrow.coverage.width


def _broken(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(("old", "new", "entry", "key"), [
    ("  - table: pay\n    column: pay_sek_month", "  - table: salaries\n    column: pay_sek_month",
     "ranges[0]", "table"),
    ("relative: [-0.12, 0.12]", "relative: [0.12, 0.3]", "ranges[0] (table=pay)", "relative"),
    ("relative: [-0.12, 0.12]", "relative: low", "ranges[0] (table=pay)", "relative"),
    ("relative: [-0.12, 0.12]", "relatve: [-0.12, 0.12]", "ranges[0]", "relatve"),
    ("together: true\n    source: \"Unionen", "together: maybe\n    source: \"Unionen",
     "ranges[0] (table=pay)", "together"),
    ("  draws: 500", "  draws: 0", "uncertainty", "draws"),
])
def test_bad_ranges_fail_naming_file_entry_and_key(old, new, entry, key):
    text = RANGES_FILE.read_text(encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_ranges(_broken(text, old, new))
    assert caught.value.file == "data/ranges.yaml"
    assert caught.value.entry == entry
    assert caught.value.key == key


def test_a_range_without_a_source_is_refused():
    text = RANGES_FILE.read_text(encoding="utf-8")
    line = '    source: "estimate: the fit thresholds are judgement; ±0.05 is one step on the fit scale"\n'
    broken = _broken(text, line, "")
    with pytest.raises(CatalogError) as caught:
        read_ranges(broken)
    assert caught.value.key == "source"


FIGURE_CASES = [
    *[preset.scenario for preset in CATALOG.presets.values()],
    *[Scenario(team_size=3, budget_sek=3_000_000, business_units=4, brands=2, languages=2, org_model=model,
               posts_per_week=20, inbound_per_week=400)
      for model in ("centralized", "distributed", "hub_and_spoke", "dandelion", "holistic")],
    Scenario(team=("social_media_manager",), budget_sek=1_800_000,
             retainers=("community_agency:community+administer:40000",)),
    Scenario(team_size=0, budget_sek=900_000),
    Scenario(team=("marketing_coordinator", "copywriter"), budget_sek=400_000, volunteer_hours=10),
]


@pytest.mark.parametrize("scenario", FIGURE_CASES, ids=range(len(FIGURE_CASES)))
def test_the_draws_figures_are_the_plans(scenario):
    """model.engine.figures (what each draw reads) gives the same numbers as the whole plan."""
    from model.engine import figures, solve

    plan = simulate(scenario, CATALOG)
    solved = solve(scenario, CATALOG)
    numbers = figures(scenario, CATALOG, solved)
    assert numbers.overall_coverage == plan.overall_coverage
    assert numbers.overall_quality == pytest.approx(plan.overall_quality, abs=1e-12)
    assert numbers.cost == plan.cost
    assert numbers.coverage == plan.coverage
    assert numbers.people == plan.people
