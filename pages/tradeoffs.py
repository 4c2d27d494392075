"""The Trade-offs page: with this money, how many people in-house and what do we buy outside?

A map of coverage over team size x budget with the current scenario and the in-house budget
line, the cost-coverage frontier of the same sweep, the three sourcing strategies side by side,
and the next best move with a button that applies it to the scenario (and so to the URL).
Sweeps, strategies and moves come from model.tradeoffs, cached here (the app layer).
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from model import Catalog, Plan, Scenario
from model.fmt import pct, sek
from model.tradeoffs import (
    BUDGET_LIMITS,
    TEAM_LIMITS,
    Move,
    Strategy,
    Sweep,
    best_mix,
    budget_grid,
    frontier,
    next_moves,
    point_of,
    strategies,
)
from model.tradeoffs import sweep as run_sweep
from ui import planview
from ui.charts import CONFIG
from ui.i18n import t, tr
from ui.state import apply_scenario, get_context, scenario_key
from ui.tradeoff_charts import (
    coverage_map,
    frontier_chart,
    gain_per_100k,
    move_label,
    moves_chart,
    people,
    signed_pp,
    signed_sek,
    strategy_cost_chart,
    strategy_coverage_chart,
    strategy_description,
    strategy_name,
    verdict,
    what_it_buys,
)

BUDGET_POINTS = (2, 6, 11, 21, 41, 81)
MAX_BUDGET_MSEK = BUDGET_LIMITS[1] / 1e6


# ---- cached model calls (the sweep ignores the scenario's own budget, and its team size when
# the team follows the ladder, so moving those sliders reuses the cached sweep) -----------------
def sweep_base(scenario: Scenario) -> Scenario:
    if scenario.team:
        return scenario.replace(budget_sek=0)
    return scenario.replace(team_size=0, budget_sek=0)


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_sweep(key: tuple, fingerprint: str, sizes: tuple[int, ...], budgets: tuple[int, ...],
                  _scenario: Scenario, _catalog: Catalog) -> Sweep:
    return run_sweep(_scenario, _catalog, sizes, budgets)


def cached_sweep(scenario: Scenario, catalog: Catalog, sizes, budgets) -> Sweep:
    base = sweep_base(scenario)
    return _cached_sweep(scenario_key(base), catalog.fingerprint, tuple(sizes), tuple(budgets),
                         base, catalog)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_moves(key: tuple, fingerprint: str, _scenario: Scenario, _catalog: Catalog) -> tuple[Move, ...]:
    return next_moves(_scenario, _catalog)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_strategies(key: tuple, fingerprint: str, _scenario: Scenario,
                       _catalog: Catalog) -> tuple[Strategy, ...]:
    return strategies(_scenario, _catalog)


# ---- callbacks ---------------------------------------------------------------------------------
def _apply(scenario: Scenario, message: str) -> None:
    """Load a scenario into the sidebar (and so the URL), and say what was done."""
    apply_scenario(scenario)
    st.session_state["to_applied"] = message
    st.session_state.pop("to_move_choice", None)


def _move_id(move: Move) -> str:
    return f"{move.kind}:{move.target}:{move.amount}"


# ---- sections ----------------------------------------------------------------------------------
def _ranges(scenario: Scenario, lang: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The map's ranges, set by the user (defaults cover 0-12 people, 0-4 MSEK and the scenario)."""
    if "to_team_range" not in st.session_state:
        st.session_state["to_team_range"] = (0, min(TEAM_LIMITS[1], max(12, scenario.team_size + 2)))
    if "to_budget_range" not in st.session_state:
        high = min(MAX_BUDGET_MSEK, max(4.0, math.ceil(scenario.budget_sek * 1.25 / 1e6)))
        st.session_state["to_budget_range"] = (0.0, float(high))
    if "to_budget_points" not in st.session_state:
        st.session_state["to_budget_points"] = 41
    left, middle, right = st.columns([2, 3, 2])
    team_low, team_high = left.slider(
        tr(lang, "Team sizes on the map", "Teamstorlekar på kartan"), TEAM_LIMITS[0], TEAM_LIMITS[1],
        key="to_team_range")
    budget_low, budget_high = middle.slider(
        tr(lang, "Budgets on the map (MSEK per year)", "Budgetar på kartan (mnkr per år)"),
        0.0, MAX_BUDGET_MSEK, step=0.1, format="%.1f", key="to_budget_range")
    points = right.select_slider(tr(lang, "Budget steps", "Budgetsteg"), options=BUDGET_POINTS,
                                 key="to_budget_points")
    sizes = tuple(range(team_low, team_high + 1))
    budgets = budget_grid(budget_low * 1e6, budget_high * 1e6, points)
    return sizes, budgets


def _headline(plan: Plan, best, moves: tuple[Move, ...], catalog: Catalog, lang: str) -> None:
    budget = plan.cost.budget
    now = point_of(plan)
    cols = st.columns(3)
    cols[0].metric(
        tr(lang, "Now", "Nu"), pct(now.coverage, lang),
        help=tr(lang, "Overall coverage of the current scenario (demand-weighted).",
                "Den totala täckningen i nuvarande scenario (viktad efter behov)."))
    cols[0].caption(tr(lang, f"{people(now.team_size, lang)} in-house · {sek(now.external, lang)} "
                             f"bought outside · {sek(now.total, lang)} in all",
                       f"{people(now.team_size, lang)} internt · {sek(now.external, lang)} köps "
                       f"utifrån · {sek(now.total, lang)} totalt"))
    if best is not None:
        gain = best.coverage - now.coverage
        cols[1].metric(
            tr(lang, "Most coverage with this budget", "Mest täckning med denna budget"),
            pct(best.coverage, lang), delta=signed_pp(gain, lang) if abs(gain) > 5e-5 else None,
            help=tr(lang, "The team size on the map that gives most coverage at the current budget "
                          "(teams the budget pays for first, then plans without critical findings).",
                    "Den teamstorlek på kartan som ger mest täckning med nuvarande budget (team som "
                    "budgeten räcker till först, sedan planer utan kritiska fynd)."))
        cols[1].caption(tr(lang, f"{people(best.team_size, lang)} in-house · {sek(best.external, lang)} "
                                 f"bought outside",
                           f"{people(best.team_size, lang)} internt · {sek(best.external, lang)} "
                           f"köps utifrån"))
    if moves and moves[0].tier < 2:
        move = moves[0]
        cols[2].metric(tr(lang, "Next best move", "Nästa bästa drag"), signed_pp(move.coverage_gain, lang),
                       help=tr(lang, "Coverage gained by the best single change (see below).",
                               "Täckning som den bästa enskilda ändringen ger (se nedan)."))
        cols[2].caption(f"{move_label(move, catalog, lang)} · "
                        + tr(lang, f"cost {signed_sek(move.cost_delta, 'en')} per year",
                             f"kostnad {signed_sek(move.cost_delta, 'sv')} per år"))
    else:
        cols[2].metric(tr(lang, "Next best move", "Nästa bästa drag"), "—",
                       help=tr(lang, "No single change gains coverage from here.",
                               "Ingen enskild ändring ger mer täckning härifrån."))
        cols[2].caption(tr(lang, "No single change gains coverage; below is what each would do.",
                           "Ingen enskild ändring ger mer täckning; nedan syns vad var och en gör."))
    if best is not None:
        st.info(verdict(now, best, budget, lang), icon=":material/lightbulb:")


def _map_section(grid: Sweep, plan: Plan, best, lang: str) -> None:
    now = point_of(plan)
    clean = st.toggle(tr(lang, "Frontier only through plans without critical findings",
                         "Fronten bara genom planer utan kritiska fynd"), key="to_frontier_clean")
    front = frontier(grid, exclude_critical=clean)
    st.plotly_chart(coverage_map(grid, lang, current=now, best=best), config=CONFIG, key="to_map")
    st.plotly_chart(frontier_chart(grid, front, lang, current=now, budget=plan.cost.budget),
                    config=CONFIG, key="to_frontier")
    outside = grid.empty or not (grid.team_sizes[0] <= now.team_size <= grid.team_sizes[-1]
                                 and grid.budgets[0] <= now.budget <= grid.budgets[-1])
    if outside:
        st.warning(tr(lang, "The current scenario lies outside the map's ranges: widen them to see it.",
                      "Nuvarande scenario ligger utanför kartans intervall: vidga dem för att se det."))
    if clean and not front and not grid.empty:
        st.caption(tr(lang, "Every plan on the map has a critical finding, so there is no frontier "
                            "without one.",
                      "Varje plan på kartan har ett kritiskt fynd, så det finns ingen front utan."))
    st.caption(tr(
        lang,
        f"Each cell is a full simulation ({len(grid.team_sizes)} × {len(grid.budgets)} = "
        f"{len(grid.team_sizes) * len(grid.budgets)}) of the current workload and sourcing. Below "
        "the red line the in-house team alone costs more than the budget, so nothing can be bought. "
        "Right: each curve is one team size as the budget grows; the efficient mixes are the plans "
        "that no other plan beats on coverage for the same or less money.",
        f"Varje ruta är en hel simulering ({len(grid.team_sizes)} × {len(grid.budgets)} = "
        f"{len(grid.team_sizes) * len(grid.budgets)}) av nuvarande arbetsmängd och inköp. Under den "
        "röda linjen kostar det egna teamet ensamt mer än budgeten, så inget kan köpas in. Höger: "
        "varje kurva är en teamstorlek när budgeten växer; de effektiva mixerna är de planer som "
        "ingen annan plan slår i täckning för samma eller mindre pengar."))


def _strategy_section(plan: Plan, found: tuple[Strategy, ...], catalog: Catalog, lang: str) -> None:
    st.subheader(tr(lang, "Sourcing strategies for this workload and budget",
                    "Inköpsstrategier för denna arbetsmängd och budget"))
    plans = {"current": plan} | {s.id: s.plan for s in found}
    columns = st.columns(len(plans))
    for column, (sid, strategy_plan) in zip(columns, plans.items(), strict=True):
        scenario = strategy_plan.scenario
        with column.container(border=True):
            st.markdown(f"**{strategy_name(sid, lang)}**")
            st.caption(strategy_description(sid, lang))
            gain = strategy_plan.overall_coverage - plan.overall_coverage
            st.metric(tr(lang, "Coverage", "Täckning"), pct(strategy_plan.overall_coverage, lang),
                      delta=signed_pp(gain, lang) if sid != "current" and abs(gain) > 5e-5 else None)
            cost = strategy_plan.cost
            st.markdown(
                tr(lang, f"Cost **{sek(cost.total, 'en')}**", f"Kostnad **{sek(cost.total, 'sv')}**")
                + "  \n" + f"{t('in_house', lang)} {sek(cost.in_house, lang)} · {t('agency', lang)} "
                f"{sek(cost.agency, lang)} · {t('freelancer', lang)} {sek(cost.freelancer, lang)}")
            roles = [p.role for p in strategy_plan.people if p.in_team]
            team = ", ".join(catalog.name(role, lang) for role in roles) or tr(lang, "nobody", "ingen")
            st.markdown(f"{tr(lang, 'Team', 'Team')} ({people(len(roles), lang)}): {team}")
            if scenario.outsource:
                bought = ", ".join(catalog.name(cap, lang) for cap in scenario.outsource)
                st.markdown(f"{tr(lang, 'Bought outside first', 'Köps utifrån först')}: {bought}")
            counts = {sev: strategy_plan.count(sev) for sev in ("critical", "warning", "info")}
            st.markdown(" · ".join(f"{t(sev, lang)}: {count}" for sev, count in counts.items()))
            if strategy_plan.findings:
                with st.expander(tr(lang, "Findings", "Fynd")):
                    for finding in strategy_plan.findings:
                        message, _ = finding.text(lang)
                        st.markdown(f"- **{t(finding.severity, lang)}**: {message}")
            if sid != "current":
                st.button(tr(lang, "Use this strategy", "Använd strategin"), key=f"to_use_{sid}",
                          on_click=_apply, width="stretch",
                          args=(scenario, tr(lang, f"Applied the strategy: {strategy_name(sid, 'en')}.",
                                             f"Strategin används: {strategy_name(sid, 'sv')}.")))
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(strategy_coverage_chart(plans, catalog, lang), config=CONFIG,
                        key="to_strategy_coverage")
    with right:
        st.plotly_chart(strategy_cost_chart(plans, lang), config=CONFIG, key="to_strategy_cost")


def _findings_change(move: Move, lang: str) -> str:
    """New and resolved findings per severity: 'Critical +1/−1 · Warning −2'."""
    parts = []
    for sev in ("critical", "warning", "info"):
        added = sum(1 for f in move.new_findings if f.severity == sev)
        gone = sum(1 for f in move.resolved_findings if f.severity == sev)
        change = "/".join(text for text in (f"+{added}" if added else "", f"-{gone}" if gone else "")
                          if text)
        if change:
            parts.append(f"{t(sev, lang)} {change}")
    return " · ".join(parts) or "—"


def _moves_frame(moves: tuple[Move, ...], plan: Plan, catalog: Catalog, lang: str) -> pd.DataFrame:
    rows = [{
        "#": rank,
        tr(lang, "Move", "Drag"): move_label(move, catalog, lang),
        tr(lang, "Coverage", "Täckning"): signed_pp(move.coverage_gain, lang),
        tr(lang, "Cost per year", "Kostnad per år"): signed_sek(move.cost_delta, lang),
        tr(lang, "Per 100,000 SEK", "Per 100 000 kr"): gain_per_100k(move, lang),
        tr(lang, "Peak load", "Högsta belastning"):
            f"{pct(move.peak_load_before, lang)} → {pct(move.peak_load_after, lang)}",
        tr(lang, "Findings", "Fynd"): _findings_change(move, lang),
        tr(lang, "Spend", "Kostnader"): what_it_buys(move, plan, lang),
    } for rank, move in enumerate(moves, start=1)]
    return pd.DataFrame(rows)


def _moves_section(moves: tuple[Move, ...], plan: Plan, catalog: Catalog, lang: str) -> None:
    st.subheader(tr(lang, "The next best move", "Nästa bästa drag"))
    st.caption(tr(
        lang,
        "Single changes to the current scenario: hire one more role, add budget in steps (the last "
        "step pays for everything the plan would buy), or move a capability in-house or outside. "
        "Ranked by coverage gained per SEK of extra yearly cost; a move that gains coverage at no "
        "extra cost (the same money, a better mix) comes first, moves that add a critical finding "
        "(such as an in-house cost over budget) come after those that do not, and moves that gain "
        "no coverage come last.",
        "Enskilda ändringar av nuvarande scenario: anställ en roll till, öka budgeten i steg (sista "
        "steget betalar allt planen vill köpa) eller flytta en kapabilitet in eller ut. Rangordnade "
        "efter vunnen täckning per krona i ökad årskostnad; ett drag som ger täckning utan extra "
        "kostnad (samma pengar, bättre mix) kommer först, drag som ger ett kritiskt fynd (som "
        "intern kostnad över budget) kommer efter dem som inte gör det, och drag som inte ger någon "
        "täckning kommer sist."))
    limits_text = planview.limits_summary(plan, catalog, lang)
    if limits_text:  # the same figures as the Simulator's "What limits this plan"
        st.markdown(f"**{tr(lang, 'What limits the plan now', 'Vad som begränsar planen nu')}:** "
                    f"{limits_text}")
    if not moves:
        st.info(tr(lang, "No single change to try from here.", "Ingen enskild ändring att pröva härifrån."))
        return
    ids = [_move_id(move) for move in moves]
    if st.session_state.get("to_move_choice") not in ids:
        st.session_state["to_move_choice"] = ids[0]
    by_id = dict(zip(ids, moves, strict=True))
    left, right = st.columns([3, 2])
    with left:
        choice = st.selectbox(
            tr(lang, "Move to apply", "Drag att genomföra"), ids, key="to_move_choice",
            format_func=lambda mid: f"{ids.index(mid) + 1}. {move_label(by_id[mid], catalog, lang)} "
                                    f"({signed_pp(by_id[mid].coverage_gain, lang)}, "
                                    f"{signed_sek(by_id[mid].cost_delta, lang)})")
        move = by_id[choice]
        label = move_label(move, catalog, lang)
        st.button(tr(lang, "Apply this move", "Genomför draget"), type="primary", key="to_apply_move",
                  icon=":material/check:", on_click=_apply,
                  args=(move.scenario, tr(lang, f"Applied: {label}.", f"Genomfört: {label}.")))
        load_note = tr(lang, f"Peak load {pct(move.peak_load_before, 'en')} → "
                             f"{pct(move.peak_load_after, 'en')}",
                       f"Högsta belastning {pct(move.peak_load_before, 'sv')} → "
                       f"{pct(move.peak_load_after, 'sv')}")
        st.markdown(
            f"**{label}**: {tr(lang, 'coverage', 'täckning')} {pct(plan.overall_coverage, lang)} → "
            f"{pct(move.plan.overall_coverage, lang)}, {tr(lang, 'cost', 'kostnad')} "
            f"{sek(plan.cost.total, lang)} → {sek(move.plan.cost.total, lang)} "
            f"({what_it_buys(move, plan, lang)}). {load_note}.")
        for title, items in ((tr(lang, "New findings", "Nya fynd"), move.new_findings),
                             (tr(lang, "Resolved findings", "Lösta fynd"), move.resolved_findings)):
            if items:
                st.markdown(f"*{title}*  \n" + "  \n".join(
                    f"- **{t(f.severity, lang)}**: {f.text(lang)[0]}" for f in items))
    with right:
        st.plotly_chart(moves_chart(moves, catalog, lang, highlight=ids.index(choice)), config=CONFIG,
                        key="to_moves_chart")
    st.dataframe(_moves_frame(moves, plan, catalog, lang), hide_index=True, width="stretch",
                 height=min(36 * len(moves) + 38, 420))


# ---- the page ----------------------------------------------------------------------------------
def main() -> None:
    context = get_context()
    lang, catalog, scenario = context.lang, context.catalog, context.scenario
    plan = context.plan
    st.title(tr(lang, "Trade-offs", "Avvägningar"))
    st.caption(tr(lang, "With this money, how many people in-house, and what do we buy outside?",
                  "Med de här pengarna: hur många personer internt, och vad köper vi utifrån?"))
    applied = st.session_state.pop("to_applied", None)
    if applied:
        st.success(applied, icon=":material/check_circle:")

    sizes, budgets = _ranges(scenario, lang)
    grid = cached_sweep(scenario, catalog, sizes, budgets)
    column = cached_sweep(scenario, catalog, sizes, (scenario.budget_sek,))
    best = best_mix(column, scenario.budget_sek)
    moves = _cached_moves(scenario_key(scenario), catalog.fingerprint, scenario, catalog)

    _headline(plan, best, moves, catalog, lang)
    _map_section(grid, plan, best, lang)
    _strategy_section(plan, _cached_strategies(scenario_key(scenario), catalog.fingerprint, scenario,
                                               catalog), catalog, lang)
    _moves_section(moves, plan, catalog, lang)


main()
