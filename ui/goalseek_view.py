"""What a coverage costs, in words: the goal seek (model.least_cost) for the pages.

`answer(...)` words the least-cost plan of a target: the team to have, what to buy and from whom,
the cost a year, and how it compares with the current plan. The solves are cached in the app
layer (ui.state.plan_cache)."""

from __future__ import annotations

import streamlit as st

from model import Catalog, GoalSeek, Plan, Scenario, for_plan, least_cost
from ui.fmt import msek, number, pct
from ui.goalseek_words import Answer, answer, bought_text, quality_floor, team_text
from ui.i18n import _
from ui.state import apply_scenario, plan_cache, plan_for


@plan_cache(max_entries=64)
def seek(scenario: Scenario, catalog: Catalog, coverage: float, quality: float, team: str) -> GoalSeek:
    """The least-cost plan reaching `coverage` at `quality`, any team or the scenario's."""
    return least_cost(scenario, catalog, coverage=coverage, quality=quality, team=team)


@plan_cache(max_entries=64)
def least_for(scenario: Scenario, catalog: Catalog, team: str = "free") -> GoalSeek:
    """The least cost of what the scenario's own plan achieves (its coverage at its quality)."""
    return for_plan(plan_for(scenario, catalog), catalog, team=team)


def for_target(scenario: Scenario, catalog: Catalog, team: str = "free") -> tuple[GoalSeek, float]:
    """The answer to the scenario's coverage target, sought at the quality of its plan without a
    target (the like-for-like floor), and that floor."""
    quality = quality_floor(plan_for(scenario.replace(target_coverage=0.0), catalog))
    return seek(scenario, catalog, scenario.target_coverage, quality, team), quality


def board_line(scenario: Scenario, plan: Plan, catalog: Catalog, lang: str) -> str | None:
    """One line for a meeting: with a coverage target, what it costs at the least with any team;
    without, what the same coverage and quality would cost at the least."""
    if plan.overall_coverage <= 0:
        return None
    if scenario.target_coverage > 0:
        return answer(for_target(scenario, catalog)[0], plan, catalog, lang).headline
    found = least_for(scenario, catalog)
    if found.cost >= plan.cost.total - 0.5:
        return _(lang, "No cheaper plan gives this coverage ({coverage}) at this quality.",
                 coverage=pct(plan.overall_coverage, lang))
    return _(lang, "The same coverage ({coverage}) at the same quality costs at least {cost} a year with a "
                   "team of {team}.", coverage=pct(plan.overall_coverage, lang), cost=msek(found.cost, lang),
             team=team_text(found.roles, catalog, lang))


def frontier_point(scenario: Scenario, plan: Plan, catalog: Catalog, lang: str):
    """The goal seek's answer as a point of the Trade-offs frontier: (cost, coverage, words), or None
    without a target."""
    if scenario.target_coverage <= 0:
        return None
    found, _quality = for_target(scenario, catalog)
    return found.cost, found.plan.overall_coverage, answer(found, plan, catalog, lang).headline


def render(scenario: Scenario, plan: Plan, catalog: Catalog, lang: str) -> None:
    """The Simulator's goal-seek box: the answer for the sidebar's coverage target (any team and
    the current one), with a button that puts the answer's team and budget into the sidebar."""
    target = scenario.target_coverage
    if target <= 0:
        st.caption(_(lang, "What does a coverage cost? Set a coverage target in the sidebar: the page "
                           "answers with the least cost and the team to have."))
        return
    answers = {team: for_target(scenario, catalog, team) for team in ("free", "keep")}
    quality = answers["free"][1]
    with st.container(border=True):
        st.markdown("**" + _(lang, "What does {target} coverage cost?", target=pct(target, lang)) + "**")
        st.caption(_(lang, "The least cost a year of a plan that reaches the target at a quality (fit) of "
                           "at least {quality} (the plan's without a target), with each capability done "
                           "as far as the guidance asks ({low}; planning, publishing and replies {high}) "
                           "where it can be.", quality=number(quality, lang, 2), low=pct(0.5, lang),
                     high=pct(0.8, lang)))
        columns = st.columns(2)
        for column, (team, (found, _floor)) in zip(columns, answers.items(), strict=True):
            words = answer(found, plan, catalog, lang)
            with column:
                (st.success if words.reached else st.warning)("**" + words.headline + "**")
                st.markdown("\n".join(f"- {line}" for line in words.details))
                st.button(_(lang, "Use this team and budget"), key=f"goal_apply_{team}",
                          on_click=apply_scenario, args=(found.plan.scenario,),
                          help=_(lang, "Puts this team, budget and target into the sidebar (and the link)."))

__all__ = ["Answer", "answer", "bought_text", "least_for", "quality_floor", "render", "seek", "team_text"]
