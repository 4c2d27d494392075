"""The reason of each assignment line, in words: model/ gives a code and values, this renders them.

Pure Python (no Streamlit), so the command line renders through the same texts.
Every text says why this option, and names the next best one with its fit and cost per hour.
"""

from __future__ import annotations

from typing import Any

from model.fmt import fit as fmt_fit
from model.fmt import sek

TEMPLATES: dict[str, dict[str, str]] = {
    "kept_in_house_rule": {
        "en": "Kept in-house: an internal owner must lead the work (guidance 2); the {who} fits it at {fit}",
        "sv": "Behålls internt: en intern ägare måste leda arbetet (råd 2); {who} passar med {fit}",
    },
    "kept_in_house_choice": {
        "en": "Kept in-house as chosen; the {who} fits it at {fit}",
        "sv": "Behålls internt enligt val; {who} passar med {fit}",
    },
    "best_fit": {
        "en": "Best fit of all options: the {who} (fit {fit}, {cost})",
        "sv": "Bäst matchning av alla alternativ: {who} (matchning {fit}, {cost})",
    },
    "in_house_time_paid": {
        "en": "In-house time is already paid for: the {who} ({fit}) does it instead of buying",
        "sv": "Den interna tiden är redan betald: {who} ({fit}) gör det i stället för att köpa",
    },
    "unpaid_time": {
        "en": "These hours cost the budget nothing: {who} ({fit}) does it instead of buying",
        "sv": "De här timmarna kostar inget ur budgeten: {who} ({fit}) gör det i stället för att köpa",
    },
    "stretch": {
        "en": "Stretch: the {who} fits it only at {fit}, but nothing better is free or affordable",
        "sv": "Nödlösning: {who} passar bara med {fit}, men inget bättre är ledigt eller ryms i budgeten",
    },
    "outsourced_choice": {
        "en": "Outsourced as chosen: {who} at {cost}, fit {fit}",
        "sv": "Utlagt enligt val: {who} för {cost}, matchning {fit}",
    },
    "bought_nobody_in_house": {
        "en": "Bought outside: nobody in-house does it; {who} at {cost}, fit {fit}",
        "sv": "Köps utifrån: ingen internt gör det; {who} för {cost}, matchning {fit}",
    },
    "bought_team_busy": {
        "en": "Bought outside: the team's time goes to work it fits better; {who} at {cost}, fit {fit}",
        "sv": "Köps utifrån: teamets tid går till arbete det passar bättre för; {who} för {cost}, matchning {fit}",  # noqa: E501
    },
    "bought_better_fit": {
        "en": "Bought outside: {who} fits it better than anyone in-house ({fit}, {cost})",
        "sv": "Köps utifrån: {who} passar bättre än någon internt ({fit}, {cost})",
    },
    "uncovered": {
        "en": "Undone: nobody in the plan has the time, the fit or the budget for it",
        "sv": "Ogjort: ingen i planen har tiden, matchningen eller budgeten för det",
    },
}
NEXT_BEST = {
    "en": "; next best: {alt} (fit {alt_fit}, {alt_cost})",
    "sv": "; näst bäst: {alt} (matchning {alt_fit}, {alt_cost})",
}
NO_OTHER = {"en": "; no other option does it", "sv": "; inget annat alternativ gör det"}
BUDGET_LIMITED = {"en": " (the budget allows no more)", "sv": " (budgeten räcker inte till mer)"}
FREE = {"en": "no fee", "sv": "inget arvode"}
PER_HOUR = {"en": "/h", "sv": "/h"}


def _cost(value: float | None, lang: str) -> str:
    """A price per hour, or 'no fee' for hours that cost the budget nothing."""
    return sek(value, lang) + PER_HOUR[lang] if value else FREE[lang]


def reason_text(code: str, values: dict[str, Any], catalog, lang: str = "en") -> str:
    """One assignment line's reason, with the next best option, in `lang`."""
    templates = TEMPLATES.get(code)
    if templates is None:
        return code
    ident = values.get("role") or values.get("provider") or ""
    text = templates.get(lang, templates["en"]).format(
        who=catalog.name(ident, lang) if ident else "",
        fit=fmt_fit(values.get("fit", 0.0), lang),
        cost=_cost(values.get("cost_per_hour"), lang))
    if code == "uncovered":
        return text
    if values.get("budget_limited"):
        text += BUDGET_LIMITED[lang]
    alternative = values.get("alternative")
    if alternative:
        text += NEXT_BEST[lang].format(
            alt=catalog.name(alternative, lang), alt_fit=fmt_fit(values["alternative_fit"], lang),
            alt_cost=_cost(values.get("alternative_cost_per_hour"), lang))
    else:
        text += NO_OTHER[lang]
    return text


def line_reason(line, catalog, lang: str = "en") -> str:
    """The reason of a model.Assignment."""
    return reason_text(line.reason, line.reason_values, catalog, lang)
