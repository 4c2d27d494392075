"""The knowledge base as readers see it: the nine guidance items, what each rule in
data/rules.yaml checks (its one-line summary, with the values of its parameters), and which roles
and outside providers fit a capability. Pure functions, no Streamlit calls."""

from __future__ import annotations

from dataclasses import dataclass

from model import CAPABILITIES, KINDS, Catalog, Rule, summary_values
from ui.findings import fill, value_text
from ui.fmt import sek
from ui.i18n import N_, _, t

# The guidance of the source post, one heading per item (our words; see shared/KNOWLEDGE.md).
GUIDANCE: dict[int, str] = {
    1: N_("Strategy is owned by marketing leadership; the social media manager contributes."),
    2: N_("Someone in-house must lead the work, even when an agency does it."),
    3: N_("Planning and administering are the social media manager's core; every post needs a purpose."),
    4: N_("Creating is the easy part once strategy and plan exist; video, design and copy "
          "are different crafts, usually best bought outside."),
    5: N_("Community and support should be about half of all social activity, run by a relationship person."),
    6: N_("Influencer management is PR that never sleeps (optional)."),
    7: N_("Advertising is a discipline of its own; someone in-house must be able to brief it."),
    8: N_("Analysis needs one person who asks the questions and one who produces the data."),
    9: N_("One person cannot do everything."),
}


@dataclass(frozen=True)
class Option:
    """A role or provider that can do a capability."""

    id: str
    name: str
    fit: float
    level: str  # "specialist" | "primary" | "stretch"
    detail: str  # rate or pay, in the language


def guidance_text(number: int, lang: str) -> str:
    """The heading of a guidance item (1-9) in the language."""
    return _(lang, GUIDANCE[number]) if number in GUIDANCE else ""


def summary_text(value, catalog: Catalog, lang: str) -> str:
    """One value of a rule's summary (model.rules.summary_values) in the language: names joined
    with or/and, numbers in their unit's format."""
    return value_text(value, catalog, lang)


def rule_summary(rule: Rule, catalog: Catalog, lang: str) -> str:
    """What the rule checks, in plain words and in the language: its summary in data/rules.yaml
    with the values of its parameters (and what its kind adds) filled in."""
    return fill(rule.summary, summary_values(KINDS[rule.kind], rule.params), catalog, lang)


def rule_advice(rule: Rule, catalog: Catalog, lang: str) -> str:
    """The rule's advice in the language, as the Capabilities page shows it (no finding fills it;
    a placeholder in it stays as written)."""
    return fill(rule.advice, {}, catalog, lang)


def in_house_only(catalog: Catalog, capability: str) -> bool:
    """Whether a rule keeps the capability in-house (it is never bought outside)."""
    return any("in_house_only" in KINDS[rule.kind].steers and rule.params.get("capability") == capability
               for rule in catalog.rules)


def rule_capabilities(rule: Rule) -> tuple[str, ...]:
    """The capabilities a rule is about (empty for rules about the whole plan)."""
    cap = rule.params.get("capability")
    if cap in CAPABILITIES:
        return (cap,)
    caps = rule.params.get("capabilities")
    return tuple(caps) if caps else ()


def rules_for(catalog: Catalog, capability: str) -> list[Rule]:
    return [rule for rule in catalog.rules if capability in rule_capabilities(rule)]


def general_rules(catalog: Catalog) -> list[Rule]:
    return [rule for rule in catalog.rules if not rule_capabilities(rule)]


def _level(value: float, catalog: Catalog) -> str:
    if value >= catalog.settings.strong_fit:
        return "specialist"
    if value >= catalog.settings.primary_fit:
        return "primary"
    return "stretch"


LEVELS = {
    "specialist": N_("specialist"),
    "primary": N_("capable"),
    "stretch": N_("stretch only"),
}


def level_name(level: str, lang: str) -> str:
    return _(lang, LEVELS[level])


def role_options(catalog: Catalog, capability: str, lang: str) -> list[Option]:
    """In-house roles that fit the capability well enough to be trusted with it, best first."""
    options = [
        Option(role.id, _(lang, catalog.name(role.id)), role.fit[capability],
               _level(role.fit[capability], catalog),
               _(lang, "{amount}/month", amount=sek(role.pay_sek_month, lang)))
        for role in catalog.roles.values()
        if role.fit.get(capability, 0.0) >= catalog.settings.min_fit
    ]
    return sorted(options, key=lambda option: (-option.fit, option.name))


def provider_options(catalog: Catalog, capability: str, lang: str) -> list[Option]:
    """Agencies and freelancers that do the capability well enough to be bought, best first."""
    options = [
        Option(provider.id, _(lang, catalog.name(provider.id)), provider.fit[capability],
               _level(provider.fit[capability], catalog),
               f"{t(provider.type, lang)}, {sek(provider.rate_sek_hour, lang)}/h")
        for provider in catalog.providers.values()
        if provider.fit.get(capability, 0.0) >= catalog.settings.primary_fit
    ]
    return sorted(options, key=lambda option: (-option.fit, option.name))


__all__ = ["GUIDANCE", "Option", "general_rules", "guidance_text", "in_house_only", "level_name",
           "provider_options", "role_options", "rule_advice", "rule_capabilities", "rule_summary",
           "rules_for", "summary_text"]
