"""Findings and rule texts in words. The model gives a finding as codes and typed values (model/plan.py
Finding); the templates are the rule's message and advice in data/rules.yaml (English msgids, in the
catalog's Rule objects). This module translates a template, formats each value for the language and
fills it in. Pure Python (no Streamlit): the pages, the HTML report and the command line word
findings the same way.

    message, advice = finding_text(finding, catalog, lang)
"""

from __future__ import annotations

from typing import Any

from model import CAPABILITIES, MARKETING_LEAD_SEAT, VOLUNTEER_SEAT, Catalog, Finding, Rule, fill_template
from ui.fmt import fit, hours, names_list, number, pct, sek
from ui.i18n import N_, _, gettext

MARKETING_LEAD_NAME = N_("Head of marketing (outside the team)")
VOLUNTEER_NAME = N_("Unpaid hours (founder, volunteers, colleagues)")
# The codes of ("code", c) and ("codes", (c, ...)) values (model/rules.py VALUE_CODES).
CODES: dict[str, str] = {
    "asker": N_("someone who asks the questions (market, strategy)"),
    "producer": N_("someone who produces the data with the answers"),
    "short_of_budget": N_("the budget pays for no more"),
    "short_of_work": N_("the workload keeps no more busy enough to be worth a salary"),
    "no_backup": N_("nobody, in-house or outside"),
}
# How a list of names or codes is joined (Babel list styles: "a, b and c" or "a, b or c").
LIST_STYLES: dict[str, str] = {"names": "standard", "names_and": "standard", "names_or": "or",
                               "codes": "standard"}
NUMBERS: dict[str, Any] = {"pct": pct, "hours": hours, "sek": sek, "number": number, "fit": fit}


def seat_label(seat: str, lang: str = "en") -> str:
    """'S3' -> 'Seat 3' / 'Tjänst 3', 'SP2' -> 'Spoke 2' / 'Eker 2'; the head of marketing's and the
    unpaid hours by name."""
    if seat == MARKETING_LEAD_SEAT:
        return _(lang, MARKETING_LEAD_NAME)
    if seat == VOLUNTEER_SEAT:
        return _(lang, VOLUNTEER_NAME)
    if seat.startswith("S") and seat[1:].isdigit():
        return _(lang, "Seat {number}", number=seat[1:])
    if seat.startswith("SP") and seat[2:].isdigit():  # a part-time contributor of an organisation
        # model's spokes (model/orgmodels.py)
        return _(lang, "Spoke {number}", number=seat[2:])
    return seat


def code_text(code: str, lang: str = "en") -> str:
    """A code of a finding's value in words (an unknown code as written)."""
    msgid = CODES.get(code)
    return code if msgid is None else _(lang, msgid)


def value_text(value: Any, catalog: Catalog, lang: str = "en") -> str:
    """One value of a finding or of a rule's summary, written for the language: a (tag, payload)
    pair (model/rules.py VALUE_TAGS), or a bare count."""
    if not isinstance(value, tuple):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number(value, lang)
        return str(value)
    tag, payload = value
    if tag in NUMBERS:
        return NUMBERS[tag](payload, lang)
    if tag == "seat":
        return seat_label(payload, lang)
    if tag == "name":
        return _(lang, catalog.name(payload))
    if tag == "code":
        return code_text(payload, lang)
    if tag == "codes":
        return names_list([code_text(code, lang) for code in payload], lang, LIST_STYLES[tag])
    if tag in LIST_STYLES:
        return names_list([_(lang, catalog.name(item)) for item in payload], lang, LIST_STYLES[tag])
    return str(payload)


def fill(template: str, values: dict[str, Any], catalog: Catalog, lang: str = "en") -> str:
    """A template of data/rules.yaml (an English msgid) in the language, with its plain {name}
    fields filled from `values` (anything else in braces is left as written). A capability's name
    inside a sentence is written as a common noun ("… av strategi", "… of strategy"); at the start
    of a sentence it keeps its capital."""
    text = gettext(lang, template)
    filled = {}
    for name, value in values.items():
        first = _starts_sentence(text, name)
        if _capability(value):
            shown = _common(_(lang, catalog.name(value[1])), keep=first)
        elif _capabilities(value):
            shown = names_list([_common(_(lang, catalog.name(item)), keep=first and index == 0)
                                for index, item in enumerate(value[1])], lang, LIST_STYLES[value[0]])
        else:
            shown = value_text(value, catalog, lang)
        filled[name] = shown
    return fill_template(text, filled)


def _common(text: str, keep: bool) -> str:
    return text if keep else text[:1].lower() + text[1:]


def _capability(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and value[0] == "name" and value[1] in CAPABILITIES


def _capabilities(value: Any) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and value[0] in LIST_STYLES
            and isinstance(value[1], tuple | list) and bool(value[1])
            and all(item in CAPABILITIES for item in value[1]))


def _starts_sentence(text: str, name: str) -> bool:
    """Whether every {name} in the template begins a sentence (the text, or after '. ', ': ')."""
    spots = [index for index in range(len(text)) if text.startswith("{" + name + "}", index)]
    return bool(spots) and all(not text[:spot].strip() or text[:spot].rstrip().endswith((".", "!", "?"))
                               for spot in spots)


def rule_of(catalog: Catalog, rule_id: str) -> Rule | None:
    return next((rule for rule in catalog.rules if rule.id == rule_id), None)


def advice_template(finding: Finding, rule: Rule) -> str:
    """The advice of `rule` that applies to the finding (with money left, its advice_budget_left)."""
    return getattr(rule, finding.advice, None) or rule.advice


def finding_text(finding: Finding, catalog: Catalog, lang: str = "en") -> tuple[str, str]:
    """(message, advice) of a finding in the language, from its rule in `catalog` (the catalog the
    plan was made with; a rule it does not have gives its id and no advice)."""
    rule = rule_of(catalog, finding.rule_id)
    if rule is None:
        return finding.rule_id, ""
    return (fill(rule.message, finding.values, catalog, lang),
            fill(advice_template(finding, rule), finding.values, catalog, lang))


def finding_message(finding: Finding, catalog: Catalog, lang: str = "en") -> str:
    return finding_text(finding, catalog, lang)[0]


__all__ = ["CODES", "code_text", "fill", "finding_message", "finding_text", "rule_of", "seat_label",
           "value_text"]
