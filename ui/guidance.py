"""The knowledge base as readers see it: the nine guidance items, what each rule in
data/rules.yaml checks (its one-line summary, with the values of its parameters), and which roles
and outside providers fit a capability. Pure functions, no Streamlit calls."""

from __future__ import annotations

from dataclasses import dataclass

from model import Catalog
from model.catalog import Rule, fill_template
from model.fmt import number, sek
from model.rules import KINDS, render, summary_values
from model.vocab import CAPABILITIES
from ui.i18n import t, tr

# The guidance of the source post, one heading per item (our words; see shared/KNOWLEDGE.md).
GUIDANCE: dict[int, dict[str, str]] = {
    1: {"en": "Strategy is owned by marketing leadership; the social media manager contributes.",
        "sv": "Strategin ägs av marknadsledningen; social media managern bidrar."},
    2: {"en": "Someone in-house must lead the work, even when an agency does it.",
        "sv": "Någon internt måste leda arbetet, även när en byrå utför det."},
    3: {"en": "Planning and administering are the social media manager's core; "
              "every post needs a purpose.",
        "sv": "Planering och administration är social media managerns kärna; "
              "varje inlägg behöver ett syfte."},
    4: {"en": "Creating is the easy part once strategy and plan exist; video, design and copy are "
              "different crafts, usually best bought outside.",
        "sv": "Att skapa är det enkla när strategi och plan finns; video, design och text är olika "
              "hantverk, oftast bäst att köpa in."},
    5: {"en": "Community and support should be about half of all social activity, "
              "run by a relationship person.",
        "sv": "Community och support bör vara ungefär hälften av all aktivitet, "
              "skött av en relationsperson."},
    6: {"en": "Influencer management is PR that never sleeps (optional).",
        "sv": "Influencerarbete är PR som aldrig sover (valfritt)."},
    7: {"en": "Advertising is a discipline of its own; someone in-house must be able to brief it.",
        "sv": "Annonsering är en egen disciplin; någon internt måste kunna beställa den."},
    8: {"en": "Analysis needs one person who asks the questions and one who produces the data.",
        "sv": "Analys kräver en som ställer frågorna och en som tar fram data."},
    9: {"en": "One person cannot do everything.", "sv": "En person kan inte göra allt."},
}

@dataclass(frozen=True)
class Option:
    """A role or provider that can do a capability."""

    id: str
    name: str
    fit: float
    level: str  # "specialist" | "primary" | "stretch"
    detail: str  # rate or pay, in the language


JOINS = {"names_or": (" or ", " eller "), "names_and": (" and ", " och ")}


def _or_names(ids, catalog: Catalog, lang: str, word: tuple[str, str] = JOINS["names_or"]) -> str:
    names = [catalog.name(item, lang) for item in ids]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + tr(lang, *word) + names[-1]


def summary_text(value, catalog: Catalog, lang: str) -> str:
    """One value of a rule's summary (model.rules.summary_values) in the language: names joined
    with or/and, numbers in their unit's format."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] in JOINS:
        return _or_names(value[1], catalog, lang, JOINS[value[0]])
    return render(value, lang, catalog)


def rule_summary(rule: Rule, catalog: Catalog, lang: str) -> str:
    """What the rule checks, in plain words and in the language: its summary in data/rules.yaml
    with the values of its parameters (and what its kind adds) filled in."""
    template = rule.summary.get(lang) or rule.summary.get("en", "")
    values = summary_values(KINDS[rule.kind], rule.params)
    return fill_template(template, {name: summary_text(value, catalog, lang)
                                    for name, value in values.items()})


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
    "specialist": ("specialist", "specialist"),
    "primary": ("capable", "kapabel"),
    "stretch": ("stretch only", "bara nödlösning"),
}


def level_name(level: str, lang: str) -> str:
    en, sv = LEVELS[level]
    return tr(lang, en, sv)


def role_options(catalog: Catalog, capability: str, lang: str) -> list[Option]:
    """In-house roles that fit the capability well enough to be trusted with it, best first."""
    unit = "kr/mån" if lang == "sv" else "SEK/month"
    options = [
        Option(role.id, catalog.name(role.id, lang), role.fit[capability],
               _level(role.fit[capability], catalog), f"{number(role.pay_sek_month, lang)} {unit}")
        for role in catalog.roles.values()
        if role.fit.get(capability, 0.0) >= catalog.settings.min_fit
    ]
    return sorted(options, key=lambda option: (-option.fit, option.name))


def provider_options(catalog: Catalog, capability: str, lang: str) -> list[Option]:
    """Agencies and freelancers that do the capability well enough to be bought, best first."""
    options = [
        Option(provider.id, catalog.name(provider.id, lang), provider.fit[capability],
               _level(provider.fit[capability], catalog),
               f"{t(provider.type, lang)}, {sek(provider.rate_sek_hour, lang)}/h")
        for provider in catalog.providers.values()
        if provider.fit.get(capability, 0.0) >= catalog.settings.primary_fit
    ]
    return sorted(options, key=lambda option: (-option.fit, option.name))


__all__ = ["GUIDANCE", "Option", "general_rules", "in_house_only", "level_name", "provider_options",
           "role_options", "rule_capabilities", "rule_summary", "rules_for", "summary_text"]
