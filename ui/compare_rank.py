"""Compare ranks options by cost for the same coverage: each option's least cost (its own team,
sourcing and retainers) of the coverage every option reaches, at the quality every option has
(model.least_cost through the cached ui.goalseek_view.seek)."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ui.compare_options import Option
from ui.fmt import msek, number, pct
from ui.goalseek_view import seek
from ui.i18n import _


def common_level(items: list[Option]) -> tuple[float, float]:
    """The coverage and quality every option reaches (whole per cent, two decimals, rounded down)."""
    coverage = math.floor(min(option.plan.overall_coverage for option in items) * 100) / 100
    quality = math.floor(min(option.plan.overall_quality for option in items) * 100) / 100
    return coverage, quality


def ranking(items: list[Option], labels: list[str], lang: str) -> tuple[pd.DataFrame, str] | None:
    """The table, cheapest first, and the sentence that says it; None when no option does any work."""
    coverage, quality = common_level(items)
    if coverage <= 0:
        return None
    rows = []
    for label, option in zip(labels, items, strict=True):
        found = seek(option.scenario, option.catalog, coverage, quality, "keep")
        # the option's own plan reaches the common level too: it is one of the answers
        cost = min(found.cost, option.plan.cost.total) if found.reached else option.plan.cost.total
        rows.append((cost, label, option, found))
    rows.sort(key=lambda row: (row[0], labels.index(row[1])))
    column = _(lang, "Least cost of {coverage} coverage", coverage=pct(coverage, lang))
    frame = pd.DataFrame({
        _(lang, "Rank"): [number(index + 1, lang) for index in range(len(rows))],
        _(lang, "Scenario"): [label for _, label, _, _ in rows],
        _(lang, "Coverage now"): [pct(option.plan.overall_coverage, lang) for _, _, option, _ in rows],
        _(lang, "Cost now"): [msek(option.plan.cost.total, lang) for _, _, option, _ in rows],
        column: [msek(cost, lang) if math.isfinite(cost) else _(lang, "out of reach")
                 for cost, _, _, _ in rows],
    })
    first, second = rows[0], rows[1]
    if not math.isfinite(first[0]):
        return frame, _(lang, "No scenario reaches {coverage} at a quality of {quality} with its own team.",
                        coverage=pct(coverage, lang), quality=number(quality, lang, 2))
    sentence = _(lang, "For the same coverage ({coverage}) at a quality (fit) of at least {quality}, "
                       "**{best}** costs the least: {cost} a year with its own team and sourcing",
                 coverage=pct(coverage, lang), quality=number(quality, lang, 2), best=first[1],
                 cost=msek(first[0], lang))
    if math.isfinite(second[0]):
        sentence += _(lang, ", {amount} less than {other}.", amount=msek(second[0] - first[0], lang),
                      other=second[1])
    else:
        sentence += "."
    return frame, sentence


def ranking_section(items: list[Option], labels: list[str], lang: str) -> None:
    result = ranking(items, labels, lang)
    if result is None:
        return
    frame, sentence = result
    st.markdown(f"#### {_(lang, 'Which is cheaper for the same coverage?')}")
    st.markdown(sentence)
    st.table(frame, hide_index=True, border="horizontal")
    st.caption(_(lang, "Each scenario's least cost a year (its seats and what it buys) of the coverage every "
                       "scenario reaches, keeping its own team, sourcing choices and retainers: the cost "
                       "figures above are what each plan spends of its budget."))


__all__ = ["common_level", "ranking", "ranking_section"]
