"""Findings and rules in words (ui/findings.py, ui/guidance.py, ui/reasons.py): the model gives codes
and typed values, the words come from the catalogs. Every rule of data/rules.yaml, in a scenario
where it fires (the cases of tests/model/test_rules.py), reads in English and in Swedish with every
placeholder filled, and in the pseudo-locale every word of it has passed through a catalog."""

from __future__ import annotations

import re

import pytest

from model import Scenario, load_catalog, simulate
from model.plan import Finding
from model.rules import KINDS, VALUE_CODES, VALUE_TAGS, summary_values
from model.vocab import MARKETING_LEAD_SEAT, VOLUNTEER_SEAT
from tests.model.test_rules import CASES, findings_of, guard_findings
from ui.findings import CODES, advice_template, finding_text, seat_label, value_text
from ui.guidance import GUIDANCE, guidance_text, rule_summary
from ui.i18n import PSEUDO, _
from ui.reasons import TEMPLATES, reason_text

CATALOG = load_catalog()
RULE_IDS = [rule.id for rule in CATALOG.rules]
PLACEHOLDER = re.compile(r"\{\w*\}")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
FROM_LOCALE_DATA = {"SEK"}  # the currency symbol of the pseudo-locale's number format (en_GB)


def fired(rule_id: str) -> list[Finding]:
    _, scenario, _, _ = CASES[rule_id]
    found = findings_of(scenario, CATALOG, rule_id) if scenario is not None else guard_findings(rule_id)
    assert found, rule_id
    return found


def ascii_words(text: str) -> set[str]:
    return set(ASCII_WORD.findall(text)) - FROM_LOCALE_DATA


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_finding_reads_in_both_languages_with_nothing_left_to_fill(rule_id):
    for finding in fired(rule_id):
        english, swedish = (finding_text(finding, CATALOG, lang) for lang in ("en", "sv"))
        for message, advice in (english, swedish):
            assert message.strip() and advice.strip()
            assert not PLACEHOLDER.search(message) and not PLACEHOLDER.search(advice), (message, advice)
            assert "{" not in message + advice and "}" not in message + advice
        assert english[0] != swedish[0] and english[1] != swedish[1], english
        assert "(råd" not in swedish[0] + swedish[1]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_word_of_a_finding_passes_through_a_catalog(rule_id):
    """In the pseudo-locale nothing of a finding is left in English: its template, the names, the
    seat words and the coded values are all translated."""
    for finding in fired(rule_id):
        message, advice = finding_text(finding, CATALOG, PSEUDO)
        assert not ascii_words(message) and not ascii_words(advice), (message, advice)


def test_a_finding_takes_the_advice_it_names():
    rule = next(rule for rule in CATALOG.rules if rule.id == "work_uncovered")
    values = {"capability": ("name", "create"), "coverage": ("pct", 0.4), "uncovered": ("hours", 6.0)}
    plain = Finding(rule.id, "warning", "create", None, rule.guidance, values)
    idle = Finding(rule.id, "warning", "create", None, rule.guidance, values, "advice_budget_left")
    assert finding_text(plain, CATALOG, "en")[1] == _("en", rule.advice)
    assert finding_text(idle, CATALOG, "en")[1] == _("en", rule.advice_budget_left) != _("en", rule.advice)
    assert finding_text(idle, CATALOG, "sv")[1] == _("sv", rule.advice_budget_left)
    # a rule without advice for money left keeps its own
    lead = next(rule for rule in CATALOG.rules if rule.id == "lead_in_house")
    assert lead.advice_budget_left is None
    assert advice_template(Finding(lead.id, "critical", "lead", None, 2, {}, "advice_budget_left"), lead) == \
        lead.advice


def test_a_finding_of_a_rule_the_catalog_lacks_shows_its_id():
    finding = Finding("a_rule_from_elsewhere", "info", None, None, None, {})
    assert finding_text(finding, CATALOG, "sv") == ("a_rule_from_elsewhere", "")


def test_the_words_of_the_example_finding():
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=800_000), CATALOG)
    [finding] = [f for f in plan.findings if f.rule_id == "one_person_cannot_do_everything"]
    english, swedish = (finding_text(finding, CATALOG, lang)[0] for lang in ("en", "sv"))
    count = finding.values["count"]
    assert english == (f"Seat 1 (Social Media Manager) carries {count} capabilities; more than 4 is too "
                       "many for one person.")
    assert swedish.startswith(f"Tjänst 1 (Social Media Manager) har hand om {count} kapabiliteter; ")


def test_who_an_analysis_lacks_is_joined_in_the_language():
    values = {"capability": ("name", "analyze"), "missing": ("codes", ("asker", "producer"))}
    finding = Finding("analysis_two_kinds", "warning", "analyze", None, 8, values)
    english, swedish = (finding_text(finding, CATALOG, lang)[0] for lang in ("en", "sv"))
    assert english == ("Analysis lacks someone who asks the questions (market, strategy) and someone who "
                       "produces the data with the answers.")
    assert swedish == ("Analysen saknar någon som ställer frågorna (marknad, strategi) och någon som tar "
                       "fram data med svaren.")


# ---- values and seats ------------------------------------------------------------------------------
def test_every_code_the_model_gives_has_words_and_no_more():
    assert set(CODES) == set(VALUE_CODES)
    for code in VALUE_CODES:
        assert value_text(("code", code), CATALOG, "en") != code
        assert value_text(("code", code), CATALOG, "sv") != value_text(("code", code), CATALOG, "en")


SAMPLES = {"pct": 0.456, "hours": 12.25, "sek": 1_234_567, "number": 1500, "fit": 0.5, "seat": "S2",
           "name": "analyze", "names": ("web_analyst", "data_manager"),
           "names_or": ("web_analyst", "data_manager"), "names_and": ("web_analyst", "data_manager"),
           "code": "asker", "codes": ("asker", "producer")}
WRITTEN = {
    "en": {"pct": "46%", "hours": "12.2", "sek": "SEK\u00a01,234,567", "number": "1,500", "fit": "0.50",
           "seat": "Seat 2", "names_or": "Web Analyst or Data Manager",
           "names_and": "Web Analyst and Data Manager"},
    "sv": {"pct": "46\u00a0%", "hours": "12,2", "sek": "1\u00a0234\u00a0567\u00a0kr", "number": "1\u00a0500",
           "fit": "0,50", "seat": "Tjänst 2"},
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_tag_of_a_value_is_written_for_the_language(lang):
    assert set(SAMPLES) == set(VALUE_TAGS)
    for tag, payload in SAMPLES.items():
        text = value_text((tag, payload), CATALOG, lang)
        assert text and text != str(payload), tag
        if tag in WRITTEN[lang]:
            assert text == WRITTEN[lang][tag], (tag, text)
    assert value_text(7, CATALOG, lang) == "7"


def test_seats_are_named_in_the_language():
    assert [seat_label(seat, "en") for seat in ("S1", "S12", MARKETING_LEAD_SEAT, VOLUNTEER_SEAT)] == [
        "Seat 1", "Seat 12", "Head of marketing (outside the team)",
        "Unpaid hours (founder, volunteers, colleagues)"]
    assert [seat_label(seat, "sv") for seat in ("S1", MARKETING_LEAD_SEAT)] == [
        "Tjänst 1", "Marknadsansvarig (utanför teamet)"]
    assert not ascii_words(seat_label("S3", PSEUDO) + seat_label(MARKETING_LEAD_SEAT, PSEUDO))


# ---- rule summaries, guidance and reasons -------------------------------------------------------------
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_summary_reads_in_both_languages(rule_id):
    rule = next(rule for rule in CATALOG.rules if rule.id == rule_id)
    assert set(summary_values(KINDS[rule.kind], rule.params)) >= {
        name for name in re.findall(r"\{(\w+)\}", rule.summary)}
    english, swedish = (rule_summary(rule, CATALOG, lang) for lang in ("en", "sv"))
    assert english != swedish
    for text in (english, swedish):
        assert text.strip() and "{" not in text and "}" not in text, text
    assert not ascii_words(rule_summary(rule, CATALOG, PSEUDO))


def test_the_guidance_items_are_named_in_both_languages():
    assert sorted(GUIDANCE) == list(range(1, 10))
    assert {rule.guidance for rule in CATALOG.rules if rule.guidance} <= set(GUIDANCE)
    for number in GUIDANCE:
        assert guidance_text(number, "en") != guidance_text(number, "sv")
        assert not ascii_words(guidance_text(number, PSEUDO))


def test_every_reason_the_presets_give_has_words():
    values = {"role": "social_media_manager", "fit": 0.8, "cost_per_hour": 500.0, "budget_limited": True,
              "alternative": "freelance_copywriter", "alternative_fit": 0.7,
              "alternative_cost_per_hour": 900.0}
    for code in TEMPLATES:
        english, swedish = (reason_text(code, values, CATALOG, lang) for lang in ("en", "sv"))
        assert english != swedish and "{" not in english + swedish, code
        assert "guidance" not in english and "råd 2" not in swedish
        assert not ascii_words(reason_text(code, values, CATALOG, PSEUDO)), code
    reasons = {line.reason for preset in CATALOG.presets.values()
               for line in simulate(preset.scenario, CATALOG).assignments}
    assert reasons <= set(TEMPLATES)
