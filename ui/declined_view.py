"""Why the plan uses no time of an agency, one line each (model.declined_agencies in words)."""

from __future__ import annotations

from model import Catalog, Plan, declined_agencies
from ui.fmt import hours, pct, sek
from ui.i18n import N_, _

TEMPLATES = {
    "not_needed": N_("**{agency}**: not needed; its work ({capabilities}) is done already."),
    "below_minimum": N_("**{agency}**: below its minimum fee; the open work in {capabilities} "
                        "({hours} h/week) would pay {fee} a month, and its minimum is {minimum}."),
    "cheaper": N_("**{agency}**: {rival} does {capability} for {less} less an hour."),
    "budget": N_("**{agency}**: the budget left ({left}) is below its minimum fee of {minimum} a month."),
    "in_house": N_("**{agency}**: people in-house do this work ({capabilities}) at least as well, with time "
                   "already paid for."),
}


def declined_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """One line per agency the plan does not use, saying why."""
    lines = []
    for item in declined_agencies(plan, catalog):
        values = item.values
        names = ", ".join(_(lang, catalog.name(cap)).lower() for cap in item.capabilities)
        lines.append(_(lang, TEMPLATES[item.code], agency=_(lang, catalog.name(item.provider)),
                       capabilities=names,
                       hours=hours(values.get("hours", 0.0), lang), fee=sek(values.get("fee", 0.0), lang),
                       minimum=sek(values.get("minimum", 0.0), lang),
                       rival=_(lang, catalog.name(values["rival"])) if "rival" in values else "",
                       capability=(_(lang, catalog.name(values["capability"])).lower()
                                   if "capability" in values else ""),
                       less=pct(values.get("less", 0.0), lang), left=sek(values.get("left", 0.0), lang)))
    return lines


__all__ = ["declined_lines"]
