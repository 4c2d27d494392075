"""The knowledge base as readers see it: the nine guidance items, what each rule in
data/rules.yaml checks (in plain words, from its kind and parameters), and which roles and
outside providers fit a capability. Pure functions, no Streamlit calls."""

from __future__ import annotations

from dataclasses import dataclass

from model import Catalog
from model.catalog import Rule
from model.fmt import fit as fmt_fit
from model.fmt import hours, number, pct, sek
from model.rules import driver_value, render
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
        "sv": "Influencer-management är PR som aldrig sover (valfritt)."},
    7: {"en": "Advertising is a discipline of its own; someone in-house must be able to brief it.",
        "sv": "Annonsering är en egen disciplin; någon internt måste kunna beställa den."},
    8: {"en": "Analysis needs one person who asks the questions and one who produces the data.",
        "sv": "Analys kräver en som ställer frågorna och en som tar fram datan."},
    9: {"en": "One person cannot do everything.", "sv": "En person kan inte göra allt."},
}

FIELD_NAMES = {
    "video_share": ("the share of video posts", "andelen videoinlägg"),
    "influencers": ("the number of influencers", "antalet influencers"),
    "ad_spend_sek_month": ("the ad media spend per month", "mediebudgeten per månad"),
}


@dataclass(frozen=True)
class Option:
    """A role or provider that can do a capability."""

    id: str
    name: str
    fit: float
    level: str  # "specialist" | "primary" | "stretch"
    detail: str  # rate or pay, in the language


def _or_names(ids, catalog: Catalog, lang: str, word: tuple[str, str] = (" or ", " eller ")) -> str:
    names = [catalog.name(item, lang) for item in ids]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + tr(lang, *word) + names[-1]


def rule_summary(rule: Rule, catalog: Catalog, lang: str) -> str:
    """What the rule checks, in plain words and in the language."""
    p = rule.params
    kind = rule.kind
    cap = catalog.name(p["capability"], lang) if p.get("capability") not in (None, "all") else ""
    if kind == "owner_role_required":
        return tr(lang, f"{_or_names(p['roles'], catalog, lang)} carry at least {pct(p['min_share'], lang)} "
                        f"of {cap}.",
                  f"{_or_names(p['roles'], catalog, lang)} bär minst {pct(p['min_share'], lang)} av {cap}.")
    if kind == "internal_owner_required":
        share = pct(p["min_share"], lang)
        text = tr(lang, f"{cap} is never bought outside; people in-house carry at least {share}.",
                  f"{cap} köps aldrig utifrån; personer internt bär minst {share}.")
        if p["coordination_per_external_hour"] > 0:
            minutes = number(p["coordination_per_external_hour"] * 60, lang)
            text += tr(lang, f" Every hour bought outside costs {minutes} minutes of in-house coordination.",
                       f" Varje inköpt timme kostar {minutes} minuters intern samordning.")
        return text
    if kind == "min_coverage":
        least = pct(p["min_coverage"], lang)
        if p["capability"] == "all":
            if p.get("except"):
                others = _or_names(p["except"], catalog, lang, (" and ", " och "))
                return tr(lang, f"Every capability with work (but {others}, which has a rule of its "
                                f"own) is covered at least at {least}.",
                          f"Varje kapabilitet med arbete (utom {others}, som har en egen regel) täcks "
                          f"till minst {least}.")
            return tr(lang, f"Every capability with work is covered at least at {least}.",
                      f"Varje kapabilitet med arbete täcks till minst {least}.")
        return tr(lang, f"{cap} is covered at least at {least}.", f"{cap} täcks till minst {least}.")
    if kind == "prefer_external_below":
        below = hours(p["below_hours"], lang)
        return tr(lang, f"Below {below} h/week, {cap} is bought outside first, unless someone in the team "
                        f"fits it at {fmt_fit(p['unless_in_house_fit'], lang)} or better.",
                  f"Under {below} h/vecka köps {cap} utifrån först, om ingen i teamet passar för det med "
                  f"{fmt_fit(p['unless_in_house_fit'], lang)} eller bättre.")
    if kind == "specialist_required":
        en_field, sv_field = FIELD_NAMES.get(p["active_if"], (p["active_if"], p["active_if"]))
        above = render(driver_value(p["active_if"], p["above"]), lang, catalog)
        who = _or_names(tuple(p["roles"]) + tuple(p["providers"]), catalog, lang)
        return tr(lang, f"When {en_field} is above {above}, specialists ({who}) carry at least "
                        f"{pct(p['min_share'], lang)} of {cap}.",
                  f"När {sv_field} är över {above} bär specialister ({who}) minst "
                  f"{pct(p['min_share'], lang)} av {cap}.")
    if kind == "min_activity_share":
        caps = _or_names(p["capabilities"], catalog, lang, (" and ", " och "))
        return tr(lang, f"{caps} together are at least {pct(p['min_share'], lang)} of all hours "
                        f"(the platforms' view: {pct(p['target'], lang)}).",
                  f"{caps} är tillsammans minst {pct(p['min_share'], lang)} av alla timmar "
                  f"(plattformarnas syn: {pct(p['target'], lang)}).")
    if kind == "role_excluded_unless":
        roles = _or_names(p["roles"], catalog, lang)
        size = number(p["unless_org_size_below"], lang)
        return tr(lang, f"{roles} should not carry {cap}, unless the organisation has fewer than {size} "
                        "employees.",
                  f"{roles} ska inte bära {cap}, om inte organisationen har färre än {size} anställda.")
    if kind == "internal_briefer_required":
        return tr(lang, f"When {cap} is bought outside, someone in the team fits it at "
                        f"{fmt_fit(p['min_fit'], lang)} or better, to brief and follow up the supplier.",
                  f"När {cap} köps utifrån passar någon i teamet för det med {fmt_fit(p['min_fit'], lang)} "
                  "eller bättre, för att beställa och följa upp leverantören.")
    if kind == "two_roles_required":
        askers = _or_names(p["askers"], catalog, lang)
        producers = _or_names(tuple(p["producers"]) + tuple(p["producer_providers"]), catalog, lang)
        return tr(lang, f"{cap} has someone who asks the questions ({askers}) and someone who produces "
                        f"the data ({producers}).",
                  f"{cap} har någon som ställer frågorna ({askers}) och någon som tar fram datan "
                  f"({producers}).")
    if kind == "max_capabilities_per_person":
        return tr(lang, f"Nobody in the team carries more than {p['max_capabilities']} capabilities; "
                        "with money left, the next one is bought outside.",
                  f"Ingen i teamet bär fler än {p['max_capabilities']} kapabiliteter; finns det pengar "
                  "kvar köps nästa utifrån.")
    if kind == "in_house_share_required":
        share = pct(p["min_share"], lang)
        return tr(lang, f"People in-house do at least {share} of the {cap.lower()} work that is done.",
                  f"Personer internt gör minst {share} av det arbete inom {cap.lower()} som görs.")
    if kind == "team_size_filled":
        return tr(lang, "When the plan chooses the roles, it fills a seat only if the budget pays for it "
                        "and its work is worth a salary.",
                  "När planen väljer rollerna tillsätter den en plats bara om budgeten räcker och "
                  "arbetet är värt en lön.")
    if kind == "max_utilisation":
        return tr(lang, f"Nobody is loaded beyond {pct(p['max_utilisation'], lang)} of their capacity.",
                  f"Ingen belastas över {pct(p['max_utilisation'], lang)} av sin kapacitet.")
    if kind == "in_house_within_budget":
        return tr(lang, "The in-house team alone fits in the budget.",
                  "Det egna teamet ryms ensamt i budgeten.")
    if kind == "provider_minimum_fee":
        return tr(lang, "Agencies are not bought below their usual minimum monthly fee.",
                  "Byråer köps inte under sitt vanliga minimiarvode per månad.")
    if kind == "min_utilisation":
        share = pct(p["min_utilisation"], lang)
        return tr(lang, f"Every team seat is loaded at least {share} of its capacity.",
                  f"Varje plats i teamet är belastad till minst {share} av kapaciteten.")
    if kind == "orderer_time_binds":
        return tr(lang, "Budget is not left unspent because nobody in-house has time to order and follow "
                        "up outside work.",
                  "Budget blir inte outnyttjad för att ingen internt har tid att beställa och följa upp "
                  "externt arbete.")
    return rule.message.get(lang, rule.message["en"])


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


__all__ = ["GUIDANCE", "Option", "general_rules", "level_name", "provider_options", "role_options",
           "rule_capabilities", "rule_summary", "rules_for"]
