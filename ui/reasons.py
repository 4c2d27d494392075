"""The reason of each assignment line, in words: model/ gives a code and values, this renders them.

Pure Python (no Streamlit), so the command line renders through the same texts.
Every text says why this option, and names the next best one with its fit and cost per hour.
"""

from __future__ import annotations

from typing import Any

from ui.fmt import fit as fmt_fit
from ui.fmt import sek
from ui.i18n import N_, _

TEMPLATES: dict[str, str] = {
    "kept_in_house_rule": N_("Kept in-house: an internal owner must lead the work; the {who} fits it at "
                             "{fit}"),
    "kept_in_house_choice": N_("Kept in-house as chosen; the {who} fits it at {fit}"),
    "best_fit": N_("Best fit of all options: the {who} (fit {fit}, {cost})"),
    "in_house_time_paid": N_("In-house time is already paid for: the {who} ({fit}) does it instead of "
                             "buying"),
    "unpaid_time": N_("These hours cost the budget nothing: {who} ({fit}) does it instead of buying"),
    "stretch": N_("Stretch: the {who} fits it only at {fit}, but nothing better is free or affordable"),
    "outsourced_choice": N_("Bought outside as chosen: {who} at {cost}, fit {fit}"),
    "bought_nobody_in_house": N_("Bought outside: nobody in-house does it; {who} at {cost}, fit {fit}"),
    "bought_team_busy": N_("Bought outside: the team's time goes to work it fits better; {who} at {cost}, "
                           "fit {fit}"),
    "bought_better_fit": N_("Bought outside: {who} fits it better than anyone in-house ({fit}, {cost})"),
    "retained": N_("On a retainer as chosen: {who} ({fit}), its fee paid in full"),
    "uncovered": N_("Undone: nobody in the plan has the time, the fit or the budget for it"),
}
BUDGET_LIMITED = N_("{reason} (the budget allows no more)")
NEXT_BEST = N_("{reason}; next best: {alt} (fit {alt_fit}, {alt_cost})")
NO_OTHER = N_("{reason}; no other option does it")
FREE = N_("no fee")
PER_HOUR = N_("{amount}/h")


def _cost(value: float | None, lang: str) -> str:
    """A price per hour, or 'no fee' for hours that cost the budget nothing."""
    return _(lang, PER_HOUR, amount=sek(value, lang)) if value else _(lang, FREE)


def reason_text(code: str, values: dict[str, Any], catalog, lang: str = "en") -> str:
    """One assignment line's reason, with the next best option, in `lang`."""
    template = TEMPLATES.get(code)
    if template is None:
        return code
    ident = values.get("role") or values.get("provider") or ""
    text = _(lang, template, who=_(lang, catalog.name(ident)) if ident else "",
             fit=fmt_fit(values.get("fit", 0.0), lang), cost=_cost(values.get("cost_per_hour"), lang))
    if code == "uncovered":
        return text
    if values.get("budget_limited"):
        text = _(lang, BUDGET_LIMITED, reason=text)
    alternative = values.get("alternative")
    if alternative:
        return _(lang, NEXT_BEST, reason=text, alt=_(lang, catalog.name(alternative)),
                 alt_fit=fmt_fit(values["alternative_fit"], lang),
                 alt_cost=_cost(values.get("alternative_cost_per_hour"), lang))
    return _(lang, NO_OTHER, reason=text)


def line_reason(line, catalog, lang: str = "en") -> str:
    """The reason of a model.Assignment."""
    return reason_text(line.reason, line.reason_values, catalog, lang)
