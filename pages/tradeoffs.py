"""The Trade-offs page: with this money, how many people in-house and what do we buy outside?

A map of coverage over team size x budget with the current scenario and the in-house budget
line, the cost-coverage frontier of the same sweep, the three sourcing strategies side by side,
and the next best move with a button that applies it to the scenario (and so to the URL).
Sweeps, strategies and moves are cached in ui/tradeoffs_view.py, which also writes the texts.
"""

from __future__ import annotations

import streamlit as st

from model import (
    TEAM_LIMITS,
    Catalog,
    Move,
    Plan,
    Scenario,
    Strategy,
    Sweep,
    best_mix,
    budget_grid,
    frontier,
    point_of,
)
from ui import goalseek_view, orgmodels_view, planview
from ui import tradeoffs_view as view
from ui.figkit import CONFIG
from ui.fmt import msek, pct, slider_format
from ui.i18n import _
from ui.state import apply_scenario, get_context
from ui.tradeoff_charts import (
    coverage_map,
    frontier_chart,
    move_label,
    moves_chart,
    people,
    signed_pp,
    strategy_cost_chart,
    strategy_coverage_chart,
    strategy_description,
    strategy_name,
    verdict,
)


def _apply(scenario: Scenario, message: str) -> None:
    """Callback: load a scenario into the sidebar (and so the URL), and say what was done."""
    apply_scenario(scenario)
    st.session_state["to_applied"] = message
    st.session_state.pop("to_move_choice", None)


def _ranges(scenario: Scenario, lang: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The map's ranges, set by the user (defaults cover 0-12 people, 0-4 MSEK and the scenario)."""
    for key, value in view.default_ranges(scenario).items():
        st.session_state.setdefault(key, value)
    left, middle, right = st.columns([2, 3, 2])
    team_low, team_high = left.slider(
        _(lang, "Team sizes on the map"), TEAM_LIMITS[0], TEAM_LIMITS[1],
        key="to_team_range")
    budget_low, budget_high = middle.slider(
        _(lang, "Budgets on the map (MSEK per year)"),
        0.0, view.MAX_BUDGET_MSEK, step=0.1, format=slider_format(lang, "number", 1),
        key="to_budget_range")
    points = right.select_slider(_(lang, "Budget steps"), options=view.BUDGET_POINTS,
                                 key="to_budget_points")
    return tuple(range(team_low, team_high + 1)), budget_grid(budget_low * 1e6, budget_high * 1e6, points)


def _headline(plan: Plan, column: list, found: tuple[Strategy, ...], moves: tuple[Move, ...],
              catalog: Catalog, lang: str) -> None:
    now = point_of(plan)
    best, source = view.most_coverage(column, found, now)
    cols = st.columns(3)
    cols[0].metric(
        _(lang, "Now"), pct(now.coverage, lang),
        help=_(lang, "Overall coverage of the current scenario (demand-weighted)."))
    cols[0].caption(view.mix_caption(now, lang, total=True))
    gain = best.coverage - now.coverage
    cols[1].metric(
        _(lang, "Most coverage with this budget"),
        pct(best.coverage, lang), delta=signed_pp(gain, lang) if abs(gain) > 5e-5 else None,
        help=_(lang, "The most coverage at the current budget of everything on this page: every team size "
                     "on the map and every sourcing strategy below (plans the budget pays for first)."))
    caption = view.mix_caption(best, lang, total=False)
    if source not in ("map", "current"):
        caption = f"{strategy_name(source, lang)} · {caption}"
    cols[1].caption(caption)
    if moves and moves[0].tier < 2:
        gain = moves[0].coverage_gain
        cols[2].metric(_(lang, "Next best move"), signed_pp(gain, lang),
                       help=_(lang, "Coverage gained by the best single change (see below)."))
        cols[2].caption(view.move_caption(moves[0], catalog, lang))
    else:
        cols[2].metric(_(lang, "Next best move"), "—",
                       help=_(lang, "No single change gains coverage from here."))
        cols[2].caption(_(lang, "No single change gains coverage; below is what each would do."))
    if source in ("map", "current"):
        st.info(verdict(now, best, plan.cost.budget, lang), icon=":material/lightbulb:")
    else:
        st.info(_(lang, "With **{money}** a year, the strategy **{name}** gives the most coverage on this "
                        "page: **{coverage}**, with {who} in-house and {bought} bought outside; now {now}.",
                  money=msek(plan.cost.budget, lang), name=strategy_name(source, lang),
                  coverage=pct(best.coverage, lang), who=people(best.team_size, lang),
                  bought=msek(best.external, lang), now=pct(now.coverage, lang)),
                icon=":material/lightbulb:")


def _map_section(grid: Sweep, plan: Plan, best, lang: str, goal=None) -> None:
    now = point_of(plan)
    clean = st.toggle(_(lang, "Frontier only through plans without critical findings"),
                      key="to_frontier_clean")
    front = frontier(grid, exclude_critical=clean)
    st.plotly_chart(coverage_map(grid, lang, current=now, best=best), config=CONFIG, key="to_map")
    st.plotly_chart(frontier_chart(grid, front, lang, current=now, budget=plan.cost.budget, goal=goal),
                    config=CONFIG, key="to_frontier")
    if view.outside_map(grid, now):
        st.warning(_(lang, "The current scenario lies outside the map's ranges: widen them to see it."))
    if clean and not front and not grid.empty:
        st.caption(_(lang, "Every plan on the map has a critical finding, so there is no frontier without "
                           "one."))
    st.caption(view.map_caption(grid, lang))


def _strategy_section(plan: Plan, found: tuple[Strategy, ...], catalog: Catalog, lang: str) -> None:
    st.subheader(_(lang, "Sourcing strategies for this workload and budget"))
    plans = {"current": plan} | {s.id: s.plan for s in found}
    for column, (sid, strategy_plan) in zip(st.columns(len(plans)), plans.items(), strict=True):
        with column.container(border=True):
            st.markdown(f"**{strategy_name(sid, lang)}**")
            st.caption(strategy_description(sid, lang))
            gain = strategy_plan.overall_coverage - plan.overall_coverage
            over = point_of(strategy_plan).over_budget  # not "with this budget": said, not compared
            st.metric(_(lang, "Coverage (over budget)") if over else _(lang, "Coverage"),
                      pct(strategy_plan.overall_coverage, lang),
                      delta=signed_pp(gain, lang) if sid != "current" and abs(gain) > 5e-5 else None)
            if over:
                st.warning(_(lang, "The in-house team alone costs {cost}, more than the budget.",
                             cost=msek(strategy_plan.cost.in_house, lang)))
            for line in view.strategy_lines(strategy_plan, catalog, lang):
                st.markdown(line)
            if strategy_plan.findings:
                with st.expander(_(lang, "Findings")):
                    for finding in strategy_plan.findings:
                        st.markdown(view.finding_line(finding, catalog, lang))
            if sid != "current":
                st.button(_(lang, "Use this strategy"), key=f"to_use_{sid}",
                          on_click=_apply, width="stretch",
                          args=(strategy_plan.scenario,
                                _(lang, "Applied the strategy: {name}.",
                                  name=strategy_name(sid, lang))))
    left, right = st.columns([3, 2])
    left.plotly_chart(strategy_coverage_chart(plans, catalog, lang), config=CONFIG,
                      key="to_strategy_coverage")
    right.plotly_chart(strategy_cost_chart(plans, lang), config=CONFIG, key="to_strategy_cost")


def _moves_section(moves: tuple[Move, ...], plan: Plan, catalog: Catalog, lang: str) -> None:
    st.subheader(_(lang, "The next best move"))
    st.caption(view.moves_caption(lang))
    limits_text = planview.limits_summary(plan, catalog, lang)
    if limits_text:  # the same figures as the Simulator's "What limits this plan"
        st.markdown(f"**{_(lang, 'What limits the plan now')}:** "
                    f"{limits_text}")
    if not moves:
        st.info(_(lang, "No single change to try from here."))
        return
    ids = [view.move_id(move) for move in moves]
    if st.session_state.get("to_move_choice") not in ids:
        st.session_state["to_move_choice"] = ids[0]
    by_id = dict(zip(ids, moves, strict=True))
    left, right = st.columns([3, 2])
    with left:
        choice = st.selectbox(
            _(lang, "Move to apply"), ids, key="to_move_choice",
            format_func=lambda mid: view.move_option(by_id[mid], ids.index(mid) + 1, catalog, lang))
        move = by_id[choice]
        label = move_label(move, catalog, lang)
        st.button(_(lang, "Apply this move"), type="primary", key="to_apply_move",
                  icon=":material/check:", on_click=_apply,
                  args=(move.scenario, _(lang, "Applied: {label}.", label=label)))
        st.markdown(view.move_summary(move, plan, catalog, lang))
        for title, items in ((_(lang, "New findings"), move.new_findings),
                             (_(lang, "Resolved findings"), move.resolved_findings)):
            if items:
                lines = [view.finding_line(finding, catalog, lang) for finding in items]
                st.markdown(f"*{title}*  \n" + "  \n".join(lines))
    right.plotly_chart(moves_chart(moves, catalog, lang, highlight=ids.index(choice)), config=CONFIG,
                       key="to_moves_chart")
    st.dataframe(view.moves_frame(moves, plan, catalog, lang), hide_index=True, width="stretch",
                 height=min(36 * len(moves) + 38, 420))


def main() -> None:
    context = get_context()
    lang, catalog, scenario = context.lang, context.catalog, context.scenario
    plan = context.plan
    st.title(_(lang, "Trade-offs"))
    st.caption(_(lang, "With this money, how many people in-house, and what do we buy outside?"))
    applied = st.session_state.pop("to_applied", None)
    if applied:
        st.success(applied, icon=":material/check_circle:")

    sizes, budgets = _ranges(scenario, lang)
    grid = view.cached_sweep(scenario, catalog, sizes, budgets)
    column = view.cached_sweep(scenario, catalog, sizes, (scenario.budget_sek,))
    best = best_mix(column, scenario.budget_sek)
    moves = view.cached_moves(scenario, catalog)
    found = view.cached_strategies(scenario, catalog)

    _headline(plan, [row[0] for row in column.points], found, moves, catalog, lang)
    goalseek_view.render(scenario, plan, catalog, lang)
    _map_section(grid, plan, best, lang, goalseek_view.frontier_point(scenario, plan, catalog, lang))
    _strategy_section(plan, found, catalog, lang)
    _moves_section(moves, plan, catalog, lang)
    orgmodels_view.render(scenario, catalog, lang)


main()
