"""What the Trade-offs page shows besides its figures (ui/tradeoff_charts.py): the cached model
calls (sweep, moves, strategies) and the texts and tables of its sections, in English and Swedish.
Model values in, values or text out; the page draws them."""

from __future__ import annotations

import math

import pandas as pd

from model import (
    BUDGET_LIMITS,
    TEAM_LIMITS,
    Catalog,
    Move,
    Plan,
    Scenario,
    Strategy,
    Sweep,
    SweepPoint,
    next_moves,
    point_of,
    strategies,
    sweep,
)
from ui.findings import finding_message
from ui.fmt import pct, sek
from ui.i18n import _, t
from ui.state import plan_cache
from ui.tradeoff_charts import gain_per_100k, move_label, people, signed_pp, signed_sek, what_it_buys

BUDGET_POINTS = (2, 6, 11, 21, 41, 81)
MAX_BUDGET_MSEK = BUDGET_LIMITS[1] / 1e6
SEVERITIES = ("critical", "warning", "info")


# ---- cached model calls (the sweep ignores the scenario's own budget, and its team size when the
# team follows the ladder, so moving those sliders reuses the cached sweep) ------------------------
def sweep_base(scenario: Scenario) -> Scenario:
    if scenario.team:
        return scenario.replace(budget_sek=0)
    return scenario.replace(team_size=0, budget_sek=0)


@plan_cache(max_entries=64, copies=True)
def _sweep(base: Scenario, catalog: Catalog, sizes: tuple[int, ...], budgets: tuple[int, ...]) -> Sweep:
    return sweep(base, catalog, sizes, budgets)


def cached_sweep(scenario: Scenario, catalog: Catalog, sizes, budgets) -> Sweep:
    return _sweep(sweep_base(scenario), catalog, tuple(sizes), tuple(budgets))


@plan_cache(max_entries=128, copies=True)
def cached_moves(scenario: Scenario, catalog: Catalog) -> tuple[Move, ...]:
    return next_moves(scenario, catalog)


@plan_cache(max_entries=128, copies=True)
def cached_strategies(scenario: Scenario, catalog: Catalog) -> tuple[Strategy, ...]:
    return strategies(scenario, catalog)


def most_coverage(column: list[SweepPoint], found: tuple[Strategy, ...],
                  now: SweepPoint) -> tuple[SweepPoint, str]:
    """The plan with most coverage at the current budget of everything the page shows: every team
    size of the map's column at that budget ("map"), every sourcing strategy (its id) and the
    current plan ("current"). Plans the budget pays for first; then most coverage, then plans
    without critical findings, the least cost and the smallest team. No card or cell on the page
    can beat it."""
    candidates = [(point, "map") for point in column]
    candidates += [(point_of(strategy.plan), strategy.id) for strategy in found]
    candidates.append((now, "current"))
    return min(candidates, key=lambda item: (item[0].over_budget, -round(item[0].coverage, 6),
                                             item[0].critical > 0, round(item[0].total),
                                             item[0].team_size, item[1] != "current"))


# ---- the map's ranges and the move picker ------------------------------------------------------
def default_ranges(scenario: Scenario) -> dict[str, object]:
    """The map's widgets' first values: 0-12 people, 0-4 MSEK, widened to hold the scenario."""
    high = min(MAX_BUDGET_MSEK, max(4.0, math.ceil(scenario.budget_sek * 1.25 / 1e6)))
    return {"to_team_range": (0, min(TEAM_LIMITS[1], max(12, scenario.team_size + 2))),
            "to_budget_range": (0.0, float(high)), "to_budget_points": 41}


def move_id(move: Move) -> str:
    return f"{move.kind}:{move.target}:{move.amount}"


def move_option(move: Move, rank: int, catalog: Catalog, lang: str) -> str:
    """'2. Hire a Copywriter (+4.2 pp, +SEK 600,000)' for the move picker."""
    return (f"{rank}. {move_label(move, catalog, lang)} ({signed_pp(move.coverage_gain, lang)}, "
            f"{signed_sek(move.cost_delta, lang)})")


def outside_map(grid: Sweep, now: SweepPoint) -> bool:
    """Whether the current scenario lies outside the map's ranges (or the map is empty)."""
    return grid.empty or not (grid.team_sizes[0] <= now.team_size <= grid.team_sizes[-1]
                              and grid.budgets[0] <= now.budget <= grid.budgets[-1])


# ---- texts -------------------------------------------------------------------------------------
def mix_caption(point: SweepPoint, lang: str, *, total: bool) -> str:
    """'2 people in-house · SEK 400,000 bought outside[ · SEK 1,900,000 in all]'."""
    text = _(lang, "{people} in-house · {sek} bought outside",
             people=people(point.team_size, lang), sek=sek(point.external, lang))
    if total:
        text += _(lang, " · {sek} in all", sek=sek(point.total, lang))
    return text


def move_caption(move: Move, catalog: Catalog, lang: str) -> str:
    return (f"{move_label(move, catalog, lang)} · "
            + _(lang, "cost {amount} per year", amount=signed_sek(move.cost_delta, lang)))


def map_caption(grid: Sweep, lang: str) -> str:
    sizes, budgets = len(grid.team_sizes), len(grid.budgets)
    return _(lang, "Each cell is a full simulation ({sizes} × {budgets} = {value}) of the current workload "
                   "and sourcing. Below the red line the in-house team alone costs more than the budget, so "
                   "nothing can be bought. Right: each curve is one team size as the budget grows; the "
                   "efficient mixes are the plans that no other plan beats on coverage for the same or less "
                   "money.", sizes=sizes, budgets=budgets, value=sizes * budgets)


def moves_caption(lang: str) -> str:
    return _(lang, "Single changes to the current scenario: hire one more role, add budget in steps (the "
                   "last step pays for everything the plan would buy), or move a capability in-house or "
                   "outside. Ranked by coverage gained per SEK of extra yearly cost; a move that gains "
                   "coverage at no extra cost (the same money, a better mix) comes first, moves that add a "
                   "critical finding (such as an in-house cost over budget) come after those that do not, "
                   "and moves that gain no coverage come last.")


def strategy_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """A strategy's card in markdown lines: its cost and split, its team, what it buys first, and
    its findings per severity."""
    cost = plan.cost
    lines = [_(lang, "Cost **{amount}**", amount=sek(cost.total, lang))
             + "  \n" + f"{t('in_house', lang)} {sek(cost.in_house, lang)} · {t('agency', lang)} "
             f"{sek(cost.agency, lang)} · {t('freelancer', lang)} {sek(cost.freelancer, lang)}"]
    roles = [person.role for person in plan.people if person.in_team]
    team = ", ".join(_(lang, catalog.name(role)) for role in roles) or _(lang, "nobody")
    lines.append(f"{_(lang, 'Team')} ({people(len(roles), lang)}): {team}")
    if plan.scenario.outsource:
        bought = ", ".join(_(lang, catalog.name(cap)) for cap in plan.scenario.outsource)
        lines.append(f"{_(lang, 'Bought outside first')}: {bought}")
    lines.append(" · ".join(f"{t(sev, lang)}: {plan.count(sev)}" for sev in SEVERITIES))
    return lines


def finding_line(finding, catalog: Catalog, lang: str) -> str:
    """'- **Critical**: …' (a markdown list item)."""
    return f"- **{t(finding.severity, lang)}**: {finding_message(finding, catalog, lang)}"


def move_summary(move: Move, plan: Plan, catalog: Catalog, lang: str) -> str:
    """What the chosen move changes: coverage, cost, where the money goes, the peak load."""
    load = _(lang, "Peak load {before} → {after}", before=pct(move.peak_load_before, lang),
             after=pct(move.peak_load_after, lang))
    return (f"**{move_label(move, catalog, lang)}**: {_(lang, 'coverage')} "
            f"{pct(plan.overall_coverage, lang)} → {pct(move.plan.overall_coverage, lang)}, "
            f"{_(lang, 'cost')} {sek(plan.cost.total, lang)} → {sek(move.plan.cost.total, lang)} "
            f"({what_it_buys(move, plan, lang)}). {load}.")


def findings_change(move: Move, lang: str) -> str:
    """New and resolved findings per severity: 'Critical +1/-1 · Warning -2'."""
    parts = []
    for sev in SEVERITIES:
        added = sum(1 for f in move.new_findings if f.severity == sev)
        gone = sum(1 for f in move.resolved_findings if f.severity == sev)
        change = "/".join(text for text in (f"+{added}" if added else "", f"-{gone}" if gone else "")
                          if text)
        if change:
            parts.append(f"{t(sev, lang)} {change}")
    return " · ".join(parts) or "—"


def moves_frame(moves: tuple[Move, ...], plan: Plan, catalog: Catalog, lang: str) -> pd.DataFrame:
    """Every candidate move as a table row, in rank order."""
    rows = [{
        "#": rank,
        _(lang, "Move"): move_label(move, catalog, lang),
        _(lang, "Coverage"): signed_pp(move.coverage_gain, lang),
        _(lang, "Cost per year"): signed_sek(move.cost_delta, lang),
        _(lang, "Per {amount}", amount=sek(100_000, lang)): gain_per_100k(move, lang),
        _(lang, "Peak load"):
            f"{pct(move.peak_load_before, lang)} → {pct(move.peak_load_after, lang)}",
        _(lang, "Findings"): findings_change(move, lang),
        _(lang, "Spend"): what_it_buys(move, plan, lang),
    } for rank, move in enumerate(moves, start=1)]
    return pd.DataFrame(rows)
