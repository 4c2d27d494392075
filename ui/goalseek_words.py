"""What a coverage costs, in words: the goal seek's answer (model.least_cost) for the pages, the
presentation view and the command line. Pure Python, no Streamlit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from model import CAPABILITIES, Catalog, GoalSeek, Plan
from ui.fmt import hours, msek, names_list, number, pct
from ui.i18n import _


def quality_floor(plan: Plan) -> float:
    """The quality a target is sought at: the plan's own (two decimals, rounded down)."""
    return int(plan.overall_quality * 100) / 100


def team_text(roles: tuple[str, ...], catalog: Catalog, lang: str) -> str:
    if not roles:
        return _(lang, "no in-house team")
    counts = Counter(roles)
    parts = [(_(lang, "{count} × {role}", count=number(count, lang), role=_(lang, catalog.name(role)))
              if count > 1 else _(lang, catalog.name(role))) for role, count in counts.items()]
    return names_list(parts, lang)


def bought_text(plan: Plan, catalog: Catalog, lang: str) -> str:
    """'content creation from Freelance graphic designer (11.3 h/week), …' or '' when nothing is bought."""
    lines: dict[tuple[str, str], float] = {}
    for line in plan.assignments:
        if line.provider_type != "in_house":
            key = (line.capability, line.provider)
            lines[key] = lines.get(key, 0.0) + line.hours
    order = {cap: index for index, cap in enumerate(CAPABILITIES)}
    parts = [_(lang, "{capability} from {provider} ({hours})", capability=_(lang, catalog.name(cap)).lower(),
               provider=_(lang, catalog.name(provider)),
               hours=_(lang, "{hours} h/week", hours=hours(h, lang)))
             for (cap, provider), h in sorted(lines.items(), key=lambda item: order[item[0][0]])
             if h >= 0.05]
    return names_list(parts, lang)


@dataclass(frozen=True)
class Answer:
    """A goal-seek answer in words: the headline sentence and the details."""

    headline: str
    details: list[str]
    reached: bool


def answer(found: GoalSeek, current: Plan, catalog: Catalog, lang: str) -> Answer:
    """The answer to "what does {target} cost?" for the pages and the presentation view."""
    plan = found.plan
    cost = msek(found.cost, lang)
    if found.reached:
        values = {"target": pct(found.target, lang), "cost": cost,
                  "team": team_text(found.roles, catalog, lang)}
        if found.team == "free":
            headline = _(lang, "{target} coverage costs at least {cost} a year with a team of {team}",
                         **values)
        else:
            headline = _(lang, "{target} coverage costs at least {cost} a year with your team ({team})",
                         **values)
    else:
        headline = _(lang, "{target} coverage cannot be reached: at most {most}, at a least cost of {cost} "
                           "a year with a team of {team}",
                     target=pct(found.target, lang), most=pct(found.most or 0.0, lang), cost=cost,
                     team=team_text(found.roles, catalog, lang))
    details = []
    bought = bought_text(plan, catalog, lang)
    details.append(_(lang, "Bought outside: {bought}.", bought=bought) if bought
                   else _(lang, "Nothing is bought outside."))
    details.append(_(lang, "Coverage {coverage} at a quality (fit) of {quality}; {undone} a week left "
                           "undone.", coverage=pct(plan.overall_coverage, lang),
                     quality=number(plan.overall_quality, lang, 2),
                     undone=_(lang, "{hours} h", hours=hours(sum(plan.uncovered.values()), lang))))
    difference = found.cost - current.cost.total
    compare = (_(lang, "That is {amount} more than this plan ({cost}, {coverage} coverage).",
                 amount=msek(difference, lang), cost=msek(current.cost.total, lang),
                 coverage=pct(current.overall_coverage, lang))
               if difference > 0 else
               _(lang, "That is {amount} less than this plan ({cost}, {coverage} coverage).",
                 amount=msek(-difference, lang), cost=msek(current.cost.total, lang),
                 coverage=pct(current.overall_coverage, lang)))
    details.append(compare)
    if not found.reached:
        details.append(_(lang, "The limit is who may and can do the work: the sourcing choices, the fit "
                               "asked for, and a team of at most 30 and 20 MSEK a year."))
    return Answer(headline, details, found.reached)


__all__ = ["Answer", "answer", "bought_text", "quality_floor", "team_text"]
