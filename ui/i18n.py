"""Translations through gettext catalogs (Babel): `locale/<lang>/LC_MESSAGES/messages.po`.

English is the source language: a msgid is the English text, and a language is one `.po` file
(read and compiled in memory at first use, so there is no build step and no stale `.mo`).
- `_(lang, msgid, **values)` translates and then fills `{placeholders}` (str.format).
- `N_(msgid)` marks a text for extraction where it is stored, to be translated where it is shown.
- `t(key, lang)` is the shared text under a key (TEXT below) for code that picks texts by key.
Extraction: `pybabel extract -F babel.cfg -o locale/messages.pot .` (see README, Translations).

The pseudo-locale `qps` (tests only) turns every catalogued text into accented, lengthened text,
so a page rendered in it shows at a glance every string that did not pass through a catalog.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
SOURCE = "en"
PSEUDO = "qps"  # the pseudo-locale (tests), never offered in the language menu


def _languages() -> dict[str, str]:
    """English plus every language with a catalog, each named in its own language."""
    codes = [SOURCE] + sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return {code: Locale.parse(code).get_display_name(code).capitalize() for code in codes}


LANGS: dict[str, str] = _languages()


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalog of a language (English and unknown codes translate to themselves)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == SOURCE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


# ---- the pseudo-locale -------------------------------------------------------------------------
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ")
# Left as they are: {placeholders}, <html tags>, &entities;, %{plotly} fields, markdown link
# targets and :colour[ directives, so the pseudo text still renders.
_KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&\w+;|%\{[^{}]*\}|\]\([^()]*\)|:[a-z]+\[")


def pseudo(text: str) -> str:
    """Accented and about a third longer, with every letter outside the ASCII range."""
    parts, last = [], 0
    for match in _KEEP.finditer(text):
        parts.append(text[last:match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTED))
    body = "".join(parts)
    letters = sum(char.isalpha() for char in text)
    return body + ("·" * (letters // 3) if letters else "")


# ---- translating ------------------------------------------------------------------------------
def gettext(lang: str, msgid: str) -> str:
    """`msgid` in `lang`, or as written when the catalog has no translation."""
    if not msgid:
        return msgid
    if lang == PSEUDO:
        return pseudo(msgid)
    return translations(lang).ugettext(msgid)


def _(lang: str, msgid: str, /, **values: object) -> str:
    """`msgid` in `lang`, with `{name}` placeholders filled from `values` when any are given."""
    text = gettext(lang, msgid)
    return text.format(**values) if values else text


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Marks `msgid` for extraction; translate it with `_` where it is shown."""
    return msgid


def locale_of(lang: str) -> str:
    """The Babel locale for formatting numbers in `lang` (the pseudo-locale formats as English)."""
    return {"en": "en_GB", "sv": "sv_SE", PSEUDO: "en_GB"}.get(lang, lang)


# Shared texts picked by key (severities, provider kinds, sidebar fields, chart titles).
TEXT: dict[str, str] = {
    'app_title': N_("Social media org simulator"),
    'page_simulator': N_("Simulator"),
    'page_compare': N_("Compare"),
    'page_tradeoffs': N_("Trade-offs"),
    'page_capabilities': N_("Capabilities"),
    'page_handover': N_("Briefs & roles"),
    'page_roadmap': N_("Roadmap"),
    'page_assumptions': N_("Assumptions"),
    'language': N_("Language"),
    'team_size': N_("In-house team (people)"),
    'team_size_help': N_("Headcount dedicated to social media work."),
    'budget_sek': N_("Annual budget (SEK)"),
    'budget_msek': N_("Annual budget (MSEK)"),
    'budget_help': N_("Fully loaded in-house cost plus agency and freelance fees; ad media spend is not "
                      "included."),
    'workload': N_("Workload"),
    'channels': N_("Channels"),
    'posts_per_week': N_("Posts per week"),
    'video_share': N_("Share of posts that are video"),
    'inbound_per_week': N_("Comments and messages per week"),
    'ad_spend_sek_month': N_("Ad media spend (SEK per month)"),
    'influencers': N_("Influencers in an ongoing programme"),
    'influencers_help': N_("The number of influencers you work with in an ongoing programme. "
                           "0 = no influencer programme."),
    'org_size': N_("Employees in the organisation"),
    'marketing_lead_hours': N_("Head of marketing's hours for social (per week)"),
    'volunteer_hours': N_("Unpaid hours per week (founder, volunteers, colleagues)"),
    'target_coverage': N_("Coverage target (0 = none)"),
    'retainers': N_("Retainers"),
    'reply_promise': N_("Reply-time promise"),
    'brief_goal': N_("Goal of the social media work"),
    'brief_audience': N_("Target audience"),
    'brief_kpis': N_("KPI targets"),
    'brief_approvals': N_("Approvals: who approves, and how fast"),
    'reply_hours': N_("Reply within"),
    'reply_hours_help': N_("The longest a customer waits for an answer while the promise holds. "
                           "53 % of people expect an answer within an hour on social media, 72 % "
                           "when they complain."),
    'reply_window': N_("Promise holds during"),
    'handling_minutes': N_("Handling time per message (minutes)"),
    'organisation': N_("Organisation model"),
    'org_model': N_("How social media work is organised"),
    'org_model_help': N_("Altimeter's five social business models: one central team, every unit on its "
                         "own, a hub with spokes in the units, several hubs, or everyone taking part."),
    'org_centralized': N_("Centralized: one team"),
    'org_distributed': N_("Distributed: every unit on its own"),
    'org_hub_and_spoke': N_("Hub and spoke"),
    'org_dandelion': N_("Multiple hub and spoke (dandelion)"),
    'org_holistic': N_("Holistic: everyone takes part"),
    'business_units': N_("Business units"),
    'brands': N_("Brands or markets"),
    'languages': N_("Languages"),
    'horizon_quarters': N_("Horizon (quarters)"),
    'growth_per_quarter': N_("Workload growth per quarter"),
    'hires': N_("Seats still to recruit"),
    'handling_minutes_help': N_("How long answering one comment or message takes on average; about "
                                "5 minutes is usual for social customer care."),
    'target_coverage_help': N_("The share of the work that must be done. The plan reaches it first, "
                               "as far as the budget allows, and the Simulator says what it costs at "
                               "the least."),
    'team': N_("Team composition"),
    'custom_team': N_("Choose the role of each seat"),
    'ladder_caption': N_("The plan fills up to this many seats with the best roles for this workload and "
                         "budget (see who does what)."),
    'add_seat': N_("Add a seat"),
    'remove_seat': N_("Remove this seat"),
    'seat': N_("Seat"),
    'sourcing': N_("Sourcing"),
    'outsource': N_("Buy outside first"),
    'insource': N_("Never buy outside"),
    'preset': N_("Start from a preset"),
    'preset_placeholder': N_("Choose a preset…"),
    'url_notes': N_("Some values in the link could not be used; defaults were used instead:"),
    'no_team': N_("No in-house seats: everything is bought or left undone."),
    'in_house': N_("In-house"),
    'agency': N_("Agency"),
    'freelancer': N_("Freelancer"),
    'uncovered': N_("Uncovered"),
    'critical': N_("Critical"),
    'warning': N_("Warning"),
    'info': N_("Info"),
    'assumptions_edited': N_("Assumptions differ from the defaults (see Assumptions)."),
    'chart_load': N_("Load per person against capacity (h/week)"),
    'chart_coverage': N_("Coverage per capability"),
    'chart_cost': N_("Cost against budget (SEK per year)"),
    'chart_flow': N_("Who does what: capability → provider (h/week)"),
    'hours_week': N_("Hours per week"),
    'capacity': N_("Capacity"),
    'over_capacity': N_("Over capacity"),
    'coordination': N_("Coordinating suppliers"),
    'quality_gap': N_("Done at lower fit"),
    'not_done': N_("Not done"),
    'no_demand': N_("no demand"),
    'share_of_demand': N_("Share of the capability's demand"),
    'budget': N_("Budget"),
    'remaining': N_("Left of budget"),
    'over_budget': N_("Over budget"),
    'plan_cost': N_("Plan"),
    'no_people': N_("Nobody in-house carries any work."),
    'chart_fit': N_("Who fits what (fit 0–1)"),
    'fit': N_("Fit"),
    'no_work': N_("The workload gives no hours to assign."),
}


def t(key: str, lang: str = "en") -> str:
    """The shared text under `key` in `lang` (the key itself if unknown)."""
    msgid = TEXT.get(key)
    return key if msgid is None else gettext(lang, msgid)


def n_(lang: str, singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural form for `count` in `lang`, with `{count}` and `values` filled in."""
    if lang == PSEUDO:
        text = pseudo(singular if count == 1 else plural)
    else:
        text = translations(lang).ungettext(singular, plural, count)
    return text.format(count=count, **values)
