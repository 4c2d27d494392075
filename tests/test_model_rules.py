"""Every rule in data/rules.yaml: a scenario in which it fires and one in which it stays quiet.

The tests are parametrised over the ids in the catalog, so a new rule without cases here fails.
"""

from __future__ import annotations

import pytest

from model import CatalogError, Scenario, build_catalog, load_catalog, simulate
from model.rules import KINDS, REQUIRED, Hit, register
from model.scenario import SPECS
from model.vocab import LANGUAGES, SEVERITIES
from tests.conftest import entry

RICH = int(SPECS["budget_sek"].high)
DEFAULT = Scenario()
SOLO_SMALL = Scenario(team=("social_media_manager",), channels=1, posts_per_week=2,
                      inbound_per_week=10, ad_spend_sek_month=10_000)

# rule id -> (severity, scenario where it fires, where it names, scenario where it is quiet)
# "where" is {"capability": ...} and/or {"seat": ...} the finding must name (None: not checked).
CASES: dict[str, tuple[str, Scenario, dict | None, Scenario]] = {
    "strategy_owned_by_leadership": (
        "warning", Scenario(team=("social_media_manager",), marketing_lead_hours=0),
        {"capability": "strategy"},
        Scenario(team=("social_media_manager",), marketing_lead_hours=4)),
    "lead_in_house": (
        "critical", Scenario(team_size=0), {"capability": "lead"}, Scenario(team_size=1)),
    "plan_covered": (
        "warning", Scenario(team_size=0), {"capability": "plan"}, Scenario(team_size=1)),
    "administer_covered": (
        "warning", Scenario(team_size=0), {"capability": "administer"}, Scenario(team_size=2)),
    "create_external_at_low_volume": (
        "info", DEFAULT, {"capability": "create"}, DEFAULT.replace(budget_sek=RICH)),
    "video_needs_video_people": (
        "warning", DEFAULT, {"capability": "create"}, DEFAULT.replace(video_share=0.2)),
    "community_half_of_activity": (
        "warning", Scenario(team_size=2, budget_sek=5_000_000, posts_per_week=10, inbound_per_week=150),
        None,
        Scenario(team_size=2, budget_sek=5_000_000, posts_per_week=5, inbound_per_week=300)),
    "community_not_on_coordinator": (
        "warning", Scenario(team=("marketing_coordinator",), org_size=200),
        {"capability": "community", "seat": "S1"},
        Scenario(team=("marketing_coordinator",), org_size=40)),
    "influencer_relationship_person": (
        "warning", Scenario(team=("social_media_manager",), influencers=3),
        {"capability": "influencer"},
        Scenario(team=("social_media_manager", "influencer_manager"), influencers=3)),
    "ads_by_specialist": (
        "warning", SOLO_SMALL.replace(budget_sek=0), {"capability": "advertise"},
        SOLO_SMALL.replace(budget_sek=RICH)),
    "ads_brief_in_house": (
        "warning", Scenario(team=("community_manager",), budget_sek=RICH),
        {"capability": "advertise"},
        Scenario(team=("community_manager", "social_media_manager"), budget_sek=RICH)),
    "analysis_two_kinds": (
        "warning", DEFAULT, {"capability": "analyze"},
        Scenario(team=("social_media_manager", "web_analyst"))),
    "one_person_cannot_do_everything": (
        "warning", DEFAULT, {"seat": "S1"}, Scenario(team_size=4, budget_sek=RICH)),
    "over_capacity": (
        "warning", DEFAULT, {"seat": "S1"}, Scenario(team_size=4, budget_sek=RICH)),
    "seat_underused": (
        # the content manager of an eight-seat ladder team: designers and video take creation
        "info", Scenario(team_size=8, budget_sek=9_000_000), {"seat": "S3"}, DEFAULT),
    "work_uncovered": (
        "warning", DEFAULT, {"capability": "create"}, DEFAULT.replace(budget_sek=RICH)),
    "in_house_over_budget": (
        "critical", DEFAULT.replace(budget_sek=1_000_000), None, DEFAULT),
    "agency_below_minimum": (
        # 20 h of the consultant for planning leave 2,000 SEK a year for the social media agency
        "info", Scenario(team_size=0, posts_per_week=60, budget_sek=1_060_000), None,
        Scenario(team_size=0, posts_per_week=60, budget_sek=5_000_000)),
}

RULE_IDS = [rule.id for rule in load_catalog().rules]


def findings_of(scenario: Scenario, catalog, rule_id: str):
    return [f for f in simulate(scenario, catalog).findings if f.rule_id == rule_id]


def test_every_rule_has_cases_and_no_case_is_stale():
    assert sorted(CASES) == sorted(RULE_IDS)


def test_rule_ids_are_unique(catalog):
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fires(catalog, rule_id):
    assert rule_id in CASES, f"rule {rule_id!r} has no test cases in tests/test_model_rules.py"
    severity, scenario, where, _ = CASES[rule_id]
    rule = next(rule for rule in catalog.rules if rule.id == rule_id)
    found = findings_of(scenario, catalog, rule_id)
    assert found, f"{rule_id} did not fire for {scenario}"
    assert rule.severity == severity
    for finding in found:
        assert finding.severity == severity and finding.guidance == rule.guidance
        for lang in LANGUAGES:
            message, advice = finding.text(lang)
            assert message.strip() and advice.strip()
            assert "{" not in message and "}" not in message, message
            assert "{" not in advice and "}" not in advice, advice
        assert finding.message["en"] != finding.message["sv"]
    if where:
        for key, value in where.items():
            assert value in {getattr(finding, key) for finding in found}


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_stays_quiet(catalog, rule_id):
    assert rule_id in CASES, f"rule {rule_id!r} has no test cases in tests/test_model_rules.py"
    _, _, _, scenario = CASES[rule_id]
    assert findings_of(scenario, catalog, rule_id) == []


def test_severities_and_kinds_are_known(catalog):
    for rule in catalog.rules:
        assert rule.severity in SEVERITIES and rule.kind in KINDS
        assert rule.guidance is None or 1 <= rule.guidance <= 9


def test_far_over_capacity_is_critical(catalog):
    # a solo manager ordering a lot of outside work: coordination lifts the load past 115 %
    heavy = Scenario(team_size=1, channels=10, posts_per_week=60, inbound_per_week=1000, budget_sek=RICH)
    finding = findings_of(heavy, catalog, "over_capacity")[0]
    assert finding.severity == "critical" and finding.seat == "S1"
    assert findings_of(DEFAULT, catalog, "over_capacity")[0].severity == "warning"


def test_messages_fill_numbers_for_the_language(catalog):
    scenario = CASES["over_capacity"][1]
    finding = findings_of(scenario, catalog, "over_capacity")[0]
    assert finding.message["en"].startswith("Seat 1 (Social Media Manager) is loaded at 10")
    assert "%" in finding.message["en"] and "\u00a0%" in finding.message["sv"]
    assert finding.message["sv"].startswith("Plats 1 (Social Media Manager)")


# ---- rule parameters are honoured -----------------------------------------------------------------
def _with_params(raw, rule_id, **params):
    entry(raw, "rules", rule_id)["params"].update(params)
    return build_catalog(raw)


def test_max_capabilities_parameter(raw_catalog):
    world = _with_params(raw_catalog, "one_person_cannot_do_everything", max_capabilities=5)
    assert not findings_of(DEFAULT, world, "one_person_cannot_do_everything")


def test_org_size_exception_parameter(raw_catalog):
    world = _with_params(raw_catalog, "community_not_on_coordinator", unless_org_size_below=500)
    assert not findings_of(Scenario(team=("marketing_coordinator",), org_size=200), world,
                           "community_not_on_coordinator")


def test_min_coverage_parameter(raw_catalog):
    world = _with_params(raw_catalog, "work_uncovered", min_coverage=0.3)
    assert not findings_of(DEFAULT, world, "work_uncovered")  # create is covered at ~39 %


def test_prefer_external_parameter_changes_routing(raw_catalog, catalog):
    world = _with_params(raw_catalog, "create_external_at_low_volume", below_hours=10)
    plan = simulate(DEFAULT, world)  # 15.4 h of creation is no longer "low volume"
    assert any(line.capability == "create" and line.provider_type == "in_house"
               and not line.reason["en"].startswith("Stretch") for line in plan.assignments)
    assert not findings_of(DEFAULT, world, "create_external_at_low_volume")


def test_severity_comes_from_data(raw_catalog):
    entry(raw_catalog, "rules", "over_capacity")["severity"] = "info"
    assert {f.severity for f in findings_of(DEFAULT, build_catalog(raw_catalog), "over_capacity")} \
        == {"info"}


def test_removing_a_rule_removes_its_findings(raw_catalog):
    raw_catalog["rules"]["rules"] = [r for r in raw_catalog["rules"]["rules"] if r["id"] != "lead_in_house"]
    world = build_catalog(raw_catalog)
    assert not findings_of(Scenario(team_size=0), world, "lead_in_house")
    # without the rule lead is no longer forced in-house, and coordination is no longer added
    assert simulate(DEFAULT, world).coordination_hours == 0.0


# ---- the registry -----------------------------------------------------------------------------------
def test_every_kind_declares_itself():
    for kind in KINDS.values():
        assert kind.description and callable(kind.check)
        for param_kind, default in kind.params.values():
            assert param_kind in ("fraction", "hours", "number", "count", "capability",
                                  "capability_or_all", "driver", "capabilities", "roles", "providers")
            assert default is REQUIRED or default is not None


def test_a_registered_kind_can_be_used_from_data(raw_catalog):
    name = "test_team_at_least"
    try:
        @register(name, {"min_people": ("count", REQUIRED)}, ("people", "min"),
                  "The team has at least min_people seats.")
        def check(params, ctx):
            people = sum(1 for person in ctx.people if person.in_team)
            if people >= params["min_people"]:
                return []
            return [Hit(values={"people": people, "min": params["min_people"]})]

        raw_catalog["rules"]["rules"].append({
            "id": "team_too_small", "kind": name, "severity": "info",
            "params": {"min_people": 3},
            "message": {"en": "{people} people, fewer than {min}.",
                        "sv": "{people} personer, färre än {min}."},
            "advice": {"en": "Hire.", "sv": "Anställ."},
        })
        world = build_catalog(raw_catalog)
        found = findings_of(Scenario(team_size=2), world, "team_too_small")
        assert [f.message for f in found] == [{"en": "2 people, fewer than 3.",
                                               "sv": "2 personer, färre än 3."}]
        assert not findings_of(Scenario(team_size=3), world, "team_too_small")
        raw_catalog["rules"]["rules"][-1]["params"] = {"min_people": 2.5}
        with pytest.raises(CatalogError, match=r"params\.min_people.*whole number"):
            build_catalog(raw_catalog)
    finally:
        KINDS.pop(name, None)
