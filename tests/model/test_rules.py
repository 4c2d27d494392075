"""Every rule in data/rules.yaml: a scenario in which it fires and one in which it stays quiet.

The tests are parametrised over the ids in the catalog, so a new rule without cases here fails.
"""

from __future__ import annotations

import string

import pytest

from model import CatalogError, Scenario, build_catalog, load_catalog, simulate
from model.plan import ADVICE_KEYS
from model.rules import KINDS, REQUIRED, VALUE_CODES, VALUE_TAGS, Hit, Param, check_declaration, register
from model.scenario import SPECS
from model.vocab import SEVERITIES
from tests.conftest import entry
from ui.findings import finding_text

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
        "warning", Scenario(team_size=0, marketing_lead_hours=0), {"capability": "plan"},
        Scenario(team_size=1)),
    "administer_covered": (
        "warning", Scenario(team_size=0, marketing_lead_hours=0), {"capability": "administer"},
        Scenario(team_size=2)),
    "create_external_at_low_volume": (
        "info", SOLO_SMALL.replace(budget_sek=793_800, ad_spend_sek_month=0), {"capability": "create"},
        SOLO_SMALL.replace(budget_sek=RICH)),
    "video_needs_video_people": (
        "warning", Scenario(team=("social_media_manager", "content_manager"), budget_sek=1_700_000),
        {"capability": "create"},
        Scenario(team=("social_media_manager", "content_manager"), budget_sek=1_700_000,
                 posts_per_week=0)),
    "community_half_of_activity": (
        "warning", Scenario(team=("content_manager",), posts_per_week=30, inbound_per_week=300,
                            budget_sek=700_000), None,
        Scenario(team=("content_manager",), posts_per_week=30, inbound_per_week=300,
                 budget_sek=4_000_000)),
    "community_not_on_coordinator": (
        # with little money the coordinator answers the messages (with more, they are bought)
        "warning", Scenario(team=("marketing_coordinator",), org_size=200, budget_sek=700_000),
        {"capability": "community", "seat": "S1"},
        Scenario(team=("marketing_coordinator",), org_size=40)),
    "influencer_relationship_person": (
        "warning", SOLO_SMALL.replace(influencers=3, budget_sek=800_000),  # the SMM does it
        {"capability": "influencer"},
        Scenario(team=("social_media_manager", "influencer_manager"), influencers=3)),
    "ads_by_specialist": (
        # the SMM runs 2 MSEK a month of ads with 0 SEK to buy help: fit 0.4 on most of it
        "warning", SOLO_SMALL.replace(budget_sek=800_000, ad_spend_sek_month=2_000_000),
        {"capability": "advertise"},
        SOLO_SMALL.replace(budget_sek=RICH)),
    "ads_brief_in_house": (
        "warning", Scenario(team=("community_manager",), budget_sek=RICH),
        {"capability": "advertise"},
        Scenario(team=("community_manager", "social_media_manager"), budget_sek=RICH)),
    "analysis_two_kinds": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=800_000),
        {"capability": "analyze"},
        Scenario(team=("social_media_manager", "web_analyst"), marketing_lead_hours=6,
                 budget_sek=2_000_000)),
    "one_person_cannot_do_everything": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=800_000), {"seat": "S1"},
        Scenario(team_size=4, budget_sek=RICH)),
    "over_capacity": (
        # capacity is a hard constraint of the programme: the rule is a guard, fired below on a
        # hand-made plan (test_over_capacity_guard)
        "warning", None, {"seat": "S1"}, Scenario(team_size=4, budget_sek=RICH)),
    "seat_underused": (
        "info", Scenario(team=("social_media_manager", "community_manager", "web_analyst", "web_analyst"),
                         budget_sek=6_000_000), {"seat": "S4"}, DEFAULT),
    "most_work_done": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=1_000_000, posts_per_week=15),
        {}, Scenario(team=("social_media_manager",), budget_sek=RICH)),
    "work_uncovered": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=1_000_000),
        {"capability": "create"}, Scenario(team=("social_media_manager",), budget_sek=RICH)),
    "community_close_to_marketing": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=5_000_000, channels=5,
                            posts_per_week=20, inbound_per_week=400, ad_spend_sek_month=200_000),
        {"capability": "community"},
        Scenario(team=("social_media_manager", "community_manager"), inbound_per_week=400)),
    "messages_unanswered": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=2_000_000, inbound_per_week=600),
        {"capability": "community"},
        Scenario(team=("social_media_manager", "community_manager"), inbound_per_week=150)),
    "team_not_filled": (
        "info", Scenario(team_size=4, budget_sek=1_000_000), None,
        Scenario(team_size=2, budget_sek=4_000_000)),
    "retainers_over_budget": (
        "critical", Scenario(team=("social_media_manager",), budget_sek=1_000_000,
                             retainers=("community_agency:community:40000",)),
        {}, Scenario(team=("social_media_manager",), budget_sek=2_000_000,
                     retainers=("community_agency:community:40000",))),
    "retainer_idle": (
        "warning", Scenario(team=("social_media_manager",), budget_sek=3_000_000, inbound_per_week=20,
                            retainers=("community_agency:community:100000",)),
        {"seat": "R1"}, Scenario(team=("social_media_manager",), budget_sek=3_000_000, inbound_per_week=600,
                                 retainers=("community_agency:community:40000",))),
    "in_house_over_budget": (
        "critical", Scenario(team=("social_media_manager", "community_manager"), budget_sek=1_000_000),
        None, DEFAULT),
    "orderer_has_no_time": (
        "warning", Scenario(team_size=0, marketing_lead_hours=0, budget_sek=3_000_000), None, DEFAULT),
    "agency_below_minimum": (
        # agency minimums are a hard constraint: a guard, fired on a hand-made plan below
        "info", None, None, Scenario(team_size=0, posts_per_week=60, budget_sek=5_000_000)),
    "holiday_cover": (
        # a solo social media manager away for the summer: nobody in-house covers anything
        "warning", Scenario(team=("social_media_manager",)), {"seat": "S1"},
        # two social media managers with a light load cover each other in full
        Scenario(team=("social_media_manager", "social_media_manager"), channels=2, posts_per_week=0,
                 inbound_per_week=60, ad_spend_sek_month=0, budget_sek=2_000_000)),
    "backup_for_single_holder": (
        "info", Scenario(team=("social_media_manager",)), {"seat": "S1"},
        Scenario(team=("social_media_manager", "social_media_manager"), channels=2, posts_per_week=0,
                 inbound_per_week=60, ad_spend_sek_month=0, budget_sek=2_000_000)),
}
GUARDS = {rule_id for rule_id, case in CASES.items() if case[1] is None}

RULE_IDS = [rule.id for rule in load_catalog().rules]


def placeholders(template: str | None) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template or "") if name}


def assert_codes_and_values(finding, rule) -> None:
    """A finding is codes and typed values (its words are ui/findings.py's): every value its rule's
    message and advice ask for is there, each a (tag, payload) of a known tag or a bare count."""
    assert finding.advice in ADVICE_KEYS and getattr(rule, finding.advice)
    wanted = placeholders(rule.message) | placeholders(rule.advice) | placeholders(rule.advice_budget_left)
    assert wanted <= set(finding.values), (rule.id, wanted - set(finding.values))
    assert set(finding.values) <= set(KINDS[rule.kind].placeholders)
    for value in finding.values.values():
        if not isinstance(value, tuple):
            assert isinstance(value, int) and not isinstance(value, bool), value
            continue
        tag, payload = value
        assert tag in VALUE_TAGS, value
        if tag in ("code", "codes"):
            assert set(payload if tag == "codes" else (payload,)) <= set(VALUE_CODES), value
        assert not isinstance(payload, dict | str) or tag in ("seat", "name", "code"), value


def findings_of(scenario: Scenario, catalog, rule_id: str):
    return [f for f in simulate(scenario, catalog).findings if f.rule_id == rule_id]


def test_every_rule_has_cases_and_no_case_is_stale():
    assert sorted(CASES) == sorted(RULE_IDS)


def test_rule_ids_are_unique(catalog):
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fires(catalog, rule_id):
    assert rule_id in CASES, f"rule {rule_id!r} has no test cases in tests/model/test_rules.py"
    severity, scenario, where, _ = CASES[rule_id]
    rule = next(rule for rule in catalog.rules if rule.id == rule_id)
    found = findings_of(scenario, catalog, rule_id) if scenario is not None else guard_findings(rule_id)
    assert found, f"{rule_id} did not fire for {scenario}"
    assert rule.severity == severity
    for finding in found:
        assert finding.severity == severity and finding.guidance == rule.guidance
        assert_codes_and_values(finding, rule)
    if where:
        for key, value in where.items():
            assert value in {getattr(finding, key) for finding in found}


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_stays_quiet(catalog, rule_id):
    assert rule_id in CASES, f"rule {rule_id!r} has no test cases in tests/model/test_rules.py"
    _, _, _, scenario = CASES[rule_id]
    assert findings_of(scenario, catalog, rule_id) == []


def test_severities_and_kinds_are_known(catalog):
    for rule in catalog.rules:
        assert rule.severity in SEVERITIES and rule.kind in KINDS
        assert rule.guidance is None or 1 <= rule.guidance <= 9


def guard_findings(rule_id: str, utilisation: float = 1.1):
    """Findings of a guard rule on a hand-made plan that breaks what the programme never breaks:
    a seat at 120 % of capacity, an agency paid 5,000 SEK a month."""
    from dataclasses import replace

    from model.engine import RuleContext, check_rules

    catalog = load_catalog()
    plan = simulate(Scenario(team=("social_media_manager",), budget_sek=1_500_000), catalog)
    person = replace(plan.people[0], hours=34 * utilisation, utilisation=utilisation)
    line = replace(plan.assignments[0], provider_type="agency", provider="social_media_agency",
                   seat=None, cost_sek=60_000.0)
    pools = {cap: {"other": hours, "video": 0.0} for cap, hours in plan.demand.items()}
    ctx = RuleContext(plan.scenario, catalog, plan.demand, pools, (line,), plan.coverage, plan.quality,
                      plan.uncovered, (person,), plan.cost, ())
    return [f for f in check_rules(ctx) if f.rule_id == rule_id]


def test_over_capacity_guard_escalates_far_over_capacity():
    finding = guard_findings("over_capacity", 1.2)[0]
    assert finding.severity == "critical" and finding.seat == "S1"
    assert finding.values["utilisation"] == ("pct", 1.2) and finding.values["seat"] == ("seat", "S1")
    english, swedish = (finding_text(finding, load_catalog(), lang)[0] for lang in ("en", "sv"))
    assert english.startswith("Seat 1 (Social Media Manager) is loaded at 120%")
    assert swedish.startswith("Tjänst 1 (Social Media Manager)") and "120\u00a0%" in swedish


def test_with_money_left_the_finding_names_the_budget_left_advice(catalog):
    spent = findings_of(CASES["work_uncovered"][1], catalog, "work_uncovered")
    assert spent and {f.advice for f in spent} == {"advice"}  # 800,000 SEK: nothing is left
    # nobody in-house to order anything: 3 MSEK stays unspent, people are short, not money
    idle = simulate(CASES["orderer_has_no_time"][1], catalog)
    assert idle.cost.remaining == 3_000_000
    advice = {f.rule_id: f.advice for f in idle.findings}
    assert advice["work_uncovered"] == advice["messages_unanswered"] == "advice_budget_left"
    assert advice["lead_in_house"] == "advice"  # a rule without advice for that case keeps its own


def test_the_programme_never_needs_the_guards(catalog):
    for scenario in (DEFAULT, Scenario(team_size=1, channels=10, posts_per_week=60,
                                       inbound_per_week=1000, budget_sek=RICH)):
        plan = simulate(scenario, catalog)
        assert not [f for f in plan.findings if f.rule_id in GUARDS]


# ---- rule parameters are honoured -----------------------------------------------------------------
def _with_params(raw, rule_id, **params):
    entry(raw, "rules", rule_id)["params"].update(params)
    return build_catalog(raw)


def test_max_capabilities_parameter(raw_catalog):
    world = _with_params(raw_catalog, "one_person_cannot_do_everything", max_capabilities=9)
    assert not findings_of(CASES["one_person_cannot_do_everything"][1], world,
                           "one_person_cannot_do_everything")


def test_org_size_exception_parameter(raw_catalog):
    world = _with_params(raw_catalog, "community_not_on_coordinator", unless_org_size_below=500)
    assert not findings_of(Scenario(team=("marketing_coordinator",), org_size=200), world,
                           "community_not_on_coordinator")


def test_min_coverage_parameter(raw_catalog):
    scenario = CASES["work_uncovered"][1]
    world = _with_params(raw_catalog, "work_uncovered", min_coverage=0.0)
    assert findings_of(scenario, load_catalog(), "work_uncovered")
    assert not findings_of(scenario, world, "work_uncovered")


def test_prefer_external_penalty_moves_creation_outside(raw_catalog, catalog):
    scenario = Scenario(team=("social_media_manager",), budget_sek=1_300_000)
    created = lambda world: sum(line.hours for line in simulate(scenario, world).assignments  # noqa: E731
                                if line.capability == "create" and line.provider_type == "in_house")
    world = _with_params(raw_catalog, "create_external_at_low_volume", penalty=0.0)
    assert created(world) >= created(catalog)


def test_severity_comes_from_data(raw_catalog):
    entry(raw_catalog, "rules", "work_uncovered")["severity"] = "info"
    found = findings_of(CASES["work_uncovered"][1], build_catalog(raw_catalog), "work_uncovered")
    assert found and {f.severity for f in found} == {"info"}


def test_removing_a_rule_removes_its_findings(raw_catalog):
    raw_catalog["rules"]["rules"] = [r for r in raw_catalog["rules"]["rules"] if r["id"] != "lead_in_house"]
    world = build_catalog(raw_catalog)
    assert not findings_of(Scenario(team_size=0), world, "lead_in_house")
    # without the rule, bought work no longer needs an orderer's time
    assert simulate(DEFAULT, world).coordination_hours == 0.0


# ---- the registry -----------------------------------------------------------------------------------
def test_every_kind_declares_itself():
    for kind in KINDS.values():
        assert kind.description and callable(kind.check)
        check_declaration(kind)  # raises on a bad declaration
        for param in kind.params.values():
            assert param.type in ("fraction", "hours", "number", "count", "penalty", "flag",
                                  "capability", "capability_or_all", "driver", "driver_or_none",
                                  "capabilities", "roles", "providers")
            assert param.default is REQUIRED or param.default is not None or param.type == "driver_or_none"
            assert not param.numeric or (param.unit and param.label)


def test_a_registered_kind_can_be_used_from_data(raw_catalog):
    name = "test_team_at_least"
    try:
        @register(name, params={"min_people": Param("count", REQUIRED, unit="count", label="min_people")},
                  reports=("people", "min"))
        def check(params, ctx):
            """The team has at least min_people seats."""
            people = sum(1 for person in ctx.people if person.in_team)
            if people >= params["min_people"]:
                return []
            return [Hit(values={"people": people, "min": params["min_people"]})]

        raw_catalog["rules"]["rules"].append({
            "id": "team_too_small", "kind": name, "severity": "info",
            "params": {"min_people": 3},
            "summary": {"en": "The team has at least {min_people} seats.",
                        "sv": "Teamet har minst {min_people} platser."},
            "message": {"en": "{people} people, fewer than {min}.",
                        "sv": "{people} personer, färre än {min}."},
            "advice": {"en": "Hire.", "sv": "Anställ."},
        })
        world = build_catalog(raw_catalog)
        found = findings_of(Scenario(team=("social_media_manager",) * 2), world, "team_too_small")
        assert [f.values for f in found] == [{"people": 2, "min": 3}]
        rule = next(rule for rule in world.rules if rule.id == "team_too_small")
        assert (rule.message, rule.advice) == ("{people} people, fewer than {min}.", "Hire.")
        assert [finding_text(f, world, "en") for f in found] == [("2 people, fewer than 3.", "Hire.")]
        assert not findings_of(Scenario(team=("social_media_manager",) * 3), world, "team_too_small")
        raw_catalog["rules"]["rules"][-1]["params"] = {"min_people": 2.5}
        with pytest.raises(CatalogError) as caught:
            build_catalog(raw_catalog)
        assert (caught.value.key, caught.value.problem.code) == ("params.min_people", "number.not_whole")
    finally:
        KINDS.pop(name, None)


@pytest.mark.parametrize("rule_id, scenario", [
    ("most_work_done", Scenario(team=("social_media_manager",), budget_sek=1_000_000,
                                posts_per_week=15, inbound_per_week=400)),
    ("messages_unanswered", Scenario(team=("social_media_manager",), budget_sek=1_000_000,
                                     posts_per_week=15, inbound_per_week=400)),
    ("work_uncovered", Scenario(team=("social_media_manager",), budget_sek=800_000,
                                posts_per_week=15, inbound_per_week=400)),
])
def test_coverage_far_below_its_minimum_is_critical(catalog, rule_id, scenario):
    plan = simulate(scenario, catalog)
    assert "critical" in {f.severity for f in plan.findings if f.rule_id == rule_id}
    rule = next(rule for rule in catalog.rules if rule.id == rule_id)
    assert rule.severity == "warning"  # escalated by critical_below, not by the rule's own severity
